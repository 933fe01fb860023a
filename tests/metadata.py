"""Score what ingest reads off the bare text of the development corpus: `python -m tests.metadata`.

For each article of `data/coverage/articles.yml` the file is read as a build reads it, without
its front matter, and its outlet, date and headline are compared with what a person read off
the page. A field is *read* when the text shows it and ingest finds it; *guessed* when ingest
gives a value that is wrong (whether or not the text shows it). An outlet counts as right when
it names the outlet or the original publisher (a wire copy that credits Reuters is Reuters'
text). Prints the table of docs/ingest.md: the fresh development sets (data/metadata-dev*/),
the test and train splits and all articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from briefing.config import load_config
from briefing.content import Article
from briefing.ingest import dated_by_the_others, decode, read_article, split_front_matter
from briefing.ingest.rules import load_rules

REPO = Path(__file__).resolve().parent.parent
COVERAGE = REPO / "tests" / "data" / "coverage"
#: The fresh development sets, in the order they were built: pages from sites outside the corpus, each
#: labelled before any reader was scored on it (its README.md, in data/metadata-dev*/, says what it holds).
FRESH_SETS = tuple(
    (f"{nth} dev set", REPO / "tests" / "data" / f"metadata-dev{k if k > 1 else ''}")
    for k, nth in enumerate(("fresh", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first", "thirty-second", "thirty-third", "thirty-fourth", "thirty-fifth", "thirty-sixth", "thirty-seventh", "thirty-eighth", "thirty-ninth", "fortieth", "forty-first", "forty-second", "forty-third", "forty-fourth", "forty-fifth", "forty-sixth", "forty-seventh", "forty-eighth", "forty-ninth", "fiftieth", "fifty-first", "fifty-second", "fifty-third", "fifty-fourth", "fifty-fifth", "fifty-sixth", "fifty-seventh", "fifty-eighth", "fifty-ninth", "sixtieth", "sixty-first", "sixty-second", "sixty-third", "sixty-fourth", "sixty-fifth", "sixty-sixth", "sixty-seventh", "sixty-eighth", "sixty-ninth", "seventieth", "seventy-first", "seventy-second", "seventy-third", "seventy-fourth", "seventy-fifth", "seventy-sixth", "seventy-seventh", "seventy-eighth", "seventy-ninth", "eightieth", "eighty-first", "eighty-second", "eighty-third", "eighty-fourth", "eighty-fifth", "eighty-sixth", "eighty-seventh", "eighty-eighth", "eighty-ninth", "ninetieth", "ninety-first", "ninety-second", "ninety-third", "ninety-fourth", "ninety-fifth", "ninety-sixth", "ninety-seventh", "ninety-eighth", "ninety-ninth", "hundredth", "hundred-first", "hundred-second", "hundred-third", "hundred-fourth", "hundred-fifth", "hundred-sixth", "hundred-seventh", "hundred-eighth", "hundred-ninth", "hundred-tenth", "hundred-eleventh", "hundred-twelfth", "hundred-thirteenth", "hundred-fourteenth", "hundred-fifteenth", "hundred-sixteenth", "hundred-seventeenth", "hundred-eighteenth", "hundred-nineteenth", "hundred-twentieth", "hundred-twenty-first", "hundred-twenty-second", "hundred-twenty-third", "hundred-twenty-fourth", "hundred-twenty-fifth", "hundred-twenty-sixth", "hundred-twenty-seventh", "hundred-twenty-eighth", "hundred-twenty-ninth", "hundred-thirtieth", "hundred-thirty-first", "hundred-thirty-second", "hundred-thirty-third", "hundred-thirty-fourth", "hundred-thirty-fifth", "hundred-thirty-sixth", "hundred-thirty-seventh", "hundred-thirty-eighth", "hundred-thirty-ninth", "hundred-fortieth", "hundred-forty-first", "hundred-forty-second", "hundred-forty-third", "hundred-forty-fourth", "hundred-forty-fifth", "hundred-forty-sixth", "hundred-forty-seventh", "hundred-forty-eighth", "hundred-forty-ninth", "hundred-fiftieth", "hundred-fifty-first", "hundred-fifty-second", "hundred-fifty-third", "hundred-fifty-fourth", "hundred-fifty-fifth", "hundred-fifty-sixth", "hundred-fifty-seventh", "hundred-fifty-eighth", "hundred-fifty-ninth", "hundred-sixtieth", "hundred-sixty-first"), 1)
)
DEV, DEV2, DEV3 = (folder for _, folder in FRESH_SETS[:3])
FIELDS = ("outlet", "date", "title")


@dataclass(frozen=True)
class Tally:
    shown: int = 0
    read: int = 0
    guessed: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.shown + other.shown, self.read + other.read, self.guessed + other.guessed)


def key(text: str) -> str:
    """Compare names and headlines without case, accents, quote styles or a leading "The"."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"\W+", "", text.casefold().removeprefix("the "))


def _same_name(found: str, wanted: str) -> bool:
    # "Sputnik International" is Sputnik; "MNA" is the Mehr News Agency.
    f, w = key(found), key(wanted)
    initials = "".join(word[0] for word in re.findall(r"\w+", wanted.casefold()) if word != "the")
    return bool(f) and (f == w or f.startswith(w) or w.startswith(f) or f == initials)


def right(field: str, found: str, entry: dict) -> bool:
    if field == "outlet":
        return any(_same_name(found, entry[k]) for k in ("outlet", "publisher"))
    if field == "date":
        return found == str(entry["date"])
    return entry["title"] is not None and key(found) == key(entry["title"])


def bare_article(entry: dict, folder: Path = COVERAGE) -> Article:
    """The article as ingest reads it from its text alone (front matter removed)."""
    text, _ = decode((folder / entry["file"]).read_bytes())
    _, body = split_front_matter(text.replace("\r\n", "\n"))
    return read_article(body.encode(), entry["file"], _rules())


@cache
def _rules():
    return load_rules(load_config(REPO))


def found_value(article: Article, field: str) -> str | None:
    if field == "outlet":
        return article.outlet or article.publisher
    return getattr(article, field)


def _judged(folder: Path, files: set[str] | None) -> Iterator[tuple[dict, str, str | None, bool]]:
    """(truth entry, field, the value ingest reads, whether it is right) for every field of every article of ``folder``."""
    entries = yaml.safe_load((folder / "articles.yml").read_text("utf-8"))
    # Read together, as a build of the folder reads them: a dateline's day takes its year from the others.
    articles = dated_by_the_others([bare_article(entry, folder) for entry in entries])
    for entry, article in zip(entries, articles):
        if files is not None and entry["file"] not in files:
            continue
        for field in FIELDS:
            found = found_value(article, field)
            yield entry, field, found, found is not None and right(field, found, entry)


def score(files: set[str] | None = None, folder: Path = COVERAGE) -> dict[str, Tally]:
    """Per field: how many values the text shows, how many of those are read, how many are guessed."""
    tallies = dict.fromkeys(FIELDS, Tally())
    for entry, field, found, ok in _judged(folder, files):
        shown = entry["shown"][field]
        tallies[field] += Tally(int(shown), int(shown and ok), int(found is not None and not ok))
    return tallies


def split(name: str) -> set[str]:
    return set(yaml.safe_load((COVERAGE / "labels" / "split.yml").read_text("utf-8"))[name])


def table() -> str:
    rows = ["| articles | field | shown in the text | read | guessed |", "| --- | --- | --- | --- | --- |"]
    sets = (
        *((name, None, folder) for name, folder in FRESH_SETS),
        ("test split", split("test"), COVERAGE),
        ("train split", split("train"), COVERAGE),
        ("all 48", None, COVERAGE),
    )
    for name, files, folder in sets:
        for field, t in score(files, folder).items():
            share = f" ({t.read / t.shown:.0%})" if t.shown else ""  # a set whose text shows none of a field
            rows.append(f"| {name} | {field} | {t.shown} | {t.read}{share} | {t.guessed} |")
    return "\n".join(rows)


def misses(folder: Path = DEV, files: set[str] | None = None) -> list[str]:
    """What ingest reads against the truth, per field it misses or gets wrong (development data only)."""
    rows = []
    for entry, field, found, ok in _judged(folder, files):
        if (entry["shown"][field] and not ok) or (found is not None and not ok):
            want = entry["date"] if field == "date" else entry[field]
            rows.append(f"{entry['file']} {field}: read {found!r}, shown {want!r}")
    return rows


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--dev-misses"]:
        print("\n".join([row for _, folder in FRESH_SETS for row in misses(folder)] + misses(COVERAGE, split("train"))))
    elif sys.argv[1:] == ["--dev"]:
        # Development figures only: the fresh sets and the train split, never the test split.
        for name, files, folder in (*((name, None, folder) for name, folder in FRESH_SETS), ("train split", split("train"), COVERAGE)):
            for field, t in score(files, folder).items():
                print(f"{name} {field}: shown {t.shown} read {t.read} guessed {t.guessed}")
    else:
        print(table())
