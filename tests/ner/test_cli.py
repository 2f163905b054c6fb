from __future__ import annotations

import json
from pathlib import Path

import pytest

from arnews_nlp.ner.cli import main, tag_conll_lines


def test_tag_conll_appends_a_column_and_keeps_blank_lines(
    tiny_model_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.conll"
    src.write_text("قال\tX\nسامي\tX\nالخطيب\tX\n\n\nزار O\nحلب O\n", encoding="utf-8")
    assert main(["tag-conll", str(src), "--model", str(tiny_model_dir)]) == 0
    lines = capsys.readouterr().out.split("\n")
    assert lines[3] == "" and lines[4] == ""
    assert lines[0].startswith("قال\tX\t")
    assert lines[1] == "سامي\tX\tB-PERS"
    assert lines[5].startswith("زار O ")
    assert len(lines[6].split()) == 3


def test_tag_conll_to_file_with_anercorp_scheme(tiny_model_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.conll"
    src.write_text("وصل\nإلى\nحلب\n", encoding="utf-8")
    out = tmp_path / "out.conll"
    assert main(["tag-conll", str(src), "-o", str(out), "--scheme", "anercorp", "--model", str(tiny_model_dir)]) == 0
    tags = [line.split()[-1] for line in out.read_text(encoding="utf-8").splitlines() if line]
    assert tags[-1] == "B-LOC"
    assert all(t in {"O", "B-LOC", "I-LOC", "B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-MISC", "I-MISC"} for t in tags)


def test_tag_conll_lines_rejects_unknown_scheme() -> None:
    with pytest.raises(ValueError, match="unknown scheme"):
        list(tag_conll_lines(["a"], lambda t: ["O"] * len(t), scheme="conll"))


def test_eval_ner_wraps_the_official_scorer(
    shared: Path, tiny_model_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.conll"
    gold.write_text("قال O\nسامي B-PER\nالخطيب I-PER\nفي O\nحلب B-LOC\n\n", encoding="utf-8")
    assert (
        main(
            [
                "eval-ner",
                str(gold),
                "--model",
                str(tiny_model_dir),
                "--json",
                "--scorer",
                str(shared / "eval" / "score_ner.py"),
            ]
        )
        == 0
    )
    res = json.loads(capsys.readouterr().out)
    assert res["overall"]["gold"] == 2
    assert res["by_type"]["PERS"]["tp"] == 1
