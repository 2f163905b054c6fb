"""Throughput of the foundation stages (normalizer, sentence splitter, tokenizer + clitics) on ANT.

usage: python benchmarks/bench_foundation.py [N_ARTICLES]   (default 2000)
Prints characters/s, sentences/s and tokens/s for each stage on one core.
"""

from __future__ import annotations

import sys
import time

from _shared import ant_records

from arnews_nlp.normalize import normalize
from arnews_nlp.tokenize import Tokenizer, split_sentences


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    texts = [f"{r.get('title') or ''}\n\n{r.get('text') or ''}" for r in ant_records(n)]
    chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {chars} characters")

    t0 = time.perf_counter()
    for t in texts:
        normalize(t)
    dt = time.perf_counter() - t0
    print(f"normalize:        {chars / dt:12,.0f} chars/s  {len(texts) / dt:8,.0f} articles/s")

    t0 = time.perf_counter()
    sentences = [split_sentences(t) for t in texts]
    dt = time.perf_counter() - t0
    n_sent = sum(map(len, sentences))
    print(f"split_sentences:  {n_sent / dt:12,.0f} sentences/s  {len(texts) / dt:8,.0f} articles/s")

    for segment in (False, True):
        tok = Tokenizer(segment=segment)
        tok("تهيئة والمعجم")  # load the lexicon outside the timing
        t0 = time.perf_counter()
        n_tok = sum(len(tok(t)) for t in texts)
        dt = time.perf_counter() - t0
        label = "tokenize+clitics" if segment else "tokenize"
        print(f"{label + ':':17s} {n_tok / dt:12,.0f} tokens/s  {len(texts) / dt:8,.0f} articles/s")


if __name__ == "__main__":
    main()
