"""Training corpora under ../shared/data/ner: loading, label mapping, dev split, de-duplication.

* ANERcorp train (PERS/LOC/ORG/MISC): the last ``dev_fraction`` of its sentences is
  held out as the news dev split and never trained on.
* AQMAR train/dev (PER/LOC/ORG/MIS → PERS/LOC/ORG/MISC).
* NewsFANE gold (fine classes → ours via :data:`arnews_nlp.ner.labels.NEWSFANE_MAP`);
  its split-off ``و`` is glued back onto the next token so tokens look like
  ANERcorp's, and sentences overlapping the held-out dev split are dropped
  (NewsFANE re-annotates ANERcorp text); they form ``newsfane_dev``, which scores
  the fine types.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from arnews_nlp.ner.conll import read_tagged
from arnews_nlp.ner.labels import AQMAR_MAP, NEWSFANE_MAP, map_tags
from arnews_nlp.ner.wordforms import key

__all__ = ["Corpora", "Sentence", "glue_conjunction", "load_corpora", "shared_ner_dir"]

Sentence = tuple[list[str], list[str]]
_SHINGLE = 24


def shared_ner_dir() -> Path:
    """``$ARNEWS_SHARED/data/ner`` or ``../shared/data/ner`` beside the checkout."""
    env = os.environ.get("ARNEWS_SHARED")
    base = Path(env) if env else Path(__file__).resolve().parents[3] / ".." / "shared"
    return base / "data" / "ner"


def glue_conjunction(tokens: list[str], tags: list[str]) -> Sentence:
    """Re-attach a split-off ``و`` to the following token (it takes that token's tag).

    Examples:
        >>> glue_conjunction(["زار", "و", "دمشق"], ["O", "O", "B-GPE"])
        (['زار', 'ودمشق'], ['O', 'B-GPE'])
    """
    out_t: list[str] = []
    out_g: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == "و" and i + 1 < len(tokens) and tokens[i + 1][:1].isalpha():
            out_t.append("و" + tokens[i + 1])
            out_g.append(tags[i + 1])
            i += 2
            continue
        out_t.append(tokens[i])
        out_g.append(tags[i])
        i += 1
    return out_t, out_g


def _letters(tokens: list[str]) -> str:
    return "".join(ch for ch in key("".join(tokens)) if ch.isalpha())


def _shingles(text: str) -> set[str]:
    return {text[i : i + _SHINGLE] for i in range(0, max(1, len(text) - _SHINGLE + 1))}


@dataclass
class Corpora:
    """The training corpora, mapped to our labels."""

    anercorp_train: list[Sentence]
    anercorp_dev: list[Sentence]
    aqmar_train: list[Sentence]
    aqmar_dev: list[Sentence]
    newsfane: list[Sentence]
    newsfane_dev: list[Sentence]


def load_corpora(ner_dir: Path | None = None, *, dev_fraction: float = 0.1) -> Corpora:
    """Load and map every corpus; hold out the ANERcorp dev split.

    With ``dev_fraction=0`` nothing is held out (the shipped model's setting).
    """
    d = ner_dir or shared_ner_dir()
    aner = read_tagged(d / "anercorp" / "train.txt")
    cut = len(aner) - round(len(aner) * dev_fraction)
    aner_train, aner_dev = aner[:cut], aner[cut:]
    aq_train = [(t, map_tags(g, AQMAR_MAP)) for t, g in read_tagged(d / "aqmar" / "train.txt")]
    aq_dev = [(t, map_tags(g, AQMAR_MAP)) for t, g in read_tagged(d / "aqmar" / "dev.txt")]
    nf_raw = read_tagged(d / "newsfane" / "newsfane-gold.conll")
    held = set().union(*(_shingles(_letters(t)) for t, _ in aner_dev)) if aner_dev else set()
    newsfane: list[Sentence] = []
    newsfane_dev: list[Sentence] = []
    for toks, tags in nf_raw:
        sh = _shingles(_letters(toks))
        overlaps = bool(held) and len(sh & held) * 4 >= len(sh)
        (newsfane_dev if overlaps else newsfane).append(glue_conjunction(toks, map_tags(tags, NEWSFANE_MAP)))
    return Corpora(aner_train, aner_dev, aq_train, aq_dev, newsfane, newsfane_dev)
