"""mpsbook.rate.running_totals: partial totals added, each period once."""


import pandas as pd
import pytest
from conftest import rate

import mpsbook


def test_a_running_total_only_adds_disjoint_periods():
    with pytest.raises(ValueError, match="overlapping periods"):
        rate(100, 200, [(60, "exact", "partial total", "2018-2020"), (50, "exact", "partial total", "2020-2021")])


def test_two_tallies_of_one_period_add_the_smaller():
    outcome = rate(100, 200, [(60, "exact", "partial total", "2018-2020"), (90, "exact", "partial total", "2018-2020"),
                              (45, "exact", "partial total", "2021")])
    assert outcome["rating"] == "correct" and "add up to 105 cases" in outcome["conclusion"]


def test_the_running_total_steps_end_at_the_running_total_with_the_same_choices():
    pairs = pd.DataFrame({"ref_id": ["b", "a", "a2", "c"], "period_ref": ["2021", "2018-2020", "2018-2020", "2022"],
                          "ref_low": [45.0, 90.0, 60.0, 30.0]})
    assert mpsbook.running_total(pairs) == (135.0, ["a2", "b", "c"])
    assert mpsbook.running_total_steps(pairs) == [60.0, 105.0, 135.0]
    with pytest.raises(ValueError, match="overlapping periods"):
        mpsbook.running_total_steps(pairs.assign(period_ref=["2020-2021", "2018-2020", "2018-2020", "2022"]))

