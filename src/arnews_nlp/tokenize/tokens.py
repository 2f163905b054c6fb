"""Surface tokenization with character offsets.

Words are runs of letters and combining marks (tatweel and invisible joiners
allowed inside a word); numbers are digit runs with internal separators; every
other visible character is a token of its own. Whitespace and stray control
characters are not tokens, so the text between two tokens is their separator.
"""

from __future__ import annotations

from functools import cached_property

import regex

from arnews_nlp.doc import Segment, Token
from arnews_nlp.normalize.aligned import NormalizerConfig, normalize
from arnews_nlp.tokenize.clitics import CliticSegmenter

__all__ = ["TOKEN_PATTERN", "Tokenizer"]

# Words analysed per tokenizer before the memo is emptied (bounds memory on long runs).
_CACHE_LIMIT = 200_000

TOKEN_PATTERN = regex.compile(
    r"[\p{L}\p{M}\u0640](?:[\p{L}\p{M}\u0640\p{Cf}]*[\p{L}\p{M}\u0640])?"  # word
    r"|\p{Nd}+(?:[.,\u066b\u066c/:]\p{Nd}+)*"  # number, date or time
    r"|[^\s\p{Cf}\p{M}]"  # any other visible character
    r"|\p{M}+"  # stray combining marks
)


class Tokenizer:
    """Split text into surface tokens and (optionally) clitic segments.

    Args:
        segment: Attach clitic segments to Arabic words.
        normalizer: Settings for each token's ``norm``.

    Examples:
        >>> tok = Tokenizer()
        >>> text = "وصل الوزير إلى الرياض، أمس."
        >>> [(t.start, t.end, text[t.start:t.end]) for t in tok(text)][:3]
        [(0, 3, 'وصل'), (4, 10, 'الوزير'), (11, 14, 'إلى')]
        >>> [t.norm for t in tok(text)][-4:]
        ['الرياض', ',', 'امس', '.']
    """

    def __init__(self, *, segment: bool = True, normalizer: NormalizerConfig | None = None) -> None:
        self.segment = segment
        self.normalizer = normalizer or NormalizerConfig()

    @cached_property
    def segmenter(self) -> CliticSegmenter:
        """The clitic segmenter (created on first use)."""
        return CliticSegmenter()

    @cached_property
    def _cache(self) -> dict[str, tuple[str, tuple[tuple[int, int, str, str], ...]]]:
        return {}

    def __getstate__(self) -> dict[str, object]:
        return {"segment": self.segment, "normalizer": self.normalizer}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    def __call__(self, text: str, start: int = 0, end: int | None = None) -> list[Token]:
        """Tokenize ``text[start:end]``; offsets index ``text``."""
        out: list[Token] = []
        append = out.append
        cache = self._cache
        for m in TOKEN_PATTERN.finditer(text, start, len(text) if end is None else end):
            word = m.group()
            analysis = cache.get(word)
            if analysis is None:
                analysis = self._analyse(word)
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                cache[word] = analysis
            norm, rel = analysis
            at = m.start()
            segments = tuple([Segment(at + s, at + e, kind, sn) for s, e, kind, sn in rel]) if rel else ()
            append(Token(at, at + len(word), norm, segments))
        return out

    def _analyse(self, word: str) -> tuple[str, tuple[tuple[int, int, str, str], ...]]:
        """Normalized form and segments (offsets relative to the word) of one word."""
        rel: tuple[tuple[int, int, str, str], ...] = ()
        if self.segment and len(word) > 2 and "\u0600" <= word[0] <= "\u06ff":
            rel = tuple((s.start, s.end, s.kind, s.norm) for s in self.segmenter.segment(word))
        return normalize(word, self.normalizer).text, rel
