"""The corrections log as an Atom feed (RFC 4287), so a reader can follow every change of a rating.

One entry per line of ``data/corrections.csv``, newest first: the claim in the article's words,
the rating before and after, the reason, and a link to the claim's box. Written by Pelican's
``feedgenerator``, whose ``<summary>`` says ``type="html"``: the summary is therefore written as HTML
with every character of the log escaped (:func:`html.escape`), so a reason holding markup (``<img
onerror=...>``, ``</script>``) reaches a feed reader as the text it is, never as live HTML. Ids
are name-based UUIDs (RFC 4122, version 5) of the claim and the date, and every time is the log's
date at midnight UTC, so the same log gives the same bytes on any machine.
"""

from __future__ import annotations

import datetime as dt
import html
import uuid
from collections.abc import Callable

import feedgenerator
import pandas as pd

FEED_FILE = "corrections.atom"  # in the site's root, beside index.html
FEED_TITLE = "Checking the numbers: corrections"
FEED_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "mpsbook:corrections")


def _midnight_utc(date) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(str(date)), dt.time(), tzinfo=dt.UTC)


def entry_id(date, claim_key: str) -> str:
    """The Atom id of one correction: ``urn:uuid:`` and a UUID of its date and claim, the same every build."""
    return f"urn:uuid:{uuid.uuid5(FEED_NAMESPACE, f'{date}/{claim_key}')}"


def corrections_feed(corrections: pd.DataFrame, claims: pd.DataFrame, edition: dict,
                     claim_address: Callable[[str], str], *, page: str, feed: str) -> str:
    """The corrections log as Atom XML (UTF-8 text).

    Parameters
    ----------
    corrections : DataFrame
        ``date``, ``claim_key``, ``previous_rating``, ``rating``, ``reason`` (``data/corrections.csv``).
    claims : DataFrame
        The ledger; each entry names its claim by its first mention's words.
    edition : dict
        :func:`mpsbook.present.citation.book_edition`: the feed's author.
    claim_address : callable
        claim_key -> the address of its box, absolute or relative to the feed's own address.
    page, feed : str
        The addresses of the corrections page and of the feed itself, as ``claim_address`` gives them.

    Raises
    ------
    ValueError
        When the log is empty (a feed must say when it was updated).
    """
    if corrections.empty:
        raise ValueError("data/corrections.csv has no line: there is nothing to put in the feed")
    first = claims.drop_duplicates("claim_key").set_index("claim_key")["quote"]
    writer = feedgenerator.Atom1Feed(
        title=FEED_TITLE, link=page, feed_url=feed, feed_guid=f"urn:uuid:{FEED_NAMESPACE}", language="en",
        description="Every change of a claim's rating, with its date and reason.", author_name=edition["authors"])
    for row in corrections.sort_values("date", ascending=False, kind="stable").itertuples():
        when = _midnight_utc(row.date)
        writer.add_item(
            title=f"“{first[row.claim_key]}”: now rated {row.rating}", link=claim_address(row.claim_key),
            description=html.escape(f"Was: {row.previous_rating}. Now: {row.rating}. {row.reason}", quote=False),
            unique_id=entry_id(row.date, row.claim_key), pubdate=when, updateddate=when)
    return writer.writeString("utf-8")
