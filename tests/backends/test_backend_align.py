"""Alignment of backend tokens and clitic segments to character offsets (no extras needed)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews_nlp.backends.align import align_segments, align_tokens
from arnews_nlp.normalize.charsets import fold

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
MARKS = "\u064e\u064f\u0650\u0651\u0652\u064b\u0640"  # fatha, damma, kasra, shadda, sukun, tanwin, tatweel
SEPARATORS = [" ", "  ", "\n", " ، ", ". ", " (", ") "]


@st.composite
def words(draw: st.DrawFn) -> str:
    out = []
    for _ in range(draw(st.integers(1, 7))):
        out.append(draw(st.sampled_from(LETTERS)))
        if draw(st.booleans()):
            out.append(draw(st.sampled_from(MARKS)))
    return "".join(out)


@st.composite
def texts(draw: st.DrawFn) -> tuple[str, list[str]]:
    ws = draw(st.lists(words(), min_size=1, max_size=12))
    parts = [draw(st.sampled_from(["", " ", "«"]))]
    for w in ws:
        parts.append(w)
        parts.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(parts), ws


def _plain(word: str) -> str:
    """What a backend may give back: no diacritics/tatweel, alef forms and ى/ة folded."""
    return fold(word)


@settings(max_examples=300, deadline=None)
@given(texts())
def test_exact_tokens_get_their_own_spans(sample: tuple[str, list[str]]) -> None:
    text, ws = sample
    spans = align_tokens(text, ws)
    pos = 0
    for word, span in zip(ws, spans, strict=True):
        assert span is not None
        start, end = span
        assert start >= pos
        assert text[start:end] == word
        pos = end


@settings(max_examples=300, deadline=None)
@given(texts())
def test_folded_tokens_map_to_the_verbatim_words(sample: tuple[str, list[str]]) -> None:
    text, ws = sample
    spans = align_tokens(text, [_plain(w) for w in ws])
    assert [text[s:e] for s, e in spans] == ws  # type: ignore[misc]


@settings(max_examples=200, deadline=None)
@given(texts(), st.lists(st.text(alphabet=LETTERS + " x.", max_size=6), max_size=8))
def test_any_tokens_give_ordered_disjoint_in_bounds_spans(sample: tuple[str, list[str]], junk: list[str]) -> None:
    text, ws = sample
    tokens = [t for pair in zip(ws, junk, strict=False) for t in pair] or ws
    aligned = align_tokens(text, tokens)
    found = [(span, tok) for span, tok in zip(aligned, tokens, strict=True) if span is not None]
    for ((_, e1), _), ((s2, _), _) in itertools.pairwise(found):
        assert e1 <= s2
    for (s, e), tok in found:
        assert 0 <= s < e <= len(text)
        assert "".join(fold(text[s:e]).split()) == "".join(fold(tok).split())


def test_unfindable_token_does_not_shift_the_rest() -> None:
    text = "وصل الرئيس إلى القاهرة"
    spans = align_tokens(text, ["وصل", "XYZ", "الرئيس", "\u200b", "الي", "القاهره"])
    assert spans == [(0, 3), None, (4, 10), None, (11, 14), (15, 22)]


def test_window_limits_the_search() -> None:
    text = "القاهرة. القاهرة"
    assert align_tokens(text, ["القاهرة"], start=8) == [(9, 16)]
    assert align_tokens(text, ["القاهرة"], start=0, end=4) == [None]
    with pytest.raises(ValueError):
        align_tokens(text, [], start=5, end=2)


@st.composite
def cut_words(draw: st.DrawFn) -> tuple[str, list[str]]:
    pieces = draw(st.lists(words(), min_size=1, max_size=4))
    return "".join(pieces), pieces


@settings(max_examples=300, deadline=None)
@given(cut_words())
def test_segments_spelled_in_the_word_get_their_own_spans(sample: tuple[str, list[str]]) -> None:
    surface, pieces = sample
    marked = [p + "+" for p in pieces[:-1]] + pieces[-1:]
    spans = align_segments(surface, marked)
    assert [surface[s:e] for s, e in spans] == pieces


@settings(max_examples=300, deadline=None)
@given(words(), st.lists(st.text(alphabet=LETTERS + "+", min_size=1, max_size=5), min_size=1, max_size=5))
def test_segments_always_tile_the_surface(surface: str, segments: list[str]) -> None:
    spans = align_segments(surface, segments)
    assert len(spans) == len(segments)
    assert spans[0][0] == 0 and spans[-1][1] == len(surface)
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        assert e1 == s2
    assert all(s <= e for s, e in spans)


@pytest.mark.parametrize(
    ("surface", "segments", "expected"),
    [
        ("وبالمدينة", ["و+", "ب+", "ال+", "مدينة"], ["و", "ب", "ال", "مدينة"]),
        ("للمدينة", ["ل+", "ال+", "مدينة"], ["ل", "ل", "مدينة"]),
        ("مدينتهم", ["مدينة", "+هم"], ["مدينت", "هم"]),
        ("وَسَيَكتُبونَها", ["و+", "س+", "يكتبون", "+ها"], ["وَ", "سَ", "يَكتُبونَ", "ها"]),
        ("كتاب", ["كتاب"], ["كتاب"]),
    ],
)
def test_segment_examples(surface: str, segments: list[str], expected: list[str]) -> None:
    assert [surface[s:e] for s, e in align_segments(surface, segments)] == expected
