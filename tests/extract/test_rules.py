"""The extractor's table of named rules (mpsbook.extract.rules): every rule's own examples, positive and negative,
in one parametrised test, and the command that prints each rule's hits on the article and the corpus."""

import subprocess
import sys

import pytest

from mpsbook.extract.rules import RULES, SOURCES, STAGES, rule_hits

EXAMPLES = [
    pytest.param(rule, text, fires, id=f"{rule.name}: {'fires' if fires else 'does not fire'} on {text!r}")
    for rule in RULES
    for fires, texts in ((True, rule.positive), (False, rule.negative))
    for text in texts
]


@pytest.mark.parametrize("rule, text, fires", EXAMPLES)
def test_each_rule_fires_on_its_positive_examples_and_not_on_its_negative_ones(rule, text, fires):
    assert bool(rule.find(text)) == fires


def test_every_rule_is_named_once_with_a_stage_a_source_and_examples_both_ways():
    assert len({rule.name for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.stage in STAGES and rule.source in SOURCES, rule.name
        assert rule.positive and rule.negative and rule.decides, rule.name


def test_a_rule_of_a_stage_that_decides_in_order_counts_only_the_numbers_it_decides():
    # "in 2022" is a year by the first rule of its stage; the later rule for years named by a preposition
    # would hold too, but does not decide it.
    hits = rule_hits({"text": "In 2022 police acted; seas rise by 2120."})
    assert (hits["year"]["text"], hits["year named by its preposition"]["text"]) == (1, 1)


def test_the_command_prints_each_rules_hits_on_the_article_and_the_corpus():
    done = subprocess.run([sys.executable, "-m", "mpsbook.extract"], capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    assert lines[-1] == f"{len(RULES)} rules"
    over = next(line for line in lines if line.startswith("over before the number"))
    assert over.split()[-3:] == ["11", "41", "16"]  # 11 in the article; 41 in the corpus, in 16 passages
