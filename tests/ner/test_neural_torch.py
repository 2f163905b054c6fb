"""The torch side of the neural tagger: numpy reproduces torch's forward pass; training runs end to end.

Needs torch (``make test-extras``); skipped without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from arnews_nlp.ner.features import FeatureExtractor
from arnews_nlp.ner.gazetteer import Gazetteer
from arnews_nlp.ner.neural import BiLSTMTagger, NeuralEncoder
from arnews_nlp.ner.neural_train import NeuralConfig, export, load_vectors, train_neural

from .conftest import toy_sentences

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.extras


def _vectors(path: Path, fx: FeatureExtractor) -> None:
    words = sorted({fx.word(t).key for toks, _ in toy_sentences() for t in toks})
    rng = np.random.default_rng(0)
    with open(path, "wb") as fh:
        np.savez(
            fh,
            words=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8),
            counts=np.arange(len(words)) % 9,
            vectors=rng.normal(size=(len(words), 8)).astype(np.float16),
        )


def _random_torch_net(tmp_path: Path, attributes: list[str]) -> tuple[FeatureExtractor, NeuralEncoder, Any]:
    """A small BiLSTM-CRF with random weights over the toy sentences, exported to ``tmp_path/neural.npz``."""
    from arnews_nlp.ner.neural_torch import BiLSTMCRF

    fx = FeatureExtractor(gazetteer=Gazetteer.from_file(), version=2)
    _vectors(tmp_path / "vec.npz", fx)
    cfg = NeuralConfig(hidden=10, char_filters=6, char_dim=5, attr_dim=4, min_count=2)
    words, vecs = load_vectors(tmp_path / "vec.npz", cfg.min_count)
    chars = "".join(sorted({c for toks, _ in toy_sentences() for t in toks for c in fx.word(t).key}))
    enc = NeuralEncoder(words, chars, attributes)
    torch.manual_seed(0)
    net = BiLSTMCRF(vecs, len(chars), len(enc.attributes), cfg)
    with torch.no_grad():  # non-zero everywhere, the attribute bag's padding row excepted
        for p in net.parameters():
            if p.requires_grad:
                p.normal_(0, 0.5)
        net.attrs.weight[-1].zero_()
    net.eval()
    export(net, enc, words, chars, tmp_path / "neural.npz")
    return fx, enc, net


def test_numpy_forward_matches_torch(tmp_path: Path) -> None:
    from arnews_nlp.ner.neural_torch import batchify

    fx, enc, net = _random_torch_net(
        tmp_path, ["sh=A", "p=و", "gw=COUNTRY", "g=CITY", "gB=CITY", "gI=CITY", "punct"]
    )
    tagger = BiLSTMTagger(tmp_path / "neural.npz")
    analyses = [fx.analyze(s) for s, _ in toy_sentences()]
    got = tagger.emissions_batch(analyses)
    items = [(*enc.encode(*a), np.zeros(len(a[0]), np.int64)) for a in analyses]
    ids, ch, attrs, _, _ = batchify(items, len(enc.attributes))
    with torch.no_grad():
        want = net(ids, ch, attrs).numpy()
    for k, g in enumerate(got):
        np.testing.assert_allclose(g, want[k, : len(g)], rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(tagger.trans, net.crf.trans.detach().numpy())


def test_training_lowers_the_loss_and_exports_a_loadable_model(tmp_path: Path) -> None:
    fx = FeatureExtractor(gazetteer=Gazetteer.from_file(), version=2)
    _vectors(tmp_path / "vec.npz", fx)
    cfg = NeuralConfig(hidden=16, epochs=12, average_last=3, batch_size=4, min_count=1, threads=1, lr=0.01)
    info = train_neural(toy_sentences() * 4, fx, tmp_path / "vec.npz", tmp_path / "neural.npz", cfg)
    assert info["losses"][-1] < info["losses"][0] / 2
    assert info["averaged_epochs"] == 3
    again = train_neural(toy_sentences() * 4, fx, tmp_path / "vec.npz", tmp_path / "again.npz", cfg)
    assert again["losses"] == info["losses"]  # same seed, same threads: same run
    tagger = BiLSTMTagger(tmp_path / "neural.npz")
    toks = toy_sentences()[0][0]
    (scores,) = tagger.emissions_batch([fx.analyze(toks)])
    assert scores.shape == (len(toks), 9)


def test_word_dropout_changes_training_only(tmp_path: Path) -> None:
    fx = FeatureExtractor(gazetteer=Gazetteer.from_file(), version=2)
    _vectors(tmp_path / "vec.npz", fx)
    base = dict(hidden=16, epochs=3, average_last=1, batch_size=4, min_count=1, threads=1, lr=0.01)
    plain = train_neural(toy_sentences() * 2, fx, tmp_path / "vec.npz", tmp_path / "a.npz", NeuralConfig(**base))
    dropped = train_neural(
        toy_sentences() * 2, fx, tmp_path / "vec.npz", tmp_path / "b.npz", NeuralConfig(**base, word_dropout=0.5)
    )
    assert dropped["losses"] != plain["losses"]
    assert dropped["config"]["word_dropout"] == 0.5
    (scores,) = BiLSTMTagger(tmp_path / "b.npz").emissions_batch([fx.analyze(toy_sentences()[1][0])])
    assert np.isfinite(scores).all()


def test_a_network_trained_with_domains_tags_as_news(tmp_path: Path) -> None:
    from arnews_nlp.ner.neural import DOMAIN_PREFIX, TAGGING_DOMAIN
    from arnews_nlp.ner.neural_torch import batchify

    fx, enc, net = _random_torch_net(tmp_path, ["sh=A", "punct", DOMAIN_PREFIX + "news", DOMAIN_PREFIX + "wiki"])
    tagger = BiLSTMTagger(tmp_path / "neural.npz")
    analyses = [fx.analyze(s) for s, _ in toy_sentences()]
    got = tagger.emissions_batch(analyses)
    news = enc.attribute_ids([DOMAIN_PREFIX + TAGGING_DOMAIN])
    items = [
        (ids, ch, [s + news for s in sp], np.zeros(len(a[0]), np.int64))
        for a in analyses
        for ids, ch, sp in [enc.encode(*a)]
    ]
    ids, ch, attrs, _, _ = batchify(items, len(enc.attributes))
    with torch.no_grad():
        want = net(ids, ch, attrs).numpy()  # torch told the news domain on every token
        plain = net(
            *batchify([(*enc.encode(*a), np.zeros(len(a[0]), np.int64)) for a in analyses], len(enc.attributes))[:3]
        ).numpy()
    for k, g in enumerate(got):
        np.testing.assert_allclose(g, want[k, : len(g)], rtol=1e-4, atol=1e-4)
    assert not np.allclose(got[0], plain[0, : len(got[0])], atol=1e-3)  # the domain does change the scores


def test_training_with_domains_adds_them_as_attributes(tmp_path: Path) -> None:
    fx = FeatureExtractor(gazetteer=Gazetteer.from_file(), version=2)
    _vectors(tmp_path / "vec.npz", fx)
    cfg = NeuralConfig(hidden=8, epochs=2, average_last=1, batch_size=4, min_count=1, threads=1)
    sents = toy_sentences()
    doms = ["news" if k % 2 else "wiki" for k in range(len(sents))]
    with pytest.raises(ValueError, match="domains for"):
        train_neural(sents, fx, tmp_path / "vec.npz", tmp_path / "x.npz", cfg, domains=doms[:-1])
    info = train_neural(sents, fx, tmp_path / "vec.npz", tmp_path / "d.npz", cfg, domains=doms)
    plain = train_neural(sents, fx, tmp_path / "vec.npz", tmp_path / "p.npz", cfg)
    assert info["attributes"] == plain["attributes"] + 2
    assert info["losses"] != plain["losses"]
    assert {"dom=news", "dom=wiki"} <= set(BiLSTMTagger(tmp_path / "d.npz").encoder.attributes)
