"""The sentence-embedding model: the int8 model runs, each text's vector is its own, and a wrong model file is refused."""

from __future__ import annotations

import numpy as np
import pytest

from briefing.analyse import embedding
from briefing.errors import BriefingError

TEXTS = [
    "Ukraine's general staff said its forces still held Kupiansk.",
    "The plan would cap Ukraine's army at 600,000 troops.",
    "Shares rose 8.3 percent to close at $23.89.",
]


def test_a_texts_vector_is_the_same_whatever_it_is_embedded_with():
    embed = embedding.embedder()
    together = embed(TEXTS)
    assert together.dtype == np.float16 and together.shape == (3, embedding.DIMENSIONS)
    assert np.allclose(np.linalg.norm(together.astype(np.float32), axis=1), 1, atol=1e-2)
    for i, text in enumerate(TEXTS):
        assert embed([text]).tobytes() == together[i].tobytes()
    assert embed([TEXTS[1], TEXTS[0], TEXTS[1]]).tobytes() == together[[1, 0, 1]].tobytes()
    # Closer in meaning, closer vectors: the army cap is nearer a troop ceiling than a share price.
    ceiling = embed(["Kyiv would have to limit its armed forces to 600,000 soldiers."])[0].astype(np.float32)
    assert ceiling @ together[1].astype(np.float32) > ceiling @ together[2].astype(np.float32)


def test_a_quantized_model_with_another_checksum_is_refused(tmp_path, monkeypatch):
    wrong = tmp_path / "model.onnx"
    wrong.write_bytes(b"not the model")
    monkeypatch.setattr(embedding, "QUANTIZED_FILE", wrong)
    with pytest.raises(BriefingError, match="sha256 differs"):
        embedding.quantized_model()
