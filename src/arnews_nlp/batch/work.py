"""Turn one input :class:`~arnews_nlp.batch.sources.Item` into one output line, never raising.

This is the code that runs in the workers. Whatever happens to a record
(invalid JSON, bad encoding, missing or empty text, non-Arabic text, a stage
that raises), the result is exactly one :class:`Outcome`: a Document or an
error record ``{id, line, error: {code, message}}``.

Examples:
    >>> from arnews_nlp.pipeline import Pipeline
    >>> nlp = Pipeline.from_config({"stages": [{"name": "sentencizer", "factory": "arnews.sentencizer.v1"},
    ...                                        {"name": "tokenizer", "factory": "arnews.tokenizer.v1"}]})
    >>> ok = process_item(nlp, Item(0, 1, "json", '{"id": "a", "text": "وصل الوزير"}'))
    >>> ok.ok, ok.tokens
    (True, 2)
    >>> bad = process_item(nlp, Item(1, 2, "json", '{"id": "b", "text": ""}'))
    >>> bad.ok, bad.output[:65]
    (False, '{"schema_version":"1.0","id":"b","line":2,"error":{"code":"E001",')
"""

from __future__ import annotations

import gc
import json
import logging
from dataclasses import dataclass
from typing import Any, NamedTuple

from arnews_nlp.batch.pool import one_math_thread
from arnews_nlp.batch.sources import FieldMap, Item
from arnews_nlp.errors import ArnewsError, InvalidEncodingError, InvalidRecordError, UnexpectedError, WorkerDiedError
from arnews_nlp.pipeline import Pipeline
from arnews_nlp.schemas import ErrorInfo, ErrorRecord, to_document

__all__ = ["Outcome", "WorkerState", "crash_outcome", "error_outcome", "init_worker", "process_chunk", "process_item"]

_DEFAULT_FIELDS = FieldMap()


class Outcome(NamedTuple):
    """The result for one item: its output line (JSON, no newline) and counts.

    Attributes:
        position: The item's position in the input.
        ok: True for a Document, False for an error record.
        output: The JSON line.
        tokens: Number of tokens of the processed document (0 for errors).
    """

    position: int
    ok: bool
    output: str
    tokens: int


@dataclass(slots=True)
class WorkerState:
    """What a worker needs: the pipeline and the per-run options (pickled once per worker)."""

    nlp: Pipeline
    fields: FieldMap = _DEFAULT_FIELDS
    tokens: bool = False


def error_outcome(item: Item, code: str, message: str, record_id: str | None = None) -> Outcome:
    """An :class:`Outcome` holding the error record for ``item``."""
    rid = record_id if record_id is not None else item.id
    err = ErrorRecord(id=rid, line=item.line, error=ErrorInfo(code=code, message=message))
    return Outcome(item.position, False, err.model_dump_json(), 0)


def process_item(
    nlp: Pipeline, item: Item, *, fields: FieldMap = _DEFAULT_FIELDS, tokens: bool = False
) -> Outcome:
    """Process one item into a Document line or an error-record line; never raises for bad input."""
    record: Any = None
    try:
        if item.kind == "bytes":
            where = f"line {item.line}" if item.line is not None else f"article {item.id}"
            return error_outcome(
                item,
                InvalidEncodingError.code,
                f"{where} is not valid UTF-8; re-encode the input, e.g. `iconv -f CP1256 -t UTF-8`",
                _id_from_bytes(item.payload, fields),
            )
        if item.kind == "text":
            doc = nlp(item.payload, id=item.id)
        else:
            if item.kind == "json":
                try:
                    record = json.loads(item.payload)
                except ValueError as exc:
                    raise InvalidRecordError(reason=f"invalid JSON: {exc}") from exc
                if not isinstance(record, dict):
                    raise InvalidRecordError(reason=f"expected a JSON object, got {type(record).__name__}")
            else:
                record = item.payload
            doc = nlp(fields.apply(record))
        out = to_document(doc, tokens=tokens).model_dump_json()
        return Outcome(item.position, True, out, len(doc.tokens))
    except ArnewsError as exc:
        return error_outcome(item, exc.code, exc.message, fields.record_id(record))
    except Exception as exc:
        unexpected = UnexpectedError(reason=f"{type(exc).__name__}: {exc}")
        return error_outcome(item, unexpected.code, unexpected.message, fields.record_id(record))


def _id_from_bytes(payload: Any, fields: FieldMap) -> str | None:
    if isinstance(payload, dict):
        return fields.record_id(payload)
    if isinstance(payload, bytes | str):
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        try:
            return fields.record_id(json.loads(text))
        except ValueError:
            return None
    return None


def crash_outcome(item: Item, reason: str, fields: FieldMap = _DEFAULT_FIELDS) -> Outcome:
    """The E030 error record for an item whose processing killed the worker process twice."""
    err = WorkerDiedError(reason=reason)
    rid = item.id if item.kind == "text" else _id_from_bytes(item.payload, fields)
    return error_outcome(item, err.code, err.message, rid)


log = logging.getLogger(__name__)

_STATE: list[WorkerState] = []


# A short article written for the warm-up (loads the models before the first record).
_WARM_UP = "قال وزير الخارجية في دمشق يوم الأحد إن الوفد سيزور بغداد."


def init_worker(state: WorkerState) -> None:
    """Pool initializer: keep the pipeline for the life of the worker process.

    The worker process is ours, so it is tuned for a long run: the pipeline is
    warmed up (models loaded), everything loaded so far is moved out of the
    garbage collector's sight (``gc.freeze``) and young objects are collected
    less often. That saves about 2 % of the instructions per article. numpy's
    BLAS is kept on one thread (:func:`~arnews_nlp.batch.pool.one_math_thread`).
    """
    one_math_thread()
    _STATE[:] = [state]
    try:
        state.nlp(_WARM_UP)
    except Exception:  # a broken pipeline reports itself on the first record
        log.debug("warm-up failed", exc_info=True)
    gc.freeze()
    gc.set_threshold(20_000, 50, 50)


def process_chunk(items: list[Item]) -> list[Outcome]:
    """Process a chunk of items with the worker's pipeline (see :func:`init_worker`)."""
    state = _STATE[0]
    return [process_item(state.nlp, it, fields=state.fields, tokens=state.tokens) for it in items]
