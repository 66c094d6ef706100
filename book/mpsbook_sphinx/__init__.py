"""The book's Sphinx extension: what the build does that the notebooks cannot do themselves.

A package of its own beside the analysis (``book/mpsbook/``), as Altair keeps its documentation's Sphinx
extensions outside ``altair/``; loaded by ``_config.yml`` as ``mpsbook_sphinx`` and installed with the
analysis by ``make env`` (``pyproject.toml``). One module per concern:

* :mod:`.charts`: each chart on the page from the chart bundle of the notebook's output (a myst-nb
  MIME render plugin), compiled to Vega, with its sources and downloads beneath it;
* :mod:`.narrow`: each chart's layout for narrow columns (phones), called by :mod:`.charts`;
* :mod:`.fonts`: the chart font and the theme's icon font, each cut to what the site uses;
* :mod:`.assets`: vega served, the theme's CSS cut, scripts deferred, unused files left off, the
  book's templates and the digest that rewrites the pages when a static file changes;
* :mod:`.glue_dependencies`: a page that glues from a notebook depends on that notebook;
* :mod:`.metadata`: each page's meta description;
* :mod:`.entry`: the site's ``index.html`` (a valid page that redirects to the first) and the tag that
  offers the PDF where ``make book`` prints it;
* :mod:`.dictionary`: the ``data-dictionary`` directive;
* :mod:`.claim_pages`: one page per claim, with its share card (no source file: ``html-collect-pages``);
* :mod:`.pages`: the generated pages (scorecard, claim boxes, annotated article, sources,
  corrections), filled from :mod:`mpsbook.present.pages`' templates with links as cross-references, and the
  edition in every footer;
* :mod:`.state`: what the modules share within a build: the characters each page's charts draw, on
  ``env`` with its purge and merge handlers, and the values read once per build (nothing is set on ``app``).

The analysis is imported lazily, inside the functions that need it: :mod:`.pages` and
:mod:`.claim_pages` fill the pages with it (they must say what the notebooks compute), :mod:`.charts`
takes the chart bundle's names and the one JSON-in-HTML dumper from it, and :mod:`.fonts` and
:mod:`.narrow` the chart font (``mpsbook.present.charts``). ``import mpsbook`` loads pandas and Altair, and
vl-convert is imported only where a chart is compiled, so loading the extension costs neither
(``tests/sphinx/test_sphinxext_import.py``); the other modules read the notebooks' outputs and the data files alone.
"""

from . import assets, charts, claim_pages, dictionary, entry, fonts, glue_dependencies, metadata, pages


def setup(app):
    """Register every module's handlers, in the order the build needs them.

    Where two handlers answer the same event, the one set up first runs first (Sphinx keeps the order
    of registration within a priority); the few priorities set in the modules say so where they are set.
    """
    # What the modules share on env (purged and merged per document), then the config values (the assets' digest),
    # the book's templates, CSS and scripts, vega's copy: first, since every page depends on them.
    app.setup_extension("mpsbook_sphinx.state")  # once, though .charts asks for it too
    assets.setup(app)
    # Reading: which notebooks a page glues from; the directives that make the data dictionary and the
    # generated pages (filled once the doctree is resolved, when every label they link to is known).
    glue_dependencies.setup(app)
    dictionary.setup(app)
    pages.setup(app)
    claim_pages.setup(app)
    # The charts: the chart node (read from each chart bundle), then, when a page is read, outputs checked and
    # charts compiled (Vega, narrow layout, characters); when it is written, the chart and its data, then the
    # chart files added to its page. Then each page's meta description. assets' handlers that drop and
    # defer files run after these (priorities 900 and 950).
    charts.setup(app)
    metadata.setup(app)
    # The tag that offers the PDF (when the builder starts) and the site's index.html (when the site is written).
    entry.setup(app)
    # When the site is written: the theme's CSS is cut first (assets, priority 400), then the fonts.
    fonts.setup(app)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
