"""mpsbook.extract.joins: two numbers read as one (ranges, ratios, spans of years) or kept apart."""

from mpsbook.extract.joins import join_atoms, pair_decisions, range_scales
from mpsbook.extract.spans import find_atoms

TEXT = "from 2018 to 2022 and 3 to 5 million"


def test_a_range_joins_its_two_numbers_and_takes_the_scale_word_of_the_second():
    joined = [(TEXT[atom.start:atom.end], atom.kind, atom.bounds) for atom in join_atoms(TEXT, find_atoms(TEXT))]
    assert ("3 to 5 million", "range", (3_000_000.0, 5_000_000.0)) in joined


def test_each_pair_joined_is_named_by_the_rule_that_joined_it():
    three = TEXT.index(" 3 ") + 1
    assert pair_decisions(TEXT, find_atoms(TEXT)) == [("dash or to", (three, three + 1))]  # the years stay apart


def test_a_scale_word_after_the_second_figure_is_read_for_both_unless_the_first_would_then_exceed_it():
    text = "3 to 5 million, and $200,000 to $4 million"
    atoms = find_atoms(text)
    assert range_scales(text, atoms) == [("scale word of both figures", (0, 1)),
                                         ("scale word of the second figure alone", (text.index("$200"), text.index(" to $4")))]
    ranges = [atom.bounds for atom in join_atoms(text, atoms)]
    assert ranges == [(3e6, 5e6), (2e5, 4e6)]
