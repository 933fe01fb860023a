"""The documentation tells the truth about the commands and options that exist."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import click

from briefing.cli import cli

from conftest import REPO


def _documentation() -> str:
    return "\n".join(p.read_text("utf-8") for p in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))])


def test_every_command_and_option_is_documented():
    docs = _documentation()
    for name, command in cli.commands.items():
        assert f"briefing {name}" in docs, f"`briefing {name}` is not documented in README.md or docs/"
        for param in command.params:
            if isinstance(param, click.Option):
                assert any(opt in docs for opt in param.opts), f"`briefing {name} {param.opts[0]}` is not documented"


def test_every_config_key_is_documented():
    docs = (REPO / "docs" / "configuration.md").read_text("utf-8")
    schema = json.loads((REPO / "briefing" / "config.schema.json").read_text("utf-8"))

    def keys(node):
        for key, sub in node.get("properties", {}).items():
            yield key
            yield from keys(sub)
            yield from keys(sub.get("items", {}))
        for sub in node.get("$defs", {}).values():
            yield from keys(sub)

    for key in sorted(set(keys(schema))):
        assert f"`{key}`" in docs, f"briefing.yml key `{key}` is not documented in docs/configuration.md"


def test_readme_gives_the_two_set_up_commands():
    readme = (REPO / "README.md").read_text("utf-8")
    assert "make build" in readme and "make test" in readme


def test_generated_references_are_current():
    """docs/cli.md and the tables of docs/configuration.md are what `make docs` (cog) writes from the code."""
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "--diff", "docs/cli.md", "docs/configuration.md"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, f"run `make docs`:\n{result.stdout}{result.stderr}"


def test_ruff_finds_nothing():
    """Lint and import order, with the short configuration in pyproject.toml."""
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_pipeline_table_names_exactly_the_modules_that_exist():
    readme = (REPO / "README.md").read_text("utf-8")
    table = readme.split("| stage | module |", 1)[1].split("\n\n", 1)[0]
    named = set(re.findall(r"`(briefing/[\w/.]+)`", table))
    assert named and all((REPO / name).exists() for name in named), sorted(n for n in named if not (REPO / n).exists())
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "briefing").glob("*.py") if p.name not in ("__init__.py", "__main__.py")}
    packages = {f"{p.relative_to(REPO).as_posix()}/" for p in (REPO / "briefing").iterdir() if (p / "__init__.py").exists()}
    assert modules | packages <= named, f"not in README's pipeline table: {sorted((modules | packages) - named)}"


def test_no_block_of_six_lines_is_copied_within_the_package():
    """Copy-paste with small variations drifts; a repeated block belongs in one function."""
    trivial = (")", "]", "}", '"""', "),", "],", "else:", "try:", "return result")
    seen: dict[tuple[str, ...], str] = {}
    for path in sorted((REPO / "briefing").rglob("*.py")):
        lines = [(n, line.strip()) for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)]
        code = [(n, line) for n, line in lines if line and line not in trivial and not line.startswith(("#", "import ", "from "))]
        for start in range(len(code) - 5):
            block = tuple(line for _, line in code[start : start + 6])
            where = f"{path.relative_to(REPO)}:{code[start][0]}"
            assert seen.setdefault(block, where) == where, f"{where} repeats the six lines at {seen[block]}"
