"""A real Dask cluster on 127.0.0.1: a `dask scheduler` and `dask worker` processes, as a user starts them.

Used by ``make bench`` (the Dask row) and by tests/test_cluster.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus import REPO

DASK = Path(sys.executable).parent / "dask"
#: Seconds for the scheduler to write its address, and for workers to join.
START_TIMEOUT = 60


@dataclass
class LocalCluster:
    address: str
    folder: Path
    workers: list[subprocess.Popen] = field(default_factory=list)
    client: object = None
    """A client of our own, to watch the workers join (made on first use)."""

    def add_worker(self, wait: bool = True, **env: str) -> subprocess.Popen:
        """Start a `dask worker` with one thread and no nanny (the process is the worker: killing it kills the worker);
        ``wait`` for the scheduler to count it."""
        running = self.count() if wait else 0
        with (self.folder / f"worker-{len(self.workers)}.log").open("w") as log:
            worker = subprocess.Popen(
                [str(DASK), "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--host", "127.0.0.1"],
                cwd=REPO,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, **env},
            )
        self.workers.append(worker)
        if wait:
            self.wait_for(running + 1)
        return worker

    def wait_for(self, count: int) -> None:
        """Until the scheduler counts ``count`` workers."""
        self._client().wait_for_workers(count, timeout=START_TIMEOUT)

    def count(self) -> int:
        """Workers the scheduler knows now."""
        return len(self._client().scheduler_info()["workers"])

    def _client(self):
        from distributed import Client

        if self.client is None:
            self.client = Client(self.address, timeout=START_TIMEOUT, set_as_default=False)
        return self.client


@contextmanager
def local_cluster(folder: Path, workers: int, wait: bool = True) -> Iterator[LocalCluster]:
    """A scheduler on a free port of 127.0.0.1 and ``workers`` workers, ``wait``-ed for until the
    scheduler counts them all (else still starting: see :meth:`LocalCluster.wait_for`); all stopped at the end."""
    folder.mkdir(parents=True, exist_ok=True)
    address_file = folder / "scheduler.json"
    with (folder / "scheduler.log").open("w") as log:
        scheduler = subprocess.Popen(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(address_file)],
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    cluster = None
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not (address_file.is_file() and address_file.stat().st_size):
            if scheduler.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"dask scheduler did not start; see {folder / 'scheduler.log'}")
            time.sleep(0.1)
        cluster = LocalCluster(json.loads(address_file.read_text())["address"], folder)
        for _ in range(workers):
            cluster.add_worker(wait=False)  # they start side by side
        if wait:
            cluster.wait_for(workers)
        yield cluster
    finally:
        if cluster is not None:
            if cluster.client is not None:
                cluster.client.close()
            for worker in cluster.workers:
                worker.kill()
                worker.wait()
        scheduler.kill()
        scheduler.wait()
