"""A campaign's yearly totals and the total of all its campaigns, beside the claims (mpsbook.rate.campaigns)."""

import pytest

import mpsbook
from mpsbook.rate.campaigns import ALL_CAMPAIGNS, ONE_CAMPAIGN

CASES = ["clean-net-2018-cases", "clean-net-2020-cases", "clean-net-2021-cases", "clean-net-2022-cases"]
SUSPECTS = ["clean-net-2018-suspects", "clean-net-2020-suspects", "clean-net-2021-suspects"]


@pytest.fixture(scope="module")
def compared(ledger):
    return mpsbook.compare_claims(*ledger)


def test_each_claim_comes_first_then_its_campaigns_by_year_then_the_total_of_all(ledger, compared):
    claims, _, references = ledger
    rows = mpsbook.campaign_frame("Clean Net", [("C01", "cases", CASES, "clean-net-2018-2022-cases"),
                                                ("C02", "suspects", SUSPECTS, "clean-net-2018-2022-suspects")],
                                  claims, compared, references)
    quote = claims.set_index("claim_id")["quote"]
    assert rows["label"].tolist() == [
        f"the article: \u201c{quote['C01']}\u201d", "cases, Clean Net 2018", "cases, Clean Net 2020",
        "cases, Clean Net 2021", "cases, Clean Net 2022", "cases, all campaigns, February 2018 to July 2022",
        f"the article: \u201c{quote['C02']}\u201d", "suspects, Clean Net 2018", "suspects, Clean Net 2020",
        "suspects, Clean Net 2021", "suspects, all campaigns, February 2018 to July 2022"]
    assert rows["kind"].tolist() == ["the article", *[ONE_CAMPAIGN] * 4, ALL_CAMPAIGNS,
                                     "the article", *[ONE_CAMPAIGN] * 3, ALL_CAMPAIGNS]
    assert rows["ref_id"].tolist() == ["", *CASES, "clean-net-2018-2022-cases", "", *SUSPECTS,
                                       "clean-net-2018-2022-suspects"]
    official = references.set_index("ref_id")["value"]
    assert rows["value"].iloc[1:6].tolist() == official[[*CASES, "clean-net-2018-2022-cases"]].tolist()


def test_both_kinds_are_kinds_the_charts_colour():
    assert {ONE_CAMPAIGN, ALL_CAMPAIGNS} <= set(mpsbook.present.charts.KIND_COLOURS)


def test_a_figure_the_claim_is_not_compared_with_is_named(ledger, compared):
    claims, _, references = ledger
    with pytest.raises(KeyError, match="no-such-figure"):
        mpsbook.campaign_frame("Clean Net", [("C01", "cases", ["no-such-figure"], "clean-net-2018-2022-cases")],
                               claims, compared, references)
