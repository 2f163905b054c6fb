from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from arnews_nlp.ner.labels import ANERCORP_SCHEME, LABELS, NEWSFANE_MAP, bio_spans, map_tags, spans_to_bio


def test_anercorp_scheme_covers_every_label() -> None:
    assert set(ANERCORP_SCHEME) == set(LABELS)
    assert {v for v in ANERCORP_SCHEME.values()} == {"PERS", "LOC", "ORG", "MISC", "O"}


def test_newsfane_fine_classes_map_into_our_labels() -> None:
    assert set(NEWSFANE_MAP.values()) <= set(LABELS)
    assert NEWSFANE_MAP["Nation"] == "GPE"
    assert NEWSFANE_MAP["Water-Body"] == "LOC"
    assert NEWSFANE_MAP["Airport"] == "FAC"
    assert NEWSFANE_MAP["Group"] == "NORP"
    assert NEWSFANE_MAP["Politician"] == "PERS"


def test_map_tags_drops_types_mapped_to_o() -> None:
    assert map_tags(["B-OCC", "I-OCC", "B-FAC"], ANERCORP_SCHEME) == ["O", "O", "B-LOC"]


@st.composite
def span_lists(draw: st.DrawFn) -> tuple[int, list[tuple[int, int, str]]]:
    n = draw(st.integers(0, 30))
    cuts = sorted(draw(st.sets(st.integers(0, n), max_size=12)))
    spans = []
    for a, b in itertools.pairwise(cuts):
        if a < b and draw(st.booleans()):
            spans.append((a, b, draw(st.sampled_from(LABELS))))
    return n, spans


@given(span_lists())
def test_bio_round_trip(case: tuple[int, list[tuple[int, int, str]]]) -> None:
    n, spans = case
    assert bio_spans(spans_to_bio(n, spans)) == spans
