"""Event extraction: typed events (MEETING, VISIT, MEMBERSHIP, AGREEMENT, STATEMENT) from rules as data.

Examples:
    >>> from arnews_nlp.doc import Doc
    >>> from arnews_nlp.events import EventStage, EventRules
    >>> stage = EventStage(rules=EventRules.default())
    >>> doc = stage(Doc("أكد الوزير سامي نور أن المحادثات مستمرة."))
    >>> [(e.type, e.cameo) for e in doc.events]
    [('STATEMENT', '010')]
"""

from arnews_nlp.events.rules import EventRules, EventTypeSpec, Lexicon, RoleCue, TriggerPattern
from arnews_nlp.events.stage import EventStage

__all__ = ["EventRules", "EventStage", "EventTypeSpec", "Lexicon", "RoleCue", "TriggerPattern"]
