from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from arnews_nlp.doc import Argument, Doc, Entity, Event, Segment, Token
from arnews_nlp.schemas import Document, ErrorRecord, to_document

ROOT = Path(__file__).resolve().parents[1]
TEXT = "وصل وزير الخارجية إلى الرياض"


def test_valid_document_round_trips_through_json() -> None:
    doc = Doc(
        TEXT,
        id="x",
        tokens=[Token(0, 3, "وصل"), Token(4, 8, "وزير", (Segment(4, 8, "stem", "وزير"),))],
        entities=[Entity(22, 28, "GPE", "الرياض")],
        events=[Event("VISIT", 0, 3, [Argument("destination", 22, 28, "الرياض")], cameo="042", confidence=0.9)],
    )
    out = to_document(doc, tokens=True)
    again = Document.model_validate_json(out.model_dump_json())
    assert again == out
    assert again.events[0].arguments[0].text == "الرياض"
    assert again.tokens is not None and again.tokens[1].segments[0].kind == "stem"
    assert to_document(doc).tokens is None


def test_span_text_must_match_document_text() -> None:
    data = to_document(Doc(TEXT, entities=[Entity(22, 28, "GPE", "الرياض")])).model_dump()
    data["entities"][0]["text"] = "جدة"
    with pytest.raises(ValidationError, match="has text"):
        Document.model_validate(data)


@pytest.mark.parametrize(("start", "end"), [(5, 5), (6, 2), (-1, 3), (20, 99)])
def test_bad_offsets_are_rejected(start: int, end: int) -> None:
    with pytest.raises(ValidationError):
        to_document(Doc(TEXT, entities=[Entity(start, end, "GPE", "x")]))


def test_extra_fields_are_forbidden() -> None:
    data = to_document(Doc(TEXT)).model_dump()
    data["surprise"] = 1
    with pytest.raises(ValidationError, match="surprise"):
        Document.model_validate(data)


def test_builtin_event_roles_are_checked_and_custom_types_allowed() -> None:
    bad = Doc(TEXT, events=[Event("VISIT", 0, 3, [Argument("speaker", 4, 8)])])
    with pytest.raises(ValidationError):
        to_document(bad)
    custom = Doc(TEXT, events=[Event("PROTEST", 0, 3, [Argument("crowd", 4, 8)])])
    assert to_document(custom).events[0].type == "PROTEST"


def test_error_record_shape() -> None:
    rec = ErrorRecord.model_validate({"id": "7", "line": 3, "error": {"code": "E005", "message": "bad"}})
    assert json.loads(rec.model_dump_json())["error"] == {"code": "E005", "message": "bad"}


def test_committed_json_schema_is_current() -> None:
    spec = importlib.util.spec_from_file_location("export_schema", ROOT / "scripts/export_schema.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "docs/reference/document.schema.json").read_text(encoding="utf-8")
    assert committed == module.render(), "run: python scripts/export_schema.py"


def test_builtin_roles_table_matches_the_argument_models() -> None:
    from typing import get_args

    from arnews_nlp.schemas import BUILTIN_ROLES
    from arnews_nlp.schemas import events as ev

    models = {
        "MEETING": ev.MeetingArg,
        "VISIT": ev.VisitArg,
        "MEMBERSHIP": ev.MembershipArg,
        "AGREEMENT": ev.AgreementArg,
        "STATEMENT": ev.StatementArg,
    }
    for kind, model in models.items():
        assert get_args(model.model_fields["role"].annotation) == BUILTIN_ROLES[kind]
