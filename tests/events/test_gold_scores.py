"""Scores on annotated articles with the official scorer (../shared/eval/score_events.py).

``fixtures/articles.jsonl`` are our own articles (written for these tests); the seed and
dev files come from ../shared and are skipped when it is absent.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from arnews_nlp.events import EventStage
from arnews_nlp.io.article import doc_from_record

HERE = Path(__file__).resolve().parent


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_events", shared / "eval" / "score_events.py")
    if spec is None or spec.loader is None:
        pytest.skip("score_events.py not found")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _system(records: list[dict[str, Any]]) -> dict[str, Any]:
    stage = EventStage()
    out = {}
    for rec in records:
        doc = stage(doc_from_record({k: rec[k] for k in ("id", "title", "text", "published") if k in rec}))
        out[rec["id"]] = {
            "id": rec["id"],
            "events": [
                {
                    "type": e.type,
                    "trigger": {"text": doc.text[e.trigger_start : e.trigger_end]},
                    "arguments": [
                        {"role": a.role, "text": doc.text[a.start : a.end], "canonical": a.canonical, "value": a.value}
                        for a in e.arguments
                    ],
                }
                for e in doc.events
            ],
        }
    return out


def _score(shared: Path, path: Path) -> dict[str, Any]:
    records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    scorer = _scorer(shared)
    result: dict[str, Any] = scorer.score({r["id"]: r for r in records}, _system(records))
    return result


@pytest.mark.parametrize("name", ["articles.jsonl", "heldout.jsonl", "blind3.jsonl", "blind4.jsonl"])
def test_own_articles(shared: Path, name: str) -> None:
    res = _score(shared, HERE / "fixtures" / name)
    assert res["arg"]["f1"] >= 0.8
    assert res["trigger"]["f1"] >= 0.8
    assert res["by_type"]["STATEMENT"]["precision"] >= 0.9


def test_negative_article_yields_nothing() -> None:
    records = [json.loads(x) for x in (HERE / "fixtures" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    (empty,) = [r for r in records if not r["events"]]
    assert _system([empty])[empty["id"]]["events"] == []


def test_seed_article(shared: Path) -> None:
    res = _score(shared, shared / "data" / "events" / "seed.jsonl")
    assert res["arg"]["f1"] >= 0.9


def test_dev_set_regression_floor(shared: Path) -> None:
    path = shared / "data" / "events" / "dev.jsonl"
    if not path.is_file():
        pytest.skip("dev.jsonl not present")
    res = _score(shared, path)
    assert res["arg"]["f1"] >= 0.75
    assert res["by_type"]["STATEMENT"]["f1"] >= 0.8
