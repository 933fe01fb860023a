"""The documentation tells the truth about the commands and options that exist."""

from __future__ import annotations

import json

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
