"""mpsbook.ledger.period: every form a period is written in, read, checked and said one way."""

import math

import pytest

from mpsbook.ledger.period import Period, date_problem


@pytest.mark.parametrize("text, span, words", [
    ("2022", (2022.0, 2023.0), "2022"),
    ("2018-2020", (2018.0, 2021.0), "2018 to 2020"),
    ("2023-01/2023-09", (2023.0, 2023.75), "January to September 2023"),
    ("2018-02/2022-07", (2018 + 1 / 12, 2022 + 7 / 12), "February 2018 to July 2022"),
    ("2023-06-25/2023-09-30", (2023 + 5 / 12 + 24 / 365, 2023 + 8 / 12 + 30 / 365), "25 June to 30 September 2023"),
    ("to 2023-08-02", (2023.0, 2023 + 7 / 12 + 2 / 365), "to 2 August 2023"),
    ("five years to 2024-05-27", (2019 + 4 / 12 + 27 / 365, 2024 + 4 / 12 + 27 / 365), "the five years to May 2024"),
])
def test_every_period_form_reads_as_a_span_of_years_and_as_words(text, span, words):
    period = Period(text)
    assert period.span == pytest.approx(span)
    assert period.words == words
    assert period.last_year == math.ceil(span[1]) - 1  # the year its last moment falls in


@pytest.mark.parametrize("text", ["last year", "", "2022/", "22-2023", "to yesterday"])
def test_a_period_in_no_known_form_is_refused_with_its_words(text):
    with pytest.raises(ValueError, match=f"'{text}' is not a period"):
        Period(text)


@pytest.mark.parametrize("text, problem", [
    ("2022", None),
    ("to 2023-08-02", None),
    ("2023-13/2023-12", "2023-13 is not a date (month must be in 1..12)"),
    ("2023-02-30/2023-03-01", "2023-02-30 is not a date (day is out of range for month)"),
    ("2022-07/2022-01", "the period ends (2022-01) before it starts (2022-07)"),
    ("2022-2022", "a period of one year or day is written as itself ('2022')"),
    ("2022-05/2022-05", "a period of one year or day is written as itself ('2022-05')"),
])
def test_a_period_names_what_is_wrong_with_it(text, problem):
    found = Period(text).problem
    assert found == problem if problem is None else found.startswith(problem)


def test_a_date_that_does_not_exist_is_named():
    assert date_problem("2024-02-29") is None
    assert date_problem("2023-02-29") == "2023-02-29 is not a date (day is out of range for month)"
    assert date_problem("May 2023") == "'May 2023' is not a date as YYYY, YYYY-MM or YYYY-MM-DD"
