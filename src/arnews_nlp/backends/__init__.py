"""Optional NER and segmentation backends: camel-tools and stanza.

The default pipeline needs neither. With the ``[camel]`` or ``[stanza]`` extra and
the backend's model installed, :func:`make_ner_stage` returns a ``Doc -> Doc``
stage that sets ``doc.entities`` with our offsets and label set, and
:func:`make_segmenter_stage` one that sets ``doc.tokens[i].segments``.

Nothing heavy happens here or at construction: the factories check that the
package and the model files exist (raising
:class:`~arnews_nlp.errors.BackendUnavailableError` with the install command
when they do not) and load the model on the first document. Every stage pickles
(its loaded model is dropped and reloaded in the new process).

Examples:
    >>> from arnews_nlp.errors import BackendUnavailableError
    >>> try:
    ...     make_ner_stage("camel", model_path="/nonexistent/model")
    ... except BackendUnavailableError as err:
    ...     print(err.code, err.install_command.split()[0])
    E020 ...
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any, Literal

from arnews_nlp.errors import ConfigError
from arnews_nlp.registry import Stage

__all__ = ["BACKENDS", "SEGMENTERS", "make_ner_stage", "make_segmenter_stage"]

BACKENDS = ("default", "camel", "stanza")
SEGMENTERS = ("camel",)


def make_ner_stage(
    name: Literal["default", "camel", "stanza"] | str = "default",
    model_path: str | Path | None = None,
    **settings: Any,
) -> Stage:
    """Build the NER stage of backend ``name``.

    Args:
        name: ``"default"`` (the shipped CRF model), ``"camel"`` (CAMeLBERT NER
            through camel-tools) or ``"stanza"`` (stanza's Arabic NER).
        model_path: camel: the model folder; stanza: the resources folder.
            ``None``: the backend's default location (``CAMELTOOLS_DATA`` /
            ``STANZA_RESOURCES_DIR``). Ignored by ``"default"``.
        **settings: Keyword settings of the stage class (``label_map``,
            ``batch_size``, ``use_gpu``, ``pretokenized`` …).

    Returns:
        A picklable ``Doc -> Doc`` callable that sets ``doc.entities``.

    Raises:
        ConfigError: Unknown backend name.
        BackendUnavailableError: The extra or its model is not installed.
    """
    if name == "default":
        ner = importlib.import_module("arnews_nlp.ner")
        stage: Stage = ner.NERStage(**settings)
        return stage
    if name == "camel":
        from arnews_nlp.backends.camel import CamelNERStage

        return CamelNERStage(model_path, **settings)
    if name == "stanza":
        from arnews_nlp.backends.stanza import StanzaNERStage

        return StanzaNERStage(model_path, **settings)
    raise ConfigError(reason=f"ner must be one of {', '.join(BACKENDS)}, not {name!r}")


def make_segmenter_stage(name: Literal["camel"] | str = "camel", **settings: Any) -> Stage:
    """Build a clitic segmentation stage that sets ``doc.tokens[i].segments``.

    Args:
        name: ``"camel"``: camel-tools' morphological tokenizer (``d3tok``) with
            its MLE disambiguator (``camel_data -i light``).
        **settings: ``db_path``, ``mle_path``, ``scheme``, ``disambiguator``.

    Raises:
        ConfigError: Unknown segmenter name.
        BackendUnavailableError: camel-tools or its database is not installed.
    """
    if name == "camel":
        from arnews_nlp.backends.camel import CamelSegmenterStage

        return CamelSegmenterStage(**settings)
    raise ConfigError(reason=f"segmenter must be one of {', '.join(SEGMENTERS)}, not {name!r}")
