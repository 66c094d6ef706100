"""mpsbook.extract.tokens: the word before a number, read from the text cut into words once."""

from mpsbook.extract.tokens import word_and_start_before, word_before

TEXT = "He said over 300 cases were solved, nearly 20 tons"


def test_the_word_before_a_number_and_where_it_starts():
    assert word_before(TEXT, TEXT.index("300")) == "over"
    assert word_and_start_before(TEXT, TEXT.index("300")) == ("over", TEXT.index("over"))
    assert word_before(TEXT, TEXT.index("20")) == "nearly"


def test_no_word_before_the_start_of_a_text():
    assert word_before("300 cases", 0) == ""
