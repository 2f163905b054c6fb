"""A BiLSTM-CRF tagger over word vectors learned from the ANT dump, applied with numpy.

The CRF (:mod:`arnews_nlp.ner.crf`) sees words through hand-made attributes; this
network sees them through dense vectors learned without labels from the 7.8M
words of the ANT news dump (skip-gram, ``scripts/build_vectors.py``), a small
character CNN and the same gazetteer, shape, proclitic and self-training lexicon
values. The two make different mistakes: :class:`arnews_nlp.ner.model.NERTagger`
adds their label scores (``crf + weight × network``) and decodes once.

Training needs torch (:mod:`arnews_nlp.ner.neural_train`); tagging needs only
numpy and the exported ``neural.npz``. The numpy forward pass reproduces torch's
(tested in the extras suite) and caches, per distinct token, the word's share of
the LSTM input projection, so a word seen before costs one lookup.

Examples:
    >>> enc = NeuralEncoder(["دمشق"], "دم", ["sh=A"])
    >>> from arnews_nlp.ner.features import FeatureExtractor
    >>> ids, chars, sparse = enc.encode(*FeatureExtractor().analyze(["دمشق", "؟"]))
    >>> ids[0].tolist(), ids[1].tolist(), chars[0, :2].tolist(), sparse
    ([2, 2, 2], [1, 1, 1], [2, 3], [[0], []])
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from arnews_nlp.ner.features import WordInfo
from arnews_nlp.ner.wordforms import split_proclitics

__all__ = ["CHAR_WIDTH", "TAGS", "BiLSTMTagger", "NeuralEncoder"]

F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]
Analysis = tuple[Sequence[WordInfo], Sequence[tuple[int, int, str]]]

TAGS: tuple[str, ...] = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
"""The network's output labels, in this order."""
CHAR_WIDTH = 16
"""Characters of a word the character CNN reads (its last 16: Arabic inflects at the start)."""
_CACHE_LIMIT = 60_000


def _bare(stem: str) -> str:
    return stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem


def word_attributes(info: WordInfo) -> list[str]:
    """The sparse inputs a word brings alone: shape, proclitic, gazetteer categories, lexicon classes."""
    f = ["sh=" + info.shape, "p=" + split_proclitics(info.key)[0]]
    f += ["gw=" + g for g in sorted(info.gaz)]
    f += info.lex
    if info.is_punct:
        f.append("punct")
    return f


def match_attributes(n: int, matches: Sequence[tuple[int, int, str]]) -> list[list[str]]:
    """The sparse inputs each position gets from the sentence's gazetteer matches."""
    out: list[list[str]] = [[] for _ in range(n)]
    for s, e, cat in matches:
        for j in range(s, e):
            out[j] += ["g=" + cat, ("gB=" if j == s else "gI=") + cat]
    return out


class NeuralEncoder:
    """Map words, characters and sparse attributes to the network's input ids.

    Word id 0 pads, 1 is an unknown word; the same for character ids. Unknown
    sparse attributes are dropped.
    """

    def __init__(self, words: Sequence[str], chars: str, attributes: Sequence[str]) -> None:
        self.words = {w: i + 2 for i, w in enumerate(words)}
        self.chars = {c: i + 2 for i, c in enumerate(chars)}
        self.attributes = {a: i for i, a in enumerate(attributes)}

    def word_ids(self, info: WordInfo) -> tuple[int, int, int]:
        """Vector ids of the folded word, its proclitic-less stem and that stem without ال."""
        get = self.words.get
        return get(info.key, 1), get(info.stem, 1), get(_bare(info.stem), 1)

    def char_ids(self, info: WordInfo) -> list[int]:
        """Ids of the word's last :data:`CHAR_WIDTH` folded characters (left-aligned, 0-padded)."""
        ids = [self.chars.get(c, 1) for c in info.key[-CHAR_WIDTH:]]
        return ids + [0] * (CHAR_WIDTH - len(ids))

    def attribute_ids(self, attributes: Sequence[str]) -> list[int]:
        """Ids of the known attributes."""
        return [i for i in map(self.attributes.get, attributes) if i is not None]

    def encode(
        self, infos: Sequence[WordInfo], matches: Sequence[tuple[int, int, str]]
    ) -> tuple[I64, I64, list[list[int]]]:
        """``(word ids [n, 3], char ids [n, 16], sparse ids per token)`` of one analysed sentence."""
        n = len(infos)
        ids = np.array([self.word_ids(i) for i in infos], dtype=np.int64).reshape(n, 3)
        chars = np.array([self.char_ids(i) for i in infos], dtype=np.int64).reshape(n, CHAR_WIDTH)
        near = match_attributes(n, matches)
        sparse = [self.attribute_ids(word_attributes(i) + m) for i, m in zip(infos, near, strict=True)]
        return ids, chars, sparse


class BiLSTMTagger:
    """The exported network: label scores ``[token, label]`` (labels :data:`TAGS`) and CRF transitions.

    Args:
        path: a ``neural.npz`` written by :func:`arnews_nlp.ner.neural_train.export`.
    """

    def __init__(self, path: Path | str) -> None:
        with np.load(path) as z:
            text = {k: z[k].tobytes().decode("utf-8") for k in ("words", "chars", "attributes")}
            w = {k: z[k] for k in z.files if k not in text}
        self.encoder = NeuralEncoder(text["words"].split("\n"), text["chars"], text["attributes"].split("\n"))
        self.vectors = w["vectors"]  # float16 [2 + words, dim]
        self.char_vectors = w["char_vectors"].astype(np.float32)
        # conv weight [out, in, 3] -> one matrix over the concatenated (left, centre, right) inputs
        cw = w["char_conv"].astype(np.float32)
        self.char_conv = np.concatenate([cw[:, :, k].T for k in range(cw.shape[2])], axis=0)
        self.char_bias = w["char_bias"].astype(np.float32)
        w_ih = w["w_ih"].astype(np.float32)  # [2, 4H, D]
        dim = self.vectors.shape[1]
        n_char = self.char_bias.shape[0]
        h = self.hidden = w["w_hh"].shape[2]
        # Gates i, f, o are sigmoids, sigmoid(a) = (1 + tanh(a / 2)) / 2: halving their weights lets one
        # tanh call per step serve all four gates. Columns: forward 4H then backward 4H.
        half = np.concatenate([np.full(2 * h, 0.5), np.ones(h), np.full(h, 0.5)]).astype(np.float32)

        def columns(m: F32) -> F32:  # [2, 4H, k] -> [k, 8H], gate columns scaled
            return np.ascontiguousarray(np.concatenate([m[0].T * half, m[1].T * half], axis=1))

        self.w_word = columns(w_ih[:, :, : 3 * dim])
        self.w_char = columns(w_ih[:, :, 3 * dim : 3 * dim + n_char])
        # sparse attributes: their embedding-bag rows projected through the input weights
        self.attr_proj = w["attr_vectors"].astype(np.float32) @ columns(w_ih[:, :, 3 * dim + n_char :])
        self.bias = ((w["b_ih"].astype(np.float32) + w["b_hh"].astype(np.float32)) * half).reshape(-1)  # [8H]
        self.w_hh = np.ascontiguousarray(np.transpose(w["w_hh"].astype(np.float32), (0, 2, 1)) * half)  # [2, H, 4H]
        self.out_w = w["out_w"].astype(np.float32).T  # [2H, K]
        self.out_b = w["out_b"].astype(np.float32)
        self.trans = w["trans"].astype(np.float64)
        self.start = w["start"].astype(np.float64)
        self.end = w["end"].astype(np.float64)
        self._words: dict[str, F32] = {}

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_words"] = {}  # a cache: not worth pickling
        return state

    # -- input projection ---------------------------------------------------------------
    def _project_words(self, infos: Sequence[WordInfo]) -> None:
        """Cache each new token's share of the input projection, ``[8H]``: word vectors, characters, own attributes."""
        new: dict[str, WordInfo] = {}
        for info in infos:
            if info.token not in self._words:
                new.setdefault(info.token, info)
        if not new:
            return
        if len(self._words) + len(new) > _CACHE_LIMIT:
            self._words = {}
        enc = self.encoder
        todo = list(new.values())
        ids = np.array([enc.word_ids(i) for i in todo], dtype=np.int64)
        vec = self.vectors[ids].astype(np.float32).reshape(len(todo), -1)
        chars = np.array([enc.char_ids(i) for i in todo], dtype=np.int64)
        x = self.char_vectors[chars]  # [U, W, C]
        pad = np.zeros((len(todo), 1, x.shape[2]), dtype=np.float32)
        xp = np.concatenate([pad, x, pad], axis=1)
        win = np.concatenate([xp[:, :-2], xp[:, 1:-1], xp[:, 2:]], axis=2)  # [U, W, 3C]
        conv = np.maximum(win @ self.char_conv + self.char_bias, 0.0).max(axis=1)  # [U, n_char]
        proj = vec @ self.w_word + conv @ self.w_char + self.bias  # [U, 8H]
        for u, info in enumerate(todo):
            a = enc.attribute_ids(word_attributes(info))
            if a:
                proj[u] += self.attr_proj[a].sum(axis=0)
            self._words[info.token] = proj[u]

    # -- scores --------------------------------------------------------------------------
    def emissions_batch(self, analyses: Sequence[Analysis]) -> list[F32]:
        """Label scores ``[token, label]`` of several non-empty sentences, run as one batch."""
        if not analyses:
            return []
        flat = [i for infos, _ in analyses for i in infos]
        self._project_words(flat)
        sizes = [len(infos) for infos, _ in analyses]
        b, width, h = len(sizes), max(sizes), self.hidden
        words = self._words
        rows = np.stack([words[i.token] for i in flat])  # [N, 8H]
        base = 0
        for (_, matches), n in zip(analyses, sizes, strict=True):
            if matches:
                for j, m in enumerate(match_attributes(n, matches)):
                    a = self.encoder.attribute_ids(m)
                    if a:
                        rows[base + j] += self.attr_proj[a].sum(axis=0)
            base += n
        pos = np.concatenate([np.arange(n) for n in sizes])
        rev = np.concatenate([np.arange(n - 1, -1, -1) for n in sizes])  # the backward LSTM reads reversed
        sent = np.repeat(np.arange(b), sizes)
        x = np.zeros((2, width, b, 4 * h), dtype=np.float32)
        x[0, pos, sent] = rows[:, : 4 * h]
        x[1, rev, sent] = rows[:, 4 * h :]
        states = np.empty((2, width, b, h), dtype=np.float32)
        hid = np.zeros((2, b, h), dtype=np.float32)
        cell = np.zeros((2, b, h), dtype=np.float32)
        w_hh = self.w_hh
        for t in range(width):
            z = hid @ w_hh
            z += x[:, t]
            np.tanh(z, out=z)
            gate = z * 0.5
            gate += 0.5  # i, f, o: sigmoids (see __init__); the g block of z stays tanh
            cell *= gate[..., h : 2 * h]
            cell += gate[..., :h] * z[..., 2 * h : 3 * h]
            hid = gate[..., 3 * h :] * np.tanh(cell)
            states[:, t] = hid
        scores = states[0, pos, sent] @ self.out_w[:h] + states[1, rev, sent] @ self.out_w[h:] + self.out_b
        return np.split(scores, np.cumsum(sizes)[:-1])
