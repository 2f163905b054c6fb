"""Every ```python block of the docs pages runs, page by page, in one namespace per page.

Examples assert what they show, so a page whose behaviour drifts from the code fails here.
Blocks in other languages (bash, toml, text) are not run. Each page runs in a fresh
interpreter (factories registered by one page do not leak into another) from the
repository root, so paths such as ``examples/amman-ministerial.txt`` resolve.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

# Pages whose examples are run; pages owned elsewhere opt in by being listed here.
PAGES = [
    "index.md",
    "getting-started.md",
    "pipeline.md",
    "normalizer.md",
    "stages/tokenize.md",
    "stages/ner.md",
    "stages/temporal.md",
    "stages/events.md",
    "events-guide.md",
    "display.md",
    "notebooks.md",
    "performance.md",
]

_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)


def python_blocks(page: Path) -> list[str]:
    return [m.group(1) for m in _BLOCK.finditer(page.read_text(encoding="utf-8"))]


def test_block_extraction(tmp_path: Path) -> None:
    sample = tmp_path / "sample.md"
    sample.write_text("text\n```python\nx = 1\n```\n```bash\nls\n```\n```python\nassert x == 1\n```\n", "utf-8")
    assert python_blocks(sample) == ["x = 1\n", "assert x == 1\n"]


@pytest.mark.parametrize("name", PAGES)
def test_docs_page_examples_run(name: str) -> None:
    page = DOCS / name
    assert page.is_file(), f"{name} is listed but missing"
    blocks = python_blocks(page)
    if not blocks:
        return
    script = "\n".join(f"# --- block {i + 1}\n{code}" for i, code in enumerate(blocks))
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, f"{name}: an example failed\n{proc.stderr[-3000:]}"
