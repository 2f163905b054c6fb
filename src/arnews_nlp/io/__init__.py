"""Reading articles (aggregator text, JSON records) and writing results."""

from arnews_nlp.io.article import doc_from_record, parse_date, parse_text

__all__ = ["doc_from_record", "parse_date", "parse_text"]
