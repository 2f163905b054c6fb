"""Train the BiLSTM-CRF of :mod:`arnews_nlp.ner.neural` with torch and export it for numpy.

Needs torch (CPU build: ``pip install torch==2.13.0``) and a word-vector file
from ``scripts/build_vectors.py``. Reproducible on one machine: seeds are fixed,
batches come in a seeded order and torch runs on a fixed number of threads.
The last epochs' weights are averaged, which steadies the result between runs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from arnews_nlp.ner.corpora import Sentence
from arnews_nlp.ner.features import FeatureExtractor
from arnews_nlp.ner.labels import map_tags
from arnews_nlp.ner.neural import DOMAIN_PREFIX, TAGS, Analysis, NeuralEncoder, match_attributes, word_attributes

__all__ = ["NeuralConfig", "export", "load_vectors", "train_neural"]

log = logging.getLogger(__name__)

_COARSE = {"PERS": "PERS", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


@dataclass(frozen=True, kw_only=True)
class NeuralConfig:
    """Settings of the network and its training (defaults: the shipped model)."""

    hidden: int = 200
    """LSTM units, both directions together."""
    char_filters: int = 50
    char_dim: int = 30
    attr_dim: int = 32
    dropout: float = 0.5
    word_dropout: float = 0.0
    """Share of words read as unknown during training (0: off)."""
    lr: float = 1e-3
    epochs: int = 25
    average_last: int = 8
    """The last epochs whose weights are averaged into the exported model."""
    batch_size: int = 32
    seed: int = 1
    threads: int = 2
    min_count: int = 3
    """Words seen fewer times in ANT get no vector (read as unknown)."""


def load_vectors(path: Path | str, min_count: int) -> tuple[list[str], np.ndarray]:
    """Words seen at least ``min_count`` times and their unit-length vectors (``build_vectors.py`` output)."""
    with np.load(path) as z:
        words = z["words"].tobytes().decode("utf-8").split("\n")
        counts = z["counts"]
        vecs = z["vectors"].astype(np.float32)
    keep = np.nonzero(counts >= min_count)[0]
    v = vecs[keep]
    v /= np.linalg.norm(v, axis=1, keepdims=True) + 1e-9
    # rounded as they are shipped (float16), so training sees the vectors tagging will
    return [words[i] for i in keep], v.astype(np.float16).astype(np.float32)


def _encode_all(
    analyses: Sequence[Analysis], tags: Sequence[Sequence[str]], enc: NeuralEncoder, domains: Sequence[str | None]
) -> list[tuple[Any, Any, list[list[int]], np.ndarray]]:
    index = {t: i for i, t in enumerate(TAGS)}
    out = []
    for analysis, gold, domain in zip(analyses, tags, domains, strict=True):
        ids, chars, sparse = enc.encode(*analysis)
        if domain is not None:  # every token of the sentence carries its corpus
            extra = enc.attribute_ids([DOMAIN_PREFIX + domain])
            sparse = [s + extra for s in sparse]
        out.append((ids, chars, sparse, np.array([index.get(t, 0) for t in map_tags(gold, _COARSE)], dtype=np.int64)))
    return out


def _attribute_vocabulary(analyses: Sequence[Analysis]) -> list[str]:
    seen: dict[str, None] = {}
    for infos, matches in analyses:
        near = match_attributes(matches)
        for j, info in enumerate(infos):
            seen.update(dict.fromkeys(word_attributes(info) + near.get(j, [])))
    return sorted(seen)


def train_neural(
    sentences: Sequence[Sentence],
    extractor: FeatureExtractor,
    vectors_path: Path | str,
    out_path: Path | str,
    cfg: NeuralConfig | None = None,
    domains: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Train on ``sentences`` (BIO over PERS/LOC/ORG/MISC) and write ``out_path`` (``neural.npz``).

    ``domains`` names each sentence's corpus (``news``, ``wiki``): the network then reads it as
    one more attribute of every token, so that it can learn where the corpora's guidelines differ;
    :class:`arnews_nlp.ner.neural.BiLSTMTagger` tags as one of them (``news`` by default).
    """
    import torch

    from arnews_nlp.ner.neural_torch import BiLSTMCRF, batchify

    cfg = cfg or NeuralConfig()
    t0 = time.time()
    torch.manual_seed(cfg.seed)
    torch.set_num_threads(cfg.threads)
    words, vectors = load_vectors(vectors_path, cfg.min_count)
    if domains is not None and len(domains) != len(sentences):
        raise ValueError(f"{len(domains)} domains for {len(sentences)} sentences")
    doms: list[str | None] = list(domains) if domains is not None else [None] * len(sentences)
    kept = [(toks, tags, d) for (toks, tags), d in zip(sentences, doms, strict=True) if toks]
    analyses = [extractor.analyze(toks) for toks, _, _ in kept]
    chars = "".join(sorted({c for infos, _ in analyses for i in infos for c in i.key}))
    vocabulary = _attribute_vocabulary(analyses) + sorted({DOMAIN_PREFIX + d for _, _, d in kept if d is not None})
    enc = NeuralEncoder(words, chars, vocabulary)
    data = _encode_all(analyses, [tags for _, tags, _ in kept], enc, [d for _, _, d in kept])
    net = BiLSTMCRF(vectors, len(chars), len(enc.attributes), cfg)
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=cfg.lr)
    order = sorted(range(len(data)), key=lambda i: len(data[i][3]))
    batches = [order[i : i + cfg.batch_size] for i in range(0, len(order), cfg.batch_size)]
    rng = np.random.default_rng(cfg.seed)
    summed: dict[str, Any] | None = None
    averaged = 0
    losses = []
    for epoch in range(cfg.epochs):
        rng.shuffle(batches)
        total = 0.0
        net.train()
        for batch in batches:
            tensors = batchify([data[i] for i in batch], len(enc.attributes))
            loss = net.loss(*tensors) / len(batch)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item() * len(batch)
        losses.append(round(total / len(data), 4))
        log.info("neural epoch %d: loss %.3f (%.0fs)", epoch, losses[-1], time.time() - t0)
        if epoch >= cfg.epochs - cfg.average_last:
            state = {k: v.detach().clone() for k, v in net.state_dict().items()}
            summed = state if summed is None else {k: summed[k] + state[k] for k in state}
            averaged += 1
    if summed is not None:
        net.load_state_dict({k: v / averaged for k, v in summed.items()})
    export(net, enc, words, chars, out_path)
    return {
        "config": asdict(cfg),
        "sentences": len(data),
        "vocabulary": len(words),
        "attributes": len(enc.attributes),
        "losses": losses,
        "averaged_epochs": averaged,
        "seconds": round(time.time() - t0, 1),
    }


def export(net: Any, enc: NeuralEncoder, words: Sequence[str], chars: str, out_path: Path | str) -> None:
    """Write the trained network's weights and vocabularies as ``neural.npz`` (read by :class:`BiLSTMTagger`)."""
    sd = {k: v.detach().cpu().numpy() for k, v in net.state_dict().items()}

    def text(s: str) -> np.ndarray:
        return np.frombuffer(s.encode("utf-8"), dtype=np.uint8)

    attrs = sorted(enc.attributes, key=enc.attributes.__getitem__)
    # Not compressed: zlib shrinks these float arrays by about a tenth and its inflating took half of the
    # network's load time (0.19 against 0.085 s, 3 December 2026).
    with open(out_path, "wb") as fh:
        np.savez(
            fh,
            words=text("\n".join(words)),
            chars=text(chars),
            attributes=text("\n".join(attrs)),
            vectors=sd["words.weight"].astype(np.float16),
            char_vectors=sd["chars.weight"],
            char_conv=sd["char_conv.weight"],
            char_bias=sd["char_conv.bias"],
            attr_vectors=sd["attrs.weight"][: len(attrs)],
            w_ih=np.stack([sd["lstm.weight_ih_l0"], sd["lstm.weight_ih_l0_reverse"]]),
            w_hh=np.stack([sd["lstm.weight_hh_l0"], sd["lstm.weight_hh_l0_reverse"]]),
            b_ih=np.stack([sd["lstm.bias_ih_l0"], sd["lstm.bias_ih_l0_reverse"]]),
            b_hh=np.stack([sd["lstm.bias_hh_l0"], sd["lstm.bias_hh_l0_reverse"]]),
            out_w=sd["out.weight"],
            out_b=sd["out.bias"],
            trans=sd["crf.trans"],
            start=sd["crf.start"],
            end=sd["crf.end"],
        )
