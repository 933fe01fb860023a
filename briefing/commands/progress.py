"""Stage timings of a build, and the progress display that shows them on a terminal.

The build marks where each stage starts; :class:`Stages` times them (the
benchmark and :class:`~briefing.commands.build.BuildResult` read the figures)
and tells a display, if there is one. The rich display appears only on a
terminal, so logs and pipes get plain lines.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType
from typing import Protocol

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn


class Display(Protocol):
    def __enter__(self) -> Display: ...

    def __exit__(self, *exc: object) -> None: ...

    def started(self, stage: str, total: int | None) -> None: ...

    def advanced(self, count: int) -> None: ...

    def finished(self, stage: str, seconds: float) -> None: ...


class Stages:
    """Times the stages of one build: each :meth:`start` ends the stage before it."""

    def __init__(self, display: Display | None = None) -> None:
        self.seconds: dict[str, float] = {}
        """Seconds spent in each stage, in the order they ran."""
        self._display = display
        self._current: tuple[str, float] | None = None

    def __enter__(self) -> Stages:
        if self._display:
            self._display.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.stop()
        if self._display:
            self._display.__exit__(kind, error, trace)

    def start(self, stage: str, total: int | None = None) -> None:
        """Begin ``stage``; ``total`` is the number of items it will :meth:`advance` through, if known."""
        self.stop()
        self._current = (stage, time.perf_counter())
        if self._display:
            self._display.started(stage, total)

    def advance(self, count: int = 1) -> None:
        if self._display:
            self._display.advanced(count)

    def stop(self) -> None:
        if self._current is None:
            return
        stage, began = self._current
        self._current = None
        self.seconds[stage] = time.perf_counter() - began
        if self._display:
            self._display.finished(stage, self.seconds[stage])


class RichDisplay:
    """A line per finished stage with its time; the stage running shows a spinner, its count and the time so far."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TextColumn("{task.fields[count]}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            # No refresh thread: the analysis forks its workers while the display is up, and a
            # thread holding a lock at the fork leaves that lock held for ever in the child.
            # The display redraws when the build reports progress instead.
            auto_refresh=False,
        )
        self._task: TaskID | None = None
        self._done = 0
        self._total: int | None = None

    def __enter__(self) -> RichDisplay:
        self._progress.start()
        self._progress.refresh()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def started(self, stage: str, total: int | None) -> None:
        self._task = self._progress.add_task(stage, total=total, count="")
        self._done, self._total = 0, total
        self._progress.refresh()

    def advanced(self, count: int) -> None:
        self._done += count
        if self._task is not None:
            self._progress.update(self._task, count=f"{self._done} of {self._total}" if self._total else str(self._done))
            self._progress.refresh()

    def say(self, line: str) -> None:
        """Print a line above the live display (plain writes would land on the spinner's line)."""
        self._console.print(line, highlight=False, markup=False)

    def finished(self, stage: str, seconds: float) -> None:
        if self._task is not None:
            self._progress.remove_task(self._task)
            self._task = None
        self._console.print(f"[green]✓[/green] {stage} in {seconds:.1f} s", highlight=False)


def build_output(quiet: bool) -> tuple[Callable[[str], None], RichDisplay | None]:
    """How a build talks: lines and a live display on a terminal, plain lines elsewhere, nothing when quiet."""
    if quiet:
        return (lambda _: None), None
    display = terminal_display()
    return (display.say if display else click.echo), display


def terminal_display() -> RichDisplay | None:
    """A progress display when standard output is a terminal, else none."""
    console = Console()
    return RichDisplay(console) if console.is_terminal else None
