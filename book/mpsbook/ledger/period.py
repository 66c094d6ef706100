"""Periods: the one type every period of the ledger is read, checked, compared and said through.

A period is written in the data package in one of these forms (the schema's ``pattern``):

* ``2022``, one year, or ``2018-2020``, whole years;
* ``2023-01/2023-09`` or ``2023-06-25/2023-09-30``, from one date to another;
* ``to 2023-08-02``, a running total to a date (its start is not written);
* ``five years to 2024-05-27``.

:class:`Period` reads the text once; its properties give what the rest of the book asks of it: its first and
last dates as written (:attr:`Period.bounds`), the time it covers in decimal years (:attr:`Period.span`),
its last year (:attr:`Period.last_year`), what is wrong with it (:attr:`Period.problem`) and how a reader
says it (:attr:`Period.words`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_YEARS = re.compile(r"(\d{4})-(\d{4})")
_RUNNING = re.compile(r"(five years )?to (\S+)")


def date_problem(text: str) -> str | None:
    """What is wrong with a date written YYYY, YYYY-MM or YYYY-MM-DD (no such month or day), or None."""
    match = DATE.fullmatch(text)
    if not match:
        return f"'{text}' is not a date as YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        return f"{text} is not a date ({exc})"
    return None


def _year_point(date: str, end: bool) -> float:
    """A date written as year, month and day (each may be missing) in decimal years; ``end`` takes its last moment."""
    year, month, day = (int(part or 0) for part in DATE.fullmatch(date).groups())
    if not month:
        return year + (1.0 if end else 0.0)
    if not day:
        return year + (month - (0 if end else 1)) / 12
    return year + (month - 1) / 12 + (day - (0 if end else 1)) / 365


def _date_words(date: str) -> tuple[str, str, str]:
    """A date as (day, month name, year), each may be ''."""
    year, month, day = [*date.split("-"), "", ""][:3]
    return (str(int(day)) if day else "", MONTHS[int(month) - 1] if month else "", year)


def _said(parts: tuple) -> str:
    return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class Period:
    """A period of the data package, read from its text; ValueError for a text in none of its forms."""

    text: str

    def __post_init__(self):
        first, last = self.bounds
        if not (DATE.fullmatch(first) and DATE.fullmatch(last)):
            raise ValueError(f"'{self.text}' is not a period in any form the data package allows")

    @property
    def running(self) -> bool:
        """Whether the period is a total to a date (``to 2023-08-02``, ``five years to 2024-05-27``)."""
        return bool(_RUNNING.fullmatch(self.text))

    @property
    def bounds(self) -> tuple[str, str]:
        """The first and last dates as written (``2018-02/2022-07`` -> ('2018-02', '2022-07')).

        A total to a date has no written start: its date is both bounds.
        """
        if match := _YEARS.fullmatch(self.text):
            return match[1], match[2]
        if match := _RUNNING.fullmatch(self.text):
            return match[2], match[2]
        first, slash, last = self.text.partition("/")
        return (first, last) if slash else (self.text, self.text)

    @property
    def span(self) -> tuple[float, float]:
        """The time the period covers, in decimal years (2022 -> (2022.0, 2023.0)).

        A total ``to`` a date is taken to start at that year's start; ``five years to`` five years before its end.
        """
        first, last = self.bounds
        end = _year_point(last, True)
        if match := _RUNNING.fullmatch(self.text):
            return (end - 5.0 if match[1] else float(int(end - 1e-9))), end
        return _year_point(first, False), end

    @property
    def last_year(self) -> int:
        """The year of the period's last date."""
        return int(self.bounds[1][:4])

    @property
    def problem(self) -> str | None:
        """What is wrong with the period: a date that does not exist, an end before its start, one date as a span."""
        first, last = self.bounds
        for date in (first, last):
            if problem := date_problem(date):
                return problem
        if last < first:  # YYYY, YYYY-MM, YYYY-MM-DD compare as text; a shorter one is its own start
            return f"the period ends ({last}) before it starts ({first})"
        if first == last and not self.running and self.text != first:
            # The rating rule compares periods as written: '2022-2022' would not be the claim's year 2022.
            return f"a period of one year or day is written as itself ('{first}'), so that it matches the same period"
        return None

    @property
    def words(self) -> str:
        """The period as said: '2022'; 'February 2018 to July 2022'; 'the five years to May 2024'."""
        first, last = (_date_words(date) for date in self.bounds)
        if match := _RUNNING.fullmatch(self.text):
            return f"the five years to {_said(last[1:])}" if match[1] else f"to {_said(last)}"
        if _YEARS.fullmatch(self.text):
            return f"{first[2]} to {last[2]}"
        if "/" not in self.text:
            return _said(first)
        if first[2] == last[2]:  # one year: 'January to September 2006', '25 June to 30 September 2023'
            return f"{_said(first[:2])} to {_said(last)}"
        return f"{_said(first)} to {_said(last)}"
