"""Fixtures for batch tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def tok_nlp() -> Any:
    from arnews_nlp.pipeline import Pipeline

    return Pipeline.from_config(
        {
            "stages": [
                {"name": "sentencizer", "factory": "arnews.sentencizer.v1"},
                {"name": "tokenizer", "factory": "arnews.tokenizer.v1"},
            ]
        }
    )


@pytest.fixture
def stages_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep this folder on sys.path so spawned workers can unpickle batch_stages functions."""
    from pathlib import Path

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent))
