"""Long pages split into parts where their items say, so an added item changes only the part it is on."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from typing import Any

# Items on one page of a paginated page, on average: thousands of articles make numbered
# pages, each small and quick to build. A page holds from a quarter to twice as many.
#: Articles listed on one sources page.
SOURCES_PER_PAGE = 100
#: Findings on one topic page (the topic's summary and tracked items stay on its first page).
FINDINGS_PER_PAGE = 100
#: Statements on one quotes page.
QUOTES_PER_PAGE = 200
#: Entries on one people page.
PEOPLE_PER_PAGE = 50


def split(path: str, items: Sequence[Any], per_page: int, key: Callable[[Any], str]) -> list[dict[str, Any]]:
    """Split ``items`` in order over ``path`` (e.g. ``sources.md``) and pages in its folder (``sources/…``).

    Where a page ends is decided by the items, not by their positions: after an
    item whose ``key`` hashes to a multiple of the page length (the way rsync cuts
    files into chunks), once the page holds a quarter of ``per_page``, and at the
    latest at twice ``per_page``. A page after the first is named after the key
    of its first item, not numbered. So an added or removed item changes the page
    it is on and leaves the other pages as they were: the next build renders only
    that page again, and ``git diff`` between versions shows only it. Up to
    ``per_page`` items stay on one page.
    """
    if len(items) <= per_page:
        return _named(path, [items], key)
    shortest, longest = max(1, per_page // 4), 2 * per_page
    # From ``shortest`` on, each item ends the page with this chance: pages average ``per_page``.
    cut_every = max(1, per_page - shortest)
    chunks: list[list[Any]] = [[]]
    for item in items:
        chunks[-1].append(item)
        digest = int.from_bytes(hashlib.blake2b(key(item).encode(), digest_size=8).digest(), "big")
        if len(chunks[-1]) >= longest or (len(chunks[-1]) >= shortest and digest % cut_every == 0):
            chunks.append([])
    return _named(path, [c for c in chunks if c], key)


def _named(path: str, chunks: Sequence[Sequence[Any]], key: Callable[[Any], str]) -> list[dict[str, Any]]:
    """The parts: the first at ``path``, each other named after its first item."""
    folder = path.removesuffix(".md")
    parts: list[dict[str, Any]] = []
    taken: set[str] = set()
    for number, chunk in enumerate(chunks, 1):
        if number == 1:
            part_path = path
        else:
            name = "-".join(re.findall(r"[a-z0-9]+", key(chunk[0]).casefold()))[:80] or "page"
            part_path = f"{folder}/{name}.md"
            while part_path in taken:  # two keys that read alike
                part_path = part_path.removesuffix(".md") + "-1.md"
        taken.add(part_path)
        parts.append({"number": number, "first": number == 1, "path": part_path, "items": tuple(chunk)})
    return parts
