"""Gazetteer lookup: longest phrase matches over a token sequence.

The gazetteer is a ``phrase<TAB>CATEGORY`` table of folded phrases (built by
``scripts/build_gazetteers.py``). Matching runs on folded token keys; the first
token of a phrase may also match after its proclitics are stripped
(``وسوريا`` matches ``سوريا``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from arnews_nlp.ner.wordforms import split_proclitics

__all__ = ["Gazetteer", "default_gazetteer_path"]


def default_gazetteer_path() -> Path:
    """Path of the packaged gazetteer table."""
    return Path(__file__).resolve().parents[1] / "resources" / "gazetteers" / "gazetteer.tsv"


class Gazetteer:
    """Phrase → categories table with longest-match lookup.

    Examples:
        >>> gz = Gazetteer([("سوريا", "COUNTRY"), ("الشرق الاوسط", "REGION")])
        >>> gz.match(["وسوريا", "و", "الشرق", "الاوسط"])
        [(0, 1, 'COUNTRY'), (2, 4, 'REGION')]
        >>> len(gz)
        2
    """

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self._table: dict[str, set[str]] = {}
        self._lengths: dict[str, list[int]] = {}
        for phrase, cat in entries:
            self._table.setdefault(phrase, set()).add(cat)
            words = phrase.split(" ")
            lens = self._lengths.setdefault(words[0], [])
            if len(words) not in lens:
                lens.append(len(words))
        for lens in self._lengths.values():
            lens.sort(reverse=True)

    @classmethod
    def from_file(cls, path: Path | str | None = None, *extra: Path | str) -> Gazetteer:
        """Load ``phrase<TAB>CATEGORY`` files (default: the packaged one) into one table."""
        rows: list[list[str]] = []
        for p in [Path(path) if path is not None else default_gazetteer_path(), *map(Path, extra)]:
            with open(p, encoding="utf-8") as fh:
                rows += [line.rstrip("\n").split("\t") for line in fh if "\t" in line]
        return cls((r[0], r[1]) for r in rows)

    def __len__(self) -> int:
        return len(self._table)

    def categories(self, phrase: str) -> frozenset[str]:
        """Categories of one folded phrase (empty when absent).

        Examples:
            >>> Gazetteer([("دمشق", "CITY")]).categories("دمشق")
            frozenset({'CITY'})
        """
        return frozenset(self._table.get(phrase, ()))

    def match(self, keys: Sequence[str], stems: Sequence[str] | None = None) -> list[tuple[int, int, str]]:
        """All matches ``(start, end, category)``, longest per start and category.

        ``keys`` are folded tokens (:func:`arnews_nlp.ner.wordforms.key`);
        ``stems`` their proclitic-free forms (computed when not given).
        Matches of different categories may overlap.
        """
        out: list[tuple[int, int, str]] = []
        n = len(keys)
        lengths = self._lengths
        for i in range(n):
            first = keys[i]
            stem = stems[i] if stems is not None else split_proclitics(first, min_stem=2)[1]
            if first not in lengths and stem not in lengths:
                continue  # most words start no phrase
            candidates = [first] if stem == first else [first, stem]
            seen: set[str] = set()
            for cand in candidates:
                lens = self._lengths.get(cand)
                if not lens:
                    continue
                for length in lens:
                    if i + length > n:
                        continue
                    phrase = cand if length == 1 else cand + " " + " ".join(keys[i + 1 : i + length])
                    cats = self._table.get(phrase)
                    if cats:
                        for cat in sorted(cats - seen):
                            out.append((i, i + length, cat))
                        seen |= cats
        return out
