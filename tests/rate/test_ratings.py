"""mpsbook.rate.ratings: the rating rule on tiny ledgers, and the rule as a decision table (data/rating-rule.csv).

Each step's own edges are tested beside its module: test_own_measure.py, test_chance.py, test_related_figures.py.
"""

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


def test_the_rule_runs_its_questions_in_the_order_the_table_gives():
    figures = [(50, "exact", "same", "2022"), (150, "exact", "different period", "2018-2021")]
    asked = mpsbook.rate.ratings.rating_rule()
    assert rate(100, 200, figures)["rating"] == "incorrect"
    assert rate(100, 200, figures)["question"] == dict(asked)["same-period"]
    origin_first = sorted(asked, key=lambda step: step[0] != "other-period")  # the match asked before the year
    pairs_first = mpsbook.rate.ratings.rate_claim(100, 200, "book rule", rate_pairs(figures), rule=origin_first)
    assert pairs_first["rating"] == "misleading"
    assert pairs_first["question"] == dict(asked)["other-period"]


def test_asking_other_period_after_nearest_keeps_the_chance_test_the_nearest_figure_states():
    figures = [(150, "exact", "different period", "2020"), (120, "exact", "different period", "2021")]
    asked = list(mpsbook.rate.ratings.rating_rule())
    steps = [step for step, _ in asked]
    asked.insert(steps.index("nearest") + 1, asked.pop(steps.index("other-period")))
    moved = mpsbook.rate.ratings.rate_claim(100, 200, "book rule", rate_pairs(figures), rule=asked)
    assert moved["reason"] == "the nearest related figure" and moved["chance_test"] == rate(100, 200, figures)["chance_test"]
    assert moved["chance_test"].startswith("A claim this vague would match both figures")


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
