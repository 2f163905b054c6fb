"""Named-entity recognition: a CRF trained from the open Arabic NER corpora, shipped with the package.

Labels: PERS, ORG, GPE, LOC, FAC, NORP, OCC, MISC (BIO over tokens; entity spans
leave proclitics out). Nothing loads at import: the model is read on first use.

Examples:
    >>> from arnews_nlp.ner import LABELS
    >>> LABELS
    ('PERS', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'OCC', 'MISC')
"""

from arnews_nlp.ner.labels import ANERCORP_SCHEME, LABELS
from arnews_nlp.ner.model import NERTagger, load_tagger
from arnews_nlp.ner.stage import NERStage

__all__ = ["ANERCORP_SCHEME", "LABELS", "NERStage", "NERTagger", "load_tagger"]
