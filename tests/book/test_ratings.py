"""The book's own ratings: every claim's expected rating, the findings the issue asked for, sensitivity, derived tables."""

import re
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
    "clean-net-2022-cases": "wrong for the period it names",
    "clean-net-2022-suspects": "matches a figure of another period or scope",
    "id-cards-per-year": "wrong for the period it names",
    "cyberattacks-defended": "not found",
    "crime-cases-2023": "no like-for-like figure",
    "police-emergencies-2023": "no like-for-like figure",
    "organized-crime-organizations": "correct as a lower bound",
    "urban-security-threats": "not found",
    "fraud-case-suspects-2023": "not found",
    "fraud-case-funds-2023": "not found",
    "drugs-seized-2022": "misleading",
    "drug-dens-2022": "no like-for-like figure",
    "financial-crime-cases-2023": "impossible",
    "financial-crime-value-2023": "no like-for-like figure",
    "drill-enterprises": "not found",
    "units-rectified": "no like-for-like figure",
    "key-systems-2023": "not found",
}
CHANGED_BY_A_READING = ["drugs-seized-2022"]  # 20 t against 21.9 t: inside the 10% tolerance only


def test_each_claim_gets_one_expected_rating_in_article_order(rated):
    assert dict(zip(rated.index, rated["rating"], strict=True)) == EXPECTED_RATINGS
    assert list(rated.index) == list(EXPECTED_RATINGS)


def test_clean_net_cases_are_wrong_for_2022_and_name_the_running_total_as_origin(rated):
    row = rated.loc["clean-net-2022-cases"]
    assert row["ref_ids"].split() == ["clean-net-2022-cases", "clean-net-2018-2022-cases"]  # the year's count decides
    assert row["possible_origin"].split()[0] == "clean-net-2018-2022-cases"
    first, second = row["conclusion"].split(". ", 1)
    assert "83,000" in first and "about three times" in first and "255,000" in second
    assert rated.loc["clean-net-2022-suspects", "ref_ids"] == "clean-net-2018-2022-suspects"


def test_organized_crime_holds_as_a_lower_bound_from_the_police_tallies(rated):
    row = rated.loc["organized-crime-organizations"]
    assert row["ref_ids"].split() == ["organized-crime-2018-2020-police-mafia", "organized-crime-2021-mafia",
                                      "organized-crime-2022-mafia"]
    assert "3,747" in row["conclusion"]  # 3,392 + 195 + over 160


def test_drugs_are_misleading_within_the_tolerance_and_name_the_online_seizures(rated, sensitivity):
    row = rated.loc["drugs-seized-2022"]
    assert row["ref_ids"] == "drugs-2022-seized drugs-2022-online-seized"
    assert row["nearest_ratio"] == pytest.approx(20 / 21.9)
    assert "Clean Net Action" in row["conclusion"] and "1.2 tonnes" in row["conclusion"]
    strict = sensitivity.set_index(["claim_key", "reading"]).loc[("drugs-seized-2022", "no tolerance"), "rating"]
    assert strict == "no like-for-like figure"


def test_financial_crime_cases_are_impossible_against_economic_crime_not_the_population(ledger, rated):
    comparisons = ledger[1]
    c13 = comparisons[comparisons["claim_id"] == "C13"]
    assert "population-2023" not in set(c13["ref_id"])  # one person can be party to several cases
    row = rated.loc["financial-crime-cases-2023"]
    assert row["ref_ids"].split() == ["economic-crime-2023-2024q1-cases", "economic-crime-2022-recovered"]
    assert "In yuan, it fits" in row["conclusion"]


def test_the_drug_dens_match_is_set_aside_because_every_year_fits(rated):
    row = rated.loc["drug-dens-2022"]
    assert "match all three figures" in row["chance_test"] and "proves nothing" in row["conclusion"]


def test_police_in_emergencies_are_set_against_the_national_figure_before_any_local_one(rated):
    row = rated.loc["police-emergencies-2023"]
    assert row["ref_ids"] == "flood-2023-police-deployments" and "person-times" in row["conclusion"]


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
    assert len(mpsbook.READINGS) >= 3 and next(iter(mpsbook.READINGS)) == "book rule"
    keys = list(dict.fromkeys(ledger[0]["claim_key"]))
    assert len(sensitivity) == len(keys) * len(mpsbook.READINGS)
    assert set(sensitivity["rating"]) <= set(mpsbook.RATINGS)


def test_the_sensitivity_table_marks_the_ratings_a_reading_changes(sensitivity):
    table = mpsbook.sensitivity_table(sensitivity)
    assert list(table.index[table["changes"]]) == CHANGED_BY_A_READING


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
                                      "nearest_ratio", "chance_test", "question"]
    sensitivity = mpsbook.load_table("sensitivity")
    assert list(sensitivity.columns) == ["claim_key", "reading", "rating"]


# ---- conclusions a lay reader reads in one breath -----------------------------------------------


def test_every_conclusion_is_short_plain_and_says_numbers_as_words(rated):
    for key, conclusion in rated["conclusion"].items():
        assert mpsbook.wording.word_count(conclusion) <= mpsbook.MAX_WORDS, (key, conclusion)
        lowered = conclusion.lower()
        assert not [term for term in mpsbook.JARGON if re.search(rf"\b{re.escape(term)}\b", lowered)], (key, conclusion)
        assert not re.search(r"\d{1,3}(,\d{3}){2,}", conclusion), (key, conclusion)  # 800,000,000,000: say "800 billion"
        for times in re.findall(r"([\d,.]+) times", conclusion):  # '135,135 times' or '3.01 times': say 'about 100,000 times'
            assert "." not in times and len(times.replace(",", "").rstrip("0")) <= 2, (key, conclusion)
        assert conclusion[0].isupper() and conclusion.endswith("."), (key, conclusion)


def test_a_chance_test_is_stated_for_every_match_with_another_period(rated):
    for key, row in rated.iterrows():
        if row["rating"] == "matches a figure of another period or scope":
            assert row["chance_test"].startswith(("A claim this vague would match", "No other figure")), key
