"""Property tests: offsets are exact and robust to diacritics, tatweel and bidi controls."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews_nlp.normalize.charsets import fold
from arnews_nlp.temporal import find_dates, find_numbers
from arnews_nlp.temporal.folding import fold_aligned

NOISE = ["\u064e", "\u064b", "\u0651", "\u0652", "\u0640", "\u200f", "\u200e", "\u200d", "\u061c"]
PIECES = [
    "أمس", "الخميس", "يوم", "9", "٩", "شباط", "/", "فبراير", "2026", "٢٠٢٦", "عام", "رقم", "90", "الـ",
    "في", "من", "التاسع", "عشر", "هـ", "رمضان", "1439", "الماضي", "المقبل", "غداً", "و", "،", ".", " ",
    "ثلاثة", "آلاف", "مليون", "الشهر", "9/2/2026", "كانون", "الثاني", "قتل", "15", "شخصا",
]  # fmt: skip
PUB = dt.date(2026, 2, 10)

texts = st.lists(st.sampled_from(PIECES + NOISE), max_size=30).map(" ".join)
noisy = st.text(alphabet=st.sampled_from(list("أمسالخيوشباطفرين٩90/ -،.") + NOISE), max_size=60)


def _check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    last = 0
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert start >= last  # sorted, no overlap
        last = end
        assert text[start] not in NOISE  # a span starts on a real character
        assert fold(text[start:end]).strip() == fold(text[start:end])


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, noisy, st.text(max_size=40)))
def test_offsets_are_valid_and_ordered(text: str) -> None:
    _check_spans(text, [(m.start, m.end) for m in find_dates(text, PUB)])
    _check_spans(text, [(m.start, m.end) for m in find_numbers(text)])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NOISE), max_size=6), st.data())
def test_noise_inside_words_does_not_change_results(noise: list[str], data: st.DataObject) -> None:
    clean = "قال أمس إن الاجتماع سيعقد في 23 آذار المقبل بعد انضمام العضو رقم 90"
    chars = list(clean)
    for ch in noise:
        pos = data.draw(st.integers(1, len(chars) - 1))
        chars.insert(pos, ch)
    noisy_text = "".join(chars)
    clean_dates = [(clean[m.start : m.end], m.value) for m in find_dates(clean, PUB)]
    noisy_dates = [(fold(noisy_text[m.start : m.end]), m.value) for m in find_dates(noisy_text, PUB)]
    assert [(fold(s), v) for s, v in clean_dates] == noisy_dates
    clean_nums = [m.value for m in find_numbers(clean)]
    assert [m.value for m in find_numbers(noisy_text)] == clean_nums


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=50))
def test_fold_alignment_maps_every_character(text: str) -> None:
    ft = fold_aligned(text)
    assert len(ft.index) == len(ft.text) + 1
    for k in range(len(ft.text)):
        s, e = ft.to_original(k, k + 1)
        assert fold(text[s:e]) in (ft.text[k], fold(ft.text[k]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join), st.one_of(st.none(), st.dates()))
def test_any_publication_date_gives_well_formed_values(text: str, published: dt.date | None) -> None:
    for m in find_dates(text, published):
        assert m.value is None or (len(m.value) in (4, 7, 10) and not m.value.startswith("0000"))
        if m.value is not None:
            assert m.granularity == {4: "year", 7: "month", 10: "day"}[len(m.value)]
        if m.value is not None and len(m.value) == 10:
            assert dt.date.fromisoformat(m.value).isoformat() == m.value
