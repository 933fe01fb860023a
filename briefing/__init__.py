"""briefing: turn a folder of news articles into a versioned, footnoted briefing website.

The pipeline, one module per stage, each taking and returning plain dataclasses
(see :mod:`briefing.content`):

    ingest    articles on disk        -> Article           (briefing.ingest)
    analyse   Article                 -> AnalysedArticle   (briefing.analyse)
    findings  AnalysedArticle + config -> Briefing          (briefing.findings)
    pages     Briefing                -> Markdown pages    (briefing.pages)
    site      Markdown pages          -> static HTML site  (briefing.site)
    version   site_docs + inputs      -> git commit + tag  (briefing.version)
"""

__version__ = "0.1.0"
