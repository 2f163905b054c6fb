"""Benchmark the temporal stage on ANT sentences, and check it against gold date arguments.

Usage:
    .venv/bin/python benchmarks/bench_dates.py [--articles 2000] [--gold]

Reads ../shared/data/news/ant-v2.1.jsonl.gz (or $ARNEWS_SHARED/data/news/...). Reports
sentences/s of ``find_dates`` alone and of the whole stage (dates + numbers). With
``--gold`` it also reports how many ``date`` arguments of the gold event files
(seed.jsonl, dev.jsonl) the finder reproduces with exact span text and value.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import re
import sys
import time
from pathlib import Path

from arnews_nlp.doc import Doc
from arnews_nlp.temporal import TemporalStage, find_dates

_SPLIT = re.compile(r"(?<=[.!؟?])\s+|\n+")


def shared_dir() -> Path:
    env = os.environ.get("ARNEWS_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1] / ".." / "shared"


def load_sentences(n_articles: int) -> list[tuple[str, dt.date | None]]:
    path = shared_dir() / "data" / "news" / "ant-v2.1.jsonl.gz"
    if not path.exists():
        sys.exit(f"ANT corpus not found: {path}")
    out: list[tuple[str, dt.date | None]] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k >= n_articles:
                break
            art = json.loads(line)
            try:
                pub = dt.date.fromisoformat(str(art.get("published", ""))[:10])
            except ValueError:
                pub = None
            for text in [art.get("title") or "", art.get("text") or ""]:
                out.extend((s, pub) for s in _SPLIT.split(text) if s.strip())
    return out


def bench(sentences: list[tuple[str, dt.date | None]], repeat: int) -> None:
    n = len(sentences)
    n_dates = sum(len(find_dates(s, p)) for s, p in sentences)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for s, p in sentences:
            find_dates(s, p)
        best = min(best, time.perf_counter() - t0)
    print(f"find_dates: {n} sentences, {n_dates} dates, {n / best:,.0f} sentences/s (best of {repeat})")
    stage = TemporalStage()
    t0 = time.perf_counter()
    for s, p in sentences:
        stage(Doc(s, published=p))
    print(f"TemporalStage (dates+numbers): {n / (time.perf_counter() - t0):,.0f} sentences/s")


def gold() -> None:
    total = exact = span_only = 0
    for name in ("seed.jsonl", "dev.jsonl"):
        path = shared_dir() / "data" / "events" / name
        if not path.exists():
            continue
        for line in path.open(encoding="utf-8"):
            art = json.loads(line)
            text, pub = art["text"], dt.date.fromisoformat(art["published"])
            found = {text[m.start : m.end]: m.value for m in find_dates(text, pub)}
            for event in art["events"]:
                for arg in event["arguments"]:
                    if arg["role"] != "date":
                        continue
                    total += 1
                    if arg["text"] in found:
                        span_only += 1
                        if arg.get("value") is None or found[arg["text"]] == arg["value"]:
                            exact += 1
                        else:
                            ours = found[arg["text"]]
                            print(f"  value differs: {art['id']} gold={arg['value']} ours={ours}")
                    else:
                        print(f"  span missed: {art['id']} value={arg.get('value')}")
    print(f"gold date arguments: {exact}/{total} exact span+value, {span_only}/{total} span found")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--gold", action="store_true")
    args = ap.parse_args()
    bench(load_sentences(args.articles), args.repeat)
    if args.gold:
        gold()


if __name__ == "__main__":
    main()
