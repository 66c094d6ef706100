"""Citations of the book's parts, the editions table that dates each claim review, and the corrections feed."""

import csv
import re
import shutil
import xml.etree.ElementTree as ET

import pandas as pd
import pybtex.database
import pytest

import mpsbook
from mpsbook.present import citation, feed, pages

ATOM = "{http://www.w3.org/2005/Atom}"
EDITION = {"title": "A book: on {braces} & 100% of #things", "version": "4.1.0", "date": "2027-03-05",
           "authors": "Ann Author, The Team", "address": ""}


@pytest.fixture
def package(tmp_path):
    """A copy of the data package, whose editions table a test may change."""
    shutil.copytree(mpsbook.ledger.data.DATA_DIR, tmp_path / "data")
    return tmp_path / "data" / "datapackage.json"


def write_editions(package, text):
    (package.parent / "editions.csv").write_text(text, encoding="utf-8")


def test_the_edition_is_read_from_citation_cff_and_a_missing_field_is_named(tmp_path):
    edition = citation.book_edition()
    assert edition["version"] == str(mpsbook.load_table("editions").iloc[-1]["version"])
    cff = tmp_path / "CITATION.cff"
    cff.write_text("title: A book\nversion: 1.0.0\nauthors:\n  - given-names: Ann\n    family-names: Author\n",
                   encoding="utf-8")
    with pytest.raises(mpsbook.DataError, match=r"CITATION\.cff: no date-released"):
        citation.book_edition(cff)
    cff.write_text(cff.read_text(encoding="utf-8") + "date-released: 2027-01-01\nurl: https://example.org/book\n",
                   encoding="utf-8")
    assert citation.book_edition(cff) | {} == {"title": "A book", "version": "1.0.0", "date": "2027-01-01",
                                                "authors": "Ann Author", "address": "https://example.org/book"}


def test_the_newest_edition_must_be_the_one_citation_cff_names(package):
    edition = citation.book_edition()
    claims = mpsbook.load_table("claims")["claim_key"]
    assert list(citation.checked_editions(edition, package, claims)["version"])[-1] == edition["version"]
    rows = len(mpsbook.load_table("editions")) + 1
    with pytest.raises(mpsbook.DataError, match=rf"editions.csv, row {rows}, column 'version': .*CITATION.cff says 9.9.9"):
        citation.checked_editions({**edition, "version": "9.9.9"}, package, claims)


def first_rated_twice(rows):
    key = rows[0]["claims_added"].split()[0]
    rows[-1]["claims_added"] = f"{rows[-1]['claims_added']} {key}".strip()
    return len(rows) + 1, f"column 'claims_added': the claim '{key}' is first rated twice"


def not_in_the_ledger(rows):
    rows[-1]["claims_added"] = f"{rows[-1]['claims_added']} no-such-claim".strip()
    return len(rows) + 1, "column 'claims_added': the claim 'no-such-claim' is not in the ledger"


def rated_by_none(rows):
    *kept, key = rows[0]["claims_added"].split()
    rows[0]["claims_added"] = " ".join(kept)
    return len(rows) + 1, f"column 'claims_added': no edition first rates {key}"  # the newest row: where to add it


@pytest.mark.parametrize("change", [first_rated_twice, not_in_the_ledger, rated_by_none])
def test_every_claim_is_first_rated_in_exactly_one_edition(package, change):
    path = package.parent / "editions.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    row, message = change(rows)  # the row the reader is sent to, as a spreadsheet counts rows
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(mpsbook.DataError, match=re.escape(f"editions.csv, row {row}, {message}")):
        citation.checked_editions(citation.book_edition(), package, mpsbook.load_table("claims")["claim_key"])


def test_review_dates_are_the_first_editions_and_the_latest_change():
    editions = pd.DataFrame({"version": ["1.0.0", "1.1.0", "2.0.0"], "date": ["2030-01-01", "2030-01-09", "2030-02-01"],
                             "claims_added": ["a b", "", "c"], "summary": ["", "", ""]})
    corrections = pd.DataFrame({"date": ["2030-01-05", "2030-03-01", "2030-02-10"], "claim_key": ["a", "a", "c"]})
    assert citation.review_dates("a", editions, corrections) == {"datePublished": "2030-01-01",
                                                                 "dateModified": "2030-03-01"}
    assert citation.review_dates("b", editions, corrections) == {"datePublished": "2030-01-01",
                                                                 "dateModified": "2030-01-01"}
    assert citation.review_dates("c", editions, corrections) == {"datePublished": "2030-02-01",
                                                                 "dateModified": "2030-02-10"}
    with pytest.raises(KeyError, match="no-such-claim"):
        citation.review_dates("no-such-claim", editions, corrections)


def test_bibtex_reads_back_with_tex_characters_escaped_and_the_address_as_it_is():
    address = "https://example.org/book/crime.html#claim-a_b"
    text = citation.bibtex_entry(EDITION, "key-1", "Checking the claim “50% & more”", address, note="Rated: x.")
    assert r"50\% \& more" in text and r"\{braces\}" not in text  # TeX's specials escaped, BibTeX groups kept
    assert f'url = "{address}"' in text  # read verbatim by biblatex and the url package: not escaped
    [(key, entry)] = pybtex.database.parse_string(text, "bibtex").entries.items()
    assert key == "key-1" and entry.type == "misc"
    assert [str(p) for p in entry.persons["author"]] == ["{Ann Author, The Team}"]  # one name, not split at commas
    assert {k: entry.fields[k] for k in ("year", "date", "version", "note")} == {
        "year": "2027", "date": "2027-03-05", "version": "4.1.0", "note": "Rated: x."}


def test_a_citation_line_names_authors_year_part_book_edition_and_address():
    cite = citation.citation(EDITION, "k", "Figure: Drugs seized", "book/crime.html#fig-x", "#fig-x")
    assert cite["text"] == ("Ann Author, The Team (2027). Figure: Drugs seized. In A book: on {braces} & 100% of "
                            "#things, edition 4.1.0, released 2027-03-05. book/crime.html#fig-x")
    assert cite["href"] == "#fig-x" and cite["text"] == f"{cite['lead']} {cite['address']}"


def corrections_feed_xml():
    tables = pages.page_tables()
    return tables, feed.corrections_feed(tables["corrections"], tables["claims"], tables["edition"],
                                         lambda key: f"book/x.html#claim-{key}", page="book/corrections.html",
                                         feed=feed.FEED_FILE)


def test_the_corrections_feed_has_one_entry_per_line_newest_first_with_stable_ids():
    tables, text = corrections_feed_xml()
    assert text == corrections_feed_xml()[1]  # the same bytes every time
    root = ET.fromstring(text)
    entries = root.findall(f"{ATOM}entry")
    log = tables["corrections"]
    assert len(entries) == len(log)
    dates = [e.find(f"{ATOM}updated").text[:10] for e in entries]
    assert dates == sorted(dates, reverse=True) and root.find(f"{ATOM}updated").text[:10] == max(map(str, log["date"]))
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    assert set(ids) == {feed.entry_id(str(row.date), row.claim_key) for row in log.itertuples()}  # a line's own id
    assert feed.entry_id("2030-01-01", "a") == "urn:uuid:3d20cbd2-0e80-5040-8654-0054ed0ab295"  # the same on any machine
    newest = log.sort_values("date", ascending=False, kind="stable").iloc[0]
    assert entries[0].find(f"{ATOM}link").get("href") == f"book/x.html#claim-{newest['claim_key']}"
    assert newest["reason"] in entries[0].find(f"{ATOM}summary").text
    assert {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")} == {
        "alternate": "book/corrections.html", "self": feed.FEED_FILE}


def test_an_empty_corrections_log_makes_no_feed():
    tables = pages.page_tables()
    with pytest.raises(ValueError, match=r"corrections\.csv has no line"):
        feed.corrections_feed(tables["corrections"].iloc[:0], tables["claims"], tables["edition"], str,
                              page="p", feed="f")


def test_the_newest_editions_date_must_be_the_one_citation_cff_names(package):
    edition = citation.book_edition()
    with pytest.raises(mpsbook.DataError, match=r"column 'date': .*CITATION.cff says 2099-01-01"):
        citation.checked_editions({**edition, "date": "2099-01-01"}, package, mpsbook.load_table("claims")["claim_key"])
