"""Stage 2, analyse: :class:`Article` -> :class:`AnalysedArticle`.

One spaCy pass per article gives sentences, lemmas, entities (a gazetteer's
``entity_ruler`` first), attributed statements and numbers; sumy's TextRank
(:mod:`briefing.analyse.summary`) picks each article's summary from those sentences.
Entities are made canonical across all articles afterwards (:mod:`briefing.analyse.entities`).
Results are cached per article, and read back from one pack (see
:mod:`briefing.analyse.cache`), so an unchanged article is not analysed again.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache, partial
from itertools import accumulate
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from briefing import __version__
from briefing.analyse.attribution import (
    RUNS_ON,
    SpeakerMemory,
    closes_first,
    marks_read_as_double,
    mend_saying_participles,
    named_next,
    paragraph_attributions,
    quoted_passages,
    runs_on,
    source_line,
    told_before,
    unmarked_quotation,
)
from briefing.analyse.cache import AnalysisCache, AnalysisPack
from briefing.analyse.embedding import MODEL_ID as EMBEDDING_MODEL
from briefing.analyse.embedding import embedder
from briefing.analyse.entities import office_words
from briefing.analyse.nlp import load_nlp, model_id
from briefing.analyse.numbers import numbers
from briefing.config import EntityConfig
from briefing.content import AnalysedArticle, Article, Attribution, Mention, Paragraph, Sentence
from briefing.ingest.text import normalise_space
from briefing.models import model_version
from briefing.packs import Pack, no_collection
from briefing.workers import available_cores, in_workers

#: The pack, in the findings' kept folder, of the lemmas of the configuration's phrases (:func:`phrase_lemmas`).
PHRASES_PACK = "phrases.pack"
#: Bump when the analysis output changes shape or meaning; old cache entries are then ignored.
ANALYSIS_VERSION = 194
#: An FAQ answer sentence whose content words are mostly in one body sentence repeats it.
FAQ_REPEAT_CONTAINMENT = 0.6
#: The kind of a sentence that lists names or labels (:func:`_lists`): never a statement.
LIST = "list"
#: Separators (commas, semicolons) that make a sentence without a verb a list.
LIST_SEPARATORS = 3
#: A line with no verb of at most this many words labels rather than states (:func:`_labels`); in longer ones the tagger
#: mostly took the verb for a noun ("The pair face jail terms of up to five years …").
LABEL_WORDS = 10
#: The kind of an article's last sentence where the saved text breaks off (:func:`breaks_off`): never a statement.
CUT = "cut"
#: A finished sentence ends on one of these, or a closing quotation mark or bracket.
_ENDED = re.compile(r"[.!?…:;\"”’'»)\]]$")
#: Marks that open what follows them: no sentence ends on one.
_OPENING = frozenset({",", "-", "–", "—", "(", "[", "/", "“", "‘", "&"})
#: Parts of speech that need a word after them: determiners, prepositions, conjunctions, auxiliaries, "to".
_NEEDS_MORE = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART"})
#: The lemmatizer's word lists (from WordNet) that say a word exists.
_WORD_LISTS = ("noun", "verb", "adj", "adv")
#: A run-in label (:func:`_run_in_label`) has at most this many words.
RUN_IN_WORDS = 4
#: Labels that say whose words follow or what a line is ("Source:", "Quote:", "Photo:"): never cut off a sentence.
SAYING_LABELS = frozenset({"source", "quote", "photo", "say", "tell", "write", "add", "note", "by"})
#: The pieces of a word spaCy splits off ("What they're saying").
CONTRACTIONS = frozenset({"'re", "’re", "'s", "’s"})
#: Entity labels kept as mentions; the rest (ordinals, quantities...) are not who or where.
MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"})
#: Words that point at something named before (or after).
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
#: Demonstratives that before a time mean now ("this week", "at this stage"); "that" and "those" before one
#: point back as before anything ("at that time", "that same day").
OF_NOW = frozenset({"this", "these"})
#: Pronouns of people named before: as a main clause's subject (or its possessive), who they are the sentence before says.
PERSONAL = frozenset({"he", "she", "they", "his", "her", "their"})
#: Dependency labels of what says which thing a noun is: "The decision to freeze …", "The talks in Geneva", "The group,
#: which …", "Russia's move", "The 28 points".
SAYING_MORE = frozenset({"prep", "relcl", "acl", "appos", "poss", "nummod", "npadvmod"})
#: Tags of a verb in the simple present ("sits", "remain", "is").
PRESENT = frozenset({"VBZ", "VBP"})
#: Dependency labels of a clause's subject.
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Times a demonstrative of now may point at that no entity tag marks as one.
MOMENTS = frozenset({"point", "stage", "moment", "time"})
#: Paragraphs per ``nlp.pipe`` batch.
PIPE_BATCH = 64
#: Paragraphs (in whole articles) per batch of articles a worker analyses: small enough that
#: the workers finish together and progress moves, large enough that sending work costs little.
BATCH_PARAGRAPHS = 256
#: On a Dask cluster, at least this many batches when there are enough paragraphs (down to
#: :data:`CLUSTER_BATCH_PARAGRAPHS` each): a small build then reaches every worker of a larger cluster,
#: and a lost worker's batch is a small share of the work for the others to take on.
CLUSTER_BATCHES = 32
CLUSTER_BATCH_PARAGRAPHS = 16
#: From this many new paragraphs on, analysis runs on all cores; below, starting workers costs more than it
#: saves (with the embeddings a paragraph costs about twice what spaCy alone did: 222 BBC articles,
#: 932 paragraphs, take 33 s in one process and 19 s on two cores).
PARALLEL_FROM = 300


def analyse(
    articles: Sequence[Article],
    summary_sentences: int,
    cache_dir: Path | None = None,
    progress: Callable[[int], None] | None = None,
    gazetteer: tuple[EntityConfig, ...] = (),
    scheduler: str | None = None,
    meanings: bool = True,
) -> tuple[AnalysedArticle, ...]:
    """Analyse ``articles`` (in order), reusing cached results where they are valid.

    With ``scheduler`` (a Dask scheduler's address), the articles not in the
    cache are analysed on that cluster's workers (:mod:`briefing.analyse.cluster`);
    the results are the same.

    Without ``meanings`` the sentences get no vectors, so no findings can be made of them, and
    no cache is read or written: for measuring the rest (:mod:`briefing.evaluation`), as the
    vectors were half the analysis on a processor without AVX512.
    """
    cache = AnalysisCache(cache_dir if meanings else None, cache_key(gazetteer, summary_sentences))
    pack = AnalysisPack(cache)
    names = [cache.name(a) for a in articles]
    results: dict[str, AnalysedArticle] = {}
    todo: list[Article] = []
    for article, name in zip(articles, names):
        if name not in pack:
            cached = cache.get(article)
            if cached is None:
                todo.append(article)
            else:
                results[article.id] = cached
    paragraphs = sum(len(a.paragraphs) for a in todo)
    packed: dict[str, AnalysedArticle] = {}

    def unpack() -> None:
        """The pack's analyses: after the new articles' analysis has forked, so the
        heap it forked was small, and each collection the analysis sets off walks only that."""
        with no_collection():
            for article, name in zip(articles, names):
                if article.id not in results and name in pack:
                    # The pack's entry, unless it cannot be unpickled (then its cache entry, else analysed below).
                    if found := pack.get(name, article) or cache.get(article):
                        packed[article.id] = found

    if scheduler and todo:
        from briefing.analyse.cluster import (
            on_cluster,  # imports distributed: only for a cluster
        )

        # The client writes the cache: it lives with the project, not on the workers.
        job = partial(_analyse_batch, summary_sentences=summary_sentences, gazetteer=gazetteer, cache=None, meanings=meanings)
        size = min(BATCH_PARAGRAPHS, max(CLUSTER_BATCH_PARAGRAPHS, -(-paragraphs // CLUSTER_BATCHES)))
        done = on_cluster(scheduler, job, _batches(todo, size), setup=partial(prepare, gazetteer), identity=analysis_identity)
        after = unpack
    else:
        workers = analysis_workers(paragraphs)
        if workers > 1:
            # Loaded before the workers fork, which then share it; one worker loads it itself, while this process unpacks.
            load_nlp(gazetteer)
            from briefing.analyse import summary  # noqa: F401 (here, before the workers fork: see _analyse_batch)
        job = partial(_analyse_batch, summary_sentences=summary_sentences, gazetteer=gazetteer, cache=cache, meanings=meanings)
        # A few new articles are analysed in one forked process (sumy and the models load there) while
        # this one unpacks the others; on every core, the unpacking waits for the workers' memory to go.
        done = in_workers(job, _batches(todo, BATCH_PARAGRAPHS), workers, unpack if workers == 1 else None)
        after = None if workers == 1 else unpack
    for batch in done:
        for analysed in batch:
            if scheduler:
                cache.put(analysed)
            results[analysed.article.id] = analysed
        if progress:
            progress(len(batch))
    if after:
        after()
    pack.keep(names, {name: results[a.id] for a, name in zip(articles, names) if a.id in results})
    results.update(packed)
    for article in articles:
        if article.id not in results:  # its pack entry could not be read
            results[article.id] = _analyse_batch([article], summary_sentences, gazetteer, cache, meanings)[0]
    return tuple(results[a.id] for a in articles)


def cache_key(gazetteer: tuple[EntityConfig, ...], summary_sentences: int) -> str:
    """What an analysis depends on: the model and the gazetteer's names (``model_id``), the offices
    that descriptions of speakers resolve to, the embedding model, this code's version, the summary's length."""
    offices = json.dumps(sorted((person, sorted(words)) for person, words in office_words(gazetteer).items()))
    return f"{model_id(gazetteer)}/offices-{hashlib.sha256(offices.encode()).hexdigest()[:12]}/{EMBEDDING_MODEL}/v{ANALYSIS_VERSION}/summary{summary_sentences}"


def prepare(gazetteer: tuple[EntityConfig, ...]) -> Language:
    """Load what the analysis needs, once per process (each model is cached): the spaCy pipeline, returned,
    and the sentence-embedding model.

    Every process that analyses calls it first: a local worker at its first
    batch (forked workers inherit the spaCy pipeline the build loaded), a
    cluster worker through its plugin before its first task. A model the
    analysis comes to need is loaded here.
    """
    embedder()
    return load_nlp(gazetteer)


def analysis_identity() -> str:
    """What must be the same wherever an article is analysed for the results to be the same."""
    return f"briefing {__version__}, analysis v{ANALYSIS_VERSION}, spaCy {spacy.__version__}, {model_version()}, {EMBEDDING_MODEL}"


def analysis_workers(paragraphs: int) -> int:
    """How many processes analyse ``paragraphs`` new paragraphs: every core once there are enough.

    Each worker runs the whole analysis of its articles (spaCy, attribution,
    numbers, TextRank, the cache entry) and sends back only the results, not
    spaCy's documents. Every component of the model is used (the tagger and
    attribute ruler feed the lemmatizer, the parser gives sentences and
    attribution, NER the mentions), so none is disabled.
    """
    return available_cores() if paragraphs >= PARALLEL_FROM else 1


def _batches(articles: Sequence[Article], paragraphs: int) -> list[list[Article]]:
    """Whole articles in batches of about ``paragraphs`` paragraphs, in order."""
    batches: list[list[Article]] = [[]]
    size = 0
    for article in articles:
        if size >= paragraphs:
            batches.append([])
            size = 0
        batches[-1].append(article)
        size += len(article.paragraphs)
    return [b for b in batches if b]


def _analyse_batch(
    articles: list[Article], summary_sentences: int, gazetteer: tuple[EntityConfig, ...], cache: AnalysisCache | None, meanings: bool = True
) -> list[AnalysedArticle]:
    """Analyse ``articles`` in this process and cache each result (given a cache); runs in a worker process too."""
    # Imported only where something is analysed: sumy imports NLTK (0.2 s of CPU, without its SciPy and scikit-learn parts).
    from briefing.analyse.summary import top_sentences

    analysed = list(zip(articles, _sentences_of(prepare(gazetteer) if meanings else load_nlp(gazetteer), articles, gazetteer)))
    # The whole batch's sentences in one call: a text given twice (a syndicated copy) is embedded once.
    vectors = embedder()([s.text for _, sentences in analysed for s in sentences if s.usable] if meanings else [])
    results = []
    used = 0
    for article, sentences in analysed:
        usable = sum(s.usable for s in sentences)
        result = AnalysedArticle(
            article=article,
            sentences=sentences,
            summary=tuple(
                # FAQ answers restate the story in the site's own words: never a summary line.
                s.index
                for s in top_sentences([s for s in sentences if s.usable and s.kind == "body"], summary_sentences)
            ),
            vectors=vectors[used : used + usable].tobytes(),
        )
        used += usable
        if cache is not None:
            cache.put(result)
        results.append(result)
    return results


def _sentences_of(nlp: Language, articles: Sequence[Article], gazetteer: tuple[EntityConfig, ...]) -> Iterable[tuple[Sentence, ...]]:
    """Run spaCy once over every paragraph of ``articles``; yield each article's sentences."""
    offices = office_words(gazetteer)
    words = known_words(nlp)
    texts = (
        (read[0] if read else p.text, (a_index, p_index, place, read and read[1]))
        for a_index, a in enumerate(articles)
        for p_index, (p, place) in enumerate(zip(a.paragraphs, _places(a.paragraphs)))
        for read in [marks_read_as_double(p.text)]
    )
    docs = nlp.pipe(texts, as_tuples=True, batch_size=PIPE_BATCH)
    current: list[Sentence] = []
    current_article = 0
    memory = SpeakerMemory(offices, words)
    left_open = False  # (whether the paragraph before ended inside a quotation)
    for doc, (a_index, p_index, place, own_marks) in docs:
        while a_index > current_article:
            yield _mark_repeats(named_next(current))
            current, current_article, memory = [], current_article + 1, SpeakerMemory(offices, words)
        doc.user_data[RUNS_ON] = p_index > 0 and left_open and closes_first(doc.text)
        left_open = _quote_depth(doc.text, int(runs_on(doc))) > 0
        paragraphs = articles[a_index].paragraphs
        last = p_index == len(paragraphs) - 1
        found = _sentences_in(doc, p_index, paragraphs[p_index].kind, start=len(current) + 1, memory=memory, words=words, last=last, place=place)
        current = told_before(current, p_index, memory)
        current.extend(_in_own_marks(found, doc.text, own_marks) if own_marks else found)
    while current_article < len(articles):
        yield _mark_repeats(named_next(current))
        current, current_article = [], current_article + 1


def _in_own_marks(sentences: list[Sentence], read: str, own_marks: dict[int, str]) -> list[Sentence]:
    """Sentences read from a paragraph whose marks were read as double curly ones (:func:`marks_read_as_double`), with
    the page's own marks again (``own_marks``): in its words, what was said and its quotations, and a speaker named in it."""

    def own(text: str) -> str:
        return text.translate(own_marks)

    def said(statement: Attribution) -> Attribution:
        # (A speaker remembered from before keeps its marks.)
        speaker = own(statement.speaker) if statement.speaker in read else statement.speaker
        return replace(statement, speaker=speaker, cue=own(statement.cue), content=own(statement.content), quotes=tuple(map(own, statement.quotes)))

    return [
        replace(
            sentence,
            text=own(sentence.text),
            mentions=tuple(replace(m, text=own(m.text)) for m in sentence.mentions),
            attributions=tuple(map(said, sentence.attributions)),
        )
        for sentence in sentences
    ]


def _quote_depth(text: str, depth: int = 0) -> int:
    """How many quotations are still open after ``text`` (curly or straight marks).

    A straight mark that ends a word closes a quotation and never opens one; one
    that starts a word inside a quotation starts the next quotation of a
    paragraph that runs on without closing the first (the newspaper convention).
    """
    for i, char in enumerate(text):
        if char == "“":
            depth += 1
        elif char == "”":
            depth = max(0, depth - 1)
        elif char == '"':
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if depth == 0:
                depth = 0 if after.isspace() and not before.isspace() else 1
            elif not (before.isspace() and after.isalnum()):
                depth -= 1
    return depth


def _statements(doc: Doc) -> Iterable[Span]:
    """spaCy's sentences, except that a quotation spanning sentences stays whole: in marks, or a paragraph
    printed as one quotation without them and closed by a dash and its speaker (UNN's house style).

    A quote cut in pieces would put words on a page without the speaker who said them.
    """
    if unmarked_quotation(list(doc.sents)):
        yield doc[:]
        return
    start, depth = None, int(runs_on(doc))
    for sent in doc.sents:
        if start is None:
            start = sent.start
        depth = _quote_depth(sent.text, depth)
        if depth == 0:
            yield doc[start : sent.end]
            start = None
    if start is not None:
        yield doc[start:]


def _places(paragraphs: Sequence[Paragraph]) -> list[int]:
    """Each paragraph's place as the speakers are remembered: how many paragraphs that are not headings
    come before it. A subheading between two paragraphs does not part them: "he" under it is who spoke above it."""
    return list(accumulate((p.kind != "heading" for p in paragraphs), initial=0))[: len(paragraphs)]


def _sentences_in(
    doc: Doc, paragraph: int, kind: str, start: int, memory: SpeakerMemory, words: frozenset[str], place: int, last: bool = False
) -> list[Sentence]:
    """The sentences of one paragraph; ``place`` is its :func:`_places` entry; ``last``: the article's last
    paragraph, whose last sentence may break off (:func:`breaks_off`, with ``words``)."""
    sentences = []
    mend_saying_participles(doc)  # before anything reads the parse
    spans = [span for span in _statements(doc) if normalise_space(span.text)]
    if kind == "heading":
        source_line(spans, place, memory)  # a heading states no one's words (it may say whose words follow)
        attributed: list[tuple[Attribution, ...]] = [()] * len(spans)
    else:
        attributed = paragraph_attributions(spans, place, memory)
    cut = spans[-1] if last and kind == "body" and spans and breaks_off(spans[-1], words) else None
    for span, attributions in zip(spans, attributed):
        broken = span is cut or kind == "body" and _cut_short(span, words)
        # ("Why it matters: While the …": the label is the page's run-in heading, not part of what the sentence says.)
        if kind == "body" and span.start == 0 and (label := _run_in_label(span)):
            span = span[label:]
        text = normalise_space(span.text)
        unquoted = _unquoted(span)
        sentences.append(
            Sentence(
                index=start + len(sentences),
                text=text,
                paragraph=paragraph,
                kind=CUT if broken else LIST if kind != "heading" and _lists(span) else kind,
                lemmas=content_lemmas(span),
                mentions=tuple(Mention(normalise_space(e.text), e.label_, e.ent_id_ or None) for e in span.ents if e.label_ in MENTION_LABELS),
                # Words cut off are no one's statement.
                attributions=() if broken else attributions,
                numbers=numbers(span),
                refers_back=_refers_back(span, unquoted),
                background=not attributions and _tells_how_things_are(span, unquoted),
                definite_subject=_definite_subject(span),
            )
        )
    return sentences


def _unquoted(span: Span) -> list[Token]:
    """The tokens of ``span`` outside quotation marks: the writer's words, not a speaker's (whose "this war" is the
    war the speaker is in)."""
    passages = quoted_passages(span.text)
    return [t for t in span if not any(start <= t.idx - span.start_char < end for start, end in passages)]


def _refers_back(span: Span, unquoted: list[Token]) -> bool:
    """Whether ``span`` names something only a sentence before it says: "this", "that", "these" or "those"
    before a noun or standing alone ("present that document to Putin", "said this was untrue", "at that time"), or
    "such" ("ruled out such a possibility"),
    but not "this" or "these" of a time ("this week", "at this stage"), not pointing forward ("those who fled", "that
    of Russia"); or a main subject that is "he", "she" or "they" (or their office) with no one named as a subject before it
    but in what it reports ("Speaking to reporters alongside Zelenskyy, he said …", "On Monday, his office said …",
    "Russia wanted …, he added"; not "When Trump arrived, he said …"); only among ``unquoted`` (:func:`_unquoted`)."""
    for token in unquoted:
        if token.lower_ in DEMONSTRATIVES:
            # (The tagger may call "that" before a noun a conjunction; its dependency says it is the noun's.)
            if token.dep_ == "det":
                of_a_time = token.head.ent_type_ in ("DATE", "TIME") or token.head.lemma_.lower() in MOMENTS
                if not (of_a_time and token.lower_ in OF_NOW):
                    return True
            elif token.tag_ == "DT" and not any(child.dep_ in ("relcl", "acl", "prep") for child in token.children):
                return True
        elif token.lower_ == "such" and token.head.pos_ in ("NOUN", "PROPN") and token.nbor(1).lower_ != "as":
            return True  # "ruled out such a possibility", "no such plan"; not "countries such as France"
        elif token.lower_ in PERSONAL and (verb := _main_verb_of(token, span)) is not None:
            if not any(t.dep_ in SUBJECTS and t.pos_ in ("PROPN", "NOUN") and not _reported(t, verb) for t in span[: token.i - span.start]):
                return True
    return False


def _definite_subject(span: Span) -> str | None:
    """The lemma of ``span``'s main subject when that is a common noun after "the" that nothing in its phrase names or
    says more of ("The lawsuit was filed …", "The move marks …", "The high-stakes meeting came …"; not "The decision to
    freeze the assets", "The talks in Geneva", "The CSIS report", "The Kremlin"): which one, a sentence before says,
    unless the briefing is about it (:class:`~briefing.findings.story.Story`). Reported words before their speaker count
    as the main clause ("The agreement was reached this week, EUCOM said")."""
    root = span.root
    for verb in (*(c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.i < root.i), root):
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.pos_ != "NOUN" or subject.ent_type_:
            continue
        parts = list(subject.children)
        named = any(c.dep_ in SAYING_MORE or c.pos_ in ("PROPN", "NUM") or c.ent_type_ for c in parts)
        if any(c.dep_ == "det" and c.lower_ == "the" for c in parts) and not named:
            return subject.lemma_.lower()
    return None


def _tells_how_things_are(span: Span, unquoted: list[Token]) -> bool:
    """Whether ``span``'s main verb is in the simple present, active or passive, with no verb in the past tense among
    ``unquoted`` (:func:`_unquoted`): how things are ("Lithuania sits between …", "ZNPP is located in …", "The Geneva round represents a
    test …"), not what happened, goes on ("Russia is closing in on …"), has happened, would or is to happen ("The plan
    would require …", "Yukos's owners are to ask …", "Putin is expected to meet …", "… is thought unlikely to produce …")."""
    root = span.root
    helpers = [c for c in root.children if c.dep_ in ("aux", "auxpass", "cop")]
    if any(h.tag_ == "MD" or h.lemma_ == "have" for h in helpers) or root.tag_ == "VBG" and helpers:
        return False
    if any(t.dep_ == "xcomp" and root in (t.head, t.head.head) for t in span):
        return False
    tensed = root if root.tag_ in PRESENT else next((h for h in helpers if h.lemma_ == "be"), None)
    if tensed is None or tensed.tag_ not in PRESENT:
        return False
    return not any(t.tag_ == "VBD" for t in unquoted)


def _main_verb_of(token: Token, span: Span) -> Token | None:
    """The verb of which ``token`` (or the office it owns: "his office") is the subject, when that verb is the main clause's
    or a speaker's aside after it ("Kyiv must cede land, he said"); None otherwise."""
    subject = token.head if token.dep_ == "poss" else token
    verb = subject.head
    main = verb == span.root or verb.dep_ == "parataxis" and verb.head == span.root
    return verb if subject.dep_ in SUBJECTS and main else None


def _reported(token: Token, verb: Token) -> bool:
    """Whether ``token`` is in the words ``verb`` reports: its complement clause ("Russia wanted …, he added"), or the
    main clause of a speaker's aside ("Kyiv must cede land, he said"); someone named there is not who speaks."""
    if verb.dep_ == "parataxis":
        return not (verb.left_edge.i <= token.i <= verb.right_edge.i)
    while token.head != verb and token.head != token:
        token = token.head
    return token.head == verb and token.dep_ in ("ccomp", "parataxis")


def _run_in_label(span: Span) -> int:
    """Where a paragraph's first sentence starts past a run-in label, as explainers print them ("Why it matters:",
    "Between the lines:", "Key Developments:"): up to four words before a colon, naming no one and no place and
    saying nothing of anyone's words, then a sentence of its own with a capital and a verb. 0 when there is none.

    ("Source: Ivan Fedorov …" and "Quote: “…”" stay: they say whose words follow; "Zelensky: Ukraine will …" and
    "Kallas said: …" stay: they name a speaker.)"""
    colon = next((t.i for t in span[: RUN_IN_WORDS + 2] if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(span):
        return 0
    label, rest = span[:colon], span[colon + 1 :]
    if len(label.text.split()) > RUN_IN_WORDS or not label[0].is_title or any(not (t.is_alpha or t.lower_ in CONTRACTIONS) for t in label):
        return 0
    # ("What they're saying:" is a label; "He said:" is a speaker.)
    if any(t.ent_type_ for t in label) or label[0].tag_ not in ("WP", "WRB") and any(t.lemma_.lower() in SAYING_LABELS for t in label):
        return 0
    return colon + 1 if (rest[0].is_upper or rest[0].is_title) and any(t.pos_ in ("VERB", "AUX") for t in rest) else 0


def breaks_off(span: Span, words: frozenset[str]) -> bool:
    """Whether ``span``, an article's last sentence, stops where the saved text was cut (a page
    saved in part, a paywall): no mark ends it, and its last word is a mark that opens what
    follows (a comma, a dash), a word that needs another after it (a determiner, preposition,
    conjunction, auxiliary or "to"), or a piece of a word: in lower case, no stop word, and of
    two letters or fewer or not in ``words`` (:func:`known_words`; "settlemen").

    A last sentence that simply lacks its full stop ("In 2003, the economy expanded by 1.3%")
    is kept; so is a cut that falls after a whole word ("a familiar diplomat"): nothing in
    the text tells it from a finished sentence.
    """
    end = next(t for t in reversed(span) if not t.is_space)  # a span has a word: see _sentences_in
    return not _ENDED.search(end.text) and _unfinished(end, words)


def _cut_short(span: Span, words: frozenset[str]) -> bool:
    """Whether ``span``, anywhere in an article, ends in an ellipsis right after a word :func:`breaks_off` would see as
    unfinished: a related story's teaser the page cut short ("… 'robust security guarantees' on Ukraine vi...")."""
    tokens = [t for t in span if not t.is_space]
    return len(tokens) > 1 and tokens[-1].text in ("...", "…") and _unfinished(tokens[-2], words)


def _unfinished(end: Token, words: frozenset[str]) -> bool:
    if end.text in _OPENING or end.pos_ in _NEEDS_MORE:
        return True
    if not (end.is_alpha and end.text.islower()) or end.is_stop:
        return False
    return len(end.text) <= 2 or bool(words) and end.text not in words and end.lemma_ not in words


@lru_cache(maxsize=4)
def known_words(nlp: Language) -> frozenset[str]:
    """The words of ``nlp``'s lemmatizer lists (WordNet's, in spaCy's English models); none if it has none."""
    if "lemmatizer" not in nlp.pipe_names or not nlp.get_pipe("lemmatizer").lookups.has_table("lemma_index"):
        return frozenset()
    lists = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(word for name in _WORD_LISTS for word in lists.get(name, ()))


def _lists(span: Span) -> bool:
    """Whether ``span`` lists names or labels rather than states anything: no verb, and a list's
    separators (a team sheet: "Carroll, Gary Neville, Ferdinand, ..."), no word in lower case
    (a results line: "J Whitlock (Trafford AC).") or few words (:func:`_labels`)."""
    if any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    return sum(t.text in (",", ";") for t in span) >= LIST_SEPARATORS or not any(t.is_alpha and t.text[0].islower() for t in span) or _labels(span)


def _labels(span: Span) -> bool:
    """Whether ``span``, which has no verb, is a label of at most :data:`LABEL_WORDS` words: a teaser or sub-head ("The
    upcoming Yermak-Budanov battle."), a credit, a prompt ("Already a subscriber?"). Not a speaker's words in quotation
    marks ("“A capitulation.”"), nor a plural noun with words after it, most often a verb the tagger took for one
    ("Lithuania borders Belarus …")."""
    root = span.root
    plural_verb = root.tag_ == "NNS" and root.i < span.end - 1 and not span[root.i - span.start + 1].is_punct
    return len(span.text.split()) <= LABEL_WORDS and not any(t.is_quote for t in span) and not plural_verb


def content_lemmas(tokens: Iterable[Token]) -> tuple[str, ...]:
    """Lower-cased lemmas of the content words: what similarity and topic matching compare."""
    return tuple(t.lemma_.lower() for t in tokens if not (t.is_stop or t.is_punct or t.is_space) and (t.is_alpha or t.like_num))


def phrase_lemmas(phrases: Iterable[str], gazetteer: tuple[EntityConfig, ...], kept: Path | None = None) -> dict[str, tuple[str, ...]]:
    """The :func:`content_lemmas` of phrases the configuration gives (topic keywords, tracked items' signals).

    Kept in a pack in the folder ``kept`` for this model, gazetteer and analysis: a rebuild
    whose new articles a worker analyses then loads no model in this process (a second).
    """
    wanted = list(dict.fromkeys(phrases))
    pack = Pack(kept / PHRASES_PACK if kept else None, f"{model_id(gazetteer)}/v{ANALYSIS_VERSION}")
    found = {phrase: lemmas for phrase in wanted if (lemmas := pack.get(phrase)) is not None}
    if missing := [phrase for phrase in wanted if phrase not in found]:
        found.update(zip(missing, map(content_lemmas, load_nlp(gazetteer).pipe(missing))))
        pack.write(wanted, {phrase: found[phrase] for phrase in missing})
    return found


def _mark_repeats(sentences: list[Sentence]) -> tuple[Sentence, ...]:
    """Mark sentences that repeat an earlier one of the same article (a dek, an FAQ answer)."""
    seen_text: dict[str, int] = {}
    body: list[tuple[int, frozenset[str]]] = []
    marked = []
    for s in sentences:
        repeats = seen_text.get(s.text.casefold())
        if repeats is None and s.kind == "faq" and s.lemmas:
            words = frozenset(s.lemmas)
            for index, body_words in body:
                if len(words & body_words) >= FAQ_REPEAT_CONTAINMENT * len(words):
                    repeats = index
                    break
        if repeats is not None:
            s = replace(s, repeats=repeats)
        else:
            seen_text[s.text.casefold()] = s.index
            if s.kind == "body":
                body.append((s.index, frozenset(s.lemmas)))
        marked.append(s)
    return tuple(marked)
