"""Register the ``extras`` marker for the backend tests (needs the [camel]/[stanza] extras)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "extras: needs the [camel] or [stanza] extra (torch); see docs/backends.md")
