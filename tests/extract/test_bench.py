"""The benchmark's side of the extractor, on made-up sentences (NewsQuant itself is not stored here): its fixed split
(bench/halves.py) and its own words (bench/vocabulary.py).

The rule is a hash of each sentence's text, so it can be checked on any sentences: the same text is always in
the same half, whatever else is in the set and in whatever order, and about half of many sentences are held out.
"""

import hashlib
import random

import pytest

import mpsbook
from bench.halves import HALVES, HELD_OUT, TUNING, half_of, split
from bench.vocabulary import NEWSQUANT, counted_words
from mpsbook.extract.quantities import quantity_rows

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


# The benchmark's own words (bench/vocabulary.py), passed to the extractor; the package alone does not know them.


def bench_rows(text):
    return counted_words(text, quantity_rows(text, NEWSQUANT))


@pytest.mark.parametrize("text, expression, unit", [
    ("a 640bhp engine", "640", "brake horsepower"),
    ("He averaged 15.3 ppg this season.", "15.3", "points per game"),
    ("The reliever was worth 0.5 WAR.", "0.5", "wins above replacement"),
    ("He scored 9 yards per game.", "9", "yards per game"),
])
def test_the_benchmarks_units_are_read_with_its_vocabulary_and_not_without(text, expression, unit):
    [row] = bench_rows(text)
    assert (row["expression"], row["unit"]) == (expression, unit)
    assert [row["unit"] for row in quantity_rows(text)] != [unit]


@pytest.mark.parametrize("text", [
    "The S&P 500 closed flat.",
    "Shares in the FTSE 100 slipped.",
    "The Stoxx 600 index was flat.",
    "The team beat the visitors 2-1 at home.",
    "It was a 3-1 win.",
    "They sold the new iPhone 11 and its case.",
    "The airline grounded its 787 Dreamliner fleet.",
    "Flight 370 vanished in 2014.",
    "The Boeing 747 landed.",
])
def test_index_names_scores_and_models_are_no_quantities_with_the_benchmarks_vocabulary_only(text):
    assert bench_rows(text) == []
    assert quantity_rows(text) != []


@pytest.mark.parametrize("text, expression, figure, counted", [
    ("One fourth of the town voted.", "One fourth", 0.25, "town"),
    ("Add 1/16 of a cup of salt.", "1/16", 1 / 16, "cup"),
    ("Half the flats were sold.", "Half", 0.5, "flats"),
])
def test_a_share_names_its_whole_for_the_benchmark(text, expression, figure, counted):
    row = bench_rows(text)[0]
    assert (row["expression"], row["figure"], row["unit"], row["counted"]) == (expression, pytest.approx(figure), "fraction", counted)


def test_a_share_of_a_figure_is_a_share_of_what_that_figure_counts():
    assert [row["counted"] for row in bench_rows("Two-thirds of the 1,500 new homes were sold.")] == ["new homes", "new homes"]


@pytest.mark.parametrize("text, unit, counted", [
    ("Some 800,000 eligible pensioners did not claim.", "pensioners", "eligible pensioners"),
    ("The garage repaired 40 Ford and Fiat vans.", "vans", "Ford and Fiat vans"),
    ("Inspectors checked 300 crates of fruit at the border.", "crates", "crates of fruit"),
    ("Divers mapped 12 sections of the wall.", "sections", "sections"),
    ("One reader writes that the map is wrong.", "reader", "reader"),
    ("He faces one count each of theft.", "count", "count"),
    ("The club has 9,000 New York Mets fans.", "fans", "New York Mets fans"),
])
def test_the_counted_words_run_over_and_and_an_of_phrase_and_stop_at_a_verb(text, unit, counted):
    row = bench_rows(text)[0]
    assert (row["unit"], row["counted"]) == (unit, counted)


def test_the_books_table_has_no_column_of_counted_words():
    assert "counted" not in mpsbook.extract_quantities("800,000 eligible pensioners").columns
