"""Mined organisation/club names and the quoted-title matches (feature version 5)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from arnews_nlp.ner.features import FeatureExtractor
from arnews_nlp.ner.gazetteer import Gazetteer
from arnews_nlp.ner.model import NERTagger
from arnews_nlp.ner.names import mine_names, save_names

GAZ = Gazetteer(
    [
        ("ليون", "CITY"),
        ("باريس", "CITY"),
        ("الفرنسي", "NAT"),
        ("الفرنسيه", "NAT"),
        ("سوريا", "COUNTRY"),
        ("صحيفه", "ORGKW"),
        ("برنامج", "WORKKW"),
        ("ملعب", "FACKW"),
    ]
)


def test_org_name_needs_enough_head_contexts_and_share() -> None:
    sents = [["حزب", "الليكود"], ["قال", "الليكود"]] * 3  # 3 of 6 occurrences after حزب
    sents += [["حزب", "الحاكم"]] * 3 + [["الحاكم", "قال"]] * 20  # 3 of 23: a common word
    sents += [["شركة", "تسلا"]] * 2  # twice only
    sents += [["وحزب", "البعث"]] * 3  # the head may carry a proclitic
    rows = mine_names(sents, GAZ)
    assert ("الليكود", "ORGNAME") in rows
    assert ("البعث", "ORGNAME") in rows
    assert not any(w in ("الحاكم", "تسلا") for w, _ in rows)
    assert ("تسلا", "ORGNAME") in mine_names(sents, GAZ, min_count=2)


def test_known_words_and_function_words_are_not_org_names() -> None:
    sents = [["حزب", "سوريا"], ["حركة", "في"], ["شركة", "."]] * 5
    assert mine_names(sents, GAZ) == []


def test_club_city_needs_masculine_adjective_after_a_gazetteer_city() -> None:
    club = [["فاز", "ليون", "الفرنسي"]] * 3
    city = [["في", "باريس", "الفرنسية"]] * 5  # feminine: the city itself
    unknown = [["فاز", "موناكو", "الفرنسي"]] * 5  # not a gazetteer city
    rows = mine_names(club + city + unknown + [["في", "ليون"]] * 30, GAZ)
    assert rows == [("ليون", "CLUBCITY")]
    # 3 of 3 + 50 occurrences is under the 8 % share
    assert mine_names(club + [["في", "ليون"]] * 50, GAZ) == []


def test_quoted_title_after_head_noun_is_a_match_only_from_version_5() -> None:
    toks = ["في", "برنامج", "«", "حبيب", "الملايين", "»", "على", "ملعب", "'", "'", "فارول", "'", "'"]
    v5 = FeatureExtractor(gazetteer=GAZ, version=5)
    matches = v5.analyze(toks)[1]
    assert (3, 5, "QWORKKW") in matches
    assert (10, 11, "QFACKW") in matches
    feats = v5.sentence(toks)
    assert "g=QWORKKW" in feats[3] and "gB=QWORKKW" in feats[3] and "gI=QWORKKW" in feats[4]
    v4 = FeatureExtractor(gazetteer=GAZ, version=4)
    assert not [m for m in v4.analyze(toks)[1] if m[2].startswith("Q")]


def test_quotes_must_close_soon_and_follow_a_head_noun() -> None:
    fx = FeatureExtractor(gazetteer=GAZ, version=5)
    unclosed = ["صحيفة", "«", "الشرق", "الأوسط", "قالت"]
    too_long = ["صحيفة", "«", *["كلمة"] * 9, "»"]
    no_head = ["وقال", "«", "نعم", "»"]
    for toks in (unclosed, too_long, no_head):
        assert not [m for m in fx.analyze(toks)[1] if m[2].startswith("Q")], toks
    eight = ["صحيفة", "«", *["كلمة"] * 8, "»"]
    assert (2, 10, "QORGKW") in fx.analyze(eight)[1]


def test_model_reads_its_names_table(tiny_model_dir: Path, tmp_path: Path) -> None:
    model = tmp_path / "m"
    shutil.copytree(tiny_model_dir, model)
    save_names([("الليكود", "ORGNAME")], model / "names.tsv")
    assert "ORGNAME" not in NERTagger(model).extractor.word("الليكود").gaz
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    (model / "meta.json").write_text(json.dumps({**meta, "names": "names.tsv"}), encoding="utf-8")
    assert "ORGNAME" in NERTagger(model).extractor.word("والليكود").gaz
