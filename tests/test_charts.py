"""The chart renderer: identical output across executions, a static SVG inside, nothing loaded from elsewhere."""

import json
import re
import subprocess
import sys

import altair as alt

import mpsbook

CHART_SCRIPT = """
import json, sys
import altair as alt, pandas as pd
import mpsbook
data = pd.DataFrame({"what": ["cases", "suspects"], "low": [250000, 300000], "high": [260000, 500000]})
chart = alt.Chart(data, title="Two intervals", description="Two bars.").mark_bar().encode(
    x="low:Q", x2="high:Q", y="what:N", tooltip=["what:N", "low:Q"])
bundle = chart._repr_mimebundle_()  # what Jupyter calls to display the chart
sys.stdout.write(json.dumps(bundle, sort_keys=True))
"""
# Addresses an SVG names without loading anything: its XML namespaces.
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


def render_in_fresh_interpreter():
    done = subprocess.run(
        [sys.executable, "-c", CHART_SCRIPT], cwd=mpsbook.BOOK_DIR, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_two_executions_give_identical_output():
    first, second = render_in_fresh_interpreter(), render_in_fresh_interpreter()
    assert first == second
    assert set(first) == {"text/html", "image/svg+xml", "text/plain"}


def test_output_holds_a_static_svg_and_the_spec():
    bundle = render_in_fresh_interpreter()
    assert bundle["image/svg+xml"].startswith("<svg")
    html = bundle["text/html"]
    assert bundle["image/svg+xml"] in html
    spec_json = re.search(r'<script type="application/json" class="mpsbook-chart-spec">(.*?)</script>', html).group(1)
    spec = json.loads(spec_json)
    assert spec["title"] == "Two intervals" and spec["mark"]["type"] == "bar"
    assert "$schema" not in spec
    assert 'aria-label="Two intervals: Two bars."' in html
    assert bundle["text/plain"] == "Chart: Two intervals\nTwo bars."


def test_output_names_no_outside_address_and_no_random_id():
    bundle = render_in_fresh_interpreter()
    for mimetype, content in bundle.items():
        addresses = set(re.findall(r"https?://[^\s\"'<>)]+", content))
        assert addresses <= NAMESPACES, (mimetype, addresses - NAMESPACES)
        assert "altair-viz-" not in content
        assert "<script src" not in content and "vegaEmbed(" not in content


def test_renderer_and_theme_are_enabled_on_import():
    assert alt.renderers.active == "mpsbook"
    assert alt.theme.active == "mpsbook"


def test_interval_chart_has_a_tooltip_with_the_quoted_words():
    quantities = mpsbook.extract_quantities("over 250,000 cases and nearly 20 tons")
    chart = mpsbook.interval_chart(quantities, title="T", description="D")
    spec = chart.to_dict()
    tooltips = spec["layer"][0]["encoding"]["tooltip"]
    assert {"field": "quoted", "title": "Quoted words", "type": "nominal"} in tooltips
    values = spec["datasets"][next(iter(spec["datasets"]))]
    assert [row["quoted"] for row in values] == ["\u201cover 250,000\u201d", "\u201cnearly 20\u201d"]
    assert spec["layer"][0]["encoding"]["x"]["scale"]["type"] == "log"
