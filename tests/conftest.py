"""Shared fixtures: where ../shared is, and small pipelines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """The read-only ../shared folder beside the checkout (or $ARNEWS_SHARED), if present."""
    env = os.environ.get("ARNEWS_SHARED")
    candidate = Path(env) if env else ROOT.parent / "shared"
    return candidate if (candidate / "data").is_dir() else None


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared not found beside the checkout (set ARNEWS_SHARED to its path)")
    return path


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    path = shared / "data/articles/seed-coalition-riyadh.txt"
    if not path.is_file():
        pytest.skip(f"seed article missing: {path}")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_text() -> str:
    return (ROOT / "examples/amman-ministerial.txt").read_text(encoding="utf-8")
