"""mpsbook.ledger.row_rules: the row rules frictionless cannot state, each naming row, column and problem."""

from mpsbook.ledger.data import _rule_formula, read_datapackage
from mpsbook.ledger.row_rules import ROW_RULES, agree_within, dates, periods

ROWS = [{"claim_key": "a", "metric": "cases", "unit": "cases", "period": "2022", "published": "2023-01-05"},
        {"claim_key": "b", "metric": "seizures", "unit": "tonnes", "period": "2021-03/2021-01", "published": ""},
        {"claim_key": "a", "metric": "cases", "unit": "cases solved", "period": "", "published": "2023-02-30"}]


def test_a_date_that_does_not_exist_is_named_with_its_spreadsheet_row():
    assert dates(ROWS, {"fields": ["published"]}) == (4, "published", "2023-02-30 is not a date (day is out of range for month)")
    assert dates(ROWS[:2], {"fields": ["published"]}) is None  # an empty cell is not checked


def test_a_period_that_runs_backwards_is_named():
    assert periods(ROWS, {"fields": ["period"]}) == (3, "period", "the period ends (2021-01) before it starts (2021-03)")
    assert periods([{"period": "last year"}], {"fields": ["period"]}) == (
        2, "period", "'last year' is not a period in any form the data package allows")


def test_mentions_of_one_claim_must_count_the_same_thing():
    row, column, problem = agree_within(ROWS, {"key": "claim_key", "fields": ["metric", "unit"]})
    assert (row, column) == (4, "unit") and "its unit is 'cases solved', row 2's is 'cases'" in problem
    assert agree_within(ROWS[:2], {"key": "claim_key", "fields": ["metric", "unit"]}) is None


def test_every_row_rule_the_data_package_names_is_one_the_loader_runs():
    # A rule is run here (ROW_RULES) or by frictionless as a row constraint (a formula); any other name would be ignored.
    named = [rule for resource in read_datapackage()["resources"]
             for rule in (resource.get("schema") or {}).get("mpsbook:rowRules", [])]
    assert {rule["rule"] for rule in named} >= {"notGreater", "dates", "periods", "agreeWithin"}
    unrun = [rule["rule"] for rule in named if rule["rule"] not in ROW_RULES and not _rule_formula(rule, "datapackage.json")]
    assert not unrun
