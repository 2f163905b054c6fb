"""arnews-nlp: structured, verifiable facts from Arabic news articles."""

__version__ = "0.1.0"
__all__ = ["__version__"]
