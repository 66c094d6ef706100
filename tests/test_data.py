"""The data package's tables as declared: the official figures (version 2), the derived tables, the searches."""

import re
import shutil

import pytest
from frictionless import validate

import mpsbook


def copy_data(folder):
    """A copy of the whole data folder in ``folder``; returns the copy's datapackage.json."""
    shutil.copytree(mpsbook.DATA_DIR, folder, dirs_exist_ok=True)
    return folder / "datapackage.json"


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# ---- the official figures, version 2 -----------------------------------------------------------


@pytest.fixture(scope="module")
def references():
    return mpsbook.load_table("references")


def test_references_v2_hold_59_figures_each_with_the_sources_own_words(references):
    assert len(references) == 59
    assert (references["quote"] != "").all() and (references["quote_en"] != "").all()
    assert set(references["source_kind"]) == {"primary", "state media", "other media", "repost"}


def test_every_period_form_the_reference_readme_lists_is_loaded(references):
    periods = set(references["period"])
    for example in ("2022", "2018-2020", "2018-02/2022-07", "2023-06-25/2023-09-30", "to 2023-08-02",
                    "five years to 2024-05-27"):
        assert example in periods


def test_a_chinese_quote_keeps_its_characters_and_an_english_quote_is_its_own_translation(references):
    cumulative = references.set_index("ref_id").loc["clean-net-2018-2022-cases"]
    assert "25.5万起" in cumulative["quote"] and "255,000" in cumulative["quote_en"]
    english = references[~references["quote"].map(lambda q: bool(re.search(r"[\u4e00-\u9fff]", q)))]
    assert (english["quote"] == english["quote_en"]).all()


def test_also_at_lists_addresses_separated_by_a_bar(references):
    for cell in references["also_at"]:
        for address in filter(None, cell.split(" | ")):
            assert re.fullmatch(r"https?://\S+", address), address


BAD_REFERENCES = [
    # (what is wrong, old text, new text, row, column, words)
    ("relation the rule does not read", "2021,27000,companies and units,lower,", "2021,27000,companies and units,more,",
     5, "relation", "not one of the allowed"),
    ("unknown kind of source", "cn/gate/big5/www.gov.cn/xinwen/2022-01/05/content_5666617.htm,primary,\"——截至12月,共偵辦案件6.2萬起",
     "cn/gate/big5/www.gov.cn/xinwen/2022-01/05/content_5666617.htm,blog,\"——截至12月,共偵辦案件6.2萬起", 3,
     "source_kind", "not one of the allowed"),
    ("period in no listed form", "mafia-type organizations dismantled,2018-2020,",
     "mafia-type organizations dismantled,three years,", 28, "period", "does not match the pattern"),
]


@pytest.mark.parametrize("kind, old, new, row, column, words", BAD_REFERENCES, ids=[c[0] for c in BAD_REFERENCES])
def test_a_bad_official_figure_names_file_row_and_column(tmp_path, kind, old, new, row, column, words):
    package = copy_data(tmp_path)
    path = tmp_path / "references.csv"
    text = path.read_text(encoding="utf-8")
    if old not in text:
        pytest.fail(f"fixture text not found: {old}")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(mpsbook.DataError) as caught:
        mpsbook.load_table("references", package)
    error = caught.value
    assert error.path.endswith("references.csv") and error.column == column, str(error)
    if row is not None:
        assert error.row == row, str(error)
    assert words in str(error)
    assert not validate(str(package)).valid


def test_an_official_figure_without_the_sources_words_is_refused(tmp_path):
    package = copy_data(tmp_path)
    path = tmp_path / "references.csv"
    rows = path.read_text(encoding="utf-8").split("\n")
    # Row 9 (clean-net-2020-cases) has a quote with no comma or quote mark of its own: cut it out.
    assert rows[8].startswith("clean-net-2020-cases,")
    quote = "全年共侦办网络犯罪案件5.6万起,抓获犯罪嫌疑人8万余名。"
    rows[8] = rows[8].replace(f'state media,"{quote}",', "state media,,", 1)
    path.write_text("\n".join(rows), encoding="utf-8")
    with pytest.raises(mpsbook.DataError) as caught:
        mpsbook.load_table("references", package)
    assert (caught.value.row, caught.value.column) == (9, "quote")
    assert "required" in str(caught.value)
