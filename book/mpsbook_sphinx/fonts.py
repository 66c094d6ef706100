"""The fonts the site serves, each cut to what the pages use: the chart font and the theme's icon font.

Charts are set in the book's font, MPSBook Sans, whose one home is :mod:`mpsbook.present.charts`
(its files, ``FONT_DIR``; the characters an SVG draws, ``svg_characters``): the site serves it cut to
the characters its charts use, so the static and the interactive chart are drawn with the font
vl-convert measured. Of the theme's icon font (1,400 glyphs) the site keeps the few dozen its
pages and scripts use (``mpsbook-icons.woff2``). Both are cut once the pages are written, and
again only when what they must hold changes.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from sphinx.errors import ExtensionError

from .state import chart_characters as characters_by_page

FONT_FACES = {"MPSBookSans-Regular.ttf": "mpsbook-sans-regular.woff2", "MPSBookSans-Bold.ttf": "mpsbook-sans-bold.woff2"}
ICON_FONT = "vendor/fontawesome/webfonts/fa-solid-900.woff2"  # the one face the pages draw icons from
ICON_SUBSET = "mpsbook-icons.woff2"  # mpsbook.css declares it after the theme's face, so it wins
# The theme's icon table, as its minified CSS writes it: .fa-bars:before,.fa-navicon:before{content:"\f0c9"}
ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:before,?)+)\{content:"\\(f[0-9a-f]{3})"\}')
ICON_CLASS = re.compile(r"\bfa-[a-z0-9-]+")  # in a script or a style sheet (a page is parsed: see PageIconClasses)
CODEPOINT = re.compile(r'"\\(f[0-9a-f]{3})"')


class PageIconClasses(HTMLParser):
    """The icon classes a page names: in its elements' ``class`` attributes, and in its inline scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.names, self._in_script = set(), False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            if name == "class" and value:
                self.names |= {word for word in value.split() if word.startswith("fa-")}

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.names |= set(ICON_CLASS.findall(data))


def page_icon_classes(path: Path) -> set:
    parser = PageIconClasses()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.names


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
        raise ExtensionError(f"mpsbook_sphinx.fonts: found no icon table in the theme's CSS under {static}; "
                             "the icon font cannot be cut to the icons the pages use")
    used = {int(codepoint, 16) for codepoint in CODEPOINT.findall(ICON_RULE.sub("", css))}
    scripts = [path for path in static.rglob("*.js") if not path.name.startswith("vega-")]  # vega draws no icons
    names = set().union(*(page_icon_classes(path) for path in outdir.rglob("*.html")),
                        *(ICON_CLASS.findall(path.read_text(encoding="utf-8")) for path in scripts))
    used |= {table[name] for name in names if name in table}
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
    with subset.load_font(str(outdir / "_static" / ICON_FONT), options) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        subset.save_font(font, str(target), options)
    record.write_text(json.dumps(codepoints))


def chart_codepoints(env) -> list:
    """The code points the site's charts draw, in order: the characters :func:`.charts.compile_charts` recorded
    for each page (:func:`.state.chart_characters`), and ASCII.

    The interactive chart draws the same texts (its tooltips are HTML, in the page's font).
    ASCII is always kept, and vega's ellipsis for a cut label and d3's minus sign.
    """
    used = set(range(0x20, 0x7F)) | {0x2026, 0x2212}
    for characters in characters_by_page(env).values():
        used |= {ord(char) for char in characters}
    return sorted(used)


def cut_chart_font(app, exception) -> None:
    """Write the book's chart font, each face cut to the characters the site's charts use, as woff2.

    Redone only when that set, the fonts or this file change. Raises ExtensionError when a chart uses a character
    the font does not have (the browser would draw it from another font).
    """
    if exception is not None or app.builder.format != "html":
        return
    from fontTools import subset  # imported here: most builds never need it

    from mpsbook.present.charts import FONT_DIR

    outdir = Path(app.outdir)
    codepoints = chart_codepoints(app.env)
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
        with subset.load_font(str(FONT_DIR / source), options) as font:
            font.recalcTimestamp = False  # the same bytes every build
            missing = set(codepoints) - set(font.getBestCmap())
            if missing:
                raise ExtensionError(f"mpsbook_sphinx.fonts: the site's charts use characters {source} does not "
                                     "have: " + ", ".join(f"U+{c:04X}" for c in sorted(missing)))
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=codepoints)
            subsetter.subset(font)
            subset.save_font(font, str(target), options)
    record.write_text(json.dumps(wanted))


def setup(app):
    app.connect("build-finished", cut_icon_font)
    app.connect("build-finished", cut_chart_font)
