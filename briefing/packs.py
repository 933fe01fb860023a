"""A pack: many cache entries in one file, so that a rebuild reads one file instead of thousands.

Each entry is pickled on its own, so a build unpickles only the entries it asks
for, and writing the pack again copies the entries it read as bytes. A header
in JSON names the pack's key (what every entry depends on), each entry's name
and length, and the SHA-256 of the entries: a pack written with another key,
cut short, changed or unreadable is ignored as a whole (its entries are made
again), and nothing is unpickled before the digest matches. A pack is written
to a temporary file and renamed over the last one, so a build killed while
writing it leaves the last pack whole.

Pickle, not JSON: the packs hold typed objects (articles, sentences), and
unpickling them is several times faster than decoding and typing JSON. Only a
pack this code wrote is unpickled; whoever can write the project's
``.briefing/`` can change its ``mkdocs.yml`` as well, which runs code too.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

_MAGIC = b"briefing pack 1\n"
_LENGTH = 8  # bytes of the header's length


def layout(*classes: type) -> str:
    """The fields of ``classes``: part of a pack's key, so that objects pickled with other fields are not read back."""
    return ";".join(f"{c.__module__}.{c.__qualname__}({','.join(f.name for f in dataclasses.fields(c))})" for c in classes)


class Pack:
    """The entries of the pack file at ``path`` made with ``key``; none if the file is missing, stale or damaged."""

    def __init__(self, path: Path | None, key: str) -> None:
        self.path = path
        self.key = key
        self._blobs: dict[str, memoryview] = _read(path, key) if path is not None else {}

    def __contains__(self, name: str) -> bool:
        return name in self._blobs

    def get(self, name: str) -> Any | None:
        """The entry ``name``, or None when the pack does not hold it or it cannot be unpickled."""
        blob = self._blobs.get(name)
        if blob is None:
            return None
        try:
            return pickle.loads(blob)
        except Exception:  # a class renamed or moved since: unpickling raises any of a dozen errors
            return None

    def write(self, names: Iterable[str], new: Mapping[str, Any], slack: int = 0) -> None:
        """Make the pack hold exactly the entries ``names``, in order: those of ``new`` (by name), and
        the others as the pack holds them. Writes nothing when it holds exactly those already, or
        when it holds no others and lacks at most ``slack`` of them (the caller has them elsewhere)."""
        if self.path is None:
            return
        names = list(names)
        lacking = sum(name not in self._blobs for name in dict.fromkeys(names))
        if lacking <= slack and self._blobs.keys() <= set(names) and not new.keys() & self._blobs.keys():
            return
        blobs: dict[str, bytes | memoryview] = {}
        for name in names:
            if name not in blobs:
                blobs[name] = pickle.dumps(new[name], protocol=pickle.HIGHEST_PROTOCOL) if name in new else self._blobs[name]
        digest = hashlib.sha256()
        for blob in blobs.values():
            digest.update(blob)
        header = json.dumps({"key": self.key, "sha256": digest.hexdigest(), "entries": [[name, len(blob)] for name, blob in blobs.items()]}).encode()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + len(header).to_bytes(_LENGTH, "little") + header)
                for blob in blobs.values():
                    handle.write(blob)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._blobs = {name: memoryview(blob) for name, blob in blobs.items()}


def _read(path: Path, key: str) -> dict[str, memoryview]:
    try:
        data = memoryview(path.read_bytes())
    except OSError:
        return {}
    start = len(_MAGIC) + _LENGTH
    if bytes(data[: len(_MAGIC)]) != _MAGIC:
        return {}
    end = start + int.from_bytes(data[len(_MAGIC) : start], "little")
    try:
        header = json.loads(bytes(data[start:end]))
        if header["key"] != key or hashlib.sha256(data[end:]).hexdigest() != header["sha256"]:
            return {}
        blobs = {}
        for name, length in header["entries"]:
            blobs[name] = data[end : end + length]
            end += length
    except (ValueError, KeyError, TypeError):
        return {}
    return blobs


@contextmanager
def no_collection() -> Iterator[None]:
    """Keep the garbage collector out while a pack's entries are unpickled: the millions of new
    objects would start a full collection again and again (at 2,225 articles, three times the work)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
