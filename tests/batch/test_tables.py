from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_stages import make_records, write_jsonl

from arnews_nlp.batch.runner import run_batch
from arnews_nlp.batch.tables import COLUMNS, TABLES, flatten
from arnews_nlp.doc import Doc, Entity

DOC = {
    "id": "d1",
    "text": "زار الوزير عمان أمس",
    "published": "2026-02-10",
    "tags": ["سياسة"],
    "meta": {"url": "u"},
    "entities": [{"start": 11, "end": 15, "text": "عمان", "label": "GPE", "canonical": "عمان"}],
    "dates": [{"start": 16, "end": 19, "text": "أمس", "value": "2026-02-09", "granularity": "day", "flags": []}],
    "events": [
        {
            "type": "VISIT",
            "trigger": {"start": 0, "end": 3, "text": "زار"},
            "arguments": [
                {"start": 4, "end": 10, "text": "الوزير", "role": "visitor", "canonical": None, "value": None},
                {"start": 11, "end": 15, "text": "عمان", "role": "destination", "canonical": "عمان", "value": None},
            ],
            "sentence": 0,
            "cameo": "042",
            "confidence": 0.9,
        }
    ],
}


def test_flatten_gives_keyed_rows_for_every_table() -> None:
    rows = flatten(DOC, doc_index=7)
    assert {t: len(r) for t, r in rows.items()} == {
        "documents": 1, "entities": 1, "dates": 1, "events": 1, "event_arguments": 2
    }
    for table in TABLES:
        for row in rows[table]:
            assert list(row) == list(COLUMNS[table])
            assert (row["doc_index"], row["doc_id"]) == (7, "d1")
    assert rows["event_arguments"][1]["argument_index"] == 1
    assert rows["event_arguments"][1]["event_index"] == 0
    assert rows["events"][0]["trigger_text"] == "زار"
    assert json.loads(rows["documents"][0]["meta"]) == {"url": "u"}


def test_flatten_error_records_and_docs() -> None:
    err = {"schema_version": "1.0", "id": None, "line": 3, "error": {"code": "E005", "message": "bad"}}
    rows = flatten(err, doc_index=2)
    assert rows["documents"][0]["status"] == "error" and rows["documents"][0]["error_code"] == "E005"
    assert rows["documents"][0]["line"] == 3 and not rows["entities"]
    d = Doc("زار الوزير عمان", id="x", entities=[Entity(11, 15, "GPE", "عمان")])
    assert flatten(d)["entities"][0]["text"] == "عمان"


def test_to_frames_dtypes() -> None:
    pytest.importorskip("pandas")
    from arnews_nlp.batch.tables import to_frames

    frames = to_frames([DOC, {"id": "e", "line": 1, "error": {"code": "E001", "message": "m"}}])
    assert list(frames["documents"]["status"]) == ["ok", "error"]
    assert list(frames["documents"]["doc_index"]) == [0, 1]
    assert str(frames["entities"]["start"].dtype) == "Int64"
    assert frames["event_arguments"].shape == (2, len(COLUMNS["event_arguments"]))


def test_parquet_output_equals_the_jsonl_output_and_resumes(tmp_path: Path, tok_nlp: Any) -> None:
    pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    from arnews_nlp.batch.tables import read_tables, to_frames

    recs: list[Any] = make_records(25)
    recs[4] = {"id": "empty", "text": ""}
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    run_batch(tok_nlp, src, tmp_path / "out.jsonl", workers=0)
    with open(tmp_path / "out.jsonl", encoding="utf-8") as fh:
        expected = to_frames(json.loads(line) for line in fh)

    out = tmp_path / "tables"
    run_batch(tok_nlp, src, out, output_format="parquet", workers=0, part_size=10)
    assert sorted(p.name for p in (out / "documents").iterdir()) == [
        "part-000000000000.parquet", "part-000000000010.parquet", "part-000000000020.parquet"
    ]
    got = read_tables(out)
    for table in TABLES:
        pd.testing.assert_frame_equal(got[table], expected[table])

    # A run killed while writing the second part: documents part missing, another table's part present.
    (out / "documents" / "part-000000000010.parquet").unlink()
    (out / "documents" / "part-000000000020.parquet").unlink()
    (out / "entities" / "part-000000000020.parquet.tmp").write_bytes(b"half")
    stats = run_batch(tok_nlp, src, out, output_format="parquet", workers=0, part_size=10, resume=True)
    assert (stats.resumed, stats.processed + stats.failed) == (10, 15)
    assert not list(out.glob("*/*.tmp"))
    got = read_tables(out)
    for table in TABLES:
        pd.testing.assert_frame_equal(got[table], expected[table])
