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
#: "Published: ", "Updated on " before a date line.
_DATE_LABEL = re.compile(r"(?:(?:last )?updated|published|posted|date)(?: on)?:?\s+", re.I)
#: A section label over the headline ("REPORTS", "WORLD NEWS"): not the headline.
_SECTION_LABEL = re.compile(r"[A-Z][A-Z &/-]{0,30}")
#: "date 2025-11-20 " in front of the first line, as some archives save articles.
_DATE_PREFIX = re.compile(r"date:?\s+(?P<date>\d{4}-\d{1,2}-\d{1,2})\s*(?P<rest>.*)", re.I)
_BYLINE = re.compile(r"by:?\s+(?P<author>[^,;|]{3,80})", re.I)
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
    lines = _drop_clutter([normalise_space(line) for line in text.split("\n")], rules)
    body_start = _read_header(lines, rules, parsed)
    parsed.paragraphs = _paragraphs(lines[body_start:], parsed.warnings)
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
    # Section labels stand above the headline: past them, the first headline-like line is it.
    while len(remaining) > 2 and _SECTION_LABEL.fullmatch(lines[remaining[0]]):
        lines[remaining.pop(0)] = ""
    if len(remaining) > 1 and _is_headline(lines[remaining[0]]):
        parsed.title = lines[remaining[0]]
        return remaining[0] + 1
    return 0


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
    byline = _BYLINE.fullmatch(line)
    if byline and not parsed.author:
        parsed.author = byline.group("author").strip()
    outlet = rules.outlet_signed(line)
    if outlet:
        parsed.outlet = parsed.outlet or outlet.label
        # A masthead line often carries the date: "American Military News 11/20/2025 5:24 AM".
        for digit in re.finditer(r"\b\d", line):
            found, _ = parse_date(line[digit.start():])
            if found:
                _set_date(parsed, found)
                break
        return ""
    if byline:
        return ""
    if _SLUG.fullmatch(line):
        return ""
    if len(line.split()) <= 20:
        found, problem = parse_date(_DATE_LABEL.sub("", line, count=1))
        if found or problem:
            if found:
                _set_date(parsed, found)
            else:
                parsed.warnings.append(f"{problem}; date left unknown")
            return ""
    return line


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


def _paragraphs(lines: list[str], warnings: list[str]) -> list[Paragraph]:
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
        if _is_date_line(block):
            continue  # a timestamp between paragraphs is no statement
        if _is_faq_question(block):
            in_faq = True  # the question itself is page furniture; its answer may repeat the body
            continue
        if _is_heading(block):
            in_faq = False
            paragraphs.append(Paragraph(block, "heading"))
            continue
        paragraphs.append(Paragraph(block, "faq" if in_faq else "body"))
    return paragraphs
