"""mpsbook.ledger.figures: one way to write a number, in tables, pages, downloads and sentences."""

import ast
import json
import math
import re

import pytest

from mpsbook.ledger.data import BOOK_DIR
from mpsbook.ledger.figures import csv_value, figure, figure_words, fixed, plain, prose_figure


@pytest.mark.parametrize("value, text", [
    (83000, "83,000"), (83000.0, "83,000"), (21.9, "21.9"), (21.90, "21.9"), (21.001, "21"), (0.1 + 0.2, "0.3"),
    (1234567.891, "1,234,567.89"), (-4.5, "-4.5"), (None, "\u2014"), (math.nan, "\u2014"),
])
def test_a_figure_has_separators_at_most_two_decimals_and_no_float_noise(value, text):
    assert figure(value) == text


@pytest.mark.parametrize("value, unit, text", [
    (83000, "cases", "83,000 cases"), (21.9, "tonnes", "21.9 tonnes"), (217_000_000, "", "217 million"),
    (1_410_000_000, "people", "1.41 billion people"), (2_044_000, "", "2.04 million"),
    (8e11, "yuan", "800 billion yuan"), (1.2e13, "", "12 trillion"),
])
def test_a_sentence_says_millions_and_more_in_words(value, unit, text):
    assert figure_words(value, unit) == text


def test_a_sentence_says_a_missing_figure_as_a_dash():
    assert prose_figure(math.nan) == "\u2014" and prose_figure(0.1 + 0.2) == "0.3"


@pytest.mark.parametrize("value, text", [(2.5, "2.5"), (3.0, "3"), (1234567.0, "1234567"), (math.nan, ""),
                                         (0.1 + 0.2, "0.3"), ("more than", "more than"), (7, "7")])
def test_a_download_writes_at_most_two_decimals_and_no_separators(value, text):
    assert csv_value(value) == text


@pytest.mark.parametrize("value, text", [(0.1 + 0.2, "0.3"), (1e15, "1000000000000000"), (21.9, "21.9"),
                                         (None, ""), (math.nan, ""), ("C13", "C13"), (56, "56")])
def test_a_page_shows_a_raw_value_as_it_was_written(value, text):
    assert plain(value) == text


def test_a_ratio_or_multiple_keeps_the_decimals_asked_for():
    assert (fixed(255_000 / 83_000, 1), fixed(3.0, 1), fixed(1249.6)) == ("3.1", "3.0", "1,250")


def number_formats(path) -> list[str]:  # a path, or the source itself
    """The format specs of a module's f-strings and format() calls that write a number for a reader: thousands
    separators or a fixed number of decimals (widths, zero-padded ids and SVG coordinates are not figures)."""
    specs = []
    source = path if isinstance(path, str) else path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            specs.append(ast.unparse(node.format_spec))
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "format" and len(node.args) == 2:
            specs.append(ast.unparse(node.args[1]))
    return [spec for spec in specs if re.search(r",|\.\d+f|\{", spec)]


def test_no_module_but_this_one_formats_a_number():
    found = {path.relative_to(BOOK_DIR).as_posix(): number_formats(path)
             for path in sorted([*BOOK_DIR.glob("mpsbook/**/*.py"), *BOOK_DIR.glob("mpsbook_sphinx/*.py")])
             if path.name != "figures.py"}
    assert not {path: specs for path, specs in found.items() if specs}
    assert number_formats(BOOK_DIR / "mpsbook" / "ledger" / "figures.py")  # the check sees a format where there is one


def test_no_notebook_formats_a_number_itself():
    found = {}
    for notebook in sorted(BOOK_DIR.glob("*.ipynb")):
        for index, cell in enumerate(json.loads(notebook.read_text(encoding="utf-8"))["cells"]):
            if cell["cell_type"] == "code" and (specs := number_formats("".join(cell["source"]))):
                found[f"{notebook.name}, cell {index}"] = specs
    assert not found
