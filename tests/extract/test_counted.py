"""mpsbook.extract.counted: what a quantity counts or measures, read from the words after it."""

from mpsbook.extract.counted import aged_before, reading_after, unit_after


def test_the_words_after_a_number_name_its_unit_and_what_it_counts():
    text = "about 300 cases were solved"
    assert reading_after(text, text.index("300") + 3) == ("cases", "cases")
    assert unit_after(text, text.index("300") + 3) == "cases"


def test_aged_before_a_number_makes_it_an_age():
    assert aged_before("a man aged 45", 11)
    assert not aged_before("a man with 45", 11)
