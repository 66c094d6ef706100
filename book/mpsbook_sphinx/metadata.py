"""A meta description for each page, from its own first paragraph, for search engines and link previews."""

import html

from docutils import nodes


def page_description(doctree, limit: int = 200) -> str:
    """The page's first paragraph of prose (not a quotation, list or table), cut at a word near ``limit``."""
    for paragraph in doctree.findall(nodes.paragraph):
        if isinstance(paragraph.parent, nodes.section):
            text = " ".join(paragraph.astext().split())
            return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "\u2026"
    return ""


def add_description(app, pagename, templatename, context, doctree) -> None:
    """A meta description for each page, from its own first paragraph, for search engines and link previews."""
    if doctree is None:
        return
    description = page_description(doctree)
    if description:
        context["metatags"] = context.get("metatags", "") + (
            f'\n    <meta name="description" content="{html.escape(description, quote=True)}" />'
        )


def setup(app):
    app.connect("html-page-context", add_description)
