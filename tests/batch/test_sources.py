from __future__ import annotations

import bz2
import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_stages import make_records, write_jsonl

from arnews_nlp.batch.sources import FieldMap, InputSet, detect_format
from arnews_nlp.errors import ConfigError, UnreadableFileError


def _lines(records: list[dict[str, object]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


@pytest.mark.parametrize("suffix,opener", [("", open), (".gz", gzip.open), (".bz2", bz2.open)])
def test_jsonl_compressed_variants_yield_the_same_items(tmp_path: Path, suffix: str, opener: object) -> None:
    recs = make_records(5)
    path = tmp_path / f"in.jsonl{suffix}"
    with opener(path, "wb") as fh:  # type: ignore[operator]
        fh.write(_lines(recs))
    items = list(InputSet([path]))
    assert [i.position for i in items] == [0, 1, 2, 3, 4]
    assert [json.loads(i.payload)["id"] for i in items] == [r["id"] for r in recs]
    assert {i.kind for i in items} == {"json"}


def test_blank_lines_are_skipped_and_bad_utf8_is_kept_as_bytes(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": 1}\n\n   \n\xff\xfe{"id": 2}\n{"id": 3}\n')
    items = list(InputSet([path]))
    assert [(i.line, i.kind) for i in items] == [(1, "json"), (4, "bytes"), (5, "json")]


def test_several_inputs_are_numbered_as_one_stream(tmp_path: Path) -> None:
    a = write_jsonl(tmp_path / "a.jsonl", make_records(3))
    b = write_jsonl(tmp_path / "b.jsonl", make_records(2))
    items = list(InputSet([a, b]))
    assert [i.position for i in items] == [0, 1, 2, 3, 4]
    assert [i.line for i in items] == [1, 2, 3, 1, 2]


def test_csv_with_a_large_field_and_bad_bytes(tmp_path: Path) -> None:
    big = "وصل الوزير. " * 100_000  # > 1 MB in UTF-8, above csv's default field limit
    path = tmp_path / "in.csv"
    content = "guid,body\nA1,\"نص أول\nبسطرين\"\nA2," + big + "\n"
    path.write_bytes(content.encode("utf-8") + b"A3,\xff\xfe\n")
    items = list(InputSet([path]))
    assert [i.kind for i in items] == ["record", "record", "bytes"]
    assert items[0].payload == {"guid": "A1", "body": "نص أول\nبسطرين"}
    assert [i.line for i in items] == [2, 4, 5]
    assert len(items[1].payload["body"]) == len(big)
    assert items[2].payload["guid"] == "A3"


def test_parquet_rows_become_records(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    recs = make_records(600)
    pq.write_table(pa.Table.from_pylist(recs), tmp_path / "in.parquet", row_group_size=100)
    items = list(InputSet([tmp_path / "in.parquet"]))
    assert len(items) == 600
    assert items[599].payload == recs[599] and items[599].line == 600


def test_txt_folder_sorted_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "news" / "b").mkdir(parents=True)
    (tmp_path / "news" / "z.txt").write_text("عنوان\n\nنص", encoding="utf-8")
    (tmp_path / "news" / "b" / "a.txt").write_text("نص آخر", encoding="utf-8")
    (tmp_path / "news" / "bad.txt").write_bytes(b"\xff\xfe")
    (tmp_path / "news" / "skip.md").write_text("x", encoding="utf-8")
    items = list(InputSet([tmp_path / "news"]))
    assert [(i.id, i.kind) for i in items] == [("b/a", "text"), ("bad", "bytes"), ("z", "text")]
    assert items[2].payload == "عنوان\n\nنص"


def test_field_map_renames_and_keeps_the_rest() -> None:
    fm = FieldMap(id="guid", title="headline", text="body", date="pubDate")
    rec = {"guid": 5, "headline": "ع", "body": "نص", "pubDate": "2026-01-02", "url": "u", "text": "old"}
    assert fm.apply(rec) == {"id": 5, "title": "ع", "text": "نص", "published": "2026-01-02", "url": "u"}
    assert fm.record_id(rec) == "5"
    assert FieldMap().apply({"id": 1, "text": "x"}) == {"id": 1, "text": "x"}


def test_format_detection_and_errors(tmp_path: Path) -> None:
    assert detect_format("a.ndjson.bz2") == "jsonl"
    assert detect_format(tmp_path) == "txt"
    with pytest.raises(ConfigError):
        detect_format("a.xlsx")
    with pytest.raises(UnreadableFileError):
        InputSet([tmp_path / "missing.jsonl"])


def test_bytes_read_tracks_progress_through_gzip(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(_lines(make_records(3000)))
    inputs = InputSet([path])
    seen = []
    for n, _ in enumerate(inputs):
        if n % 1000 == 0:
            seen.append(inputs.bytes_read())
    assert seen == sorted(seen) and seen[-1] <= inputs.total_bytes
    assert inputs.bytes_read() == inputs.total_bytes


def test_bytes_read_over_a_folder_and_a_file(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    for i in range(3):
        (tmp_path / "d" / f"{i}.txt").write_text("نص " * (i + 1), encoding="utf-8")
    f = write_jsonl(tmp_path / "a.jsonl", make_records(2))
    inputs = InputSet([tmp_path / "d", f])
    progress = []
    for _ in inputs:
        progress.append(inputs.bytes_read())
    assert progress[:3] == sorted(progress[:3]) and progress[2] <= inputs.total_bytes
    assert inputs.bytes_read() == inputs.total_bytes == sum(p.stat().st_size for p in tmp_path.rglob("*.*"))
