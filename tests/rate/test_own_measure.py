"""mpsbook.rate.own_measure: the steps that settle a claim by figures of its own measure (same-period, hard-limit,
running-total, other-campaign), on tiny ledgers and at their edges."""

import pytest
from conftest import rate, rate_pairs, rule_context

import mpsbook
from mpsbook.rate import own_measure

STEPS = (own_measure.same_period, own_measure.hard_limit, own_measure.total_reached, own_measure.other_campaign)


@pytest.mark.parametrize("step", STEPS)
def test_a_step_leaves_a_claim_with_only_a_figure_of_another_period_to_the_steps_after_it(step):
    assert step(rule_context(100, 200, [(150, "exact", "different period", "2021")])) is None


def test_a_floor_above_its_own_figure_is_never_called_too_low():
    assert rate(100, 200, [(400, "exact", "same", "2022")], qualifier="over")["rating"] == "correct but understated"


def test_a_wrong_figure_names_the_likely_origin_second():
    outcome = rate(100, 200, [(50, "exact", "same", "2022"), (150, "exact", "different period", "2018-2021")])
    first, second = outcome["conclusion"].split(". ")
    assert "50 cases in 2022" in first and "about twice" in first
    assert second == "It matches 150 cases from 2018 to 2021."  # the same topic as the year's figure: not named again
    assert outcome["ref_ids"] == "r0 r1"


def test_misleading_names_the_campaign_the_claim_credits():
    outcome = rate(100, 200, [(150, "exact", "different campaign", "2022"), (20, "exact", "different scope", "2022")])
    assert outcome["conclusion"].startswith("It fits the t total, 150 m in 2022, not the Test Action's;")
    assert outcome["ref_ids"] == "r0 r1" and "the nearer count: 20 m." in outcome["conclusion"]


def test_a_hard_limit_allows_the_claim_its_tolerance():
    assert rate(100, 200, [(95, "exact", "bound", "2022")])["rating"] != "impossible"  # 95 is within a tenth of 100
    assert rate(100, 200, [(85, "exact", "bound", "2022")])["rating"] == "impossible"


def test_a_running_total_reaches_the_claim_within_its_tolerance_and_says_so_truly():
    near = rate(100, 200, [(50, "exact", "partial total", "2018-2020"), (45, "exact", "partial total", "2021")])
    assert near["rating"] == "correct" and near["conclusion"].endswith("nearly the claim's floor of 100 cases.")
    above = rate(100, 200, [(60, "exact", "partial total", "2018-2020"), (50, "exact", "partial total", "2021")])
    assert above["conclusion"].endswith("add up to 110 cases, more than the claim's floor.")
    assert rate(100, 200, [(50, "exact", "partial total", "2018-2020"), (30, "exact", "partial total", "2021")])[
        "rating"] != "correct"


def test_only_a_figure_of_the_last_year_counts_as_an_undated_claims_own():
    def undated(period):
        return mpsbook.rate.ratings.rate_claim(100, 200, "book rule", rate_pairs([(150, "exact", "same", period)]),
                                               period="", latest_year=2023)

    assert undated("2022")["reason"] == "a figure of its own period"  # ends within a year of 2023
    assert undated("2021")["reason"] != "a figure of its own period"


def test_only_over_makes_a_floor_so_nearly_below_the_figure_is_too_low():
    assert rate(100, 200, [(400, "exact", "same", "2022")], qualifier="over")["rating"] == "correct but understated"
    assert rate(100, 200, [(400, "exact", "same", "2022")], qualifier="nearly")["rating"] == "incorrect"
