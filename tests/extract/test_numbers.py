"""mpsbook.extract.numbers: number words, fractions and place value, one number at a time."""

from decimal import Decimal

import pytest

from mpsbook.extract.numbers import fraction_value, parse_number_words, place_value


@pytest.mark.parametrize("words, value", [("twenty-one", 21), ("two hundred and fifty thousand", 250_000),
                                          ("one", 1), ("a dozen", 12)])
def test_number_words_read_as_their_value_and_the_characters_they_use(words, value):
    found, used = parse_number_words(words)
    assert found == value and used == len(words)


def test_a_fraction_in_words_is_its_value_and_its_step():
    assert fraction_value("three", "quarters") == (Decimal("0.75"), Decimal("0.25"))
    assert fraction_value("two", "thirds")[0] == pytest.approx(Decimal(2) / 3)


def test_place_value_follows_the_stated_examples():
    assert place_value("250,000") == 10_000
    assert place_value("400", 1_000) == 100_000
    assert place_value("20") == 10
    assert place_value("1.2", 1_000_000) == 100_000
    assert place_value("45", 1_000) == 1_000
    assert place_value("3,000") == 1_000
    assert place_value("10000") == 10_000
    assert place_value("1.0") == place_value("1.5") == Decimal("0.1")
