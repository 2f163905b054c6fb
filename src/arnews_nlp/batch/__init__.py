"""Batch processing of article dumps: lossless, ordered, parallel, resumable.

The core (:func:`run_batch`, readers, JSONL output) needs only the core
install; Parquet and DataFrames need ``arnews-nlp[tables]``, Dask needs
``arnews-nlp[dask]``; those are imported only when used.
"""

from arnews_nlp.batch.runner import BatchStats, default_workers, iter_outcomes, run_batch
from arnews_nlp.batch.sources import FieldMap, InputSet, Item, detect_format, open_binary
from arnews_nlp.batch.tables import TABLES, flatten, read_tables, to_frames
from arnews_nlp.batch.work import Outcome, process_item

__all__ = [
    "TABLES",
    "BatchStats",
    "FieldMap",
    "InputSet",
    "Item",
    "Outcome",
    "default_workers",
    "detect_format",
    "flatten",
    "iter_outcomes",
    "open_binary",
    "process_item",
    "read_tables",
    "run_batch",
    "to_frames",
]
