"""arnews-nlp: structured, verifiable facts from Arabic news articles.

Examples:
    >>> import arnews_nlp
    >>> nlp = arnews_nlp.load()            # doctest: +SKIP
    >>> doc = nlp("وصل وزير الخارجية إلى الرياض أمس.", published="2026-02-10")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Doc",
    "Document",
    "Pipeline",
    "__version__",
    "load",
    "normalize",
    "to_document",
]

if TYPE_CHECKING:
    from arnews_nlp.doc import Doc
    from arnews_nlp.loading import load
    from arnews_nlp.normalize import normalize
    from arnews_nlp.pipeline import Pipeline
    from arnews_nlp.schemas import Document, to_document

_LAZY = {
    "Doc": "arnews_nlp.doc",
    "Document": "arnews_nlp.schemas",
    "Pipeline": "arnews_nlp.pipeline",
    "load": "arnews_nlp.loading",
    "normalize": "arnews_nlp.normalize",
    "to_document": "arnews_nlp.schemas",
}


def __getattr__(name: str) -> Any:
    """Import public names on first use, so ``import arnews_nlp`` stays fast and loads no model."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'arnews_nlp' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
