"""Pictures drawn at build time: inline SVG figures that templates place on pages.

Pure Python, no JavaScript and nothing fetched: each picture is a ``<figure>``
holding an ``<svg role="img">`` with a ``<title>`` and ``<desc>`` that say in
words what it shows. Colours come from mkdocs-material's CSS variables (see
``briefing/assets/briefing.css``), so the pictures follow the light and dark
palettes. The output depends only on the briefing: same input, same bytes.

A figure is returned as one block with no blank line and no indentation, so
Python-Markdown passes it through as a raw HTML block.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup, escape

from briefing.content import Briefing, SourceRef, publisher_of

_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")
_DAY_BEFORE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+$")
_DAY_AFTER = re.compile(r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)")
_YEAR_AFTER = re.compile(r",?\s+((?:19|20)\d\d)\b")

_CHAR_WIDTH = 6.6
"""Average width of a character at the pictures' 12px font: enough to lay out text without measuring it."""


@dataclass(frozen=True, order=True)
class DatedEvent:
    """A publication, or a sentence that names a calendar date."""

    date: str
    """``YYYY-MM-DD``, or ``YYYY-MM`` when the text names only a month and year."""
    publisher: str
    text: str
    source: SourceRef | None = None
    """The sentence that names the date; ``None`` for a publication."""

    @property
    def label(self) -> str:
        """ "20 November 2025" or "February 2026"."""
        year, month, *day = (int(part) for part in self.date.split("-"))
        name = f"{calendar.month_name[month]} {year}"
        return f"{day[0]} {name}" if day else name

    @property
    def published(self) -> bool:
        return self.source is None


def dates_in(text: str, year: int | None) -> list[str]:
    """Calendar dates written out in ``text``, in order of appearance, without repeats.

    Only dates with a month name and a day or a year count ("20 November",
    "November 20, 2025", "February 2026"); a day without a year takes ``year``
    (the article's), and is left out when that is unknown. Weekdays and
    "last week" are left out: which day they mean is a guess.
    """
    found: list[str] = []
    for match in _MONTH.finditer(text):
        month = _MONTHS[match.group(1)]
        before = _DAY_BEFORE.search(text[: match.start()])
        after = _DAY_AFTER.match(text, match.end())
        day = int(before.group(1)) if before else int(after.group(1)) if after else None
        named_year = _YEAR_AFTER.match(text, after.end() if after and not before else match.end())
        the_year = int(named_year.group(1)) if named_year else year if day else None
        if the_year is None:
            continue
        if day is None:
            date = f"{the_year:04d}-{month:02d}"
        else:
            try:
                date = dt.date(the_year, month, day).isoformat()
            except ValueError:
                continue
        if date not in found:
            found.append(date)
    return found


def dated_events(briefing: Briefing) -> list[DatedEvent]:
    """Every publication date and every date the usable sentences name, in date order."""
    events = []
    for analysed in briefing.articles:
        article = analysed.article
        publisher = publisher_of(article)
        if article.date:
            title = f"“{article.title}”" if article.title else "an untitled article"
            events.append(DatedEvent(article.date, publisher, f"Published {title}"))
        year = int(article.date[:4]) if article.date else None
        for sentence in analysed.sentences:
            if sentence.usable:
                for date in dates_in(sentence.text, year):
                    events.append(DatedEvent(date, publisher, sentence.text, SourceRef(article.id, sentence.index, sentence.text)))
    return sorted(events)


def _text(value: object) -> str:
    """Escape for SVG text; brackets too, so article text never reads as a footnote reference."""
    return str(escape(str(value))).replace("[", "&#91;").replace("]", "&#93;")


def _fit(text: str, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` pixels."""
    room = int(width / _CHAR_WIDTH)
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"


def _wrap(text: str, width: float) -> list[str]:
    """``text`` broken into lines of at most ``width`` pixels, at spaces."""
    lines: list[str] = []
    for word in text.split():
        if lines and (len(lines[-1]) + 1 + len(word)) * _CHAR_WIDTH <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _figure(name: str, title: str, description: str, width: float, height: float, body: list[str], caption: str) -> Markup:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="bp-{name}-title bp-{name}-desc" '
        f'width="{width:g}" height="{height:g}" viewBox="0 0 {width:g} {height:g}">'
        f'<title id="bp-{name}-title">{_text(title)}</title><desc id="bp-{name}-desc">{_text(description)}</desc>' + "".join(body) + "</svg>"
    )
    return Markup(f'<figure class="bp-figure bp-{name}">{svg}<figcaption>{_text(caption)}</figcaption></figure>')


def coverage_picture(briefing: Briefing) -> Markup:
    """Publishers × topics: how many findings each publisher contributes to each topic."""
    topics = [t for t in briefing.topics if t.findings]
    publishers = briefing.publishers
    # One pass over the findings: asking every publisher about every finding grows with their product.
    counts = Counter((publisher, topic.id) for topic in topics for f in topic.findings for publisher in f.publishers)
    most = max(counts.values(), default=0) or 1
    cell_w, cell_h, gap = 104.0, 26.0, 3.0
    label_w = max((len(p) for p in publishers), default=0) * _CHAR_WIDTH + 12
    headers = [_wrap(t.title, cell_w - 6) for t in topics]
    header_h = max((len(h) for h in headers), default=1) * 14 + 8
    width = label_w + len(topics) * (cell_w + gap)
    height = header_h + len(publishers) * (cell_h + gap)

    body = []
    for column, lines in enumerate(headers):
        x = label_w + column * (cell_w + gap) + cell_w / 2
        top = header_h - 8 - 14 * (len(lines) - 1)
        body += [f'<text x="{x:g}" y="{top + 14 * i:g}" text-anchor="middle" class="bp-strong">{_text(line)}</text>' for i, line in enumerate(lines)]
    for row, publisher in enumerate(publishers):
        y = header_h + row * (cell_h + gap)
        body.append(f'<text x="{label_w - 8:g}" y="{y + cell_h / 2 + 4:g}" text-anchor="end">{_text(publisher)}</text>')
        for column, topic in enumerate(topics):
            x = label_w + column * (cell_w + gap)
            count = counts[publisher, topic.id]
            shade = 0.12 + 0.88 * count / most
            body.append(
                f'<rect x="{x:g}" y="{y:g}" width="{cell_w:g}" height="{cell_h:g}" rx="3" class="bp-cell" fill-opacity="{shade:.2f}"/>'
                if count
                else f'<rect x="{x:g}" y="{y:g}" width="{cell_w:g}" height="{cell_h:g}" rx="3" class="bp-empty"/>'
            )
            ink = "bp-on-cell" if count and shade > 0.55 else "bp-muted" if not count else ""
            body.append(f'<text x="{x + cell_w / 2:g}" y="{y + cell_h / 2 + 4:g}" text-anchor="middle" class="{ink}">{count or "–"}</text>')

    description = "Findings per publisher and topic. " + " ".join(
        f"{publisher}: " + ", ".join(f"{t.title} {counts[publisher, t.id]}" for t in topics) + "." for publisher in publishers
    )
    caption = "Who covers what: the number of findings each publisher reports, per topic; “–” marks a topic a publisher does not cover."
    return _figure("coverage", "Coverage: findings per publisher and topic", description, width, height, body, caption)


def timeline_picture(briefing: Briefing) -> Markup:
    """The dates of the briefing in order: publications (filled) and dates the text names (hollow)."""
    by_date: dict[str, list[DatedEvent]] = {}
    for event in dated_events(briefing):
        by_date.setdefault(event.date, []).append(event)
    # Date labels are bold: allow a tenth more width per character.
    label_w = max((len(events[0].label) for events in by_date.values()), default=0) * _CHAR_WIDTH * 1.1
    row_h, axis_x, width = 22.0, label_w + 16, 720.0
    text_x = axis_x + 14
    body, said = [], []
    y = 18.0
    previous: str | None = None
    for date, events in by_date.items():
        published = sorted({e.publisher for e in events if e.published})
        mentions = [e for e in events if not e.published]
        lines = []
        if published:
            lines.append(f"Published by {', '.join(published)}")
        if mentions:
            more = f" (and {len(mentions) - 1} more)" if len(mentions) > 1 else ""
            lines.append(f"{mentions[0].publisher}: {mentions[0].text}{more}")
        label = events[0].label
        if previous:
            far = dt.date.fromisoformat(date[:7] + "-01") - dt.date.fromisoformat(previous[:7] + "-01") > dt.timedelta(days=62)
            body.append(f'<line x1="{axis_x:g}" y1="{y - row_h:g}" x2="{axis_x:g}" y2="{y:g}" class="bp-axis{" bp-gap" if far else ""}"/>')
        body.append(f'<text x="{axis_x - 12:g}" y="{y + 4:g}" text-anchor="end" class="bp-strong">{_text(label)}</text>')
        body.append(f'<circle cx="{axis_x:g}" cy="{y:g}" r="5" class="{"bp-published" if published else "bp-mentioned"}"/>')
        for i, line in enumerate(lines):
            body.append(f'<text x="{text_x:g}" y="{y + 4 + i * 16:g}">{_text(_fit(line, width - text_x - 8))}</text>')
        said.append(f"{label}: " + "; ".join(lines) + ".")
        previous = date
        y += row_h + 16 * (len(lines) - 1)
    height = y - row_h + 14 if by_date else 20.0
    description = " ".join(said) or "No dated articles or dates in the text."
    caption = "Timeline: filled dots are publication dates, hollow dots are dates the articles name; a dashed line skips more than two months."
    return _figure("timeline", "Timeline of publications and of the dates the articles name", description, width, height, body, caption)
