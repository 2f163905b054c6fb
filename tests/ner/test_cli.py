from __future__ import annotations

import itertools
import json
import os
from pathlib import Path
from typing import Any

import pytest

from arnews_nlp.cli import main as arnews_main
from arnews_nlp.errors import InvalidEncodingError, InvalidRecordError, UnreadableFileError
from arnews_nlp.ner.cli import _stream_lines, main, tag_conll_lines


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


def _eval_scored(shared: Path, path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    args = ["eval-ner", str(path), "--scored", "--json", "--scorer", str(shared / "eval" / "score_ner.py"), *extra]
    assert main(args) == 0
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


def test_eval_ner_scored_file_honours_types_and_scheme(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # TOKEN GOLD PRED: a right PER (AQMAR's name), a missed MIS, and a GPE prediction for a LOC gold place
    scored = tmp_path / "scored.conll"
    scored.write_text(
        "قال O O\nسامي B-PER B-PERS\nفي O O\nكأس B-MIS O\nالعالم I-MIS O\nفي O O\nحلب B-LOC B-GPE\n\n",
        encoding="utf-8",
    )
    everything = _eval_scored(shared, scored, capsys)  # default scheme anercorp: GPE is scored as LOC
    assert (everything["overall"]["gold"], everything["overall"]["tp"]) == (3, 2)
    three = _eval_scored(shared, scored, capsys, "--types", "PERS,LOC,ORG")  # the missed MIS is left out
    assert (three["overall"]["gold"], three["overall"]["tp"], three["overall"]["f1"]) == (2, 2, 1.0)
    full = _eval_scored(shared, scored, capsys, "--scheme", "full", "--types", "PERS,LOC,ORG")
    assert full["overall"]["tp"] == 1  # GPE against LOC is a type error in the full scheme


def test_eval_ner_scored_file_needs_three_columns(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "two.conll"
    bad.write_text("سامي B-PERS\n", encoding="utf-8")
    with pytest.raises(InvalidRecordError, match=r"two\.conll line 1: expected TOKEN GOLD PRED"):
        main(["eval-ner", str(bad), "--scored", "--scorer", str(shared / "eval" / "score_ner.py")])


def test_ner_commands_refuse_a_missing_input_and_keep_the_output(tiny_model_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "kept.conll"
    out.write_text("earlier results\n", encoding="utf-8")
    missing = str(tmp_path / "missing.conll")
    with pytest.raises(UnreadableFileError, match=r"missing\.conll"):
        main(["tag-conll", missing, "-o", str(out), "--model", str(tiny_model_dir)])
    assert out.read_text(encoding="utf-8") == "earlier results\n"
    scorer = tmp_path / "score_ner.py"  # never run: the missing input stops the command first
    scorer.write_text("raise SystemExit(3)\n", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match=r"missing\.conll"):
        main(["eval-ner", missing, "--model", str(tiny_model_dir), "--scorer", str(scorer)])


def test_tag_conll_streams_and_writes_its_output_whole_or_not_at_all(tiny_model_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.conll"
    good = "".join("سامي O\nزار O\nدمشق O\n.\tO\n\n" for _ in range(60)).encode("utf-8")
    src.write_bytes(good + b"\xff\xfe O\n")  # not UTF-8, after 60 sentences (more than 2 blocks of 25)
    out = tmp_path / "out.conll"
    out.write_text("earlier results\n", encoding="utf-8")
    with pytest.raises(InvalidEncodingError, match=rf"in\.conll is not valid UTF-8 \(byte {len(good)}\)"):
        main(["tag-conll", str(src), "-o", str(out), "--model", str(tiny_model_dir)])
    assert out.read_text(encoding="utf-8") == "earlier results\n"  # left as it was
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.conll", "out.conll"]  # no partial file left
    lines = _stream_lines(str(src))  # read as tagging goes: the first lines come before the bad byte is seen
    assert list(itertools.islice(lines, 2)) == ["سامي O\n", "زار O\n"]
    with pytest.raises(InvalidEncodingError):
        list(lines)
    src.write_bytes(good)
    fresh = tmp_path / "fresh.conll"
    assert main(["tag-conll", str(src), "-o", str(fresh), "--model", str(tiny_model_dir)]) == 0
    lines = fresh.read_text(encoding="utf-8").split("\n")
    assert len(lines) == 5 * 60 + 1 and lines[3].startswith(".\tO\t")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's private mode
    out.chmod(0o640)
    assert main(["tag-conll", str(src), "-o", str(out), "--model", str(tiny_model_dir)]) == 0
    assert out.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8")
    assert out.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode


def test_tag_conll_writes_into_a_pipe_and_through_a_link(tiny_model_dir: Path, tmp_path: Path) -> None:
    import stat
    import threading

    src = tmp_path / "in.conll"
    src.write_text("سامي O\nزار O\nدمشق O\n", encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # stands for /dev/null or a terminal: an existing file that is not a regular one
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    assert main(["tag-conll", str(src), "-o", str(fifo), "--model", str(tiny_model_dir)]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # written into, not replaced by a file
    assert got and got[0].count("\n") == 3
    real, link = tmp_path / "real.conll", tmp_path / "link.conll"
    real.write_text("old\n", encoding="utf-8")
    link.symlink_to(real)
    assert main(["tag-conll", str(src), "-o", str(link), "--model", str(tiny_model_dir)]) == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") == got[0]


def test_tag_conll_threads_option(tiny_model_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.conll"
    src.write_text("سامي O\nزار O\nدمشق O\n", encoding="utf-8")
    outs = []
    for n in ("1", "0", "2"):
        assert main(["tag-conll", str(src), "--threads", n, "--model", str(tiny_model_dir)]) == 0
        outs.append(capsys.readouterr().out)
    assert outs[0] == outs[1] == outs[2] and outs[0].count("\n") == 3
    for bad in ("-1", "two"):
        with pytest.raises(SystemExit) as exc:
            main(["tag-conll", str(src), "--threads", bad, "--model", str(tiny_model_dir)])
        assert exc.value.code == 2
        assert f"expected 0 or more threads, not '{bad}'" in capsys.readouterr().err


def test_arnews_prints_one_line_for_a_missing_conll_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert arnews_main(["tag-conll", str(tmp_path / "missing.conll")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("arnews: error: [E004] Cannot read ") and err.count("\n") == 1


def test_tag_conll_domain_option(tiny_model_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.conll"
    src.write_text("زار\nحلب\n", encoding="utf-8")
    assert main(["tag-conll", str(src), "--domain", "wiki", "--model", str(tiny_model_dir)]) == 0
    assert capsys.readouterr().out.split("\n")[1] == "حلب B-GPE"  # no network in the tiny model: no effect
    with pytest.raises(SystemExit):
        main(["tag-conll", str(src), "--domain", "web", "--model", str(tiny_model_dir)])
    assert "invalid choice: 'web'" in capsys.readouterr().err


def test_tag_conll_keeps_a_token_with_a_unicode_line_separator_on_its_line(
    tiny_model_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.conll"
    src.write_text("زار\u2028x\r\nحلب\n", encoding="utf-8")
    assert main(["tag-conll", str(src), "--model", str(tiny_model_dir)]) == 0
    lines = capsys.readouterr().out.split("\n")
    assert lines[0].startswith("زار\u2028x ") and lines[1] == "حلب B-GPE"
