"""Sphinx extension: places the scripts that draw the book's charts in the built site.

The notebooks store each chart as a static SVG plus its Vega-Lite spec (see
``mpsbook.chart_mimebundle``). This extension makes the site draw them interactively with
no request to any other host: at build time it writes the vega, vega-lite and vega-embed
bundle from the pinned ``vl-convert-python`` package (never committed to the repository)
and adds it, with the book's small chart loader, to every page that holds a chart.
"""

from pathlib import Path

import vl_convert

STATIC_DIR = Path(__file__).resolve().parent / "_static"
CHART_MARKER = 'class="mpsbook-chart"'
LOADER = "mpsbook-charts.js"


def vega_bundle_name(vegalite_version: str) -> str:
    """The bundle's file name: it changes with every pinned version, so browsers never keep a stale copy."""
    return (
        f"vega-{vl_convert.get_vega_version()}-lite-{vegalite_version}"
        f"-embed-{vl_convert.get_vega_embed_version()}.min.js"
    )


def write_vega_bundle(app) -> None:
    """Write the vega bundle into a folder of the build's own and serve that folder as static files."""
    if app.builder.format != "html":
        return
    vegalite_version = app.config.mpsbook_vegalite_version
    folder = Path(app.doctreedir).parent / "mpsbook-static"
    name = vega_bundle_name(vegalite_version)
    target = folder / name
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("vega-*.js"):
            stale.unlink()
        partial = target.with_suffix(".partial")
        partial.write_text(vl_convert.javascript_bundle(vl_version=vegalite_version), encoding="utf-8")
        partial.replace(target)
    app.config.html_static_path = [*app.config.html_static_path, str(STATIC_DIR), str(folder)]
    app.mpsbook_bundle = name


def add_chart_scripts(app, pagename, templatename, context, doctree) -> None:
    """Load the vega bundle and the chart loader on the pages that show a chart, and nowhere else."""
    if CHART_MARKER in context.get("body", ""):
        # A module keeps the bundle's top-level names out of the page's global scope (Sphinx's
        # doctools.js declares `_` too); like a deferred script, it runs in order after parsing.
        app.add_js_file(app.mpsbook_bundle, type="module")
        app.add_js_file(LOADER, loading_method="defer")


def _asset_key(asset) -> tuple:
    return str(getattr(asset, "filename", asset) or ""), getattr(asset, "attributes", {}).get("body", "")


def drop_thebe_and_repeats(app, pagename, templatename, context, doctree) -> None:
    """Leave out thebe, which Jupyter Book 1 always loads, and any script or style sheet listed twice.

    The book offers no live kernel, and thebe's set-up names a script on another host
    (declared twice per page, an error in the browser's console).
    """
    for key in ("script_files", "css_files"):
        kept, seen = [], set()
        for asset in context.get(key, []):
            name, body = _asset_key(asset)
            if "thebe" in name.lower() or "THEBE_JS_URL" in body or (name, body) in seen:
                continue
            seen.add((name, body))
            kept.append(asset)
        context[key] = kept


def setup(app):
    import mpsbook  # the same module the notebooks use, so the site and the outputs agree on versions

    app.add_config_value("mpsbook_vegalite_version", mpsbook.VEGALITE_VERSION, "html")
    app.add_css_file("mpsbook.css")
    app.connect("builder-inited", write_vega_bundle)
    app.connect("html-page-context", add_chart_scripts)
    app.connect("html-page-context", drop_thebe_and_repeats, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
