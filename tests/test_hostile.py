"""Hostile and broken input: nothing an article holds runs or shapes a page, every bad file gets one line.

Real projects are built with real spaCy, MkDocs and git. Articles carrying markup
are built once into one site, which every check then reads; broken files are
built once beside good articles. The cases and what each proves are listed in
docs/hostile-input.md.
"""

from __future__ import annotations

import codecs
import json
import re
import shutil
from pathlib import Path

import lxml.html
import pytest

from briefing.ingest import MAX_ARTICLE_BYTES
from briefing.ingest.text import MAX_PARAGRAPH_CHARS

from browser import Reader, search, serve
from conftest import REPO, build, make_project, run_cli

#: Markup an article may carry, each put into an article of its own: as its headline, inside a
#: sentence and as a paragraph of its own.
MARKUP = {
    "script": "<script>alert(1)</script>",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "html-link": '<a href="javascript:alert(1)">click</a>',
    "svg-onload": "<svg onload=alert(1)></svg>",
    "style": "<style>body{display:none}</style>",
    "raw-html-block": '<div onclick="alert(1)">\n<b>bold</b> raw block\n</div>',
    "html-comment": "<!-- hides the rest of the page",
    "entities": "&lt;script&gt;alert(1)&lt;/script&gt; &amp;",
    "markdown-link": "[click here](javascript:alert(1))",
    "markdown-image": "![picture](javascript:alert(1))",
    "autolink": "<https://evil.example/>",
    "reference-link": "[click][evil] [evil]: javascript:alert(1)",
    "footnote": "as noted[^1] [^1]: a forged footnote",
    "admonition": '!!! note "Injected"',
    "jinja": "{{ 7*7 }} and {% if true %}yes{% endif %}",
    "shortcodes": ":material-alert: :smile: {: .evil onclick=alert(1) }",
    "attr-list": '*word*{: onclick="alert(1)" } {#forged-id}',
    "code": "```js alert(1)``` `x`",
    "table": "| a | b |",
    "nested-quotes": "> > > > > > > > > > > > deeply nested",
    "nested-quote-marks": "“" * 200 + "deeply quoted" + "”" * 200,
}
#: A sentence around the markup that the analysis keeps as a statement.
SENTENCE = "Officials in Kyiv said that {} was found in the draft of the peace plan on Friday."
#: Attribute values that would make the browser run or fetch something an article chose.
ACTIVE_VALUE = re.compile(r"javascript:|vbscript:|evil\.example|alert\(", re.I)
#: Elements that never belong in the content of a briefing page.
FOREIGN_TAGS = {"script", "style", "iframe", "frame", "object", "embed", "form", "input", "button", "base", "link", "meta", "blockquote", "img"}


def article_text(markup: str) -> str:
    """An article with ``markup`` in its headline, in a sentence and on a line of its own."""
    headline = f"Officials find {markup} in the plan"
    return f"{headline}\n\n{SENTENCE.format(markup)}\n\n{markup}\n\nNegotiators from Washington and Moscow discussed the proposal for territory.\n"


def visible(text: str) -> str:
    return " ".join(text.split())


def active_content(html: str, where: str) -> list[str]:
    """What in a built page could run or load something an article chose (empty when inert)."""
    root = lxml.html.fromstring(html)
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on") or ACTIVE_VALUE.search(value):
                problems.append(f"{where}: <{element.tag} {name}={value!r}>")
        if element.tag == "script" and (ACTIVE_VALUE.search(element.text or "") or element.get("src", "assets/").startswith(("http", "//", "javascript"))):
            problems.append(f"{where}: foreign script {element.get('src') or (element.text or '')[:40]!r}")
    for content in root.iter("article"):
        for element in content.iter(*FOREIGN_TAGS):
            problems.append(f"{where}: <{element.tag}> inside the page content")
        for _ in content.xpath(".//*[contains(@class, 'admonition')]"):
            problems.append(f"{where}: an admonition inside the page content")
        for element in content.xpath(".//*[starts-with(@id, 'fn:')]"):
            if not re.fullmatch(r"fn:[a-z0-9-]+-s\d+", element.get("id")):
                problems.append(f"{where}: footnote {element.get('id')} was not made by briefing")
    return problems


def site_pages(project: Path) -> dict[str, str]:
    site = project / "site"
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile") / "briefing", seeds=None)
    for name, markup in MARKUP.items():
        (project / "seeds" / f"{name}.txt").write_text(article_text(markup), encoding="utf-8")
    (project / "seeds" / "front-matter.md").write_text(
        "---\n"
        "title: '<script>alert(1)</script> [x](javascript:alert(1))'\n"
        "outlet: '<img src=x onerror=alert(1)>'\n"
        "author: '{{ 7*7 }} [^1]'\n"
        "url: 'https://example.org/\"><script>alert(1)</script>'\n"
        "---\n" + SENTENCE.format("nothing") + "\n",
        encoding="utf-8",
    )
    (project / "seeds" / "<script>alert(1)<|script> [x](javascript:alert(1)).txt").write_text(
        SENTENCE.format("a file name") + "\n", encoding="utf-8"
    )
    (project / "seeds" / "long-line.txt").write_text(
        " ".join([SENTENCE.format(f"<img src=x onerror=alert({n})>") for n in range(700)]) + "\n", encoding="utf-8"
    )
    result = build(project)
    assert result.version is not None
    return project


@pytest.fixture(scope="module")
def hostile_pages(hostile_project) -> dict[str, str]:
    return site_pages(hostile_project)


@pytest.mark.parametrize("name", sorted(MARKUP))
def test_article_markup_is_shown_as_text(hostile_pages, name):
    """The page shows the markup as the characters the article has; the page itself is inert.

    Markup over several lines is shown from its first line, where it opens: each line of an
    article is a paragraph of its own, and one too short to state anything is not shown."""
    wanted = [visible(line) for line in MARKUP[name].splitlines()]
    shown = {path: visible(lxml.html.fromstring(html).xpath("string(//article)")) for path, html in hostile_pages.items()}
    assert any(wanted[0] in text for text in shown.values()), f"{name} is not shown as text"
    for path, html in hostile_pages.items():
        if any(line in shown[path] for line in wanted):
            assert active_content(html, path) == []


def test_no_page_has_active_content_from_articles(hostile_pages):
    assert len(hostile_pages) >= 3
    problems = [p for path, html in hostile_pages.items() for p in active_content(html, path)]
    assert problems == []


def test_the_checks_see_active_content():
    """The inertness check itself finds what it looks for (or the tests above prove nothing)."""
    page = '<html><body><article><p>x<img src=x onerror=alert(1)></p><a href="javascript:alert(1)">y</a>' \
        '<script>alert(1)</script><div class="admonition note"></div><div id="fn:1"></div></article></body></html>'
    assert len(active_content(page, "test")) == 7


def test_jinja_in_articles_is_not_evaluated(hostile_pages):
    text = visible(lxml.html.fromstring(hostile_pages["sources.html"]).xpath("string(//article)"))
    assert "{{ 7*7 }}" in text and "{% if true %}yes{% endif %}" in text
    assert " 49 " not in text


def test_search_index_holds_only_inert_text(hostile_project):
    """The search box renders results from the index as HTML: the index must hold article markup escaped."""
    index = json.loads((hostile_project / "site" / "search" / "search_index.json").read_text("utf-8"))
    problems = []
    for doc in index["docs"]:
        fragment = f"<html><body><article>{doc['text']}</article></body></html>"
        problems += active_content(fragment, f"search index {doc['location']}")
    assert "&lt;script&gt;" in json.dumps(index)
    assert problems == []


def test_front_matter_markup_is_shown_as_text(hostile_pages):
    text = visible(lxml.html.fromstring(hostile_pages["sources.html"]).xpath("string(//article)"))
    assert "“<script>alert(1)</script> [x](javascript:alert(1))”" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "{{ 7*7 }} [^1]" in text
    assert 'https://example.org/"><script>alert(1)</script>' in text


def test_file_name_markup_is_shown_as_text(hostile_pages):
    text = visible(lxml.html.fromstring(hostile_pages["sources.html"]).xpath("string(//article)"))
    assert "seeds/<script>alert(1)<|script> [x](javascript:alert(1)).txt" in text


def test_a_very_long_line_is_cut_at_sentence_ends_and_built(hostile_project):
    data = json.loads((hostile_project / "site_docs" / "briefing.json").read_text("utf-8"))
    (long_line,) = [a for a in data["articles"] if a["path"] == "seeds/long-line.txt"]
    assert long_line["sentences"] == 700
    assert len(SENTENCE) * 700 > 5 * MAX_PARAGRAPH_CHARS


def test_no_dialog_opens_and_no_article_script_runs_in_the_browser(browser, hostile_project, hostile_pages):
    """Every hostile page, and search results showing hostile text, in Debian's chromium."""
    dialogs: list[str] = []
    with serve(hostile_project / "site") as url:
        reader = Reader.open(browser, url)
        reader.context.on("page", lambda page: page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss())))
        for path in hostile_pages:
            page = reader.visit(path)
            assert page.evaluate("document.querySelectorAll('article script, article iframe, article img').length") == 0
            if path == "index.html":
                assert search(page, "draft peace plan Friday")
                page.wait_for_timeout(500)  # search results render asynchronously
                # Over HTTP the results are Pagefind's excerpts, put in as HTML: the article's markup stays text.
                assert page.evaluate("document.querySelectorAll('.md-search-result script, .md-search-result iframe, .md-search-result img').length") == 0
            page.close()
        reader.close()
    assert dialogs == []
    assert [p for p in reader.problems if "alert" in p or "evil.example" in p] == []


# --- Broken files: each gets a correct build or one line naming the file and the reason --------

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8ffff3f0005fe02fea7d6a4e40000000049454e44ae426082")
GOOD = "Negotiators from Washington and Moscow discussed the proposal for territory in Geneva on Friday.\n"
#: Ten levels of nine aliases each: a billion "lol"s if anything expanded it.
BILLION_LAUGHS = "---\ntitle: [&a [lol,lol,lol,lol,lol,lol,lol,lol,lol], " + ", ".join(
    f"&{chr(c)} [{','.join(['*' + chr(c - 1)] * 9)}]" for c in range(ord("b"), ord("j") + 1)
) + f"]\n---\n{GOOD}"
#: file name -> (bytes, the reason its one-line message must give).
REFUSED = {
    "empty.txt": (b"", "the file is empty"),
    "whitespace.txt": (b" \t\n\r\n  \n", "the file is empty"),
    "picture.txt": (PNG, "binary file, not text"),
    "utf16-without-bom.txt": (GOOD.encode("utf-16-le"), "binary file, not text"),
    "clutter-only.txt": (b"Skip to content\nAlso Read:\nLeave a Reply\n", "no article text left"),
    "invalid-yaml.md": (f"---\ntitle: [unclosed\n---\n{GOOD}".encode(), "front matter is not valid YAML"),
    "yaml-bomb.md": (BILLION_LAUGHS.encode(), "front matter title: must be text, not list"),
    "yaml-bomb-date.md": (BILLION_LAUGHS.replace("title:", "date:").encode(), "front matter date: a list is not a date"),
    "date-yesterday.md": (f"---\ndate: yesterday\n---\n{GOOD}".encode(), "front matter date: 'yesterday' is not a date"),
    "title-list.md": (f"---\ntitle: [a, b]\n---\n{GOOD}".encode(), "front matter title: must be text, not list"),
    "url-path.md": (f"---\nurl: ../../etc/passwd\n---\n{GOOD}".encode(), "front matter url: '../../etc/passwd' is not an http(s) address"),
    "url-file.md": (f"---\nurl: file:///etc/passwd\n---\n{GOOD}".encode(), "is not an http(s) address"),
    "id-traversal.md": (f"---\nid: ../../etc/passwd\n---\n{GOOD}".encode(), "front matter key 'id' is unknown"),
    "slug-traversal.md": (f"---\nslug: ../../../tmp/x\n---\n{GOOD}".encode(), "front matter key 'slug' is unknown"),
    "front-matter-list.md": (f"---\n- a\n- b\n---\n{GOOD}".encode(), "front matter must be a mapping"),
    "no-sentence.txt": (b"Breaking news\n\nYes. No. Maybe.\n\nMore soon\n", "no sentence the briefing can use"),
}
#: file name -> (bytes, the warning it must get, or None): built correctly.
ACCEPTED = {
    "windows-1252.txt": ("Kyiv’s café owners said the plan was drafted in secret by envoys.\n".encode("cp1252"), "read as Windows-1252"),
    "invalid-utf8.txt": (b"The envoys\x81 said the plan was drafted in secret over many weeks.\n", "read as Latin-1"),
    "utf16-bom.txt": (codecs.BOM_UTF16_LE + "Ukraine’s parliament said the plan would be debated next week.\n".encode("utf-16-le"), None),
    "crlf.txt": (b"The draft plan\r\n\r\nThe European foreign ministers met in Brussels on Monday to discuss it.\r\nThey said Kyiv must be consulted.\r\n", None),
    "cr.txt": (b"The old plan\r\rThe general staff said the army had held the line near the river.\rCivilians were evacuated.\r", None),
    "copy-a.txt": (b"Copy\n\nThe ministry said a convoy of trucks carried grain across the border at night.\n", None),
    "copy-b.txt": (b"Copy\n\nThe ministry said a convoy of trucks carried grain across the border at night.\n", "same article as seeds/copy-a.txt; counted once, listed with it"),
}


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("broken") / "briefing")
    for name, (raw, _) in {**REFUSED, **ACCEPTED}.items():
        (project / "seeds" / name).write_bytes(raw)
    with (project / "seeds" / "twenty-megabytes.txt").open("w", encoding="utf-8") as big:
        for _ in range(20_000_000 // len(GOOD) + 1):
            big.write(GOOD)
    (project / "seeds" / "passwd.txt").symlink_to("/etc/passwd")
    return project


@pytest.fixture(scope="module")
def broken_build(broken_project):
    before = outside_files(broken_project)
    result = run_cli("build", cwd=broken_project)
    assert outside_files(broken_project) == before, "the build wrote outside the project"
    return result


def outside_files(project: Path) -> set[str]:
    """Every file next to the project (the project's own folder excluded)."""
    root = project.parent
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if project not in p.parents and p != project}


def warning_lines(result) -> dict[str, str]:
    lines = [line.removeprefix("Warning: ") for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    return {line.split(": ", 1)[0]: line for line in lines}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_unusable_file_gets_one_line_and_is_left_out(broken_project, broken_build, name):
    assert broken_build.returncode == 0, broken_build.stderr
    line = warning_lines(broken_build)[f"seeds/{name}"]
    assert REFUSED[name][1] in line
    data = json.loads((broken_project / "site_docs" / "briefing.json").read_text("utf-8"))
    assert f"seeds/{name}" not in {a["path"] for a in data["articles"]}


def test_a_twenty_megabyte_file_is_refused_before_it_is_read(broken_project, broken_build):
    assert (broken_project / "seeds" / "twenty-megabytes.txt").stat().st_size > 20 * MAX_ARTICLE_BYTES
    line = warning_lines(broken_build)["seeds/twenty-megabytes.txt"]
    assert "20.0 MB is more than an article may have (1 MB)" in line


def test_a_link_to_a_file_outside_the_articles_is_not_read(broken_project, broken_build):
    line = warning_lines(broken_build)["seeds/passwd.txt"]
    assert "points outside" in line
    assert "root:" not in (broken_project / "site_docs" / "sources.md").read_text("utf-8")


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_odd_but_readable_file_is_built(broken_project, broken_build, name):
    assert broken_build.returncode == 0, broken_build.stderr
    warning = ACCEPTED[name][1]
    if warning:
        assert warning in warning_lines(broken_build)[f"seeds/{name}"]
    else:
        assert f"seeds/{name}" not in warning_lines(broken_build)
    sources = (broken_project / "site_docs" / "sources.md").read_text("utf-8")
    assert f"seeds/{name}" in sources
    assert "\r" not in sources and "\x00" not in sources and "\ufffd" not in sources


def test_text_is_decoded_correctly(broken_project, broken_build):
    data = json.loads((broken_project / "site_docs" / "briefing.json").read_text("utf-8"))
    excerpts = {a["path"]: [s["excerpt"] for s in a["summary"]] for a in data["articles"]}
    assert "Kyiv’s café owners said the plan was drafted in secret by envoys." in excerpts["seeds/windows-1252.txt"]
    assert "Ukraine’s parliament said the plan would be debated next week." in excerpts["seeds/utf16-bom.txt"]
    # CR and CRLF end lines: the headline is found and the body splits into its two sentences.
    articles = {a["path"]: a for a in data["articles"]}
    assert (articles["seeds/crlf.txt"]["title"], articles["seeds/crlf.txt"]["sentences"]) == ("The draft plan", 2)
    assert (articles["seeds/cr.txt"]["title"], articles["seeds/cr.txt"]["sentences"]) == ("The old plan", 2)


def test_identical_articles_count_once_and_both_are_listed(broken_project, broken_build):
    data = json.loads((broken_project / "site_docs" / "briefing.json").read_text("utf-8"))
    paths = [a["path"] for a in data["articles"]]
    assert "seeds/copy-a.txt" in paths and "seeds/copy-b.txt" not in paths
    # Not an article, a publisher or a source anywhere in the data: counted once.
    assert "copy-b" not in (broken_project / "site_docs" / "briefing.json").read_text("utf-8")
    sources = (broken_project / "site_docs" / "sources.md").read_text("utf-8")
    assert "| Same article, counted once | seeds/copy-b.txt |" in sources


def test_the_good_articles_are_built_despite_the_broken_ones(broken_project, broken_build):
    data = json.loads((broken_project / "site_docs" / "briefing.json").read_text("utf-8"))
    seeds = sorted(p.name for p in (REPO / "seeds").iterdir())
    assert {f"seeds/{name}" for name in seeds} <= {a["path"] for a in data["articles"]}
    assert (broken_project / "site" / "index.html").is_file()
    assert "Traceback" not in broken_build.stderr


def test_strict_stops_at_the_first_unusable_file(broken_project, broken_build):
    head = (broken_project / "site_docs" / "briefing.json").read_bytes()
    result = run_cli("build", "--strict", cwd=broken_project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error: seeds/") and "--strict" in line
    assert (broken_project / "site_docs" / "briefing.json").read_bytes() == head


def test_only_unusable_files_is_an_error(tmp_path):
    project = make_project(tmp_path / "p", seeds=None)
    (project / "seeds" / "empty.txt").write_bytes(b"")
    (project / "seeds" / "picture.txt").write_bytes(PNG)
    result = run_cli("build", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "no usable articles" in result.stderr
    assert not (project / "site_docs").exists()


def test_five_thousand_one_line_articles(tmp_path):
    project = make_project(tmp_path / "p", seeds=None)
    seeds = project / "seeds"
    for n in range(5000):
        (seeds / f"line-{n:04d}.txt").write_text(f"Officials in district {n} said the plan was discussed at {n} meetings.\n")
    result = build(project, commit=False)
    assert len(result.briefing.articles) == 5000
    pages = "".join(p.read_text("utf-8") for p in (project / "site_docs").rglob("*.md"))
    assert all(f"seeds/line-{n:04d}.txt" in pages for n in range(5000))
    assert (project / "site" / "sources.html").is_file()


# --- A broken briefing.yml: the key, the line and what is allowed ---------------------------------

CONFIG_ERRORS = {
    "unknown-key": ("title: x\ntopics: []\nsurprise: 1\n", "briefing.yml:3: surprise: unknown key; allowed here: "),
    "unknown-topic-key": ("title: x\ntopics:\n  - id: a\n    title: A\n    colour: red\n", "briefing.yml:5: topics.0.colour: unknown key; allowed here: description, examples, id"),
    "wrong-type": ("title: x\ntopics: []\nsummary_sentences: many\n", "briefing.yml:3: summary_sentences: 'many' is not of type 'integer'"),
    "wrong-type-list": ("title: x\ntopics: plan\n", "briefing.yml:2: topics: 'plan' is not of type 'array'"),
    "bad-topic-id": ("title: x\ntopics:\n  - id: ../../etc\n    title: A\n", "briefing.yml:3: topics.0.id: '../../etc' does not match"),
    "duplicate-topic": ("title: x\ntopics:\n  - id: a\n    title: A\n  - id: a\n    title: B\n", "briefing.yml:5: topic id 'a' is used twice"),
    "missing-title": ("topics: []\n", "briefing.yml:1: (top level): 'title' is a required property"),
    "invalid-yaml": ("title: [x\ntopics: []\n", "briefing.yml:2: not valid YAML"),
    "not-a-mapping": ("- title\n", "must be a mapping of settings"),
    "bad-pattern": ("title: x\ntopics: []\nclutter:\n  - pattern: '(unclosed'\n", "is not a valid regular expression"),
    "missing-examples-file": ("title: x\ntopics: []\ntopic_examples: nowhere.yml\n", "briefing.yml:3: topic_examples: cannot read"),
    # The project's topics/examples.yml names the repository's topics, which this config lacks.
    "unknown-example-topic": ("title: x\ntopics: []\ntopic_examples: topics/examples.yml\n", "names topic 'plan-terms'; topic ids here: other"),
}


@pytest.mark.parametrize("name", sorted(CONFIG_ERRORS))
def test_broken_config_says_key_line_and_what_is_allowed(tmp_path, name):
    text, expected = CONFIG_ERRORS[name]
    project = make_project(tmp_path / "p")
    (project / "briefing.yml").write_text(text)
    result = run_cli("build", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert expected in line
    assert not (project / "site_docs").exists()


def test_every_case_is_listed_in_the_docs():
    docs = (REPO / "docs" / "hostile-input.md").read_text("utf-8")
    for name in [*MARKUP, *REFUSED, *ACCEPTED, *CONFIG_ERRORS]:
        assert f"| `{name}` |" in docs, f"{name} is not listed in docs/hostile-input.md"


@pytest.mark.parametrize(("missing", "message"), [("templates", "templates folder not found"), ("mkdocs.yml", "not found; the site needs MkDocs settings")])
def test_a_missing_templates_folder_or_mkdocs_yml_is_one_line_before_any_analysis(tmp_path, missing, message):
    project = make_project(tmp_path / "p", git_init=False, analysed=False)
    target = project / missing
    shutil.rmtree(target) if target.is_dir() else target.unlink()
    result = run_cli("build", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and f"{missing}: {message}" in lines[0], result.stderr
    # Said before the analysis spent its time: nothing was analysed or written.
    assert not any((project / ".briefing" / "cache").rglob("*.json")) and not (project / "site_docs").exists()
