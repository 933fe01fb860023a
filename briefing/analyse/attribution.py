"""Who said what: attributed statements in a sentence, found with rules on spaCy's parse.

A statement is attributed by a cue (a speech verb such as "said", "told",
"denied", or "according to") whose subject is the speaker. Its content is the
cue's clause ("said that ...", "denied the claims") and any quotation next to
the cue ("“...,” Kallas said", "Kallas said:“...”"). Content inside quotation
marks is direct, reported speech is indirect, reported speech with quoted
fragments is mixed. Speech verbs inside a quotation are the quoted person's
words, not attributions. "He" and "she" stand for the last person who spoke in
the paragraph or the one before, else the last person named in the paragraph;
"they" for the last speaker. A definite description ("the official said", "the
President also confirmed", "according to the statement", "the top U.S.
diplomat") is the source just described, else the last named speaker it fits,
else a person named lately whose office (gazetteer roles and description) it
is. A speaker is a name or a description, never a clause: "an Axios
report Tuesday, which says ..." is Axios.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from functools import partial
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from briefing.analyse.entities import COMPANY_WORDS, COUNTRY_WORDS, INSTITUTIONS, PERSONAL_TITLES, TITLES, name_key, role_key
from briefing.content import Attribution, Sentence
from briefing.ingest.text import MASTHEAD_WORDS, normalise_space

#: Lemmas of the verbs that attribute a statement to their subject.
CUE_LEMMAS = frozenset(
    "say tell write add announce deny confirm state claim insist describe note report ask acknowledge "
    "suggest warn emphasize emphasise affirm assess explain stress reiterate urge argue comment "
    "question reject dismiss agree maintain predict admit reveal indicate vow pledge promise "
    "concede respond reply declare allege assert thank praise accuse chide highlight caution signal hail "
    "characterize characterise remind text repeat reaffirm criticize criticise decry condemn voice express mention assure complain "
    "clarify remark refute dispute label term elaborate blame liken compare denounce frame propose outline cast portray identify".split()
)
#: Verbs that say something through a noun for what was said and its that-clause: "made a statement that …", "gave
#: explicit assurances that …", "issued a warning that …" (not "made a statement", "made a promise to come").
STATING = frozenset({"make", "give", "issue", "deliver", "offer"})
STATEMENTS = frozenset("statement assurance warning promise pledge claim comment remark announcement declaration prediction accusation allegation".split())
#: Cues that say what a thing is only with the thing and an "as": "framed the pardons as a unilateral act", "cast the
#: disruptions as part of …", "identified the ship as the Grinch" (not "framed a law", "cast a vote", "identified
#: the body").
FRAMING = frozenset({"frame", "cast", "portray", "identify"})
#: Cues that say what a thing is like: "likening European leaders to “thieves”".
LIKENING = frozenset({"liken", "compare"})
#: Words that make an office a region's or a city's: "the regional head", "the local governor".
LOCAL_OFFICE_WORDS = frozenset({"regional", "local", "provincial", "municipal", "district", "city", "oblast"})
#: Words that make an office another's second: "the vice president" is not the president.
DEPUTY_WORDS = frozenset({"vice", "deputy"})
#: Marks before another speaker's clause that make it a statement apart: after a comma ("…, Zelensky said, while the regional
#: head confirmed …") or anywhere ("said he will order the closure … after authorities said …").
APART_AFTER_COMMA = frozenset({"while", "whereas"})
APART_ANYWHERE = frozenset({"after", "although", "though"})
#: Verbs whose object is the one accused, never a speaker after its cue: "accusing Zuma-Sambudla of …".
ACCUSING = frozenset({"accuse", "blame", "charge"})
#: Cues that voice a feeling: "voiced concerns that X", "expressed optimism about the process".
FEELING = frozenset({"voice", "express"})
#: Blame that says something only with what it is for: "criticized Ukraine for displaying ...", "blaming NATO members for
#: slowing the peace process", not "criticized Russia".
BLAMING = frozenset({"criticize", "criticise", "blame"})
#: Of those, the ones that say something of a thing criticised too: "criticised attacks on oil tankers" (not "blamed the
#: weather").
CRITICISING = frozenset({"criticize", "criticise"})
#: Verbs that say something only with a that-clause: "recalled that Moscow had urged ...", "underlined that ...",
#: "informed reporters that ...", "disclosed that ...", "conveyed that ...", "specified that ...", "lamented that ...",
#: "speculated that ...", "corroborated that ...", "flagged that ...", or after the clause ("…, he recalled") (not
#: "recalled its ambassador", "the move underlines the risk", "informed the decision", "disclosed a loss", "conveyed
#: condolences", "lamented the loss").
SAYING_THAT = frozenset(
    {"recall", "underline", "underscore", "inform", "conclude", "disclose", "convey", "request", "specify", "lament", "speculate", "corroborate", "flag"}
    | {"find", "estimate"}
)
#: Of those, verbs that say only when what speaks is no person: "the court found that …", "a survey found that …" (not
#: "her birth mother found a reference …", "Many found the site can still be viewed", where someone came upon a thing).
FINDING = frozenset({"find"})
#: Of those, verbs that say a thing too when a person is their subject: "Meloni underlined the importance of …".
STRESSING = frozenset({"underline", "underscore"})
#: Of those, verbs that say with a quotation only: "concluded, “...”" (not "the CIA has concluded that ...", a finding).
SAYING_IN_QUOTES = frozenset({"conclude"})
#: Verbs that say something only with a clause, "that" or not, and a subject that can speak: "demanded (that) Ukrainian
#: forces leave", "scholars contend the clause was never …" (not "demanded a meeting": an act, "the plan demands": a
#: thing, "contend with injuries").
SAYING_A_CLAUSE = frozenset({"demand", "contend"})
#: Cues that say a thing through a preposition: "insisted on full legal guarantees", "warned of a ballistic missile
#: threat", "hinted at progress" (not a deed, "insisted on finishing the race", nor "warned Kyiv of …", whose object is the one warned).
SAYING_OF = {"insist": "on", "warn": "of", "hint": "at"}
#: Of those, verbs that say only when someone who can speak is their subject: "Dmitriev hinted the next round …".
HINTING = frozenset({"hint"})
#: Prepositions before a participle that says what the clause's subject said as it did: "stunned observers by announcing
#: his intent …".
DOING_SO = frozenset({"by"})
#: Prepositions before a participle that says what the clause's subject said only with a clause said or an accusation:
#: "ordered extra security after claiming Ukraine was attempting …" (not "is to merge its boards after reporting
#: earnings", "after claiming away draws": what was done before).
SAYING_BEFORE = frozenset({"after", "before", "upon"})
#: Verbs that say something only with a clause, a quotation or a position held: "maintained that he had been shown no
#: proof", "maintains its positions remain intact", "has maintained Ukraine’s firm stance against …" (not "maintains the
#: closest relationship with the Kremlin", "maintain a firm presence").
HOLDING = frozenset({"maintain"})
#: What one holds by saying it: "maintained his position that …", "maintained his innocence".
POSITIONS = frozenset({"stance", "position", "view", "claim", "innocence", "insistence"})
#: "called on Kyiv to ...", "called for a ceasefire": an appeal, said by someone who can speak (not "the plan calls for").
APPEALING = frozenset({"on", "for"})
#: Participles by which a writer comments on a statement: ", meaning he was not a suspect", ", raising questions".
GLOSSING = frozenset("mean raise allude prompt spark fuel underscore underline highlight signal reflect echo".split())
#: Prepositions by which a writer sets a statement in its time, after a comma at its end: "..., following talks in
#: Geneva", "..., amid reports that ...", "..., despite Moscow's control of ...".
SETTING = frozenset({"following", "amid", "despite"})
#: Posting says something only with what was posted: "posted on X that ...", "posted: “...”" (not "posted a video", "will
#: text them a joke a day").
POSTING = frozenset({"post", "tweet", "text"})
#: Cues that things do as well as people ("his tone suggested", "the move signals", "the draft proposes", "the new designs
#: make clear that …"): a speaker only if it can speak.
WEAK_CUES = frozenset({"suggest", "indicate", "signal", "highlight", "propose", "cast", "portray", "identify", "make"})
#: Verbs that commit to an act when an infinitive follows ("agreed to freeze", "promised to come", "vow not to join"; a pledge is annotated as said).
COMMITTING = frozenset({"agree", "promise", "vow"})
#: Participles by which a writer reads a fact after a comma (", signaling that ...", ", indicating ..."): not a statement.
INFERRING = frozenset({"signal", "indicate"})
#: Verbs that say a speaker went on only when set off by commas (", he continued,").
GOING_ON = frozenset({"continue"})
#: What "deny" keeps from someone rather than calls untrue: "denying access to supply routes", "was denied bail".
WITHHELD = frozenset("access entry bail opportunity chance permission visa".split())
#: Cues that contradict the content rather than assert it.
DENIAL_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute", "dispute"})
#: Words for something said, which a denial may name alone: "rejected the claims" (not "rejected the bill").
CLAIMS = frozenset("allegation accusation claim charge assertion report rumour rumor suggestion statement quote".split())
PRONOUNS = frozenset({"he", "she", "they", "it"})
#: The same pronouns as objects and possessives: "according to him", "in his view".
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "his": "he", "their": "they", "its": "it"}
#: Words before a name that say whether "he" or "she" can be that person: "Foreign Ministry spokeswoman Maria Zakharova",
#: "Mr Blair" (not "chairman": "Police Federation chairman Jan Berry …, she said").
GENDERED = {
    **dict.fromkeys("mrs ms miss lady dame queen princess duchess baroness madam spokeswoman chairwoman congresswoman businesswoman".split(), "she"),
    **dict.fromkeys("mr sir lord king prince duke baron spokesman congressman businessman".split(), "he"),
}
#: Nouns of a view that a possessive says whose: "In Fico's view, …", "in her opinion": a source like "according to".
VIEWS = frozenset({"view", "opinion"})
RELATIVE = frozenset({"who", "which", "that"})
#: Words that open an indirect question: what a speaker "did not say" ("which", "whether", "how many").
QUESTION_WORDS = frozenset("which whether when how why what who where if".split())
#: Dependents of a speaker's noun that describe rather than name it (left out of the speaker).
DESCRIBING_DEPS = frozenset({"appos", "punct", "advmod", "npadvmod"})
#: Nouns that, after "the", name someone already speaking ("the official", "the President"): a person's office.
PERSON_ROLES = frozenset(
    "official president aide adviser advisor minister spokesman spokeswoman spokesperson leader chief envoy secretary "
    "diplomat chancellor negotiator premier head source person representative mayor governor ambassador chairman chairwoman chairperson "
    "pope pontiff ombudsman commissioner commander prosecutor pm politician ruler strongman interlocutor expert analyst economist".split()
)
#: The most sentences of a paragraph before that a paragraph opening "This was reported by …" gives to that speaker.
TOLD_BEFORE = 3
#: Verbs that say who made the statement before ("This was stated by …"); not "That was rejected by …", which says what
#: someone did with it.
SAID_BY = frozenset("say state report announce declare note write post emphasize emphasise stress confirm".split())
#: Words that say a description is of an office holder without saying which office: "the official", "a senior official".
GENERIC_OFFICE = frozenset({"official", "senior", "politician"})
#: Roles of people a page often leaves unnamed: "the source", "the official" need not be anyone it named before.
UNNAMED_ROLES = GENERIC_OFFICE | {"source", "person", "representative"}
#: Offices whose holder a page may describe first and name in the next statement ("A White House envoy said …
#: Steve Witkoff said …", "…, a senior commander said. ¶ Oleksandr Pivnenko, head of …, said …"); an aide, a
#: spokesperson or a diplomat is as often left unnamed, or speaks for another (unless the sentence that names someone
#: gives the office again: see NAMED_NEXT_REACH).
NAMED_NEXT_ROLES = frozenset("envoy president minister leader secretary chancellor premier mayor governor ambassador negotiator commander".split())
#: Words for one office, any of which the sentence that names someone may give again.
ADVISERS = frozenset({"adviser", "advisor", "aide"})
#: What ends the noun of an office in a description: "adviser to the president", "head of the office".
OF_THE_OFFICE = re.compile(r"\s(?:to|of|for|at|in|with|on)\s")
#: How many paragraphs on a person described first may be named, when the office is given again with the name.
NAMED_NEXT_REACH = 3
#: Offices that lead a government, a parliament or a body: their holder is "the leader" of it.
LEADING_OFFICES = frozenset({"prime", "premier", "chancellor", "chairman", "chairwoman", "chairperson", "speaker"})
#: Offices named in other words: "the head of state" is the president.
SAME_DESCRIPTION = {"head of state": "president", "head of government": "prime minister", "premier": "prime minister", "pm": "prime minister"}
#: What "the company" is called, when the text calls the company that just spoke by what it is.
BUSINESSES = frozenset("company firm corporation consortium".split())
#: What pages call an organisation named before by its kind, with words that say which ("The UN’s nuclear watchdog",
#: "The global development institution", "the Washington-based think tank"): the organisation that spoke last.
KINDS_OF_ORGANISATION = frozenset("institution watchdog tank lender".split())
#: A trade that ends a company's name, never a person's: "Cenk Shipping", "Turkish Airlines", "Ukrainian Energy".
TRADES = frozenset("shipping airlines airways logistics petroleum energy oil gas bank motors".split())
#: How many paragraphs on "the statement" can still mean the last named speaker's.
DOCUMENT_REACH = 3
#: How many paragraphs on "the spokesperson" can still mean "a Euroclear spokesman" described before.
SOURCE_REACH = 2
#: How many people named lately a definite description may stand for.
RECENT_PEOPLE = 8
#: What an organisation or a person issues, in their stead: "according to the statement", "an Axios report".
DOCUMENTS = frozenset("statement report readout communique message post release letter response".split())
#: What an organisation publishes that speaks for it when the text names the organisation ("Kpler shipping data",
#: "data from the Centre for Research on Energy and Clean Air"); unlike a document, never whoever spoke last.
FINDINGS_PUBLISHED = frozenset("data datum figure estimate survey poll study analysis calculation".split())
#: Nouns for a place: "the capital, Kyiv," names a place, not someone who speaks ("the railway operator, Ukrzaliznytsia,").
PLACES = frozenset("city capital town village region country province oblast district state port area".split())
#: Plural nouns of people who can be "they" ("European leaders met ... they said"), besides PERSON_ROLES.
PEOPLE = frozenset(
    "ally analyst authority critic delegate delegation deputy diplomat expert government investigator lawmaker legislator "
    "member negotiator observer partner politician prosecutor representative senator source counterpart scholar economist".split()
)
#: What a text calls the unnamed people it just described ("Sources familiar with the plan add … the interlocutors note").
SOURCES = frozenset({"source", "interlocutor"})
#: Nouns of people that are not offices ("a man who claims ..."): they may say "who said".
HUMANS = frozenset("people man woman resident citizen soldier veteran voter".split())
#: Verbs that report someone "as saying": the one quoted speaks, not the outlet ("media quoted Peskov as saying").
QUOTING = frozenset({"quote", "cite"})
#: Participles of a speaker's act after what was said: saying more, giving grounds, threatening (not the writer's
#: reading of it: "..., indicating readiness to ...", "..., framing it as ...").
SPEAKING_ON = (CUE_LEMMAS - WEAK_CUES - FRAMING) | QUOTING | {"point", "threaten"}
#: Outlets, named by what they are: "the Guardian newspaper" is the Guardian.
MEDIA = frozenset("newspaper paper daily weekly tabloid magazine agency outlet broadcaster channel network website".split())
#: Heads of descriptions that cannot be "he" or "she".
#: ("Ukraine's border authority said … Crossings were also affected, it said": an institution, as a ministry is; not
#: "staff", which are people: "hospital staff said".)
GROUPS = (
    DOCUMENTS
    | MEDIA
    | BUSINESSES
    | (INSTITUTIONS - {"staff"})
    | frozenset(
        "government agencies media reports administration military army authority bank operator regulator union bloc alliance "
        "organisation organization party club federation association institute board group".split()
    )
)
#: Quotation marks: curly, straight, and the guillemets of pages written in a French or Russian house style
#: ("« We need a date, » he said").
OPENING, CLOSING, STRAIGHT = frozenset("“«"), frozenset("”»"), '"'
OPENS, CLOSES = OPENING | {STRAIGHT}, CLOSING | {STRAIGHT}
#: A quotation set off by a label, as Ukrainska Pravda prints them: "Quote: “…”", "Quote from Peskov: “…”".
QUOTE_LABEL = re.compile(r"(?P<cue>Quote)(?: from (?P<name>[^:“”\"«]{2,60}))?:\s*(?=[“\"«])")
#: Words with which a noun points back to what was said before: "those concerns", "the visit", "such a possibility".
POINTING_BACK = frozenset({"the", "this", "that", "these", "those", "such"})
#: Nouns for someone's words printed after the line that names them: "The key quotes from his address follow:".
QUOTING_NOUNS = frozenset("quote quotation remark excerpt extract highlight".split())
QUOTE_MARKS = OPENS | CLOSING  # (a set: quoted_passages looks up every character of a paragraph)
#: A token that closes a quotation: a mark, or the "''" spaCy makes of two straight apostrophes.
CLOSING_TOKENS = CLOSES | {"''"}
#: Trimmed from the edges of a content span: separators, not words.
EDGE = " ,;:—–-"
#: Dashes, as pages print them between words.
DASHES = ("-", "–", "—")
#: A spaced dash, then the speaker and cue that end a sentence: "… tragic cases - Hryhorov reported.", "- noted Ukrenergo.".
DASH_CLOSE = re.compile(r"(?:^|\s)([–—-])\s+(?=\w)[^–—\"“”«»-]{2,60}$")
#: A dateline opening an article's first sentence: "TEHRAN, Nov. 19 (MNA) – ", "BRUSSELS -- ", "KYIV, Ukraine (AP) — ",
#: "VALLETTA (MALTA) (ITALPRESS/MNA) – ",
#: "BRUSSELS/MOSCOW/KYIV - "; a place not in capitals only before a spaced long dash ("Brussels – ", "Moscow, Russia – ").
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ /]{2,}(?:,[^–—\n]{0,40}?)?(?:\s*\([^)]{1,20}\)){0,2}\s*(?:--|–|—|-(?=\s))|[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, [A-Z][a-z]+)? [–—](?= ))\s*"
)


#: Single curly marks as a page's own quotation marks, as British papers print them ("‘We do not know …,’ she told"):
#: an opening mark starts a word; a closing one ends a word (not "Russia’s").
_SINGLE_OPENING = re.compile(r"(?:^|(?<=[\s(\[—–-]))‘(?=\S)")
_SINGLE_CLOSING = re.compile(r"’(?!\w)")
#: The page's own single marks again, in what was read from a paragraph written double.
DOUBLE_AS_SINGLE = str.maketrans("“”", "‘’")


def single_marks_as_double(text: str) -> str | None:
    """A paragraph quoting with single curly marks (‘…,’ she said), its marks written double so the rules that read
    quotations read it; the same length, so every span still points at the page's own characters. None for a
    paragraph with double marks (single ones inside them quote within a quotation) or with no single one opening.

    Marks pair as brackets do; a mark after an "s" and before a word ("the soldiers’ families") closes only a
    quotation nothing else closes ("‘armed guards’ are rare"). Only the outer marks are written double: a quotation
    inside one (‘… the so-called ‘meat assaults,’ where …’) is part of what was said. A quotation left open runs on,
    as one going on into the next paragraph does, and holds the marks after it.
    """
    if any(mark in text for mark in QUOTE_MARKS) or not _SINGLE_OPENING.search(text):
        return None
    openings = {m.start() for m in _SINGLE_OPENING.finditer(text)}
    closings = [m.start() for m in _SINGLE_CLOSING.finditer(text)]
    possessive = {i for i in closings if text[i - 1] == "s" and re.match(r" [a-z]", text[i + 1 : i + 3])}
    pairs: dict[int, int] = {}  # opening -> its closing
    open_ones: list[int] = []
    for i in sorted(openings | set(closings)):
        if i in openings:
            open_ones.append(i)
        elif open_ones and i not in possessive:
            pairs[open_ones.pop()] = i
    for start in open_ones:
        if after := [i for i in possessive if i > start and not any(s < i < e for s, e in pairs.items())]:
            pairs[start] = max(after)
    marked = list(text)
    for start in sorted(openings):
        if not any(s < start < e for s, e in pairs.items()) and not any(s < start for s in openings - pairs.keys()):
            marked[start] = "“"
            if start in pairs:
                marked[pairs[start]] = "”"
    return "".join(marked)


def low_marks_as_double(text: str) -> tuple[str, dict[int, str]] | None:
    """A paragraph quoting with low opening marks, as Central European pages print them („…,” he said; „…“ in a German
    house style), its marks written “…” so the rules that read quotations read it, and the table that gives the page's
    own marks back; the same length, as :func:`single_marks_as_double` keeps it. None unless each low mark is closed,
    by one kind of mark throughout, before the next opens (the last may run on into the next paragraph), with no other
    quotation mark in the paragraph."""
    if "„" not in text:
        return None
    marked, closer, open_mark = list(text), None, False
    for i, char in enumerate(text):
        if char == "„" and not open_mark:
            marked[i], open_mark = "“", True
        elif char in "“”" and open_mark and closer in (None, char):
            marked[i], closer, open_mark = "”", char, False
        elif char in QUOTE_MARKS or char == "„":
            return None
    return "".join(marked), {ord("“"): "„", **({ord("”"): "“"} if closer == "“" else {})}


def marks_read_as_double(text: str) -> tuple[str, dict[int, str]] | None:
    """A paragraph whose own quotation marks the rules do not read (single or low ones) written with double curly
    marks, and the table that gives its marks back; None for a paragraph the rules read as it is."""
    if (single := single_marks_as_double(text)) is not None:
        return single, DOUBLE_AS_SINGLE
    return low_marks_as_double(text)


#: Where a paragraph's parse keeps whether it goes on with a quotation the paragraph before left open (:func:`runs_on`).
RUNS_ON = "briefing_runs_on"


#: Where a parse keeps its text, joined once (:func:`text_of`).
TEXT = "briefing_text"


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per parse: spaCy joins every token's text again at each ``doc.text``, and the rules
    ask for it thousands of times per batch of articles."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


def closes_first(text: str) -> bool:
    """Whether the first quotation mark of ``text`` closes a quotation, as it ends a word ("… it would have serious
    consequences," explained Prime Minister De Wever.), not an inch's mark after a number."""
    for i, char in enumerate(text):
        if char in QUOTE_MARKS:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            return char in CLOSES and not before.isspace() and not before.isdigit() and not after.isalnum()
    return False


def runs_on(doc: Doc) -> bool:
    """Whether a paragraph goes on with a quotation the one before left open, up to its first mark: "“You cannot simply
    take someone else's money. … ¶ It has never happened in history. …,” explained Prime Minister De Wever." (A
    closing mark with no quotation open before it is the page's slip: "… free and fair elections." The country's …")"""
    return doc.user_data.get(RUNS_ON, False)


def quoted_passages(text: str, running_on: bool = False) -> list[tuple[int, int]]:
    """Character ranges of the passages inside double quotation marks or guillemets, marks excluded.

    Curly and straight marks may be mixed (“…" or "…”). A straight mark opens
    a quotation when it starts a word and closes one when it ends a word, so a
    paragraph that runs on into a new quotation without closing the first (a
    common newspaper style) still gives two passages. An unclosed quotation
    runs to the end of the text, and one the text goes on with (``running_on``,
    :func:`runs_on`) starts at its start.
    """
    passages: list[tuple[int, int]] = []
    start: int | None = 0 if running_on else None
    for i, char in enumerate(text):
        if char not in QUOTE_MARKS:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if start is None:
            if char not in CLOSING:
                start = i + 1
        elif char in OPENING or (char == STRAIGHT and before.isspace() and after.isalnum()):
            passages.append((start, i))  # a new quotation starts: the open one ended unmarked
            start = i + 1
        else:
            passages.append((start, i))
            start = None
    if start is not None:
        passages.append((start, len(text)))
    return [(s, e) for s, e in passages if text[s:e].strip(EDGE + ".")]


class Speaker(NamedTuple):
    name: str
    entity: str | None = None
    person: bool = True
    """Can be "he" or "she": not an organisation, a place or a document."""
    named: bool = False
    """A name, not a description ("a senior official")."""
    plural: bool = False
    """Several ("the two countries", "officials"): "they", never "he", "she" or "it"."""


@dataclass
class SpeakerMemory:
    """What pronouns and definite descriptions can refer to: kept across the sentences and paragraphs of one article.

    ``offices`` holds, for each person of the gazetteer, the words of their roles and description
    (:func:`~briefing.analyse.entities.office_words`): "the Secretary" can be the Secretary of State
    named a sentence before, "the Russian president" never the American one who spoke last.
    ``titles`` holds what this article calls the people it names ("Kremlin foreign policy adviser
    Yury Ushakov", "Oleksii Tkachuk, a spokesperson for Yermak"), so "the Kremlin official" is Ushakov.
    """

    offices: dict[str, frozenset[str]] = field(default_factory=dict)
    #: The language's words (:func:`~briefing.analyse.known_words`): a capitalised word before a surname that is none
    #: of them is a given name, even where spaCy found no name ("Human Rights Dmytro Lubinets").
    words: frozenset[str] = frozenset()
    titles: dict[str, frozenset[str]] = field(default_factory=dict)
    #: The people named lately, speaking or not, with the paragraph they were named in; the latest last.
    named_people: list[tuple[int, Speaker]] = field(default_factory=list)

    speaker: Speaker | None = None
    paragraph: int = -10
    person_speaker: Speaker | None = None
    person_speaker_paragraph: int = -10
    named_speaker: Speaker | None = None
    named_speaker_paragraph: int = -10
    person: Speaker | None = None
    person_paragraph: int = -10
    #: The last person named as the subject of a sentence ("Umerov voiced gratitude ..."), with its paragraph and
    #: sentence; sentences are counted through the article, and so is the one the last person spoke in.
    subject: Speaker | None = None
    subject_paragraph: int = -10
    subject_sentence: int = -10
    sentence: int = 0
    person_speaker_sentence: int = -10
    #: The sources described, not named, lately ("two sources with knowledge of the matter"), the latest last.
    sources: list[tuple[int, Speaker]] = field(default_factory=list)
    #: Who spoke and the organisations named, the latest last: what "the ministry" or "the police" can be.
    named_lately: list[Speaker] = field(default_factory=list)
    #: The people named with a given name spaCy did not take for one, by surname ("lubinets": Dmytro Lubinets).
    given_named: dict[str, Speaker] = field(default_factory=dict)
    #: The nouns this article calls an organisation by, by its name's key ("oil company Lukoil": company).
    kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    #: The names of places this article names (spaCy's), by key: a place is no company.
    places: set[str] = field(default_factory=set)
    #: "he" or "she", for the people this article gives a word that says which ("spokeswoman Maria Zakharova").
    genders: dict[str, str] = field(default_factory=dict)
    #: The last group of people a sentence was about ("European leaders met ..."), if after the last speaker.
    group: Speaker | None = None
    group_paragraph: int = -10
    last: Attribution | None = None
    #: Who made the statement of the paragraph before, as the first sentence of this one said (:func:`told_before`).
    said_before: Attribution | None = None

    def spoke(self, speaker: Speaker, paragraph: int) -> None:
        self.speaker, self.paragraph = speaker, paragraph
        self.group = None
        self._lately(speaker)
        if not speaker.named:
            self.sources = [*self.sources[-(RECENT_PEOPLE - 1) :], (paragraph, speaker)]
        if speaker.named and speaker.person and all(p != speaker for _, p in self.named_people):
            self.named_people = [*self.named_people[-(RECENT_PEOPLE - 1) :], (paragraph, speaker)]
        if speaker.person and not speaker.plural:
            self.person_speaker, self.person_speaker_paragraph = speaker, paragraph
            self.person_speaker_sentence = self.sentence
        if speaker.named:
            self.named_speaker, self.named_speaker_paragraph = speaker, paragraph

    def _lately(self, someone: Speaker) -> None:
        self.named_lately = [*(s for s in self.named_lately[-(RECENT_PEOPLE - 1) :] if s != someone), someone]

    def headed(self, head: str) -> Speaker | None:
        """Who "the ministry", "the police" or "the company" is: the organisation or speaker named lately whose
        name, in more words, ends in that noun or has it before "of" ("Kazakhstan's Ministry of Foreign Affairs",
        "Ukraine's national police", "the Department of the Treasury"; not "a party spokesman" for "the party"),
        or whom the article called so ("oil company Lukoil", "KazMunayGas, the state oil company")."""
        for someone in reversed(self.named_lately):
            words = name_key(someone.name).split()
            kinds = self.kinds.get(name_key(someone.name), frozenset())
            # ("Russian state news agency TASS reported … the outlet said": one medium, called by two of its kinds.)
            if head in kinds or head in MEDIA and (kinds & MEDIA or words[-1] in MASTHEAD_WORDS):
                return someone
            # ("the directorate" of "the Turkish Directorate General of Maritime Affairs": a title after its noun.)
            before_of = words[: words.index("of")] if "of" in words[1:] else []
            if before_of and before_of[-1] == "general":
                before_of = before_of[:-1]
            if len(words) > 1 and head in (words[-1], before_of[-1] if before_of else ""):
                return someone
        return None

    def business_that_spoke(self, paragraph: int, kind: str, plural: bool = False) -> Speaker | None:
        """Who "the company" is when no organisation named lately is called so: the one that spoke last, named, within
        :data:`DOCUMENT_REACH` paragraphs, as "it" would be ("The Caspian Pipeline Konsortium reported … According to the
        company, …"); never a person or a place (a country said nothing a company would)."""
        last = self.named_speaker
        if kind not in BUSINESSES | KINDS_OF_ORGANISATION or last is None or last.person or paragraph - self.named_speaker_paragraph >= DOCUMENT_REACH:
            return None
        # ("The companies said" are the two that spoke, "SBC and AT&T"; a commission or a ministry is no company.)
        words = name_key(last.name).split()
        if _two_named(last.name) != plural or kind in BUSINESSES and words[-1] in INSTITUTIONS or name_key(last.name) in self.places:
            return None
        return last

    def surnamed(self, name: str) -> Speaker | None:
        """The person named lately whose surname ``name`` is, if it is one word."""
        key = name_key(name)
        if " " in key:
            return None
        return next((p for _, p in reversed(self.named_people) if _surname(p.name) == key and p.name != name), None)

    def in_full(self, name: str) -> Speaker | None:
        """Who a one-word name is, named lately in more words: by surname, by a first word ("Sir Keir Starmer said …
        Sir Keir told the Commons", "spokesman Lin Jian told … Lin hailed": a knight's first name, a name written family
        name first), or an organisation's shorter form."""
        key = name_key(name)
        if " " in key:
            return None
        first = next((p for _, p in reversed(self.named_people) if " " in name_key(p.name) and name_key(p.name).split()[0] == key), None)
        shorter = next((p for p in reversed(self.named_lately) if p.named and _full_form(p.name, name)), None)
        if shorter is not None and not shorter.person and not any(self._a_word(w.lower()) for w in shorter.name.split()):
            # ("The head of the Odesa administration, Oleh Kiper, …. According to Kiper, …": words of no language, one of
            # them printed alone, are a person's given name and surname, though spaCy took them for an organisation's.)
            shorter = shorter._replace(person=True)
        return self.surnamed(name) or first or shorter or self.given_named.get(key)

    def named_in_full(self, speaker: Speaker, word: str) -> Speaker:
        """ "Tkachuk said" after "Oleksii Tkachuk, a spokesperson for Yermak, said": the full name of a one-word name outside
        the gazetteer (also of one who spoke under a name spaCy took for an organisation's: "Oleksandr Syrskii ... wrote",
        then "Syrskii said"; or did not take for a name at all: "Lubinets said", "…, wrote Kiper"). A speaker that is
        no name, ``word`` alone, is the one named lately with a given name spaCy missed whose surname it is."""
        if speaker.entity is not None or " " in speaker.name:
            return speaker
        return (self.in_full(speaker.name) if speaker.named else self.given_named.get(name_key(word))) or speaker

    def with_given_name(self, token: Token) -> Speaker | None:
        """ "Matvii Bidnyi" for the surname "Bidnyi" printed after a given name spaCy did not take for one (nor for a
        place's name): the capitalised words of no language and no title before it ("Sports Minister Bidnyi" and
        "Dr Bidnyi" are no one's full name; "Jean-Philippe" is not cut to "Philippe")."""
        if token.pos_ != "PROPN" or token.dep_ == "compound" or not (token.is_alpha and token.is_title) or self._a_word(token.lower_):
            return None
        name = [token]
        # (The parse may take a given name it does not know for an adjective: "…, Vladyslav Vlasiuk".)
        while name[0].i > token.sent.start and (before := name[0].nbor(-1)).dep_ in ("compound", "amod") and before.head in name:
            if not (before.is_alpha and before.is_title and before.whitespace_) or before.lower_ in TITLES or self._a_word(before.lower_):
                break
            name.insert(0, before)
        first = name[0]
        if len(name) < 2 or first.i > 0 and not first.nbor(-1).whitespace_ or any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in name[:-1]):
            return None
        # (spaCy's name of a person, found as it is; of an organisation, whole, "Nihon Keizai Shimbun", "Nihon" a word, unless
        # a person's title stands before the name in it: "Kharkiv, Regional Governor Oleh Syniehubov".)
        entity = _entity_of(token)
        inside = entity is not None and entity.label_ != "PERSON" and entity.start < first.i and not _office(first.nbor(-1))
        if all(t.ent_type_ == "PERSON" for t in name) or inside:
            return None
        return Speaker(" ".join(t.text for t in name), named=True)

    def _a_word(self, word: str) -> bool:
        """Whether ``word`` (in lower case) is one of the language's, plurals too ("rights", "breweries")."""
        return word in self.words or word.endswith("s") and (word[:-1] in self.words or word.endswith("ies") and word[:-3] + "y" in self.words)

    def a_word_taken_for_a_name(self, name: Span) -> bool:
        """A word of the language alone that spaCy took for a person's name, with no title and no one named in full by
        it ("… and the Liberal Democrats challenge Labour in its heartlands, he said": not "he"; "Brown" after "Gordon
        Brown" or "Mr Brown" is a surname)."""
        if len(name) != 1 or name.ent_id_ or not self._a_word(name.text.lower()) or self.surnamed(name.text) is not None:
            return False  # (the gazetteer's "Trump" is a name)
        return not (name.start > 0 and name.doc[name.start - 1].text.rstrip(".").lower() in PERSONAL_TITLES)

    def surname_taken_for_a_group(self, noun: Token) -> bool:
        """A name alone that spaCy labels a nationality or group but the language does not know ("Klitschko", "Sybiha";
        not "Tories", "Ukrainians"): a person's surname."""
        if noun.ent_type_ != "NORP" or noun.pos_ != "PROPN" or noun.ent_iob_ != "B" or not self.words:
            return False
        if noun.i + 1 < len(noun.doc) and noun.nbor(1).ent_iob_ == "I":
            return False
        return not self._a_word(noun.lower_)

    def surname_owning(self, noun: Token, cue: Token) -> str | None:
        """ "he" or "she" for a name alone that spaCy took for no person's and the language does not know, whose
        statement says "his" or "her" ("By Wednesday morning, Timoshenko confirmed that offices of her party were
        searched"): a person's surname, with their gender; an organisation's is "its" or "their"."""
        # (A name as a surname is printed so, alone: not "The MEP", not "Zelensky's office".)
        if noun.pos_ != "PROPN" or not noun.is_title or noun.ent_type_ == "PERSON" or self._a_word(noun.lower_):
            return None
        if any(c.dep_ in ("compound", "det") for c in noun.children):
            return None
        owners = {t.lower_ for t in cue.subtree if t.tag_ == "PRP$" and t.lower_ in ("his", "her")}
        return OBJECT_PRONOUNS[owners.pop()] if len(owners) == 1 else None

    def saw_kind(self, kind: Token, passages: list[tuple[int, int]]) -> None:
        """Remember what an organisation is called by, when a sentence names it with that noun: "Russian oil
        company Lukoil", "company KazMunayGas", "KazMunayGas, the state oil company"."""
        # (One organisation, by a word of the language: not "agencies Fitch and Moody's", nor initials "(BBA)".)
        if kind.pos_ != "NOUN" or kind.tag_ != "NN" or not kind.text.islower() or _inside(kind.idx, passages):
            return
        if kind.lemma_.lower() in PERSON_ROLES | PEOPLE | HUMANS | DOCUMENTS:
            return
        names = [kind.head] if kind.dep_ in ("compound", "appos") else []
        names += [c for c in kind.children if c.dep_ == "appos"]
        # (Right before the name, whatever the parse made of it: "Astana, Jan 13 (EFE).- Kazakh oil and gas company KazMunayGas".)
        names += [kind.nbor(1)] if kind.i + 1 < len(kind.doc) else []
        for name in {n.i: n for n in names}.values():  # ("company Lukoil": the head is the next word too)
            business = name.ent_type_ == "PERSON" and (ent := _entity_of(name)).start == kind.i + 1 and _called_a_business(ent)
            if name.pos_ == "PROPN" and (name.ent_type_ in ("ORG", "") or business) and not _office(name):
                # (A name spaCy did not label, given a kind that is no office, is an organisation's: "company KazMunayGas".)
                someone = _describe(name)._replace(person=False)
                if someone.named:
                    key = name_key(someone.name)
                    self.kinds[key] = self.kinds.get(key, frozenset()) | {kind.lemma_.lower()}
                    self._lately(someone)

    def saw_people(self, span: Span, paragraph: int, passages: list[tuple[int, int]], spoke: bool) -> None:
        for token in span:
            if (someone := self.with_given_name(token)) is not None:
                self.given_named[name_key(token.text)] = someone
        for ent in span.ents:
            # ("Hungarian Foreign Minister Péter Szijjártó said ... Szijjártó compared": a surname spaCy took for an
            # organisation's or a place's is the person named in full before: "Minoru Kihara told … Kihara declined".)
            named = self.surnamed(_name(ent)) if ent.label_ in ("ORG", "GPE") else None
            if ent.label_ in ("GPE", "LOC") and named is None:
                self.places.add(name_key(_name(ent)))
            if ent.label_ == "ORG" and named is None and not _inside(ent.start_char, passages):
                self._lately(Speaker(_name(ent), ent.ent_id_ or None, person=False, named=True))
            # (A name that only modifies a noun, "the Trump administration", is no one "he" or "she" can be; nor is an
            # outlet's, which spaCy may take for a person's: "invited by outlet Ynet"; a broadcaster may be a person.)
            outlet = ent.start > 0 and ent.doc[ent.start - 1].lemma_.lower() in MEDIA - {"broadcaster"}
            if (
                (ent.label_ == "PERSON" and not _called_a_business(ent) and not _among_places(ent) or named)
                and not outlet
                and not _only_an_office(ent)
                and not _inside(ent.start_char, passages)
                and ent.root.dep_ != "compound"
            ):
                # ("Lin hailed …" after "Lin Jian told …": the one named in full.)
                named = named or (self.in_full(_name(ent)) if ent.ent_id_ == "" else None)
                self.person, self.person_paragraph = named or _person_named(ent), paragraph
                # ("Richard Knighton … is also expected to …. He will describe …": the sentence's own passive subject too.)
                if ent.root.dep_ == "nsubj" or ent.root.dep_ == "nsubjpass" and ent.root.head.dep_ == "ROOT":
                    self.subject, self.subject_paragraph, self.subject_sentence = self.person, paragraph, self.sentence
                self.named_people = [*self.named_people[-(RECENT_PEOPLE - 1) :], (paragraph, self.person)]
                title, gender = _title_words(ent), _gender_before(ent)
                for key in filter(None, (ent.ent_id_, name_key(self.person.name), _surname(self.person.name))):
                    if title:
                        self.titles[key] = self.titles.get(key, frozenset()) | title
                    if gender:
                        self.genders[key] = gender
        for token in span:
            self.saw_kind(token, passages)
            # ("Papuashvili made this statement …. He said …": a surname spaCy took for no name at all, as the subject, is
            # the person named in full before, named again.)
            if token.dep_ == "nsubj" and token.pos_ == "PROPN" and not token.ent_type_ and not _inside(token.idx, passages):
                if (someone := self.surnamed(token.text)) is not None:
                    self.person, self.person_paragraph = someone, paragraph
                    self.subject, self.subject_paragraph, self.subject_sentence = someone, paragraph, self.sentence
            # "She also spotlighted several incidents …": a sentence about the one "she" is, saying nothing, carries her
            # on to the next paragraph, as naming her again would.
            if not spoke and token.dep_ == "nsubj" and token.lower_ in ("he", "she") and not _inside(token.idx, passages):
                someone = self.resolve(paragraph, person=True, pronoun=token.lower_)
                if someone is not None:
                    self.person, self.person_paragraph = someone, paragraph
            # "The Kremlin leader devoted time to ...": a person named before, described as the subject, is who
            # "he" is next, as if named again.
            described = not token.ent_type_ or _office_taken_for_a_name(token)
            if token.dep_ == "nsubj" and described and _refers_back(token) and not _inside(token.idx, passages):
                words, head, plural = _description_words(token), role_key(token.lemma_), token.tag_ in ("NNS", "NNPS")
                someone = self.described(paragraph, True, words, head, plural, _names_its_organisation(token))
                if someone is not None and someone.named and someone.person:
                    self.person, self.person_paragraph = someone, paragraph
                    self.subject, self.subject_paragraph, self.subject_sentence = someone, paragraph, self.sentence
        self.sentence += 1

    def saw_group(self, span: Span, paragraph: int, passages: list[tuple[int, int]]) -> None:
        """Keep the last plural subject naming people ("European leaders met on the sidelines", "Kushner and
        Witkoff met Putin"): "they" or "the two envoys" next."""
        for token in span:
            if token.dep_ != "nsubj" or _quoted(token, passages):
                continue
            people = token.tag_ in ("NNS", "NNPS") and (token.lemma_.lower() in PEOPLE | PERSON_ROLES or token.ent_type_ == "NORP")
            if people or any(c.dep_ == "conj" for c in token.children) and _a_person(token):
                self.group, self.group_paragraph = _describe(token), paragraph

    def both(self, paragraph: int) -> Speaker | None:
        """Who "both agencies" or "the two envoys" are: the people just named together."""
        if self.group and self.group_paragraph == paragraph and " and " in self.group.name:
            return self.group
        last = self.speaker
        return last if last and " and " in last.name and paragraph - self.paragraph <= 1 else None

    def gender_of(self, someone: Speaker) -> str | None:
        """ "he" or "she", if the article said which ``someone`` is."""
        return next((self.genders[k] for k in (someone.entity, name_key(someone.name), _surname(someone.name)) if k and k in self.genders), None)

    def resolve(self, paragraph: int, person: bool, pronoun: str = "") -> Speaker | None:
        """Who "they" (or, with ``person``, "he" or "she") is; never someone the article said is the other, nor, for
        "they", a document ("The statement added that …. They also agreed …": a document is "it")."""
        found = self._resolve(paragraph, person)
        if found is None or not pronoun:
            return found
        if pronoun == "they":
            return None if not found.plural and _a_document(found.name) else found
        return None if self.gender_of(found) not in (None, pronoun) else found

    def _resolve(self, paragraph: int, person: bool) -> Speaker | None:
        if not person and self.group and paragraph - self.group_paragraph <= 1:
            return self.group
        speaker, spoke_in = (self.person_speaker, self.person_speaker_paragraph) if person else (self.speaker, self.paragraph)
        # "Rubio said .... On the Ukrainian side, Umerov voiced gratitude. He said ...": a sentence about someone
        # else since the last speaker spoke (its subject, not only named) moves "he" on to them.
        # ("One of Putin's closest allies has warned ... Dmitry Medvedev, who ..., took to X. ¶ “…,” he said": a name
        # after a speaker only described, and no one else speaking since, names them, a paragraph before too.)
        described = speaker is not None and not speaker.named and speaker == self.speaker and paragraph - self.subject_paragraph <= 1
        if person and self.subject and (self.subject_paragraph == paragraph or described) and self.subject_sentence > self.person_speaker_sentence:
            return self.subject
        if speaker and paragraph - spoke_in <= 1:
            return speaker
        if self.person and paragraph - self.person_paragraph <= 1:
            # ("Sikorski rebuked Karol Nawrocki for failing to …. ¶ He warned …": "he" after a sentence about two people is
            # its subject, not the one it was about.)
            if person and self.subject and self.subject_sentence == self.sentence - 1 and paragraph - self.subject_paragraph <= 1:
                return self.subject
            return self.person
        # ("According to Kiper, drones attacked …. ¶ In Odesa, facades were damaged. ¶ He added that …": the person who spoke
        # two paragraphs back, when no one else has been named or spoken since.)
        if (
            person
            and speaker
            and paragraph - spoke_in <= 2
            and speaker == self.speaker
            and (self.person is None or self.person == speaker or self.person_paragraph < spoke_in)
        ):
            return speaker
        return None

    def office_of(self, speaker: Speaker) -> frozenset[str] | None:
        """The words of a gazetteer person's offices (and of what this article calls them); None for anyone else."""
        office = self.offices.get(speaker.entity or name_key(speaker.name))
        # A description's clauses come with their commas ("US special envoy, reported co-author ...").
        return None if office is None else frozenset(w.strip(",.;:") for w in office) | self.title_of(speaker)

    def title_of(self, speaker: Speaker) -> frozenset[str]:
        return frozenset().union(*(self.titles.get(k, frozenset()) for k in (speaker.entity, name_key(speaker.name)) if k))

    def fits(self, speaker: Speaker, specific: frozenset[str], head: str = "", exact: bool = False) -> bool:
        """Whether a description's words can be this person: a gazetteer person must hold the office (its
        ``head`` word at least, when no other word is of anyone's office: "the Republican leader" may be the
        president who just spoke, "the Russian president" may not); of anyone else the article's own title
        for them tells, else a description of one word fits. An ``exact`` description (an office of an
        organisation named, "the head of the SBU") fits only one given all its words."""
        office = self.office_of(speaker)
        if office is not None:
            known = frozenset().union(*self.offices.values())
            specific, head = _leader_as(specific, head, office)
            # ("the Turkish leader" is no Ukrainian leader, though the gazetteer lists no Turk.)
            if specific & COUNTRY_WORDS - office and office & COUNTRY_WORDS:
                return False
            # ("the regional head" is no head of state: an office of a region or a city is not a country's; nor is "the vice
            # president" the president.)
            if specific & (LOCAL_OFFICE_WORDS | DEPUTY_WORDS) - office:
                return False
            return specific <= office or not exact and head in office and not (specific - office) & known
        title = self.title_of(speaker)
        # ("the Minister of Defense" is the "Defense Minister" named before: "of" names no office's word.)
        return not exact and len(specific) <= 1 or _leader_as(specific, head, title)[0] - {"of"} <= title

    def described(self, paragraph: int, person: bool, words: frozenset[str], head: str = "", plural: bool = False, exact: bool = False) -> Speaker | None:
        """Who a definite description ("the official", "the statement", "the top U.S. diplomat") names:
        the last named speaker that fits, else a person of the gazetteer named lately whose office it is.
        ``words`` are the description's own, "the" aside, ``head`` its noun; none for a document."""
        specific = words - GENERIC_OFFICE
        # "A U.S. official said ... The official added": the source just described; "an official in the SBU said
        # ... The source said", "A security source said ... the Ukrainian source said": whoever was described.
        last = self.speaker
        if words and last and not last.named and paragraph - self.paragraph <= 1:
            if words <= set(role_key(last.name).split()) or head in SOURCES and last.person:
                return last
        # "two sources ... told NBC News. ... Driscoll told them ... the sources said": a source described lately,
        # though a named speaker came between.
        for said_in, source in reversed(self.sources):
            if words and paragraph - said_in <= SOURCE_REACH and words <= set(role_key(source.name).split()):
                return source
        # ("…, Merz's office said. … “…,” the statement added": the body just described, which issued it.)
        if not words and last and not last.named and not last.person and paragraph - self.paragraph <= DOCUMENT_REACH:
            return last
        speaker = self.named_speaker
        # A statement is talked about paragraphs after it was issued; a person is described near their name.
        reach = 1 if words else DOCUMENT_REACH
        if speaker and paragraph - self.named_speaker_paragraph <= reach and (speaker.person or not person):
            if not words or self.fits(speaker, specific, head, exact):
                return speaker
        if not person or plural:
            return None  # ("the leaders" are not one of them)
        # (Of someone the gazetteer does not know, an office proper, "the Chairperson" after "Kim Jong-un attended …", not
        # "the source", whom a page need not have named at all; the article's own title for them, or one word.)
        proper = head not in UNNAMED_ROLES
        for named_in, someone in reversed(self.named_people):
            if paragraph - named_in <= 1 and (proper or self.office_of(someone) is not None) and self.fits(someone, specific, head, exact):
                return someone
        # "President Volodymyr Zelenskyy presented a plan ... — the president explained": further back, the one
        # person named whose office it is, when only one is.
        # ("Leo XIV" and "Pope Leo XIV" are one person.)
        holders = {
            someone.entity or name_key(someone.name): someone
            for _, someone in self.named_people
            if specific and (proper or self.office_of(someone) is not None) and self.fits(someone, specific, head, exact)
        }
        # ("Rosen Zhelyazkov" and "PM Zhelyazkov" are one: a name that ends another's.)
        distinct = [k for k in holders if not any(o.endswith(f" {k}") for o in holders)]
        if len(distinct) > 1:
            # ("President Cyril Ramaphosa … thanked his Russian counterpart, Vladimir Putin … The president also reiterated":
            # of several who may hold the office, the one the article itself gave it to.)
            distinct = [k for k in distinct if (specific or {head}) <= self.title_of(holders[k])]
        return holders[distinct[0]] if len(distinct) == 1 else None


def paragraph_attributions(spans: list[Span], paragraph: int, memory: SpeakerMemory) -> list[tuple[Attribution, ...]]:
    """The attributed statements of each statement of a paragraph.

    A cue standing alone ("Bondarev asked.") speaks the quotation just before it
    and the one just after it, when those are quotations and nothing else. A
    quotation with no cue of its own goes on from the statement before it, or,
    opening a paragraph with no other quotation attributed, from the last speaker
    of the paragraph before (the newspaper convention for a quote that runs on).
    A sentence that says who made the statement before it ("This was stated by …")
    gives that speaker the sentences the writer told before it in the paragraph,
    or, opening the paragraph, the paragraph before (:func:`told_before`).
    """
    # (The paragraph before, or a heading just above this one, which shares its place: "Source: Ivan Fedorov, …".)
    before = memory.last if paragraph - memory.paragraph <= 1 else None
    found = []
    bare = []
    for span in spans:
        attributed, cue = _attributions(span, paragraph, memory)
        found.append(list(attributed))
        bare.append(cue)
    for i, cue in enumerate(bare):
        if cue is None:
            continue
        # "As of December 10, 1902 children have returned … This was stated by Dmytro Lubinets": the statement before,
        # every sentence of it back to the paragraph's start or to one with a speaker of its own ("Over the past day, the
        # region suffered attacks. An energy facility was damaged. This was reported by …").
        if any(_of_the_statement_before(t) for t in spans[i]):
            if i == 0:
                memory.said_before = cue  # (the paragraph before may be what was said: see told_before)
                continue
            told = list(itertools.takewhile(lambda j: _told_by_no_one(spans[j], found[j], bare[j]), range(i - 1, -1, -1)))
            for j in told:
                found[j].append(said_before(cue, spans[j].text))
            if told:
                continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(spans) and not found[j] and not bare[j] and _is_quotation(spans[j].text):
                found[j].extend(_each_quote(replace(cue, kind="direct", quotes=_quotes_of(spans[j]))))
    if not any(found):
        source_line(spans, paragraph, memory)
    # (A statement of another's in reported speech does not speak the quotations: "…." The Fed lifted rates, citing …)
    none_quoted = not any(a.quotes for f in found for a in f) and not any(bare)
    for j, span in enumerate(spans):
        # ("Quote: “…”", "Quote from Peskov: “…”": a quotation under a label, as Ukrainska Pravda prints them.)
        if found[j] or bare[j]:
            continue
        label = QUOTE_LABEL.match(span.text)
        if not (_is_quotation(span.text) or label and _passages(span)):
            continue
        previous = found[j - 1][-1] if j and found[j - 1] else (before if j == 0 and (none_quoted or label) else None)
        if previous is None and j and not bare[j - 1] and (asked := _asked(spans[j - 1])) is not None:
            # ("Dr Fox was asked if he would say yes or no … “I'm sure …”": the answer to a question put to someone.)
            speaker, cue = asked
            previous = Attribution(speaker.name, cue, "", "direct", entity=speaker.entity)
            memory.spoke(speaker, paragraph)
        if label and label["name"]:
            named = next((e for e in span.ents if e.text == label["name"]), None)
            speaker = _person_named(named) if named else Speaker(label["name"], named=True)
            previous = Attribution(speaker.name, "", "", "direct", entity=speaker.entity)
            memory.spoke(speaker, paragraph)
        if previous is not None:
            cue = label["cue"] if label else previous.cue
            found[j].extend(_each_quote(replace(previous, cue=cue, kind="direct", quotes=_quotes_of(span), denial=False)))
            if previous is before and memory.speaker is not None:
                # The speaker speaks on in this paragraph: a quote running on over several paragraphs goes on
                # with them, and "he" after it is still them.
                memory.spoke(memory.speaker, paragraph)
    if bare and bare[-1] is not None and spans[-1].text.rstrip().endswith(":"):
        # ("… Jacek Dobrzyński, the country’s spokesman …, who said: ¶ “…”": a cue closing its paragraph with a colon
        # speaks the quotation of the next.)
        memory.last = bare[-1]
    elif spans and not any(found) and (introduced := _quotations_introduced(spans[-1], paragraph, memory)) is not None:
        memory.last = introduced
    elif any(found):
        # ("“…,” said Heraskevych, who according to the IOC would have … ¶ “…”": the quotation runs on from its speaker,
        # not from a statement the sentence tucks in after it.)
        last = [a for a in found if a][-1]
        memory.last = next((a for a in reversed(last) if a.quotes), last[-1])
    return [tuple(a) for a in found]


def _quotations_introduced(span: Span, paragraph: int, memory: SpeakerMemory) -> Attribution | None:
    """ "The key quotes from his address to the nation follow:": a line ending in a colon that names someone's quotations
    (theirs by a possessive, "his" or "Zelenskyy's") speaks the quotation paragraphs after it, as a cue before a colon
    does."""
    if not span.text.rstrip().endswith(":"):
        return None
    noun = next((t for t in span if t.pos_ == "NOUN" and t.lemma_.lower() in QUOTING_NOUNS), None)
    owner = next((t for t in noun.subtree if t.dep_ == "poss"), None) if noun is not None else None
    if owner is None:
        return None
    if owner.lower_ in ("his", "her"):
        speaker = memory.resolve(paragraph, person=True, pronoun="he" if owner.lower_ == "his" else "she")
    else:
        name = _entity_of(owner)
        speaker = _person_named(name) if name is not None and name.label_ == "PERSON" else None
    if speaker is None:
        return None
    memory.spoke(speaker, paragraph)
    cue = span.doc[noun.left_edge.i : noun.right_edge.i + 1]
    words = cue[1:] if cue[0].dep_ == "det" else cue
    return Attribution(speaker.name, words.text, "", "direct", entity=speaker.entity)


def _asked(span: Span) -> tuple[Speaker, str] | None:
    """The person a question is put to in ``span`` ("Dr Fox was asked if he would say yes or no …"), and the cue; not
    where the question is quoted ("Kevin Donnellon was asked: “Why …?” “…?”, implored …": the next quotation need be
    no answer)."""
    root = span.root
    subject = next((c for c in root.children if c.dep_ == "nsubjpass"), None) if root.lemma_ == "ask" and not _passages(span) else None
    name = _entity_of(subject) if subject is not None else None
    return (_person_named(name), root.text) if name is not None and name.label_ == "PERSON" else None


def closing_dash(span: Span) -> int | None:
    """Where the dash is, when a speaker and cue after a spaced dash end ``span``: how UNN closes a quotation it prints
    without marks ("… there is no safety in the zone of constant shelling - he emphasized.")."""
    closing = DASH_CLOSE.search(span.text)
    if closing is None:
        return None
    dash = span.start_char + closing.start(1)
    # (Nor the dash that closes an aside, words with no verb: "… 40 million people - almost one third of the population
    # - it added."; but "Preliminary – the injuries are not severe - Hryhorov said.")
    opening = [m.start(1) for m in re.finditer(r"\s([–—-])\s", span.text[: closing.start()])]
    if opening and not any(t.pos_ in ("VERB", "AUX") for t in span if span.start_char + opening[-1] < t.idx < dash):
        return None
    tail = [t for t in span if t.idx > dash and not t.is_punct]
    # (The speaker or the cue right after the dash, and nothing said after the cue: not "… Kupiansk - an effort he said was
    # not succeeding.", nor a dash closing an aside, "Shareholders United - which has … - said it would fight any move",
    # "Andrei Illarionov - then economic adviser to … - told a press conference".)
    cue = tail[0] if tail and _is_cue(tail[0]) else None
    inverted = cue is not None and not any(c.dep_ in ("ccomp", "xcomp", "advcl", "conj") or c.dep_ == "nsubj" and c.i < cue.i for c in cue.children)
    return dash if len(tail) <= 8 and (inverted or any(_is_cue(t) and _after_a_dash(t) for t in tail)) else None


def unmarked_quotation(sentences: list[Span]) -> bool:
    """Whether a paragraph's sentences are one quotation closed by a dash (see :func:`closing_dash`): the last one
    closes so, and none before it has quotation marks or a cue reporting a clause ("According to him, …", "He said
    that …"; not "Those who did not leave wrote an official refusal")."""
    if len(sentences) < 2 or closing_dash(sentences[-1]) is None:
        return False
    before = sentences[0].doc[sentences[0].start : sentences[-2].end]
    reporting = any(_is_cue(t) and (t.lower_ == "according" or any(c.dep_ == "ccomp" for c in t.children)) for t in before)
    return not _passages(before) and not reporting


def _quotes_of(span: Span) -> tuple[str, ...]:
    """The quotations of ``span``, verbatim, without their marks."""
    return tuple(normalise_space(text_of(span.doc)[s:e]).strip(EDGE) for s, e in _passages(span))


def source_line(spans: list[Span], paragraph: int, memory: SpeakerMemory) -> None:
    """ "Source: Ivan Fedorov, head of …, on Telegram" (Ukrainska Pravda's house style, a line of its own, a heading to
    the reader's eye): the person or organisation it opens with speaks in the quotation after it."""
    span = spans[0] if spans else None
    if span is None or not span.text.startswith("Source:") or len(span) < 3:
        return
    ent = next((e for e in span.ents if e.start == span.start + 2 and e.label_ in ("PERSON", "ORG")), None)
    if ent is not None:
        source = _person_named(ent) if ent.label_ == "PERSON" else _describe(ent.root)
        memory.spoke(source, paragraph)
        memory.last = Attribution(source.name, "Source", "", "direct", entity=source.entity)


def named_next(sentences: list[Sentence]) -> list[Sentence]:
    """Name a speaker described first with "a" by the person named speaking next, in that paragraph or the next, with
    no one else speaking between: "A White House envoy said Sunday he held … talks …. Posting on social media, Steve
    Witkoff said …", as wire stories name a person after the lede; so too a description with a possessive in the lede
    ("…, the country's foreign minister said. ¶ Musalia Mudavadi told the BBC …"), and the same office described again
    later ("the foreign minister told the BBC"); further on, any office, when the sentence naming the next speaker
    gives it again ("…, said Viktor Trehubov, spokesman for …")."""
    statements = [(s.paragraph, s.text, a, s.mentions) for s in sentences for a in s.attributions]
    # The sentences before the article first names a person in full: a description there can only be someone named later.
    unnamed = {s.text for s in itertools.takewhile(lambda s: not any(m.label == "PERSON" and " " in m.text for m in s.mentions), sentences)}
    names: dict[str, Attribution] = {}
    # (The next speaker is in a later sentence: another the lede's own sentence quotes, "…, after authorities said …", is
    # not the one the next sentence names.)
    following = [next((s for s in statements[k + 1 :] if s[1] != statement[1]), None) for k, statement in enumerate(statements)]
    for (paragraph, said, first, _), after_it in zip(statements, following):
        if after_it is None:
            continue
        later, text, after, mentions = after_it
        words = first.speaker.split()
        indefinite = words[0] in ("A", "An", "a", "an")
        owned = words[0] in ("The", "the") and paragraph <= 1 and any(w.endswith(("'s", "’s")) for w in words)
        # ("A top foreign policy adviser to Russian President Vladimir Putin": the office is the noun before "to"; not "a
        # spokesman for the Home Office", who speaks for it and is seldom the next one named.)
        office = OF_THE_OFFICE.split(first.speaker, maxsplit=1)[0].split()[-1].lower()
        office = office if office in NAMED_NEXT_ROLES | ADVISERS else words[-1].lower()
        # ("Ghana’s foreign minister said …. ¶ Foreign Affairs Minister Samuel Okudzeto Ablakwa said …": a country's office
        # in the lede, when spaCy found the next speaker a person, not "Scotland's first minister …. ¶ … the Scottish
        # Executive has insisted".)
        a_countrys = paragraph <= 1 and words[0].endswith(("'s", "’s")) and any(m.label == "PERSON" and m.text == after.speaker for m in mentions)
        # ("The Moldovan Foreign Minister condemned … ¶ Moldovan Foreign Minister Mihail Popshoi said …": an office in the
        # lede, before anyone is named, given again, word for word, by the sentence that names the next speaker; not "Tessa
        # Jowell has announced … The Culture Secretary said … ¶ … shadow culture secretary John Whittingdale said".)
        # ("according to the local governor … ¶ …, according to the region's governor, Ivan Fedorov": "local" and "regional"
        # say where the office is, which the naming sentence may say otherwise.)
        office_words = _office_words(first.speaker) - LOCAL_OFFICE_WORDS
        given_again = (
            words[0] in ("The", "the")
            and paragraph <= 1
            and said in unnamed
            and bool(office_words)
            and all(re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE) for w in office_words)
        )
        described = first.entity is None and len(words) > 1 and (indefinite or owned or a_countrys or given_again)
        # ("…, according to a Ukrainian military spokesman. ¶ … ¶ …, said Viktor Trehubov, spokesman for …": any office
        # said of whom, further on, when the sentence that names them gives it again; not a bare "a spokesman", who may
        # speak for a party other than the next spokesman's.)
        # ("… ¶ Yuri Ushakov, one of Putin's longest-serving aides, told reporters": an adviser is an aide.)
        again = "|".join(map(re.escape, sorted(ADVISERS if office in ADVISERS else {office})))
        restated = len(words) > 2 and office in PERSON_ROLES - UNNAMED_ROLES and re.search(rf"\b(?:{again})s?\b", text, re.IGNORECASE)
        near = office in NAMED_NEXT_ROLES and later - paragraph <= 1 or restated and later - paragraph <= NAMED_NEXT_REACH
        # (In a later sentence: "Ukraine’s regional governor said …, while Russia’s Defence Ministry said …" is another party.)
        if described and after.speaker != first.speaker and near and _a_persons_name(after.speaker):
            if not _titled_otherwise(office_words, text, after.speaker):
                names.setdefault(first.speaker, after)
    if not names:
        return sentences
    named = {d: (a.speaker, a.entity) for d, a in names.items()}
    # ("the foreign minister" after "the country's foreign minister", named: the same office, the same person.)
    for _, _, again, _ in statements:
        words = again.speaker.split()
        office = _office_words(again.speaker)
        if again.entity is None and again.speaker not in named and words[0] in ("The", "the"):
            same = [d for d in names if office and _office_words(d) >= office and d.split()[-1] == words[-1]]
            if len(same) == 1:
                named[again.speaker] = named[same[0]]
    return [
        replace(s, attributions=tuple(replace(a, speaker=named[a.speaker][0], entity=named[a.speaker][1]) if a.speaker in named else a for a in s.attributions))
        if any(a.speaker in named for a in s.attributions)
        else s
        for s in sentences
    ]


def _titled_otherwise(office: frozenset[str], text: str, name: str) -> bool:
    """Whether ``text`` gives ``name`` an office that is not the described one, whose words are ``office``: "Poland’s
    defence minister says … ¶ … Prime Minister Donald Tusk confirmed" (not "Ghana’s foreign minister said … ¶ Foreign
    Affairs Minister Samuel Okudzeto Ablakwa said")."""
    title = re.search(r"((?:[\w’'-]+ ){1,4})" + re.escape(name), text)
    words = frozenset(w.lower() for w in title.group(1).split()) if title else frozenset()
    return bool(words & PERSON_ROLES) and not office <= words


def _leader_as(specific: frozenset[str], head: str, office: frozenset[str]) -> tuple[frozenset[str], str]:
    """A description's words and head noun as they apply to someone whose office words are ``office``: "the Belgian
    leader" is the Belgian prime minister, "the parliament leader" the chairman of parliament (a president, a chief or
    a head is a "leader" already: :func:`~briefing.analyse.entities.role_key`)."""
    if "leader" in specific and "leader" not in office and office & LEADING_OFFICES:
        return specific - {"leader"}, min(office & LEADING_OFFICES) if head == "leader" else head
    return specific, head


def _office_words(description: str) -> frozenset[str]:
    """The words of a description that say which office: "the country's foreign minister" -> foreign, minister."""
    return frozenset(w.lower() for w in description.split()[1:] if not w.endswith(("'s", "’s")))


def _a_persons_name(speaker: str) -> bool:
    """ "Steve Witkoff", "Kirill Dmitriev": two or three capitalised words, not a description ("The Kremlin")."""
    words = speaker.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and words[0] not in ("The", "A", "An")


def _passages(span: Span) -> list[tuple[int, int]]:
    """The quoted passages of ``span`` as character offsets in its document."""
    return [(span.start_char + s, span.start_char + e) for s, e in quoted_passages(span.text, span.start == 0 and runs_on(span.doc))]


def said_before(cue: Attribution, text: str) -> Attribution:
    """The statement that a sentence saying who made the statement before it (``cue``: "This was stated by …") gives
    the sentence ``text`` before it."""
    return replace(cue, kind="indirect", content=normalise_space(DATELINE.sub("", text)).rstrip(" ."))


def told_before(sentences: list[Sentence], paragraph: int, memory: SpeakerMemory) -> list[Sentence]:
    """``sentences`` (an article's, so far), with the statement of a paragraph that opens by saying who made the statement
    before it ("In Novhorod-Siverskyi, one man was killed …" ¶ "According to Ukrinform, this was reported on Telegram by
    … Viacheslav Chaus."): the paragraph before, up to :data:`TOLD_BEFORE` sentences the writer told, none a statement
    of its own or a quotation, when that speaker has made no statement before in the article (then "this" is more likely
    what they said: "Papuashvili said … ¶ Sybiha arrived in Tbilisi. ¶ Papuashvili made this statement while …")."""
    cue, memory.said_before = memory.said_before, None
    if cue is None:
        return sentences  # (every paragraph asks: the article's sentences are looked at only after a credit)
    told = [k for k, s in enumerate(sentences) if s.paragraph == paragraph - 1]
    if not 0 < len(told) <= TOLD_BEFORE:
        return sentences
    # (The same speaker by surname too: "Olha Marchenko said … ¶ … ¶ Ms Marchenko said this …".)
    surname = _surname(cue.speaker)
    if any(_surname(a.speaker) == surname or a.entity is not None and a.entity == cue.entity for s in sentences for a in s.attributions):
        return sentences
    if any(sentences[k].kind != "body" or sentences[k].attributions or _someones_words(sentences[k].text) for k in told):
        return sentences
    given = {k: replace(sentences[k], attributions=(said_before(cue, sentences[k].text),), background=False) for k in told}
    return [given.get(k, s) for k, s in enumerate(sentences)]


def _told_by_no_one(span: Span, found: list[Attribution], bare: Attribution | None) -> bool:
    """Whether a sentence is the writer's telling, no one's statement yet, that a sentence after it may give to its
    speaker: no statement or cue of its own, no quotation, and a verb (not a run-in credit: "ArmInfo. Tbilisi hopes …")."""
    return not found and bare is None and not _someones_words(span.text) and any(t.pos_ in ("VERB", "AUX") for t in span)


def _someones_words(text: str) -> bool:
    """A quotation, or one under a label ("Quote: “…”"): no sentence of the writer's for a credit after it to give away."""
    return _is_quotation(text) or QUOTE_LABEL.match(text) is not None


def _of_the_statement_before(token: Token) -> bool:
    """ "This was stated by Dmytro Lubinets, …", "About this reported … Oleksiy Kuleba." (a translation's word order),
    "Lubinets said this on Telegram", "made statements to this effect": a sentence that says who made the statement before
    it, and when or where, but nothing of its own ("…, UNN reports." after it too: the site that relays it)."""
    if token.dep_ not in ("ROOT", "ccomp") or _lemma(token) not in SAID_BY and token.lemma_ != "make":
        return False  # (asked of every word: the cheap tests first)
    if token.dep_ == "ccomp" and not _site_credit(token.head):
        return False
    if token.lemma_ == "make":
        return _made_this_statement(token)
    return (
        _about_this(token)
        or (
            any(c.dep_ == "auxpass" for c in token.children)
            and any(c.dep_ == "nsubjpass" and c.lower_ in ("this", "that") for c in token.children)
            and any(c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children) for c in token.children)
        )
        # "… Dmytro Lubinets said this on Telegram.", "… Maciej Berestecki stated this on January 5 in Brussels …" (not
        # "Zelensky wrote this on X: “…”", which points at what follows)
        or any(c.dep_ == "dobj" and c.lower_ in ("this", "that") for c in token.children)
        and any(c.dep_ == "nsubj" and _can_speak(c) for c in token.children)
        and not _points_ahead(token)
    )


def _points_ahead(cue: Token) -> bool:
    """Whether a colon or a quoted sentence follows the cue in its sentence: "this" is then what comes next (a phrase in
    marks, "the “coalition of the willing”", is no statement)."""
    return re.search(r"[:]|[“«\"]\s*[A-Z]", text_of(cue.doc)[cue.idx : cue.sent.end_char]) is not None


def _made_this_statement(make: Token) -> bool:
    """ "Papuashvili made this statement while …", "Maia Sandu has made statements to this effect": a statement made,
    pointing back at the one before."""
    statement = next((c for c in make.children if c.dep_ == "dobj" and c.lemma_.lower() == "statement"), None)
    if statement is None or not any(c.dep_ == "nsubj" and _can_speak(c) for c in make.children) or _points_ahead(make):
        return False
    this = any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in statement.children)
    # ("to this effect", wherever the parse hangs it; not "to the effect that …", which says what the statement was.)
    return this or any(t.lower_ == "effect" and any(d.lower_ in ("this", "that") for d in t.children) for t in make.subtree)


def _site_credit(token: Token) -> bool:
    """ "…, UNN reports." ending a sentence: a name and "reports", "informs" or "writes" as its last words, the site
    relaying what the sentence says, whether the parse makes "reports" a verb or a noun."""
    sentence = token.sent
    if token.lower_ not in ("reports", "informs", "writes") or token.i < sentence.start + 2 or token.nbor(-1).pos_ != "PROPN":
        return False
    return all(t.is_punct for t in token.doc[token.i + 1 : sentence.end])


def _about_this(cue: Token) -> bool:
    """ "About this reported …": "about this" before the cue, as pages translated from Ukrainian put it."""
    return any(c.lower_ == "about" and c.i < cue.i and any(o.lower_ in ("this", "that") for o in c.children) for c in cue.children)


def _is_quotation(text: str) -> bool:
    text = text.strip()
    return text[:1] in OPENS and bool(quoted_passages(text))


def _done_so(participle: Token) -> bool:
    """Whether a participle after a preposition says what the subject of the clause it hangs on said (:data:`DOING_SO`,
    :data:`SAYING_BEFORE`)."""
    by = participle.head.lower_
    # (An accusation says what it is of: "after accusing the spy chief of masterminding …".)
    accused = _lemma(participle) in ACCUSING and any(t.dep_ == "prep" and t.lower_ in ("of", "for") for t in participle.subtree)
    said = accused or any(c.dep_ == "ccomp" for c in participle.children)
    return by in DOING_SO or by in SAYING_BEFORE and said


def mend_saying_participles(doc: Doc) -> None:
    """ "Babis prioritized budget constraints, stating Czech coffers cannot support …": a parse may make a saying
    participle after a comma the subject of the clause it introduces, and that clause's subject its object. Mended to
    what it reads as: the participle goes with the clause before the comma and says the clause after it."""
    for cue in doc:
        if not (cue.tag_ == "VBG" and cue.dep_ == "csubj" and cue.lemma_ in CUE_LEMMAS and cue.i and doc[cue.i - 1].text == ","):
            continue
        said, before = cue.head, doc[cue.i - 1].head
        # (The clause before must be none of the participle's or its clause's: the mended tree keeps no loop.)
        verbs = before.pos_ in ("VERB", "AUX") and said.pos_ in ("VERB", "AUX")
        if not verbs or said.i < cue.i or before.i > cue.i or said == before or said.is_ancestor(before):
            continue
        subjects = [c for c in cue.children if c.dep_ == "dobj" and c.i < said.i]
        cue.head, cue.dep_ = before, "advcl"
        said.head, said.dep_ = cue, "ccomp"
        for subject in subjects:
            subject.head, subject.dep_ = said, "nsubj"


def _attributions(span: Span, paragraph: int, memory: SpeakerMemory) -> tuple[list[Attribution], Attribution | None]:
    """Every attributed statement in ``span``, and the cue that stands without content, if any."""
    passages = _passages(span)

    cues = [t for t in span if _is_cue(t) and not _inside(t.idx, passages)]
    dash = closing_dash(span)

    # "The Kremlin confirmed that ..., writes UNN", "Zelensky said that ..., the Interfax-Ukraine news agency
    # reported": the outlet relays a statement; the statement is the speaker's (not so "Russia agrees that ..., said Putin").
    def relayed(cue: Token) -> bool:
        # (Not "this was reported by …", which says who made the statement before.)
        if cue.lemma_ not in ("write", "report") or _of_the_statement_before(cue):
            return False
        if _after_its_words(cue, span, passages):
            return any(o.i < cue.i and _subject(o, passages) for o in cues)
        # (An outlet trailing the sentence relays a statement with a clause of its own: not "Yermak wrote a letter".)
        return (
            _trailing(cue, span)
            and _an_outlet(_own_subject(cue))
            and any(o.i < cue.i and _subject(o, passages) and any(c.dep_ == "ccomp" for c in o.children) for o in cues)
        )

    cues = [c for c in cues if not relayed(c)]
    # "Driscoll told them ..., two sources told NBC News": a cue trailing the sentence after a comma says all
    # before it, another cue included (an outlet relaying is the exception above).
    # ("…, the regional prosecutor's office wrote on Telegram": "wrote" and "reported" too, unless after another cue,
    # whose statement they relay.)
    relaying = [c for c in cues if c.lemma_ in ("write", "report") and any(o.i < c.i for o in cues)]
    trailing = next((c for c in reversed(cues) if c not in relaying and _trailing(c, span)), None)
    said_before: list[Token] = []
    if trailing is not None:
        end = _words_from(_own_subject(trailing)).i - 1
        if any(o.i < end for o in cues):
            cues = [c for c in cues if c.i > end]
            said_before = [t for t in span if t.i < end and not t.is_space]
        elif (
            any(c.dep_ in ("ccomp", "dep") and c.i < trailing.i or _clause_taken_for_a_scene(c, trailing) for c in trailing.children)
            or trailing.dep_ == "conj"
            and trailing.head.i < end
            # ("The vessel suspected of causing the latest damage was dragging …, the police … said": the clause's
            # subject taken for the cue's.)
            or any(c.dep_ == "nsubj" and c.i < end for c in trailing.children)
            or _taken_for_a_relative_clause(trailing, end)
        ):
            # "The delegation will be led by A, the head of ...; B, ...; and C, ..., Zelensky said.": all before
            # the speaker is what was said, whatever the parse hung elsewhere (a list's names as subjects, the
            # clause as the cue's head: "Witkoff is scheduled to fly ..., a U.S. official confirmed to CBS News"; or
            # as a relative clause of a noun before the comma: "… are the remaining item …, Rubio said on Wednesday").
            said_before = [t for t in span if t.i < end and not t.is_space]
    # "X told them, according to the sources": the source of a report, not a second statement (but "According to
    # Ablakwa, preliminary evidence indicates that …" is Ablakwa's: evidence is no speaker, its "indicates" no cue; and
    # "According to Zelensky, the two teams confirmed …" opens the sentence: all it says is his account; see
    # _relays_the_speaker for when it does not).
    cues = [
        c
        for c in cues
        if not (
            c.lower_ == "according"
            and c.head in cues
            and not _the_writers_reading(c.head, _own_subject(c.head))
            and (c.i > c.sent.start or _relays_the_speaker(c))
        )
    ]
    # ("This was stated by …, EXN reports.", "According to Ukrinform, this was reported by …": the site relaying who made
    # the statement before is no speaker of its own.)
    cues = [
        c
        for c in cues
        if not (_site_credit(c) and any(_of_the_statement_before(k) for k in c.children) or c.lower_ == "according" and _of_the_statement_before(c.head))
    ]
    # A cue inside another cue's reported clause is part of what was said ("X said Y had suggested"),
    # unless the same speaker goes on ("X announced ..., although he also said ...").
    nested = {c.i: o for c in cues for o in cues if c != o and c in _content_tokens(o)}
    # ("said the talks reflected progress and a commitment to what he described as a just peace": a phrase
    # of the statement, not a second one.)
    # ("..., as the New York Post reports": a source of all the sentence says, wherever the parse hangs it.)
    cues = [c for c in cues if c.i not in nested or _said_apart(c)]
    # "X disagreed, saying that “...,” he emphasised": the statement is made once.
    cues = [c for c in cues if not (c.dep_ == "parataxis" and any(o in _content_tokens(c) and not _another_speaks_apart(o) for o in cues if o != c))]
    found: list[tuple[Token, Speaker, list[Token]]] = []
    # (Cues after a dash that closes an unmarked quotation: see closing_dash.)
    closing = {c.i for c in cues if dash is not None and c.idx > dash}
    for cue in cues:
        inverted = _inverted_speaker(cue, span)
        inverted = inverted and memory.named_in_full(inverted, inverted.name)
        speaker = inverted or _enclosing_speaker(cue, found) or _speaker(cue, span, paragraph, memory)
        # (A speaker is a name or a description: never a mark the parse took for a subject, "co-chairman"'s hyphen.)
        if speaker is None or not any(ch.isalpha() for ch in speaker.name):
            continue
        # "A plan may require ..., reported Reuters": what was reported is all before the cue.
        content = [t for t in span if t.i < cue.i] if inverted else said_before if cue == trailing and said_before else _content_tokens(cue)
        if cue.i in closing:
            content = [t for t in span if t.idx < dash and not t.is_space]  # (all before the dash, whatever the parse hung where)
        elif content and (source := _appositive_speaker(cue)) is not None:
            # ("… an enemy drone attack, the head of the Mykolaiv RMA Vitaliy Kim said": the source the parse set beside the
            # last noun is no part of what it said.)
            content = [t for t in content if t.i < source.left_edge.i] or content
        if _of_the_statement_before(cue):
            content = []  # (what was said stands before: see paragraph_attributions)
        # What the same speaker says next is a statement of its own, not part of this one.
        inner = {t.i for c in cues if nested.get(c.i) == cue for t in _clause_of(c)}
        content = [t for t in content if t.i not in inner]
        # "stressed that X remained key, adding that ... but ...": the statement ends where the speaker goes on,
        # whatever the parse hangs on its clause after that.
        going_on = [min(t.i for t in _clause_of(c)) for c in cues if nested.get(c.i) == cue and c.tag_ == "VBG" and _goes_on(c)]
        going_on += [c.head.i for c in cues if nested.get(c.i) == cue and _with_a_speaker(c)]
        content = [t for t in content if not going_on or t.i < min(going_on)] or content
        found.append((cue, speaker, content))
    # Each quotation belongs to the cue whose reported clause holds it, else to the cue nearest to it.
    owner: dict[int, int] = {}
    # "told “Face the Nation” that ...": a quoted name of the one told is no one's words.
    told = [c.idx + len(c) for c, _, _ in found if c.lemma_ == "tell"]
    for p, (s, e) in enumerate(passages):
        if any(0 <= s - end <= 2 for end in told) and re.match(r"""^["”»]?\s*(\w+\s+)?that\b""", text_of(span.doc)[e : e + 30]):
            continue
        holding = [k for k, (_, _, content) in enumerate(found) if content and content[0].idx <= s and e <= content[-1].idx + len(content[-1]) + 1]
        if holding:
            owner[p] = holding[-1]
        # (Not to a cue that only says who made the statement before it: "… by Colonel Denys “Redis” Prokopenko".)
        elif nearest := [k for k in range(len(found)) if not _of_the_statement_before(found[k][0]) and not _in_the_clause_joined(found[k][0], s, e)]:
            owner[p] = min(nearest, key=lambda k: _distance(found[k][0], s, e))
    result = []
    bare = None
    for k, (cue, speaker, content) in enumerate(found):
        own = [passages[p] for p, o in owner.items() if o == k]
        memory.spoke(speaker, paragraph)
        for attribution in _attribution(span, cue, speaker.name, speaker.entity, content, own, passages):
            if cue.i in closing and attribution.kind == "indirect":
                # (The speaker's own words, printed without marks: a quotation, as the page means it.)
                attribution = replace(attribution, kind="direct", quotes=(attribution.content,))
            if attribution.content or attribution.quotes:
                result.extend(_each_quote(attribution))
            else:
                bare = attribution
    # ("He made this remark …, according to Ukrinform": an outlet relaying what he did leaves "he" who he was.)
    memory.saw_people(span, paragraph, passages, spoke=any(speaker.person or cue.lower_ != "according" for cue, speaker, _ in found))
    if not found:
        memory.saw_group(span, paragraph, passages)
    return result, bare


def _taken_for_a_relative_clause(cue: Token, end: int) -> bool:
    """ "… are the remaining item that …, Rubio said on Wednesday": a cue trailing the sentence that the parse hung on a
    noun before the comma as a relative clause, though its subject is a name, not "who" or "which"."""
    subject = _own_subject(cue)
    return cue.dep_ == "relcl" and cue.head.i < end and subject is not None and subject.lower_ not in RELATIVE


def _said_apart(cue: Token) -> bool:
    """Whether a cue inside another cue's reported clause makes a statement of its own: "he" going on, a participle
    or "and"/"but" after the first statement, a source set off like "as reported", another speaker joined by ", and"."""
    # (Not what "he" says he will do: "Conte said that he would be telling his side of the story"; nor what "he" says he
    # did, the whole of the clause after the other cue: "Erdoğan specified that he proposed a limited armistice"; a cue
    # after it relays: "He stressed …, state news agency Wam reported".)
    will = any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children)
    # (Nor the reason the statement gives: "having difficulty hiring women because they demanded segregated offices".)
    reason = any(c.dep_ == "mark" and c.lower_ == "because" for c in cue.children)
    reported = cue.dep_ == "ccomp" and cue.head.i < cue.i and _is_cue(cue.head)
    going_on = _subject_is_pronoun(cue) and not _what_is_said(cue) and not (will or reason or reported) or _goes_on(cue) or _goes_on_but(cue)
    return going_on or _as_reported(cue) or _another_speaker_joined(cue) or _with_a_speaker(cue) or _another_speaks_apart(cue)


def _another_speaks_apart(cue: Token) -> bool:
    """ "… were hit in the Lviv region, Zelensky said, while the regional head confirmed …": a cue after ", while" with
    a subject of its own that can speak is that subject's statement, whatever clause the parse hung it on; so is one
    after "after" or "although", comma or not ("said he will order the closure … after authorities said …")."""
    mark = next((c for c in cue.children if c.dep_ == "mark" and c.lower_ in APART_AFTER_COMMA | APART_ANYWHERE), None)
    return (
        cue.dep_ == "advcl"
        and mark is not None
        and (_after_comma_mark(mark) or mark.lower_ in APART_ANYWHERE)
        and any(c.dep_ == "nsubj" and c.pos_ != "PRON" and _can_speak(c) for c in cue.children)
    )


def _with_a_speaker(cue: Token) -> bool:
    """ "signalled that …, with Moscow insisting that …": a cue after "with" with a subject of its own that can speak
    is that subject's statement, and the statement before it ends at "with"."""
    return cue.dep_ == "pcomp" and cue.head.lower_ == "with" and any(c.dep_ == "nsubj" and _can_speak(c) for c in cue.children)


def _enclosing_speaker(cue: Token, found: list[tuple[Token, Speaker, list[Token]]]) -> Speaker | None:
    """The speaker of the cue whose clause holds ``cue``, when ``cue`` is that speaker going on: a
    participle after a comma ("warned that Russia is preparing ..., describing ...") or "he" or "she"
    ("Ushakov said the talks failed, though he called them useful"), or "it" for an organisation ("Vilnius signaling
    openness but linking the border to what it describes as …")."""
    pronoun = _subject_is_pronoun(cue, ("he", "she"))
    it = _subject_is_pronoun(cue, ("it",))
    if not (_goes_on(cue) or _goes_on_but(cue) or pronoun or it):
        return None
    if pronoun and _person_described(cue, [e for e in cue.doc.ents if e.label_ == "PERSON" and e.end <= cue.i]) is not None:
        return None  # ("…, in which he questioned …": the person the clause is about; see _speaker)
    speakers = {c.i: speaker for c, speaker, _ in found}
    # ("Zelenskyy described the talks as …, while the US President characterized his meeting as “good,” noting that …": a
    # participle right after another speaker's statement apart goes on with it, though the parse hung it on the first.)
    if _goes_on(cue):
        apart = [c for c, _, _ in found if c.head == cue.head and c.i < cue.i and c.right_edge.i >= cue.i - 3 and _another_speaks_apart(c)]
        if apart:
            return speakers[apart[-1].i]
    # "reported that officials characterized the talks … and conveyed that …": the officials go on, not the reporter.
    joined = cue.head if cue.dep_ == "conj" and cue.head.i not in speakers and _is_cue(cue.head) else None
    # (Not when the cue's tense is the reporter's, not theirs: "announced that Kyiv is insisting on … and also announced".)
    if joined is not None and any(c.dep_ == "nsubj" and _can_speak(c) for c in joined.children):
        reporters = cue.tag_ != joined.tag_ and any(t.i in speakers and t.tag_ == cue.tag_ for t in cue.ancestors)
        if not reporters:
            return None
    # ("it said, adding that ...": an organisation goes on too; "he" or "she" is a person, "it" one of neither.)
    return next(
        (
            speakers[t.i]
            for t in cue.ancestors
            if t.i in speakers and (speakers[t.i].person or not pronoun) and not (it and (speakers[t.i].person or speakers[t.i].plural))
        ),
        None,
    )


def _goes_on(cue: Token) -> bool:
    """ "said he accepted the resignation, emphasizing that ...": a participle after a comma is the
    speaker's next statement, not part of the first; so is a cue with no subject of its own joined by
    "and" ("said the talks were “very good” and stressed ...")."""
    # (The "and" may stand before the verb's auxiliaries and adverbs, "... poses risks and has urged", unless the verb
    # it is joined to has the same ones: "they would not protest ... and would not insist" goes on with the clause.)
    before = [c for c in cue.children if c.dep_ in ("aux", "advmod", "neg") and c.i < cue.i]
    first = min((c.i for c in before), default=cue.i)
    own = {c.lower_ for c in before if c.dep_ == "aux"}
    if own and own == {c.lower_ for c in cue.head.children if c.dep_ == "aux"} or not own and cue.tag_ == "VB":
        first = cue.i  # (nor a bare verb after an adverb: "allow parties to ring ... and later urge")
    if cue.dep_ == "conj" and first > 0 and cue.doc[first - 1].lower_ == "and" and not any(c.dep_ == "nsubj" for c in cue.children):
        return not _parallel_in_the_clause(cue)
    # (", while stressing that ...": so after "while" set off by a comma.)
    set_off = _after_comma_mark(cue) or cue.i > 1 and cue.nbor(-1).lower_ == "while" and _after_comma_mark(cue.nbor(-1))
    # (A parse may hang the participle on the noun before the comma, "voiced disagreement with the proposal, describing
    # it as …": on a noun that cannot speak, it is still the speaker going on.)
    hung = cue.dep_ == "acl" and not _can_speak(cue.head) or _after_as(cue)
    return cue.tag_ == "VBG" and (cue.dep_ in ("advcl", "xcomp", "conj") or hung) and set_off


def _after_as(token: Token) -> bool:
    """ "described Europe as ‘lost’ and overly passive, urging a shift …": a parse may hang the participle after the
    comma on the cue's "as", as if it were what the thing was described as."""
    return token.dep_ == "pcomp" and token.head.lower_ == "as" and token.head.dep_ == "prep"


def _parallel_in_the_clause(cue: Token) -> bool:
    """ "Popschi added that Moldova condemns these invasions and reiterates its condemnation …": a verb in the present
    joined to the reported clause's verb in the present, whose subject can speak, goes on with the clause (the
    narrative's past goes on with the speaker: "has said the chancellor was key … and dismissed claims of a rift")."""
    head = cue.head
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return head.dep_ == "ccomp" and subject is not None and _can_speak(subject) and cue.tag_ == head.tag_ and cue.tag_ in ("VBZ", "VBP")


def _another_speaker_joined(cue: Token) -> bool:
    """ "the Kremlin has said such a move would be …, and Russia's central bank announced …": a cue joined by ", and"
    to another cue's reported clause, with a subject of its own that can speak, is that subject's statement."""
    if cue.dep_ != "conj" or cue.head.dep_ != "ccomp":
        return False
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    joined = next((c for c in cue.head.children if c.dep_ == "cc" and c.i == cue.left_edge.i - 1), None)
    return subject is not None and subject.pos_ != "PRON" and _can_speak(subject) and joined is not None and cue.doc[joined.i - 1].text == ","


def _goes_on_but(cue: Token) -> bool:
    """ "said he would enter negotiations but stressed that ...": a cue with no subject of its own after "but",
    hung by the parse inside the first statement, is the same speaker's next one."""
    return cue.dep_ == "conj" and cue.i > 0 and cue.nbor(-1).lower_ == "but" and not any(c.dep_ == "nsubj" for c in cue.children)


def _after_comma_mark(token: Token) -> bool:
    """After a comma, or after a quotation closed with one ("“... strike,” calling them ..."), with the word's own
    adverbs between (", further adding that ...")."""
    start = token.i
    while start > 0 and (adverb := token.doc[start - 1]).dep_ == "advmod" and adverb.head == token:
        start -= 1
    if start == 0:
        return False
    before = token.doc[start - 1]
    if before.text == ",":
        return True
    return before.text in CLOSING_TOKENS and before.i > 0 and before.nbor(-1).text == ","


def _the_writers_reading(cue: Token, subject: Token | None) -> bool:
    """ "Ushakov's cautious tone suggested …", "evidence indicates …": a weak cue whose subject cannot speak."""
    return cue.lemma_ in WEAK_CUES and subject is not None and not _can_speak(subject)


def _subject_before(verb: Token) -> Token | None:
    """The subject nearest before ``verb``: a parse may give it others ("an urgent warning emerged from Brussels: … Mark
    Rutte called for …")."""
    return max((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), key=lambda c: c.i, default=None)


def _own_subject(cue: Token) -> Token | None:
    """The subject nearest before the cue, or the source set off before it that the parse hung elsewhere."""
    subject = _subject_before(cue)
    # ("Two … schools damaged …, Regional Governor Oleh Syniehubov said": a subject that cannot speak is a misparse.)
    return subject if subject is not None and _can_speak(subject) else _appositive_speaker(cue) or subject


def _appositive_speaker(cue: Token) -> Token | None:
    """ "... carried out the attacks, a person familiar with the operation, who declined ..., told Bloomberg": a
    parse may hang the source on the last noun and join the cue to the sentence's verb; the source is then the
    description of people set off by commas right before the cue."""
    # (A verb the parse made the subject is none: "… killed fighting for Russia, Ukraine’s intelligence agency said".)
    if cue.i < 2 or any(c.dep_ == "nsubj" and c.pos_ != "VERB" and _can_speak(c) for c in cue.children):
        return None
    if cue.dep_ != "conj" or cue.nbor(-1).text != ",":
        # "... killed fighting for Russia, Ukraine’s intelligence agency said this month": a parse may take the source
        # right before a cue without a subject for an apposition of the noun before the comma.
        source = next((t for t in cue.doc[cue.sent.start : cue.i] if t.dep_ == "appos" and t.right_edge.i == cue.i - 1), None)
        if source is None or not _comma_before(source) or not _can_speak(source):
            return None
        said = any(c.dep_ == "ccomp" and c.i < cue.i for c in cue.children) or _said_of_the_clause_before(cue, source)
        return source if said else None
    comma = cue.i - 1
    source = next(
        (
            t
            for t in cue.doc[cue.sent.start : comma]
            if t.dep_ == "appos" and t.right_edge.i == comma - 1 and (_people(t) and t.tag_ == "NN" or _named_holder(t))
        ),
        None,
    )
    # ("“...,” Jonas Guest, vice president for entertainment at Nokia, told the BBC": the one named holds the office.)
    return source.head if source is not None and source.head.ent_type_ == "PERSON" else source


def _said_of_the_clause_before(cue: Token, source: Token) -> bool:
    """ "Two people were injured …, Regional Governor Oleh Syniehubov said on the Telegram messaging app": a cue the parse
    joined to the sentence's verb before the source says that clause, when nothing but where and when follows it."""
    said_after = any(c.dep_ in ("ccomp", "xcomp", "dobj", "conj", "advcl") for c in cue.children if c.i > cue.i)
    return cue.dep_ == "conj" and cue.head.i < source.left_edge.i and not said_after


def _named_holder(name: Token) -> bool:
    """ "…, the city’s mayor, Ihor Terekhov, said …": a person's name set off after an office."""
    return name.ent_type_ == "PERSON" and _office(name.head) and _comma_before(name.head) and _comma_before(name)


#: Conjunctions a parse may take for prepositions: "after Trump on Wednesday said ...".
CLAUSE_OPENERS = frozenset({"after", "before", "until", "since"})


def _subject_taken_for_an_object(cue: Token) -> Token | None:
    """ "Zelensky scrambled ... after Trump on Wednesday unexpectedly said that ...": a verb without a subject,
    right after a name the parse made the object of "after", has that name for its subject."""
    if cue.tag_ != "VBD" or cue.dep_ != "advcl" or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    for name in reversed(cue.doc[cue.sent.start : cue.i]):
        if name.dep_ == "pobj" and name.head.lower_ in CLAUSE_OPENERS and _can_speak(name):
            between = cue.doc[name.right_edge.i + 1 : cue.i]
            return name if all(t.dep_ in ("prep", "pobj", "advmod", "npadvmod") or t.is_punct for t in between) else None
    return None


def _set_off(cue: Token) -> bool:
    """A cue and its subject set off by commas inside a sentence: "..., he continued, and ..."."""
    subject = _own_subject(cue)
    if subject is None or subject.i > cue.i or subject.left_edge.i == 0 or cue.i + 1 >= len(cue.doc):
        return False
    return cue.doc[subject.left_edge.i - 1].text == "," and cue.nbor(1).text == "," and subject.right_edge.i == cue.i - 1


def _words_from(subject: Token) -> Token:
    """Where a subject's words begin: its left edge, or the owner before it that the parse hung elsewhere ("…, Ukraine’s
    President Volodymyr Zelensky has said": "Ukraine" taken for one more place of a list)."""
    start = subject.left_edge
    if start.i >= 2 and start.nbor(-1).tag_ == "POS" and start.nbor(-2).pos_ == "PROPN" and start.nbor(-1).head == start.nbor(-2):
        return start.nbor(-2)
    return start


def _trailing(cue: Token, span: Span) -> bool:
    """ "..., two sources told NBC News.": a cue after a comma that ends the sentence, with nothing said after it."""
    subject = _own_subject(cue)
    if subject is None or subject.i > cue.i:
        return False
    start = _words_from(subject)
    if start.i <= span.start:
        return False
    # (The comma may close a quotation the sentence ends with: "Ukraine needs “greater focus” …, “on the diplomatic track,” he said.")
    # (Not any verb after a closed quotation, "… to end what he calls a senseless “bloodbath,” Russia and Ukraine remain …";
    # and the quotation opened within an unquoted clause, not a sentence before it, "… with Moscow. “Russia is …,” he said.")
    closed = _after_a_closed_quotation(start) and cue.doc[start.i - 2].text == "," and cue.lemma_ in CUE_LEMMAS
    if closed:
        end = cue.doc[start.i - 1].idx
        opened = max((s for s, e in _passages(span) if e <= end), default=None)
        before = text_of(cue.doc)[span.start_char : opened - 1] if opened is not None else ""
        closed = before.strip() != "" and before.lstrip()[:1] not in OPENS and not re.search(r"[.!?:]\W*$", before)
        # (Nor one another cue's clause holds: "Sikorski disagreed, saying that it is “…,” he emphasised.")
        closed = closed and not any(_is_cue(t) for t in span if t.idx < end)
    after_comma = cue.doc[start.i - 1].text == "," or closed
    if not after_comma or cue.lemma_ == "call" and _appeal(cue):
        return False  # (", several deputies called for his resignation": an appeal says what it asks)
    # Nothing it says after it: no clause or object ("officials acknowledge the need for ..."), but the one told.
    said_after = ("ccomp", "xcomp", "advcl", "conj", "oprd") if cue.lemma_ == "tell" else ("ccomp", "xcomp", "advcl", "conj", "oprd", "dobj")
    if any(c.dep_ in said_after and c.i > cue.i and not _going_on_after(c, cue) for c in cue.children):
        return False
    subtree = {t.i for t in cue.subtree}
    return all(t.i in subtree or t.is_punct or t.is_space for t in span if t.i > cue.i)


def _clause_taken_for_a_scene(child: Token, cue: Token) -> bool:
    """ "As part of the package, Spain will purchase …, Spanish Prime Minister Pedro Sanchez told a joint news
    conference": a parse may take the clause before a trailing cue for an adverbial one; with a subject of its own and
    no conjunction ("when", "after", "as") it is what was said."""
    return (
        child.dep_ == "advcl"
        and child.i < cue.i
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        and not any(c.dep_ == "mark" for c in child.children)
    )


def _going_on_after(child: Token, cue: Token) -> bool:
    """ "..., Ushakov said, offering no further details": a participle after a comma after the cue goes on or
    remarks; so does a clause of the moment ("..., two trade sources said, as the EU ban … will start"). Neither is
    what the cue says."""
    if child.i < cue.i or child.dep_ not in ("advcl", "acl", "conj", "xcomp"):
        return False
    participle = child.tag_ == "VBG" and _after_comma_mark(child)
    moment = child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("as", "while") and _after_comma_mark(m) for m in child.children)
    return participle or moment


def _what_is_said(cue: Token) -> bool:
    """ "what he described as ...": the cue's object is the "what" of a phrase."""
    return any(c.dep_ in ("dobj", "oprd") and c.tag_ in ("WP", "WDT") for c in cue.children)


def _subject_is_pronoun(cue: Token, pronouns: frozenset[str] | tuple[str, ...] = PRONOUNS) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in pronouns for c in cue.children)


def _clause_of(cue: Token) -> list[Token]:
    """The cue's own clause: the cue, with the cues it is joined to and the "and" before it; not the clause before a cue with
    a subject of its own ("he asked Putin not to order attacks …, and the Kremlin leader agreed")."""
    top = cue
    while top.dep_ == "conj" and top.head != top and _is_cue(top.head) and _subjectless(top):
        top = top.head
    joined = [c for c in top.head.children if c.dep_ == "cc" and c.i == top.left_edge.i - 1] if top.dep_ == "conj" else []
    return [*joined, *top.subtree]


def _inside(offset: int, passages: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in passages)


#: Prepositions of whom or what a feeling is towards: "expressed gratitude to …", "concern over …".
TOWARDS = frozenset({"to", "over", "about", "at", "with"})


def _towards(prep: Token) -> bool:
    """ "expressed gratitude to the First Lady for …": whom or what a feeling is towards, which a parse may hang on its
    verb (not what follows a comma: ", with Defense Minister Boris Pistorius …")."""
    return prep.dep_ == "prep" and prep.lower_ in TOWARDS and not _comma_before(prep)


def _is_cue(token: Token) -> bool:
    if _hyphened(token):
        return False  # the end of a word a hyphen joins: "the firm over-stated its reserves"
    if _of_the_statement_before(token):
        return True
    if token.tag_ == "VBG" and token.dep_ == "acl" and token.i == token.head.i + 1 and _bare_object_next(token):
        return False  # ("an Amnesty letter writing campaign": a compound noun the parse took for a participle)
    if token.lemma_ == "accord" and token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children)
    if _in_the_view_of(token):
        return True
    if _said_in_a_phrase(token) or _after_a_quotation(token):
        return True
    if token.lemma_ in POSTING and token.pos_ == "VERB":
        return any(c.dep_ == "ccomp" for c in token.children) or any(t.text == ":" for t in token.rights)
    if token.lemma_ == "go" and _went_on(token):
        return True
    if token.lemma_ in GOING_ON and token.pos_ == "VERB":
        # "The situation would get worse, he continued, and ...": going on, set off by commas.
        return _set_off(token) and any(c.dep_ == "ccomp" and c.i < token.i for c in token.children)
    if token.lemma_ == "call" and token.pos_ == "VERB":
        # "called the talks “very good”", not "called Trump": a judgement quoted or complemented;
        # or an appeal, "called on the opposition to stop ...", "called for a ceasefire".
        return (
            any(c.dep_ == "oprd" for c in token.children)
            or any(c.dep_ == "dobj" and any(t.text in OPENS for t in c.subtree) for c in token.children)
            or bool(_appeal(token))
        )
    if _lemma(token) in BLAMING and not any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children):
        # ("criticized proposed amendments to a U.S. plan": criticising a thing says what one thinks of it; criticising
        # someone, "criticized Russia", "criticised the government", says nothing without what for.)
        thing = any(c.dep_ == "dobj" and c.pos_ == "NOUN" and not _can_speak(c) for c in token.children)
        return _lemma(token) in CRITICISING and thing and _spoken_by_someone(token)
    if _ruled_out(token):
        return True
    if _pointed_out(token):
        # "pointed out progress on ...", "pointed out the talks had failed" (with "that": a phrase of saying, above);
        # "As Hryhorov pointed out, the threat ... remains": the sentence is what was pointed out.
        return "nsubj" in {c.dep_ for c in token.children} and any(c.dep_ in ("ccomp", "dobj") for c in token.children) or _as_reported(token)
    if token.lemma_ in SAYING_A_CLAUSE and token.pos_ == "VERB":
        # (A demand says what it asks with a noun too: "Belgium is demanding legally binding guarantees".)
        asked = ("ccomp", "dobj") if token.lemma_ == "demand" else ("ccomp",)
        return _spoken_by_someone(token) and any(c.dep_ in asked for c in token.children)
    if token.lemma_ in HINTING and token.pos_ == "VERB":
        # ("Trump hinted that Ukraine may have to cede …", "hinted at an imminent settlement"; not "the data hint at a
        # slowdown": a hint says something only when someone who can speak drops it.)
        return _spoken_by_someone(token) and (_said_through(token) is not None or any(c.dep_ == "ccomp" for c in token.children))
    if token.lemma_ in HOLDING and token.pos_ == "VERB":
        return any(c.dep_ == "ccomp" or c.dep_ == "dobj" and c.lemma_ in POSITIONS for c in token.children) or _quoting(token)
    if token.lemma_ in STRESSING and token.tag_ != "VBG" and any(c.dep_ == "dobj" for c in token.children):
        # "Meloni underlined the importance of …": a person stressing a thing says it ("This underscores the urgency …",
        # "…, underscoring the human cost": the writer's reading; "underlined his huge promise by beating …": a deed).
        deed = any(c.dep_ == "prep" and c.lower_ == "by" for c in token.children)
        return not deed and any(c.dep_ == "nsubj" and (_a_person(c) or _people(c)) for c in token.children)
    if token.lemma_ in SAYING_THAT and token.pos_ == "VERB":
        if token.lemma_ in FINDING and any(c.dep_ == "nsubj" and (_a_person(c) or _people(c) or c.pos_ in ("PRON", "ADJ")) for c in token.children):
            return False
        # (Or after the clause it says: "…, sources familiar with the matter have disclosed", "…, he recalled".)
        return ("nsubj" in {c.dep_ for c in token.children} or _goes_on(token)) and (
            _quoting(token)
            or _after_a_dash(token)
            or token.lemma_ not in SAYING_IN_QUOTES
            and any(c.dep_ == "ccomp" and (c.i < token.i or any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)) for c in token.children)
        )
    if token.lemma_ == "repeat" and not (
        any(c.dep_ == "ccomp" for c in token.children)
        or _quoting(token)
        or any(
            c.dep_ in ("acl", "advcl", "ccomp", "relcl") or c.dep_ == "prep" and c.lower_ in ("for", "on")
            for o in token.children
            if o.dep_ == "dobj"
            for c in o.children
        )
    ):
        # "repeated that …", "repeated his call for a pause", "repeated Moscow's demands that …"; not "repeated their
        # success", "would not repeat the mistakes of predecessors": doing again, not saying.
        return False
    if token.lemma_ == "cite":
        # "…, citing safety concerns": the grounds the one acting gives; not "reported, citing sources" or "citing NBC
        # news" (who spoke), "citing a statement" (what they said, the statement's own), nor grounds of a thing done
        # to someone ("the pause was granted …, citing …": who cites them is not the subject).
        grounds = [c for c in token.children if c.dep_ == "dobj"]
        return (
            token.tag_ == "VBG"
            and _after_comma_mark(token)
            and bool(grounds)
            and not any(_can_speak(g) or g.lemma_.lower() in HUMANS | UNNAMED_ROLES | {"news"} for g in grounds)
            and not any(c.dep_ in ("nsubjpass", "auxpass") for c in token.head.children)
        )
    if token.pos_ not in ("VERB", "AUX") or _lemma(token) not in CUE_LEMMAS or token.dep_ in ("amod", "acomp"):
        return False
    if _described_by(token) is not None:
        return True
    # "a statement saying ...": the statement speaks, and so do people ("a U.S. official saying ...", "leaders
    # accusing him of ..."), and a clause with its own subject the parse hung on a heading ("UPDATE: Zelenskyy
    # has announced ..."); "the plan outlined by ..." does not.
    if token.dep_ == "acl" and not (
        token.head.lemma_.lower() in DOCUMENTS
        or any(c.dep_ == "nsubj" for c in token.children)
        or token.tag_ == "VBG"
        and _people(token.head)
        or _goes_on(token)
    ):
        return False
    deps = {c.dep_ for c in token.children}
    verb = token
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    went_on = verb.dep_ == "xcomp" and verb.head.lemma_ == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.head.children)
    if "auxpass" in deps or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not went_on:
        return False  # "was said to include", "to give ... and assess": nobody is speaking ("went on to say" is)
    if token.lemma_ in ("say", "report") and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to" and "xcomp" in deps:
        return False  # "footage said to depict the strike", "reported to have fled": what is said of a thing, by no one
    if token.tag_ == "VBN" and not deps & {"aux", "agent", "nsubj"}:
        return False  # "when asked": a participle without a speaker
    if token.lemma_ == "ask" and token.dep_ == "advcl" and "nsubj" not in deps:
        return False  # "..., Peskov told reporters when asked whether ...": a question put to the speaker
    if token.dep_ == "ccomp" and token.head.lemma_ == "ask" and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.children):
        return False  # "Asked whether he was suggesting Russia was behind the drones, Martin said": the question, no one's statement
    if token.lemma_ in ("comment", "respond", "reply") and "neg" in deps:
        # "it couldn't comment on ...", "the Russian Embassy did not immediately respond to requests for comment": nothing
        # said (the "said" before it, if any, is the statement), and no one the next description can be.
        return False
    if token.lemma_ in COMMITTING and any(c.dep_ == "xcomp" for c in token.children) and "ccomp" not in deps:
        return False  # "agreed to freeze the lines", "promised to come": a commitment to act, not a statement
    if token.lemma_ in FRAMING and (
        not (any(c.dep_ == "dobj" for c in token.children) and any(c.lower_ == "as" for c in token.children))
        or token.tag_ == "VBG"
        and _after_comma_mark(token)
    ):
        # "framed the pardons as a unilateral act" says what they are; "was framed", "framed a law" do not, and
        # "…, framing the choice as binary" is the writer's reading of what was said.
        return False
    if token.lemma_ == "add" and "dobj" in deps and "ccomp" not in deps:
        # "may add several tankers … to separate sanctions lists", "adding 41 more vessels to the list": putting in, not
        # saying (wherever the parse hangs the "to"; but a clause taken for the object is said: "She added the targets
        # intended to ensure …", "added that Russia “highly values” Kazakhstan's position and willingness to …").
        obj = next(c for c in token.children if c.dep_ == "dobj")
        clause = any(t.pos_ in ("VERB", "AUX") for t in obj.subtree) or any(c.lower_ == "that" for c in token.children)
        if not clause and any(t.lower_ == "to" and t.i > obj.i for t in token.subtree):
            return False
    if token.lemma_ == "deny" and _withholds(token):
        return False  # "denying access to supply routes", "denied him bail", "denied England": kept from, not called untrue
    if _lemma(token) == "express" and not any(
        o.dep_ == "dobj"
        and (any(c.dep_ in ("prep", "acl", "ccomp") for c in o.children) or any(_towards(c) and c.i > o.i for c in token.children))
        or o.dep_ == "ccomp"
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in o.children)
        for o in token.children
    ):
        # "expressed caution": a mood, of nothing ("expressed concern over the plan" says what of; "expressed that Ukraine
        # may confront …" says it outright).
        return False
    if token.tag_ == "VBG" and token.lemma_ in INFERRING and _after_comma_mark(token):
        return False  # "..., signaling that Russia is not ready": the writer's reading of a fact
    # "Adding another perspective, X ...", "Asked whether ..., X said": an opening participle is not a speaker's,
    # unless it says something of its own ("While claiming that Russia was ready …, Putin insisted …").
    opening = token.tag_ in ("VBG", "VBN", "VBD") and token.dep_ == "advcl" and token.i < token.head.i and "nsubj" not in deps
    claiming = token.tag_ == "VBG" and token.lemma_ != "ask" and bool(_that_clause(token))
    return not opening or claiming or _as_reported(token)


#: Cues that say what a thing is with an "as", in the passive too: "described by Western authorities as part of …".
DESCRIBING = frozenset({"describe", "characterize", "characterise", "label", "portray"})


def _described_by(cue: Token) -> Token | None:
    """ "the tanker Elbus, described by maritime sources as part of Russia's shadow fleet": a passive description names
    who described the thing after "by", and what they called it after "as"; that "as" (else None)."""
    if cue.tag_ != "VBN" or cue.lemma_ not in DESCRIBING:
        return None
    agent = next((o for c in cue.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
    called = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as" and len(list(c.subtree)) > 1), None)
    return called if agent is not None and _can_speak(agent) else None


def _withholds(deny: Token) -> bool:
    """ "deny" in the sense of keeping something from someone: two objects ("denied Elvis his fourth number one"), a
    person, team or place as the object, or a thing one is let have ("access", "bail")."""
    objects = [c for c in deny.children if c.dep_ in ("dobj", "dative")]
    return any(o.dep_ == "dative" or o.lemma_.lower() in WITHHELD or o.pos_ == "PROPN" and o.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") for o in objects)


def _quoting(verb: Token) -> bool:
    """A quotation right after the verb ("and concluded, “Life itself will settle the rest”"), or after a colon that
    ends a few words of its phrase ("informed the public on X: “We have an agreement.”")."""
    doc = verb.doc
    for t in doc[verb.i + 1 : min(verb.i + 8, len(doc) - 1)]:
        if t.text in (",", ":") and doc[t.i + 1].text in OPENS:
            return t.i == verb.i + 1 or t.text == ":"
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            return False
    return False


def _appeal(call: Token) -> list[Token]:
    """What "called on X to ..." or "called for X" asks (the preposition's object, and the infinitive after
    "on"), when the one calling can speak (not "the proposal calls for Ukraine to ..."); else nothing."""
    subject = _subject_before(call) or next((c for c in call.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in RELATIVE and call.dep_ == "relcl":
        subject = call.head
    # (A participle going on from a statement has its speaker's subject: "told the summit …, calling on Trump for …".)
    if subject is None and not _goes_on(call) or subject is not None and not (_can_speak(subject) or subject.lower_ in PRONOUNS):
        return []
    for clause in call.children:
        # "called for Zelenskyy to sack his chief of staff": a parse may make it a clause marked by "for".
        if clause.dep_ == "advcl" and clause.i > call.i and any(m.dep_ == "mark" and m.lower_ == "for" and m.i == call.i + 1 for m in clause.children):
            return [t for t in clause.subtree if t.i > call.i + 1]
    for prep in call.children:
        # (The parse may take the "on" for a particle, its object still hung on it: "has called on Zelensky to …";
        # and "Witkoff, for his part, called the meeting constructive" appeals for nothing: the "for" comes first.)
        if prep.dep_ in ("prep", "prt") and prep.i > call.i and prep.lower_ in APPEALING and any(c.dep_ == "pobj" for c in prep.children):
            # (Or an infinitive the parse took for a purpose, right after the one called on: "calls on Government to reverse …",
            # not "called on Putin in Moscow to discuss …".)
            infinitive = [
                c
                for c in call.children
                if c.i > prep.i and (c.dep_ == "xcomp" or c.dep_ == "advcl" and c.left_edge.lower_ == "to" and c.left_edge.i == prep.right_edge.i + 1)
            ]
            if prep.lower_ == "on" and not infinitive:
                continue  # "called on Putin": a visit, unless "for" follows: "calling on Trump for “real guarantees”"
            return [t for c in (prep, *infinitive) for t in c.subtree if t != prep]
    return []


def _after_a_quotation(verb: Token) -> bool:
    """ "“...,” the General Staff continued", "“...,” Zelenskyy posted": a subject and its verb right after a
    quotation closed with a comma introduce it, whatever the verb; so does such a verb before its subject, "“...,”
    observed Mr MacKenzie"."""
    # ("“...,” Russian media quoted Peskov as saying", "CNNTurk cited the minister as saying": "saying" is the cue.)
    if verb.pos_ != "VERB" or verb.lemma_ in QUOTING:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return _after_a_closed_quotation(subject.left_edge) if subject.i < verb.i else _after_a_closed_quotation(verb) and _can_speak(subject)


def _after_a_closed_quotation(token: Token) -> bool:
    """Right after a quotation closed with a comma, "?" or "!": "“...,” the General Staff …", "“...?” asked …"."""
    return token.i > 1 and token.nbor(-1).text in CLOSING_TOKENS and token.nbor(-2).text in (",", "?", "!")


def _after_a_dash(verb: Token) -> bool:
    """ "… Life is the highest value - Oleh Hryhorov concluded.": a subject and its verb ending the sentence right after
    a spaced dash, as UNN closes a quotation it prints without marks (not "— Ukraine and Russia concluded a round of
    talks")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    # (From the name's first word: the parse may hang the words before the dash on the name.)
    first = _proper_nouns_ending_in(subject).start if subject is not None else 0
    if first < 1 or any(t.pos_ in ("VERB", "AUX", "NOUN", "PROPN") for t in verb.doc[verb.i + 1 : verb.sent.end]):
        return False
    return _spaced_dash(verb.doc[first - 1])


def _spaced_dash(token: Token) -> bool:
    """A dash with a space on each side: one that sets words apart, not a hyphen."""
    return token.text in DASHES and token.whitespace_ != "" and token.i > 0 and token.nbor(-1).whitespace_ != ""


def _lemma(token: Token) -> str:
    """The lemma, or the word with its ending cut where the lemmatiser failed ("texted" -> "texte")."""
    lemma = token.lemma_.lower()
    if lemma in CUE_LEMMAS:
        return lemma
    word = token.lower_
    for ending, instead in (("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("d", "")):
        if word.endswith(ending) and word[: -len(ending)] + instead in CUE_LEMMAS:
            return word[: -len(ending)] + instead
    return lemma


def _pointed_out(token: Token) -> bool:
    """ "pointed out" (not "pointed to the map")."""
    return token.lemma_ == "point" and token.pos_ == "VERB" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)


def _ruled_out(token: Token) -> bool:
    """ "has ruled out any territorial concessions", "did not rule out a demilitarised zone": a position taken by someone
    who can speak (not "an injury ruled him out", "was ruled out of the match")."""
    return (
        token.lemma_ == "rule"
        and token.pos_ == "VERB"
        and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
        and any(c.dep_ == "dobj" and c.i > token.i for c in token.children)
        and _spoken_by_someone(token)
    )


def _spoken_by_someone(verb: Token) -> bool:
    """Whether ``verb``'s subject can speak: a name, a noun for people or what they issue, or "he", "she", "they"; a verb
    joined to another without a subject of its own has that one's ("A Euroclear representative did not object but
    demanded that …"; not a bare verb joined to a participle, a noun the parse made a verb: "with firms driving down prices
    and demand dipping")."""
    while verb.dep_ == "conj" and verb.head != verb and _subjectless(verb):
        if verb.tag_ == "VB" and verb.head.tag_ == "VBG":
            return False
        verb = verb.head
    return any(c.dep_ == "nsubj" and (_can_speak(c) or c.lower_ in ("he", "she", "they")) for c in verb.children)


def _went_on(verb: Token) -> bool:
    """ "He went on, “Putin’s goal is not Donetsk …”": "went on" and a quotation right after its comma."""
    on = next((c for c in verb.children if c.dep_ == "prt" and c.lower_ == "on" and c.i == verb.i + 1), None)
    doc = verb.doc
    return on is not None and on.i + 2 < len(doc) and doc[on.i + 1].text == "," and doc[on.i + 2].text in OPENS


def _bare_object_next(verb: Token) -> bool:
    """Whether the verb's object is the next word, a common noun alone ("writing campaign"; not "calling Davis …")."""
    return any(c.dep_ == "dobj" and c.i == verb.i + 1 and c.pos_ == "NOUN" and c.n_lefts + c.n_rights == 0 for c in verb.children)


def _said_in_a_phrase(token: Token) -> bool:
    """Saying in two words: "pointed out that ...", "made it clear that ...", "were clear that ...", or through a noun
    for what was said: "made a statement that ...", "gave assurances that ..."."""
    if _pointed_out(token):
        return bool(_that_clause(token))
    if (
        token.lemma_ in ("make", "be")
        and token.pos_ in ("VERB", "AUX")
        and any(c.lower_ == "clear" and c.dep_ in ("ccomp", "acomp", "oprd") for c in token.children)
    ):
        return bool(_that_clause(token))
    return token.pos_ == "VERB" and bool(_statement_made(token) or _fact_pointed_to(token)) and bool(_that_clause(token))


def _fact_pointed_to(verb: Token) -> list[Token]:
    """The fact of "drew attention to the fact that …", whose that-clause was said (not "drew attention to the crisis")."""
    if verb.lemma_ != "draw" or not any(c.dep_ == "dobj" and c.lower_ == "attention" for c in verb.children):
        return []
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj" and o.lemma_ == "fact"]


def _statement_made(verb: Token) -> list[Token]:
    """The nouns of what was said that ``verb`` makes or gives: "made public statements", "gave explicit assurances" (not
    "would make no predictions other than that …")."""
    if verb.lemma_ not in STATING or any(c.dep_ == "neg" for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in STATEMENTS and not any(d.lower_ == "no" for d in c.children)]


def _that_clause(verb: Token) -> list[Token]:
    """The that-clause of "pointed out that ...", "made it clear that ...", "made a statement that ..." or "drew attention
    to the fact that ..." (on the verb, on "clear", where the parse may take it for the subject of "clear": "Putin made
    clear that military objectives would continue …", or on the statement or the fact)."""
    for head in (verb, *(c for c in verb.children if c.lower_ == "clear"), *_statement_made(verb), *_fact_pointed_to(verb)):
        for c in head.children:
            if (c.dep_ in ("ccomp", "advcl") or c.dep_ in ("csubj", "acl") and c.i > head.i) and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children
            ):
                return list(c.subtree)
    return []


def _said_through(cue: Token) -> Token | None:
    """What a cue of :data:`SAYING_OF` says through its preposition: "insisted on full legal guarantees", "warned of a
    threat", "hinted at progress"."""
    about = SAYING_OF.get(cue.lemma_)
    return next((o for c in cue.children if c.dep_ == "prep" and c.lower_ == about and c.i > cue.i for o in c.children if o.dep_ == "pobj"), None)


def _in_the_clause_joined(cue: Token, start: int, end: int) -> bool:
    """ "The framework includes “strong” guarantees …, but Zelensky said these fall short …": a quotation in the clause
    the cue's own is joined to by "and" or "but", that clause with a subject of its own, is that clause's, not the cue's
    (not "“We are faring better, but the results are split,” Perkins told": nothing joins the cue's clause after it)."""
    head = cue.head
    if cue.dep_ != "conj" or _own_subject(cue) is None or _subjectless(head):
        return False
    if not any(c.dep_ == "cc" and end <= c.idx < cue.left_edge.idx for c in head.children):
        return False
    own = {t.i for t in cue.subtree}
    return any(start <= t.idx < end and t.i not in own for t in head.subtree)


def _distance(cue: Token, start: int, end: int) -> int:
    if cue.idx >= end:
        return cue.idx - end
    return max(0, start - cue.idx)


def _content_tokens(cue: Token) -> list[Token]:
    """The cue's reported clause or object, as tokens in text order."""
    if cue.lower_ == "according" or _as_reported(cue) or _in_the_view_of(cue):
        return []
    if _said_in_a_phrase(cue):
        return _without_gloss(_that_clause(cue))
    if cue.lemma_ == "cite":  # the grounds and all that says what they are ("citing precedents from World War II when ...")
        return _without_gloss([t for t in cue.subtree if t.i > cue.i])
    if (called := _described_by(cue)) is not None:
        return _without_gloss([t for t in called.subtree if t != called])
    tokens: list[Token] = []
    clauses = [c for c in cue.children if c.dep_ == "ccomp" and not _beyond_semicolon(cue, c)]
    if not clauses and (quoted := _quoted_as(cue)) is not None:
        # ("Talks will move to Geneva, Peskov was quoted as saying": the parse hangs what was said on "quoted".)
        clauses = [c for c in quoted.children if c.dep_ == "ccomp" and c.i < quoted.i]
    clauses = [c for c in clauses if not _scene_before(cue, c, clauses) and not _beyond_the_cue(cue, c, clauses)]
    for clause in clauses:
        # "reported, citing a source, that Kiev confirmed ...": the clause starts at its "that".
        that = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        tokens.extend(t for t in clause.subtree if that is None or t.i >= that.i)
        # "said Wednesday that peace talks ... failed": a "that" the parse hung on the cue still opens the clause.
        stray = next((c for c in cue.children if c.lower_ == "that" and cue.i < c.i < clause.left_edge.i), None)
        if that is None and stray is not None:
            tokens.extend(cue.doc[stray.i + 1 : clause.left_edge.i])
        tokens.extend(_object_taken_for_the_speaker(cue, clause))
    # "noted the heavy pressure ... and that it may have ...": a second that-clause of the same cue, or the condition the
    # parse joined to the cue ("said he was prepared to hold an election, but only if … guarantee security"); and
    # "warning it carried legal risks and could expose the state ...", a modal verb the parse joined to the participle.
    for child in cue.children:
        if child.dep_ == "conj" and child.i > cue.i and any(m.dep_ == "mark" and m.lower_ in ("that", "if", "unless") for m in child.children):
            tokens.extend(child.subtree)
        elif child.dep_ == "conj" and clauses and cue.tag_ == "VBG" and child.i > clauses[-1].i:
            modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in child.children)
            if modal and _subjectless(child):
                tokens.extend(child.subtree)
        elif child.dep_ == "conj" and clauses and child.i > clauses[-1].i and _goes_on_in_the_present(cue, clauses[-1], child):
            tokens.extend(child.subtree)
    if _lemma(cue) in FEELING:
        # "voiced concerns that X", "voicing hope “X”": what was said is the clause the feeling is about
        # (without one, the feeling itself: "voiced gratitude for US support").
        about = [c for o in cue.children if o.dep_ == "dobj" for c in o.children if c.dep_ in ("acl", "ccomp")]
        if about:
            return _without_gloss(sorted((t for c in about for t in c.subtree), key=lambda t: t.i))
    if not clauses and not any(c.dep_ == "dobj" for c in cue.children) and (thing := _said_through(cue)) is not None:
        return _without_gloss(list(thing.subtree))
    if cue.lemma_ == "call":
        appeal = _appeal(cue)
        if appeal:
            return _without_gloss(sorted(set(appeal), key=lambda t: t.i))
    # "told reporters that ...", "asked Trump if ...": the one told or asked is not what was said.
    addressed = cue.lemma_ in ("tell", "inform") or (clauses and cue.lemma_ == "ask")
    objects = [c for c in cue.children if c.dep_ in ("dobj", "xcomp", "oprd") and not (addressed and c.dep_ == "dobj")]
    if (acts := _acts_listed(cue)) is not None:
        tokens, objects = [], [acts[1]]  # (the first act is no part of what the second says)
    # "claimed Zelensky was ready to “sign a deal,” an offer dismissed by ...": a noun after the reported clause
    # and a comma is the writer's remark on it, whatever the parse made it.
    objects = [c for c in objects if not (clauses and c.dep_ == "dobj" and c.i > clauses[-1].i and _after_comma_mark(c.left_edge))]
    # "what Moscow has described as “megaphone diplomacy”": the "what" is not said; what it is called is.
    what = _what_is_said(cue)
    for child in objects:
        if not what:
            tokens.extend(child.subtree)
    if objects:  # "described the plans as ...", "thanked Washington for ..." (not "..., for his part, confirmed")
        for child in cue.children:
            # ("labeling the claim as “entirely fabricated”": an "as" the parse made a clause's, without a subject.)
            as_clause = (
                child.dep_ == "advcl"
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
                and any(m.dep_ == "mark" and m.lower_ == "as" for m in child.children)
            )
            compared = child.lower_ == "to" and cue.lemma_ in LIKENING  # "likened the plan to the way the internet was developed"
            # ("criticized proposed amendments to a U.S. plan", "the Conservatives stance on Europe": what the thing criticised
            # is to or on, right after it, is the thing's; not when it was, "on 5 February".)
            criticised = _lemma(cue) in CRITICISING and child.lower_ in ("to", "on") and child.i == objects[0].right_edge.i + 1 and not _when(child)
            towards = _lemma(cue) in FEELING and _towards(child)
            if (child.dep_ == "prep" and (child.lower_ in ("of", "as", "for") or compared or criticised or towards) or as_clause) and child.i > objects[0].i:
                tokens.extend(t for t in child.subtree if not (what and t == child))
                # "accused Moscow of violating airspace, carrying out sabotage and deploying ships": the list goes on.
                if child.lower_ == "of":
                    tokens.extend(t for c in cue.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > child.i for t in c.subtree)
    if tokens and _set_off(cue) and any(c.i < cue.i for c in clauses):
        # "The situation would get worse, he continued, and it was better to ...": the sentence goes on after the cue.
        tokens.extend(t for c in cue.children if c.dep_ == "conj" and c.i > cue.i and not _is_cue(c) for t in c.subtree)
    if not tokens and cue.dep_ == "parataxis":
        # "Some things, he said, are a matter of principle": the sentence around the cue, whatever
        # the parse hung on the cue, but for the cue itself and its speaker.
        own = {cue, *(t for c in cue.children if c.dep_ in ("nsubj", "aux", "neg", "advmod", "punct") or _of_the_saying(c, cue) for t in c.subtree)}
        head = cue.head
        # "..., he emphasized, the partners understand ..., otherwise ...": a parse may hang the sentence's
        # main clause under the clause around the cue.
        while head.dep_ == "ccomp" and not _is_cue(head.head):
            head = head.head
        # (Nor a participle after it, wherever the parse hung it: "..., Ushakov said, offering no further details.")
        after = {t for h in (cue, head) for c in h.children if _going_on_after(c, cue) for t in c.subtree}
        around = [t for t in head.subtree if t not in own | after and not t.is_space]
        # "Posting on Instagram after …, Heraskevych said, “This is the price …”": a quotation opened right after the
        # cue, with a sentence of its own, is what was said, and what stands before the speaker unquoted the writer's
        # scene, though the parse hung it there (not a quotation the cue interrupts, "“If …,” Putin said, “then …”", nor
        # a clause the quotation goes on from, "Russia will pay, Zelensky said, “and the world will see it.”").
        if re.match(r"[,:]?\s*[“\"«]\s*[A-Z]", text_of(cue.doc)[cue.idx + len(cue) :]):
            quoted = _passages(cue.doc[:])
            if not any(s <= t.idx < e for t in around if t.i < cue.i for s, e in quoted):
                around = [t for t in around if t.i > cue.i]
        while around and around[-1].is_punct and around[-1].i > cue.i:
            around.pop()  # (the sentence's full stop would carry the clause over what was left out)
        return around
    if not tokens:
        # "said in a statement that ...": the that-clause hangs on the noun (not the cue's own clause, which a parse
        # may hang on the quotation before it by the quotation's last word: "“..., we can confirm that,” Peskov told").
        for token in cue.subtree:
            if (
                token != cue
                and token.dep_ in ("acl", "ccomp", "relcl")
                and _opened_by_that(token)
                and not _said_by_another_cue(token, cue)
                and not any(h.lemma_ in INFERRING for h in token.ancestors if h.i > cue.i)
            ):
                tokens.extend(token.subtree)
                break
    if cue.dep_ == "relcl":
        # "the plan, which the US president said has been “fine-tuned”": the "which" is the plan, not what was said.
        tokens = [t for t in tokens if not (t.i < cue.i and t.tag_ in ("WDT", "WP"))]
    return _without_gloss(_without_next_act(cue, sorted(tokens, key=lambda t: t.i)))


def _opened_by_that(clause: Token) -> bool:
    """A clause opened by "that": its mark, or a "that" the parse took for the subject of a clause with a subject of
    its own ("told allies during a Ramstein-format meeting that Kyiv had retaken …"; not the subject of a clause
    inside it, "an attack that local officials said killed at least five people")."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return True
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    inner = any(c.dep_ in ("ccomp", "xcomp") for c in clause.children)
    return len(subjects) > 1 and subjects[0].lower_ == "that" and subjects[0].i == clause.left_edge.i and not inner


def _without_next_act(cue: Token, tokens: list[Token]) -> list[Token]:
    """What was said without the speaker's next act, which a parse may join to the clause: "said the attacks are only
    targeting military facilities, and in previous years blamed …", "asserted its right to defend its interests and
    confirmed …", "said it would not return to Blackpool but did so in 2002": a past tense with no subject of its own,
    joined to a verb in the present, an infinitive or a verb under a modal, goes on from the cue's past. ("Was" and
    "had" may go on with the clause: "was investigating the claims but had no plans …" is all said.)"""
    if cue.tag_ != "VBD":
        return tokens
    inside = set(tokens)
    for verb in tokens:
        if (
            verb.dep_ == "conj"
            and verb.tag_ == "VBD"
            and verb.lower_ != verb.lemma_  # (not "upset", "put": a past that is also the infinitive)
            and verb.lemma_ not in ("be", "have")
            and verb.i > cue.i
            and verb.head in inside
            and _not_past(verb.head)
            and _subjectless(verb)
        ):
            joint = [c for c in verb.head.children if c.dep_ in ("cc", "punct") and verb.head.i < c.i < verb.i]
            start = min((c.i for c in joint), default=verb.left_edge.i)
            return [t for t in tokens if t.i < start or t.i > verb.right_edge.i]
    return tokens


#: Subordinators that open a clause setting the scene, not one reporting what was said.
SCENE_MARKS = frozenset("as while when whereas because since after before although though once until unless".split())


def _scene_before(cue: Token, clause: Token, clauses: list[Token]) -> bool:
    """ "With the war at a key juncture as Trump pushes hard for a deal, Putin said Russia was advancing": a clause
    before the cue opened by "as", "while", "when" … is the scene, though the parse made it the cue's, when the cue
    reports another clause after it; so is one in no quotation marks when that clause follows the cue directly."""
    if clause.i > cue.i or not any(c.i > cue.i for c in clauses):
        return False
    if any(c.dep_ == "mark" and c.lower_ in SCENE_MARKS for c in clause.children):
        return True
    # "Claiming ..., insisting ... it would be Europe's fault, Putin said Russia is ready": so is an unquoted clause
    # before the speaker when the cue's own clause follows it straight away (not "..., Schoff said, ANP reported").
    after = next(c for c in clauses if c.i > cue.i)
    between = cue.doc[cue.i + 1 : after.left_edge.i]
    if len(between) > 1 or any(t.is_punct for t in between) or after.left_edge.tag_ in ("WDT", "WP") or after.pos_ not in ("VERB", "AUX"):
        return False
    passages = _passages(cue.doc[:])
    return not any(s <= t.idx < e for t in clause.subtree for s, e in passages)


def _of_the_saying(child: Token, cue: Token) -> bool:
    """What the parse hung on a cue after it that tells of the saying, not what was said: its credit ("…, Peskov said,
    as reported by TASS", "…, quoted by TASS") or its circumstance ("…, an expert says, despite praise from …")."""
    if child.i < cue.i:
        return False
    if child.dep_ == "prep":
        return child.lower_ in ("despite", "with")
    return child.dep_ in ("advcl", "acl") and child.tag_ in ("VBN", "VBG")


def _beyond_the_cue(cue: Token, clause: Token, clauses: list[Token]) -> bool:
    """ "The counter-proposal is not acceptable to Moscow, Ushakov said today, quoted by TASS, BTA reported": when what
    was said stands before the cue, a clause after the comma that follows the cue is another source's credit or the
    writer's going on ("…, officials said Tuesday, aiming again at the power grid …"), whatever the parse made it."""
    if clause.i < cue.i or not any(c.i < cue.i for c in clauses):
        return False
    comma = clause.left_edge.i - 1
    return comma > cue.i and cue.doc[comma].text == ","


def _goes_on_in_the_present(cue: Token, clause: Token, verb: Token) -> bool:
    """ "has said Russia is not seeking war with Europe, but is ready for war ...": a verb with no subject of its own,
    joined to a cue in the past, goes on with the reported clause when both are in the present (the speaker's next
    act would be in the cue's past: "said ... but did so"); so does one whose subject cannot speak, after a clause the
    cue opens ("said the fire has since been contained, and emergency teams continue to monitor the situation"; not
    "…, said Travis Kalanick, founder of …, and soon they are all going to …", where the cue stands between)."""
    return (
        cue.tag_ in ("VBD", "VBN")
        and _present(clause)
        and _present(verb)
        and not _is_cue(verb)  # ("has denied it is trying …, but argues that …": a second statement)
        and (_subjectless(verb) or cue.i < clause.i and not any(c.dep_ in ("nsubj", "nsubjpass") and _can_speak(c) for c in verb.children))
    )


def _subjectless(verb: Token) -> bool:
    """A verb with no subject of its own, joined to another: "… and could expose the state", "…, but is ready"."""
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _present(verb: Token) -> bool:
    """ "is", "seeks", "is seeking", "are expected": the present tense, of the verb or of its auxiliary."""
    return verb.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _not_past(verb: Token) -> bool:
    """A verb in the present, an infinitive or under a modal: "are targeting", "was seeking", "to defend", "would not
    return" (not "did not teach", nor a bare "go" in "had seen them come and go")."""
    return verb.tag_ in ("VBG", "VBP", "VBZ") or verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ in ("TO", "MD") for c in verb.children)


def _beyond_semicolon(cue: Token, clause: Token) -> bool:
    """ "Reuters reports that ...; Zelenskyy said ...": a clause before a semicolon that opens the cue's own
    sentence ("; indeed, CNN reports") is not what the cue says."""
    subject = _own_subject(cue)
    if subject is None or clause.i > cue.i:
        return False
    semicolons = [t for t in cue.doc[clause.right_edge.i + 1 : subject.left_edge.i] if t.text == ";"]
    if not semicolons:
        return False
    return all(t.is_punct or t.pos_ in ("ADV", "CCONJ") for t in cue.doc[semicolons[-1].i + 1 : subject.left_edge.i])


def _without_gloss(tokens: list[Token]) -> list[Token]:
    """What was said, without the writer's words after it: "..., meaning he was not a suspect",
    "..., raising questions about ...", "..., a clear indication that ...", "... as the probe widens",
    "..., while the government pledged ...", "..., though officials acknowledge ...", "..., following
    four days of talks", "... Kupiansk, a town in the Kharkiv region", "..., which Kyiv says ...", "... (the
    Kremlin's term for ...)", "..., according to AFP"."""
    # A bracket at the end of what was said is the writer's note on it ("“root causes” (the Kremlin's term for ...)").
    opening = next((k for k in range(len(tokens) - 1, 0, -1) if tokens[k].text == "("), None)
    if opening is not None and all(t.text != ")" or k == len(tokens) - 1 for k, t in enumerate(tokens[opening:], opening)):
        return _without_gloss(tokens[:opening])
    for token in tokens[1:]:
        if token.right_edge.i != tokens[-1].i:
            continue
        before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
        comma = before is not None and before.text == ","
        mark = next((c.lower_ for c in token.children if c.dep_ == "mark"), "")
        even = any(c.lower_ == "even" and c.i < token.i for c in token.children)
        # "as" after a comma may give the speaker's reason ("..., as he is trying to ..."); without one it tells when.
        aside = (
            token.dep_ == "advcl"
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            and (mark == "as" and (not comma or even) or comma and mark in ("while", "whereas", "though", "although"))
        )
        # "... Kupiansk, a town in the north": the writer describes a name the statement used (not a name: "his
        # chief of staff, Andrii Yermak", nor a list or a date: "65 flights on Thursday, 180 on Friday", "11 September,
        # 2001"); "... Pokrovsk, which Russian commanders said ...": another's statement, or name ("which Moscow calls ...").
        a_remark = token.pos_ == "NOUN" and token.left_edge.lower_ in ("a", "an")
        described = comma and (
            token.dep_ == "appos"
            and a_remark
            or token.dep_ == "relcl"
            and any((_is_cue(t) or t.lemma_ == "call") and t.i > token.left_edge.i for t in token.subtree)
        )
        # "... a basis — a striking escalation of rhetoric": a dash sets off the writer's remark (not "— only a set of questions").
        dashed = before is not None and before.text in ("—", "–") and token.dep_ in ("appos", "attr", "npadvmod") and a_remark
        # A participle of comment on the clause ("..., meaning ..."), not one that goes on with it ("..., receiving input").
        # (", indicating he is not a suspect" reads the statement; ", indicating readiness to ..." goes on with it.)
        inferred = token.lemma_ in INFERRING and any(c.dep_ == "ccomp" for c in token.children)
        # The speaker's next act ("..., citing historical precedents", "..., urging calm") is no part of what was said.
        participle = (
            comma
            and (token.dep_ == "advcl" or _after_as(token))
            and token.tag_ == "VBG"
            and (token.lemma_ in GLOSSING or inferred or _lemma(token) in SPEAKING_ON)
        )
        # ", a clear indication that ...": a remark on the statement.
        # (Not a name: "his chief of staff, Andrii Yermak, who was also ..." names the one the statement is about.)
        # (", a timeframe shorter than …": a noun with "a" the parse hangs on the verb is one too.)
        remark = (
            comma
            and token.dep_ in ("appos", "attr", "npadvmod")
            and token.pos_ != "PROPN"
            and (any(c.dep_ in ("acl", "relcl") for c in token.children) or token.dep_ == "npadvmod" and a_remark)
        )
        setting = comma and token.dep_ == "prep" and token.lower_ in SETTING
        # "..., according to a video statement he posted on Facebook": where the writer had it from, not what was said
        # (a quotation closing after it says it: "… than we have made, according to the Ukrainians now, … years.”").
        relayed = comma and token.lower_ == "according" and not any(t.text in QUOTE_MARKS for t in tokens if t.i > token.i)
        if aside or participle or remark or setting or described or dashed or relayed:
            cut = token.left_edge.i - (comma or dashed)
            kept = [t for t in tokens if t.i < cut]
            if kept:
                return kept
    return tokens


def _as_reported(cue: Token) -> bool:
    """ "As reported by Western media, ...": a source set off like "according to"."""
    if not any(c.lower_ == "as" and c.dep_ in ("mark", "advmod") for c in cue.children):
        return False
    if any(c.dep_ == "agent" for c in cue.children):
        return True
    # "..., as the New York Post reports.", "As Zelensky mentioned, ...": a source named, with nothing said of its own.
    deps = {c.dep_ for c in cue.children}
    return "nsubj" in deps and not deps & {"ccomp", "dobj", "xcomp"}


def _in_the_view_of(token: Token) -> bool:
    """ "In Fico's view, peace was not discussed", "…, in his opinion.": whose view, set off by a comma."""
    if token.lower_ not in VIEWS or token.dep_ != "pobj" or token.head.lower_ != "in" or not any(c.dep_ == "poss" for c in token.children):
        return False
    start, end = token.head.i, token.i + 1
    doc = token.doc
    return end < len(doc) and doc[end].text == "," or start > 0 and doc[start - 1].text == ","


def _said_by_another_cue(token: Token, cue: Token) -> bool:
    """Whether a cue between ``token`` and ``cue`` says it ("added, noting that ...": noting's clause)."""
    head = token.head
    while head != cue and head.head != head:
        if _is_cue(head):
            return True
        head = head.head
    return False


def _name(span: Span) -> str:
    """A name without a trailing possessive or a list's bullet ("• Rubio")."""
    words = [t for t in span if t.tag_ != "POS" and t.dep_ != "case" and (t.is_alpha or t.i > span.start)]
    return normalise_space(span.doc[words[0].i : words[-1].i + 1].text) if words else normalise_space(span.text)


def _named_after_source(according: Token) -> Span | None:
    """The name set off by commas right after "according to" and its source: "According to Ramaphosa’s spokesperson,
    Vincent Magwenya, the Russian president …" (the parse may make the name the subject of what follows)."""
    end = according.right_edge.i
    doc = according.doc
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return None
    name = next((e for e in doc.ents if e.start == end + 2 and e.label_ == "PERSON"), None)
    return name if name is not None and name.end < len(doc) and doc[name.end].text == "," else None


def _relays_the_speaker(according: Token) -> bool:
    """Whether a sentence opening "according to" only says where the writer had its statement from: a name set off
    after the source speaks ("According to Ramaphosa’s spokesperson, Vincent Magwenya, …"), or one the source runs on
    into ("According to Ukrinform, Oleh Hryhorov, head of …, reported this": the name the object of "to"); reports no one
    is named as issuing are no party ("According to available reports, Trump described …"; but "According to a statement
    from the Turkish Presidency: …")."""
    comma = next((t for t in according.subtree if t.text == "," and t.i > according.i), None)
    source = _source_of(according)
    if _named_after_source(according) is not None or source is not None and comma is not None and source.i > comma.i:
        return True
    issued = source is not None and any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in source.subtree)
    return source is not None and source.lemma_.lower() in DOCUMENTS | MEDIA | FINDINGS_PUBLISHED and not issued


def _source_of(according: Token) -> Token | None:
    """The object of "according to", as the parse has it."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def _subject_hung_on_source(cue: Token) -> Token | None:
    """The subject of the clause after "according to X," where the parse hung it on the source, as its appositive
    ("According to an official, two tankers, which …, were targeted") or as a list's next item ("According to Zelensky,
    the Kyiv and Trump teams … confirmed …"): the clause's verb then has none."""
    if cue.lower_ != "according" or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in cue.head.children):
        return None
    return next((t for t in cue.subtree if t.dep_ in ("appos", "conj") and t.head.i > cue.i and _comma_before(t)), None)


def _source_run_on(according: Token) -> Span | None:
    """The name a sentence opening "According to" gives before its comma, where the parse ran it into the clause after
    the comma: "According to Kiper, residential, logistical, and energy infrastructure … were attacked" (the name a
    modifier of the noun after it), "According to Kyiv Regional State Administration head Mykola Kalashnyk, a … building
    was damaged" (no object)."""
    doc = according.doc
    to = next((c for c in according.children if c.lower_ == "to"), None)
    comma = next((t for t in doc[according.i + 1 : according.sent.end] if t.text == ","), None)
    if according.i != according.sent.start or to is None or comma is None:
        return None
    # (Not a name the parse took right: the object of "to" before the comma, or a name after it.)
    if any(c.dep_ == "pobj" and (c.i < comma.i or c.ent_type_) for c in to.children):
        return None
    # (A name ending right at the comma, after words of its title: no verb, no clause.)
    name = next((e for e in doc.ents if e.end == comma.i and e.label_ in ("PERSON", "ORG") and e.start > to.i), None)
    if name is None or any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in doc[to.i + 1 : name.start]):
        return None
    return name


def _quoted_as(saying: Token) -> Token | None:
    """The verb that quotes someone "as saying": "media quoted Peskov as saying", "Peskov was quoted as saying"."""
    if saying.dep_ == "pcomp" and saying.head.lower_ == "as" and saying.head.head.lemma_ in QUOTING:
        return saying.head.head
    return None


def _subject(cue: Token, passages: list[tuple[int, int]]) -> Token | None:
    """The noun that speaks through ``cue``: its subject, its agent, the object of "according to",
    or the one quoted ("media quoted Peskov as saying")."""
    if cue.lower_ == "according":
        named = _named_after_source(cue) or _source_run_on(cue)
        return named.root if named is not None else _source_of(cue)
    if _in_the_view_of(cue):
        return next(c for c in cue.children if c.dep_ == "poss")
    if (quoted := _quoted_as(cue)) is not None:
        return next((c for c in quoted.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if cue.dep_ == "acl" and _people(cue.head) and not any(c.dep_ == "nsubj" for c in cue.children):
        return cue.head  # "a U.S. official saying ..."
    if cue.dep_ == "acl" and cue.head.lemma_.lower() in DOCUMENTS:
        # "a Kremlin statement saying ...": its issuer; "Yermak issued a statement saying ...": who issued it.
        document = cue.head
        issuer = next((c for c in document.head.children if c.dep_ == "nsubj"), None) if document.dep_ == "dobj" else None
        named = any(c.dep_ in ("compound", "poss") and c.ent_type_ for c in document.children)
        return document if named or issuer is None else issuer
    if _goes_on(cue):
        # "a measure Moscow has denounced as illegal, characterizing …": a statement ending right before the comma
        # goes on, wherever the parse hangs the participle.
        if (said := _clause_before(cue, passages, saying=True)) is not None:
            return _past_dateline(said)
        # "Zelenskyy has refused demands that Ukraine cede territory, saying ...": a participle after a comma
        # speaks for the subject of the clause it ends, not of a clause inside a noun.
        for verb in cue.ancestors:
            if verb.dep_ in ("acl", "relcl") or verb.dep_ == "ccomp" and verb.head.pos_ in ("NOUN", "PROPN"):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and not _quoted(c, passages)), None)
            if subject is not None:
                # "tensions have risen after Russia condemned the remarks, calling them ...": a subject that
                # cannot speak leaves the participle to the clause that ends right before it, or one that says to
                # whose it is ("Kyiv's consistent condition for peace is …, rejecting …": Kyiv rejects; "India's
                # imports continue …, highlighting …" stays the writer's reading).
                if _can_speak(subject):
                    return _past_dateline(subject)
                owner = _owner_who_speaks(subject) if cue.lemma_ not in WEAK_CUES else None
                return _clause_before(cue, passages) or owner or subject
    if (source := _appositive_speaker(cue) or _subject_taken_for_an_object(cue)) is not None:
        return source
    head, subject = cue, None
    for _ in range(4):  # "..., telling state media:" and "denied ... and said" take their subject from the head
        # A parse may give a verb several subjects ("Colin Asplin, Blackpool Hotel Association said",
        # "BRUSSELS -- ..., NATO's chief said", a noun inside the quotation): the speaker is a person
        # if one is among them, else the one nearest the verb; never one inside quotation marks.
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "agent") and not _quoted(c, passages)]
        subject = min(subjects, key=lambda c: (not _a_person(c), abs(c.i - head.i)), default=None)
        if subject is None and head.dep_ == "pcomp" and _done_so(head):
            head = head.head.head  # "stunned observers by announcing his intent ...": the subject of what it did so
            continue
        if subject is not None or head.dep_ not in ("conj", "advcl", "xcomp") or head.head == head:
            break
        head = head.head
    if subject is not None and (acts := _acts_listed(head)) is not None:
        subject = acts[0]
    if subject is None:
        # "Governor Oleh Kiper, writing on Telegram, said …": a parse may give the subject to a participle set off
        # between it and the cue.
        participle = next((c for c in cue.children if c.dep_ == "advcl" and c.tag_ == "VBG" and 0 < c.i < cue.i and c.nbor(-1).text == ","), None)
        subject = participle and next((c for c in participle.children if c.dep_ == "nsubj" and c.i < participle.i), None)
    if subject is None:
        subject = _name_taken_for_an_adverb(cue) or _name_taken_for_an_object_before(cue)
    if subject is not None and subject.dep_ == "agent":
        subject = next((c for c in subject.children if c.dep_ == "pobj"), None)
        # ("This was stated by Heorhiy Tikhy, Ukrinform informs.": a parse may take the site's credit for the agent.)
        if subject is not None and _site_credit(subject):
            subject = next((c for c in subject.children if c.dep_ in ("nmod", "appos") and c.i < subject.i - 1), None)
    return _past_dateline(subject) if subject is not None else None


def _name_taken_for_an_adverb(cue: Token) -> Token | None:
    """ "Orban further said, “…”": a name opening the sentence, then only adverbs before the cue, which the tagger took
    for one more adverb, is the cue's subject."""
    before = list(cue.doc[cue.sent.start : cue.i])
    name = list(itertools.takewhile(lambda t: t.ent_type_ in ("PERSON", "ORG", "NORP"), before))
    rest = before[len(name) :]
    if not name or not rest or name[-1].dep_ not in ("advmod", "npadvmod") or any(t.pos_ != "ADV" or t.ent_type_ for t in rest):
        return None
    return name[-1]


def _name_taken_for_an_object_before(cue: Token) -> Token | None:
    """ "… suffered a setback after Euroclear, the main custodian of the assets, said the proposal is …": a parse may
    take the name set off before the cue for the object of the word before it ("after"), and the cue for the verb of
    the whole sentence; the name, described between commas right up to the cue, is its subject."""
    if cue.i < 2 or cue.nbor(-1).text != ",":
        return None
    described = cue.nbor(-2)
    while described.dep_ != "appos" and described.head.i < described.i:
        described = described.head
    name = described.head if described.dep_ == "appos" else None
    if name is None or name.dep_ != "pobj" or name.head.pos_ not in ("ADP", "SCONJ") or cue.doc[name.i + 1].text != ",":
        return None
    return name if name.pos_ == "PROPN" and _can_speak(name) else None


def _acts_listed(verb: Token) -> tuple[Token, Token] | None:
    """ "the Alliance chief pledged unwavering support, acknowledged the West's past miscalculations …, and stressed
    that …": a parse may take the first of a speaker's acts listed for a clause of the second, and the second's object
    for its subject, after it. The speaker, the first act's subject, and what the second says, that "subject"; else None."""
    after = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i), None)
    first = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and c.right_edge.i == verb.i - 2), None)
    if after is None or _can_speak(after) or first is None or verb.doc[verb.i - 1].text != ",":
        return None
    # (A list in one tense that goes on after the object: not "The UK must realise …, says a top academic".)
    if first.tag_ != verb.tag_ or not any(c.dep_ == "conj" and c.i > after.i for c in verb.children):
        return None
    speaker = next((c for c in first.children if c.dep_ == "nsubj" and c.i < first.i and _can_speak(c)), None)
    return (speaker, after) if speaker is not None else None


def _past_dateline(subject: Token) -> Token:
    """ "BRUSSELS (Belga) – Belgian Foreign Minister Maxime Prevot has voiced …": a parse may take the dateline's
    place for the subject and the speaker after the dash for its apposition. ("WARSAW — Poland’s Minister of
    Foreign Affairs, Radoslaw Sikorski, announced …": both office and name may hang on the place; the name speaks.)"""
    sentence = subject.sent
    dateline = DATELINE.match(sentence.text)
    if dateline is None or subject.idx >= sentence.start_char + dateline.end():
        return subject
    after = [c for c in subject.children if c.dep_ == "appos" and c.idx >= sentence.start_char + dateline.end()]
    # ("KYIV — Ukraine’s top diplomat cited …": or the parse gave the verb the place and the speaker both as subjects.)
    after = after or [c for c in subject.head.children if c.dep_ == "nsubj" and c.idx >= sentence.start_char + dateline.end()]
    return next((c for c in after if c.ent_type_ == "PERSON"), after[0] if after else subject)


def _clause_before(cue: Token, passages: list[tuple[int, int]], saying: bool = False) -> Token | None:
    """The speaking subject of the clause that ends right before ``cue`` (its comma or closing mark aside); with
    ``saying``, only of a clause that is a statement."""
    for verb in reversed(cue.doc[cue.sent.start : cue.i]):
        if verb.pos_ in ("VERB", "AUX") and verb.right_edge.i >= cue.i - 3 and (not saying or _is_cue(verb)):
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and not _quoted(c, passages) and _can_speak(c)), None)
            if subject is not None:
                return subject
    return None


def _a_person(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lower_ in ("he", "she")


def _quoted(token: Token, passages: list[tuple[int, int]]) -> bool:
    """Whether any character of ``token`` is inside a quotation (a token may carry its opening mark)."""
    text = text_of(token.doc)
    return any(s < token.idx + len(token) and token.idx < e and not _a_name_in_marks(text, s, e) for s, e in passages)


def _in_marks(noun: Token) -> bool:
    """Whether ``noun`` is the part of a name in marks after the name's capitalised words ("Operational Command “East”")."""
    doc = noun.doc
    # (Cheap tests first: most names have no mark after them, and the passages are the whole paragraph's.)
    if noun.i + 1 >= len(doc) or doc[noun.i + 1].text not in CLOSES:
        return False
    if not any(c.dep_ in ("compound", "nmod") and c.i < noun.i and c.pos_ == "PROPN" for c in noun.children):
        return False
    return any(s <= noun.idx < e and _a_name_in_marks(text_of(doc), s, e) for s, e in _passages(doc[:]))


def _a_name_in_marks(text: str, start: int, end: int) -> bool:
    """ "Operational Command “East”", "the 12th Brigade “Azov”": marks around a capitalised word or two that go on
    from a capitalised name, not a quotation."""
    words = text[start:end].split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    before = text[: max(start - 1, 0)].rsplit(None, 1)[-1:]  # the word before the opening mark
    return bool(before) and before[0][:1].isupper()


def _speaker(cue: Token, span: Span, paragraph: int, memory: SpeakerMemory) -> Speaker | None:
    subject = _subject(cue, _passages(span))
    if subject is None:
        return None
    if subject.lower_ in RELATIVE and cue.dep_ == "relcl":
        # "a new peace proposal, which would also confirm Ukraine's sovereignty": a thing, not a speaker.
        return _describe(cue.head) if _can_speak(cue.head) or cue.head.lemma_.lower() in HUMANS else None
    pronoun = OBJECT_PRONOUNS.get(subject.lower_, subject.lower_) if subject.tag_ in ("PRP", "PRP$") else subject.lower_
    if pronoun in PRONOUNS:
        if pronoun == "it":
            # "It claimed that ...": the organisation that spoke just before, if one did.
            last = memory.speaker
            return last if last and not last.plural and not _surely_a_person(last, memory) and paragraph - memory.paragraph <= 1 else None
        if pronoun in ("he", "she"):
            # "Trump adopted a tougher line when he announced": the person just named, the sentence's subject
            # first ("Zelenskyy announced Yermak's resignation in a message where he said ...").
            passages = _passages(span)
            # (Nor a name that only modifies a noun, as in memory: "where he received a standing ovation in the Dail chamber, he urged";
            # nor the subject of the verb whose object "him" is: in "Politico quoted him as saying", "him" is someone else.)
            people = [
                e
                for e in span.ents
                if e.label_ == "PERSON"
                and e.end <= subject.i
                and not _inside(e.start_char, passages)
                and not _only_an_office(e)
                and not _among_places(e)
                and e.root.dep_ != "compound"
                and not _set_before_subject(e, subject)
                and not (subject.dep_ == "dobj" and e.root.dep_ == "nsubj" and e.root.head == subject.head)
                and not memory.a_word_taken_for_a_name(e)
            ]
            described = _person_described(cue, people)
            if described is not None:
                return _person_named(described)
            # (Not one the article said is the other; and one named only as an owner, "…, ahead of Zelenskyy's meeting in
            # Brussels, she said", gives way to the one it said is who "she" is: "spokeswoman Maria Zakharova said".)
            gender = {e.start: memory.gender_of(_person_named(e)) or _gender_before(e) for e in people}
            people = sorted((e for e in people if gender[e.start] in (None, pronoun)), key=lambda e: (e.root.dep_ == "nsubj", e.start))
            earlier = memory.resolve(paragraph, person=True, pronoun=pronoun)
            owner = people and people[-1].root.dep_ == "poss" and gender[people[-1].start] is None
            if people and not (owner and earlier is not None and memory.gender_of(earlier) == pronoun):
                return _person_named(people[-1])
            return earlier
        return memory.resolve(paragraph, person=pronoun != "they", pronoun=pronoun)
    if subject.pos_ == "PRON":
        return None  # "we", "I", "someone": nobody the reader can be told about
    if subject.lower_ in ("what", "which") or any(c.dep_ == "det" and c.lower_ in ("which", "what", "whose") for c in subject.children):
        return None  # "questions about which side wrote the draft": no one said it
    if _the_writers_reading(cue, subject):
        return None  # the writer's reading, not a statement
    # ("the two envoys" refer back; "Two sources informed Reuters" are new people.)
    definite = any(c.dep_ in ("det", "poss") for c in subject.children)
    pair = subject.tag_ == "NNS" and any(c.lower_ == "both" or c.lower_ == "two" and definite for c in subject.children)
    if pair and memory.both(paragraph):
        return memory.both(paragraph)  # "NABU and SAPO confirmed ... both agencies said"
    speaker = _describe(subject, alone=_subject_hung_on_source(cue) is not None)
    if speaker.entity is None:
        # "Human Rights Dmytro Lubinets said", "Matvii Bidnyi … told" (the surname taken for a place's name): the given
        # name and surname, whatever spaCy made of the words around them.
        speaker = memory.with_given_name(subject) or speaker
    if speaker.named and not speaker.person:
        # A surname spaCy took for a nationality ("…, Klitschko noted …") or for no person's, whose statement says "her"
        # ("Timoshenko confirmed that offices of her party …"): "he" or "she" next is them.
        group = memory.surname_taken_for_a_group(subject)
        gender = None if group else memory.surname_owning(subject, cue)
        if group or gender is not None:
            speaker = speaker._replace(person=True)
        if gender is not None:
            memory.genders[name_key(speaker.name)] = gender
    speaker = memory.named_in_full(speaker, subject.text)
    earlier = (
        # A document ("the statement") is whoever spoke last, whatever their office.
        memory.described(
            paragraph,
            speaker.person,
            frozenset() if not speaker.person else _description_words(subject),
            role_key(subject.lemma_),
            subject.tag_ in ("NNS", "NNPS"),
            _names_its_organisation(subject),
        )
        if not speaker.named and _refers_back(subject)
        else None
    )
    # "Putin's aide" is not Putin, nor one named before with a title that is not Putin's: "Finland’s President Alexander
    # Stubb described … UK Prime Minister Sir Keir Starmer’s spokesperson told the press" (but "Steve Witkoff said …
    # U.S. President Donald Trump's envoy said").
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if earlier and owner is not None:
        title = " ".join(memory.title_of(earlier))
        if owner.text in earlier.name or owner.ent_type_ == "PERSON" and title and name_key(owner.text) not in title:
            earlier = None
    if earlier:
        return earlier
    # "the ministry said", and "the department's post on X said": the organisation, or the document's issuer, named
    # again by its kind ("The Ministry noted", capitalised, too, though spaCy takes it for a name).
    organisation = next((c for c in subject.children if c.dep_ == "poss"), None) if subject.lemma_.lower() in DOCUMENTS else subject
    again = organisation is not None and _an_organisation_again(organisation)
    if again and (not speaker.named or organisation.lower_ in INSTITUTIONS):
        return memory.headed(organisation.lower_) or memory.business_that_spoke(paragraph, organisation.lemma_.lower(), organisation.tag_ == "NNS") or speaker
    return speaker


def _two_named(name: str) -> bool:
    """Whether a name joins two names: "SBC and AT&T", "the ministry and the General Staff"; not one whose "and" joins
    words of what it is "of" or "for" ("the Center for Strategic and International Studies")."""
    before, joined, after = name.partition(" and ")
    return bool(joined) and not (re.search(r"\b(?:of|for)\b", before) and not after.lower().startswith("the "))


def _person_named(ent: Span) -> Speaker:
    """The speaker a name spaCy found stands for."""
    return Speaker(_name(ent), ent.ent_id_ or None, named=True)


def _gender_before(ent: Span) -> str | None:
    """ "she" for "Foreign Ministry spokeswoman Maria Zakharova" or "Mrs Thatcher", "he" for "Mr Blair": a word of the
    title right before the name, or opening it."""
    doc = ent.doc
    words = (t.lower_.rstrip(".") for t in (ent[0], *(doc[i] for i in range(ent.start - 1, max(ent.start - 3, -1), -1))))
    return next((GENDERED[w] for w in words if w in GENDERED), None)


def _set_before_subject(name: Span, subject: Token) -> bool:
    """A name in a phrase set before the subject, "Concerning today's audience with Ukrainian President Zelensky, he
    explains": what the sentence is about, not who "he" is (but "Returning to Zakharova's comments, she described": the
    one whose words they are)."""
    return name.root.dep_ != "poss" and any(a.head == subject.head and a.dep_ in ("prep", "advcl", "npadvmod") and a.i < subject.i for a in name.root.ancestors)


def _person_described(cue: Token, people: list[Span]) -> Span | None:
    """ "responding to comments by Donald Trump, in which he questioned …": of a cue in a relative clause on what a
    person made ("by" them) and hung on their name by "which", "where" or "when", that person (among ``people``, the
    names before it); not "the meeting with Trump, which he called …", "Joe Biden, whom he blames …" or "his
    impression as Dracula, which he calls …"."""
    clause = next((t for t in (cue, *cue.ancestors) if t.dep_ == "relcl"), None)
    if clause is None or not any(t.lower_ in ("which", "where", "when") for t in clause.subtree if t.i < cue.i):
        return None
    if clause.head.dep_ != "pobj" or clause.head.head.lower_ != "by":
        return None
    return next((e for e in people if e.root == clause.head), None)


def _surely_a_person(speaker: Speaker, memory: SpeakerMemory) -> bool:
    """Whether "it" cannot be ``speaker``: a person, unless only spaCy's label says so of one word ("Ukrenergo said …
    “…,” it said": a company's name taken for a person's), with no entity nor title the article gives it."""
    return speaker.person and (speaker.entity is not None or " " in speaker.name or bool(memory.title_of(speaker)) or not speaker.named)


#: A regnal number after a name: "Leo XIV", "Charles III".
_REGNAL = re.compile(r"[ivxlc]+")


def _surname(name: str) -> str:
    """The word a person is called by on their own: the last of their name, a regnal number aside ("Leo" of "Leo XIV")."""
    words = name_key(name).split()
    return words[-2] if len(words) > 1 and _REGNAL.fullmatch(words[-1]) else words[-1]


def _office_taken_for_a_name(token: Token) -> bool:
    """ "the Chairperson said", "the Pope refrained": spaCy may take a capitalised office after "the" for a name."""
    return token.lower_ in PERSON_ROLES and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _entity_of(token: Token) -> Span | None:
    """The entity spaCy found ``token`` in, if any."""
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def _called_a_business(ent: Span) -> bool:
    """A "person's" name given a company's or a medium's kind right before it, "national oil company KazMunaiGas", or
    ending in a company's word or trade, "Cenk Shipping", which spaCy takes for a person's: an organisation ("the
    company" or "it" next, never "he")."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    kind_before = before is not None and before.head.i in range(ent.start, ent.end) and before.lower_ == before.text and before.lemma_ in BUSINESSES | MEDIA
    return kind_before or len(ent) > 1 and ent[-1].lower_ in COMPANY_WORDS | TRADES


def _among_places(ent: Span) -> bool:
    """A "person's" name listed with places, or a place's name of its kind: "the regions of Zaporizhzhia and Kherson", "the
    Sumy, Kharkiv, and Dnipropetrovsk regions", which spaCy may take for people's (never "he" next)."""
    listed = [ent.root, *ent.root.conjuncts]
    first = next(t for t in listed if t.dep_ != "conj")  # (the head of the list, which the parse hangs in the sentence)
    of_a_place = first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lemma_.lower() in PLACES
    named_place = first.dep_ == "compound" and first.head.lemma_.lower() in PLACES
    # (The parse may list the kind with the names: "Sumy, Kharkiv, and Dnipropetrovsk regions".)
    return of_a_place or named_place or any(t.ent_type_ in ("GPE", "LOC") or t.tag_ == "NNS" and t.lemma_.lower() in PLACES for t in listed)


def _only_an_office(ent: Span) -> bool:
    """A "name" that is an office taken for one ("the Chairperson")."""
    return len(ent) == 1 and _office_taken_for_a_name(ent.root)


def _full_form(name: str, short: str) -> bool:
    """Whether ``name`` is a person's full name ending in ``short``: two or three capitalised words ("Oleksandr
    Syrskii"), not an organisation's ("Central Bank of Russia" is not "Russia")."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and name_key(words[-1]) == name_key(short)


def _an_organisation_again(noun: Token) -> bool:
    """ "the ministry", "The police": "the" and a noun that is no office, people or document, nothing else."""
    lemma = noun.lemma_.lower()
    children = [c for c in noun.children if c.dep_ != "case"]  # ("the department's")
    if lemma in KINDS_OF_ORGANISATION:
        # (With the words that say which: "the Washington-based think tank", "The UN’s nuclear watchdog".)
        which = [c for c in children if c.dep_ in ("amod", "compound", "poss", "det")]
        return len(which) == len(children) and any(c.lower_ == "the" or c.dep_ == "poss" for c in children)
    # ("The Ministry noted", capitalised as the page's own name for it: a name's noun, taken for a name.)
    return (
        (noun.pos_ == "NOUN" or noun.lower_ in INSTITUTIONS)
        and lemma not in PERSON_ROLES | PEOPLE | HUMANS | DOCUMENTS
        and len(children) == 1
        and children[0].dep_ == "det"
        and children[0].lower_ == "the"
    )


def _an_outlet(noun: Token | None) -> bool:
    """ "the Interfax-Ukraine news agency", "Reuters", "AzerNEWS": a medium that relays, named or by its kind (a
    name spaCy did not label too, but no person's or place's)."""
    return noun is not None and (noun.lemma_.lower() in MEDIA or noun.ent_type_ in ("ORG", "") and noun.pos_ == "PROPN")


def _a_document(name: str) -> bool:
    """Whether a speaker's name is a document's: "The statement", "a joint statement", "the report"."""
    return name.split()[-1].lower() in DOCUMENTS


def _when(prep: Token) -> bool:
    """A preposition of a date or a time: "on January 15", "on 5 February"."""
    return prep.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in prep.children)


def _can_speak(noun: Token) -> bool:
    """A name, or a noun for people, an office, an organisation or what they issue."""
    return noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or noun.pos_ == "PROPN" or noun.lemma_.lower() in PERSON_ROLES | PEOPLE | GROUPS


def _owner_who_speaks(noun: Token) -> Token | None:
    """Whose ``noun`` is, when one who can speak: "Kyiv" of "Kyiv's consistent condition"."""
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON" and _can_speak(c)), None)


def _people(noun: Token) -> bool:
    """A person or people, named or by office: who can be the subject of a participle ("officials saying ...")."""
    return noun.ent_type_ == "PERSON" or noun.lemma_.lower() in PERSON_ROLES | PEOPLE


def _office(noun: Token) -> bool:
    """A noun for an office: "official", "President", and "Secretary-General", which spaCy cuts at its hyphen."""
    if noun.lemma_.lower() in PERSON_ROLES:
        return True
    return _hyphened(noun) and noun.doc[noun.i - 2].lower_ in PERSON_ROLES


def _refers_back(noun: Token) -> bool:
    """ "the official", "the President", "the statement", "Putin's aide", "the top U.S. diplomat",
    "the head of state", "the NATO Secretary-General": someone the article has already named."""
    if not _office(noun) and noun.lemma_.lower() not in DOCUMENTS:
        return False
    # ("The official, who requested anonymity, told Reuters": a clause set off by commas says more of the same one; "the
    # commander-in-chief": the words hyphens join to the noun are the noun's.)
    (*others,) = (c for c in noun.children if c.dep_ not in DESCRIBING_DEPS and not (c.dep_ == "relcl" and _after_comma(c)) and not _hyphened(c))
    if len(others) == 1 and others[0].dep_ == "poss" and others[0].ent_type_ == "PERSON":
        return True
    # "the" and words that say which office ("top", "U.S.", "foreign policy", "of state", "the US’s"), not a clause or
    # another possessive.
    return any(c.lower_ == "the" or _a_countrys(c) and any(t.lower_ == "the" for t in c.children) for c in others) and all(
        c.dep_ in ("det", "amod", "compound") or _of_office(c) or _of_the_organisation(c) or _a_countrys(c) for c in others
    )


def _hyphened(token: Token) -> bool:
    """Whether ``token`` is joined to the word before it by a hyphen, no space around it ("in" of "commander-in-chief", the
    "wrote" of "co-wrote"; by its text, as the tagger may take a hyphen for a verb)."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ and not doc[token.i - 2].whitespace_


def _a_countrys(token: Token) -> bool:
    """ "the US’s" in "the US’s leading diplomat": a country's, as "U.S." is in "the top U.S. diplomat"."""
    return token.dep_ == "poss" and token.ent_type_ in ("GPE", "NORP")


def _of_the_organisation(token: Token) -> bool:
    """ "of the Regional Military Administration" in "The head of the Regional Military Administration added": the
    organisation whose office it is, by name, which only one given that office by name can hold."""
    # (Its holder may be named after a comma: "Head of the Chernihiv Regional Military Administration, Viacheslav Chaus".)
    name = next((o for o in token.children if o.dep_ == "pobj" and o.ent_type_ == "ORG"), None)
    return (
        token.dep_ == "prep"
        and token.lower_ == "of"
        and name is not None
        and name.left_edge.lower_ == "the"
        and all(t.ent_type_ == "ORG" for t in name.doc[name.left_edge.i + 1 : name.i + 1])
        and all(c.dep_ in ("det", "compound", "appos", "punct") for c in name.children)
    )


def _names_its_organisation(noun: Token) -> bool:
    """Whether a description names the organisation of its office ("the head of the SBU"): see ``SpeakerMemory.fits``."""
    return any(_of_the_organisation(c) for c in noun.children)


def _of_office(token: Token) -> bool:
    """ "of state" in "the head of state": a preposition naming the office, not the person of another."""
    # ("the Head of State", capitalised; not "the head of Ukraine" or "of the SBU"; but "the Minister of Defense", whose
    # portfolio spaCy may label an organisation, with no "the".)
    words = [t for t in token.subtree if t != token]
    portfolio = bool(words) and all(t.ent_type_ == "ORG" and t.pos_ == "PROPN" for t in words)
    return (
        token.dep_ == "prep"
        and token.lower_ == "of"
        and (portfolio or all(t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP") for t in words))
    )


def _description_words(noun: Token) -> frozenset[str]:
    """The words of a description as roles are compared ("the top U.S. diplomat" -> top, us, diplomat;
    "the head of state" -> president); an age ("the 58-year-old") says nothing of an office."""
    parts = [c for c in noun.children if (c.dep_ in ("amod", "compound") or _of_office(c)) and not any(t.like_num for t in c.subtree)]
    parts += [c for c in noun.children if _a_countrys(c)]
    # (The organisation's name as a title gives it: "of" and the name, not its "the".)
    named = [t for c in noun.children if _of_the_organisation(c) for t in c.subtree if t.dep_ != "det"]
    words = sorted([noun, *(t for c in parts for t in c.subtree), *named], key=lambda t: t.i)
    text = " ".join(t.text for t in words if not t.is_punct and not any(ch.isdigit() for ch in t.text)).lower()
    for phrase, same in SAME_DESCRIPTION.items():
        text = re.sub(rf"\b{phrase}\b", same, text)
    return frozenset(role_key(text).split())


def _title_words(ent: Span) -> frozenset[str]:
    """The words an article puts before or beside a name to say who that is: "Kremlin foreign policy
    adviser Yury Ushakov", "Oleksii Tkachuk, a spokesperson for Yermak"."""
    root = ent.root
    # ("President of Finland Alexander Stubb": an nmod; "Chechen Head Ramzan Kadyrov": hung on the first name.)
    parts = [c for t in ent for c in t.children if c.i < ent.start and c.dep_ in ("compound", "amod", "nmod")]
    parts += [c for c in root.children if c.dep_ == "appos" and c.ent_type_ != "PERSON"]
    taken = _title_taken_for_a_name(ent)
    office = _office_beside(root)
    if office is not None:
        # ("Head of the Chernihiv Regional Military Administration, Viacheslav Chaus": its organisation too.)
        parts += [office, *(c for c in office.children if c.dep_ in ("compound", "amod", "poss") or _of_the_organisation(c))]
    words = sorted({t.i: t for c in parts for t in ([c] if c is office else c.subtree)}.values(), key=lambda t: t.i)
    # ("of" stays: the office is the word before it, "President of Finland"; so does the one served, "a senior adviser to
    # President Vladimir Putin", by surname, so that "Putin's aide" can be this adviser.)
    served = {t.i for t in words if t.ent_type_ == "PERSON" and t.dep_ == "pobj" and t.head.lower_ in ("to", "for") and not ent.start <= t.i < ent.end}
    words = [
        t
        for t in words
        if t.is_alpha
        and (t.pos_ in ("NOUN", "PROPN", "ADJ") or t.lower_ == "of")
        and (t.ent_type_ != "PERSON" or taken is not None and t.i >= taken.start or t.i in served)
    ]
    # (In lower case, as descriptions are compared: a name's cleaning would take "Prime Minister" for a title to drop;
    # a country's with its "'s", as "Russia's" is compared.)
    text = " ".join(t.text + ("'s" if any(c.tag_ == "POS" for c in t.children) else "") for t in words)
    return frozenset(role_key(text.lower()).split()) if words else frozenset()


def _title_taken_for_a_name(ent: Span) -> Span | None:
    """The title right before a name that spaCy took for a name of its own ("Chechen Head" in "Chechen Head Ramzan
    Kadyrov"): a person's "name" ending in an office, ending where the name starts."""
    before = _entity_of(ent.doc[ent.start - 1]) if ent.start else None
    return before if before is not None and before.label_ == "PERSON" and before.end == ent.start and _office(before[-1]) else None


def _office_beside(name: Token) -> Token | None:
    """The office a name is set beside, after a comma: "Russia's Ambassador to Chișinău, Oleg Ozerov, …" (spaCy
    hangs the name on the nearest noun, "Chișinău")."""
    if name.dep_ != "appos":
        return None
    noun = name.head
    while not _office(noun) and noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun if _office(noun) and not noun.ent_type_ else None


def _after_its_words(cue: Token, span: Span, passages: list[tuple[int, int]]) -> bool:
    """ "..., writes UNN", "..., reported Reuters": a cue after what it reports, its speaker after it."""
    subject = _subject(cue, passages)
    return _inverted_speaker(cue, span) is not None or subject is not None and subject.i > cue.i


def _inverted_speaker(cue: Token, span: Span) -> Speaker | None:
    """ "..., reported Reuters citing sources": a speaker named right after a cue that has no subject."""
    if any(c.dep_ == "nsubj" for c in cue.children) or cue.i + 1 >= span.end:
        return None
    # ("filed a police report accusing Zuma-Sambudla of …": the one accused, and a participle of a noun has its speaker.)
    if cue.dep_ == "acl" or _lemma(cue) in ACCUSING:
        return None
    after = cue.nbor(1)
    # ("noting Rubio's deep involvement": the name owns the object; it does not speak.)
    owner = _entity_of(after)
    if owner is not None and owner.end < len(cue.doc) and cue.doc[owner.end].tag_ == "POS":
        return None
    # ("an official saying Witkoff would travel ...": the name is the subject of what was said.)
    said = (owner.root if owner is not None else after).head
    # (But "“…,” said Friedrich Merz, in a statement released after the leaders reached …": right after a quotation, the
    # name is who said it, though the parse made it the subject of a clause after it.)
    # (Not a participle: "“…,” criticizing Russia for …" goes on with the writer's words.)
    closed = cue.tag_ in ("VBD", "VBZ", "VBP") and _after_a_closed_quotation(cue)
    if said != cue and said.dep_ == "ccomp" and said.head == cue and said.tag_ != "VBG" and not closed:  # (not "reported Reuters citing ...")
        return None
    if closed:
        # ("“…,” said German Chancellor Friedrich Merz, …", "said England sevens coach Mike Friday": the person a title
        # right after the cue ends in, else the noun its words lead up to.)
        # (A noun of the title may be taken for a verb's base form: "Tory shadow … secretary Caroline Spelman".)
        words = ("PROPN", "NOUN", "ADJ", "DET", "NUM", "PART")
        phrase = list(itertools.takewhile(lambda t: t.pos_ in words or t.tag_ in ("VB", "VBP"), span[after.i - span.start :]))
        person = next((t for t in reversed(phrase) if t.ent_type_ == "PERSON"), None)
        if person is not None:
            return _describe(person)
        noun = after
        while noun.head != noun and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.left_edge == after:
            noun = noun.head
        if noun.pos_ in ("NOUN", "PROPN") and _can_speak(noun):
            return _describe(noun)
    if after.ent_type_ in ("ORG", "PERSON") and after.pos_ == "PROPN":
        return _describe(after)
    # ("… are without power - reported the Ministry of Energy.", "About this reported … Oleksiy Kuleba.": after a comma,
    # a dash or "about this", a parse may take the speaker ending the sentence for what was reported; not the one
    # told, "…,” Jonas Guest, …, told BBC News.)
    noun = after
    while noun.head != cue and noun.head.i > noun.i:  # (up the words of the name to its last: "Secretary of State Marco Rubio")
        noun = noun.head
    last = span[-2] if span[-1].is_punct else span[-1]
    ending = noun.dep_ == "dobj" and noun.head == cue and _ends(noun, last) and cue.lemma_ not in ("tell", "inform")
    after_mark = cue.i > 0 and cue.nbor(-1).text in (",", *DASHES) or _about_this(cue)
    if ending and after_mark and _can_speak(noun) and _appositive_speaker(cue) is None:
        return _describe(noun)
    return None


def _ends(noun: Token, last: Token) -> bool:
    """The noun's phrase ends the sentence, or only when it was said follows: "…, declared Prime Minister Robert Fico on
    Friday", "…, reported Vedomosti on February 2"."""
    if noun.right_edge == last:
        return True
    after = noun.doc[noun.right_edge.i + 1 : last.i + 1]
    when = [c for c in noun.head.children if c.i > noun.i and c.dep_ in ("prep", "npadvmod")]
    return all(any(t in c.subtree for c in when) for t in after) and any(t.ent_type_ in ("DATE", "TIME") for t in after)


def _set_beside(noun: Token) -> bool:
    """A common noun in apposition after a comma: no part of a description ("of Kazakhstan, a ceasefire"), as a name
    there would be ("of Kazakhstan, Kassym-Jomart Tokayev")."""
    return noun.dep_ == "appos" and noun.pos_ == "NOUN" and _comma_before(noun)


def _after_comma(clause: Token) -> bool:
    """A clause set off by a comma after a noun: "an Axios report, which says ...", "A US official, cited by the Financial Times,"."""
    return clause.dep_ in ("relcl", "acl") and _comma_before(clause)


def _aside(phrase: Token) -> bool:
    """Whether the words ``phrase`` heads come after the word they describe, right after a spaced dash ("Shareholders
    United - which has proved adept …"; not "- Turkey's economic leaders", after an aside's closing dash)."""
    first = phrase.left_edge
    return phrase.i > phrase.head.i and first.i > 0 and _spaced_dash(first.nbor(-1))


def _comma_before(phrase: Token) -> bool:
    """Whether the words ``phrase`` heads come right after a comma."""
    first = phrase.left_edge
    return first.i > 0 and first.nbor(-1).text == ","


def _describe(noun: Token, alone: bool = False) -> Speaker:
    """The speaker a noun stands for: the entity it names, else its description; with ``alone``,
    without the nouns coordinated with it."""
    doc = noun.doc
    # "the Shadow Secretary of State for the Family, Theresa May,": a title's appositive name,
    # even one spaCy did not label.
    title = _office(noun)
    # ("Ukraine's national railway operator, Ukrzaliznytsia,": a name spaCy did not label, set off after its description.)
    named = [
        c
        for c in noun.children
        if c.dep_ == "appos"
        and (
            c.ent_type_ in ("PERSON", "ORG")
            or c.pos_ == "PROPN"
            and (title or noun.pos_ == "NOUN" and (not c.ent_type_ or c.ent_type_ == "GPE" and noun.lemma_.lower() not in PLACES))
        )
    ]
    # ("the head of the regional military administration, Vyacheslav Chaus": the holder's name, which a parse may hang
    # on the last noun of the office's "of".)
    if title and not named:
        named = _holder_after_of(noun)
    # ("Umerov, Ukraine’s top security official, said": a name set off before its office, which a parse may hang inside it.)
    opening = next((t for t in noun.subtree if not t.is_punct), noun)
    ent = next((e for e in doc.ents if e.start == opening.i and e.label_ == "PERSON"), None) if title and opening.i < noun.i else None
    if ent is not None and ent.end < noun.i and doc[ent.end].text == ",":
        named.append(doc[ent.end - 1])
    # ("Moscow, Nov 25 (IANS) Russian Foreign Minister Sergei Lavrov on Tuesday asserted": a dateline's place is no
    # one, and the person in apposition to it speaks.)
    # ("The Taoiseach (Irish prime minister), Micheál Martin, said": an office after "the", which spaCy took for a name.)
    office_as_name = noun.ent_type_ == "PERSON" and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    person_beside = bool(named) and named[0].ent_type_ == "PERSON"
    if named and (noun.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP") or noun.ent_type_ == "GPE" and person_beside or office_as_name and person_beside):
        noun = named[0]  # "Russia’s chief military officer, Gen. Valery Gerasimov,"
        # ("the head of the … Administration, Oleksandr Hanzhi", a place and an organisation to spaCy: an office's holder
        # named by words spaCy split between entities is a person.)
        name = _proper_nouns_ending_in(noun)
        # (So is one spaCy took whole for a place's: a person then, whom "him" can stand for.)
        if (
            title
            and noun.ent_type_ != "PERSON"
            and len(name) > 1
            and (_named_as_a_place(name) or not any(e.start <= name.start and noun.i < e.end for e in doc.ents))
        ):
            return Speaker(_name(name), person=True, named=True)
    if noun.lemma_.lower() in DOCUMENTS | MEDIA | FINDINGS_PUBLISHED:
        # "an Axios report", "the Kremlin's statement", "the Guardian newspaper": whoever issued it, named.
        issuer = [
            c
            for c in noun.children
            if c.dep_ in ("compound", "poss", "amod", "nmod")
            and c.ent_type_ in ("PERSON", "ORG")
            and (c.pos_ == "PROPN" or c.ent_id_)
            # "the parties' statements": whoever they are, the possessor issued them (not "Thursday's statement").
            or noun.lemma_.lower() in DOCUMENTS
            and c.dep_ == "poss"
            and c.pos_ in ("NOUN", "PROPN")
            and c.ent_type_ not in ("DATE", "TIME")
            # "Izvestia newspaper", "the Task Force East report": an outlet's or an issuer's name, even one spaCy did not label
            # (not the name's own words: "the South China Morning Post").
            or noun.lemma_.lower() in MEDIA | DOCUMENTS | FINDINGS_PUBLISHED
            and noun.pos_ == "NOUN"
            and c.dep_ == "compound"
            and c.pos_ == "PROPN"
        ]
        # "a statement by the Ukrainian military", "data from the Centre …", "letters from Orban": whoever it is by.
        by = ("by", "from") if noun.lemma_.lower() in FINDINGS_PUBLISHED | {"letter"} else ("by",)
        issuer += [o for c in noun.children if c.dep_ == "prep" and c.lower_ in by for o in c.children if o.dep_ == "pobj" and _can_speak(o)]
        # "a statement issued on X by the emergency service", "calculations made by Reuters": the participle's agent.
        issuer += [
            o
            for c in noun.children
            if c.dep_ == "acl" and c.tag_ == "VBN"
            for a in c.children
            if a.dep_ == "agent"
            for o in a.children
            if o.dep_ == "pobj" and _can_speak(o)
        ]
        if issuer:
            found = _describe(issuer[-1])
            # A name spaCy did not label, issuing a report or printing a paper: an organisation ("It said" next).
            return found._replace(person=False) if issuer[-1].ent_type_ != "PERSON" else found
    if not alone and any(c.dep_ == "conj" for c in noun.children) and any(c.dep_ == "cc" for c in noun.children):
        # "NABU and SAPO said", "The US and Ukraine reported": all of them speak, not the first alone.
        members = [_describe(c, alone=True) for c in (noun, *noun.conjuncts)]
        if len({m.name for m in members}) == 1 and members[0].named:
            # "First Vice Prime Minister and Minister of Energy Denis Shmyhal": one person's titles; "German football club
            # and former European champion Borussia Dortmund": one club ("it" next).
            return members[0]._replace(person=members[0].person and (noun.pos_ == "PROPN" or _office(noun) or noun.lemma_.lower() in HUMANS))
        if all(m.named for m in members):  # "Secretary of State Marco Rubio and ... Rustem Umerov": the names
            return Speaker(" and ".join([", ".join(m.name for m in members[:-1]), members[-1].name]), person=False, named=True)
        # ("the Prime Minister and Foreign Minister, who reiterated …", "opposition figures and analysts, including …": what
        # follows a comma says more of them; it is no part of who they are.)
        aside = {t.i for c in noun.subtree if c != noun and (_after_comma(c) or c.dep_ in ("appos", "prep") and _comma_before(c)) for t in c.subtree}
        words = [t for t in noun.subtree if t.i not in aside and t.text != ","]
        return Speaker(normalise_space(doc[words[0].i : words[-1].i + 1].text).strip(EDGE), person=False)
    if noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC") and _in_marks(noun):
        # "Operational Command “East” said": the name goes on into the marks; all of it names the speaker.
        first = min(c.left_edge.i for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i and c.pos_ == "PROPN")
        return Speaker(normalise_space(doc[first : noun.i + 2].text), person=False, named=True)  # (its closing mark too)
    if noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and not _office_taken_for_a_name(noun):
        ent = _entity_of(noun)
        # ("In a statement on X, Timchenko called", which spaCy takes for one name "X, Timchenko": the name is what follows
        # the comma.)
        # (Nor a dateline that spaCy ran into the name: "BRUSSELS - The Council of …".)
        opening = DATELINE.match(ent.sent.text)
        dateline = [t.i - 1 for t in ent if opening and t.idx == ent.sent.start_char + opening.end() and t.i <= noun.i]
        cut = max([t.i for t in ent if t.text == "," and t.i < noun.i] + dateline, default=None)
        if cut is not None:
            ent = Span(doc, cut + 1, ent.end, label=ent.label_)
        # ("The Council of the European Union", which spaCy cut where the gazetteer's "the European Union" begins: one name.)
        tail = next((e for e in doc.ents if e.start == ent.end), None) if ent[-1].lower_ in ("of", "for") else None
        if tail is not None:
            ent = Span(doc, ent.start, tail.end, label=ent.label_)
        # ("Spokesperson Heorhii Tykhyi said", which spaCy labels an organisation: a title makes it a person's name.)
        titled = ent.label_ == "ORG" and len(ent) > 1 and ent[0].lower_.rstrip(".") in PERSONAL_TITLES and ent[-1].lower_ not in INSTITUTIONS
        person = ent.label_ == "PERSON" and not _called_a_business(ent)
        return Speaker(_name(ent), ent.ent_id_ or None, person=person or titled, named=True)
    # ("The President also confirmed", "The US Army Secretary said": a capitalised office, not a name; a name
    # would be the head: "Army Secretary Dan Driscoll".)
    # (A word in lower case the parse took for a name, with words before it that describe it, is a description: "The
    # Russian defense ministry has stated".)
    described = noun.text[:1].islower() and any(c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN", "PROPN") for c in noun.lefts)
    if noun.pos_ == "PROPN" and not described and not _office(noun):
        # A name spaCy did not label ("Mr Balls, who stepped down ..."): the proper nouns ending in it.
        name = _proper_nouns_ending_in(noun)
        # ("the Council of the European Union", spaCy labelling the body alone: an institution and what it is of, one
        # name, no person's.)
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None) if noun.lower_ in INSTITUTIONS else None
        body = next((e for e in doc.ents if of is not None and e.root.head == of and e.label_ in ("ORG", "GPE")), None)
        if body is not None:
            return Speaker(_name(doc[name.start : body.end]), named=True, person=False)
        return Speaker(_name(name), named=True)
    tokens = [noun]
    # "an Axios report, which says ...": what follows a comma is a clause about the speaker, not the speaker.
    # ("leaders accusing him of ...": the participle is what they say, not who they are.)
    # ("the leaders’ statement": the issuer is "the leaders", without the possessive's mark.)
    # (Nor a verb the parse joined to the noun, with its "but": "percentages but said ...".)
    joined_verb = any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in noun.children)
    stack = [
        c
        for c in noun.children
        if c.dep_ not in (*DESCRIBING_DEPS, "case")
        and not (joined_verb and c.dep_ in ("cc", "conj"))
        and not _after_comma(c)
        and not _aside(c)
        and not (c.dep_ == "acl" and _is_cue(c))
        # ("officials on January 15 describing …": when they spoke, not who they are.)
        and not _when(c)
    ]
    while stack:
        token = stack.pop()
        tokens.append(token)
        # ("a person familiar with the operation, who declined to be identified": the clause says why, not who; nor is
        # a noun the parse set beside a word of it after a comma: "the president of Kazakhstan, a ceasefire in Ukraine is …".)
        # (Nor an aside between dashes: "Shareholders United - which has proved adept … - said".)
        # (Alone, nor a noun joined after a comma: "according to the head of the OVA, evacuation and … are provided".)
        stack.extend(
            c
            for c in token.children
            if not (c.dep_ == "relcl" and _after_comma(c) or _set_beside(c) or _aside(c) or alone and c.dep_ == "conj" and _comma_before(c))
        )
    tokens.sort(key=lambda t: t.i)
    # ("the person who had been briefed on the contours of the plan but was not authorized …": the clause's "but" without
    # what it joins, left out above, ends nothing.)
    while len(tokens) > 1 and tokens[-1].dep_ == "cc":
        tokens.pop()
    end = tokens[-1].i + 1
    # ("the Centre for Research on Energy and Clean Air (CREA), …": a parse may hang the closing bracket on the verb.)
    if end < len(doc) and doc[end].text == ")" and doc[tokens[0].i : end].text.count("(") > doc[tokens[0].i : end].text.count(")"):
        end += 1
    # ("WASHINGTON, Feb 7 – Ukraine’s president": a dateline the parse hangs on the speaker is no part of it.)
    start = max((t.i + 1 for t in doc[tokens[0].i : noun.i] if t.text in ("–", "—", "--")), default=tokens[0].i)
    description = doc[start:end]
    # "Trump avoided percentages but said ...": a parse that makes a name and its verb a noun's modifiers; the
    # name right before a verb in the past is its subject, and the speaker.
    first = next((e for e in description.ents if e.start == description.start and e.label_ == "PERSON"), None)
    if first is not None and first.end < description.end and doc[first.end].tag_ in ("VBD", "VBN"):
        return _person_named(first)
    # "Ukraine's presidential chief of staff Andriy Yermak": a title ending in the name of its holder
    # (not "a spokesperson for Yermak", where the name follows a preposition).
    last = next((e for e in description.ents if e.end == description.end and e.label_ == "PERSON"), None)
    # (One title, one holder: "officials like Secretary of State Marco Rubio" are not Rubio; nor is a name after
    # "to" or "for", titles between, its holder's: "a top foreign policy adviser to Russian President Vladimir Putin".
    # "Of" is the title's own: "chief of staff Andriy Yermak".)
    if (
        last is not None
        and last.start > description.start
        and doc[last.start - 1].pos_ in ("NOUN", "PROPN", "ADJ")
        and noun.tag_ != "NNS"
        # (A title's own field after "for" is no person: "High Representative for Foreign and Security Policy Kaja Kallas".)
        and (not _office(doc[last.start - 1]) or not any(t.dep_ == "prep" and t.lower_ != "of" for t in last.root.ancestors if noun.is_ancestor(t)))
    ):
        return _person_named(last)
    text = normalise_space(description.text).strip(EDGE)
    # ("according to «Interfax-Ukraine»": the parse may take the closing mark for the noun; it is no part of the name.)
    if text[-1:] in CLOSES and not any(c in OPENS for c in text):
        text = text[:-1]
    # (Several are neither "he" nor "it": "the two countries are not asking … He added" is someone else.)
    return Speaker(text, person=noun.lemma_.lower() not in GROUPS, plural=noun.tag_ in ("NNS", "NNPS"))


def _holder_after_of(office: Token) -> list[Token]:
    """The person named after a comma at the end of an office's "of" (or "for", "to") phrases, on whichever noun the parse
    hung it ("Trump's special envoy for Ukraine, Keith Kellogg,")."""
    of = office
    while (of := next((o for c in of.children if c.lower_ in ("of", "for", "to") for o in c.children if o.dep_ == "pobj"), None)) is not None:
        holder = [
            c for c in of.children if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or _named_as_a_place(_proper_nouns_ending_in(c))) and _comma_before(c)
        ]
        if holder:
            return holder
    return []


def _object_taken_for_the_speaker(cue: Token, clause: Token) -> list[Token]:
    """The end of a reported clause that the parse made the cue's subject, the speaker named after it and a comma: in
    "Ukraine could buy up to 150 Gripen fighter jets, Swedish Prime Minister Ulf Kristersson said", "up to 150 Gripen
    fighter jets" (what Ukraine could buy)."""
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and clause.i < c.i < cue.i), None)
    if subject is None or subject.left_edge.i != clause.right_edge.i + 1:
        return []
    name = next((c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON" and _comma_before(c)), None)
    return list(cue.doc[subject.left_edge.i : name.left_edge.i - 1]) if name is not None else []


def _named_as_a_place(name: Span) -> bool:
    """Whether ``name`` (:func:`_proper_nouns_ending_in`) is of two words or more and spaCy took it whole for a place's, as
    it does some Lithuanian and Ukrainian people's: "the head of the Lithuanian Finance Ministry, Christupas Vaitekunas"."""
    return len(name) > 1 and any(e.start == name.start and e.end == name.end and e.label_ in ("GPE", "LOC") for e in name.doc.ents)


def _proper_nouns_ending_in(noun: Token) -> Span:
    """A name as its words stand before ``noun``: the proper nouns the parse compounds with it ("Oleksandr Hanzhi")."""
    start = noun.i
    while start > 0 and noun.doc[start - 1].pos_ == "PROPN" and noun.doc[start - 1].dep_ == "compound":
        start -= 1
    return noun.doc[start : noun.i + 1]


def _attribution(
    span: Span,
    cue: Token,
    speaker: str,
    entity: str | None,
    content: list[Token],
    own: list[tuple[int, int]],
    passages: list[tuple[int, int]],
) -> tuple[Attribution, ...]:
    """The statement a cue makes, or two: "affirmed that X and issued an ultimatum: “Y”" reports X and quotes Y."""
    doc = span.doc
    quotes = tuple(normalise_space(text_of(doc)[s:e]).strip(EDGE) for s, e in own)
    clause = ""
    view = _in_the_view_of(cue)
    if cue.lower_ == "according" or _as_reported(cue) or view:
        phrase = sorted((cue.head if view else cue).subtree, key=lambda t: t.i)
        subject = _subject_hung_on_source(cue)
        phrase = [t for t in phrase if subject is None or t.i < subject.left_edge.i - 1]
        named = _named_after_source(cue) if cue.lower_ == "according" else None
        if named is not None:
            phrase.append(doc[named.end])  # through the name and the comma after it
        elif cue.lower_ == "according" and (source := _source_run_on(cue)) is not None:
            phrase = list(doc[cue.i : source.end + 1])
        before = text_of(doc)[span.start_char : phrase[0].idx]
        after = text_of(doc)[phrase[-1].idx + len(phrase[-1]) : span.end_char]
        # The clause the phrase is attached to: before it unless it opens the sentence; "According" capitalised
        # opens one, whatever was glued before it (a heading: "U.S. delegation expected next week According to ...");
        # words without a verb before it are no clause ("At the same time, according to the Air Force, the Russians …").
        verb_before = any(t.pos_ in ("VERB", "AUX") for t in span if t.idx < phrase[0].idx)
        clause = before if len(before.split()) >= 3 and verb_before and not phrase[0].text[:1].isupper() else after
    elif content:
        end = content[-1].idx + len(content[-1])
        for s, e in passages:
            # A clause that ends inside a quotation runs on to its closing mark, and so it does into
            # its speaker's quotation right after it ("said the leaders were concerned “because ...”").
            if s < end <= e < span.end_char or (s, e) in own and 0 < s - end <= 2 and not text_of(doc)[end : s - 1].strip():
                end = e + 1
        # (From the mark that opens it after the cue, which the parse may hang on the cue, when the quotation is a phrase of
        # the clause: 'said "geopolitical factors" remained …', not 'said, “We are fighting to survive,” appealed for …'.)
        closes = next((e for s, e in passages if s == content[0].idx), None)
        opening = cue.i < content[0].i and text_of(doc)[content[0].idx - 1] in OPENS and closes is not None and text_of(doc)[closes - 1] not in ",.!?"
        start = content[0].idx - 1 if opening else content[0].idx
        clause = text_of(doc)[start:end]
    # (Nor a bracket closed after the speaker's name: "According to the Centre … (CREA), …".)
    clause = normalise_space(re.sub(r"^\s*that\b", "", DATELINE.sub("", clause.lstrip().removeprefix(")")))).strip(EDGE)
    if content and not quotes and all(t.is_stop or t.is_punct for t in content):
        return ()  # "What they're saying:": no statement, only a word that points at one
    words = [t for t in content if not t.is_punct]
    # "acknowledged those concerns", "reported the visit", "has repeatedly ruled out such a possibility": a reference to what
    # was said elsewhere (but "has denied the allegations", "rejected the claims" is a denial of it, which a reader of claims
    # wants; "rejected the bill" is a vote).
    pointer = [t.lower_ for t in words[:-1]]
    reference = bool(words) and words[-1].pos_ == "NOUN" and (len(pointer) == 1 and pointer[0] in POINTING_BACK or pointer in (["such", "a"], ["such", "an"]))
    if reference and not quotes:
        lemma = cue.lemma_.lower()
        if lemma not in DENIAL_LEMMAS or lemma in ("reject", "dismiss") and words[-1].lemma_ not in CLAIMS:
            return ()
    # ("It did not say which facilities would be affected": a question left open; nothing was said.)
    if not quotes and words and words[0].lower_ in QUESTION_WORDS and any(c.dep_ == "neg" for c in cue.children):
        return ()
    clause = clause[:-1] if clause.endswith(".") else clause
    clause_start = text_of(doc).find(clause, span.start_char) if clause else -1
    # A clause that starts inside a quotation is that quotation; one that opens with a quoted phrase
    # and goes on unquoted ("said “the recent news” would be discussed") is reported speech.
    marked = clause[:1] in OPENS
    opens = clause_start + (len(clause) - len(clause[1:].lstrip()) if marked else 0)  # ("« We need …": past the space)
    starts_quoted = clause_start >= 0 and any(s <= opens < e and (not marked or e + 1 >= clause_start + len(clause)) for s, e in passages)
    # "X said:“...”": a quotation after a colon is the statement itself.
    announced = any(text_of(doc)[max(0, s - 80) : s - 1].rstrip().endswith(":") for s, _ in own)
    # "according to", "called on", "called for", "pointed out": the cue is the phrase.
    after = doc[cue.i + 1].lower_ if cue.i + 1 < len(doc) else ""
    out = after == "out" and (_pointed_out(cue) or _ruled_out(cue))
    phrase = cue.lower_ == "according" or cue.lemma_ == "call" and after in APPEALING or out or _went_on(cue)
    cue_text = normalise_space(doc[cue.i : cue.i + 2].text) if phrase else cue.text
    if view:
        cue_text = normalise_space(doc[cue.head.i : cue.i + 1].text)  # "In Fico's view"
    # "voiced concerns that ...": the feeling voiced is part of the cue.
    feeling = next((o for o in cue.children if o.dep_ == "dobj" and any(c.dep_ in ("acl", "ccomp") for c in o.children)), None)
    if _lemma(cue) in FEELING and feeling is not None and feeling.i > cue.i:
        cue_text = normalise_space(doc[cue.i : feeling.i + 1].text)
    # (Ruling something out, or not, takes a position; it denies no report: "did not rule out a demilitarised zone".)
    denial = (cue.lemma_.lower() in DENIAL_LEMMAS or any(c.dep_ == "neg" for c in cue.children)) and not _ruled_out(cue)
    said = partial(Attribution, speaker=speaker, cue=cue_text, denial=denial, entity=entity)
    # A reported clause, then a quotation after a colon: two statements (an object and its quotation are one).
    reported = any(t.dep_ == "ccomp" for t in content)
    if quotes and announced and reported and not starts_quoted and not _only_quotes(clause, cue) and not any(q in clause for q in quotes):
        return said(content=clause, kind="indirect", quotes=()), said(content="", kind="direct", quotes=quotes)
    if quotes and (not clause or starts_quoted or announced or _only_quotes(clause, cue)):
        kind, text = "direct", ""
        # ("Only when a deal is “in its final stages” will ... what Moscow has described as “megaphone diplomacy.”":
        # a quotation the cue's content is; another one before it is no one's.)
        if starts_quoted and not announced:
            quotes = tuple(q for q in quotes if q in clause) or quotes
    elif clause and any(mark in clause for mark in QUOTE_MARKS):
        kind, text = "mixed", clause
        quotes = tuple(q for q in (normalise_space(text_of(doc)[s:e]).strip(EDGE) for s, e in passages) if q in clause)
    elif clause:
        kind, text, quotes = "indirect", clause, ()
    else:
        kind, text = "direct", ""  # no quotes: a cue waiting for a neighbouring quotation
    return (said(content=text, kind=kind, quotes=quotes),)


def _each_quote(attribution: Attribution) -> list[Attribution]:
    """A direct statement for each of its quotations, so every content is one verbatim passage."""
    if attribution.kind != "direct":
        return [attribution]
    return [replace(attribution, content=quote, quotes=(quote,)) for quote in attribution.quotes]


def _only_quotes(clause: str, cue: Token) -> bool:
    """Whether a clause is nothing but quotation: its marks and the words inside, or quotations the cue interrupts
    ("“We must end the war,” he said. “We must ensure …”"); not "“the Russians do not control Siversk” and that …
    do not constitute “control.”", a quotation closed and reported speech going on."""
    stripped = clause.strip(EDGE + ".")
    if not (stripped[:1] in OPENS and stripped[-1:] in CLOSES):
        return False
    between = re.sub(r"[“«\"][^”»\"]*[”»\"]", " ", stripped)
    return not between.strip(EDGE + ". ") or cue.text in re.findall(r"\w+", between)
