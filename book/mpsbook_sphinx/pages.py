"""Sphinx extension: the book's generated pages, and what every page's footer says of the edition.

Directives (each a part of a page that :mod:`mpsbook.present.pages` fills from the data package):

* ``scorecard``: one row per claim, linked to its box;
* ``claim-boxes``: the boxes of the claims whose first mention is in the sections named
  (comma-separated), each with its ClaimReview JSON-LD;
* ``annotated-article`` and ``article-about``: the article as received, marked up, and what is
  known of where it appeared;
* ``official-sources``: every official figure, with a link that opens it;
* ``corrections-log``: every change of a rating, with its date and reason, and a link to the
  log's Atom feed, which the build writes as ``corrections.atom`` (every page's head names it).

Links are cross-references. When a page is read, ``claim-boxes`` registers the label
``claim-<claim_key>`` for each box and ``annotated-article`` the label ``article-p-<n>`` for each
paragraph, in Sphinx's standard domain (the labels ``{ref}`` uses); a directive leaves a
:class:`page_part` node saying what it shows. Once every page is read (``doctree-resolved``), each
part is filled through a :class:`SphinxLinks` that looks its targets up in those labels and writes
them relative to the page; a link to a label no page registers is a warning, which fails the
``-W`` build. The HTML is never read back.

The pages must say what the notebooks compute, with the same rules, so they are filled by the
analysis (:mod:`mpsbook.present`), imported in the functions that fill them: loading the extension
loads no pandas or Altair. The tables are read once per build (:class:`.state.BuildData`).
"""

import hashlib
from pathlib import Path

from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from .state import build_data

LOGGER = logging.getLogger(__name__)
PAGE_FILES = ("data/datapackage.json", "data/claims.csv", "data/references.csv", "data/references-added.csv",
              "data/reference-corrections.csv", "data/references-accessed.csv", "data/exclusions.csv",
              "data/derived/verdicts.csv",
              "data/derived/sensitivity.csv", "data/searches.csv", "data/corrections.csv", "data/editions.csv", "CITATION.cff")
# The analysis's modules that fill the pages, beside this package (found without importing them: see code_digest).
PACKAGE_DIR = Path(__file__).resolve().parents[1] / "mpsbook" / "present"


class page_part(nodes.General, nodes.Element):
    """A part of a generated page, to be filled once every label is known.

    Attributes: ``part`` (which: ``scorecard``, ``claim-boxes``, ...), ``claim_keys`` (for the
    boxes) and ``indexed`` (whether the site's search finds its text).
    """


class unindexed_html(nodes.General, nodes.Element):
    """HTML written as it is, like a raw node, but left out of the search index.

    The scorecard, the claim boxes and the sources page repeat, claim by claim and figure by figure,
    what the article, the chapters and the data say; indexed, their text (the Chinese quotes above all)
    doubled the search index every page loads, which took the overview page past its transfer budget
    (see the README's Performance).
    """


def visit_unindexed_html(translator, node):
    translator.body.append(node["html"])
    raise nodes.SkipNode


def skip_node(translator, node):
    raise nodes.SkipNode


def unfilled_part(translator, node):
    raise ExtensionError(f"mpsbook_sphinx.pages: the page part '{node['part']}' was never filled")


def site_address(app, uri: str) -> str:
    """``uri``, a path within the site, as a citation or a feed gives it: after ``html_baseurl`` where that is
    set, else as it is (relative to the site's root)."""
    base = app.config.html_baseurl
    return f"{base.rstrip('/')}/{uri}" if base else uri


class SphinxLinks:
    """:class:`mpsbook.present.pages.PageLinks` for the page ``docname``: each target looked up in the standard domain's labels."""

    def __init__(self, app, docname: str):
        self.app, self.docname = app, docname
        self.labels = app.env.get_domain("std").labels

    def _target(self, label: str, address: str = "relative") -> str:
        """``label``'s address: ``relative`` to the page; ``absolute`` where the site's address is set, else
        relative; ``site``, as :func:`site_address` gives it."""
        if label not in self.labels:
            LOGGER.warning(f"mpsbook_sphinx.pages: {self.docname} links to '{label}', which no page registers",
                           location=self.docname)
            return f"#{label}"
        docname, anchor, _title = self.labels[label]
        if address == "site" or (address == "absolute" and self.app.config.html_baseurl):
            return f"{site_address(self.app, self.app.builder.get_target_uri(docname))}#{anchor}"
        return f"{self.app.builder.get_relative_uri(self.docname, docname)}#{anchor}"

    def _page(self, docname: str, address: str = "relative") -> str:
        """The page ``docname`` (one the build makes, not a label), addressed as :meth:`_target` says."""
        if address == "site" or (address == "absolute" and self.app.config.html_baseurl):
            return site_address(self.app, self.app.builder.get_target_uri(docname))
        # Sphinx writes a page's link to itself as '', which an href reads as the page too, but a Cite
        # block would take for no address: name the file instead.
        return (self.app.builder.get_relative_uri(self.docname, docname)
                or self.app.builder.get_target_uri(docname).rsplit("/", 1)[-1])

    def _claim_page(self, claim_key: str, address: str = "relative") -> str:
        from mpsbook.present.claim_pages import claim_docname

        if claim_key not in build_data(self.app).tables["verdicts"]["claim_key"].values:
            LOGGER.warning(f"mpsbook_sphinx.pages: {self.docname} links to the page of '{claim_key}', "
                           "which is no claim of data/derived/verdicts.csv", location=self.docname)
        return self._page(claim_docname(claim_key), address)

    def claim(self, claim_key: str) -> str:
        return self._claim_page(claim_key)

    def claim_address(self, claim_key: str) -> str:
        return self._claim_page(claim_key, "absolute")

    def claim_site_address(self, claim_key: str) -> str:
        return self._claim_page(claim_key, "site")

    def claim_in_chapter(self, claim_key: str) -> str:
        return self._target(f"claim-{claim_key}")

    def scorecard(self) -> str:
        return self._target("scorecard")

    def paragraph(self, number: int) -> str:
        return self._target(f"article-p-{number}")

    def rule(self) -> str:
        return self._target("rating-rule")


class PageDirective(SphinxDirective):
    """A directive that leaves a :class:`page_part`; subclasses name the part and may register labels."""

    part = ""
    indexed = True  # whether the site's search finds the text

    def run(self):
        root = Path(self.env.app.confdir)
        for name in PAGE_FILES:
            self.env.note_dependency(str(root / name))
        for template in sorted((PACKAGE_DIR / "templates").glob("*.html")):
            self.env.note_dependency(str(template))
        node = page_part(part=self.part, indexed=self.indexed, claim_keys=self.claim_keys(build_data(self.env.app).tables))
        return [node]

    def claim_keys(self, tables) -> list:
        return []


class Scorecard(PageDirective):
    part, indexed = "scorecard", False  # the claims' words and conclusions are indexed on the article and chapters

    def claim_keys(self, tables) -> list:
        self.env.get_domain("std").note_hyperlink_target("scorecard", self.env.docname, "scorecard", "The scorecard")
        return []


class ClaimBoxes(PageDirective):
    """The boxes of the claims first mentioned in the sections named (comma-separated), in article order."""

    required_arguments, final_argument_whitespace = 1, True
    part, indexed = "claim-boxes", False

    def claim_keys(self, tables) -> list:
        from mpsbook.present.pages import first_mentions

        sections = [name.strip() for name in self.arguments[0].split(",")]
        first = first_mentions(tables["claims"])
        keys = [k for k in tables["verdicts"]["claim_key"] if first.loc[k, "section"] in sections]
        if not keys:
            raise self.error(f"claim-boxes: no claim is first mentioned in the sections {sections}")
        std = self.env.get_domain("std")
        for key in keys:
            std.note_hyperlink_target(f"claim-{key}", self.env.docname, f"claim-{key}", first.loc[key, "quote"])
        return keys


class AnnotatedArticle(PageDirective):
    part = "annotated-article"

    def claim_keys(self, tables) -> list:
        from mpsbook.present.annotated_article import article_paragraphs

        std = self.env.get_domain("std")
        for paragraph in article_paragraphs(tables["article"], tables["claims"], tables["verdicts"], tables["exclusions"]):
            number = paragraph["number"]
            std.note_hyperlink_target(f"article-p-{number}", self.env.docname, f"p-{number}",
                                      f"The article, paragraph {number}")
        return []


class ArticleAbout(PageDirective):
    part = "article-about"


class OfficialSources(PageDirective):
    part, indexed = "official-sources", False


class CorrectionsLog(PageDirective):
    part = "corrections-log"


def part_html(node: page_part, app, docname: str) -> str:
    """The HTML of one page part, its links resolved for the page ``docname``."""
    from mpsbook.present import annotated_article, pages
    from mpsbook.present.charts import RATING_COLOURS as colours
    from mpsbook.present.claim_pages import claim_summary_html
    from mpsbook.present.feed import FEED_FILE

    tables, links, part = build_data(app).tables, SphinxLinks(app, docname), node["part"]
    if part == "scorecard":
        return pages.scorecard_html(tables["claims"], tables["verdicts"], colours, links, tables["sensitivity"])
    if part == "claim-boxes":
        return "".join(claim_summary_html(key, tables, colours=colours, links=links) for key in node["claim_keys"])
    if part == "annotated-article":
        return annotated_article.article_html(tables["article"], tables["claims"], tables["verdicts"], links,
                                              tables["exclusions"])
    if part == "article-about":
        return annotated_article.article_about_html(tables["package"])
    if part == "official-sources":
        return pages.sources_html(tables["references"])
    if part == "corrections-log":
        return pages.corrections_html(tables["corrections"], tables["claims"], colours, links,
                                      feed=relative_uri(app.builder.get_target_uri(docname), FEED_FILE))
    raise ValueError(f"mpsbook_sphinx.pages: no page part '{part}' (in {docname})")


def fill_page_parts(app, doctree, docname) -> None:
    """Replace each :class:`page_part` of the page with its HTML (searchable or not, as the part says)."""
    for node in list(doctree.findall(page_part)):
        text = part_html(node, app, docname)
        node.replace_self(nodes.raw("", text, format="html") if node["indexed"] else unindexed_html(html=text))


CORRECTIONS = "book/corrections"  # the corrections page, the feed's own page
STANDARDS = "book/standards"  # the page on ratings, evidence and errors that every footer links to


def add_edition_footer(app, pagename, templatename, context, doctree) -> None:
    """The edition, a way to report an error and a link to the standards page, below the theme's footer text."""
    from mpsbook.present import pages

    repository = (app.config.html_theme_options or {}).get("repository_url", "")
    standards = app.builder.get_relative_uri(pagename, STANDARDS) if STANDARDS in app.env.all_docs else ""
    footer = pages.render("edition_footer.html", repository=repository, standards=standards, **build_data(app).edition)
    context["theme_extra_footer"] = context.get("theme_extra_footer", "") + footer


def feed_link(app, pagename, templatename, context, doctree) -> None:
    """In every page's head, the corrections log's Atom feed, for feed readers that look for one (where the book
    has its corrections page)."""
    if CORRECTIONS not in app.env.all_docs:
        return
    from mpsbook.present.feed import FEED_FILE, FEED_TITLE

    href = relative_uri(app.builder.get_target_uri(pagename), FEED_FILE)
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="alternate" type="application/atom+xml" title="{FEED_TITLE}" href="{href}">')


def write_feed(app, exception) -> None:
    """The corrections log as an Atom feed, ``corrections.atom`` beside the site's ``index.html`` (:mod:`mpsbook.present.feed`).

    Its links are the boxes' addresses as a citation gives them: absolute where ``html_baseurl`` is
    set, else relative to the site's root, where the feed lies, so a feed reader resolves them.
    """
    if exception is not None or app.builder.format != "html" or CORRECTIONS not in app.env.all_docs:
        return
    from mpsbook.present.feed import FEED_FILE, corrections_feed

    tables = build_data(app).tables
    links = SphinxLinks(app, "index")
    page, feed = (site_address(app, path) for path in (app.builder.get_target_uri(CORRECTIONS), FEED_FILE))
    text = corrections_feed(tables["corrections"], tables["claims"], tables["edition"], links.claim_site_address,
                            page=page, feed=feed)
    target = Path(app.outdir) / FEED_FILE
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def code_digest() -> str:
    """A hash of this extension, of the package modules that fill the pages and of their templates.

    Registered as a config value read with the environment, so that changing any of them re-reads
    every page on the next build (Sphinx otherwise finds the pages up to date).
    """
    digest = hashlib.sha256()
    modules = ("pages.py", "annotated_article.py", "citation.py", "claim_pages.py", "share_card.py")
    paths = [Path(__file__).resolve(), *(PACKAGE_DIR / name for name in modules),
             *sorted((PACKAGE_DIR / "templates").glob("*"))]
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def edition_digest(confdir) -> str:
    """A hash of ``CITATION.cff``, registered as a config value that rewrites every page when it changes:
    every footer states the edition, and Sphinx would otherwise rewrite only the pages whose sources changed."""
    path = Path(confdir) / "CITATION.cff"
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def setup(app):
    app.add_config_value("mpsbook_pages_digest", code_digest(), "env")
    app.add_config_value("mpsbook_edition_digest", edition_digest(app.confdir), "html")
    for node, visit in ((page_part, unfilled_part), (unindexed_html, visit_unindexed_html)):
        app.add_node(node, html=(visit, None), latex=(skip_node, None), text=(skip_node, None),
                     man=(skip_node, None), texinfo=(skip_node, None))
    for name, directive in [("scorecard", Scorecard), ("claim-boxes", ClaimBoxes),
                            ("annotated-article", AnnotatedArticle), ("article-about", ArticleAbout),
                            ("official-sources", OfficialSources), ("corrections-log", CorrectionsLog)]:
        app.add_directive(name, directive)
    app.connect("doctree-resolved", fill_page_parts)
    app.connect("html-page-context", add_edition_footer)
    app.connect("html-page-context", feed_link)
    app.connect("build-finished", write_feed)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
