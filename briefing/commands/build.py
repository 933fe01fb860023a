"""``briefing build``: run the whole pipeline and record a version."""

from __future__ import annotations

import calendar
import datetime as dt
import gc
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from filelock import FileLock, Timeout

from briefing.assets import site_files
from briefing.changes import Baselines, version_pages
from briefing.commands.progress import Display, Stages
from briefing.config import CONFIG_FILE, Config, load_config
from briefing.content import Briefing
from briefing.core import keep_going, make_briefing
from briefing.data import DATA_FILE, BriefingData, VersionStamp, as_data, dump, load_version
from briefing.errors import BriefingError
from briefing.ingest import Problem
from briefing.pages import check_templates, render_pages
from briefing.past_versions import add_past_versions, keep_recorded, kept_versions, past_sites, set_aside
from briefing.site import PAGEFIND_FOLDER, build_html, check_footnotes, mkdocs_settings, navigation, recover_swap, swap_in, write_docs
from briefing.version import Version, inputs_digest, open_repository, record_version, restore_tags, store_files

DOCS_DIR = "site_docs"
SITE_DIR = "site"
WORK_DIR = ".briefing"


@dataclass(frozen=True)
class BuildOptions:
    project: Path = Path(".")
    commit: bool = True
    """Record a version in git when content changed."""
    strict: bool = False
    """Stop at the first article that cannot be used, instead of leaving it out."""
    scheduler: str = ""
    """A Dask scheduler's address: analyse there instead of on this machine (else ``compute.scheduler`` of briefing.yml)."""


@dataclass
class BuildResult:
    briefing: Briefing
    problems: tuple[Problem, ...]
    version: Version | None = None
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage (ingest, analyse, findings, pages, site, version), in order."""
    rendered: int = 0
    """Pages MkDocs rendered; the others were the Markdown of the last build, their HTML reused."""
    kept: int = 0
    """Pages whose Markdown is the last build's: what they show was unchanged, so they were not rendered again."""
    laid_out: int = 0
    """Pages the theme laid out; the others were laid out as in the last build, their layout reused."""


def run_build(options: BuildOptions, say: Callable[[str], None] = lambda _: None, display: Display | None = None) -> BuildResult:
    project = options.project.resolve()
    # Opened first, and for --no-commit too: the changes and history pages read the versions, and
    # a half-done merge or rebase (maybe with conflict markers in briefing.yml) is the problem to report.
    repo = open_repository(project)
    config = load_config(project)
    # What the pages and the site need, checked before the analysis takes its minutes.
    check_templates(project / "templates")
    mkdocs_settings(project)
    work = project / WORK_DIR
    work.mkdir(exist_ok=True)
    try:
        with FileLock(work / "build.lock", timeout=0), Stages(display) as stages:
            return _build(project, config, repo, options, say, stages)
    except Timeout:
        raise BriefingError(f"{work / 'build.lock'}: another `briefing build` is running here; wait for it to finish") from None
    finally:
        gc.unfreeze()  # what _build froze is collected as usual once it is dropped (`briefing serve` builds again)
        gc.enable()  # and a build that stopped in its pages stage leaves the collector on


def _build(project: Path, config: Config, repo, options: BuildOptions, say: Callable[[str], None], stages: Stages) -> BuildResult:
    staging = project / WORK_DIR / "staging"
    # A build killed while swapping its output in left old and new folders mixed: put the old back.
    recover_swap(staging, project, (DOCS_DIR, SITE_DIR))
    if repo is not None and (tags := restore_tags(repo)):
        say(f"tagged {', '.join(tags)} again from the version commits' trailers")
    problems: list[Problem] = []

    def check(found: tuple[Problem, ...], usable: int, seeds: Path) -> None:
        problems.extend(found)
        _leave_out(found, usable, options, seeds)

    briefing = make_briefing(
        project,
        config,
        cache_dir=project / WORK_DIR / "cache",
        kept=project / WORK_DIR / "grouping",
        stages=stages,
        check=check,
        say=say,
        freeze=True,
        scheduler=options.scheduler,
    )

    stages.start("pages")
    gc.freeze()  # the briefing, too, lives until the build ends: the collector need not walk it again
    # The pages and briefing.json are hundreds of thousands of objects and no cycle: nothing to collect.
    gc.disable()
    try:
        inputs = [config.seeds, CONFIG_FILE, *([config.topic_examples] if config.topic_examples else [])]
        written_data: list[tuple[BriefingData, str, Baselines | None]] = []

        def write_data() -> None:  # needs no page: done while worker processes render them
            data = as_data(briefing)
            text = dump(data)
            written_data.append((data, text, Baselines(repo, project, DOCS_DIR, inputs, data, text) if repo is not None else None))

        pages = render_pages(briefing, project / "templates", project / WORK_DIR / "markdown", check_footnotes, write_data)
        ((data, text, baselines),) = written_data
        files = {DATA_FILE: text, **site_files()}
        written = {**{p.path: p.text for p in pages}, **files}
        history, files[DATA_FILE], pending = version_pages(baselines, briefing, data, project / "templates", written, options.commit)
        check_footnotes(history)
        pages += history
        changed = write_docs(pages, files, staging / DOCS_DIR, project / DOCS_DIR)
    finally:
        gc.enable()  # also after a failed build: `briefing serve` goes on in this process
    stages.start("site")
    this = load_version(files[DATA_FILE])
    versioned = repo is not None and config.publish.keep_versions > 0
    past = kept_versions(repo, this, config.publish.keep_versions)
    kept = project / WORK_DIR / "versions"
    # Before this build's pages replace the last build's in the page cache, which a past site built from git borrows from.
    sites = past_sites(repo, project, DOCS_DIR, past, kept, this, project / WORK_DIR / "pages") if versioned else []
    built = build_html(
        project,
        staging / DOCS_DIR,
        staging / SITE_DIR,
        briefing.title,
        navigation(pages, [t.id for t in briefing.topics]),
        _epoch(briefing, this),
        project / WORK_DIR / "pages",
        versioned=versioned,
        last_search=project / SITE_DIR / PAGEFIND_FOLDER,
        meanwhile=partial(store_files, repo, changed) if repo is not None and pending is not None and options.commit else None,
    )
    recording = set_aside(staging / SITE_DIR, kept) if versioned and pending is not None and options.commit else None
    if versioned:
        add_past_versions(past, sites, this, staging / SITE_DIR)
    swap_in(staging, project, (DOCS_DIR, SITE_DIR))
    say(f"wrote {len(pages)} pages to {DOCS_DIR}/ and the site to {SITE_DIR}/ ({built.rendered} rendered, {built.laid_out} laid out, the others unchanged)")

    # The dict fills in as stages end; the last one ends when the build returns.
    result = BuildResult(briefing, tuple(problems), timings=stages.seconds, rendered=built.rendered, kept=sum(p.kept for p in pages), laid_out=built.laid_out)
    if not options.commit:
        return result
    stages.start("version")
    if repo is None:
        result.notes.append("not a git repository: built without recording a version (run `git init` to keep versions)")
        return result
    if pending is None:
        result.notes.append("nothing changed since the last version: no commit")
        return result
    result.version = record_version(
        repo, project, [*inputs, DOCS_DIR], pending.number, pending.date, pending.message, inputs_digest(project, inputs), written=(DOCS_DIR,)
    )
    if recording:
        keep_recorded(recording, project, result.version, kept)
    if repo.head.is_detached:
        result.notes.append("HEAD is detached: the version was committed on the detached HEAD, not on a branch")
    return result


def _leave_out(problems: tuple[Problem, ...], usable: int, options: BuildOptions, seeds: Path) -> None:
    """Go on without the articles ``problems`` name, unless --strict was asked or none is left."""
    fatal = [p for p in problems if p.fatal]
    if options.strict and fatal:
        raise BriefingError(f"{fatal[0]} (--strict stops at the first unusable article)")
    keep_going(problems, usable, seeds)


def _epoch(briefing: Briefing, this: VersionStamp | None) -> int:
    """The build time MkDocs writes into the sitemap: from the inputs, never the clock.

    A version's site is dated when the version was recorded, as its site built again from
    git is (:mod:`briefing.past_versions`); SOURCE_DATE_EPOCH or the newest article dates
    a build that is not a version.
    """
    if this is not None:
        return int(this.date.timestamp())
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    dates = [a.article.date for a in briefing.articles if a.article.date]
    if not dates:
        return 0
    return calendar.timegm(dt.date.fromisoformat(max(dates)).timetuple())
