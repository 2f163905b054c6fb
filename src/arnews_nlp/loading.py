"""``arnews_nlp.load()``: the default pipeline, or one built from a config."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from arnews_nlp.errors import ConfigError, UnreadableFileError
from arnews_nlp.pipeline import Pipeline

__all__ = ["DEFAULT_CONFIG", "NER_BACKENDS", "load"]

NER_BACKENDS = ("default", "crf", "camel", "stanza")

DEFAULT_CONFIG: dict[str, Any] = {
    "min_arabic_ratio": 0.3,
    "stages": [
        {"name": "normalizer", "factory": "arnews.normalizer.v1"},
        {"name": "sentencizer", "factory": "arnews.sentencizer.v1"},
        {"name": "tokenizer", "factory": "arnews.tokenizer.v1"},
        {"name": "ner", "factory": "arnews.ner.v2"},
        {"name": "temporal", "factory": "arnews.temporal.v1"},
        {"name": "events", "factory": "arnews.events.v1"},
    ],
}


def load(
    config: Mapping[str, Any] | str | Path | None = None,
    *,
    ner: Literal["default", "crf", "camel", "stanza"] = "default",
    segmenter: Literal["default", "camel"] = "default",
    min_arabic_ratio: float | None = None,
) -> Pipeline:
    """Build a pipeline. Nothing is loaded until the first document is processed.

    Args:
        config: A config dict, or the path of a JSON/TOML config file; default: DEFAULT_CONFIG.
        ner: Which NER backend fills ``doc.entities``: the shipped model (``"default"``), its CRF
            alone (``"crf"``: faster, less accurate), or camel/stanza (need their extras and models).
        segmenter: ``"camel"`` replaces the clitic segments with camel-tools' morphological ones.
        min_arabic_ratio: Override the share of Arabic letters a text needs.

    Examples:
        >>> nlp = load()
        >>> nlp.pipe_names
        ['normalizer', 'sentencizer', 'tokenizer', 'ner', 'temporal', 'events']
    """
    if ner not in NER_BACKENDS:
        raise ConfigError(reason=f"ner must be one of {', '.join(NER_BACKENDS)}, not {ner!r}")
    cfg = dict(_read_config(config) if config is not None else DEFAULT_CONFIG)
    if min_arabic_ratio is not None:
        cfg["min_arabic_ratio"] = min_arabic_ratio
    if ner != "default":
        cfg["stages"] = [
            dict(s, factory=f"arnews.ner.{ner}.v1", config={}) if s.get("name") == "ner" else s
            for s in cfg.get("stages", [])
        ]
    if segmenter not in ("default", "camel"):
        raise ConfigError(reason=f"segmenter must be 'default' or 'camel', not {segmenter!r}")
    nlp = Pipeline.from_config(cfg)
    if segmenter == "camel":
        nlp.add_pipe("arnews.segmenter.camel.v1", name="segmenter", after="tokenizer")
    return nlp


def _read_config(config: Mapping[str, Any] | str | Path) -> Mapping[str, Any]:
    if isinstance(config, Mapping):
        return config
    path = Path(config)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(path=str(path), reason=exc.strerror or str(exc)) from exc
    try:
        data = tomllib.loads(raw.decode("utf-8")) if path.suffix == ".toml" else json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(reason=f"{path} is not valid {'TOML' if path.suffix == '.toml' else 'JSON'}: {exc}") from exc
    if not isinstance(data, Mapping):
        raise ConfigError(reason=f"{path} must hold an object at the top level")
    return data
