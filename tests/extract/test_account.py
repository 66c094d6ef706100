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


def test_a_claim_in_words_the_extractor_does_not_read_is_its_own_row_and_counts_once():
    text = "Banks have worked with the police for more than a year. For more than a year, 300 cases were solved."
    claims = pd.DataFrame({"claim_id": ["C1", "C2"], "claim_key": ["years", "years"],
                           "quote": ["with the police for more than a year", "For more than a year"]})
    account = number_account(text, claims, NO_EXCLUSIONS)
    rows = account[account["claim_id"] != ""]
    assert rows[["expression", "status", "reason"]].values.tolist() == [
        ["with the police for more than a year", "claim", ""], ["For more than a year", "repeat", "C1"]]
    assert account_counts(account)["claims"] == 1 and account_counts(account)["repeats"] == 1
