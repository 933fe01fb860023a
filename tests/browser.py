"""Drive Debian's chromium with Playwright, and check what a reader of a built site gets.

The checks return the problems they find (an empty list when all is well), so
the same code proves a good site good and a broken one broken
(tests/test_browser.py does both). Nothing here downloads a browser: Playwright
starts ``/usr/bin/chromium`` (see docs/browser-tests.md).
"""

from __future__ import annotations

import functools
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Request, Route

CHROMIUM = "/usr/bin/chromium"
# Playwright also gives every launch a fresh, temporary user-data dir.
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1100, "height": 800}
# The address bar of a browser shows these without a request leaving the machine.
_LOCAL_SCHEMES = ("data:", "blob:", "about:")
_UNRESOLVED_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that drops a connection mid-file (a page left before it loaded all) is not the site's error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 on a free port; yields the base URL, ending in a slash."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class Reader:
    """A browser context that records everything the pages ask for and complain about.

    Requests that would leave ``base`` are recorded and aborted, so a test never
    depends on the internet and an external font or script shows up as a problem.
    """

    context: BrowserContext
    base: str
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, browser: Browser, base: str, **options) -> Reader:
        reader = cls(browser.new_context(**{"viewport": DESKTOP, **options}), base)
        reader.context.route("**/*", reader._route)
        reader.context.on("page", reader._watch)
        return reader

    def _route(self, route: Route, request: Request) -> None:
        self.requests.append(request.url)
        if self.is_local(request.url):
            route.continue_()
        else:
            self.problems.append(f"request leaves the site: {request.url}")
            route.abort()

    def is_local(self, url: str) -> bool:
        return url.startswith(self.base) or url.startswith(_LOCAL_SCHEMES)

    def _watch(self, page: Page) -> None:
        page.on("console", lambda message: message.type == "error" and self.problems.append(f"{page.url}: console error: {message.text}"))
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: script error: {error}"))
        page.on("response", lambda response: response.status >= 400 and self.problems.append(f"{response.url}: HTTP {response.status}"))

    def visit(self, path: str, **options) -> Page:
        page = self.context.new_page(**options)
        page.goto(urljoin(self.base, path))
        page.wait_for_load_state("load")
        return page

    def close(self) -> None:
        self.context.close()


def nav_pages(page: Page) -> list[str]:
    """The addresses the primary navigation links to, without fragments, in order."""
    hrefs = page.eval_on_selector_all(".md-nav--primary a.md-nav__link[href]", "links => links.map(a => a.href)")
    return list(dict.fromkeys(urldefrag(href).url for href in hrefs))


def crawl(reader: Reader, start: str = "index.html") -> list[str]:
    """Follow the navigation from ``start`` to every page it reaches; returns them in the order found.

    Problems (console errors, missing pages, requests leaving the site) land in ``reader.problems``.
    """
    found = [urljoin(reader.base, start)]
    for url in found:
        page = reader.visit(url)
        found += [link for link in nav_pages(page) if link not in found and reader.is_local(link)]
        page.close()
    return found


def footnote_problems(page: Page) -> list[str]:
    """Every footnote reference resolves to a note with text, and hovering one shows it in a tooltip."""
    problems = []
    text = page.inner_text("article")
    problems += [f"{page.url}: unresolved footnote {label}" for label in sorted(set(_UNRESOLVED_FOOTNOTE.findall(text)))]
    notes = page.eval_on_selector_all(
        "a.footnote-ref",
        """refs => refs.map(a => {
            const note = document.getElementById(decodeURIComponent(a.hash.slice(1)));
            return [a.hash, note ? note.innerText.trim() : null];
        })""",
    )
    problems += [f"{page.url}: footnote {ref} has no note" for ref, note in notes if note is None]
    problems += [f"{page.url}: footnote {ref} is empty" for ref, note in notes if note == ""]
    if notes and notes[0][1]:
        page.locator("a.footnote-ref").first.hover()
        tooltip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
        tooltip.wait_for(state="visible", timeout=5000)
        excerpt = notes[0][1].split("“", 1)[-1][:40]
        if excerpt not in tooltip.inner_text():
            problems.append(f"{page.url}: the tooltip of footnote {notes[0][0]} does not show its source excerpt")
    return problems


def picture_problems(page: Page) -> list[str]:
    """Every picture is a non-empty, visible SVG with a title and a description."""
    pictures = page.eval_on_selector_all(
        "figure.bp-figure svg",
        """svgs => svgs.map(svg => {
            const box = svg.getBoundingClientRect();
            const named = (svg.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
                .map(id => document.getElementById(id)).filter(Boolean).map(e => e.textContent.trim());
            return {role: svg.getAttribute('role'), width: box.width, height: box.height,
                    shapes: svg.querySelectorAll('rect, circle, line, text').length, names: named};
        })""",
    )
    problems = []
    for number, picture in enumerate(pictures, 1):
        if picture["role"] != "img" or len(picture["names"]) != 2 or not all(picture["names"]):
            problems.append(f"{page.url}: picture {number} has no title and description for screen readers")
        if picture["width"] < 50 or picture["height"] < 20 or picture["shapes"] < 3:
            problems.append(f"{page.url}: picture {number} is empty or not shown")
    return problems


def contrast(page: Page, selector: str) -> float:
    """Contrast ratio (WCAG) between the colour of the first ``selector`` and the page background."""
    colours = page.eval_on_selector(
        selector,
        """element => {
            const style = getComputedStyle(element);
            const ink = element instanceof SVGElement ? style.fill : style.color;
            return [ink, getComputedStyle(document.body).backgroundColor];
        }""",
    )
    ink, background = (_rgba(c) for c in colours)
    # Blend a translucent ink over the background, as the browser paints it.
    alpha = ink[3]
    mixed = tuple(alpha * i + (1 - alpha) * b for i, b in zip(ink[:3], background[:3]))
    light, dark = sorted((_luminance(mixed), _luminance(background[:3])), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rgba(css: str) -> tuple[float, float, float, float]:
    parts = [float(p) for p in re.findall(r"[\d.]+", css)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)  # type: ignore[return-value]


def _luminance(rgb: tuple[float, ...]) -> float:
    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def search(page: Page, query: str) -> list[str]:
    """Type ``query`` into the search box; returns the addresses of the results."""
    box = page.locator(".md-search__input")
    if box.is_hidden():  # on a phone the box hides behind the header's search button
        page.locator("label.md-header__button[for='__search']").first.click()
    box.click()
    # The theme searches on a key's release, not on a filled-in value. Typing key by key would show the results of
    # every prefix, each list cleared before the next is drawn, so the results read could be an empty list in between.
    box.fill(query)
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10000)
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


def toggle_palette(page: Page) -> str:
    """Click the palette toggle; returns the colour scheme it switched to."""
    scheme = "document.body.dataset.mdColorScheme"
    before = page.evaluate(scheme)
    page.locator("form[data-md-component='palette'] label:visible").click()
    page.wait_for_function(f"{scheme} !== {before!r}")
    return page.evaluate(scheme)


_IN_VIEW = "element => { const box = element.getBoundingClientRect(); return box.width > 0 && box.left >= 0 && box.right <= innerWidth; }"


def in_view(page: Page, selector: str) -> bool:
    """Whether the first ``selector`` lies inside the viewport (a closed drawer is shifted out of it)."""
    return page.locator(selector).first.evaluate(_IN_VIEW)


def wait_in_view(page: Page, selector: str) -> None:
    page.wait_for_function(f"({_IN_VIEW})(document.querySelector({selector!r}))")
