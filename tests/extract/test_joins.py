"""mpsbook.extract.joins: two numbers read as one (ranges, ratios, spans of years) or kept apart."""

from mpsbook.extract.joins import join_atoms, pair_decisions
from mpsbook.extract.spans import find_atoms

TEXT = "from 2018 to 2022 and 3 to 5 million"


def test_a_range_joins_its_two_numbers_and_takes_the_scale_word_of_the_second():
    joined = [(TEXT[atom.start:atom.end], atom.kind, atom.bounds) for atom in join_atoms(TEXT, find_atoms(TEXT))]
    assert ("3 to 5 million", "range", (3_000_000.0, 5_000_000.0)) in joined


def test_each_pair_joined_is_named_by_the_rule_that_joined_it():
    three = TEXT.index(" 3 ") + 1
    assert pair_decisions(TEXT, find_atoms(TEXT)) == [("dash or to", (three, three + 1))]  # the years stay apart
