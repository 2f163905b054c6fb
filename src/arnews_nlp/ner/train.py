"""Build the NER model from ../shared/data/ner: training sets, CRF, span sub-typer, model card data.

``build_model(out_dir)`` is what ``arnews train-ner`` runs. It is deterministic:
inputs are read in file order, the CRF optimiser (L-BFGS) has no randomness, and
the sub-typer is an averaged perceptron with a fixed number of sorted passes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from arnews_nlp.errors import BackendUnavailableError, ResourceNotFoundError
from arnews_nlp.ner.corpora import Corpora, Sentence, load_corpora, shared_ner_dir
from arnews_nlp.ner.crf import CRFModel, CRFWeights, train_crf
from arnews_nlp.ner.features import Clusters, FeatureExtractor, load_clusters
from arnews_nlp.ner.gazetteer import Gazetteer
from arnews_nlp.ner.labels import ANERCORP_SCHEME, LOC_TYPES, bio_spans, map_tags
from arnews_nlp.ner.lexicon import ant_sentences, build_lexicon, save_lexicon, save_phrases
from arnews_nlp.ner.model import NERTagger
from arnews_nlp.ner.names import mine_names, save_names
from arnews_nlp.ner.neural_train import NeuralConfig, train_neural
from arnews_nlp.ner.scoring import Scores, score_sentences
from arnews_nlp.ner.subtyper import PlaceSubtyper, span_features

__all__ = [
    "TrainConfig",
    "build_model",
    "crf_training_set",
    "evaluate",
    "file_digests",
    "neural_training_domains",
    "neural_training_set",
    "write_manifest",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrainConfig:
    """Settings of one training run (defaults: the shipped model)."""

    use_clusters: bool = True
    use_gazetteer: bool = True
    newsfane_in_crf: bool = False
    aqmar_mis: str = "MISC"
    c1: float = 0.05
    c2: float = 0.02
    max_iterations: int = 100
    dev_fraction: float = 0.0
    features: int = 5
    mined_names: bool = True
    """Mine ``ORGNAME``/``CLUBCITY`` words from ANT (:mod:`arnews_nlp.ner.names`) into ``names.tsv``."""
    self_train: bool = True
    auto_gazetteer: bool = False
    ant_every: int = 2
    anercorp_repeat: int = 1
    """Times each ANERcorp train sentence enters the CRF training set (2+ weights the news
    domain up against AQMAR's Wikipedia sentences under the same c1/c2; 1 = off)."""
    neural: bool = True
    """Also train the BiLSTM-CRF over ANT word vectors (:mod:`arnews_nlp.ner.neural`; needs torch)."""
    neural_weight: float = 4.0
    """Weight of the network's label scores when added to the CRF's."""
    neural_anercorp_repeat: int = 2
    """Times each ANERcorp train sentence enters the network's training set (the news domain
    weighted up for the network only; the CRF takes ``anercorp_repeat``)."""
    neural_domains: bool = True
    """The network reads each training sentence's corpus (news or Wikipedia) as an input and tags
    as news (:data:`arnews_nlp.ner.neural.TAGGING_DOMAIN`): the corpora's guidelines differ, e.g.
    AQMAR tags ``دوري أبطال أوروبا`` as MIS where ANERcorp tags only ``أوروبا`` (LOC)."""


def crf_training_set(c: Corpora, cfg: TrainConfig, *, with_aqmar_dev: bool) -> list[Sentence]:
    """Sentences for the 4-type CRF, in a fixed order."""
    coarse = {"MISC": cfg.aqmar_mis, "PERS": "PERS", "LOC": "LOC", "ORG": "ORG"}
    out: list[Sentence] = list(c.anercorp_train) * max(1, cfg.anercorp_repeat)
    aq = c.aqmar_train + (c.aqmar_dev if with_aqmar_dev else [])
    out += [(t, map_tags(g, coarse)) for t, g in aq]
    if cfg.newsfane_in_crf:
        out += [(t, map_tags(g, ANERCORP_SCHEME)) for t, g in c.newsfane]
    return out


def neural_training_set(c: Corpora, cfg: TrainConfig, *, with_aqmar_dev: bool) -> list[Sentence]:
    """Sentences for the network: the CRF's set with ANERcorp counted ``cfg.neural_anercorp_repeat`` times."""
    return crf_training_set(c, replace(cfg, anercorp_repeat=cfg.neural_anercorp_repeat), with_aqmar_dev=with_aqmar_dev)


def neural_training_domains(c: Corpora, cfg: TrainConfig, *, with_aqmar_dev: bool) -> list[str]:
    """The corpus of each :func:`neural_training_set` sentence: ``news`` (ANERcorp), ``wiki`` (AQMAR), ``newsfane``."""
    out = ["news"] * (len(c.anercorp_train) * max(1, cfg.neural_anercorp_repeat))
    out += ["wiki"] * (len(c.aqmar_train) + (len(c.aqmar_dev) if with_aqmar_dev else 0))
    if cfg.newsfane_in_crf:
        out += ["newsfane"] * len(c.newsfane)
    return out


def train_subtyper(extractor: FeatureExtractor, sentences: list[Sentence]) -> PlaceSubtyper:
    """Train the GPE/LOC/FAC sub-typer on the place spans of ``sentences``."""
    examples = []
    for toks, tags in sentences:
        for s, e, typ in bio_spans(tags):
            if typ in LOC_TYPES:
                examples.append((span_features(extractor, toks, s, e), typ))
    sub = PlaceSubtyper()
    sub.train(examples)
    return sub


def subtyper_accuracy(tagger: NERTagger, sentences: list[Sentence]) -> float:
    """Share of gold GPE/LOC/FAC spans whose sub-type the sub-typer gets right."""
    right = total = 0
    for toks, tags in sentences:
        for s, e, typ in bio_spans(tags):
            if typ in LOC_TYPES and tagger.subtyper is not None:
                total += 1
                right += tagger.subtyper.predict(span_features(tagger.extractor, toks, s, e)) == typ
    return round(right / total, 4) if total else 0.0


def evaluate(model: CRFModel | NERTagger, sentences: list[Sentence], scheme: dict[str, str] | None = None) -> Scores:
    """Score a model's tags against gold sentences (both mapped by ``scheme`` when given)."""
    pairs = []
    for toks, gold in sentences:
        pred = model.tag(toks)
        if scheme is not None:
            pred = map_tags(pred, scheme)
            gold = map_tags(gold, scheme)
        pairs.append((gold, pred))
    return score_sentences(pairs)


def _extractor(
    cfg: TrainConfig,
    clusters_path: Path | None,
    lexicon: dict[str, tuple[str, ...]] | None = None,
    auto_gazetteer: Path | None = None,
    names: Path | None = None,
) -> FeatureExtractor:
    clusters = load_clusters(clusters_path) if cfg.use_clusters and clusters_path else Clusters({}, {})
    extra = [p for p in (auto_gazetteer, names) if p is not None]
    gaz = Gazetteer.from_file(None, *extra) if cfg.use_gazetteer else Gazetteer(())
    return FeatureExtractor(clusters=clusters, gazetteer=gaz, version=cfg.features, lexicon=lexicon or {})


def default_vectors_path() -> Path:
    """Where ``scripts/build_vectors.py`` writes the ANT word vectors by default."""
    return Path(__file__).resolve().parents[3] / "build" / "ner" / "vectors.npz"


def _check_neural_inputs(vectors_path: Path | None) -> Path:
    """``vectors_path`` once it and torch are known to be there."""
    if vectors_path is None or not vectors_path.is_file():
        raise ResourceNotFoundError(
            f"Word vectors {str(vectors_path)!r} not found: build them with "
            "'python scripts/build_vectors.py' (needs gensim, about 8 minutes), "
            "or train without the network (arnews train-ner --no-neural)"
        )
    try:
        import torch  # noqa: F401
    except ImportError as exc:
        raise BackendUnavailableError(
            backend="torch",
            reason="training the NER network needs torch (or train the CRF alone: arnews train-ner --no-neural)",
            install_command="pip install torch==2.13.0  (the CPU build; then pip install -e '.[train]')",
        ) from exc
    return vectors_path


def default_ant_path() -> Path:
    """The ANT news dump beside the checkout (``$ARNEWS_SHARED`` honoured)."""
    return shared_ner_dir().parent / "news" / "ant-v2.1.jsonl.gz"


def file_digests(model_dir: Path) -> dict[str, str]:
    """sha256 of every model file that ``meta.json`` names."""
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    names = sorted(v for k, v in meta.items() if isinstance(v, str) and k not in ("format",))
    return {n: hashlib.sha256((model_dir / n).read_bytes()).hexdigest() for n in names}


def write_manifest(model_dir: Path) -> None:
    """Record the sha256 of each model file in ``meta.json`` (key ``sha256``)."""
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    meta.pop("sha256", None)
    (model_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    meta["sha256"] = file_digests(model_dir)
    (model_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def build_model(
    out_dir: Path,
    *,
    clusters_path: Path,
    cfg: TrainConfig | None = None,
    ner_dir: Path | None = None,
    ant_path: Path | None = None,
    vectors_path: Path | None = None,
    neural_cfg: NeuralConfig | None = None,
) -> dict[str, Any]:
    """Train the CRF (and sub-typer) into ``out_dir``; returns a report dict.

    With ``cfg.dev_fraction > 0`` the ANERcorp dev split is held out, AQMAR dev is
    not trained on, and both are scored (the measured-scores setting).
    With ``cfg.neural`` the network is trained too, from ``vectors_path``
    (``scripts/build_vectors.py``); that needs torch.

    Raises:
        ResourceNotFoundError: when ``cfg.neural`` and ``vectors_path`` is missing.
        BackendUnavailableError: when ``cfg.neural`` and torch is not installed (the message says
            what to install).
    """
    cfg = cfg or TrainConfig()
    vectors = _check_neural_inputs(vectors_path) if cfg.neural else None
    t0 = time.time()
    corpora = load_corpora(ner_dir, dev_fraction=cfg.dev_fraction)
    held_out = cfg.dev_fraction > 0
    out_dir.mkdir(parents=True, exist_ok=True)
    names = None
    if cfg.mined_names and cfg.use_gazetteer:
        names = out_dir / "names.tsv"
        rows = mine_names(ant_sentences(ant_path or default_ant_path(), every=1), Gazetteer.from_file())
        save_names(rows, names)
        log.info("mined %d organisation/club names from ANT (%.0fs)", len(rows), time.time() - t0)
    extractor = _extractor(cfg, clusters_path, names=names)
    train = crf_training_set(corpora, cfg, with_aqmar_dev=not held_out)
    crf_path = out_dir / "model.crfsuite"
    lexicon_size = 0
    if cfg.self_train:
        first = out_dir / "stage1.crfsuite"
        train_crf(train, extractor, first, c1=cfg.c1, c2=cfg.c2, max_iterations=cfg.max_iterations)
        stage1 = CRFModel(first, extractor)
        lexicon, phrases = build_lexicon(ant_sentences(ant_path or default_ant_path(), every=cfg.ant_every), stage1.tag)
        del stage1
        first.unlink()
        save_lexicon(lexicon, out_dir / "lexicon.tsv")
        auto = out_dir / "autogaz.tsv"
        if cfg.auto_gazetteer:
            save_phrases(phrases, auto)
        lexicon_size = len(lexicon)
        log.info("self-training lexicon: %d words, %d phrases (%.0fs)", lexicon_size, len(phrases), time.time() - t0)
        extractor = _extractor(cfg, clusters_path, lexicon, auto if cfg.auto_gazetteer else None, names)
    info = train_crf(train, extractor, crf_path, c1=cfg.c1, c2=cfg.c2, max_iterations=cfg.max_iterations)
    CRFWeights.from_crfsuite(crf_path).save(out_dir / "weights.npz")
    if cfg.use_clusters and clusters_path.resolve() != (out_dir / "clusters.tsv").resolve():
        shutil.copyfile(clusters_path, out_dir / "clusters.tsv")
    neural_info = None
    if vectors is not None:
        sentences = neural_training_set(corpora, cfg, with_aqmar_dev=not held_out)
        domains = neural_training_domains(corpora, cfg, with_aqmar_dev=not held_out) if cfg.neural_domains else None
        neural_info = train_neural(sentences, extractor, vectors, out_dir / "neural.npz", neural_cfg, domains)
        log.info("neural tagger trained (%.0fs)", neural_info["seconds"])
    subtyper = train_subtyper(extractor, corpora.newsfane)
    subtyper.save(out_dir / "subtyper.json")
    meta = {
        "format": 1,
        "crf": "model.crfsuite",
        "weights": "weights.npz",
        "clusters": "clusters.tsv" if cfg.use_clusters else None,
        "gazetteer": cfg.use_gazetteer,
        "subtyper": "subtyper.json",
        "features": cfg.features,
        "lexicon": "lexicon.tsv" if cfg.self_train else None,
        "auto_gazetteer": "autogaz.tsv" if cfg.self_train and cfg.auto_gazetteer else None,
        "names": "names.tsv" if names is not None else None,
        "neural": "neural.npz" if cfg.neural else None,
        "neural_weight": cfg.neural_weight,
    }
    (out_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    report: dict[str, Any] = {
        "config": cfg.__dict__,
        "crf": info,
        "neural": neural_info,
        "train_sentences": len(train),
        "lexicon_words": lexicon_size,
        "train_tokens": sum(len(t) for t, _ in train),
    }
    write_manifest(out_dir)
    report["train_seconds"] = round(time.time() - t0, 1)
    if held_out:
        tagger = NERTagger(out_dir)
        three = {k: v if v in ("PERS", "LOC", "ORG") else "O" for k, v in ANERCORP_SCHEME.items()}
        report["dev_anercorp"] = evaluate(tagger, corpora.anercorp_dev, ANERCORP_SCHEME)
        report["dev_aqmar"] = evaluate(tagger, corpora.aqmar_dev, three)
        fine = {t: t for t in ("PERS", "ORG", "GPE", "LOC", "FAC", "NORP", "MISC")}
        report["dev_newsfane_fine"] = evaluate(tagger, corpora.newsfane_dev, fine)
        report["dev_subtyper_accuracy_on_gold_spans"] = subtyper_accuracy(tagger, corpora.newsfane_dev)
    report["seconds"] = round(time.time() - t0, 1)
    (out_dir / "train_report.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return report
