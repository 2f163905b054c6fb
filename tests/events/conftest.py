"""Fixtures for the event-stage tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from arnews_nlp.doc import Doc
from arnews_nlp.events import EventStage


@pytest.fixture(scope="session")
def stage() -> EventStage:
    return EventStage()


@pytest.fixture(scope="session")
def run(stage: EventStage) -> Callable[..., Doc]:
    def _run(text: str, published: dt.date | None = dt.date(2018, 6, 14)) -> Doc:
        return stage(Doc(text, published=published))

    return _run


def args_of(doc: Doc, event_type: str | None = None) -> list[tuple[str, str]]:
    """(role, text) of every argument of every event (of one type)."""
    return [
        (a.role, doc.text[a.start : a.end])
        for e in doc.events
        if event_type is None or e.type == event_type
        for a in e.arguments
    ]
