from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews_nlp.normalize import NormalizerConfig, fold, normalize
from arnews_nlp.normalize.aligned import _normalize_slow, _tables

# Random text over the characters that matter: Arabic letters, diacritics, tatweel,
# presentation forms, digits, Latin, emoji, bidi and zero-width controls.
ALPHABET = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآٱؤئء")
    + [chr(c) for c in range(0x064B, 0x0653)]
    + ["\u0640", "\u0670", "\u200c", "\u200d", "\u200f", "\u202b", "\u202c", "\ufeff", "\u061c"]
    + ["ﷺ", "ﻻ", "ﺑ", "ﻹ", "ﷲ", "…", "ﱞ"]
    + list("٠١٢٣٤٥٦٧٨٩۰۴۵0123456789")
    + list("،؛؟.,!«»\"“” \n\t")
    + list("abcXYZ")
    + ["😀", "👍", "\U0001F3FD"]
)
TEXT = st.text(alphabet=ALPHABET, max_size=60)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("مُحَمَّد", "محمد"),  # harakat and shadda removed (8 -> 4)
        ("الوزيـــر", "الوزير"),  # tatweel
        ("أحمد إبراهيم آمنة ٱلله", "احمد ابراهيم امنه الله"),  # alef forms, teh marbuta
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("٢٠٢٦/٠٢/١٠", "2026/02/10"),  # Arabic-Indic digits
        ("۱۴۰۵", "1405"),  # Persian digits
        ("قال، ثم؛ هل؟", "قال, ثم; هل?"),  # Arabic punctuation
        ("سو\u200fريا\u200c", "سوريا"),  # bidi and zero-width controls
        ("ﻻ", "لا"),  # presentation form ligature (NFKC)
        ("ﺑﻐﺪاد", "بغداد"),  # isolated/initial/medial forms
        ("ﷺ", "صلي الله عليه وسلم"),  # 1 -> 18 characters, then folded
        ("", ""),
    ],
)
def test_normalize_table(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_teh_marbuta_and_hamza_are_configurable() -> None:
    assert normalize("مدينة", NormalizerConfig(teh_marbuta=False)).text == "مدينة"
    assert normalize("مسؤول رئيس", NormalizerConfig(hamza_seats=True)).text == "مسوول رييس"
    assert normalize("مسؤول رئيس").text == "مسؤول رئيس"
    assert normalize("الإثنين", NormalizerConfig(alef=False)).text == "الإثنين"


def test_expansion_maps_back_to_the_single_source_character() -> None:
    n = normalize("قال ﷺ.")
    start = n.text.index("صلي")
    assert n.to_original(start, start + 3) == (4, 5)
    assert n.to_original(start, len(n.text) - 1) == (4, 5)


def test_removed_characters_stay_inside_mapped_spans() -> None:
    raw = "وصلَ الوزيـــرُ"
    n = normalize(raw)
    s, e = n.to_original(n.text.index("الوزير"), len(n.text))
    assert raw[s:e] == "الوزيـــرُ"[: e - s]
    assert raw[s:e].startswith("الوزيـــر")


@settings(max_examples=400)
@given(TEXT)
def test_alignment_maps_every_index_to_a_valid_range(raw: str) -> None:
    n = normalize(raw)
    previous = 0
    for i in range(len(n.text)):
        s, e = n.char_origin(i)
        assert 0 <= s < e <= len(raw)
        assert s >= previous  # monotonic
        previous = s
    for i in range(len(n.text) + 1):
        for j in range(i, min(len(n.text), i + 4) + 1):
            s, e = n.to_original(i, j)
            assert 0 <= s <= e <= len(raw)


@settings(max_examples=400)
@given(TEXT)
def test_fast_path_equals_reference(raw: str) -> None:
    cfg = NormalizerConfig()
    fast = normalize(raw, cfg)
    slow = _normalize_slow(raw, _tables(cfg), nfkc=True)
    assert fast.text == slow.text
    for i in range(len(fast.text)):
        assert fast.char_origin(i) == slow.char_origin(i)


def test_fold_matches_normalize_on_plain_arabic() -> None:
    for word in ["الإمارات", "مُستشفى", "القاهرة", "٣٠"]:
        assert fold(word) == normalize(word, NormalizerConfig(punctuation=False)).text


def test_out_of_range_spans_raise() -> None:
    n = normalize("سوريا")
    with pytest.raises(IndexError):
        n.to_original(2, 9)
    with pytest.raises(IndexError):
        n.char_origin(5)
