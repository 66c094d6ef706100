"""Sphinx extension: the build-time parts of the book that the notebooks cannot do themselves.

* It places the scripts that draw the book's charts in the built site (below).
* It renders the data dictionary from ``data/datapackage.json`` (the ``data-dictionary``
  directive), with a download link for every file, so the schema is never typed twice.

The notebooks store each chart as a static SVG plus its Vega-Lite spec (see
``mpsbook.chart_mimebundle``). This extension makes the site draw them interactively with
no request to any other host: at build time it writes the vega, vega-lite and vega-embed
bundle from the pinned ``vl-convert-python`` package (never committed to the repository)
and adds it, with the book's small chart loader, to every page that holds a chart.
"""

import hashlib
import html
import json
from pathlib import Path

import vl_convert
from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

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


def drop_thebe_config(app, doctree, docname) -> None:
    """Remove the kernel configuration sphinx-thebe writes into every notebook page; the book starts no kernel."""
    for node in list(doctree.findall(nodes.raw)):
        if "x-thebe-config" in node.astext() or "kernelName" in node.astext():
            node.parent.remove(node)


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


def _download(env, target: str, label: str) -> addnodes.download_reference:
    """A link that copies ``target`` (a path from the book's root) into the site for download."""
    return addnodes.download_reference(
        "", "", nodes.literal(label, label), refdoc=env.docname, refdomain="", reftype="download",
        refexplicit=True, reftarget="/" + target,
    )


def _table(header: list, rows: list, widths: list) -> nodes.table:
    """A plain docutils table with one header row."""
    group = nodes.tgroup(cols=len(header))
    group += [nodes.colspec(colwidth=w) for w in widths]
    head, body = nodes.thead(), nodes.tbody()
    for cells, part in [(header, head)] + [(r, body) for r in rows]:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            entry += cell if isinstance(cell, nodes.Node) else nodes.paragraph(text=str(cell))
            row += entry
        part += row
    group += [head, body]
    return nodes.table("", group, classes=["data-dictionary"])


def _constraints(field: dict) -> str:
    words = []
    for key, value in field.get("constraints", {}).items():
        if key == "required" and value:
            words.append("required")
        elif key == "unique" and value:
            words.append("unique")
        elif key == "enum":
            words.append("one of: " + ", ".join(value))
        elif key in ("minimum", "maximum"):
            words.append(f"{key} {value}")
        elif key == "pattern":
            words.append(f"matches {value}")
    return "; ".join(words)


class DataDictionary(SphinxDirective):
    """Render a Frictionless data package as a data dictionary with download links.

    Usage: ``data-dictionary`` with the package's path from the book's root as its argument.
    """

    required_arguments = 1

    def run(self):
        relative = self.arguments[0]
        path = Path(self.env.srcdir) / relative
        self.env.note_dependency(str(path))
        package = json.loads(path.read_text(encoding="utf-8"))
        folder = Path(relative).parent.as_posix()
        result = [nodes.paragraph("", "", nodes.Text("The data package itself: "),
                                  _download(self.env, relative, Path(relative).name), nodes.Text("."))]
        for resource in package["resources"]:
            target = f"{folder}/{resource['path']}"
            result.append(nodes.rubric(text=f"{resource.get('title', resource['name'])} ({resource['name']})"))
            result.append(nodes.paragraph(text=resource.get("description", "")))
            result.append(nodes.paragraph("", "", nodes.Text("Download: "), _download(self.env, target, resource["path"]),
                                          nodes.Text(f" ({resource.get('format', '')}, {resource.get('encoding', '')})")))
            schema = resource.get("schema")
            if not schema:
                continue
            rows = [[nodes.paragraph("", "", nodes.literal(text=f["name"])), f.get("type", "string"),
                     f.get("description", f.get("title", "")), _constraints(f)] for f in schema["fields"]]
            result.append(_table(["Column", "Type", "Meaning", "Constraints"], rows, [18, 10, 50, 22]))
            keys = [f"Primary key: {', '.join(schema['primaryKey']) if isinstance(schema['primaryKey'], list) else schema['primaryKey']}."]
            for foreign in schema.get("foreignKeys", []):
                fields = foreign["fields"] if isinstance(foreign["fields"], str) else ", ".join(foreign["fields"])
                ref = foreign["reference"]
                keys.append(f"{fields} refers to {ref['fields']} of {ref['resource'] or resource['name']}.")
            for rule in schema.get("mpsbook:rowRules", []):
                keys.append(f"Row rule: {rule['fields'][0]} is not greater than {rule['fields'][1]}.")
            result.append(nodes.paragraph(text=" ".join(keys)))
        return result


def assets_digest() -> str:
    """A hash of the book's static files and of this extension.

    Registered as a config value so that editing a script or a style sheet (or this file)
    rewrites every page on the next build; Sphinx otherwise finds "no targets out of date"
    and leaves the old copies in the site.
    """
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(STATIC_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def setup(app):
    import mpsbook  # the same module the notebooks use, so the site and the outputs agree on versions

    app.add_config_value("mpsbook_vegalite_version", mpsbook.VEGALITE_VERSION, "html")
    app.add_config_value("mpsbook_assets_digest", assets_digest(), "html")
    app.add_css_file("mpsbook.css")
    app.add_directive("data-dictionary", DataDictionary)
    app.connect("builder-inited", write_vega_bundle)
    app.connect("html-page-context", add_chart_scripts)
    app.connect("html-page-context", drop_thebe_and_repeats, priority=900)
    app.connect("html-page-context", add_description)
    app.connect("doctree-resolved", drop_thebe_config, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
