"""mpsbook.rate.wording: ratios, periods, counts and figures as a conclusion says them."""

from types import SimpleNamespace

import pytest
from conftest import rate_pairs

from mpsbook.rate.wording import (
    count_words,
    counted_by_words,
    counted_words,
    hedged_figure,
    period_words,
    ref_periods_words,
    round_for_words,
    times_words,
    when_words,
)


@pytest.mark.parametrize("ratio, words", [(1.2, "a little more than"), (2.1, "about twice"), (3.04, "about three times"),
                                          (135_135, "about 100,000 times"), (1.4e6, "about 1 million times")])
def test_a_ratio_is_said_rounded_to_what_a_reader_can_hold(ratio, words):
    assert times_words(ratio) == words


def test_a_ratio_rounds_to_one_significant_figure_from_ten():
    assert [round_for_words(r) for r in (3.4, 14, 135_135)] == [3, 10, 100_000]


@pytest.mark.parametrize("period, when", [("2022", "in 2022"), ("2018-02/2022-07", "from February 2018 to July 2022"),
                                          ("to 2023-08-08", "to 8 August 2023"),
                                          ("five years to 2024-05-27", "in the five years to May 2024")])
def test_a_period_after_a_figure_takes_the_preposition_it_needs(period, when):
    assert when_words(period) == when
    assert period_words("") == ""


def test_a_source_hedge_is_said_before_its_figure():
    assert hedged_figure(27_000, "lower") == "more than 27,000"
    assert hedged_figure(95_000, "approx", "cases") == "about 95,000 cases"
    assert hedged_figure(2e10, "upper", "yuan") == "nearly 20 billion yuan"


def figure(**fields):
    base = {"value": 566_000, "relation": "exact", "unit_ref": "cases", "metric": "criminal cases solved",
            "period_ref": "2023-06-25/2023-09-30", "comparability": "same", "publisher": "CCTV"}
    return SimpleNamespace(**{**base, **fields})


def test_a_figure_of_another_measure_says_what_it_counts_and_when():
    assert counted_words(figure()) == "566,000 criminal cases solved from 25 June to 30 September 2023"
    assert counted_words(figure(unit_ref="tonnes", metric="drugs seized", value=21.9, period_ref="2022")) == \
        "21.9 tonnes of drugs seized in 2022"
    assert counted_words(figure(), when=False) == "566,000 criminal cases solved"


def test_only_the_ministry_named_by_its_publisher_is_said_to_have_counted():
    assert counted_by_words(figure(publisher="Xinhua, citing the Ministry of Public Security")) == "The ministry counted"
    assert counted_by_words(figure(publisher="National Bureau of Statistics")) == "Official counts give"
    assert counted_by_words(figure(comparability="yearly average")) == "Official counts average"


def test_a_count_of_none_is_said_as_no():
    assert [count_words(n) for n in (0, 1, 9, 10, 12_000)] == ["no", "one", "nine", "10", "12,000"]


def test_the_periods_of_several_figures_are_listed_in_their_order_with_and_before_the_last():
    pairs = rate_pairs([(1, "exact", "partial total", period) for period in ("2018-2020", "2021", "2022")])
    assert ref_periods_words(pairs, ["r0", "r1", "r2"]) == "2018 to 2020, 2021 and 2022"
    assert ref_periods_words(pairs, ["r1"]) == "2021"
