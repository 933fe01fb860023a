"""Pages kept from the last build: a page whose inputs are as they were is not rendered again.

What a page says follows from its template (and those it imports), briefing's code and what
the template reads, as it renders, of the values it is given: the briefing, its topic, its
part of a long page and the links to the other parts, the people pages' look-up tables, the
articles its footnotes describe. So those values reach the template :class:`Watched`: every
attribute, item, method call or test of them is recorded with what it gave, and the page is
kept with that record. The next build makes the same reads on its own values, in order, and
takes the kept Markdown when every one gives what it gave: the template would go the same way
through the same values and write the same text. That holds whatever a template reads. Any
other page is rendered again, and so is a page that read more than :data:`LARGEST_READ` at
once (every article, say): it changes with almost any article, and checking it would cost
more than rendering it.

What a read gave is kept as it is when it is a string, a whole number, a truth value or None
(with its type: 1 is not True), else as a digest of its pickle made without pickle's memo, so
that the digest depends on the value alone, not on which objects happen to be shared. A dict
or list is watched in turn, read piece by piece. The store, ``.briefing/markdown``, is salted
with the templates, briefing's code and the versions of Python, Jinja and MarkupSafe: a change
to any renders every page again.
"""

from __future__ import annotations

import hashlib
import io
import operator
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

import briefing

#: Bump when what the store holds changes.
STORE_VERSION = 1
#: A read whose value pickles larger than this (bytes) is not checked: its page is rendered every time.
#: More than a page's own items (up to 200 analysed articles), less than a large briefing's articles or findings.
LARGEST_READ = 8 << 20

Operation = tuple
"""What a page did with a value: ``("attr", name)``, ``("call", name, args, kwargs)``, ``("item", key)``, ``("len",)``..."""
Read = tuple[str, tuple[Operation, ...], "tuple | bytes"]
"""A read: the name of the value read, the operations from it to what was read (a dict or list read
from a value is watched in turn), and what the last one gave, as compared (:func:`_found`)."""
Entry = tuple[str, bytes, str]
"""A kept page: its template, its reads (pickled), its Markdown."""

_OPERATIONS = {
    "attr": getattr,
    "call": lambda value, name, args, kwargs: getattr(value, name)(*args, **dict(kwargs)),
    "item": operator.getitem,
    "len": len,
    "iter": tuple,
    "in": lambda value, item: item in value,
    "bool": bool,
    "str": str,
    "eq": operator.eq,
}
#: Values read piece by piece: a dict or list a page reads is watched in turn, not compared whole.
_WATCHED = (dict, list)


class _TooLarge(Exception):
    pass


class _Bounded(io.BytesIO):
    """A buffer that refuses to grow past :data:`LARGEST_READ`, so a large value is given up on early."""

    def write(self, data: Any) -> int:
        if self.tell() + len(memoryview(data)) > LARGEST_READ:
            raise _TooLarge
        return super().write(data)


def _digest(value: Any) -> bytes:
    """A digest of ``value``'s pickle; :class:`_TooLarge` past :data:`LARGEST_READ` bytes of it."""
    out = _Bounded()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.fast = True  # no memo: the bytes depend on the values, not on which objects are shared
    pickler.dump(value)
    return hashlib.blake2b(out.getbuffer(), digest_size=16).digest()


Outcome = tuple[Any, "Exception | None"]


def _outcome(value: Any, operation: Operation) -> Outcome:
    kind, *arguments = operation
    try:
        return _OPERATIONS[kind](value, *arguments), None
    except Exception as exc:  # the template sees it as the value would have raised it
        return None, exc


#: Values compared as they are, not by digest: cheaper, and as sure (with their type, as 1 is not True;
#: not floats, as 0.0 == -0.0 but they print differently).
_PLAIN = (str, int, bool, type(None))
#: What :meth:`Outcomes.found` has not worked out yet.
_UNKNOWN = object()


def _found(outcome: Outcome) -> tuple | bytes:
    """What is compared of an outcome: the error's kind; the kind of a dict or list (read piece by
    piece, as it is watched in turn); a plain value and its type; else a digest of the value."""
    result, error = outcome
    if error is not None:
        return "raised", type(error).__qualname__
    if type(result) in _WATCHED:
        return "watched", type(result).__qualname__
    if type(result) in _PLAIN:
        return "gave", type(result).__qualname__, result
    return _digest(result)


class Outcomes:
    """What each read gave, as compared (:func:`_found`). For the values pages are given, worked out
    once per build and process: they do not change, and live while pages render, so their ids stay theirs
    (not so what is read from them, such as a list a method returns: worked out each time)."""

    def __init__(self) -> None:
        self._known: dict[tuple[int, Operation], tuple | bytes | None] = {}

    def found(self, value: Any, operation: Operation, outcome: Outcome | None = None, given: bool = True) -> tuple | bytes | None:
        """What ``operation`` gives on ``value`` (``outcome``, if already at hand), as compared; None if it
        cannot be (too large, or not picklable). ``given``: ``value`` is one the pages are given, not one read from it."""
        key: tuple[int, Operation] | None = (id(value), operation) if given else None
        try:
            known = self._known.get(key, _UNKNOWN) if key else _UNKNOWN  # type: ignore[arg-type]
        except TypeError:  # an unhashable argument: worked out each time
            key, known = None, _UNKNOWN
        if known is not _UNKNOWN:
            return known
        try:
            found: tuple | bytes | None = _found(outcome or _outcome(value, operation))
        except Exception:  # too large to be worth comparing, or a value pickle cannot write
            found = None
        if key is not None:
            self._known[key] = found
        return found

    def unchanged(self, values: dict[str, Any], reads: list[Read]) -> bool:
        """Whether every read gives today what it gave when it was recorded, in order (so each
        read's arguments, which came from the page's values and earlier reads, are today's too)."""
        for name, operations, found in reads:
            if name not in values:
                return False
            value = values[name]
            for operation in operations[:-1]:
                value, error = _outcome(value, operation)
                if error is not None:
                    return False
            if self.found(value, operations[-1], given=len(operations) == 1) != found:
                return False
        return True


class Reads:
    """What one page reads of its values as it renders; :attr:`log` is None once it read what cannot be compared."""

    def __init__(self, outcomes: Outcomes) -> None:
        self.outcomes = outcomes
        self.log: list[Read] | None = []
        self._logged: set[tuple] = set()

    def watch(self, values: dict[str, Any]) -> dict[str, Watched]:
        return {name: Watched(name, value, self) for name, value in values.items()}

    def read(self, name: str, path: tuple[Operation, ...], value: Any, operation: Operation, outcome: Outcome | None = None) -> Any:
        """What ``operation`` gives on ``value`` (``outcome``, if already at hand), recorded; a dict comes watched."""
        outcome = outcome or _outcome(value, operation)
        self.record(name, path, value, operation, outcome)
        result, error = outcome
        if error is not None:
            raise error
        return Watched(name, result, self, (*path, operation)) if type(result) in _WATCHED else result

    def record(self, name: str, path: tuple[Operation, ...], value: Any, operation: Operation, outcome: Outcome) -> None:
        """Log the read once, or give up on keeping the page if what it gave cannot be compared."""
        if self.log is None:
            return
        read = (name, (*path, operation))
        try:
            if read in self._logged:
                return
            self._logged.add(read)
        except TypeError:  # an unhashable argument: logged each time
            pass
        found = self.outcomes.found(value, operation, outcome, given=not path)
        if found is None:
            self.log = None
        else:
            self.log.append((*read, found))


class Watched:
    """A value as a template sees it: whatever the page does with it is a :meth:`Reads.read`."""

    __slots__ = ("_watched_name", "_watched_value", "_watched_reads", "_watched_path")

    def __init__(self, name: str, value: Any, reads: Reads, path: tuple[Operation, ...] = ()) -> None:
        self._watched_name = name
        self._watched_value = value
        self._watched_reads = reads
        self._watched_path = path

    def _read(self, *operation: Any, outcome: Outcome | None = None) -> Any:
        return self._watched_reads.read(self._watched_name, self._watched_path, self._watched_value, operation, outcome)

    def __getattr__(self, name: str) -> Any:
        outcome = _outcome(self._watched_value, ("attr", name))
        found, error = outcome
        if error is None and callable(found) and getattr(found, "__self__", None) is self._watched_value:
            return lambda *args, **kwargs: self._call(name, args, kwargs)  # a method: its calls are the reads
        return self._read("attr", name, outcome=outcome)

    def _call(self, name: str, args: tuple, kwargs: dict[str, Any]) -> Any:
        # An iterator (a generator of sentences, say) can be read once: the call and its record keep its items.
        kept = tuple(tuple(a) if isinstance(a, Iterator) else a for a in args)
        return self._read("call", name, kept, tuple(sorted(kwargs.items())))

    def __getitem__(self, key: Any) -> Any:
        return self._read("item", key)

    def __len__(self) -> int:
        return self._read("len")

    def __iter__(self) -> Iterator[Any]:
        return iter(self._read("iter"))

    def __contains__(self, item: Any) -> bool:
        return self._read("in", item)

    def __bool__(self) -> bool:
        return self._read("bool")

    def __str__(self) -> str:
        return self._read("str")

    def __eq__(self, other: object) -> bool:
        return self._read("eq", other)

    __hash__ = None  # type: ignore[assignment]

    def __reduce_ex__(self, protocol: Any) -> Any:
        raise TypeError("a watched value stands for one the page reads and is not pickled")


def salt(templates: Path) -> bytes:
    """What every kept page depends on besides its inputs: the templates, briefing's code, the versions that render."""
    parts = [str(STORE_VERSION), sys.version.split()[0], *(metadata.version(package) for package in ("jinja2", "markupsafe"))]
    found = hashlib.blake2b(" ".join(parts).encode(), digest_size=16)
    code = Path(briefing.__file__).parent
    for root, files in ((templates, sorted(p for p in templates.rglob("*") if p.is_file())), (code, sorted(code.rglob("*.py")))):
        for path in files:
            found.update(path.relative_to(root).as_posix().encode() + b"\0" + hashlib.blake2b(path.read_bytes()).digest())
    return found.digest()


def load(store: Path, salt: bytes) -> dict[str, Entry]:
    """The kept pages by path; none if the store is missing, unreadable or of other templates or code."""
    try:
        with store.open("rb") as f:
            if pickle.load(f) != salt:
                return {}
            pages = pickle.load(f)
        return pages if isinstance(pages, dict) else {}
    except Exception:  # a store cut short or from elsewhere is never trusted
        return {}


def save(store: Path, salt: bytes, pages: dict[str, Entry]) -> None:
    """Write the store at once or not at all: a build killed mid-write leaves the last one."""
    store.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=store.parent, prefix=store.name, delete=False) as f:
        pickle.dump(salt, f, protocol=5)
        pickle.dump(pages, f, protocol=5)
    os.replace(f.name, store)
