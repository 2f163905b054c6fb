"""Reading and writing CoNLL files (one token per line, blank line between sentences)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

__all__ = ["read_conll", "read_conll_lines", "read_tagged", "write_conll"]


def read_conll_lines(lines: Iterable[str]) -> Iterator[list[list[str]]]:
    """Group CoNLL lines into sentences of column lists (split on whitespace).

    Examples:
        >>> list(read_conll_lines(["زار O", "دمشق B-LOC", "", "نعم O"]))
        [[['زار', 'O'], ['دمشق', 'B-LOC']], [['نعم', 'O']]]
    """
    cur: list[list[str]] = []
    for line in lines:
        parts = line.split()
        if not parts:
            if cur:
                yield cur
                cur = []
            continue
        cur.append(parts)
    if cur:
        yield cur


def read_conll(path: Path | str) -> list[list[list[str]]]:
    """All sentences of a CoNLL file as lists of column lists."""
    with open(path, encoding="utf-8") as fh:
        return list(read_conll_lines(fh))


def read_tagged(path: Path | str) -> list[tuple[list[str], list[str]]]:
    """Sentences of a ``TOKEN ... TAG`` file as ``(tokens, tags)`` (first and last column)."""
    return [([r[0] for r in s], [r[-1] for r in s]) for s in read_conll(path)]


def write_conll(out: TextIO, sentences: Iterable[list[list[str]]]) -> None:
    """Write sentences of column lists, space-separated, blank line after each."""
    for sent in sentences:
        for cols in sent:
            out.write(" ".join(cols) + "\n")
        out.write("\n")
