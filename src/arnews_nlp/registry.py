"""Registry of stage factories: namespaced, versioned names with requires/assigns.

A factory is registered once under a name such as ``"arnews.tokenizer.v1"``;
the behaviour behind a released name never changes (a new behaviour gets a
``.v2``). Third-party packages add factories through the entry-point group
``arnews_nlp.stages``, loaded only when a name is not found.

Examples:
    >>> from arnews_nlp.doc import Doc
    >>> @stage_factory("example.upper.v1", assigns=("user_data",))
    ... def make_upper(*, key: str = "upper"):
    ...     def upper(doc: Doc) -> Doc:
    ...         doc.user_data[key] = doc.text.upper()
    ...         return doc
    ...     return upper
    >>> get_factory("example.upper.v1").assigns
    ('user_data',)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

from arnews_nlp.doc import Doc
from arnews_nlp.errors import ConfigError

__all__ = ["ENTRY_POINT_GROUP", "Stage", "StageFactory", "factory_names", "get_factory", "stage_factory"]

ENTRY_POINT_GROUP = "arnews_nlp.stages"
Stage = Callable[[Doc], Doc]


@dataclass(frozen=True, slots=True)
class StageFactory:
    """A registered factory with its declared inputs and outputs."""

    name: str
    func: Callable[..., Stage]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    default_config: dict[str, Any] = field(default_factory=dict)

    def __call__(self, **config: Any) -> Stage:
        """Create the stage, settings merged over the defaults."""
        return self.func(**(self.default_config | config))


_FACTORIES: dict[str, StageFactory] = {}


def stage_factory(
    name: str,
    *,
    requires: tuple[str, ...] = (),
    assigns: tuple[str, ...] = (),
    default_config: dict[str, Any] | None = None,
) -> Callable[[Callable[..., Stage]], Callable[..., Stage]]:
    """Register a stage factory under a namespaced, versioned name."""
    parts = name.split(".")
    if len(parts) < 3 or not parts[-1].startswith("v") or not parts[-1][1:].isdigit():
        raise ConfigError(reason=f"factory name {name!r} must look like 'namespace.name.v1'")

    def wrap(func: Callable[..., Stage]) -> Callable[..., Stage]:
        existing = _FACTORIES.get(name)
        if existing is not None and existing.func is not func:
            raise ConfigError(reason=f"factory {name!r} is already registered; register a new version")
        _FACTORIES[name] = StageFactory(name, func, requires, assigns, dict(default_config or {}))
        return func

    return wrap


def get_factory(name: str) -> StageFactory:
    """Look a factory up, loading entry points of other packages if needed."""
    if name not in _FACTORIES:
        import arnews_nlp.stages  # noqa: F401  (registers the built-in factories)
    if name not in _FACTORIES:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            if ep.name == name:
                ep.load()
    if name not in _FACTORIES:
        raise ConfigError(reason=f"unknown stage factory {name!r}; known: {', '.join(factory_names())}")
    return _FACTORIES[name]


def factory_names() -> list[str]:
    """Names of all registered factories."""
    import arnews_nlp.stages  # noqa: F401

    return sorted(_FACTORIES)
