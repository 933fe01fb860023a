"""``briefing serve``: the live preview, MkDocs' development server on 127.0.0.1.

It builds like ``briefing build --no-commit`` (``site_docs/`` and ``site/`` are
written, no version is recorded) and serves ``site/``. It watches only the
inputs (the articles folder, ``templates/``, ``briefing.yml`` and its ``topic_examples``
file, ``mkdocs.yml``),
never its own output, so a rebuild cannot trigger another one. With
``--version N`` it serves that past version's site instead, built from git.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from briefing.analyse.nlp import load_nlp
from briefing.commands.build import DOCS_DIR, SITE_DIR, WORK_DIR, BuildOptions, run_build
from briefing.commands.versions import repository
from briefing.config import CONFIG_FILE, load_config
from briefing.errors import BriefingError
from briefing.past_versions import built_version
from briefing.site import MKDOCS_FILE
from briefing.version import find_version

HOST = "127.0.0.1"
log = logging.getLogger("briefing.serve")


def watched_paths(project: Path) -> list[Path]:
    """The inputs whose change triggers a rebuild."""
    config = load_config(project)
    examples = [project / config.topic_examples] if config.topic_examples else []
    return [project / config.seeds, project / "templates", project / CONFIG_FILE, *examples, project / MKDOCS_FILE]


def run_serve(project: Path, port: int, version: str | None = None) -> None:
    """Serve the live preview, or with ``version`` that past version's site, as recorded (nothing is watched)."""
    project = project.resolve()
    if version is not None:
        _serve(_past_site(project, version), port, rebuild=lambda: None, watched=[])
        return
    options = BuildOptions(project=project, commit=False)
    run_build(options)  # a first build that fails stops here, with the error on one line
    # Loaded once here: the process forked to analyse a rebuild's new articles inherits the spaCy pipeline instead of
    # loading it each time (a rebuild after one article is added took about 1.65 s, now about 1.25 s).
    load_nlp(load_config(project).entities)

    def rebuild() -> None:
        try:
            run_build(options)
        except BriefingError as exc:  # keep serving the last good site until the input is fixed
            log.error("%s", exc)

    _serve(project / SITE_DIR, port, rebuild, [p for p in watched_paths(project) if p.exists()])


def _past_site(project: Path, label: str) -> Path:
    """The site of version ``label``, built from git (or taken from the build's cache of past versions)."""
    repo = repository(project)
    return built_version(repo, project, DOCS_DIR, find_version(repo, label), project / WORK_DIR / "versions")


def _serve(root: Path, port: int, rebuild: Callable[[], None], watched: list[Path]) -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s - %(message)s")
    server = LiveReloadServer(builder=rebuild, host=HOST, port=port, root=str(root))
    for path in watched:
        server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("stopped")
    except OSError as exc:
        raise BriefingError(f"{HOST}:{port}: cannot serve there ({exc.strerror}); choose another with --port") from None
    finally:
        server.shutdown()
