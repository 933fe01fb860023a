"""Work on every core: an ordered ``map`` on forked worker processes that end with the build.

Forked, the workers start with everything the build already holds (the loaded
spaCy model, the assembled briefing) instead of loading or being sent it. A
worker inherits the build's lock; one left running after the build was killed
would keep every later build out, so each asks Linux to kill it when its parent
dies, and exits at once if the build is already gone.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

Batch = TypeVar("Batch")
Result = TypeVar("Result")

#: prctl(2) option: the signal a process gets when its parent dies.
PR_SET_PDEATHSIG = 1


def available_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def in_workers(job: Callable[[Batch], Result], batches: Iterable[Batch], workers: int, meanwhile: Callable[[], object] | None = None) -> Iterator[Result]:
    """``map(job, batches)``, in order, on ``workers`` forked processes when there is more than one.

    ``meanwhile`` is other work for this process, done while the workers do theirs: with it, one
    worker is a forked process too.
    """
    if workers <= 1 and meanwhile is None:
        yield from map(job, batches)
        return
    pool = forked_pool(max(workers, 1))
    try:
        done = pool.map(job, batches)  # forks the workers and hands them every batch
        if meanwhile:
            meanwhile()
        yield from done
    finally:
        pool.shutdown(cancel_futures=True)


def forked(work: Callable[[], Result]) -> Future[Result]:
    """``work()`` in a process forked for it, while this one goes on: its result, or what it raises,
    comes back through the future. On one core it is done here and now."""
    if available_cores() < 2:
        done: Future[Result] = Future()
        try:
            done.set_result(work())
        except Exception as exc:  # raised again by done.result(), as from a forked process
            done.set_exception(exc)
        return done
    _FORKED[id(work)] = work
    pool = forked_pool(1)
    try:
        future = pool.submit(_do_forked, id(work))  # forks now, with the work in the copy of _FORKED
    finally:
        del _FORKED[id(work)]
    pool.shutdown(wait=False)  # the process ends once the work is done
    return future


#: The work :func:`forked` hands to a forked process: found there by its id, never pickled.
_FORKED: dict[int, Callable[[], object]] = {}


def _do_forked(key: int) -> object:
    return _FORKED[key]()


def forked_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, forked from this one when work is first submitted, each ending with it."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_die_with_parent, initargs=(os.getpid(),))


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before the line above took effect
        os._exit(1)
