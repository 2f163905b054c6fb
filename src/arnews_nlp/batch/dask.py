"""Run the pipeline on Dask: bags and dataframes, the pipeline built once per worker process.

Needs ``pip install 'arnews-nlp[dask]'``. Partitions are processed with
:func:`~arnews_nlp.batch.work.process_item`, so the output is the same as a
local ``arnews batch`` run: one Document or error record per input record, in
partition order. Pass the pipeline as a *config* (a dict or a config file path
that every worker can read): each worker process builds it on first use and
keeps it, instead of receiving a pickled model with every task.

Error records from Dask carry ``line: null`` (records in a bag have no line
numbers); everything else matches the local run.

Examples:
    >>> import dask.bag as db                                   # doctest: +SKIP
    >>> from arnews_nlp.batch.dask import process_bag, to_dask_frames  # doctest: +SKIP
    >>> lines = db.read_text("dump-*.jsonl.gz", blocksize=None)  # doctest: +SKIP
    >>> out = process_bag(lines)                                 # doctest: +SKIP
    >>> frames = to_dask_frames(out)                             # doctest: +SKIP
    >>> frames["entities"].to_parquet("entities/")               # doctest: +SKIP
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from arnews_nlp.batch.sources import FieldMap, Item
from arnews_nlp.batch.tables import COLUMNS, TABLES, flatten
from arnews_nlp.batch.work import process_item
from arnews_nlp.errors import ConfigError
from arnews_nlp.pipeline import Pipeline

__all__ = ["get_pipeline", "process_bag", "process_dataframe", "process_partition", "to_dask_frames"]

Config = Mapping[str, Any] | str | Path | None
InputKind = Literal["auto", "json", "text"]

# One pipeline per (process, config): this is what "loaded once per worker" means.
_PIPELINES: dict[str, Pipeline] = {}
_LOCK = threading.Lock()


def _key(config: Config) -> str:
    if config is None:
        return "<default>"
    if isinstance(config, Mapping):
        return "dict:" + json.dumps(config, sort_keys=True, default=str)
    return "path:" + str(Path(config).resolve())


def get_pipeline(config: Config = None) -> Pipeline:
    """The pipeline for ``config`` in this process, built on the first call and then reused.

    Examples:
        >>> cfg = {"stages": [{"name": "sentencizer", "factory": "arnews.sentencizer.v1"}]}
        >>> get_pipeline(cfg) is get_pipeline(dict(cfg))
        True
    """
    key = _key(config)
    with _LOCK:
        nlp = _PIPELINES.get(key)
        if nlp is None:
            from arnews_nlp.loading import load

            nlp = load(config) if config is not None else load()
            _PIPELINES[key] = nlp
        return nlp


def _item(obj: Any, n: int, kind: InputKind) -> Item:
    if isinstance(obj, Item):
        return obj
    if isinstance(obj, Mapping):
        return Item(n, None, "record", dict(obj))
    if isinstance(obj, bytes):
        try:
            obj = obj.decode("utf-8")
        except UnicodeDecodeError:
            return Item(n, None, "bytes", obj)
    if isinstance(obj, str):
        return Item(n, None, "text" if kind == "text" else "json", obj.rstrip("\r\n"))
    raise ConfigError(f"Cannot process a {type(obj).__name__} from a Dask collection.")


def process_partition(
    records: Iterable[Any],
    *,
    config: Config = None,
    fields: FieldMap | None = None,
    tokens: bool = False,
    kind: InputKind = "auto",
) -> list[dict[str, Any]]:
    """Process one partition: records (dicts), JSONL lines or (``kind="text"``) article texts.

    Blank strings (e.g. a trailing newline from ``read_text``) are skipped, as in
    ``arnews batch``. Returns one Document or error-record dict per record.
    """
    nlp = get_pipeline(config)
    fmap = fields or FieldMap()
    out = []
    for n, obj in enumerate(records):
        if isinstance(obj, str) and kind != "text" and not obj.strip():
            continue
        result = process_item(nlp, _item(obj, n, kind), fields=fmap, tokens=tokens)
        out.append(json.loads(result.output))
    return out


def process_bag(
    bag: Any,
    *,
    config: Config = None,
    fields: FieldMap | None = None,
    tokens: bool = False,
    kind: InputKind = "auto",
) -> Any:
    """Map the pipeline over a ``dask.bag.Bag``; returns a Bag of Document / error-record dicts.

    Args:
        bag: Records (dicts), JSONL lines (``db.read_text``) or, with ``kind="text"``, article texts.
        config: Pipeline config (dict or file path readable on every worker); default pipeline if None.
        fields: Which record fields hold id, title, text and date.
        tokens: Include tokens in the Documents.
        kind: ``text`` to read strings as articles instead of JSON lines.
    """
    return bag.map_partitions(process_partition, config=config, fields=fields, tokens=tokens, kind=kind)


def _empty_frame(table: str) -> Any:
    """An empty frame with the table's dtypes; lists are Arrow ``list<string>`` (Dask keeps them as lists)."""
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]
    import pyarrow as pa  # type: ignore[import-untyped, import-not-found, unused-ignore]

    dtypes = {"int": "Int64", "float": "Float64", "str": "string", "list": pd.ArrowDtype(pa.list_(pa.string()))}
    return pd.DataFrame({c: pd.Series(dtype=dtypes[k]) for c, k in COLUMNS[table].items()})


def _rows(docs: Iterable[Mapping[str, Any]], table: str) -> Any:
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]

    rows = [row for d in docs for row in flatten(d)[table]]
    empty = _empty_frame(table)
    return pd.DataFrame(rows, columns=list(empty.columns)).astype(empty.dtypes.to_dict())


def to_dask_frames(out_bag: Any) -> dict[str, Any]:
    """The five tables of a :func:`process_bag` result as Dask DataFrames (``doc_index`` is null).

    Join them on ``doc_id`` plus the ``*_index`` columns.
    """
    import dask.dataframe as dd  # type: ignore[import-untyped, import-not-found, unused-ignore]

    parts = out_bag.to_delayed()
    return {t: dd.from_delayed([_delayed_rows(p, t) for p in parts], meta=_empty_frame(t)) for t in TABLES}


def _delayed_rows(part: Any, table: str) -> Any:
    from dask.delayed import delayed  # type: ignore[import-untyped, import-not-found, unused-ignore]

    return delayed(_rows)(part, table)


def _frame_partition(
    frame: Any, config: Config, fields: FieldMap | None, tokens: bool, column: str
) -> Any:
    # Missing values (NaN, NA) become None, as absent fields in a JSON record.
    clean = frame.astype(object).where(frame.notna(), None)
    docs = process_partition(clean.to_dict("records"), config=config, fields=fields, tokens=tokens)
    out = _rows(docs, "documents")
    out[column] = [json.dumps(d, ensure_ascii=False) for d in docs]
    out.index = frame.index
    return out


def process_dataframe(
    ddf: Any,
    *,
    config: Config = None,
    fields: FieldMap | None = None,
    tokens: bool = False,
    column: str = "document",
) -> Any:
    """``map_partitions`` over a Dask DataFrame of records (one article per row).

    Returns a Dask DataFrame with the ``documents`` table columns plus ``column``
    holding each output record as JSON (a Document or an error record), with the
    input's index.
    """
    meta = _empty_frame("documents")
    meta[column] = meta["doc_id"].astype("string")
    return ddf.map_partitions(_frame_partition, config, fields, tokens, column, meta=meta)
