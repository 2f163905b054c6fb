from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews_nlp.tokenize import CliticSegmenter, Tokenizer, split_sentences

from .test_normalize import TEXT

WORDS = st.lists(
    st.sampled_from(
        [
            "وسوريا",
            "للتحالف",
            "بغداد",
            "قال",
            "«",
            "»",
            '"',
            ".",
            "؟",
            "د.",
            "الوزيـــر",
            "مُحَمَّد",
            "90",
            "٢٠٢٦",
            "\u200f",
            "،",
            "\n",
            "وبالمدينة",
            "كتابه",
            "ق.م",
            "X",
            "…",
            " ",
        ]
    ),
    max_size=30,
).map(" ".join)

# What may stand between tokens: whitespace and invisible controls.
SEPARATORS = (
    " \t\n\r\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\ufeff\u061c\u00ad\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2028\u2029"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوزير. ثم غادر!", ["وصل الوزير.", "ثم غادر!"]),
        ("هل وصل؟ نعم", ["هل وصل؟", "نعم"]),
        ("قال: «وصلنا. بدأنا». ثم غادر.", ["قال: «وصلنا. بدأنا».", "ثم غادر."]),
        ("كتب “انتهى الأمر. شكراً” وغادر.", ["كتب “انتهى الأمر. شكراً” وغادر."]),
        ('قال: "وصلنا. بدأنا". ثم غادر.', ['قال: "وصلنا. بدأنا".', "ثم غادر."]),
        ("التقى د. خالد بالوفد.", ["التقى د. خالد بالوفد."]),
        ("ولد عام 50 ق.م في روما. ثم رحل.", ["ولد عام 50 ق.م في روما.", "ثم رحل."]),
        ("نقلت أ.ف.ب عن مصدر. وأضافت", ["نقلت أ.ف.ب عن مصدر.", "وأضافت"]),
        ("بلغ النمو 3.5 بالمئة. وارتفع", ["بلغ النمو 3.5 بالمئة.", "وارتفع"]),
        ("عنوان بلا نقطة\nفقرة أولى. فقرة ثانية", ["عنوان بلا نقطة", "فقرة أولى.", "فقرة ثانية"]),
        ("انتظر... ثم تكلم", ["انتظر...", "ثم تكلم"]),
        ("   ", []),
    ],
)
def test_sentence_table(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


def test_unclosed_quote_does_not_swallow_the_next_paragraph() -> None:
    text = 'قال: "بدأنا. ثم\nفقرة جديدة. أخرى'
    assert [text[s.start : s.end] for s in split_sentences(text)][-2:] == ["فقرة جديدة.", "أخرى"]


@pytest.mark.parametrize(
    ("word", "segments"),
    [
        ("وسوريا", [("و", "proclitic"), ("سوريا", "stem")]),
        ("للتحالف", [("ل", "proclitic"), ("ل", "article"), ("تحالف", "stem")]),
        ("وبالمدينة", [("و", "proclitic"), ("ب", "proclitic"), ("ال", "article"), ("مدينة", "stem")]),
        ("والحكومة", [("و", "proclitic"), ("ال", "article"), ("حكومة", "stem")]),
        ("فالمشكلة", [("ف", "proclitic"), ("ال", "article"), ("مشكلة", "stem")]),
        ("كالعادة", [("ك", "proclitic"), ("ال", "article"), ("عادة", "stem")]),
        ("سيزور", [("س", "proclitic"), ("يزور", "stem")]),
        ("وَالحُكومة", [("وَ", "proclitic"), ("ال", "article"), ("حُكومة", "stem")]),
        ("حكومته", [("حكومت", "stem"), ("ه", "enclitic")]),
        ("بغداد", []),
        ("لبنان", []),
        ("وليد", []),
        ("كابول", []),
        ("وزير", []),
        ("الذي", []),
        ("بين", []),
    ],
)
def test_clitic_table(word: str, segments: list[tuple[str, str]]) -> None:
    segs = CliticSegmenter().segment(word)
    assert [(word[s.start : s.end], s.kind) for s in segs] == segments


def test_stem_norm_restores_teh_marbuta() -> None:
    segs = CliticSegmenter().segment("حكومته")
    assert segs[0].norm == "حكومة"


def test_tokens_split_punctuation_and_keep_words_whole() -> None:
    text = "وقال الربيعي:«إن الـ90 عضواً وصلوا»،"
    toks = [text[t.start : t.end] for t in Tokenizer()(text)]
    assert toks == ["وقال", "الربيعي", ":", "«", "إن", "الـ", "90", "عضواً", "وصلوا", "»", "،"]


@settings(max_examples=300)
@given(st.one_of(TEXT, WORDS))
def test_tokens_and_segments_are_exact_spans(text: str) -> None:
    toks = Tokenizer()(text)
    prev_end = 0
    for t in toks:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= prev_end
        assert not text[prev_end : t.start].strip(SEPARATORS)
        prev_end = t.end
        if t.segments:
            assert t.segments[0].start == t.start
            assert t.segments[-1].end == t.end
            for a, b in zip(t.segments, t.segments[1:], strict=False):
                assert a.end == b.start and a.start < a.end
    assert not text[prev_end:].strip(SEPARATORS)


@settings(max_examples=300)
@given(st.one_of(TEXT, WORDS))
def test_sentences_are_exact_non_empty_and_ordered(text: str) -> None:
    prev = 0
    for s in split_sentences(text):
        assert prev <= s.start < s.end <= len(text)
        chunk = text[s.start : s.end]
        assert chunk == chunk.strip() and chunk
        prev = s.end
    covered = "".join(text[s.start : s.end] for s in split_sentences(text))
    assert "".join(covered.split()) == "".join(text.split())


def test_tokenizer_and_segmenter_pickle() -> None:
    tok = Tokenizer()
    tok("وسوريا")  # force the lazy lexicon
    again = pickle.loads(pickle.dumps(tok))
    assert [(t.start, t.end, t.segments) for t in again("وسوريا والعراق")] == [
        (t.start, t.end, t.segments) for t in tok("وسوريا والعراق")
    ]


WARM = Tokenizer()


@settings(max_examples=200)
@given(st.one_of(TEXT, WORDS))
def test_memoized_tokenizer_equals_a_fresh_one(text: str) -> None:
    assert WARM(text) == Tokenizer()(text)
    assert WARM(text) == Tokenizer()(text)  # second call served from the memo
