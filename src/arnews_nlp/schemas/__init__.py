"""Pydantic v2 export schemas (JSON, JSON Lines); the internal model stays in ``arnews_nlp.doc``."""

from arnews_nlp.schemas.document import SCHEMA_VERSION, Document, ErrorInfo, ErrorRecord, to_document
from arnews_nlp.schemas.events import BUILTIN_ROLES, ArgumentOut, EventOut, TriggerOut
from arnews_nlp.schemas.spans import DateOut, EntityOut, NumberOut, SentenceOut, TokenOut, ZoneOut

__all__ = [
    "BUILTIN_ROLES",
    "SCHEMA_VERSION",
    "ArgumentOut",
    "DateOut",
    "Document",
    "EntityOut",
    "ErrorInfo",
    "ErrorRecord",
    "EventOut",
    "NumberOut",
    "SentenceOut",
    "TokenOut",
    "TriggerOut",
    "ZoneOut",
    "to_document",
]
