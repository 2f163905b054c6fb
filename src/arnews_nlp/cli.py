"""The ``arnews`` command line.

Exit status: 0 success, 1 some records failed (batch) or the input was
rejected (extract), 2 usage errors.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from arnews_nlp.errors import ArnewsError, UnreadableFileError
from arnews_nlp.io.files import read_utf8

__all__ = ["build_parser", "main"]

# Subcommand modules that add themselves with ``register(subparsers)``; imported lazily.
_PLUGINS = ("arnews_nlp.batch.cli", "arnews_nlp.ner.cli", "arnews_nlp.display.cli", "arnews_nlp.events.cli")


def _cmd_extract(args: argparse.Namespace) -> int:
    from arnews_nlp.loading import load
    from arnews_nlp.schemas import to_document
    from arnews_nlp.summary import summarize

    raw = read_utf8(args.file)
    nlp = load(ner=args.ner, segmenter=args.segmenter)
    if args.file.endswith(".json"):
        record = json.loads(raw)
        doc = nlp(record, published=args.published)
    else:
        doc = nlp(raw, published=args.published, id=Path(args.file).stem if args.file != "-" else None)
    document = to_document(doc, tokens=args.tokens)
    if args.format == "summary":
        print(summarize(document))
    else:
        print(document.model_dump_json(indent=2 if args.indent else None, exclude_none=False))
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from arnews_nlp.schemas import Document

    print(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``arnews`` with every subcommand."""
    parser = argparse.ArgumentParser(prog="arnews", description="Structured facts from Arabic news articles.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="process one article and print a Document")
    ex.add_argument("file", help="article file (aggregator text, plain text, or .json record); - for stdin")
    ex.add_argument("--published", help="publication date YYYY-MM-DD (overrides the article's)")
    ex.add_argument("--format", choices=("json", "summary"), default="json")
    ex.add_argument("--tokens", action="store_true", help="include tokens and clitic segments")
    ex.add_argument("--indent", action="store_true", help="pretty-print the JSON")
    ex.add_argument(
        "--ner",
        choices=("default", "crf", "camel", "stanza"),
        default="default",
        help="NER backend (crf: the shipped model's CRF alone, faster, less accurate)",
    )
    ex.add_argument("--segmenter", choices=("default", "camel"), default="default", help="clitic segmenter")
    ex.set_defaults(func=_cmd_extract)

    sc = sub.add_parser("schema", help="print the JSON Schema of the output Document")
    sc.set_defaults(func=_cmd_schema)

    for name in _PLUGINS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise
            continue
        module.register(sub)
    return parser


def _version() -> str:
    from arnews_nlp import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``arnews``; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except ArnewsError as exc:
        print(f"arnews: error: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, UnreadableFileError) else 1
    except json.JSONDecodeError as exc:
        print(f"arnews: error: [E005] invalid JSON input: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
