"""mpsbook.extract.context: what the words around one number say (its Context), and the numbers their context shows
are no quantity (NOT_IN_CONTEXT)."""

import pytest
from extracted import only_row

import mpsbook
from mpsbook.extract.context import NOT_IN_CONTEXT, over_before_a_duration, read_context
from mpsbook.extract.spans import find_atoms


def rows(text):
    return mpsbook.extract_quantities(text)


def context_of(text, written):
    atom = next(atom for atom in find_atoms(text) if text[atom.start : atom.end] == written)
    return read_context(text, atom)


def test_a_context_holds_the_hedges_before_and_after_and_what_the_number_counts():
    context = context_of("Police held nearly 300 or so suspects.", "300")
    assert (context.hedges, context.kinds, context.unit) == (["nearly"], {"nearly", "about"}, "suspects")
    assert context.text[context.start : context.end] == "nearly 300 or so"


@pytest.mark.parametrize("text, written, rule", [
    ("In 2022 police acted.", "2022", "year"),
    ("one of the suspects fled", "one", "one as a pronoun"),
    ("the passage of Voyager 2 in 1979", "2", "name and number"),
    ("Seas could rise by 2120, they warn.", "2120", "year named by its preposition"),
])
def test_the_first_rule_of_not_in_context_that_holds_names_why_a_number_is_no_quantity(text, written, rule):
    context = context_of(text, written)
    assert next(name for name, holds in NOT_IN_CONTEXT if holds(context)) == rule


@pytest.mark.parametrize("text, written", [("Police seized 2 boats.", "2"), ("over 2023 cases were filed", "2023"),
                                            ("One man was held.", "One")])
def test_a_quantity_passes_every_rule_of_not_in_context(text, written):
    assert not any(holds(context_of(text, written)) for _, holds in NOT_IN_CONTEXT)


def test_over_before_a_duration_means_during():
    assert over_before_a_duration(context_of("It ran over three days.", "three"))
    assert not over_before_a_duration(context_of("It ran over three hundred cases.", "three hundred"))


def test_years_after_the_age_of_are_an_age():
    assert only_row("Vaccines reach children under the age of 6 years.")["unit"] == "years of age"


@pytest.mark.parametrize("text, unit", [("She owns one bicycle.", "bicycle"), ("We found one rusty key there.", "key")])
def test_one_before_a_noun_is_a_count_of_one(text, unit):
    row = only_row(text)
    assert (row["figure"], row["unit"]) == (1, unit)


@pytest.mark.parametrize("text", ["No one answered.", "One said nothing.", "One can only guess.", "It is one of them."])
def test_one_as_a_pronoun_is_no_quantity(text):
    assert rows(text).empty
