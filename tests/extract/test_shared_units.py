"""mpsbook.extract.shared_units: a unit written once and read for several figures."""

from mpsbook.extract.shared_units import shared_by


def row(start, end, unit=""):
    return {"start": start, "end": end, "unit": unit, "counted": unit}


def test_a_choice_of_figures_shares_the_unit_written_after_the_last():
    rows = [row(0, 5), row(9, 13, "euros")]
    assert shared_by("eight or nine euros", rows) == [("list or choice", 0)]
    assert rows[0]["unit"] == "euros"


def test_a_figure_that_matches_another_takes_its_unit():
    rows = [row(0, 1, "cases"), row(12, 13)]
    assert shared_by("5 cases and 7 in 2022", rows) == [("part, match or ellipsis", 1)]
    assert rows[1]["unit"] == "cases"


def test_figures_in_separate_sentences_share_nothing():
    rows = [row(0, 1, "cases"), row(9, 10)]
    assert shared_by("5 cases. 7 of them", rows) == []
    assert rows[1]["unit"] == ""
