"""mpsbook.extract.tokens: the word before a number, read from the text cut into words once."""

import pytest

from mpsbook.extract.tokens import (
    CLAUSE,
    after_words,
    end_of_tokens_after,
    start_of_tokens_before,
    word_and_start_before,
    word_before,
)

TEXT = "He said over 300 cases were solved, nearly 20 tons"


def test_the_word_before_a_number_and_where_it_starts():
    assert word_before(TEXT, TEXT.index("300")) == "over"
    assert word_and_start_before(TEXT, TEXT.index("300")) == ("over", TEXT.index("over"))
    assert word_before(TEXT, TEXT.index("20")) == "nearly"


def test_no_word_before_the_start_of_a_text():
    assert word_before("300 cases", 0) == ""


def test_a_letter_run_and_a_digit_run_are_two_tokens():
    assert word_and_start_before("code bm01000001", len("code bm"), r"\s*") == ("bm", len("code "))


def test_the_previous_tokens_keep_the_space_before_the_first_and_stop_at_the_clause():
    text = "He said. Police seized nearly 300 cases"
    number = text.index("300")
    assert text[start_of_tokens_before(text, number, 2) : number] == " seized nearly "
    assert text[start_of_tokens_before(text, number, 30, CLAUSE) : number] == " Police seized nearly "
    assert text[start_of_tokens_before(text, number, 30) : number] == text[:number]
    assert start_of_tokens_before(text, 0, 3) == 0


def test_a_line_break_ends_a_clause_as_a_full_stop_does():
    text = "Hotline\nreport 96110 now"
    assert text[start_of_tokens_before(text, text.index("96110"), 10, CLAUSE) : text.index("96110")] == "report "


def test_the_next_tokens_stop_before_the_clause_mark():
    text = "dial 110; 119 cases"
    end = text.index("110") + 3
    assert text[end : end_of_tokens_after(text, end, 10, CLAUSE)] == ""
    assert text[end : end_of_tokens_after(text, end, 2)] == "; 119"
    assert end_of_tokens_after(text, len(text), 3) == len(text)


@pytest.mark.parametrize("text, offset_of, gap, word", [
    ("police acted in 2022", "2022", r"\s+", "in"),
    ("police acted in\n2022", "2022", r"\s+", "in"),
    ("police acted in2022", "2022", r"\s+", ""),
    ("the, one", "one", r"\W*", "the"),
    ("the, one", "one", r"\s*", ""),
    ("after 5 one", "one", r"\W*", ""),
    ("2022", "2022", r"\s+", ""),
])
def test_the_word_before_a_number_is_its_previous_token_when_only_the_gap_stands_between(text, offset_of, gap, word):
    assert word_before(text, text.index(offset_of), gap) == word


def test_words_before_are_read_token_by_token_nearest_last():
    text = "children under the age of 5"
    assert after_words(text, text.index("5"), ("age", "of"))
    assert not after_words(text, text.index("5"), ("of", "age"), ("aged",))
