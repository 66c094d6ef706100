"""Sphinx extension: one page per claim (:mod:`mpsbook.present.claim_pages`), with its share card.

The pages have no source file: the HTML builder asks for them with ``html-collect-pages``, the event
Sphinx's own index and search pages come from, and writes each through the theme's ``page.html``
like any other page (same header, footer, styles). They are not in ``_toc.yml``, so the side bar
keeps the chapters; the scorecard, the annotated article, the corrections log and each chapter's
summaries link to them, and ``make pdf`` prints them after the pages of ``_toc.yml``
(:func:`tools.pdf.claim_pages`).

Each page's head carries its own ``<title>``, ``description``, ``og:title``, ``og:description``,
``og:type``, ``og:image`` (the share card, ``book/claim/<claim_key>.png``, written beside the page
when its bytes change) and ``og:url``. The page and card of a claim no longer in the ledger are
deleted (:func:`remove_stale_pages`). ``og:url`` and ``og:image`` are absolute where
``html_baseurl`` is set; without it, ``og:url`` is left out (a relative ``og:url`` is wrong) and
``og:image`` is the card's path relative to the page, which link previews resolve against the page's
address where they follow the standard loosely and ignore otherwise: set ``html_baseurl`` before
publishing.
"""

import html
from pathlib import Path

from .pages import SphinxLinks, site_address
from .state import build_data


def _meta(prop: str, content: str, name: str = "property") -> str:
    return f'\n    <meta {name}="{prop}" content="{html.escape(content, quote=True)}" />'


def claim_page_metatags(app, docname: str, title: str, description: str, card: str) -> str:
    """The head's meta tags for the claim page ``docname``: description and Open Graph (see the module)."""
    base = app.config.html_baseurl
    page_uri = app.builder.get_target_uri(docname)
    card_uri = f"{docname}.png"
    tags = [_meta("description", description, "name"), _meta("og:title", title),
            _meta("og:description", description), _meta("og:type", "article"),
            _meta("og:site_name", getattr(app.config, "ogp_site_name", None) or app.config.project)]
    if base:
        tags += [_meta("og:url", site_address(app, page_uri)), _meta("og:image", site_address(app, card_uri))]
    else:
        tags.append(_meta("og:image", card))
    tags += [_meta("og:image:width", "1200"), _meta("og:image:height", "630"), _meta("og:image:type", "image/png"),
             _meta("og:image:alt", title), _meta("twitter:card", "summary_large_image", "name")]
    return "".join(tags)


def _write_if_changed(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def remove_stale_pages(folder: Path, keys) -> list[str]:
    """Delete the pages and share cards in ``folder`` of claims no longer in the ledger; returns their names.

    Sphinx keeps what an earlier build wrote, and a claim removed or renamed has no page to overwrite its
    own: left there, the old page would still be published with its old verdict.
    """
    kept = set(keys)
    stale = sorted(path for path in folder.glob("*") if path.suffix in (".html", ".png") and path.stem not in kept)
    for path in stale:
        path.unlink()
    return [path.name for path in stale]


def collect_claim_pages(app):
    """Each claim's page, as (docname, context, template) for the HTML builder; its share card written beside it."""
    if app.builder.format != "html" or app.builder.name in ("singlehtml", "epub"):
        return
    from mpsbook.present import claim_pages  # imported here: the analysis loads pandas and Altair
    from mpsbook.present.charts import RATING_COLOURS as colours
    from mpsbook.rate.ratings import RATINGS
    from mpsbook.rate.readings import READINGS

    tables = build_data(app).tables
    order = claim_pages.claim_order(tables)
    remove_stale_pages(Path(app.outdir) / claim_pages.CLAIM_PAGE_DIR, order)
    for key in order:
        docname = claim_pages.claim_docname(key)
        links = SphinxLinks(app, docname)
        body = claim_pages.claim_page_html(key, tables, ratings=RATINGS, readings=READINGS,
                                           colours=colours, links=links)
        card = Path(app.outdir) / f"{docname}.png"
        _write_if_changed(card, claim_pages.share_card(key, tables, colours))
        title = claim_pages.page_title(key, tables)
        metatags = claim_page_metatags(app, docname, title, claim_pages.page_description(key, tables),
                                       f"{key}.png")
        yield docname, {"title": html.escape(title), "body": body, "metatags": metatags, "sourcename": "",
                        "display_toc": False, "toc": "", "meta": {}}, "page.html"


# A claim's page holds no notebook output and no toggle: myst-nb's and the toggle button's files are left off it.
UNUSED_ON_CLAIM_PAGES = ("mystnb.", "togglebutton.")


def drop_notebook_assets(app, pagename, templatename, context, doctree) -> None:
    """Leave myst-nb's style sheet and the toggle button's files off the claim pages (:data:`UNUSED_ON_CLAIM_PAGES`)."""
    from mpsbook.present.claim_pages import CLAIM_PAGE_DIR

    if not pagename.startswith(CLAIM_PAGE_DIR + "/"):
        return
    for key in ("script_files", "css_files"):
        context[key] = [asset for asset in context.get(key, [])
                        if not str(getattr(asset, "filename", asset) or "").split("/")[-1].startswith(UNUSED_ON_CLAIM_PAGES)]


def setup(app):
    app.connect("html-collect-pages", collect_claim_pages)
    app.connect("html-page-context", drop_notebook_assets, priority=850)
