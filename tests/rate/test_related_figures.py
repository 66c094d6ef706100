"""mpsbook.rate.related_figures: the rule's conclusions where no figure settles the claim (any-figure,
within-limits, short-total, nearest), and which way the figures lean."""

from conftest import rate, rate_pairs, rule_context

import mpsbook
from mpsbook.rate import related_figures


def test_the_nearest_figure_says_probably_too_high_from_one_and_a_half_times():
    assert rate(160, 170, [(100, "exact", "local", "2022")])["conclusion"].startswith("Probably too high")
    assert rate(140, 150, [(100, "exact", "local", "2022")])["conclusion"].startswith("Unconfirmed")


def test_a_nearest_figure_a_third_of_the_claim_is_said_as_a_fraction():
    outcome = rate(300, 310, [(100, "exact", "local", "2022")])
    assert outcome["conclusion"].startswith("Probably too high") and outcome["conclusion"].endswith("about a third of the claim.")


def test_a_floor_beside_a_higher_related_figure_is_plausible():
    nearest = rate(100, 200, [(400, "exact", "different scope", "2022")], qualifier="over")
    assert nearest["rating"] == "unproven" and nearest["conclusion"].startswith("Plausible but unconfirmed")


def test_a_part_of_the_period_kept_up_at_its_pace_makes_a_short_total_plausible():
    half_year = [(60, "exact", "partial total", "2022-01/2022-06")]
    outcome = related_figures.short_of_total(rule_context(100, 200, half_year, period="2022"))
    assert outcome["conclusion"] == ("Plausible but unconfirmed: official counts give 60 cases from January to June 2022 "
                                     "alone; no count for the whole of 2022 was found.")
    slower = related_figures.short_of_total(rule_context(100, 200, [(40, "exact", "partial total", "2022-01/2022-06")],
                                                         period="2022"))
    assert slower["conclusion"].startswith("Unconfirmed:")


def test_a_search_record_that_says_why_nothing_can_be_found_makes_a_claim_uncheckable():
    unnamed = mpsbook.rate.ratings.rate_claim(100, 200, "book rule", rate_pairs([]),
                                              search={"obstacle": "not named", "finding": "The case is not named."})
    assert (unnamed["rating"], unnamed["reason"], unnamed["conclusion"]) == (
        "can't be checked", "nothing to look it up by", "The case is not named.")
    uncounted = related_figures.within_limits(rule_context(100, 200, [(1000, "exact", "bound", "2022")],
                                                           search={"obstacle": "not counted", "finding": "None counts it."}))
    assert (uncounted["rating"], uncounted["reason"]) == ("can't be checked", "nothing of the kind is counted")
    assert related_figures.no_figure(rule_context(100, 200, [], search={}))["rating"] == "unproven"
