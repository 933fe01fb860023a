"""The ingest and analysis packs (briefing/packs.py): a rebuild parses and analyses only the files that
changed; a change to what reading or analysing depends on does it all again; a damaged pack is ignored;
and what comes out is what a build without any cache makes, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import briefing.analyse
import briefing.analyse.cache
import briefing.ingest
from briefing.analyse.cache import PACK_FILE
from briefing.commands.build import DOCS_DIR, SITE_DIR, WORK_DIR
from briefing.config import load_config
from briefing.content import Briefing
from briefing.core import make_briefing
from briefing.ingest import INGEST_PACK

from conftest import build, make_project

SEEDS = sorted(f"seeds/{p.name}" for p in (Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
NEW_ARTICLE = """Ministers agree new rules for river pollution

Water companies will face unlimited fines for dumping sewage into rivers, the environment minister said on Tuesday.

The new rules, agreed after months of talks, take effect in April and apply to every company in England.

Campaigners said the fines were welcome but came too late for rivers already damaged by years of spills.
"""


class _Watched:
    """The paths of the files parsed and analysed, kept in a file: articles are analysed in a forked worker."""

    def __init__(self, log: Path) -> None:
        self.log = log

    def __getitem__(self, what: str) -> list[str]:
        lines = self.log.read_text("utf-8").splitlines() if self.log.exists() else []
        return [line.split(" ", 1)[1] for line in lines if line.startswith(what + " ")]

    def clear(self) -> None:
        self.log.unlink(missing_ok=True)

    def add(self, what: str, path: str) -> None:
        with self.log.open("a", encoding="utf-8") as log:
            log.write(f"{what} {path}\n")


_WATCHED: _Watched | None = None
_REAL = {"parse": briefing.ingest.read_article, "analyse": briefing.analyse._analyse_batch}


def _parse(raw, path, rules):
    assert _WATCHED is not None
    _WATCHED.add("parsed", path)
    return _REAL["parse"](raw, path, rules)


def _analyse(articles, *args, **kwargs):  # at module level: a forked worker is sent it by name
    assert _WATCHED is not None
    for article in articles:
        _WATCHED.add("analysed", article.path)
    return _REAL["analyse"](articles, *args, **kwargs)


@pytest.fixture
def work(monkeypatch, tmp_path) -> _Watched:
    """The paths of the files this test's builds parse and analyse (the real functions, watched)."""
    global _WATCHED
    _WATCHED = _Watched(tmp_path / "watched.log")
    monkeypatch.setattr(briefing.ingest, "read_article", _parse)
    monkeypatch.setattr(briefing.analyse, "_analyse_batch", _analyse)
    yield _WATCHED
    _WATCHED = None


def briefing_of(project: Path) -> Briefing:
    return make_briefing(project, load_config(project), cache_dir=project / WORK_DIR / "cache")


def without_cache(project: Path, folder: Path) -> Briefing:
    """The briefing of the same inputs, made from nothing."""
    copy = shutil.copytree(project, folder, ignore=shutil.ignore_patterns(WORK_DIR))
    return make_briefing(copy, load_config(copy))


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def packs(project: Path) -> dict[str, bytes]:
    return {name: (project / WORK_DIR / "cache" / name).read_bytes() for name in (INGEST_PACK, PACK_FILE)}


def test_a_rebuild_reads_only_the_files_that_changed_and_builds_what_a_fresh_build_builds(tmp_path, work):
    project = make_project(tmp_path / "p", git_init=False)
    build(project, commit=False)
    edited = project / SEEDS[1]
    text = edited.read_text("utf-8")
    assert "Ukraine has repeatedly rejected territorial concessions." in text
    edited.write_text(text.replace("repeatedly rejected territorial", "repeatedly rejected any territorial"), "utf-8")
    (project / "seeds" / "new.txt").write_text(NEW_ARTICLE, "utf-8")
    work.clear()
    build(project, commit=False)
    assert sorted(work["parsed"]) == sorted(work["analysed"]) == [SEEDS[1], "seeds/new.txt"]
    fresh = shutil.copytree(project, tmp_path / "fresh", ignore=shutil.ignore_patterns(WORK_DIR, DOCS_DIR, SITE_DIR))
    build(fresh, commit=False)
    assert tree(project / DOCS_DIR) == tree(fresh / DOCS_DIR)
    assert tree(project / SITE_DIR) == tree(fresh / SITE_DIR)
    # Nothing changed: nothing is parsed or analysed, and the packs are not written again.
    before = packs(project)
    work.clear()
    briefing_of(project)
    assert work["parsed"] == work["analysed"] == []
    assert packs(project) == before


def _edit_config(project: Path, old: str, new: str) -> None:
    config = project / "briefing.yml"
    text = config.read_text("utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), "utf-8")


def _clutter_rule(project: Path, monkeypatch) -> None:
    _edit_config(project, "\nentities:\n", '\nclutter:\n  - pattern: "Kremlin denies new proposals"\nentities:\n')


def _version(project: Path, monkeypatch) -> None:
    monkeypatch.setattr(briefing.ingest, "__version__", "0.0.0-other")


def _code(project: Path, monkeypatch) -> None:
    code = shutil.copytree(briefing.ingest.CODE_FOLDER, project.parent / "code", ignore=shutil.ignore_patterns("__pycache__"))
    (code / "text.py").write_text((code / "text.py").read_text("utf-8") + "\n# changed\n", "utf-8")
    monkeypatch.setattr(briefing.ingest, "CODE_FOLDER", code)


def _analysis_version(project: Path, monkeypatch) -> None:
    monkeypatch.setattr(briefing.analyse, "ANALYSIS_VERSION", briefing.analyse.ANALYSIS_VERSION + 1)


def _gazetteer(project: Path, monkeypatch) -> None:
    _edit_config(project, "\nentities:\n", "\nentities:\n  - {name: Serhii Kyslytsya, aliases: [Kyslytsya]}\n")


def _summary_length(project: Path, monkeypatch) -> None:
    _edit_config(project, "\narticle_summary_sentences: 2\n", "\narticle_summary_sentences: 3\n")


#: What changes, and what the next build must then do again for every file.
CHANGES = {
    "rules": (_clutter_rule, "parsed"),
    "briefing version": (_version, "parsed"),
    "ingest code": (_code, "parsed"),
    "analysis version": (_analysis_version, "analysed"),
    "gazetteer": (_gazetteer, "analysed"),
    "summary length": (_summary_length, "analysed"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_change_to_what_reading_or_analysing_depends_on_does_it_again_for_every_file(tmp_path, work, monkeypatch, change):
    project = make_project(tmp_path / "p", git_init=False)
    briefing_of(project)
    edit, redone = CHANGES[change]
    edit(project, monkeypatch)
    work.clear()
    rebuilt = briefing_of(project)
    assert sorted(work[redone]) == SEEDS
    assert rebuilt == without_cache(project, tmp_path / "fresh")


def _flip(data: bytes) -> bytes:
    """One bit of the last entry changed."""
    return data[:-10] + bytes([data[-10] ^ 1]) + data[-9:]


DAMAGE = {
    "cut short": lambda data: data[: len(data) // 2],
    "a bit flipped": _flip,
    "another key": lambda data: data.replace(b'"key": "', b'"key": "other', 1),
    "not a pack": lambda data: b"\x80\x05garbage",
    "empty": lambda data: b"",
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_pack_is_ignored_and_written_again(tmp_path, work, damage):
    project = make_project(tmp_path / "p", git_init=False)
    clean = briefing_of(project)
    good = packs(project)
    for name, data in good.items():
        (project / WORK_DIR / "cache" / name).write_bytes(DAMAGE[damage](data))
    work.clear()
    assert briefing_of(project) == clean
    # Ingest parsed every file again; the analyses came from the per-article entries.
    assert sorted(work["parsed"]) == SEEDS and work["analysed"] == []
    # Both packs were written whole again: the next build needs nothing else.
    only_packs(project)
    work.clear()
    assert briefing_of(project) == clean
    assert work["parsed"] == work["analysed"] == []


def only_packs(project: Path) -> None:
    """Remove the per-article entries of the analysis cache."""
    for folder in (project / WORK_DIR / "cache").iterdir():
        if folder.is_dir():
            shutil.rmtree(folder)


def test_without_its_pack_the_analysis_comes_from_the_entries(tmp_path, work):
    project = make_project(tmp_path / "p", git_init=False)
    clean = briefing_of(project)
    (project / WORK_DIR / "cache" / PACK_FILE).unlink()
    work.clear()
    assert briefing_of(project) == clean
    assert work["analysed"] == []
    assert (project / WORK_DIR / "cache" / PACK_FILE).is_file()


def test_a_pack_that_lacks_a_few_analyses_is_not_written_again_for_them(tmp_path, work, monkeypatch):
    monkeypatch.setattr(briefing.analyse.cache, "PACK_SLACK", 0.2)  # of 6 articles, one may be missing
    project = make_project(tmp_path / "p", git_init=False)
    briefing_of(project)
    before = packs(project)[PACK_FILE]
    (project / "seeds" / "new.txt").write_text(NEW_ARTICLE, "utf-8")
    work.clear()
    added = briefing_of(project)
    assert work["analysed"] == ["seeds/new.txt"] and packs(project)[PACK_FILE] == before
    assert without_cache(project, tmp_path / "fresh") == added
    # The next build reads the new article's analysis from its entry...
    work.clear()
    assert briefing_of(project) == added and work["analysed"] == []
    # ...and analyses it again if that entry is damaged.
    (entry,) = [p for p in (project / WORK_DIR / "cache").rglob("*.json") if "unlimited fines" in p.read_text("utf-8")]
    entry.write_text(entry.read_text("utf-8")[:100], "utf-8")
    assert briefing_of(project) == added and work["analysed"] == ["seeds/new.txt"]
    # Two lacking of seven is more than the slack: the pack is written again, whole.
    (project / "seeds" / "newer.txt").write_text(NEW_ARTICLE.replace("river", "lake"), "utf-8")
    briefing_of(project)
    assert packs(project)[PACK_FILE] != before
    only_packs(project)
    work.clear()
    briefing_of(project)
    assert work["analysed"] == []
