"""Batch processing of article dumps: lossless, ordered, parallel."""

from arnews_nlp.batch.runner import BatchStats, open_binary, open_text, process_line, read_lines, run_batch

__all__ = ["BatchStats", "open_binary", "open_text", "process_line", "read_lines", "run_batch"]
