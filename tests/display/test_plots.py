"""Arabic labels for matplotlib: shaped, visual order, an installed Arabic font."""

from __future__ import annotations

import pytest

from arnews_nlp.display.plots import arabic_font, native_layout, shape, shape_all, use_arabic_font
from arnews_nlp.errors import BackendUnavailableError


def test_latin_text_needs_no_shaping() -> None:
    assert shape_all(["Jordan", "2026"]) == ["Jordan", "2026"]


def test_arabic_is_joined_and_reversed() -> None:
    pytest.importorskip("arabic_reshaper")
    pytest.importorskip("bidi")
    # final nun, final alef, medial meem, initial ain: عمان drawn right to left
    assert shape("عمان", reshape=True) == "\ufee5\ufe8e\ufee4\ufecb"
    # numbers keep their left-to-right order inside a right-to-left line
    assert shape("عام 2026", reshape=True).startswith("2026 ")
    assert shape_all(["عمان"], reshape=True) == ["\ufee5\ufe8e\ufee4\ufecb"]


def test_text_is_left_alone_when_matplotlib_lays_out_arabic() -> None:
    pytest.importorskip("matplotlib")
    assert shape("عمان", reshape=False) == "عمان"
    expected = "عمان" if native_layout() else shape("عمان", reshape=True)
    assert shape("عمان") == expected


def test_native_layout_follows_libraqm(monkeypatch: pytest.MonkeyPatch) -> None:
    ft2font = pytest.importorskip("matplotlib.ft2font")
    monkeypatch.setattr(ft2font, "__libraqm_version__", "0.10.1", raising=False)
    assert native_layout() and shape("عمان") == "عمان"
    monkeypatch.delattr(ft2font, "__libraqm_version__")
    assert not native_layout()


def test_missing_font_is_reported_with_the_package_to_install() -> None:
    pytest.importorskip("matplotlib")
    assert arabic_font(["No Such Font"]) is None
    with pytest.raises(BackendUnavailableError, match="fonts-noto-core"):
        use_arabic_font(["No Such Font"])


def test_an_arabic_font_is_installed() -> None:
    pytest.importorskip("matplotlib")
    pytest.importorskip("arabic_reshaper")
    family = arabic_font()
    if family is None:
        pytest.skip("no Arabic font: apt-get install -y fonts-noto-core fonts-dejavu-core")
    from matplotlib import font_manager

    path = font_manager.findfont(family, fallback_to_default=False)
    from matplotlib.ft2font import FT2Font

    charmap = FT2Font(path).get_charmap()
    # shaped labels are drawn from Arabic Presentation Forms-B: the font must map them
    assert all(0xFE70 + i in charmap for i in (0x75, 0x5B, 0x74, 0x1E, 0x75))  # ﻥ ﻋ ﻤ ﺎ forms
    assert all(ord(ch) in charmap for ch in shape("الخارجية", reshape=True))
