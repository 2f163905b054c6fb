r"""Lossless, ordered, resumable batch runs over article dumps.

Every input record yields exactly one output record, in input order: a
Document, or an error record ``{"id", "line", "error": {"code", "message"}}``
when the record cannot be processed (invalid JSON, bad encoding, missing,
empty or non-Arabic text, a stage that fails, a worker process that dies).

Examples:
    >>> import json, pathlib, tempfile
    >>> from arnews_nlp.pipeline import Pipeline
    >>> nlp = Pipeline.from_config({"stages": [{"name": "sentencizer", "factory": "arnews.sentencizer.v1"},
    ...                                        {"name": "tokenizer", "factory": "arnews.tokenizer.v1"}]})
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "in.jsonl").write_text('{"id": 1, "text": "وصل الوزير."}\nnot json\n', encoding="utf-8")
    >>> stats = run_batch(nlp, d / "in.jsonl", d / "out.jsonl", workers=0)
    >>> stats.processed, stats.failed, stats.tokens
    (1, 1, 3)
    >>> [json.loads(x).get("error", {}).get("code") for x in (d / "out.jsonl").read_text("utf-8").splitlines()]
    [None, 'E005']
"""

from __future__ import annotations

import functools
import itertools
import logging
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from arnews_nlp.batch.pool import OrderedPool
from arnews_nlp.batch.progress import Progress
from arnews_nlp.batch.sinks import Sink, open_sink
from arnews_nlp.batch.sources import FieldMap, InputFormat, InputSet, Item
from arnews_nlp.batch.work import Outcome, WorkerState, crash_outcome, init_worker, process_chunk, process_item
from arnews_nlp.errors import ConfigError
from arnews_nlp.pipeline import Pipeline

__all__ = ["BatchStats", "default_workers", "iter_outcomes", "run_batch"]

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class BatchStats:
    """Counts and timing of a batch run.

    Attributes:
        processed: Records that became Documents in this run.
        failed: Records that became error records in this run.
        resumed: Records found already done in the output (``resume=True``).
        resumed_failed: Of those, error records.
        tokens: Tokens in the Documents of this run.
        seconds: Wall-clock time of the run.
        worker_restarts: Times the worker pool was rebuilt after a worker died.
    """

    processed: int = 0
    failed: int = 0
    resumed: int = 0
    resumed_failed: int = 0
    tokens: int = 0
    seconds: float = 0.0
    worker_restarts: int = 0

    @property
    def total_failed(self) -> int:
        """Error records in the whole output, including resumed ones."""
        return self.failed + self.resumed_failed

    @property
    def rate(self) -> float:
        """Records per second in this run."""
        return (self.processed + self.failed) / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        """One line for humans: counts, time and rates."""
        text = (
            f"processed {self.processed:,}, failed {self.failed:,} in {self.seconds:.1f} s "
            f"({self.rate:.1f} articles/s, {self.tokens / self.seconds if self.seconds else 0:.0f} tokens/s)"
        )
        if self.resumed:
            text += f"; resumed after {self.resumed:,} records already done ({self.resumed_failed:,} failed)"
        if self.worker_restarts:
            text += f"; {self.worker_restarts} worker restarts"
        return text


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def iter_outcomes(
    nlp: Pipeline,
    items: Iterator[Item],
    *,
    workers: int = 0,
    fields: FieldMap | None = None,
    tokens: bool = False,
    chunk_size: int = 16,
    pool_stats: BatchStats | None = None,
) -> Iterator[Outcome]:
    """Process items into outcomes in input order: in this process (``workers=0``) or in worker processes."""
    fmap = fields or FieldMap()
    if workers <= 0:
        for item in items:
            yield process_item(nlp, item, fields=fmap, tokens=tokens)
        return
    pool: OrderedPool[Item, Outcome] = OrderedPool(
        process_chunk,
        workers=workers,
        initializer=init_worker,
        initargs=(WorkerState(nlp, fmap, tokens),),
        on_crash=functools.partial(crash_outcome, fields=fmap),
        chunk_size=chunk_size,
    )
    try:
        yield from pool.map(items)
    finally:
        if pool_stats is not None:
            pool_stats.worker_restarts += pool.restarts


def run_batch(
    nlp: Pipeline,
    source: str | Path | Sequence[str | Path],
    target: str | Path,
    *,
    workers: int | None = None,
    tokens: bool = False,
    fields: FieldMap | None = None,
    input_format: InputFormat | None = None,
    output_format: str | None = None,
    resume: bool = False,
    overwrite: bool = False,
    progress: bool | None = False,
    progress_stream: IO[str] | None = None,
    chunk_size: int = 16,
    part_size: int = 2000,
) -> BatchStats:
    """Process every record of the inputs into ``target``, one output record per input record.

    Args:
        nlp: The pipeline; it is pickled once to each worker process.
        source: One or several inputs: JSONL (``.gz``/``.bz2``), CSV, Parquet, ``.txt`` folders, ``-``.
        target: ``.jsonl``/``.jsonl.gz`` file (or ``-``), or a folder for Parquet tables.
        workers: Worker processes; default: the core count; 0 runs in this process.
        tokens: Include tokens in the Documents.
        fields: Which input fields hold id, title, text and date.
        input_format: Force the input format instead of guessing from names.
        output_format: ``jsonl`` or ``parquet`` instead of guessing from ``target``.
        resume: Continue a run that was stopped; what is in ``target`` is kept.
        overwrite: Replace an existing ``target`` (otherwise it is an error unless resuming).
        progress: Show a progress line; None: when ``progress_stream`` is a terminal.
        progress_stream: Where progress goes (default stderr).
        chunk_size: Records sent to a worker at a time.
        part_size: Records per Parquet part file (Parquet output only).

    Returns:
        The counts of this run (and of the resumed part).
    """
    if workers is None:
        workers = default_workers()
    if workers < 0 or chunk_size < 1 or part_size < 1:
        raise ConfigError("Workers must be >= 0, chunk_size and part_size >= 1.")
    paths = [source] if isinstance(source, str | Path) else list(source)
    inputs = InputSet(paths, input_format=input_format)
    sink: Sink = open_sink(target, output_format, overwrite=overwrite, part_size=part_size)
    stats = BatchStats()
    t0 = time.perf_counter()
    stats.resumed, stats.resumed_failed = sink.open(resume=resume)
    if stats.resumed:
        logger.info("resuming after %d records already in %s", stats.resumed, target)
    bar = Progress(
        progress_stream or sys.stderr,
        total_bytes=inputs.total_bytes,
        bytes_read=inputs.bytes_read,
        enabled=progress,
    )
    items = itertools.islice(iter(inputs), stats.resumed, None)
    try:
        for out in iter_outcomes(
            nlp, items, workers=workers, fields=fields, tokens=tokens, chunk_size=chunk_size, pool_stats=stats
        ):
            sink.write(out.position, out.ok, out.output)
            if out.ok:
                stats.processed += 1
                stats.tokens += out.tokens
            else:
                stats.failed += 1
            bar.update()
    finally:
        sink.close()
        bar.close()
        stats.seconds = time.perf_counter() - t0
    return stats
