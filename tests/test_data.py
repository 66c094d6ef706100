"""Loading the data package: good data loads; each kind of bad input names its file, row and column."""

import json
import shutil

import pandas as pd
import pytest

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
    "c,crime,,5,5,",
]


def make_package(folder, rows=GOOD_ROWS):
    (folder / "things.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "sources.csv").write_text("source,publisher\nnnccc,NNCC\nxinhua,Xinhua\n", encoding="utf-8")
    package = {
        "name": "test-package",
        "resources": [
            {"name": "things", "path": "things.csv", "schema": SCHEMA},
            {"name": "sources", "path": "sources.csv",
             "schema": {"fields": [{"name": "source", "type": "string"}, {"name": "publisher", "type": "string"}],
                        "primaryKey": "source"}},
        ],
    }
    path = folder / "datapackage.json"
    path.write_text(json.dumps(package), encoding="utf-8")
    return path


def replace_row(index, row):
    rows = list(GOOD_ROWS)
    rows[index] = row
    return rows


def test_good_table_loads_with_declared_types(tmp_path):
    table = mpsbook.load_table("things", make_package(tmp_path))
    assert list(table.columns) == ["id", "section", "year", "low", "high", "source"]
    assert list(table["id"]) == ["a", "b", "c"]
    assert table["low"].dtype == "float64"
    assert table.loc[1, "year"] == 2023
    assert str(table["year"].dtype) == "Int64" and pd.isna(table.loc[2, "year"])
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


@pytest.mark.parametrize("kind, rows, row, column, words", BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_names_file_row_and_column(tmp_path, kind, rows, row, column, words):
    with pytest.raises(mpsbook.DataError) as caught:
        mpsbook.load_table("things", make_package(tmp_path, rows))
    error = caught.value
    assert (error.path, error.row, error.column) == ("things.csv", row, column)
    message = str(error)
    assert message.startswith(f"things.csv, row {row}, column '{column}': ")
    assert words in message


def test_ragged_row_names_file_and_row(tmp_path):
    with pytest.raises(mpsbook.DataError, match=r"^things\.csv, row 3: the row has 5 cells, the header 6$"):
        mpsbook.load_table("things", make_package(tmp_path, replace_row(2, "b,cybersecurity,2023,1,2")))


def test_missing_file_is_named(tmp_path):
    package = make_package(tmp_path)
    (tmp_path / "things.csv").unlink()
    with pytest.raises(mpsbook.DataError, match=r"^things\.csv: .*does not exist"):
        mpsbook.load_table("things", package)


def test_unknown_resource_lists_the_known_ones(tmp_path):
    with pytest.raises(mpsbook.DataError, match="no resource named 'claims' .*things, sources"):
        mpsbook.load_table("claims", make_package(tmp_path))


def test_malformed_descriptor_names_its_line(tmp_path):
    path = make_package(tmp_path)
    path.write_text('{"resources": [\n  {"name": "things",}\n]}', encoding="utf-8")
    with pytest.raises(mpsbook.DataError, match=r"^datapackage\.json, row 2: not valid JSON"):
        mpsbook.load_table("things", path)


def test_article_matches_its_declared_hash_and_the_shared_copy():
    article = mpsbook.load_article()
    assert article.startswith("The main work of the Ministry of Public Security")
    shared = mpsbook.ROOT_DIR.parent / "shared" / "source" / "mps-article.txt"
    if shared.exists():
        assert (mpsbook.DATA_DIR / "source" / "mps-article.txt").read_bytes() == shared.read_bytes()


def test_altered_article_is_refused(tmp_path):
    shutil.copy(mpsbook.DATAPACKAGE, tmp_path / "datapackage.json")
    (tmp_path / "source").mkdir()
    original = (mpsbook.DATA_DIR / "source" / "mps-article.txt").read_bytes()
    (tmp_path / "source" / "mps-article.txt").write_bytes(original.replace(b"dyberattacks", b"cyberattacks"))
    with pytest.raises(mpsbook.DataError, match="not the article as received"):
        mpsbook.load_article(tmp_path / "datapackage.json")
