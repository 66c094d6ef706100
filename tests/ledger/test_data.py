"""Loading the data package: good data loads; each kind of bad input names its file, row and column; the official figures (version 2)."""

import datetime
import json
import re
import shutil

import pandas as pd
import pytest
from frictionless import validate

import mpsbook

SCHEMA = {
    "fields": [
        {"name": "id", "type": "string", "constraints": {"required": True}},
        {"name": "section", "type": "string", "constraints": {"enum": ["crime", "cybersecurity"]}},
        {"name": "year", "type": "year"},
        {"name": "low", "type": "number", "constraints": {"minimum": 0}},
        {"name": "high", "type": "number"},
        {"name": "source", "type": "string"},
    ],
    "primaryKey": "id",
    "foreignKeys": [{"fields": "source", "reference": {"resource": "sources", "fields": "source"}}],
    "mpsbook:rowRules": [{"rule": "notGreater", "fields": ["low", "high"]}],
}
GOOD_ROWS = [
    "id,section,year,low,high,source",
    "a,crime,2022,10,20,nnccc",
    "b,cybersecurity,2023,250000,260000,xinhua",
    "c,crime,,,5,",
]


# A second table for the types, formats and keys the first does not declare.
EVENTS_SCHEMA = {
    "fields": [
        {"name": "event", "type": "string", "constraints": {"required": True, "pattern": "E\\d+"}},
        {"name": "held", "type": "date"},
        {"name": "open", "type": "boolean", "trueValues": ["TRUE"], "falseValues": ["FALSE"]},
        {"name": "url", "type": "string", "format": "uri"},
        {"name": "count", "type": "integer", "constraints": {"maximum": 100}},
        {"name": "code", "type": "string", "constraints": {"unique": True, "minLength": 2}},
    ],
    "primaryKey": ["event", "held"],
}
GOOD_EVENTS = [
    "event,held,open,url,count,code",
    "E1,2023-01-10,TRUE,https://example.org/a,5,ab",
    "E1,2023-01-11,FALSE,https://example.org/b,100,cd",
    "E2,2023-01-10,,,,",
]


def make_package(folder, things=GOOD_ROWS, events=GOOD_EVENTS):
    (folder / "things.csv").write_text("\n".join(things) + "\n", encoding="utf-8")
    (folder / "sources.csv").write_text("source,publisher\nnnccc,NNCC\nxinhua,Xinhua\n", encoding="utf-8")
    (folder / "events.csv").write_text("\n".join(events) + "\n", encoding="utf-8")
    package = {
        "name": "test-package",
        "resources": [
            {"name": "things", "path": "things.csv", "schema": SCHEMA},
            {"name": "sources", "path": "sources.csv",
             "schema": {"fields": [{"name": "source", "type": "string"}, {"name": "publisher", "type": "string"}],
                        "primaryKey": "source"}},
            {"name": "events", "path": "events.csv", "schema": EVENTS_SCHEMA},
        ],
    }
    path = folder / "datapackage.json"
    path.write_text(json.dumps(package), encoding="utf-8")
    return path


def replace_row(index, row, table=GOOD_ROWS):
    rows = list(table)
    rows[index] = row
    return rows


def test_good_table_loads_with_declared_types(tmp_path):
    table = mpsbook.load_table("things", make_package(tmp_path))
    assert list(table.columns) == ["id", "section", "year", "low", "high", "source"]
    assert list(table["id"]) == ["a", "b", "c"]
    assert table["low"].dtype == "float64"
    assert table.loc[1, "year"] == 2023
    assert str(table["year"].dtype) == "Int64" and pd.isna(table.loc[2, "year"])
    assert pd.isna(table.loc[2, "low"])  # an empty cell passes the row rule low <= high
    assert table.loc[2, "source"] == ""


BAD_INPUTS = [
    # (what is wrong, rows, row number, column, words the message must hold)
    ("missing column", [GOOD_ROWS[0].replace(",high", "")] + [r.rsplit(",", 2)[0] + "," + r.rsplit(",", 1)[1]
                                                              for r in GOOD_ROWS[1:]], 1, "high", "missing"),
    ("undeclared column", [GOOD_ROWS[0] + ",extra"] + [r + ",x" for r in GOOD_ROWS[1:]], 1, "extra", "not declared"),
    ("wrong type", replace_row(2, "b,cybersecurity,2023,lots,260000,xinhua"), 3, "low", "expected a number"),
    ("wrong year", replace_row(1, "a,crime,22,10,20,nnccc"), 2, "year", "expected a year"),
    ("low above high", replace_row(3, "c,crime,,9,5,"), 4, "low", "greater than high"),
    ("duplicate id", replace_row(3, "a,crime,,5,5,"), 4, "id", "duplicate"),
    ("empty required", replace_row(2, ",cybersecurity,2023,1,2,xinhua"), 3, "id", "required"),
    ("unknown section", replace_row(1, "a,emergency,2022,10,20,nnccc"), 2, "section", "not one of the allowed"),
    ("below minimum", replace_row(1, "a,crime,2022,-1,20,nnccc"), 2, "low", "below the minimum"),
    ("dangling reference", replace_row(2, "b,cybersecurity,2023,1,2,cctv"), 3, "source", "not a source"),
]


def test_dates_booleans_and_addresses_load_as_declared(tmp_path):
    table = mpsbook.load_table("events", make_package(tmp_path))
    assert list(table["held"]) == [datetime.date(2023, 1, 10), datetime.date(2023, 1, 11), datetime.date(2023, 1, 10)]
    assert str(table["open"].dtype) == "boolean"
    assert list(table["open"][:2]) == [True, False] and pd.isna(table.loc[2, "open"])
    assert list(table["count"][:2]) == [5, 100] and str(table["count"].dtype) == "Int64"
    assert list(table["url"]) == ["https://example.org/a", "https://example.org/b", ""]


BAD_EVENTS = [
    # (what is wrong, rows, row number, column, words the message must hold)
    ("boolean not one of its declared values", replace_row(1, "E1,2023-01-10,true,https://example.org/a,5,ab", GOOD_EVENTS),
     2, "open", "expected true or false, found 'true'"),
    ("date in another form", replace_row(2, "E1,11/01/2023,FALSE,https://example.org/b,100,cd", GOOD_EVENTS),
     3, "held", "expected a date as YYYY-MM-DD, found '11/01/2023'"),
    ("address not a URI", replace_row(1, "E1,2023-01-10,TRUE,example dot org,5,ab", GOOD_EVENTS),
     2, "url", "expected an address (URI), found 'example dot org'"),
    ("not a whole number", replace_row(2, "E1,2023-01-11,FALSE,https://example.org/b,1.5,cd", GOOD_EVENTS),
     3, "count", "expected a whole number, found '1.5'"),
    ("above maximum", replace_row(2, "E1,2023-01-11,FALSE,https://example.org/b,101,cd", GOOD_EVENTS),
     3, "count", "101 is above the maximum 100"),
    ("pattern not matched", replace_row(3, "X2,2023-01-10,,,,", GOOD_EVENTS), 4, "event", "'X2' does not match the pattern"),
    ("too short", replace_row(1, "E1,2023-01-10,TRUE,https://example.org/a,5,a", GOOD_EVENTS),
     2, "code", "'a' is shorter than 2 characters"),
    ("repeated unique value", replace_row(2, "E1,2023-01-11,FALSE,https://example.org/b,100,ab", GOOD_EVENTS),
     3, "code", "duplicate value ab (first in row 2)"),
    ("repeated composite key", replace_row(2, "E1,2023-01-10,FALSE,https://example.org/b,100,cd", GOOD_EVENTS),
     3, "event, held", "duplicate value E1, 2023-01-10 (first in row 2)"),
    ("columns out of order", ["event,open,held,url,count,code", *GOOD_EVENTS[1:]],
     1, "open", "out of the declared order"),
    ("a cell too many", replace_row(1, GOOD_EVENTS[1] + ",x", GOOD_EVENTS), 2, None, "the row has 7 cells, the header 6"),
]


BAD_TABLES = [("things", *case) for case in BAD_INPUTS] + [("events", *case) for case in BAD_EVENTS]


@pytest.mark.parametrize("table, kind, rows, row, column, words", BAD_TABLES, ids=[case[1] for case in BAD_TABLES])
def test_bad_input_names_file_row_and_column(tmp_path, table, kind, rows, row, column, words):
    with pytest.raises(mpsbook.DataError) as caught:
        mpsbook.load_table(table, make_package(tmp_path, **{table: rows}))
    error = caught.value
    assert (error.path, error.row, error.column) == (f"{table}.csv", row, column), str(error)
    where = [f"{table}.csv", f"row {row}"] + ([f"column '{column}'"] if column else [])
    assert str(error).startswith(", ".join(where) + ": ")
    assert words in str(error)


def test_unknown_row_rule_is_named(tmp_path):
    path = make_package(tmp_path)
    package = json.loads(path.read_text(encoding="utf-8"))
    package["resources"][0]["schema"]["mpsbook:rowRules"] = [{"rule": "sumsTo", "fields": ["low", "high"]}]
    path.write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(mpsbook.DataError, match=r"^things\.csv: unknown row rule 'sumsTo' in the schema$"):
        mpsbook.load_table("things", path)


def test_ragged_row_names_file_and_row(tmp_path):
    with pytest.raises(mpsbook.DataError, match=r"^things\.csv, row 3: the row has 5 cells, the header 6$"):
        mpsbook.load_table("things", make_package(tmp_path, replace_row(2, "b,cybersecurity,2023,1,2")))


def test_missing_file_is_named(tmp_path):
    package = make_package(tmp_path)
    (tmp_path / "things.csv").unlink()
    with pytest.raises(mpsbook.DataError, match=r"^things\.csv: .*does not exist"):
        mpsbook.load_table("things", package)


def test_unknown_resource_lists_the_known_ones(tmp_path):
    with pytest.raises(mpsbook.DataError, match=r"no resource named 'claims' .*things, sources"):
        mpsbook.load_table("claims", make_package(tmp_path))


def test_malformed_descriptor_names_its_line(tmp_path):
    path = make_package(tmp_path)
    path.write_text('{"resources": [\n  {"name": "things",}\n]}', encoding="utf-8")
    with pytest.raises(mpsbook.DataError, match=r"^datapackage\.json, row 2: not valid JSON"):
        mpsbook.load_table("things", path)


def test_article_matches_its_declared_hash_and_the_shared_copy():
    article = mpsbook.load_article()
    assert article.startswith("The main work of the Ministry of Public Security")
    shared = mpsbook.ledger.data.ROOT_DIR.parent / "shared" / "source" / "mps-article.txt"
    if shared.exists():
        assert (mpsbook.ledger.data.DATA_DIR / "source" / "mps-article.txt").read_bytes() == shared.read_bytes()


def test_altered_article_is_refused(tmp_path):
    shutil.copy(mpsbook.ledger.data.DATAPACKAGE, tmp_path / "datapackage.json")
    (tmp_path / "source").mkdir()
    original = (mpsbook.ledger.data.DATA_DIR / "source" / "mps-article.txt").read_bytes()
    (tmp_path / "source" / "mps-article.txt").write_bytes(original.replace(b"dyberattacks", b"cyberattacks"))
    with pytest.raises(mpsbook.DataError, match="not the article as received"):
        mpsbook.load_article(tmp_path / "datapackage.json")


# ---- the official figures, version 2 ----------------------------------------------------------


def copy_data(folder):
    """A copy of the whole data folder in ``folder``; returns the copy's datapackage.json."""
    shutil.copytree(mpsbook.ledger.data.DATA_DIR, folder, dirs_exist_ok=True)
    return folder / "datapackage.json"


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


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
