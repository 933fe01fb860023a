"""Versions a reviewer can trust: real git repositories in temporary folders, the real pipeline.

Each scenario asserts the commits, the tags and the "What changed" page.
The added article is tests/data/extra-article.txt, a short article written for
these tests about the same story as the seeds (marked as test data).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import git
import pytest
import yaml

from briefing.changes import Baselines, compare
from briefing.data import BriefingData, dump, load, load_version, stamped
from briefing.pages import Page
from briefing.site import write_docs
from briefing.version import format_date, record_version, store_files, versions

from conftest import REPO, build, make_project, run_cli

EXTRA = REPO / "tests" / "data" / "extra-article.txt"
BRIEFING_PATHS = ("seeds/", "site_docs/", "briefing.yml", "topics/examples.yml")


def data_at(repo: git.Repo, ref: str) -> dict:
    return json.loads(repo.git.show(f"{ref}:site_docs/briefing.json"))


def typed(data: dict) -> BriefingData:
    """JSON data as briefing.data reads it back."""
    loaded = load(json.dumps(data))
    assert loaded is not None
    return loaded


def findings(data: dict) -> list[dict]:
    return data["findings"] if "findings" in data else [i for t in data["topics"] for i in t["items"]]


def tags(repo: git.Repo) -> list[str]:
    return sorted((t.name for t in repo.tags), key=lambda name: int(name.rsplit("v", 1)[1]))


def committed_files(repo: git.Repo, ref: str = "HEAD") -> set[str]:
    return set(repo.commit(ref).stats.files)


def changes_page(project: Path) -> str:
    return (project / "site_docs" / "changes.md").read_text("utf-8")


def escaped(text: str) -> str:
    """How a sentence appears on a page: Markdown-escaped, as briefing.pages.markdown.md prints it."""
    from briefing.pages.markdown import md

    return str(md(text))


def page_diff(repo: git.Repo, old: str, new: str) -> dict[str, tuple[list[str], list[str]]]:
    """Removed and added lines of every changed Markdown page between two refs."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    current = None
    for line in repo.git.diff("-U0", old, new, "--", "site_docs/*.md").splitlines():
        if line.startswith("+++ "):
            current = out.setdefault(line[6:], ([], []))
        elif line.startswith(("--- ", "diff ", "index ", "@@", "new file", "deleted file")):
            continue
        elif line[:1] in "+-" and current is not None:
            current[0 if line[0] == "-" else 1].append(line[1:])
    return out


def unexplained(removed: list[str], added: list[str], touched_texts: set[str], new_marks: tuple[str, ...], page: str):
    """Changed lines that neither carry the new article nor update a count, a table row or a joined finding."""
    digits = re.compile(r"\d+")

    def cells(row: str) -> list[str]:
        return [c.strip() for c in row.strip().strip("|").split("|")]

    marks = "|".join(re.escape(m) for m in new_marks)
    new_footnote = re.compile(rf"\[\^({marks})-s\d+\]")

    def plain(line: str) -> str:
        return digits.sub("#", new_footnote.sub("", line))

    def explained_by_pair(line: str, others: list[str]) -> bool:
        for other in others:
            if plain(line) == plain(other):
                return True  # a count changed, or the line gained a footnote to the new article
            a, b = cells(line), cells(other)
            if line.startswith("|") and other.startswith("|") and abs(len(a) - len(b)) == 1:
                longer, shorter = (a, b) if len(a) > len(b) else (b, a)
                if any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer))):
                    return True  # a table gained or lost one column (a publisher)
        return False

    def about_touched(line: str) -> bool:
        return any(text in line for text in touched_texts)

    def new_section(line: str) -> bool:
        """A heading whose section holds something from the new article (a new speaker, say)."""
        if not line.startswith("#") or line in removed:
            return False
        section = page.split(line + "\n", 1)[1].split("\n#", 1)[0]
        return any(m in section for m in new_marks)

    left_added = [
        line for line in added
        if line.strip() and not any(m in line for m in new_marks) and not explained_by_pair(line, removed)
        and not about_touched(line) and not line.startswith("<figure") and not new_section(line)
    ]
    left_removed = [
        line for line in removed
        if line.strip() and not explained_by_pair(line, added) and not about_touched(line)
        and not line.startswith("<figure")
    ]
    return left_removed, left_added


def test_adding_then_removing_an_article_changes_exactly_what_it_touches(tmp_path):
    project = make_project(tmp_path / "p")
    repo = git.Repo(project)
    v1 = build(project).version
    assert v1.number == 1 and tags(repo) == ["briefing-v1"]

    shutil.copy(EXTRA, project / "seeds" / "extra-article.txt")
    v2 = build(project).version
    assert v2.number == 2 and tags(repo) == ["briefing-v1", "briefing-v2"]
    assert repo.tags["briefing-v2"].commit.hexsha == repo.head.commit.hexsha
    assert all(p.startswith(BRIEFING_PATHS) for p in committed_files(repo))
    assert repo.head.commit.message.startswith("Briefing v2: 1 source added; ")
    assert "+ seeds/extra-article.txt" in repo.head.commit.message

    before, after = data_at(repo, "briefing-v1"), data_at(repo, "briefing-v2")
    (new_article,) = [a for a in after["articles"] if a["path"] == "seeds/extra-article.txt"]
    mark = f"[^{new_article['id']}-s"
    joined = [f for f in findings(after) if any(s["article"] == new_article["id"] for s in f["sources"])]
    only_new = [f for f in joined if all(s["article"] == new_article["id"] for s in f["sources"])]
    corroborated = [f for f in joined if f not in only_new]
    assert only_new and corroborated, "the test article must both add findings and join one"

    # The changes page: the source, every new finding, every finding it corroborates, all footnoted.
    page = changes_page(project)
    assert page.startswith("# What changed in version 2\n")
    assert f"recorded on {format_date(repo.head.commit.committed_datetime)}" in page
    sources_added = page.split("## Sources added", 1)[1].split("\n## ", 1)[0]
    assert "Test Wire" in sources_added and mark in sources_added
    for finding in only_new:
        assert f"- {escaped(finding['text'])}{mark}" in page
    for finding in corroborated:
        line = next(line for line in page.splitlines() if line.startswith(f"- {escaped(finding['text'])}"))
        assert mark in line
    assert "Now reported by" in page and "added Test Wire" in page
    assert "No longer supported" not in page

    # The other pages change only where the article adds or joins something.
    touched_texts = {escaped(f["text"]) for f in corroborated}
    still_reported = {escaped(f["text"]) for f in findings(after)}
    for path, (removed, added) in page_diff(repo, "briefing-v1", "briefing-v2").items():
        if path in ("site_docs/changes.md", "site_docs/history.md"):
            continue
        text = (project / path).read_text("utf-8")
        left_removed, left_added = unexplained(removed, added, touched_texts, (new_article["id"], "Test Wire"), text)
        # Left: summary lines the strengthened finding displaced or pushed down (a line, its support
        # line, its footnote); the displaced findings are still in the briefing.
        assert len(left_removed) <= 3 * len(joined), (path, left_removed)
        assert len(left_added) <= 3 * len(joined), (path, left_added)
        # A finding that regrouped (two old sentences now one finding) is reported on the changes page.
        for line in left_removed:
            if line.startswith("- ") and not any(line.startswith(f"- {text}") for text in still_reported):
                labels = re.findall(r"\[\^([^\]]+)\]", line)
                assert labels and all(f"[^{label}]" in page for label in labels), (path, line)
    history = (project / "site_docs" / "history.md").read_text("utf-8")
    rows = [line for line in history.splitlines() if re.match(r"\| \d+ \|", line)]
    assert [row.split("|")[1].strip() for row in rows] == ["2", "1"]
    assert format_date(repo.head.commit.committed_datetime) in rows[0]

    # Removing it again takes away exactly what only it supported: every other page is as in v1.
    (project / "seeds" / "extra-article.txt").unlink()
    v3 = build(project).version
    assert v3.number == 3 and tags(repo) == ["briefing-v1", "briefing-v2", "briefing-v3"]
    changed = set(repo.git.diff("--name-only", "briefing-v1", "briefing-v3", "--", "site_docs").split())
    # briefing.json differs only in the version it records.
    assert changed == {"site_docs/changes.md", "site_docs/history.md", "site_docs/briefing.json"}
    v1_data, v3_data = data_at(repo, "briefing-v1"), data_at(repo, "briefing-v3")
    assert (v1_data.pop("version")["number"], v3_data.pop("version")["number"]) == (1, 3)
    assert v1_data == v3_data
    page = changes_page(project)
    assert "## Sources removed" in page and "Compared with version 2" in page
    gone = page.split("### No longer supported by any source")
    assert len(gone) - 1 == len({f["topic"] for f in only_new})
    for finding in only_new:
        assert f"- {escaped(finding['text'])}{mark}" in page
    assert page.count("No longer supported; it was reported by Test Wire.") == len(only_new)
    assert compare(typed(before), typed(data_at(repo, "briefing-v3"))).summary().startswith("pages updated")

    # A rebuild with nothing changed records nothing and rewrites nothing.
    docs = {p: p.read_bytes() for p in sorted((project / "site_docs").rglob("*")) if p.is_file()}
    head = repo.head.commit.hexsha
    result = build(project)
    assert result.version is None and "nothing changed" in result.notes[0]
    assert repo.head.commit.hexsha == head and len(tags(repo)) == 3
    assert {p: p.read_bytes() for p in sorted((project / "site_docs").rglob("*")) if p.is_file()} == docs
    assert not repo.git.status("--porcelain", "--", "site_docs", "seeds")

    # The command line reads the same versions.
    listed = run_cli("versions", cwd=project)
    assert listed.returncode == 0, listed.stderr
    assert [line.split()[0] for line in listed.stdout.splitlines()] == ["v3", "v2", "v1"]
    diff = run_cli("diff", "1", "2", "--git", cwd=project)
    assert diff.returncode == 0, diff.stderr
    assert diff.stdout.startswith("version 1 -> version 2\n1 source added;")
    for finding in only_new:
        assert f"+ {finding['text']} [Test Wire]" in diff.stdout
    assert "site_docs/changes.md" in diff.stdout and "files changed" in diff.stdout
    latest = run_cli("diff", cwd=project)
    assert latest.stdout.startswith("version 2 -> version 3\n1 source removed;")
    shown = run_cli("show", "v2", cwd=project)
    assert shown.returncode == 0 and repo.tags["briefing-v2"].commit.hexsha in shown.stdout
    assert "+ seeds/extra-article.txt" in shown.stdout
    missing = run_cli("show", "7", cwd=project)
    assert missing.returncode == 1 and "no version '7'" in missing.stderr and "Traceback" not in missing.stderr


def test_removing_a_seed_takes_away_what_only_it_supported(tmp_path):
    project = make_project(tmp_path / "p")
    repo = git.Repo(project)
    build(project)
    before = data_at(repo, "HEAD")
    removed = next(a for a in before["articles"] if a["path"].endswith("004_e272cfd912a2173e.txt"))
    (project / removed["path"]).unlink()
    assert build(project).version.number == 2
    assert f"- {removed['path']}" in repo.head.commit.message
    after = data_at(repo, "HEAD")
    only_it = [f for f in findings(before) if {s["article"] for s in f["sources"]} == {removed["id"]}]
    page = changes_page(project)
    assert page.count("No longer supported; it was reported by") == len(only_it) > 0
    for finding in only_it:
        assert escaped(finding["text"]) in page
    labels = {f"{s['article']}-s{s['sentence']}" for f in findings(after) for s in f["sources"]}
    assert not any(label.startswith(removed["id"]) for label in labels)
    kept = {f"{s['article']}-s{s['sentence']}" for f in findings(before) for s in f["sources"] if s["article"] != removed["id"]}
    assert kept == labels


def test_removing_a_topic_from_the_config_records_it_and_reports_moved_findings(tmp_path):
    project = make_project(tmp_path / "p")
    repo = git.Repo(project)
    build(project)
    config = yaml.safe_load((project / "briefing.yml").read_text("utf-8"))
    config["topics"] = [t for t in config["topics"] if t["id"] != "battlefield-claims"]
    (project / "briefing.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    # Its examples go too: an examples file naming a topic the config lacks is refused.
    examples = yaml.safe_load((project / config["topic_examples"]).read_text("utf-8"))
    del examples["battlefield-claims"]
    (project / config["topic_examples"]).write_text(yaml.safe_dump(examples, allow_unicode=True, sort_keys=False), "utf-8")
    assert build(project).version.number == 2
    assert {"briefing.yml", config["topic_examples"]} <= committed_files(repo)
    before = {f["id"]: f["topic"] for f in findings(data_at(repo, "briefing-v1"))}
    moved = [f for f in findings(data_at(repo, "briefing-v2")) if before.get(f["id"], f["topic"]) != f["topic"]]
    # Every battlefield finding moves; with topic examples the model learned from the others is
    # learned again, so a few findings of other topics may move too: the page lists them all.
    assert {f["id"] for f in moved} >= {i for i, topic in before.items() if topic == "battlefield-claims"} != set()
    page = changes_page(project)
    assert "Topics left without findings: Battlefield claims." in page
    assert page.count("Moved from") >= len(moved)
    for finding in moved:
        assert escaped(finding["text"]) in page


def test_unrelated_dirty_and_staged_files_stay_out_and_stay_as_they_were(tmp_path):
    project = make_project(tmp_path / "p")
    repo = git.Repo(project)
    build(project)
    (project / "notes.txt").write_text("staged notes\n")
    repo.index.add(["notes.txt"])
    (project / ".gitignore").write_text("site/\n.briefing/\n# my unstaged edit\n")
    (project / "draft.txt").write_text("untracked\n")
    assert build(project).version is None, "unrelated changes alone are not a new version"
    shutil.copy(EXTRA, project / "seeds" / "extra-article.txt")
    assert build(project).version.number == 2
    assert all(p.startswith(BRIEFING_PATHS) for p in committed_files(repo))
    assert {d.a_path for d in repo.index.diff("HEAD")} == {"notes.txt"}  # still staged, not committed
    assert ".gitignore" in {d.a_path for d in repo.index.diff(None)}  # still modified
    assert "draft.txt" in repo.untracked_files
    assert "Test Wire" in changes_page(project)


def _conflict(project: Path, operation: str) -> git.Repo:
    """Leave ``operation`` ("merge" or "rebase") stopped on a conflict in briefing.yml."""
    repo = git.Repo(project)
    repo.git.checkout("-b", "other")
    (project / "briefing.yml").write_text("title: other\n")
    repo.git.commit("-am", "other title")
    repo.git.checkout("main")
    (project / "briefing.yml").write_text("title: mine\n")
    repo.git.commit("-am", "my title")
    with pytest.raises(git.GitCommandError):
        repo.git.execute(["git", operation, "other"])
    return repo


@pytest.mark.parametrize("operation", ["merge", "rebase"])
def test_an_ongoing_merge_or_rebase_is_refused_and_nothing_is_written(tmp_path, operation):
    project = make_project(tmp_path / "p", analysed=False)
    git.Repo(project).git.add("briefing.yml")
    git.Repo(project).git.commit("-m", "config")
    repo = _conflict(project, operation)
    head, refs = repo.git.rev_parse("HEAD"), repo.git.show_ref()
    for extra in ([], ["--no-commit"]):
        result = run_cli("build", *extra, cwd=project)
        assert result.returncode == 1
        assert "in progress; finish or abort it" in result.stderr and "Traceback" not in result.stderr
    assert not (project / "site_docs").exists() and not (project / ".briefing").exists()
    assert repo.git.rev_parse("HEAD") == head and repo.git.show_ref() == refs


def test_detached_head_records_on_the_detached_head_and_leaves_branches_alone(tmp_path):
    project = make_project(tmp_path / "p")
    repo = git.Repo(project)
    build(project)
    main = repo.heads.main.commit.hexsha
    repo.git.checkout("--detach")
    shutil.copy(EXTRA, project / "seeds" / "extra-article.txt")
    result = build(project)
    assert result.version.number == 2 and any("detached" in note for note in result.notes)
    assert repo.head.is_detached and repo.head.commit.hexsha == repo.tags["briefing-v2"].commit.hexsha
    assert repo.heads.main.commit.hexsha == main
    assert repo.head.commit.parents[0].hexsha == main


def test_a_repository_without_commits_gets_its_first_version_as_first_commit(tmp_path):
    project = make_project(tmp_path / "p", git_init=False)
    repo = git.Repo.init(project, initial_branch="main")
    (project / "notes.txt").write_text("staged before any commit\n")
    repo.index.add(["notes.txt"])
    v1 = build(project).version
    assert v1.number == 1 and tags(repo) == ["briefing-v1"]
    assert not repo.head.commit.parents
    assert all(p.startswith(BRIEFING_PATHS) for p in committed_files(repo))
    assert "notes.txt" in {e[0] for e in repo.index.entries} and "notes.txt" not in committed_files(repo)
    page = changes_page(project)
    assert page.startswith("# What changed in version 1\n") and "no earlier version" in page
    assert build(project).version is None


def test_a_build_without_commit_is_labelled_unrecorded_then_recorded(tmp_path):
    project = make_project(tmp_path / "p")
    repo = git.Repo(project)
    build(project)
    shutil.copy(EXTRA, project / "seeds" / "extra-article.txt")
    assert build(project, commit=False).version is None
    page = changes_page(project)
    assert page.startswith("# What changed\n") and "not recorded" in page and "Test Wire" in page
    assert tags(repo) == ["briefing-v1"]
    assert build(project).version.number == 2
    assert changes_page(project).startswith("# What changed in version 2\n")


def test_compare_reports_new_quotes_names_and_contested_claims_and_skips_absent_keys():
    article = {"id": "a-1", "path": "seeds/a.txt", "title": "T", "outlet": "Wire", "publisher": "Wire", "date": "2025-11-21",
               "author": None, "url": None, "sentences": 3,
               "summary": [{"article": "a-1", "sentence": 1, "excerpt": "Stubb spoke in Helsinki."}]}
    finding = {"id": "f-a-1-s1", "topic": "t", "text": "Stubb spoke in Helsinki.", "status": "single-source",
               "publishers": ["Wire"], "sources": [{"article": "a-1", "sentence": 1, "excerpt": "Stubb spoke in Helsinki."}]}
    base = {"title": "T", "articles": [article], "topics": [{"id": "t", "title": "Topic", "findings": ["f-a-1-s1"]}], "findings": [finding]}
    quote = {"speaker_name": "Alexander Stubb", "text": "we must talk", "article": "a-1", "sentence": 2, "excerpt": "“We must talk,” Stubb said."}
    entity = {"id": "alexander-stubb", "name": "Alexander Stubb", "type": "PERSON", "aliases": ["Stubb"], "articles": ["a-1"]}
    claim = {"finding": "f-a-1-s1", "claim": "Stubb spoke in Helsinki.", "status": "contested", "sources": finding["sources"]}
    old = {**base, "quotes": [], "entities": [], "claims": [{**claim, "status": "agreed"}]}
    new = {**base, "quotes": [quote], "entities": [entity], "claims": [claim]}
    old, new, base = typed(old), typed(new), typed(base)
    changes = compare(old, new)
    assert [q.text for q in changes.quotes] == ["Alexander Stubb: we must talk"]
    assert changes.quotes[0].sources[0].label == "a-1-s2"
    assert [e.text for e in changes.entities] == ["Alexander Stubb (PERSON)"]
    assert changes.entities[0].sources[0].excerpt == "Stubb spoke in Helsinki."
    assert [c.note for c in changes.claims] == ["Now contested (was agreed)."]
    assert "1 new quote" in changes.summary() and "1 new name" in changes.summary()
    # A version made before quotes, names and claims existed reports none of them as new.
    assert not compare(base, new).quotes and not compare(base, new).entities and not compare(base, new).claims
    assert compare(new, new).empty


def test_briefing_json_loads_typed_and_dumps_to_the_same_bytes(seeds_project):
    text = (seeds_project / "site_docs" / "briefing.json").read_text("utf-8")
    data = load(text)
    assert data is not None and data.version is not None and data.version.number == 1
    assert dump(data) == text
    assert json.dumps(json.loads(text), ensure_ascii=False, indent=1, sort_keys=True) + "\n" == text  # the standard form
    # Versions are compared through load and dump: no key of the schema may be lost on the way.
    assert data.latest == () and '"latest": []' in text
    assert load("not json") is None and load('{"articles": []}') is None


def test_a_build_reads_the_versions_it_counts_from_once(seeds_project):
    text = (seeds_project / "site_docs" / "briefing.json").read_text("utf-8")
    recorded = load(text)
    assert recorded is not None and recorded.version is not None
    data = dataclasses.replace(recorded, version=None)
    repo = git.Repo(seeds_project)
    known = Baselines(repo, seeds_project, "site_docs", ["seeds", "briefing.yml"], data, dump(data))
    # The seeds as version 1 recorded them: this build may be version 1 again, counted from no version.
    assert known.same_inputs and known.latest == versions(repo)[-1] and known.before is None
    assert known.since(None)[1].first
    latest, changes = known.since(known.latest)
    assert latest == recorded and changes.empty
    assert known.since(known.latest)[0] is latest  # read from git once


def test_the_version_is_stamped_into_and_read_from_briefing_json_without_the_rest(seeds_project):
    text = (seeds_project / "site_docs" / "briefing.json").read_text("utf-8")
    data = load(text)
    assert data is not None and data.version is not None
    unstamped = dump(dataclasses.replace(data, version=None))
    # "version" sorts last: stamped in, it is what dumping the stamped data writes.
    assert stamped(unstamped, data.version) == text
    assert load_version(text) == load_version(text.rstrip("\n")) == data.version  # git show drops the last newline
    assert load_version(unstamped) is None and load_version("not json") is None


def test_briefing_json_read_alike_other_data_takes_its_equal_elements_and_reads_the_rest(seeds_project):
    text = (seeds_project / "site_docs" / "briefing.json").read_text("utf-8")
    data = load(text)
    assert data is not None and len(data.findings) > 2
    other = dataclasses.replace(data, findings=data.findings[1:], title="another title", version=None)
    alike = load(text, like=(other, dump(other)))
    assert alike == data
    assert alike.findings[1] is other.findings[0]  # taken, not read again
    assert load(text, like=(other, "not a dump")) == data and load("not json", like=(other, dump(other))) is None


def test_a_version_records_every_changed_file_though_git_trusts_the_times_of_unchanged_ones(tmp_path):
    """write_docs gives a file written as it was the last one's times, and git is asked to trust
    size and time there (TRUST_TIMES): a file changed to other bytes of the same size must still be
    recorded, and so must an article the user changed keeping its size and time."""
    project = tmp_path / "p"
    project.mkdir()
    repo = git.Repo.init(project)
    docs, staging, article = project / "site_docs", tmp_path / "staging", project / "article.txt"
    article.write_text("one\n")
    first = [Page("a.md", "A", "alpha\n"), Page("b.md", "B", "bravo\n"), Page("c.md", "C", "charlie\n")]
    write_docs(first, {}, docs)
    for path in [article, *docs.iterdir()]:  # older than git's index: git trusts what their times say
        os.utime(path, (path.stat().st_atime - 3600, path.stat().st_mtime - 3600))
    date = dt.datetime(2025, 11, 20, tzinfo=dt.timezone.utc)
    record_version(repo, project, ["article.txt", "site_docs"], 1, date, "first", "sha256:1", written=("site_docs",))
    times = {p.name: p.stat().st_mtime_ns for p in docs.iterdir()}
    second = [Page("a.md", "A", "alpha\n"), Page("b.md", "B", "BRAVO\n"), Page("d.md", "D", "delta\n")]
    changed = write_docs(second, {}, staging, last=docs)
    assert sorted(p.name for p in changed) == ["b.md", "d.md"]
    assert (staging / "a.md").stat().st_mtime_ns == times["a.md"]
    shutil.rmtree(docs)
    staging.rename(docs)
    # The article replaced as a copy that keeps time and size does (rsync -t, cp -p): another file.
    before, copy = article.stat(), tmp_path / "article.txt"
    copy.write_text("two\n")
    os.utime(copy, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(copy, article)
    store_files(repo, [docs / p.name for p in changed])
    record_version(repo, project, ["article.txt", "site_docs"], 2, date, "second", "sha256:2", written=("site_docs",))
    tree = repo.head.commit.tree
    recorded = {blob.name: blob.data_stream.read().decode() for blob in tree["site_docs"].blobs}
    assert recorded == {"a.md": "alpha\n", "b.md": "BRAVO\n", "d.md": "delta\n"}
    assert tree["article.txt"].data_stream.read().decode() == "two\n"
    assert repo.git.status("--porcelain") == ""
