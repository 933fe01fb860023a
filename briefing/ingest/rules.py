"""Ingest rules: built-in data (``rules.yml``) merged with the user's config."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

import yaml

from briefing.config import ClutterRule, Config, OutletConfig
from briefing.errors import BriefingError


@dataclass(frozen=True)
class Rules:
    clutter: tuple[tuple[re.Pattern[str], str], ...]
    outlets: tuple[OutletConfig, ...]
    outlet_signatures: tuple[tuple[re.Pattern[str], OutletConfig], ...]
    syndication: tuple[re.Pattern[str], ...]
    wires: tuple[tuple[re.Pattern[str], str], ...] = ()
    """(marker pattern, the wire's name) for lines that credit a wire service."""
    wire_names: tuple[tuple[str, str], ...] = ()
    """(a name articles use for a wire, the wire's name), e.g. ("Associated Press", "AP")."""
    default_outlet: str | None = None
    """Outlet label for articles that name none (``default_outlet`` in briefing.yml)."""

    def fingerprint(self) -> str:
        """Every rule as text (patterns whole: a pattern's repr is cut at 200 characters)."""
        return repr(
            (
                [(p.pattern, p.flags, action) for p, action in self.clutter],
                self.outlets,
                [(p.pattern, p.flags, outlet) for p, outlet in self.outlet_signatures],
                [(p.pattern, p.flags) for p in self.syndication],
                [(p.pattern, p.flags, wire) for p, wire in self.wires],
                self.wire_names,
                self.default_outlet,
            )
        )

    def outlet_named(self, name: str) -> OutletConfig | None:
        return self._outlets_by_key.get(_key(name))

    def wire_named(self, name: str) -> str | None:
        """The wire service ``name`` names ("Agence France-Presse": AFP), if any."""
        return next((wire for written, wire in self.wire_names if _key(written) == _key(name)), None)

    def outlet_written(self, line: str) -> OutletConfig | None:
        """The known outlet whose name or short name ``line`` is, written as the outlet writes it (case and
        closing punctuation aside): "The Hill" and "THE HILL.", not "Hill"."""
        return self._outlets_as_written.get(_written(line))

    @functools.cached_property
    def _outlets_as_written(self) -> dict[str, OutletConfig]:
        return self._outlet_index(_written)

    @functools.cached_property
    def _outlets_by_key(self) -> dict[str, OutletConfig]:
        # Asked of every header line, against some 160 outlets: an index, first outlet first.
        return self._outlet_index(_key)

    def _outlet_index(self, key: Callable[[str], str]) -> dict[str, OutletConfig]:
        """Each outlet under the ``key`` of its name and of its short name; never under "" (an outlet
        without a short name, and a line of only punctuation such as "-" or "•", name none)."""
        index: dict[str, OutletConfig] = {}
        for outlet in self.outlets:
            for name in (outlet.name, outlet.short):
                if name and (k := key(name)):
                    index.setdefault(k, outlet)
        return index

    def label_of(self, name: str) -> str:
        """The name used in footnotes and counts: a known outlet's short name, else ``name``."""
        named = self.outlet_named(name)
        return named.label if named else name.strip()

    def outlet_signed(self, line: str) -> OutletConfig | None:
        for pattern, outlet in self.outlet_signatures:
            if pattern.fullmatch(line):
                return outlet
        return None

    def wire_credited(self, line: str) -> tuple[str, str] | None:
        """(wire, what is left of the line) if ``line`` credits a wire service."""
        for pattern, wire in self.wires:
            m = pattern.fullmatch(line)
            if m:
                return wire, (m.groupdict().get("rest") or "").strip()
        return None

    def clutter_action(self, line: str) -> str | None:
        for pattern, action in self.clutter:
            if pattern.fullmatch(line):
                return action
        return None


def _key(name: str) -> str:
    return re.sub(r"\W+", "", name.casefold().removeprefix("the "))


def _written(name: str) -> str:
    """``name`` as written, case, spacing and closing punctuation aside."""
    return " ".join(name.casefold().rstrip(".:;,!").split())


def _compile(pattern: str, origin: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise BriefingError(f"{origin}: pattern {pattern!r} is not a valid regular expression ({exc})") from None


def load_rules(config: Config) -> Rules:
    builtin = yaml.safe_load(resources.files("briefing.ingest").joinpath("rules.yml").read_text("utf-8"))
    origin = str(config.source_path or "briefing.yml")
    clutter = [ClutterRule(r["pattern"], r.get("action", "drop-line")) for r in builtin["clutter"]]
    clutter += config.clutter
    # The user's outlets come first so they can redefine a built-in one.
    outlets = list(config.outlets) + [OutletConfig(o["name"], o.get("short", ""), tuple(o.get("signatures", ()))) for o in builtin["outlets"]]
    return Rules(
        clutter=tuple((_compile(r.pattern, origin), r.action) for r in clutter),
        outlets=tuple(outlets),
        outlet_signatures=tuple((_compile(sig, origin), outlet) for outlet in outlets for sig in outlet.signatures),
        syndication=tuple(_compile(p, "rules.yml") for p in builtin["syndication"]),
        wires=tuple((_compile(p, "rules.yml"), w["names"][0]) for w in builtin["wires"] for p in w["markers"]),
        wire_names=tuple((name, w["names"][0]) for w in builtin["wires"] for name in w["names"]),
        default_outlet=config.default_outlet or None,
    )
