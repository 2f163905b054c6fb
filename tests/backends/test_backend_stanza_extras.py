"""stanza backend, offline (needs the [stanza] extra).

No stanza model can be downloaded here, so the end-to-end tests train a tiny NER
model (a few seconds) on three hand-written sentences and load it through the
real ``stanza.Pipeline`` with ``download_method=None``. Run in the extras venv::

    .venv-extras/bin/python -m pytest tests/backends -m extras
"""

from __future__ import annotations

import json
import os
import pickle
import random
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("stanza", reason="needs the [stanza] extra (see docs/backends.md)")

from arnews_nlp.backends import make_ner_stage
from arnews_nlp.backends.stanza import StanzaNERStage
from arnews_nlp.doc import Doc, Sentence, Token
from arnews_nlp.errors import BackendUnavailableError

pytestmark = pytest.mark.extras

TRAIN = """
زار O
الرئيس O
محمد B-PER
علي E-PER
مدينة O
بيروت S-LOC
. O

وقال O
الوزير O
في O
القاهرة S-LOC
. O

التقى O
محمد B-PER
علي E-PER
وفد O
الأمم B-ORG
المتحدة E-ORG
. O
"""


def build_tiny_stanza_ner(root: Path) -> dict[str, Any]:
    """Train a tiny stanza NER model (CPU, ~60 steps) and return Pipeline options that load it."""
    from stanza.models import ner_tagger
    from stanza.models.common.pretrain import Pretrain
    from stanza.utils.datasets.ner.prepare_ner_file import process_dataset

    root.mkdir(parents=True, exist_ok=True)
    words = sorted({line.split()[0] for line in TRAIN.strip().splitlines() if line.strip()})
    rng = random.Random(0)
    vec = root / "vectors.txt"
    vec.write_text(
        f"{len(words)} 8\n"
        + "".join(w + " " + " ".join(f"{rng.uniform(-1, 1):.3f}" for _ in range(8)) + "\n" for w in words),
        encoding="utf-8",
    )
    pretrain = root / "pretrain.pt"
    Pretrain(str(pretrain), str(vec)).load()
    bio = root / "train.bio"
    bio.write_text(TRAIN.strip().replace(" ", "\t") + "\n", encoding="utf-8")
    process_dataset(str(bio), str(root / "train.json"))
    ner_tagger.main([
        "--data_dir", str(root), "--wordvec_pretrain_file", str(pretrain),
        "--train_file", str(root / "train.json"), "--eval_file", str(root / "train.json"),
        "--shorthand", "ar_tiny", "--max_steps", "60", "--eval_interval", "60", "--lr", "0.1",
        "--save_dir", str(root), "--save_name", "ner.pt", "--cpu",
        "--hidden_dim", "16", "--char_hidden_dim", "8", "--word_emb_dim", "8", "--char_emb_dim", "8",
    ])  # fmt: skip
    (root / "resources.json").write_text("{}", encoding="utf-8")
    return {
        "ner_model_path": str(root / "ner.pt"),
        "ner_pretrain_path": str(pretrain),
        "allow_unknown_language": True,  # our resources.json is empty: stanza must not look up "ar" in it
    }


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    root = tmp_path_factory.mktemp("stanza-tiny")
    return root, build_tiny_stanza_ner(root)


def _doc(text: str) -> Doc:
    doc = Doc(text, sentences=[Sentence(0, len(text))])
    pos = 0
    for word in text.split():
        start = text.index(word, pos)
        doc.tokens.append(Token(start, start + len(word), word))
        pos = start + len(word)
    return doc


def test_missing_models_fail_fast_with_the_download_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "none"))
    with pytest.raises(BackendUnavailableError) as info:
        make_ner_stage("stanza")
    err = info.value
    assert "stanza.download('ar'" in err.install_command
    assert "STANZA_RESOURCES_DIR" in str(err) and str(tmp_path / "none") in str(err)
    assert not (tmp_path / "none").exists()
    with pytest.raises(BackendUnavailableError) as explicit:
        make_ner_stage("stanza", model_path=tmp_path / "elsewhere")
    assert f"model_dir={str(tmp_path / 'elsewhere')!r}" in explicit.value.install_command


def test_unloadable_models_become_backend_errors(tmp_path: Path) -> None:
    """Model folders that exist but hold no usable Arabic model: stanza's own error, wrapped, no download."""
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    for proc in ("tokenize", "ner"):
        (tmp_path / "ar" / proc).mkdir(parents=True)
        (tmp_path / "ar" / proc / "x.pt").write_bytes(b"not a model")
    stage = make_ner_stage("stanza", model_path=tmp_path)
    with pytest.raises(BackendUnavailableError, match="could not load"):
        stage(_doc("زار الرئيس بيروت"))


def test_download_method_cannot_be_overridden(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="download_method"):
        StanzaNERStage(tmp_path, pipeline_options={"download_method": "reuse_resources"})


def test_pretokenized_mode_tags_our_tokens(tiny: tuple[Path, dict[str, Any]]) -> None:
    root, options = tiny
    stage = make_ner_stage("stanza", model_path=root, pretokenized=True, pipeline_options=options)
    doc = stage(_doc("زار الرئيس محمد علي مدينة بيروت ."))
    assert all(e.label in {"PERS", "GPE", "ORG", "MISC"} for e in doc.entities)
    got = [(e.label, doc.text[e.start : e.end]) for e in doc.entities]
    assert ("PERS", "محمد علي") in got  # learned from the training sentence


def test_raw_mode_aligns_stanza_tokens_back(tiny: tuple[Path, dict[str, Any]]) -> None:
    """stanza splits the raw sentence (whitespace, in this tiny setup); we align its tokens to our text."""
    root, options = tiny
    stage = make_ner_stage(
        "stanza",
        model_path=root,
        pipeline_options=options | {"processors": "tokenize,ner", "tokenize_pretokenized": True},
    )
    text = "مقدمة.\nزار الرئيس محمد علي مدينة بيروت ."
    doc = Doc(text, sentences=[Sentence(0, 6), Sentence(7, len(text))])
    doc = stage(doc)
    for ent in doc.entities:
        assert 7 <= ent.start < ent.end <= len(text)
        assert text[ent.start : ent.end] == text[ent.start : ent.end].strip()
    assert ("PERS", "محمد علي") in [(e.label, text[e.start : e.end]) for e in doc.entities]


def test_stanza_stage_pickles(tiny: tuple[Path, dict[str, Any]]) -> None:
    root, options = tiny
    stage = make_ner_stage("stanza", model_path=root, pretokenized=True, pipeline_options=options)
    first = stage(_doc("التقى محمد علي وفد الأمم المتحدة .")).entities
    copy = pickle.loads(pickle.dumps(stage))
    assert copy._pipeline is None
    assert copy(_doc("التقى محمد علي وفد الأمم المتحدة .")).entities == first


def test_construction_does_not_import_stanza(tiny: tuple[Path, dict[str, Any]]) -> None:
    root, options = tiny
    script = textwrap.dedent(
        f"""
        import sys
        from arnews_nlp.backends import make_ner_stage
        make_ner_stage("stanza", model_path={str(root)!r}, pretokenized=True, pipeline_options={options!r})
        print("stanza" in sys.modules, "torch" in sys.modules)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=dict(os.environ)
    )
    assert out.stdout.split() == ["False", "False"]
    assert json.loads((root / "resources.json").read_text()) == {}
