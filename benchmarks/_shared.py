"""Helpers for benchmarks: find ../shared and stream ANT records."""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def ant_dump() -> Path:
    """The ANT dump path, or exit with a clear message when ../shared is absent."""
    base = Path(os.environ.get("ARNEWS_SHARED", ROOT.parent / "shared"))
    path = base / "data/news/ant-v2.1.jsonl.gz"
    if not path.is_file():
        sys.exit(f"skipped: ANT dump not found at {path} (set ARNEWS_SHARED)")
    return path


def ant_records(limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Stream the first ``limit`` ANT records."""
    with gzip.open(ant_dump(), "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)
