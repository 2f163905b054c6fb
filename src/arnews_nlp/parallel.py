"""Run a pipeline over many articles in worker processes, keeping input order.

Uses the crash-tolerant :class:`~arnews_nlp.batch.pool.OrderedPool`: a worker that
dies is replaced; an article that kills a worker twice raises
:class:`~arnews_nlp.errors.WorkerDiedError` here (``arnews batch`` turns it into an
error record instead).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from arnews_nlp.doc import Doc
from arnews_nlp.errors import WorkerDiedError

if TYPE_CHECKING:
    from arnews_nlp.pipeline import Pipeline

__all__ = ["ordered_map"]

_WORKER: dict[str, Any] = {}


def _init(nlp: Pipeline, disabled: frozenset[str]) -> None:
    from arnews_nlp.batch.pool import one_math_thread

    one_math_thread()
    _WORKER["nlp"] = nlp
    _WORKER["disabled"] = disabled


def _process_chunk(items: list[Any]) -> list[Doc]:
    nlp: Pipeline = _WORKER["nlp"]
    return [nlp(item, disable=_WORKER["disabled"]) for item in items]


def _crashed(item: Any, reason: str) -> Doc:
    raise WorkerDiedError(reason=reason)


def ordered_map(
    nlp: Pipeline, items: Iterable[Any], *, n_process: int, chunksize: int, disabled: frozenset[str]
) -> Iterator[Doc]:
    """Yield ``nlp(item)`` for each item, computed by ``n_process`` workers, in input order."""
    from arnews_nlp.batch.pool import OrderedPool

    pool: OrderedPool[Any, Doc] = OrderedPool(
        _process_chunk,
        workers=n_process,
        initializer=_init,
        initargs=(nlp, disabled),
        on_crash=_crashed,
        chunk_size=chunksize,
    )
    yield from pool.map(items)
