"""Clitic segmentation of Arabic surface words, guarded by a lexicon.

A word such as ``وبالمدينة`` is cut into segments ``و`` + ``ب`` + ``ال`` + ``مدينة``,
each with character offsets into the original text. Names and words whose first
letter only looks like a clitic (بغداد، لبنان، وليد، كابول، وزير) are protected by a
hand-written list plus a list derived from corpus frequencies
(``scripts/build_clitic_lexicon.py``).
"""

from __future__ import annotations

from functools import cached_property
from importlib import resources

from arnews_nlp.doc import Segment
from arnews_nlp.normalize.aligned import NormalizedText, NormalizerConfig, normalize

__all__ = ["FOLD", "PREFIX_LETTERS", "SUFFIXES", "CliticSegmenter"]

PREFIX_LETTERS = frozenset("وفبلكس")
_CONJ = frozenset("وف")
_PREP = frozenset("بلك")
_IMPERFECT = frozenset("يتنا")
SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ك")
# Folding used for lexicon keys: like fold() but teh marbuta is kept (ة is not the suffix ه).
FOLD = NormalizerConfig(teh_marbuta=False)

# Words that start with ال but where ال is not (only) the article, or must stay whole.
_ARTICLE_EXCEPTIONS = frozenset(
    "الذي التي الذين اللذين اللذان اللتان اللتين اللاتي اللواتي الله الا الي الان الاول".split()
)
# Frequent names and words that begin with a clitic-looking letter (folded forms).
_HAND_PROTECTED = frozenset(
    """
    وليد وائل وسام وفاء وجدي وضاح وهبي وزير وزيرة وزارة وزراء وفد ولاية ولايات واشنطن وارسو
    فؤاد فادي فيصل فهد فاطمة فراس فريد فلسطين فرنسا فنزويلا فيتنام فنلندا فيينا فلوريدا فلاديمير
    بشار بسام بلال بكر بدر بغداد بيروت باريس برلين بكين بروكسل بريطانيا بلجيكا بولندا بلغاريا باكستان
    بنغلاديش بوتين بومبيو بنيامين بن بيان بيت بلد بلاد بحر
    لبنان ليبيا لندن لبني ليلي لؤي لافروف لجنة
    كابول كندا كوريا كوبا كينيا كولومبيا كمال كريم كامل كوفي كيري كردستان كركوك كرد
    سوريا سعد سعيد سلمان سلمي سمير سامي سيف سيناء سودان سويسرا سيول سانا سياسة سنة سنوات ستين
    """.split()
)


class CliticSegmenter:
    """Cut proclitics (و ف ب ل ك س ال) and pronoun suffixes off Arabic words.

    Args:
        protected: Extra folded words never to split at the front.
        min_stem: Shortest stem (in letters) a split may leave.

    Examples:
        >>> seg = CliticSegmenter()
        >>> [(s.kind, s.norm) for s in seg.segment("وبالمدينة")]
        [('proclitic', 'و'), ('proclitic', 'ب'), ('article', 'ال'), ('stem', 'مدينة')]
        >>> [(s.kind, s.norm) for s in seg.segment("للتحالف", 10)]
        [('proclitic', 'ل'), ('article', 'ال'), ('stem', 'تحالف')]
        >>> seg.segment("بغداد"), seg.segment("وليد")
        ((), ())
    """

    def __init__(self, *, protected: frozenset[str] | None = None, min_stem: int = 2) -> None:
        if min_stem < 1:
            raise ValueError("min_stem must be at least 1")
        self.extra_protected = protected or frozenset()
        self.min_stem = min_stem

    def __getstate__(self) -> dict[str, object]:
        return {"extra_protected": self.extra_protected, "min_stem": self.min_stem}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    @cached_property
    def protected(self) -> frozenset[str]:
        """Folded words whose first letter is not a clitic (loaded on first use)."""
        return _HAND_PROTECTED | self.extra_protected | _read_list("protected_prefix.txt")

    @cached_property
    def split_suffix(self) -> frozenset[str]:
        """Folded words whose pronoun suffix is a clitic (loaded on first use)."""
        return _read_list("split_suffix.txt")

    def segment(self, word: str, offset: int = 0) -> tuple[Segment, ...]:
        """Segment ``word`` found at ``offset`` of the document text.

        Returns an empty tuple when the word has no clitics. Segment offsets
        index the document (``offset`` + position in ``word``).
        """
        norm = normalize(word, FOLD)
        f = norm.text
        cuts: list[tuple[int, int, str, str]] = []  # (start, end) on f, kind, norm
        pos = self._prefixes(f, cuts)
        end = len(f)
        if not any(kind == "article" for _, _, kind, _ in cuts) and f[pos:] in self.split_suffix:
            for suf in SUFFIXES:
                if f.endswith(suf) and len(f) - len(suf) - pos >= self.min_stem + 1:
                    end = len(f) - len(suf)
                    break
        if not cuts and end == len(f):
            return ()
        stem_norm = f[pos:end]
        if end < len(f) and stem_norm.endswith("ت"):
            stem_norm = stem_norm[:-1] + "ة"
        cuts.append((pos, end, "stem", stem_norm))
        if end < len(f):
            cuts.append((end, len(f), "enclitic", f[end:]))
        return _tile(norm, offset, cuts)

    def _prefixes(self, f: str, cuts: list[tuple[int, int, str, str]]) -> int:
        pos = 0
        if f in self.protected or f in _ARTICLE_EXCEPTIONS:
            return 0
        if len(f) - 1 >= 3 and f[0] in _CONJ:
            cuts.append((0, 1, "proclitic", f[0]))
            pos = 1
        rest = f[pos:]
        if rest.startswith("لل") and len(rest) - 2 >= self.min_stem and rest not in _ARTICLE_EXCEPTIONS:
            cuts.append((pos, pos + 1, "proclitic", "ل"))
            cuts.append((pos + 1, pos + 2, "article", "ال"))
            return pos + 2
        if rest and rest[0] in _PREP and rest not in self.protected:
            after = rest[1:]
            if (after.startswith("ال") and len(after) - 2 >= self.min_stem) or (
                len(after) >= 3 and after not in _ARTICLE_EXCEPTIONS
            ):
                cuts.append((pos, pos + 1, "proclitic", rest[0]))
                pos += 1
        elif (
            len(rest) >= 5 and rest[0] == "س" and rest[1] in _IMPERFECT and rest not in self.protected
        ):
            cuts.append((pos, pos + 1, "proclitic", "س"))
            pos += 1
        rest = f[pos:]
        if rest.startswith("ال") and len(rest) - 2 >= self.min_stem and rest not in _ARTICLE_EXCEPTIONS:
            cuts.append((pos, pos + 2, "article", "ال"))
            pos += 2
        return pos


def _tile(norm: NormalizedText, offset: int, cuts: list[tuple[int, int, str, str]]) -> tuple[Segment, ...]:
    """Map cuts on the normalized word to segments that tile the original word exactly."""
    starts = [0] + [norm.to_original(c[0], c[1])[0] for c in cuts[1:]]
    ends = [*starts[1:], len(norm.original)]
    if any(s >= e for s, e in zip(starts, ends, strict=True)):
        return ()  # a cut falls inside one original character (a ligature such as ﻹ): keep the word whole
    return tuple(
        Segment(offset + s, offset + e, kind, text)
        for (_, _, kind, text), s, e in zip(cuts, starts, ends, strict=True)
    )


def _read_list(name: str) -> frozenset[str]:
    path = resources.files("arnews_nlp.resources").joinpath("clitics", name)
    if not path.is_file():
        return frozenset()
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if w)
