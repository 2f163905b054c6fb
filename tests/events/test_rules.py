from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from arnews_nlp.doc import Doc
from arnews_nlp.errors import ArnewsWarning, ResourceNotFoundError, RuleFileError
from arnews_nlp.events import EventRules, EventStage, TriggerPattern


def test_default_rules_cover_the_five_types() -> None:
    rules = EventRules.default()
    assert set(rules.labels) == {"AGREEMENT", "MEETING", "MEMBERSHIP", "STATEMENT", "VISIT"}
    assert len(rules) == len(rules.patterns) > 30
    assert rules.spec("MEETING").cameo_by_role["host"] == "043"


def test_add_patterns_validates_dicts() -> None:
    rules = EventRules.default()
    n = len(rules)
    rules.add_patterns([{"label": "STATEMENT", "forms": ["ألمح"], "kind": "verb", "cameo": "010"}])
    assert len(rules) == n + 1
    with pytest.raises(ValidationError):
        rules.add_patterns([{"label": "STATEMENT", "forms": [" "], "kind": "verb"}])
    with pytest.raises(ValidationError):
        rules.add_patterns([{"label": "STATEMENT", "forms": ["قال"], "kind": "adverb"}])


def test_patterns_added_after_first_use_take_effect() -> None:
    stage = EventStage(EventRules.default())
    text = "ألمح وزير الخارجية سامي الخطيب إلى أن الحكومة قد تستقيل قريبا."
    assert stage(Doc(text)).events == []
    stage.rules.add_patterns([{"label": "STATEMENT", "forms": ["ألمح"], "kind": "verb", "cameo": "010"}])
    (event,) = stage(Doc(text)).events
    assert event.type == "STATEMENT"
    assert {(a.role, text[a.start : a.end]) for a in event.arguments} >= {("speaker", "سامي الخطيب")}


def test_to_disk_from_disk_round_trip(tmp_path: Path) -> None:
    rules = EventRules.default()
    rules.to_disk(tmp_path / "rules")
    again = EventRules.from_disk(tmp_path / "rules")
    assert [p.model_dump() for p in again.patterns] == [p.model_dump() for p in rules.patterns]
    assert again.types.keys() == rules.types.keys()
    assert again.lexicon == rules.lexicon
    assert (tmp_path / "rules" / "triggers.jsonl").read_text(encoding="utf-8").count("\n") == len(rules)


def test_from_disk_reports_bad_line(tmp_path: Path) -> None:
    (tmp_path / "triggers.jsonl").write_text('{"label": "VISIT", "forms": ["زار"]}\n{"label": 3}\n', encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"triggers\.jsonl:2"):
        EventRules.from_disk(tmp_path)


def test_from_disk_needs_triggers(tmp_path: Path) -> None:
    with pytest.raises(ResourceNotFoundError, match="E012"):
        EventRules.from_disk(tmp_path)


def test_empty_rules_warn_and_find_nothing() -> None:
    stage = EventStage(rules=EventRules())
    with pytest.warns(ArnewsWarning, match="W001"):
        doc = stage(Doc("قال الوزير سامي نور إن الوضع مستقر."))
    assert doc.events == []


def test_user_can_add_an_event_type_with_data_only(tmp_path: Path) -> None:
    """A new type (PROTEST) and its cue come from files: no Python change."""
    base = EventRules.default()
    base.to_disk(tmp_path)
    with (tmp_path / "triggers.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(
            json.dumps(
                {
                    "label": "PROTEST",
                    "forms": ["تظاهر", "تظاهرت"],
                    "kind": "verb",
                    "cameo": "141",
                    "subject_role": "protester",
                },
                ensure_ascii=False,
            )
            + "\n"
        )
    types = json.loads((tmp_path / "types.json").read_text(encoding="utf-8"))
    types.append(
        {
            "label": "PROTEST",
            "roles": ["protester", "location", "date"],
            "cameo": "141",
            "cues": [{"role": "location", "cue": "في", "target": "place"}],
            "required": ["protester"],
        }
    )
    (tmp_path / "types.json").write_text(json.dumps(types, ensure_ascii=False), encoding="utf-8")
    stage = EventStage(rules=EventRules.from_disk(tmp_path))
    doc = stage(Doc("تظاهرت نقابة المعلمين في بيروت للمطالبة برفع الأجور."))
    assert [(e.type, e.cameo) for e in doc.events] == [("PROTEST", "141")]
    got = [(a.role, doc.text[a.start : a.end]) for a in doc.events[0].arguments]
    assert got == [("protester", "نقابة المعلمين"), ("location", "بيروت")]


def test_trigger_pattern_prefixes() -> None:
    p = TriggerPattern(label="VISIT", forms=["زار"], kind="verb")
    assert "و" in p.prefix_set() and "ب" not in p.prefix_set()
    noun = TriggerPattern(label="VISIT", forms=["زيارة"], kind="noun")
    assert "ل" in noun.prefix_set()


def test_bad_types_file_is_a_rule_file_error(tmp_path: Path) -> None:
    EventRules.default().to_disk(tmp_path)
    (tmp_path / "types.json").write_text('[{"label": "VISIT"}]', encoding="utf-8")
    with pytest.raises(RuleFileError, match="E013"):
        EventRules.from_disk(tmp_path)
    with pytest.raises(ValueError):  # also a builtin ValueError
        EventRules.from_disk(tmp_path)
