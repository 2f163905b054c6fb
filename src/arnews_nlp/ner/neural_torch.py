"""The torch modules behind :mod:`arnews_nlp.ner.neural_train` (imported only when training)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import torch
from torch import nn

from arnews_nlp.ner.neural import CHAR_WIDTH, TAGS
from arnews_nlp.ner.neural_train import NeuralConfig

__all__ = ["BiLSTMCRF", "batchify"]


class CRFLayer(nn.Module):
    """Linear-chain CRF: transitions plus start and end scores; negative log-likelihood."""

    def __init__(self, k: int) -> None:
        super().__init__()
        self.trans = nn.Parameter(torch.zeros(k, k))
        self.start = nn.Parameter(torch.zeros(k))
        self.end = nn.Parameter(torch.zeros(k))

    def nll(self, em: torch.Tensor, y: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Summed negative log-likelihood of gold paths ``y`` [B, L] under emissions ``em`` [B, L, K]."""
        _, width, _ = em.shape
        score = self.start[y[:, 0]] + em[:, 0].gather(1, y[:, :1]).squeeze(1)
        alpha = self.start + em[:, 0]
        for t in range(1, width):
            m = mask[:, t]
            step = self.trans[y[:, t - 1], y[:, t]] + em[:, t].gather(1, y[:, t : t + 1]).squeeze(1)
            score = score + step * m
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), 1) + em[:, t]
            alpha = torch.where(m.unsqueeze(1), nxt, alpha)
        last = y.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
        score = score + self.end[last]
        return (torch.logsumexp(alpha + self.end, 1) - score).sum()


class BiLSTMCRF(nn.Module):
    """Frozen word vectors (word, stem, bare stem) + character CNN + attribute bag → BiLSTM → CRF."""

    def __init__(self, vectors: np.ndarray, n_chars: int, n_attrs: int, cfg: NeuralConfig) -> None:
        super().__init__()
        table = np.concatenate([np.zeros((2, vectors.shape[1]), dtype=np.float32), vectors])
        self.words = nn.Embedding.from_pretrained(torch.tensor(table), freeze=True, padding_idx=0)
        self.chars = nn.Embedding(n_chars + 2, cfg.char_dim, padding_idx=0)
        self.char_conv = nn.Conv1d(cfg.char_dim, cfg.char_filters, 3, padding=1)
        self.attrs = nn.EmbeddingBag(n_attrs + 1, cfg.attr_dim, mode="sum", padding_idx=n_attrs)
        self.drop = nn.Dropout(cfg.dropout)
        self.word_dropout = cfg.word_dropout
        size = 3 * vectors.shape[1] + cfg.char_filters + cfg.attr_dim
        self.lstm = nn.LSTM(size, cfg.hidden // 2, batch_first=True, bidirectional=True)
        self.out = nn.Linear(cfg.hidden, len(TAGS))
        self.crf = CRFLayer(len(TAGS))

    def forward(self, ids: torch.Tensor, chars: torch.Tensor, attrs: torch.Tensor) -> torch.Tensor:
        """Label scores [B, L, K]."""
        b, width = ids.shape[:2]
        if self.training and self.word_dropout > 0:  # a word now and then read as unknown (id 1)
            unknown = (torch.rand(ids.shape[:2]) < self.word_dropout).unsqueeze(-1) & (ids > 0)
            ids = torch.where(unknown, torch.ones_like(ids), ids)
        e = self.words(ids).reshape(b, width, -1)
        c = self.chars(chars.reshape(b * width, -1)).transpose(1, 2)
        c = torch.relu(self.char_conv(c)).max(2).values.reshape(b, width, -1)
        a = self.attrs(attrs.reshape(b * width, -1)).reshape(b, width, -1)
        # packed, so that the backward direction starts at each sentence's own last token (as numpy does)
        lengths = (ids[:, :, 0] > 0).sum(1).cpu()
        x = nn.utils.rnn.pack_padded_sequence(
            self.drop(torch.cat([e, c, a], -1)), lengths, batch_first=True, enforce_sorted=False
        )
        packed, _ = self.lstm(x)
        h, _ = nn.utils.rnn.pad_packed_sequence(packed, batch_first=True, total_length=width)
        scores: torch.Tensor = self.out(self.drop(h))
        return scores

    def loss(
        self, ids: torch.Tensor, chars: torch.Tensor, attrs: torch.Tensor, y: torch.Tensor, mask: torch.Tensor
    ) -> torch.Tensor:
        """Summed CRF negative log-likelihood of a batch."""
        return self.crf.nll(self(ids, chars, attrs), y, mask)


def batchify(items: Sequence[tuple[Any, Any, list[list[int]], Any]], n_attrs: int) -> list[torch.Tensor]:
    """Pad encoded sentences into ``ids, chars, attrs, gold, mask`` tensors (attrs padded with ``n_attrs``)."""
    width = max(len(it[3]) for it in items)
    most = max((len(s) for it in items for s in it[2]), default=1) or 1
    b = len(items)
    ids = np.zeros((b, width, 3), np.int64)
    chars = np.zeros((b, width, CHAR_WIDTH), np.int64)
    attrs = np.full((b, width, most), n_attrs, np.int64)
    y = np.zeros((b, width), np.int64)
    mask = np.zeros((b, width), bool)
    for k, (wi, ci, si, yi) in enumerate(items):
        n = len(yi)
        ids[k, :n], chars[k, :n], y[k, :n], mask[k, :n] = wi, ci, yi, True
        for i, s in enumerate(si):
            attrs[k, i, : len(s)] = s
    return [torch.tensor(a) for a in (ids, chars, attrs, y, mask)]
