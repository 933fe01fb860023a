"""Regenerate the golden output: `make golden` (or `python -m tests.golden`).

Builds `seeds/` in a temporary project with the repo's config and templates and
copies its `site_docs/` to `tests/golden/site_docs/`. Run it only after an
intended change of output, and review `git diff tests/golden` before committing.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from conftest import REPO, build, make_project  # noqa: E402

GOLDEN = REPO / "tests" / "golden" / "site_docs"


def build_seeds(folder: Path) -> Path:
    project = make_project(folder / "briefing", git_init=False)
    build(project, commit=False)
    return project / "site_docs"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docs = build_seeds(Path(tmp))
        if GOLDEN.exists():
            shutil.rmtree(GOLDEN)
        shutil.copytree(docs, GOLDEN)
    print(f"wrote {GOLDEN.relative_to(REPO)}; review it with: git diff -- tests/golden")


if __name__ == "__main__":
    main()
