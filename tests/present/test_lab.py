"""mpsbook.present.lab: each cell that glues lists, for JupyterLab, the values it glued."""

from mpsbook.present import lab


def test_the_values_glued_since_the_last_list_are_listed_by_name_then_forgotten(monkeypatch):
    monkeypatch.setattr(lab, "_myst_glue", lambda *args, **kwargs: None)  # no kernel to display into
    lab.glue("claims_correct", "cases, suspects", display=False)
    lab.glue("total", 83_000, display=False)
    lab.glue("flag", True, display=False)  # not a text or number: not listed
    listed = lab.glued().data
    assert listed.endswith("- `claims_correct`: cases, suspects\n- `total`: 83000")
    assert lab.glued().data.endswith("\n\n")  # emptied: the next cell lists only its own


def test_markup_in_a_glued_value_is_shown_as_text():
    assert lab._markdown_text("*over* <b>") == "\\*over\\* \\<b\\>"
