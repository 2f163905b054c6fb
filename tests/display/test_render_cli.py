"""``arnews render``: Document JSON rendered as is; articles go through the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from arnews_nlp import loading
from arnews_nlp.cli import main
from arnews_nlp.pipeline import Pipeline
from arnews_nlp.schemas import Document

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples/amman-ministerial.txt"


def test_render_document_json_as_is(tmp_path: Path, amman_document: Document) -> None:
    src = tmp_path / "doc.json"
    src.write_text(amman_document.model_dump_json(), encoding="utf-8")
    out = tmp_path / "page.html"
    assert main(["render", str(src), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'dir="rtl"' in page
    assert page.count('<mark class="arn-ent"') == len(amman_document.entities)
    assert page.count('class="arn-card"') == len(amman_document.events)


def test_render_to_stdout(tmp_path: Path, amman_document: Document, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "doc.json"
    src.write_text(amman_document.model_dump_json(), encoding="utf-8")
    assert main(["render", str(src)]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_render_article_runs_the_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[str] = []

    def small_load(**kwargs: str) -> Pipeline:
        calls.append(kwargs.get("ner", ""))
        return Pipeline.from_config({"stages": [{"name": "s", "factory": "arnews.sentencizer.v1"}]})

    monkeypatch.setattr(loading, "load", small_load)
    out = tmp_path / "page.html"
    assert main(["render", str(EXAMPLE), "-o", str(out), "--published", "2026-03-20"]) == 0
    page = out.read_text(encoding="utf-8")
    assert calls == ["default"]
    assert "2026-03-20" in page and "amman-ministerial" in page
    assert 'data-zone="title"' in page and 'data-zone="disclaimer"' in page


def test_render_real_pipeline_output(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    assert main(["render", str(EXAMPLE), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count('<mark class="arn-ent"') >= 5
    assert 'data-label="DATE" data-value="2026-03-12"' in page
    assert page.count('class="arn-card"') >= 3


def test_invalid_document_json_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "bad.json"
    src.write_text('{"schema_version": "1.0", "text": "نص", "entities": [{"start": 5}]}', encoding="utf-8")
    assert main(["render", str(src), "-o", str(tmp_path / "x.html")]) == 1
    assert "[E005]" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "nope.txt")]) == 2
    assert "[E004]" in capsys.readouterr().err
