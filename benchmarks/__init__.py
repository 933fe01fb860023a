"""The scale benchmark: ``python -m benchmarks`` (or ``make bench``).

Builds the BBC corpus (``../shared/corpus/bbc/``, 2,225 articles) at several
sizes in temporary projects, adds one article and rebuilds, measures raw
``nlp.pipe`` and plain ``mkdocs build`` on the same inputs, and writes the
table to ``docs/benchmarks.md``. See :mod:`benchmarks.__main__`.
"""
