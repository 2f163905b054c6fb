"""Generated resources must equal a fresh regeneration from ../shared (STYLE.md D18)."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLITICS = ROOT / "src/arnews_nlp/resources/clitics"


def _load_script(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_clitic_lexicon_rule_on_invented_counts() -> None:
    build = _load_script("build_clitic_lexicon").build
    counts = Counter({"وزير": 900, "زير": 2, "وسوريا": 50, "سوريا": 800, "حكومته": 40, "حكومة": 500})
    protected, split_suffix = build(counts)
    assert "وزير" in protected and "وسوريا" not in protected
    assert "حكومته" in split_suffix


def test_committed_clitic_lexicon_equals_regeneration(shared: Path) -> None:
    module = _load_script("build_clitic_lexicon")
    dump = shared / "data/news/ant-v2.1.jsonl.gz"
    if not dump.is_file():
        pytest.skip(f"ANT dump missing: {dump}")
    protected, split_suffix = module.build(module.count_words(dump))
    assert (CLITICS / "protected_prefix.txt").read_text(encoding="utf-8") == "\n".join(protected) + "\n"
    assert (CLITICS / "split_suffix.txt").read_text(encoding="utf-8") == "\n".join(split_suffix) + "\n"
