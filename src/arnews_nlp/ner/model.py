"""The shipped NER model: locate, load (cached) and tag token sequences.

A model directory holds ``meta.json``, ``model.crfsuite`` (the 4-type CRF),
``clusters.tsv`` (word clusters from unlabeled news), ``lexicon.tsv`` (word
types from self-training on unlabeled news), ``neural.npz`` (a BiLSTM-CRF over
word vectors from unlabeled news, whose label scores are added to the CRF's),
``names.tsv`` (organisation and club names mined from unlabeled news, extra
gazetteer entries) and ``subtyper.json`` (GPE/LOC/FAC sub-typer); the gazetteer
comes with the package.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from arnews_nlp.errors import ResourceNotFoundError
from arnews_nlp.ner.crf import CRFModel, CRFWeights, FloatArray
from arnews_nlp.ner.discourse import propagate
from arnews_nlp.ner.features import Clusters, FeatureExtractor, WordInfo, load_clusters
from arnews_nlp.ner.gazetteer import Gazetteer
from arnews_nlp.ner.labels import LABELS
from arnews_nlp.ner.lexicon import load_lexicon
from arnews_nlp.ner.neural import TAGGING_DOMAIN, TAGS, BiLSTMTagger
from arnews_nlp.ner.refine import refine_tags
from arnews_nlp.ner.subtyper import PlaceSubtyper
from arnews_nlp.resources.locate import model_path

__all__ = ["NERTagger", "default_model_dir", "load_tagger"]

_LOCK = threading.Lock()
_CACHE: dict[tuple[Path, str], NERTagger] = {}


def default_model_dir() -> Path:
    """Directory of the default model: ``ner/`` under ``ARNEWS_NLP_DATA`` or the packaged models.

    Raises:
        ResourceNotFoundError: when no ``ner/meta.json`` is found.
    """
    return model_path("ner/meta.json").parent


class NERTagger:
    """Tag token sequences with our 8 labels (BIO).

    Args:
        model_dir: a directory written by :func:`arnews_nlp.ner.train.build_model`.
        domain: the guidelines the network tags by, ``news`` (ANERcorp's, the default) or
            ``wiki`` (AQMAR's, for Wikipedia-style text); see :class:`BiLSTMTagger`.

    Raises:
        ResourceNotFoundError: when ``model_dir`` has no ``meta.json`` (a ``FileNotFoundError``).
        ValueError: when the network knows domains and ``domain`` is not one of them.
    """

    labels: tuple[str, ...] = LABELS

    def __init__(self, model_dir: Path | str, *, domain: str = TAGGING_DOMAIN) -> None:
        self.model_dir = Path(model_dir)
        meta_path = self.model_dir / "meta.json"
        if not meta_path.is_file():
            raise ResourceNotFoundError(name="ner/meta.json", searched=str(self.model_dir))
        self.meta = json.loads(meta_path.read_text(encoding="utf-8"))
        clusters_file = self.meta.get("clusters")
        clusters = load_clusters(self.model_dir / clusters_file) if clusters_file else Clusters({}, {})
        extra = [self.model_dir / f for f in (self.meta.get("auto_gazetteer"), self.meta.get("names")) if f]
        gazetteer = Gazetteer.from_file(None, *extra) if self.meta.get("gazetteer", True) else Gazetteer(())
        lex_file = self.meta.get("lexicon")
        lexicon = load_lexicon(self.model_dir / lex_file) if lex_file else {}
        self.extractor = FeatureExtractor(
            clusters=clusters, gazetteer=gazetteer, version=int(self.meta.get("features", 1)), lexicon=lexicon
        )
        weights_file = self.meta.get("weights")
        weights = CRFWeights.load(self.model_dir / weights_file) if weights_file else None
        self.crf = CRFModel(self.model_dir / self.meta["crf"], self.extractor, weights)
        sub = self.meta.get("subtyper")
        self.subtyper = PlaceSubtyper.load(self.model_dir / sub) if sub else None
        neural = self.meta.get("neural")
        self.neural = BiLSTMTagger(self.model_dir / neural, domain) if neural else None
        self.neural_weight = float(self.meta.get("neural_weight", 1.0))
        # the network's label index for each CRF label
        unknown = sorted(set(self.crf.labels) - set(TAGS)) if self.neural is not None else []
        if unknown:
            raise ValueError(f"{self.model_dir}: the CRF has labels the network lacks: {unknown}")
        self._perm = [TAGS.index(t) for t in self.crf.labels] if self.neural is not None else []
        self._network_trans = (
            self.neural_weight * self.neural.trans[np.ix_(self._perm, self._perm)] if self.neural is not None else None
        )

    def tag_coarse(self, tokens: Sequence[str], *, neural: bool = True) -> list[str]:
        """The 4-type tags (PERS/LOC/ORG/MISC) before refinement: CRF plus network when the model has one."""
        return self._coarse([self.extractor.analyze(tokens)], neural=neural)[0] if tokens else []

    def _coarse(
        self, analyses: Sequence[tuple[list[WordInfo], list[tuple[int, int, str]]]], *, neural: bool = True
    ) -> list[list[str]]:
        """4-type tags of analysed sentences, decoded together (``neural=False``: the CRF alone)."""
        use = neural and self.neural is not None
        return self.crf.tag_analyses(analyses, extra=self._network_scores if use else None)

    def _network_scores(
        self, analyses: Sequence[tuple[Sequence[WordInfo], Sequence[tuple[int, int, str]]]]
    ) -> tuple[list[FloatArray], FloatArray]:
        """The network's weighted scores in the CRF's label order (start/end folded into the edges)."""
        net, trans = self.neural, self._network_trans
        assert net is not None and trans is not None  # only passed to the CRF when there is a network
        w, perm = self.neural_weight, self._perm
        out = []
        for extra in net.emissions_batch(analyses):
            e = (w * extra[:, perm]).astype(np.float64)
            e[0] += w * net.start[perm]
            e[-1] += w * net.end[perm]
            out.append(e)
        return out, trans

    def tag(self, tokens: Sequence[str], *, neural: bool = True) -> list[str]:
        """BIO tags over PERS, ORG, GPE, LOC, FAC, NORP, OCC, MISC for one sentence.

        ``neural=False`` leaves the network out (the CRF alone: faster, less accurate).
        """
        return self.tag_sentences([tokens], neural=neural)[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]], *, neural: bool = True) -> list[list[str]]:
        """BIO tags over the eight labels for several sentences (decoded together, faster than one by one)."""
        analyses = [self.extractor.analyze(s) for s in sentences]
        coarse = self._coarse(analyses, neural=neural)
        return [
            refine_tags(self.extractor, self.subtyper, list(s), c, analysis=a) if s else []
            for s, c, a in zip(sentences, coarse, analyses, strict=True)
        ]

    def tag_document(
        self, sentences: Sequence[Sequence[str]], *, window: int | None = None, neural: bool = True
    ) -> list[list[str]]:
        """Tag the sentences of one document, then tag further mentions of its names.

        See :mod:`arnews_nlp.ner.discourse`. With ``window``, blocks of that many
        consecutive sentences count as one document (for files without document
        boundaries).
        """
        tags = self.tag_sentences(sentences, neural=neural)
        out: list[list[str]] = []
        for a, b in _blocks(len(sentences), window):
            out += propagate(sentences[a:b], tags[a:b])
        return out


def _blocks(n: int, window: int | None) -> list[tuple[int, int]]:
    if not window or window >= n:
        return [(0, n)]
    return [(k, min(n, k + window)) for k in range(0, n, window)]


def load_tagger(path: Path | str | None = None, *, domain: str = TAGGING_DOMAIN) -> NERTagger:
    """Load a model directory (default: the shipped model), cached per resolved path and ``domain``.

    Examples:
        >>> load_tagger("/nonexistent")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        arnews_nlp.errors.ResourceNotFoundError: [E012] Resource 'ner/meta.json' not found ...
    """
    p = Path(path) if path is not None else default_model_dir()
    p = p.resolve()
    with _LOCK:
        tagger = _CACHE.get((p, domain))
        if tagger is None:
            tagger = NERTagger(p, domain=domain)
            _CACHE[p, domain] = tagger
        return tagger
