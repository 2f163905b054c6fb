"""Arabic normalization with alignment back to original offsets."""

from arnews_nlp.normalize.charsets import fold

__all__ = ["fold"]
