"""The generated docs pages (schema and CLI reference, model card) match a fresh build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_generated_docs_pages_are_current() -> None:
    proc = subprocess.run(
        [sys.executable, "scripts/build_docs_pages.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_schema_page_lists_every_document_field() -> None:
    from arnews_nlp.schemas import Document

    page = (ROOT / "docs/reference/schema.md").read_text(encoding="utf-8")
    for field in Document.model_fields:
        assert f"| `{field}` |" in page


def test_cli_page_covers_render() -> None:
    page = (ROOT / "docs/reference/cli.md").read_text(encoding="utf-8")
    assert "## arnews render" in page and "## arnews extract" in page


def test_mkdocs_nav_points_at_existing_pages() -> None:
    import re

    nav = re.findall(r":\s*([\w/.-]+\.md)\s*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert len(nav) >= 15
    missing = [p for p in nav if not (ROOT / "docs" / p).is_file()]
    assert not missing, f"mkdocs.yml names missing pages: {missing}"
