"""Normalization that keeps an alignment to the original characters.

The normalizer never returns a bare string: :func:`normalize` returns a
:class:`NormalizedText` that knows, for every normalized character, which
original characters produced it. Spans found on the normalized text map back
with :meth:`NormalizedText.to_original`.

Ops and their length behaviour (STYLE.md B7):

=======================  ==============
op                       length
=======================  ==============
alef forms → ا           1:1
ى → ي                    1:1
ة → ه                    1:1 (optional)
ؤ → و, ئ → ي             1:1 (optional)
Eastern digits → ASCII   1:1
Arabic punctuation       1:1
diacritics               removal
tatweel                  removal
zero-width / bidi        removal
NFKC presentation forms  expansion (ﷺ → 18 characters)
=======================  ==============
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

from arnews_nlp.normalize.charsets import (
    ALEF_FORMS,
    BIDI_AND_ZERO_WIDTH,
    DIACRITICS,
    DIGITS,
    HAMZA_SEATS,
    PUNCTUATION,
    TATWEEL,
)

__all__ = ["NormalizedText", "NormalizerConfig", "normalize"]


@dataclass(frozen=True, slots=True, kw_only=True)
class NormalizerConfig:
    """Which normalization ops to apply (all keyword-only, defaults in one place)."""

    nfkc: bool = True
    diacritics: bool = True
    tatweel: bool = True
    controls: bool = True
    alef: bool = True
    alef_maqsura: bool = True
    teh_marbuta: bool = True
    hamza_seats: bool = False
    digits: bool = True
    punctuation: bool = True

    def one_to_one(self) -> dict[str, str]:
        """The 1:1 character map these settings apply."""
        table: dict[str, str] = {}
        if self.alef:
            table.update(ALEF_FORMS)
        if self.alef_maqsura:
            table["ى"] = "ي"
        if self.teh_marbuta:
            table["ة"] = "ه"
        if self.hamza_seats:
            table.update(HAMZA_SEATS)
        if self.digits:
            table.update(DIGITS)
        if self.punctuation:
            table.update(PUNCTUATION)
        return table

    def removed(self) -> frozenset[str]:
        """The characters these settings delete."""
        out: set[str] = set()
        if self.diacritics:
            out |= DIACRITICS
        if self.tatweel:
            out.add(TATWEEL)
        if self.controls:
            out |= BIDI_AND_ZERO_WIDTH
        return frozenset(out)


@dataclass(slots=True)
class _Tables:
    translate: dict[int, str]
    one_to_one: dict[str, str]
    removed: frozenset[str]
    removed_re: regex.Pattern[str] | None


_TABLE_CACHE: dict[NormalizerConfig, _Tables] = {}


_DEFAULT = NormalizerConfig()
# Per config object (hashing a config on every call costs more than normalizing a word).
_BY_ID: dict[int, tuple[NormalizerConfig, _Tables]] = {}


def _tables(config: NormalizerConfig) -> _Tables:
    known = _BY_ID.get(id(config))
    if known is not None and known[0] is config:
        return known[1]
    tables = _TABLE_CACHE.get(config)
    if tables is None:
        one = config.one_to_one()
        removed = config.removed()
        pattern = regex.compile("[" + regex.escape("".join(sorted(removed))) + "]+") if removed else None
        tables = _Tables(str.maketrans(one), one, removed, pattern)
        _TABLE_CACHE[config] = tables
    if len(_BY_ID) >= 64:
        _BY_ID.clear()
    _BY_ID[id(config)] = (config, tables)  # keeps ``config`` alive, so its id is not reused
    return tables


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalized string with its alignment to the original.

    Attributes:
        original: The verbatim input.
        text: The normalized string.
        starts: For each normalized character, the first original index it came from
            (``None`` when the alignment is the identity: no op changed the length).
        ends: For each normalized character, one past the last original index.
    """

    original: str
    text: str
    starts: tuple[int, ...] | None = field(default=None, repr=False)
    ends: tuple[int, ...] | None = field(default=None, repr=False)

    def char_origin(self, index: int) -> tuple[int, int]:
        """Original ``[start, end)`` of normalized character ``index``."""
        if not 0 <= index < len(self.text):
            raise IndexError(f"normalized index {index} out of range 0..{len(self.text) - 1}")
        if self.starts is None or self.ends is None:
            return index, index + 1
        return self.starts[index], self.ends[index]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span ``[start, end)`` to original offsets.

        Examples:
            >>> n = normalize("الرِّيَاض")
            >>> n.text
            'الرياض'
            >>> n.to_original(2, 6)
            (2, 9)
        """
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span ({start}, {end}) outside normalized text of length {len(self.text)}")
        if start == end:
            pos = self.char_origin(start)[0] if start < len(self.text) else len(self.original)
            return pos, pos
        return self.char_origin(start)[0], self.char_origin(end - 1)[1]


def normalize(text: str, config: NormalizerConfig | None = None) -> NormalizedText:
    """Normalize Arabic text and keep the alignment back to ``text``.

    Args:
        text: The verbatim input.
        config: Which ops to apply; defaults to :class:`NormalizerConfig()`.

    Returns:
        The normalized text with its alignment.

    Examples:
        >>> n = normalize("وصلَ الوزيـــر إلى الرياض، أمس ١٠ شباط")
        >>> n.text
        'وصل الوزير الي الرياض, امس 10 شباط'
        >>> s, e = n.to_original(4, 10)
        >>> "وصلَ الوزيـــر إلى الرياض، أمس ١٠ شباط"[s:e]
        'الوزيـــر'
    """
    cfg = config or _DEFAULT
    tables = _tables(cfg)
    needs_nfkc = cfg.nfkc and not unicodedata.is_normalized("NFKC", text)
    if needs_nfkc:
        return _normalize_slow(text, tables, nfkc=True)
    if tables.removed_re is None or tables.removed_re.search(text) is None:
        return NormalizedText(text, text.translate(tables.translate))
    # deletions only: keep the other characters' positions (same result as the slow path)
    parts: list[str] = []
    keep: list[int] = []
    pos = 0
    for m in tables.removed_re.finditer(text):
        parts.append(text[pos : m.start()])
        keep.extend(range(pos, m.start()))
        pos = m.end()
    parts.append(text[pos:])
    keep.extend(range(pos, len(text)))
    kept = "".join(parts).translate(tables.translate)
    return NormalizedText(text, kept, tuple(keep), tuple(i + 1 for i in keep))


def _normalize_slow(text: str, tables: _Tables, *, nfkc: bool) -> NormalizedText:
    """Reference implementation: character by character, tracking origins."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    removed = tables.removed
    mapping = tables.one_to_one
    for i, ch in enumerate(text):
        expanded = unicodedata.normalize("NFKC", ch) if nfkc else ch
        for c in expanded:
            if c in removed:
                continue
            out.append(mapping.get(c, c))
            starts.append(i)
            ends.append(i + 1)
    return NormalizedText(text, "".join(out), tuple(starts), tuple(ends))
