"""The book's own ratings: every claim's expected rating, the findings the issue asked for, sensitivity, derived tables."""

import shutil

import pytest

import mpsbook
from mpsbook import derived


@pytest.fixture(scope="module")
def rated(ratings):
    return ratings.set_index("claim_key")


@pytest.fixture(scope="module")
def sensitivity(ledger):
    return mpsbook.claim_sensitivity(*ledger)


# ---- the book's claims ------------------------------------------------------------------------

EXPECTED_RATINGS = {
    "clean-net-2022-cases": "matches a figure of another period or scope",
    "clean-net-2022-suspects": "matches a figure of another period or scope",
    "id-cards-per-year": "matches a figure of another period or scope",
    "cyberattacks-defended": "not found",
    "crime-cases-2023": "no like-for-like figure",
    "police-emergencies-2023": "no like-for-like figure",
    "organized-crime-organizations": "correct as a lower bound",
    "urban-security-threats": "not found",
    "fraud-case-suspects-2023": "not found",
    "fraud-case-funds-2023": "not found",
    "drugs-seized-2022": "matches a figure of another period or scope",
    "drug-dens-2022": "matches a figure of another period or scope",
    "financial-crime-cases-2023": "no like-for-like figure",
    "financial-crime-value-2023": "matches a figure of another period or scope",
    "drill-enterprises": "not found",
    "units-rectified": "no like-for-like figure",
    "key-systems-2023": "not found",
}


def test_each_claim_gets_one_expected_rating_in_article_order(rated):
    assert dict(zip(rated.index, rated["rating"])) == EXPECTED_RATINGS
    assert list(rated.index) == list(EXPECTED_RATINGS)


def test_clean_net_cases_match_the_cumulative_total_not_the_years(rated):
    row = rated.loc["clean-net-2022-cases"]
    assert row["ref_ids"].split() == ["clean-net-2018-2022-cases", "clean-net-2022-cases"]
    assert row["possible_origin"].split()[0] == "clean-net-2018-2022-cases"
    assert "255,000" in row["conclusion"] and "83,000" in row["conclusion"] and "3.0 times" in row["conclusion"]
    assert rated.loc["clean-net-2022-suspects", "ref_ids"] == "clean-net-2018-2022-suspects"


def test_organized_crime_holds_as_a_lower_bound_from_the_police_tallies(rated):
    row = rated.loc["organized-crime-organizations"]
    assert row["ref_ids"].split() == ["organized-crime-2018-2020-police-mafia", "organized-crime-2021-mafia",
                                      "organized-crime-2022-mafia"]
    assert "3,747" in row["conclusion"]  # 3,392 + 195 + over 160


def test_drugs_match_the_national_total_within_the_tolerance_and_not_without(rated, sensitivity):
    row = rated.loc["drugs-seized-2022"]
    assert row["ref_ids"] == "drugs-2022-seized" and row["nearest_ratio"] == pytest.approx(20 / 21.9)
    strict = sensitivity.set_index(["claim_key", "reading"]).loc[("drugs-seized-2022", "no tolerance"), "rating"]
    assert strict == "no like-for-like figure"


def test_no_claim_is_rated_against_the_population_any_more(ledger, rated):
    comparisons = ledger[1]
    c13 = comparisons[comparisons["claim_id"] == "C13"]
    assert "population-2023" not in set(c13["ref_id"])
    assert rated.loc["financial-crime-cases-2023", "rating"] != "impossible"


def test_drug_seizures_are_not_coded_as_the_clean_net_campaigns(ledger):
    comparisons = ledger[1].set_index(["claim_id", "ref_id"])
    assert comparisons.loc[("C11", "drugs-2022-seized"), "comparability"] == "different campaign"


def test_possible_origins_overlap_the_claim_and_count_the_same_thing(ledger, rated):
    references = ledger[2].set_index("ref_id")
    for key, row in rated.iterrows():
        low, high = mpsbook.widened(row["low"], row["high"], "book rule")
        for ref_id in row["possible_origin"].split():
            ref = references.loc[ref_id]
            ref_low, ref_high = mpsbook.reference_interval(ref["value"], ref["relation"])
            assert ref_low <= high and ref_high >= low, (key, ref_id)
            assert mpsbook.units_match(row["unit"], ref["unit"]), (key, ref_id)


def test_every_claim_without_a_like_for_like_figure_records_what_was_searched(rated):
    searches = mpsbook.load_table("searches").set_index("claim_key")
    unfound = rated[rated["rating"].isin(["not found", "no like-for-like figure"])].index
    assert set(unfound) <= set(searches.index)
    assert searches["terms_zh"].str.contains(r"[\u4e00-\u9fff]").all()


# ---- sensitivity ------------------------------------------------------------------------------


def test_every_claim_is_rated_under_at_least_three_readings(ledger, sensitivity):
    assert len(mpsbook.READINGS) >= 3 and list(mpsbook.READINGS)[0] == "book rule"
    keys = list(dict.fromkeys(ledger[0]["claim_key"]))
    assert len(sensitivity) == len(keys) * len(mpsbook.READINGS)
    assert set(sensitivity["rating"]) <= set(mpsbook.RATINGS)


def test_the_sensitivity_table_marks_the_ratings_a_reading_changes(sensitivity):
    table = mpsbook.sensitivity_table(sensitivity)
    assert list(table.index[table["changes"]]) == ["drugs-seized-2022", "drug-dens-2022", "units-rectified"]


# ---- the derived tables -----------------------------------------------------------------------


def test_derived_tables_are_not_stale():
    for name, text in derived.derived_tables().items():
        path = mpsbook.DATA_DIR / mpsbook.resource_descriptor(name)["path"]
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run make derived"


def test_writing_the_derived_tables_twice_gives_the_same_bytes(tmp_path):
    shutil.copytree(mpsbook.DATA_DIR, tmp_path, dirs_exist_ok=True)
    first = [p.read_bytes() for p in derived.write_derived(tmp_path / "datapackage.json")]
    second = [p.read_bytes() for p in derived.write_derived(tmp_path / "datapackage.json")]
    assert first == second


def test_the_derived_tables_load_by_their_declared_schemas():
    verdicts = mpsbook.load_table("verdicts")
    assert list(verdicts.columns) == ["claim_key", "rating", "conclusion", "ref_ids", "possible_origin",
                                      "nearest_ratio"]
    sensitivity = mpsbook.load_table("sensitivity")
    assert list(sensitivity.columns) == ["claim_key", "reading", "rating"]
