"""The ``arnews batch`` subcommand."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

__all__ = ["register"]


def _cmd_batch(args: argparse.Namespace) -> int:
    from arnews_nlp.batch.runner import run_batch
    from arnews_nlp.loading import load

    nlp = load(ner=args.ner)
    t0 = time.perf_counter()
    stats = run_batch(nlp, args.input, args.output, workers=args.workers, tokens=args.tokens)
    dt = time.perf_counter() - t0
    total = stats.processed + stats.failed
    print(
        f"processed {stats.processed}, failed {stats.failed}, {total / dt if dt else 0:.1f} articles/s",
        file=sys.stderr,
    )
    return 1 if stats.failed else 0


def register(sub: Any) -> None:
    """Add ``batch`` to the ``arnews`` subcommands."""
    ba = sub.add_parser("batch", help="process a JSON Lines file, one output line per input line")
    ba.add_argument("input", help="JSONL input (.gz/.bz2 allowed; - for stdin)")
    ba.add_argument("-o", "--output", required=True, help="JSONL output (.gz allowed; - for stdout)")
    ba.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    ba.add_argument("--tokens", action="store_true", help="include tokens in the output")
    ba.add_argument("--ner", choices=("default", "camel", "stanza"), default="default")
    ba.set_defaults(func=_cmd_batch)
