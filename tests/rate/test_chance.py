"""mpsbook.rate.chance: the chance test of a match with another period or scope, and the step that rests on it."""

from conftest import rate, rule_context

from mpsbook.rate import chance


def test_the_chance_test_says_in_words_how_many_figures_the_claim_would_fit():
    kept = rate(100, 200, [(150, "exact", "different period", "2018-2021"), (40, "exact", "different period", "2021")])
    assert kept["chance_test"].startswith("A claim this vague would match one of the two figures of this measure")
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


def test_a_match_of_another_period_says_whether_figures_of_the_claims_own_period_were_found():
    alone = chance.other_period_match(rule_context(100, 200, [(150, "exact", "different period", "2021")], period="2022"))
    assert alone["conclusion"].startswith("A real figure, of another period: no count for 2022 was found,")
    beside = rule_context(100, 200, [(150, "exact", "different period", "2021"), (900, "exact", "different campaign", "2022")],
                          period="2022")
    conclusion = chance.other_period_match(beside)["conclusion"]
    assert conclusion.startswith("A real figure, of another period: the figures found for 2022 count something else,")


def test_a_claim_that_matches_none_of_its_measures_other_figures_says_so_in_words():
    figures = [(150, "exact", "different campaign", "2021"), (900, "exact", "different period", "2020")]
    assert rule_context(100, 200, figures, period="2022").chance[1].startswith(
        "A claim this vague would not match the one figure of this measure for other periods; its match with")
    figures.append((950, "exact", "different period", "2019"))
    assert rule_context(100, 200, figures, period="2022").chance[1].startswith(
        "A claim this vague would match neither of the two figures of this measure for other periods;")


def test_the_chance_test_says_one_figure_and_two_in_words():
    one = rule_context(100, 200, [(150, "exact", "different scope", "2021"), (120, "exact", "different period", "2020")],
                       period="2022")
    assert one.chance[1].startswith("A claim this vague would match the one figure of this measure for other periods")
    two = [(150, "exact", "different campaign", "2021"), (900, "exact", "different period", "2020"),
           (950, "exact", "different period", "2019")]
    assert "would match neither of the two figures" in rule_context(100, 200, two, period="2022").chance[1]
    three = [*two[:1], (120, "exact", "different period", "2020"), (950, "exact", "different period", "2019"),
             (990, "exact", "different period", "2018")]
    assert "would match one of the three figures" in rule_context(100, 200, three, period="2022").chance[1]


def test_a_match_beside_the_claims_own_count_says_that_count_differs():
    figures = [(150, "exact", "different scope", "2021"), (900, "exact", "same", "2022")]
    conclusion = chance.other_period_match(rule_context(100, 200, figures, period="2022"))["conclusion"]
    assert conclusion.startswith("A real figure, of another period: the count for 2022 differs,")
