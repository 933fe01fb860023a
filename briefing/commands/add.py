"""``briefing add``: articles from the web into ``seeds/`` as readable, diffable text.

Each page (fetched from its address, or a saved ``.html`` file) is extracted by
:mod:`briefing.ingest.html` and written as ``seeds/<date>-<outlet>-<slug>.md``: front
matter with its metadata, then its text. The page itself is kept under
``.briefing/raw/`` for re-extraction. Fetching is polite: one request at a time, a
User-Agent naming the tool, timeouts, a pause between requests to one host, a limit
per run and robots.txt respected.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import feedparser
import yaml

from briefing import __version__
from briefing.config import Config, load_config
from briefing.content import Article
from briefing.ingest import MAX_PAGE_BYTES, PAGE_SUFFIXES, ArticleError, read_article, read_articles, slugify
from briefing.ingest.html import read_page
from briefing.ingest.rules import Rules, load_rules

USER_AGENT = f"briefing/{__version__} (news briefing builder; fetches one page at a time)"
RAW_DIR = ".briefing/raw"
#: Address fetched -> article written, for feed items whose page names another (canonical) address.
FETCHED_INDEX = f"{RAW_DIR}/fetched.json"
#: Share of 5-word shingles two texts must have in common to count as the same article.
NEAR_IDENTICAL = 0.8
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|ocid|cmpid)=", re.I)


class AddError(Exception):
    """One source that could not be added; the message is one line."""


@dataclass
class AddResult:
    added: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    """One line per source that was not added: the source and why."""
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Fetched:
    url: str
    """Where the page was in the end (after redirects)."""
    body: bytes
    content_type: str
    charset: str | None


class Fetcher:
    """One request at a time, a pause between requests to one host, robots.txt obeyed."""

    def __init__(self, timeout: float, delay: float) -> None:
        self.timeout = timeout
        self.delay = delay
        self._robots: dict[str, RobotFileParser | None] = {}
        self._last: dict[str, float] = {}
        self._opener = urllib.request.build_opener(_HttpRedirects)

    def get(self, url: str, robots: bool = True) -> Fetched:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise AddError("not an http(s) address")
        if robots:
            rules = self._robots_of(parts)
            if rules is not None and not rules.can_fetch(USER_AGENT, url):
                raise AddError(f"{parts.netloc}/robots.txt does not allow fetching this page; not fetched")
        self._wait(parts)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5"})
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                body = response.read(MAX_PAGE_BYTES + 1)
                headers: Message = response.headers
                final = response.geturl()
        except urllib.error.HTTPError as exc:
            raise AddError(f"HTTP {exc.code} {exc.reason}") from None
        except (TimeoutError, urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                raise AddError(f"no answer within {self.timeout:g} s (timeout)") from None
            raise AddError(f"could not fetch ({reason})") from None
        finally:
            self._last[parts.netloc] = time.monotonic()
        if len(body) > MAX_PAGE_BYTES:
            raise AddError(f"more than {MAX_PAGE_BYTES / 1e6:g} MB; not an article page")
        return Fetched(final, body, headers.get_content_type(), headers.get_content_charset())

    def _robots_of(self, parts) -> RobotFileParser | None:
        """The host's robots.txt rules; None when it has none (RFC 9309: a 4xx allows everything)."""
        if parts.netloc not in self._robots:
            rules: RobotFileParser | None = None
            try:
                fetched = self.get(urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", "")), robots=False)
                rules = RobotFileParser()
                rules.parse(fetched.body.decode("utf-8", "replace").splitlines())
            except AddError as exc:
                if not str(exc).startswith("HTTP 4"):
                    raise AddError(f"{parts.netloc}/robots.txt could not be read ({exc}); not fetched") from None
            self._robots[parts.netloc] = rules
        return self._robots[parts.netloc]

    def _wait(self, parts) -> None:
        rules = self._robots.get(parts.netloc)
        delay = max(self.delay, float((rules.crawl_delay(USER_AGENT) if rules else None) or 0))
        last = self._last.get(parts.netloc)
        if last is not None:
            time.sleep(max(0.0, last + delay - time.monotonic()))


class _HttpRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects only to http(s): a page must not send the fetcher to ftp:// or elsewhere."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, f"redirect to {newurl!r} refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Seeds:
    """What ``seeds/`` holds, to refuse a page twice: addresses and texts."""

    def __init__(self, project: Path, config: Config) -> None:
        self.urls: dict[str, str] = {}
        self.shingles: list[tuple[str, frozenset[str]]] = []
        self._index = project / FETCHED_INDEX
        self.fetched: dict[str, str] = json.loads(self._index.read_text("utf-8")) if self._index.is_file() else {}
        for article in read_articles(project, config).articles:
            self.remember(article)
        self.urls.update((k, p) for k, p in self.fetched.items() if (project / p).is_file())

    def remember(self, article: Article, fetched: tuple[str, ...] = ()) -> None:
        """``fetched``: the addresses asked for and arrived at (after redirects)."""
        for url in (article.url, *fetched):
            if url:
                self.urls.setdefault(url_key(url), article.path)
        self.shingles.append((article.path, _shingles(article.text)))
        if fetched:
            self.fetched.update((url_key(url), article.path) for url in fetched)
            self._index.parent.mkdir(parents=True, exist_ok=True)
            self._index.write_text(json.dumps(self.fetched, indent=1, sort_keys=True), "utf-8")

    def has_url(self, *urls: str | None) -> str | None:
        return next((self.urls[url_key(u)] for u in urls if u and url_key(u) in self.urls), None)

    def near_identical(self, text: str) -> str | None:
        new = _shingles(text)
        for path, old in self.shingles:
            if new and old and len(new & old) / len(new | old) >= NEAR_IDENTICAL:
                return path
        return None


def url_key(url: str) -> str:
    """An address as compared for duplicates: no scheme, www., fragment, trailing slash or tracking."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    port = f":{parts.port}" if parts.port else ""
    query = "&".join(sorted(q for q in parts.query.split("&") if q and not _TRACKING.match(q)))
    return f"{host}{port}{parts.path.rstrip('/')}{'?' + query if query else ''}"


def _shingles(text: str) -> frozenset[str]:
    words = re.findall(r"\w+", text.casefold())
    return frozenset(" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4)))


def add_articles(
    project: Path,
    sources: list[str],
    feeds: list[str],
    all_feeds: bool = False,
    limit: int | None = None,
    say: Callable[[str], None] = lambda _: None,
) -> AddResult:
    """Add the pages ``sources`` name (addresses or saved files) and the new items of ``feeds``."""
    project = project.resolve()
    config = load_config(project)
    rules = load_rules(config)
    fetcher = Fetcher(config.fetch.timeout, config.fetch.delay)
    seeds = Seeds(project, config)
    result = AddResult()
    pages = list(sources)
    for feed in [*feeds, *(config.feeds if all_feeds else ())]:
        try:
            items = _feed_items(feed, fetcher)
        except AddError as exc:
            result.failures.append(f"{feed}: {exc}")
            continue
        new = [item for item in items if not seeds.has_url(item) and item not in pages]
        say(f"{feed}: {len(items)} items, {len(new)} not in {config.seeds}/ yet")
        pages.extend(new)
    budget = limit or config.fetch.limit
    for done, source in enumerate(pages):
        if done == budget:
            result.notes.append(f"stopped at the limit of {budget} pages per run; run again for the rest")
            break
        try:
            path = _add_one(source, project, config, rules, fetcher, seeds)
        except AddError as exc:
            result.failures.append(f"{source}: {exc}")
            continue
        result.added.append(path)
        say(f"added {path.relative_to(project).as_posix()}")
    return result


def _feed_items(feed: str, fetcher: Fetcher) -> list[str]:
    raw = fetcher.get(feed).body if "://" in feed else _read_file(feed)
    parsed = feedparser.parse(raw)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        raise AddError("not an RSS or Atom feed")
    return list(dict.fromkeys(e.link for e in parsed.entries if e.get("link")))


def _read_file(name: str) -> bytes:
    path = Path(name)
    if not path.is_file():
        raise AddError("no such file")
    if path.stat().st_size > MAX_PAGE_BYTES:
        raise AddError(f"more than {MAX_PAGE_BYTES / 1e6:g} MB; not an article page")
    return path.read_bytes()


def _add_one(source: str, project: Path, config: Config, rules: Rules, fetcher: Fetcher, seeds: Seeds) -> Path:
    if "://" in source:
        if found := seeds.has_url(source):
            raise AddError(f"already in {found} (same address); not added again")
        fetched = fetcher.get(source)
        if fetched.content_type not in _HTML_TYPES:
            raise AddError(f"not an HTML page but {fetched.content_type}; not added")
        raw, charset, url = fetched.body, fetched.charset, fetched.url
    else:
        if not source.lower().endswith(PAGE_SUFFIXES):
            raise AddError(f"not a saved page ({', '.join(PAGE_SUFFIXES)}); copy a text article into {config.seeds}/ instead")
        raw, charset, url = _read_file(source), None, None
    try:
        page = read_page(raw, rules, charset, url)
        # Read back as the build will read it, so the front matter holds what the build infers
        # (a wire credit line's publisher, say) and the file reads the same with it.
        article = read_article(_markdown(page.metadata, page.text).encode(), f"{config.seeds}/new.md", rules)
    except ArticleError as exc:
        raise AddError(str(exc)) from None
    if found := seeds.has_url(url, article.url):
        raise AddError(f"already in {found} (same address); not added again")
    if found := seeds.near_identical(article.text):
        raise AddError(f"near-identical to {found}; not added again")
    metadata = {
        "title": article.title,
        "outlet": article.outlet,
        "publisher": article.publisher,
        "date": article.date,
        "author": article.author,
        "url": article.url,
        "fetched": dt.datetime.now(dt.UTC).isoformat(timespec="seconds") if url else None,
    }
    host = urlsplit(article.url or "").hostname
    stem = "-".join([article.date or "undated", slugify(article.outlet or article.publisher or host or "unknown"), slugify(article.title or "", 8)])
    target = project / config.seeds / f"{stem}.md"
    if target.exists():
        raise AddError(f"{target.relative_to(project).as_posix()} already exists; not overwritten")
    raw_copy = project / RAW_DIR / f"{stem}.html"
    raw_copy.parent.mkdir(parents=True, exist_ok=True)
    raw_copy.write_bytes(raw)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_markdown(metadata, page.text), "utf-8")
    seeds.remember(replace(article, path=target.relative_to(project).as_posix()), (source, url) if url else ())
    return target


def _markdown(metadata: dict[str, str | None], text: str) -> str:
    front = yaml.safe_dump({k: v for k, v in metadata.items() if v}, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{front}---\n{text}\n"
