from __future__ import annotations

import json
from pathlib import Path

import pytest

from arnews_nlp.cli import main
from arnews_nlp.schemas import Document, ErrorRecord

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples/amman-ministerial.txt"


def test_extract_prints_a_valid_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(EXAMPLE)]) == 0
    doc = Document.model_validate_json(capsys.readouterr().out)
    assert doc.text == EXAMPLE.read_text(encoding="utf-8")
    assert doc.source == "وكالة الأنباء المثال"
    assert doc.published is not None and doc.published.isoformat() == "2026-03-14"
    assert doc.sentences and doc.entities and doc.dates and doc.events
    for ev in doc.events:
        for arg in ev.arguments:
            assert doc.text[arg.start : arg.end] == arg.text


def test_extract_seed_article(seed_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    assert main(["extract", str(path), "--tokens"]) == 0
    doc = Document.model_validate_json(capsys.readouterr().out)
    assert doc.text == seed_text and doc.tokens
    spans = [*doc.tokens, *doc.entities, *doc.dates, *doc.numbers]
    spans += [ev.trigger for ev in doc.events] + [a for ev in doc.events for a in ev.arguments]
    assert all(seed_text[s.start : s.end] == s.text for s in spans)


def test_extract_summary_and_published_override(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(EXAMPLE), "--format", "summary", "--published", "2026-03-20"]) == 0
    out = capsys.readouterr().out
    assert "published: 2026-03-20" in out
    assert "events:" in out


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", "E001"), (b"   \n", "E001"), (b"The minister arrived.", "E002"), (b"\xff\xfe\x00bad", "E003")],
)
def test_extract_rejects_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, code: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert main(["extract", str(path)]) == 1
    assert f"[{code}]" in capsys.readouterr().err


def test_extract_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "/no/such/article.txt"]) == 2
    assert "[E004]" in capsys.readouterr().err


def test_batch_gives_one_line_per_input_line(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": "a", "title": "وصول الوزير", "text": "وصل وزير الخارجية إلى عمان أمس.", "published": "2026-03-14"},
            ensure_ascii=False,
        ),
        '{"id": "broken", "text": ',
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": "d", "text": "Only English here."}),
        json.dumps(
            {"id": "e", "text": "قال الرئيس إن الاتفاق سيوقع غداً.", "published": "2026-03-14", "url": "u"},
            ensure_ascii=False,
        ),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out)]) == 1
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(lines)
    assert [r.get("id") for r in records] == ["a", None, "c", "d", "e"]
    errors = {r["line"]: r["error"]["code"] for r in records if "error" in r}
    assert errors == {2: "E005", 3: "E001", 4: "E002"}
    for r in records:
        if "error" in r:
            ErrorRecord.model_validate(r)
        else:
            Document.model_validate(r)
    assert records[4]["meta"] == {"url": "u"}


def test_batch_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["batch", "in.jsonl"])
    assert exc.value.code == 2


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["properties"]["text"]["type"] == "string"
