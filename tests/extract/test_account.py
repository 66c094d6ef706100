"""mpsbook.extract.account: every number of a text, and what the book does with it."""

import pandas as pd

from mpsbook.extract.account import NEVER_REASONS, OTHER_REASON, account_counts, number_account

TEXT = "Call 010-6520-3000 on 12 May 2023 about 300 cases, or dial 110."
NO_CLAIMS = pd.DataFrame(columns=["claim_id", "claim_key", "quote"])
NO_EXCLUSIONS = pd.DataFrame(columns=["paragraph", "expression", "reason"])


def test_a_number_left_out_gives_the_reason_the_extractor_decided():
    account = number_account(TEXT, NO_CLAIMS, NO_EXCLUSIONS)
    reasons = dict(zip(account["expression"], account["reason"], strict=True))
    assert reasons["110"] == NEVER_REASONS["phone"] and reasons["12"] == NEVER_REASONS["date"]
    assert OTHER_REASON not in reasons.values()


def test_a_quantity_no_claim_holds_and_no_exclusion_names_is_unaccounted():
    account = number_account(TEXT, NO_CLAIMS, NO_EXCLUSIONS)
    assert list(account.loc[account["status"] == "unaccounted", "expression"]) == ["about 300"]
    counts = account_counts(account)
    assert (counts["unaccounted"], counts["claims"], counts["numbers"]) == (1, 0, len(account))
