"""Package-level contracts: import cost, public API, error codes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import arnews_nlp
from arnews_nlp import errors

ROOT = Path(__file__).resolve().parents[1]


def _python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout


def test_import_is_fast_and_loads_nothing_heavy() -> None:
    code = (
        "import sys, time\n"
        "t0 = time.perf_counter(); import arnews_nlp; dt = time.perf_counter() - t0\n"
        "heavy = [m for m in ('pycrfsuite', 'dateparser', 'torch', 'camel_tools', 'stanza', 'pydantic',"
        " 'arnews_nlp.ner', 'arnews_nlp.events') if m in sys.modules]\n"
        "print(dt, ','.join(heavy))"
    )
    runs = [_python(code).split() for _ in range(3)]
    best = min(float(run[0]) for run in runs)
    assert all(len(run) == 1 for run in runs), f"heavy modules imported: {runs[0][1:]}"
    assert best < 0.5, f"import arnews_nlp took {best:.3f}s"


def test_import_has_no_side_effects_on_logging_or_files(tmp_path: Path) -> None:
    code = (
        "import logging, os; before = set(os.listdir('.')); import arnews_nlp, arnews_nlp.pipeline\n"
        "print(len(logging.getLogger().handlers), len(logging.getLogger('arnews_nlp').handlers),"
        " set(os.listdir('.')) == before)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=tmp_path
    ).stdout.split()
    assert out == ["0", "0", "True"]


def test_public_api_is_explicit_and_nothing_private_leaks() -> None:
    assert sorted(arnews_nlp.__all__) == sorted(set(arnews_nlp.__all__))
    for name in arnews_nlp.__all__:
        assert not name.startswith("_") or name == "__version__"
        assert getattr(arnews_nlp, name) is not None
    assert set(dir(arnews_nlp)) == set(arnews_nlp.__all__)


def test_every_error_code_is_unique_and_documented() -> None:
    codes = [cls.code for cls in errors.ERROR_CODES.values()]
    assert len(codes) == len(set(codes))
    documented = set(re.findall(r"^\| `(E\d{3})` \|", (ROOT / "docs/errors.md").read_text(), re.M))
    assert documented == set(errors.ERROR_CODES) - {"E000"}
    warned = set(re.findall(r"^\| `(W\d{3})` \|", (ROOT / "docs/errors.md").read_text(), re.M))
    assert warned == set(errors.WARNING_CODES)


def test_errors_subclass_matching_builtins() -> None:
    assert issubclass(errors.ResourceNotFoundError, FileNotFoundError)
    assert issubclass(errors.InvalidEncodingError, UnicodeError)
    assert issubclass(errors.BackendUnavailableError, ImportError)
    err = errors.UnreadableFileError(path="x.txt", reason="No such file")
    assert err.fields["path"] == "x.txt" and str(err).startswith("[E004] Cannot read x.txt")
