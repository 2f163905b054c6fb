"""The ``arnews render`` subcommand: an article or a Document JSON to a self-contained HTML page.

``FILE`` is either an article (aggregator text, plain text, or a ``.json`` input
record), which is run through the pipeline, or a Document JSON as written by
``arnews extract`` (it has ``schema_version``), which is rendered as is.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arnews_nlp.errors import InvalidRecordError, UnreadableFileError
from arnews_nlp.io.files import read_utf8

if TYPE_CHECKING:
    from arnews_nlp.schemas import Document

__all__ = ["load_document", "register"]


def load_document(path: str, *, published: str | None = None, ner: str = "default") -> Document:
    """Read ``path`` and return the Document to render.

    A JSON object with ``schema_version`` is validated as a Document and used as
    is; any other input goes through ``arnews_nlp.load(ner=ner)``.

    Args:
        path: Article file, ``.json`` record or Document, or ``-`` for stdin.
        published: Publication date ``YYYY-MM-DD`` for articles (overrides the article's).
        ner: NER backend for articles.

    Returns:
        The validated Document.

    Raises:
        InvalidRecordError: The JSON is not an object, or a Document JSON does not validate.
        UnreadableFileError: The file cannot be read.
    """
    from pydantic import ValidationError

    from arnews_nlp.schemas import Document, to_document

    raw = read_utf8(path)
    record: Any = None
    if path.endswith(".json") or raw.lstrip().startswith("{"):
        try:
            record = json.loads(raw)
        except ValueError as exc:
            raise InvalidRecordError(reason=f"{path} is not valid JSON: {exc}") from exc
        if not isinstance(record, dict):
            raise InvalidRecordError(reason=f"{path} must hold a JSON object")
        if "schema_version" in record:
            try:
                return Document.model_validate(record)
            except ValidationError as exc:
                raise InvalidRecordError(reason=f"{path} is not a valid Document: {exc}") from exc
    from arnews_nlp.loading import load

    nlp = load(ner=ner)  # type: ignore[arg-type]
    if record is not None:
        doc = nlp(record, published=published)
    else:
        doc = nlp(raw, published=published, id=Path(path).stem if path != "-" else None)
    return to_document(doc)


def _cmd_render(args: argparse.Namespace) -> int:
    from arnews_nlp.display.render import render_page

    document = load_document(args.file, published=args.published, ner=args.ner)
    page = render_page(document, numbers=args.numbers)
    if args.output == "-":
        sys.stdout.write(page)
        return 0
    try:
        Path(args.output).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise UnreadableFileError(path=args.output, reason=exc.strerror or str(exc)) from exc
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def register(sub: Any) -> None:
    """Add ``render`` to the ``arnews`` subcommands."""
    re = sub.add_parser(
        "render",
        help="write a self-contained HTML page of an article or a Document JSON",
        description="Render entities, dates and events as a right-to-left HTML page (no network resources).",
    )
    re.add_argument("file", help="article (text or .json record) or Document JSON from `arnews extract`; - for stdin")
    re.add_argument("-o", "--output", default="-", help="HTML file to write (default: stdout)")
    re.add_argument("--published", help="publication date YYYY-MM-DD for articles (overrides the article's)")
    re.add_argument("--numbers", action="store_true", help="also highlight number expressions")
    re.add_argument("--ner", choices=("default", "camel", "stanza"), default="default")
    re.set_defaults(func=_cmd_render)
