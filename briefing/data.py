"""The briefing as data: ``briefing.json``, one schema (``briefing/briefing.schema.json``).

pages writes it, changes and diff read it back from git; the version it
records (``version``, only in a build recorded as a version) lets a shallow
clone number its next version without the commits it cut off.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

DATA_FILE = "briefing.json"


@dataclass(frozen=True)
class VersionStamp:
    """The version a build of ``briefing.json`` was recorded as."""

    number: int
    date: dt.datetime
    """When it was recorded (its commit's date), in UTC, to the second."""
    summary: str
    """What changed, in one line (the commit subject without "Briefing vN: ")."""

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "date": self.date.strftime("%Y-%m-%dT%H:%M:%SZ"), "summary": self.summary}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VersionStamp:
        date = dt.datetime.strptime(data["date"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
        return cls(int(data["number"]), date, str(data["summary"]))


def dump(data: dict[str, Any]) -> str:
    """``briefing.json``'s text: keys sorted and indented, so `git diff` between versions reads well."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def load(text: str | None) -> dict[str, Any] | None:
    """A ``briefing.json`` read back; None for no text or text that is not its JSON."""
    try:
        data = json.loads(text) if text else None
    except ValueError:
        return None
    return data if isinstance(data, dict) and isinstance(data.get("articles"), list) else None


def load_version(text: str) -> VersionStamp | None:
    """The version a ``briefing.json`` records, if it records one."""
    stamp = (load(text) or {}).get("version")
    try:
        return VersionStamp.from_json(stamp) if isinstance(stamp, dict) else None
    except (KeyError, TypeError, ValueError):
        return None
