"""Flat tables of processed documents, for joins: documents, entities, dates, events, arguments.

Every row carries ``doc_id`` (the article's id) and, in batch runs,
``doc_index`` (its 0-based position in the input, unique even when ids are
missing or repeated). Child rows add their position in the document:
``entity_index``, ``date_index``, ``event_index``, ``argument_index``; so
``(doc_index, event_index)`` joins ``events`` to ``event_arguments``. Error
records appear in ``documents`` with ``status == "error"`` and their code.

Plain :func:`flatten` needs nothing beyond the core install; DataFrames
(:func:`to_frames`, :func:`read_tables`) need pandas, Parquet needs pyarrow
(``pip install 'arnews-nlp[tables]'``).

Examples:
    >>> doc = {"id": "a1", "text": "زار الوزير عمان", "entities": [
    ...     {"start": 11, "end": 15, "text": "عمان", "label": "GPE", "canonical": "عمان"}]}
    >>> rows = flatten(doc, doc_index=0)
    >>> rows["documents"][0]["status"], rows["documents"][0]["n_entities"]
    ('ok', 1)
    >>> {k: rows["entities"][0][k] for k in ("doc_index", "doc_id", "entity_index", "start", "label")}
    {'doc_index': 0, 'doc_id': 'a1', 'entity_index': 0, 'start': 11, 'label': 'GPE'}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from arnews_nlp.doc import Doc
from arnews_nlp.errors import ConfigError
from arnews_nlp.schemas import Document, to_document

__all__ = ["COLUMNS", "TABLES", "arrow_schema", "flatten", "read_tables", "to_frames"]

TABLES = ("documents", "entities", "dates", "events", "event_arguments")

# Column name -> type: "int", "float", "str", "list" (list of strings).
COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_index": "int", "doc_id": "str", "status": "str", "error_code": "str", "error_message": "str",
        "line": "int", "title": "str", "published": "str", "source": "str", "tags": "list", "text": "str",
        "n_sentences": "int", "n_entities": "int", "n_dates": "int", "n_events": "int", "meta": "str",
    },
    "entities": {
        "doc_index": "int", "doc_id": "str", "entity_index": "int", "start": "int", "end": "int",
        "text": "str", "label": "str", "canonical": "str",
    },
    "dates": {
        "doc_index": "int", "doc_id": "str", "date_index": "int", "start": "int", "end": "int",
        "text": "str", "value": "str", "granularity": "str", "flags": "list",
    },
    "events": {
        "doc_index": "int", "doc_id": "str", "event_index": "int", "type": "str", "trigger_start": "int",
        "trigger_end": "int", "trigger_text": "str", "sentence": "int", "cameo": "str", "confidence": "float",
    },
    "event_arguments": {
        "doc_index": "int", "doc_id": "str", "event_index": "int", "argument_index": "int", "role": "str",
        "start": "int", "end": "int", "text": "str", "canonical": "str", "value": "str",
    },
}  # fmt: skip


def _as_dict(item: Doc | Document | Mapping[str, Any]) -> Mapping[str, Any]:
    if isinstance(item, Doc):
        item = to_document(item)
    if isinstance(item, Document):
        return item.model_dump(mode="json")
    if isinstance(item, Mapping):
        return item
    raise ConfigError(f"Cannot tabulate an object of type {type(item).__name__}.")


def flatten(
    item: Doc | Document | Mapping[str, Any], *, doc_index: int | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Rows of every table for one Document (or error record, or Doc, or their JSON dict)."""
    d = _as_dict(item)
    key = {"doc_index": doc_index, "doc_id": d.get("id")}
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    if "error" in d and "text" not in d:
        err = d["error"] or {}
        out["documents"].append(
            _row("documents", key | {"status": "error", "error_code": err.get("code"),
                                     "error_message": err.get("message"), "line": d.get("line")})
        )  # fmt: skip
        return out
    entities, dates, events = d.get("entities") or [], d.get("dates") or [], d.get("events") or []
    out["documents"].append(
        _row("documents", key | {
            "status": "ok", "title": d.get("title"), "published": d.get("published"), "source": d.get("source"),
            "tags": list(d.get("tags") or []), "text": d.get("text"), "n_sentences": len(d.get("sentences") or []),
            "n_entities": len(entities), "n_dates": len(dates), "n_events": len(events),
            "meta": json.dumps(d.get("meta") or {}, ensure_ascii=False, sort_keys=True),
        })
    )  # fmt: skip
    for i, e in enumerate(entities):
        out["entities"].append(_row("entities", key | {"entity_index": i} | _pick(e, "entities")))
    for i, x in enumerate(dates):
        out["dates"].append(_row("dates", key | {"date_index": i} | _pick(x, "dates")))
    for i, ev in enumerate(events):
        trig = ev.get("trigger") or {}
        out["events"].append(
            _row("events", key | {"event_index": i, "type": ev.get("type"), "trigger_start": trig.get("start"),
                                  "trigger_end": trig.get("end"), "trigger_text": trig.get("text"),
                                  "sentence": ev.get("sentence"), "cameo": ev.get("cameo"),
                                  "confidence": ev.get("confidence")})
        )  # fmt: skip
        for j, a in enumerate(ev.get("arguments") or []):
            value = a.get("value")
            row = key | {"event_index": i, "argument_index": j} | _pick(a, "event_arguments")
            row["value"] = None if value is None else str(value)
            out["event_arguments"].append(_row("event_arguments", row))
    return out


def _pick(obj: Mapping[str, Any], table: str) -> dict[str, Any]:
    return {k: obj[k] for k in COLUMNS[table] if k in obj}


def _row(table: str, values: dict[str, Any]) -> dict[str, Any]:
    row = {c: values.get(c) for c in COLUMNS[table]}
    for c, kind in COLUMNS[table].items():
        if kind == "list" and row[c] is None:
            row[c] = []
    return row


def arrow_schema(table: str) -> Any:
    """The fixed pyarrow schema of ``table`` (so every Parquet part has the same types)."""
    import pyarrow as pa  # type: ignore[import-untyped, import-not-found, unused-ignore]

    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string(), "list": pa.list_(pa.string())}
    return pa.schema([(c, types[k]) for c, k in COLUMNS[table].items()])


def to_frames(
    items: Iterable[Doc | Document | Mapping[str, Any]], *, start_index: int = 0
) -> dict[str, Any]:
    """Build pandas DataFrames of the five tables for Docs, Documents, or JSON dicts (e.g. JSONL lines).

    Args:
        items: What to tabulate, e.g. ``nlp.pipe(texts)`` or ``map(json.loads, open("out.jsonl"))``.
        start_index: ``doc_index`` of the first item.

    Examples:
        >>> frames = to_frames([{"id": "a", "text": "نص"}])  # doctest: +SKIP
        >>> frames["documents"].loc[0, "status"]  # doctest: +SKIP
        'ok'
    """
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]

    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for i, item in enumerate(items, start_index):
        for table, part in flatten(item, doc_index=i).items():
            rows[table].extend(part)
    return {t: _frame(pd, t, rows[t]) for t in TABLES}


def _frame(pd: Any, table: str, rows: list[dict[str, Any]]) -> Any:
    dtypes = {"int": "Int64", "float": "Float64", "str": "string", "list": "object"}
    frame = pd.DataFrame(rows, columns=list(COLUMNS[table]))
    return frame.astype({c: dtypes[k] for c, k in COLUMNS[table].items()})


def read_tables(path: str | Path) -> dict[str, Any]:
    """Read the Parquet tables written by ``arnews batch -o DIR --format parquet`` into DataFrames."""
    import pyarrow as pa  # type: ignore[import-untyped, import-not-found, unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped, import-not-found, unused-ignore]

    root = Path(path)
    if not root.is_dir():
        raise ConfigError(f"{root} is not a folder of Parquet tables.")
    frames = {}
    for table in TABLES:
        parts = sorted((root / table).glob("part-*.parquet"))
        schema = arrow_schema(table)
        data = pa.concat_tables([pq.read_table(p, schema=schema) for p in parts]) if parts else schema.empty_table()
        dtypes = {"int": "Int64", "float": "Float64", "str": "string", "list": "object"}
        frame = data.to_pandas().astype({c: dtypes[k] for c, k in COLUMNS[table].items()})
        for c, k in COLUMNS[table].items():
            if k == "list":
                frame[c] = frame[c].map(list)
        frames[table] = frame.reset_index(drop=True)
    return frames
