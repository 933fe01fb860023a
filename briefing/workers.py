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
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

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


class Forked(Generic[Result]):
    """``work()`` in a process forked for it, while this one goes on; :meth:`result` waits for what the
    work returns, or raises what it raised. On one core it is done here and now.

    A plain process and a pipe, not a pool: the pool's threads would be running when the build forks
    other workers meanwhile, and a thread holding a lock at a fork leaves that lock held in the child.
    """

    def __init__(self, work: Callable[[], Result]) -> None:
        self._outcome: tuple[bool, Any] | None = None
        if available_cores() < 2:
            self._outcome = _outcome(work)
            return
        context = multiprocessing.get_context("fork")
        self._receiving, sending = context.Pipe(duplex=False)
        self._process = context.Process(target=_send_outcome, args=(work, sending, os.getpid()), daemon=True)
        self._process.start()
        sending.close()  # the child's copy is the only writer: its end of file is the child's end

    def __enter__(self) -> Forked[Result]:
        return self

    def __exit__(self, *_exc: object) -> None:
        """Stop the process if its result was not taken (the build failed meanwhile): it would wait for
        ever to send it, holding a copy of the build, in a process that goes on (``briefing serve``)."""
        if self._outcome is None:
            self._process.kill()
            self._process.join()
            self._receiving.close()

    def result(self) -> Result:
        if self._outcome is None:
            try:
                self._outcome = self._receiving.recv()
            except EOFError:
                self._process.join()
                raise ChildProcessError(f"a forked process of the build ended (exit code {self._process.exitcode}) before its work was done") from None
            finally:
                self._receiving.close()
            self._process.join()
        done, value = self._outcome
        if not done:
            raise value
        return value


def _outcome(work: Callable[[], Result]) -> tuple[bool, Any]:
    try:
        return True, work()
    except Exception as exc:  # raised again by Forked.result, in the process that waits for it
        return False, exc


def _send_outcome(work: Callable[[], object], sending: Connection, parent: int) -> None:
    _die_with_parent(parent)
    outcome = _outcome(work)
    try:
        sending.send(outcome)
    except Exception:  # what it returned or raised cannot be pickled: its repr can
        sending.send((False, RuntimeError(repr(outcome[1]))))


def forked_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, forked from this one when work is first submitted, each ending with it."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_die_with_parent, initargs=(os.getpid(),))


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before the line above took effect
        os._exit(1)
