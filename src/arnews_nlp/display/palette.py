"""Colours and Arabic names for entity labels, event types and roles.

One place decides how each label looks, so the highlighted text, the legend
and the event cards agree. Colours are light backgrounds that keep dark text
readable (contrast ratio above 7:1 against ``#1b1b1b``).

Examples:
    >>> label_colour("PERS")
    '#ffd8a8'
    >>> label_colour("SOMETHING_NEW")  # unknown labels get a stable fallback colour
    '#e9ecef'
    >>> LABEL_NAMES["GPE"]
    'كيان سياسي'
"""

from __future__ import annotations

__all__ = [
    "DATE_COLOUR",
    "EVENT_COLOURS",
    "EVENT_NAMES",
    "FALLBACK_COLOUR",
    "LABEL_COLOURS",
    "LABEL_NAMES",
    "ROLE_NAMES",
    "event_colour",
    "label_colour",
]

LABEL_COLOURS: dict[str, str] = {
    "PERS": "#ffd8a8",
    "ORG": "#a5d8ff",
    "GPE": "#b2f2bb",
    "LOC": "#c3fae8",
    "FAC": "#d0bfff",
    "NORP": "#fcc2d7",
    "OCC": "#ffec99",
    "MISC": "#dee2e6",
    "DATE": "#99e9f2",
    "NUM": "#e6fcf5",
}

LABEL_NAMES: dict[str, str] = {
    "PERS": "شخص",
    "ORG": "منظمة",
    "GPE": "كيان سياسي",
    "LOC": "مكان",
    "FAC": "منشأة",
    "NORP": "جنسية أو جماعة",
    "OCC": "منصب",
    "MISC": "أخرى",
    "DATE": "تاريخ",
    "NUM": "عدد",
}

DATE_COLOUR = LABEL_COLOURS["DATE"]
FALLBACK_COLOUR = "#e9ecef"

EVENT_COLOURS: dict[str, str] = {
    "MEETING": "#1971c2",
    "VISIT": "#2f9e44",
    "MEMBERSHIP": "#9c36b5",
    "AGREEMENT": "#e8590c",
    "STATEMENT": "#c2255c",
}

EVENT_NAMES: dict[str, str] = {
    "MEETING": "اجتماع",
    "VISIT": "زيارة",
    "MEMBERSHIP": "عضوية",
    "AGREEMENT": "اتفاق",
    "STATEMENT": "تصريح",
}

ROLE_NAMES: dict[str, str] = {
    "host": "المضيف",
    "participant": "مشارك",
    "location": "المكان",
    "date": "التاريخ",
    "visitor": "الزائر",
    "destination": "الوجهة",
    "member": "العضو",
    "organization": "المنظمة",
    "member_number": "رقم العضوية",
    "party": "طرف",
    "agreement": "الاتفاق",
    "speaker": "المتحدث",
    "content": "المضمون",
    "channel": "الوسيلة",
}


def label_colour(label: str) -> str:
    """Background colour of a highlighted span with this label (entities, ``DATE``, ``NUM``).

    Examples:
        >>> label_colour("ORG")
        '#a5d8ff'
    """
    return LABEL_COLOURS.get(label, FALLBACK_COLOUR)


def event_colour(event_type: str) -> str:
    """Accent colour of an event type (trigger underline and card border).

    Examples:
        >>> event_colour("VISIT")
        '#2f9e44'
        >>> event_colour("PROTEST")  # a type added by a user's rule file
        '#495057'
    """
    return EVENT_COLOURS.get(event_type, "#495057")
