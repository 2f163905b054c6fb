"""CRF features: word forms, clitic split, affixes, shape, word clusters, gazetteer, context.

Word-intrinsic features are computed once per distinct token and cached on the
extractor (a per-instance cache, bounded); context features combine the
neighbours' cached values. Everything works on folded keys
(:func:`arnews_nlp.ner.wordforms.key`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from arnews_nlp.ner.gazetteer import Gazetteer
from arnews_nlp.ner.wordforms import key, shape, split_proclitics

__all__ = ["Clusters", "FeatureExtractor", "WordInfo", "load_clusters", "quoted_after_head"]

_CACHE_LIMIT = 100_000
# When a word cache is full, words at least this frequent in the clusters' corpus stay.
KEEP_COUNT = 50
_PUNCT = frozenset(".,،;؛:?؟!\"'«»()[]{}-–—/")
_PAIRS_V1 = (("ww-1", "key", 1), ("ww+1", "key", 0))
_PAIRS_V2 = (
    *_PAIRS_V1,
    ("ww-2", "key", 2),
    ("ww+2", "key", -1),
    ("ss-1", "stem", 1),
    ("cc-1", "cluster", 1),
    ("cc+1", "cluster", 0),
)


@lru_cache(maxsize=65536)
def _cluster_features(tag: str, ids: tuple[str, ...] | None) -> list[str]:
    """``tag + granularity=id`` for each cluster id (``tag + "oov"`` for an unknown word).

    Callers copy the list (``f += ...``); it is shared between calls.
    """
    if ids is None:
        return [tag + "oov"]
    return [f"{tag}{g}={c}" for g, c in enumerate(ids)]


@dataclass(frozen=True)
class Clusters:
    """Word clusters learned from unlabeled news: ``word → (id per granularity)`` and counts."""

    ids: Mapping[str, tuple[str, ...]]
    counts: Mapping[str, int]

    def count(self, word: str) -> int:
        """Corpus frequency of a folded word (0 when below the table's cut-off)."""
        return self.counts.get(word, 0)


def load_clusters(path: Path | str) -> Clusters:
    """Read a ``word<TAB>count<TAB>id<TAB>id...`` cluster table (one id per granularity)."""
    ids: dict[str, tuple[str, ...]] = {}
    counts: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                ids[parts[0]] = tuple(parts[2:])
                counts[parts[0]] = int(parts[1])
    return Clusters(ids, counts)


_QUOTES = {"«": "»", '"': '"', "“": "”", "'": "'"}
_QUOTE_HEADS = ("ORGKW", "FACKW", "GPEKW", "LOCKW", "WORKKW")
_MAX_QUOTED = 8


def quoted_after_head(infos: Sequence[WordInfo]) -> list[tuple[int, int, str]]:
    """Quoted spans right after a head noun: ``(start, end, "Q" + head category)``.

    ``صحيفة « الشرق الأوسط »`` gives the words inside the quotes the match
    ``QORGKW``; ``برنامج « حكايات »`` gives ``QWORKKW``. The span is at most
    :data:`_MAX_QUOTED` words and must be closed. A doubled ``' '`` opens and
    closes like one quote.

    Examples:
        >>> from arnews_nlp.ner.gazetteer import Gazetteer
        >>> fx = FeatureExtractor(gazetteer=Gazetteer([("صحيفه", "ORGKW")]), version=5)
        >>> fx.analyze(["قالت", "صحيفة", "«", "الشرق", "الأوسط", "»", "إن"])[1]
        [(1, 2, 'ORGKW'), (3, 5, 'QORGKW')]
    """
    out: list[tuple[int, int, str]] = []
    n = len(infos)
    for i in range(1, n - 2):
        close = _QUOTES.get(infos[i].token)
        if close is None:
            continue
        heads = infos[i - 1].gaz.intersection(_QUOTE_HEADS)
        if not heads:
            continue
        start = i + 2 if close == "'" and infos[i + 1].token == "'" else i + 1
        end = start
        while end < n and end - start <= _MAX_QUOTED and infos[end].token != close:
            end += 1
        if start < end < n and end - start <= _MAX_QUOTED and infos[end].token == close:
            out += [(start, end, "Q" + h) for h in sorted(heads)]
    return out


@dataclass(slots=True)
class WordInfo:
    """Cached per-token values: its own features and the values neighbours use."""

    feats: list[str]
    key: str
    stem: str
    cluster: str
    fine_cluster: str
    shape: str
    gaz: frozenset[str]
    is_punct: bool
    type_cluster: str
    lex: tuple[str, ...] = ()
    token: str = ""


@dataclass
class FeatureExtractor:
    """Turn token sequences into CRF attribute lists.

    Examples:
        >>> cl = Clusters({"دمشق": ("1", "7", "42")}, {"دمشق": 9})
        >>> fx = FeatureExtractor(clusters=cl, gazetteer=Gazetteer([("دمشق", "CITY")]))
        >>> feats = fx.sentence(["زار", "الوزير", "دمشق"])
        >>> "w=دمشق" in feats[2], "c2=42" in feats[2], "g=CITY" in feats[2], "w-1=الوزير" in feats[2]
        (True, True, True, True)
    """

    clusters: Clusters = field(default_factory=lambda: Clusters({}, {}))
    gazetteer: Gazetteer = field(default_factory=lambda: Gazetteer(()))
    version: int = 2
    lexicon: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    _cache: dict[str, WordInfo] = field(default_factory=dict, repr=False)

    def _clusters_of(self, k: str, tag: str) -> list[str]:
        return _cluster_features(tag, self.clusters.ids.get(k))

    def word(self, token: str) -> WordInfo:
        """Word-intrinsic features of one token (cached)."""
        info = self._cache.get(token)
        if info is not None:
            return info
        k = key(token)
        prefix, stem = split_proclitics(k)
        bare = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
        shp = shape(token)
        f = [
            "w=" + k,
            "s=" + stem,
            "b=" + bare,
            "p=" + prefix,
            "sh=" + shp,
            "p2=" + k[:2],
            "p3=" + k[:3],
            "x2=" + k[-2:],
            "x3=" + k[-3:],
            "bx2=" + bare[-2:],
            "bp2=" + bare[:2],
            "len=" + str(min(len(bare), 8)),
        ]
        if token in _PUNCT:
            f.append("punct")
        if stem.startswith("ال"):
            f.append("al")
        ids = self.clusters.ids.get(k)
        f += self._clusters_of(k, "c")
        if stem != k:
            sid = self.clusters.ids.get(stem)
            f += self._clusters_of(stem, "sc")
            if ids is None:
                ids = sid
        if bare != stem:
            f += self._clusters_of(bare, "bc")
        cl = ids[1] if ids else "oov"
        fine = ids[-1] if ids else "oov"
        typ = ids[-2] if ids else "oov"
        if self.version >= 2:
            f += ["bx3=" + bare[-3:], "bp3=" + bare[:3]]
        if self.version >= 4 and len(bare) > 3:
            padded = "<" + bare + ">"
            f += ["g3=" + padded[j : j + 3] for j in range(len(padded) - 2)]
        lex = self.lexicon.get(stem, ())
        f += lex
        gaz = self.gazetteer.categories(stem) | self.gazetteer.categories(k)
        f += ["gw=" + cat for cat in sorted(gaz)]
        info = WordInfo(f, k, stem, cl, fine, shp, gaz, token in _PUNCT, typ, lex, token)
        if len(self._cache) >= _CACHE_LIMIT:
            self._evict()
        self._cache[token] = info
        return info

    def _evict(self) -> None:
        """Empty the word cache except for frequent words (they come back soonest)."""
        counts = self.clusters.counts
        kept = {t: i for t, i in self._cache.items() if counts.get(i.key, 0) >= KEEP_COUNT}
        self._cache = kept if len(kept) < _CACHE_LIMIT // 2 else {}

    def analyze(self, tokens: Sequence[str]) -> tuple[list[WordInfo], list[tuple[int, int, str]]]:
        """Per-token info and the gazetteer matches of a sentence."""
        cached = self._cache.get
        infos = [cached(t) or self.word(t) for t in tokens]
        matches = self.gazetteer.match([i.key for i in infos], [i.stem for i in infos])
        if self.version >= 5:
            matches += quoted_after_head(infos)
        return infos, matches

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Attribute lists for every token of a sentence."""
        return self.features(*self.analyze(tokens))

    def features(self, infos: Sequence[WordInfo], matches: Sequence[tuple[int, int, str]]) -> list[list[str]]:
        """Attribute lists from :meth:`analyze`'s output.

        Every attribute comes from one of the templates below, so that a tagger can
        also precompute their weights per word (:class:`arnews_nlp.ner.crf.CRFModel`):
        the token's own features (:meth:`own`), one neighbour alone (:meth:`neighbour`),
        an adjacent pair (:meth:`pair`), the gazetteer matches (:meth:`gazetteer_features`)
        and the sentence edges (``BOS``/``EOS``).
        """
        n = len(infos)
        out = [self.own(info) for info in infos]
        for i in range(n):
            for off in (-2, -1, 1, 2):
                j = i + off
                if 0 <= j < n:
                    out[i] += self.neighbour(infos[j], off)
        for i in range(1, n):
            for receiver, attr in self.pair(infos[i - 1], infos[i]):
                j = i - 1 + receiver
                if 0 <= j < n:
                    out[j].append(attr)
        for i, f in self.gazetteer_features(n, matches):
            out[i] += f
        if n:
            out[0].append("BOS")
            out[-1].append("EOS")
        return out

    def own(self, info: WordInfo) -> list[str]:
        """The token's own attributes (a new list): ``info.feats`` plus :meth:`own_extra`."""
        return info.feats + self.own_extra(info)

    def own_extra(self, info: WordInfo) -> list[str]:
        """Own attributes not in ``info.feats`` (version 2 on: the word-type cluster)."""
        return ["t=" + info.type_cluster] if self.version >= 2 else []

    def neighbour(self, info: WordInfo, offset: int) -> list[str]:
        """Attributes a token gets from the word ``offset`` positions away (±1, ±2)."""
        if offset in (-1, 1):
            tag = "-1" if offset < 0 else "+1"
            f = [
                f"w{tag}=" + info.key,
                f"s{tag}=" + info.stem,
                f"c{tag}=" + info.cluster,
                f"cf{tag}=" + info.fine_cluster,
                f"sh{tag}=" + info.shape,
            ]
            if self.version >= 2:
                f.append(f"t{tag}=" + info.type_cluster)
            if self.version == 3:
                f += [x[:2] + tag + x[2:] for x in info.lex]
        else:
            tag = "-2" if offset < 0 else "+2"
            f = [f"w{tag}=" + info.key, f"c{tag}=" + info.cluster]
        return f

    def pair_templates(self) -> tuple[tuple[str, str, int], ...]:
        """Adjacent-pair attributes ``(name, WordInfo field, receiver)`` for words ``a b``.

        The value is ``a.field + "|" + b.field``; the receiver is the position
        relative to ``a`` of the token that gets the attribute (``1`` is ``b``).
        """
        if self.version < 2:
            return _PAIRS_V1
        return _PAIRS_V2

    def pair(self, a: WordInfo, b: WordInfo) -> list[tuple[int, str]]:
        """``(receiver, attribute)`` for the adjacent words ``a b`` (see :meth:`pair_templates`)."""
        values: dict[str, str] = {}
        out = []
        for name, fld, receiver in self.pair_templates():
            v = values.get(fld)
            if v is None:
                v = values[fld] = getattr(a, fld) + "|" + getattr(b, fld)
            out.append((receiver, name + "=" + v))
        return out

    @staticmethod
    def gazetteer_features(n: int, matches: Sequence[tuple[int, int, str]]) -> list[tuple[int, list[str]]]:
        """``(position, attributes)`` from the sentence's gazetteer matches (and at their neighbours)."""
        gaz: dict[int, list[str]] = {}
        for s, e, cat in matches:
            for j in range(s, e):
                gaz.setdefault(j, []).extend(("g=" + cat, ("gB=" if j == s else "gI=") + cat))
        out: list[tuple[int, list[str]]] = list(gaz.items())
        for j, f in gaz.items():
            near = [g[2:] for g in f if g.startswith("g=")]
            if j + 1 < n:
                out.append((j + 1, ["g-1=" + c for c in near]))
            if j > 0:
                out.append((j - 1, ["g+1=" + c for c in near]))
        return out
