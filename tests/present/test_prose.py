"""mpsbook.present.prose: ratios and places in an interval as the chapters' prose gives them."""


import pandas as pd
import pytest

import mpsbook


def test_a_ratio_is_given_to_one_decimal_and_refused_against_nothing():
    assert mpsbook.ratio_text(255_000, 83_000) == "3.1"
    for nothing in (0, -1, float("nan")):
        with pytest.raises(ValueError, match="not defined"):
            mpsbook.ratio_text(1, nothing)


def test_a_figure_is_placed_inside_above_or_below_an_interval_ends_included():
    assert [mpsbook.place_in_interval(v, 100, 200) for v in (100, 150, 200, 201, 99)] == [
        "inside that interval", "inside that interval", "inside that interval", "above that interval",
        "below that interval"]


def test_a_rating_with_no_claims_is_said_as_none_and_a_rating_opening_a_sentence_is_capitalised():
    ratings = pd.DataFrame({"claim_key": ["a", "b"], "rating": ["correct", "correct"]})
    claims = pd.DataFrame({"claim_key": ["a", "b"], "metric": ["cases", "suspects"]})
    lists = mpsbook.claims_by_rating(ratings, claims)
    assert lists["claims_correct"] == "cases, suspects" and lists["claims_impossible"] == "none"
    words = mpsbook.rating_words(ratings)
    assert (words["rating_a"], words["Rating_a"]) == ("correct", "Correct")
