"""Run the pipeline over a gold events JSONL and score it with ../shared/eval/score_events.py.

usage: python scripts/eval_events.py [GOLD.jsonl ...] [-o OUT_DIR] [--verbose]

Stages that are not available yet (e.g. NER before its model lands) are left out
with a notice; the event stage then grows arguments from words alone.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Any

from arnews_nlp.doc import Doc
from arnews_nlp.events import EventStage
from arnews_nlp.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ARNEWS_SHARED", ROOT / ".." / "shared"))
STAGES = [
    ("normalizer", "arnews.normalizer.v1"),
    ("sentencizer", "arnews.sentencizer.v1"),
    ("tokenizer", "arnews.tokenizer.v1"),
    ("ner", "arnews.ner.v2"),
    ("temporal", "arnews.temporal.v1"),
]


def build_pipeline(*, use_ner: bool = True) -> Pipeline:
    nlp = Pipeline()
    for name, factory in STAGES:
        if name == "ner" and not use_ner:
            continue
        try:
            nlp.add_pipe(factory, name=name, check=False)
        except Exception as exc:  # a stage still being written: run without it
            print(f"[eval] stage {name} unavailable: {type(exc).__name__}: {exc}", file=sys.stderr)
    probe = "قال وزير الخارجية سامي نور في بيان يوم الأحد إن المحادثات مستمرة."
    for _ in list(nlp.pipe_names):
        try:
            nlp(probe)
            break
        except Exception as exc:  # e.g. the NER model is not trained yet
            failing = _failing_stage(nlp, probe)
            print(f"[eval] stage {failing} fails ({type(exc).__name__}); running without it", file=sys.stderr)
            nlp.remove_pipe(failing)
    nlp.add_pipe(EventStage(), name="events", check=False)
    return nlp


def _failing_stage(nlp: Pipeline, probe: str) -> str:
    names = nlp.pipe_names
    for i, name in enumerate(names):
        try:
            nlp(probe, disable=names[i + 1 :])
        except Exception:
            return name
    return names[-1]


def event_json(doc: Doc) -> list[dict[str, Any]]:
    out = []
    for ev in doc.events:
        out.append(
            {
                "type": ev.type,
                "trigger": {
                    "text": doc.text[ev.trigger_start : ev.trigger_end],
                    "start": ev.trigger_start,
                    "end": ev.trigger_end,
                },
                "cameo": ev.cameo,
                "sentence": ev.sentence,
                "confidence": ev.confidence,
                "arguments": [
                    {
                        "role": a.role,
                        "text": doc.text[a.start : a.end],
                        "start": a.start,
                        "end": a.end,
                        "canonical": a.canonical,
                        "value": a.value,
                    }
                    for a in ev.arguments
                ],
            }
        )
    return out


def load_scorer() -> Any:
    path = SHARED / "eval" / "score_events.py"
    spec = importlib.util.spec_from_file_location("score_events", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found at {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def per_type_triggers(scorer: Any, gold: dict[str, Any], system: dict[str, Any]) -> dict[str, list[int]]:
    by: dict[str, list[int]] = {}
    for doc_id, g in gold.items():
        _, gt = scorer.gold_items(g)
        _, st = scorer.sys_items(system.get(doc_id, {}))
        for t in {x[0] for x in gt} | {x[0] for x in st}:
            gs = [x for x in gt if x[0] == t]
            ss = [x for x in st if x[0] == t]
            tp, _ = scorer.match(ss, gs)
            row = by.setdefault(str(t), [0, 0, 0])
            row[0] += tp
            row[1] += len(ss)
            row[2] += len(gs)
    return by


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("-o", "--out", type=Path, default=Path("/tmp/arnews_eval_events"))
    ap.add_argument("--no-ner", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    golds = args.gold or [SHARED / "data" / "events" / "dev.jsonl", SHARED / "data" / "events" / "seed.jsonl"]
    scorer = load_scorer()
    nlp = build_pipeline(use_ner=not args.no_ner)
    args.out.mkdir(parents=True, exist_ok=True)
    for gold_path in golds:
        records = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x.strip()]
        out_path = args.out / f"{gold_path.stem}.system.jsonl"
        with out_path.open("w", encoding="utf-8") as fh:
            for rec in records:
                inp = {k: rec[k] for k in ("id", "title", "text", "published", "source") if k in rec}
                doc = nlp(inp)
                fh.write(json.dumps({"id": rec["id"], "events": event_json(doc)}, ensure_ascii=False) + "\n")
        gold = scorer.load(str(gold_path))
        system = scorer.load(str(out_path))
        res = scorer.score(gold, system)
        print(f"== {gold_path.name}: {res['documents']} documents -> {out_path}")
        for k in ("arg", "trigger"):
            r = res[k]
            print(
                f"{k:8s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}"
                f"  (tp={r['tp']} sys={r['system']} gold={r['gold']})"
            )
        trig = per_type_triggers(scorer, gold, system)
        for t, r in res["by_type"].items():
            tp, ns, ng = trig.get(str(t), [0, 0, 0])
            p, rr, f = scorer.prf(tp, ns, ng)
            print(
                f"  {t!s:11s} arg P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}"
                f" (tp={r['tp']} sys={r['system']} gold={r['gold']})"
                f" | trigger P={p:.3f} R={rr:.3f} F1={f:.3f} (tp={tp} sys={ns} gold={ng})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
