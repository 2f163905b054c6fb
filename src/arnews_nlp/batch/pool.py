"""An ordered, bounded, crash-tolerant process pool for batch runs.

Items go to worker processes in chunks; at most ``window`` chunks are in
flight, so memory stays bounded however large the input. Results come back in
input order. When a worker process dies (segfault, ``kill -9``, out of memory),
the pool is rebuilt and the chunks that were in flight are retried one item at a
time, so only the item that kills a worker again is given up on (through
``on_crash``); the run goes on.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

__all__ = ["OrderedPool", "one_math_thread"]

logger = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


def one_math_thread() -> None:
    """Keep numpy's BLAS on one thread in this process (for pool workers: one worker per core).

    Each BLAS defaults to a thread per core; with one worker per core that puts
    several spinning threads on every core, and the small matrix products of NER
    tagging ran about 3× slower with 2 workers than with 1 (measured).
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


class OrderedPool(Generic[T, R]):
    """Map ``func`` over items in worker processes, yielding results in input order.

    Args:
        func: Processes a list of items (a chunk) into a list of results; must be picklable.
        workers: Number of worker processes (spawned, so the parent's state is not forked).
        initializer: Run once in each worker with ``initargs`` (e.g. to keep the pipeline).
        initargs: Arguments of ``initializer``, pickled once per worker.
        on_crash: Result to give for an item whose processing killed a worker twice.
        chunk_size: Items per task.
        window: Chunks in flight at most (default ``4 * workers``).
    """

    def __init__(
        self,
        func: Callable[[list[T]], list[R]],
        *,
        workers: int,
        initializer: Callable[..., None],
        initargs: tuple[Any, ...],
        on_crash: Callable[[T, str], R],
        chunk_size: int = 16,
        window: int | None = None,
    ) -> None:
        self.func = func
        self.workers = max(1, workers)
        self.initializer = initializer
        self.initargs = initargs
        self.on_crash = on_crash
        self.chunk_size = max(1, chunk_size)
        self.window = window or 4 * self.workers
        self.restarts = 0
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=mp.get_context("spawn"),
            initializer=self.initializer,
            initargs=self.initargs,
        )

    def _restart(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self.restarts += 1
        self._pool = self._new_pool()
        return self._pool

    def map(self, items: Iterable[T]) -> Iterator[R]:
        """Yield ``func`` results for every item, in input order."""
        self._pool = self._new_pool()
        source = iter(items)
        pending: deque[tuple[list[T], Future[list[R]]]] = deque()
        try:
            while True:
                while len(pending) < self.window:
                    chunk = list(itertools.islice(source, self.chunk_size))
                    if not chunk:
                        break
                    pending.append((chunk, self._submit(chunk)))
                if not pending:
                    return
                chunk, future = pending.popleft()
                try:
                    results = future.result()
                except BrokenProcessPool:
                    survivors = [chunk] + [c for c, _ in pending]
                    pending.clear()
                    logger.warning("a worker process died; retrying %d chunks one item at a time", len(survivors))
                    self._restart()
                    for c in survivors:
                        yield from self._isolate(c)
                    continue
                yield from results
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None

    def _submit(self, chunk: list[T]) -> Future[list[R]]:
        pool = self._pool if self._pool is not None else self._restart()
        try:
            return pool.submit(self.func, chunk)
        except BrokenProcessPool:
            return self._restart().submit(self.func, chunk)

    def _isolate(self, chunk: list[T]) -> Iterator[R]:
        """Process items one by one; an item that kills the worker again gets ``on_crash``."""
        for item in chunk:
            try:
                yield from self._submit([item]).result()
            except BrokenProcessPool as exc:
                logger.warning("an item killed a worker process twice; recording it as an error")
                self._restart()
                yield self.on_crash(item, f"the worker process died ({exc})")
