"""The site's front door: ``index.html``, and whether the pages offer the book as a PDF.

* ``index.html``: sphinx-external-toc writes the site's root as a bare ``<meta http-equiv="Refresh">`` line (no
  doctype, no ``<title>``, no ``lang``), which the Nu Html Checker rejects. This module writes a whole HTML page
  that redirects the same way and links the first page for anyone whose browser does not follow it. It runs
  before sphinx-external-toc's handler (which writes nothing where the file exists).
* The PDF: ``make book`` prints the book as a PDF only where there is a Chromium (``MPSBOOK_CHROMIUM``, which
  the Makefile sets, else ``/usr/bin/chromium``). Where there is one, the build adds the tag ``mpsbook_pdf``, and
  the pages that offer the PDF do so inside ``{only} mpsbook_pdf``; where there is none they offer no link to a
  file that will not exist. ``MPSBOOK_PDF=0`` or ``1`` overrides the guess.
"""

import html
import os
from pathlib import Path

from sphinx.util.osutil import relative_uri

PDF_TAG = "mpsbook_pdf"

INDEX = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta http-equiv="refresh" content="0; url={first}">
<link rel="canonical" href="{first}">
</head>
<body>
<p><a href="{first}">{title}</a></p>
</body>
</html>
"""


def pdf_is_printed(environ=os.environ) -> bool:
    """Whether ``make book`` prints the PDF on this machine: ``MPSBOOK_PDF`` if set, else whether Chromium is there."""
    chosen = environ.get("MPSBOOK_PDF", "").strip()
    if chosen in ("0", "1"):
        return chosen == "1"
    chromium = Path(environ.get("MPSBOOK_CHROMIUM", "/usr/bin/chromium"))
    return chromium.is_file() and os.access(chromium, os.X_OK)


def index_page(title: str, first: str, lang: str = "en") -> str:
    """The site's ``index.html``: a valid HTML page that sends the reader to ``first`` (a relative address)."""
    return INDEX.format(lang=html.escape(lang or "en", quote=True), title=html.escape(title, quote=False),
                        first=html.escape(first, quote=True))


def tag_pdf(app) -> None:
    if pdf_is_printed():
        app.tags.add(PDF_TAG)


def write_index(app, exception) -> None:
    if exception is not None or app.builder.format != "html" or app.config.root_doc == "index":
        return
    first = relative_uri(app.builder.get_target_uri("index"), app.builder.get_target_uri(app.config.root_doc))
    text = index_page(app.config.html_title or app.config.project, first, app.config.language)
    target = Path(app.outdir) / "index.html"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def setup(app):
    app.connect("builder-inited", tag_pdf)
    # Before sphinx-external-toc's ensure_index_file (the default priority, 500), which then leaves the file alone.
    app.connect("build-finished", write_index, priority=100)
