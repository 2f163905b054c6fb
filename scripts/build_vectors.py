"""Learn word vectors without labels from the ANT news dump, for the neural NER tagger.

Skip-gram fastText (gensim, one worker, fixed seed and hash: the same file on
every run) over the folded tokens of every ANT article, the same token stream as
``build_clusters.py``: each word's vector is learned together with its character
3- to 5-grams, which gives rare words better vectors (``--method word2vec``: whole
words only, the recipe until 3 December 2026, with ``--min-count 5``). Writes an
``.npz`` with ``words`` (UTF-8, one per line), ``counts`` and ``vectors`` (float16),
for words seen at least ``--min-count`` times.
The vectors are an input of ``arnews train-ner``, not a model file: the network
keeps the rows it uses inside ``models/ner/neural.npz``.

usage: python scripts/build_vectors.py [--ant PATH] [--out build/ner/vectors.npz]

Needs the training extra: gensim, numpy (``pip install gensim``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_clusters import DEFAULT_ANT, SEED, _hash, sentences  # noqa: E402

DEFAULT_OUT = ROOT / "build" / "ner" / "vectors.npz"


def main(argv: list[str] | None = None) -> int:
    from gensim.models import FastText, Word2Vec  # training-only dependency

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ant", type=Path, default=DEFAULT_ANT)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--window", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--workers", type=int, default=1, help="more is faster but no longer reproducible")
    ap.add_argument(
        "--method",
        choices=("fasttext", "word2vec"),
        default="fasttext",
        help="fasttext: vectors learned with the words' character 3- to 5-grams; word2vec: whole words only",
    )
    args = ap.parse_args(argv)

    t0 = time.time()
    sents = sentences(args.ant)
    print(f"{len(sents)} chunks, {sum(map(len, sents))} tokens ({time.time() - t0:.0f}s)", file=sys.stderr)
    subwords = {"min_n": 3, "max_n": 5, "bucket": 200_000}
    kind, extra = (FastText, subwords) if args.method == "fasttext" else (Word2Vec, {})
    model = kind(
        sents,
        **extra,
        vector_size=args.dim,
        window=args.window,
        min_count=args.min_count,
        sg=1,
        negative=5,
        epochs=args.epochs,
        workers=args.workers,
        seed=SEED,
        hashfxn=_hash,
        sample=1e-4,
    )
    words = list(model.wv.index_to_key)
    counts = np.array([int(model.wv.get_vecattr(w, "count")) for w in words], dtype=np.int64)
    print(f"{kind.__name__} window {args.window}: {len(words)} words ({time.time() - t0:.0f}s)", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as fh:
        np.savez_compressed(
            fh,
            words=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8),
            counts=counts,
            vectors=np.asarray(model.wv.vectors, dtype=np.float16),
        )
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
