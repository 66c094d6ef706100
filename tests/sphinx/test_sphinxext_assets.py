"""The Sphinx extension's fonts and assets modules, each built into a small project with ``sphinx.testing``.

Like ``test_sphinxext.py`` (whose ``build`` helper this uses): a few pages in a temporary folder,
the module under test loaded, and the files Sphinx wrote read back: the fonts cut to what the pages
use, vega served, the theme's style sheet cut, the scripts deferred, and the errors that name the
way out when something is missing.
"""

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pydata_sphinx_theme
import pytest
import vl_convert
from fontTools.ttLib import TTFont
from sphinx.errors import ExtensionError
from test_sphinxext import build, page

import mpsbook
from mpsbook_sphinx import assets, fonts
from mpsbook_sphinx.state import build_data

THEME_STATIC = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
ICON_CSS = '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-moon:before{content:"\\f186"}'
ICON_CSS += '.admonition-title:after{content:"\\f05a"}'  # a code point used outside the icon table


def cmap(path: Path) -> set:
    with TTFont(path) as font:
        return set(font.getBestCmap())


def icon_project(folder: Path, characters: str = "") -> dict:
    """A page naming one icon class, a style sheet with an icon table, and the theme's icon font to cut from."""
    webfonts = folder / "_static" / "vendor" / "fontawesome" / "webfonts"
    webfonts.mkdir(parents=True)
    (webfonts / "fa-solid-900.woff2").write_bytes((THEME_STATIC / fonts.ICON_FONT).read_bytes())
    body = f'<i class="fa-solid fa-bars"></i><svg><text>{characters}</text></svg>'
    return {"index.rst": f"Icons\n=====\n\n.. raw:: html\n\n   {body}\n", "_static/icons.css": ICON_CSS}


def build_fonts(folder: Path, characters: str = ""):
    # The chart characters a page's charts draw, as .charts records them when it compiles a chart.
    setup = "app.add_config_value('mpsbook_assets_digest', 'test', 'html')"  # registered by .assets, left out here
    if characters:
        setup += ("; from mpsbook_sphinx.state import chart_characters; app.connect('env-updated', "
                  f"lambda app, env: chart_characters(env).update(index=set({characters!r})))")
    return build(folder, icon_project(folder, characters), ["mpsbook_sphinx.fonts"], setup=setup,
                 html_static_path=["_static"], html_css_files=["icons.css"])


def test_the_icon_font_keeps_the_icons_the_pages_name_and_the_style_sheets_use(tmp_path):
    app = build_fonts(tmp_path)
    kept = cmap(app.outdir / "_static" / fonts.ICON_SUBSET)
    assert kept == {0xF0C9, 0xF05A}  # fa-bars on the page, the admonition icon in CSS; not fa-moon
    assert len(cmap(THEME_STATIC / fonts.ICON_FONT)) > 100 * len(kept)


def test_the_chart_font_is_cut_to_ascii_and_the_characters_the_charts_draw(tmp_path):
    app = build_fonts(tmp_path, characters="\u2248\u201c")
    for face in fonts.FONT_FACES.values():
        assert cmap(app.outdir / "_static" / face) == {*range(0x20, 0x7F), 0x2026, 0x2212, 0x2248, 0x201C}, face


def test_a_chart_character_the_font_lacks_fails_the_build_naming_it(tmp_path):
    with pytest.raises(ExtensionError, match=r"charts use characters MPSBookSans-Regular\.ttf does not have: U\+2717"):
        build_fonts(tmp_path, characters="\u2717")


def test_a_theme_without_an_icon_table_fails_the_build_saying_so(tmp_path):
    files = icon_project(tmp_path)
    files["_static/icons.css"] = ".fa-bars:before{color:red}"
    with pytest.raises(ExtensionError, match="found no icon table in the theme's CSS"):
        build(tmp_path, files, ["mpsbook_sphinx.fonts"], html_static_path=["_static"],
              html_css_files=["icons.css"], setup="app.add_config_value('mpsbook_assets_digest', 'test', 'html')")


class Scripts(HTMLParser):
    """A page's script files: (src, whether deferred)."""

    def __init__(self, text: str):
        super().__init__()
        self.files = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.files.append((attrs["src"], "defer" in attrs))


# node_modules is linked into the project: Sphinx must not read its files as pages, whatever parsers another
# test's build left registered for their suffixes.
ISOLATED = {"exclude_patterns": ["_build", "node_modules"], "source_suffix": {".rst": "restructuredtext"}}


def theme_project(folder: Path) -> dict:
    os.symlink(mpsbook.ledger.data.ROOT_DIR / "node_modules", folder / "node_modules")  # vega and PurgeCSS, as make env installs
    return {"index.rst": "Page\n====\n\n.. note::\n\n   A note.\n"}


@pytest.fixture(scope="module")
def themed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("assets")
    return build(folder, theme_project(folder), ["mpsbook_sphinx.assets"], html_theme="sphinx_book_theme",
                 **ISOLATED)


def test_vega_is_served_in_the_version_vl_convert_compiles_for(themed):
    assert (themed.outdir / "_static" / f"vega-{vl_convert.get_vega_version()}.min.js").exists()
    assert build_data(themed).vega == f"vega-{vl_convert.get_vega_version()}.min.js"


def test_every_script_but_the_blocking_ones_is_deferred(themed):
    files = [(src.split("?")[0], deferred) for src, deferred in Scripts(page(themed, "index")).files]
    assert "_static/mpsbook-tables.js" in dict(files) and "_static/documentation_options.js" in dict(files)
    for src, deferred in files:
        assert deferred == (not src.endswith(assets.BLOCKING)), src


def test_the_theme_style_sheet_is_cut_to_the_rules_the_site_can_use(themed):
    cut = (themed.outdir / assets.THEME_CSS).read_text(encoding="utf-8")
    whole = (THEME_STATIC / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    assert len(cut) < len(whole) / 2
    assert ".bd-header" in cut and "data-theme=dark" in cut.replace('"', "")  # the theme's own, always kept
    assert re.search(r"\.btn-outline-info\b", whole) and not re.search(r"\.btn-outline-info\b", cut)  # named nowhere


def test_no_vega_in_node_modules_fails_the_build_naming_make_env(tmp_path):
    (tmp_path / "node_modules").mkdir()
    with pytest.raises(ExtensionError, match=r"no vega in .*node_modules: run `make env` \(npm ci\) first"):
        build(tmp_path, {"index.rst": "Page\n====\n"}, ["mpsbook_sphinx.assets"], **ISOLATED)
