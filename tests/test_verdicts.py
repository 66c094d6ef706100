"""The verdict rule on tiny ledgers, official figures read as intervals, flags, and the findings' spell checker."""

import math

import pandas as pd
import pytest

import mpsbook


def tiny_ledger(claim_low, claim_high, comparisons):
    """A one-claim ledger; ``comparisons`` is a list of (value, relation, comparability)."""
    claims = pd.DataFrame([{"claim_id": "C01", "claim_key": "k", "section": "crime", "quote": "q", "low": claim_low,
                            "high": claim_high, "qualifier": "over", "unit": "cases", "period": "2022",
                            "part_of": ""}])
    references = pd.DataFrame([{"ref_id": f"r{i}", "topic": "t", "metric": "m", "value": v, "unit": "cases", "relation": rel,
                                "period": "2022", "publisher": "p", "published": "2023", "url": "http://x"}
                               for i, (v, rel, _) in enumerate(comparisons)])
    pairs = pd.DataFrame([{"claim_id": "C01", "ref_id": f"r{i}", "comparability": kind, "reason": "r"}
                          for i, (_, _, kind) in enumerate(comparisons)],
                         columns=["claim_id", "ref_id", "comparability", "reason"])
    if references.empty:
        references = pd.DataFrame(columns=["ref_id", "topic", "metric", "value", "unit", "relation", "period", "publisher",
                                           "published", "url"])
    return mpsbook.claim_verdicts(claims, pairs, references).iloc[0]


@pytest.mark.parametrize(
    "low, high, comparisons, verdict, ratio",
    [
        (100, 200, [(150, "exact", "same")], "consistent", 1.0),
        (100, 200, [(50, "exact", "same")], "overstated", 2.0),
        (100, 200, [(400, "exact", "same")], "understated", 2.0),
        (100, 200, [(210, "upper", "same")], "consistent", 1.0),  # 'nearly 210' allows 200 to 210
        (100, 200, [(50, "exact", "same"), (190, "exact", "same")], "consistent", 1.0),
        (100, 200, [(50, "exact", "different period")], "not comparable", math.nan),
        (100, 200, [], "unverified", math.nan),
        (100, 200, [(50, "exact", "bound"), (150, "exact", "same")], "impossible", 2.0),
        (100, 200, [(1000, "exact", "bound")], "unverified", math.nan),
    ],
)
def test_the_verdict_rule(low, high, comparisons, verdict, ratio):
    result = tiny_ledger(low, high, comparisons)
    assert result["verdict"] == verdict
    assert (math.isnan(ratio) and math.isnan(result["ratio"])) or result["ratio"] == pytest.approx(ratio)


def test_reference_intervals_read_nearly_and_some():
    assert mpsbook.reference_interval(400_000, "upper") == (300_000, 400_000)
    assert mpsbook.reference_interval(200_000_000, "approx") == (150_000_000, 250_000_000)
    assert mpsbook.reference_interval(21.9, "exact") == (21.9, 21.9)
    assert mpsbook.figure_step(23_600_000_000) == 100_000_000


def test_flags(claims, verdicts):
    flags = dict(zip(verdicts["claim_id"], verdicts["flags"]))
    assert flags["C02"] == "contradictory hedges"
    assert flags["C13"] == "part exceeds whole"
    assert sum(1 for f in flags.values() if f) == 2
    disagreeing = claims.copy()
    disagreeing.loc[disagreeing["claim_id"] == "C15", ["low", "high"]] = [100.0, 200.0]
    assert "mentions disagree" in mpsbook.claim_flags(disagreeing)[disagreeing["claim_id"] == "C01"].iloc[0]


# ---- findings about the text ----------------------------------------------------------------


def test_spell_checker_finds_new_misspellings_without_a_hand_list():
    found = mpsbook.misspellings("The Minstry reported on cybersecurity and enforcment.")
    assert list(found["quote"]) == ["Minstry", "enforcment"]


def test_findings_do_not_depend_on_hash_randomisation():
    import subprocess
    import sys

    script = "import mpsbook; print(mpsbook.misspellings(mpsbook.load_article()).to_json())"
    runs = {
        subprocess.run([sys.executable, "-c", script], cwd=mpsbook.BOOK_DIR, capture_output=True, text=True,
                       check=True, env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1
