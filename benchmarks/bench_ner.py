"""NER speed and size: model size, load time (fresh process), tokens/s on one core.

usage: python benchmarks/bench_ner.py [--model DIR] [--tokens 200000] [--warm 0] [--ant PATH]

Tokens/s is measured on unseen news text (ANT articles from ../shared, split into
sentences at . ! ? ؟), starting from a freshly loaded tagger, and includes
feature extraction and the place/NORP/OCC refinement. With ``--warm N`` each
tagger first tags N tokens from the head of the dump (other articles than the
timed ones, which come from its tail): the speed of a long batch run, whose
word caches are full, rather than of its first minutes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from arnews_nlp.batch.pool import one_math_thread  # noqa: E402
from arnews_nlp.ner.model import NERTagger, default_model_dir  # noqa: E402
from arnews_nlp.ner.wordforms import split_words  # noqa: E402

_ENDS = {".", "!", "?", "؟"}


def ant_articles(path: Path) -> tuple[list[str], list[str]]:
    """The dump read once: its last 3,000 articles newest first (timed), and those before them (warm-up)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = list(fh)
    return rows[-3000:][::-1], rows[:-3000]


def sentences(lines: list[str], limit: int) -> list[list[str]]:
    """Sentences of the articles in ``lines``, in order, until about ``limit`` tokens."""
    out: list[list[str]] = []
    n = 0
    for line in lines:
        if n >= limit:
            break
        cur: list[str] = []
        for tok in split_words(json.loads(line).get("text") or ""):
            cur.append(tok)
            if tok in _ENDS or len(cur) >= 80:
                out.append(cur)
                n += len(cur)
                cur = []
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--tokens", type=int, default=200_000)
    ap.add_argument("--warm", type=int, default=0, help="tokens tagged first, from other articles (0: a fresh tagger)")
    ap.add_argument("--ant", type=Path, default=ROOT / ".." / "shared" / "data" / "news" / "ant-v2.1.jsonl.gz")
    args = ap.parse_args()
    model_dir = args.model or default_model_dir()
    size = sum(p.stat().st_size for p in model_dir.iterdir() if p.is_file())
    code = (
        "import time, sys; t=time.perf_counter(); from arnews_nlp.ner.model import NERTagger; "
        f"NERTagger({str(model_dir)!r}); print(time.perf_counter()-t)"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    loads = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout)
        for _ in range(3)
    ]
    one_math_thread()  # one core: numpy's BLAS would otherwise start a thread per core
    timed, earlier = ant_articles(args.ant)
    sents = sentences(timed, args.tokens)
    ntok = sum(map(len, sents))
    warm = sentences(earlier, args.warm)
    tagger = NERTagger(model_dir)
    for s in warm:
        tagger.tag(s)
    t0 = time.perf_counter()
    for s in sents:
        tagger.tag(s)
    dt = time.perf_counter() - t0
    tagger2 = NERTagger(model_dir)
    for a in range(0, len(warm), 25):
        tagger2.tag_document(warm[a : a + 25])
    t1 = time.perf_counter()
    for a in range(0, len(sents), 25):
        tagger2.tag_document(sents[a : a + 25])
    dt_doc = time.perf_counter() - t1
    print(
        json.dumps(
            {
                "model_dir": str(model_dir),
                "model_bytes": size,
                "load_seconds_min_of_3": round(min(loads), 3),
                "tokens": ntok,
                "warm_up_tokens": sum(map(len, warm)),
                "seconds": round(dt, 2),
                "tokens_per_second": round(ntok / dt),
                "tokens_per_second_with_name_propagation": round(ntok / dt_doc),
            },
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
