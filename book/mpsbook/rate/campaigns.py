"""A campaign's official figures beside the article's claims: each year's campaign, then the total of all of them.

The article gives several of its figures as one year's result of a recurring campaign (Clean Net); the
ministry publishes each year's campaign total and, now and then, a total of every campaign since the first.
:func:`campaign_frame` lays the claims and both kinds of figure out for one comparison chart
(:func:`mpsbook.comparison_chart`), labelled by measure and period, so the chapter shows which total the
article's number is the size of.
"""

from __future__ import annotations

import pandas as pd

from .verdicts import comparison_frame
from .wording import period_words

# The two kinds of official figure, as the chart colours name them (mpsbook.charts.KIND_COLOURS).
ONE_CAMPAIGN = "official, one year's campaign"
ALL_CAMPAIGNS = "official, cumulative since 2018"


def campaign_frame(campaign: str, measures, claims: pd.DataFrame, compared: pd.DataFrame,
                   references: pd.DataFrame) -> pd.DataFrame:
    """Rows for a comparison chart: for each measure, the claim, its campaign's yearly totals, then the total of all.

    Parameters
    ----------
    campaign : str
        The campaign's name as the labels write it (``"Clean Net"``).
    measures : list of tuple
        ``(claim_id, measure, yearly_ref_ids, total_ref_id)`` per row group, in the order the chart shows them:
        ``measure`` is the plural noun the labels start with (``"cases"``), ``yearly_ref_ids`` the official figures
        of one year's campaign each, ``total_ref_id`` the figure of all campaigns together.
    claims, compared, references : pandas.DataFrame
        The ledger (:func:`mpsbook.load_ledger`) and its comparisons (:func:`mpsbook.compare_claims`); every claim
        must be compared with every reference named.

    Returns
    -------
    pandas.DataFrame
        :func:`mpsbook.comparison_frame`'s columns, one row per claim and official figure. ``label`` is the claim's
        words (``the article: “…”``), ``"<measure>, <campaign> <period>"`` for a year's campaign, or
        ``"<measure>, all campaigns, <period in words>"`` for the total; ``kind`` is ``"the article"``,
        :data:`ONE_CAMPAIGN` or :data:`ALL_CAMPAIGNS`.

    Raises
    ------
    KeyError
        For a claim id or a reference the ledger or the comparisons do not hold, naming it.
    """
    periods = references.set_index("ref_id")["period"]
    groups = []
    for claim_id, measure, yearly, total in measures:
        rows = comparison_frame([claim_id], claims, compared, ref_ids=[*yearly, total], kinds={total: ALL_CAMPAIGNS})
        rows["kind"] = rows["kind"].where(rows["kind"].isin(["the article", ALL_CAMPAIGNS]), ONE_CAMPAIGN)
        rows.loc[1:, "label"] = ([f"{measure}, {campaign} {periods[ref_id]}" for ref_id in yearly]
                                 + [f"{measure}, all campaigns, {period_words(periods[total])}"])
        groups.append(rows)
    return pd.concat(groups, ignore_index=True)
