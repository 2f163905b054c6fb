"""CRF features: word forms, clitic split, affixes, shape, word clusters, gazetteer, context.

Word-intrinsic features are computed once per distinct token and cached on the
extractor (a per-instance cache, bounded); context features combine the
neighbours' cached values. Everything works on folded keys
(:func:`arnews_nlp.ner.wordforms.key`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from arnews_nlp.ner.gazetteer import Gazetteer
from arnews_nlp.ner.wordforms import key, shape, split_proclitics

__all__ = ["Clusters", "FeatureExtractor", "WordInfo", "load_clusters"]

_CACHE_LIMIT = 200_000
_PUNCT = frozenset(".,،;؛:?؟!\"'«»()[]{}-–—/")


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
        ids = self.clusters.ids.get(k)
        if ids is None:
            return [tag + "oov"]
        return [f"{tag}{g}={c}" for g, c in enumerate(ids)]

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
        info = WordInfo(f, k, stem, cl, fine, shp, gaz, token in _PUNCT, typ, lex)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[token] = info
        return info

    def analyze(self, tokens: Sequence[str]) -> tuple[list[WordInfo], list[tuple[int, int, str]]]:
        """Per-token info and the gazetteer matches of a sentence."""
        infos = [self.word(t) for t in tokens]
        return infos, self.gazetteer.match([i.key for i in infos], [i.stem for i in infos])

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Attribute lists for every token of a sentence."""
        return self.features(*self.analyze(tokens))

    def features(self, infos: Sequence[WordInfo], matches: Sequence[tuple[int, int, str]]) -> list[list[str]]:
        """Attribute lists from :meth:`analyze`'s output."""
        n = len(infos)
        gaz: list[list[str]] = [[] for _ in range(n)]
        for s, e, cat in matches:
            gaz[s].append("g=" + cat)
            gaz[s].append("gB=" + cat)
            for j in range(s + 1, e):
                gaz[j].append("g=" + cat)
                gaz[j].append("gI=" + cat)
        out: list[list[str]] = []
        v2 = self.version >= 2
        for i, info in enumerate(infos):
            f = list(info.feats)
            f += gaz[i]
            if v2:
                f += self._extra(infos, i)
            if i == 0:
                f.append("BOS")
            else:
                p = infos[i - 1]
                f += [
                    "w-1=" + p.key,
                    "s-1=" + p.stem,
                    "c-1=" + p.cluster,
                    "cf-1=" + p.fine_cluster,
                    "sh-1=" + p.shape,
                    "ww-1=" + p.key + "|" + info.key,
                ]
                f += ["g-1=" + g[2:] for g in gaz[i - 1] if g.startswith("g=")]
                if i > 1:
                    pp = infos[i - 2]
                    f += ["w-2=" + pp.key, "c-2=" + pp.cluster]
            if i == n - 1:
                f.append("EOS")
            else:
                nx = infos[i + 1]
                f += [
                    "w+1=" + nx.key,
                    "s+1=" + nx.stem,
                    "c+1=" + nx.cluster,
                    "cf+1=" + nx.fine_cluster,
                    "sh+1=" + nx.shape,
                    "ww+1=" + info.key + "|" + nx.key,
                ]
                f += ["g+1=" + g[2:] for g in gaz[i + 1] if g.startswith("g=")]
                if i < n - 2:
                    nn = infos[i + 2]
                    f += ["w+2=" + nn.key, "c+2=" + nn.cluster]
            out.append(f)
        return out

    def _extra(self, infos: Sequence[WordInfo], i: int) -> list[str]:
        """Version-2 context: stem and cluster bigrams, word-type clusters around.

        Version 3 adds the neighbours' lexicon features; version 4 (instead) adds
        character trigrams of the bare stem (see :meth:`word`).
        """
        v3 = self.version == 3
        info = infos[i]
        f = ["t=" + info.type_cluster]
        if i > 0:
            p = infos[i - 1]
            f += ["ss-1=" + p.stem + "|" + info.stem, "cc-1=" + p.cluster + "|" + info.cluster, "t-1=" + p.type_cluster]
            if v3:
                f += [x[:2] + "-1" + x[2:] for x in p.lex]
            if i > 1:
                f.append("ww-2=" + infos[i - 2].key + "|" + p.key)
        if i < len(infos) - 1:
            nx = infos[i + 1]
            f += ["cc+1=" + info.cluster + "|" + nx.cluster, "t+1=" + nx.type_cluster]
            if v3:
                f += [x[:2] + "+1" + x[2:] for x in nx.lex]
            if i < len(infos) - 2:
                f.append("ww+2=" + nx.key + "|" + infos[i + 2].key)
        return f
