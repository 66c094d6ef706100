"""mpsbook.extract.hedges: the words and signs around a number that make it a bound or approximate, and the hedge
words that belong to something else."""


import pytest
from extracted import assert_reading, only_row

import mpsbook
from mpsbook.extract.hedges import HEDGES, hedge_kind, hedges_before, symbol_before


@pytest.mark.parametrize("text, start, hedges", [
    ("nearly more than 400 thousand", "nearly", ["nearly", "more than"]),
    ("Police handed over 571 suspects", "571", []),  # "over" belongs to the verb
    ("Police arrested over 571 suspects", "over", ["over"]),
    ("cocaine worth approx. 500 kg", "approx.", ["approx."]),
    ("fines of no-less-than 20 yuan", "no-less-than", ["no-less-than"]),
])
def test_the_hedge_words_right_before_a_number_and_where_they_start(text, start, hedges):
    number = next(i for i, c in enumerate(text) if c.isdigit())
    assert hedges_before(text, number) == (text.index(start), hedges)


def test_each_hedge_names_its_qualifier_whatever_its_case_and_spacing():
    for kind, words in HEDGES.items():
        for word in words:
            assert hedge_kind(word.upper().replace(" ", "  ")) == kind
    assert (hedge_kind("~"), hedge_kind("sub-")) == ("about", "nearly")


@pytest.mark.parametrize("text, sign", [("a ~1.2mm gap", "~"), ("an area \u2248 30 m2", "\u2248 "), ("sub-300 flats", "sub-"),
                                        ("a 1.2mm gap", None), ("the bus-300 line", None)])
def test_a_sign_joined_to_the_number_hedges_it(text, sign):
    found = symbol_before(text, next(i for i, c in enumerate(text) if c.isdigit()))
    assert (found.group() if found else None) == sign


@pytest.mark.parametrize(
    "text, expression, figure, low, high, qualifier, unit",
    [
        ("Myanmar handed over 571 suspects", "571", 571, 571, 571, "exact", "suspects"),
        ("Laos turned over 42 fugitives", "42", 42, 42, 42, "exact", "fugitives"),
        ("talks were held over three days", "three", 3, 3, 3, "exact", "days"),
        ("they talked about 5 cases", "5", 5, 5, 5, "exact", "cases"),
        ("the rate increased again, up to 5,668 incidents", "5,668", 5668, 5668, 5668, "exact", "incidents"),
        ("prices rose, with fines of up to 500 yuan", "up to 500", 500, 400, 500, "nearly", "yuan"),
        ("over 300 suspects", "over 300", 300, 300, 400, "over", "suspects"),
    ],
)
def test_over_and_about_in_another_sense_are_not_hedges(text, expression, figure, low, high, qualifier, unit):
    assert_reading(text, expression, figure, low, high, qualifier, unit)


@pytest.mark.parametrize(
    "text, expression, figure, low, high, qualifier, unit",
    [
        ("fines of up to 50,000 yuan", "up to 50,000", 5e4, 4e4, 5e4, "nearly", "yuan"),
        ("less than 5% of cases", "less than 5", 5, 4, 5, "nearly", "percent"),
        ("fewer than 300 arrests", "fewer than 300", 300, 200, 300, "nearly", "arrests"),
        ("under 2,000 cases", "under 2,000", 2000, 1000, 2000, "nearly", "cases"),
        ("at most 40 people", "at most 40", 40, 30, 40, "nearly", "people"),
        ("no more than 3 tons", "no more than 3", 3, 2, 3, "nearly", "tons"),
        ("as many as 546,900 cases", "as many as 546,900", 546_900, 546_800, 546_900, "nearly", "cases"),
        ("no fewer than 300 suspects", "no fewer than 300", 300, 300, 400, "over", "suspects"),
        ("not less than 20 tons", "not less than 20", 20, 20, 30, "over", "tons"),
        ("1,000-plus suspects", "1,000-plus", 1000, 1000, 2000, "over", "suspects"),
        ("5,000+ accounts", "5,000+", 5000, 5000, 6000, "over", "accounts"),
        ("300 or more people", "300 or more", 300, 300, 400, "over", "people"),
        ("300-odd suspects", "300-odd", 300, 250, 350, "about", "suspects"),
        ("a more-than seven-fold increase", "more-than seven-fold", 7, 7, 8, "over", "times"),
    ],
)
def test_upper_and_lower_bounds_before_and_after_the_number(text, expression, figure, low, high, qualifier, unit):
    assert_reading(text, expression, figure, low, high, qualifier, unit)


def test_the_methods_page_lists_every_hedge_in_the_row_of_its_qualifier():
    page = (mpsbook.ledger.data.BOOK_DIR / "methods.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in page.splitlines() if line.startswith("| ") and line.count("|") == 4}
    for qualifier, hedges in mpsbook.extract.hedges.HEDGES.items():
        for hedge in hedges:
            assert f'"{hedge}"' in rows[qualifier], (qualifier, hedge)
    assert set(mpsbook.extract.quantities.TEXT_QUALIFIERS) <= set(rows)


@pytest.mark.parametrize(
    "text, expression, figure, low, high, qualifier",
    [
        ("a height of ~1.2mm", "~1.2", 1.2, 1.15, 1.25, "about"),
        ("a floor area \u2248 30 square metres", "\u2248 30", 30, 25, 35, "about"),
        ("demand for sub-300 sq m offices", "sub-300", 300, 200, 300, "nearly"),
    ],
)
def test_a_tilde_reads_about_and_sub_reads_under(text, expression, figure, low, high, qualifier):
    row = only_row(text)
    assert (row["expression"], row["figure"], row["qualifier"]) == (expression, figure, qualifier)
    assert (row["low"], row["high"]) == (pytest.approx(low), pytest.approx(high))
