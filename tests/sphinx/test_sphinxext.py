"""The Sphinx extension's modules, each loaded alone into a small project built with ``sphinx.testing``.

No full book build and no browser: each test writes a few pages into a temporary folder, builds them
with the one module under test (and myst-nb where notebooks are read), and reads what Sphinx made of
them: the HTML written, the labels, the dependencies, the warnings.
"""

import copy
import html
import json
import pickle
import re
import shutil
import subprocess
import sys
from io import StringIO

import pytest
from sphinx.errors import ExtensionError
from sphinx.testing.util import SphinxTestApp

import mpsbook
from mpsbook.present import pages
from mpsbook.present.charts import CHART_MIME
from mpsbook.present.citation import book_edition
from mpsbook_sphinx import glue_dependencies
from mpsbook_sphinx import pages as page_directives
from mpsbook_sphinx.charts import static_svg
from mpsbook_sphinx.state import chart_characters

BASE_URL = "https://example.org/book/"


def write_project(folder, files: dict, extensions: list, setup: str = "", **config) -> None:
    """``files`` (path -> text) written under ``folder`` with a conf.py loading ``extensions``.

    ``setup`` is the body of the conf.py's own ``setup(app)``, where a test stands in for another module.
    """
    conf = [f"extensions = {extensions!r}", "exclude_patterns = ['_build']"]
    conf += [f"{name} = {value!r}" for name, value in config.items()]
    if setup:
        conf.append(f"def setup(app):\n    {setup}")
    files = {"conf.py": "\n".join(conf) + "\n", **files}
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def build(folder, files: dict, extensions: list, setup: str = "", **config):
    """The project of :func:`write_project`, built in this process; the app."""
    write_project(folder, files, extensions, setup, **config)
    app = SphinxTestApp("html", srcdir=folder, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def page(app, name: str) -> str:
    return (app.outdir / f"{name}.html").read_text(encoding="utf-8")


# ---- pages: the generated pages, their links as cross-references ------------------------------------


def page_project(folder, sections="crime, cybersecurity, emergencies, public administration"):
    shutil.copy(mpsbook.ledger.data.ROOT_DIR / "CITATION.cff", folder / "CITATION.cff")
    return {
        "index.rst": "Book\n====\n\n.. toctree::\n\n   boxes\n   book/article\n\n.. scorecard::\n\n"
                     ".. corrections-log::\n\nSee :ref:`the box <claim-clean-net-2022-cases>`.\n\n"
                     ".. _rating-rule:\n\nThe rule\n--------\n\nIts questions.\n",
        "boxes.rst": f"Boxes\n=====\n\n.. claim-boxes:: {sections}\n",
        "book/article.rst": "Article\n=======\n\n.. annotated-article::\n",
    }


PAGE_EXTENSIONS = ["mpsbook_sphinx.pages", "mpsbook_sphinx.claim_pages"]


@pytest.fixture(scope="module")
def page_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    return build(folder, page_project(folder), PAGE_EXTENSIONS, html_baseurl=BASE_URL)


@pytest.fixture(scope="module")
def tables():
    return pages.page_tables()


def hrefs(text: str, css: str) -> list:
    return re.findall(rf'<a class="{css}" href="([^"]+)"', text)


def test_every_link_to_a_claim_goes_to_its_page_and_its_label_stays_on_the_chapter(page_app, tables):
    keys = list(tables["verdicts"]["claim_key"])
    assert hrefs(page(page_app, "index"), "mpsbook-claim-link") == [f"book/claim/{k}.html" for k in keys]
    article = page(page_app, "book/article")
    assert hrefs(article, "mpsbook-mention") == [f"claim/{k}.html" for k in tables["claims"]["claim_key"]]
    assert hrefs(page(page_app, "boxes"), "mpsbook-claim-page-link") == [f"book/claim/{k}.html" for k in keys]
    assert all((page_app.outdir / "book" / "claim" / f"{k}.html").exists() for k in keys)
    labels = page_app.env.get_domain("std").labels
    assert {f"claim-{k}" for k in keys} <= set(labels) and labels[f"claim-{keys[0]}"][:2] == ("boxes", f"claim-{keys[0]}")
    # A label like any other: the {ref} role of a page's prose reaches the claim's summary in its chapter.
    assert 'href="boxes.html#claim-clean-net-2022-cases"' in page(page_app, "index")


def test_a_claim_page_links_each_mention_to_its_paragraph_and_reviews_at_its_own_absolute_address(page_app, tables):
    key = "clean-net-2022-cases"
    claim = page(page_app, f"book/claim/{key}")
    paragraphs = tables["claims"].loc[tables["claims"]["claim_key"] == key, "paragraph"]
    assert re.findall(r'href="(\.\./article\.html#p-\d+)"', claim) == [f"../article.html#p-{n}" for n in paragraphs]
    assert f'"url":"https://example.org/book/book/claim/{key}.html"' in claim
    assert f'<meta property="og:url" content="https://example.org/book/book/claim/{key}.html" />' in claim
    assert f'<meta property="og:image" content="https://example.org/book/book/claim/{key}.png" />' in claim
    assert 'href="../../index.html#rating-rule"' in claim  # "The question that decided it: ... (the rating rule)"
    assert f'href="../../boxes.html#claim-{key}"' in claim  # the working, in the chapter
    question = tables["verdicts"].set_index("claim_key").loc[key, "question"]
    assert f"by the question: {question}" in claim  # the ClaimReview's ratingExplanation
    assert "<script" not in page(page_app, "boxes").split('id="claim-')[1].split("</div>")[0]  # no second review
    article = page(page_app, "book/article")
    assert len(re.findall(r'<li class="mpsbook-paragraph" id="p-\d+"', article)) == len(
        [line for line in tables["article"].split("\n") if line.strip()])


def test_without_a_site_address_a_claim_page_has_no_og_url_and_a_relative_card(tmp_path, page_app, tables):
    app = build(tmp_path, page_project(tmp_path), PAGE_EXTENSIONS)
    claim = page(app, "book/claim/drug-dens-2022")
    assert "og:url" not in claim and '<meta property="og:image" content="drug-dens-2022.png" />' in claim
    assert '"url":"drug-dens-2022.html"' in claim  # the ClaimReview: the page's own file, completed by the reader
    # Two builds, two folders: every share card has the same bytes.
    cards = {key: (app.outdir / "book" / "claim" / f"{key}.png").read_bytes() for key in tables["verdicts"]["claim_key"]}
    assert cards == {key: (page_app.outdir / "book" / "claim" / f"{key}.png").read_bytes() for key in cards}
    assert len(set(cards.values())) == len(cards)


def test_a_link_to_a_claim_no_page_holds_fails_a_strict_build(tmp_path):
    app = build(tmp_path, page_project(tmp_path, sections="crime"), PAGE_EXTENSIONS)
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    assert re.search(r"WARNING: mpsbook_sphinx.pages: book/claim/clean-net-2022-cases links to "
                     r"'claim-clean-net-2022-cases', which no page registers", warnings), warnings
    assert "claim-drug-dens-2022" not in warnings  # a crime claim: its summary is on the page


def test_a_page_is_written_again_when_a_template_changes(tmp_path, monkeypatch):
    package = tmp_path / "present"  # a copy: the repository's files stay as they are for the tests beside this one
    shutil.copytree(page_directives.PACKAGE_DIR / "templates", package / "templates")
    for module in ("pages.py", "annotated_article.py", "citation.py", "claim_pages.py", "share_card.py"):
        shutil.copy(page_directives.PACKAGE_DIR / module, package / module)
    monkeypatch.setattr(page_directives, "PACKAGE_DIR", package)
    before = page_directives.code_digest()
    badge = package / "templates" / "macros.html"
    badge.write_text(badge.read_text(encoding="utf-8") + " ", encoding="utf-8")
    edited = page_directives.code_digest()
    (package / "templates" / "new.html").write_text("", encoding="utf-8")  # a new template, even an empty one
    assert len({before, edited, page_directives.code_digest()}) == 3


def test_every_footer_states_the_edition_and_where_to_report_an_error(page_app):
    about = book_edition(page_app.confdir / "CITATION.cff")
    context = {}
    page_directives.add_edition_footer(page_app, "index", "page.html", context, None)
    footer = context["theme_extra_footer"]
    assert f"Version {about['version']}, released {about['date']}" in footer
    assert "carries the error-report form" in footer  # no repository_url in this project
    assert "Standards</a>" not in footer  # this project has no standards page to link to


def test_every_page_is_written_again_when_the_citation_file_changes(tmp_path):
    files = {"index.rst": "Home\n====\n\n.. toctree::\n\n   other\n", "other.rst": "Other\n=====\n"}
    shutil.copy(mpsbook.ledger.data.ROOT_DIR / "CITATION.cff", tmp_path / "CITATION.cff")
    app = build(tmp_path, files, ["mpsbook_sphinx.pages"])
    other = app.outdir / "other.html"  # a page whose source never changes

    def written_again(change) -> bool:
        before = other.stat().st_mtime_ns
        change()
        again = SphinxTestApp("html", srcdir=tmp_path, status=StringIO(), warning=StringIO())  # no file rewritten
        try:
            again.build()  # incremental: the same folder, its sources as they were
        finally:
            again.cleanup()
        return other.stat().st_mtime_ns != before

    cff = tmp_path / "CITATION.cff"
    assert not written_again(lambda: None)
    assert written_again(lambda: cff.write_text(cff.read_text(encoding="utf-8").replace(
        'name: "The mpsbook project"', 'name: "New Authors"'), encoding="utf-8"))
    assert not (app.outdir / "corrections.atom").exists()  # this project has no corrections page


def test_every_footer_links_the_standards_page_relative_to_the_page(tmp_path):
    files = {"index.rst": "Home\n====\n\n.. toctree::\n\n   book/standards\n   book/deep/page\n",
             "book/standards.rst": "Standards\n=========\n", "book/deep/page.rst": "Deep\n====\n"}
    shutil.copy(mpsbook.ledger.data.ROOT_DIR / "CITATION.cff", tmp_path / "CITATION.cff")
    app = build(tmp_path, files, ["mpsbook_sphinx.pages"])
    for name, href in [("index", "book/standards.html"), ("book/deep/page", "../standards.html")]:
        context = {}
        page_directives.add_edition_footer(app, name, "page.html", context, None)
        assert f'<a href="{href}">Standards</a>' in context["theme_extra_footer"], name


# ---- dictionary: the data package's own schema as a data dictionary ---------------------------------


def test_data_dictionary_shows_each_column_its_constraints_keys_and_a_download(tmp_path):
    package = {"resources": [{"name": "things", "path": "things.csv", "title": "Things", "format": "csv",
                              "encoding": "utf-8", "description": "One thing a row.",
                              "schema": {"fields": [{"name": "thing_id", "type": "string", "description": "Its id",
                                                     "constraints": {"required": True, "unique": True}},
                                                    {"name": "size", "type": "number", "description": "How big",
                                                     "constraints": {"minimum": 0}}],
                                         "primaryKey": "thing_id"}}]}
    files = {"index.rst": "Data\n====\n\n.. data-dictionary:: data/datapackage.json\n",
             "data/datapackage.json": json.dumps(package), "data/things.csv": "thing_id,size\na,1\n"}
    app = build(tmp_path, files, ["mpsbook_sphinx.dictionary"])
    text = page(app, "index")
    assert "Things (things)" in text and "One thing a row." in text
    assert re.search(r"thing_id</span></code></p>\s*</td>\s*<td><p>string</p>\s*</td>\s*<td><p>Its id</p>\s*</td>"
                     r"\s*<td><p>required; unique</p>", text)
    assert "minimum 0" in text and "Primary key: thing_id." in text
    assert (app.outdir / "_downloads").exists() and list((app.outdir / "_downloads").rglob("things.csv"))
    assert str(tmp_path / "data" / "datapackage.json") in {str(p) for p in app.env.dependencies["index"]}


# ---- metadata: each page's meta description -----------------------------------------------------------


def test_a_page_describes_itself_by_its_first_paragraph_of_prose(tmp_path):
    long = " ".join(["word"] * 80)
    files = {"index.rst": "Title\n=====\n\n    A quotation, not prose.\n\nThe page's first <paragraph>.\n\n"
                          ".. toctree::\n\n   other\n",
             "other.rst": f"Other\n=====\n\n{long}\n"}
    app = build(tmp_path, files, ["mpsbook_sphinx.metadata"])
    assert '<meta name="description" content="The page\u2019s first &lt;paragraph&gt;." />' in page(app, "index")
    described = re.search(r'<meta name="description" content="([^"]*)"', page(app, "other"))[1]
    assert described.endswith("\u2026") and len(described) <= 201 and described.startswith("word word")


# ---- glue_dependencies: a page that glues from a notebook depends on it -------------------------------


def test_a_page_that_glues_from_a_notebook_depends_on_that_notebook(tmp_path):
    files = {"index.rst": "Title\n=====\n\n``{glue:text}`sub/numbers.ipynb::n_claims:d```\n",
             "sub/numbers.ipynb": "{}", "unrelated.ipynb": "{}"}
    app = build(tmp_path, files, ["mpsbook_sphinx.glue_dependencies"])
    assert {str(p) for p in app.env.dependencies["index"]} == {str(tmp_path / "sub" / "numbers.ipynb")}
    source = '":doc: crime.ipynb\\n", "{glue}`claims.ipynb::n:s`"'
    assert glue_dependencies.glued_documents(source, tmp_path) == {tmp_path / "crime.ipynb", tmp_path / "claims.ipynb"}


# ---- charts: the chart bundle of a notebook output becomes the chart on the page ----------------------


def chart_output() -> dict:
    """The first chart output stored in the crime chapter: a real bundle, as the renderer wrote it."""
    notebook = json.loads((mpsbook.ledger.data.BOOK_DIR / "crime.ipynb").read_text(encoding="utf-8"))
    return next(copy.deepcopy(o) for cell in notebook["cells"] for o in cell.get("outputs", [])
                if CHART_MIME in o.get("data", {}))


def notebook_with(output: dict, figure: bool = True) -> str:
    """A notebook whose code cell stores ``output``: glued into a named figure (as the book shows charts), or,
    with ``figure=False``, shown where the cell is."""
    name = output.get("metadata", {}).get("scrapbook", {}).get("name", "chart")
    cell = {"cell_type": "code", "execution_count": 1, "id": "c1", "source": "chart", "outputs": [output],
            "metadata": {"tags": ["remove-output"]} if figure else {}}
    intro = {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": "# Chart"}
    shown = {"cell_type": "markdown", "id": "m2", "metadata": {},
             "source": f"```{{glue:figure}} {name}\n:name: fig-test\n\nThe chart.\n```"}
    return json.dumps({"cells": [intro, cell, *([shown] if figure else [])],
                       "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
                       "nbformat": 4, "nbformat_minor": 5})


CHART_CONFIG = {"nb_execution_mode": "off", "nb_mime_priority_overrides": [["html", CHART_MIME, 0]]}


def chart_project(folder, output, figure: bool = True):
    shutil.copytree(mpsbook.ledger.data.DATA_DIR, folder / "data")  # the charts' sources are read from the whole data package
    shutil.copy(mpsbook.ledger.data.ROOT_DIR / "CITATION.cff", folder / "CITATION.cff")  # the Cite block's edition
    return {"index.ipynb": notebook_with(output, figure)}


def build_chart(folder, output, figure: bool = True):
    # The served vega's name is the build's (.state), set by .assets, which this project leaves out.
    return build(folder, chart_project(folder, output, figure), ["myst_nb", "mpsbook_sphinx.charts"],
                 setup="from mpsbook_sphinx.state import build_data; build_data(app).vega = 'vega.js'", **CHART_CONFIG)


def test_a_chart_bundle_becomes_the_chart_its_narrow_layout_and_its_data(tmp_path):
    output = chart_output()
    app = build_chart(tmp_path, output)
    text = page(app, "index")
    assert text.count('class="mpsbook-chart-static"') == 1 and 'mpsbook-chart-static--narrow' in text
    # The static SVG, stored once (in the output's HTML), is put inline and offered as a download.
    svg = static_svg("".join(output["data"]["text/html"]))
    assert svg.startswith("<svg") and f'role="img" aria-label="{html.escape(output["data"][CHART_MIME]["title"])}' in text
    assert svg in text and (app.outdir / "chart-data" / "index-chart-1.svg").read_text(encoding="utf-8") == svg
    assert 'class="mpsbook-chart-vega"' in text and 'class="mpsbook-chart-vega-narrow"' in text
    assert list((app.outdir / "chart-data").glob("index-chart-1.*")) and 'data-vega="vega.js"' in text
    assert not [name for name in vars(app) if name.startswith("mpsbook")]  # what the build shares is in .state
    edition = book_edition(mpsbook.ledger.data.ROOT_DIR / "CITATION.cff")
    assert 'class="mpsbook-cite-address" href="#fig-test" data-address="index.html#fig-test"' in text
    assert f"@misc{{mpsbook-{edition['version']}-fig-test," in text and 'url = "index.html#fig-test"' in html.unescape(text)


def test_a_parallel_read_brings_back_the_characters_of_every_pages_charts(tmp_path):
    # Sphinx reads in parallel from six pages on: each reader process records the characters of the pages it read
    # on its own env, which env-merge-info brings into the main one before the chart font is cut.
    output = chart_output()
    files = {f"page{n}.ipynb": notebook_with(output).replace("fig-test", f"fig-{n}") for n in range(6)}
    files["index.md"] = "# Charts\n\n```{toctree}\n" + "\n".join(f"page{n}" for n in range(6)) + "\n```\n"
    shutil.copytree(mpsbook.ledger.data.DATA_DIR, tmp_path / "data")
    shutil.copy(mpsbook.ledger.data.ROOT_DIR / "CITATION.cff", tmp_path / "CITATION.cff")
    write_project(tmp_path, files, ["myst_nb", "mpsbook_sphinx.charts"],
                  setup="from mpsbook_sphinx.state import build_data; build_data(app).vega = 'vega.js'", **CHART_CONFIG)
    # In a fresh interpreter: Sphinx forks its readers, and a fork of a test worker's threads (pytest-xdist) can hang.
    doctrees = tmp_path / "_build" / "doctrees"
    run = subprocess.run([sys.executable, "-m", "sphinx", "-j", "2", "-b", "html", "-d", str(doctrees), str(tmp_path),
                          str(tmp_path / "_build" / "html")], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and "doing serial read" not in run.stderr, run.stderr[-2000:]
    with open(doctrees / "environment.pickle", "rb") as file:
        recorded = chart_characters(pickle.load(file))
    assert sorted(recorded) == [f"page{n}" for n in range(6)]
    assert set(output["data"][CHART_MIME]["title"].replace(" ", "")) <= recorded["page0"] == recorded["page5"]


def test_a_chart_outside_a_named_figure_fails_for_want_of_an_address_to_cite(tmp_path):
    with pytest.raises(ExtensionError, match=r"index\.ipynb, cell 2: a chart outside a named figure has no "
                                             r"address to cite: show it with \{glue:figure\} and a :name:"):
        build_chart(tmp_path, chart_output(), figure=False)


def test_a_chart_bundle_without_its_spec_fails_naming_the_notebook_and_the_cell(tmp_path):
    output = chart_output()
    del output["data"][CHART_MIME]["spec"]
    with pytest.raises(ExtensionError, match=r"index\.ipynb, cell 2: the chart output .* lacks 'spec' \(dict\)"):
        build_chart(tmp_path, output, figure=False)


def test_a_charts_html_without_its_bundle_fails_naming_the_notebook_and_the_cell(tmp_path):
    output = chart_output()
    del output["data"][CHART_MIME]
    with pytest.raises(ExtensionError, match=r"index\.ipynb, cell 2: a chart's HTML without its bundle"):
        build_chart(tmp_path, output, figure=False)


def test_a_chart_bundle_whose_html_holds_no_picture_fails_naming_the_notebook_and_the_cell(tmp_path):
    output = chart_output()
    output["data"]["text/html"] = "".join(output["data"]["text/html"]).replace("data:image/svg+xml;base64,", "data:,")
    with pytest.raises(ExtensionError, match=r"index\.ipynb, cell 2: a chart bundle .* without its static SVG"):
        build_chart(tmp_path, output, figure=False)


# ---- state: what a page's charts draw is kept on env, per document, purged and merged ----------------------


def test_a_page_read_again_forgets_its_chart_characters_and_a_parallel_reader_brings_only_its_own():
    from types import SimpleNamespace

    from mpsbook_sphinx import state

    env = SimpleNamespace()
    state.chart_characters(env).update({"a": {"x"}, "b": {"y"}})
    state.purge_document(None, env, "a")
    assert state.chart_characters(env) == {"b": {"y"}}
    # A reader process was forked with the main env ("b" as it was) and read "a" and "c"; it did not read "b".
    other = SimpleNamespace(mpsbook_chart_characters={"a": {"z"}, "b": {"stale"}, "c": {"w"}})
    state.merge_documents(None, env, {"a", "c"}, other)
    assert state.chart_characters(env) == {"a": {"z"}, "b": {"y"}, "c": {"w"}}


def test_each_build_reads_the_books_files_afresh(page_app):
    from mpsbook_sphinx.state import build_data

    assert build_data(page_app) is build_data(page_app)
    other = build(page_app.srcdir.parent / "again", {"index.rst": "Home\n====\n"}, [])
    assert build_data(other) is not build_data(page_app)
