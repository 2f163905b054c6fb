"""stanza backend: Arabic NER (AQMAR model) through ``stanza.Pipeline``.

Construction only checks that stanza is installed and that its model folder
holds the Arabic models; stanza is imported and the pipeline built on the first
document, always with ``download_method=None`` so that stanza never goes to the
network. Importing stanza attaches a ``StreamHandler`` to the ``stanza`` logger
(stanza's own ``__init__``); that happens on the first document, not before.

Two modes:

* raw (default): stanza tokenizes each sentence itself (``tokenize,mwt,ner``);
  its tokens are aligned back to ``doc.text`` with
  :func:`~arnews_nlp.backends.align.align_tokens`.
* ``pretokenized=True``: stanza tags our own ``doc.tokens``
  (``tokenize_pretokenized=True``), so every tag maps to a token with exact
  offsets and stanza's tokenizer model is not needed.

stanza's tags are BIOES over ``PER, LOC, ORG, MISC``, mapped by
:data:`~arnews_nlp.backends.labels.STANZA_LABEL_MAP`.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from arnews_nlp.backends.align import align_tokens
from arnews_nlp.backends.availability import STANZA_PIP, require_module, stanza_resources_dir
from arnews_nlp.backends.labels import STANZA_LABEL_MAP, decode_tags, map_label
from arnews_nlp.backends.spans import canonical_form, sentence_windows, trim_proclitics
from arnews_nlp.doc import Doc, Entity
from arnews_nlp.errors import BackendUnavailableError

__all__ = ["StanzaNERStage", "entities_from_tags", "stanza_install_command"]


def stanza_install_command(processors: str, model_dir: Path | None = None) -> str:
    """The shell command that downloads stanza's Arabic models.

    Examples:
        >>> print(stanza_install_command("tokenize,mwt,ner"))
        python -c "import stanza; stanza.download('ar', processors='tokenize,mwt,ner')"
    """
    where = f", model_dir={str(model_dir)!r}" if model_dir is not None else ""
    return f"python -c \"import stanza; stanza.download('ar', processors={processors!r}{where})\""


def entities_from_tags(
    doc: Doc,
    spans: Sequence[tuple[int, int]],
    tags: Sequence[str],
    label_map: Mapping[str, str],
) -> list[Entity]:
    """Turn one sentence's token spans and BIO/BIOES tags into entities on ``doc``.

    Examples:
        >>> doc = Doc("التقى محمد علي في بيروت")
        >>> ents = entities_from_tags(doc, [(0, 5), (6, 10), (11, 14), (15, 17), (18, 23)],
        ...                           ["O", "B-PER", "E-PER", "O", "S-LOC"], STANZA_LABEL_MAP)
        >>> [(e.label, doc.text[e.start:e.end]) for e in ents]
        [('PERS', 'محمد علي'), ('GPE', 'بيروت')]
    """
    if len(spans) != len(tags):
        raise ValueError(f"{len(spans)} token spans but {len(tags)} tags")
    out = []
    for first, stop, label in decode_tags(tags):
        ours = map_label(label, label_map)
        if ours is None:
            continue
        start, end = trim_proclitics(doc, spans[first][0], spans[stop - 1][1])
        out.append(Entity(start, end, ours, canonical_form(doc.text[start:end])))
    return out


class StanzaNERStage:
    """Named-entity recognition with stanza's Arabic pipeline.

    Args:
        model_dir: stanza's resources folder (the one holding ``resources.json``
            and ``ar/``). ``None`` uses ``$STANZA_RESOURCES_DIR`` or stanza's default.
        label_map: stanza label -> our label; labels it lacks are dropped.
        pretokenized: Tag our own ``doc.tokens`` instead of stanza's tokens.
        use_gpu: Let stanza use a GPU when torch sees one.
        pipeline_options: More keyword arguments for ``stanza.Pipeline`` (e.g.
            ``ner_model_path``, ``ner_pretrain_path``, ``package``); they override
            ours. ``download_method`` is not allowed: it is always ``None``.

    Raises:
        BackendUnavailableError: stanza or its Arabic models are not installed.
    """

    name = "arnews.ner.stanza.v1"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("entities",)

    def __init__(
        self,
        model_dir: str | Path | None = None,
        *,
        label_map: Mapping[str, str] | None = None,
        pretokenized: bool = False,
        use_gpu: bool = False,
        pipeline_options: Mapping[str, Any] | None = None,
    ) -> None:
        require_module("stanza", "stanza", STANZA_PIP)
        self.model_dir = Path(model_dir).expanduser() if model_dir is not None else stanza_resources_dir()
        self.processors = "tokenize,ner" if pretokenized else "tokenize,mwt,ner"
        self.pretokenized = pretokenized
        if pretokenized:
            self.requires = ("sentences", "tokens")
        self.label_map = dict(label_map if label_map is not None else STANZA_LABEL_MAP)
        self.use_gpu = use_gpu
        self.pipeline_options = dict(pipeline_options or {})
        if "download_method" in self.pipeline_options:
            raise ValueError("download_method is always None: arnews-nlp never lets stanza download")
        self._check_models(explicit=model_dir is not None)
        self._pipeline: Any = None

    def _check_models(self, *, explicit: bool) -> None:
        options = self.pipeline_options
        no_tokenizer = self.pretokenized or options.get("tokenize_pretokenized", False)
        needed = ["ner"] if no_tokenizer else ["tokenize", "ner"]
        resources = self.model_dir / "resources.json"
        missing = [] if resources.is_file() else [str(resources)]
        for proc in needed:
            if f"{proc}_model_path" in options:
                path = Path(options[f"{proc}_model_path"])
                if not path.is_file():
                    missing.append(str(path))
                continue
            folder = self.model_dir / "ar" / proc
            if not folder.is_dir() or not any(folder.glob("*.pt")):
                missing.append(str(folder))
        if missing:
            hint = "" if explicit else " (set STANZA_RESOURCES_DIR if your stanza models are elsewhere)"
            raise BackendUnavailableError(
                backend="stanza",
                reason=f"stanza's Arabic models are not installed: {', '.join(missing)} missing{hint}",
                install_command=stanza_install_command("tokenize,mwt,ner", self.model_dir if explicit else None),
            )

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_pipeline"] = None
        return state

    def _loaded(self) -> Any:
        if self._pipeline is None:
            stanza = importlib.import_module("stanza")
            try:
                options: dict[str, Any] = {
                    "lang": "ar",
                    "dir": str(self.model_dir),
                    "processors": self.processors,
                    "tokenize_pretokenized": self.pretokenized,
                    "use_gpu": self.use_gpu,
                }
                options.update(self.pipeline_options)
                self._pipeline = stanza.Pipeline(download_method=None, **options)
            except (OSError, ValueError, RuntimeError, KeyError) as err:
                # LanguageNotDownloadedError is a FileNotFoundError; a bad resources.json a ValueError/KeyError.
                raise BackendUnavailableError(
                    backend="stanza",
                    reason=f"stanza could not load its Arabic models from {self.model_dir} ({err})",
                    install_command=stanza_install_command(self.processors, self.model_dir),
                ) from err
        return self._pipeline

    def __call__(self, doc: Doc) -> Doc:
        """Tag ``doc`` and set ``doc.entities``."""
        pipeline = self._loaded()
        entities: list[Entity] = []
        if self.pretokenized:
            windows = [
                [(t.start, t.end) for t in doc.tokens if t.start >= s and t.end <= e] for s, e in sentence_windows(doc)
            ]
            windows = [w for w in windows if w]
            if windows:
                tagged = pipeline([[doc.text[s:e] for s, e in w] for w in windows])
                for spans, sent in zip(windows, tagged.sentences, strict=True):
                    tags = [token.ner or "O" for token in sent.tokens]
                    entities.extend(entities_from_tags(doc, spans, tags, self.label_map))
        else:
            bounds = sentence_windows(doc)
            inputs = [doc.text[s:e] for s, e in bounds]
            outputs = pipeline.bulk_process(inputs) if inputs else []
            for (start, end), tagged in zip(bounds, outputs, strict=True):
                tokens = [token for sent in tagged.sentences for token in sent.tokens]
                aligned = align_tokens(doc.text, [t.text for t in tokens], start=start, end=end)
                pairs = [(sp, t.ner or "O") for sp, t in zip(aligned, tokens, strict=True) if sp is not None]
                entities.extend(entities_from_tags(doc, [p[0] for p in pairs], [p[1] for p in pairs], self.label_map))
        doc.entities = entities
        return doc
