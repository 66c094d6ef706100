"""The data package's row rules that frictionless cannot state: dates that exist, periods that run forward, rows that agree.

Declared in a table's schema as ``mpsbook:rowRules`` (beside ``notGreater`` and ``formula``, which
frictionless checks as row constraints) and checked by :func:`mpsbook.ledger.data.load_table` on the rows
frictionless has typed. Each rule takes the rows and its declaration and returns its first fault,
``(row, column, problem)`` with the row as a spreadsheet counts it (the header is row 1), or None.
"""

from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_problem(text: str) -> str | None:
    """What is wrong with a date written YYYY, YYYY-MM or YYYY-MM-DD (no such month or day), or None."""
    match = _DATE.fullmatch(text)
    if not match:
        return f"'{text}' is not a date as YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        return f"{text} is not a date ({exc})"
    return None


def period_bounds(period: str) -> tuple[str, str]:
    """The first and last dates a period names, as written (``2018-02/2022-07`` -> ('2018-02', '2022-07')).

    Forms: ``2022``, ``2018-2020``, ``2023-01/2023-09``, ``2023-06-25/2023-09-30``, ``to 2023-08-02`` and
    ``five years to 2024-05-27`` (a total to a date: its start is not written, so it is its own start).
    """
    if match := re.fullmatch(r"(\d{4})-(\d{4})", period):
        return match[1], match[2]
    if match := re.fullmatch(r"(?:five years )?to (\S+)", period):
        return match[1], match[1]
    first, slash, last = period.partition("/")
    return (first, last) if slash else (period, period)


def period_problem(period: str) -> str | None:
    """What is wrong with a period: a date that does not exist, an end before the start, one year written as a span."""
    first, last = period_bounds(period)
    for date in (first, last):
        if problem := date_problem(date):
            return problem
    if last < first:  # YYYY, YYYY-MM, YYYY-MM-DD compare as text; a shorter one is its own start
        return f"the period ends ({last}) before it starts ({first})"
    if ("/" in period and first == last) or re.fullmatch(r"(\d{4})-\1", period):
        # The rating rule compares periods as written: '2022-2022' would not be the claim's year 2022.
        return f"a period of one year or day is written as itself ('{first}'), so that it matches the same period"
    return None


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


ROW_RULES = {"dates": dates, "periods": periods, "agreeWithin": agree_within}
