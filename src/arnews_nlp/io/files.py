"""Read an input file (or standard input) as UTF-8, with coded errors."""

from __future__ import annotations

import sys
from pathlib import Path

from arnews_nlp.errors import InvalidEncodingError, UnreadableFileError

__all__ = ["read_utf8"]


def read_utf8(path: str) -> str:
    """The text of ``path`` (``-`` for standard input), decoded as UTF-8.

    Raises:
        UnreadableFileError: The file is missing or unreadable (E004).
        InvalidEncodingError: The bytes are not UTF-8 (E003).

    Examples:
        >>> read_utf8("/no/such/file.txt")
        Traceback (most recent call last):
        ...
        arnews_nlp.errors.UnreadableFileError: [E004] Cannot read /no/such/file.txt: No such file or directory.
    """
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableFileError(path=path, reason=exc.strerror or str(exc)) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidEncodingError(path=path, position=exc.start) from exc
