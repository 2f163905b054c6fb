"""BIO/BIOES decoding and label mapping (no extras needed)."""

from __future__ import annotations

import pytest

from arnews_nlp.backends.labels import CAMEL_LABEL_MAP, OUR_LABELS, STANZA_LABEL_MAP, decode_tags, map_label


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ([], []),
        (["O", "O"], []),
        (["B-PERS", "I-PERS", "I-PERS"], [(0, 3, "PERS")]),
        (["B-PERS", "B-PERS"], [(0, 1, "PERS"), (1, 2, "PERS")]),
        (["I-ORG", "I-ORG", "O", "I-ORG"], [(0, 2, "ORG"), (3, 4, "ORG")]),
        (["B-LOC", "I-ORG"], [(0, 1, "LOC"), (1, 2, "ORG")]),
        (["S-PER", "B-ORG", "I-ORG", "E-ORG", "S-LOC"], [(0, 1, "PER"), (1, 4, "ORG"), (4, 5, "LOC")]),
        (["E-LOC"], [(0, 1, "LOC")]),
        (["B-ORG", "E-LOC"], [(0, 1, "ORG"), (1, 2, "LOC")]),
        (["B-MISC", "", "garbage", "B-"], [(0, 1, "MISC")]),
    ],
)
def test_decode_tags(tags: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert decode_tags(tags) == expected


def test_maps_cover_every_backend_label_and_land_in_our_set() -> None:
    assert set(CAMEL_LABEL_MAP) >= {"PERS", "ORG", "LOC", "MISC"}
    assert set(STANZA_LABEL_MAP) >= {"PER", "ORG", "LOC", "MISC"}
    assert set(CAMEL_LABEL_MAP.values()) <= OUR_LABELS
    assert set(STANZA_LABEL_MAP.values()) <= OUR_LABELS
    assert map_label("LOC", CAMEL_LABEL_MAP) == "GPE"
    assert map_label("PER", STANZA_LABEL_MAP) == "PERS"
    assert map_label("DATE", STANZA_LABEL_MAP) is None
    assert map_label("X", {"X": "NOT_OURS"}) is None
