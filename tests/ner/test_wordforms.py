from __future__ import annotations

import pytest

from arnews_nlp.ner.wordforms import key, shape, split_proclitics, split_words


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وسوريا", ("و", "سوريا")),
        ("للتحالف", ("ل", "التحالف")),
        ("وبالمدينة", ("وب", "المدينه")),
        ("والأكراد", ("و", "الاكراد")),
        ("دمشق", ("", "دمشق")),
    ],
)
def test_split_proclitics(word: str, expected: tuple[str, str]) -> None:
    assert split_proclitics(key(word)) == expected


def test_short_words_are_not_split() -> None:
    assert split_proclitics("ولد") == ("", "ولد")


def test_key_folds_hamza_and_diacritics() -> None:
    assert key("مُؤْتَمَر") == "موتمر"
    assert key("أبوظبي") == key("ابوظبي")


def test_shape_and_split_words() -> None:
    assert shape("B52") == "Ld"
    assert split_words("جاء (الوفد) أمس،") == ["جاء", "(", "الوفد", ")", "أمس", "،"]
