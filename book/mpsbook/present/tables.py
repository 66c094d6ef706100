"""Tables for readers: every table a notebook shows, with headings in words, thousands separators and no index column.

:func:`enable` (called by ``mpsbook.enable_book_display``, which the notebooks' first cell calls) makes IPython show each
data frame through :func:`table_html`; the frame itself is unchanged, so the code that made
it reads the same. A meaningful index (a claim id, a kind of finding) becomes the first column; a
plain row counter is left out.
"""

from __future__ import annotations

import html
import math
import numbers

import pandas as pd

from ..ledger.figures import figure

# Column names of the data package and the book's frames, as a reader reads them.
HEADINGS = {
    "claim_id": "Mention", "claim_key": "Claim", "quote": "The article's words", "expression": "As written",
    "paragraph": "Paragraph", "opening words": "Opening words", "metric": "What is counted", "period": "Period",
    "campaign": "Campaign", "figure": "Figure as written", "low": "Lowest value the words allow",
    "high": "Highest value the words allow", "qualifier": "Reading of the hedge", "unit": "Unit",
    "verdict": "Verdict", "rating": "Rating", "official": "Official figure", "ratio": "Ratio (claim to official)",
    "reason": "Why", "flags": "Also noted", "ref_id": "Official figure used", "publisher": "Publisher",
    "published": "First published", "url": "Address", "value": "Value", "relation": "How the source hedges it",
    "note": "Note", "kind": "Kind", "detail": "Detail", "mentions": "Mentions", "section": "Section",
    "topic": "Subject", "comparability": "How comparable", "source_kind": "Kind of source", "count": "Count",
    "claim": "The claim", "allows": "What the words allow", "why": "Why",
}


def heading(name) -> str:
    """A column's heading in words: from :data:`HEADINGS`, else the name with spaces for underscores."""
    name = str(name)
    return HEADINGS.get(name, name.replace("_", " "))


def reader_value(value) -> str:
    """A cell as a reader reads it: 1,234,567, 21.9 (:func:`mpsbook.ledger.figures.figure`), nothing for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return figure(value)
    if isinstance(value, numbers.Real):
        return figure(value)
    return str(value)


# A frame's ``attrs`` key for extra classes of its HTML table (``mpsbook.css`` styles them; see verdict_table).
TABLE_CLASS = "mpsbook_table_class"


def verdict_table(ratings: pd.DataFrame, interval: bool = False) -> pd.DataFrame:
    """The verdicts as a reader reads them: one row per claim, the verdict first, then the claim in the article's words and why.

    No machine keys (claim keys, mention ids): a claim is named by its words. On a narrow screen
    (phones) each row is shown as a block, the verdict above the words (``mpsbook-verdict-table`` in
    ``mpsbook.css``), so the verdict is never pushed off the screen.

    Parameters
    ----------
    ratings : pandas.DataFrame
        :func:`mpsbook.claim_ratings`' rows (``rating``, ``quote``, ``conclusion``; with ``interval``, also
        ``low``, ``high`` and ``unit``), in the order to show.
    interval : bool
        Add what the words allow ("3,000 to 4,000 organizations"), after the claim's words.

    Returns
    -------
    pandas.DataFrame
        Columns ``verdict``, ``claim`` (the quote in quotation marks), ``allows`` (with ``interval``) and ``why``;
        a row counter as index, which the table for readers leaves out.
    """
    table = pd.DataFrame({"verdict": list(ratings["rating"]),
                          "claim": [f"\u201c{quote}\u201d" for quote in ratings["quote"]]})
    if interval:
        table["allows"] = [f"{figure(low)} to {figure(high)} {unit}"
                           for low, high, unit in zip(ratings["low"], ratings["high"], ratings["unit"], strict=True)]
    table["why"] = list(ratings["conclusion"])
    table.attrs[TABLE_CLASS] = "mpsbook-verdict-table"
    return table


def table_html(frame: pd.DataFrame) -> str:
    """The frame as an HTML table for readers.

    Headings come from :func:`heading`; numbers get thousands separators; a named index, or one
    of labels (not integers), becomes the first column; an unnamed integer index is a row counter
    (0..n-1, or what a filter or sort left of one) and is left out; an address
    (``http://`` or ``https://``) becomes a link; the table's classes are ``mpsbook-table`` and those the frame's
    ``attrs`` name under :data:`TABLE_CLASS`. Output depends only on the frame, so executing twice gives the
    same bytes.
    """
    counter = frame.index.nlevels == 1 and frame.index.name is None and pd.api.types.is_integer_dtype(frame.index)
    if not counter:
        frame = frame.reset_index(names=[n if n is not None else "" for n in frame.index.names])

    def cell(value) -> str:
        text = reader_value(value)
        if text.startswith(("http://", "https://")) and " " not in text:
            return f'<a href="{html.escape(text, quote=True)}" rel="noopener">{html.escape(text)}</a>'
        return html.escape(text)

    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    head = "".join(f'<th scope="col">{html.escape(heading(c))}</th>' for c in frame.columns)
    rows = "".join(
        "<tr>" + "".join(f'<td class="num">{cell(v)}</td>' if n else f"<td>{cell(v)}</td>" for v, n in zip(row, numeric, strict=True))
        + "</tr>"
        for row in frame.itertuples(index=False, name=None)
    )
    classes = " ".join(["mpsbook-table", *str(frame.attrs.get(TABLE_CLASS, "")).split()])
    return f'<table class="{html.escape(classes, quote=True)}"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def enable() -> None:
    """Show every data frame in a notebook as :func:`table_html` makes it (does nothing outside IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, table_html)
