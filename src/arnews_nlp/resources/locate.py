"""Find model and resource files: explicit path, then ``ARNEWS_NLP_DATA``, then the packaged copy.

Nothing here downloads: a missing file raises :class:`~arnews_nlp.errors.ResourceNotFoundError`
naming every place that was searched.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from arnews_nlp.errors import ResourceNotFoundError

__all__ = ["ENV_VAR", "model_path"]

ENV_VAR = "ARNEWS_NLP_DATA"


def _packaged_models() -> Path:
    """The models folder shipped with the package (``arnews_nlp/_models`` in a wheel)."""
    packaged = Path(str(resources.files("arnews_nlp"))) / "_models"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "models"  # source checkout / editable install


def model_path(name: str, path: str | Path | None = None) -> Path:
    """Resolve a model file such as ``"ner/arnews-ner-crf-v1.crfsuite"``.

    Args:
        name: The file's path relative to a models folder.
        path: An explicit file or folder; when given, only it is searched.

    Examples:
        >>> model_path("no/such/file.bin", path="/nonexistent")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        arnews_nlp.errors.ResourceNotFoundError: [E012] Resource 'no/such/file.bin' not found ...
    """
    candidates: list[Path] = []
    if path is not None:
        p = Path(path)
        candidates = [p if p.is_file() else p / name]
    else:
        env = os.environ.get(ENV_VAR)
        if env:
            candidates.append(Path(env) / name)
        candidates.append(_packaged_models() / name)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise ResourceNotFoundError(name=name, searched=", ".join(str(c) for c in candidates))
