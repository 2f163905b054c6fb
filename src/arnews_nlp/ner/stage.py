"""The NER pipeline stage: tag ``doc.tokens`` sentence by sentence, set ``doc.entities``.

Entity spans are character offsets into ``doc.text`` with proclitics left out:
the span starts at the first segment of its first token that is not a
proclitic (``وسوريا`` → ``سوريا``). For the contracted article (``للتحالف``) the
span starts at the second ``ل`` and ``canonical`` restores ``ال``
(``التحالف``). ``canonical`` is the span text without diacritics and tatweel.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from arnews_nlp.doc import Doc, Entity, Token
from arnews_nlp.ner.labels import DOMAINS, LABELS, bio_spans
from arnews_nlp.ner.model import NERTagger, load_tagger
from arnews_nlp.ner.neural import TAGGING_DOMAIN
from arnews_nlp.normalize.charsets import DIACRITICS, TATWEEL

__all__ = ["NERStage", "entity_from_tokens"]

_STRIP = str.maketrans({c: None for c in [*DIACRITICS, TATWEEL]})


def entity_from_tokens(text: str, tokens: Sequence[Token], label: str) -> Entity:
    """Build the entity covering ``tokens`` (proclitics of the first token left out).

    Examples:
        >>> from arnews_nlp.doc import Segment
        >>> text = "دعم للتحالف الدولي"
        >>> t1 = Token(4, 11, "للتحالف", (Segment(4, 5, "proclitic", "ل"), Segment(5, 6, "article", "ال"),
        ...                                 Segment(6, 11, "stem", "تحالف")))
        >>> t2 = Token(12, 18, "الدولي")
        >>> e = entity_from_tokens(text, [t1, t2], "ORG")
        >>> (e.start, e.end, e.canonical)
        (5, 18, 'التحالف الدولي')
    """
    first = tokens[0]
    start = first.start
    restore = ""
    for seg in first.segments:
        if seg.kind != "proclitic":
            start = seg.start
            if seg.kind == "article" and text[seg.start : seg.end] == "ل":
                restore = "ا"
            break
    end = tokens[-1].end
    canonical = restore + text[start:end].translate(_STRIP)
    return Entity(start, end, label, " ".join(canonical.split()))


class NERStage:
    """Named entities from the shipped model (``arnews.ner.v2``: CRF + network; ``arnews.ner.crf.v1``: CRF alone).

    The article's sentences are tagged together, then names found anywhere in the
    article are tagged at their other mentions (:mod:`arnews_nlp.ner.discourse`).

    Picklable; the model loads on the first call (cached per model path).

    Args:
        model_path: a model directory (default: the shipped ``models/ner``).
        labels: keep only these labels (default: all eight).
        neural: add the BiLSTM-CRF's scores to the CRF's (default); ``False`` is the CRF
            alone, about 1.4× faster per article and less accurate (see the model card).
        domain: whose annotation guidelines the network tags by: ``news`` (ANERcorp's, the
            default) or ``wiki`` (AQMAR's, for Wikipedia-style text: e.g. a competition's whole
            name as MISC). Set it in a pipeline config as the ``ner`` stage's ``config``.

    Raises:
        ValueError: for an unknown label or domain.

    Examples:
        >>> stage = NERStage(labels=("PERS", "GPE"))
        >>> stage.labels
        ('PERS', 'GPE')
    """

    name = "ner"

    def __init__(
        self,
        *,
        model_path: str | Path | None = None,
        labels: Sequence[str] | None = None,
        neural: bool = True,
        domain: str = TAGGING_DOMAIN,
    ) -> None:
        unknown = sorted(set(labels or ()) - set(LABELS))
        if unknown:
            # TODO: a dedicated arnews_nlp.errors class once one fits
            raise ValueError(f"unknown NER labels {unknown}; choose from {list(LABELS)}")
        if domain not in DOMAINS:
            raise ValueError(f"unknown NER domain {domain!r}; choose from {list(DOMAINS)}")
        self.model_path = model_path
        self.labels: tuple[str, ...] = tuple(labels) if labels else LABELS
        self.neural = neural
        self.domain = domain
        self._tagger: NERTagger | None = None

    @property
    def tagger(self) -> NERTagger:
        """The loaded tagger (loaded on first access)."""
        if self._tagger is None:
            self._tagger = load_tagger(self.model_path, domain=self.domain)
        return self._tagger

    def __getstate__(self) -> dict[str, Any]:
        state = {"model_path": self.model_path, "labels": self.labels, "neural": self.neural, "domain": self.domain}
        return {**state, "_tagger": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update({"domain": TAGGING_DOMAIN, **state})  # pickles from before domains lack it

    def _groups(self, doc: Doc) -> list[list[Token]]:
        if not doc.sentences:
            return [doc.tokens] if doc.tokens else []
        groups: list[list[Token]] = [[] for _ in doc.sentences]
        k = 0
        for tok in doc.tokens:
            while k < len(doc.sentences) - 1 and tok.start >= doc.sentences[k].end:
                k += 1
            groups[k].append(tok)
        return [g for g in groups if g]

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.entities`` from ``doc.tokens`` (grouped by ``doc.sentences``)."""
        entities: list[Entity] = []
        keep = set(self.labels)
        groups = self._groups(doc)
        all_tags = self.tagger.tag_document(
            [[doc.text[t.start : t.end] for t in g] for g in groups], neural=self.neural
        )
        for group, tags in zip(groups, all_tags, strict=True):
            for s, e, label in bio_spans(tags):
                if label in keep:
                    entities.append(entity_from_tokens(doc.text, group[s:e], label))
        doc.entities = entities
        return doc
