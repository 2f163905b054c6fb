"""Learn word vectors without labels from the ANT news dump, for the neural NER tagger.

Skip-gram word2vec (gensim, one worker, fixed seed and hash: the same file on
every run) over the folded tokens of every ANT article, the same token stream as
``build_clusters.py``. Writes an ``.npz`` with ``words`` (UTF-8, one per line),
``counts`` and ``vectors`` (float16), for words seen at least ``--min-count`` times.
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
    from gensim.models import Word2Vec  # training-only dependency

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ant", type=Path, default=DEFAULT_ANT)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--window", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--workers", type=int, default=1, help="more is faster but no longer reproducible")
    args = ap.parse_args(argv)

    t0 = time.time()
    sents = sentences(args.ant)
    print(f"{len(sents)} chunks, {sum(map(len, sents))} tokens ({time.time() - t0:.0f}s)", file=sys.stderr)
    model = Word2Vec(
        sents,
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
    print(f"word2vec window {args.window}: {len(words)} words ({time.time() - t0:.0f}s)", file=sys.stderr)
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
