"""A per-article cache of analysis results, and a pack of those a build used.

An entry is keyed by what the analysis depends on: the article's cleaned
paragraphs, the model and spaCy versions and the analysis version. Entries are
JSON, written atomically as each article is analysed (by whichever process
analyses it, so a build stopped half-way keeps what it did); one that is
unreadable, truncated or made with other versions is ignored and rebuilt, never
trusted.

Reading thousands of entries and typing their JSON took seconds, so the build
also keeps every analysis it used in one pack (:class:`AnalysisPack`), typed, and
reads that first: a rebuild reads one file, and an entry only for an article
the pack lacks.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from briefing.analyse.embedding import DIMENSIONS
from briefing.content import AnalysedArticle, Article, Attribution, Mention, Number, Sentence
from briefing.packs import Pack, layout

#: The pack's file in the cache folder.
PACK_FILE = "analysis.pack"
#: The share of a build's analyses the pack may lack before it is written again. Each one it lacks is read
#: from its own entry (a few milliseconds); writing the pack again for one new article costs 0.1 s at 2,225.
PACK_SLACK = 0.01


class AnalysisCache:
    def __init__(self, folder: Path | None, key: str) -> None:
        self.folder = folder
        self.key = key

    def name(self, article: Article) -> str:
        """The entry's name: a digest of the key and the article's paragraphs."""
        digest = hashlib.sha256(self.key.encode())
        for p in article.paragraphs:
            digest.update(f"{p.kind}\0{p.text}\0".encode())
        return digest.hexdigest()

    def _path(self, article: Article) -> Path | None:
        if self.folder is None:
            return None
        name = self.name(article)
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
                    attributions=tuple(Attribution(**{**a, "quotes": tuple(a["quotes"])}) for a in s["attributions"]),
                    numbers=tuple(Number(**n) for n in s["numbers"]),
                    refers_back=s["refers_back"],
                    background=s["background"],
                    definite_subject=s["definite_subject"],
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
                    "refers_back": s.refers_back,
                    "background": s.background,
                    "definite_subject": s.definite_subject,
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


class AnalysisPack:
    """The analyses of ``cache`` that a build used, in one pack, by entry name (:meth:`AnalysisCache.name`).

    Only the build's own process reads and writes it: the processes that analyse are
    handed the cache alone, which writes an entry per article.
    """

    def __init__(self, cache: AnalysisCache) -> None:
        key = f"{cache.key}/{layout(Sentence, Mention, Attribution, Number)}"
        self.pack = Pack(cache.folder / PACK_FILE if cache.folder else None, key)

    def __contains__(self, name: str) -> bool:
        return name in self.pack

    def get(self, name: str, article: Article) -> AnalysedArticle | None:
        entry = self.pack.get(name)
        if entry is None:
            return None
        sentences, summary, vectors = entry
        return AnalysedArticle(article, sentences, summary, vectors)

    def keep(self, names: Sequence[str], analysed: Mapping[str, AnalysedArticle]) -> None:
        """Make the pack hold exactly the analyses ``names``: those it holds, and those of ``analysed`` (by name);
        unless it lacks only a few (:data:`PACK_SLACK`), whose cache entries the next build reads instead."""
        slack = int(len(names) * PACK_SLACK)
        self.pack.write(names, {name: (a.sentences, a.summary, a.vectors) for name, a in analysed.items()}, slack)
