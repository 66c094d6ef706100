"""What the site's pages load: vega served, the theme's CSS cut, scripts deferred, unused files left off.

* vega, which draws the interactive charts, is copied from ``node_modules`` (pinned in
  ``package-lock.json``, installed by ``make env``, never committed) into a folder of the build's
  own and served; the build fails if it is not the version vl-convert compiles for.
* Each page keeps off what it does not use: thebe, which Jupyter Book 1 always loads (and its
  kernel configuration); sphinx-design's files where no design element is used; the theme's
  fontawesome.js (see ``_templates/static/webpack-macros.html``); any file listed twice.
* The theme's style sheet is cut to the rules the site uses (PurgeCSS, at build time); scripts
  that need not block the first paint are deferred; Sphinx's search scripts (and the search index)
  load on the search page only, which also lets the page opened from a search result highlight
  the terms (``sphinx_highlight.js`` does nothing where the search scripts are loaded);
  ``mpsbook-search.js`` offers to clear the highlight and keeps search previews to body text.
  ``mpsbook-tables.js`` makes a table box that scrolls sideways reachable from the keyboard;
  ``mpsbook-cite.js`` completes a Cite block's address from the page's own where the site's is not set.
* The book's templates go ahead of the theme's, and a digest of the book's static files, templates,
  fonts and of this package is a config value, so that changing any of them rewrites every page.

vl-convert (which names the vega it compiles for) and the chart font's folder (the analysis's) are
imported when the builder starts, not when the extension is loaded.
"""

import hashlib
import json
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.errors import ExtensionError

from .state import build_data

BOOK_DIR = Path(__file__).resolve().parents[1]
STATIC_DIR = BOOK_DIR / "_static"
TEMPLATES_DIR = BOOK_DIR / "_templates"


def installed_vega(confdir: Path) -> Path:
    """vega's browser build from node_modules, checked against the Vega that vl-convert compiles for."""
    import vl_convert

    package = confdir / "node_modules" / "vega"
    try:
        version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    except FileNotFoundError:
        raise ExtensionError(f"mpsbook_sphinx.assets: no vega in {package.parent}: run `make env` (npm ci) first") from None
    wanted = vl_convert.get_vega_version()
    if version != wanted:
        raise ExtensionError(
            f"mpsbook_sphinx.assets: {package} is vega {version}, but vl-convert-python compiles charts for vega "
            f"{wanted}: pin vega {wanted} in package.json and run `npm install`")
    return package / "build" / "vega.min.js"


def place_vega(app) -> None:
    """Copy vega into a folder of the build's own, named by its version, and serve that folder as static files.

    The file's name is the build's (:class:`.state.BuildData`): :mod:`.charts` gives it to the chart loader.
    """
    if app.builder.format != "html":
        return
    source = installed_vega(Path(app.confdir))
    folder = Path(app.doctreedir).parent / "mpsbook-static"
    name = f"vega-{json.loads((source.parent.parent / 'package.json').read_text())['version']}.min.js"
    target = folder / name
    if not target.exists() or target.read_bytes() != source.read_bytes():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        shutil.copyfile(source, target)
    app.config.html_static_path = [*app.config.html_static_path, str(STATIC_DIR), str(folder)]
    build_data(app).vega = name


def drop_thebe_config(app, doctree, docname) -> None:
    """Remove the kernel configuration sphinx-thebe writes into every notebook page; the book starts no kernel."""
    for node in list(doctree.findall(nodes.raw)):
        if "x-thebe-config" in node.astext() or "kernelName" in node.astext():
            node.parent.remove(node)


def _asset_key(asset) -> tuple:
    return str(getattr(asset, "filename", asset) or ""), getattr(asset, "attributes", {}).get("body", "")


SPHINX_DESIGN_FILES = ("sphinx-design.min.css", "design-tabs.js")


def drop_unused_assets(app, pagename, templatename, context, doctree) -> None:
    """Leave out what the page does not use, and any script or style sheet listed twice.

    Thebe: the book offers no live kernel, and thebe's set-up names a script on another host
    (declared twice per page, an error in the browser's console). sphinx-design: Jupyter Book
    loads its files on every page; they are kept only where the page has a design element (a node
    with an ``sd-`` class).
    """
    uses_design = doctree is not None and any(
        word.startswith("sd-") for node in doctree.findall(nodes.Element) for word in node.get("classes", []))
    for key in ("script_files", "css_files"):
        kept, seen = [], set()
        for asset in context.get(key, []):
            name, body = _asset_key(asset)
            unused_design = not uses_design and name.endswith(SPHINX_DESIGN_FILES)
            if "thebe" in name.lower() or "THEBE_JS_URL" in body or unused_design or (name, body) in seen:
                continue
            seen.add((name, body))
            kept.append(asset)
        context[key] = kept


# Scripts whose code later inline scripts of the page use at once: they stay in order, not deferred.
BLOCKING = ("documentation_options.js",)


def defer_scripts(app, pagename, templatename, context, doctree) -> None:
    """Defer every script file the page lists: they run in order, after parsing, and never block the first paint."""
    from sphinx.builders.html._assets import _JavaScript  # imported here: it loads the whole HTML builder

    if pagename == "search":
        return  # the search page's own scripts (in its template) need Sphinx's helpers loaded before them
    scripts = []
    for asset in context.get("script_files", []):
        name = str(getattr(asset, "filename", asset) or "")
        attributes = dict(getattr(asset, "attributes", {}))
        if name and not name.endswith(BLOCKING) and "async" not in attributes:
            attributes["defer"] = "defer"
            asset = _JavaScript(name, priority=getattr(asset, "priority", 500), **attributes)
        scripts.append(asset)
    context["script_files"] = scripts


THEME_CSS = "_static/styles/pydata-sphinx-theme.css"
PURGECSS = "node_modules/.bin/purgecss"


def cut_theme_css(app, exception) -> None:
    """Cut the theme's style sheet (400 kB: Bootstrap, every icon, every widget) to the rules the site can use.

    PurgeCSS (pinned in package-lock.json) keeps each rule whose selectors name a class, id or
    element found in a page or a script of the site; rules on the theme's own classes and on
    its light/dark attributes are always kept. Runs before the icon font is cut, which reads
    the icon table from what is left.
    """
    if exception is not None or app.builder.format != "html":
        return
    import subprocess
    import tempfile

    outdir, tool = Path(app.outdir), Path(app.confdir) / PURGECSS
    if not tool.exists():
        raise ExtensionError(f"mpsbook_sphinx.assets: no PurgeCSS at {tool}: run `make env` (npm ci) first")
    config = (
        "module.exports = {"
        f"content: [{json.dumps(str(outdir / '**' / '*.html'))}, {json.dumps(str(outdir / '_static' / '**' / '*.js'))}],"
        f"skippedContentGlobs: [{json.dumps(str(outdir / '_static' / 'vega-*.js'))}],"
        f"css: [{json.dumps(str(outdir / THEME_CSS))}],"
        "safelist: {greedy: [/data-theme/, /data-mode/, /^bd-/, /^pst-/]}};"
    )
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "purgecss.config.cjs").write_text(config, encoding="utf-8")
        result = subprocess.run([str(tool), "-c", str(Path(folder) / "purgecss.config.cjs"), "-o", folder],
                                capture_output=True, text=True)
        cut = Path(folder) / Path(THEME_CSS).name
        if result.returncode != 0 or not cut.exists():
            raise ExtensionError(f"mpsbook_sphinx.assets: PurgeCSS failed on {THEME_CSS}: {result.stderr.strip()}")
        (outdir / THEME_CSS).write_bytes(cut.read_bytes())


def assets_digest(confdir: Path) -> str:
    """A hash of the book's static files, templates and chart font, of this package's modules, and of vega's and vl-convert's versions.

    The value of the config value ``mpsbook_assets_digest`` (set by :func:`set_assets_digest`), so that editing a
    script or a style sheet (or this file) rewrites every page on the next build; Sphinx otherwise finds "no
    targets out of date" and leaves the old copies in the site.
    """
    import vl_convert

    from mpsbook.present.charts import FONT_DIR

    digest = hashlib.sha256(b"".join(path.read_bytes() for path in sorted(Path(__file__).parent.glob("*.py"))))
    vega_package = confdir / "node_modules" / "vega" / "package.json"
    digest.update(vl_convert.__version__.encode() + (vega_package.read_bytes() if vega_package.exists() else b""))
    for path in sorted([*STATIC_DIR.rglob("*"), *TEMPLATES_DIR.rglob("*"), *FONT_DIR.glob("*.ttf")]):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def set_assets_digest(app, config) -> None:
    """``config-inited``: the assets' digest, before Sphinx compares the config with the last build's."""
    config.mpsbook_assets_digest = assets_digest(Path(app.confdir))


def add_templates(app, config) -> None:
    """Put the book's template overrides ahead of the theme's."""
    config.templates_path = [str(TEMPLATES_DIR), *config.templates_path]


def setup(app):
    app.add_config_value("mpsbook_assets_digest", "", "html", types=[str])
    app.add_css_file("mpsbook.css")
    app.add_js_file("mpsbook-search.js", loading_method="defer")
    app.add_js_file("mpsbook-tables.js", loading_method="defer")
    app.add_js_file("mpsbook-cite.js", loading_method="defer")
    app.connect("config-inited", set_assets_digest)
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", place_vega)
    app.connect("doctree-resolved", drop_thebe_config, priority=900)
    # Last of all page handlers, once every other has added its files: 900 drops the unused, 950 defers the rest.
    app.connect("html-page-context", drop_unused_assets, priority=900)
    app.connect("html-page-context", defer_scripts, priority=950)
    # Before the icon font is cut (.fonts, at the default 500), which reads the icon table from what is left.
    app.connect("build-finished", cut_theme_css, priority=400)
