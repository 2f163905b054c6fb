"""Entity-level scores (exact span and type), the same reading as ../shared/eval/score_ner.py."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from arnews_nlp.ner.labels import bio_spans

__all__ = ["Scores", "score_sentences"]

Scores = dict[str, dict[str, float]]


def _prf(tp: int, sys: int, gold: int) -> dict[str, float]:
    p = tp / sys if sys else 0.0
    r = tp / gold if gold else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "tp": tp,
        "system": sys,
        "gold": gold,
    }


def score_sentences(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Scores:
    """Per-type and ``overall`` precision/recall/F1 over ``(gold_tags, pred_tags)`` pairs.

    Examples:
        >>> s = score_sentences([(["B-PERS", "I-PERS", "O"], ["B-PERS", "I-PERS", "B-LOC"])])
        >>> s["PERS"]["f1"], s["overall"]["precision"]
        (1.0, 0.5)
    """
    tp: Counter[str] = Counter()
    ns: Counter[str] = Counter()
    ng: Counter[str] = Counter()
    for gold, pred in pairs:
        g = set(bio_spans(list(gold)))
        p = set(bio_spans(list(pred)))
        ns.update(s[2] for s in p)
        ng.update(s[2] for s in g)
        tp.update(s[2] for s in g & p)
    out = {t: _prf(tp[t], ns[t], ng[t]) for t in sorted(set(ns) | set(ng))}
    out["overall"] = _prf(sum(tp.values()), sum(ns.values()), sum(ng.values()))
    return out
