from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_stages import TOKENIZER, make_records, write_jsonl

from arnews_nlp.batch.progress import Progress
from arnews_nlp.cli import main


@pytest.fixture
def config(tmp_path: Path) -> str:
    path = tmp_path / "tok.json"
    path.write_text(json.dumps(TOKENIZER), encoding="utf-8")
    return str(path)


def test_exit_0_when_all_records_processed(tmp_path: Path, config: str, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", make_records(4))
    code = main(["batch", str(src), "-o", str(tmp_path / "o.jsonl"), "--config", config, "--workers", "0"])
    assert code == 0
    err = capsys.readouterr().err
    assert "processed 4, failed 0" in err and "articles/s" in err
    assert "\r" not in err  # no progress line when stderr is not a terminal
    assert len((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()) == 4


def test_exit_1_when_some_records_fail_and_after_resume(tmp_path: Path, config: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "وصل الوزير."}\n{oops\n', encoding="utf-8")
    out = str(tmp_path / "o.jsonl")
    assert main(["batch", str(src), "-o", out, "--config", config, "--workers", "0", "-q"]) == 1
    # Resuming a finished run with an error record in it still reports the failure.
    assert main(["batch", str(src), "-o", out, "--config", config, "--workers", "0", "-q", "--resume"]) == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["batch", "{src}", "-o", "{out}", "--workers", "-1"],
        ["batch", "{src}", "-o", "{out}", "--format", "xml"],
        ["batch", "{tmp}/missing.jsonl", "-o", "{out}"],
        ["batch", "{src}", "-o", "{tmp}/out.xyz"],
        ["batch", "{src}", "-o", "-", "--resume"],
        ["batch", "{src}", "-o", "{src}"],
    ],
)
def test_exit_2_for_usage_errors(tmp_path: Path, config: str, argv: list[str]) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", make_records(1))
    args = [a.format(src=src, out=tmp_path / "o.jsonl", tmp=tmp_path) for a in argv] + ["--config", config]
    try:
        code = main(args)
    except SystemExit as exc:  # argparse
        code = int(exc.code or 0)
    assert code == 2
    assert src.read_text(encoding="utf-8").count("\n") == 1  # the input was not clobbered


def test_parquet_output_from_the_cli(tmp_path: Path, config: str) -> None:
    pytest.importorskip("pyarrow")
    src = write_jsonl(tmp_path / "in.jsonl", make_records(3))
    out = tmp_path / "tables.parquet"
    assert main(["batch", str(src), "-o", str(out), "--config", config, "--workers", "0", "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["dates", "documents", "entities", "event_arguments", "events"]


def test_progress_line_shows_rate_share_and_eta() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    done = [0]
    bar = Progress(stream, total_bytes=1000, bytes_read=lambda: done[0], interval=0.0)
    assert bar.enabled
    done[0] = 500
    bar.update(10)
    bar.close()
    text = stream.getvalue()
    assert "10 articles" in text and "/s" in text and "50%" in text and "ETA" in text
    assert not Progress(io.StringIO()).enabled
