"""From an article's raw text to metadata and clean paragraphs.

Saved web pages carry a header (masthead, headline, byline, dateline), page
furniture (ads, "Also Read", comment widgets) and sometimes a FAQ block that
repeats the story. This module takes them apart with the rules in
``rules.yml``; what it cannot determine it leaves as ``None``, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from briefing.content import Paragraph
from briefing.ingest.rules import Rules

#: How many non-empty lines at the top count as the header.
HEADER_LINES = 12

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_FORMS = [
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})\b"),
    # "18:16 GMT 20.11.2025": dotted dates put the day first.
    re.compile(r"(?:\d{1,2}:\d{2}\s*(?:gmt|utc|[ap]m)?,?\s*)?(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})\b", re.I),
]
#: "Published: ", "Updated on ", "Published Date: " before a date line.
_DATE_LABEL = re.compile(r"(?:(?:(?:last )?updated|published|posted|modified)(?: on| date)?|date):?(?:\s+|$)", re.I)
#: Where a date may start: a digit, a month's name, or a capitalised month glued to a word.
_DATE_START = re.compile(
    r"(?<![\d.])\d|(?<![a-zA-Z])(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|(?<=[a-z])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:gmt|utc|cet|est|et|msk)?\b", re.I)
#: A section label over the headline ("REPORTS", "WORLD NEWS"): not the headline.
_SECTION_LABEL = re.compile(r"[A-Z][A-Z &/-]{0,30}")
#: "date 2025-11-20 " in front of the first line, as some archives save articles.
_DATE_PREFIX = re.compile(r"date:?\s+(?P<date>\d{4}-\d{1,2}-\d{1,2})\s*(?P<rest>.*)", re.I)
_BYLINE = re.compile(r"by:?\s+(?P<author>[^,;|]{3,80}?)(?:\s*\|\s*(?P<outlet>[^|]{2,40}))?", re.I)
#: A list marker before a header line ("1. World", "- Published Date: ..."): breadcrumbs, metadata lists.
_LIST_MARKER = re.compile(r"(?:[-•*]|\d{1,2}\.)\s+")
#: A site's name in a masthead-like line: "Support The Moscow Times!", "© 2025 KUNR", "tradingkey.logo",
#: "NATO allies gather in Brussels - BRAVE MAG" (a headline with the site in capitals after it).
_MASTHEADS = [
    re.compile(r"support (?P<outlet>[\w .’'-]{2,40})!", re.I),
    # A site's copyright notice carries the year; a photo's ("Copyright Emergency Service") does not.
    re.compile(r"(?:©|copyright)\s*\d{4}\s*(?P<outlet>[^.,|]{2,40}?)\.?(?:\s+all rights reserved\.?)?", re.I),
    re.compile(r"(?P<outlet>[a-z0-9-]{3,30})[._-]logo", re.I),
    re.compile(r"(?P<outlet>(?:www\.)?[a-z0-9-]{2,30}\.(?:com|net|org|co\.uk|tv|info|news))", re.I),
    re.compile(r"(?P<rest>.{20,}?)\s+[-–—|]\s+(?P<outlet>[A-Z0-9][A-Z0-9 &.-]{1,30})"),
]
#: A dateline naming the agency or site that wrote the story: "ERBIL (Kurdistan24) — ...", "Dec. 4 (UPI) — ...".
_DATELINE = re.compile(r"[^()]{0,60}\((?P<outlet>[A-Z][\w./ -]{1,30})\)\s*[—–-]+\s*(?P<rest>.+)")
#: Words that end a masthead ("CRBC News", "Kyiv Post"), for a short header line that is only a name.
_MASTHEAD_WORD = re.compile(
    r"(?:[A-Z][\w&.-]*\s+){1,3}(?:news|times|post|daily|herald|tribune|journal|gazette|telegraph|"
    r"examiner|radio|tv|media|press|agency|magazine|mag|online|today|world|wire|chronicle)"
)
#: Section words that also end in a masthead word: "Latest News" is a section, not a site.
_SECTION_WORDS = {"latest", "top", "breaking", "more", "related", "local", "world", "business", "national",
                  "international", "other", "trending", "popular", "recent", "live", "english", "in", "the"}
_WEEKDAY = re.compile(r"(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){4,}")
_SENTENCE_END = re.compile(r"[.!?…:;,]['\"’”)\]]*$")
_QUESTION_START = re.compile(
    r"(why|what|how|who|whom|whose|when|where|which|is|are|was|were|do|does|did|can|could|will|would|should|has|have)\b",
    re.I,
)
#: spaCy's time and memory grow with the length of one text: a longer paragraph (a page saved
#: as one line, say) is cut at sentence ends into parts of at most this many characters.
MAX_PARAGRAPH_CHARS = 10_000
_SENTENCE_BREAK = re.compile(r"[.!?…]['\"’”)\]]* ")
#: A paragraph that begins mid-word after a cut ("...tions, requiring a waiver").
_FRAGMENT = re.compile(r"(?:\.\.\.|…)\s*[a-z][^.!?]*[.!?]['\"’”]?\s+(?P<rest>.+)")


@dataclass
class ParsedText:
    title: str | None = None
    outlet: str | None = None
    publisher: str | None = None
    date: str | None = None
    author: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse_date(text: str) -> tuple[str | None, str | None]:
    """Parse a date at the start of ``text``: (ISO date or None, problem or None)."""
    for form in _DATE_FORMS:
        m = form.match(text)
        if not m:
            continue
        parts = m.groupdict()
        year = int(parts["year"])
        if "first" in parts:
            first, second = int(parts["first"]), int(parts["second"])
            if first <= 12 and second <= 12 and first != second:
                return None, f"date {m.group(0)} is ambiguous (month/day or day/month)"
            month, day = (first, second) if first <= 12 else (second, first)
        else:
            month = int(parts["mnum"]) if "mnum" in parts else _MONTHS[parts["month"].lower()]
            day = int(parts["day"])
        try:
            return date(year, month, day).isoformat(), None
        except ValueError:
            return None, f"date {m.group(0)} is not a real date"
    return None, None


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def _is_headline(line: str) -> bool:
    return len(line.split()) <= 30 and not _SENTENCE_END.search(line) and not _SECTION_LABEL.fullmatch(line)


def _is_heading(text: str) -> bool:
    words = text.split()
    if len(words) > 14:
        return False
    if not _SENTENCE_END.search(text):
        return True
    # "Concessions or Capitulation?" style cross-heads: a title-case question.
    capitalised = sum(1 for w in words if w[:1].isupper())
    return text.endswith("?") and capitalised >= 0.6 * len(words)


def _is_date_line(text: str) -> bool:
    """A short line that is a date and little else ("18:16 GMT 20.11.2025 (Updated: ...)")."""
    if len(text.split()) > 12:
        return False
    found, problem = parse_date(_DATE_LABEL.sub("", text, count=1))
    return bool(found or problem)


def _is_faq_question(text: str) -> bool:
    return text.endswith("?") and len(text.split()) <= 40 and bool(_QUESTION_START.match(text))


def parse_text(text: str, rules: Rules) -> ParsedText:
    parsed = ParsedText()
    lines = [normalise_space(line) for line in text.split("\n")]
    # Before the clutter goes: "Support The Moscow Times!" is clutter that names the site.
    _read_mastheads(lines, rules, parsed)
    lines = _drop_clutter(lines, rules)
    body_start = _read_header(lines, rules, parsed)
    parsed.paragraphs = _paragraphs(lines[body_start:], parsed.warnings, parsed.title)
    return parsed


def _drop_clutter(lines: list[str], rules: Rules) -> list[str]:
    kept: list[str] = []
    for line in lines:
        action = rules.clutter_action(line) if line else None
        if action == "drop-rest":
            break
        # A dropped line still separates the paragraphs around it.
        kept.append("" if action == "drop-line" else line)
    return kept


def _read_mastheads(lines: list[str], rules: Rules, parsed: ParsedText) -> None:
    """Read the site's name from masthead lines of the header (and copyright lines anywhere)."""
    header = [i for i, line in enumerate(lines) if line][:HEADER_LINES]
    for i, line in enumerate(lines):
        if not line or rules.wire_credited(line):
            continue  # a wire's credit names the publisher, not the site
        for pattern in _MASTHEADS if i in header else _MASTHEADS[1:2]:
            m = pattern.fullmatch(line)
            if m:
                parsed.outlet = parsed.outlet or rules.label_of(m.group("outlet").removeprefix("www."))
                lines[i] = (m.groupdict().get("rest") or "").strip()
                break


def _read_header(lines: list[str], rules: Rules, parsed: ParsedText) -> int:
    """Take metadata out of the header lines in place; return where the body starts."""
    header = [i for i, line in enumerate(lines) if line][:HEADER_LINES]
    for i in header:
        lines[i] = _read_header_line(lines[i], rules, parsed)
    # A second pass drops a bare repeat of the byline ("express web desk").
    if parsed.author:
        for i in header:
            if lines[i].casefold() == parsed.author.casefold():
                lines[i] = ""
    # Syndication notes and wire credits can stand anywhere, often at the end.
    for i, line in enumerate(lines):
        if line and _read_syndication(line, rules, parsed) is not None:
            lines[i] = ""
        elif line and (credit := rules.wire_credited(line)):
            wire, lines[i] = credit
            parsed.publisher = parsed.publisher or wire
    remaining = [i for i in header if lines[i]]
    repeated = _repeated_headline(lines, remaining)
    if repeated:
        parsed.title, at = repeated
        return at + 1
    # Section labels and breadcrumbs stand above the headline: past them, the first headline-like line is it.
    while len(remaining) > 2 and _is_label(lines[remaining[0]]) and _is_headline(lines[remaining[1]]):
        lines[remaining.pop(0)] = ""
    if len(remaining) > 1 and _is_headline(lines[remaining[0]]):
        parsed.title = lines[remaining[0]]
        return remaining[0] + 1
    return 0


#: An HTML tag ("<div", "</b"), not a breadcrumb's "Home > World".
_MARKUP = re.compile(r"</?[a-zA-Z]")


def _is_label(line: str) -> bool:
    """A section label, breadcrumb or language menu ("REPORTS", "War", "English Section", "ua en ru");
    never a line of markup, which the article shows as the text it is."""
    if _MARKUP.search(line):
        return False
    return bool(_SECTION_LABEL.fullmatch(line)) or (len(line.split()) <= 3 and not _SENTENCE_END.search(line))


def _repeated_headline(lines: list[str], header: list[int]) -> tuple[str, int] | None:
    """(headline, where the body starts) when a page prints its headline twice, as many do."""
    for n, i in enumerate(header):
        for j in header[n + 1:]:
            # A dated line printed twice is a photo's caption, not the headline.
            if len(lines[j].split()) >= 4 and _is_headline(lines[j]) and not _date_in(lines[j]) and (lines[i] == lines[j] or lines[i].endswith(" " + lines[j])):
                return lines[j], i
    return None


def _read_header_line(line: str, rules: Rules, parsed: ParsedText) -> str:
    """Read what metadata one header line holds; return what is left of it."""
    m = _DATE_PREFIX.match(line)
    if m:
        _set_date(parsed, m.group("date"))
        line = m.group("rest")
    rest = _read_syndication(line, rules, parsed)
    if rest is not None:
        line = rest
    if not line:
        return line
    if rules.wire_credited(line):
        # A wire's bare name under the headline credits the photo; its datelines and bylines stay.
        return "" if rules.outlet_named(line) else line
    if _BYLINE.match(line) and (found := _date_in(line)):
        _set_date(parsed, found[0])
        line = f"{line[: found[1]]} {line[found[2]:]}".strip(" ,|–—-")
    marker = _LIST_MARKER.match(line)
    if marker and len(line.split()) <= 12:
        line = line[marker.end():]
    byline = _BYLINE.fullmatch(line)
    if byline:
        _read_byline(byline, rules, parsed)
        return ""
    outlet = rules.outlet_signed(line)
    if outlet:
        parsed.outlet = parsed.outlet or outlet.label
        # A masthead line often carries the date: "American Military News 11/20/2025 5:24 AM".
        if found := _date_in(line):
            _set_date(parsed, found[0])
        return ""
    if _is_masthead(line, rules):
        parsed.outlet = parsed.outlet or rules.label_of(line)
        return ""
    dateline = _DATELINE.fullmatch(line)
    if dateline:
        parsed.publisher = parsed.publisher or rules.label_of(dateline.group("outlet"))
        return line
    if _SLUG.fullmatch(line):
        return ""
    return _read_date_line(line, rules, parsed)


def _read_byline(byline: re.Match[str], rules: Rules, parsed: ParsedText) -> None:
    """"By Jane Doe | Outlet", "By RFE/RL November 19, 2025": who wrote it, where, when."""
    author = byline.group("author").strip()
    if found := _date_in(author):
        _set_date(parsed, found[0])
        author = author[: found[1]].strip(" ,|–—-")
    if byline.group("outlet"):
        parsed.outlet = parsed.outlet or rules.label_of(byline.group("outlet"))
    if rules.outlet_named(author):
        parsed.publisher = parsed.publisher or rules.label_of(author)
    elif author and not parsed.author:
        parsed.author = author


def _is_masthead(line: str, rules: Rules) -> bool:
    """A header line that is only a site's name: a known outlet, or a name like "CRBC News"."""
    if rules.outlet_named(line):
        return True
    return bool(_MASTHEAD_WORD.fullmatch(line)) and line.split()[0].casefold() not in _SECTION_WORDS


def _read_date_line(line: str, rules: Rules, parsed: ParsedText) -> str:
    """Read a header line that dates the article ("Published Date: 09:08 | 20 November 2025",
    "ReutersNov 28, 2025 6:00 PM", "... said on Friday. 21.11.2025, Sputnik International")."""
    found = _date_in(line)
    if not found:
        if len(line.split()) <= 20:
            _, problem = parse_date(_DATE_LABEL.sub("", line, count=1))
            if problem:
                parsed.warnings.append(f"{problem}; date left unknown")
                return ""
        return line
    iso, start, end = found
    before, after = line[:start].strip(" ,|–—-"), line[end:].strip(" ,|–—-")
    after = _TIME.sub("", after).strip(" ,|–—-()")
    before = _TIME.sub("", _DATE_LABEL.sub("", _WEEKDAY.sub("", before))).strip(" ,|–—-:")
    site = re.fullmatch(r"(?:[A-Z][\w-]*\s*){1,3}", after) if after else None
    if not before and len(line.split()) <= 20:
        _set_date(parsed, iso)
        if site:
            parsed.outlet = parsed.outlet or rules.label_of(after)
        return ""
    if before and rules.outlet_named(before) and (not after or _DATE_LABEL.match(after)):
        _set_date(parsed, iso)
        name = rules.label_of(before)
        if any(name == wire for _, wire in rules.wire_names):
            parsed.publisher = parsed.publisher or name
        else:
            parsed.outlet = parsed.outlet or name
        return ""
    if site and _SENTENCE_END.search(line[:start].strip()):
        # A lead paragraph signed with the date and the site: keep the paragraph.
        _set_date(parsed, iso)
        parsed.outlet = parsed.outlet or rules.label_of(after)
        return line[:start].strip()
    return line


def _date_in(text: str) -> tuple[str, int, int] | None:
    """The first date printed in ``text``: (ISO date, where it starts, where it ends)."""
    # A month may be glued to the name before it ("ReutersNov 28, 2025"), with its capital.
    for m in _DATE_START.finditer(text):
        found, _ = parse_date(text[m.start():])
        if found:
            form = next(f.match(text[m.start():]) for f in _DATE_FORMS if f.match(text[m.start():]))
            return found, m.start(), m.start() + form.end()
    return None


def _read_syndication(line: str, rules: Rules, parsed: ParsedText) -> str | None:
    """If ``line`` is a syndication note, record it and return what is left of the line."""
    for pattern in rules.syndication:
        m = pattern.fullmatch(line)
        if not m or len(m.group("publisher")) > 60:
            continue
        parsed.publisher = rules.label_of(m.group("publisher"))
        carrier = m.groupdict().get("carrier")
        if carrier:
            parsed.outlet = rules.label_of(carrier)
        return (m.groupdict().get("rest") or "").strip()
    return None


def _set_date(parsed: ParsedText, iso: str) -> None:
    if parsed.date is None:
        parsed.date = iso


def _split_long(block: str, warnings: list[str]) -> list[str]:
    if len(block) <= MAX_PARAGRAPH_CHARS:
        return [block]
    warnings.append(f"a paragraph of {len(block):,} characters was cut into parts of at most {MAX_PARAGRAPH_CHARS:,}")
    parts = []
    while len(block) > MAX_PARAGRAPH_CHARS:
        window = block[: MAX_PARAGRAPH_CHARS + 1]
        ends = [m.end() for m in _SENTENCE_BREAK.finditer(window)]
        # At the last sentence end, else the last space, else anywhere: each part is verbatim text.
        cut = ends[-1] if ends else (window.rfind(" ") + 1 or MAX_PARAGRAPH_CHARS)
        parts.append(block[:cut].strip())
        block = block[cut:].strip()
    return parts + [block] if block else parts


def _paragraphs(lines: list[str], warnings: list[str], title: str | None = None) -> list[Paragraph]:
    blocks: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            blocks.extend(_split_long(" ".join(current), warnings))
            current = []
    paragraphs: list[Paragraph] = []
    in_faq = False
    for block in blocks:
        m = _FRAGMENT.fullmatch(block)
        if m:
            warnings.append(f"dropped a cut-off fragment: {block[:40]}…")
            block = m.group("rest")
        if _is_date_line(block) or block == title:
            continue  # a timestamp between paragraphs, or the headline printed again, is no statement
        if _is_faq_question(block):
            in_faq = True  # the question itself is page furniture; its answer may repeat the body
            continue
        if _is_heading(block):
            in_faq = False
            paragraphs.append(Paragraph(block, "heading"))
            continue
        paragraphs.append(Paragraph(block, "faq" if in_faq else "body"))
    return paragraphs
