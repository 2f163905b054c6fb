"""Streaming: bounded read-ahead, lazy imports of the optional extras."""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_stages import make_records

from arnews_nlp.batch.runner import iter_outcomes
from arnews_nlp.batch.sources import Item


def endless(counter: list[int]) -> Iterator[Item]:
    recs = make_records(5)
    for n in itertools.count():
        counter[0] += 1
        yield Item(n, n + 1, "record", dict(recs[n % 5], id=f"r{n}"))


def test_workers_read_ahead_only_a_bounded_window(tok_nlp: Any) -> None:
    consumed = [0]
    outcomes = iter_outcomes(tok_nlp, endless(consumed), workers=2, chunk_size=4)
    first = list(itertools.islice(outcomes, 50))
    outcomes.close()  # type: ignore[attr-defined]
    assert [o.position for o in first] == list(range(50))
    assert all(o.ok for o in first)
    # 50 yielded + at most window (4 x 2 workers) chunks of 4 in flight + the chunk being cut
    assert consumed[0] <= 50 + 4 * 2 * 4 + 4


def test_in_process_mode_is_lazy_too(tok_nlp: Any) -> None:
    consumed = [0]
    first = list(itertools.islice(iter_outcomes(tok_nlp, endless(consumed), workers=0), 7))
    assert len(first) == 7 and consumed[0] == 7


def test_core_batch_import_loads_no_optional_extra() -> None:
    code = (
        "import sys, arnews_nlp.batch, arnews_nlp.batch.dask, arnews_nlp.batch.cli;"
        "heavy = [m for m in ('pandas', 'pyarrow', 'dask', 'distributed', 'tqdm') if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
