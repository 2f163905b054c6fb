"""The built-in stage factories, registered under versioned names.

Heavy stages (NER model, temporal lexicons, event rules) are imported inside
their factory, so importing this module loads no model.
"""

from __future__ import annotations

from typing import Any

from arnews_nlp.doc import Doc
from arnews_nlp.normalize.aligned import NormalizerConfig, normalize
from arnews_nlp.registry import Stage, stage_factory
from arnews_nlp.tokenize.sentences import split_sentences
from arnews_nlp.tokenize.tokens import Tokenizer

__all__ = ["DEFAULT_STAGES", "NormalizerStage", "SentencizerStage", "TokenizerStage"]


class NormalizerStage:
    """Attach the aligned normalized text to ``doc.normalized``."""

    def __init__(self, **settings: Any) -> None:
        self.config = NormalizerConfig(**settings)

    def __call__(self, doc: Doc) -> Doc:
        """Normalize ``doc.text``."""
        doc.normalized = normalize(doc.text, self.config)
        return doc


class SentencizerStage:
    """Split each zone of the article into sentences (no sentence crosses a zone)."""

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.sentences``."""
        if not doc.zones:
            doc.sentences = split_sentences(doc.text)
            return doc
        doc.sentences = []
        for zone in doc.zones:
            doc.sentences.extend(split_sentences(doc.text, zone.start, zone.end))
        return doc


class TokenizerStage:
    """Tokenize each sentence into surface tokens with clitic segments."""

    def __init__(self, *, segment: bool = True) -> None:
        self.tokenizer = Tokenizer(segment=segment)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.tokens``."""
        spans = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
        doc.tokens = [tok for s, e in spans for tok in self.tokenizer(doc.text, s, e)]
        return doc


@stage_factory("arnews.normalizer.v1", assigns=("normalized",))
def make_normalizer(**settings: Any) -> Stage:
    """Aligned normalization (settings: the fields of NormalizerConfig)."""
    return NormalizerStage(**settings)


@stage_factory("arnews.sentencizer.v1", assigns=("sentences",))
def make_sentencizer() -> Stage:
    """Rule-based sentence splitter."""
    return SentencizerStage()


@stage_factory("arnews.tokenizer.v1", requires=("sentences",), assigns=("tokens",), default_config={"segment": True})
def make_tokenizer(*, segment: bool) -> Stage:
    """Surface tokens with offsets and (optionally) clitic segments."""
    return TokenizerStage(segment=segment)


@stage_factory("arnews.ner.v2", requires=("tokens", "sentences"), assigns=("entities",))
def make_ner(**settings: Any) -> Stage:
    """The shipped named-entity recognizer: CRF and BiLSTM-CRF scores added (the default)."""
    from arnews_nlp.ner import NERStage

    stage: Stage = NERStage(**{"neural": True, **settings})
    return stage


@stage_factory("arnews.ner.crf.v1", requires=("tokens", "sentences"), assigns=("entities",))
def make_ner_crf(**settings: Any) -> Stage:
    """The shipped model's CRF alone: faster, less accurate (the recognizer of releases before arnews.ner.v2)."""
    from arnews_nlp.ner import NERStage

    stage: Stage = NERStage(**{**settings, "neural": False})
    return stage


@stage_factory("arnews.temporal.v1", assigns=("dates", "numbers"))
def make_temporal(**settings: Any) -> Stage:
    """Date and number expressions resolved against the publication date."""
    from arnews_nlp.temporal import TemporalStage

    stage: Stage = TemporalStage(**settings)
    return stage


@stage_factory(
    "arnews.events.v1",
    requires=("sentences", "tokens", "entities", "dates", "numbers"),
    assigns=("events",),
    default_config={"date_fallback": False},  # the temporal stage has run: no second date finder
)
def make_events(**settings: Any) -> Stage:
    """Rule-based event extraction (rules are data files)."""
    from arnews_nlp.events import EventStage

    stage: Stage = EventStage(**settings)
    return stage


@stage_factory("arnews.ner.camel.v1", requires=("sentences",), assigns=("entities",))
def make_camel_ner(**settings: Any) -> Stage:
    """CAMeLBERT NER through camel-tools (extra ``[camel]`` and its model)."""
    from arnews_nlp.backends import make_ner_stage

    return make_ner_stage("camel", **settings)


@stage_factory("arnews.ner.stanza.v1", requires=("sentences",), assigns=("entities",))
def make_stanza_ner(**settings: Any) -> Stage:
    """Stanza's Arabic NER (extra ``[stanza]`` and its model)."""
    from arnews_nlp.backends import make_ner_stage

    return make_ner_stage("stanza", **settings)


@stage_factory("arnews.segmenter.camel.v1", requires=("tokens",), assigns=("tokens",))
def make_camel_segmenter(**settings: Any) -> Stage:
    """Clitic segments from camel-tools' morphological tokenizer (extra ``[camel]`` and its database)."""
    from arnews_nlp.backends import make_segmenter_stage

    return make_segmenter_stage("camel", **settings)


# (stage name, factory name) in the default order.
DEFAULT_STAGES: tuple[tuple[str, str], ...] = (
    ("normalizer", "arnews.normalizer.v1"),
    ("sentencizer", "arnews.sentencizer.v1"),
    ("tokenizer", "arnews.tokenizer.v1"),
)
