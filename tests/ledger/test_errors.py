"""mpsbook.ledger.errors: a data fault named by file, row and column, and the row rules frictionless checks."""

import pytest

from mpsbook.ledger.errors import DataError, rule_formula


def test_a_data_error_names_file_row_and_column_in_that_order():
    error = DataError("data/claims.csv", "the quote is not in the article", row=12, column="quote")
    assert str(error) == "data/claims.csv, row 12, column 'quote': the quote is not in the article"
    assert (error.path, error.row, error.column) == ("data/claims.csv", 12, "quote")
    assert str(DataError("data/claims.csv", "is not UTF-8 text")) == "data/claims.csv: is not UTF-8 text"


def test_a_row_rule_frictionless_can_state_becomes_its_formula_and_empty_cells_pass():
    assert rule_formula({"rule": "notGreater", "fields": ["low", "high"]}, "x") == \
        "low is None or high is None or low <= high"
    assert rule_formula({"rule": "formula", "formula": "a > 0"}, "x") == "a > 0"
    assert rule_formula({"rule": "periods", "fields": ["period"]}, "x") is None  # checked by the book itself


def test_an_unknown_row_rule_is_refused_naming_the_file():
    with pytest.raises(DataError, match=r"datapackage.json: unknown row rule 'sometimes'"):
        rule_formula({"rule": "sometimes"}, "datapackage.json")
