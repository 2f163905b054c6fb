"""The notebooks in notebooks/ run top to bottom (nbclient), and are committed without outputs.

The quick start runs on the bundled example article. The dump study needs the ANT dump in
``../shared`` (skipped without it); ``ARNEWS_STUDY_N`` (default here: 2000) sets its sample size.
Executed notebooks are kept in memory only: the committed files stay output-free, and nothing
from the corpus is written into the project.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
ARABIC_WORD = re.compile(r"[\u0600-\u06FF]+")

nbformat = pytest.importorskip("nbformat", reason="pip install 'arnews-nlp[notebooks]' to run the notebooks")


def _execute(name: str, env: dict[str, str] | None = None, timeout: int = 1200) -> Any:
    nbclient = pytest.importorskip("nbclient", reason="pip install 'arnews-nlp[notebooks]'")
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    saved = dict(os.environ)
    os.environ.update(env or {})
    os.environ.pop("MPLBACKEND", None)  # the kernel's inline backend returns the plots as PNG
    try:
        client = nbclient.NotebookClient(
            nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
        )
        client.execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return nb


def _outputs(nb: Any, kind: str) -> list[Any]:
    return [
        o.get("data", {}).get(kind)
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if kind in o.get("data", {})
    ]


def _texts(nb: Any) -> list[str]:
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if o.get("output_type") == "stream":
                out.append(o["text"])
            for kind in ("text/plain", "text/html"):
                if kind in o.get("data", {}):
                    out.append(o["data"][kind])
    return out


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_committed_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear outputs before commit"


def test_notebooks_exist() -> None:
    assert {p.name for p in NOTEBOOKS.glob("*.ipynb")} >= {"01-quickstart.ipynb", "02-dump-study.ipynb"}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_quickstart_runs_and_displays_the_document() -> None:
    nb = _execute("01-quickstart.ipynb")
    html = [h for h in _outputs(nb, "text/html") if "arnews-doc" in h]
    assert html, "the Document cell did not render as HTML (Document._repr_html_)"
    page = html[0]
    assert 'dir="rtl"' in page and '<mark class="arn-ent" data-label="GPE"' in page
    assert 'data-label="DATE" data-value="2026-03-12"' in page and 'class="arn-card"' in page
    text = "\n".join(_texts(nb))
    assert "spans, all exact" in text and '"type": "' in text


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dump_study_runs_on_ant(shared: Path) -> None:
    if not (shared / "data/news/ant-v2.1.jsonl.gz").is_file():
        pytest.skip("ANT dump missing from ../shared")
    n = os.environ.get("ARNEWS_STUDY_N", "2000")
    nb = _execute("02-dump-study.ipynb", {"ARNEWS_STUDY_N": n})
    text = "\n".join(_texts(nb))
    assert f"{n} of " in text and " processed, " in text
    assert len(_outputs(nb, "image/png")) >= 4, "the plots are missing"
    # aggregates only: no output cell quotes a run of article text
    for chunk in _texts(nb):
        for cell in re.split(r"\s{2,}|\n|<[^>]+>", chunk):
            assert len(ARABIC_WORD.findall(cell)) <= 10, f"output quotes article text: {cell[:80]}…"
