"""A one-line progress display for batch runs: records, rate, share done and ETA.

It writes to a terminal only (``stream.isatty()``), so piped or logged runs
stay quiet; the share done and ETA come from the bytes of input read so far.

Examples:
    >>> import io
    >>> p = Progress(io.StringIO(), total_bytes=1000)
    >>> p.enabled
    False
    >>> format_eta(3725.0)
    '1:02:05'
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import IO

__all__ = ["Progress", "format_eta"]


def format_eta(seconds: float) -> str:
    """``H:MM:SS`` or ``M:SS``."""
    s = int(max(0.0, seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    r"""Redraw ``\r  12,345 articles  153.2/s  47%  ETA 2:31`` at most a few times a second.

    Args:
        stream: Where to draw (usually ``sys.stderr``).
        total_bytes: Size of the input; 0 when unknown (no percentage or ETA then).
        bytes_read: Returns how much of the input has been read.
        enabled: Force on or off; default: on when ``stream`` is a terminal.
    """

    def __init__(
        self,
        stream: IO[str],
        *,
        total_bytes: int = 0,
        bytes_read: Callable[[], int] | None = None,
        enabled: bool | None = None,
        interval: float = 0.25,
    ) -> None:
        self.stream = stream
        self.total_bytes = total_bytes
        self.bytes_read = bytes_read
        self.enabled = bool(stream.isatty()) if enabled is None else enabled
        self.interval = interval
        self.count = 0
        self._t0 = time.monotonic()
        self._last = 0.0

    def update(self, n: int = 1) -> None:
        """Count ``n`` more records and redraw if it is time."""
        self.count += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self._t0, 1e-9)
        rate = self.count / elapsed
        parts = [f"{self.count:,} articles", f"{rate:.1f}/s"]
        if self.total_bytes and self.bytes_read is not None:
            frac = min(1.0, self.bytes_read() / self.total_bytes)
            parts.append(f"{frac:.0%}")
            if frac > 0.001:
                parts.append(f"ETA {format_eta(elapsed * (1 - frac) / frac)}")
        self.stream.write("\r  " + "  ".join(parts) + "\033[K")
        self.stream.flush()

    def close(self) -> None:
        """Draw the final state and end the line."""
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
