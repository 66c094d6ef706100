"""Bad input never reaches a page: each fault is read correctly, or stopped, naming file, row and column, before anything is written.

Every fault is made in a copy of ``data/`` and run through ``make derived``'s own code
(:func:`mpsbook.derived.write_derived`), which checks the whole data package (every table, the
cross-table rules: a mention agrees with its claim, periods run forward, an official figure is read
after it is published, ...) before it computes or writes anything. A stopped fault must raise
:class:`mpsbook.DataError` naming the file, the row (found from the row's key, never hard-coded) and
the column, in words, and must leave ``derived/`` byte for byte as it was. A fault that is read
correctly must give the same ratings as the data as committed, and load as the pages load it.
"""

import csv
import dataclasses
import re
from collections.abc import Callable

import pytest
from datafaults import append_row, cell, copy_data, copy_row, read_rows, row_number, set_cell, write_rows

import mpsbook
import mpsbook.derived
import mpsbook.present.pages

FAULT_WORDS = {}  # words a fault's edit finds in the data it edits, by the key its Fault gives as ``words``
BIG = "9" * 309  # a 309-digit value: above the largest float, read as infinity


@dataclasses.dataclass
class Fault:
    """One bad edit: ``value`` written into ``column`` of the row of ``file`` that ``where`` finds.

    ``words`` is what the message must say (None: the fault is read correctly, and ``check``, if
    any, tests what was read). ``shown``/``shown_column`` name the file and column the message must
    name, when not the edited ones (a cross-table fault found from the other side); ``row`` is
    "edited" (the edited row), an int, or None (a fault of the whole file).
    """

    name: str
    file: str
    where: dict | None
    column: str | None
    value: str | None
    words: str | None = None
    shown: str | None = None
    shown_column: str | None = None
    row: object = "edited"
    edit: Callable | None = None  # edit(folder) -> the edited row's number, instead of where/column/value
    check: Callable | None = None  # check(folder): what was read, for a fault read correctly
    same_ratings: bool = True  # read correctly, it writes the derived tables as committed


C11 = {"claim_id": "C11"}  # drugs seized, 2022: a single mention with figure, low and high
C07 = {"claim_id": "C07"}  # organizations taken down, 2018-2023: a period of years
DRUGS = {"ref_id": "drugs-2022-seized"}
SPAN = {"ref_id": "clean-net-2018-2022-cases"}  # 2018-02/2022-07
TO = {"ref_id": "flood-2023-hebei-police-deployments"}  # to 2023-08-02
CHANGE = {"ref_id": "criminal-cases-2023-change"}  # -4.8 percent
ADDED = {"ref_id": "quake-2023-gansu-police"}  # 2023-12-18/2023-12-20, in the book's own file


def _two_rows_for_one_mention(folder):
    return copy_row(folder / "claims.csv", C11, {"claim_id": "C99"})


def _records(path) -> list[dict]:
    header, *rows = read_rows(path)
    return [dict(zip(header, row, strict=True)) for row in rows]


def _coded_across_periods(folder) -> list[dict]:
    """The comparisons coded 'different period', with the two periods and each one's row, in file order."""
    claims = {row["claim_id"]: row for row in _records(folder / "claims.csv")}
    periods = {row["ref_id"]: row["period"] for name in ("references.csv", "references-added.csv")
               for row in _records(folder / name)}
    return [{**row, "row": number, "claim_period": claims[row["claim_id"]]["period"], "ref_period": periods[row["ref_id"]],
             "claim_key": claims[row["claim_id"]]["claim_key"]}
            for number, row in enumerate(_records(folder / "comparisons.csv"), start=2)
            if row["comparability"] == "different period"]


def _period_changed_alone(folder):
    # The README's first change, a claim's period, made without recoding its comparisons: a claim stated once, none
    # of whose comparisons is coded 'same', given the period of a figure coded 'different period'.
    same = {row["claim_id"] for row in _records(folder / "comparisons.csv") if row["comparability"] == "same"}
    mentions = [row["claim_key"] for row in _records(folder / "claims.csv")]
    pair = next(pair for pair in _coded_across_periods(folder)  # a figure's period a claim may have: years
                if pair["claim_id"] not in same and mentions.count(pair["claim_key"]) == 1
                and re.fullmatch(r"\d{4}(-\d{4})?", pair["ref_period"]))
    set_cell(folder / "claims.csv", {"claim_id": pair["claim_id"]}, "period", pair["ref_period"])
    FAULT_WORDS["period changed"] = f"coded 'different period', but the figure's period ({pair['ref_period']}) is the claim's"
    return next(other["row"] for other in _coded_across_periods(folder)
                if other["claim_id"] == pair["claim_id"] and other["ref_period"] == pair["ref_period"])


def _coded_same_across_periods(folder):
    pair = _coded_across_periods(folder)[0]
    set_cell(folder / "comparisons.csv", {"claim_id": pair["claim_id"], "ref_id": pair["ref_id"]}, "comparability", "same")
    FAULT_WORDS["coded same"] = (f"coded 'same', but the figure's period ({pair['ref_period']}) is not the claim's "
                                 f"({pair['claim_period']})")
    return pair["row"]


def _duplicate_claim_id(folder):
    return copy_row(folder / "claims.csv", C11, {"claim_id": "C01", "quote": "one more quote"})


def _byte_order_mark(folder):
    path = folder / "comparisons.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # what Excel writes as "CSV UTF-8"


def _every_cell_quoted(folder):
    path = folder / "comparisons.csv"
    rows = read_rows(path)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)


def _figure_in_both_files(folder):
    return copy_row(folder / "references-added.csv", ADDED, {"ref_id": "drugs-2022-seized"})


def _crlf(folder):
    path = folder / "claims.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def _blank_line_at_end(folder):
    path = folder / "comparisons.csv"
    path.write_bytes(path.read_bytes() + b"\n")
    return len(read_rows(path))  # the blank line is a row of its own


def _latin1_byte(folder):
    path = folder / "claims.csv"
    metric, number = cell(path, {"claim_id": "C01"}, "metric"), row_number(path, {"claim_id": "C01"})
    path.write_bytes(path.read_bytes().replace(f",{metric},".encode(), f",{metric} ".encode() + b"\xe9,", 1))
    return number


def _ragged(folder):
    rows = read_rows(folder / "comparisons.csv")
    rows[3] = rows[3][:2]
    write_rows(folder / "comparisons.csv", rows)
    return 4


def _renamed_column(folder):
    path = folder / "claims.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("qualifier", "hedge", 1), encoding="utf-8")
    return 1


def _missing_file(folder):
    (folder / "searches.csv").unlink()


def _partial_date_read(folder):
    references = mpsbook.ledger.data.load_references(folder / "datapackage.json").set_index("ref_id")
    assert references.loc["drugs-2022-seized", "published"] == "2023-02"


def _figure_kept(folder):
    # The figure changed, the interval as the data holds it: any reading of the README's recipes keeps this true.
    before = mpsbook.load_table("claims").set_index("claim_id").loc["C11", ["low", "high"]]
    claims = mpsbook.load_table("claims", folder / "datapackage.json").set_index("claim_id")
    assert tuple(claims.loc["C11", ["figure", "low", "high"]]) == (25, *before)


def _markup_kept_as_text(folder):
    corrections = mpsbook.load_table("corrections", folder / "datapackage.json")
    assert corrections["reason"].str.contains("</script><img src=x onerror=alert(1)>", regex=False).any()


FAULTS = [
    # ---- claims.csv: a mention, its figures, its period -------------------------------------------
    Fault("mention filed under another claim's key", "claims.csv", C11, "claim_key", "clean-net-2022-cases",
          "does not count what the other mentions of clean-net-2022-cases count", shown_column="unit"),
    Fault("mention under a key of the same unit but another period", "claims.csv", {"claim_id": "C05"}, "claim_key",
          "clean-net-2022-cases", "does not count what the other mentions of clean-net-2022-cases count",
          shown_column="period"),
    Fault("negative claim figure", "claims.csv", C11, "figure", "-20", "-20 is below the minimum 0"),
    Fault("claim figure nan", "claims.csv", C11, "figure", "nan", "'nan' is not a finite number"),
    Fault("claim figure inf", "claims.csv", C11, "figure", "inf", "'inf' is not a finite number"),
    Fault("claim low 309 digits", "claims.csv", C11, "low", BIG, "is above the maximum"),
    Fault("claim high 309 digits", "claims.csv", C11, "high", BIG, "is above the maximum"),
    Fault("claim high 1e400", "claims.csv", C11, "high", "1e400", "is above the maximum"),
    Fault("claim high -Infinity", "claims.csv", C11, "high", "-Infinity", "'-Infinity' is not a finite number"),
    Fault("negative low", "claims.csv", C11, "low", "-10", "-10 is below the minimum 0"),
    Fault("low above high", "claims.csv", C11, "low", "300", "low (300) is greater than high ("),
    Fault("figure written with a thousands comma", "claims.csv", C11, "figure", "2,000", "expected a number"),
    Fault("claim period ending before it starts", "claims.csv", C07, "period", "2023-2018",
          "the period ends (2018) before it starts (2023)"),
    Fault("claim period not a year", "claims.csv", C11, "period", "22", "does not match the pattern"),
    Fault("unknown section", "claims.csv", C11, "section", "rescue", "not one of the allowed"),
    Fault("unknown qualifier", "claims.csv", C11, "qualifier", "roughly", "not one of the allowed"),
    Fault("paragraph 0", "claims.csv", C11, "paragraph", "0", "0 is below the minimum 1"),
    Fault("quote not in the article", "claims.csv", {"claim_id": "C01"}, "quote", "over 260,000 cybercrime cases",
          "the quote is not in the article"),
    Fault("quote in another paragraph", "claims.csv", {"claim_id": "C05"}, "paragraph", "4", "in paragraph 3, not 4"),
    Fault("repeated claim_id", "claims.csv", None, None, None, "duplicate value C01", shown_column="claim_id",
          edit=_duplicate_claim_id),
    Fault("malformed claim_id", "claims.csv", C11, "claim_id", "C1", "does not match the pattern"),
    Fault("part of an unknown claim", "claims.csv", C11, "part_of", "no-such-claim", "not a claim_key"),
    Fault("empty unit", "claims.csv", C11, "unit", "", "a value is required here"),
    Fault("a byte that is not UTF-8", "claims.csv", None, None, None, "is not UTF-8 text: byte 0xe9", shown_column=None,
          edit=_latin1_byte),
    Fault("a declared column renamed", "claims.csv", None, None, None, "declared column is missing",
          shown_column="qualifier", edit=_renamed_column),
    # ---- the official figures -----------------------------------------------------------------------
    Fault("published 2023-13-45", "references.csv", DRUGS, "published", "2023-13-45",
          "'2023-13-45' is not a date as YYYY, YYYY-MM or YYYY-MM-DD"),
    Fault("published 2023-02-30", "references.csv", DRUGS, "published", "2023-02-30", "2023-02-30 is not a date"),
    Fault("published 2022-02-29, not a leap year", "references-added.csv", ADDED, "published", "2022-02-29",
          "2022-02-29 is not a date"),
    Fault("published after the figure was read", "references.csv", DRUGS, "published", "2099-01-01",
          "was read on 2026-11-27, before it was published (2099-01-01)"),
    Fault("published on the day it was read", "references.csv", DRUGS, "published", "2026-11-27", None),
    Fault("reference period ending before it starts", "references.csv", SPAN, "period", "2022-07/2018-02",
          "the period ends (2018-02) before it starts (2022-07)"),
    Fault("reference years ending before they start", "references.csv", {"ref_id": "organized-crime-2018-2020-mafia"},
          "period", "2020-2018", "the period ends (2018) before it starts (2020)"),
    Fault("reference period in month 13", "references.csv", SPAN, "period", "2018-13/2022-07",
          "2018-13 is not a date"),
    Fault("reference period to a day that does not exist", "references-added.csv", ADDED, "period", "to 2023-04-31",
          "2023-04-31 is not a date"),
    Fault("negative reference count", "references.csv", DRUGS, "value", "-21.9",
          "an official count or amount must be above 0"),
    Fault("reference count of zero", "references.csv", DRUGS, "value", "0", "an official count or amount must be above 0"),
    Fault("percentage change below -100", "references.csv", CHANGE, "value", "-104.8",
          "-104.8 is below the minimum -100"),
    Fault("reference value nan", "references.csv", DRUGS, "value", "nan", "'nan' is not a finite number"),
    Fault("reference value 309 digits", "references.csv", DRUGS, "value", BIG, "is above the maximum"),
    Fault("reference value not a number", "references.csv", DRUGS, "value", "21.9t", "expected a number"),
    Fault("unknown relation", "references.csv", DRUGS, "relation", "more", "not one of the allowed"),
    Fault("reference without an address", "references.csv", DRUGS, "url", "", "a value is required here"),
    Fault("address that is not a web address", "references-added.csv", ADDED, "url", "javascript:alert(1)",
          "does not match the pattern"),
    Fault("figure in both files of figures", "references-added.csv", None, None, None,
          "already a ref_id of references.csv", shown_column="ref_id", edit=_figure_in_both_files),
    Fault("correction to a date that does not exist", "reference-corrections.csv",
          {"ref_id": "criminal-cases-2023-change"}, "value", "2024-01-32", "2024-01-32 is not a date"),
    Fault("correction to a backward period", "reference-corrections.csv",
          {"ref_id": "organized-crime-2019-2023-organizations"}, "value", "2024-05-27/2021-01",
          "the period ends (2021-01) before it starts (2024-05-27)"),
    Fault("figure read on 2026-13-01", "references-accessed.csv", DRUGS, "accessed", "2026-13-01",
          "expected a date as YYYY-MM-DD"),
    Fault("note figure below zero", "reference-note-figures.csv", {"ref_id": "police-deaths-2022", "period": "2022"},
          "value", "-179", "below the minimum 0"),
    # ---- comparisons, searches, corrections, editions, the rule -----------------------------------
    Fault("comparison to a missing claim", "comparisons.csv", {"claim_id": "C03"}, "claim_id", "C99", "not a claim_id"),
    Fault("comparison to a missing reference", "comparisons.csv", {"claim_id": "C03"}, "ref_id", "id-cards-2007-plan",
          "not a ref_id"),
    Fault("unknown comparability", "comparisons.csv", {"claim_id": "C06"}, "comparability", "similar",
          "not one of the allowed"),
    Fault("a comparison row cut short", "comparisons.csv", None, None, None, "the row has 2 cells, the header 4",
          shown_column=None, edit=_ragged),
    Fault("search for an unknown claim", "searches.csv", {"claim_key": "id-cards-per-year"}, "claim_key",
          "no-such-claim", "not a claim_key"),
    Fault("correction of an unknown claim", "corrections.csv", {"claim_key": "clean-net-2022-cases"}, "claim_key",
          "no-such-claim", "'no-such-claim' is not a claim_key"),
    Fault("correction dated 2023-13-45", "corrections.csv", {"claim_key": "clean-net-2022-cases"}, "date",
          "2023-13-45", "expected a date as YYYY-MM-DD, found '2023-13-45'"),
    Fault("edition dated 2026-02-30", "editions.csv", {"version": "1.0.0"}, "date", "2026-02-30",
          "expected a date as YYYY-MM-DD"),
    Fault("edition first rating an unknown claim", "editions.csv", {"version": "1.0.0"}, "claims_added",
          "no-such-claim", "not in the ledger"),
    Fault("unknown step of the rating rule", "rating-rule.csv", {"order": "1"}, "step", "guess",
          "not one of the allowed"),
    Fault("a correction to a verdict not on any scale", "corrections.csv", {"claim_key": "clean-net-2022-cases"},
          "rating", "true", "'true' is not one of the allowed values"),
    Fault("a correction from a verdict never given", "corrections.csv", {"claim_key": "clean-net-2022-cases"},
          "previous_rating", "wrong-ish", "'wrong-ish' is not one of the allowed values"),
    Fault("a unit with a trailing space", "claims.csv", C11, "unit", "tons ", "begins or ends with white space"),
    Fault("a quote with a leading space", "claims.csv", C11, "quote", " nearly 20 tons of drugs",
          "begins or ends with white space"),
    Fault("a figure's key with a trailing space", "comparisons.csv", {"claim_id": "C06"}, "ref_id",
          "flood-2023-police-deployments ", "begins or ends with white space"),
    Fault("two rows for one mention", "claims.csv", None, None, None, "the quote overlaps row", shown_column="quote",
          edit=_two_rows_for_one_mention),
    Fault("a claim's period changed and a comparison still coded 'different period'", "claims.csv", None, None, None,
          "period changed", shown="comparisons.csv", shown_column="comparability", edit=_period_changed_alone),
    Fault("a comparison coded 'same' across two periods", "comparisons.csv", None, None, None, "coded same",
          shown_column="comparability", edit=_coded_same_across_periods),
    Fault("an undated claim's figure of another year coded 'same'", "comparisons.csv",
          {"claim_id": "C03", "ref_id": "id-cards-2006-plan"}, "comparability", "same", same_ratings=False),
    Fault("a data file missing", "searches.csv", None, None, None, "does not exist", row=None, shown_column=None,
          edit=_missing_file),
    # ---- read correctly -----------------------------------------------------------------------------
    Fault("claims with Windows line ends", "claims.csv", None, None, None, edit=_crlf),
    Fault("a blank line at the end of a table", "comparisons.csv", None, None, None, "the row is blank",
          shown_column=None, edit=_blank_line_at_end),
    Fault("a day written as a span of itself", "references-added.csv", ADDED, "period", "2023-12-18/2023-12-18",
          "is written as itself ('2023-12-18')"),
    Fault("a byte-order mark before the header", "comparisons.csv", None, None, None, edit=_byte_order_mark),
    Fault("every cell quoted, as some spreadsheets save", "comparisons.csv", None, None, None, edit=_every_cell_quoted),
    Fault("published as a month alone", "references.csv", DRUGS, "published", "2023-02", check=_partial_date_read),
    Fault("a period of one year written as a span", "claims.csv", C11, "period", "2022-2022",
          "a period of one year or day is written as itself ('2022')"),
    # The interval is the analyst's reading of the words, and may leave out the figure as written (the README's
    # recipe reads 'nearly 20 tons' as 10 to 15): the ratings follow the interval.
    Fault("a reading that leaves out the figure as written", "claims.csv", C11, "figure", "25", check=_figure_kept,
          same_ratings=False),
    Fault("markup in a correction's reason", "corrections.csv", {"claim_key": "clean-net-2022-cases"}, "reason",
          "Fixed </script><img src=x onerror=alert(1)> {{ x }} {glue}`n`", check=_markup_kept_as_text),
]


def make_fault(folder, fault: Fault):
    """Make ``fault`` in the copy of the data in ``folder``; returns the row number the error must name."""
    if fault.edit is not None:
        return fault.edit(folder)
    return set_cell(folder / fault.file, fault.where, fault.column, fault.value)


def derived_bytes(folder) -> dict:
    return {path.name: path.read_bytes() for path in sorted((folder / "derived").iterdir())}


@pytest.mark.parametrize("fault", FAULTS, ids=[fault.name for fault in FAULTS])
def test_each_fault_is_read_correctly_or_stopped_naming_file_row_and_column(tmp_path, fault):
    package = copy_data(tmp_path)
    before = derived_bytes(tmp_path)
    edited = make_fault(tmp_path, fault)
    if fault.words is None:
        mpsbook.derived.write_derived(package)
        if fault.same_ratings:
            assert derived_bytes(tmp_path) == before, "read correctly, the fault must give the ratings as committed"
        mpsbook.present.pages.page_tables(package)
        if fault.check is not None:
            fault.check(tmp_path)
        return
    with pytest.raises(mpsbook.DataError) as caught:
        mpsbook.derived.write_derived(package)
    error = caught.value
    row = edited if fault.row == "edited" else fault.row
    column = fault.shown_column if fault.shown_column is not None or fault.edit else fault.column
    assert (error.path, error.row, error.column) == (fault.shown or fault.file, row, column), str(error)
    assert FAULT_WORDS.get(fault.words, fault.words) in str(error), str(error)
    assert derived_bytes(tmp_path) == before, "a stopped fault must write nothing"


def test_a_row_added_at_the_end_is_found_by_its_key(tmp_path):
    # The helper the fault test relies on: rows are found by what they hold, so edits of the ledger do not move them.
    copy_data(tmp_path)
    path = tmp_path / "exclusions.csv"
    number = append_row(path, {"paragraph": "1", "expression": "x", "reason": "a test"})
    assert row_number(path, {"expression": "x", "reason": "a test"}) == number
    assert cell(path, {"expression": "x"}, "reason") == "a test"
    set_cell(path, {"expression": "x"}, "reason", "another")
    assert read_rows(path)[number - 1][read_rows(path)[0].index("reason")] == "another"
