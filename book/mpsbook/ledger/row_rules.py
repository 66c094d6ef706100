"""The data package's row rules that frictionless cannot state: dates that exist, periods that run forward, rows that agree.

Declared in a table's schema as ``mpsbook:rowRules`` (beside ``notGreater`` and ``formula``, which
frictionless checks as row constraints) and checked by :func:`mpsbook.ledger.data.load_table` on the rows
frictionless has typed. Each rule takes the rows and its declaration and returns its first fault,
``(row, column, problem)`` with the row as a spreadsheet counts it (the header is row 1), or None.
"""

from __future__ import annotations

from .period import Period, date_problem


def period_problem(period: str) -> str | None:
    """What is wrong with a period (:attr:`mpsbook.ledger.period.Period.problem`), or a text in none of its forms."""
    try:
        return Period(period).problem
    except ValueError as exc:
        return str(exc)


def _each_cell(rows: list[dict], fields: list, problem_of) -> tuple | None:
    for number, row in enumerate(rows, start=2):
        for field in fields:
            if row.get(field) and (problem := problem_of(str(row[field]))):
                return number, field, problem
    return None


def dates(rows: list[dict], rule: dict) -> tuple | None:
    """Rule ``dates``: each filled cell of ``fields`` is a date that exists (2023-02-30 is not)."""
    return _each_cell(rows, rule["fields"], date_problem)


def periods(rows: list[dict], rule: dict) -> tuple | None:
    """Rule ``periods``: each filled period of ``fields`` names dates that exist and runs forward."""
    return _each_cell(rows, rule["fields"], period_problem)


def agree_within(rows: list[dict], rule: dict) -> tuple | None:
    """Rule ``agreeWithin``: rows sharing ``key`` (the mentions of one claim) agree on ``fields`` (what they count).

    Each row is set against the first row of its key; the first row that differs is named, with the
    first field it differs in.
    """
    key, first = rule["key"], {}
    for number, row in enumerate(rows, start=2):
        if row.get(key) not in first:
            first[row.get(key)] = (number, row)
            continue
        number_0, row_0 = first[row[key]]
        for field in rule["fields"]:
            mine, theirs = row.get(field) or "", row_0.get(field) or ""
            if mine != theirs:
                return number, field, (f"this mention does not count what the other mentions of {row[key]} count: "
                                       f"its {field} is '{mine}', row {number_0}'s is '{theirs}' (give it a "
                                       f"{key} of its own, or the same {field})")
    return None


def trimmed(rows: list[dict], fields: list) -> tuple | None:
    """Every table: no text cell begins or ends with white space ('tons ' would be another unit than 'tons')."""
    return _each_cell(rows, fields, lambda text: None if text == text.strip() else
                      f"the cell begins or ends with white space ({text!r}): remove it")


ROW_RULES = {"dates": dates, "periods": periods, "agreeWithin": agree_within}
