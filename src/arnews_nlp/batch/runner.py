"""Lossless batch processing of JSON Lines: one output line per input line.

Every input line yields exactly one output line: a Document, or an error record
``{"id", "line", "error": {"code", "message"}}`` when the line cannot be
processed (invalid JSON, missing text, non-Arabic text, a stage that fails).
"""

from __future__ import annotations

import bz2
import gzip
import json
import multiprocessing as mp
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from arnews_nlp.errors import (
    ArnewsError,
    InvalidEncodingError,
    InvalidRecordError,
    UnexpectedError,
    UnreadableFileError,
)
from arnews_nlp.pipeline import Pipeline
from arnews_nlp.schemas import ErrorInfo, ErrorRecord, to_document

__all__ = ["BatchStats", "open_binary", "open_text", "process_line", "read_lines", "run_batch"]

_WORKER: dict[str, Any] = {}


@dataclass(slots=True)
class BatchStats:
    """Counts of a batch run."""

    processed: int = 0
    failed: int = 0


def open_text(path: str | Path, mode: str = "rt") -> IO[str]:
    """Open plain, ``.gz`` or ``.bz2`` text as UTF-8 for writing or reading (``-``: stdin/stdout)."""
    if str(path) == "-":
        return sys.stdin if "r" in mode else sys.stdout
    p = Path(path)
    try:
        if p.suffix == ".gz":
            return cast(IO[str], gzip.open(p, mode, encoding="utf-8"))
        if p.suffix == ".bz2":
            return cast(IO[str], bz2.open(p, mode, encoding="utf-8"))
        return open(p, mode, encoding="utf-8")
    except OSError as exc:
        raise UnreadableFileError(path=str(p), reason=exc.strerror or str(exc)) from exc


def open_binary(path: str | Path) -> IO[bytes]:
    """Open plain, ``.gz`` or ``.bz2`` input as bytes (``-``: stdin)."""
    if str(path) == "-":
        return sys.stdin.buffer
    p = Path(path)
    try:
        if p.suffix == ".gz":
            return cast(IO[bytes], gzip.open(p, "rb"))
        if p.suffix == ".bz2":
            return cast(IO[bytes], bz2.open(p, "rb"))
        return open(p, "rb")
    except OSError as exc:
        raise UnreadableFileError(path=str(p), reason=exc.strerror or str(exc)) from exc


def read_lines(path: str | Path) -> Iterator[tuple[int, str | None]]:
    """Yield ``(line number, text)`` for each non-blank line; text is None for invalid UTF-8."""
    with open_binary(path) as fh:
        for n, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                yield n, None
                continue
            if line.strip():
                yield n, line


def _record_id(line: str) -> str | None:
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    return str(obj["id"]) if isinstance(obj, dict) and obj.get("id") is not None else None


def process_line(nlp: Pipeline, line: str | None, lineno: int, *, tokens: bool = False) -> tuple[str, bool]:
    """Process one JSONL line; return the output line (no newline) and whether it succeeded.

    ``line`` is None for a line that was not valid UTF-8.
    """
    if line is None:
        err = ErrorInfo(code=InvalidEncodingError.code, message=f"line {lineno} is not valid UTF-8")
        return ErrorRecord(id=None, line=lineno, error=err).model_dump_json(), False
    try:
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise InvalidRecordError(reason=f"invalid JSON: {exc}") from exc
        doc = nlp(record)
        return to_document(doc, tokens=tokens).model_dump_json(), True
    except ArnewsError as exc:
        err = ErrorInfo(code=exc.code, message=exc.message)
    except Exception as exc:
        unexpected = UnexpectedError(reason=f"{type(exc).__name__}: {exc}")
        err = ErrorInfo(code=unexpected.code, message=unexpected.message)
    return ErrorRecord(id=_record_id(line), line=lineno, error=err).model_dump_json(), False


def _init(nlp: Pipeline, tokens: bool) -> None:
    _WORKER["nlp"], _WORKER["tokens"] = nlp, tokens


def _work(item: tuple[int, str | None]) -> tuple[str, bool]:
    return process_line(_WORKER["nlp"], item[1], item[0], tokens=_WORKER["tokens"])


def run_batch(
    nlp: Pipeline,
    source: str | Path,
    target: str | Path,
    *,
    workers: int = 1,
    tokens: bool = False,
    chunksize: int = 8,
) -> BatchStats:
    """Process every line of ``source`` (JSONL, .gz, .bz2 or ``-``) into ``target``, in order."""
    stats = BatchStats()
    lines = read_lines(source)
    with open_text(target, "wt") as fout:
        if workers <= 1:
            results: Iterator[tuple[str, bool]] = (process_line(nlp, t, n, tokens=tokens) for n, t in lines)
            _write(results, fout, stats)
        else:
            ctx = mp.get_context("spawn")
            with ctx.Pool(workers, initializer=_init, initargs=(nlp, tokens)) as pool:
                _write(pool.imap(_work, lines, chunksize=chunksize), fout, stats)
    return stats


def _write(results: Iterable[tuple[str, bool]], fout: IO[str], stats: BatchStats) -> None:
    for out, ok in results:
        fout.write(out + "\n")
        if ok:
            stats.processed += 1
        else:
            stats.failed += 1
