"""All errors and warnings of arnews-nlp, each with a stable code.

Every error derives from :class:`ArnewsError` and, where one fits, from the
matching builtin, so ``except FileNotFoundError`` still works. Messages start
with the code in brackets and say how to fix the problem.

Examples:
    >>> err = EmptyInputError()
    >>> err.code, str(err).startswith("[E001]")
    ('E001', True)
    >>> isinstance(err, ValueError)
    True
"""

from __future__ import annotations

import warnings
from typing import Any

__all__ = [
    "ERROR_CODES",
    "WARNING_CODES",
    "ArnewsError",
    "ArnewsWarning",
    "BackendUnavailableError",
    "ConfigError",
    "EmptyInputError",
    "InvalidDateError",
    "InvalidEncodingError",
    "InvalidRecordError",
    "NonArabicInputError",
    "OutputExistsError",
    "PipelineError",
    "ResourceNotFoundError",
    "RuleFileError",
    "UnexpectedError",
    "UnreadableFileError",
    "WorkerDiedError",
    "warn",
]


class ArnewsError(Exception):
    """Base class of every error raised by arnews-nlp.

    Attributes:
        code: The stable error code (``"E001"`` …).
        fields: Structured details (``path``, ``key`` …) for programs that handle the error.
    """

    code = "E000"
    default_message = "arnews-nlp error"

    def __init__(self, message: str | None = None, **fields: Any) -> None:
        self.fields = fields
        self.message = message or self.default_message.format(**fields)
        super().__init__(f"[{self.code}] {self.message}")


class EmptyInputError(ArnewsError, ValueError):
    """The article text is empty or only whitespace."""

    code = "E001"
    default_message = "The article text is empty. Pass a non-empty Arabic news article."


class NonArabicInputError(ArnewsError, ValueError):
    """The text contains (almost) no Arabic letters."""

    code = "E002"
    default_message = (
        "The text has too few Arabic letters ({ratio:.0%} of its letters) to be an Arabic article. "
        "Pass Arabic text, or lower `min_arabic_ratio` when loading the pipeline."
    )


class InvalidEncodingError(ArnewsError, UnicodeError):
    """Input bytes are not valid UTF-8."""

    code = "E003"
    default_message = (
        "{path} is not valid UTF-8 (byte {position}). Re-encode it, e.g. `iconv -f CP1256 -t UTF-8`."
    )


class UnreadableFileError(ArnewsError, OSError):
    """An input file does not exist or cannot be read."""

    code = "E004"
    default_message = "Cannot read {path}: {reason}."


class InvalidRecordError(ArnewsError, ValueError):
    """A JSON record is malformed or lacks its text."""

    code = "E005"
    default_message = "Invalid record: {reason}."


class InvalidDateError(ArnewsError, ValueError):
    """A publication date could not be parsed."""

    code = "E006"
    default_message = "Cannot read the date {value!r}: use YYYY-MM-DD (e.g. 2026-02-10)."


class OutputExistsError(ArnewsError, FileExistsError):
    """An output file exists and neither resume nor overwrite was asked for."""

    code = "E007"
    default_message = "{path} exists: pass --resume to continue it or --overwrite to replace it."


class ConfigError(ArnewsError, ValueError):
    """A pipeline configuration or stage setting is invalid."""

    code = "E010"
    default_message = "Invalid pipeline configuration: {reason}."


class PipelineError(ArnewsError, RuntimeError):
    """A stage failed while processing a document."""

    code = "E011"
    default_message = "Stage {stage!r} failed: {reason}."


class ResourceNotFoundError(ArnewsError, FileNotFoundError):
    """A model or resource file is missing."""

    code = "E012"
    default_message = (
        "Resource {name!r} not found (looked in: {searched}). Pass an explicit path, "
        "or set ARNEWS_NLP_DATA to the folder that holds it."
    )


class RuleFileError(ArnewsError, ValueError):
    """An event rule file does not validate."""

    code = "E013"
    default_message = "Invalid rule file {path}: {reason}."


class BackendUnavailableError(ArnewsError, ImportError):
    """An optional backend (camel-tools, stanza) or its model is not installed.

    Attributes:
        install_command: The exact command that installs what is missing.
    """

    code = "E020"
    default_message = "Backend {backend!r} is unavailable: {reason}. Install it with: {install_command}"

    @property
    def install_command(self) -> str:
        """The command that installs what is missing."""
        return str(self.fields.get("install_command", ""))


class WorkerDiedError(ArnewsError, RuntimeError):
    """A worker process died on a record, twice (the record was retried alone)."""

    code = "E030"
    default_message = (
        "A worker process died while processing this record ({reason}); it was retried alone and died again."
    )


class UnexpectedError(ArnewsError, RuntimeError):
    """A bug or an unforeseen input crashed a stage; the message names the exception."""

    code = "E099"
    default_message = "Unexpected failure: {reason}. Please report it with the input that caused it."


class ArnewsWarning(UserWarning):
    """Base class of arnews-nlp warnings; the message starts with a ``[Wxxx]`` code."""


WARNING_CODES: dict[str, str] = {
    "W001": "Event rules are empty: the event stage will find nothing.",
    "W002": "No publication date: relative dates are left unresolved.",
    "W003": "A weekday and a date disagree; the date is kept.",
}


def warn(code: str, detail: str = "", *, stacklevel: int = 2) -> None:
    """Emit a coded :class:`ArnewsWarning`.

    Examples:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     warn("W002")
        >>> str(caught[0].message).startswith("[W002]")
        True
    """
    if code not in WARNING_CODES:
        raise KeyError(f"unknown warning code {code}")
    text = f"[{code}] {WARNING_CODES[code]}" + (f" {detail}" if detail else "")
    warnings.warn(text, ArnewsWarning, stacklevel=stacklevel + 1)


def _collect_codes() -> dict[str, type[ArnewsError]]:
    codes: dict[str, type[ArnewsError]] = {}
    stack: list[type[ArnewsError]] = [ArnewsError]
    while stack:
        cls = stack.pop()
        codes[cls.code] = cls
        stack.extend(cls.__subclasses__())
    return dict(sorted(codes.items()))


ERROR_CODES: dict[str, type[ArnewsError]] = _collect_codes()
