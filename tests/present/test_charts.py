"""The chart renderer: identical output across executions and machines' fonts, a static SVG that JupyterLab shows untrusted."""

import base64
import json
import os
import re
import subprocess
import sys

import altair as alt
import pytest

import mpsbook

# One fresh interpreter does it all: the display state before and after `import mpsbook` and after
# enable_book_display(), then a chart as Jupyter displays it.
CHART_SCRIPT = """
import json, sys
import altair as alt, pandas as pd
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
def state():
    html = shell.display_formatter.formatters["text/html"]
    return [alt.renderers.active, alt.theme.active, pd.get_option("display.max_colwidth"),
            html.lookup_by_type(pd.DataFrame).__module__ if pd.DataFrame in html.type_printers else None]
before = state()
import mpsbook
imported = state()
mpsbook.enable_book_display()
enabled = state()
data = pd.DataFrame({"what": ["cases", "suspects"], "low": [250000, 300000], "high": [260000, 500000]})
chart = alt.Chart(data, title="Two intervals", description="Two bars.").mark_bar().encode(
    x="low:Q", x2="high:Q", y="what:N", tooltip=["what:N", "low:Q"])
bundle = chart._repr_mimebundle_()  # what Jupyter calls to display the chart
sys.stdout.write(json.dumps({"states": [before, imported, enabled], "bundle": bundle}, sort_keys=True))
"""
# Addresses an SVG names without loading anything: its XML namespaces.
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


def run_in_fresh_interpreter(env=None) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHART_SCRIPT], cwd=mpsbook.ledger.data.BOOK_DIR, capture_output=True, text=True, check=True, env=env
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def fresh() -> dict:
    """The display states and the chart's bundle from one fresh interpreter, shared by this file's tests."""
    return run_in_fresh_interpreter()


@pytest.fixture(scope="module")
def bundle(fresh) -> dict:
    return fresh["bundle"]


def static_svg_in_html(html):
    """The SVG inside the HTML output's ``<img>``, decoded from its data address."""
    encoded = re.search(r'<img class="mpsbook-chart-static" alt="[^"]*" src="data:image/svg\+xml;base64,([^"]+)">', html)
    return base64.b64decode(encoded.group(1)).decode()


def test_output_holds_the_static_svg_once_and_the_spec(bundle):
    html = bundle["text/html"]
    svg = static_svg_in_html(html)
    chart = bundle[mpsbook.present.charts.CHART_MIME]
    assert svg.startswith("<svg") and svg == mpsbook.present.charts.chart_svg(chart["spec"])
    assert 'alt="Two intervals: Two bars."' in html and "<script" not in html  # JupyterLab's fallback: the picture alone
    # Stored once: the picture's data address is the only copy of the SVG in the output.
    assert sum(json.dumps(content).count("<svg") for content in bundle.values()) == 0
    assert set(chart) == {"vegalite", "spec", "title", "description"}
    assert chart["vegalite"] == mpsbook.present.charts.VEGALITE_VERSION
    assert chart["spec"]["title"] == "Two intervals" and chart["spec"]["mark"]["type"] == "bar"
    assert "$schema" not in chart["spec"]
    assert (chart["title"], chart["description"]) == ("Two intervals", "Two bars.")
    assert bundle["text/plain"] == "Chart: Two intervals\nTwo bars."


def test_output_names_no_outside_address_and_no_random_id(bundle):
    for mimetype, content in bundle.items():
        content = json.dumps(content).replace('\\"', '"') if isinstance(content, dict) else content  # the SVG's quotes
        addresses = set(re.findall(r"https?://[^\s\"'<>)]+", content))
        assert addresses <= NAMESPACES, (mimetype, addresses - NAMESPACES)
        assert "altair-viz-" not in content
        assert "<script src" not in content and "vegaEmbed(" not in content


def test_import_changes_no_global_state_and_enable_book_display_turns_the_books_display_on(fresh):
    before, imported, enabled = fresh["states"]
    assert imported == before
    assert before[:3] == ["default", "default", 50]
    assert enabled == ["mpsbook", "mpsbook", None, "mpsbook.present.tables"]


def test_interval_chart_has_a_tooltip_with_the_quoted_words():
    quantities = mpsbook.extract_quantities("over 250,000 cases and nearly 20 tons")
    chart = mpsbook.interval_chart(quantities, title="T", description="D")
    spec = chart.to_dict()
    tooltips = spec["layer"][0]["encoding"]["tooltip"]
    assert {"field": "quoted", "title": "Quoted words", "type": "nominal"} in tooltips
    values = spec["datasets"][next(iter(spec["datasets"]))]
    assert [row["quoted"] for row in values] == ["\u201cover 250,000\u201d", "\u201cnearly 20\u201d"]
    assert spec["layer"][0]["encoding"]["x"]["scale"]["type"] == "log"


def test_html_output_survives_jupyterlabs_sanitizer(bundle):
    # JupyterLab shows an untrusted output's HTML through its sanitizer, which removes <svg> (not an allowed tag)
    # and keeps <img> with any src; it never shows image/svg+xml untrusted. So the HTML must hold no <svg>.
    html = bundle["text/html"]
    assert "<svg" not in html.lower()
    assert html.count("<img ") == 1


def test_charts_name_only_the_books_font_and_it_draws_every_character(bundle):
    svg = static_svg_in_html(bundle["text/html"])
    assert set(re.findall(r'font-family="([^"]+)"', svg)) == {mpsbook.present.charts.FONT}
    assert {"\u201c", "\u201d", "\u2026", "\u2212", "\u2013"} <= mpsbook.present.charts.font_characters()


def test_the_chart_font_draws_the_mark_of_every_rating_and_no_two_ratings_share_one():
    marks = mpsbook.present.charts.RATING_MARKS
    assert set(marks) == set(mpsbook.RATINGS) and len(set(marks.values())) == len(marks)
    assert set("".join(marks.values())) <= mpsbook.present.charts.font_characters()  # a rating first met in a grid


def test_a_second_execution_with_fonts_named_like_a_macs_or_a_windows_machines_gives_identical_output(fresh, tmp_path):
    from stand_in_fonts import write_stand_in_fonts

    write_stand_in_fonts(tmp_path / "home" / ".fonts")
    write_stand_in_fonts(tmp_path / "data" / "fonts")
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data")}
    assert run_in_fresh_interpreter(env) == fresh
    assert set(fresh["bundle"]) == {mpsbook.present.charts.CHART_MIME, "text/html", "text/plain"}


def test_a_character_the_font_does_not_draw_is_refused_with_its_code_point():
    chart = alt.Chart(alt.Data(values=[{"what": "\u516c\u5b89\u90e8", "n": 1}])).mark_bar().encode(x="n:Q", y="what:N")
    with pytest.raises(ValueError, match=r"U\+516C.*U\+5B89.*U\+90E8"):
        mpsbook.present.charts.chart_svg(chart.to_dict())


def test_a_character_only_in_a_tooltip_needs_no_glyph():
    # Tooltips are HTML in the page's font; only what the chart draws must be in the book's font.
    chart = alt.Chart(alt.Data(values=[{"what": "cases", "quote": "\u516c\u5b89\u90e8", "n": 1}])).mark_bar().encode(
        x="n:Q", y="what:N", tooltip=["quote:N"])
    assert mpsbook.present.charts.chart_svg(chart.to_dict()).startswith("<svg")
