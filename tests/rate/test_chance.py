"""mpsbook.rate.chance: the chance test of a match with another period or scope, and the step that rests on it."""

from conftest import rate, rule_context

from mpsbook.rate import chance


def test_the_chance_test_says_in_words_how_many_figures_the_claim_would_fit():
    kept = rate(100, 200, [(150, "exact", "different period", "2018-2021"), (40, "exact", "different period", "2021")])
    assert kept["chance_test"].startswith("A claim this vague would match 1 of the 2 figures of this measure")
    refused = rate(100, 200, [(150, "exact", "different period", "2020"), (120, "exact", "different period", "2021")])
    assert "match both figures" in refused["chance_test"] and "so would almost any figure" in refused["conclusion"]


def test_a_claim_spanning_a_factor_of_ten_fails_the_chance_test_and_settles_no_match():
    claim = rule_context(100, 1000, [(500, "exact", "different period", "2021")])
    assert claim.chance == (False, "A claim this vague spans a factor of 10, so it would fit almost any figure of its size.")
    assert chance.other_period_match(claim) is None


def test_a_match_with_nothing_of_its_measure_to_test_against_passes_and_says_so():
    claim = rule_context(100, 200, [(150, "exact", "different scope", "2021")])
    outcome = chance.other_period_match(claim)
    assert outcome["rating"] == "misleading" and outcome["ref_ids"] == "r0"
    assert outcome["chance_test"] == "No other figure of this measure was found to test the match against."
    assert outcome["conclusion"].endswith("matches 150 cases in 2021 (t).")
