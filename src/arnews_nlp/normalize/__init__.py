"""Arabic normalization with alignment back to original offsets."""

from arnews_nlp.normalize.aligned import NormalizedText, NormalizerConfig, normalize
from arnews_nlp.normalize.charsets import fold, is_arabic_letter

__all__ = ["NormalizedText", "NormalizerConfig", "fold", "is_arabic_letter", "normalize"]
