"""Sphinx extension: the build-time parts of the book that the notebooks cannot do themselves.

* It makes the site draw the book's charts (below), and offers beneath each chart its sources
  and downloads of the rows it draws (CSV) and of its static SVG.
* It keeps off each page what the page does not use: thebe, which Jupyter Book 1 always
  loads; sphinx-design's files where no design element is used; the theme's fontawesome.js
  (see ``_templates/static/webpack-macros.html``); and all but a few dozen of the 1,400
  glyphs in the theme's icon font (``mpsbook-icons.woff2``, cut after the pages are written).
* It loads the data dictionary directive (``mpsbook_dictionary``) and the narrow chart layouts
  (``mpsbook_reader``), each in a module of its own beside this one.
* It makes every page that shows a value glued from a notebook depend on that notebook
  (myst-nb records no dependency across documents), so an incremental build rewrites it
  whenever the notebook changes.

The notebooks store each chart as a static SVG (an ``<img>`` with a ``data:`` address, which
JupyterLab shows even in an untrusted notebook) plus its Vega-Lite spec (see
``mpsbook.chart_mimebundle``). On the page the SVG is put back inline, where the page's fonts
reach it. Charts are set in the book's font, MPSBook Sans (``mpsbook/fonts/``): the site
serves it, cut to the characters its charts use, so the static and the interactive chart are
drawn with the font vl-convert measured. The Vega-Lite compiler is the larger part of a browser
bundle, so the site does not ship it: when a page is written, this extension compiles each
spec to Vega with the pinned ``vl-convert-python`` (the same Vega-Lite version the notebook
recorded) and the page carries the Vega spec. The browser needs only vega itself, which the
build copies from ``node_modules`` (pinned in ``package-lock.json``, installed by
``make env``, never committed) and serves, with the book's chart loader, on the pages that
hold a chart. The build fails if that vega is not the version vl-convert compiles for.
"""

import base64
import csv
import hashlib
import html
import io
import json
import re
import shutil
from pathlib import Path

import vl_convert
from docutils import nodes
from sphinx.errors import ExtensionError

STATIC_DIR = Path(__file__).resolve().parent / "_static"
TEMPLATES_DIR = Path(__file__).resolve().parent / "_templates"
CHART_MARKER = 'class="mpsbook-chart"'
LOADER = "mpsbook-charts.js"
FONT_DIR = Path(__file__).resolve().parent / "mpsbook" / "fonts"
FONT_CSS = "mpsbook-fonts.css"  # declares the faces below; added to the pages that show a chart
FONT_FACES = {"MPSBookSans-Regular.ttf": "mpsbook-sans-regular.woff2", "MPSBookSans-Bold.ttf": "mpsbook-sans-bold.woff2"}
# The static chart as mpsbook.chart_mimebundle stores it, and the vega spec the page carries.
STATIC_CHART = re.compile(
    r'<img class="mpsbook-chart-static" alt="(?P<label>[^"]*)" src="data:image/svg\+xml;base64,(?P<svg>[A-Za-z0-9+/=]*)">')
STATIC_SVG = re.compile(r'<div class="mpsbook-chart-static"[^>]*>(<svg.*?</svg>)</div>', re.S)
SVG_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)
# A chart as mpsbook.chart_mimebundle writes it: the Vega-Lite version, then (after the static
# SVG) the spec's JSON block and the closing tag. Group 1 keeps everything before the spec unchanged.
CHART_SPEC = re.compile(
    r'(<div class="mpsbook-chart" data-vegalite="(?P<version>[0-9.]+)">.*?)'
    r'<script type="application/json" class="mpsbook-chart-spec">(?P<spec>.*?)</script></div>',
    re.S,
)


def installed_vega(confdir: Path) -> Path:
    """vega's browser build from node_modules, checked against the Vega that vl-convert compiles for."""
    package = confdir / "node_modules" / "vega"
    try:
        version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    except FileNotFoundError:
        raise ExtensionError(f"mpsbook_site: no vega in {package.parent}: run `make env` (npm ci) first") from None
    wanted = vl_convert.get_vega_version()
    if version != wanted:
        raise ExtensionError(
            f"mpsbook_site: {package} is vega {version}, but vl-convert-python compiles charts for vega "
            f"{wanted}: pin vega {wanted} in package.json and run `npm install`")
    return package / "build" / "vega.min.js"


def place_vega(app) -> None:
    """Copy vega into a folder of the build's own, named by its version, and serve that folder as static files.

    Also registers the chart font with vl-convert: ``mpsbook_reader`` draws each chart's narrow static SVG.
    """
    if app.builder.format != "html":
        return
    vl_convert.register_font_directory(str(FONT_DIR))
    source = installed_vega(Path(app.confdir))
    folder = Path(app.doctreedir).parent / "mpsbook-static"
    name = f"vega-{json.loads((source.parent.parent / 'package.json').read_text())['version']}.min.js"
    target = folder / name
    if not target.exists() or target.read_bytes() != source.read_bytes():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        shutil.copyfile(source, target)
    app.config.html_static_path = [*app.config.html_static_path, str(STATIC_DIR), str(folder)]
    app.mpsbook_vega = name


def compiled_chart(match: re.Match, pagename: str) -> str:
    """One chart's markup with its Vega-Lite spec replaced by the Vega spec it compiles to."""
    try:
        vega = vl_convert.vegalite_to_vega(json.loads(match["spec"]), vl_version=match["version"])
    except Exception as error:  # vl-convert raises plain ValueErrors with the compiler's message
        raise ExtensionError(f"mpsbook_site: a chart on {pagename} does not compile to Vega: {error}") from error
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
        raise ExtensionError(f"mpsbook_site: a chart on {pagename} names official figures not in "
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


def inline_static_charts(app, pagename, templatename, context, doctree) -> None:
    """Put each static chart back inline, first of all (``mpsbook_reader`` adds the narrow layout beside it)."""
    body = context.get("body", "")
    if CHART_MARKER in body:
        context["body"] = STATIC_CHART.sub(inline_static_chart, body)


def add_chart_scripts(app, pagename, templatename, context, doctree) -> None:
    """On the pages that show a chart, and nowhere else: compile the charts to Vega, load vega and the loader.

    Each chart also gets, beneath it, its sources and its data (see :func:`chart_data_block`).
    """
    body = context.get("body", "")
    if CHART_MARKER in body:
        app.mpsbook_references = reference_records(Path(app.confdir))
        count = iter(range(1, 1000))
        context["body"] = CHART_SPEC.sub(
            lambda match: compiled_chart(match, pagename) + "</div>"
            + chart_data_block(app, match, pagename, next(count), context["pathto"]), body)
        app.add_css_file(FONT_CSS)
        # vega itself is loaded by the loader when a chart nears the viewport (the static SVG shows until then).
        app.add_js_file(LOADER, loading_method="defer", **{"data-vega": app.mpsbook_vega})


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


# A value glued from another document: the role {glue:text}`claims.ipynb::n_claims:s`, or a glue directive's
# option `:doc: claims.ipynb`.
# In a notebook's source the option line is inside a JSON string: it may open with a quote.
GLUED_FROM = re.compile(r'\{glue(?::[a-z]+)?\}`(?P<role>[^`:]+)::|^[ \t]*"?:doc:[ \t]+(?P<option>[^\s"\\]+)', re.M)


def glued_documents(source: str, folder: Path) -> set:
    """The files a document's source glues values from, as absolute paths; ``folder`` is the document's own."""
    return {(folder / (match["role"] or match["option"])).resolve() for match in GLUED_FROM.finditer(source)}


def note_glue_dependencies(app, docname, source) -> None:
    """Record each notebook a page glues from as a dependency of the page, so Sphinx re-reads the page when it changes."""
    folder = Path(app.env.doc2path(docname)).parent
    for path in glued_documents(source[0], folder):
        if path.exists():
            app.env.note_dependency(str(path))


def drop_thebe_config(app, doctree, docname) -> None:
    """Remove the kernel configuration sphinx-thebe writes into every notebook page; the book starts no kernel."""
    for node in list(doctree.findall(nodes.raw)):
        if "x-thebe-config" in node.astext() or "kernelName" in node.astext():
            node.parent.remove(node)


def _asset_key(asset) -> tuple:
    return str(getattr(asset, "filename", asset) or ""), getattr(asset, "attributes", {}).get("body", "")


SPHINX_DESIGN_FILES = ("sphinx-design.min.css", "design-tabs.js")
SPHINX_DESIGN_MARKUP = re.compile(r'class="[^"]*\bsd-')


def drop_unused_assets(app, pagename, templatename, context, doctree) -> None:
    """Leave out what the page does not use, and any script or style sheet listed twice.

    Thebe: the book offers no live kernel, and thebe's set-up names a script on another host
    (declared twice per page, an error in the browser's console). sphinx-design: Jupyter Book
    loads its files on every page; they are kept only where the page has a design element.
    """
    uses_design = bool(SPHINX_DESIGN_MARKUP.search(context.get("body", "")))
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


ICON_FONT = "vendor/fontawesome/webfonts/fa-solid-900.woff2"  # the one face the pages draw icons from
ICON_SUBSET = "mpsbook-icons.woff2"  # mpsbook.css declares it after the theme's face, so it wins
# The theme's icon table, as its minified CSS writes it: .fa-bars:before,.fa-navicon:before{content:"\f0c9"}
ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:before,?)+)\{content:"\\(f[0-9a-f]{3})"\}')
ICON_CLASS = re.compile(r"\bfa-[a-z0-9-]+")
CODEPOINT = re.compile(r'"\\(f[0-9a-f]{3})"')


def icon_codepoints(outdir: Path) -> list:
    """The icon font's code points that the site can show, in order.

    Those of every icon class named in a page or a script, plus every code point the style
    sheets use outside the icon table (the theme's admonition and link icons, for example).
    """
    static = outdir / "_static"
    css = "\n".join(path.read_text(encoding="utf-8") for path in sorted(static.rglob("*.css")))
    table = {}
    for selectors, codepoint in ICON_RULE.findall(css):
        for name in re.findall(r"\.(fa-[a-z0-9-]+):before", selectors):
            table[name] = int(codepoint, 16)
    if not table:
        raise ExtensionError(f"mpsbook_site: found no icon table in the theme's CSS under {static}; "
                             "the icon font cannot be cut to the icons the pages use")
    used = {int(codepoint, 16) for codepoint in CODEPOINT.findall(ICON_RULE.sub("", css))}
    scripts = [path for path in static.rglob("*.js") if not path.name.startswith("vega-")]  # vega draws no icons
    for path in [*outdir.rglob("*.html"), *scripts]:
        used |= {table[name] for name in ICON_CLASS.findall(path.read_text(encoding="utf-8")) if name in table}
    return sorted(used)


def cut_icon_font(app, exception) -> None:
    """Write the theme's icon font cut down to the glyphs the site uses (about 2% of its bytes).

    Redone only when the set of glyphs changes, so a rebuild that changes nothing stays cheap.
    """
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    codepoints = icon_codepoints(outdir)
    target, record = outdir / "_static" / ICON_SUBSET, Path(app.doctreedir) / (ICON_SUBSET + ".json")
    if target.exists() and record.exists() and json.loads(record.read_text()) == codepoints:
        return
    from fontTools import subset  # imported here: most builds never need it

    options = subset.Options()
    options.flavor = "woff2"
    font = subset.load_font(str(outdir / "_static" / ICON_FONT), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    subset.save_font(font, str(target), options)
    record.write_text(json.dumps(codepoints))


def chart_characters(outdir: Path) -> list:
    """The code points the site's charts draw, in order: every character of their static SVGs' texts, and ASCII.

    The interactive chart draws the same texts (its tooltips are HTML, in the page's font).
    ASCII is always kept, and vega's ellipsis for a cut label and d3's minus sign.
    """
    used = set(range(0x20, 0x7F)) | {0x2026, 0x2212}
    for path in outdir.rglob("*.html"):
        for svg in STATIC_SVG.findall(path.read_text(encoding="utf-8")):
            for text in SVG_TEXT.findall(svg):
                used |= {ord(char) for char in html.unescape(re.sub(r"<[^>]+>", "", text)) if not char.isspace()}
    return sorted(used)


def cut_chart_font(app, exception) -> None:
    """Write the book's chart font, each face cut to the characters the site's charts use, as woff2.

    Redone only when that set, the fonts or this file change. Raises ExtensionError when a chart uses a character
    the font does not have (the browser would draw it from another font).
    """
    if exception is not None or app.builder.format != "html":
        return
    from fontTools import subset  # imported here: most builds never need it

    outdir = Path(app.outdir)
    codepoints = chart_characters(outdir)
    record = Path(app.doctreedir) / "mpsbook-fonts.json"
    targets = [outdir / "_static" / name for name in FONT_FACES.values()]
    # The characters, and the digest of the fonts and of this file (which holds the options below).
    wanted = {"codepoints": codepoints, "assets": app.config.mpsbook_assets_digest}
    if all(t.exists() for t in targets) and record.exists() and json.loads(record.read_text()) == wanted:
        return
    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False  # hinting is 60% of the bytes and changes no advance width: the layout stays vl-convert's
    for source, target in zip(FONT_FACES, targets, strict=True):
        font = subset.load_font(str(FONT_DIR / source), options)
        font.recalcTimestamp = False  # the same bytes every build
        missing = set(codepoints) - set(font.getBestCmap())
        if missing:
            raise ExtensionError(f"mpsbook_site: the site's charts use characters {source} does not have: "
                                 + ", ".join(f"U+{c:04X}" for c in sorted(missing)))
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        subset.save_font(font, str(target), options)
    record.write_text(json.dumps(wanted))


def assets_digest(confdir: Path) -> str:
    """A hash of the book's static files, templates and chart font, of the extension's modules, and of vega's and vl-convert's versions.

    Registered as a config value so that editing a script or a style sheet (or this file)
    rewrites every page on the next build; Sphinx otherwise finds "no targets out of date"
    and leaves the old copies in the site.
    """
    digest = hashlib.sha256(b"".join(Path(__file__).with_name(name).read_bytes()
                                    for name in ("mpsbook_site.py", "mpsbook_reader.py", "mpsbook_dictionary.py")))
    vega_package = confdir / "node_modules" / "vega" / "package.json"
    digest.update(vl_convert.__version__.encode() + (vega_package.read_bytes() if vega_package.exists() else b""))
    for path in sorted([*STATIC_DIR.rglob("*"), *TEMPLATES_DIR.rglob("*"), *FONT_DIR.glob("*.ttf")]):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def add_templates(app, config) -> None:
    """Put the book's template overrides ahead of the theme's."""
    config.templates_path = [str(TEMPLATES_DIR), *config.templates_path]


def setup(app):
    app.setup_extension("mpsbook_reader")  # narrow charts, deferred scripts, search: see its docstring
    app.setup_extension("mpsbook_dictionary")  # the data-dictionary directive
    app.add_config_value("mpsbook_assets_digest", assets_digest(Path(app.confdir)), "html")
    app.add_css_file("mpsbook.css")
    app.connect("config-inited", add_templates)
    app.connect("source-read", note_glue_dependencies)
    app.connect("builder-inited", place_vega)
    app.connect("html-page-context", inline_static_charts, priority=300)
    app.connect("html-page-context", add_chart_scripts)
    app.connect("html-page-context", drop_unused_assets, priority=900)
    app.connect("html-page-context", add_description)
    app.connect("doctree-resolved", drop_thebe_config, priority=900)
    app.connect("build-finished", cut_icon_font)
    app.connect("build-finished", cut_chart_font)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
