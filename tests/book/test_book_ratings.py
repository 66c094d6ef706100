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

CHANGED_BY_A_READING = ["organized-crime-organizations", "drugs-seized-2022"]  # a wider count's top; 20 t against 21.9 t


def test_each_claim_gets_one_verdict_in_article_order_as_the_golden_record_says(ledger, rated):
    golden = mpsbook.load_table("verdicts").set_index("claim_key")
    assert list(rated.index) == list(dict.fromkeys(ledger[0]["claim_key"])) == list(golden.index)
    assert dict(rated["rating"]) == dict(golden["rating"])
    assert set(rated["rating"]) <= set(mpsbook.RATINGS)


def test_no_two_claims_share_a_conclusion(rated):
    assert rated["conclusion"].is_unique


def test_clean_net_cases_are_wrong_for_2022_and_name_the_running_total_as_origin(rated):
    row = rated.loc["clean-net-2022-cases"]
    assert row["ref_ids"].split() == ["clean-net-2022-cases", "clean-net-2018-2022-cases"]  # the year's count decides
    assert row["possible_origin"].split()[0] == "clean-net-2018-2022-cases"
    first, second = row["conclusion"].split(". ", 1)
    assert "83,000" in first and "about three times" in first and "255,000" in second
    assert rated.loc["clean-net-2022-suspects", "ref_ids"] == "clean-net-2018-2022-suspects"


def test_organized_crime_is_correct_but_understated_by_the_police_tallies_and_the_wider_count(rated):
    row = rated.loc["organized-crime-organizations"]
    assert row["rating"] == "correct but understated"
    assert row["ref_ids"].split() == ["organized-crime-2018-2020-police-mafia", "organized-crime-2021-mafia",
                                      "organized-crime-2022-mafia", "organized-crime-2018-2020-groups"]
    assert "3,747" in row["conclusion"] and "11,675" in row["conclusion"]  # 3,392 + 195 + over 160; the wider count


def test_drugs_are_misleading_within_the_tolerance_and_name_the_online_seizures(rated, sensitivity):
    row = rated.loc["drugs-seized-2022"]
    assert row["ref_ids"] == "drugs-2022-seized drugs-2022-online-seized"
    assert row["nearest_ratio"] == pytest.approx(20 / 21.9)
    assert "Clean Net Action" in row["conclusion"] and "1.2 tonnes" in row["conclusion"]
    strict = sensitivity.set_index(["claim_key", "reading"]).loc[("drugs-seized-2022", "no tolerance"), "rating"]
    assert strict == "unproven"


def test_financial_crime_cases_are_impossible_against_the_population_not_cases_solved(ledger, rated):
    kinds = ledger[1].set_index(["claim_id", "ref_id"])["comparability"]
    assert kinds[("C13", "economic-crime-2023-2024q1-cases")] != "bound"  # cases solved cannot cap cases detected
    row = rated.loc["financial-crime-cases-2023"]
    assert row["rating"] == "impossible" and row["ref_ids"].split()[0] == "population-2023"
    assert row["ref_ids"].split()[1:] == ["economic-crime-2023-2024q1-cases"]  # the nearest count, for the scale
    assert "seven for every one of China's 1.41 billion people" in row["conclusion"]


def test_a_hard_limit_bounds_the_claims_own_measure_or_is_the_population(ledger):
    claims, comparisons, references = ledger
    bounds = comparisons[comparisons["comparability"] == "bound"]
    for row in bounds.itertuples():
        claim_unit = claims.set_index("claim_id").loc[row.claim_id, "unit"]
        ref = references.set_index("ref_id").loc[row.ref_id]
        assert mpsbook.rate.verdicts.units_match(claim_unit, ref["unit"]) or ref["topic"] == "population", row


def test_an_undated_claim_is_unproven_without_a_recent_figure_and_says_which_way_it_leans(rated):
    row = rated.loc["id-cards-per-year"]
    assert row["rating"] == "unproven" and row["reason"] == "the nearest related figure"
    assert row["conclusion"].startswith("Probably too high: no count after 2007 was found")


def test_the_pair_of_clean_net_numbers_passes_the_chance_test_together(rated):
    row = rated.loc["clean-net-2022-suspects"]
    assert row["rating"] == "misleading" and row["reason"] == "a figure of another period"
    assert "255,000 cases, given in the same statement" in row["chance_test"]
    assert "run from more than 80,000 to 103,000" in row["chance_test"]


def test_the_drug_dens_are_plausible_from_the_partial_2022_count(rated):
    row = rated.loc["drug-dens-2022"]
    assert row["chance_test"] == ""  # no match decides it, so no chance test is printed beside it
    assert row["ref_ids"] == "drug-dens-2022-jan-may-destroyed"
    assert row["conclusion"].startswith("Plausible but unconfirmed: the ministry counted 56 dens from January to May")


def test_police_in_emergencies_are_set_against_the_national_figure_before_any_local_one(rated):
    row = rated.loc["police-emergencies-2023"]
    assert row["ref_ids"] == "flood-2023-police-deployments" and "805,000 times" in row["conclusion"]


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
            assert mpsbook.rate.verdicts.units_match(row["unit"], ref["unit"]), (key, ref_id)


def test_every_claim_without_a_like_for_like_figure_records_what_was_searched(rated):
    searches = mpsbook.load_table("searches").set_index("claim_key")
    unfound = rated[rated["rating"].isin(["unproven", "can't be checked"])].index
    assert set(unfound) <= set(searches.index)
    assert searches["terms_zh"].str.contains(r"[\u4e00-\u9fff]").all()


# ---- sensitivity ------------------------------------------------------------------------------


def test_each_readings_ratings_are_the_rule_applied_under_that_reading(ledger, sensitivity):
    for reading in mpsbook.READINGS:
        rated = mpsbook.claim_ratings(*ledger, reading=reading).set_index("claim_key")["rating"]
        rows = sensitivity[sensitivity["reading"] == reading].set_index("claim_key")["rating"]
        assert dict(rows) == dict(rated), reading


def test_the_sensitivity_table_marks_the_ratings_a_reading_changes(sensitivity):
    table = mpsbook.sensitivity_table(sensitivity)
    assert list(table.index[table["changes"]]) == CHANGED_BY_A_READING


# ---- the derived tables -----------------------------------------------------------------------


def test_derived_tables_are_not_stale():
    for name, text in derived.derived_tables().items():
        path = mpsbook.ledger.data.DATA_DIR / mpsbook.ledger.data.resource_descriptor(name)["path"]
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run make derived"


def test_writing_the_derived_tables_twice_gives_the_same_bytes(tmp_path):
    shutil.copytree(mpsbook.ledger.data.DATA_DIR, tmp_path, dirs_exist_ok=True)
    first = [p.read_bytes() for p in derived.write_derived(tmp_path / "datapackage.json")]
    second = [p.read_bytes() for p in derived.write_derived(tmp_path / "datapackage.json")]
    assert first == second


# ---- conclusions a lay reader reads in one breath -----------------------------------------------


def test_every_conclusion_is_short_plain_and_says_numbers_as_words(rated):
    for key, conclusion in rated["conclusion"].items():
        assert mpsbook.rate.wording.word_count(conclusion) <= mpsbook.MAX_WORDS, (key, conclusion)
        lowered = conclusion.lower()
        assert not [term for term in mpsbook.rate.wording.JARGON if re.search(rf"\b{re.escape(term)}\b", lowered)], (key, conclusion)
        assert not re.search(r"\d{1,3}(,\d{3}){2,}", conclusion), (key, conclusion)  # 800,000,000,000: say "800 billion"
        for times in re.findall(r"about ([\d,.]+) times", conclusion):  # '135,135 times' or '3.01 times': say 'about 100,000 times'
            assert "." not in times and len(times.replace(",", "").rstrip("0")) <= 2, (key, conclusion)
        assert conclusion[0].isupper() and conclusion.endswith("."), (key, conclusion)


def test_a_chance_test_is_stated_for_every_match_with_another_period(rated):
    for key, row in rated.iterrows():
        if row["reason"] == "a figure of another period":
            assert row["chance_test"].startswith(("A claim this vague would match", "No other figure", "The match with")), key


def test_make_derived_says_each_verdict_that_changes_and_the_question_that_decided_it():
    header = "claim_key,rating,reason,conclusion,ref_ids,possible_origin,nearest_ratio,chance_test,question\n"
    before = header + "a,misleading,r,c,,,,,Q1?\nb,unproven,r,c,,,,,Q2?\n"
    after = header + "a,incorrect,r,c,,,,,Q3?\nb,unproven,r,c,,,,,Q2?\nc,correct,r,c,,,,,Q4?\n"
    assert derived.verdict_changes(before, after) == [
        "make derived: the verdict of a changes: misleading -> incorrect (decided by: Q3?); add a dated line to "
        "data/corrections.csv",
        "make derived: the verdict of c changes: not rated -> correct (decided by: Q4?); add a dated line to "
        "data/corrections.csv"]
    assert derived.verdict_changes(after, after) == []


def test_every_claim_has_a_dated_line_in_the_corrections_log_ending_on_its_verdict():
    golden = mpsbook.load_table("verdicts").set_index("claim_key")["rating"]
    log = mpsbook.load_table("corrections").sort_values("date", kind="stable").groupby("claim_key").tail(1)
    assert dict(zip(log["claim_key"], log["rating"], strict=True)) == dict(golden)  # first changes included


def test_reordering_the_rule_never_drops_the_chance_test(ledger):
    """The chance test is worked out once for each claim, before any question is asked: no step fills it in for
    another, so moving 'other-period' after 'nearest' in rating-rule.csv keeps every chance sentence."""
    rule = list(mpsbook.rate.ratings.rating_rule())
    steps = [step for step, _ in rule]
    moved = rule[:]
    moved.insert(steps.index("nearest") + 1, moved.pop(steps.index("other-period")))
    default = mpsbook.claim_ratings(*ledger).set_index("claim_key")
    reordered = mpsbook.claim_ratings(*ledger, rule=tuple(moved)).set_index("claim_key")
    assert default.loc["financial-crime-value-2023", "chance_test"] != ""
    for key in default.index:
        if reordered.loc[key, "question"] == default.loc[key, "question"]:
            assert reordered.loc[key, "chance_test"] == default.loc[key, "chance_test"], key
