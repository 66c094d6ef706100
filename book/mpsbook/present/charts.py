"""Charts: the book's theme, a renderer whose output works with and without JavaScript, and the chart builders.

:func:`enable` registers and turns on the theme (``mpsbook``) and the renderer (``mpsbook``);
``import mpsbook`` calls it once. Each chart is stored in the notebook twice over, each form
once: a static SVG made by vl-convert when the cell runs (what a reader sees where no
JavaScript runs: a code host, a notebook opened untrusted in JupyterLab, print) and the
Vega-Lite spec, which the built site draws interactively with the vega scripts its build
places next to the pages.
Charts are set in the book's own font, MPSBook Sans (``fonts/``, Liberation Sans cut to Latin
and renamed; SIL Open Font License), registered with vl-convert here and served by the site,
so label widths, and with them the stored outputs, do not depend on the fonts a machine has.
Executing a cell twice gives byte-identical output. :func:`interval_chart`,
:func:`comparison_chart` and :func:`series_chart` are the book's three kinds of chart.
"""

from __future__ import annotations

import base64
import functools
import html
import xml.etree.ElementTree as ET
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert

from ..extract.quantities import QUALIFIERS
from ..rate.ratings import RATINGS
from . import tables

# The chart font's one home: its name, its folder, what it draws (font_characters) and what an SVG draws
# (svg_characters); the site's build (mpsbook_sphinx.fonts, mpsbook_sphinx.narrow) takes them from here.
# The one family the theme names, with no fallback: a fallback would be whatever the machine has.
FONT = "MPSBook Sans"
FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"
# One colour per qualifier and per rating, from a colour-blind-safe palette (Okabe and Ito).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
QUALIFIER_COLOURS = dict(zip(QUALIFIERS, ["#000000", "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00"], strict=True))
# One colour per verdict, running along the scale (:data:`mpsbook.rate.ratings.RATINGS`): blues for true, amber to
# dark red for false, greys for the two off the scale. Blue against orange keeps apart under every common
# colour-vision deficiency; never the only signal: every chart also names and marks the verdict.
RATING_COLOURS = dict(zip(RATINGS, ["#08519C", "#4A7FB5", "#B8860B", "#C2410C", "#7F1D1D", "#5F5F5F", "#3A3A3A"],
                          strict=True))
CHART_COLOURS = {"qualifier": QUALIFIER_COLOURS, "rating": RATING_COLOURS}
CHART_WIDTH = 640  # what fits the book's text column beside its side bars, labels included
LABEL_LIMIT = 230  # pixels of row label before it is cut with an ellipsis
COMPARISON_LABEL_LIMIT = 300  # comparison charts name official measures, which run longer
NUMBER_FORMAT = ",.3~s"

VEGALITE_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
CHART_CLASS = "mpsbook-chart"
# The chart as data, for the site's build (mpsbook_sphinx.charts): its spec, static SVG and words.
CHART_MIME = "application/vnd.mpsbook.chart+json"


def chart_theme() -> alt.theme.ThemeConfig:
    """The book's one chart theme: fonts, colours, sizes and number formats."""
    return {
        "config": {
            "background": "white",
            "font": FONT,
            "view": {"continuousWidth": CHART_WIDTH - 100, "continuousHeight": 320, "stroke": None},
            "title": {"fontSize": 16, "anchor": "start", "subtitleFontSize": 13, "subtitleColor": "#555555"},
            "axis": {"labelFontSize": 12, "titleFontSize": 13, "labelColor": "#333333", "titleColor": "#333333",
                     "gridColor": "#e5e5e5", "domainColor": "#888888", "tickColor": "#888888"},
            "legend": {"labelFontSize": 12, "titleFontSize": 13, "orient": "bottom", "columns": 2},
            "range": {"category": PALETTE},
            "numberFormat": NUMBER_FORMAT,
        }
    }


def _chart_summary(spec: dict) -> tuple[str, str]:
    """The chart's title and description, for its accessible name and its plain-text output."""
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(title)
    return str(title), str(spec.get("description", ""))


@functools.cache
def register_font() -> None:
    """Register the book's chart font (``fonts/``) with vl-convert, once per process.

    vl-convert then measures and draws MPSBook Sans, which no system font can shadow: the
    name is the book's own.
    """
    vl_convert.register_font_directory(str(FONT_DIR))


@functools.cache
def font_characters() -> frozenset:
    """The characters the book's chart font draws, read from its regular face (the bold one has the same)."""
    from fontTools.ttLib import TTFont  # imported on the first chart only

    with TTFont(FONT_DIR / "MPSBookSans-Regular.ttf") as font:
        return frozenset(map(chr, font.getBestCmap()))




SVG_TEXT = "{http://www.w3.org/2000/svg}text"


def svg_characters(svg: str) -> set:
    """The characters an SVG's ``<text>`` elements draw, spaces left out, read from its XML (tooltips are not drawn)."""
    texts = "".join("".join(element.itertext()) for element in ET.fromstring(svg).iter(SVG_TEXT))
    return {char for char in texts if not char.isspace()}


# For viewers that do not have the book's font (an <img> cannot load the page's): fonts with the same metrics as
# Liberation Sans, from which MPSBook Sans is cut, so labels keep the widths vl-convert measured. Only display uses
# this: vl-convert itself never falls back, since the theme names MPSBook Sans alone.
_FALLBACK_STYLE = '<style>.marks text{font-family:"MPSBook Sans","Liberation Sans",Arial,Arimo,Helvetica,sans-serif}</style>'


def chart_svg(spec: dict) -> str:
    """The chart's static SVG, made by vl-convert with the Vega-Lite version Altair writes, in the book's font.

    A style rule names metric-compatible fonts after it, for viewers without it (see ``_FALLBACK_STYLE``).

    Raises
    ------
    ValueError
        When a text the chart draws has a character the book's font lacks (vl-convert took
        that glyph from a system font, so the output would depend on the machine); the
        message lists the characters with their code points.
    """
    register_font()
    svg = vl_convert.vegalite_to_svg(spec, vl_version=VEGALITE_VERSION)
    missing = svg_characters(svg) - font_characters()
    if missing:
        raise ValueError(f"chart text has characters the book's font ({FONT}, {FONT_DIR}) does not draw: "
                         + ", ".join(f"{char!r} (U+{ord(char):04X})" for char in sorted(missing))
                         + "; derive the font again with them (tools/derive_fonts.py)")
    opening = svg.index(">") + 1
    return svg[:opening] + _FALLBACK_STYLE + svg[opening:]


def chart_mimebundle(spec: dict, **_metadata) -> dict:
    """Altair renderer: the chart as data for the site (``CHART_MIME``), and as HTML and text for notebooks.

    The static SVG is stored once, in the HTML: an ``<img>`` with a ``data:`` address (base64).
    JupyterLab shows an untrusted notebook's outputs through its HTML sanitizer, which drops
    ``<svg>`` elements but keeps an ``<img>`` whatever its ``src``, and never renders
    ``image/svg+xml`` (or a type it does not know) untrusted; so a fresh clone shows every chart
    as a picture before any cell runs, and code hosts show the same picture.

    ``CHART_MIME`` holds the rest of what the site's build needs, as JSON: ``vegalite`` (the
    Vega-Lite version the spec is written for), ``spec`` (without ``$schema``), ``title`` and
    ``description`` (the words a screen reader hears). The build (``mpsbook_sphinx.charts``)
    takes the SVG from the HTML beside it, puts it inline, compiles the spec to Vega, lays it out
    again for phones, and refuses a chart output without this bundle, with a key missing, or
    without the picture in its HTML. nbval compares every part of the output, byte for byte.
    Everything is keyed by content, never by a random id, so executing twice gives byte-identical
    output.
    """
    spec = {key: value for key, value in spec.items() if key != "$schema"}
    svg = chart_svg(spec)
    title, description = _chart_summary(spec)
    label = html.escape(": ".join(part for part in (title, description) if part), quote=True)
    markup = (
        f'<div class="{CHART_CLASS}"><img class="{CHART_CLASS}-static" alt="{label}" '
        f'src="data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()}"></div>'
    )
    text = f"Chart: {title}" + (f"\n{description}" if description else "")
    chart = {"vegalite": VEGALITE_VERSION, "spec": spec, "title": title, "description": description}
    return {CHART_MIME: chart, "text/html": markup, "text/plain": text}


def enable_book_display() -> None:
    """Turn on the book's chart theme, font and renderer, and show tables for readers (:mod:`mpsbook.present.tables`).

    The notebooks' first cell calls this; ``import mpsbook`` alone changes no global state, so code
    that imports the package elsewhere keeps its own Altair theme and renderer and pandas options.
    Calling it again changes nothing.
    """
    register_font()
    alt.theme.register("mpsbook", enable=True)(chart_theme)
    alt.renderers.register("mpsbook", chart_mimebundle)
    alt.renderers.enable("mpsbook")
    # Tables of quotes and reasons are read in full, not cut at 50 characters.
    pd.set_option("display.max_colwidth", None)
    tables.enable()  # and shown for readers: headings in words, thousands separators, no index column


def log_axis(**options) -> alt.Axis:
    """An axis for a log scale: a label at each power of ten, written 10, 1k, 1M, 1B."""
    return alt.Axis(
        values=[10**k for k in range(0, 16)],
        labelExpr="replace(format(datum.value, '~s'), 'G', 'B')",
        **options,
    )


def interval_chart(
    frame: pd.DataFrame,
    *,
    title: str,
    description: str,
    label: str = "expression",
    colour: str = "qualifier",
    tooltip: tuple = (),
    number_rows: bool = True,
) -> alt.LayerChart:
    """An interval chart on a log axis: one row per quantity, a bar from low to high and a diamond at the figure.

    ``frame`` needs ``low``, ``high``, ``figure``, ``unit`` and the ``label`` and ``colour``
    columns (``colour`` is ``qualifier`` or ``rating``, coloured as the book colours them
    everywhere); the row order of the frame is kept on the vertical axis. Where the frame
    has an ``official`` column, a black ring marks the official figure the rating rests on.
    ``tooltip`` adds (field, title) pairs to the tooltip, after the quoted words;
    ``number_rows`` puts the row's number before its label (off when the label has an id).
    """
    data = frame.reset_index(drop=True).assign(
        row=lambda d: [f"{i + 1:02d}. {text}" if number_rows else text for i, text in enumerate(d[label])],
        # Only the article's words go inside the quotation marks: its quote where the frame has one, never an id.
        quoted=lambda d: [f"\u201c{text}\u201d" for text in d["quote" if "quote" in d else label]],
    )
    tooltips = [
        alt.Tooltip("quoted:N", title="Quoted words"),
        *(alt.Tooltip(f"{field}:N", title=name) for field, name in tooltip),
        alt.Tooltip("unit:N", title="Unit"),
        alt.Tooltip(f"{colour}:N", title=colour.capitalize()),
        alt.Tooltip("low:Q", title="Low", format=","),
        alt.Tooltip("high:Q", title="High", format=","),
    ]
    colours = CHART_COLOURS[colour]
    y = alt.Y("row:N", sort=None, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    colour_channel = alt.Color(
        f"{colour}:N", title=colour.capitalize(), scale=alt.Scale(domain=list(colours), range=list(colours.values())),
        legend=alt.Legend(labelLimit=260),
    )
    x_scale = alt.Scale(type="log")
    base = alt.Chart(data).encode(y=y, color=colour_channel, tooltip=tooltips)
    bars = base.mark_bar(height=8, opacity=0.8).encode(
        x=alt.X("low:Q", scale=x_scale, title="Values the words allow (log scale)", axis=log_axis()),
        x2="high:Q",
    )
    # A point for exact intervals too: a bar from f to f has no width.
    points = base.transform_filter("isValid(datum.figure)").mark_point(filled=True, size=50, shape="diamond").encode(
        x=alt.X("figure:Q", scale=x_scale)
    )
    layers = [bars, points]
    if "official" in data:
        # Its own chart, not `base`: the ring stays black whatever the row's colour.
        official = alt.Chart(data).transform_filter("isValid(datum.official)").mark_point(
            shape="circle", size=110, filled=False, strokeWidth=2, color="black"
        ).encode(
            y=y,
            x=alt.X("official:Q", scale=x_scale),
            tooltip=[*tooltips, alt.Tooltip("official:Q", title="Official figure", format=",")],
        )
        layers.append(official)
    return alt.layer(*layers, title=title, description=description).properties(
        width=CHART_WIDTH - LABEL_LIMIT - 20, height=alt.Step(22)
    )


KIND_COLOURS = {
    "the article": "#D55E00",
    "official, same measure": "#0072B2",
    "official, yearly average": "#0072B2",
    "official, part of a running total": "#009E73",
    "official, one year's campaign": "#56B4E9",
    "official, cumulative since 2018": "#009E73",
    "official, other campaign": "#56B4E9",
    "official, other period": "#56B4E9",
    "official, other scope": "#56B4E9",
    "official, one city or province": "#56B4E9",
    "official, other unit": "#7F7F7F",
    "hard bound": "#CC79A7",
}


def comparison_chart(frame: pd.DataFrame, *, title: str, description: str, x_title: str, log: bool = False
                     ) -> alt.LayerChart:
    """Claims as intervals beside official figures as points, one row each, from :func:`comparison_frame`."""
    kinds = [k for k in KIND_COLOURS if k in set(frame["kind"])]
    colour = alt.Color("kind:N", title=None, legend=alt.Legend(labelLimit=260),
                       scale=alt.Scale(domain=kinds, range=[KIND_COLOURS[k] for k in kinds]))
    tooltip = [alt.Tooltip("label:N", title="What"), alt.Tooltip("detail:N", title="Detail"),
               alt.Tooltip("low:Q", title="Low", format=","), alt.Tooltip("high:Q", title="High", format=","),
               alt.Tooltip("unit:N", title="Unit"), alt.Tooltip("source:N", title="Source")]
    scale = alt.Scale(type="log") if log else alt.Scale(zero=True)
    if log:
        axis = log_axis()
    elif frame["high"].max() >= 10_000:
        axis = alt.Axis(labelExpr="replace(format(datum.value, '~s'), 'G', 'B')")
    else:
        axis = alt.Axis(format=",.2~f")
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=COMPARISON_LABEL_LIMIT)),
        color=colour,
        tooltip=tooltip,
    )
    bars = base.mark_bar(height=10, opacity=0.85).encode(x=alt.X("low:Q", title=x_title, scale=scale, axis=axis),
                                                          x2="high:Q")
    points = base.transform_filter("isValid(datum.value)").mark_point(filled=True, size=90, opacity=1).encode(
        x=alt.X("value:Q", scale=scale)
    )
    return alt.layer(bars, points, title=title, description=description).properties(
        width=CHART_WIDTH - COMPARISON_LABEL_LIMIT - 20, height=alt.Step(30)
    )


def series_chart(series: pd.DataFrame, *, claim_row, claim_year: int, title: str, description: str, y_title: str
                 ) -> alt.LayerChart:
    """Official yearly figures as a line of points, with a claim's interval drawn over its year.

    ``series`` needs ``year``, ``value``, ``metric``, ``publisher`` and ``published``;
    ``claim_row`` is a row of the claims ledger (``quote``, ``low``, ``high``).
    """
    official = series.assign(kind="official, same measure", source=series["publisher"] + ", " + series["published"])
    claimed = pd.DataFrame([{"year": claim_year, "low": claim_row["low"], "high": claim_row["high"],
                             "kind": "the article", "quoted": f"\u201c{claim_row['quote']}\u201d"}])
    kinds = ["the article", "official, same measure"]
    colour = alt.Color("kind:N", title=None, scale=alt.Scale(domain=kinds, range=[KIND_COLOURS[k] for k in kinds]))
    x = alt.X("year:O", title="Year", axis=alt.Axis(labelAngle=0))
    y_scale = alt.Scale(zero=True)
    line = alt.Chart(official).mark_line(point=alt.OverlayMarkDef(filled=True, size=90)).encode(
        x=x, y=alt.Y("value:Q", title=y_title, scale=y_scale), color=colour,
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("value:Q", title="Official figure", format=","),
                 alt.Tooltip("metric:N", title="Measure"), alt.Tooltip("source:N", title="Source")],
    )
    band = alt.Chart(claimed).mark_bar(size=26, opacity=0.6).encode(
        x=x, y=alt.Y("low:Q", scale=y_scale), y2="high:Q", color=colour,
        tooltip=[alt.Tooltip("quoted:N", title="Quoted words"), alt.Tooltip("low:Q", title="Low", format=","),
                 alt.Tooltip("high:Q", title="High", format=",")],
    )
    return alt.layer(band, line, title=title, description=description).properties(width=CHART_WIDTH - 240, height=280)



# A mark per rating, so that colour is never the only signal: the grid letters each cell with it. Each is a
# character the chart font draws (a test checks), which the dingbats check and ballot marks are not.
RATING_MARKS = dict(zip(RATINGS, ["=", "\u2265", "\u2248", "\u2260", "!", "?", "\u2013"], strict=True))


def sensitivity_chart(sensitivity: pd.DataFrame, *, title: str, description: str) -> alt.LayerChart:
    """A grid of ratings: one row per claim, one column per reading, each cell coloured and marked by its rating.

    ``sensitivity`` needs ``claim`` (the row label), ``reading``, ``rating`` and ``changes`` (True where the
    claim's rating differs between readings; such rows start with an asterisk). Row and column
    order are the frame's.
    """
    data = sensitivity.assign(
        mark=sensitivity["rating"].map(RATING_MARKS),
        legend=[f"{RATING_MARKS[r]} {r}" for r in sensitivity["rating"]],
        row=[f"* {label}" if changed else label for label, changed in zip(sensitivity["claim"], sensitivity["changes"], strict=True)],
    )
    colours = {f"{RATING_MARKS[k]} {k}": v for k, v in RATING_COLOURS.items() if k in set(data["rating"])}
    tooltip = [alt.Tooltip("claim:N", title="Claim"), alt.Tooltip("reading:N", title="Reading"),
               alt.Tooltip("rating:N", title="Rating")]
    base = alt.Chart(data).encode(
        y=alt.Y("row:N", sort=None, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        x=alt.X("reading:N", sort=None, title=None,
                axis=alt.Axis(labelAngle=0, orient="top", labelFontSize=10, labelLimit=0)),
        tooltip=tooltip,
    )
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("legend:N", title="Rating", sort=list(colours),
                        scale=alt.Scale(domain=list(colours), range=list(colours.values())),
                        legend=alt.Legend(columns=1, labelLimit=300)),
    )
    # The cell already names its rating to a screen reader; the mark repeats it for the eye only.
    marks = base.mark_text(fontSize=14, fontWeight="bold", color="white", aria=False).encode(text="mark:N")
    return alt.layer(cells, marks, title=title, description=description).properties(
        width=CHART_WIDTH - LABEL_LIMIT - 20, height=alt.Step(24)
    )
