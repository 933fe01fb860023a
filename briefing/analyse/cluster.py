"""The analysis on a Dask cluster: ``briefing build --scheduler tcp://HOST:PORT``.

The analysis is a pure map over batches of articles, so it runs as Dask tasks
on the cluster's workers instead of on local processes. Dask, not briefing,
absorbs failures: a task of a worker that dies is run again on another.

Each worker loads what the analysis needs (the spaCy pipeline, any other
model) once, through a worker plugin that calls the analysis's own set-up
hook, before it runs a task. A task returns the same results a local worker
does, with the identity of the code that made them (briefing, analysis,
spaCy and model versions): results from a worker that differs from this build
are refused, so a cluster can never mix two versions into one briefing. The
client, not the workers, writes the analysis cache: the cache lives with the
project.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable, Hashable, Iterator, Sequence
from concurrent.futures import CancelledError
from contextlib import contextmanager
from typing import TypeVar

from distributed import Client, WorkerPlugin, as_completed, get_worker
from distributed.comm import get_address_host_port, parse_address
from distributed.scheduler import KilledWorker

from briefing.errors import BriefingError

Batch = TypeVar("Batch")
Result = TypeVar("Result")

#: Seconds to reach the scheduler (or reach it again) before giving up.
CONNECT_TIMEOUT = 5
#: Seconds to wait for a first worker: one just started may still be loading.
WORKER_TIMEOUT = 30
#: One analysis at a time per worker process: a worker started with several threads
#: would otherwise run one spaCy pipeline from two threads at once.
_ONE_AT_A_TIME = threading.Lock()


def on_cluster(
    address: str,
    job: Callable[[Batch], Result],
    batches: Sequence[Batch],
    setup: Callable[[], object],
    identity: Callable[[], Hashable],
) -> Iterator[Result]:
    """``job`` of every batch on the workers of the scheduler at ``address``, in the order they finish.

    ``setup`` runs once in each worker process before its first task;
    ``identity()`` must give the same value on every worker as here.
    """
    ours = identity()
    with _distributed_quiet():
        try:
            _knock(address)
            client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise BriefingError(
                f"{address}: no Dask scheduler answers there ({_reason(exc)}); start one with `dask scheduler`, "
                "or give another address (--scheduler, DASK_SCHEDULER_ADDRESS, compute.scheduler in briefing.yml)"
            ) from None
        try:
            try:
                client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
            except TimeoutError:
                raise BriefingError(f"{address}: the Dask scheduler has no workers; start some with `dask worker {address}`") from None
            for worker, theirs in sorted(client.run(identity).items()):
                _check(address, worker, theirs, ours)
            client.register_plugin(AnalysisSetup(setup), name="briefing-analysis-setup")
            futures = [client.submit(_identified, job, identity, batch, pure=False) for batch in batches]
            for future in as_completed(futures, loop=client.loop):
                worker, theirs, result = future.result()
                _check(address, worker, theirs, ours)
                yield result
        except CancelledError:
            raise BriefingError(f"{address}: lost the connection to the Dask scheduler mid-build; nothing was written, build again") from None
        except KilledWorker as exc:
            raise BriefingError(f"{address}: Dask workers died one after another on the same articles ({exc}); give the workers more memory") from None
        finally:
            client.close(timeout=CONNECT_TIMEOUT)


class AnalysisSetup(WorkerPlugin):
    """Runs the analysis's set-up hook once in each worker process, before its first task."""

    def __init__(self, load: Callable[[], object]) -> None:
        self.load = load

    def setup(self, worker) -> None:
        self.load()


def _identified(job: Callable[[Batch], Result], identity: Callable[[], Hashable], batch: Batch) -> tuple[str, Hashable, Result]:
    """Runs on a worker: the batch's results, with who made them."""
    with _ONE_AT_A_TIME:
        return get_worker().address, identity(), job(batch)


def _check(address: str, worker: str, theirs: Hashable, ours: Hashable) -> None:
    if theirs != ours:
        raise BriefingError(
            f"{address}: worker {worker} runs {theirs}, this build {ours}; install the same briefing and spaCy model on every worker (see docs/scale.md)"
        )


def _knock(address: str) -> None:
    """Raise OSError at once when nothing listens at a TCP address: distributed would retry for
    :data:`CONNECT_TIMEOUT` seconds before saying so. Other transports are left to distributed."""
    try:
        if parse_address(address)[0] not in ("tcp", "tls"):
            return
        host, port = get_address_host_port(address)
    except ValueError:
        return  # not an address distributed can parse either: it says why
    socket.create_connection((host, port), timeout=CONNECT_TIMEOUT).close()


def _reason(exc: BaseException) -> str:
    """The first line of distributed's explanation, without the address it repeats."""
    return str(exc).splitlines()[0].rstrip(":") if str(exc) else type(exc).__name__


@contextmanager
def _distributed_quiet() -> Iterator[None]:
    """Keep distributed's own log lines about a lost or unreachable scheduler off the terminal.

    The build reports those failures itself, as one line; distributed's
    reconnect attempts would bury it. Its loggers have levels of their own,
    so the lines are stopped at its handlers, where they all arrive.
    """
    handlers = logging.getLogger("distributed").handlers

    def silence(record: logging.LogRecord) -> bool:
        return False

    for handler in handlers:
        handler.addFilter(silence)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(silence)
