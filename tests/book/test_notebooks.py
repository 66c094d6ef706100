"""The stored notebooks: executed, clean, reproducible by nbval, and all in the table of contents."""

import json
import re

import nbformat
import pytest
from helpers import RAW_MYST, is_prose, prose_of, toc_entries

import mpsbook

NOTEBOOKS = sorted(mpsbook.ledger.data.BOOK_DIR.glob("*.ipynb"))
TOC = toc_entries()
LOCAL_PREFIXES = ("/work/", "/tmp/", "/root/", "/home/", str(mpsbook.ledger.data.ROOT_DIR))


def test_there_are_notebooks():
    assert [path.name for path in NOTEBOOKS][:1] and "claims.ipynb" in [path.name for path in NOTEBOOKS]


@pytest.fixture(params=NOTEBOOKS, ids=[path.name for path in NOTEBOOKS])
def notebook(request):
    return request.param, json.loads(request.param.read_text(encoding="utf-8"))


def code_cells(nb):
    return [cell for cell in nb["cells"] if cell["cell_type"] == "code" and "".join(cell["source"]).strip()]


def test_every_notebook_is_valid_by_the_nbformat_schema(notebook):
    path, _ = notebook
    nbformat.validate(nbformat.read(path, as_version=nbformat.NO_CONVERT))


def test_every_code_cell_was_executed_in_order_without_error(notebook):
    _, nb = notebook
    counts = [cell["execution_count"] for cell in code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1))
    for cell in code_cells(nb):
        assert all(output["output_type"] != "error" for output in cell["outputs"])
        assert not any(output.get("name") == "stderr" for output in cell["outputs"]), "stderr in a stored output"


def test_outputs_hold_no_timing_paths_or_random_ids(notebook):
    _, nb = notebook
    for cell in code_cells(nb):
        assert "execution" not in cell["metadata"], "timing metadata"
        blob = json.dumps(cell["outputs"])
        assert not any(prefix in blob for prefix in LOCAL_PREFIXES), "an absolute path in an output"
        assert not re.search(r"altair-viz-[0-9a-f]{8}", blob)
        assert not re.search(r"at 0x[0-9a-f]{6,}", blob), "a memory address in an output"
        assert "cdn.jsdelivr.net" not in blob and "unpkg.com" not in blob


def test_first_cell_starts_from_the_preamble_and_is_hidden(notebook):
    """Every notebook's first cell imports the preamble (mpsbook.preamble: the book's display on, the ledger loaded and
    rated once), and no later cell loads or rates the ledger again in its own way."""
    _, nb = notebook
    first = code_cells(nb)[0]
    assert re.search(r"^from mpsbook\.preamble import", "".join(first["source"]), re.M)
    assert "remove-cell" in first["metadata"].get("tags", [])
    again = re.compile(r"\b(?:enable_book_display|load_ledger|load_article|claim_ratings|claim_sensitivity)\(")
    assert [i for i, cell in enumerate(code_cells(nb)) if again.search("".join(cell["source"]))] == []


def test_every_notebook_is_in_the_table_of_contents(notebook):
    path, _ = notebook
    assert f"book/{path.stem}" in TOC


def test_every_toc_entry_exists():
    assert TOC[0] == "book/intro" and len(set(TOC)) == len(TOC) > 1
    for entry in TOC:
        candidates = [mpsbook.ledger.data.ROOT_DIR / f"{entry}{suffix}" for suffix in (".md", ".ipynb")]
        assert any(path.exists() for path in candidates), entry


def markdown_of(nb):
    return prose_of(nb["cells"])


def chart_specs(nb):
    for cell in code_cells(nb):
        for output in cell["outputs"]:
            if mpsbook.present.charts.CHART_MIME in output.get("data", {}):
                yield output["data"][mpsbook.present.charts.CHART_MIME]["spec"]


def test_every_chart_has_a_title_a_description_and_tooltips(notebook):
    _, nb = notebook
    specs = list(chart_specs(nb))
    assert specs, "every notebook of the book draws at least one chart"
    for spec in specs:
        assert spec.get("title") and spec.get("description"), spec.get("title")
        layers = spec.get("layer", [spec])
        assert any("tooltip" in layer.get("encoding", {}) for layer in layers)


def test_every_chart_is_a_named_figure_referenced_from_the_prose(notebook):
    _, nb = notebook
    text = markdown_of(nb)
    names = re.findall(r"```\{glue:figure\} \S+\n:name: (\S+)", text)
    glued_charts = sum(1 for _ in chart_specs(nb))
    assert len(names) == glued_charts, "a chart is shown without a named glue:figure"
    for name in names:
        assert f"{{numref}}`{name}`" in text, f"{name} is never referenced"
    figures = re.findall(r"```\{glue:figure\}.*?```", text, re.S)
    assert all("Source" in figure for figure in figures), "a figure caption does not credit its sources"


# A directive in MyST's fenced form: ```{name} or :::{name} at the start of a line.
DIRECTIVE = re.compile(r"^(?:`{3,}|:{3,})\{([^}]+)\}", re.M)


def test_markdown_cells_hold_no_directive_and_raw_cells_are_rendered_as_myst(notebook):
    """jupyterlab-myst draws a red "Unknown Directive" box for {glue:figure} and the book's own directives, so each
    directive stands alone in a raw cell, which JupyterLab shows as its text and myst-nb renders as MyST (RAW_MYST);
    a raw cell without that metadata would reach the site as nothing (no format) or as a code block (CommonMark)."""
    _, nb = notebook
    in_markdown = [name for cell in nb["cells"] if cell["cell_type"] == "markdown"
                   for name in DIRECTIVE.findall("".join(cell["source"]))]
    assert in_markdown == [], f"directives jupyterlab-myst cannot draw, in Markdown cells: {in_markdown}"
    raw = [cell for cell in nb["cells"] if cell["cell_type"] == "raw"]
    assert all(is_prose(cell) for cell in raw), f"a raw cell without {RAW_MYST}"
    assert all(len(DIRECTIVE.findall("".join(cell["source"]))) == 1 for cell in raw), "a raw cell holds one directive"


def hand_typed_numbers(text):
    """Digits left in prose once quotations, glue and other roles, code, years and list numbers are set aside."""
    text = re.sub(r"^>.*$", "", text, flags=re.M)  # block quotations of the article
    text = re.sub(r"\{[a-z:]+\}`[^`]*`|`[^`]*`", "", text)  # glue and other roles, code
    text = re.sub(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d", "", text)  # quoted words
    text = re.sub(r"^\s*\d+\.\s", "", text, flags=re.M)  # numbered lists
    text = re.sub(r"(?<!\d)(?:19|20)\d{2}(?:[-\u2013](?:19|20)\d{2})?(?!\d)", "", text)  # years, spans of years
    return re.findall(r".{0,30}\d.{0,30}", text)


def test_prose_types_no_number_by_hand(notebook):
    _, nb = notebook
    assert not hand_typed_numbers(markdown_of(nb))


def test_the_front_page_types_no_number_by_hand():
    assert not hand_typed_numbers((mpsbook.ledger.data.BOOK_DIR / "intro.md").read_text(encoding="utf-8"))


def test_each_chapter_closes_with_its_verdict_table(notebook):
    path, nb = notebook
    if path.stem == "claims":
        return
    last = "".join(code_cells(nb)[-1]["source"])
    assert "verdict_table" in last


GLUE_TEXT = re.compile(r"\{glue:text\}`(?P<name>[A-Za-z0-9_]+)(?::[^`]*)?`")  # this notebook's own values


def test_every_value_the_prose_glues_is_listed_beside_the_cell_that_glues_it_for_jupyterlab(notebook):
    """JupyterLab shows a {glue:text} role as its name (jupyterlab-myst#40): every cell that glues a value is
    followed, in its own output or a hidden cell's, by a list of what it glued (mpsbook.present.lab.glued), so an analyst
    finds each value the prose uses beside the code that computes it."""
    path, nb = notebook
    listed, used = set(), set()
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            for output in cell.get("outputs", []):
                text = "".join(output.get("data", {}).get("text/markdown", ""))
                if text.startswith("Glued here"):
                    listed |= set(re.findall(r"^- `([^`]+)`", text, flags=re.M))
        else:
            used |= set(GLUE_TEXT.findall("".join(cell["source"])))
    assert sorted(used - listed) == [], f"{path.name}: glued for the prose but listed nowhere"
