"""The book's charts on the page, from the chart bundle each notebook output carries.

The analysis's renderer (:func:`mpsbook.present.charts.chart_mimebundle`) stores each chart as data under
``CHART_MIME``: the Vega-Lite spec and its version, the title and description; the static SVG is
stored once, as the ``data:`` address of the ``<img>`` in the output's HTML beside it.
myst-nb hands that bundle to :class:`ChartMimeRenderer` (registered through the
``myst_nb.mime_renderers`` entry point in ``pyproject.toml``; ``_config.yml`` gives the type the
first place for the HTML builder), for a cell's output and a ``{glue:figure}`` alike; it becomes a
:class:`chart` node. A bundle with a key missing, or a chart's HTML without its bundle (an output
written by hand, or by an older renderer), fails the build, naming the notebook and the cell.

When a page is read, :func:`compile_charts` compiles each spec to Vega with the pinned
``vl-convert-python`` (the Vega-Lite version the notebook recorded; the site ships vega alone, not
the Vega-Lite compiler), with its narrow layout (:mod:`.narrow`), and records the characters the
chart draws (:mod:`.fonts` cuts the chart font to them). When it is written, :func:`visit_chart`
writes the static SVG inline (where the page's fonts reach it), the narrow SVG beside it, the two
Vega specs, and beneath the chart its sources, downloads of the rows it draws (CSV) and of its
static SVG, and a Cite block with the figure's address. Pages with a chart, and no others, load the chart loader and the chart font.

The chart bundle's names (``CHART_MIME``, ``CHART_CLASS``) and the chart font are the analysis's
(:mod:`mpsbook.present.charts`), imported where they are used: loading this module loads neither
the analysis nor vl-convert.
"""

import base64
import binascii
import csv
import html
import io
import re
from pathlib import Path

from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.util.osutil import relative_uri

from . import narrow
from .state import build_data, chart_characters

LOADER = "mpsbook-charts.js"
FONT_CSS = "mpsbook-fonts.css"  # declares the chart font's faces (see .fonts); added to the pages that show a chart
CHART_DATA_DIR = "chart-data"  # in the site: each chart's rows as CSV and its static SVG
BUNDLE_KEYS = {"vegalite": str, "spec": dict, "title": str, "description": str}


class chart(nodes.General, nodes.Element):
    """A chart from a notebook: the bundle's fields, then (once read) ``svg``, ``vega``, ``narrow_svg``, ``narrow_vega``."""


def output_place(source: str, data) -> str:
    """Where an output comes from, for a message: the notebook, and the cell (counted from 1) or the line."""
    if data.cell_index is not None:
        return f"{source}, cell {data.cell_index + 1}"
    return f"{source}, line {data.line}"


def chart_from_bundle(bundle, place: str) -> chart:
    """The chart node of one ``CHART_MIME`` bundle; ExtensionError naming ``place`` if a key is missing or of another type."""
    from mpsbook.present.charts import CHART_MIME  # imported here, as everywhere below: the analysis loads pandas

    problems = [f"'{key}' ({kind.__name__})" for key, kind in BUNDLE_KEYS.items()
                if not isinstance(bundle, dict) or not isinstance(bundle.get(key), kind)]
    if problems:
        raise ExtensionError(f"mpsbook_sphinx.charts: {place}: the chart output ({CHART_MIME}) lacks "
                             f"{', '.join(problems)}: execute the notebook again (make execute)")
    return chart("", **{key: bundle[key] for key in BUNDLE_KEYS})


class ChartMimeRenderer:
    """myst-nb's MIME render plugin for the book's charts (entry point ``myst_nb.mime_renderers``)."""

    mime_priority_overrides = ()  # set in _config.yml (nb_mime_priority_overrides), where the book's builders are

    @staticmethod
    def handle_mime(renderer, data, inline):
        """A :class:`chart` node for a chart bundle; ``None`` (myst-nb's own renderers) for any other output."""
        from mpsbook.present.charts import CHART_MIME

        if data.mime_type != CHART_MIME:
            return None
        if inline:
            raise ExtensionError(f"mpsbook_sphinx.charts: {output_place(renderer.source, data)}: "
                                 "a chart cannot be glued inline: use {glue:figure} or {glue}")
        node = chart_from_bundle(data.content, output_place(renderer.source, data))
        node["place"] = output_place(renderer.source, data)
        return [node]


def static_svg(markup: str) -> str | None:
    """The static SVG of a chart's HTML output, decoded from its ``<img>``'s ``data:`` address; None where it has none."""
    from mpsbook.present.charts import CHART_CLASS

    found = re.search(rf'<img class="{CHART_CLASS}-static" [^>]*src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', markup)
    if found is None:
        return None
    try:
        return base64.b64decode(found.group(1), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None


def check_chart_outputs(app, doctree) -> None:
    """Give each chart its static SVG, read from the HTML beside its bundle; refuse an output that does not pair them.

    myst-nb keeps, until the page is written, every form of each output (one container per MIME type),
    for a cell's output and a glued one alike. A chart bundle (``CHART_MIME``) whose HTML holds no static
    SVG, or a chart's HTML without a bundle beside it (which would be shown as a bare picture, without its
    interactive chart, phone layout and data), fails the build, naming the notebook and the cell.
    """
    from mpsbook.present.charts import CHART_CLASS, CHART_MIME

    marker = f'class="{CHART_CLASS}'
    for bundle in doctree.findall(lambda n: isinstance(n, nodes.container) and n.get("nb_element") == "mime_bundle"):
        forms = {child.get("mime_type"): child for child in bundle.children}
        markup = forms["text/html"].astext() if "text/html" in forms else ""
        if CHART_MIME not in forms and marker not in markup:
            continue
        cell = next((n for n in _ancestors(bundle) if n.get("nb_element") == "cell_code"), None)
        where = f"{bundle.source or app.env.docname}, " + (f"cell {cell['cell_index'] + 1}" if cell is not None
                                                             else f"line {bundle.line}")
        if CHART_MIME not in forms:
            raise ExtensionError(f"mpsbook_sphinx.charts: {where}: a chart's HTML without its bundle ({CHART_MIME}): "
                                 "execute the notebook again (make execute)")
        svg = static_svg(markup)
        if svg is None:
            raise ExtensionError(f"mpsbook_sphinx.charts: {where}: a chart bundle ({CHART_MIME}) without its static "
                                 "SVG in the HTML beside it: execute the notebook again (make execute)")
        for node in forms[CHART_MIME].findall(chart):
            node["svg"] = svg


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def _vega(spec: dict, version: str, place: str) -> dict:
    import vl_convert

    try:
        vega = vl_convert.vegalite_to_vega(spec, vl_version=version)
    except Exception as error:  # vl-convert raises plain ValueErrors with the compiler's message
        raise ExtensionError(f"mpsbook_sphinx.charts: {place}: the chart does not compile to Vega: {error}") from error
    vega.pop("$schema", None)  # an address; the page names no other host
    return vega


def compile_charts(app, doctree) -> None:
    """Each chart of the page read: its Vega spec, its narrow layout, and the characters it draws (on ``env``: .state)."""
    from mpsbook.present.charts import svg_characters

    characters = set()
    for node in doctree.findall(chart):
        node["vega"] = _vega(node["spec"], node["vegalite"], node["place"])
        node["narrow_svg"], node["narrow_vega"] = narrow.narrow_chart(node["spec"], node["vegalite"], node["place"])
        characters |= svg_characters(node["svg"]) | svg_characters(node["narrow_svg"])
    if characters:
        chart_characters(app.env)[app.env.docname] = characters


def chart_rows(spec: dict) -> list:
    """The rows a Vega-Lite spec draws: those of its named datasets, then any inline values, in order."""
    rows = [row for values in spec.get("datasets", {}).values() for row in values]
    return rows + list(spec.get("data", {}).get("values", []))


def chart_csv(rows: list) -> str:
    """The rows as CSV: every field any row has, in order of first appearance; a missing value is empty.

    Each value is written as :func:`mpsbook.ledger.figures.plain` writes it: 1000.0 as 1000, 0.1 + 0.2 as 0.3.
    """
    from mpsbook.ledger.figures import plain

    fields = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    writer.writerows([plain(row.get(field)) for field in fields] for row in rows)
    return out.getvalue()


def chart_sources(rows: list, references: dict, pagename: str) -> str:
    """The chart's sources as links: each official figure its rows name in ``ref_id``, once, in order."""
    ids = dict.fromkeys(i.strip() for row in rows for i in str(row.get("ref_id") or "").split(",") if i.strip())
    unknown = [i for i in ids if i not in references]
    if unknown:
        raise ExtensionError(f"mpsbook_sphinx.charts: a chart on {pagename} names official figures not in "
                             f"the data package: {', '.join(unknown)}")
    links = [f'<a href="{html.escape(references[i]["url"])}" rel="noopener">{html.escape(references[i]["publisher"])}, '
             f'{html.escape(references[i]["published"])}</a>' for i in ids]
    return "; ".join(dict.fromkeys(links)) or "the article alone"


def write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def chart_data_block(app, node: chart, pagename: str, number: int) -> str:
    """Beneath a chart: its sources with links, and downloads of the rows it draws (CSV) and of its static SVG."""
    rows = chart_rows(node["spec"])
    stem = f"{pagename.replace('/', '-')}-chart-{number}"
    folder = Path(app.outdir) / CHART_DATA_DIR
    write_if_changed(folder / f"{stem}.csv", chart_csv(rows))
    write_if_changed(folder / f"{stem}.svg", node["svg"])
    page_uri = app.builder.get_target_uri(pagename)
    csv_href, svg_href = (relative_uri(page_uri, f"{CHART_DATA_DIR}/{stem}.{ext}") for ext in ("csv", "svg"))
    return (f'<div class="mpsbook-chart-data"><p><span class="mpsbook-label">Sources:</span> '
            f"{chart_sources(rows, build_data(app).references, pagename)}.</p>"
            f'<p><span class="mpsbook-label">Download:</span> <a class="mpsbook-chart-csv" href="{csv_href}" download>'
            f"the data drawn (CSV, {len(rows)} rows)</a> \u00b7 "
            f'<a class="mpsbook-chart-svg" href="{svg_href}" download>the chart (SVG)</a></p></div>')


def chart_figure_id(node: chart) -> str:
    """The id of the figure (``{glue:figure}`` with a ``:name:``) that holds the chart, or '' where none does."""
    figure = next((n for n in _ancestors(node) if isinstance(n, nodes.figure)), None)
    return figure["ids"][0] if figure is not None and figure["ids"] else ""


def chart_cite_block(app, node: chart, pagename: str) -> str:
    """Beneath a chart: its Cite block (:func:`mpsbook.present.citation.citation`), the figure's address with its anchor.

    A chart outside a named figure has no anchor to cite, which fails the build, naming the place.
    """
    from mpsbook.present.citation import citation
    from mpsbook.present.pages import render

    from .pages import site_address

    anchor = chart_figure_id(node)
    if not anchor:
        raise ExtensionError(f"mpsbook_sphinx.charts: {node['place']}: a chart outside a named figure has no "
                             "address to cite: show it with {glue:figure} and a :name:")
    address = f"{site_address(app, app.builder.get_target_uri(pagename))}#{anchor}"
    cite = citation(build_data(app).edition, anchor, f"Figure: {node['title']}", address, f"#{anchor}")
    return render("cite.html", cite=cite, what="chart")


def json_block(value: dict, kind: str) -> str:
    """A JSON value in a ``<script type="application/json">``, written by the one dumper (``mpsbook.present.pages.json_in_html``)."""
    from mpsbook.present.charts import CHART_CLASS
    from mpsbook.present.pages import json_in_html

    text = json_in_html(value)
    return f'<script type="application/json" class="{CHART_CLASS}-{kind}">{text}</script>'


def chart_html(node: chart) -> str:
    """The chart as the page shows it: static SVGs (default and narrow; CSS picks), the place vega draws in, two Vega specs.

    The static SVGs are images (``role="img"``) named by the chart's title and description. The place vega draws
    in is a plain ``div``, which may not carry an ``aria-label`` (no role takes one): it holds the name in
    ``data-label`` for the drawn ``svg``, which ``mpsbook-charts.js`` makes an image of that name.
    """
    from mpsbook.present.charts import CHART_CLASS

    label = html.escape(": ".join(part for part in (node["title"], node["description"]) if part), quote=True)
    # The drawn SVG shows its title as text, which a screen reader reads with it: its name is the description alone.
    live_label = html.escape(node["description"] or node["title"], quote=True)
    return (f'<div class="{CHART_CLASS}" data-vegalite="{node["vegalite"]}">'
            f'<div class="{CHART_CLASS}-static" role="img" aria-label="{label}">{node["svg"]}</div>'
            f'<div class="{CHART_CLASS}-static {CHART_CLASS}-static--narrow" role="img" aria-label="{label}">'
            f'{node["narrow_svg"]}</div>'
            f'<div class="{CHART_CLASS}-live" data-label="{live_label}"></div>'
            f'{json_block(node["narrow_vega"], "vega-narrow")}{json_block(node["vega"], "vega")}</div>')


def visit_chart(translator, node: chart) -> None:
    """Write the chart and its data block, in the box myst-nb gives an HTML output (``output text_html``)."""
    builder = translator.builder
    number = getattr(translator, "mpsbook_charts_written", 0) + 1
    translator.mpsbook_charts_written = number
    pagename = builder.current_docname
    translator.body.append(f'<div class="output text_html">{chart_html(node)}'
                           f"{chart_data_block(builder.app, node, pagename, number)}"
                           f"{chart_cite_block(builder.app, node, pagename)}</div>")
    raise nodes.SkipNode


def skip_chart(translator, node) -> None:
    raise nodes.SkipNode


def add_chart_files(app, pagename, templatename, context, doctree) -> None:
    """On the pages that show a chart, and nowhere else: the chart font and the loader (which loads vega when needed)."""
    if doctree is not None and next(iter(doctree.findall(chart)), None) is not None:
        vega = build_data(app).vega
        if not vega:
            raise ExtensionError(f"mpsbook_sphinx.charts: {pagename} shows a chart, but no vega is served: "
                                 "load mpsbook_sphinx.assets, which places it")
        app.add_css_file(FONT_CSS)
        # vega itself is loaded by the loader when a chart nears the viewport (the static SVG shows until then).
        app.add_js_file(LOADER, loading_method="defer", **{"data-vega": vega})


def setup(app):
    app.setup_extension("mpsbook_sphinx.state")  # the characters each page's charts draw, kept on env
    app.add_node(chart, html=(visit_chart, None), latex=(skip_chart, None), text=(skip_chart, None),
                 man=(skip_chart, None), texinfo=(skip_chart, None))
    app.connect("doctree-read", check_chart_outputs)
    app.connect("doctree-read", compile_charts)
    app.connect("html-page-context", add_chart_files)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
