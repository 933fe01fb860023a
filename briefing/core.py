"""The briefing from a project: ingest -> analyse -> findings, the one sequence every caller runs.

``briefing build``, the attribution evaluation, the tests and the benchmarks all
call :func:`make_briefing`, so none of them rebuilds the sequence by hand and
drifts from what a build does.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from briefing.analyse import analyse
from briefing.analyse.entities import resolve_entities
from briefing.commands.progress import Stages
from briefing.config import Config
from briefing.content import Article, Briefing
from briefing.errors import BriefingError
from briefing.findings import assemble, families_of
from briefing.ingest import Problem, read_articles
from briefing.workers import Forked

NO_USABLE_SENTENCE = "no sentence the briefing can use (each is a heading, a repeat or under three content words); left out"


def keep_going(problems: tuple[Problem, ...], usable: int, seeds: Path) -> None:
    """Go on without the articles ``problems`` name, unless none is left."""
    if not usable:
        raise BriefingError(f"{seeds}: no usable articles (*.txt, *.md) found; add some and build again")


def make_briefing(
    project: Path,
    config: Config,
    *,
    articles: Sequence[Article] | None = None,
    cache_dir: Path | None = None,
    kept: Path | None = None,
    stages: Stages | None = None,
    check: Callable[[tuple[Problem, ...], int, Path], None] = keep_going,
    say: Callable[[str], None] = lambda _: None,
    freeze: bool = False,
    scheduler: str = "",
) -> Briefing:
    """The briefing of the articles in ``config.seeds`` (or of ``articles``, already read).

    ``check`` sees the problems of each step (files that cannot be read, articles
    with no usable sentence) with the number of articles still usable, and may stop
    the build. ``freeze`` tells the garbage collector to leave the analysis alone
    from then on (the caller unfreezes once the briefing is dropped). ``scheduler``
    (else ``compute.scheduler`` of briefing.yml) is a Dask scheduler to analyse on. ``kept`` is
    where the findings keep what the next build's grouping may reuse.
    """
    stages = stages or Stages()
    seeds = project / config.seeds
    stages.start("ingest")
    if articles is None:
        ingested = read_articles(project, config, cache_dir)
        check(ingested.problems, len(ingested.articles), seeds)
        articles = ingested.articles
        say(f"read {len(articles)} articles from {config.seeds}/")
    stages.start("analyse", total=len(articles))
    # The families need only the articles' text: worked out on a core of their own while the articles are analysed.
    with Forked(partial(families_of, articles, config, kept)) as families:
        analysed = analyse(
            articles,
            config.article_summary_sentences,
            cache_dir=cache_dir,
            progress=stages.advance,
            gazetteer=config.entities,
            scheduler=scheduler or config.compute.scheduler,
        )
        if freeze:
            # The analysis lives until the build ends: the collector need not walk its millions of objects
            # at every full collection (about 3 s of the later stages at 2,225 articles, and 1 s of resolving
            # entities: frozen before, and what resolving makes after).
            gc.freeze()
        # Only the analysis can tell that no sentence of an article is fit to stand on a page.
        unusable = tuple(Problem(a.article.path, NO_USABLE_SENTENCE) for a in analysed if not a.has_usable_sentence)
        analysed = tuple(a for a in analysed if a.has_usable_sentence)
        check(unusable, len(analysed), seeds)
        analysed, entities = resolve_entities(analysed, config.entities)
        if freeze:
            gc.freeze()
        stages.start("findings")
        briefing = replace(assemble(analysed, config, entities=entities, kept=kept, families=families.result()), entities=entities)
    say(f"found {sum(len(t.findings) for t in briefing.topics)} findings in {len(briefing.topics)} topics")
    return briefing
