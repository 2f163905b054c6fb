from __future__ import annotations

from pathlib import Path

from arnews_nlp.ner.features import FeatureExtractor
from arnews_nlp.ner.lexicon import build_lexicon, load_lexicon, save_lexicon


def _fake_tagger(toks: list[str]) -> list[str]:
    out = []
    for t in toks:
        out.append(
            "B-ORG" if t in ("البنك", "للبنك") else "I-ORG" if t == "الوطني" else "B-PERS" if t == "هالة" else "O"
        )
    return out


def test_lexicon_counts_stems_and_ratios(tmp_path: Path) -> None:
    sents = [
        ["قال", "البنك", "الوطني"],
        ["وصل", "للبنك", "الوطني"],
        ["في", "البنك"],
        ["هالة", "هنا"],
        ["هالة", "قالت"],
        ["قالت", "هالة"],
        ["ضوء", "هالة", "القمر"],
        ["القمر", "هالة"],
    ]
    lex, phrases = build_lexicon(sents, lambda t: _fake_tagger(t) if "القمر" not in t else ["O"] * len(t))
    assert lex["البنك"] == ("lx=ORG:hi",)  # للبنك counts as البنك
    assert lex["هالة".replace("ة", "ه")] == ("lx=PERS:hi",)  # 3 of 5
    assert "قال" not in lex
    assert phrases == []  # البنك الوطني seen only twice
    save_lexicon(lex, tmp_path / "lex.tsv")
    assert load_lexicon(tmp_path / "lex.tsv") == lex


def test_lexicon_features_reach_the_crf_attributes() -> None:
    fx = FeatureExtractor(lexicon={"هاله": ("lx=PERS:hi",)}, version=3)
    feats = fx.sentence(["قالت", "هالة", "أمس"])
    assert "lx=PERS:hi" in feats[1]
    assert "lx-1=PERS:hi" in feats[2]
    assert "lx+1=PERS:hi" in feats[0]
