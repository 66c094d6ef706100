"""mpsbook.rate.findings: what the article shows about itself (flags, misspellings)."""



import pandas as pd

import mpsbook


def test_flags(claims):
    flags = dict(zip(claims["claim_id"], mpsbook.rate.findings.claim_flags(claims), strict=True))
    assert flags["C02"] == "contradictory hedges"
    assert sum(1 for f in flags.values() if f) == 1
    disagreeing = claims.copy()
    disagreeing.loc[disagreeing["claim_id"] == "C15", ["low", "high"]] = [100.0, 200.0]
    assert "mentions disagree" in mpsbook.rate.findings.claim_flags(disagreeing)[disagreeing["claim_id"] == "C01"].iloc[0]
    whole = claims.copy()
    whole.loc[whole["claim_id"] == "C13", "part_of"] = "police-emergencies-2023"
    assert "part exceeds whole" in mpsbook.rate.findings.claim_flags(whole)[whole["claim_id"] == "C13"].iloc[0]


def test_spell_checker_finds_new_misspellings_without_a_hand_list():
    found = mpsbook.rate.findings.misspellings("The Minstry reported on cybersecurity and enforcment.")
    assert list(found["quote"]) == ["Minstry", "enforcment"]


def test_known_words_are_in_the_dictionary_so_a_near_miss_gets_one():
    found = mpsbook.rate.findings.misspellings("Clean Net stopped dyberattacks on cybersecurity systems.")
    assert list(found["quote"]) == ["dyberattacks"]
    assert "cyberattacks" in mpsbook.rate.findings.spell_checker().candidates("dyberattacks")
    # The reader is offered no correction (issue 16): the finding says only how the article spells it.
    assert list(found["detail"]) == ["not in the dictionary; spelled so in the article"]


def test_findings_do_not_depend_on_hash_randomisation():
    import subprocess
    import sys

    script = "import mpsbook; print(mpsbook.rate.findings.misspellings(mpsbook.load_article()).to_json())"
    runs = {
        subprocess.run([sys.executable, "-c", script], cwd=mpsbook.ledger.data.BOOK_DIR, capture_output=True, text=True,
                       check=True, env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1


def test_mentions_whose_intervals_only_touch_do_not_disagree():
    claims = pd.DataFrame([
        {"claim_id": "C01", "claim_key": "k", "qualifier": "exact", "low": 1.0, "high": 2.0, "part_of": ""},
        {"claim_id": "C02", "claim_key": "k", "qualifier": "exact", "low": 2.0, "high": 3.0, "part_of": ""}])
    assert list(mpsbook.rate.findings.claim_flags(claims)) == ["", ""]
    apart = claims.assign(low=[1.0, 2.5], high=[2.0, 3.0])
    assert list(mpsbook.rate.findings.claim_flags(apart)) == ["mentions disagree", "mentions disagree"]
