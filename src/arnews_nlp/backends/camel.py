"""camel-tools backends: CAMeLBERT NER and morphological (clitic) segmentation.

Nothing here imports camel-tools at module import or at construction: the stages
only check that the package and the model files exist, and raise
:class:`~arnews_nlp.errors.BackendUnavailableError` (``E020``, with the command
that installs what is missing) when they do not. camel-tools is imported on the
first document.

camel-tools' ``camel_tools.data`` downloads its catalogue when first imported
if ``<CAMELTOOLS_DATA>/catalogue.json`` is absent, and ``camel_tools.ner``,
``camel_tools.disambig.mle`` and ``camel_tools.morphology.database`` all import
it. When that file is absent we import them with a stand-in for
``camel_tools.data`` (``CATALOGUE = None``) that is removed right after: the
models are loaded from explicit paths, so the catalogue is never needed, and no
network access or ``mkdir ~/.camel_tools`` happens. (``NERecognizer.pretrained``
is then unusable in that process; we never call it.)

Examples:
    >>> from arnews_nlp.errors import BackendUnavailableError
    >>> try:
    ...     CamelNERStage("/nonexistent/model")
    ... except BackendUnavailableError as err:
    ...     print(err.code)
    E020
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from arnews_nlp.backends.align import align_segments, align_tokens
from arnews_nlp.backends.availability import CAMEL_PIP, camel_data_dir, camel_dataset_dir, require_module
from arnews_nlp.backends.labels import CAMEL_LABEL_MAP, decode_tags, map_label
from arnews_nlp.backends.spans import canonical_form, sentence_windows, trim_proclitics
from arnews_nlp.doc import Doc, Entity, Segment
from arnews_nlp.errors import BackendUnavailableError, PipelineError
from arnews_nlp.normalize.aligned import normalize
from arnews_nlp.normalize.charsets import fold
from arnews_nlp.tokenize.clitics import FOLD

__all__ = ["CamelNERStage", "CamelSegmenterStage", "import_camel"]

NER_INSTALL = "camel_data -i ner-arabert"
SEGMENTER_INSTALL = "camel_data -i light"
_WEIGHTS = ("model.safetensors", "pytorch_model.bin")


def import_camel(module: str) -> ModuleType:
    """Import a camel-tools module without letting ``camel_tools.data`` reach the network.

    Args:
        module: Dotted module name, e.g. ``"camel_tools.ner"``.
    """
    require_module("camel", "camel_tools", CAMEL_PIP)
    if module in sys.modules:
        return sys.modules[module]
    if "camel_tools.data" in sys.modules or (camel_data_dir() / "catalogue.json").is_file():
        return importlib.import_module(module)
    stand_in = ModuleType("camel_tools.data")
    stand_in.CATALOGUE = None  # type: ignore[attr-defined]
    sys.modules["camel_tools.data"] = stand_in
    try:
        return importlib.import_module(module)
    finally:
        if sys.modules.get("camel_tools.data") is stand_in:
            del sys.modules["camel_tools.data"]


def _missing(reason: str, install_command: str) -> BackendUnavailableError:
    return BackendUnavailableError(backend="camel", reason=reason, install_command=install_command)


def _resolve_ner_model(model_path: str | Path | None) -> Path:
    if model_path is not None:
        path = Path(model_path).expanduser()
        where = f"at {path}"
    else:
        path = camel_dataset_dir("NamedEntityRecognition", None, "ner/arabert")
        where = f"in {path} (set CAMELTOOLS_DATA if your camel-tools data folder is elsewhere)"
    has_weights = any((path / name).is_file() for name in _WEIGHTS)
    if not (path / "config.json").is_file() or not (path / "vocab.txt").is_file() or not has_weights:
        raise _missing(
            f"no CAMeLBERT NER model {where}: a folder with config.json, vocab.txt and "
            f"{' or '.join(_WEIGHTS)} is needed",
            NER_INSTALL,
        )
    return path


class CamelNERStage:
    """Named-entity recognition with camel-tools' ``NERecognizer`` (CAMeLBERT).

    Each sentence of ``doc.sentences`` (or the whole text when there are none) is
    split with camel-tools' ``simple_word_tokenize`` (the tokenization CAMeLBERT
    NER was trained on), the words are aligned back to ``doc.text``, tagged, and
    the BIO tags decoded into entities whose labels go through ``label_map``
    (:data:`~arnews_nlp.backends.labels.CAMEL_LABEL_MAP` by default). Proclitics
    are left out of an entity span when ``doc.tokens`` carry clitic segments.
    The stage sets ``doc.entities``.

    Args:
        model_path: Folder of a CAMeLBERT-style token classifier. ``None`` uses
            the model that ``camel_data -i ner-arabert`` installs.
        label_map: camel label -> our label; labels it lacks are dropped.
        batch_size: Sentences per forward pass.
        use_gpu: Let camel-tools use CUDA when torch sees a GPU.

    Raises:
        BackendUnavailableError: camel-tools or the model is not installed.
    """

    name = "arnews.ner.camel.v1"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("entities",)

    def __init__(
        self,
        model_path: str | Path | None = None,
        *,
        label_map: Mapping[str, str] | None = None,
        batch_size: int = 32,
        use_gpu: bool = False,
    ) -> None:
        require_module("camel", "camel_tools", CAMEL_PIP)
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        self.model_path = _resolve_ner_model(model_path)
        self.label_map = dict(label_map if label_map is not None else CAMEL_LABEL_MAP)
        self.batch_size = batch_size
        self.use_gpu = use_gpu
        self._recognizer: Any = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_recognizer"] = None
        return state

    def _loaded(self) -> Any:
        if self._recognizer is None:
            ner = import_camel("camel_tools.ner")
            try:
                self._recognizer = ner.NERecognizer(str(self.model_path), use_gpu=self.use_gpu)
            except (OSError, ValueError) as err:
                raise _missing(f"cannot load the model at {self.model_path} ({err})", NER_INSTALL) from err
        return self._recognizer

    def __call__(self, doc: Doc) -> Doc:
        """Tag ``doc`` and set ``doc.entities``."""
        recognizer = self._loaded()
        words_mod = import_camel("camel_tools.tokenizers.word")
        sentences: list[list[str]] = []
        offsets: list[list[tuple[int, int]]] = []
        for start, end in sentence_windows(doc):
            words = words_mod.simple_word_tokenize(doc.text[start:end])
            kept = [
                (word, span)
                for word, span in zip(words, align_tokens(doc.text, words, start=start, end=end), strict=True)
                # camel-tools silently drops words that BERT's tokenizer turns into nothing.
                if span is not None and recognizer.tokenizer.tokenize(word)
            ]
            if kept:
                sentences.append([word for word, _ in kept])
                offsets.append([span for _, span in kept])
        tags = recognizer.predict(sentences, batch_size=self.batch_size) if sentences else []
        entities: list[Entity] = []
        for sent_tags, spans in zip(tags, offsets, strict=True):
            if len(sent_tags) != len(spans):
                raise PipelineError(stage=self.name, reason="camel-tools returned one tag per word too few")
            for first, stop, label in decode_tags(sent_tags):
                ours = map_label(label, self.label_map)
                if ours is None:
                    continue
                start, end = trim_proclitics(doc, spans[first][0], spans[stop - 1][1])
                entities.append(Entity(start, end, ours, canonical_form(doc.text[start:end])))
        doc.entities = entities
        return doc


def _norm(segment: str) -> str:
    return normalize(segment.strip("+"), FOLD).text


def _segment_kind(segment: str) -> str:
    if segment.startswith("+"):
        return "enclitic"
    if segment.endswith("+"):
        return "article" if fold(segment.rstrip("+")) == "ال" else "proclitic"
    return "stem"


class CamelSegmenterStage:
    """Clitic segmentation with camel-tools' ``MorphologicalTokenizer`` (``d3tok`` by default).

    Every token of ``doc.tokens`` gets ``segments`` that tile its surface span:
    ``و+ ال+ مدينة`` for ``والمدينة``. A segment that the tokenizer restores
    but the text does not spell at all is left out (segments are surface spans);
    the ``ال`` of ``للمدينة`` keeps its second ``ل``.

    Args:
        db_path: A camel-tools morphology database (``morphology.db``). ``None``
            uses calima-msa-r13 from the camel-tools data folder.
        mle_path: The MLE disambiguator's ``model.json``; ``None`` as above.
        scheme: The camel-tools tokenization scheme (``d3tok``, ``atbtok`` …).
        disambiguator: Use this camel-tools ``Disambiguator`` instead of loading
            the MLE one (then no database files are needed).

    Raises:
        BackendUnavailableError: camel-tools or its database is not installed.
    """

    name = "arnews.segmenter.camel.v1"
    requires: tuple[str, ...] = ("tokens",)
    assigns: tuple[str, ...] = ("tokens",)

    def __init__(
        self,
        db_path: str | Path | None = None,
        mle_path: str | Path | None = None,
        *,
        scheme: str = "d3tok",
        disambiguator: Any = None,
    ) -> None:
        require_module("camel", "camel_tools", CAMEL_PIP)
        self.scheme = scheme
        self.disambiguator = disambiguator
        self.db_path: Path | None = None
        self.mle_path: Path | None = None
        if disambiguator is None:
            db = Path(db_path) if db_path is not None else None
            mle = Path(mle_path) if mle_path is not None else None
            self.db_path = (
                db
                or camel_dataset_dir("MorphologyDB", "calima-msa-r13", "morphology_db/calima-msa-r13") / "morphology.db"
            )
            self.mle_path = (
                mle or camel_dataset_dir("DisambigMLE", "calima-msa-r13", "disambig_mle/calima-msa-r13") / "model.json"
            )
            for path in (self.db_path, self.mle_path):
                if not path.is_file():
                    raise _missing(
                        f"the camel-tools morphology database is not installed ({path} is missing; "
                        "set CAMELTOOLS_DATA if your camel-tools data folder is elsewhere)",
                        SEGMENTER_INSTALL,
                    )
        self._tokenizer: Any = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_tokenizer"] = None
        return state

    def _loaded(self) -> Any:
        if self._tokenizer is None:
            disambiguator = self.disambiguator
            if disambiguator is None:
                database = import_camel("camel_tools.morphology.database")
                analyzer = import_camel("camel_tools.morphology.analyzer")
                mle = import_camel("camel_tools.disambig.mle")
                analysis = analyzer.Analyzer(database.MorphologyDB(str(self.db_path), "a"), "NOAN_PROP")
                disambiguator = mle.MLEDisambiguator(analysis, str(self.mle_path))
            morph = import_camel("camel_tools.tokenizers.morphological")
            self._tokenizer = morph.MorphologicalTokenizer(disambiguator, self.scheme, split=False, diac=False)
        return self._tokenizer

    def __call__(self, doc: Doc) -> Doc:
        """Set ``segments`` on every token of ``doc.tokens``."""
        if not doc.tokens:
            return doc
        tokenizer = self._loaded()
        words = [doc.text[token.start : token.end] for token in doc.tokens]
        outputs = tokenizer.tokenize(words)
        if len(outputs) != len(words):
            raise PipelineError(stage=self.name, reason="camel-tools returned a different number of words")
        for token, word, output in zip(doc.tokens, words, outputs, strict=True):
            pieces = [piece for piece in str(output).split("_") if piece.strip("+")] or [word]
            spans = align_segments(word, pieces)
            # A segment the text does not spell (empty span) is left out: segments are surface spans.
            token.segments = tuple(
                Segment(token.start + s, token.start + e, _segment_kind(piece), _norm(piece))
                for piece, (s, e) in zip(pieces, spans, strict=True)
                if s < e
            )
        return doc
