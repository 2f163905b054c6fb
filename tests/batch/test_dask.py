"""Dask integration on a dask.distributed LocalCluster (small and quick)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_stages import TOKENIZER, make_records, write_jsonl

from arnews_nlp.batch.runner import run_batch

db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Any:
    with (
        # ":0": the HTTP server on a free port (None still takes 8787, which another dask process may hold)
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def _records() -> list[Any]:
    recs: list[Any] = make_records(36)
    recs[5] = {"id": "empty", "text": " "}
    recs[9] = {"id": "latin", "text": "English only, no Arabic here."}
    recs[12] = {"id": "no-date", "text": "وصل الوزير."}  # missing fields: NaN in a DataFrame
    return recs


def _local(tmp_path: Path, tok_nlp: Any, recs: list[Any]) -> list[dict[str, Any]]:
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    run_batch(tok_nlp, src, tmp_path / "out.jsonl", workers=0)
    out = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    for o in out:
        if "error" in o:
            o["line"] = None  # records in a bag have no line numbers
    return out


def test_bag_on_local_cluster_equals_local_run(client: Any, tmp_path: Path, tok_nlp: Any) -> None:
    from arnews_nlp.batch.dask import process_bag

    recs = _records()
    expected = _local(tmp_path, tok_nlp, recs)
    lines = db.read_text(str(tmp_path / "in.jsonl"), blocksize=2000)  # several partitions of JSONL
    assert lines.npartitions > 1
    got = process_bag(lines, config=TOKENIZER).compute()
    assert got == expected
    got_dicts = process_bag(db.from_sequence(recs, npartitions=4), config=TOKENIZER).compute()
    assert got_dicts == expected


def test_dataframe_and_tables_on_local_cluster(client: Any, tmp_path: Path, tok_nlp: Any) -> None:
    from arnews_nlp.batch.dask import process_bag, process_dataframe, to_dask_frames
    from arnews_nlp.batch.tables import to_frames

    recs = _records()
    expected = _local(tmp_path, tok_nlp, recs)
    ddf = dd.from_pandas(pd.DataFrame(recs), npartitions=3)
    docs = process_dataframe(ddf, config=TOKENIZER).compute()
    assert [json.loads(x) for x in docs["document"]] == expected
    assert list(docs["status"]) == ["error" if "error" in o else "ok" for o in expected]

    frames = to_dask_frames(process_bag(db.from_sequence(recs, npartitions=3), config=TOKENIZER))
    local = to_frames(expected)
    for table in ("documents", "entities"):
        got = frames[table].compute().reset_index(drop=True)
        if "tags" in got:
            got["tags"] = got["tags"].astype(object).map(list)
        want = local[table].assign(doc_index=pd.array([pd.NA] * len(local[table]), dtype="Int64"))
        pd.testing.assert_frame_equal(got, want)


def test_pipeline_is_built_once_per_worker(client: Any) -> None:
    from arnews_nlp.batch.dask import get_pipeline

    ids = client.run(lambda: id(get_pipeline(TOKENIZER)))
    again = client.run(lambda: id(get_pipeline(TOKENIZER)))
    assert ids == again
