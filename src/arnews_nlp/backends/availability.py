"""Check that an optional backend and its model are installed, without importing either.

Everything here only looks at the file system: ``importlib.util.find_spec`` on the
top-level package (which does not run it) and ``Path.exists``. In particular,
nothing imports ``camel_tools.data`` (it downloads a catalogue at import time) or
builds a ``stanza.Pipeline`` (it checks the network unless told not to).

Examples:
    >>> import os
    >>> os.environ.get("CAMELTOOLS_DATA") is not None or camel_data_dir().name == ".camel_tools"
    True
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import re
from pathlib import Path

from arnews_nlp.errors import BackendUnavailableError

__all__ = [
    "CAMEL_PIP",
    "STANZA_PIP",
    "camel_data_dir",
    "camel_dataset_dir",
    "require_module",
    "stanza_resources_dir",
]

CAMEL_PIP = "pip install 'arnews-nlp[camel]'  (install a CPU torch first: see docs/backends.md)"
STANZA_PIP = "pip install 'arnews-nlp[stanza]'  (install a CPU torch first: see docs/backends.md)"


def require_module(backend: str, module: str, install_command: str) -> None:
    """Raise :class:`BackendUnavailableError` unless ``module`` can be imported (it is not imported).

    Examples:
        >>> require_module("demo", "json", "pip install nothing")
        >>> try:
        ...     require_module("demo", "no_such_module_xyz", "pip install xyz")
        ... except BackendUnavailableError as err:
        ...     print(err.code, err.install_command)
        E020 pip install xyz
    """
    if importlib.util.find_spec(module) is None:
        raise BackendUnavailableError(
            backend=backend,
            reason=f"the Python package {module!r} is not installed",
            install_command=install_command,
        )


def camel_data_dir() -> Path:
    """The camel-tools data folder: ``$CAMELTOOLS_DATA``, else ``~/.camel_tools`` (as camel-tools does)."""
    env = os.environ.get("CAMELTOOLS_DATA")
    if env is not None:
        return Path(env).expanduser().absolute()
    return Path.home() / ".camel_tools"


def camel_dataset_dir(component: str, dataset: str | None, fallback: str) -> Path:
    """Where camel-tools keeps a dataset, read from its installed ``catalogue.json`` when present.

    Args:
        component: Catalogue component (``"NamedEntityRecognition"``, ``"DisambigMLE"`` …).
        dataset: Dataset name, or ``None`` for the component's default.
        fallback: Relative path under ``<data dir>/data`` used when the catalogue is absent.
    """
    root = camel_data_dir()
    catalogue = root / "catalogue.json"
    rel = fallback
    if catalogue.is_file():
        try:
            comp = json.loads(catalogue.read_text(encoding="utf-8"))["components"][component]
            rel = comp["datasets"][dataset or comp["default"]]["path"]
        except (KeyError, TypeError, ValueError):
            rel = fallback
    return root / "data" / rel


def stanza_resources_dir() -> Path:
    """Stanza's model folder: ``$STANZA_RESOURCES_DIR``, else its versioned user cache folder.

    The default is computed as stanza computes it (``platformdirs.user_cache_dir``
    of ``stanza``/``StanfordNLP``/resources version) without importing stanza,
    whose package import attaches a log handler and loads torch.
    """
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env is not None:
        return Path(env).expanduser()
    version = _stanza_resources_version()
    try:
        platformdirs = importlib.import_module("platformdirs")
    except ImportError:  # pragma: no cover - platformdirs is a stanza dependency
        return Path.home() / ".cache" / "stanza" / version / "resources"
    return Path(platformdirs.user_cache_dir("stanza", "StanfordNLP", version)) / "resources"


def _stanza_resources_version() -> str:
    spec = importlib.util.find_spec("stanza")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    for location in locations:
        version_file = Path(location) / "_version.py"
        if version_file.is_file():
            found = re.search(
                r"__resources_version__\s*=\s*['\"]([^'\"]+)['\"]", version_file.read_text(encoding="utf-8")
            )
            if found:
                return found.group(1)
    return "unknown"
