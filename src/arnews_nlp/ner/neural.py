"""A BiLSTM-CRF tagger over word vectors learned from the ANT dump, applied with numpy.

The CRF (:mod:`arnews_nlp.ner.crf`) sees words through hand-made attributes; this
network sees them through dense vectors learned without labels from the ANT news
dump (skip-gram over its 10.4M folded tokens, ``scripts/build_vectors.py``), a small
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

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from arnews_nlp.ner.features import WordInfo
from arnews_nlp.ner.wordforms import split_proclitics

__all__ = ["CHAR_WIDTH", "DOMAIN_PREFIX", "TAGGING_DOMAIN", "TAGS", "BiLSTMTagger", "NeuralEncoder"]

F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]
Analysis = tuple[Sequence[WordInfo], Sequence[tuple[int, int, str]]]

TAGS: tuple[str, ...] = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
"""The network's output labels, in this order."""
DOMAIN_PREFIX = "dom="
"""Attribute prefix of a training sentence's corpus (``dom=news``, ``dom=wiki``)."""
TAGGING_DOMAIN = "news"
"""The corpus style a network trained with domains tags in by default (folded into its input bias)."""
CHAR_WIDTH = 16
"""Characters of a word the character CNN reads (its last 16: Arabic inflects at the start)."""
_CACHE_LIMIT = 20_000
_KEEP_RANK = 10_000
"""Tokens whose folded word is among the vocabulary's most frequent (ANT order) survive a full cache."""
_PLANE = 0xF0000  # a private-use plane: character ids are written there while encoding a batch
_PAD = chr(_PLANE)
_IN_PLANE = re.compile("[\U000f0000-\U000fffff]")


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


def match_attributes(matches: Sequence[tuple[int, int, str]]) -> dict[int, list[str]]:
    """The sparse inputs the sentence's gazetteer matches give, by token position (matched ones only)."""
    out: dict[int, list[str]] = {}
    for s, e, cat in matches:
        for j in range(s, e):
            out.setdefault(j, []).extend(("g=" + cat, ("gB=" if j == s else "gI=") + cat))
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
        self._to_plane = {ord(c): chr(_PLANE + i) for c, i in self.chars.items()}

    def word_ids(self, info: WordInfo) -> tuple[int, int, int]:
        """Vector ids of the folded word, its proclitic-less stem and that stem without ال."""
        get = self.words.get
        return get(info.key, 1), get(info.stem, 1), get(_bare(info.stem), 1)

    def char_ids(self, info: WordInfo) -> list[int]:
        """Ids of the word's last :data:`CHAR_WIDTH` folded characters (left-aligned, 0-padded)."""
        return self._char_list(info.key[-CHAR_WIDTH:])

    def _char_list(self, tail: str) -> list[int]:
        ids = [self.chars.get(c, 1) for c in tail]
        return ids + [0] * (CHAR_WIDTH - len(ids))

    def char_matrix(self, keys: Sequence[str]) -> I64:
        """:meth:`char_ids` of several folded words, ``[len(keys), CHAR_WIDTH]`` (one pass over their text)."""
        tails = [k[-CHAR_WIDTH:] for k in keys]
        if any(_IN_PLANE.search(t) for t in tails):  # text already using that plane: the slow way
            return np.array([self._char_list(t) for t in tails], dtype=np.int64).reshape(len(keys), CHAR_WIDTH)
        # each known character becomes chr(_PLANE + id), padding chr(_PLANE); anything else stays outside
        text = "".join(t.translate(self._to_plane).ljust(CHAR_WIDTH, _PAD) for t in tails)
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64) - _PLANE
        codes[(codes < 0) | (codes >= len(self.chars) + 2)] = 1
        return codes.reshape(len(keys), CHAR_WIDTH)

    def attribute_ids(self, attributes: Sequence[str]) -> list[int]:
        """Ids of the known attributes."""
        return [i for i in map(self.attributes.get, attributes) if i is not None]

    def encode(
        self, infos: Sequence[WordInfo], matches: Sequence[tuple[int, int, str]]
    ) -> tuple[I64, I64, list[list[int]]]:
        """``(word ids [n, 3], char ids [n, 16], sparse ids per token)`` of one analysed sentence."""
        n = len(infos)
        ids = np.array([self.word_ids(i) for i in infos], dtype=np.int64).reshape(n, 3)
        chars = self.char_matrix([i.key for i in infos])
        near = match_attributes(matches)
        sparse = [self.attribute_ids(word_attributes(i) + near.get(j, [])) for j, i in enumerate(infos)]
        return ids, chars, sparse


class BiLSTMTagger:
    """The exported network: label scores ``[token, label]`` (labels :data:`TAGS`) and CRF transitions.

    Args:
        path: a ``neural.npz`` written by :func:`arnews_nlp.ner.neural_train.export`.
        domain: for a network trained with its sentences' corpora (:attr:`domains`), the one whose
            guidelines it tags by: ``news`` (ANERcorp's) or ``wiki`` (AQMAR's Wikipedia ones).
            A network trained without them ignores it.

    Raises:
        ValueError: when the network knows domains and ``domain`` is not one of them.
    """

    def __init__(self, path: Path | str, domain: str = TAGGING_DOMAIN) -> None:
        with np.load(path) as z:
            text = {k: z[k].tobytes().decode("utf-8") for k in ("words", "chars", "attributes")}
            w = {k: z[k] for k in z.files if k not in text}
        self.encoder = NeuralEncoder(text["words"].split("\n"), text["chars"], text["attributes"].split("\n"))
        self.vectors = w["vectors"]  # float16 [2 + words, dim]
        # The character CNN is linear before its ReLU: each of its 3 taps (left, centre, right character)
        # is precomputed per character, ``[3, chars + 1, filters]``; the extra last row (zeros) is the
        # convolution's padding beyond the word's 16 characters.
        cv = w["char_vectors"].astype(np.float32)
        cw = w["char_conv"].astype(np.float32)  # [filters, char dim, 3]
        taps = np.zeros((3, len(cv) + 1, cw.shape[0]), dtype=np.float32)
        for k in range(3):
            taps[k, :-1] = cv @ cw[:, :, k].T
        self.char_taps = taps
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

        self.w_in = columns(w_ih[:, :, : 3 * dim + n_char])  # word vectors, then character filters
        # sparse attributes: their embedding-bag rows projected through the input weights
        self.attr_proj = w["attr_vectors"].astype(np.float32) @ columns(w_ih[:, :, 3 * dim + n_char :])
        self.bias = ((w["b_ih"].astype(np.float32) + w["b_hh"].astype(np.float32)) * half).reshape(-1)  # [8H]
        self.domains = sorted(a[len(DOMAIN_PREFIX) :] for a in self.encoder.attributes if a.startswith(DOMAIN_PREFIX))
        """The corpora the network was trained to tell apart (empty: trained without them)."""
        if self.domains:
            if domain not in self.domains:
                raise ValueError(f"{path}: unknown domain {domain!r}; this network knows {', '.join(self.domains)}")
            # an attribute of every token: its projected row belongs in the bias
            self.bias = self.bias + self.attr_proj[self.encoder.attributes[DOMAIN_PREFIX + domain]]
        self.domain = domain if self.domains else None
        self.w_hh = np.ascontiguousarray(np.transpose(w["w_hh"].astype(np.float32), (0, 2, 1)) * half)  # [2, H, 4H]
        self.out_w = w["out_w"].astype(np.float32).T  # [2H, K]
        self.out_b = w["out_b"].astype(np.float32)
        self.trans = w["trans"].astype(np.float64)
        self.start = w["start"].astype(np.float64)
        self.end = w["end"].astype(np.float64)
        self._row: dict[str, int] = {}
        self._keep: set[str] = set()  # cached tokens of frequent words: kept when the cache is full
        self._sums: dict[tuple[int, ...], F32] = {}
        self._own: dict[tuple[object, ...], F32] = {}
        self._zero = np.zeros(8 * h, dtype=np.float32)
        self._table = np.zeros((0, 8 * h), dtype=np.float32)

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_row"], state["_keep"], state["_table"] = {}, set(), self._table[:0]  # a cache: not worth pickling
        return state

    # -- input projection ---------------------------------------------------------------
    def _project_words(self, infos: Sequence[WordInfo]) -> I64:
        """Rows of ``_table`` holding each token's share of the input projection, ``[8H]``.

        The share is the word vectors, characters and the word's own attributes; it is
        computed for the tokens not seen before.
        """
        row = self._row
        idx = [row.get(i.token, -1) for i in infos]
        if -1 not in idx:
            return np.array(idx, dtype=np.int64)
        new = list({i.token: i for i, r in zip(infos, idx, strict=True) if r < 0}.values())
        if len(row) + len(new) > _CACHE_LIMIT:
            row = self._evict()
            new = list({i.token: i for i in infos if i.token not in row}.values())
            if len(row) + len(new) > _CACHE_LIMIT:  # start afresh: every token of this call is new
                row.clear()
                self._keep.clear()
                new = list({i.token: i for i in infos}.values())
        first = len(row)
        size = max(_CACHE_LIMIT, len(new))  # more only for a document of over 20,000 distinct tokens
        if len(self._table) < size:  # allocated on first use (np.zeros: memory as rows are written)
            self._table = np.zeros((size, self._table.shape[1]), dtype=np.float32)
        enc = self.encoder
        ids = np.array([enc.word_ids(i) for i in new], dtype=np.int64)
        u = len(new)
        inputs = np.empty((u, self.w_in.shape[0]), dtype=np.float32)
        dim = self.vectors.shape[1]
        inputs[:, : 3 * dim] = self.vectors[ids].reshape(u, -1)
        taps = self.char_taps
        chars = np.full((u, CHAR_WIDTH + 2), taps.shape[1] - 1, dtype=np.int64)  # the padding row
        chars[:, 1:-1] = enc.char_matrix([i.key for i in new])
        conv = taps[0][chars[:, :-2]]
        conv += taps[1][chars[:, 1:-1]]
        conv += taps[2][chars[:, 2:]]  # [U, W, filters]
        # ReLU then max over positions = max then ReLU; the bias is the same at every position
        inputs[:, 3 * dim :] = np.maximum(conv.max(axis=1) + self.char_bias, 0.0)
        proj = inputs @ self.w_in + self.bias  # [U, 8H]
        proj += np.stack([self._own_attributes(i) for i in new])
        self._table[first : first + u] = proj
        for k, info in enumerate(new):
            row[info.token] = first + k
            if 2 <= ids[k, 0] < _KEEP_RANK + 2:  # the folded word's id (1: unknown; then most frequent first)
                self._keep.add(info.token)
        return np.array([row[i.token] for i in infos], dtype=np.int64)

    def _evict(self) -> dict[str, int]:
        """Empty the token cache except for frequent words' tokens, which move to the front."""
        kept = [t for t in self._row if t in self._keep]
        if len(kept) > _CACHE_LIMIT // 2:
            kept = []
        rows = np.array([self._row[t] for t in kept], dtype=np.intp)
        self._table[: len(kept)] = self._table[rows]
        self._row = {t: j for j, t in enumerate(kept)}
        self._keep = set(kept)
        return self._row

    def _own_attributes(self, info: WordInfo) -> F32:
        """:meth:`_attribute_sum` of the word's own attributes, cached by the values they are made of."""
        k = (info.shape, split_proclitics(info.key)[0], info.gaz, info.lex, info.is_punct)
        got = self._own.get(k)
        if got is None:
            if len(self._own) >= _CACHE_LIMIT:  # odd shapes of junk text could grow it without end
                self._own.clear()
            got = self._own[k] = self._attribute_sum(tuple(self.encoder.attribute_ids(word_attributes(info))))
        return got

    def _attribute_sum(self, ids: tuple[int, ...]) -> F32:
        """Summed projected rows of a set of attribute ids (few distinct sets occur: cached)."""
        got = self._sums.get(ids)
        if got is None:
            got = self._sums[ids] = self.attr_proj[list(ids)].sum(axis=0) if ids else self._zero
        return got

    # -- scores --------------------------------------------------------------------------
    def emissions_batch(self, analyses: Sequence[Analysis]) -> list[F32]:
        """Label scores ``[token, label]`` of several non-empty sentences, run as one batch."""
        if not analyses:
            return []
        idx = self._project_words([i for infos, _ in analyses for i in infos])  # may grow the table
        rows = self._table[idx]  # [N, 8H]
        sizes = [len(infos) for infos, _ in analyses]
        base = 0
        for (_, matches), n in zip(analyses, sizes, strict=True):
            for j, names in match_attributes(matches).items():
                rows[base + j] += self._attribute_sum(tuple(self.encoder.attribute_ids(names)))
            base += n
        if len(sizes) == 1:
            return [self._run_one(rows)]
        b, width, h = len(sizes), max(sizes), self.hidden
        pos = np.concatenate([np.arange(n) for n in sizes])
        rev = np.concatenate([np.arange(n - 1, -1, -1) for n in sizes])  # the backward LSTM reads reversed
        # batch slots by decreasing length: at step t only the first active[t] slots still run
        order = sorted(range(b), key=lambda k: -sizes[k])
        slot = np.empty(b, dtype=np.intp)
        slot[order] = np.arange(b)
        sent = np.repeat(slot, sizes)
        active = (np.array(sizes)[None, :] > np.arange(width)[:, None]).sum(axis=1).tolist()
        x = np.zeros((2, width, b, 4 * h), dtype=np.float32)
        x[0, pos, sent] = rows[:, : 4 * h]
        x[1, rev, sent] = rows[:, 4 * h :]
        states = np.empty((2, width, b, h), dtype=np.float32)
        hid = np.zeros((2, b, h), dtype=np.float32)
        cell = np.zeros((2, b, h), dtype=np.float32)
        w_hh = self.w_hh
        for t in range(width):
            m = active[t]
            z = hid[:, :m] @ w_hh
            z += x[:, t, :m]
            np.tanh(z, out=z)
            gate = z * 0.5
            gate += 0.5  # i, f, o: sigmoids (see __init__); the g block of z stays tanh
            c = cell[:, :m]
            c *= gate[..., h : 2 * h]
            c += gate[..., :h] * z[..., 2 * h : 3 * h]
            hid[:, :m] = gate[..., 3 * h :] * np.tanh(c)
            states[:, t, :m] = hid[:, :m]
        scores = states[0, pos, sent] @ self.out_w[:h] + states[1, rev, sent] @ self.out_w[h:] + self.out_b
        return np.split(scores, np.cumsum(sizes)[:-1])

    def _run_one(self, rows: F32) -> F32:
        """:meth:`emissions_batch`'s recurrence for one sentence: no slots, every buffer reused in place."""
        n, h = len(rows), self.hidden
        x = np.empty((n, 2, 1, 4 * h), dtype=np.float32)
        x[:, 0, 0] = rows[:, : 4 * h]
        x[:, 1, 0] = rows[::-1, 4 * h :]  # the backward LSTM reads reversed
        states = np.empty((n, 2, 1, h), dtype=np.float32)
        z = np.empty((2, 1, 4 * h), dtype=np.float32)
        gate = np.empty_like(z)
        tmp = np.empty((2, 1, h), dtype=np.float32)
        cell = np.zeros((2, 1, h), dtype=np.float32)
        i, f, o, g = gate[..., :h], gate[..., h : 2 * h], gate[..., 3 * h :], z[..., 2 * h : 3 * h]
        hid = np.zeros((2, 1, h), dtype=np.float32)
        w_hh = self.w_hh
        for t in range(n):
            np.matmul(hid, w_hh, out=z)
            z += x[t]
            np.tanh(z, out=z)
            np.multiply(z, 0.5, out=gate)
            gate += 0.5  # i, f, o: sigmoids (see __init__); g stays tanh
            cell *= f
            np.multiply(i, g, out=tmp)
            cell += tmp
            np.tanh(cell, out=tmp)
            hid = states[t]
            np.multiply(o, tmp, out=hid)
        scores: F32 = states[:, 0, 0] @ self.out_w[:h] + states[::-1, 1, 0] @ self.out_w[h:] + self.out_b
        return scores
