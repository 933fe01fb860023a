"""Version numbers that do not change with the checkout: tags deleted, a clone without tags,
a shallow clone, a rebase. Real git repositories and the real pipeline; after each, the next
build's number is the previous one plus 1 and its What changed page counts from that version.
"""

from __future__ import annotations

import shutil

import git
import pytest

from briefing.version import versions

from conftest import REPO, build, make_project

EXTRA = REPO / "tests" / "data" / "extra-article.txt"
SEEDS = sorted((REPO / "seeds").iterdir())


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    """A project with version 1 (four seeds) and version 2 (the fifth added), then an unrelated commit."""
    project = make_project(tmp_path_factory.mktemp("origin") / "briefing", seeds=None)
    for seed in SEEDS[:4]:
        shutil.copy(seed, project / "seeds")
    assert build(project).version.number == 1
    shutil.copy(SEEDS[4], project / "seeds")
    assert build(project).version.number == 2
    repo = git.Repo(project)
    (project / "notes.txt").write_text("unrelated\n")
    repo.git.add("notes.txt", "mkdocs.yml", "templates")  # a clone needs them too
    repo.index.commit("unrelated change")
    return project


def add_article_and_build(project):
    shutil.copy(EXTRA, project / "seeds" / EXTRA.name)
    return build(project)


def assert_next_is_3(project):
    result = add_article_and_build(project)
    assert result.version.number == 3
    repo = git.Repo(project)
    assert "Briefing-Version: 3" in repo.head.commit.message
    assert "Briefing-Inputs: sha256:" in repo.head.commit.message
    changes = (project / "site_docs" / "changes.md").read_text("utf-8")
    # Counted from version 2: one source added, not all six.
    assert result.version.message.startswith("Briefing v3: 1 source added"), result.version.message
    assert "version 2" in changes


def clone(origin, target, *options):
    # file:// so that --depth is honoured for a local repository.
    git.Git().clone(*options, f"file://{origin}", str(target))
    return target


def test_version_commits_carry_their_number_and_inputs_hash(origin):
    repo = git.Repo(origin)
    numbers = {v.number: v for v in versions(repo)}
    assert sorted(numbers) == [1, 2]
    assert all(f"Briefing-Version: {n}\n" in v.message + "\n" for n, v in numbers.items())
    hashes = [line for v in numbers.values() for line in v.message.splitlines() if line.startswith("Briefing-Inputs: ")]
    assert len(set(hashes)) == 2


def test_deleted_tags_are_recreated_and_numbering_goes_on(origin, tmp_path):
    project = shutil.copytree(origin, tmp_path / "copy", symlinks=True)
    repo = git.Repo(project)
    repo.git.tag("-d", "briefing-v1", "briefing-v2")
    assert_next_is_3(project)
    assert sorted(t.name for t in repo.tags) == ["briefing-v1", "briefing-v2", "briefing-v3"]
    assert repo.tags["briefing-v2"].commit.hexsha == versions(repo)[1].commit


def test_a_clone_without_tags_numbers_on(origin, tmp_path):
    project = clone(origin, tmp_path / "clone", "--no-tags")
    assert not git.Repo(project).tags
    assert_next_is_3(project)


def test_a_shallow_clone_reads_the_last_version_from_briefing_json(origin, tmp_path):
    project = clone(origin, tmp_path / "shallow", "--depth", "1")
    repo = git.Repo(project)
    assert repo.git.rev_parse("--is-shallow-repository") == "true"
    assert len(list(repo.iter_commits())) == 1  # the unrelated commit only: no version commit is here
    assert_next_is_3(project)


def test_a_rebase_keeps_the_numbers(origin, tmp_path):
    project = shutil.copytree(origin, tmp_path / "rebased", symlinks=True)
    repo = git.Repo(project)
    # Rewrite every commit after the set-up (a new root commit underneath changes them all).
    repo.git.tag("-d", "briefing-v1", "briefing-v2")
    first = repo.git.rev_list("--max-parents=0", "HEAD")
    repo.git.checkout("--orphan", "base", first)
    (project / "LICENSE").write_text("test\n")
    repo.git.add("LICENSE")
    repo.git.commit("-m", "a new first commit")
    repo.git.checkout("main")
    repo.git.rebase("--onto", "base", first, "main")
    assert "LICENSE" in repo.git.ls_files()
    assert [v.number for v in versions(repo)] == [1, 2]
    assert_next_is_3(project)


def test_a_version_recorded_before_the_trailers_is_known_by_its_subject(tmp_path):
    # Such a commit is named only by its tag, and a clone may lose the tag: its subject still names it.
    repo = git.Repo.init(tmp_path)
    (tmp_path / "notes.txt").write_text("first\n", "utf-8")
    repo.index.add(["notes.txt"])
    repo.index.commit("Briefing v1: 5 sources added; findings: Plan terms 78")
    (tmp_path / "notes.txt").write_text("second\n", "utf-8")
    repo.index.add(["notes.txt"])
    repo.index.commit("Notes: not a version")
    assert [(v.number, v.message.splitlines()[0]) for v in versions(repo)] == [(1, "Briefing v1: 5 sources added; findings: Plan terms 78")]
