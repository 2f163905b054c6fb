r"""Read article dumps as a stream of input items: JSONL, CSV, Parquet and ``.txt`` folders.

Every input record becomes one :class:`Item`, numbered in input order across
all inputs; nothing is parsed here beyond what is needed to split records, so
JSON decoding and field mapping run in the workers. Bytes that are not UTF-8
become an item of kind ``"bytes"`` (an E003 error record later), never a crash.

Examples:
    >>> import json, pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.jsonl").write_text(json.dumps({"id": 1, "text": "نص"}) + "\n\n{bad\n")
    >>> [(i.position, i.line, i.kind) for i in InputSet([d / "a.jsonl"])]
    [(0, 1, 'json'), (1, 3, 'json')]
    >>> FieldMap(text="body", id="guid").apply({"guid": 7, "body": "نص"})
    {'id': 7, 'text': 'نص'}
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal, NamedTuple

from arnews_nlp.errors import ConfigError, UnreadableFileError

__all__ = ["INPUT_FORMATS", "FieldMap", "InputFormat", "InputSet", "Item", "detect_format", "open_binary"]

InputFormat = Literal["jsonl", "csv", "parquet", "txt"]
INPUT_FORMATS: tuple[InputFormat, ...] = ("jsonl", "csv", "parquet", "txt")
ItemKind = Literal["json", "record", "text", "bytes"]
_CSV_FIELD_LIMIT = 256 * 1024 * 1024


class Item(NamedTuple):
    """One input record, before parsing.

    Attributes:
        position: 0-based position across all inputs: the output position and the resume key.
        line: 1-based line (JSONL, CSV) or row (Parquet) in its file; None for a ``.txt`` article.
        kind: ``json`` (a JSONL line), ``record`` (a dict), ``text`` (an article) or ``bytes`` (not UTF-8).
        payload: The line, dict, article text, or for ``bytes`` the raw line (or the CSV row).
        id: The identifier when the reader knows it (the ``.txt`` file's relative path).
    """

    position: int
    line: int | None
    kind: ItemKind
    payload: Any
    id: str | None = None


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which input fields hold the id, title, text and publication date.

    :meth:`apply` renames them to ``id``, ``title``, ``text`` and ``published``,
    the names :func:`arnews_nlp.io.article.doc_from_record` reads; every other
    field passes through into ``Document.meta``.
    """

    id: str = "id"
    title: str = "title"
    text: str = "text"
    date: str = "published"

    def apply(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """Return ``record`` with the mapped fields under their standard names."""
        pairs = (("id", self.id), ("title", self.title), ("text", self.text), ("published", self.date))
        if all(std == src for std, src in pairs):
            return dict(record)
        sources = {src for _, src in pairs}
        out = {k: v for k, v in record.items() if k not in sources}
        for std, src in pairs:
            if src in record:
                out[std] = record[src]
            else:
                out.pop(std, None)
        return out

    def record_id(self, record: Any) -> str | None:
        """The id of a parsed record, or None."""
        if isinstance(record, Mapping) and record.get(self.id) is not None:
            return str(record[self.id])
        return None


def open_binary(path: str | Path) -> IO[bytes]:
    """Open plain, ``.gz`` or ``.bz2`` input as bytes (``-``: stdin)."""
    if str(path) == "-":
        return sys.stdin.buffer
    p = Path(path)
    try:
        raw = open(p, "rb")
    except OSError as exc:
        raise UnreadableFileError(path=str(p), reason=exc.strerror or str(exc)) from exc
    if p.suffix == ".gz":
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    if p.suffix == ".bz2":
        return bz2.BZ2File(raw, "rb")
    return raw


def detect_format(path: str | Path) -> InputFormat:
    """Guess the input format from the path: a folder is ``txt``; else the suffix decides.

    Examples:
        >>> detect_format("dump.jsonl.gz"), detect_format("a.csv"), detect_format("t.parquet")
        ('jsonl', 'csv', 'parquet')
    """
    p = Path(path)
    if str(path) == "-":
        return "jsonl"
    if p.is_dir():
        return "txt"
    suffixes = [s.lower() for s in p.suffixes if s.lower() not in (".gz", ".bz2")]
    last = suffixes[-1] if suffixes else ""
    if last in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if last in (".csv", ".tsv"):
        return "csv"
    if last in (".parquet", ".pq"):
        return "parquet"
    if last == ".txt":
        return "txt"
    raise ConfigError(f"Cannot tell the format of {p}: name it .jsonl/.csv/.parquet or pass input_format.")


class InputSet:
    """Several inputs read one after another as a single numbered stream of :class:`Item`.

    Args:
        paths: Files or folders (``-`` for JSONL on stdin).
        input_format: Force one format for every input instead of guessing from the names.

    Attributes:
        total_bytes: Sum of the input sizes on disk (0 when unknown, e.g. stdin): for progress.
    """

    def __init__(self, paths: Sequence[str | Path], *, input_format: InputFormat | None = None) -> None:
        if not paths:
            raise ConfigError("Give at least one input.")
        if input_format is not None and input_format not in INPUT_FORMATS:
            raise ConfigError(f"Input format must be one of {INPUT_FORMATS}, not {input_format!r}.")
        self.paths = [str(p) for p in paths]
        self.formats = [input_format or detect_format(p) for p in self.paths]
        for p in self.paths:
            if p != "-" and not Path(p).exists():
                raise UnreadableFileError(path=p, reason="no such file or directory")
        self.total_bytes = sum(_size(p) for p in self.paths)
        self._done_bytes = 0
        self._folder_pos = 0
        self._current: IO[bytes] | None = None

    def bytes_read(self) -> int:
        """Bytes consumed so far (compressed bytes for .gz/.bz2), for a progress estimate."""
        pos = self._folder_pos
        raw = self._current
        if raw is not None and not raw.closed:
            try:
                pos = raw.tell()
            except (OSError, ValueError):
                pos = 0
        return self._done_bytes + pos

    def __iter__(self) -> Iterator[Item]:
        index = 0
        self._done_bytes = 0
        for path, fmt in zip(self.paths, self.formats, strict=True):
            reader = {"jsonl": self._jsonl, "csv": self._csv, "parquet": self._parquet, "txt": self._txt}[fmt]
            for item in reader(path):
                yield item._replace(position=index)
                index += 1
            self._current = None
            self._folder_pos = 0
            self._done_bytes += _size(path)

    def _open(self, path: str) -> IO[bytes]:
        if path == "-":
            return sys.stdin.buffer
        try:
            raw = open(path, "rb")
        except OSError as exc:
            raise UnreadableFileError(path=path, reason=exc.strerror or str(exc)) from exc
        self._current = raw
        return raw

    def _decompressed(self, path: str, raw: IO[bytes]) -> IO[bytes]:
        if path.endswith(".gz"):
            return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
        if path.endswith(".bz2"):
            return bz2.BZ2File(raw, "rb")
        return raw

    def _jsonl(self, path: str) -> Iterator[Item]:
        raw = self._open(path)
        with raw, self._decompressed(path, raw) as fh:
            for n, line in enumerate(fh, 1):
                try:
                    text = line.decode("utf-8")
                except UnicodeDecodeError:
                    yield Item(0, n, "bytes", line)
                    continue
                if text.strip():
                    yield Item(0, n, "json", text.rstrip("\r\n"))

    def _csv(self, path: str) -> Iterator[Item]:
        raw = self._open(path)
        delimiter = "\t" if ".tsv" in Path(path).suffixes else ","
        limit = csv.field_size_limit()
        csv.field_size_limit(max(limit, _CSV_FIELD_LIMIT))  # a 1 MB article is one field
        try:
            with raw, self._decompressed(path, raw) as fh:
                text = io.TextIOWrapper(fh, encoding="utf-8", errors="surrogateescape", newline="")
                reader = csv.DictReader(text, delimiter=delimiter)
                start = 2
                for row in reader:
                    record = {k: v for k, v in row.items() if k is not None}
                    if any(isinstance(v, str) and _has_surrogates(v) for v in record.values()):
                        yield Item(0, start, "bytes", _reencode(record))
                    else:
                        yield Item(0, start, "record", record)
                    start = reader.line_num + 1
        finally:
            csv.field_size_limit(limit)

    def _parquet(self, path: str) -> Iterator[Item]:
        try:
            import pyarrow.parquet as pq  # type: ignore[import-untyped, import-not-found, unused-ignore]
        except ImportError as exc:
            raise ConfigError("Reading Parquet needs pyarrow: pip install 'arnews-nlp[tables]'.") from exc
        raw = self._open(path)
        with raw:
            n = 0
            for batch in pq.ParquetFile(raw).iter_batches(batch_size=256):
                for record in batch.to_pylist():
                    n += 1
                    yield Item(0, n, "record", record)

    def _txt(self, path: str) -> Iterator[Item]:
        root = Path(path)
        files = [root] if root.is_file() else sorted(root.rglob("*.txt"))
        for f in files:
            ident = f.stem if f == root else f.relative_to(root).with_suffix("").as_posix()
            try:
                data = f.read_bytes()
            except OSError as exc:
                raise UnreadableFileError(path=str(f), reason=exc.strerror or str(exc)) from exc
            self._folder_pos += len(data)
            try:
                yield Item(0, None, "text", data.decode("utf-8"), ident)
            except UnicodeDecodeError:
                yield Item(0, None, "bytes", data, ident)


def _size(path: str) -> int:
    p = Path(path)
    if path == "-" or not p.exists():
        return 0
    if p.is_dir():
        return sum(f.stat().st_size for f in p.rglob("*.txt"))
    return os.path.getsize(p)


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _reencode(record: dict[str, Any]) -> dict[str, Any]:
    """The row with undecodable bytes shown as U+FFFD (kept only to name the record's id)."""
    return {
        k: v.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if isinstance(v, str) else v
        for k, v in record.items()
    }
