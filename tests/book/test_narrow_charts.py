"""The narrow layout the site compiles for each chart (book/mpsbook_sphinx/narrow.py), checked on the book's own charts."""

import json
import re
import textwrap

import pytest
import vl_convert

import mpsbook
from mpsbook_sphinx import narrow as narrow_layout


def book_charts():
    """(notebook, Vega-Lite version, spec) for every chart stored in the book's notebooks."""
    found = []
    for notebook in sorted((mpsbook.ledger.data.ROOT_DIR / "book").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                chart = output.get("data", {}).get(mpsbook.present.charts.CHART_MIME)
                if chart:
                    found.append((notebook.name, chart["vegalite"], chart["spec"]))
    return found


CHARTS = book_charts()


def test_the_book_has_charts_to_lay_out():
    assert len(CHARTS) >= 5


@pytest.mark.parametrize("notebook, version, spec", CHARTS, ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(CHARTS)])
def test_a_narrow_chart_fits_its_width_with_text_of_12_px_and_every_label_whole(notebook, version, spec):
    narrow = narrow_layout.narrow_spec(spec, narrow_layout.NARROW_WIDTH)
    svg = vl_convert.vegalite_to_svg(narrow, vl_version=version)
    width = float(re.search(r'<svg[^>]*width="([0-9.]+)"', svg)[1])
    assert width <= narrow_layout.NARROW_WIDTH + 1
    sizes = [float(size) for size in re.findall(r'font-size="([0-9.]+)px"', svg)]
    assert sizes and min(sizes) >= narrow_layout.MIN_TEXT
    # Row labels are wrapped, not cut: no ellipsis where the notebook's own chart has none.
    assert svg.count("\u2026") <= vl_convert.vegalite_to_svg(spec, vl_version=version).count("\u2026")
    assert narrow_layout.narrow_spec(spec, "container")["width"] == "container"


def test_row_labels_wrap_at_spaces_into_lines_of_at_most_22_characters_as_textwrap_does():
    label = "C07: \u201cover 3,000 criminal organizations\u201d taken down since 2018"
    lines = narrow_layout.wrapped_lines(label)
    assert lines == textwrap.wrap(label, narrow_layout.LABEL_CHARS)
    assert lines == ["C07: \u201cover 3,000", "criminal", "organizations\u201d taken", "down since 2018"]


def test_the_vega_expression_wraps_a_label_as_the_python_rule_counts_its_lines():
    label = "mafia-type organizations dismantled by police (2018-2020 campaign)"
    spec = {"data": {"values": [{"a": label, "b": 1}]}, "mark": "bar",
            "encoding": {"y": {"field": "a", "type": "nominal", "axis": {"labelExpr": narrow_layout.WRAP}},
                         "x": {"field": "b", "type": "quantitative"}}}
    svg = vl_convert.vegalite_to_svg(spec)
    lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
    assert lines == narrow_layout.wrapped_lines(label)
