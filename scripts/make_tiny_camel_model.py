"""Build a tiny, randomly initialized BERT token classifier that camel-tools can load.

The model has CAMeLBERT NER's label set (B-/I- LOC, ORG, PERS, MISC and O) and a
small WordPiece vocabulary of Arabic letters, so ``camel_tools.ner.NERecognizer(path)``
loads it exactly as it loads the real CAMeLBERT model. Its predictions are random
(or constant with ``--label``): it exists to test the adapter's alignment and label
mapping offline, never to recognize anything.

Needs the ``[camel]`` extra (torch + transformers). Usage::

    python scripts/make_tiny_camel_model.py OUT_DIR [--label B-LOC] [--seed 0]

``--label`` zeroes the classifier weights and biases it towards one label, so every
word gets that label: tests can then predict the exact entities.
"""

from __future__ import annotations

import argparse
from pathlib import Path

# camel_tools.ner._LABELS, in the same order (the order decides the label ids).
CAMEL_LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]

_SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
# Arabic letters (hamza to ya, plus alef forms, ta marbuta, alef maqsura), digits, punctuation.
_LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
_OTHER = list("0123456789٠١٢٣٤٥٦٧٨٩.,:;!?()[]\"'-/،؛؟«»")
_WORDS = ["ال", "في", "من", "إلى", "على", "وزير", "رئيس", "مدينة"]


def build_vocab() -> list[str]:
    """Return the WordPiece vocabulary: special tokens, letters, ``##`` continuations, a few words."""
    vocab = list(_SPECIAL) + _LETTERS + _OTHER + ["##" + ch for ch in _LETTERS] + _WORDS
    seen: set[str] = set()
    out = []
    for piece in vocab:
        if piece not in seen:
            seen.add(piece)
            out.append(piece)
    return out


def make_model(out_dir: str | Path, *, label: str | None = None, seed: int = 0) -> Path:
    """Write a tiny BERT token classifier and its tokenizer to ``out_dir``; return the path."""
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    vocab = build_vocab()
    vocab_file = out / "vocab.txt"
    vocab_file.write_text("\n".join(vocab) + "\n", encoding="utf-8")

    torch.manual_seed(seed)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=512,
        id2label=dict(enumerate(CAMEL_LABELS)),
        label2id={lab: i for i, lab in enumerate(CAMEL_LABELS)},
    )
    model = BertForTokenClassification(config)
    if label is not None:
        if label not in CAMEL_LABELS:
            raise SystemExit(f"--label must be one of {CAMEL_LABELS}, not {label!r}")
        with torch.no_grad():
            model.classifier.weight.zero_()
            model.classifier.bias.fill_(-10.0)
            model.classifier.bias[CAMEL_LABELS.index(label)] = 10.0
    model.eval()
    model.save_pretrained(out)
    tokenizer = BertTokenizer(str(vocab_file), do_lower_case=False, tokenize_chinese_chars=False)
    tokenizer.save_pretrained(out)
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--label", choices=CAMEL_LABELS, default=None)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    path = make_model(args.out_dir, label=args.label, seed=args.seed)
    size = sum(f.stat().st_size for f in path.iterdir())
    print(f"wrote {path} ({size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
