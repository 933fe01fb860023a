"""``briefing serve``: the live preview, MkDocs' development server on 127.0.0.1.

It builds like ``briefing build --no-commit`` (``site_docs/`` and ``site/`` are
written, no version is recorded) and serves ``site/``. It watches only the
inputs (the articles folder, ``templates/``, ``briefing.yml``, ``mkdocs.yml``),
never its own output, so a rebuild cannot trigger another one.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from briefing.commands.build import SITE_DIR, BuildOptions, run_build
from briefing.config import CONFIG_FILE, load_config
from briefing.errors import BriefingError
from briefing.site import MKDOCS_FILE

HOST = "127.0.0.1"
log = logging.getLogger("briefing.serve")


def watched_paths(project: Path) -> list[Path]:
    """The inputs whose change triggers a rebuild."""
    config = load_config(project)
    return [project / config.seeds, project / "templates", project / CONFIG_FILE, project / MKDOCS_FILE]


def run_serve(project: Path, port: int) -> None:
    project = project.resolve()
    options = BuildOptions(project=project, commit=False)
    run_build(options)  # a first build that fails stops here, with the error on one line

    def rebuild() -> None:
        try:
            run_build(options)
        except BriefingError as exc:  # keep serving the last good site until the input is fixed
            log.error("%s", exc)

    logging.basicConfig(level=logging.INFO, format="%(levelname)s - %(message)s")
    server = LiveReloadServer(builder=rebuild, host=HOST, port=port, root=str(project / SITE_DIR))
    for path in watched_paths(project):
        if path.exists():
            server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("stopped")
    except OSError as exc:
        raise BriefingError(f"{HOST}:{port}: cannot serve there ({exc.strerror}); choose another with --port") from None
    finally:
        server.shutdown()
