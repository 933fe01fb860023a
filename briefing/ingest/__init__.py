"""Stage 1, ingest: article files on disk -> :class:`~briefing.content.Article`.

Reads ``*.txt`` and ``*.md`` under the seeds folder, decodes them, reads
optional YAML front matter, infers metadata from the text and removes page
clutter. Saved web pages (``*.html``, ``*.htm``) are read by :mod:`briefing.ingest.html`. A file that cannot be used is reported as a :class:`Problem` naming
the file and the reason; the build goes on with the others.

Given a cache folder, the articles read are kept in one pack (:mod:`briefing.packs`), by
path and content: a rebuild reads and hashes every file but parses only new or changed
ones. The pack's key is this package's code, the rules and the libraries that read
pages, so a change to any of them reads every file again.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import importlib.metadata
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from briefing import __version__
from briefing.config import Config
from briefing.content import Article, Paragraph
from briefing.ingest.rules import Rules, load_rules
from briefing.ingest.text import parse_date, parse_text
from briefing.models import model_version
from briefing.packs import Pack, layout

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
#: Saved web pages, read by :mod:`briefing.ingest.html`.
PAGE_SUFFIXES = (".html", ".htm")
#: A page as a browser saves it carries its scripts and styles (news pages run to 1-2 MB);
#: more than this is not an article page, and parsing it would take long.
MAX_PAGE_BYTES = 5_000_000
#: No news article comes near this (the longest seeds are ~20 kB); a bigger file is a dump or a
#: mistake, and analysing it would take minutes and gigabytes. Checked before the file is read.
MAX_ARTICLE_BYTES = 1_000_000
#: How far, in days, before the first or after the last of the other articles' dates a dateline's day, given a year
#: from them, may fall.
DATELINE_MARGIN_DAYS = 31
FRONT_MATTER_KEYS = ("title", "outlet", "publisher", "date", "url", "author", "fetched")
#: Front matter kept for the reader (``briefing add`` writes when it fetched the page), not used.
RECORD_KEYS = ("fetched",)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


@dataclass(frozen=True)
class Problem:
    """Why a file was not used, or what was doubtful about it."""

    path: str
    message: str
    fatal: bool = True
    """True when the file was left out of the briefing."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Ingested:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


class ArticleError(Exception):
    """A file that cannot be read as an article."""


#: The file in the cache folder that keeps the articles read.
INGEST_PACK = "ingest.pack"
#: The folder of the code and data (``*.py``, ``rules.yml``) that reading depends on: part of the pack's key.
CODE_FOLDER = Path(__file__).parent


def read_articles(project: Path, config: Config, cache_dir: Path | None = None) -> Ingested:
    """Read every article under the config's seeds folder, sorted by path; with ``cache_dir``, parse
    only the files its pack does not hold as they are now."""
    rules = load_rules(config)
    folder = project / config.seeds
    inside = folder.resolve()
    pack = Pack(cache_dir / INGEST_PACK if cache_dir else None, _pack_key(rules))
    articles: list[Article] = []
    problems: list[Problem] = []
    names: list[str] = []
    parsed: dict[str, Article] = {}
    seen: dict[Article, int] = {}
    paths = sorted(p for p in folder.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
    for path in paths:
        relative = path.relative_to(project).as_posix()
        try:
            raw = _read(path, folder, inside)
            name = hashlib.sha256(f"{relative}\0".encode("utf-8", "surrogateescape") + raw).hexdigest()
            article = pack.get(name)
            if article is None:
                article = parsed[name] = read_article(raw, relative, rules)
        except ArticleError as exc:
            problems.append(Problem(relative, str(exc)))
            continue
        names.append(name)
        # The same article saved twice (even in another encoding or with other line
        # endings) would count as two publishers: keep one, and list the copy with it.
        key = replace(article, id="", path="", content_hash="", warnings=())
        if key in seen:
            first = articles[seen[key]]
            articles[seen[key]] = replace(first, copies=first.copies + (relative,))
            problems.append(Problem(relative, f"same article as {first.path}; counted once, listed with it", fatal=False))
            continue
        seen[key] = len(articles)
        problems.extend(Problem(relative, w, fatal=False) for w in article.warnings)
        articles.append(article)
    pack.write(names, parsed)
    return Ingested(_numbered(dated_by_the_others(_unique_ids(articles))), tuple(problems))


def _pack_key(rules: Rules) -> str:
    """What reading a file depends on besides its path and bytes: this package's code and data, the
    rules, the shape of an article, the libraries that decode and parse, and the language model whose
    vocabulary tells a site's made-up name from a word (:func:`briefing.models.model_strings`)."""
    code = hashlib.sha256()
    for source in sorted(CODE_FOLDER.iterdir()):
        if source.suffix in (".py", ".yml"):
            code.update(source.name.encode() + b"\0" + source.read_bytes())
    libraries = [f"{name} {importlib.metadata.version(name)}" for name in ("PyYAML", "trafilatura", "htmldate", "lxml")]
    return "/".join(
        [
            f"briefing {__version__}",
            f"python {sys.version.split()[0]}",
            *libraries,
            model_version(),
            layout(Article, Paragraph),
            f"code-{code.hexdigest()}",
            f"rules-{hashlib.sha256(rules.fingerprint().encode()).hexdigest()}",
        ]
    )


def _read(path: Path, folder: Path, inside: Path) -> bytes:
    """The bytes of the article file ``path``, which must lie in ``folder`` (``inside`` once resolved)."""
    if not path.resolve().is_relative_to(inside):
        # Articles get published: a link must not put, say, /etc/passwd on the site.
        raise ArticleError(f"a link that points outside {folder.name}/; copy the article in instead")
    limit = MAX_PAGE_BYTES if path.suffix.lower() in PAGE_SUFFIXES else MAX_ARTICLE_BYTES
    size = path.stat().st_size
    if size > limit:
        raise ArticleError(f"{size / 1e6:.1f} MB is more than an article may have ({limit / 1e6:g} MB); split it or remove it")
    return path.read_bytes()


def read_article(raw: bytes, path: str, rules: Rules) -> Article:
    """Turn one file's bytes into an :class:`Article`."""
    content_hash = hashlib.sha256(raw).hexdigest()
    if path.lower().endswith(PAGE_SUFFIXES):
        # Imported here: the module uses this one's ArticleError and decode, and trafilatura takes time to import.
        from briefing.ingest.html import read_page

        page = read_page(raw, rules)
        front, body, warnings = page.metadata, page.text, page.warnings
    else:
        text, warnings = decode(raw)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            raise ArticleError("the file is empty")
        front, body = split_front_matter(text)
    parsed = parse_text(body, rules)
    if not parsed.paragraphs:
        raise ArticleError("no article text left after removing page clutter")
    meta: dict[str, Any] = {
        "title": parsed.title,
        "outlet": parsed.outlet,
        "publisher": parsed.publisher or parsed.outlet,
        "date": parsed.date,
        "day": None if parsed.date else parsed.day,
        "author": parsed.author,
        "url": None,
    }
    meta.update((k, v) for k, v in front.items() if k not in RECORD_KEYS)
    if not meta["outlet"] and not meta["publisher"] and rules.default_outlet:
        meta["outlet"] = meta["publisher"] = rules.label_of(rules.default_outlet)
    if "outlet" in front and "publisher" not in front and not parsed.publisher:
        meta["publisher"] = front["outlet"]
    slug_source = meta["publisher"] or meta["outlet"] or " ".join((meta["title"] or "").split()[:4]) or "article"
    return Article(
        id=f"{slugify(slug_source)}-{content_hash[:6]}",
        path=path,
        content_hash=content_hash,
        paragraphs=tuple(parsed.paragraphs),
        warnings=tuple(warnings + parsed.warnings),
        **meta,
    )


def decode(raw: bytes) -> tuple[str, list[str]]:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; fall back to cp1252/Latin-1."""
    if b"\x00" in raw and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ArticleError("binary file, not text (it contains NUL bytes)")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            raise ArticleError("starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), ["not UTF-8; read as Windows-1252 (cp1252)"]
    except UnicodeDecodeError:
        return raw.decode("latin-1"), ["not UTF-8; read as Latin-1"]


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split optional YAML front matter from the body and check its values."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group("yaml"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        raise ArticleError(f"front matter is not valid YAML{where}; fix it or remove the --- block") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArticleError("front matter must be a mapping of keys such as title: and date:")
    front: dict[str, Any] = {}
    for key, value in data.items():
        if key not in FRONT_MATTER_KEYS:
            raise ArticleError(f"front matter key {key!r} is unknown; allowed: {', '.join(FRONT_MATTER_KEYS)}")
        if key == "date":
            front[key] = _front_matter_date(value)
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            front[key] = " ".join(str(value).split()) or None
        elif value is not None:
            raise ArticleError(f"front matter {key}: must be text, not {type(value).__name__}")
    url = front.get("url")
    if url and not re.match(r"https?://[^\s/]+", url):
        raise ArticleError(f"front matter url: {url!r} is not an http(s) address")
    return front, text[m.end() :]


def _front_matter_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        found, _ = parse_date(value.strip())
        if found:
            return found
    # Only text is quoted back: the repr of a YAML bomb's nested lists would never finish.
    shown = repr(value) if isinstance(value, str) else f"a {type(value).__name__}"
    raise ArticleError(f"front matter date: {shown} is not a date; write it as YYYY-MM-DD")


def slugify(text: str, max_words: int = 4) -> str:
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return "-".join(words[:max_words]) or "article"


def dated_by_the_others(articles: Sequence[Article]) -> tuple[Article, ...]:
    """Date an article whose dateline prints only its day and month ("Dec 11 (Reuters) –") in the year that puts
    it nearest the middle of the other articles' dates, if that falls in the time they cover (give or take
    :data:`DATELINE_MARGIN_DAYS`); with no dated article, or further away, it stays undated."""
    dates = sorted(d for a in articles if a.date and (d := _iso(a.date)))
    if not dates:
        return tuple(articles)
    middle, margin = dates[len(dates) // 2], dt.timedelta(days=DATELINE_MARGIN_DAYS)

    def year_of(day: str) -> str | None:
        month, number = map(int, day.split("-"))
        days = [found for year in (middle.year - 1, middle.year, middle.year + 1) if (found := _iso(f"{year}-{month:02d}-{number:02d}"))]
        best = min(days, key=lambda d: abs(d - middle), default=None)
        return best.isoformat() if best and dates[0] - margin <= best <= dates[-1] + margin else None

    return tuple(replace(a, date=year_of(a.day)) if a.day and not a.date else a for a in articles)


def _iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None  # ("02-29" in a year that has none; a date front matter gives in another form)


def _numbered(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    """Number the articles that show no outlet, site or headline, in file order, so a reader can tell them apart."""
    unnamed = [a for a in articles if not (a.publisher or a.outlet or a.url or a.title)]
    numbers = {a.id: n for n, a in enumerate(unnamed, 1)}
    return tuple(replace(a, unnamed=numbers[a.id]) if a.id in numbers else a for a in articles)


def _unique_ids(articles: list[Article]) -> tuple[Article, ...]:
    """Ids are slug + 6 hex digits; lengthen the hash where two articles would clash."""
    counts: dict[str, int] = {}
    for article in articles:
        counts[article.id] = counts.get(article.id, 0) + 1
    return tuple(replace(a, id=f"{a.id[:-6]}{a.content_hash[:12]}") if counts[a.id] > 1 else a for a in articles)
