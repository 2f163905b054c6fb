"""The numpy BiLSTM-CRF: batched, cached forward pass against a plain reference; the tagger's score sum."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import numpy as np
import pytest

from arnews_nlp.ner.crf import viterbi
from arnews_nlp.ner.features import FeatureExtractor
from arnews_nlp.ner.gazetteer import Gazetteer
from arnews_nlp.ner.model import NERTagger
from arnews_nlp.ner.neural import TAGS, BiLSTMTagger, NeuralEncoder, match_attributes, word_attributes

from .conftest import toy_sentences

DIM, CH, NF, AD, H = 6, 4, 5, 3, 4  # vector size, char dim, char filters, attribute dim, hidden per direction


def _text(s: str) -> np.ndarray:
    return np.frombuffer(s.encode("utf-8"), dtype=np.uint8)


def write_random_net(path: Path, words: list[str], chars: str, attrs: list[str], seed: int = 0) -> dict:
    """A neural.npz with random weights, in the layout ``neural_train.export`` writes."""
    rng = np.random.default_rng(seed)
    k = len(TAGS)
    w = {
        "vectors": rng.normal(size=(len(words) + 2, DIM)).astype(np.float16),
        "char_vectors": rng.normal(size=(len(chars) + 2, CH)).astype(np.float32),
        "char_conv": rng.normal(size=(NF, CH, 3)).astype(np.float32),
        "char_bias": rng.normal(size=NF).astype(np.float32),
        "attr_vectors": rng.normal(size=(len(attrs), AD)).astype(np.float32),
        "w_ih": rng.normal(scale=0.5, size=(2, 4 * H, 3 * DIM + NF + AD)).astype(np.float32),
        "w_hh": rng.normal(scale=0.5, size=(2, 4 * H, H)).astype(np.float32),
        "b_ih": rng.normal(size=(2, 4 * H)).astype(np.float32),
        "b_hh": rng.normal(size=(2, 4 * H)).astype(np.float32),
        "out_w": rng.normal(size=(k, 2 * H)).astype(np.float32),
        "out_b": rng.normal(size=k).astype(np.float32),
        "trans": rng.normal(size=(k, k)).astype(np.float32),
        "start": rng.normal(size=k).astype(np.float32),
        "end": rng.normal(size=k).astype(np.float32),
    }
    with open(path, "wb") as fh:
        np.savez(fh, words=_text("\n".join(words)), chars=_text(chars), attributes=_text("\n".join(attrs)), **w)
    return w


def reference(w: dict, enc: NeuralEncoder, fx: FeatureExtractor, tokens: list[str]) -> np.ndarray:
    """The network on one sentence, written out step by step (what torch computes)."""
    infos, matches = fx.analyze(tokens)
    near = match_attributes(matches)
    xs = []
    for j, info in enumerate(infos):
        vec = np.concatenate([w["vectors"][i].astype(np.float32) for i in enc.word_ids(info)])
        cv = w["char_vectors"][enc.char_ids(info)]  # [16, CH], padding row 0 included
        padded = np.vstack([np.zeros((1, CH)), cv, np.zeros((1, CH))])
        conv = np.array(
            [
                [sum(w["char_conv"][f, :, k] @ padded[p + k] for k in range(3)) + w["char_bias"][f] for f in range(NF)]
                for p in range(len(cv))
            ]
        )
        chars = np.maximum(conv, 0).max(axis=0)
        ids = enc.attribute_ids(word_attributes(info) + near.get(j, []))
        attrs = w["attr_vectors"][ids].sum(axis=0) if ids else np.zeros(AD)
        xs.append(np.concatenate([vec, chars, attrs]))

    def run(d: int, seq: list[np.ndarray]) -> list[np.ndarray]:
        h, c, out = np.zeros(H), np.zeros(H), []
        for x in seq:
            g = w["w_ih"][d] @ x + w["b_ih"][d] + w["w_hh"][d] @ h + w["b_hh"][d]
            i, f, gg, o = (g[j * H : (j + 1) * H] for j in range(4))
            sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
            c = sig(f) * c + sig(i) * np.tanh(gg)
            h = sig(o) * np.tanh(c)
            out.append(h)
        return out

    fwd = run(0, xs)
    bwd = run(1, xs[::-1])[::-1]
    return np.array([w["out_w"] @ np.concatenate([a, b]) + w["out_b"] for a, b in zip(fwd, bwd, strict=True)])


@pytest.fixture(scope="module")
def fx() -> FeatureExtractor:
    return FeatureExtractor(gazetteer=Gazetteer.from_file(), version=2, lexicon={"سامي": ("lx=PERS",)})


def _vocab(fx: FeatureExtractor) -> tuple[list[str], str, list[str]]:
    sents = toy_sentences()
    words = sorted({fx.word(t).key for toks, _ in sents for t in toks})[::2]  # half the words unknown
    chars = "".join(sorted({c for toks, _ in sents for t in toks for c in fx.word(t).key}))[:-3]
    attrs: set[str] = set()
    for toks, _ in sents:
        infos, matches = fx.analyze(toks)
        near = match_attributes(matches)
        for j, info in enumerate(infos):
            attrs.update(word_attributes(info) + near.get(j, []))
    return words, chars, sorted(attrs)[1:]  # one attribute unknown too


def test_batched_cached_forward_equals_the_reference(tmp_path: Path, fx: FeatureExtractor) -> None:
    words, chars, attrs = _vocab(fx)
    w = write_random_net(tmp_path / "neural.npz", words, chars, attrs)
    net = BiLSTMTagger(tmp_path / "neural.npz")
    sents = [toks for toks, _ in toy_sentences()] + [["دمشق"], ["زار", "الأمم", "المتحدة", "اليوم"]]
    analyses = [fx.analyze(s) for s in sents]
    batched = net.emissions_batch(analyses)
    again = net.emissions_batch(analyses[::-1])[::-1]  # now every word is cached, order reversed
    for s, b, a in zip(sents, batched, again, strict=True):
        ref = reference(w, net.encoder, fx, s)
        assert b.shape == (len(s), len(TAGS))
        np.testing.assert_allclose(b, ref, rtol=1e-4, atol=1e-4)
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-5)
    for s, a in zip(sents, analyses, strict=True):  # one sentence at a time takes its own path
        np.testing.assert_allclose(net.emissions_batch([a])[0], reference(w, net.encoder, fx, s), rtol=1e-4, atol=1e-4)
    copy = pickle.loads(pickle.dumps(net))
    assert not copy._row and net._row
    np.testing.assert_allclose(copy.emissions_batch(analyses[:2])[1], batched[1], rtol=1e-5, atol=1e-5)


def test_unknown_words_chars_and_attributes_map_to_reserved_ids(fx: FeatureExtractor) -> None:
    enc = NeuralEncoder(["دمشق"], "دمش", ["sh=A"])
    ids, chars, sparse = enc.encode(*fx.analyze(["ودمشق", "xyz"]))
    assert ids[0].tolist() == [1, 2, 2]  # the whole word is unknown, its stem is not
    assert chars[1, :3].tolist() == [1, 1, 1] and chars[1, 3:].sum() == 0
    assert sparse == [[0], []]


def test_tagger_adds_network_scores_to_the_crf(tmp_path: Path, tiny_model_dir: Path, fx: FeatureExtractor) -> None:
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    words, chars, attrs = _vocab(fx)
    w = write_random_net(model / "neural.npz", words, chars, attrs, seed=3)
    plain = NERTagger(tiny_model_dir)
    sents = [toks for toks, _ in toy_sentences()]
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    for weight in (0.0, 5.0):
        meta.update(neural="neural.npz", neural_weight=weight)
        (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        both = NERTagger(model)
        got = [both.tag_coarse(s) for s in sents]
        if weight == 0.0:
            assert got == [plain.tag_coarse(s) for s in sents]
            continue
        labels = plain.crf.labels
        perm = [TAGS.index(t) for t in labels]
        trans = plain.crf.weights.trans + weight * w["trans"][np.ix_(perm, perm)]
        for s, tags in zip(sents, got, strict=True):
            infos, matches = plain.extractor.analyze(s)
            assert both.neural is not None
            net = reference(w, both.neural.encoder, both.extractor, s)
            e = plain.crf.emissions(infos, matches) + weight * net[:, perm]
            e[0] += weight * w["start"][perm]
            e[-1] += weight * w["end"][perm]
            assert tags == [labels[y] for y in viterbi([e], trans)[0]]
        assert got != [plain.tag_coarse(s) for s in sents]  # random scores at weight 5 do change tags


def test_stage_switch_and_factories(tmp_path: Path, tiny_model_dir: Path, fx: FeatureExtractor) -> None:
    import arnews_nlp
    from arnews_nlp.doc import Doc, Sentence, Token
    from arnews_nlp.ner import NERStage

    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    write_random_net(model / "neural.npz", *_vocab(fx), seed=3)
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    meta.update(neural="neural.npz", neural_weight=5.0)
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")

    def entities(stage: NERStage, toks: list[str]) -> list[tuple[int, int, str]]:
        text = " ".join(toks)
        doc = Doc(text)
        starts = [sum(len(t) + 1 for t in toks[:k]) for k in range(len(toks))]
        doc.tokens = [Token(s, s + len(t), t) for s, t in zip(starts, toks, strict=True)]
        doc.sentences = [Sentence(0, len(text))]
        return [(e.start, e.end, e.label) for e in stage(doc).entities]

    sents = [toks for toks, _ in toy_sentences()]
    crf_alone = [entities(NERStage(model_path=tiny_model_dir), s) for s in sents]
    assert [entities(NERStage(model_path=model, neural=False), s) for s in sents] == crf_alone
    assert [entities(NERStage(model_path=model), s) for s in sents] != crf_alone
    default, crf = (arnews_nlp.load(ner=name).get_pipe("ner") for name in ("default", "crf"))
    assert isinstance(default, NERStage) and isinstance(crf, NERStage)
    assert default.neural and not crf.neural
    assert pickle.loads(pickle.dumps(crf)).neural is False


def _net_with_cache(
    tmp_path: Path, fx: FeatureExtractor, monkeypatch: pytest.MonkeyPatch, limit: int, keep_rank: int = 10_000
) -> tuple[dict, BiLSTMTagger, list[str]]:
    """A random network whose word cache holds ``limit`` tokens; its weights and vocabulary."""
    from arnews_nlp.ner import neural

    words, chars, attrs = _vocab(fx)
    w = write_random_net(tmp_path / "neural.npz", words, chars, attrs)
    monkeypatch.setattr(neural, "_CACHE_LIMIT", limit)
    monkeypatch.setattr(neural, "_KEEP_RANK", keep_rank)
    return w, BiLSTMTagger(tmp_path / "neural.npz"), words


def test_word_cache_starts_afresh_when_full(
    tmp_path: Path, fx: FeatureExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    w, net, _ = _net_with_cache(tmp_path, fx, monkeypatch, 6)
    sents = [toks for toks, _ in toy_sentences()]  # 8 or 9 distinct tokens each: more than the cache holds
    for s in sents + sents[::-1]:
        (got,) = net.emissions_batch([fx.analyze(s)])
        np.testing.assert_allclose(got, reference(w, net.encoder, fx, s), rtol=1e-4, atol=1e-4)
        assert len(net._row) <= max(6, len(set(s)))


def test_char_matrix_equals_char_ids_word_by_word(fx: FeatureExtractor) -> None:
    enc = NeuralEncoder([], "ابتدمشق", [])
    # known letters, unknown ones, an emoji, a word longer than 16, a private-use character
    keys = ["دمشق", "بيروت", "x5😀", "ا" * 20 + "ق", "د\U000f0003"]
    assert enc.char_matrix(keys).tolist() == [enc.char_ids(fx.word(k)) for k in keys]


def test_training_the_network_says_what_is_missing(tmp_path: Path) -> None:
    import importlib.util

    from arnews_nlp.errors import BackendUnavailableError, ResourceNotFoundError
    from arnews_nlp.ner.train import build_model

    with pytest.raises(ResourceNotFoundError, match=r"build_vectors\.py"):
        build_model(tmp_path / "m", clusters_path=tmp_path / "c.tsv", vectors_path=tmp_path / "none.npz")
    assert not (tmp_path / "m").exists()  # refused before any work
    if importlib.util.find_spec("torch") is None:
        (tmp_path / "v.npz").write_bytes(b"")
        with pytest.raises(BackendUnavailableError, match=r"torch==2\.13\.0"):
            build_model(tmp_path / "m", clusters_path=tmp_path / "c.tsv", vectors_path=tmp_path / "v.npz")


def test_a_full_word_cache_keeps_frequent_words(
    tmp_path: Path, fx: FeatureExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    w, net, words = _net_with_cache(tmp_path, fx, monkeypatch, 12, keep_rank=4)  # first 4 words: frequent
    frequent = set(words[:4])
    sents = [toks for toks, _ in toy_sentences()]
    seen_kept = False
    for s in sents + sents[::-1]:
        before = dict(net._row)
        (got,) = net.emissions_batch([fx.analyze(s)])
        np.testing.assert_allclose(got, reference(w, net.encoder, fx, s), rtol=1e-4, atol=1e-4)
        assert len(net._row) <= 12
        if len(net._row) < len(before) + len(set(s) - set(before)):  # the cache was emptied on the way
            kept = {t for t in before if fx.word(t).key in frequent}
            assert kept and kept <= set(net._row)
            dropped = {t for t in before if fx.word(t).key not in frequent} - set(s)
            assert not dropped & set(net._row)  # the rest was emptied (unless this sentence brought it back)
            seen_kept = True
    assert seen_kept


def test_a_network_with_domains_tags_in_the_chosen_one(
    tmp_path: Path, fx: FeatureExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    words, chars, attrs = _vocab(fx)
    w = write_random_net(tmp_path / "neural.npz", words, chars, sorted([*attrs, "dom=news", "dom=wiki"]))
    sents = [toks for toks, _ in toy_sentences()]
    got = {d: BiLSTMTagger(tmp_path / "neural.npz", d) for d in ("news", "wiki")}
    assert got["news"].domains == ["news", "wiki"] and got["wiki"].domain == "wiki"
    assert BiLSTMTagger(tmp_path / "neural.npz").domain == "news"  # the default
    here = sys.modules[__name__]
    plain = word_attributes
    for d, net in got.items():  # the reference reads the domain as an attribute of every token
        monkeypatch.setattr(here, "word_attributes", lambda info, d=d: [*plain(info), "dom=" + d])
        for s in sents:
            (scores,) = net.emissions_batch([fx.analyze(s)])
            np.testing.assert_allclose(scores, reference(w, net.encoder, fx, s), rtol=1e-4, atol=1e-4)
    monkeypatch.setattr(here, "word_attributes", plain)
    a, b = (got[d].emissions_batch([fx.analyze(sents[0])])[0] for d in ("news", "wiki"))
    assert not np.allclose(a, b, atol=1e-3)
    with pytest.raises(ValueError, match="unknown domain 'web'; this network knows news, wiki"):
        BiLSTMTagger(tmp_path / "neural.npz", "web")
    write_random_net(tmp_path / "plain.npz", words, chars, attrs)
    assert BiLSTMTagger(tmp_path / "plain.npz", "web").domain is None  # trained without domains: no effect


def test_load_tagger_caches_each_domain_apart(tmp_path: Path, tiny_model_dir: Path, fx: FeatureExtractor) -> None:
    from arnews_nlp.ner.model import load_tagger

    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)
    words, chars, attrs = _vocab(fx)
    write_random_net(model / "neural.npz", words, chars, sorted([*attrs, "dom=news", "dom=wiki"]), seed=3)
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    meta.update(neural="neural.npz", neural_weight=5.0)
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    news, wiki = load_tagger(model), load_tagger(model, domain="wiki")
    assert news is load_tagger(model, domain="news") and wiki is not news
    assert news.neural is not None and news.neural.domain == "news"
    assert wiki.neural is not None and wiki.neural.domain == "wiki"
