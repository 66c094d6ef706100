"""The book's charts on the page: put back inline, laid out again for phones, compiled to Vega, with their data.

The notebooks store each chart as a static SVG (an ``<img>`` with a ``data:`` address, which
JupyterLab shows even in an untrusted notebook) plus its Vega-Lite spec (see
``mpsbook.chart_mimebundle``). On the page the SVG is put back inline, where the page's fonts
reach it (:mod:`.fonts` serves the chart font). The Vega-Lite compiler is the larger part of a
browser bundle, so the site does not ship it: when a page is written, each spec is compiled to
Vega with the pinned ``vl-convert-python`` (the same Vega-Lite version the notebook recorded) and
the page carries the Vega spec; the browser needs only vega itself (:mod:`.assets` serves it) and
the book's chart loader. Beneath each chart go its sources and downloads of the rows it draws
(CSV) and of its static SVG.

:func:`render_charts` does the three steps for a page, in order: static SVG inline, narrow
layout beside it (:mod:`.narrow`), specs compiled to Vega with the data beneath.
"""

import base64
import csv
import html
import io
import json
import re
from pathlib import Path

import vl_convert
from sphinx.errors import ExtensionError

from . import narrow

CHART_MARKER = 'class="mpsbook-chart"'
LOADER = "mpsbook-charts.js"
FONT_CSS = "mpsbook-fonts.css"  # declares the chart font's faces (see .fonts); added to the pages that show a chart
# The static chart as mpsbook.chart_mimebundle stores it, and the vega spec the page carries.
STATIC_CHART = re.compile(
    r'<img class="mpsbook-chart-static" alt="(?P<label>[^"]*)" src="data:image/svg\+xml;base64,(?P<svg>[A-Za-z0-9+/=]*)">')
# A chart as mpsbook.chart_mimebundle writes it: the Vega-Lite version, then (after the static
# SVG) the spec's JSON block and the closing tag. Group 1 keeps everything before the spec unchanged.
CHART_SPEC = re.compile(
    r'(<div class="mpsbook-chart" data-vegalite="(?P<version>[0-9.]+)">.*?)'
    r'<script type="application/json" class="mpsbook-chart-spec">(?P<spec>.*?)</script></div>',
    re.S,
)


def compiled_chart(match: re.Match, pagename: str) -> str:
    """One chart's markup with its Vega-Lite spec replaced by the Vega spec it compiles to."""
    try:
        vega = vl_convert.vegalite_to_vega(json.loads(match["spec"]), vl_version=match["version"])
    except Exception as error:  # vl-convert raises plain ValueErrors with the compiler's message
        raise ExtensionError(f"mpsbook.sphinxext.charts: a chart on {pagename} does not compile to Vega: {error}") from error
    vega.pop("$schema", None)  # an address; the page names no other host
    spec = json.dumps(vega, sort_keys=True, separators=(",", ":"), ensure_ascii=True).replace("</", "<\\/")
    return f'{match[1]}<script type="application/json" class="mpsbook-chart-vega">{spec}</script>'


CHART_DATA_DIR = "chart-data"  # in the site: each chart's rows as CSV and its static SVG
SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def chart_rows(spec: dict) -> list:
    """The rows a Vega-Lite spec draws: those of its named datasets, then any inline values, in order."""
    rows = [row for values in spec.get("datasets", {}).values() for row in values]
    return rows + list(spec.get("data", {}).get("values", []))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def chart_csv(rows: list) -> str:
    """The rows as CSV: every field any row has, in order of first appearance; a missing value is empty."""
    fields = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    writer.writerows([_cell(row.get(field)) for field in fields] for row in rows)
    return out.getvalue()


def reference_records(confdir: Path) -> dict:
    """The official figures of ``data/references.csv``, by ``ref_id``."""
    with open(confdir / "data" / "references.csv", encoding="utf-8", newline="") as handle:
        return {row["ref_id"]: row for row in csv.DictReader(handle)}


def chart_sources(rows: list, references: dict, pagename: str) -> str:
    """The chart's sources as links: each official figure its rows name in ``ref_id``, once, in order."""
    ids = dict.fromkeys(i.strip() for row in rows for i in str(row.get("ref_id") or "").split(",") if i.strip())
    unknown = [i for i in ids if i not in references]
    if unknown:
        raise ExtensionError(f"mpsbook.sphinxext.charts: a chart on {pagename} names official figures not in "
                             f"data/references.csv: {', '.join(unknown)}")
    links = [f'<a href="{html.escape(references[i]["url"])}" rel="noopener">{html.escape(references[i]["publisher"])}, '
             f'{html.escape(references[i]["published"])}</a>' for i in ids]
    return "; ".join(dict.fromkeys(links)) or "the article alone"


def write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def chart_data_block(app, match: re.Match, pagename: str, number: int, pathto) -> str:
    """Beneath a chart: its sources with links, and downloads of the rows it draws (CSV) and of its static SVG."""
    rows = chart_rows(json.loads(match["spec"].replace("<\\/", "</")))
    stem = f"{pagename.replace('/', '-')}-chart-{number}"
    folder = Path(app.outdir) / CHART_DATA_DIR
    write_if_changed(folder / f"{stem}.csv", chart_csv(rows))
    svg = SVG.search(match[1])
    write_if_changed(folder / f"{stem}.svg", svg.group() if svg else "")
    csv_href, svg_href = (pathto(f"{CHART_DATA_DIR}/{stem}.{ext}", 1) for ext in ("csv", "svg"))
    return (f'<div class="mpsbook-chart-data"><p><span class="mpsbook-label">Sources:</span> '
            f"{chart_sources(rows, app.mpsbook_references, pagename)}.</p>"
            f'<p><span class="mpsbook-label">Download:</span> <a class="mpsbook-chart-csv" href="{csv_href}" download>'
            f"the data drawn (CSV, {len(rows)} rows)</a> \u00b7 "
            f'<a class="mpsbook-chart-svg" href="{svg_href}" download>the chart (SVG)</a></p></div>')


def inline_static_chart(match: re.Match) -> str:
    """The stored ``<img>`` of a static chart as an inline SVG, named by the same label."""
    svg = base64.b64decode(match["svg"]).decode("utf-8")
    return f'<div class="mpsbook-chart-static" role="img" aria-label="{match["label"]}">{svg}</div>'


def render_charts(app, pagename, templatename, context, doctree) -> None:
    """On the pages that show a chart, and nowhere else: the charts drawn for every width, vega and the loader loaded.

    In order: each static chart put back inline; its narrow layout added beside it
    (:func:`.narrow.add_narrow_charts`); each spec compiled to Vega, with the chart's sources and
    data beneath it (see :func:`chart_data_block`).
    """
    body = context.get("body", "")
    if CHART_MARKER in body:
        body = STATIC_CHART.sub(inline_static_chart, body)
        body = narrow.add_narrow_charts(body, pagename)
        app.mpsbook_references = reference_records(Path(app.confdir))
        count = iter(range(1, 1000))
        context["body"] = CHART_SPEC.sub(
            lambda match: compiled_chart(match, pagename) + "</div>"
            + chart_data_block(app, match, pagename, next(count), context["pathto"]), body)
        app.add_css_file(FONT_CSS)
        # vega itself is loaded by the loader when a chart nears the viewport (the static SVG shows until then).
        app.add_js_file(LOADER, loading_method="defer", **{"data-vega": app.mpsbook_vega})


def setup(app):
    app.connect("html-page-context", render_charts)
