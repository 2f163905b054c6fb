"""Where the time goes: milliseconds per article for each pipeline stage, on one core.

usage: python benchmarks/bench_stages.py [--articles 500] [--skip 2000] [--profile ner [--sort tottime]]

Runs the default pipeline in-process over ANT articles (after ``--skip`` records,
so the sample is not the head of the dump), after a warm-up of 50 articles, and
times every stage plus the JSON serialization that ``arnews batch`` does per
article. ``--profile STAGE`` also prints a cProfile of that stage.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _shared import ant_records  # noqa: E402

import arnews_nlp  # noqa: E402
from arnews_nlp.batch.pool import one_math_thread  # noqa: E402
from arnews_nlp.schemas import to_document  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--skip", type=int, default=2000)
    ap.add_argument("--profile", default=None, help="stage name (e.g. ner) to profile with cProfile")
    ap.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"], help="profile order")
    ap.add_argument("--ner", choices=("default", "crf"), default="default", help="crf: the CRF alone")
    args = ap.parse_args()
    one_math_thread()  # per core: numpy's BLAS would otherwise start a thread per core
    records = list(ant_records(args.skip + args.articles + 50))[args.skip :]
    nlp = arnews_nlp.load(ner=args.ner)
    stages = [(spec.name, spec.stage) for spec in nlp._stages]
    for rec in records[:50]:
        nlp(rec)
    records = records[50:]
    cost = {name: 0.0 for name, _ in stages}
    cost["make_doc"] = 0.0
    cost["serialize"] = 0.0
    prof = cProfile.Profile() if args.profile else None
    tokens = 0
    for rec in records:
        t0 = time.perf_counter()
        doc = nlp.make_doc(rec)
        cost["make_doc"] += time.perf_counter() - t0
        for name, stage in stages:
            t0 = time.perf_counter()
            if prof is not None and name == args.profile:
                prof.enable()
                doc = stage(doc)
                prof.disable()
            else:
                doc = stage(doc)
            cost[name] += time.perf_counter() - t0
        t0 = time.perf_counter()
        to_document(doc).model_dump_json()
        cost["serialize"] += time.perf_counter() - t0
        tokens += len(doc.tokens)
    n = len(records)
    total = sum(cost.values())
    print(f"{n} articles, {tokens / n:.0f} tokens per article")
    for name, sec in cost.items():
        print(f"{name:12s} {1000 * sec / n:6.2f} ms/article")
    print(f"{'total':12s} {1000 * total / n:6.2f} ms/article = {n / total:.1f} articles/s on one core")
    if prof is not None:
        pstats.Stats(prof).sort_stats(args.sort).print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
