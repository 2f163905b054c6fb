"""HTML display of documents: Jupyter ``_repr_html_`` and ``arnews render``.

Examples:
    >>> from arnews_nlp.schemas import Document
    >>> "arnews-doc" in render_html(Document(text="نص"))
    True
"""

from arnews_nlp.display.palette import EVENT_COLOURS, EVENT_NAMES, LABEL_COLOURS, LABEL_NAMES, ROLE_NAMES
from arnews_nlp.display.render import CAMEO_NAMES, render_html, render_page

__all__ = [
    "CAMEO_NAMES",
    "EVENT_COLOURS",
    "EVENT_NAMES",
    "LABEL_COLOURS",
    "LABEL_NAMES",
    "ROLE_NAMES",
    "render_html",
    "render_page",
]
