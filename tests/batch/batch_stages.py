"""Stages for batch tests; importable by name in spawned workers (the test puts this folder on sys.path)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from arnews_nlp.doc import Doc
from arnews_nlp.pipeline import Pipeline

KILL = "KILLWORKER"
RAISE = "RAISESTAGE"
TOKENIZER = {
    "stages": [
        {"name": "sentencizer", "factory": "arnews.sentencizer.v1"},
        {"name": "tokenizer", "factory": "arnews.tokenizer.v1"},
    ]
}


def saboteur(doc: Doc) -> Doc:
    """Kill the worker process, or raise, when the text carries a marker."""
    if KILL in doc.text:
        os._exit(3)
    if RAISE in doc.text:
        raise RuntimeError("stage blew up on purpose")
    return doc


def slow(doc: Doc) -> Doc:
    """Take a little time per document so that a run can be killed midway."""
    time.sleep(float(os.environ.get("ARNEWS_TEST_SLOW", "0.01")))
    return doc


def tokenizer_pipeline(*extra: object) -> Pipeline:
    nlp = Pipeline.from_config(TOKENIZER)
    for stage in extra:
        nlp.add_pipe(stage, name=getattr(stage, "__name__", "extra"))  # type: ignore[arg-type]
    return nlp


# Small synthetic Arabic records (written for the tests; no corpus text).
SENTENCES = [
    "وصل وزير الخارجية إلى عمان صباح اليوم في زيارة رسمية.",
    "عقد الرئيس اجتماعا مع رئيس الوزراء في القاهرة.",
    "أعلنت الحكومة عن خطة جديدة لدعم المزارعين.",
    "قال المتحدث باسم الوزارة إن المحادثات كانت مثمرة.",
    "وقع البلدان اتفاقية للتعاون في مجال الطاقة.",
]


def make_records(n: int) -> list[dict[str, Any]]:
    """n valid records with distinct ids and texts."""
    out = []
    for i in range(n):
        body = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 3))
        out.append({"id": f"r{i}", "title": f"خبر رقم {i}", "text": body, "published": "2026-02-10"})
    return out


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


