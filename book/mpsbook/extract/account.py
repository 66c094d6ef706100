"""Every number the article states, and what the book does with each: the account behind "nothing was picked".

:func:`number_account` lists every number of a text (what :func:`mpsbook.extract.spans.find_atoms` finds:
digits, number words, fractions, multiples, orders of magnitude), each joined to the quantity
:func:`mpsbook.extract_quantities` reads around it, and says of each one whether it is a claim of
the ledger, a later mention of a claim (a repeat), left out by the ledger with the reason
``exclusions.csv`` gives, or never a quantity by the extractor's rules (a year, a date, a phone
number ...). The ledger's test (``tests/book/test_ledger.py``) and the pages that show the account
(the methods page, the annotated article) call the same function, so the counts a reader sees are
the ones the test proves.
"""

from __future__ import annotations

import pandas as pd

from ..ledger.data import paragraph_number
from .quantities import extract_quantities
from .spans import find_atoms

STATUSES = ("claim", "repeat", "left out", "unaccounted")
"""What the book does with a number: its first mention as a claim, a later mention of the same claim,
left out with a reason, or nothing (which the ledger's test refuses)."""

NEVER_REASONS = {
    "year": "a year",
    "date": "a date",
    "time": "a time of day",
    "phone": "a phone or hotline number",
    "reference": "a legal or section reference, a level or a grade",
    "address": "part of an address",
    "identifier": "an identifier or model name",
    "list number": "a list number",
    "ordinal": "an ordinal",
    "era": "an era",
    "rate denominator": "a rate's denominator",
}
"""The reason, in words, for each kind of number the extractor never reads as a quantity."""
OTHER_REASON = "not a quantity by the extractor's rules"
COLUMNS = ["start", "end", "paragraph", "expression", "status", "reason", "claim_id"]


def number_account(text: str, claims: pd.DataFrame, exclusions: pd.DataFrame) -> pd.DataFrame:
    """One row per number of ``text``, in text order, saying what the book does with it.

    Parameters
    ----------
    text : str
        The article.
    claims : DataFrame
        The claims ledger: ``claim_id``, ``claim_key``, ``quote`` (each quote occurs in ``text``), in
        article order.
    exclusions : DataFrame
        The quantities the ledger leaves out: ``paragraph``, ``expression`` (as
        :func:`mpsbook.extract_quantities` gives it), ``reason``.

    Returns
    -------
    pandas.DataFrame
        ``start``, ``end`` (int; ``text[start:end]`` is the expression), ``paragraph`` (int, from 1),
        ``expression`` (str), ``status`` (one of :data:`STATUSES`), ``reason`` (str: for ``left out``
        the exclusion's reason or one of :data:`NEVER_REASONS`' words, for ``repeat`` the claim id of
        the first mention, else "") and ``claim_id`` (str: the ledger row whose quote holds the
        number, "" for none). A quantity is a claim when it lies inside a claim's quote. A quote that
        holds no quantity the extractor reads (words its note reads, 'for more than a year') is a
        row of its own, the whole quote as the expression.

    Raises
    ------
    ValueError
        When a quote of ``claims`` is not in ``text``.
    """
    quotes = []
    for row in claims.itertuples():
        if row.quote not in text:
            raise ValueError(f"the quote of {row.claim_id} is not in the text: {row.quote!r}")
        start = text.index(row.quote)
        quotes.append((start, start + len(row.quote), row.claim_id, row.claim_key))
    quotes.sort()  # the first mention is the first in the text, whatever the order of the rows
    first_of = {}
    for _, _, claim_id, key in quotes:
        first_of.setdefault(key, claim_id)
    excluded = dict(zip(zip(exclusions["paragraph"], exclusions["expression"], strict=True), exclusions["reason"],
                        strict=True))
    rows = []
    quantities = extract_quantities(text)
    for quantity in quantities.itertuples():
        holder = next(((cid, key) for s, e, cid, key in quotes if s <= quantity.start and quantity.end <= e), None)
        if holder:
            status, reason = ("claim", "") if first_of[holder[1]] == holder[0] else ("repeat", first_of[holder[1]])
        elif (quantity.paragraph, quantity.expression) in excluded:
            status, reason = "left out", excluded[(quantity.paragraph, quantity.expression)]
        else:
            status, reason = "unaccounted", ""
        rows.append([quantity.start, quantity.end, quantity.paragraph, quantity.expression, status, reason,
                     holder[0] if holder else ""])
    spans = list(zip(quantities["start"], quantities["end"], strict=True))
    for atom in find_atoms(text):
        if any(s < atom.end and atom.start < e for s, e in spans):
            continue  # read as (part of) a quantity above
        kind = "year" if atom.is_year else atom.never  # the kind find_atoms found it in: decided there once
        holder = next((cid for s, e, cid, _ in quotes if s <= atom.start and atom.end <= e), "")
        rows.append([atom.start, atom.end, paragraph_number(text, atom.start), text[atom.start:atom.end], "left out",
                     NEVER_REASONS.get(kind, OTHER_REASON), holder])
    rows += _quotes_without_a_number(text, quotes, spans, first_of)
    frame = pd.DataFrame(rows, columns=COLUMNS).astype({"start": "int64", "end": "int64", "paragraph": "int64"})
    return frame.sort_values(["start", "end"], kind="stable").reset_index(drop=True)


def _quotes_without_a_number(text: str, quotes: list, spans: list, first_of: dict) -> list[list]:
    """A row for each quote that holds no quantity the extractor reads: the quote itself, as its note reads it.

    ('for more than a year': the claim's note says how the book reads the words, ``Read as 1 to 2:``.)
    """
    rows = []
    for start, end, claim_id, key in quotes:
        if not any(start <= s and e <= end for s, e in spans):
            status, reason = ("claim", "") if first_of[key] == claim_id else ("repeat", first_of[key])
            rows.append([start, end, paragraph_number(text, start), text[start:end], status, reason, claim_id])
    return rows


def account_counts(account: pd.DataFrame) -> dict:
    """The account in numbers: ``numbers``, ``claims``, ``repeats``, ``left_out``, ``unaccounted`` (int) and
    ``by_reason`` (dict: reason -> int, for the numbers left out, most frequent first, then by reason)."""
    status = account["status"].value_counts()
    left = account.loc[account["status"] == "left out", "reason"].value_counts()
    by_reason = dict(sorted(((reason, int(n)) for reason, n in left.items()), key=lambda item: (-item[1], item[0])))
    return {"numbers": len(account), "claims": int(status.get("claim", 0)), "repeats": int(status.get("repeat", 0)),
            "left_out": int(status.get("left out", 0)), "unaccounted": int(status.get("unaccounted", 0)),
            "by_reason": by_reason}
