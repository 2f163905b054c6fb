from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import batch_stages
from batch_stages import KILL, RAISE, make_records, write_jsonl

from arnews_nlp.batch.runner import run_batch
from arnews_nlp.errors import OutputExistsError


def read_out(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        return [json.loads(line) for line in fh]


def dirty_input(path: Path) -> tuple[Path, dict[int, str | None]]:
    """Valid records with every kind of bad line injected; returns expected error codes by position."""
    good = make_records(12)
    huge = "وصل الوزير إلى عمان. " * 50_000  # ~1 MB, one line
    lines: list[bytes] = []
    expected: dict[int, str | None] = {}

    def add(raw: bytes, code: str | None) -> None:
        expected[len(lines)] = code
        lines.append(raw)

    def rec(obj: Any) -> bytes:
        return json.dumps(obj, ensure_ascii=False).encode("utf-8")

    add(rec(good[0]), None)
    add(b'{"id": "broken", "text": ', "E005")  # invalid JSON
    add(rec(good[1]), None)
    add(b'{"id": "enc", "text": "\xff\xfe"}', "E003")  # bad encoding
    add(rec({"id": "notext", "title": "عنوان"}), "E005")  # missing text
    add(rec({"id": "empty", "text": "   "}), "E001")  # empty text
    add(rec({"id": "latin", "text": "This is an English article about football."}), "E002")
    add(rec(good[2]), None)
    add(rec({"id": "huge", "text": huge}), None)  # 1 MB single line
    add(rec({"id": "boom", "text": "قال الوزير " + RAISE}), "E011")  # stage raises
    add(rec([1, 2, 3]), "E005")  # JSON, but not an object
    add(rec({"id": "nullish", "text": None}), "E005")
    for r in good[3:]:
        add(rec(r), None)
    path.write_bytes(b"\n".join(lines) + b"\n\n")
    return path, expected


def test_every_input_line_yields_one_output_record(tmp_path: Path) -> None:
    src, expected = dirty_input(tmp_path / "in.jsonl")
    nlp = batch_stages.tokenizer_pipeline(batch_stages.saboteur)
    stats = run_batch(nlp, src, tmp_path / "out.jsonl", workers=0)
    out = read_out(tmp_path / "out.jsonl")
    assert len(out) == len(expected)
    assert [o.get("error", {}).get("code") for o in out] == [expected[i] for i in range(len(out))]
    assert stats.failed == sum(c is not None for c in expected.values())
    assert stats.processed == len(expected) - stats.failed
    by_id = {o.get("id"): o for o in out}
    assert out[1]["line"] == 2 and out[1]["id"] is None  # invalid JSON: no id to give
    assert by_id["enc"]["line"] == 4  # the id is still recovered from the undecodable line
    assert by_id["boom"]["error"]["message"].startswith("Stage 'saboteur' failed: RuntimeError")
    assert len(by_id["huge"]["text"]) > 1_000_000


def test_parallel_output_is_in_input_order_and_equals_serial(tmp_path: Path, stages_path: None) -> None:
    src, _ = dirty_input(tmp_path / "in.jsonl")
    nlp = batch_stages.tokenizer_pipeline(batch_stages.saboteur)
    run_batch(nlp, src, tmp_path / "serial.jsonl", workers=0)
    stats = run_batch(nlp, src, tmp_path / "par.jsonl", workers=2, chunk_size=2)
    assert (tmp_path / "par.jsonl").read_bytes() == (tmp_path / "serial.jsonl").read_bytes()
    assert stats.worker_restarts == 0


def test_a_dying_worker_becomes_an_error_record_and_the_run_goes_on(tmp_path: Path, stages_path: None) -> None:
    recs: list[Any] = make_records(30)
    recs[7] = {"id": "killer", "text": "قال الوزير " + KILL}
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    nlp = batch_stages.tokenizer_pipeline(batch_stages.saboteur)
    stats = run_batch(nlp, src, tmp_path / "out.jsonl", workers=2, chunk_size=3)
    out = read_out(tmp_path / "out.jsonl")
    assert [o["id"] for o in out] == [r["id"] for r in recs]
    assert out[7]["error"]["code"] == "E030" and "worker process died" in out[7]["error"]["message"]
    assert stats.processed == 29 and stats.failed == 1 and stats.worker_restarts >= 1


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_resume_repairs_a_cut_output_and_matches_a_full_run(tmp_path: Path, tok_nlp: Any, name: str) -> None:
    src, _ = dirty_input(tmp_path / "in.jsonl")
    full = tmp_path / ("full-" + name)
    run_batch(tok_nlp, src, full, workers=0)
    expected = read_out(full)
    raw = gzip.decompress(full.read_bytes()) if name.endswith(".gz") else full.read_bytes()
    cut = raw[: raw.index(b"\n", len(raw) // 3) + 25]  # 25 bytes into the next line
    part = tmp_path / name
    if name.endswith(".gz"):
        part.write_bytes(gzip.compress(cut)[:-30])  # a truncated gzip stream, as kill -9 leaves it
    else:
        part.write_bytes(cut)
    with pytest.raises(OutputExistsError):
        run_batch(tok_nlp, src, part, workers=0)  # refuses to clobber without --resume/--overwrite
    stats = run_batch(tok_nlp, src, part, workers=0, resume=True)
    assert read_out(part) == expected
    assert stats.resumed > 0 and stats.resumed + stats.processed + stats.failed == len(expected)
    assert stats.total_failed == sum("error" in o for o in expected)


def test_resume_of_a_finished_run_does_nothing(tmp_path: Path, tok_nlp: Any) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", make_records(5))
    run_batch(tok_nlp, src, tmp_path / "out.jsonl", workers=0)
    before = (tmp_path / "out.jsonl").read_bytes()
    stats = run_batch(tok_nlp, src, tmp_path / "out.jsonl", workers=0, resume=True)
    assert (stats.resumed, stats.processed) == (5, 0)
    assert (tmp_path / "out.jsonl").read_bytes() == before


def test_several_inputs_and_field_mapping(tmp_path: Path, tok_nlp: Any) -> None:
    from arnews_nlp.batch.sources import FieldMap

    a = write_jsonl(tmp_path / "a.jsonl", [{"guid": "g1", "body": "وصل الوزير.", "day": "2026-03-01"}])
    csv_path = tmp_path / "b.csv"
    csv_path.write_text("guid,body,day\ng2,عقد اجتماع.,2026-03-02\n", encoding="utf-8")
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "g3.txt").write_text("غادر الوفد.", encoding="utf-8")
    fields = FieldMap(id="guid", text="body", date="day")
    run_batch(tok_nlp, [a, csv_path, tmp_path / "txt"], tmp_path / "out.jsonl", workers=0, fields=fields)
    out = read_out(tmp_path / "out.jsonl")
    assert [(o["id"], o["text"], o["published"]) for o in out] == [
        ("g1", "وصل الوزير.", "2026-03-01"),
        ("g2", "عقد اجتماع.", "2026-03-02"),
        ("g3", "غادر الوفد.", None),
    ]
