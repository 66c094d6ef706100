"""mpsbook.rate.findings: what the article shows about itself (flags, misspellings)."""



import pandas as pd

import mpsbook


def test_each_flag_the_article_can_earn_on_its_own():
    claims = pd.DataFrame({"claim_id": ["C1", "C2", "C3", "C4", "C5"], "claim_key": ["a", "a", "b", "c", "d"],
                           "low": [100.0, 300.0, 10.0, 50.0, 1.0], "high": [200.0, 400.0, 20.0, 60.0, 2.0],
                           "qualifier": ["over", "over", "exact", "exact", "contradictory"],
                           "part_of": ["", "", "", "b", ""]})
    assert list(mpsbook.rate.findings.claim_flags(claims)) == [
        "mentions disagree", "mentions disagree", "", "part exceeds whole", "contradictory hedges"]


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
