"""The NER label set, corpus label mappings and BIO span helpers.

Our labels: PERS, ORG, GPE, LOC, FAC, NORP, OCC, MISC.

The ``anercorp`` scheme (4 types, as the ANERcorp guidelines tag them):

======================  =========
ours                    anercorp
======================  =========
PERS                    PERS
ORG                     ORG
GPE, LOC, FAC           LOC
MISC                    MISC
NORP, OCC               O
======================  =========

NewsFANE's fine classes map to ours with :data:`NEWSFANE_MAP` (person subtypes
→ PERS, ``Group`` → NORP, nations/cities/states/districts → GPE, continents,
water bodies, natural regions and region clusters → LOC, buildings, airports,
paths and sub-facilities → FAC, organization subtypes → ORG, products and works → MISC).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = [
    "ANERCORP_SCHEME",
    "AQMAR_MAP",
    "DOMAINS",
    "LABELS",
    "LOC_TYPES",
    "NEWSFANE_MAP",
    "bio_spans",
    "map_tags",
    "spans_to_bio",
]

LABELS: tuple[str, ...] = ("PERS", "ORG", "GPE", "LOC", "FAC", "NORP", "OCC", "MISC")
LOC_TYPES: tuple[str, ...] = ("GPE", "LOC", "FAC")

ANERCORP_SCHEME: dict[str, str] = {
    "PERS": "PERS",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "O",
    "OCC": "O",
}

AQMAR_MAP: dict[str, str] = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG", "MIS": "MISC"}
DOMAINS: tuple[str, ...] = ("news", "wiki")
"""Whose annotation guidelines the shipped network can tag by: ANERcorp's (news, the default) or AQMAR's (Wikipedia)."""

_PERSON = (
    "Politician",
    "Athlete",
    "Artist",
    "Other_PER",
    "Religious_PER",
    "Scientist",
    "Businessperson",
    "Lawyer",
    "Engineer",
    "Police",
)
_ORG = (
    "Government",
    "Non-Governmental",
    "Commercial",
    "Educational",
    "Media",
    "Religious_ORG",
    "Sports",
    "Entertainment",
    "Medical-Science",
)
_GPE = ("Nation", "Population-Center", "State-or-Province", "County-or-District")
_LOC = ("Continent", "Water-Body", "Land-Region-Natural", "GPE-Cluster", "Celestial")
_FAC = ("Building-Grounds", "Airport", "Path", "Subarea-Facility", "Plant")
_MISC = (
    "Book",
    "Movie",
    "Software",
    "Hardware",
    "Land",
    "Air",
    "Water",
    "Projectile",
    "Shooting",
    "Food",
    "Drug",
    "Sharp",
    "Blunt",
    "Exploding",
    "Nuclear",
    "Chemical",
    "Biological",
)

NEWSFANE_MAP: dict[str, str] = (
    {c: "PERS" for c in _PERSON}
    | {c: "ORG" for c in _ORG}
    | {c: "GPE" for c in _GPE}
    | {c: "LOC" for c in _LOC}
    | {c: "FAC" for c in _FAC}
    | {c: "MISC" for c in _MISC}
    | {"Group": "NORP"}
)


def map_tags(tags: Sequence[str], mapping: Mapping[str, str]) -> list[str]:
    """Map the types of BIO tags; a type mapped to ``O`` (or unknown) becomes ``O``.

    Examples:
        >>> map_tags(["B-GPE", "I-GPE", "B-NORP", "O"], ANERCORP_SCHEME)
        ['B-LOC', 'I-LOC', 'O', 'O']
    """
    out = []
    for t in tags:
        if t == "O" or "-" not in t:
            out.append("O")
            continue
        new = mapping.get(t[2:], "O")
        out.append("O" if new == "O" else t[:2] + new)
    return out


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, type)`` of a BIO sequence (CoNLL-2003 reading).

    An ``I-`` tag that does not continue an entity of its type starts one.

    Examples:
        >>> bio_spans(["B-PERS", "I-PERS", "O", "I-GPE", "B-GPE"])
        [(0, 2, 'PERS'), (3, 4, 'GPE'), (4, 5, 'GPE')]
    """
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ):
            if typ:
                out.append((start, i, typ))
            start, typ = (i, t[2:]) if t != "O" else (-1, "")
    return out


def spans_to_bio(n: int, spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """BIO tags of length ``n`` from non-overlapping token spans.

    Examples:
        >>> spans_to_bio(4, [(1, 3, "ORG")])
        ['O', 'B-ORG', 'I-ORG', 'O']
    """
    tags = ["O"] * n
    for s, e, typ in spans:
        tags[s] = "B-" + typ
        for i in range(s + 1, e):
            tags[i] = "I-" + typ
    return tags
