"""mpsbook.rate.origins: the official figures a claim's number may come from, closest first."""

import pandas as pd

from mpsbook.rate.origins import CLOSENESS, closeness, possible_origins

REFERENCES = pd.DataFrame([
    {"ref_id": "same-year", "value": 150.0, "relation": "exact", "unit": "cases", "period": "2022", "section": "crime"},
    {"ref_id": "old", "value": 160.0, "relation": "exact", "unit": "cases", "period": "2015", "section": "crime"},
    {"ref_id": "recent", "value": 140.0, "relation": "exact", "unit": "cases", "period": "2021", "section": "crime"},
    {"ref_id": "far", "value": 9000.0, "relation": "exact", "unit": "cases", "period": "2022", "section": "crime"},
    {"ref_id": "tonnes", "value": 150.0, "relation": "exact", "unit": "tonnes", "period": "2022", "section": "crime"},
    {"ref_id": "other-field", "value": 150.0, "relation": "exact", "unit": "cases", "period": "2022",
     "section": "emergencies"},
])


def test_figures_that_fit_are_ranked_by_kind_then_years_apart():
    listed = {"same-year": "different campaign", "old": "different period", "recent": "different period"}
    assert possible_origins(100, 200, "cases", "2022", REFERENCES, listed, section="crime") == ["recent", "old", "same-year"]


def test_a_figure_in_another_unit_another_field_or_out_of_reach_is_no_origin():
    found = possible_origins(100, 200, "cases", "2022", REFERENCES, {}, section="crime")
    assert "tonnes" not in found and "other-field" not in found and "far" not in found
    assert possible_origins(100, 200, "cases", "2022", REFERENCES, {"same-year": "bound"}, section="crime") == \
        ["recent", "old"]


def test_an_unlisted_kind_ranks_after_every_listed_kind():
    assert closeness("", "2022", "2022", 150, 150)[0] == len(CLOSENESS)
    assert closeness("same", "2022", "2015", 150, 150) < closeness("yearly average", "2022", "2022", 150, 150)


def test_a_figure_listed_as_another_unit_is_never_an_origin():
    listed = {"same-year": "different unit", "recent": "different period"}
    assert possible_origins(100, 200, "cases", "2022", REFERENCES, listed, section="crime") == ["recent", "old"]
