"""Training and running the CRF sequence tagger (python-crfsuite)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from arnews_nlp.ner.features import FeatureExtractor

__all__ = ["CRFModel", "train_crf"]

log = logging.getLogger(__name__)


def train_crf(
    sentences: Iterable[tuple[Sequence[str], Sequence[str]]],
    extractor: FeatureExtractor,
    out: Path,
    *,
    c1: float = 0.05,
    c2: float = 0.02,
    max_iterations: int = 150,
) -> dict[str, Any]:
    """Train an L-BFGS CRF (L1 + L2) and write it to ``out``; returns crfsuite's log info."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in sentences:
        trainer.append(extractor.sentence(tokens), list(tags))
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": 1,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    info: dict[str, Any] = {"iterations": len(trainer.logparser.iterations)}
    if trainer.logparser.iterations:
        info["loss"] = trainer.logparser.iterations[-1].get("loss")
    log.info("trained %s: %s", out, info)
    return info


class CRFModel:
    """A loaded crfsuite model plus the feature extractor it was trained with."""

    def __init__(self, path: Path, extractor: FeatureExtractor) -> None:
        import pycrfsuite

        self.path = path
        self.extractor = extractor
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    @property
    def labels(self) -> list[str]:
        """The tags the model can emit."""
        return list(self._tagger.labels())

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags for one sentence."""
        if not tokens:
            return []
        return self.tag_features(self.extractor.sentence(tokens))

    def tag_features(self, features: list[list[str]]) -> list[str]:
        """BIO tags for one sentence's attribute lists."""
        return list(self._tagger.tag(features)) if features else []

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "extractor": self.extractor}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"], state["extractor"])  # type: ignore[misc]
