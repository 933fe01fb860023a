"""The reference parts of the documentation, generated from the code so that they cannot drift.

``docs/cli.md`` holds every command's ``--help``; the tables of
``docs/configuration.md`` give every ``briefing.yml`` key with its type (from
``config.schema.json``), default and meaning (the docstrings of the typed
config in :mod:`briefing.config`). cog writes them (``make docs``) and
``make test`` checks they are current (``cog --check``).
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import typing
from typing import Any

import click

from briefing import config
from briefing.config import _schema

#: Help is wrapped at this width whatever the terminal, so the generated text is the same everywhere.
WIDTH = 100
#: What a value of each config class is called in the tables.
NOUNS = {
    "TopicConfig": ("topic", "topics"),
    "ItemConfig": ("tracked item", "tracked items"),
    "EntityConfig": ("entity", "entities"),
    "OutletConfig": ("outlet", "outlets"),
    "ClutterRule": ("clutter rule", "clutter rules"),
    "PublishConfig": ("publish settings", "publish settings"),
    "FetchConfig": ("fetch settings", "fetch settings"),
    "ComputeConfig": ("compute settings", "compute settings"),
}


def cli_reference() -> str:
    """Every command's ``--help``, in the order ``briefing --help`` lists them."""
    from briefing.cli import cli

    parts = []
    for name, command in cli.commands.items():
        context = click.Context(command, info_name=f"briefing {name}", terminal_width=WIDTH, max_content_width=WIDTH)
        parts.append(f"## `briefing {name}`\n\n```text\n{command.get_help(context)}\n```\n")
    return "\n".join(parts)


def config_table(name: str) -> str:
    """The Markdown table of the settings of the config class ``name`` (``Config``, ``TopicConfig``, ...)."""
    cls = getattr(config, name)
    schema = _schema_of(cls)
    docs = _field_docs(cls)
    hints = typing.get_type_hints(cls)
    rows = ["| key | type | default | meaning |", "| --- | --- | --- | --- |"]
    for field in dataclasses.fields(cls):
        if field.name not in schema.get("properties", {}):
            continue  # not a setting (where the config was read from)
        node = schema["properties"][field.name]
        meaning = " ".join(docs.get(field.name, "").split()).replace("|", "\\|")
        default = _default(field, field.name in schema.get("required", ()))
        rows.append(f"| `{field.name}` | {_type(node, hints[field.name])} | {default} | {meaning} |")
    return "\n".join(rows) + "\n"


def _schema_of(cls: type) -> dict[str, Any]:
    """The schema node of ``cls``: the root for :class:`~briefing.config.Config`, else found through the fields that hold it."""
    root = _schema()

    def search(owner: type, node: dict[str, Any]) -> dict[str, Any] | None:
        if owner is cls:
            return node
        for name, hint in typing.get_type_hints(owner).items():
            inner = typing.get_args(hint)[0] if typing.get_origin(hint) is tuple else hint
            if dataclasses.is_dataclass(inner) and name in node.get("properties", {}):
                child = _resolve(root, node["properties"][name])
                found = search(inner, _resolve(root, child.get("items", child)))
                if found is not None:
                    return found
        return None

    found = search(config.Config, root)
    if found is None:
        raise LookupError(f"{cls.__name__} is not reachable from Config")
    return found


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref", "")
    return root["$defs"][ref.rsplit("/", 1)[1]] if ref.startswith("#/$defs/") else node


def _type(node: dict[str, Any], hint: Any) -> str:
    inner = typing.get_args(hint)[0] if typing.get_origin(hint) is tuple else hint
    if isinstance(inner, type) and inner.__name__ in NOUNS:
        one, many = NOUNS[inner.__name__]
        return f"list of {many}" if inner is not hint else one
    if "enum" in node:
        return " or ".join(f"`{v}`" for v in node["enum"])
    kind = node.get("type")
    if kind == "array":
        return f"list of {_type(node.get('items', {}), inner)}"
    if kind in ("integer", "number"):
        bounds = [str(node[k]) for k in ("minimum", "maximum") if k in node]
        return kind + (f" {'–'.join(bounds)}" if len(bounds) == 2 else f" ≥ {bounds[0]}" if "minimum" in node else "")
    return "text" + (f" matching `{node['pattern']}`" if "pattern" in node else "")


def _default(field: dataclasses.Field, required: bool) -> str:
    if required:
        return "required"
    value = field.default
    if dataclasses.is_dataclass(value):
        return f'"{value.title}"' if hasattr(value, "title") else "see below"
    if value == ():
        return "`[]`"
    return '`""`' if value == "" else f"`{value}`"


def _field_docs(cls: type) -> dict[str, str]:
    """The docstrings written under each field of ``cls`` (Python keeps them only in the source)."""
    body = ast.parse(inspect.getsource(cls)).body[0].body
    docs = {}
    for field, after in zip(body, body[1:]):
        if isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name):
            if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str):
                docs[field.target.id] = inspect.cleandoc(after.value.value).replace("``", "`")
    return docs
