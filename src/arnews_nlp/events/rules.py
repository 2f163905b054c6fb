"""Event rules as data: trigger patterns, event-type frames and lexicons.

Rules live in three files of a rules directory (the default one ships in
``arnews_nlp/resources/events/``):

* ``triggers.jsonl``: one :class:`TriggerPattern` per line;
* ``types.json``: a list of :class:`EventTypeSpec` (roles, cues, CAMEO codes);
* ``lexicon.json``: a :class:`Lexicon` (titles, channels, skip-speakers, ...).

All three are validated with pydantic when loaded, so a user can add an event
type or a trigger by editing data only, the way spaCy's ``SpanRuler`` keeps its
patterns.

Examples:
    >>> rules = EventRules.default()
    >>> "STATEMENT" in rules.labels and len(rules) > 20
    True
    >>> extra = TriggerPattern(label="STATEMENT", forms=["ألمح"], kind="verb", cameo="010")
    >>> n = len(rules)
    >>> rules.add_patterns([extra])
    >>> len(rules) == n + 1
    True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from arnews_nlp.errors import ResourceNotFoundError, RuleFileError, warn
from arnews_nlp.normalize.charsets import fold

__all__ = [
    "EventRules",
    "EventTypeSpec",
    "Lexicon",
    "RoleCue",
    "TriggerPattern",
]

TriggerKind = Literal["verb", "participle", "noun"]

_DEFAULT_PREFIXES: dict[str, list[str]] = {
    "verb": ["", "و", "ف"],
    "participle": ["", "و"],
    "noun": ["", "و", "ب", "ل", "وب", "ول", "ك", "لل"],
}


def _fold_phrase(text: str) -> str:
    return " ".join(fold(w) for w in text.split())


class TriggerPattern(BaseModel):
    """One trigger: surface forms of a word or phrase that signal an event.

    Forms are matched on folded text (see :func:`arnews_nlp.normalize.charsets.fold`)
    after one of ``prefixes`` (proclitics) on the first word. ``strip_prefixes``
    lists the proclitics left out of the trigger span (``بـ`` in ``بانضمام``).

    Attributes:
        label: Event type (``MEETING`` …, or a new one declared in ``types.json``).
        forms: Surface forms; a form may be several words (``مذكرة تفاهم``).
        kind: ``verb`` (subject after or before it), ``participle`` (continues the
            clause subject: ``قائلاً``) or ``noun`` (complement after it: ``زيارة الرئيس``).
        cameo: CAMEO code of events with this trigger (else the type's code).
        modifiers: Words that extend the trigger span (``اجتماعاً طارئاً``).
        not_followed_by: Words that cancel the trigger (``مؤتمر صحفي`` is a channel, not a meeting).
        subject_role / object_role / genitive_role: Roles of the verb's subject and
            object, and of the noun's complement.
        cues: Extra :class:`RoleCue` for this trigger only (``التقى … بـ``).
        continues_speaker: Without an explicit speaker, the last speaker speaks (``وأضاف``).
        intro_required: Statement content must follow ``أن``/``على``/``إلى``/``:`` (``شدد على``).
        relay: ``نقلت الوكالة عن الوزير قوله …``: the speaker follows ``عن``, the relaying
            agency (after ``نقلت``) is the channel.
        possessive: The noun carries a possessive pronoun (``لقائه``): its owner is the
            speaker or subject of the sentence and takes the ``genitive_role`` too.
        confidence: Confidence given to events of this trigger.
    """

    model_config = ConfigDict(extra="forbid")

    label: str = Field(min_length=1)
    forms: list[str] = Field(min_length=1)
    kind: TriggerKind = "verb"
    cameo: str | None = None
    prefixes: list[str] | None = None
    strip_prefixes: list[str] = Field(default_factory=list)
    modifiers: list[str] = Field(default_factory=list)
    not_followed_by: list[str] = Field(default_factory=list)
    subject_role: str | None = None
    object_role: str | None = None
    genitive_role: str | None = None
    cues: list[RoleCue] = Field(default_factory=list)
    continues_speaker: bool = False
    intro_required: bool = False
    possessive: bool = False
    relay: bool = False
    confidence: float = Field(default=0.8, ge=0.0, le=1.0)

    @field_validator("forms")
    @classmethod
    def _nonblank(cls, forms: list[str]) -> list[str]:
        if any(not f.strip() for f in forms):
            raise ValueError("trigger forms must not be blank")
        return forms

    def prefix_set(self) -> list[str]:
        """Allowed proclitics (folded), longest first."""
        raw = self.prefixes if self.prefixes is not None else _DEFAULT_PREFIXES[self.kind]
        return sorted({fold(p) for p in raw}, key=len, reverse=True)

    def folded_forms(self) -> list[tuple[str, ...]]:
        """Forms as tuples of folded words."""
        return [tuple(_fold_phrase(f).split()) for f in self.forms]


class RoleCue(BaseModel):
    """A word (or proclitic) after which an argument of ``role`` stands.

    ``target`` says what to grow after the cue: ``party`` (a person,
    organization or country, coordinated lists split), ``place``, ``np`` (any
    noun phrase) or ``number``. ``prefix`` marks a proclitic cue such as ``بـ``.
    """

    model_config = ConfigDict(extra="forbid")

    role: str
    cue: str
    target: Literal["party", "place", "np", "number"] = "party"
    prefix: bool = False
    split: bool = True
    window: int = Field(default=12, ge=1, le=60)


class EventTypeSpec(BaseModel):
    """An event type: its roles, generic cues and CAMEO codes."""

    model_config = ConfigDict(extra="forbid")

    label: str
    roles: list[str]
    cameo: str
    cameo_by_role: dict[str, str] = Field(default_factory=dict)
    cues: list[RoleCue] = Field(default_factory=list)
    required: list[str] = Field(default_factory=list)
    required_all: list[str] = Field(default_factory=list)
    core_roles: list[str] = Field(default_factory=list)
    trigger_role: str | None = None
    subject_verbs: dict[str, str] = Field(default_factory=dict)
    window_before: int = Field(default=6, ge=0)
    window_after: int = Field(default=25, ge=1)


class Lexicon(BaseModel):
    """Word lists the argument finders use (all matched on folded text)."""

    model_config = ConfigDict(extra="forbid")

    titles: list[str] = Field(default_factory=list)
    org_heads: list[str] = Field(default_factory=list)
    place_heads: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    name_particles: list[str] = Field(default_factory=list)
    skip_speakers: list[str] = Field(default_factory=list)
    pronouns: list[str] = Field(default_factory=list)
    stop_words: list[str] = Field(default_factory=list)
    complementizers: list[str] = Field(default_factory=list)
    negators: list[str] = Field(default_factory=list)
    hypotheticals: list[str] = Field(default_factory=list)
    channels: list[str] = Field(default_factory=list)
    platforms: list[str] = Field(default_factory=list)
    agencies: list[str] = Field(default_factory=list)
    content_stops: list[str] = Field(default_factory=list)
    anaphors: list[str] = Field(default_factory=list)
    distinct_modifiers: list[str] = Field(
        default_factory=list,
        description="Words after a definite trigger that name another event (الاجتماع المقبل): never merged.",
    )
    ordinals: dict[str, int] = Field(default_factory=dict)
    weekdays: dict[str, int] = Field(default_factory=dict)
    months: dict[str, int] = Field(default_factory=dict)
    day_parts: list[str] = Field(default_factory=list)
    light_verbs: list[str] = Field(default_factory=list)
    host_verbs: list[str] = Field(default_factory=list)
    purpose_markers: list[str] = Field(default_factory=list)
    clause_verbs: list[str] = Field(default_factory=list)
    invite_words: list[str] = Field(default_factory=list)
    relay_words: list[str] = Field(default_factory=list)
    relay_verbs: list[str] = Field(default_factory=list)

    def folded(self, name: str) -> frozenset[str]:
        """A folded set view of one list field (``self.folded("titles")``)."""
        values = getattr(self, name)
        if isinstance(values, dict):
            return frozenset(_fold_phrase(v) for v in values)
        return frozenset(_fold_phrase(v) for v in values)


TriggerPattern.model_rebuild()


def _read_jsonl(path: Path) -> list[TriggerPattern]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            out.append(TriggerPattern.model_validate_json(line))
        except ValueError as exc:  # pydantic.ValidationError is a ValueError
            raise RuleFileError(path=f"{path}:{n}", reason=f"invalid trigger pattern: {exc}") from exc
    return out


class EventRules:
    """Trigger patterns, event-type specs and lexicons for :class:`EventStage`.

    Args:
        patterns: Trigger patterns.
        types: Event-type specs (roles, cues, CAMEO codes).
        lexicon: Word lists.
    """

    TRIGGERS = "triggers.jsonl"
    TYPES = "types.json"
    LEXICON = "lexicon.json"

    def __init__(
        self,
        patterns: Iterable[TriggerPattern] = (),
        *,
        types: Iterable[EventTypeSpec] = (),
        lexicon: Lexicon | None = None,
    ) -> None:
        self.patterns: list[TriggerPattern] = list(patterns)
        self.types: dict[str, EventTypeSpec] = {t.label: t for t in types}
        self.lexicon = lexicon if lexicon is not None else Lexicon()

    # -- SpanRuler-like API -------------------------------------------------
    def __len__(self) -> int:
        return len(self.patterns)

    @property
    def labels(self) -> tuple[str, ...]:
        """Event types that have at least one trigger pattern, sorted."""
        return tuple(sorted({p.label for p in self.patterns}))

    def add_patterns(self, patterns: Sequence[TriggerPattern | dict[str, object]]) -> None:
        """Add trigger patterns (models or plain dicts validated on the way in)."""
        for p in patterns:
            self.patterns.append(p if isinstance(p, TriggerPattern) else TriggerPattern.model_validate(p))

    def add_type(self, spec: EventTypeSpec | dict[str, object]) -> None:
        """Add or replace an event-type spec."""
        model = spec if isinstance(spec, EventTypeSpec) else EventTypeSpec.model_validate(spec)
        self.types[model.label] = model

    def spec(self, label: str) -> EventTypeSpec:
        """The spec of ``label`` (a bare spec with no roles when none was given)."""
        found = self.types.get(label)
        if found is None:
            return EventTypeSpec(label=label, roles=[], cameo="010")
        return found

    def require_patterns(self) -> bool:
        """Warn (``W001``) and return False when there are no trigger patterns."""
        if not self.patterns:
            warn("W001", "Load rules with EventRules.default() or EventRules.from_disk(path).", stacklevel=3)
            return False
        return True

    # -- serialization ------------------------------------------------------
    def to_disk(self, path: str | Path) -> None:
        """Write the rules directory (``triggers.jsonl``, ``types.json``, ``lexicon.json``)."""
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        lines = [p.model_dump_json(exclude_defaults=True) for p in self.patterns]
        (out / self.TRIGGERS).write_text("\n".join(lines) + "\n", encoding="utf-8")
        types = [t.model_dump(exclude_defaults=True) for t in self.types.values()]
        (out / self.TYPES).write_text(json.dumps(types, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        lex = self.lexicon.model_dump(exclude_defaults=True)
        (out / self.LEXICON).write_text(json.dumps(lex, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def from_disk(cls, path: str | Path) -> EventRules:
        """Read a rules directory; missing ``types.json``/``lexicon.json`` mean empty ones."""
        root = Path(path)
        trig = root / cls.TRIGGERS
        if not trig.is_file():
            raise ResourceNotFoundError(name=cls.TRIGGERS, searched=str(root))
        patterns = _read_jsonl(trig)
        types: list[EventTypeSpec] = []
        lexicon = Lexicon()
        try:
            if (root / cls.TYPES).is_file():
                raw = json.loads((root / cls.TYPES).read_text(encoding="utf-8"))
                types = [EventTypeSpec.model_validate(t) for t in raw]
            if (root / cls.LEXICON).is_file():
                lexicon = Lexicon.model_validate_json((root / cls.LEXICON).read_text(encoding="utf-8"))
        except ValueError as exc:  # JSON syntax or pydantic validation
            raise RuleFileError(path=str(root), reason=str(exc)) from exc
        return cls(patterns, types=types, lexicon=lexicon)

    @classmethod
    def default(cls) -> EventRules:
        """The rules shipped in ``arnews_nlp/resources/events/``."""
        base = resources.files("arnews_nlp.resources").joinpath("events")
        with resources.as_file(base) as path:
            return cls.from_disk(path)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.patterns, list(self.types.values()), self.lexicon))


def _rebuild(patterns: list[TriggerPattern], types: list[EventTypeSpec], lexicon: Lexicon) -> EventRules:
    return EventRules(patterns, types=types, lexicon=lexicon)
