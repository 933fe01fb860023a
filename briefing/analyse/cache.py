"""A per-article cache of analysis results.

An entry is keyed by what the analysis depends on: the article's cleaned
paragraphs, the model and spaCy versions and the analysis version. Entries are
JSON, written atomically; one that is unreadable, truncated or made with other
versions is ignored and rebuilt, never trusted.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
from pathlib import Path

from briefing.analyse.embedding import DIMENSIONS
from briefing.content import AnalysedArticle, Article, Attribution, Mention, Number, Sentence


class AnalysisCache:
    def __init__(self, folder: Path | None, key: str) -> None:
        self.folder = folder
        self.key = key

    def _path(self, article: Article) -> Path | None:
        if self.folder is None:
            return None
        digest = hashlib.sha256(self.key.encode())
        for p in article.paragraphs:
            digest.update(f"{p.kind}\0{p.text}\0".encode())
        name = digest.hexdigest()
        return self.folder / name[:2] / f"{name}.json"

    def get(self, article: Article) -> AnalysedArticle | None:
        path = self._path(article)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text("utf-8"))
            if data["key"] != self.key:
                return None
            sentences = tuple(
                Sentence(
                    index=s["index"],
                    text=s["text"],
                    paragraph=s["paragraph"],
                    kind=s["kind"],
                    lemmas=tuple(s["lemmas"]),
                    mentions=tuple(Mention(m["text"], m["label"], m["entity"]) for m in s["mentions"]),
                    repeats=s["repeats"],
                    attributions=tuple(
                        Attribution(**{**a, "quotes": tuple(a["quotes"])}) for a in s["attributions"]
                    ),
                    numbers=tuple(Number(**n) for n in s["numbers"]),
                )
                for s in data["sentences"]
            )
            vectors = base64.b64decode(data["vectors"], validate=True)
            if len(vectors) != sum(s.usable for s in sentences) * DIMENSIONS * 2:  # float16: 2 bytes
                return None
            return AnalysedArticle(article, sentences, tuple(data["summary"]), vectors)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # corrupted or from an older layout: analyse again

    def put(self, analysed: AnalysedArticle) -> None:
        path = self._path(analysed.article)
        if path is None:
            return
        data = {
            "key": self.key,
            "sentences": [
                {
                    "index": s.index,
                    "text": s.text,
                    "paragraph": s.paragraph,
                    "kind": s.kind,
                    "lemmas": list(s.lemmas),
                    # Their fields are plain values: a field dict, not asdict's deep copy.
                    "mentions": [vars(m) for m in s.mentions],
                    "repeats": s.repeats,
                    "attributions": [vars(a) for a in s.attributions],
                    "numbers": [vars(n) for n in s.numbers],
                }
                for s in analysed.sentences
            ],
            "summary": list(analysed.summary),
            "vectors": base64.b64encode(analysed.vectors).decode("ascii"),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data, ensure_ascii=False))  # json.dump would encode in Python, not C
        os.replace(tmp, path)
