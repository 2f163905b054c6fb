"""Benchmark ``arnews batch`` on the ANT dump: articles/s, tokens/s, peak RSS, and the reading floor.

Usage:
    .venv/bin/python benchmarks/bench_batch.py [--articles 2000] [--workers 1,2] [--pipeline full|tokenizer]
    .venv/bin/python benchmarks/bench_batch.py --articles 0 --workers 2      # the whole dump

Reads ../shared/data/news/ant-v2.1.jsonl.gz (or $ARNEWS_SHARED/data/news/...); exits 0 with a
message when it is absent. Figures go to stdout:

* floor: reading + JSON-parsing the records alone (no pipeline), the cost no run can go below;
* for each worker count: a full ``run_batch`` into a temporary JSONL (worker start-up and
  pipeline loading included), articles/s, tokens/s, articles/s per worker, peak RSS of the
  parent and of the whole process tree (sampled every 50 ms with psutil when installed).

Don't run two benchmarks at once on a shared machine: the rates would be meaningless.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from arnews_nlp.batch.runner import run_batch
from arnews_nlp.batch.sources import InputSet
from arnews_nlp.loading import load
from arnews_nlp.pipeline import Pipeline

TOKENIZER = {
    "stages": [
        {"name": "sentencizer", "factory": "arnews.sentencizer.v1"},
        {"name": "tokenizer", "factory": "arnews.tokenizer.v1"},
    ]
}


def dump_path() -> Path:
    env = os.environ.get("ARNEWS_SHARED")
    base = Path(env) if env else Path(__file__).resolve().parents[1] / ".." / "shared"
    return base / "data" / "news" / "ant-v2.1.jsonl.gz"


class PeakRSS:
    """Sample the RSS of this process and its children; ``peak_tree`` and ``peak_self`` in MB."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak_tree = 0.0
        self.peak_self = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        me = psutil.Process()
        while not self._stop.is_set():
            try:
                own = me.memory_info().rss
                kids = sum(c.memory_info().rss for c in me.children(recursive=True))
            except psutil.Error:
                kids = 0
            self.peak_self = max(self.peak_self, own / 2**20)
            self.peak_tree = max(self.peak_tree, (own + kids) / 2**20)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def floor(path: Path, n: int) -> dict[str, Any]:
    """Read and JSON-parse the first ``n`` records (all when 0): the cost of the input alone."""
    t0 = time.perf_counter()
    count = chars = 0
    for item in InputSet([path]):
        if n and count >= n:
            break
        record = json.loads(item.payload)
        chars += len(record.get("text") or "")
        count += 1
    dt = time.perf_counter() - t0
    return {"records": count, "seconds": dt, "rate": count / dt, "mchars": chars / 1e6}


def head(path: Path, n: int, target: Path) -> Path:
    with gzip.open(path, "rb") as src, open(target, "wb") as out:
        for i, line in enumerate(src):
            if n and i >= n:
                break
            out.write(line)
    return target


def measure(nlp: Pipeline, src: Path, workers: int, tmp: Path) -> dict[str, Any]:
    out = tmp / f"out-{workers}.jsonl"
    with PeakRSS() as rss:
        stats = run_batch(nlp, src, out, workers=workers, overwrite=True, progress=False)
    total = stats.processed + stats.failed
    return {
        "workers": workers,
        "records": total,
        "failed": stats.failed,
        "seconds": stats.seconds,
        "rate": stats.rate,
        "per_worker": stats.rate / max(1, workers),
        "tokens_per_s": stats.tokens / stats.seconds,
        "rss_self_mb": rss.peak_self,
        "rss_tree_mb": rss.peak_tree,
        "output_mb": out.stat().st_size / 2**20,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000, help="first N articles (0: the whole dump)")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts (0: in-process)")
    ap.add_argument("--pipeline", choices=("full", "tokenizer"), default="full")
    ap.add_argument("--ner", choices=("default", "crf"), default="default", help="crf: the CRF alone")
    args = ap.parse_args()
    path = dump_path()
    if not path.exists():
        print(f"SKIP: ANT dump not found at {path} (set ARNEWS_SHARED)")
        return 0
    nlp = load(ner=args.ner) if args.pipeline == "full" else Pipeline.from_config(TOKENIZER)
    print(f"dump: {path.name}, articles: {args.articles or 'all'}, pipeline: {args.pipeline} {nlp.pipe_names}")
    print(f"cores available: {len(os.sched_getaffinity(0))}, load average: {os.getloadavg()[0]:.2f}")
    fl = floor(path, args.articles)
    print(
        f"floor (read .gz + json.loads): {fl['records']} records in {fl['seconds']:.2f} s = "
        f"{fl['rate']:,.0f} records/s ({fl['mchars']:.1f} M chars of text)"
    )
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        src = head(path, args.articles, tmp / "in.jsonl")
        for w in (int(x) for x in args.workers.split(",")):
            r = measure(nlp, src, w, tmp)
            print(
                f"workers={r['workers']}: {r['records']} records ({r['failed']} error records) in "
                f"{r['seconds']:.1f} s = {r['rate']:.1f} articles/s ({r['per_worker']:.1f}/worker), "
                f"{r['tokens_per_s']:,.0f} tokens/s; peak RSS parent {r['rss_self_mb']:.0f} MB, "
                f"process tree {r['rss_tree_mb']:.0f} MB; output {r['output_mb']:.1f} MB"
            )
            sys.stdout.flush()
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"ru_maxrss: parent {maxrss:.0f} MB, largest worker {kids:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
