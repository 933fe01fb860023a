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
from briefing.models import model_strings

#: How many non-empty lines at the top count as the header.
HEADER_LINES = 12

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
#: Months as Spanish, Portuguese, French and Italian pages print them ("23 de noviembre, 2025",
#: "3 décembre 2025"), for a site's date line in those languages or an English edition's.
_ROMANCE_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("enero", "janeiro", "janvier", "gennaio"),
            ("febrero", "fevereiro", "février", "febbraio"),
            ("marzo", "março", "mars"),
            ("abril", "avril", "aprile"),
            ("mayo", "maio", "mai", "maggio"),
            ("junio", "junho", "juin", "giugno"),
            ("julio", "julho", "juillet", "luglio"),
            ("agosto", "août"),
            ("septiembre", "setiembre", "setembro", "septembre", "settembre"),
            ("octubre", "outubro", "octobre", "ottobre"),
            ("noviembre", "novembro", "novembre"),
            ("diciembre", "dezembro", "décembre", "dicembre"),
        ]
    )
    for m in names
}
_ROMANCE_MONTH = r"(?P<rmonth>" + "|".join(sorted(_ROMANCE_MONTHS, key=len, reverse=True)) + r")"
_DATE_FORMS = [
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),  # "2025-11-21T10:15:00Z" too
    re.compile(r"(?P<year>\d{4})\.\s?(?P<mnum>\d{1,2})\.\s?(?P<day>\d{1,2})\.?(?!\d)"),  # the year first: "2026. 02. 27. 11:48"
    # A year may be glued to the word after it, as saved pages run lines together: "December 08, 2025Clash Report".
    # ("Dec 17,2025": some pages print no space after the comma.)
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:,\s*|\s+)(?P<year>\d{4})(?!\d)", re.I),
    # ("07. November 2025": the day may carry a full stop, as German pages write it.)
    re.compile(r"(?P<day>\d{1,2})\.?\s+" + _MONTH + r",?\s+(?P<year>\d{4})(?!\d)", re.I),
    # ("30-01-2026 16:18 IST": hyphens as slashes; which of the two is the month is read as for slashes.)
    re.compile(r"(?P<first>\d{1,2})(?P<sep>[/-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)"),
    # "18:16 GMT 20.11.2025": dotted dates put the day first.
    re.compile(r"(?:\d{1,2}:\d{2}\s*(?:gmt|utc|[ap]m)?,?\s*)?(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})(?!\d)", re.I),
    # "23 de noviembre, 2025", "23 de novembro de 2025", "3 décembre 2025".
    re.compile(r"(?P<day>\d{1,2})\s+(?:de\s+)?" + _ROMANCE_MONTH + r",?\s+(?:de\s+)?(?P<year>\d{4})(?!\d)", re.I),
]
#: "Published: ", "Updated on ", "Published Date: " before a date line.
_DATE_LABEL = re.compile(r"(?:(?:(?:last )?updated|published|posted|modified|created)(?: on| date)?|date):?(?:\s+|$)", re.I)
#: Where a date may start: a digit, a month's name, or a capitalised month glued to a word.
_DATE_START = re.compile(
    r"(?<![\d.])\d|(?<![a-zA-Z])(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|(?<=[a-z])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)
#: A label a site prints before its date line, in its own words ("Date of publication:", "Publiation data:");
#: not a photo's caption or credit.
_DATE_LINE_LABEL = re.compile(r"(?![\w ]*\b(?:photo|image|picture|caption|credit|source|updated|modified|event)\b)[A-Za-z][A-Za-z ]{1,30}:", re.I)
#: "Updated: ...", "Last modified ...": when the page changed, not when the article was published.
_UPDATED = re.compile(r"\W*(?:last )?(?:updated|modified)\b", re.I)
#: A clock time with its zone ("10:15 AM IST", "18:16 GMT+1"): beside a date, never a site's name.
_TIME = re.compile(
    r"(?:\bat\s+)?\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:(?:gmt|utc)(?:\s*[+-]\s*\d{1,2})?|bst|cet|cest|eet|eest|est|edt|cst|cdt|pst|pdt|et|pt|ist|msk|jst|kst|sgt|hkt|aest)?\b",
    re.I,
)
#: A story's reading time beside its date ("The Geopost November 8, 2025 2 min read"): never a site's name.
_READING_TIME = re.compile(r"\b\d{1,3}\s*min(?:ute)?s?\.?\s*read\b", re.I)
#: A section label over the headline ("REPORTS", "WORLD NEWS"), or labels after slashes ("THE MOSCOW TIMES/BLACK SEA
#: TENSIONS"): not the headline.
_SECTION_LABEL = re.compile(r"[A-Z][A-Z &-]{0,30}(?:/[A-Z][A-Z &-]{0,30})*")
#: "date 2025-11-20 " in front of the first line, as some archives save articles.
_DATE_PREFIX = re.compile(r"date:?\s+(?P<date>\d{4}-\d{1,2}-\d{1,2})\s*(?P<rest>.*)", re.I)
#: How a byline opens: "By", "Written by".
_BY = r"(?:(?:published|posted|written|reported|prepared)\s+)?by:?"
#: What is left of a byline without its writer.
_NAMELESS_BYLINE = re.compile(_BY, re.I)
#: "By Jane Doe", "By Jane Doe | Outlet", "By Jane Doe, Outlet" (after a comma only a site's name counts).
#: "Published by Jane Doe", "Posted by Jane Doe on Example Daily", "By Jane Doe for Example Daily" (a capital after
#: "for"), "Prepared by Example Staff" too.
_BYLINE = re.compile(
    _BY + r"\s+(?P<author>[^,;|]{3,80}?)"
    r"(?:\s*(?P<sep>[|,]|\bon\b|\bfor\b(?=\s+(?-i:[A-Z])))\s*(?P<outlet>[^|,]{2,40}))?",
    re.I,
)
#: A story's number in the site's archive after its byline's date: "…, December 18, 2025. Article n°1940".
_ARTICLE_NUMBER = re.compile(r"[\s,.]*\barticle\s+(?:n[°o]\.?|no\.|#)\s*\d+$", re.I)
#: Capitalised words, as a writer's title or more writers' names print them ("Staff Writer", "Worthy News Europe
#: Bureau Chief", "John Roe and Jim Poe").
_TITLE_WORDS = re.compile(r"[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|and|of|for|at|&))*")
#: A widget's name in lower case, its words joined by hyphens, glued before a line: "regular-article-logo …".
_WIDGET_BEFORE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){2,}\s+")
#: A list marker before a header line ("1. World", "- Published Date: ..."): breadcrumbs, metadata lists.
_LIST_MARKER = re.compile(r"(?:[-•*]|\d{1,2}\.)\s+")
#: A site's address as a masthead or source: "www.example.com", "example.co.uk".
_DOMAIN = re.compile(r"(?P<outlet>(?:www\.)?[a-z0-9-]{2,30}\.(?:(?:com|co|net|org)\.[a-z]{2}|com|net|org|tv|info|news|media|[a-z]{2}))", re.I)
#: "Source: Euronews", "Via example.com", "Read more at Example News": the site the text came from.
_SOURCE = re.compile(r"(?:sources?|via|read (?:more|the full (?:story|article)) (?:at|on))\s*:?\s*(?P<outlet>[^:]{2,40}?)\.?", re.I)
#: How many of the first patterns of ``_MASTHEADS`` are read anywhere on the page, not only in the header.
_READ_ANYWHERE = 11
#: How many non-empty lines at the bottom count as the footer, where a site prints its name again.
FOOTER_LINES = 10
#: "... with agencies", "... and AFP": a site crediting the agencies it drew on.
_WITH_AGENCIES = r"(?:with|and|&|/)\s+(?:(?:news )?agencies|wires|afp|ap|reuters)"
#: The word a desk's name may have before "desk" ("World Desk", "Online Desk").
_DESK_KIND = r"(?:world|news|web|online|digital|foreign|national|international|politics|political|english)"
#: A byline naming the site's desk or staff ("By India Today World Desk", "By Euronews with AP", "By EUToday Correspondents").
_DESK = re.compile(
    r"(?P<outlet>.+?)\s+(?:(?:" + _DESK_KIND + r"\s+)?(?:desk|staff|bureau|team|newsroom|correspondents|reporters)|" + _WITH_AGENCIES + ")",
    re.I,
)
#: "© Example Times Ltd": a copyright line without a year names the site only when the site is known.
_COPYRIGHT_NAME = re.compile(r"(?:©|copyright)\s*(?P<outlet>.{2,40}?)(?:,?\s+(?:ltd|limited|inc|llc|plc|group))?\.?", re.I)
#: A name as sites print theirs: capitalised words ("A News", "Kyiv Post", "RBC-Ukraine").
_NAME = r"(?P<outlet>[A-Z][\w&.’'-]*(?:\s+[A-Z0-9][\w&.’'-]*){0,4})"
#: The same, as few words as it can be, where words after it say what it is ("Khaborwala Online Desk").
_SHORTEST_NAME = _NAME.replace("{0,4})", "{0,4}?)")
#: A lead opened by the desk that wrote it: "Rokna Political Desk: Russian Foreign Minister …" (a person has no desk).
_DESK_LEAD = re.compile(r"(?P<desk>" + _NAME + r"\s+(?:[A-Z]\w+\s+)?(?:Desk|Newsroom)):\s+[A-Z\"“].{20,}")
#: A line of its own crediting the site's desk or staff, the writer's name after it if any: "Khaborwala Online
#: Desk", "OAN Staff Blake Wolf" (a person has no desk).
#: (The name taken as short as it can be, so that "Online" is the desk's word, not the site's.)
_DESK_LINE = re.compile(
    _SHORTEST_NAME + r"\s+(?i:" + _DESK_KIND + r"\s+)?(?i:desk|staff|bureau|newsroom)(?:\s+(?P<author>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,2}))?"
)
#: A syndicated byline without "By", the writer and her organisation, its date not saved: "Olesia Safronova, Bloomberg
#: News on" (the organisation published the copy; a headline does not end with a comma's name and "on").
_WRITER_OF = re.compile(r"(?P<author>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,2}),\s+" + _NAME + r"\s+on")
#: A site's staff credited in a byline: "By Messenger Staff".
_STAFF = re.compile(_NAME + r"\s+(?i:staff)")
#: A site's name written as one word with capitals inside it ("EUToday", "ArcaMax"), as sites brand
#: themselves and people's and places' names are not written.
_CAMEL_CASE = r"[A-Z]{2,}[a-z]\w*|[A-Z][a-z]+[A-Z]\w*"
#: A name beside a desk's word ("By EUToday Correspondents"): also one in capitals ("OAN Staff").
_BRAND = re.compile(_CAMEL_CASE + r"|[A-Z]{2,}")
#: A lead opened by the site's name where a dateline's place stands: "RoydadNaft – India’s three-year buying spree …"
#: (a name in capitals there is a place's: "KYIV – ").
_BRAND_LEAD = re.compile(r"(?P<outlet>" + _CAMEL_CASE + r")\s+[–—-]+\s+[A-Z\"“].{20,}")
#: The holder a copyright line names after its year: "Example Daily", "Example.com", "Example Inc.", and the footer's
#: links that may follow on the line ("2026 © Example Times /Cookies Policy Privacy Policy").
_COPYRIGHT_HOLDER = (
    r"(?P<outlet>[^.,|©]{2,40}?(?:\.(?:com|net|org|co|tv|news|info|[a-z]{2})(?:\.[a-z]{2})?)?)\.?"
    r"(?:,?\s*(?:inc|ltd|llc|plc|gmbh)\.?)?(?:\s*[|.,-]?\s*all rights reserved\.?)?"
    r"(?:\s*[/|]\s*(?:cookies?|privacy|terms)\b.*)?"
)
#: A site's name in a masthead-like line: "Support The Moscow Times!", "© 2025 KUNR", "tradingkey.logo", "Dailymaverick logo",
#: "NATO allies gather in Brussels - BRAVE MAG" (a headline with the site in capitals after it).
#: The first patterns are read anywhere on the page (copyright lines sit in the footer), the rest in the header.
_MASTHEADS = [
    # A site's copyright notice carries the year or "All rights reserved"; a photo's
    # ("Copyright Emergency Service") carries neither.
    # "© 2025 Example Daily", "2025 © Example.com. All Rights Reserved." (the year on either side).
    re.compile(
        r"(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:copyright\s*)?\d{4}(?:\s*[-–]\s*\d{4})?,?\s*" + _COPYRIGHT_HOLDER,
        re.I,
    ),
    re.compile(r"\d{4}(?:\s*[-–]\s*\d{4})?\s*(?:©|\(c\)|copyright)\s*" + _COPYRIGHT_HOLDER, re.I),
    # "© Example Daily, 2013-2025."
    re.compile(
        r"(?:©|copyright)\s*(?P<outlet>[^\d.,|©]{2,40}?),?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\.?|\.?\s*all rights reserved\.?)",
        re.I,
    ),
    # "Example.az © 2025.": the holder before the mark (not a photo's: "Photo © 2025").
    re.compile(
        r"(?!(?:photos?|images?|pictures?|illustrations?)\b)(?P<outlet>[A-Z][\w&.’' -]{1,39}?)\s*(?:©|\(c\))\s*"
        r"\d{4}(?:\s*[-–]\s*\d{4})?[.\s]*(?:all rights reserved\.?)?",
        re.I,
    ),
    # A prompt to make the site a source of one's search results: "Add The Wire As Your Trusted Source", "Add Example
    # Daily as a preferred source on Google".
    re.compile(r"add (?P<outlet>[\w&.’' -]{2,40}?) as (?:a|your) (?:trusted|preferred) source(?: on google)?\W*", re.I),
    # A site telling its readers who runs it, in its appeal for support: "Notes from Poland is run by a small editorial
    # team and is published by an independent, non-profit foundation that is funded through donations from our readers."
    re.compile(
        r"(?P<outlet>[A-Z][\w&.’'-]*(?:\s+(?:[A-Z0-9][\w&.’'-]*|of|from|the|and|for|on)){0,5}) is (?:run|published|produced|funded) by\b"
        r".{0,200}?\b(?:donations|readers|supporters)\b.*"
    ),
    # The site's signature and its editor's initials under the story, as Italian sites sign: "(Unioneonline/lf)".
    re.compile(r"\((?P<outlet>[A-Z][\w.-]{2,30})/[a-z]{1,4}\)"),
    # A credit line naming the site beside the agencies it drew on: "Agencies and A News", "Euronews with AFP".
    re.compile(r"(?:[-•*]\s+)?(?i:(?:news )?agencies\s+(?:and|&)\s+)" + _NAME),
    re.compile(r"(?:[-•*]\s+)?(?i:(?:source:|by:?)\s*)?" + _NAME + r"(?i:\s+" + _WITH_AGENCIES + ")"),
    # A prompt to read, hear or follow the site: "NEW You can now listen to Fox News articles!" (glued too, "NEWYou …"), "Stay ahead with
    # OwlBrief", "All important news is on the Izvestia channel in the MAX messenger." ("Follow us on X" names no site),
    # or to follow its editions, the name they share: "- For more: Follow Khaleejion 24 Arabic, Khaleejion 24 English, …".
    re.compile(
        r"(?:[-•*]\s+)?(?i:new\s*)?(?i:(?:you can now\s+)?listen to|stay ahead with|all (?:important )?news is on the|follow)\s+(?!(?i:us)\b)"
        + _NAME
        + r"(?:\s+(?i:articles|channel)\b.*|\W*)"
    ),
    re.compile(r"(?:[-•*]\s+)?(?i:for more:\s*)?(?i:follow)\s+" + _SHORTEST_NAME + r"\s+\w+,\s+(?P=outlet)\s+\w+\b.*"),
    re.compile(r"support (?P<outlet>[\w .’'-]{2,40})!", re.I),
    re.compile(r"(?P<outlet>[a-z0-9-]{3,30})[._ -]logo", re.I),
    re.compile(_DOMAIN.pattern, re.I),
    _HEADLINE_SITE := re.compile(r"(?P<rest>.{20,}?)\s+[-–—|]\s+(?P<outlet>[A-Z0-9][A-Z0-9 &.-]{1,30})"),
]
#: "Headline of the story | Example Daily": a page's title with its site after a bar.
_SITE_AFTER_BAR = re.compile(r"(?P<rest>.{20,}?)\s+\|\s+" + _NAME)
#: A dateline naming the agency or site that wrote the story: "ERBIL (Kurdistan24) — ...", "Dec. 4 (UPI) — ...",
#: "MOSCOW, December 4. /TASS/. ...", "Moscow, Nov 25 (IANS) Russian ...", the country's bracket before the agency's:
#: "VALLETTA (MALTA) (ITALPRESS/MNA) – ..."; or the day and time of the story in its place: "(2025-12-21 22:23:00) — ...".
_DATELINE = re.compile(
    r"[^()]{0,60}(?:\([A-Z][A-Z .'-]{1,30}\)\s*)?"
    r"\((?P<outlet>[A-Z][\w./ -]{1,40}|[a-z]+/?[\w.]{0,20}|\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?)\)"
    r"(?:\.(?=[—–-]))?\s*(?P<sep>[—–-]+|:|(?=[A-Z\"“]))\s*(?P<rest>.+)"
    r"|[^/()]{0,60}/(?P<agency>[A-Z][\w-]{1,20})/\.?\s*[—–-]*\s*(?P<rest2>.+)"
)
#: A month's name, not captured (:data:`_MONTH` captures it).
_MONTH_NAME = _MONTH.replace("?P<month>", "?:")
#: A day and month as a dateline prints them, year or not ("3 December", "Nov. 22").
_DAY_AND_MONTH = re.compile(r"\b(?:(?P<day>\d{1,2})\s+" + _MONTH + r"|" + _MONTH.replace("?P<month>", "?P<month2>") + r"\s+(?P<day2>\d{1,2}))(?!\w)", re.I)
#: A dateline on a line of its own signed by the agency after the day, as AZERTAC prints it: "Baku, October 10, AZERTAC".
_SIGNED_DATELINE = re.compile(r"[A-Z][\w'’ -]{1,30},\s+(?P<date>(?i:" + _DAY_AND_MONTH.pattern + r")(?:,?\s+\d{4})?),\s+(?P<agency>[A-Z][A-Z0-9&.-]{2,15})")
#: A dateline of a place and a day, with no agency: a place in capitals ("WASHINGTON, Feb 7 – Ukraine's president ...")
#: or with its country in square brackets, as ANI prints it ("Brussels [Belgium], December 20: German Chancellor ..."),
#: or a date in full, its year too, after a place's name (glued to it too: "ParisNovember 17, 2025 – …"; or set off by a
#: dash: "Washington, D.C. — October 17, 2025 — In a …") or alone ("Paris, January 7, 2026 – Ukraine and ...",
#: "December 5, 2025: Prime Minister …").
_PLACE_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’ /-]{2,40}|[A-Z][\w.'’ -]{1,30} \[[A-Z][\w.'’ -]{1,30}\]),\s+(?P<date>[^–—:\n]{3,20}?)\s*(?:--|[–—:-])\s*\S"
    r"|(?:[A-Z][a-z]+(?:[ /-][A-Z][a-z]+){0,2}(?:,\s+[A-Z][A-Za-z.]{1,10})?(?:,\s+|\s+[–—]\s+|(?=[A-Z])))?(?P<full>(?i:"
    + _MONTH_NAME
    + r")\s+\d{1,2},\s+\d{4}|\d{1,2}\s+(?i:"
    + _MONTH_NAME
    + r")\s+\d{4})"
    r"(?:\s*[–—-]\s*\S|:\s+[A-Z\"“])"
    # (Or a place in capitals, its country after it, then the day and month and a full stop, as Trend and other agencies
    # of the former Soviet Union print them: "ASTANA, Kazakhstan, January 28. Kazakhstan has …".)
    r"|[A-Z][A-Z.'’ -]{2,30},\s+(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+)?(?P<day>(?i:"
    + _MONTH_NAME
    + r")\s+\d{1,2}|\d{1,2}\s+(?i:"
    + _MONTH_NAME
    + r"))\.\s+[A-Z\"“]"
    # (Or the date alone in figures, day first, opening the lead's sentences: "10.02.2026 Greece and Malta have spoken out …
    # discussions."; not a headline: "12.01.2026 UN Security Council briefing on Ukraine".)
    r"|(?P<figures>\d{1,2}\.\d{1,2}\.\d{4})\s+(?=[A-Z\"“].{40,}[.!?]['\"’”]?$)"
)
#: Lines of a story in which the site names itself as its writer. "Axios reported" names a source, but no site
#: writes that another one "informs" or re-reports "media" ("…, Report informs.", "…, informs UNN.", "…, News.Az
#: reports, citing foreign media.", "…, UNN reports with reference to Russian media", "As reported by AzerNEWS, citing
#: foreign media, …", as agencies of the former Soviet Union write); a site goes by its web address ("…, Caliber.Az
#: reports, citing Sky News.", "İdman.Biz reports"), which names no other; a site by its initials "writes" the lead it
#: ends ("…, the Ministry of Energy reported on Monday, writes UNN."; a writer by name is another's: "…, writes Mr
#: Peston."); and only the writer says it could not independently verify what it reports ("The Moscow Times could not
#: independently verify his claims.").
#: A site relaying an official's post, broadcast or press conference credits itself after the medium ("…, Kim said on
#: Telegram on Friday, UNN reports.", "This was stated by …, during a press conference, UNN reports."), or after the
#: statement it relays ("This was stated by Oleh Hryhorov, head of …, as reported by UNN."; "… showed its consequences.
#: This was reported by UNN.", by its initials); a site citing another outlet credits it after the claim ("…, officials
#: said, Politico reports.").
_SELF_NAMED = (
    re.compile(r",\s+" + _NAME + r"\s+(?:informs\b|reports,?\s+(?:citing|with reference to)\s+(?:\w+\s+){0,2}media\b)"),
    re.compile(r"\b[Aa]s reported by " + _NAME + r",?\s+(?:citing|with reference to)\s+(?:\w+\s+){0,2}media\b"),
    re.compile(r",\s+informs\s+" + _NAME + r"\s*[.,]"),
    re.compile(r",\s+writes\s+(?P<outlet>[A-Z]{2,6})\.(?:\s|$)"),
    re.compile(r",\s+(?P<outlet>[^\W\d_][\w&’'-]*\.[A-Za-z]{2,4})\s+(?:reports|informs)\b"),
    re.compile(
        r"\b(?:(?:said|stated|announced|wrote|reported)(?:\s+this)?|[Tt]his was (?:said|stated|announced) by [^.;]{2,120}?,)\s+(?:on|in|via|during|at)\s+"
        r"[^,.;]{0,30}?\b(?:Telegram|Facebook|Twitter|Instagram|YouTube|X|social media|telethon|television|TV|radio|press conference|briefing)\b"
        r"[^,.;]{0,30},\s+" + _NAME + r"\s+reports\."
    ),
    re.compile(r"(?:^|[.!?]['\"’”]?\s+)" + _NAME + r"\s+(?:could not|couldn[’']t|was unable to|cannot)\s+independently\s+(?:verify|confirm)\b"),
    re.compile(r"\b[Tt]his was (?:said|stated|announced)(?: in a statement)? by [^.;]{2,200}?,[\"”]?\s+as reported by " + _NAME + r"\.(?:\s|$)"),
    re.compile(r"[.!?]['\"’”]?\s+This was reported by (?P<outlet>[A-Z]{2,6})\.(?:\s|$)"),
)
#: A dateline glued to the end of a teaser the page prints above the story:
#: "… in Gaza.”Nov. 19, 2025 (EIRNS)—Reports of …" (its date in full, its agency in brackets).
_GLUED_DATELINE = re.compile(
    r"[.!?]['\"’”)]?\s*(?P<date>" + _MONTH_NAME + r"\s+\d{1,2},\s+\d{4})\s+"
    r"\((?P<outlet>[A-Z][\w./ -]{1,30})\)\s*[—–-]+\s*\S",
    re.I,
)
#: A line of its own signing the story with its writer (or place) and its date in full: "(SeeNews, November 5, 2025)".
_SIGNATURE = re.compile(r"\((?P<outlet>[A-Z][\w&.’' -]{1,30}),\s+(?P<date>[^()]{6,30})\)")
#: A line of its own giving the place a story was filed from and the agency that filed it: "Kyiv • UNN".
_FILED_FROM = re.compile(r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+•\s+" + _NAME)
#: A lead opened by the site's name and the date in brackets: "CaliToday (24/11/2025): Special Presidential Envoy …".
_SITE_DATED_LEAD = re.compile(_NAME + r"\s+\((?P<date>[^()]{6,20})\):\s+[A-Z\"“].{20,}")
#: A lead opened by the site, its place and a date in brackets, as Spanish and Italian agencies sign: "(ZENIT News /
#: Castelgandolfo, 12.10.2025).- Diplomacy, …" (the date is not read: which of its figures is the month varies).
_SITE_PLACE_LEAD = re.compile(r"\(" + _NAME + r"\s*/\s*[A-Z][\w .’'-]{1,30},\s*[\d./-]{6,10}\)\.?-+\s*[A-Z\"“].{20,}")
#: A lead opened by its source in brackets, without a dash: "(MENAFN) Andrey Yermak …".
_BRACKET_CREDIT = re.compile(r"\((?P<outlet>[^()]{2,30})\)\s+[A-Z\"“].{20,}")
#: A dateline standing alone over the story: "WASHINGTON", "KYIV, Ukraine".
_DATELINE_ALONE = re.compile(r"[A-Z][A-Z.' -]{2,30}(?:, [A-Z][\w.' -]{1,30})?")
#: How many non-empty lines from the top may hold the dateline or the date line (captions and
#: clutter push them past the header).
LEAD_LINES = 20
#: Words that end a masthead ("CRBC News", "Kyiv Post"), for a short header line that is only a name; a site writes
#: its own with a capital ("Usa news" is a section's label).
_MASTHEAD_WORD = re.compile(
    r"(?:[A-Z][\w&.-]*\s+){1,3}(?=[A-Z])(?i:news|times|post|daily|herald|tribune|journal|gazette|telegraph|"
    r"examiner|radio|tv|media|press|agency|magazine|mag|online|today|world|wire|chronicle|"
    r"courier|observer|monitor|report|reporter|dispatch|sentinel|express|standard|insider|bulletin)"
)
#: Section words that also end in a masthead word: "Latest News" is a section, not a site.
_SECTION_WORDS = {
    "home",  # a menu or breadcrumb: "Home News"
    "latest",
    "top",
    "breaking",
    "more",
    "related",
    "local",
    "world",
    "business",
    "national",
    "international",
    "other",
    "trending",
    "popular",
    "recent",
    "live",
    "english",
    "in",
    "special",  # "Special Report"
    "current",  # "Current News"
    "political",  # "… | Political News"
}
#: A section of a country's news: "Russian News", "South African News", "Chinese News", "British News".
_NATIONS_NEWS = re.compile(r"(?:[a-z]+ )?[a-z]+(?:an|ese|ish) news")
#: What a site files its stories under, besides the words above: "… strike | World | News", "… | Politics".
_SECTION_TOPICS = frozenset("news politics business opinion europe economy sport sports tech technology science asia africa americas analysis features".split())
_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s|rs)?\b\.?", re.I)
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){4,}")
_SENTENCE_END = re.compile(r"[.!?…:;,]['\"’”)\]]*$")
#: A sentence's last mark: a signature follows one, a caption's "…, Sunday, Aug. 4, 2024 (AP)" does not.
_FULL_STOP = re.compile(r"[.!?…]['\"’”)\]]*$")
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
    day: str | None = None
    #: When the page says it last changed ("Updated January 28, 2026 at 11:55 a.m. EST"): not when the article was
    #: published, but its date when the page prints no other.
    updated: str | None = None
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
            if "rmonth" in parts:
                month = _ROMANCE_MONTHS[parts["rmonth"].lower()]
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


#: A line ending in a word no phrase ends with, or in a comma: a sentence the saved copy wraps onto the next line ("…
#: to unveil a new Council of Europe convention establishing an", "… each releasing 157 captured soldiers," / "Russia's
#: defense ministry said Thursday …"), not a headline.
#: (Not a list item's "…; and" before the last item.)
_BROKEN_OFF = re.compile(r"(?:(?<![;,])\s(?:a|an|the|of|and|or|its|their|his|her|with|from|by)|(?<=[\w”’\"')]),)$", re.I)


def _is_headline(line: str) -> bool:
    words = line.split()
    # A headline is made of words, not a widget's symbols and numbers ("+ ↺ − 16 px").
    worded = sum(1 for w in words if re.search(r"[^\W\d_]{2}", w))
    # Nor is a day and month ("Tuesday, 1 March") a headline.
    return (
        len(words) <= 30
        and worded >= 2
        and 2 * worded >= len(words)
        and (not _SENTENCE_END.search(_AT_END.sub("", line)) or line.endswith("?") and _in_title_case(words))
        and not _SECTION_LABEL.fullmatch(line)
        and not _DAY_AND_MONTH.fullmatch(_WEEKDAY.sub("", line).strip(" ,"))
        and not _BROKEN_OFF.search(line)
        and not _SAID_AFTER.search(line)
    )


#: What ends a line without ending a sentence: initials ("… Peace Talks Solely to U.S."), a row of four dots or more
#: set after a headline for show ("… leaves a Russian general dead.....", not an ellipsis cutting a teaser short).
_AT_END = re.compile(r"\b(?:[A-Z]\.){2,}$|(?<=\w)\.{4,}$")
#: A statement with its speaker after it in the past tense, as a lead writes ("…, said the Minister of Energy"); a
#: headline writes "says".
_SAID_AFTER = re.compile(r",\s+said\s+(?:the\s+)?\w[\w.'’ -]{2,60}$")


def _in_title_case(words: list[str]) -> bool:
    """ "Did Russia Really Reject the US Peace Plan?": a question set as a headline, not one asked in a paragraph."""
    long = [w for w in words if len(re.sub(r"\W", "", w)) >= 4]
    return len(long) >= 2 and all(w[0].isupper() for w in long)


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


#: Numbered reference marks a page copied with its text ("… confirmed by both BBC and CNN [1][2].",
#: "[1][3]The declaration …"): they point to a list the copy left out, and are no one's words.
_REFERENCE_MARKS = re.compile(r"\s*(?:\[\d{1,3}\])+")


def parse_text(text: str, rules: Rules) -> ParsedText:
    parsed = ParsedText()
    lines = [normalise_space(_REFERENCE_MARKS.sub("", line)) for line in text.split("\n")]
    # A photo's credit or the site's section labels glued to the headline after bars name no site.
    for i in [i for i, line in enumerate(lines) if line][:HEADER_LINES]:
        lines[i] = _without_sections(_PIPED_CREDIT.sub("", lines[i]))
    # Before the clutter goes: "Support The Moscow Times!" is clutter that names the site.
    _read_mastheads(lines, rules, parsed)
    lines = _drop_clutter(lines, rules)
    _drop_related_links(lines)
    masthead = _drop_menus(lines)
    if masthead is not None:
        parsed.outlet = parsed.outlet or rules.label_of(masthead)
    if parsed.outlet is None:
        _read_logo(lines, rules, parsed)
    _drop_page_clock(lines)
    body_start = _read_header(lines, rules, parsed)
    if parsed.outlet is None and parsed.title:
        _read_own_address(lines, rules, parsed)
    if parsed.date is None:
        _read_lead_date(lines, parsed)
    if parsed.date is None and parsed.updated:
        _set_date(parsed, parsed.updated)
    _drop_captions(lines, body_start)
    parsed.paragraphs = _paragraphs(lines[body_start:], parsed.warnings, parsed.title)
    return parsed


def _drop_clutter(lines: list[str], rules: Rules) -> list[str]:
    kept: list[str] = []
    for line in lines:
        # A wire's copyright line is clutter that names the publisher: it is read before it goes.
        action = rules.clutter_action(line) if line and not rules.wire_credited(line) else None
        if action == "drop-rest":
            break
        # A dropped line still separates the paragraphs around it.
        kept.append("" if action == "drop-line" else line)
    return kept


def _drop_captions(lines: list[str], start: int) -> None:
    """Blank the captions in the story (from line ``start``, once the header's metadata is read): a line
    that ends with its photo's credit, and the photo's title (its alt text) over it, which repeats the
    caption without the credit."""
    above = None
    for i, line in enumerate(lines[start:], start):
        if not line:
            continue
        if _CREDIT_AT_END.search(line) or _PLACED_IN_PHOTO.search(line):
            if above is not None and _photo_title(lines[above], line):
                lines[above] = ""
            lines[i] = ""
        above = i


def _drop_related_links(lines: list[str]) -> None:
    """Blank the list of links to other stories a page ends with: two or more list items, each a
    headline (no sentence's end), after the story's last paragraph."""
    items = []
    for i in reversed(range(len(lines))):
        if not lines[i]:
            continue
        marker = _LIST_MARKER.match(lines[i])
        if not marker or _SENTENCE_END.search(lines[i]) or len(lines[i][marker.end() :].split()) < 3:
            break
        items.append(i)
    if len(items) >= 2:
        for i in items:
            lines[i] = ""


#: A menu entry: a list item of one to three words ("• Home", "- Politics", "* Pets & Animals").
_MENU_ITEM = re.compile(r"(?:[-•*]|\d{1,2}\.)\s+\S+(?:\s+\S+){0,2}")
#: A temperature, as a page's weather widget prints it beside the clock ("20.1 C", "72°F").
_TEMPERATURE = re.compile(r"-?\d{1,3}(?:[.,]\d)?\s*°?\s*[CF]")
#: The rest of a weather widget: the sky and its temperature, its labelled readings ("overcast clouds 13.3°C",
#: "Condition: Overcast clouds", "Humidity: 94%", "Wind Speed: 11.1 km/h") and its link to forecasts ("More forecasts:
#: Johannesburg 14 days weather").
_WEATHER = re.compile(
    r"(?:[a-z]+\s+){1,3}" + _TEMPERATURE.pattern + r"|(?:condition|humidity|wind(?: speed)?|pressure|visibility|feels like|precipitation)\s*:\s*\S.{0,30}"
    r"|(?:more\s+)?forecasts?\s*:.{0,60}|.{0,40}\b\d{1,2}[- ]days?\s+(?:weather|forecast)",
    re.I,
)


def _drop_menus(lines: list[str]) -> str | None:
    """Blank a site's navigation menu above the story: four or more list items in a row, each of one
    to three words (a list in the story stays). Blank and return a name the page opens with right
    above its menu, where sites print their own ("Simple Smart Seminar" over "• Stock • Investing …"),
    once or twice (a logo's text, then the name)."""
    run: list[int] = []
    story = _story_start(lines)
    masthead = None
    for i, line in enumerate(lines[:story] + ["end"]):
        if not line:
            continue
        if _MENU_ITEM.fullmatch(line) and not _SENTENCE_END.search(line):
            run.append(i)
            continue
        if len(run) >= 4:
            filled = [j for j in range(run[0]) if lines[j]]
            named = len(filled) in (1, 2) and len({lines[j] for j in filled}) == 1
            if masthead is None and named and re.fullmatch(_NAME, lines[filled[0]]) and not _a_section(lines[filled[0]]):
                masthead = lines[filled[0]]
                for j in filled:
                    lines[j] = ""
            # ("- Input" / "- 2026-02-16 10:53:25" / "- Updated" / …: a date among the items is the page's date line.)
            for j in run:
                lines[j] = lines[j] if _date_in(lines[j]) else ""
        run = []
    return masthead


#: One word alone, as a logo prints a site's name.
_LOGO_WORD = re.compile(r"[^\W\d_]{3,25}")


def _read_logo(lines: list[str], rules: Rules, parsed: ParsedText) -> None:
    """Read and blank the site's logo, printed as its name at the top of the page: a word that is neither
    English nor a name the language model has read ("Ekhbary", "AltaMaxima", "nationspost"; "World", "Poland"
    and "Introduction" label sections, "NewsPolitics" is two sections' labels run together). In capitals a
    word is often a section's label ("INTELBRIEF", "TÜRKİYE"): it counts only printed again on a line of its
    own, as logos are ("DNYUZ", three times over a menu). A word the page's other lines use is what the story is
    about ("Zaporizhzhia" over a story of the plant), not the site."""
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return
    stamp = _DATE_PREFIX.match(lines[first])  # an archive's "date 2025-11-30 " glued before it stays for the header
    word = stamp.group("rest") if stamp else lines[first]
    if not _LOGO_WORD.fullmatch(word):
        return
    known = model_strings()
    parts = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", word)
    if any(form in known for form in (word, word.lower(), word.capitalize())) or all(p.casefold() in _SECTION_WORDS | _SECTION_TOPICS for p in parts):
        return
    if word.isupper() and lines.count(word) < 2:
        return
    # ("Zaporizhzhia" over a story about it: a kicker naming the story's place or person, which the story names again.)
    if any(word in re.findall(r"[^\W\d_]+", line) for line in lines if line and line != word and line != lines[first]):
        return
    parsed.outlet = rules.label_of(word)
    lines[first] = f"date {stamp.group('date')}" if stamp else ""


def _drop_page_clock(lines: list[str]) -> None:
    """Blank the clock and weather widget of a page's top bar ("Saturday, March 21, 2026" over "20.1 C"):
    the day the page was saved, not when the article was published."""
    filled = [i for i, line in enumerate(lines) if line][:HEADER_LINES]
    widget = [n for n, i in enumerate(filled) if _TEMPERATURE.fullmatch(lines[i]) or _WEATHER.fullmatch(lines[i])]
    # The clock stands beside the widget, a line or two away ("23.1 C" / "Delhi" / "Thursday, February 19, 2026"; "More
    # forecasts: Johannesburg 14 days weather" / "• Wednesday, 19 November 2025").
    for n, i in enumerate(filled):
        clock = _LIST_MARKER.sub("", lines[i].strip(), count=1)
        found = any(abs(n - w) <= 2 for w in widget) and _date_in(clock)
        if found and _around_date(clock, found[1], found[2]) == ("", ""):
            lines[i] = ""
    for n in widget:
        lines[filled[n]] = ""
    # "Today : Dec 16, 2025": the top bar's date, labelled as today's.
    for i in filled:
        if not (today := _TODAY.match(lines[i])):
            continue
        rest = lines[i][today.end() :]
        if (found := _date_in(rest)) and _around_date(rest, found[1], found[2]) == ("", ""):
            lines[i] = ""


#: A page's top bar naming today's date: "Today : Dec 16, 2025", "Today: Tuesday, 16 December 2025".
_TODAY = re.compile(r"today\s*:\s*", re.I)


def _story_start(lines: list[str]) -> int:
    """Where the story's first paragraph stands (a line of fifteen words or more ending a sentence), or
    past the end."""
    return next((i for i, line in enumerate(lines) if len(line.split()) >= 15 and _SENTENCE_END.search(line)), len(lines))


def _read_mastheads(lines: list[str], rules: Rules, parsed: ParsedText) -> None:
    """Read the site's name from masthead lines of the header, copyright and source lines
    anywhere, and a known outlet's bare name in the footer. The header ends where the story
    starts: an address in a list of links below the story is not the site's."""
    filled = [i for i, line in enumerate(lines) if line]
    story = _story_start(lines)
    header = {i for i in filled[:HEADER_LINES] if i <= story}
    footer = set(filled[-FOOTER_LINES:])
    # A known outlet's name as it writes it ("The Hill", not a player's "Hill." under a match report), or its signature.
    footer_names = {
        i: site for i in footer if lines[i] and (rules.outlet_written(lines[i]) or rules.outlet_signed(lines[i])) and (site := _known_site(lines[i], rules))
    }
    # A footer of several outlets' names or addresses ("CNN", "Syracuse.com", "Reuters") is a list
    # of sources or links, none of them the site.
    listed = {lines[i].casefold() for i in footer if rules.outlet_named(lines[i]) or _DOMAIN.fullmatch(lines[i])}
    if len(listed) > 1:
        footer_names = {}
    for i, line in enumerate(lines):
        if not line or rules.wire_credited(line):
            continue  # a wire's credit names the publisher, not the site
        if len(line.split()) <= 8 and _WIRE_PHOTO_CREDIT.search(line):
            continue  # nor does a photo's ("Terry Renna / AP")
        # An archive's "date 2025-11-30 " glued before a masthead ("gCaptain-logo") stays for the header to read.
        stamp = _DATE_PREFIX.match(line)
        site, rest = _masthead(stamp.group("rest") if stamp else line, rules, i in header)
        if stamp and site:
            rest = f"date {stamp.group('date')} {rest}".strip()
        # "Job cuts 'false economy' - TUC" over a story about what the TUC said: who the headline quotes.
        if site and rest and _HEADLINE_SITE.fullmatch(line) and not rules.outlet_named(site) and _named_elsewhere(site, lines, i):
            continue
        if site is None and i in footer_names:
            site, rest = footer_names[i], ""
        if site:
            parsed.outlet = parsed.outlet or rules.label_of(site.removeprefix("www."))
            lines[i] = rest


def _named_elsewhere(name: str, lines: list[str], at: int) -> bool:
    """Whether a line other than ``lines[at]`` names ``name`` (as a word)."""
    word = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    return any(word.search(line) for i, line in enumerate(lines) if i != at and line)


def _masthead(line: str, rules: Rules, in_header: bool) -> tuple[str | None, str]:
    """(the site a masthead, copyright or source line names, what is left of the line)."""
    for pattern in _MASTHEADS if in_header else _MASTHEADS[:_READ_ANYWHERE]:
        m = pattern.fullmatch(line)
        # ("01.16.2026 By Tank Terminals - NEWS": a section's name where a site's might stand.)
        if m and not _a_section(m.group("outlet")):
            return m.group("outlet"), (m.groupdict().get("rest") or "").strip()
    m = _SITE_AFTER_BAR.fullmatch(line) if in_header else None
    # "… | World News" names a section, not the site; so does a name after a date and a bar, or a writer's ("Posted
    # originally on CTH on December 14, 2025 | Sundance").
    if m and not _a_section(m.group("outlet")) and not _ends_with_a_date(m.group("rest")):
        return m.group("outlet"), m.group("rest")
    # "Source: Ukraine's General Staff" names where a fact came from, not the site.
    for m in (_SOURCE.fullmatch(line), _COPYRIGHT_NAME.fullmatch(line)):
        site = m and (_known_site(m.group("outlet"), rules) or _DOMAIN.fullmatch(m.group("outlet")) and m.group("outlet"))
        if site:
            return site, ""
    return None, line


def _known_site(name: str, rules: Rules) -> str | None:
    """The label of the known outlet ``name`` is, unless it is a wire (a wire's bare name credits a
    photo or the copy)."""
    outlet = rules.outlet_named(name) or rules.outlet_signed(name)
    return outlet.label if outlet and all(outlet.label != wire for _, wire in rules.wire_names) else None


def _read_header(lines: list[str], rules: Rules, parsed: ParsedText) -> int:
    """Take metadata out of the header lines in place; return where the body starts."""
    header = [i for i, line in enumerate(lines) if line][:HEADER_LINES]
    story = _story_start(lines)
    for i in header:
        lines[i] = _read_header_line(lines[i], rules, parsed, above_story=i <= story)
    # A second pass drops a bare repeat of the byline ("express web desk").
    if parsed.author:
        for i in header:
            if lines[i].casefold() == parsed.author.casefold():
                lines[i] = ""
    # Syndication notes, wire credits and signatures can stand anywhere, often at the end.
    for i, line in enumerate(lines):
        if line and _read_syndication(line, rules, parsed) is not None:
            lines[i] = ""
        elif line and (credit := rules.wire_credited(line)):
            wire, lines[i] = credit
            # (A wire's name alone under a photo's caption credits the photo: "… Volodymyr Zelensky (R) walk past …" / "AFP".)
            above = next((lines[j] for j in range(i - 1, -1, -1) if lines[j]), "")
            if lines[i] or not _PLACED_IN_PHOTO.search(above):
                parsed.publisher = parsed.publisher or wire
            # "MOSCOW/KYIV, Dec 11 (Reuters) – ...": the wire's dateline, before the story it opens, dates the story.
            if lines[i] and line.endswith(lines[i]) and len((head := line.removesuffix(lines[i])).split()) <= 8:
                _set_dateline_date(parsed, head)
        elif line and (signed := _SIGNATURE.fullmatch(line)) and (found := _date_in(signed.group("date"))) and found[1:] == (0, len(signed.group("date"))):
            # A story signed at its end with its writer and date: "(SeeNews, November 5, 2025)"; a place signs it too.
            _set_date(parsed, found[0])
            if re.fullmatch(_CAMEL_CASE, signed.group("outlet")) or rules.outlet_named(signed.group("outlet")):
                parsed.publisher = parsed.publisher or rules.label_of(signed.group("outlet"))
            lines[i] = ""
    # The story's first line may stand past the header, under captions and clutter.
    for i in [i for i, line in enumerate(lines) if line][:LEAD_LINES]:
        if i not in header and _read_dateline(lines[i], rules, parsed) is not None:
            break
    if parsed.outlet is None:
        _read_self_named(lines, rules, parsed)
    remaining = [i for i in header if lines[i]]
    repeated = _repeated_headline(lines, remaining)
    if repeated:
        parsed.title, at = repeated
        return at + 1
    # Section labels and breadcrumbs stand above the headline, a photo's title over its caption
    # ("Rubio … meet with a delegation" over "Rubio … meet with … REUTERS/Jane Doe") and a caption ending with its
    # credit ("Poland's Prime Minister Donald Tusk. Photo: Euronews"): past them, the first headline-like line is it.
    while len(remaining) > 1 and (
        _photo_title(lines[remaining[0]], lines[remaining[1]])
        or _WIRE_PHOTO_CREDIT.search(lines[remaining[0]])
        or _CREDIT_AT_END.search(lines[remaining[0]])
        or _PLACED_IN_PHOTO.search(lines[remaining[0]])
        or len(remaining) > 2
        and _is_label(lines[remaining[0]])
        and _is_headline(lines[remaining[1]])
    ):
        lines[remaining.pop(0)] = ""
    # A line of one or two words over the story is a tagline or a label ("News from Japan"), not a headline.
    if len(remaining) > 1 and _headline_at(lines, remaining[0]) and len(lines[remaining[0]].split()) >= 3:
        parsed.title = lines[remaining[0]]
        return remaining[0] + 1
    return _headline_above_story(lines, parsed)


#: A photo's credit in brackets: "(Getty Images)", "(Jane Doe, Sputnik, Kremlin Pool Photo via AP)".
_BRACKETED_PHOTO_CREDIT = r"\([^()]*\b(?:Getty Images|AP Photo|via AP|Reuters|AFP|EPA)\b[^()]*\)"
#: The wires whose name alone credits a photo.
_PHOTO_WIRE = r"(?:Reuters|REUTERS|AFP|AP|EPA)"
#: A credit alone after the caption's last sentence, ending the line: a wire's name ("Finland's President Alexander
#: Stubb. Reuters", "… January 9, 2026. REUTERS/Stringer", with its photographer), or a source after a slash ("…
#: December 2, 2025. /VCG", "… post on X. /@SEPeaceMissions").
_CREDIT_AFTER_CAPTION = r"[.!?]['\"’”]?\s*(?:(?:" + _PHOTO_WIRE + r")(?:\s*/\s*[A-Z][\w.’' -]{1,40})?|Getty Images|/\s*@?[\w.]{2,30})$"
#: A photo's credit as a caption ends with it: "REUTERS/Jane Doe", "Jane Doe/AFP", "(Getty Images)", ". Reuters", ". /VCG".
_WIRE_PHOTO_CREDIT = re.compile(
    r"\b(?:REUTERS|AFP|AP|EPA|ANADOLU)\s*/\s*[A-Z]|/\s*(?:Reuters|AFP|AP|EPA|Getty Images)\b|" + _BRACKETED_PHOTO_CREDIT + "|" + _CREDIT_AFTER_CAPTION
)
#: What opens a photo's credit: "Photo:", "Images by:", "Picture credit:".
_CREDIT_LABEL = r"(?i:photo(?:graph)?|image|picture)s?\s*(?i:by|credit)?\s*:"
#: A photo's credit in its caption, also "Photo: …" (a headline's "In pictures: …" is no caption).
_PHOTO_CREDIT = re.compile(_WIRE_PHOTO_CREDIT.pattern + r"|\b" + _CREDIT_LABEL)
#: A caption's photo credit after its last sentence, ending the line: "..., Nov. 25, 2025.Photo: EPA/JAIMI JOY / POOL",
#: "..., Oct. 27, 2025. (Jane Doe, Sputnik, Kremlin Pool Photo via AP)", and a wire's name alone in brackets after the
#: photo's date: "…, Sunday, Aug. 4, 2024 (AP)".
_CREDIT_AT_END = re.compile(
    r"[.!?”\")]\s*(?:"
    + _CREDIT_LABEL
    + r"\s*[^.!?]{2,60}\.?|"
    + _BRACKETED_PHOTO_CREDIT
    + r")$|\b(?:19|20)\d{2}\.?\s*\("
    + _PHOTO_WIRE
    + r"\)$|"
    + _CREDIT_AFTER_CAPTION
)
#: Where someone stands in a photo, as only its caption says: "Vladimir Putin (R) and his aide Yury Ushakov (L) meet …",
#: "Ukrainian President Volodymyr Zelensky (centre) and …"; right after a name (not a translation in brackets: "the
#: Russian “Tsentr” (Center) forces").
_PLACED_IN_PHOTO = re.compile(r"[A-Z][\w.'’-]*\s+\((?:L|R|C|[Ll]eft|[Rr]ight|[Cc]entre|[Cc]enter|[Mm]iddle)\)")
#: A photo's or video's credit after a bar, glued to the headline it illustrates: "… Remark at Davos | Image: X",
#: "… Miners' Bus In Pavlohrad | X @nexta_tv" (an account's handle); a labelled credit after a slash too: "… in trains and
#: tents / Photo: OLEKSII FILIPPOV - AFP".
_PIPED_CREDIT = re.compile(
    r"\s+\|\s*(?:" + _CREDIT_LABEL + r"[^|]{1,60}|(?:(?:X|Twitter|Instagram|Telegram|Facebook)\s*)?@\w{2,30})$|\s+/\s*" + _CREDIT_LABEL + r"[^|/]{1,60}$"
)
#: The last label after a bar: "… | News".
_LAST_PIPED = re.compile(r"\s+\|\s*(?P<label>[^|]*)$")


def _without_sections(line: str) -> str:
    """The line without the site's section labels after bars, glued to the headline: "… after massive Ukrainian strike
    | World | News", "… | Russia-Ukraine War News" (the last names no site)."""
    while (piped := _LAST_PIPED.search(line)) and piped.start() > 0 and piped["label"].strip() and _a_section(piped["label"].strip()):
        line = line[: piped.start()]
    return line


#: A word of a caption or a photo's title, initials and hyphens included.
_CAPTION_WORD = re.compile(r"[^\W_][\w.’'-]*")


def _photo_title(line: str, below: str) -> bool:
    """Whether ``line`` is a photo's title (its alt text) over the photo's caption: the caption below
    carries a photo credit and nearly every word of the line."""
    words = _CAPTION_WORD.findall(line.casefold())
    if not _PHOTO_CREDIT.search(below) or len(words) < 4 or len(below) <= len(line):
        return False
    caption = set(_CAPTION_WORD.findall(below.casefold()))
    return sum(w in caption for w in words) >= 0.8 * len(words)


#: A web address standing as a line: its host and its last path segment.
_ADDRESS = re.compile(r"https?://(?:www\.)?(?P<host>[a-z0-9.-]+\.[a-z]{2,})(?:/[^\s/]*)*/(?P<slug>[^\s/?#]+)/?", re.I)


def _read_own_address(lines: list[str], rules: Rules, parsed: ParsedText) -> None:
    """The site of the page's own address, printed as a line ("https://example.ai/article/the-headline-of-it-4a7e"):
    an address whose last segment spells the headline is the page's, not a link to another story."""
    wanted = re.findall(r"[a-z0-9]+", parsed.title.casefold().replace("’", "").replace("'", ""))
    for i, line in enumerate(lines):
        m = _ADDRESS.fullmatch(line) if line else None
        if m and len(wanted) >= 3:
            slug = set(re.findall(r"[a-z0-9]+", m.group("slug").casefold()))
            if sum(w in slug for w in wanted) >= 0.8 * len(wanted):
                parsed.outlet = rules.label_of(m.group("host"))
                lines[i] = ""
                return


def _read_self_named(lines: list[str], rules: Rules, parsed: ParsedText) -> None:
    """The site a lead names as its reporter ("…, Report informs."), in the story's first lines."""
    for line in [line for line in lines if line][:LEAD_LINES]:
        m = next((m for pattern in _SELF_NAMED if (m := pattern.search(line))), None)
        name = m and m.group("outlet")
        if name and name[0].isupper() and not any(rules.label_of(name) == wire for _, wire in rules.wire_names):
            parsed.outlet = rules.label_of(name)
            return


#: Words from which a line right under a shorter headline-like one of at least HEADLINE_WORDS is its standfirst, not
#: the headline (a line of a few words over it is a label or a stamp: "Available On Air Stations", "/ 2 hours ago").
STANDFIRST_WORDS = 12
HEADLINE_WORDS = 6


def _headline_above_story(lines: list[str], parsed: ParsedText) -> int:
    """Past clutter no rule knows ("Play Live Radio", "One app."), the headline is the
    headline-like line nearest above the story's first paragraph; return where the body starts."""
    filled = [i for i, line in enumerate(lines) if line][:LEAD_LINES]
    story = next((n for n, i in enumerate(filled) if len(lines[i].split()) >= 15 and _SENTENCE_END.search(lines[i])), 0)

    def headline_like(i: int) -> bool:
        # (Not a photo's caption ending with its credit: "… in Brussels, Belgium on Thursday. Photo: Reuters".)
        return len(lines[i].split()) >= 4 and _headline_at(lines, i) and not _date_in(lines[i]) and not _CREDIT_AT_END.search(lines[i])

    for n in reversed(range(story)):
        if headline_like(i := filled[n]):
            # (A long line right under a shorter headline-like one is its standfirst: "EU leaders clash with Hungary’s Orban
            # for blocking Ukraine loan" over "A vital US$103 billion lifeline is being held up by Budapest over …".)
            above = filled[n - 1] if n else None
            words = len(lines[i].split())
            standfirst = above is not None and headline_like(above) and HEADLINE_WORDS <= len(lines[above].split()) < words and words >= STANDFIRST_WORDS
            parsed.title = lines[above] if standfirst else lines[i]
            return i + 1
    return 0


#: A breadcrumb: sections from the home page down, "World » UKRAINE", "Home > News > Europe".
_BREADCRUMB = re.compile(r"[^\W\d][\w&'’ -]{0,30}(?:\s*[»›>]\s*[^\W\d][\w&'’ -]{0,30})+")
#: An HTML tag ("<div", "</b"), not a breadcrumb's "Home > World".
_MARKUP = re.compile(r"</?[a-zA-Z]")


def _is_label(line: str) -> bool:
    """A section label, breadcrumb or language menu ("REPORTS", "War", "English Section", "ua en ru");
    never a line of markup, which the article shows as the text it is."""
    if _MARKUP.search(line):
        return False
    # (A site's motto is a label too: "Discover, Engage & Empower".)
    return bool(_SECTION_LABEL.fullmatch(line)) or (len([w for w in line.split() if w != "&"]) <= 3 and not _SENTENCE_END.search(line))


def _repeated_headline(lines: list[str], header: list[int]) -> tuple[str, int] | None:
    """(headline, where the body starts) when a page prints its headline twice, as many do."""
    for n, i in enumerate(header):
        for j in header[n + 1 :]:
            # A dated line printed twice is a photo's caption, not the headline; so is one ending with its credit.
            caption = _date_in(lines[j]) or _WIRE_PHOTO_CREDIT.search(lines[j])
            # (The page's first line printed again right under it is the headline, full stop and all: "… was detained
            # while fleeing the country." twice.)
            twice = n == 0 and j == header[1] and lines[i] == lines[j] and _is_headline(lines[j].removesuffix("."))
            if len(lines[j].split()) >= 4 and (_is_headline(lines[j]) or twice) and not caption and _printed_again(lines[i], lines[j]):
                return lines[j], i
            # "Pashinyan Says …" over "NewsArmeniaPashinyan Says …": printed again under a breadcrumb glued to it.
            glued = lines[j].removesuffix(lines[i])
            if glued != lines[j] and 0 < len(glued) <= 30 and len(glued.split()) <= 2 and len(lines[i].split()) >= 4 and _is_headline(lines[i]):
                return lines[i], j
    return None


def _printed_again(first: str, headline: str) -> bool:
    """Whether ``first`` is ``headline`` as a page prints it the first time: the same, after a section label,
    with the site's name glued on ("… plan for Donbas-Xinhua", "… | Example News"), between a breadcrumb and a
    section's name, or cut short at the end of a breadcrumb ("Home Russia Ukraine slams Kremlin’s map: … rage...")."""
    if first == headline or first.endswith(" " + headline) or first.startswith(headline) and bool(_SITE_SUFFIX.fullmatch(first[len(headline) :])):
        return True
    # "Back to Home Rubio Urges … Meets Zelensky World": between a breadcrumb and a section's name, a few words each.
    around = re.fullmatch(r"(?P<before>.*?)\s" + re.escape(headline) + r"\s(?P<after>.*)", first)
    if around and len(around["before"].split()) <= 4 and len(around["after"].split()) <= 2:
        return True
    cut = first.removesuffix("...").removesuffix("…").rstrip()
    if cut == first:
        return False
    starts = [0] + [m.end() for m in re.finditer(r"\s+", cut)]
    return any(len(cut) - k >= 20 and headline.startswith(cut[k:]) for k in starts)


#: A site's name after a headline: "-Xinhua", " | Example News", " – The Times".
_SITE_SUFFIX = re.compile(r"\s*[-|–—]\s*[A-Z][\w.&' ]{1,30}")


def _read_header_line(line: str, rules: Rules, parsed: ParsedText, above_story: bool = True) -> str:
    """Read what metadata one header line holds; return what is left of it. A name below the
    story's first paragraph is a link or a source, not the masthead."""
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
        # "Posted by Jane Doe on November 21, 2025": the "on" went with the date.
        line = re.sub(r"\s+on$", "", _ARTICLE_NUMBER.sub("", f"{line[: found[1]]} {line[found[2] :]}").strip(" ,|–—-•·"))
        if _NAMELESS_BYLINE.fullmatch(line):
            return ""  # ("Written by on December 29, 2025": a theme's byline whose writer the page left out)
    # ("regular-article-logo Tuesday, 16 December 2025": a page's widget name, a slug, glued before its date line.)
    widget = _WIDGET_BEFORE.match(line)
    if widget and _is_date_line(_WEEKDAY.sub("", line[widget.end() :]).strip(" ,")):
        line = line[widget.end() :]
    marker = _LIST_MARKER.match(line)
    # ("07. November 2025": a day with its full stop opens a date, not a numbered list.)
    if marker and len(line.split()) <= 12 and not ((dated := _date_in(line)) and dated[1] == 0):
        line = line[marker.end() :]
    byline = _BYLINE.fullmatch(line.rstrip(" |"))  # ("By AFP and Kontur |": a bar with nothing after it ends the line)
    # "By Jane Doe, John Roe and Jim Poe" or "By Jane Doe, Staff Writer": no site after the comma, but a byline
    # all the same when a name and a title or more names stand there ("By contrast, the government said …" is no byline).
    if byline and byline.group("sep") == "," and not _is_masthead(byline.group("outlet"), rules):
        if re.fullmatch(_NAME, byline.group("author").strip()) and _TITLE_WORDS.fullmatch(byline.group("outlet").strip()):
            parsed.author = parsed.author or byline.group("author").strip()
            return ""
        byline = None
    # "Posted by Jane Doe on Example Daily": only a name after "on" is a site.
    if byline and byline.group("sep") and byline.group("sep").casefold() == "on" and not re.fullmatch(_NAME, byline.group("outlet")):
        byline = None
    if byline:
        _read_byline(byline, rules, parsed)
        return ""
    desk = _DESK_LINE.fullmatch(line) if above_story else None
    if desk and not _a_section(desk.group("outlet")):
        if not re.fullmatch(_DESK_KIND, desk.group("outlet"), re.I):  # ("Digital Desk": a desk's kind alone names no site)
            _credit(rules.label_of(desk.group("outlet")), rules, parsed)
        parsed.author = parsed.author or desk.group("author")
        return ""
    if writer := _WRITER_OF.fullmatch(line):
        parsed.publisher = parsed.publisher or rules.label_of(writer.group("outlet"))
        parsed.author = parsed.author or writer.group("author")
        return ""
    filed = _FILED_FROM.fullmatch(line) if above_story else None
    if filed and not _a_section(filed.group("place")) and not _a_section(filed.group("outlet")):
        _credit(rules.label_of(filed.group("outlet")), rules, parsed)
        return ""
    outlet = rules.outlet_signed(line) if above_story else None
    if outlet:
        parsed.outlet = parsed.outlet or outlet.label
        # A masthead line often carries the date: "American Military News 11/20/2025 5:24 AM".
        if found := _date_in(line):
            _set_date(parsed, found[0])
        return ""
    if above_story and _is_masthead(line, rules):
        parsed.outlet = parsed.outlet or rules.label_of(line)
        return ""
    if (kept := _read_dateline(line, rules, parsed)) is not None:
        return kept
    if _SLUG.fullmatch(line):
        return ""
    return _read_date_line(line, rules, parsed)


def _dateline_alone(dateline: re.Match[str] | None) -> bool:
    """Whether a match of :data:`_DATELINE` is a line of its own, the day after the agency: "Kyiv, Ukraine (AFP) Jan 20, 2026"."""
    return bool(dateline and dateline.group("outlet") and dateline.group("sep") == "" and _is_date_line(dateline.group("rest") or ""))


def _read_dateline(line: str, rules: Rules, parsed: ParsedText) -> str | None:
    """Record the agency a dateline names ("ERBIL (Kurdistan24) — ...") as the publisher. None if ``line`` holds no
    dateline; else what of it the text keeps: nothing of a dateline on a line of its own ("Kyiv, Ukraine (AFP) Jan 20,
    2026", "Baku, October 10, AZERTAC"), the line where the story goes on after it."""
    dateline = _DATELINE.fullmatch(line)
    kept = "" if _dateline_alone(dateline) else line
    glued = _GLUED_DATELINE.search(line)
    if glued and (iso := _date_in(glued.group("date"))):
        parsed.publisher = parsed.publisher or rules.label_of(glued.group("outlet"))
        _set_date(parsed, iso[0])
        return kept
    name = dateline and (dateline.group("outlet") or dateline.group("agency"))
    place = line[: dateline.start("outlet" if dateline.group("outlet") else "agency")] if dateline else ""
    # "Moscow, 3 December (H.S.): …": after a colon only a dateline with its day counts, not "Tony Blair (PM): …";
    # so without a dash ("Moscow, Dec 3 (NationPress) Kremlin ...", not "The Security Service (SBU) said").
    dated_after = bool(name) and not kept
    if name and dateline.group("sep") in (":", "") and not _DAY_AND_MONTH.search(place) and not dated_after:
        name = None
    # ("(dpa/MIA) –": an agency writing its name in lower case is one the rules know; "(primary) –" is no agency.)
    if name and name[0].islower() and not rules.outlet_named(name.split("/")[0]):
        name = None
    # "WASHINGTON (December 3) – …": a day in the brackets dates the story; it is no agency.
    if name and (_DAY_AND_MONTH.fullmatch(name.strip()) or _date_in(name)):
        _set_dateline_date(parsed, name)
        return kept
    # "Monetary Policy Committee (MPC) - ...": an acronym spelled out, not an agency after a place.
    if name and _place_and_date(place.rstrip(" (/")) and not _spells(name, place):
        parsed.publisher = parsed.publisher or rules.label_of(name)
        # A dateline that dates the story in full ("Nov. 19, 2025 (EIRNS)—"), or by its day ("Dec. 4 (UPI)").
        if len(place.split()) <= 8:
            _set_dateline_date(parsed, place)
        # "Moscow (The Palestine Telegraph Newspaper) - 29 January 2026 – Igor Kostyukov …": the date after the agency.
        found = _date_in(dateline.group("rest") or "")
        if found and found[1] == 0 and (dated_after or re.match(r"\s*[—–-]", dateline.group("rest")[found[2] :])):
            _set_date(parsed, found[0])
        return kept
    if signed := _SIGNED_DATELINE.fullmatch(line):
        parsed.publisher = parsed.publisher or rules.label_of(signed.group("agency"))
        _set_dateline_date(parsed, signed.group("date"))
        return ""
    if placed := _PLACE_DATELINE.match(line):
        _set_dateline_date(parsed, placed.group("date") or placed.group("full") or placed.group("day") or placed.group("figures"))
        return kept if parsed.date or parsed.day else None
    if brand := _BRAND_LEAD.fullmatch(line):
        parsed.outlet = parsed.outlet or rules.label_of(brand.group("outlet"))
        return kept
    if (lead := _DESK_LEAD.fullmatch(line)) and (desk := _DESK.fullmatch(lead.group("desk"))) and not _a_section(desk.group("outlet")):
        parsed.outlet = parsed.outlet or rules.label_of(desk.group("outlet"))
        return kept
    signed = _SITE_DATED_LEAD.fullmatch(line)
    if signed and (found := _date_in(signed.group("date"))) and found[1] == 0:
        parsed.outlet = parsed.outlet or rules.label_of(signed.group("outlet"))
        _set_date(parsed, found[0])
        return kept
    if signed := _SITE_PLACE_LEAD.fullmatch(line):
        parsed.outlet = parsed.outlet or rules.label_of(signed.group("outlet"))
        return kept
    credit = _BRACKET_CREDIT.fullmatch(line)
    if credit and rules.outlet_named(credit.group("outlet")):
        parsed.publisher = parsed.publisher or rules.label_of(credit.group("outlet"))
        return kept
    return None


#: Small words place names carry in lower case ("Rio de Janeiro", "Stratford-upon-Avon").
_PLACE_PARTICLES = frozenset("de da del della di do dos la le les al el of on upon am an der den von van y".split())


def _place_and_date(text: str) -> bool:
    """Whether ``text``, before a dateline's bracket, is a place and date ("KYIV, Ukraine", "Dec. 4",
    "MOSCOW, December 4."): not a quotation, and no lower-case word but a place's particles."""
    words = re.findall(r"[^\W\d_][\w.’'-]*", text)
    return text[:1] not in "\"“‘'" and not any(w[0].islower() and w.casefold() not in _PLACE_PARTICLES for w in words)


def _spells(acronym: str, text: str) -> bool:
    """Whether ``acronym`` is the initials of the words ``text`` ends with ("High-Speed Downlink Packet Access": HSDPA)."""
    letters = re.sub(r"\W", "", acronym)
    parts = re.findall(r"[^\W\d_]+", text)
    initials = "".join(w[0] for w in parts[-len(letters) :]) if letters and len(parts) >= len(letters) else ""
    return len(letters) > 1 and initials.casefold() == letters.casefold()


def _read_byline(byline: re.Match[str], rules: Rules, parsed: ParsedText) -> None:
    """ "By Jane Doe | Outlet", "By RFE/RL November 19, 2025": who wrote it, where, when."""
    author = byline.group("author").strip()
    if found := _date_in(author):
        _set_date(parsed, found[0])
        author = author[: found[1]].strip(" ,|–—-•·")
    # ("By Thomson Reuters Jan 23, 2026 | 8:34 AM": a time after the bar names no site.)
    if byline.group("outlet") and not _TIME.fullmatch(byline.group("outlet").strip()):
        if byline.group("sep").casefold() == "for":
            # ("By Jane Doe for Example Daily": written for that site, which may not be the one that carries the copy.)
            parsed.publisher = parsed.publisher or rules.label_of(byline.group("outlet"))
        else:
            parsed.outlet = parsed.outlet or rules.label_of(byline.group("outlet"))
    # ("By AFP and Kontur": a wire's copy and the site that ran it, a single name beside the wire; not "By AFP and Jane Doe".)
    pair = re.fullmatch(r"(?P<a>.+?)\s+(?:and|&)\s+(?P<b>.+)", author)
    for wire_name, site in (pair.group("a", "b"), pair.group("b", "a")) if pair else ():
        if (wire := rules.wire_named(wire_name)) and re.fullmatch(r"[A-Z][\w-]+", site):
            parsed.publisher = parsed.publisher or wire
            parsed.outlet = parsed.outlet or rules.label_of(site)
            return
    desk = _DESK.fullmatch(author)
    # ("Prepared by Messenger Staff": a site's staff; a desk may be a section's, "By National Security Desk".)
    if desk and (_is_masthead(desk.group("outlet"), rules) or _BRAND.fullmatch(desk.group("outlet")) or _STAFF.fullmatch(author)):
        parsed.outlet = parsed.outlet or rules.label_of(desk.group("outlet"))
    elif rules.outlet_named(author):
        parsed.publisher = parsed.publisher or rules.label_of(author)
    elif wire := rules.wire_named(author):
        parsed.publisher = parsed.publisher or wire  # "By AFP | Dec 02, 2025": the wire's copy
    elif author and not parsed.author:
        parsed.author = author


def _credit(name: str, rules: Rules, parsed: ParsedText) -> None:
    """A site credited in the header: a wire's credit names the publisher of the copy, any other the outlet."""
    if any(name == wire for _, wire in rules.wire_names):
        parsed.publisher = parsed.publisher or name
    else:
        parsed.outlet = parsed.outlet or name


#: Words of a story that a site files its news under: "… | Russia-Ukraine War News", "Israel-Palestine conflict News".
_STORY_WORDS = frozenset({"war", "conflict", "crisis"})


def _is_masthead(line: str, rules: Rules) -> bool:
    """A header line that is only a site's name: a known outlet, or a name like "CRBC News"."""
    if rules.outlet_named(line) or _NEWSPAPER_OF.fullmatch(line):
        return True
    return bool(_MASTHEAD_WORD.fullmatch(line)) and not _a_section(line)


def _a_section(name: str) -> bool:
    """ "World News", "The Latest News", "Home News", "NEWS", a country's news ("Russian News", "South African News"), a
    story's ("Russia-Ukraine War News"): a section's or a menu's name that reads like a site's ("The Greek Courier" is a
    site's; a paper named so, "Arab News", is a known outlet, read before this is asked)."""
    words = name.casefold().split()
    # (A newspaper's noun ends a paper's name, never a section's: "The English Chronicle", "The National Post".)
    return not _NEWSPAPER.fullmatch(name) and (
        (words[1] if words[0] == "the" and len(words) > 1 else words[0]) in _SECTION_WORDS
        or all(w in _SECTION_TOPICS for w in words)
        or bool(_NATIONS_NEWS.fullmatch(" ".join(words)))
        or (words[-1] == "news" and not _STORY_WORDS.isdisjoint(re.split(r"[\s-]+", name.casefold())))
    )


def _read_date_line(line: str, rules: Rules, parsed: ParsedText) -> str:
    """Read a header line that dates the article ("Published Date: 09:08 | 20 November 2025",
    "ReutersNov 28, 2025 6:00 PM", "... said on Friday. 21.11.2025, Sputnik International")."""
    if _read_update(line, parsed):
        return ""  # page furniture, and not when the article was published
    found = _date_in(line)
    if not found:
        if len(line.split()) <= 20:
            _, problem = parse_date(_DATE_LABEL.sub("", line, count=1))
            if problem:
                parsed.warnings.append(f"{problem}; date left unknown")
                return ""
        return line
    iso, start, end = found
    before, after = _around_date(line, start, end)
    # ("Feb 12, 2026 World News": a section beside the date, not the site; nor is a name set off by a bar, a section's or
    # a writer's: "23.10.2025 | Energetics", "February 18, 2026 | Sundance |".)
    barred = line[end:].lstrip().startswith("|")
    site = re.fullmatch(r"(?:[A-Z][\w-]*\s*){1,3}", after) if after and not barred and not _a_section(after) else None
    if not before and len(line.split()) <= 20:
        _set_date(parsed, iso)
        if site:
            parsed.outlet = parsed.outlet or rules.label_of(after)
        elif ". " in after:
            # Sentences of metadata after it, each read as a line: "Published: 12 December 2025. The English Chronicle Desk."
            for field in after.split(". "):
                _read_header_line(field.strip(" ."), rules, parsed)
        return ""
    if before and rules.outlet_named(before) and (not after or _DATE_LABEL.match(after)):
        # ("Reuters | Updated: 30-01-2026 16:18 IST | Created: …": the page's change comes first, its publication after.)
        published = _date_in(after) if after and _UPDATED.search(line[:start].rsplit("|", 1)[-1]) else None
        _set_date(parsed, published[0] if published else iso)
        _credit(rules.label_of(before), rules, parsed)
        return ""
    # ("TOI GLOBAL DESK | TOI GLOBAL | Feb 17, 2026, 22:46 IST": the site's desk, and its name again, before the date.)
    fields = [f.strip() for f in before.split("|") if f.strip()]
    desk = next((d for f in fields if (d := _DESK_LINE.fullmatch(f))), None)
    if (
        not after
        and desk
        and len(fields) > 1  # (not "FP News Desk November 16, 2025", a desk alone: a byline)
        and not _a_section(desk.group("outlet"))
        and all(_DESK_LINE.fullmatch(f) or f.casefold() == desk.group("outlet").casefold() for f in fields)
    ):
        _set_date(parsed, iso)
        _credit(rules.label_of(desk.group("outlet")), rules, parsed)
        return ""
    if not after and _DATE_LINE_LABEL.fullmatch(line[:start].strip()):
        # A label of its own words before the date: "Publication date: 02.12.2025 06:43".
        _set_date(parsed, iso)
        return ""
    if not after and _BREADCRUMB.fullmatch(before):
        # A section's path before the date: "World » UKRAINE | January 16, 2026, Friday // 11:35".
        _set_date(parsed, iso)
        return ""
    if not after and _NEWSPAPER.fullmatch(before):
        # ("- The Washington Times - Friday, November 28, 2025": a newspaper's name beside the date is the site's.)
        _set_date(parsed, iso)
        parsed.outlet = parsed.outlet or rules.label_of(before)
        return ""
    if not after and len(before.split()) <= 8 and all(re.fullmatch(_NAME, name) for name in re.split(r"\s*(?:,|\band\b|&)\s*", before)):
        # A byline or a place beside the date and time: "Jane Doe, 25 Nov 2025 10:15 AM IST".
        _set_date(parsed, iso)
        return ""
    if site and _FULL_STOP.search(line[:start].strip()):
        # A lead paragraph signed with the date and the site: keep the paragraph.
        _set_date(parsed, iso)
        parsed.outlet = parsed.outlet or rules.label_of(after)
        return line[:start].strip()
    return line


#: Words a newspaper's name ends in, which it goes by once named in full: "the Journal" of "The Wall Street Journal";
#: "the Financial Times reported … the newspaper said".
MASTHEAD_WORDS = frozenset("times post journal herald tribune gazette telegraph guardian independent observer chronicle".split())
#: A newspaper's name: "The" and a word or three before a masthead's noun ("The Washington Times"), never a person's.
_MASTHEAD_NOUN = "(?:" + "|".join(w.capitalize() for w in sorted(MASTHEAD_WORDS)) + ")"
_NEWSPAPER = re.compile(r"The(?: [A-Z][\w.'’-]*){1,3} " + _MASTHEAD_NOUN)
#: A newspaper named for its place after its noun: "Times of Georgia", "The Times of India".
_NEWSPAPER_OF = re.compile(r"(?:The )?" + _MASTHEAD_NOUN + r" of(?: the)? [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?")

#: The word "year" after a date, as pages translated from Russian or Ukrainian print it ("2025 года").
_TRANSLATED_YEAR = re.compile(r"^year(?![\w-])", re.I)


def _around_date(line: str, start: int, end: int) -> tuple[str, str]:
    """What a line holds before and after its date, labels, weekdays and times aside."""
    # ("[December 22, 2025]": a date in square brackets is a date line too.)
    before, after = line[:start].strip(" ,;|–—-•·["), line[end:].strip(" ,;|–—-•·]")
    # "November 24, 2025, Monday": a weekday after the date names no site, nor does "27 November 2025 year".
    after = _TRANSLATED_YEAR.sub("", _WEEKDAY.sub("", _TIME.sub("", _READING_TIME.sub("", after)))).strip(" ,|–—-•·()/")
    before = _TIME.sub("", _DATE_LABEL.sub("", _WEEKDAY.sub("", before))).strip(" ,;|–—-•·:")
    return before, after


def _read_lead_date(lines: list[str], parsed: ParsedText) -> None:
    """A line that is only a date near the top, past the header ("Published: 20 November 2025").
    An update's time is not the publication's."""
    for line in [line for line in lines if line][:LEAD_LINES]:
        # "Source: Xinhua| 2025-12-12 18:49:00|Editor: huaxia": a date among labelled fields is the page's too.
        fields = [field.strip() for field in line.split("|")]
        dated = [f for f in fields if not _LABELLED_FIELD.fullmatch(f)] if len(fields) > 1 else [line]
        if len(dated) != 1 or len(dated[0].split()) > 12 or _read_update(dated[0], parsed):
            continue
        found = _date_in(dated[0])
        if found and _around_date(dated[0], found[1], found[2]) == ("", ""):
            _set_date(parsed, found[0])
            return
        # "- 28 November, 10:49": a line that is only a day and month, with no year.
        alone = _LIST_MARKER.sub("", dated[0], count=1)
        if parsed.day is None and (day := _DAY_AND_MONTH.search(alone)) and _around_date(alone, *day.span()) == ("", ""):
            parsed.day = _day_and_month(alone)


def _read_update(line: str, parsed: ParsedText) -> bool:
    """Whether ``line`` is an update's timestamp ("Updated: 08:31 GMT 19.12.2025"); the first one's date is kept."""
    if not (_UPDATED.match(line) and len(line.split()) <= 12):
        return False
    if parsed.updated is None and (found := _date_in(line)) and not _around_date(line, found[1], found[2])[1]:
        parsed.updated = found[0]
    return True


#: A field of a page's metadata line: "Source: Xinhua", "Editor: huaxia".
_LABELLED_FIELD = re.compile(r"[A-Z][A-Za-z ]{1,15}:\s*\S[^:]{0,40}")


def _date_in(text: str) -> tuple[str, int, int] | None:
    """The first date printed in ``text``: (ISO date, where it starts, where it ends)."""
    # A month may be glued to the name before it ("ReutersNov 28, 2025"), with its capital.
    for m in _DATE_START.finditer(text):
        found, _ = parse_date(text[m.start() :])
        if found:
            form = next(f.match(text[m.start() :]) for f in _DATE_FORMS if f.match(text[m.start() :]))
            return found, m.start(), m.start() + form.end()
    return None


def _ends_with_a_date(text: str) -> bool:
    """Whether the first date ``text`` prints ends it ("Posted originally on CTH on December 14, 2025")."""
    found = _date_in(text)
    return found is not None and found[2] == len(text)


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


def _set_dateline_date(parsed: ParsedText, text: str) -> None:
    """The date a dateline prints: in full, else its day and month alone (the year comes from the other articles)."""
    if found := _date_in(text):
        _set_date(parsed, found[0])
    elif parsed.day is None:
        parsed.day = _day_and_month(text)


def _day_and_month(text: str) -> str | None:
    """The first day and month ``text`` prints with no year ("Dec 11", "3 December") as ``MM-DD``."""
    if not (m := _DAY_AND_MONTH.search(text)):
        return None
    month, day = _MONTHS[(m.group("month") or m.group("month2")).lower()], int(m.group("day") or m.group("day2"))
    try:
        date(2000, month, day)  # (a leap year: "Feb 29" is a day)
    except ValueError:
        return None
    return f"{month:02d}-{day:02d}"


def _wrapped(run: list[str]) -> bool:
    """Whether lines with no blank line between them are one paragraph wrapped over several: a line
    goes on in lower case. A saved page mostly puts each paragraph, heading and list item on a line
    of its own, with no blank line between; joined, its headings ran into the next sentence and a
    pronoun reached back across the whole page."""
    return any(line[:1].islower() for line in run[1:])


def _headline_at(lines: list[str], at: int) -> bool:
    """Whether the line ``at`` reads as a headline (:func:`_is_headline`) and is not the first of a paragraph wrapped over
    lines: the line under it goes on in lower case or after a comma, or is a word or two before a line that does ("A
    Russian liquefied natural gas vessel, the Arctic" / "Metagaz" / ", sank about 130 nautical miles north"); a sentence's
    words, not a button's ("podeli vest")."""
    if not _is_headline(lines[at]):
        return False
    below = lines[at + 1 : at + 3]
    going_on = [(line[:1].islower() or line[:1] in ",;") and len(line.split()) >= 3 for line in below]
    return not (below and (going_on[0] or len(below) == 2 and 0 < len(below[0].split()) <= 2 and going_on[1]))


def _lines_rejoined(run: list[str]) -> list[str]:
    """The lines of a run, each joined to the next where it ends in a word no phrase ends with: a sentence the
    saved copy broke there ("… convention establishing an" / "International Claims Commission …")."""
    joined: list[str] = []
    for line in run:
        if joined and _BROKEN_OFF.search(joined[-1]):
            joined[-1] += " " + line
        else:
            joined.append(line)
    return joined


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
            for text in [" ".join(current)] if _wrapped(current) else _lines_rejoined(current):
                blocks.extend(_split_long(text, warnings))
            current = []
    paragraphs: list[Paragraph] = []
    in_faq = False
    for block in blocks:
        m = _FRAGMENT.fullmatch(block)
        if m:
            warnings.append(f"dropped a cut-off fragment: {block[:40]}…")
            block = m.group("rest")
        if _is_date_line(block) or block == title or _DATELINE_ALONE.fullmatch(block):
            continue  # a timestamp or dateline between paragraphs, or the headline printed again, is no statement
        if _is_faq_question(block):
            in_faq = True  # the question itself is page furniture; its answer may repeat the body
            continue
        if _is_heading(block):
            in_faq = False
            paragraphs.append(Paragraph(block, "heading"))
            continue
        paragraphs.append(Paragraph(block, "faq" if in_faq else "body"))
    return paragraphs
