"""The benchmark's fixed split (bench/halves.py), on made-up sentences: NewsQuant itself is not stored here.

The rule is a hash of each sentence's text, so it can be checked on any sentences: the same text is always in
the same half, whatever else is in the set and in whatever order, and about half of many sentences are held out.
"""

import hashlib
import random

import pytest

from bench.halves import HALVES, HELD_OUT, TUNING, half_of, split

# The held-out ones among "0 cases" ... "7 cases", by the rule as stated (bench/README.md).
PINNED_HELD_OUT = {0, 1, 2, 3, 4, 6}


def made_up_sentences(n, seed=36):
    chooser = random.Random(seed)
    nouns = "cases suspects cards dens accounts websites gangs tons yuan officers".split()
    return [{"text": f"Police seized {chooser.randint(1, 10**6):,} {chooser.choice(nouns)} in sentence {i}.", "quantities": []}
            for i in range(n)]


@pytest.mark.parametrize("text", ["Police seized 12 tons.", "", "Über 3 000 Fälle, ¥5m", "a" * 1000])
def test_a_sentence_is_held_out_when_the_first_byte_of_its_texts_sha256_is_odd(text):
    first_byte = hashlib.sha256(text.encode("utf-8")).digest()[0]
    assert half_of(text) == (HELD_OUT if first_byte % 2 else TUNING)


def test_the_rule_gives_these_halves_to_these_texts():
    # Pinned, so that a change of the rule (another hash, another byte, the parity reversed, the text normalised) fails.
    texts = ("Police seized 12 tons.", "", "one", "Two", "3", "Police seized 12 tons")
    assert [half_of(text) for text in texts] == [TUNING, HELD_OUT, TUNING, TUNING, TUNING, half_of(texts[-1])]
    assert [half_of(f"{n} cases") for n in range(8)] == [HELD_OUT if n in PINNED_HELD_OUT else TUNING for n in range(8)]


def test_the_halves_partition_the_sentences_and_keep_their_order():
    sentences = made_up_sentences(200)
    halves = split(sentences)
    assert tuple(halves) == HALVES
    assert sorted(halves[TUNING] + halves[HELD_OUT]) == list(range(200))
    assert all(indices == sorted(indices) for indices in halves.values())


def test_a_sentence_stays_in_its_half_whatever_else_the_set_holds():
    sentences = made_up_sentences(300)
    halves = split(sentences)
    shuffled = sentences[150:][::-1]
    for index, sentence in enumerate(shuffled):
        original = sentences.index(sentence)
        assert (index in split(shuffled)[HELD_OUT]) == (original in halves[HELD_OUT])


def test_about_half_of_many_sentences_are_held_out():
    held_out = len(split(made_up_sentences(2000))[HELD_OUT])
    assert 900 <= held_out <= 1100
