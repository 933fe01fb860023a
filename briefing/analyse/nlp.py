"""Loading the spaCy English pipeline (the installed model: :mod:`briefing.models`). Nothing is
downloaded at run time.

With a gazetteer, an ``entity_ruler`` runs before ``ner``: every name and alias
of a listed entity is labelled with the entity's type and carries its id
(``ent.ent_id_``), so "Kyiv" is never a person and "Kupyansk" is Kupiansk.
Before the parser, :func:`sentence_joins` marks where no sentence may start; after ``ner``,
:func:`names_joined` mends a name it cut at a joining word.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from briefing.config import EntityConfig
from briefing.models import model_package


@lru_cache(maxsize=4)
def load_nlp(entities: tuple[EntityConfig, ...] = ()) -> Language:
    nlp = spacy.load(model_package())
    _tokenize_web_text(nlp)
    nlp.add_pipe("briefing_sentence_joins", before="parser")
    nlp.add_pipe("briefing_names_joined", after="ner")
    if entities:
        # Matched on lower case: articles write "the Kremlin" and "The Kremlin".
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(ruler_patterns(entities))
    return nlp


def _tokenize_web_text(nlp: Language) -> None:
    """Split curly quotation marks, and a colon before one, off the words they are glued to.

    Articles pasted from the web write ``said:“For`` and ``hype“a``; as one token,
    the speech verb and the quotation cannot be found. And a sentence ending "on X." ends there.
    """
    infixes = [*nlp.Defaults.infixes, r"[“”]", r"(?<=\w):(?=[“\"‘])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    # "… said in a post to X. “Frankly, …”": the platform's name ends the sentence; as one token, like an
    # initial ("J."), it glued the next quotation to the sentence before it.
    nlp.tokenizer.add_special_case("X.", [{ORTH: "X"}, {ORTH: "."}])
    # "Caliber.Az reports": a site named by its address is one name, not a sentence ending before "Az" (the full
    # stop between a word and a capital stays a break elsewhere: "… the talks.The minister said").
    nlp.tokenizer.token_match = _SITE_ADDRESS.match


#: Months by name, in lower case: "Friday, 28 November, that …" goes on past the day.
_MONTH_NAMES = frozenset(name.lower() for name in calendar.month_name if name)
#: Titles a full stop shortens before a name: "Minister, Hon. Samuel Okudzeto Ablakwa, to visit …".
_TITLES = frozenset("Hon Gen Sen Rep Gov Lt Col Capt Maj Sgt Adm Prof Rev Dr Mr Mrs Ms".split())


@Language.component("briefing_sentence_joins")
def sentence_joins(doc: Doc) -> Doc:
    """Where no sentence may start, told to the parser before it splits the text (it keeps such marks): at a month after
    its day ("confirmed on Friday, 28 November, that …" had ended a sentence at "28"), and at a name after a title a full
    stop shortens ("Hon. Samuel …" had ended one at "Hon.")."""
    for token in doc[2:]:
        before = doc[token.i - 1]
        if token.lower_ in _MONTH_NAMES and before.text.isdecimal() and int(before.text) <= 31:  # ("²" is a digit, no number)
            token.is_sent_start = False
        elif token.is_title and before.text == "." and doc[token.i - 2].text in _TITLES:  # (not "patients with MS. Final …")
            token.is_sent_start = False
    return doc


#: Words that join a name's words and end none: "Center for Strategic and International Studies".
_JOINING = frozenset({"and", "of", "for", "&"})


@Language.component("briefing_names_joined")
def names_joined(doc: Doc) -> Doc:
    """An organisation's name the model cut at a word that joins it ("the Center for Strategic and" | "International
    Studies") goes on through the capitalised words after it: no name ends with "and", "of" or "for"."""
    ents = list(doc.ents)
    for k, ent in enumerate(ents):
        if ent.label_ != "ORG" or ent[-1].lower_ not in _JOINING or len(ent) < 2:
            continue
        end = ent.end
        stop = ents[k + 1].start if k + 1 < len(ents) else len(doc)
        while end < stop and end - ent.end < 4 and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
        if end > ent.end:
            ents[k] = doc.char_span(ent.start_char, doc[end - 1].idx + len(doc[end - 1]), label=ent.label_) or ent
    doc.ents = ents
    return doc


#: A site's name written as its address, under a top-level domain that is no English word ("News.Az", "İdman.Biz").
_SITE_ADDRESS = re.compile(r"[^\W\d_][\w-]*\.(?:Az|AZ|Biz|Ru|RU|Ua|UA|Kz|KZ|Uz|UZ|Ge|GE)$")


def ruler_patterns(entities: tuple[EntityConfig, ...]) -> list[dict[str, str]]:
    return [{"label": e.type, "pattern": name, "id": e.id} for e in entities for name in sorted({e.name, *e.aliases})]


def model_id(entities: tuple[EntityConfig, ...] = ()) -> str:
    """Identifies the model, spaCy version and gazetteer, so analyses made with others are not reused.

    Read from the model package's meta.json, without loading the model: a rebuild that
    analyses an article or two does that in a worker, while this process reads the rest.
    """
    meta = spacy.util.get_model_meta(spacy.util.get_package_path(model_package()))
    # In the order the entity ruler lists its patterns (:attr:`EntityRuler.patterns`): grouped by
    # label and id, the groups in the order they first come. Analyses cached before stay valid.
    grouped: dict[tuple[str, str], list[dict[str, str]]] = {}
    for pattern in ruler_patterns(entities):
        grouped.setdefault((pattern["label"], pattern["id"]), []).append(pattern)
    patterns = [pattern for group in grouped.values() for pattern in group]
    gazetteer = hashlib.sha256(json.dumps(patterns, sort_keys=True).encode()).hexdigest()[:12]
    return f"{meta['lang']}_{meta['name']}-{meta['version']}/spacy-{spacy.__version__}/gazetteer-{gazetteer}"
