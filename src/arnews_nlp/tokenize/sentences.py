"""Sentence splitting for Arabic news text.

Rules, in order:

* a line break always ends a sentence (news paragraphs are lines);
* ``.``, ``!``, ``?``, ``؟``, ``…`` (and runs of them) end a sentence when
  followed by whitespace or the end of the text, and the closing quotes or
  brackets right after them stay in the sentence;
* no split inside an open quotation (``«»``, ``“”``, or a pair of ``"``) on the
  same line, so a quoted passage stays with its speaker;
* no split after an abbreviation: a single Arabic letter followed by a dot
  (``د.`` doctor, ``م.`` AD, the letters of ``أ.ف.ب``) or ``ق.م``.
"""

from __future__ import annotations

import regex

from arnews_nlp.doc import Sentence

__all__ = ["split_sentences"]

_ENDERS = ".!?؟…"
_CLOSERS = "»”\"')]}›’"
_OPEN_TO_CLOSE = {"«": "»", "“": "”"}
_SPECIAL = regex.compile("[" + regex.escape("\n" + "".join(_OPEN_TO_CLOSE) + "»”\"" + _ENDERS) + "]")
_ABBREV = regex.compile(r"(?:^|[\s(«\"“])(?:\p{Script=Arabic}|ق\.م)$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    r"""Split ``text[start:end]`` into sentences; offsets index ``text``.

    Sentences exclude surrounding whitespace and are never empty.

    Examples:
        >>> t = 'قال د. أحمد: "وصلنا. بدأنا". ثم غادر.\nعنوان آخر'
        >>> [t[s.start:s.end] for s in split_sentences(t)]
        ['قال د. أحمد: "وصلنا. بدأنا".', 'ثم غادر.', 'عنوان آخر']
    """
    stop = len(text) if end is None else end
    out: list[Sentence] = []
    cur = start
    i = start
    quote_stack: list[str] = []
    while i < stop:
        found = _SPECIAL.search(text, i, stop)  # other characters change nothing
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch == "\n":
            _emit(text, cur, i, out)
            cur = i + 1
            quote_stack.clear()
        elif ch in _OPEN_TO_CLOSE:
            quote_stack.append(_OPEN_TO_CLOSE[ch])
        elif quote_stack and ch == quote_stack[-1]:
            quote_stack.pop()
        elif ch == '"':
            if quote_stack and quote_stack[-1] == '"':
                quote_stack.pop()
            else:
                quote_stack.append('"')
        elif ch in _ENDERS and not quote_stack:
            j = i + 1
            while j < stop and text[j] in _ENDERS:
                j += 1
            while j < stop and text[j] in _CLOSERS and text[j] != '"':
                j += 1
            at_boundary = j >= stop or text[j].isspace()
            if at_boundary and not (ch == "." and _ABBREV.search(text, cur, i)):
                _emit(text, cur, j, out)
                cur = j
            i = j
            continue
        i += 1
    _emit(text, cur, stop, out)
    return out


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end))
