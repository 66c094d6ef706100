"""The ratings as the chapters' prose names them: glue names and the words glued under them.

Every rating word, and every list of claims under a rating, that a page states comes from the
computed ratings through these names, so that a change of rule or of an official figure changes
the prose with the ratings (``tests/book/test_ratings_in_prose.py`` holds the notebooks to it).
"""

from __future__ import annotations

import re

import pandas as pd

from ..ledger.figures import fixed
from ..rate.ratings import RATINGS


def glue_name(words: str) -> str:
    """A glue name for a rating, reading or claim key: lower case, every run of other characters one ``_``.

    ``"higher than the ministry's figure"`` gives ``"higher_than_the_ministry_s_figure"``,
    ``"drug-dens-2022"`` gives ``"drug_dens_2022"``.
    """
    return re.sub(r"[^a-z0-9]+", "_", words.lower()).strip("_")


def rating_words(ratings: pd.DataFrame, sensitivity: pd.DataFrame | None = None) -> dict[str, str]:
    """The rating of each claim, under the glue names the chapters use.

    Parameters
    ----------
    ratings : DataFrame
        :func:`mpsbook.claim_ratings`: columns ``claim_key`` and ``rating``.
    sensitivity : DataFrame, optional
        :func:`mpsbook.claim_sensitivity`: columns ``claim_key``, ``reading``, ``rating``.

    Returns
    -------
    dict
        ``rating_<key>`` the rating as it stands in a sentence ("not found"), ``Rating_<key>`` as it
        opens one ("Not found"), and, with ``sensitivity``, ``rating_<key>_<reading>`` under each
        reading of :data:`mpsbook.READINGS`.
    """
    words = {}
    for key, rating in zip(ratings["claim_key"], ratings["rating"], strict=True):
        words[f"rating_{glue_name(key)}"] = rating
        words[f"Rating_{glue_name(key)}"] = rating[:1].upper() + rating[1:]
    if sensitivity is not None:
        for key, reading, rating in sensitivity[["claim_key", "reading", "rating"]].itertuples(index=False):
            words[f"rating_{glue_name(key)}_{glue_name(reading)}"] = rating
    return words


def claims_by_rating(ratings: pd.DataFrame, claims: pd.DataFrame) -> dict[str, str]:
    """For each rating of :data:`mpsbook.RATINGS`, ``claims_<rating>``: what its claims count, in the article's order.

    ``claims`` is the ledger (``claim_key``, ``metric``); the words are the claims' metrics joined
    with commas ("cybercrime cases broken, suspects arrested"), or "none".
    """
    metric = claims.drop_duplicates("claim_key").set_index("claim_key")["metric"]
    lists = {}
    for rating in RATINGS:
        keys = ratings.loc[ratings["rating"] == rating, "claim_key"]
        lists[f"claims_{glue_name(rating)}"] = ", ".join(metric[key] for key in keys) or "none"
    return lists


def ratio_text(numerator: float, denominator: float) -> str:
    """How many times ``denominator`` goes into ``numerator``, to one decimal, as the prose gives it ("3.1").

    Raises ValueError for a denominator that is zero, negative or missing (NaN): a ratio
    to it would say nothing, and the page must not print "inf" or "nan".
    """
    if not denominator > 0:
        raise ValueError(f"a ratio to {denominator!r} is not defined")
    return fixed(numerator / denominator, 1)


def place_in_interval(value: float, low: float, high: float) -> str:
    """Where ``value`` falls against the interval ``low`` to ``high``, as the prose says it after a figure.

    "inside that interval", "above that interval" or "below that interval" (the ends count as inside).
    """
    if value > high:
        return "above that interval"
    if value < low:
        return "below that interval"
    return "inside that interval"


__all__ = ["claims_by_rating", "glue_name", "place_in_interval", "rating_words", "ratio_text"]


def article_verdict(ratings: pd.DataFrame) -> str:
    """One sentence on the article as a whole: how many of its claims stand up, are wrong, or cannot be confirmed.

    Counted by claim (``ratings``: :func:`mpsbook.claim_ratings`), with the verbs agreeing with each count.
    """
    counts = ratings["rating"].value_counts()
    stand, wrong, unsettled = (int(counts.reindex(list(group), fill_value=0).sum()) for group in (
        ("correct", "correct but understated"), ("misleading", "incorrect", "impossible"),
        ("unproven", "can't be checked")))
    return (f"Of the article's {len(ratings)} claims, {stand} {'stands' if stand == 1 else 'stand'} up, {wrong} "
            f"{'is' if wrong == 1 else 'are'} misleading, incorrect or impossible, and {unsettled} cannot be "
            f"confirmed from what the ministry has published.")
