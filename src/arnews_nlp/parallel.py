"""Run a pipeline over many articles in worker processes, keeping input order."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from arnews_nlp.doc import Doc

if TYPE_CHECKING:
    from arnews_nlp.pipeline import Pipeline

__all__ = ["ordered_map"]

_WORKER: dict[str, Any] = {}


def _init(nlp: Pipeline, disabled: frozenset[str]) -> None:
    _WORKER["nlp"] = nlp
    _WORKER["disabled"] = disabled


def _process(item: Any) -> Doc:
    nlp: Pipeline = _WORKER["nlp"]
    return nlp(item, disable=_WORKER["disabled"])


def ordered_map(
    nlp: Pipeline, items: Iterable[Any], *, n_process: int, chunksize: int, disabled: frozenset[str]
) -> Iterator[Doc]:
    """Yield ``nlp(item)`` for each item, computed by ``n_process`` workers, in input order."""
    ctx = mp.get_context("spawn")
    with ctx.Pool(n_process, initializer=_init, initargs=(nlp, disabled)) as pool:
        yield from pool.imap(_process, items, chunksize=chunksize)
