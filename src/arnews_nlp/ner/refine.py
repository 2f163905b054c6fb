"""From the CRF's 4 types to our 8: place sub-types, NORP and OCC.

0. An entity never continues onto a function word (:data:`STOP_WORDS`): the
   CRF's rare ``I-`` there is cut (:func:`cut_at_stop_words`). Nationality
   adjectives are not part of names (ANERcorp's convention): one that starts a
   name is left out (``العاجي كولو توريه``), and so is one after a one-word,
   non-definite organization name (``تشلسي الإنجليزي``, ``بنفيكا البرتغالي``)
   (:func:`trim_nationality`); they become NORP in step 2.
1. Every LOC span of the CRF gets GPE, LOC or FAC from the
   :class:`~arnews_nlp.ner.subtyper.PlaceSubtyper`.
2. NORP: outside other entities, phrases of the gazetteer's ``NAT`` category
   (nationality adjectives and group names, proclitics allowed: ``والأكراد``).
3. OCC: outside other entities, an office head (``OCCHEAD``: وزير، رئيس، الأمين ...)
   and the definite words that follow it (``وزير الخارجية والمغتربين``), stopping at
   punctuation, at another entity or after 6 words; a one-word office, or an
   honorific (``TITLE``), counts only right before a person name (a nationality
   may come between: ``الرئيس الفرنسي ...``). When the office ends on a body noun
   (``رئيس جهاز``) and the CRF marked the rest as ORG (``الاستخبارات العامة``),
   the whole phrase is one OCC.

``analysis`` (from :meth:`FeatureExtractor.analyze`) saves recomputing the
per-token data the CRF features already needed.
"""

from __future__ import annotations

from collections.abc import Sequence

from arnews_nlp.ner.features import FeatureExtractor, WordInfo
from arnews_nlp.ner.labels import bio_spans, spans_to_bio
from arnews_nlp.ner.subtyper import PlaceSubtyper, span_features

__all__ = ["STOP_WORDS", "cut_at_stop_words", "refine_tags", "trim_nationality"]

_MAX_OCC = 6
# Folded function words and punctuation that never continue a name (I- tag) in the training corpora.
STOP_WORDS = frozenset(
    "ان في من علي الي عن مع قال وقال الذي التي الذين هو هي كان كانت لا ما بين انه انها قد لقد حيث اذا او ثم "
    "هذا هذه ذلك تلك وان فان بان لان كما امس اليوم وفي ومن , . ، ؟ ! : ; ؛".split()
)
_OCC_CATS = frozenset({"OCCHEAD", "TITLE"})
_CHAIN_NOUNS = frozenset("جهاز مجلس هيئة وزارة شؤون قوات لجنة دائرة مكتب ادارة".split())


def _occ_spans(infos: Sequence[WordInfo], taken: list[str]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    n = len(infos)
    i = 0
    while i < n:
        cats = infos[i].gaz
        if taken[i] != "O" or not cats & _OCC_CATS:
            i += 1
            continue
        j = i + 1
        if "OCCHEAD" in cats:
            while j < n and j - i < _MAX_OCC and taken[j] == "O":
                nxt = infos[j]
                if nxt.is_punct or not (nxt.stem.startswith("ال") or nxt.stem in _CHAIN_NOUNS):
                    break
                j += 1
        k = j + 1 if j < n and taken[j] == "NORP" else j
        before_person = k < n and taken[k] == "PERS"
        if j - i > 1 or before_person:
            out.append((i, j, "OCC"))
        i = j
    return out


def cut_at_stop_words(infos: Sequence[WordInfo], tags: Sequence[str]) -> list[str]:
    """End an entity before a function word the CRF tagged ``I-``; drop the rest of it.

    Examples:
        >>> fx = FeatureExtractor()
        >>> toks = ["التحالف", "الدولي", "إن", "الأكراد"]
        >>> cut_at_stop_words([fx.word(t) for t in toks], ["B-ORG", "I-ORG", "I-ORG", "I-ORG"])
        ['B-ORG', 'I-ORG', 'O', 'O']
    """
    out = list(tags)
    cut = False
    for i, info in enumerate(infos):
        t = out[i]
        if not t.startswith("I-"):
            cut = False
        elif cut or info.key in STOP_WORDS:
            out[i] = "O"
            cut = True
    return out


def trim_nationality(infos: Sequence[WordInfo], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Leave nationality adjectives (gazetteer ``NAT``) out of names, where the corpora do.

    In ANERcorp train, none of 1,402 person names of two words or more starts
    with a nationality adjective, and 3 of 739 organization names do; over
    ANERcorp and AQMAR train, a one-word organization name is followed by a
    nationality adjective left outside it 34 times, while a two-word, non-definite
    one ends with one 5 times (``منتخب السعودية``).

    Examples:
        >>> from arnews_nlp.ner.gazetteer import Gazetteer
        >>> fx = FeatureExtractor(gazetteer=Gazetteer([("العاجي", "NAT"), ("الانجليزي", "NAT")]))
        >>> infos = [fx.word(t) for t in ["العاجي", "كولو", "توريه", "و", "تشلسي", "الإنجليزي"]]
        >>> trim_nationality(infos, [(0, 3, "PERS"), (4, 6, "ORG")])
        [(1, 3, 'PERS'), (4, 5, 'ORG')]
    """
    out = []
    for s, e, typ in spans:
        while e - s > 1 and "NAT" in infos[s].gaz:
            s += 1
        first = infos[s]
        if (
            typ == "ORG"
            and e - s == 2
            and "NAT" in infos[s + 1].gaz
            and not first.stem.startswith("ال")
            and not first.gaz & {"ORGKW", "NAT", "COUNTRY"}
        ):
            e -= 1
        out.append((s, e, typ))
    return out


def refine_tags(
    fx: FeatureExtractor,
    subtyper: PlaceSubtyper | None,
    tokens: Sequence[str],
    tags: Sequence[str],
    *,
    analysis: tuple[list[WordInfo], list[tuple[int, int, str]]] | None = None,
) -> list[str]:
    """Turn 4-type CRF tags into our 8 labels.

    Examples:
        >>> from arnews_nlp.ner.gazetteer import Gazetteer
        >>> gz = Gazetteer([("وزير", "OCCHEAD"), ("السوري", "NAT")])
        >>> fx = FeatureExtractor(gazetteer=gz)
        >>> toks = ["قال", "وزير", "الخارجية", "السوري", "في", "دمشق"]
        >>> refine_tags(fx, None, toks, ["O", "O", "O", "O", "O", "B-LOC"])
        ['O', 'B-OCC', 'I-OCC', 'B-NORP', 'O', 'B-GPE']
    """
    infos, matches = analysis if analysis is not None else fx.analyze(tokens)
    spans = trim_nationality(infos, bio_spans(cut_at_stop_words(infos, tags)))
    out: list[tuple[int, int, str]] = []
    for s, e, typ in spans:
        if typ == "LOC":
            typ = subtyper.predict(span_features(fx, tokens, s, e)) if subtyper is not None else "GPE"
        out.append((s, e, typ))
    taken = ["O"] * len(tokens)
    for s, e, typ in out:
        for k in range(s, e):
            taken[k] = typ
    for s, e, cat in matches:
        if cat == "NAT" and all(taken[k] == "O" for k in range(s, e)):
            out.append((s, e, "NORP"))
            for k in range(s, e):
                taken[k] = "NORP"
    for s, e, _ in _occ_spans(infos, taken):
        org = next((x for x in out if x[0] == e and x[2] == "ORG"), None)
        if org is not None and infos[e - 1].stem in _CHAIN_NOUNS:
            out.remove(org)  # "رئيس جهاز" + ORG "الاستخبارات العامة" is one office
            e = org[1]
        out.append((s, e, "OCC"))
    return spans_to_bio(len(tokens), sorted(out))
