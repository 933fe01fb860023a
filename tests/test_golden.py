"""Golden output: the seeds build to exactly the committed `tests/golden/site_docs/`.

After an intended change of output, run `make golden` and review the diff.
"""

from __future__ import annotations

import difflib

from golden import GOLDEN, build_seeds


def test_seeds_build_matches_golden_output(tmp_path):
    docs = build_seeds(tmp_path)
    built = {p.relative_to(docs).as_posix(): p.read_text("utf-8") for p in sorted(docs.rglob("*")) if p.is_file()}
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text("utf-8") for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    assert sorted(built) == sorted(expected), "pages added or removed: run `make golden` if intended"
    for name in sorted(expected):
        if built[name] != expected[name]:
            diff = "".join(
                list(difflib.unified_diff(expected[name].splitlines(True), built[name].splitlines(True), f"golden/{name}", f"built/{name}"))[:60]
            )
            raise AssertionError(f"{name} differs from the golden output (run `make golden` if intended):\n{diff}")
