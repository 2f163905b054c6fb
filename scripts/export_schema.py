"""Write the JSON Schema of the export Document to docs/reference/document.schema.json.

usage: python scripts/export_schema.py [--check]
With --check, exit 1 when the committed file differs from a fresh export.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from arnews_nlp.schemas import SCHEMA_VERSION, Document

TARGET = Path(__file__).resolve().parents[1] / "docs/reference/document.schema.json"


def render() -> str:
    schema = Document.model_json_schema()
    schema["$id"] = f"https://arnews-nlp.invalid/schema/document-{SCHEMA_VERSION}.json"
    schema["title"] = f"arnews-nlp Document (schema_version {SCHEMA_VERSION})"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    fresh = render()
    if "--check" in sys.argv:
        return 0 if TARGET.read_text(encoding="utf-8") == fresh else 1
    TARGET.write_text(fresh, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
