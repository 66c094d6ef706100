"""mpsbook.extract.spans: where a text's numbers are, and which can never be quantities (decided here once)."""

from mpsbook.extract.spans import find_atoms

TEXT = "Call 010-6520-3000 on 12 May 2023 about 300 cases, or dial 110."


def test_each_number_carries_the_kind_that_keeps_it_from_being_a_quantity():
    never = {TEXT[atom.start:atom.end]: atom.never for atom in find_atoms(TEXT)}
    assert never == {"010": "phone", "6520": "phone", "3000": "phone", "12": "date", "2023": "date", "300": "",
                     "110": "phone"}
    assert [TEXT[atom.start:atom.end] for atom in find_atoms(TEXT) if not atom.excluded] == ["300"]
