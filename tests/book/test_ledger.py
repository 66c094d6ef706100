"""The book's claims ledger, official figures and comparisons: provenance, coverage, schema, bad edits."""

import math
import re

import pandas as pd
import pytest
from datafaults import copy_data
from frictionless import validate

import mpsbook

# ---- provenance ------------------------------------------------------------------------------


def test_every_quote_occurs_once_in_the_article_in_its_paragraph():
    # Read apart from load_ledger, which makes the same check: here the rows are checked against the
    # article's bytes on disk, with the paragraphs counted afresh.
    claims = mpsbook.load_table("claims")
    text = (mpsbook.ledger.data.DATA_DIR / "source" / "mps-article.txt").read_bytes().decode("utf-8")
    paragraphs = [line for line in text.split("\n") if line.strip()]
    for row in claims.itertuples():
        assert text.count(row.quote) == 1, row.quote
        assert [n for n, line in enumerate(paragraphs, start=1) if row.quote in line] == [row.paragraph], row.claim_id


READ_AS = re.compile(r"Read as ([\d,.]+) to ([\d,.]+):")


def test_numbers_are_what_the_extractor_reads_from_each_quote_or_a_reading_the_note_states(claims):
    """The figure and unit are the extractor's; the interval and hedge too, unless the note says how the book reads
    the words ('Read as 10 to 15: why'), the README's first recipe."""
    for row in claims.itertuples():
        found = mpsbook.extract_quantities(row.quote)
        stated = READ_AS.match(row.note)
        if stated and found.empty:  # words the extractor does not read as a number ('for more than a year')
            assert tuple(float(n.replace(",", "")) for n in stated.groups()) == (row.low, row.high), row.claim_id
            continue
        assert len(found) == 1, (row.claim_id, found)
        read = found.iloc[0]
        assert (math.isnan(read["figure"]) and math.isnan(row.figure)) or read["figure"] == row.figure, row.claim_id
        assert read["unit"] == row.unit, row.claim_id
        assert stated or read["qualifier"] == row.qualifier, (row.claim_id, "or say 'Read as LOW to HIGH:'")
        if stated:
            assert tuple(float(n.replace(",", "")) for n in stated.groups()) == (row.low, row.high), row.claim_id
        else:
            assert (read["low"], read["high"]) == (row.low, row.high), (row.claim_id, "or say 'Read as LOW to HIGH:'")


def test_every_quantity_in_the_article_is_a_claim_or_excluded_with_a_reason(article, claims):
    # The pages' counts come from mpsbook.number_account; this test reads the same account.
    exclusions = mpsbook.load_table("exclusions")
    account = mpsbook.number_account(article, claims, exclusions)
    assert list(account.loc[account["status"] == "unaccounted", "expression"]) == []
    quantities = mpsbook.extract_quantities(article)
    assert set(zip(quantities["start"], quantities["end"], strict=True)) <= set(
        zip(account["start"], account["end"], strict=True))
    counts = mpsbook.account_counts(account)
    assert counts["claims"] + counts["repeats"] == len(claims)  # each mention holds exactly one number
    assert counts["claims"] == claims["claim_key"].nunique()
    assert (account.loc[account["status"] == "left out", "reason"] != "").all()
    assert (exclusions["reason"] != "").all()


def test_a_quantity_the_ledger_drops_is_unaccounted_until_an_exclusion_gives_its_reason(article, claims):
    exclusions = mpsbook.load_table("exclusions")
    account = mpsbook.number_account(article, claims, exclusions)
    once = claims.groupby("claim_key").filter(lambda group: len(group) == 1)
    held = account[account["claim_id"].isin(once["claim_id"]) & (account["status"] == "claim")]
    row = held.iloc[-1]  # the last claim the article states once
    dropped = claims[claims["claim_id"] != row["claim_id"]]
    account = mpsbook.number_account(article, dropped, exclusions)
    assert list(account.loc[account["status"] == "unaccounted", "expression"]) == [row["expression"]]
    excused = pd.DataFrame({"paragraph": [row["paragraph"]], "expression": [row["expression"]], "reason": ["a test"]})
    account = mpsbook.number_account(article, dropped, excused)
    assert account.loc[account["expression"] == row["expression"], ["status", "reason"]].values.tolist() == [
        ["left out", "a test"]]


def test_numbers_that_are_never_quantities_are_left_out_with_their_kind():
    text = "In 2023 police made 30 arrests on July 28; call 110 at 10:30 pm."
    claims = pd.DataFrame({"claim_id": ["C1"], "claim_key": ["k"], "quote": ["30 arrests"]})
    account = mpsbook.number_account(text, claims, pd.DataFrame(columns=["paragraph", "expression", "reason"]))
    assert list(zip(account["expression"], account["status"], account["reason"], strict=True)) == [
        ("2023", "left out", "a year"), ("30", "claim", ""), ("28", "left out", "a date"),
        ("110", "left out", "a phone or hotline number"), ("10", "left out", "a time of day"),
        ("30", "left out", "a time of day")]


def test_every_official_figure_has_the_date_it_was_read(tmp_path):
    references = mpsbook.ledger.data.load_references()
    assert references["accessed"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all() and (references["how"] != "").all()
    assert (references["accessed"] >= references["published"]).all()  # read after it was published
    package = copy_data(tmp_path)
    accessed = (tmp_path / "references-accessed.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "references-accessed.csv").write_text(
        "\n".join(line for line in accessed if not line.startswith("police-deaths-2022,")) + "\n", encoding="utf-8")
    with pytest.raises(mpsbook.DataError, match="'police-deaths-2022' has no row saying when it was read"):
        mpsbook.ledger.data.load_references(package)
    with (tmp_path / "references-accessed.csv").open("a", encoding="utf-8") as rows:
        rows.write("police-deaths-2099,2026-11-27,a test\n")
    with pytest.raises(mpsbook.DataError, match="'police-deaths-2099' is not a ref_id"):
        mpsbook.ledger.data.load_references(package)


def test_each_quote_holds_exactly_one_claimed_quantity_or_words_its_note_reads(article, claims):
    quantities = mpsbook.extract_quantities(article)
    for row in claims.itertuples():
        start = article.index(row.quote)
        inside = quantities[(quantities["start"] >= start) & (quantities["end"] <= start + len(row.quote))]
        assert len(inside) == (0 if READ_AS.match(row.note) and inside.empty else 1), row.quote


def test_repeated_claims_share_a_key_and_a_metric_period(claims):
    repeated = claims.groupby("claim_key").filter(lambda group: len(group) > 1)
    for _, group in repeated.groupby("claim_key"):
        assert group["period"].nunique() == 1 and group["campaign"].nunique() == 1 and group["unit"].nunique() == 1


def test_references_are_the_shared_official_figures_unchanged():
    ours = mpsbook.ledger.data.DATA_DIR / "references.csv"
    shared = mpsbook.ledger.data.ROOT_DIR.parent / "shared" / "reference" / "official-figures.csv"
    if shared.exists():
        assert ours.read_bytes() == shared.read_bytes()
    references = mpsbook.load_table("references")
    assert (references[["publisher", "published", "url"]] != "").all().all()
    assert references["url"].str.match(r"https?://").all()


def test_every_figure_read_from_a_note_stands_in_that_note_in_its_words():
    references = mpsbook.load_table("references").set_index("ref_id")
    figures = mpsbook.load_table("reference-note-figures")
    assert len(figures) > 0
    for row in figures.itertuples():
        note = references.loc[row.ref_id, "note"]
        assert row.note_words in note, (row.ref_id, row.note_words)
        assert f"{row.value}" in row.note_words and (row.period in row.note_words or row.period == references.loc[
            row.ref_id, "period"]), row


def test_data_package_is_valid_by_the_frictionless_library():
    report = validate(str(mpsbook.ledger.data.DATAPACKAGE))
    assert report.valid, report.flatten(["taskName", "rowNumber", "fieldName", "note"])


def test_frictionless_and_our_loader_both_refuse_a_dangling_reference(tmp_path):
    package = copy_data(tmp_path)
    edit(tmp_path / "comparisons.csv", "C01,clean-net-2022-cases,", "C99,clean-net-2022-cases,")
    assert not validate(str(package)).valid
    with pytest.raises(mpsbook.DataError, match="not a claim_id"):
        mpsbook.load_ledger(package)


def test_a_figure_of_either_file_of_figures_may_be_compared_and_no_other(tmp_path):
    # Frictionless declares a foreign key into one table; the book's own check reads both files of figures.
    package = copy_data(tmp_path)
    references = (tmp_path / "references.csv").read_text(encoding="utf-8").splitlines()
    moved = next(line for line in references if line.startswith("clean-net-2021-cases,"))
    (tmp_path / "references.csv").write_text("\n".join(line for line in references if line != moved) + "\n",
                                             encoding="utf-8")
    with (tmp_path / "references-added.csv").open("a", encoding="utf-8") as added:
        added.write(moved + "\n")
    assert "clean-net-2021-cases" in set(mpsbook.load_ledger(package)[2]["ref_id"])
    edit(tmp_path / "comparisons.csv", "C01,clean-net-2021-cases,", "C01,clean-net-2099-cases,")
    with pytest.raises(mpsbook.DataError, match=re.escape("'clean-net-2099-cases' is not a ref_id of references.csv or "
                                                          "references-added.csv")) as caught:
        mpsbook.load_ledger(package)
    assert (caught.value.path, caught.value.row, caught.value.column) == ("comparisons.csv", 3, "ref_id")


def test_a_correction_to_a_figure_is_applied_and_checked_against_the_file(tmp_path):
    package = copy_data(tmp_path)
    with (tmp_path / "reference-corrections.csv").open("a", encoding="utf-8") as fixes:
        fixes.write("clean-net-2021-cases,published,2022-01-05,2022-01-04,a test,https://example.org/a\n")
    references = mpsbook.ledger.data.load_references(package).set_index("ref_id")
    assert references.loc["clean-net-2021-cases", "published"] == "2022-01-04"
    assert ("date of first publication, given as 2022-01-05, to 2022-01-04: a test"
            in references.loc["clean-net-2021-cases", "corrected"])
    edit(tmp_path / "reference-corrections.csv", ",2022-01-05,2022-01-04,", ",2022-01-06,2022-01-04,")
    with pytest.raises(mpsbook.DataError, match="is '2022-01-05', not '2022-01-06'"):
        mpsbook.ledger.data.load_references(package)


def test_the_books_corrections_of_the_shared_file_are_applied():
    references = mpsbook.ledger.data.load_references().set_index("ref_id")
    for ref_id in ("criminal-cases-2023-change", "organized-crime-2023-organizations"):
        assert references.loc[ref_id, "published"] == "2024-01-09", ref_id  # the press conference of 9 January
    assert references.loc["organized-crime-2019-2023-organizations", "period"] == "2021-01/2024-05-27"
    shared = mpsbook.load_table("references").set_index("ref_id")  # the file as received stays as it was
    assert shared.loc["criminal-cases-2023-change", "published"] == "2024-01-17"


# ---- bad input to the ledger's tables ----------------------------------------------------------
# Each kind of bad edit, with the file, row and column its message names, is in tests/ledger/test_bad_input.py,
# which finds each row by its key (C11, a ref_id), so an ordinary edit of a row breaks no test.


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_every_copy_on_one_site_gets_one_evidence_grade():
    """The grade rule (standards page) reads who published and whose site the copy is on: one site, one kind."""
    from urllib.parse import urlsplit

    references = mpsbook.ledger.data.load_references()
    kinds = references.groupby(references["url"].map(lambda url: urlsplit(url).hostname))["source_kind"].unique()
    assert {host: list(k) for host, k in kinds.items() if len(k) > 1} == {}
    official = references[references["url"].str.contains(r"gov\.cn|embassy|consulate", regex=True)]
    assert set(official["source_kind"]) <= {"official copy", "state media", "repost"}  # none is the publisher's own site
