"""Where batch output goes: JSON Lines (plain or ``.gz``) or a folder of Parquet tables.

Both sinks are resumable. Output is written in input order, one record per
input record, so the number of complete records already on disk is exactly the
number of input records to skip. :meth:`open` repairs what a killed run left
(a cut-off last line, a truncated gzip stream, half-written Parquet parts) and
returns that number.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import time
import zlib
from pathlib import Path
from typing import IO, Any, Protocol

from arnews_nlp.batch.tables import TABLES, arrow_schema, flatten
from arnews_nlp.errors import ConfigError, OutputExistsError, UnreadableFileError

__all__ = ["JsonlSink", "ParquetSink", "Sink", "open_sink"]

_FLUSH_SECONDS = 2.0


class Sink(Protocol):
    """Receives outcomes in input order."""

    def open(self, *, resume: bool) -> tuple[int, int]:
        """Prepare the target; return ``(records already written, of which errors)``."""

    def write(self, index: int, ok: bool, line: str) -> None:
        """Write the record at input position ``index``."""

    def close(self) -> None:
        """Flush and close."""


def open_sink(target: str | Path, fmt: str | None = None, *, overwrite: bool = False, part_size: int = 2000) -> Sink:
    """The sink for ``target``: ``jsonl`` for ``.jsonl``/``.jsonl.gz``/``-``, ``parquet`` for a folder."""
    name = str(target)
    if fmt is None:
        stem = name[:-3] if name.endswith(".gz") else name
        if name == "-" or stem.endswith((".jsonl", ".ndjson", ".json")):
            fmt = "jsonl"
        elif name.endswith(".parquet") or Path(name).is_dir():
            fmt = "parquet"
        else:
            raise ConfigError(f"Cannot tell the output format of {name}: end it in .jsonl(.gz) or pass --format.")
    if fmt == "jsonl":
        return JsonlSink(name, overwrite=overwrite)
    if fmt == "parquet":
        return ParquetSink(name, overwrite=overwrite, part_size=part_size)
    raise ConfigError(f"Output format must be jsonl or parquet, not {fmt!r}.")


def _check_new(path: Path, overwrite: bool, resume: bool) -> None:
    if path.exists() and not (overwrite or resume):
        raise OutputExistsError(path=str(path))


class JsonlSink:
    """JSON Lines output, one line per input record; ``.gz`` compresses it."""

    def __init__(self, path: str, *, overwrite: bool = False) -> None:
        self.path = path
        self.overwrite = overwrite
        self._fh: IO[str] | None = None
        self._last_flush = 0.0

    def open(self, *, resume: bool) -> tuple[int, int]:
        """Open for writing; when resuming, repair the file and count what it holds."""
        if self.path == "-":
            if resume:
                raise ConfigError("Cannot resume output written to stdout; write to a file.")
            self._fh = sys.stdout
            return 0, 0
        p = Path(self.path)
        _check_new(p, self.overwrite, resume)
        done = failed = 0
        if resume and p.exists():
            done, failed = _repair_gzip(p) if p.suffix == ".gz" else _repair_plain(p)
        mode = "at" if resume else "wt"
        try:
            if p.suffix == ".gz":
                self._fh = io.TextIOWrapper(gzip.GzipFile(p, mode[0] + "b", compresslevel=6), encoding="utf-8")
            else:
                self._fh = open(p, mode, encoding="utf-8")
        except OSError as exc:
            raise UnreadableFileError(path=str(p), reason=exc.strerror or str(exc)) from exc
        self._last_flush = time.monotonic()
        return done, failed

    def write(self, index: int, ok: bool, line: str) -> None:
        """Append one line; flush every couple of seconds so a killed run loses little."""
        if self._fh is None:
            raise ConfigError("Sink is not open.")
        self._fh.write(line + "\n")
        now = time.monotonic()
        if now - self._last_flush > _FLUSH_SECONDS:
            self._fh.flush()
            self._last_flush = now

    def close(self) -> None:
        """Flush and close (stdout is flushed, not closed)."""
        if self._fh is None:
            return
        if self._fh is sys.stdout:
            self._fh.flush()
        else:
            self._fh.close()
        self._fh = None


def _is_error(line: bytes) -> bool:
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and "error" in obj and "text" not in obj


def _repair_plain(path: Path) -> tuple[int, int]:
    """Cut a partial last line; return (complete lines, error lines)."""
    done = failed = 0
    good_end = 0
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            done += 1
            failed += _is_error(raw)
            good_end += len(raw)
    with open(path, "r+b") as fh:
        fh.truncate(good_end)
    return done, failed


def _repair_gzip(path: Path) -> tuple[int, int]:
    """Rewrite the complete lines of a possibly truncated gzip stream; return the counts."""
    done = failed = 0
    tmp = path.with_name(path.name + ".repair")
    with open(path, "rb") as raw, gzip.open(tmp, "wb") as out:
        reader = gzip.GzipFile(fileobj=raw, mode="rb")
        tail = b""
        while True:
            try:
                block = reader.read1(1 << 16)
            except (EOFError, gzip.BadGzipFile, zlib.error, OSError):
                break
            if not block:
                break
            lines = (tail + block).split(b"\n")
            tail = lines.pop()
            for ln in lines:
                out.write(ln + b"\n")
                done += 1
                failed += _is_error(ln)
    os.replace(tmp, path)
    return done, failed


class ParquetSink:
    """A folder with one subfolder per table, each holding ``part-<first index>.parquet`` files.

    A part holds ``part_size`` consecutive records; it is written to a temporary
    name and renamed, the ``documents`` part last, so a part counts as done only
    when every table has it.
    """

    def __init__(self, path: str, *, overwrite: bool = False, part_size: int = 2000) -> None:
        self.root = Path(path)
        self.overwrite = overwrite
        self.part_size = part_size
        self._rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self._start = 0
        self._count = 0

    def open(self, *, resume: bool) -> tuple[int, int]:
        """Create the folders; when resuming, drop incomplete parts and count complete ones."""
        try:
            import pyarrow  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: F401
        except ImportError as exc:
            raise ConfigError("Parquet output needs pyarrow: pip install 'arnews-nlp[tables]'.") from exc
        if self.root.exists() and not self.root.is_dir():
            raise ConfigError(f"{self.root} is a file; Parquet output goes to a folder.")
        if self.root.exists() and any(self.root.iterdir()):
            _check_new(self.root, self.overwrite, resume)
        done = failed = 0
        if resume:
            done, failed = self._scan()
        else:
            for table in TABLES:
                for f in (self.root / table).glob("part-*"):
                    f.unlink()
        for table in TABLES:
            (self.root / table).mkdir(parents=True, exist_ok=True)
        self._start = done
        return done, failed

    def _scan(self) -> tuple[int, int]:
        import pyarrow.parquet as pq  # type: ignore[import-untyped, import-not-found, unused-ignore]

        done = failed = 0
        for part in sorted((self.root / "documents").glob("part-*.parquet")):
            if int(part.stem.split("-")[1]) != done:
                break
            status = pq.read_table(part, columns=["status"]).column("status").to_pylist()
            done += len(status)
            failed += sum(s == "error" for s in status)
        for table in TABLES:
            for f in (self.root / table).glob("part-*"):
                if f.suffix != ".parquet" or int(f.name.split("-")[1].split(".")[0]) >= done:
                    f.unlink()
        return done, failed

    def write(self, index: int, ok: bool, line: str) -> None:
        """Add the record's rows; write a part every ``part_size`` records."""
        for table, rows in flatten(json.loads(line), doc_index=index).items():
            self._rows[table].extend(rows)
        self._count += 1
        if self._count >= self.part_size:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa  # type: ignore[import-untyped, import-not-found, unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-untyped, import-not-found, unused-ignore]

        if not self._count:
            return
        name = f"part-{self._start:012d}.parquet"
        for table in (*TABLES[1:], TABLES[0]):
            data = pa.Table.from_pylist(self._rows[table], schema=arrow_schema(table))
            final = self.root / table / name
            tmp = final.with_name(name + ".tmp")
            pq.write_table(data, tmp, compression="zstd")
            os.replace(tmp, final)
            self._rows[table] = []
        self._start += self._count
        self._count = 0

    def close(self) -> None:
        """Write the last part."""
        self._flush()
