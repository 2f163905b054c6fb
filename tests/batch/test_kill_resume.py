"""Kill -9 a running batch (parent and workers), resume it, and get the uninterrupted output."""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_stages import make_records, write_jsonl

from arnews_nlp.batch.runner import run_batch

HERE = Path(__file__).resolve().parent

SCRIPT = textwrap.dedent(
    """
    import sys
    import batch_stages
    from arnews_nlp.batch.runner import run_batch

    if __name__ == "__main__":
        src, out, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
        nlp = batch_stages.tokenizer_pipeline(batch_stages.slow)
        run_batch(nlp, src, out, workers=workers, chunk_size=4, resume=True)
    """
)


def _decoded(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _lines_on_disk(path: Path) -> int:
    if not path.exists():
        return 0
    data = path.read_bytes()
    if path.suffix == ".gz":
        try:
            data = gzip.GzipFile(fileobj=__import__("io").BytesIO(data)).read1(1 << 30)
        except (EOFError, OSError):
            return 0
    return data.count(b"\n")


@pytest.mark.parametrize("name,workers", [("out.jsonl", 2), ("out.jsonl.gz", 1)])
def test_kill_9_then_resume_equals_an_uninterrupted_run(
    tmp_path: Path, tok_nlp: Any, name: str, workers: int
) -> None:
    recs: list[Any] = make_records(400)
    recs[50] = {"id": "bad", "text": ""}  # an error record inside the resumed part too
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    reference = tmp_path / ("ref-" + name)
    run_batch(tok_nlp, src, reference, workers=0)

    script = tmp_path / "run.py"
    script.write_text(SCRIPT, encoding="utf-8")
    out = tmp_path / name
    env = os.environ | {"PYTHONPATH": os.pathsep.join([str(HERE), *sys.path]), "ARNEWS_TEST_SLOW": "0.02"}
    proc = subprocess.Popen(
        [sys.executable, str(script), str(src), str(out), str(workers)], env=env, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while _lines_on_disk(out) < 20:
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the run ended or stalled before it could be killed (exit {proc.returncode})")
            time.sleep(0.05)
        time.sleep(0.3)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # kill -9 the run and its workers
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    written = _lines_on_disk(out)
    assert 0 < written < len(recs)

    stats = run_batch(tok_nlp, src, out, workers=0, resume=True)
    assert stats.resumed >= 20 and stats.resumed + stats.processed + stats.failed == len(recs)
    assert _decoded(out) == _decoded(reference)
