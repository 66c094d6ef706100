"""The book's own findings, pinned claim by claim: what the rule concludes of each claim of the article as it stands.

A change to the data that moves one of these findings fails here by name, on purpose: update the test with the
change (the README's "Three common changes"). What must hold for any data (every verdict the rule's, current and
logged; every search recorded; conclusions a lay reader reads) is tested in ``test_derived_tables.py``.
"""

import pytest

import mpsbook

# ---- the book's claims ------------------------------------------------------------------------

CHANGED_BY_A_READING = ["organized-crime-organizations", "drugs-seized-2022"]  # a wider count's top; 20 t against 21.9 t


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




# ---- sensitivity ------------------------------------------------------------------------------


def test_the_sensitivity_table_marks_the_ratings_a_reading_changes(sensitivity):
    table = mpsbook.sensitivity_table(sensitivity)
    assert list(table.index[table["changes"]]) == CHANGED_BY_A_READING


def test_the_article_repeats_two_claims(ledger):
    claims = ledger[0]
    repeated = claims.groupby("claim_key").filter(lambda group: len(group) > 1)
    assert set(repeated["claim_key"]) == {"clean-net-2022-cases", "clean-net-2022-suspects"}


# ---- findings about the article itself --------------------------------------------------------


@pytest.fixture(scope="module")
def findings(article, ledger, ratings):
    return mpsbook.article_findings(article, ledger[0], ratings)


def quotes_of(findings, kind):
    return list(findings.loc[findings["kind"] == kind, "quote"])


def test_findings_quote_the_article_verbatim(article, findings):
    for row in findings.itertuples():
        assert row.quote in article
        paragraphs = [line for line in article.split("\n") if line.strip()]
        assert row.quote in paragraphs[row.paragraph - 1]


def test_findings_of_each_kind(findings):
    assert quotes_of(findings, "repeated claim") == [
        "over 250,000 cybercrime cases", "over 250k cybercrime cases",
        "nearly more than 400 thousand suspects", "close to 400k suspects"]
    assert quotes_of(findings, "period contradiction") == ["this year in 2022"]
    assert quotes_of(findings, "campaign in another field") == [
        "nearly 20 tons of drugs", "more than one hundred drug production dens"]
    assert quotes_of(findings, "impossible figure") == ["tens of billions cases"]  # above 2023's economic crime cases
    assert quotes_of(findings, "contradictory hedges") == ["nearly more than 400 thousand suspects"]
    assert quotes_of(findings, "part exceeds whole") == []  # C05 counts cases in safety checks, not all crime
    assert quotes_of(findings, "misspelling") == ["inforcement", "Ministery", "bejehaders", "dyberattacks",
                                                  "peventively"]
    assert quotes_of(findings, "web leftover") == [
        "email protected", "Leave a Reply", "Your email address will not be published.",
        "Required fields are marked *"]


def test_one_mention_earns_a_flag_on_its_own_its_contradictory_hedges(ledger):
    claims = ledger[0]
    flags = dict(zip(claims["claim_id"], mpsbook.rate.findings.claim_flags(claims), strict=True))
    assert {claim_id: flag for claim_id, flag in flags.items() if flag} == {"C02": "contradictory hedges"}
