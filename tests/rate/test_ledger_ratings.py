"""mpsbook.rate.ledger_ratings: sentences true for any ledger (hypothesis)."""

import re

import pandas as pd
from conftest import rate_pairs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mpsbook

KINDS = ["same", "yearly average", "partial total", "different period", "different campaign", "different scope",
         "local", "different unit", "bound"]
PERIODS = ["2022", "2021", "2018-2020", "2022-01/2022-05", "2023", "2018-02/2022-07"]
PUBLISHERS = ["Xinhua, citing the Ministry of Public Security", "National Bureau of Statistics", "CCTV"]
figures = st.lists(st.tuples(st.floats(1, 1e12, allow_nan=False), st.sampled_from(["exact", "lower", "upper", "approx"]),
                             st.sampled_from(KINDS), st.sampled_from(PERIODS), st.sampled_from(PUBLISHERS)),
                   max_size=5)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(low=st.floats(1, 1e11, allow_nan=False), spread=st.sampled_from([1.0, 1.3, 2.0, 10.0]),
       figures=figures, qualifier=st.sampled_from(["", "over", "nearly"]),
       search=st.sampled_from([{}, {"obstacle": "not named", "finding": "The article names no case."},
                               {"obstacle": "", "finding": "No count was found."}]))
def test_every_verdict_comes_with_a_true_plain_sentence_for_any_ledger(low, spread, figures, qualifier, search):
    pairs = rate_pairs([f[:4] for f in figures])
    pairs["publisher"] = [f[4] for f in figures]
    try:
        outcome = mpsbook.rate.ratings.rate_claim(low, low * spread, "book rule", pairs, qualifier=qualifier, campaign="Test Action",
                                     period="2022", unit="cases", metric="cases", latest_year=2023, search=search)
    except ValueError as error:  # two partial totals of overlapping periods: refused with both named
        assert "overlapping periods" in str(error)
        return
    verdict, words = outcome["rating"], outcome["conclusion"]
    assert verdict in mpsbook.RATINGS and words[0].isupper() and words.endswith(".")
    assert not re.search(r"\b(nan|inf)\b|\d{7}|\d{1,3}(,\d{3}){2,}", words), words  # no NaN, no 7-digit figure
    assert "  " not in words and " ." not in words and ".." not in words
    if not figures:
        assert verdict == ("can't be checked" if search.get("obstacle") else "unproven")
    if total := re.search(r"add up to ([\d,.]+)( million| billion)? cases, more than the claim's floor", words):
        said = float(total[1].replace(",", "")) * {None: 1, " million": 1e6, " billion": 1e9}[total[2]]
        assert said > low * 0.994, words  # the total is said to three significant figures
    if verdict in ("correct", "correct but understated", "incorrect"):
        assert outcome["ref_ids"], outcome  # a verdict on the scale rests on a figure it names
    if "ministry" in words.lower().split(":")[0] + words.lower():
        named = [f for f in figures if "Ministry" in f[4]]
        assert named or "ministry" not in words.lower(), words  # the ministry is named only where it counted


def test_the_latest_year_the_article_names_is_the_last_year_of_its_latest_period():
    claims = pd.DataFrame({"period": ["2018-2022", "", "2023-01/2023-09"]})
    assert mpsbook.rate.ledger_ratings._latest_year(claims) == 2023
    assert mpsbook.rate.ledger_ratings._latest_year(pd.DataFrame({"period": ["", ""]})) is None


def test_a_claim_is_never_its_own_companion():
    mentions = pd.DataFrame([{"claim_id": "C01", "paragraph": 3, "quote": "over 100 cases", "low": 100.0, "high": 200.0,
                              "figure": 100.0, "qualifier": "over"}])
    pairs = rate_pairs([(150, "exact", "different period", "2021")])  # a figure this claim's number matches
    other = mentions.assign(claim_id="C02", quote="nearly 30 suspects", low=27.0, high=30.0, figure=30.0)
    companions = mpsbook.rate.ledger_ratings._companions(
        [("k", mentions, pairs), ("j", other, rate_pairs([]))], "book rule")
    assert companions["k"] == [] and [quote for quote, _ in companions["j"]] == ["over 100 cases"]
