"""What the extension's modules share within a build, declared in one place, and never set on Sphinx's ``app``.

Per document, on ``env`` (Sphinx's pattern for parallel builds: its environment collectors and the events
``env-purge-doc`` and ``env-merge-info``):

* :func:`chart_characters`: ``env.mpsbook_chart_characters``, for each document the characters its charts
  draw, recorded by :func:`.charts.compile_charts` when the document is read and read by
  :func:`.fonts.cut_chart_font` when the site is written. :func:`purge_document` forgets a document
  that is read again (or removed); :func:`merge_documents` takes in what a parallel reader process
  recorded for its documents. Sphinx pickles ``env`` between builds, so an incremental build keeps the
  characters of the pages it does not read again.

Per build, in :func:`build_data` (not per document, so there is nothing to purge or merge): the
tables the generated pages are filled from, the official figures by ``ref_id`` (the charts'
sources), the edition (CITATION.cff), and the name of the vega file the site serves (set by
:func:`.assets.place_vega` when the builder starts). They are derived from the book's files, the same
for every document, and read once per build. They are not kept on ``env``: Sphinx would pickle frames
of data into ``environment.pickle`` and hand them, stale, to the next incremental build. They are kept
by build, keyed by the application through a weak reference, so that nothing is set on ``app`` and a
second build in the same process (the tests make dozens) starts afresh. A parallel reader or writer
process is forked from the main one: it inherits what is already read, and reads the rest itself.
"""

from __future__ import annotations

import functools
import weakref
from dataclasses import dataclass
from pathlib import Path

CHART_CHARACTERS = "mpsbook_chart_characters"


def chart_characters(env) -> dict:
    """``env``'s record of the characters each document's charts draw: docname -> set of characters (made if absent)."""
    return vars(env).setdefault(CHART_CHARACTERS, {})


def purge_document(app, env, docname) -> None:
    """``env-purge-doc``: forget what ``docname`` recorded, before it is read again or after it was removed."""
    chart_characters(env).pop(docname, None)


def merge_documents(app, env, docnames, other) -> None:
    """``env-merge-info``: take in what a parallel reader process (``other``) recorded for the documents it read."""
    theirs = chart_characters(other)
    chart_characters(env).update({docname: theirs[docname] for docname in docnames if docname in theirs})


@dataclass(eq=False)
class BuildData:
    """What every document of one build shares, read from the book's files (in ``confdir``) the first time it is asked for."""

    confdir: Path
    vega: str = ""  # the vega file the site serves (``vega-<version>.min.js``), set by .assets

    @functools.cached_property
    def tables(self) -> dict:
        """The tables the generated pages are filled from (:func:`mpsbook.present.pages.page_tables`)."""
        from mpsbook.present.pages import page_tables  # imported here: the analysis loads pandas and Altair

        return page_tables(citation_path=self.confdir / "CITATION.cff")

    @functools.cached_property
    def references(self) -> dict:
        """Every official figure of the book's data package (:func:`mpsbook.load_references`), by ``ref_id``."""
        from mpsbook.ledger.data import load_references

        frame = load_references(self.confdir / "data" / "datapackage.json")
        return {row["ref_id"]: row for row in frame.to_dict("records")}

    @functools.cached_property
    def edition(self) -> dict:
        """The edition as ``CITATION.cff`` states it (:func:`mpsbook.present.citation.book_edition`)."""
        from mpsbook.present.citation import book_edition

        return book_edition(self.confdir / "CITATION.cff")


_BUILDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def build_data(app) -> BuildData:
    """The :class:`BuildData` of ``app``'s build, made on first use."""
    if app not in _BUILDS:
        _BUILDS[app] = BuildData(Path(app.confdir))
    return _BUILDS[app]


def setup(app) -> dict:
    app.connect("env-purge-doc", purge_document)
    app.connect("env-merge-info", merge_documents)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
