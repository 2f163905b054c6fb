"""Training the CRF with python-crfsuite; tagging with its weights compiled to numpy.

crfsuite itself is slow at tagging news-length sentences here: most of the time
goes into passing about 100 attribute strings per token to it. :class:`CRFModel`
instead reads the trained weights (attribute × label state weights and label ×
label transitions, :class:`CRFWeights`) and precomputes, once per distinct word,
the summed weights of the attributes that depend on that word alone (its own and
what it gives its ±1/±2 neighbours, see :meth:`FeatureExtractor.features
<arnews_nlp.ner.features.FeatureExtractor.features>`). A sentence's scores are
then a handful of array gathers plus the adjacent-pair and gazetteer attributes;
Viterbi decoding runs on all sentences of a document at once. The result is the
same best path crfsuite finds (tested on held-out sentences).
"""

from __future__ import annotations

import itertools
import logging
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from arnews_nlp.ner.features import KEEP_COUNT, FeatureExtractor, WordInfo

__all__ = ["CRFModel", "CRFWeights", "train_crf", "viterbi"]

log = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float64]
_ROW_LIMIT = 60_000
_PAIR_LIMIT = 200_000
_OFFSETS = (-2, -1, 1, 2)
# scores another model adds to the CRF's: per-sentence state scores and transition scores
ExtraScores = Callable[[Sequence[tuple[Sequence[WordInfo], Sequence[tuple[int, int, str]]]]], tuple[list[Any], Any]]
# per WordInfo field: its getter, the templates using it, the values the model knows, a cache
_PairSpec = tuple[
    Callable[[WordInfo], str], list[tuple[str, int]], set[tuple[str, str]], dict[tuple[str, str], list[tuple[int, int]]]
]


def train_crf(
    sentences: Iterable[tuple[Sequence[str], Sequence[str]]],
    extractor: FeatureExtractor,
    out: Path,
    *,
    c1: float = 0.05,
    c2: float = 0.02,
    max_iterations: int = 150,
) -> dict[str, Any]:
    """Train an L-BFGS CRF (L1 + L2) and write it to ``out``; returns crfsuite's log info."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in sentences:
        trainer.append(extractor.sentence(tokens), list(tags))
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": 1,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    info: dict[str, Any] = {"iterations": len(trainer.logparser.iterations)}
    if trainer.logparser.iterations:
        info["loss"] = trainer.logparser.iterations[-1].get("loss")
    log.info("trained %s: %s", out, info)
    return info


@dataclass(frozen=True)
class CRFWeights:
    """A linear-chain CRF's parameters: ``state[attribute_row, label]`` and ``trans[from, to]``.

    ``state`` has one extra all-zero row at the end, the row of unknown attributes.
    """

    labels: tuple[str, ...]
    index: dict[str, int]
    state: FloatArray
    trans: FloatArray

    @classmethod
    def from_crfsuite(cls, path: Path | str) -> CRFWeights:
        """Read the weights of a crfsuite model file (takes about 0.5 s for the shipped model)."""
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        labels = tuple(tagger.labels())
        info = tagger.info()
        lab = {name: i for i, name in enumerate(labels)}
        index: dict[str, int] = {}
        for attr, _ in info.state_features:
            index.setdefault(attr, len(index))
        state = np.zeros((len(index) + 1, len(labels)))
        for (attr, label), w in info.state_features.items():
            state[index[attr], lab[label]] = w
        trans = np.zeros((len(labels), len(labels)))
        for (a, b), w in info.transitions.items():
            trans[lab[a], lab[b]] = w
        return cls(labels, index, state, trans)

    def save(self, path: Path | str) -> None:
        """Write the weights as a compressed ``.npz`` (float64, so scores stay exact)."""
        attrs = "\n".join(sorted(self.index, key=self.index.__getitem__)).encode("utf-8")
        with open(path, "wb") as fh:
            np.savez_compressed(
                fh,
                labels=np.frombuffer("\n".join(self.labels).encode("utf-8"), dtype=np.uint8),
                attributes=np.frombuffer(attrs, dtype=np.uint8),
                state=self.state,
                trans=self.trans,
            )

    @classmethod
    def load(cls, path: Path | str) -> CRFWeights:
        """Read weights written by :meth:`save`."""
        with np.load(path) as z:
            labels = tuple(z["labels"].tobytes().decode("utf-8").split("\n"))
            attrs = z["attributes"].tobytes().decode("utf-8").split("\n")
            state = z["state"]
            trans = z["trans"]
        return cls(labels, {a: i for i, a in enumerate(attrs)}, state, trans)

    @property
    def unknown(self) -> int:
        """Row index of unknown attributes (all-zero weights)."""
        return len(self.state) - 1

    def rows(self, attributes: Iterable[str]) -> list[int]:
        """Rows of the known attributes among ``attributes`` (duplicates kept: they count twice)."""
        return [r for r in map(self.index.get, attributes) if r is not None]

    def score(self, features: Sequence[Sequence[str]]) -> FloatArray:
        """State scores ``[token, label]`` of one sentence's attribute lists (the reference computation)."""
        out = np.zeros((len(features), len(self.labels)))
        for i, f in enumerate(features):
            r = self.rows(f)
            if r:
                out[i] = self.state[r].sum(axis=0)
        return out


def viterbi(emissions: Sequence[FloatArray], trans: FloatArray) -> list[list[int]]:
    """Best label paths of several sentences at once (ties go to the lower label index, as in crfsuite).

    Examples:
        >>> e = [np.array([[1.0, 0.0], [0.0, 2.0]]), np.array([[0.0, 3.0]])]
        >>> viterbi(e, np.array([[0.0, 0.0], [0.0, -5.0]]))
        [[0, 1], [1]]
    """
    if not emissions:
        return []
    if len(emissions) == 1:
        return [_viterbi_one(emissions[0], trans)]
    n_labels = trans.shape[0]
    order = sorted(range(len(emissions)), key=lambda k: -len(emissions[k]))
    lengths = [len(emissions[k]) for k in order]
    width = lengths[0]
    # steps[t]: emissions at position t of the sentences still running (a prefix of ``order``)
    padded = np.zeros((width, len(order), n_labels))
    for j, k in enumerate(order):
        padded[: lengths[j], j] = emissions[k]
    negated = [-n for n in lengths]  # ascending
    active = [bisect_left(negated, -t) for t in range(width)]  # how many sentences are longer than t
    score = padded[0].copy()
    back = np.zeros((width, len(order), n_labels), dtype=np.intp)
    for t in range(1, width):
        m = active[t]
        cand = score[:m, :, None] + trans
        back[t, :m] = cand.argmax(axis=1)
        score[:m] = cand.max(axis=1) + padded[t, :m]
    # walk back from each sentence's last label, all sentences at once
    labels = np.zeros((width, len(order)), dtype=np.intp)
    cur = score.argmax(axis=1)
    for t in range(width - 1, 0, -1):
        m = active[t]
        labels[t, :m] = cur[:m]
        cur[:m] = back[t, np.arange(m), cur[:m]]
    labels[0] = cur
    by_sentence = labels.T.tolist()
    paths: list[list[int]] = [[] for _ in emissions]
    for j, k in enumerate(order):
        paths[k] = by_sentence[j][: lengths[j]]
    return paths


def _viterbi_one(e: FloatArray, trans: FloatArray) -> list[int]:
    """:func:`viterbi` for a single sentence (fewer array operations per step)."""
    n, k = e.shape
    if n == 0:
        return []
    into = np.ascontiguousarray(trans.T)  # into[j, i]: the score of moving from label i to label j
    back = np.zeros((n, k), dtype=np.intp)
    cand = np.empty((k, k))
    flat, rows = cand.reshape(-1), np.arange(k) * k
    score = e[0]
    for t in range(1, n):
        np.add(into, score, out=cand)
        best = back[t] = cand.argmax(axis=1)
        score = flat[rows + best] + e[t]
    path = [int(score.argmax())]
    steps = back.tolist()
    for t in range(n - 1, 0, -1):
        path.append(steps[t][path[-1]])
    return path[::-1]


class CRFModel:
    """A trained CRF plus the feature extractor it was trained with.

    Args:
        path: the crfsuite model file.
        extractor: the feature extractor used in training.
        weights: the model's compiled weights (:meth:`CRFWeights.load`); read from
            ``path`` when not given.
    """

    def __init__(self, path: Path, extractor: FeatureExtractor, weights: CRFWeights | None = None) -> None:
        self.path = path
        self.extractor = extractor
        self.weights = weights if weights is not None else CRFWeights.from_crfsuite(path)
        self._labels = list(self.weights.labels)
        self._rows: dict[str, int] = {}
        self._frequent: set[str] = set()
        self._table = np.zeros((1024, 5, len(self._labels)))
        self._edges = (self.weights.rows(["BOS"]), self.weights.rows(["EOS"]))
        self._pair_specs = self._compile_pairs()

    @property
    def labels(self) -> list[str]:
        """The tags the model can emit."""
        return list(self._labels)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags for one sentence."""
        if not tokens:
            return []
        return self.tag_analyses([self.extractor.analyze(tokens)])[0]

    def tag_analyses(
        self, analyses: Sequence[tuple[list[WordInfo], list[tuple[int, int, str]]]], *, extra: ExtraScores | None = None
    ) -> list[list[str]]:
        """BIO tags for sentences given as :meth:`FeatureExtractor.analyze` results, decoded together.

        ``extra`` maps the non-empty analyses to scores added before decoding: one
        ``[token, label]`` array per sentence and a ``[label, label]`` transition array
        (labels in :attr:`labels` order).
        """
        nonempty = [a for a in analyses if a[0]]
        scores = self.emissions_batch(nonempty) if nonempty else []
        trans = self.weights.trans
        if extra is not None and nonempty:
            more, more_trans = extra(nonempty)
            for e, m in zip(scores, more, strict=True):
                e += m
            trans = trans + more_trans
        paths = iter(viterbi(scores, trans))
        labels = self._labels
        return [[labels[y] for y in next(paths)] if a[0] else [] for a in analyses]

    def tag_features(self, features: list[list[str]]) -> list[str]:
        """BIO tags for one sentence's attribute lists (the plain, uncached computation)."""
        if not features:
            return []
        return [self._labels[y] for y in viterbi([self.weights.score(features)], self.weights.trans)[0]]

    # -- scores --------------------------------------------------------------------------
    def emissions(self, infos: Sequence[WordInfo], matches: Sequence[tuple[int, int, str]]) -> FloatArray:
        """State scores ``[token, label]`` of one sentence, equal to ``weights.score(extractor.features(...))``."""
        return self.emissions_batch([(infos, matches)])[0]

    def emissions_batch(
        self, analyses: Sequence[tuple[Sequence[WordInfo], Sequence[tuple[int, int, str]]]]
    ) -> list[FloatArray]:
        """:meth:`emissions` of several non-empty sentences, computed on their concatenation."""
        infos = [info for sent, _ in analyses for info in sent]
        self._add_rows(infos)
        sizes = [len(sent) for sent, _ in analyses]
        first = list(itertools.accumulate(sizes, initial=0))
        n = first[-1]
        # position of each token in its sentence, and tokens left before its sentence ends
        pos = np.concatenate([np.arange(k) for k in sizes])
        left = np.concatenate([np.arange(k - 1, -1, -1) for k in sizes])
        rows = np.array([self._rows[i.token] for i in infos])
        tab = self._table
        e = tab[rows, 0].copy()
        for role, offset in enumerate(_OFFSETS, start=1):
            # token t gets the table's neighbour(word t + offset, offset) sums (role order: _OFFSETS)
            at = np.nonzero(pos >= -offset)[0] if offset < 0 else np.nonzero(left >= offset)[0]
            e[at] += tab[rows[at + offset], role]
        targets: list[int] = []
        found: list[int] = []
        index = self.weights.index
        sentence_of = np.repeat(np.arange(len(sizes)), sizes).tolist()
        for get_field, templates, known, cache in self._pair_specs:
            values = list(map(get_field, infos))
            # (a, b) tuples hash from the words' cached hashes: much cheaper than building "a|b" strings
            for i, pair in [(i, p) for i, p in enumerate(itertools.pairwise(values)) if p in known]:
                sid = sentence_of[i]
                if sentence_of[i + 1] != sid:
                    continue  # not a pair: the sentence ends at i
                got = cache.get(pair)
                if got is None:
                    if len(cache) >= _PAIR_LIMIT:
                        cache.clear()
                    v = pair[0] + "|" + pair[1]
                    got = cache[pair] = [
                        (rec, row) for name, rec in templates if (row := index.get(name + v)) is not None
                    ]
                for rec, r in got:
                    j = i + rec
                    if first[sid] <= j < first[sid + 1]:
                        targets.append(j)
                        found.append(r)
        rows_of = self.weights.rows
        bos, eos = self._edges
        for (_, matches), base, size in zip(analyses, first[:-1], sizes, strict=True):
            for i, f in self.extractor.gazetteer_features(size, matches):
                gaz = rows_of(f)
                targets += [base + i] * len(gaz)
                found += gaz
            targets += [base] * len(bos) + [base + size - 1] * len(eos)
            found += bos + eos
        if found:
            np.add.at(e, np.array(targets), self.weights.state[np.array(found)])
        return np.split(e, first[1:-1]) if n else []

    def _add_rows(self, infos: Sequence[WordInfo]) -> None:
        """Precompute the per-word weight sums (own, and as a −2/−1/+1/+2 neighbour) of new words."""
        new: dict[str, WordInfo] = {}
        for info in infos:
            k = info.token
            if k not in self._rows and k not in new:
                new[k] = info
        if not new:
            return
        if len(self._rows) + len(new) > _ROW_LIMIT:
            self._evict()
            new = {info.token: info for info in infos if info.token not in self._rows}
        base = len(self._rows)
        if base + len(new) > len(self._table):
            grown = np.zeros((max(2 * len(self._table), base + len(new)), *self._table.shape[1:]))
            grown[:base] = self._table[:base]
            self._table = grown
        fx = self.extractor
        lists: list[list[str]] = []
        for info in new.values():
            lists.append(info.feats + fx.own_extra(info))
            lists.extend([fx.neighbour(info, off) for off in _OFFSETS])
        get = self.weights.index.get
        unknown = self.weights.unknown
        rows = [get(a, unknown) for attrs in lists for a in attrs]
        rows.append(unknown)  # reduceat needs an index past the last group's start
        lengths = np.array([len(attrs) for attrs in lists])
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        sums = np.add.reduceat(self.weights.state[np.array(rows)], starts, axis=0)
        sums[lengths == 0] = 0.0
        self._table[base : base + len(new)] = sums.reshape(len(new), 5, -1)
        counts = fx.clusters.counts
        for j, (k, info) in enumerate(new.items()):
            self._rows[k] = base + j
            if counts.get(info.key, 0) >= KEEP_COUNT:
                self._frequent.add(k)

    def _evict(self) -> None:
        """Empty the per-word table except for frequent words, which move to the front."""
        kept = [k for k in self._rows if k in self._frequent]
        if len(kept) >= _ROW_LIMIT // 2:
            kept = []
        rows = np.array([self._rows[k] for k in kept], dtype=np.intp)
        self._table[: len(kept)] = self._table[rows]
        self._rows = {k: j for j, k in enumerate(kept)}
        self._frequent = set(kept)

    def _compile_pairs(self) -> list[_PairSpec]:
        """Per WordInfo field of the pair templates: getter, ``(name=, receiver)``, known values, a cache."""
        by_field: dict[str, list[tuple[str, int]]] = {}
        for name, fld, receiver in self.extractor.pair_templates():
            by_field.setdefault(fld, []).append((name + "=", receiver))
        specs: list[_PairSpec] = []
        for fld, templates in by_field.items():
            names = tuple(n for n, _ in templates)
            known: set[tuple[str, str]] = set()
            for attr in self.weights.index:
                if attr.startswith(names):
                    value = attr.split("=", 1)[1]
                    # every way of reading "a|b" (a word may itself contain "|")
                    known.update((value[:k], value[k + 1 :]) for k, ch in enumerate(value) if ch == "|")
            specs.append((attrgetter(fld), templates, known, {}))
        return specs

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "extractor": self.extractor, "weights": self.weights}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"], state["extractor"], state["weights"])  # type: ignore[misc]
