"""Each chart laid out again for narrow columns (phones), beside the layout the notebook stored.

The width follows the column, long row labels wrap onto several lines, titles wrap, legends go
below in one column; nothing is scaled down, so text keeps its size (12 px and up). The page
carries a narrow static SVG beside the notebook's (CSS picks by the column's width, for readers
without JavaScript) and a narrow Vega spec beside the default one (the chart loader picks).
:func:`narrow_chart` is called by :func:`.charts.compile_charts` when a page is read.
"""

import functools
import json
import re
import textwrap

from sphinx.errors import ExtensionError

NARROW_WIDTH = 340  # px: the static narrow SVG; a 390 px phone's text column is about 342 px
LABEL_CHARS = 22  # characters per line of a wrapped row label
LABEL_LINE = 14  # px between the lines of a wrapped row label
MIN_TEXT = 12  # px: the smallest text of a narrow chart (the theme's axis labels)
POINT_AREA = 72  # px^2: the smallest point of a narrow chart (a diamond of area 72 is 8.5 px across)
TITLE_CHARS = 34  # characters per line of a wrapped chart title (16 px)
AXIS_TITLE_CHARS = 22  # characters per line of a wrapped axis title (13 px)
# Wrap a label into lines of at most LABEL_CHARS characters, broken at spaces (a Vega expression).
WRAP = f"split(trim(replace(datum.value, /(.{{1,{LABEL_CHARS}}})(\\s+|$)/g, '$1\\n')), '\\n')"
WRAP_PY = re.compile(f"(.{{1,{LABEL_CHARS}}})(\\s+|$)")


def wrapped_lines(text: str) -> list:
    """``text`` cut into lines as the narrow charts' Vega expression ``WRAP`` cuts it."""
    return [line for line in WRAP_PY.sub(lambda m: m[1] + "\n", text).strip().split("\n") if line]


def _wrap_title(title):
    """A chart title (a string, or a dict with ``text``) as lines of at most TITLE_CHARS characters."""
    if isinstance(title, dict):
        text = title.get("text", "")
        return {**title, "text": textwrap.wrap(" ".join(text) if isinstance(text, list) else text, TITLE_CHARS)}
    return textwrap.wrap(" ".join(title) if isinstance(title, list) else str(title), TITLE_CHARS)


def _layers(spec: dict) -> list:
    """The spec and its layers: where encodings and marks are."""
    return [spec, *spec.get("layer", [])]


def _label_fields(spec: dict) -> set:
    """The fields on a band (nominal or ordinal) vertical axis of any layer: the row labels."""
    fields = set()
    for layer in _layers(spec):
        y = layer.get("encoding", {}).get("y", {})
        if y.get("type") in ("nominal", "ordinal") and "field" in y:
            fields.add(y["field"])
    return fields


def _row_lines(spec: dict, fields: set) -> int:
    """The most lines any row label wraps onto, over the spec's inline data sets."""
    lines = 1
    for rows in spec.get("datasets", {}).values():
        for row in rows:
            for field in fields:
                if isinstance(row.get(field), str):
                    lines = max(lines, len(wrapped_lines(row[field])))
    return lines


def _wrap_row_labels(spec: dict, fields: set) -> None:
    """Row labels (the band axes on ``fields``) wrapped onto lines of LABEL_CHARS, each line LABEL_LINE apart."""
    for layer in _layers(spec):
        y = layer.get("encoding", {}).get("y", {})
        if y.get("field") in fields:
            axis = y.get("axis") or {}
            y["axis"] = {**axis, "labelLimit": 160, "labelLineHeight": LABEL_LINE, "labelExpr": WRAP,
                         "labelOffset": {"expr": f"-{LABEL_LINE / 2} * (length({WRAP}) - 1)"}}


def _narrow_axis(encoding: dict, channel: str) -> None:
    """An axis title wrapped, its labels at least MIN_TEXT, and column names on one line set upright."""
    if isinstance(encoding.get("title"), str):
        encoding["title"] = textwrap.wrap(encoding["title"], AXIS_TITLE_CHARS)
    axis = encoding.get("axis")
    if not isinstance(axis, dict):
        return
    if axis.get("labelFontSize", MIN_TEXT) < MIN_TEXT:
        axis["labelFontSize"] = MIN_TEXT
    if channel == "x" and encoding.get("type") in ("nominal", "ordinal") and axis.get("labelLimit") == 0:
        # Column names set on one line (no limit) collide in a narrow column: set upright instead.
        encoding["axis"] = {**axis, "labelAngle": -90, "labelAlign": "left", "labelLimit": 140}


def _narrow_mark(mark) -> None:
    """Text marks at least MIN_TEXT; points at least POINT_AREA, a touch target at least 8 px across."""
    if not isinstance(mark, dict):
        return
    if mark.get("type") == "text" and mark.get("fontSize", MIN_TEXT) < MIN_TEXT:
        mark["fontSize"] = MIN_TEXT
    if mark.get("type") == "point" and mark.get("size", 0) < POINT_AREA:
        mark["size"] = POINT_AREA


def _narrow_legends(spec: dict) -> None:
    """Every legend below the chart, in one column, its labels wrapped."""
    config = spec.setdefault("config", {})
    config["legend"] = {**config.get("legend", {}), "orient": "bottom", "columns": 1, "labelLimit": 170,
                        "labelExpr": WRAP, "labelLineHeight": LABEL_LINE}
    for layer in _layers(spec):
        for encoding in layer.get("encoding", {}).values():
            legend = encoding.get("legend") if isinstance(encoding, dict) else None
            if isinstance(legend, dict):
                legend.update(columns=1, labelLimit=170, labelExpr=WRAP, labelLineHeight=LABEL_LINE)


def narrow_spec(spec: dict, width) -> dict:
    """A Vega-Lite spec laid out again for a narrow column: ``width`` (px, or "container"), labels and title wrapped.

    Row labels wrap onto lines of LABEL_CHARS characters and each row grows to hold its
    longest label; the legend goes below in one column. Text keeps its size, or grows to
    MIN_TEXT where a chart sets it smaller; points grow to at least POINT_AREA.
    """
    spec = json.loads(json.dumps(spec))  # a deep copy
    fields = _label_fields(spec)
    lines = _row_lines(spec, fields)
    spec["width"] = width
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    if "title" in spec:
        spec["title"] = _wrap_title(spec["title"])
    height = spec.get("height")
    if isinstance(height, dict) and "step" in height:
        spec["height"] = {"step": max(height["step"], lines * LABEL_LINE + 10)}
    _wrap_row_labels(spec, fields)
    for layer in _layers(spec):
        for channel in ("x", "y"):
            _narrow_axis(layer.get("encoding", {}).get(channel, {}), channel)
        _narrow_mark(layer.get("mark"))
    _narrow_legends(spec)
    return spec


def narrow_chart(spec: dict, version: str, place: str) -> tuple:
    """A chart's narrow layout: its static SVG (``NARROW_WIDTH`` wide) and its Vega spec (as wide as its column)."""
    try:
        svg, vega = _narrow_compiled(json.dumps([version, spec], sort_keys=True))
    except Exception as error:  # vl-convert raises plain ValueErrors with the compiler's message
        raise ExtensionError(f"mpsbook_sphinx.narrow: {place}: the chart has no narrow layout: {error}") from error
    return svg, json.loads(vega)


# Not state: a pure function of its argument (the same chart compiles to the same layout), remembered for the
# process, so a chart shown on two pages, or read again by a second build in the same process, compiles once.
@functools.cache
def _narrow_compiled(key: str) -> tuple:
    """The narrow static SVG and Vega spec (as JSON text) of the chart ``key`` names: ``[version, spec]`` as JSON."""
    import vl_convert  # imported here: loading the extension costs no vl-convert

    from mpsbook.present.charts import register_font

    version, spec = json.loads(key)
    register_font()  # vl-convert measures and draws the book's chart font
    svg = vl_convert.vegalite_to_svg(narrow_spec(spec, NARROW_WIDTH), vl_version=version)
    vega = vl_convert.vegalite_to_vega(narrow_spec(spec, "container"), vl_version=version)
    vega.pop("$schema", None)  # an address; the page names no other host
    return svg, json.dumps(vega)
