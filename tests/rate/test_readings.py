"""mpsbook.rate.readings: the interval each reading of the hedges gives a claim."""

import math

import pandas as pd
import pytest

import mpsbook


def test_readings_change_how_the_articles_hedges_read():
    mention = pd.DataFrame([{"figure": 20.0, "low": 10.0, "high": 20.0, "qualifier": "nearly"}]).iloc[0]
    row = next(pd.DataFrame([mention]).itertuples())
    assert mpsbook.rate.readings.mention_interval(row, "book rule") == (10.0, 20.0)
    assert mpsbook.rate.readings.mention_interval(row, "plus or minus 10%") == pytest.approx((18.0, 22.0))
    assert mpsbook.rate.readings.mention_interval(row, "open-ended hedges") == pytest.approx((18.0, 20.0))
    over = next(pd.DataFrame([{"figure": 3000.0, "low": 3000.0, "high": 4000.0, "qualifier": "over"}]).itertuples())
    assert mpsbook.rate.readings.mention_interval(over, "open-ended hedges") == (3000.0, math.inf)
    with pytest.raises(KeyError, match="unknown reading"):
        mpsbook.rate.readings.mention_interval(over, "generous")


def test_mentions_that_overlap_are_read_together_and_disagreeing_ones_as_their_union():
    both = pd.DataFrame([{"figure": 400e3, "low": 300e3, "high": 500e3, "qualifier": "contradictory"},
                         {"figure": 400e3, "low": 300e3, "high": 400e3, "qualifier": "nearly"}])
    assert mpsbook.rate.readings.claim_interval(both) == (300e3, 400e3)
    apart = pd.DataFrame([{"figure": 1.0, "low": 1.0, "high": 2.0, "qualifier": "over"},
                          {"figure": 5.0, "low": 5.0, "high": 6.0, "qualifier": "over"}])
    assert mpsbook.rate.readings.claim_interval(apart) == (1.0, 6.0)


def test_the_tolerance_is_a_tenth_and_interval_ends_count_as_overlapping():
    assert mpsbook.widened(100, 200, "book rule") == pytest.approx((90, 220))
    assert mpsbook.widened(100, 200, "no tolerance") == (100, 200)
    assert mpsbook.rate.readings.overlaps(1, 2, 2, 3) and not mpsbook.rate.readings.overlaps(1, 2, 2.5, 3)


def test_mentions_that_touch_at_one_point_are_read_together():
    touching = pd.DataFrame([{"figure": 2.0, "low": 1.0, "high": 2.0, "qualifier": "exact"},
                             {"figure": 2.0, "low": 2.0, "high": 3.0, "qualifier": "exact"}])
    assert mpsbook.rate.readings.claim_interval(touching) == (2.0, 2.0)
