from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from arnews_nlp.ner.gazetteer import Gazetteer, default_gazetteer_path
from arnews_nlp.ner.wordforms import key

ROOT = Path(__file__).resolve().parents[2]


def test_packaged_gazetteer_has_the_categories_the_features_use() -> None:
    gz = Gazetteer.from_file()
    assert len(gz) > 5000
    assert "COUNTRY" in gz.categories(key("سوريا"))
    assert "NAT" in gz.categories(key("الأكراد"))
    assert "OCCHEAD" in gz.categories(key("وزير"))
    assert "FACKW" in gz.categories(key("مطار"))


def test_longest_match_with_proclitic_on_first_word() -> None:
    gz = Gazetteer([("الولايات المتحده", "COUNTRY"), ("الولايات", "X")])
    keys = [key(w) for w in ["وصل", "إلى", "والولايات", "المتحدة"]]
    assert (2, 4, "COUNTRY") in gz.match(keys)
    assert (2, 3, "X") in gz.match(keys)


def test_gazetteer_is_sorted_unique_and_folded() -> None:
    lines = default_gazetteer_path().read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines))
    for line in lines[:2000]:
        phrase, _cat = line.split("\t")
        assert phrase == key(phrase)


def test_committed_gazetteer_equals_a_fresh_build(shared: Path) -> None:
    if importlib.util.find_spec("babel") is None:
        pytest.skip("babel (training extra) not installed")
    spec = importlib.util.spec_from_file_location("build_gazetteers", ROOT / "scripts" / "build_gazetteers.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteers"] = mod
    spec.loader.exec_module(mod)
    mod.SHARED = shared / "data" / "gazetteers"
    assert mod.render(mod.build()) == default_gazetteer_path().read_text(encoding="utf-8")


def test_nisba_adjectives_derived_from_country_names() -> None:
    spec = importlib.util.spec_from_file_location("build_gazetteers_nisba", ROOT / "scripts" / "build_gazetteers.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    nisba = mod._nisba_of_country
    assert [nisba(n) for n in ("الكاميرون", "إسبانيا", "فرنسا", "السعودية", "مصر")] == [
        "كاميروني",
        "إسباني",
        "فرنسي",
        "سعودي",
        "مصري",
    ]
    assert nisba("مالي") is None and nisba("كوريا الشمالية") is None
    gz = Gazetteer.from_file()
    for word in ("الكاميروني", "العاجي", "الإنجليزي", "كولومبية"):
        assert "NAT" in gz.categories(key(word)), word
