"""mpsbook.rate.ratings: the rating rule on tiny ledgers, and the rule as a decision table (data/rating-rule.csv)."""

import math

import pytest
from conftest import rate, rate_pairs

import mpsbook


@pytest.mark.parametrize("low, high, figures, rating, ratio", [
    (100, 200, [(150, "exact", "same", "2022")], "correct", 1.0),
    (100, 200, [(215, "exact", "same", "2022")], "correct", 200 / 215),  # within the 10% tolerance
    (100, 200, [(50, "exact", "same", "2022")], "incorrect", 2.0),
    (100, 200, [(400, "exact", "same", "2022")], "incorrect", 0.5),
    # The same period comes first: a match with another period is then the likely origin, not the rating.
    (100, 200, [(50, "exact", "same", "2022"), (150, "exact", "different period", "2018-2021")],
     "incorrect", 2.0),
    (100, 200, [(150, "exact", "different period", "2018-2021"), (40, "exact", "different period", "2021")],
     "misleading", 1.0),
    # Two years' figures both fit: the match cannot say which, so it is no rating.
    (100, 200, [(150, "exact", "different period", "2020"), (120, "exact", "different period", "2021")],
     "unproven", 1.0),
    # A range of a factor of ten would fit almost anything of its size.
    (100, 1000, [(500, "exact", "different period", "2021")], "unproven", 1.0),
    (100, 200, [(150, "exact", "different campaign", "2022")], "misleading", 1.0),
    (100, 200, [(150, "exact", "different campaign", "2021")], "misleading", 1.0),
    (100, 200, [(60, "exact", "partial total", "2018-2020"), (50, "lower", "partial total", "2021")],
     "correct", 1.0),
    # A wider count of the same kind alone passes the top: true, and low.
    (100, 200, [(60, "exact", "partial total", "2018-2020"), (50, "lower", "partial total", "2021"),
                (900, "exact", "different scope", "2018-2020")], "correct but understated", 1.0),
    (100, 200, [(30, "exact", "partial total", "2018-2020"), (20, "exact", "partial total", "2021")],
     "unproven", 100 / 50),
    (100, 200, [(1000, "exact", "different scope", "2022")], "unproven", 0.2),
    # National before local, whatever the size.
    (100, 200, [(120, "exact", "local", "2022"), (5000, "exact", "different scope", "2022")],
     "unproven", 0.04),
    (100, 200, [(5, "exact", "different unit", "2022")], "unproven", math.nan),
    (100, 200, [], "unproven", math.nan),
    (100, 200, [(1000, "exact", "bound", "2022")], "unproven", math.nan),
    (100, 200, [(50, "exact", "bound", "2022")], "impossible", 2.0),
])
def test_the_rating_rule(low, high, figures, rating, ratio):
    outcome = rate(low, high, figures)
    assert outcome["rating"] == rating
    assert outcome["rating"] in mpsbook.RATINGS
    got = outcome["nearest_ratio"]
    assert (math.isnan(ratio) and math.isnan(got)) or got == pytest.approx(ratio)
    assert outcome["conclusion"].endswith(".") and outcome["conclusion"][0].isupper()


def test_without_tolerance_the_same_figure_is_wrong_for_the_period():
    assert rate(100, 200, [(215, "exact", "same", "2022")], reading="no tolerance")["rating"] == \
        "incorrect"


def test_a_floor_is_never_called_too_low():
    assert rate(100, 200, [(400, "exact", "same", "2022")], qualifier="over")["rating"] == "correct but understated"
    nearest = rate(100, 200, [(400, "exact", "different scope", "2022")], qualifier="over")
    assert nearest["rating"] == "unproven" and nearest["conclusion"].startswith("Plausible but unconfirmed")


def test_a_wrong_figure_names_the_likely_origin_second():
    outcome = rate(100, 200, [(50, "exact", "same", "2022"), (150, "exact", "different period", "2018-2021")])
    first, second = outcome["conclusion"].split(". ")
    assert "50 cases in 2022" in first and "about twice" in first
    assert second == "It matches 150 cases from 2018 to 2021."  # the same topic as the year's figure: not named again
    assert outcome["ref_ids"] == "r0 r1"


def test_the_chance_test_says_in_words_how_many_figures_the_claim_would_fit():
    kept = rate(100, 200, [(150, "exact", "different period", "2018-2021"), (40, "exact", "different period", "2021")])
    assert kept["chance_test"].startswith("A claim this vague would match 1 of the 2 figures of this measure")
    refused = rate(100, 200, [(150, "exact", "different period", "2020"), (120, "exact", "different period", "2021")])
    assert "match both figures" in refused["chance_test"] and "so would almost any figure" in refused["conclusion"]


def test_misleading_names_the_campaign_the_claim_credits():
    outcome = rate(100, 200, [(150, "exact", "different campaign", "2022"), (20, "exact", "different scope", "2022")])
    assert outcome["conclusion"].startswith("It fits the t total, 150 m in 2022, not the Test Action's;")
    assert outcome["ref_ids"] == "r0 r1" and "the nearer count: 20 m." in outcome["conclusion"]


def test_the_rule_runs_its_questions_in_the_order_the_table_gives():
    figures = [(50, "exact", "same", "2022"), (150, "exact", "different period", "2018-2021")]
    asked = mpsbook.rate.ratings.rating_rule()
    assert rate(100, 200, figures)["rating"] == "incorrect"
    assert rate(100, 200, figures)["question"] == dict(asked)["same-period"]
    origin_first = sorted(asked, key=lambda step: step[0] != "other-period")  # the match asked before the year
    pairs_first = mpsbook.rate.ratings.rate_claim(100, 200, "book rule", rate_pairs(figures), rule=origin_first)
    assert pairs_first["rating"] == "misleading"
    assert pairs_first["question"] == dict(asked)["other-period"]


def test_a_rule_that_settles_nothing_is_refused():
    with pytest.raises(ValueError, match="no question of the rating rule settled the claim"):
        mpsbook.rate.ratings.rate_claim(100, 200, "book rule", rate_pairs([(1000, "exact", "different unit", "2022")]),
                           rule=[("same-period", "Is there a figure for the year?")])


def test_a_rating_rule_table_that_leaves_out_a_step_names_the_file_and_the_step(tmp_path):
    import shutil

    shutil.copytree(mpsbook.ledger.data.DATA_DIR, tmp_path / "data")
    table = tmp_path / "data" / "rating-rule.csv"
    table.write_text("\n".join(line for line in table.read_text(encoding="utf-8").splitlines()
                               if ",within-limits," not in line) + "\n", encoding="utf-8")
    with pytest.raises(mpsbook.DataError, match="leaves out the step\\(s\\) within-limits") as caught:
        mpsbook.rate.ratings.rating_rule(tmp_path / "data" / "datapackage.json")
    assert caught.value.path.endswith("rating-rule.csv") and caught.value.column == "step"


# ---- the rule at its edges: what the mutations of the rule showed no test guarded -----------------


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


def test_the_nearest_figure_says_probably_too_high_from_one_and_a_half_times():
    assert rate(160, 170, [(100, "exact", "local", "2022")])["conclusion"].startswith("Probably too high")
    assert rate(140, 150, [(100, "exact", "local", "2022")])["conclusion"].startswith("Unconfirmed")
