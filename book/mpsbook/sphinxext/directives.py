"""Sphinx extension: the reader's pages, and what every page carries about the edition.

Directives (each renders HTML built by :mod:`mpsbook.reader` from the data package):

* ``scorecard``: one row per claim, linked to its box;
* ``claim-boxes``: the boxes of the claims whose first mention is in the sections named
  (comma-separated) (``claim-<claim_key>`` anchors, each with its ClaimReview JSON-LD);
* ``annotated-article`` and ``article-about``: the article as received, marked up, and what is
  known of where it appeared;
* ``official-sources``: every official figure, with a link that opens it;
* ``corrections-log``: every change of a rating, with its date and reason.

Unlike ``mpsbook_site``, this extension imports the book's package: the pages must say what the
notebooks compute, with the same rules. The import (pandas, Altair) is paid only in a build that
reads one of these pages again. Links between pages are written by the package as placeholders
(``mpsbook:claim/<key>``, ``mpsbook:paragraph/<n>``) and resolved here once every claim box is known;
a claim without a box, or a link to none, fails the build.

Every page's footer also gets the edition (version and release date, from ``CITATION.cff``)
and a line on how to report an error (the repository address set in ``_config.yml``, if any).
"""

import hashlib
import html
import re
from pathlib import Path

import yaml
from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

LOGGER = logging.getLogger(__name__)
ARTICLE_DOC = "book/article"
PLACEHOLDER = re.compile(r"mpsbook:(claim-address|claim|paragraph)/([a-z0-9-]+)")
READER_FILES = ("data/datapackage.json", "data/claims.csv", "data/references.csv", "data/derived/verdicts.csv",
                "data/derived/sensitivity.csv", "data/searches.csv", "data/corrections.csv", "CITATION.cff")
_CACHE = {}


def edition(confdir: Path) -> dict:
    """The edition as ``CITATION.cff`` states it: ``version``, ``date`` (ISO) and ``authors`` (names joined by commas)."""
    cff = yaml.safe_load((confdir / "CITATION.cff").read_text(encoding="utf-8"))
    names = [a.get("name") or " ".join(filter(None, (a.get("given-names"), a.get("family-names"))))
             for a in cff["authors"]]
    return {"version": str(cff["version"]), "date": str(cff["date-released"]), "authors": ", ".join(names)}


class unindexed_html(nodes.General, nodes.Element):
    """HTML written as it is, like a raw node, but left out of the search index.

    The scorecard, the claim boxes and the sources page repeat, claim by claim and figure by figure,
    what the article, the chapters and the data say; indexed, their text (the Chinese quotes above all) doubled the search index every page
    loads, which took the overview page past its transfer budget (see the README's Performance).
    """


def visit_unindexed_html(translator, node):
    translator.body.append(node["html"])
    raise nodes.SkipNode


def skip_node(translator, node):
    raise nodes.SkipNode


class ReaderDirective(SphinxDirective):
    """A directive whose HTML comes from :mod:`mpsbook.reader`; subclasses say which builder in :meth:`html`."""

    optional_arguments = 8
    indexed = True  # whether the site's search finds the text

    def reader(self):
        """The package's reader module and the tables, read once per build."""
        root = Path(self.env.app.confdir)
        for name in READER_FILES:
            self.env.note_dependency(str(root / name))
        import mpsbook  # imported here: only a build that reads a reader page again pays for it
        from mpsbook import reader

        if "tables" not in _CACHE:
            _CACHE["tables"] = reader.reader_tables()
            _CACHE["edition"] = edition(root)
        return mpsbook, reader, _CACHE["tables"]

    def run(self):
        text = self.html(*self.reader())
        return [nodes.raw("", text, format="html") if self.indexed else unindexed_html(html=text)]


class Scorecard(ReaderDirective):
    indexed = False  # the claims' words and conclusions are indexed on the article and chapter pages

    def html(self, mpsbook, reader, tables):
        return reader.scorecard_html(tables["claims"], tables["verdicts"], mpsbook.RATING_COLOURS)


class ClaimBoxes(ReaderDirective):
    """The boxes of the claims first mentioned in the sections named (comma-separated), in article order."""

    required_arguments, optional_arguments, final_argument_whitespace = 1, 0, True
    indexed = False

    def html(self, mpsbook, reader, tables):
        sections = [name.strip() for name in self.arguments[0].split(",")]
        first = reader.first_mentions(tables["claims"])
        keys = [k for k in tables["verdicts"]["claim_key"] if first.loc[k, "section"] in sections]
        if not keys:
            raise self.error(f"claim-boxes: no claim is first mentioned in the sections {sections}")
        std = self.env.get_domain("std")
        for key in keys:
            std.note_hyperlink_target(f"claim-{key}", self.env.docname, f"claim-{key}", first.loc[key, "quote"])
        about = _CACHE["edition"]
        return "".join(
            reader.claim_box_html(key, tables, ratings=mpsbook.RATINGS, readings=mpsbook.READINGS,
                                  colours=mpsbook.RATING_COLOURS, author=about["authors"], date=about["date"])
            for key in keys)


class AnnotatedArticle(ReaderDirective):
    def html(self, mpsbook, reader, tables):
        return reader.article_html(tables["article"], tables["claims"], tables["verdicts"])


class ArticleAbout(ReaderDirective):
    def html(self, mpsbook, reader, tables):
        return reader.article_about_html(tables["package"])


class OfficialSources(ReaderDirective):
    indexed = False

    def html(self, mpsbook, reader, tables):
        return reader.sources_html(tables["references"])


class CorrectionsLog(ReaderDirective):
    def html(self, mpsbook, reader, tables):
        return reader.corrections_html(tables["corrections"], tables["claims"], mpsbook.RATING_COLOURS)


def resolve_placeholders(app, doctree, docname) -> None:
    """Turn the package's link placeholders into addresses relative to this page; warn for any with no target.

    ``mpsbook:claim-address/`` (a ClaimReview's ``url``) is absolute where ``html_baseurl`` is set,
    however the JSON around it is written.
    """
    labels = app.env.get_domain("std").labels
    builder = app.builder

    def address(match):
        kind, key = match.groups()
        absolute = kind == "claim-address"
        if kind == "paragraph":
            return f"{builder.get_relative_uri(docname, ARTICLE_DOC)}#p-{key}"
        target = labels.get(f"claim-{key}")
        if target is None:
            LOGGER.warning(f"mpsbook_pages: no claim box for the claim '{key}' linked from {docname}",
                           location=docname)
            return f"#claim-{key}"
        if absolute and app.config.html_baseurl:
            return f"{app.config.html_baseurl.rstrip('/')}/{builder.get_target_uri(target[0])}#claim-{key}"
        return f"{builder.get_relative_uri(docname, target[0])}#claim-{key}"

    def resolved(text):
        return PLACEHOLDER.sub(address, text)

    for node in list(doctree.findall(nodes.raw)):
        if "mpsbook:" in node.astext():
            node.replace_self(nodes.raw("", resolved(node.astext()), format=node.get("format", "html")))
    for node in doctree.findall(unindexed_html):
        node["html"] = resolved(node["html"])


def add_edition_footer(app, pagename, templatename, context, doctree) -> None:
    """The edition and a way to report an error, below the theme's footer text on every page."""
    about = edition(Path(app.confdir))
    repository = (app.config.html_theme_options or {}).get("repository_url", "")
    if repository:
        report = (f'Found an error? Report it at <a href="{html.escape(repository)}/issues">'
                  f"{html.escape(repository)}/issues</a>, with the address of the claim's box.")
    else:
        report = ("Found an error? This edition names no public repository: write to the authors named in "
                  "<code>CITATION.cff</code>, with the address of the claim's box and what is wrong.")
    context["theme_extra_footer"] = (
        context.get("theme_extra_footer", "")
        + f'<p class="mpsbook-edition">By {html.escape(about["authors"])}. Version {html.escape(about["version"])}, '
        f'released {html.escape(about["date"])}. {report}</p>'
    )


def code_digest() -> str:
    """A hash of this extension and of the package module that writes the pages' HTML.

    Registered as a config value read with the environment, so that changing either re-reads
    every page on the next build (Sphinx otherwise finds the pages up to date).
    """
    here = Path(__file__).resolve()
    digest = hashlib.sha256()
    for path in (here, here.parents[1] / "reader.py"):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def setup(app):
    app.add_config_value("mpsbook_pages_digest", code_digest(), "env")
    app.add_node(unindexed_html, html=(visit_unindexed_html, None), latex=(skip_node, None), text=(skip_node, None),
                 man=(skip_node, None), texinfo=(skip_node, None))
    for name, directive in [("scorecard", Scorecard), ("claim-boxes", ClaimBoxes),
                            ("annotated-article", AnnotatedArticle), ("article-about", ArticleAbout),
                            ("official-sources", OfficialSources), ("corrections-log", CorrectionsLog)]:
        app.add_directive(name, directive)
    app.connect("doctree-resolved", resolve_placeholders)
    app.connect("html-page-context", add_edition_footer)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
