"""Learn word clusters without labels from the ANT news dump, for the NER features.

Trains skip-gram word2vec (gensim, single worker, fixed seed, deterministic hash)
on the folded tokens of every ANT article (title, abstract, text), once with a
window of 5 (topical similarity) and once with a window of 2 (closer to word
type), then runs spherical k-means (numpy, fixed seed) at several granularities
on each. Writes a TSV ``word<TAB>count<TAB>ids...`` (window 5: k=64, 256, 1024; then
window 2: k=64, 256, 1024) sorted by word, for words seen >= MIN_COUNT times.

usage: python scripts/build_clusters.py [--ant PATH] [--out models/ner/clusters.tsv]

Needs the training extra: gensim, numpy (``pip install gensim``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from arnews_nlp.ner.wordforms import key, split_words  # noqa: E402

DEFAULT_ANT = ROOT / ".." / "shared" / "data" / "news" / "ant-v2.1.jsonl.gz"
KS = (64, 256, 1024)
WINDOWS = (5, 2)
MIN_COUNT = 5
SEED = 13


def _hash(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


def sentences(path: Path) -> list[list[str]]:
    """Folded token lists, one per paragraph-ish chunk, in file order."""
    out: list[list[str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for field in ("title", "abstract", "text"):
                text = rec.get(field) or ""
                for para in text.split("\n"):
                    toks = [key(t) for t in split_words(para)]
                    # chunk long paragraphs so word2vec's 10k-token limit never truncates
                    for i in range(0, len(toks), 1000):
                        if toks[i : i + 1000]:
                            out.append(toks[i : i + 1000])
    return out


def kmeans(x: np.ndarray, k: int, *, iters: int = 25, seed: int = SEED) -> np.ndarray:
    """Spherical k-means on L2-normalized rows; returns labels."""
    rng = np.random.default_rng(seed)
    centers = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        labels = np.empty(len(x), dtype=np.int64)
        for s in range(0, len(x), 20000):
            labels[s : s + 20000] = np.argmax(x[s : s + 20000] @ centers.T, axis=1)
        for j in range(k):
            members = x[labels == j]
            if len(members):
                c = members.sum(axis=0)
                centers[j] = c / (np.linalg.norm(c) + 1e-9)
            else:
                centers[j] = x[rng.integers(len(x))]
    return labels


def _iter_rows(words: list[str], counts: list[int], labels: list[dict[str, int]]) -> Iterator[str]:
    for i in sorted(range(len(words)), key=lambda i: words[i]):
        w = words[i]
        yield f"{w}\t{counts[i]}\t" + "\t".join(str(lab[w]) for lab in labels) + "\n"


def main(argv: list[str] | None = None) -> int:
    from gensim.models import Word2Vec  # training-only dependency

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ant", type=Path, default=DEFAULT_ANT)
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "ner" / "clusters.tsv")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=5)
    args = ap.parse_args(argv)

    t0 = time.time()
    sents = sentences(args.ant)
    print(f"{len(sents)} chunks, {sum(map(len, sents))} tokens ({time.time() - t0:.0f}s)", file=sys.stderr)
    labels: list[dict[str, int]] = []
    words: list[str] = []
    counts: list[int] = []
    for window in WINDOWS:
        model = Word2Vec(
            sents,
            vector_size=args.dim,
            window=window,
            min_count=MIN_COUNT,
            sg=1,
            negative=5,
            epochs=args.epochs,
            workers=1,
            seed=SEED,
            hashfxn=_hash,
            sample=1e-4,
        )
        print(f"word2vec window {window}: {len(model.wv)} words ({time.time() - t0:.0f}s)", file=sys.stderr)
        words = list(model.wv.index_to_key)
        counts = [int(model.wv.get_vecattr(w, "count")) for w in words]
        vecs = np.asarray(model.wv.vectors, dtype=np.float64)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
        for k in KS:
            lab = kmeans(vecs, k)
            labels.append({w: int(lab[i]) for i, w in enumerate(words)})
        print(f"k-means {KS} ({time.time() - t0:.0f}s)", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.writelines(_iter_rows(words, counts, labels))
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
