"""Map backend NER tags to arnews-nlp entities.

The backends tag tokens with BIO (CAMeLBERT NER: ``B-PERS``, ``I-LOC`` …) or BIOES
(stanza: ``S-PER``, ``E-ORG`` …) tags over their own label sets. This module
decodes the tags into token ranges and maps the backend labels onto ours
(``PERS, ORG, GPE, LOC, FAC, NORP, OCC, MISC``).

Neither backend separates geo-political entities from other locations: their
``LOC`` covers countries and cities (most of them in news text) as well as seas,
rivers and regions. Both map ``LOC`` to ``GPE``; pass your own ``label_map`` to
change that.

Examples:
    >>> decode_tags(["B-PERS", "I-PERS", "O", "B-LOC", "B-LOC", "I-ORG"])
    [(0, 2, 'PERS'), (3, 4, 'LOC'), (4, 5, 'LOC'), (5, 6, 'ORG')]
    >>> decode_tags(["S-PER", "O", "B-ORG", "I-ORG", "E-ORG"])
    [(0, 1, 'PER'), (2, 5, 'ORG')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

__all__ = ["CAMEL_LABEL_MAP", "OUR_LABELS", "STANZA_LABEL_MAP", "decode_tags", "map_label"]

OUR_LABELS = frozenset({"PERS", "ORG", "GPE", "LOC", "FAC", "NORP", "OCC", "MISC"})

# CAMeLBERT NER (camel-tools ``NERecognizer``), trained on ANERcorp.
CAMEL_LABEL_MAP: Mapping[str, str] = MappingProxyType({"PERS": "PERS", "ORG": "ORG", "LOC": "GPE", "MISC": "MISC"})
# stanza's Arabic NER model, trained on AQMAR (Arabic Wikipedia).
STANZA_LABEL_MAP: Mapping[str, str] = MappingProxyType(
    {"PER": "PERS", "PERSON": "PERS", "ORG": "ORG", "LOC": "GPE", "GPE": "GPE", "MISC": "MISC"}
)


def _split(tag: str) -> tuple[str, str]:
    """Split ``B-PERS`` into ``("B", "PERS")``; ``O`` and the empty tag give ``("O", "")``."""
    if not tag or tag == "O" or "-" not in tag:
        return "O", ""
    prefix, _, label = tag.partition("-")
    prefix = prefix.upper()
    if prefix not in {"B", "I", "E", "S"} or not label:
        return "O", ""
    return prefix, label


def decode_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Decode BIO / IOB1 / BIOES tags into ``(first, stop, label)`` token ranges.

    ``I-`` after ``O`` or after another label starts a new entity (IOB1
    tolerance); ``E-`` closes the entity it continues; ``S-`` is a one-token
    entity. Unknown tags count as ``O``.

    Args:
        tags: One tag per token.

    Returns:
        Token index ranges (``stop`` exclusive) with the backend's label.

    Examples:
        >>> decode_tags(["I-PERS", "I-PERS", "E-PERS", "I-LOC"])
        [(0, 3, 'PERS'), (3, 4, 'LOC')]
        >>> decode_tags(["O", "X-FOO", "B-"])
        []
    """
    out: list[tuple[int, int, str]] = []
    current: tuple[int, str] | None = None
    for i, tag in enumerate(tags):
        prefix, label = _split(tag)
        continues = current is not None and current[1] == label and prefix in {"I", "E"}
        if current is not None and not continues:
            out.append((current[0], i, current[1]))
            current = None
        if prefix == "O":
            continue
        if prefix == "S":
            out.append((i, i + 1, label))
        elif prefix == "E":
            start = current[0] if current is not None else i
            out.append((start, i + 1, label))
            current = None
        elif current is None:
            current = (i, label)
    if current is not None:
        out.append((current[0], len(tags), current[1]))
    return out


def map_label(label: str, label_map: Mapping[str, str]) -> str | None:
    """Map a backend label to ours; ``None`` when the map has no entry for it.

    Examples:
        >>> map_label("LOC", CAMEL_LABEL_MAP), map_label("DATE", CAMEL_LABEL_MAP)
        ('GPE', None)
    """
    mapped = label_map.get(label)
    if mapped is None or mapped not in OUR_LABELS:
        return None
    return mapped
