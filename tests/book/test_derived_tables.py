"""The derived tables of the book's data, as they must be for any data: each verdict the rule's, current,
written byte for byte the same, every change logged, every search recorded, every conclusion plain.

These hold after any of the README's changes; the findings a change may move are pinned in
``test_book_ratings.py``.
"""

import re
import shutil

import pandas as pd
from datafaults import copy_data, set_cell

import mpsbook
from mpsbook import derived


def test_each_claim_gets_one_verdict_in_article_order_as_the_golden_record_says(ledger, rated):
    golden = mpsbook.load_table("verdicts").set_index("claim_key")
    assert list(rated.index) == list(dict.fromkeys(ledger[0]["claim_key"])) == list(golden.index)
    assert dict(rated["rating"]) == dict(golden["rating"])
    assert set(rated["rating"]) <= set(mpsbook.RATINGS)


def test_no_two_claims_share_a_conclusion(rated):
    assert rated["conclusion"].is_unique


def test_a_hard_limit_bounds_the_claims_own_measure_or_is_the_population(ledger):
    claims, comparisons, references = ledger
    bounds = comparisons[comparisons["comparability"] == "bound"]
    for row in bounds.itertuples():
        claim_unit = claims.set_index("claim_id").loc[row.claim_id, "unit"]
        ref = references.set_index("ref_id").loc[row.ref_id]
        assert mpsbook.rate.verdicts.units_match(claim_unit, ref["unit"]) or ref["topic"] == "population", row


def test_possible_origins_overlap_the_claim_and_count_the_same_thing(ledger, rated):
    references = ledger[2].set_index("ref_id")
    for key, row in rated.iterrows():
        low, high = mpsbook.widened(row["low"], row["high"], "book rule")
        for ref_id in row["possible_origin"].split():
            ref = references.loc[ref_id]
            ref_low, ref_high = mpsbook.reference_interval(ref["value"], ref["relation"])
            assert ref_low <= high and ref_high >= low, (key, ref_id)
            assert mpsbook.rate.verdicts.units_match(row["unit"], ref["unit"]), (key, ref_id)


def test_every_claim_no_figure_settles_records_what_was_searched():
    searches = mpsbook.load_table("searches")
    verdicts = (mpsbook.ledger.data.DATA_DIR / "derived" / "verdicts.csv").read_text(encoding="utf-8")
    assert derived.unrecorded_searches(verdicts, searches) == []
    assert searches["terms_zh"].str.contains(r"[\u4e00-\u9fff]").all()


def test_make_derived_names_each_unproven_or_uncheckable_claim_with_no_search_recorded():
    header = "claim_key,rating,reason,conclusion,ref_ids,possible_origin,nearest_ratio,chance_test,question\n"
    verdicts = header + ("a,unproven,r,c,ref-a,,,,Q?\nb,correct,r,c,ref-b,,,,Q?\nc,can't be checked,r,c,,,,,Q?\n"
                         "d,can't be checked,r,c,,,,,Q?\n")
    searches = pd.DataFrame({"claim_key": ["c"]})
    assert derived.unrecorded_searches(verdicts, searches) == [
        "make derived: a is rated unproven, and data/searches.csv does not say what was searched for a figure of its own; "
        "add its row (terms in English and Chinese, sources tried, result)",
        "make derived: d is rated can't be checked, and data/searches.csv does not say what was searched for a figure of "
        "its own; add its row (terms in English and Chinese, sources tried, result)"]


def test_each_readings_ratings_are_the_rule_applied_under_that_reading(ledger, sensitivity):
    for reading in mpsbook.READINGS:
        rated = mpsbook.claim_ratings(*ledger, reading=reading).set_index("claim_key")["rating"]
        rows = sensitivity[sensitivity["reading"] == reading].set_index("claim_key")["rating"]
        assert dict(rows) == dict(rated), reading


def test_derived_tables_are_not_stale():
    for name, text in derived.derived_tables().items():
        path = mpsbook.ledger.data.DATA_DIR / mpsbook.ledger.data.resource_descriptor(name)["path"]
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run make derived"


def test_writing_the_derived_tables_twice_gives_the_same_bytes(tmp_path):
    shutil.copytree(mpsbook.ledger.data.DATA_DIR, tmp_path, dirs_exist_ok=True)
    first = [p.read_bytes() for p in derived.write_derived(tmp_path / "datapackage.json")]
    second = [p.read_bytes() for p in derived.write_derived(tmp_path / "datapackage.json")]
    assert first == second


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


def test_make_derived_says_each_verdict_that_changes_the_question_that_decided_it_and_whether_it_is_logged():
    header = "claim_key,rating,reason,conclusion,ref_ids,possible_origin,nearest_ratio,chance_test,question\n"
    before = header + "a,misleading,r,c,,,,,Q1?\nb,unproven,r,c,,,,,Q2?\n"
    after = header + "a,incorrect,r,c,,,,,Q3?\nb,unproven,r,c,,,,,Q2?\nc,correct,r,c,,,,,Q4?\n"
    assert derived.verdict_changes(before, after) == [
        "make derived: the verdict of a changes: misleading -> incorrect (decided by: Q3?); add a dated line to "
        "data/corrections.csv",
        "make derived: the verdict of c changes: not rated -> correct (decided by: Q4?); add a dated line to "
        "data/corrections.csv"]
    log = pd.DataFrame({"date": ["2030-01-02", "2030-01-01", "2030-01-01"], "claim_key": ["a", "a", "c"],
                        "rating": ["misleading", "incorrect", "correct"]})  # a's latest line is not its new verdict
    assert [line.rpartition("; ")[2] for line in derived.verdict_changes(before, after, log)] == [
        "add a dated line to data/corrections.csv", "data/corrections.csv records it"]
    assert derived.verdict_changes(after, after) == []


def test_make_derived_names_a_conclusion_longer_than_a_reader_takes_in():
    header = "claim_key,rating,reason,conclusion,ref_ids,possible_origin,nearest_ratio,chance_test,question\n"
    short, long = "Too low: the ministry counted 308.", " ".join(["word"] * (mpsbook.MAX_WORDS + 1)) + "."
    lines = derived.long_conclusions(header + f"a,unproven,r,{short},,,,,Q?\nb,unproven,r,{long},,,,,Q?\n")
    assert len(lines) == 1 and lines[0].startswith(f"make derived: the conclusion of b runs to {mpsbook.MAX_WORDS + 1} words")


def test_every_claim_has_a_dated_line_in_the_corrections_log_ending_on_its_verdict():
    golden = mpsbook.load_table("verdicts").set_index("claim_key")["rating"]
    log = mpsbook.load_table("corrections").sort_values("date", kind="stable").groupby("claim_key").tail(1)
    assert dict(zip(log["claim_key"], log["rating"], strict=True)) == dict(golden)  # first changes included


def test_each_line_of_the_corrections_log_starts_where_the_claims_last_line_ended():
    log = mpsbook.load_table("corrections").sort_values("date", kind="stable")
    for key, lines in log.groupby("claim_key", sort=False):
        assert list(lines["previous_rating"])[1:] == list(lines["rating"])[:-1], key


def test_reordering_the_rule_never_drops_the_chance_test(ledger):
    """The chance test is worked out once for each claim, before any question is asked: no step fills it in for
    another, so moving 'other-period' after 'nearest' in rating-rule.csv keeps every chance sentence."""
    rule = list(mpsbook.rate.ratings.rating_rule())
    steps = [step for step, _ in rule]
    moved = rule[:]
    moved.insert(steps.index("nearest") + 1, moved.pop(steps.index("other-period")))
    default = mpsbook.claim_ratings(*ledger).set_index("claim_key")
    reordered = mpsbook.claim_ratings(*ledger, rule=tuple(moved)).set_index("claim_key")
    kept = [key for key in default.index if reordered.loc[key, "question"] == default.loc[key, "question"]]
    assert any(default.loc[key, "chance_test"] for key in kept)  # a chance sentence the move could have dropped
    for key in default.index:
        if reordered.loc[key, "question"] == default.loc[key, "question"]:
            assert reordered.loc[key, "chance_test"] == default.loc[key, "chance_test"], key


def test_make_derived_stops_on_bad_input_with_one_line_naming_file_row_and_column(tmp_path, capsys):
    copy_data(tmp_path)
    row = set_cell(tmp_path / "claims.csv", {"claim_id": "C11"}, "unit", "tons ")
    assert derived.main([str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"make derived: claims.csv, row {row}, column 'unit': the cell begins or ends with white space "
                   "('tons '): remove it; nothing was written"]
    assert not (tmp_path / "derived" / ".verdicts.csv.new").exists()
