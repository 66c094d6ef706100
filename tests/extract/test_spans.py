"""mpsbook.extract.spans: where a text's numbers are, and which can never be quantities (decided here once)."""

from mpsbook.extract.spans import find_atoms, number_decisions, read_numbers

TEXT = "Call 010-6520-3000 on 12 May 2023 about 300 cases, or dial 110."


def test_each_number_carries_the_kind_that_keeps_it_from_being_a_quantity():
    never = {TEXT[atom.start:atom.end]: atom.never for atom in find_atoms(TEXT)}
    assert never == {"010": "phone", "6520": "phone", "3000": "phone", "12": "date", "2023": "date", "300": "",
                     "110": "phone"}
    assert [TEXT[atom.start:atom.end] for atom in find_atoms(TEXT) if not atom.excluded] == ["300"]


def test_each_number_is_named_by_the_kind_that_read_it():
    text = "Two-thirds of 1/16 of the 250,000 cases doubled to tens of thousands, about two thousand."
    kinds = [(name, text[atom.start : atom.end]) for name, atom in read_numbers(text)]
    assert kinds == [("fraction in words", "Two-thirds"), ("fraction in digits", "1/16"),
                     ("number in digits", "250,000"), ("multiple in one word", "doubled"),
                     ("order of magnitude", "tens of thousands"), ("number in words", "two thousand")]


def test_what_is_no_number_is_left_out_and_a_code_is_kept_but_excluded():
    text = "In the second half, the Five-Year Plan and a PS4 reached 5G in the 1990's, not 9/5 of them."
    assert [name for name, _ in number_decisions(text)] == [
        "part of a period", "number word in a name", "PS before a model number", "code or model name", "decade",
        "slash that is no share",
    ]
    assert [(text[atom.start : atom.end], atom.excluded) for atom in find_atoms(text)] == [("5", True), ("1990", True)]
