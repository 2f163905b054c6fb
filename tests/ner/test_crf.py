"""The numpy CRF tagger finds the same scores and paths as crfsuite itself."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from arnews_nlp.ner.corpora import read_tagged
from arnews_nlp.ner.crf import CRFModel, CRFWeights, viterbi
from arnews_nlp.ner.features import Clusters, FeatureExtractor
from arnews_nlp.ner.model import NERTagger, load_tagger

from .conftest import toy_sentences

# Sentences written for these tests (not corpus text), with words the toy model never saw.
OURS = [
    "التقى الرئيس كريم الخطيب في بيروت وفدا من الأمم المتحدة برئاسة سامي ناصر .",
    "وقالت وزارة الخارجية السورية في بيان إن دمشق ترحب بالمبادرة",
    "حلب",
    "زار وزير الداخلية مطار عمان الدولي ثم غادر إلى القاهرة وبغداد والرياض",
]


def _brute_force(emission: np.ndarray, trans: np.ndarray) -> list[int]:
    n, n_labels = emission.shape
    best: tuple[float, tuple[int, ...]] | None = None
    for path in itertools.product(range(n_labels), repeat=n):
        steps = enumerate(itertools.pairwise(path))
        s = emission[0, path[0]] + sum(trans[a, b] + emission[t + 1, b] for t, (a, b) in steps)
        if best is None or s > best[0]:
            best = (s, path)
    assert best is not None
    return list(best[1])


@settings(max_examples=200, deadline=None)
@given(
    lengths=st.lists(st.integers(1, 4), min_size=1, max_size=4),
    trans=arrays(np.float64, (3, 3), elements=st.floats(-3, 3, width=16)),
    seed=st.integers(0, 2**16),
)
def test_viterbi_is_the_best_path_for_each_sentence(lengths: list[int], trans: np.ndarray, seed: int) -> None:
    rng = np.random.default_rng(seed)
    emissions = [rng.normal(size=(n, 3)).round(3) for n in lengths]
    got = viterbi(emissions, trans)
    assert [len(p) for p in got] == lengths
    for e, path in zip(emissions, got, strict=True):
        assert path == _brute_force(e, trans)
        assert viterbi([e], trans) == [path]  # the one-sentence path agrees with the batched one


def test_viterbi_of_nothing() -> None:
    assert viterbi([], np.zeros((2, 2))) == []


def test_weights_round_trip_through_npz(tiny_model_dir: Path, tmp_path: Path) -> None:
    w = CRFWeights.from_crfsuite(tiny_model_dir / "model.crfsuite")
    w.save(tmp_path / "w.npz")
    back = CRFWeights.load(tmp_path / "w.npz")
    assert back.labels == w.labels and back.index == w.index
    np.testing.assert_array_equal(back.state, w.state)
    np.testing.assert_array_equal(back.trans, w.trans)
    assert not back.state[back.unknown].any()


def _same_as_crfsuite(crf: CRFModel, sentences: list[list[str]]) -> None:
    ref = pycrfsuite.Tagger()
    ref.open(str(crf.path))
    fx = crf.extractor
    analyses = [fx.analyze(s) for s in sentences]
    for a in analyses:
        np.testing.assert_allclose(crf.emissions(*a), crf.weights.score(fx.features(*a)), atol=1e-9)
    fast = crf.tag_analyses(analyses)
    slow = [list(ref.tag(fx.features(*a))) for a in analyses]
    assert fast == slow
    assert [crf.tag_features(fx.features(*a)) for a in analyses] == slow


def test_toy_model_tags_like_crfsuite(tiny_model_dir: Path) -> None:
    tagger = NERTagger(tiny_model_dir)
    sents = [s.split() for s in OURS] + [t for t, _ in toy_sentences()]
    _same_as_crfsuite(tagger.crf, sents)
    # second pass: every word and pair now comes from the caches
    _same_as_crfsuite(tagger.crf, sents)


def test_shipped_model_tags_like_crfsuite_on_our_sentences() -> None:
    _same_as_crfsuite(load_tagger().crf, [s.split() for s in OURS])


def test_shipped_model_tags_like_crfsuite_on_wikipedia_dev(shared: Path) -> None:
    sents = [toks for toks, _ in read_tagged(shared / "data/ner/aqmar/dev.txt")][:300]
    if not sents:
        pytest.skip("AQMAR dev is empty")
    crf = CRFModel(load_tagger().crf.path, load_tagger().extractor, load_tagger().crf.weights)
    _same_as_crfsuite(crf, sents)


def test_empty_sentences_keep_their_place(tiny_model_dir: Path) -> None:
    crf = NERTagger(tiny_model_dir).crf
    fx = crf.extractor
    out = crf.tag_analyses([fx.analyze([]), fx.analyze(["حلب"]), fx.analyze([])])
    assert out[0] == [] and out[2] == [] and len(out[1]) == 1


def test_bounded_caches_refill_after_clearing(tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("arnews_nlp.ner.crf._ROW_LIMIT", 6)
    monkeypatch.setattr("arnews_nlp.ner.crf._PAIR_LIMIT", 3)
    tagger = NERTagger(tiny_model_dir)
    sents = [s.split() for s in OURS] + [t for t, _ in toy_sentences()]
    _same_as_crfsuite(tagger.crf, sents)
    # the last call tagged all sentences as one batch: the table holds that batch's words only
    assert len(tagger.crf._rows) == len({t for s in sents for t in s})
    assert all(len(cache) <= 3 for *_, cache in tagger.crf._pair_specs)


def test_frequent_words_survive_a_full_table(tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("arnews_nlp.ner.crf._ROW_LIMIT", 8)
    tagger = NERTagger(tiny_model_dir)
    crf = tagger.crf
    crf.extractor.clusters = Clusters({}, {"حلب": 1000})  # as if حلب were frequent in the news corpus
    fx = crf.extractor
    crf.tag_analyses([fx.analyze(["زار", "الوفد", "حلب"])])
    before = crf.emissions(*fx.analyze(["حلب"]))
    crf.tag_analyses([fx.analyze(s.split()) for s in OURS])  # overflows the table
    assert "حلب" in crf._rows and "الوفد" not in crf._rows
    np.testing.assert_array_equal(crf.emissions(*fx.analyze(["حلب"])), before)
    _same_as_crfsuite(crf, [["وصل", "إلى", "حلب"]])


def test_feature_cache_keeps_frequent_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("arnews_nlp.ner.features._CACHE_LIMIT", 4)
    fx = FeatureExtractor(clusters=Clusters({}, {"دمشق": 500}))
    first = fx.word("دمشق")
    for w in ["زار", "الوفد", "مدينة", "حمص", "أمس"]:
        fx.word(w)
    assert fx.word("دمشق") is first  # survived the reset
    assert len(fx._cache) <= 4


def test_network_counts_anercorp_more_often_than_the_crf() -> None:
    from arnews_nlp.ner.corpora import Corpora
    from arnews_nlp.ner.train import TrainConfig, crf_training_set, neural_training_domains, neural_training_set

    news = [(["زار", "الوزير", "دمشق"], ["O", "O", "B-LOC"]), (["قال", "سامي"], ["O", "B-PERS"])]
    wiki = [(["باريس", "مدينة"], ["B-LOC", "O"])]
    aq_dev = [(["نهر", "النيل"], ["B-MISC", "I-MISC"])]
    c = Corpora(news, [], wiki, aq_dev, [], [])
    cfg = TrainConfig(neural_anercorp_repeat=3)
    crf = crf_training_set(c, cfg, with_aqmar_dev=True)
    net = neural_training_set(c, cfg, with_aqmar_dev=True)
    assert crf == news + wiki + [(["نهر", "النيل"], ["B-MISC", "I-MISC"])]
    assert net == news * 3 + crf[2:]
    assert neural_training_set(c, cfg, with_aqmar_dev=False) == news * 3 + wiki
    assert TrainConfig().neural_anercorp_repeat == 2 and TrainConfig().anercorp_repeat == 1
    doms = neural_training_domains(c, cfg, with_aqmar_dev=True)
    assert doms == ["news"] * 6 + ["wiki"] * 2 and len(doms) == len(net)
    assert neural_training_domains(c, cfg, with_aqmar_dev=False) == ["news"] * 6 + ["wiki"]
