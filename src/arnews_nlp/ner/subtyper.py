"""Place sub-typer: GPE vs LOC vs FAC for a place span, an averaged perceptron.

The CRF finds place spans with ANERcorp's single LOC type; this classifier,
trained on NewsFANE's fine classes (Nation/Population-Center/... → GPE,
Water-Body/Continent/... → LOC, Building-Grounds/Airport/... → FAC), picks the
subtype from the span's words, head noun, clusters, gazetteer categories and
the word before it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from arnews_nlp.ner.features import FeatureExtractor
from arnews_nlp.ner.labels import LOC_TYPES

__all__ = ["PlaceSubtyper", "span_features"]


def span_features(fx: FeatureExtractor, tokens: Sequence[str], start: int, end: int) -> list[str]:
    """Features of the span ``tokens[start:end]`` for the sub-typer.

    Examples:
        >>> from arnews_nlp.ner.gazetteer import Gazetteer
        >>> fx = FeatureExtractor(gazetteer=Gazetteer([("مطار", "FACKW")]))
        >>> f = span_features(fx, ["وصل", "في", "مطار", "دمشق"], 2, 4)
        >>> "first=مطار" in f, "gw0=FACKW" in f, "prev=في" in f
        (True, True, True)
    """
    infos = [fx.word(t) for t in tokens[start:end]]
    first, last = infos[0], infos[-1]
    stems = [first.stem] + [i.key for i in infos[1:]]
    phrase = " ".join(stems)
    f = [
        "bias",
        "span=" + phrase,
        "first=" + first.stem,
        "last=" + last.key,
        f"n={min(len(infos), 4)}",
        "c1first=" + first.cluster,
        "cffirst=" + first.fine_cluster,
        "c1last=" + last.cluster,
    ]
    f += ["tok=" + s for s in stems]
    f += ["gz=" + c for c in sorted(fx.gazetteer.categories(phrase))]
    f += ["gw0=" + g[3:] for g in first.feats if g.startswith("gw=")]
    f += ["gwl=" + g[3:] for g in last.feats if g.startswith("gw=")]
    if start > 0:
        prev = fx.word(tokens[start - 1])
        f += ["prev=" + prev.stem, "cprev=" + prev.cluster]
        f += ["gprev=" + g[3:] for g in prev.feats if g.startswith("gw=")]
    return f


class PlaceSubtyper:
    """Averaged perceptron over span features with classes GPE, LOC, FAC.

    Examples:
        >>> st = PlaceSubtyper()
        >>> st.train([(["first=نهر"], "LOC"), (["first=مطار"], "FAC"), (["first=دمشق"], "GPE")] * 3)
        >>> st.predict(["first=نهر"]), st.predict(["first=مطار"])
        ('LOC', 'FAC')
    """

    def __init__(self, weights: dict[str, dict[str, float]] | None = None) -> None:
        self.weights: dict[str, dict[str, float]] = weights or {}
        self.classes: tuple[str, ...] = LOC_TYPES

    def scores(self, feats: Iterable[str]) -> dict[str, float]:
        """Class scores (ties favour the order GPE, LOC, FAC)."""
        s = dict.fromkeys(self.classes, 0.0)
        for f in feats:
            w = self.weights.get(f)
            if w:
                for c, v in w.items():
                    s[c] += v
        return s

    def predict(self, feats: Iterable[str]) -> str:
        """The best class."""
        s = self.scores(feats)
        return max(self.classes, key=lambda c: (s[c], -self.classes.index(c)))

    def train(self, examples: Sequence[tuple[list[str], str]], *, epochs: int = 8) -> None:
        """Averaged-perceptron training, deterministic (fixed example order, no shuffling)."""
        w: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        total: dict[tuple[str, str], float] = defaultdict(float)
        stamp: dict[tuple[str, str], int] = defaultdict(int)
        step = 0
        self.weights = w
        for epoch in range(epochs):
            order = examples if epoch % 2 == 0 else list(reversed(examples))
            for feats, gold in order:
                step += 1
                guess = self.predict(feats)
                if guess == gold:
                    continue
                for f in feats:
                    for c, delta in ((gold, 1.0), (guess, -1.0)):
                        k = (f, c)
                        total[k] += (step - stamp[k]) * w[f][c]
                        stamp[k] = step
                        w[f][c] += delta
        avg: dict[str, dict[str, float]] = {}
        for f, row in w.items():
            for c, v in row.items():
                k = (f, c)
                t = total[k] + (step - stamp[k]) * v
                if t:
                    avg.setdefault(f, {})[c] = round(t / step, 4)
        self.weights = avg

    def save(self, path: Path) -> None:
        """Write the weights as sorted JSON."""
        path.write_text(json.dumps(self.weights, ensure_ascii=False, sort_keys=True), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> PlaceSubtyper:
        """Read weights written by :meth:`save`."""
        weights = json.loads(path.read_text(encoding="utf-8"))
        return cls({f: {c: float(v) for c, v in row.items()} for f, row in weights.items()})
