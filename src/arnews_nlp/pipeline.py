"""The processing pipeline: named ``Doc -> Doc`` stages run in the user's order.

Examples:
    >>> nlp = Pipeline.from_config({"stages": [
    ...     {"name": "sentencizer", "factory": "arnews.sentencizer.v1"},
    ...     {"name": "tokenizer", "factory": "arnews.tokenizer.v1"}]})
    >>> doc = nlp("وصل الوزير إلى الرياض. ثم عقد اجتماعاً.")
    >>> len(doc.sentences), len(doc.tokens)
    (2, 9)
    >>> nlp.pipe_names
    ['sentencizer', 'tokenizer']
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from arnews_nlp.doc import Doc
from arnews_nlp.errors import ArnewsError, ConfigError, EmptyInputError, NonArabicInputError, PipelineError
from arnews_nlp.io.article import doc_from_record, parse_date, parse_text
from arnews_nlp.registry import Stage, get_factory

__all__ = ["BASE_ATTRIBUTES", "ErrorHandler", "Pipeline", "StageSpec", "ignore_error", "raise_error"]

logger = logging.getLogger(__name__)

# What the reader sets before any stage runs.
BASE_ATTRIBUTES = frozenset({"text", "id", "title", "published", "source", "tags", "zones", "meta"})
_LETTERS = regex.compile(r"\p{L}+")
_ARABIC = regex.compile(r"\p{Script=Arabic}+")

ErrorHandler = Callable[[str, Stage, list[Doc], Exception], None]


def raise_error(name: str, stage: Stage, docs: list[Doc], error: Exception) -> None:
    """Default error handler: re-raise (wrapped in PipelineError unless already ours)."""
    if isinstance(error, ArnewsError):
        raise error
    raise PipelineError(stage=name, reason=f"{type(error).__name__}: {error}") from error


def ignore_error(name: str, stage: Stage, docs: list[Doc], error: Exception) -> None:
    """Error handler for dumps: log and skip the document."""
    logger.warning("stage %s failed on %s: %s", name, [d.id for d in docs], error)


@dataclass(slots=True)
class StageSpec:
    """A stage in the pipeline, with how it was made (for ``to_config``)."""

    name: str
    stage: Stage
    factory: str | None = None
    config: dict[str, Any] = field(default_factory=dict)
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


class Pipeline:
    """An ordered list of named stages plus the article reader.

    Args:
        min_arabic_ratio: Reject texts whose letters are less than this share Arabic.
    """

    def __init__(self, *, min_arabic_ratio: float = 0.3) -> None:
        if not 0.0 <= min_arabic_ratio <= 1.0:
            raise ConfigError(reason="min_arabic_ratio must be between 0 and 1")
        self.min_arabic_ratio = min_arabic_ratio
        self._stages: list[StageSpec] = []

    # -- composition -----------------------------------------------------------------
    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Pipeline:
        """Build from ``{"min_arabic_ratio": .., "stages": [{"name", "factory", "config"}]}``."""
        unknown = set(config) - {"stages", "min_arabic_ratio"}
        if unknown:
            raise ConfigError(reason=f"unknown pipeline settings {sorted(unknown)}")
        nlp = cls(min_arabic_ratio=float(config.get("min_arabic_ratio", 0.3)))
        for item in config.get("stages", []):
            if not isinstance(item, Mapping) or "factory" not in item:
                raise ConfigError(reason=f"each stage needs a 'factory': {item!r}")
            nlp.add_pipe(item["factory"], name=item.get("name"), config=dict(item.get("config", {})), check=False)
        nlp.check()
        return nlp

    def to_config(self) -> dict[str, Any]:
        """The pipeline as a serializable dict (stages added as bare callables are marked)."""
        return {
            "min_arabic_ratio": self.min_arabic_ratio,
            "stages": [
                {"name": s.name, "factory": s.factory or "<callable>", "config": dict(s.config)}
                for s in self._stages
            ],
        }

    @property
    def pipe_names(self) -> list[str]:
        """Names of the stages, in order."""
        return [s.name for s in self._stages]

    def get_pipe(self, name: str) -> Stage:
        """The stage called ``name``."""
        return self._spec(name).stage

    def add_pipe(
        self,
        factory: str | Stage,
        *,
        name: str | None = None,
        before: str | None = None,
        after: str | None = None,
        config: dict[str, Any] | None = None,
        requires: tuple[str, ...] = (),
        assigns: tuple[str, ...] = (),
        check: bool = True,
    ) -> Stage:
        """Add a stage from a registered factory name or a ``Doc -> Doc`` callable."""
        if isinstance(factory, str):
            fac = get_factory(factory)
            spec = StageSpec(
                name or factory.split(".")[-2],
                fac(**(config or {})),
                factory,
                dict(config or {}),
                fac.requires,
                fac.assigns,
            )
        elif callable(factory):
            if config:
                raise ConfigError(reason="config is only for factory names; configure the callable yourself")
            label = name or str(getattr(factory, "__name__", type(factory).__name__))
            spec = StageSpec(
                label,
                factory,
                None,
                {},
                requires or tuple(getattr(factory, "requires", ())),
                assigns or tuple(getattr(factory, "assigns", ())),
            )
        else:
            raise ConfigError(reason=f"add_pipe takes a factory name or a callable, not {type(factory).__name__}")
        if spec.name in self.pipe_names:
            raise ConfigError(reason=f"a stage named {spec.name!r} already exists")
        if before is not None and after is not None:
            raise ConfigError(reason="give before= or after=, not both")
        index = len(self._stages)
        if before is not None:
            index = self.pipe_names.index(self._spec(before).name)
        elif after is not None:
            index = self.pipe_names.index(self._spec(after).name) + 1
        self._stages.insert(index, spec)
        if check:
            try:
                self.check()
            except ConfigError:
                self._stages.pop(index)
                raise
        return spec.stage

    def remove_pipe(self, name: str) -> Stage:
        """Remove and return the stage called ``name``."""
        spec = self._spec(name)
        self._stages.remove(spec)
        return spec.stage

    def replace_pipe(self, name: str, factory: str | Stage, *, config: dict[str, Any] | None = None) -> Stage:
        """Replace the stage called ``name`` in place."""
        index = self.pipe_names.index(self._spec(name).name)
        old = self._stages.pop(index)
        try:
            following = self.pipe_names[index] if index < len(self._stages) else None
            if following is None:
                return self.add_pipe(factory, name=name, config=config)
            return self.add_pipe(factory, name=name, config=config, before=following)
        except Exception:
            self._stages.insert(index, old)
            raise

    def check(self) -> None:
        """Raise one ConfigError listing every stage whose requirements come from no earlier stage."""
        available = set(BASE_ATTRIBUTES)
        missing = []
        for spec in self._stages:
            lacking = [r for r in spec.requires if r not in available]
            if lacking:
                missing.append(f"{spec.name!r} requires {', '.join(lacking)}")
            available.update(spec.assigns)
        if missing:
            raise ConfigError(reason="; ".join(missing) + " (add the stages that assign them before it)")

    def _spec(self, name: str) -> StageSpec:
        for spec in self._stages:
            if spec.name == name:
                return spec
        raise ConfigError(reason=f"no stage named {name!r}; stages: {self.pipe_names}")

    # -- processing ------------------------------------------------------------------
    def make_doc(self, obj: str | Mapping[str, Any] | Doc, *, published: Any = None, id: str | None = None) -> Doc:
        """Read ``obj`` (plain text, JSON record or Doc) into a validated Doc; runs no stage."""
        pub = parse_date(published)
        if isinstance(obj, Doc):
            doc = obj
        elif isinstance(obj, str):
            doc = parse_text(obj, published=pub, doc_id=id)
        elif isinstance(obj, Mapping):
            doc = doc_from_record(obj)
            if pub is not None:
                doc.published = pub
            if id is not None:
                doc.id = id
        else:
            raise ConfigError(reason=f"cannot process an object of type {type(obj).__name__}")
        self._validate_text(doc.text)
        return doc

    def _validate_text(self, text: str) -> None:
        if not text.strip():
            raise EmptyInputError()
        letters = sum(map(len, _LETTERS.findall(text)))
        arabic = sum(map(len, _ARABIC.findall(text)))
        ratio = arabic / letters if letters else 0.0
        if ratio < self.min_arabic_ratio:
            raise NonArabicInputError(ratio=ratio)

    def __call__(
        self,
        obj: str | Mapping[str, Any] | Doc,
        *,
        published: str | dt.date | None = None,
        id: str | None = None,
        disable: Iterable[str] = (),
    ) -> Doc:
        """Process one article (text, record or Doc) through every enabled stage."""
        doc = self.make_doc(obj, published=published, id=id)
        return self._run(doc, frozenset(disable), raise_error)

    def _run(self, doc: Doc, disabled: frozenset[str], handler: ErrorHandler) -> Doc:
        unknown = disabled - set(self.pipe_names)
        if unknown:
            raise ConfigError(reason=f"cannot disable unknown stages {sorted(unknown)}")
        for spec in self._stages:
            if spec.name in disabled:
                continue
            try:
                doc = spec.stage(doc)
            except Exception as exc:
                handler(spec.name, spec.stage, [doc], exc)
                break
        return doc

    def pipe(
        self,
        items: Iterable[Any],
        *,
        n_process: int = 1,
        batch_size: int = 16,
        disable: Iterable[str] = (),
        error_handler: ErrorHandler = raise_error,
    ) -> Iterator[Doc]:
        """Process many articles, yielding Docs in input order.

        With ``n_process > 1`` the pipeline is pickled once to each worker process.
        """
        disabled = frozenset(disable)
        if n_process <= 1:
            for item in items:
                yield self._run(self.make_doc(item), disabled, error_handler)
            return
        from arnews_nlp.parallel import ordered_map

        yield from ordered_map(self, items, n_process=n_process, chunksize=batch_size, disabled=disabled)
