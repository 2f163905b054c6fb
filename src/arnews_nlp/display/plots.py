"""Arabic labels that matplotlib draws correctly: shaped, in visual order, in a font that has them.

Matplotlib before 3.11 lays text out left to right, one code point at a time:
Arabic comes out as isolated letters in reverse order. For those versions
:func:`shape` joins the letters (arabic-reshaper) and reorders the line for
display (python-bidi). Matplotlib 3.11 and later lay text out with libraqm,
which shapes and orders Arabic itself; there :func:`shape` leaves the text alone
(shaping it again would reverse it). :func:`arabic_font` finds an installed font
with Arabic glyphs. Everything comes with the ``[notebooks]`` extra; nothing
here is imported by ``import arnews_nlp``.

Examples:
    >>> shape("Jordan"), shape("عمان", reshape=False)
    ('Jordan', 'عمان')
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from arnews_nlp.errors import BackendUnavailableError

__all__ = ["ARABIC_FONTS", "arabic_font", "native_layout", "shape", "shape_all", "use_arabic_font"]

# Preferred families, best first (Debian: fonts-noto-core, fonts-dejavu-core).
ARABIC_FONTS = ("Noto Sans Arabic", "Noto Naskh Arabic", "Amiri", "DejaVu Sans")

_INSTALL = "pip install 'arnews-nlp[notebooks]'"


def _tools() -> tuple[Any, Any]:
    # imported by name: both are optional and untyped, and mypy need not know them
    try:
        reshaper = importlib.import_module("arabic_reshaper")
        bidi = importlib.import_module("bidi")
    except ImportError as exc:
        raise BackendUnavailableError(
            backend="arabic plotting", reason=f"{exc.name} is not installed", install_command=_INSTALL
        ) from exc
    return reshaper, bidi.get_display


def native_layout() -> bool:
    """True when matplotlib shapes and orders complex scripts itself (built with libraqm, 3.11+).

    Examples:
        >>> isinstance(native_layout(), bool)
        True
    """
    try:
        ft2font = importlib.import_module("matplotlib.ft2font")
    except ImportError:
        return False
    return bool(getattr(ft2font, "__libraqm_version__", None))


def shape(text: str, *, reshape: bool | None = None) -> str:
    """Return ``text`` ready for a matplotlib label.

    Text without Arabic letters is returned unchanged.

    Args:
        text: A logical-order string (as stored in a Document).
        reshape: Join the letter forms and reorder for display. ``None`` (the default): only when
            matplotlib does not lay out Arabic itself (:func:`native_layout`).

    Returns:
        The string to draw: ``text`` itself under native layout, otherwise joined letter forms
        with right-to-left runs reversed.

    Raises:
        BackendUnavailableError: arabic-reshaper or python-bidi is not installed.

    Examples:
        >>> shape("Jordan")
        'Jordan'
        >>> shape("عمان", reshape=True)  # doctest: +SKIP
        'ﻥﺎﻤﻋ'
    """
    if not any("\u0600" <= ch <= "\u06ff" for ch in text):
        return text
    if reshape is None:
        reshape = not native_layout()
    if not reshape:
        return text
    reshaper, get_display = _tools()
    return str(get_display(reshaper.reshape(text)))


def shape_all(texts: Iterable[str], *, reshape: bool | None = None) -> list[str]:
    """:func:`shape` every string (for tick labels).

    Examples:
        >>> shape_all(["A", "B"])
        ['A', 'B']
    """
    return [shape(t, reshape=reshape) for t in texts]


def arabic_font(preferred: Iterable[str] = ARABIC_FONTS) -> str | None:
    """The first installed font family of ``preferred`` that matplotlib can use, or ``None``.

    Examples:
        >>> arabic_font(["No Such Font"]) is None
        True
    """
    try:
        from matplotlib import font_manager
    except ImportError as exc:
        raise BackendUnavailableError(
            backend="arabic plotting", reason="matplotlib is not installed", install_command=_INSTALL
        ) from exc
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for family in preferred:
        if family in installed:
            return family
    return None


def use_arabic_font(preferred: Iterable[str] = ARABIC_FONTS) -> str:
    """Make matplotlib draw with an Arabic-capable font; return the family chosen.

    Changes ``matplotlib.rcParams`` (``font.family``), so call it yourself, in a notebook.

    Raises:
        BackendUnavailableError: no font of ``preferred`` is installed (the message says which
            Debian package brings one).
    """
    preferred = tuple(preferred)
    family = arabic_font(preferred)
    if family is None:
        raise BackendUnavailableError(
            backend="arabic plotting",
            reason=f"none of the fonts {', '.join(preferred)} is installed",
            install_command="apt-get install -y fonts-noto-core  # or fonts-dejavu-core",
        )
    import matplotlib

    matplotlib.rcParams["font.family"] = [family, "DejaVu Sans"]
    return family
