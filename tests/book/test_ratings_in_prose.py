"""Every rating the chapters' prose names is glued from the computed ratings, and the built pages say what verdicts.csv says.

The chapters open each claim's paragraph with its rating in italics (``*Not found.*``). Typed by
hand, such a word goes on saying the old rating when the rule or an official figure changes; glued
(``{glue:text}`Rating_<claim key>```, :func:`mpsbook.rating_words`), it follows.
"""

import csv
import json
import re
from html.parser import HTMLParser

import pytest
from helpers import prose_of

import mpsbook

CHAPTERS = ["crime", "cybersecurity", "emergencies"]
RATING_GLUE = re.compile(r"\{glue:text\}`(?:[a-z]+\.ipynb::)?[Rr]ating_(?P<name>[a-z0-9_]+)(?::s)?`")
GLUE_ROLE = re.compile(r"\{glue(?::[a-z]+)?\}`[^`]*`")
RATING_WORDS = sorted(mpsbook.RATINGS, key=len, reverse=True)
# A rating in italics, as the chapters state one: *Not found.*, *matches a figure of another period or scope*.
TYPED_RATING = re.compile(r"\*(?:" + "|".join(re.escape(word) for word in RATING_WORDS) + r")\.?\*", re.I)


def markdown(notebook: str) -> str:
    cells = json.loads((mpsbook.ledger.data.BOOK_DIR / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    return prose_of(cells)


def expected_words() -> dict[str, str]:
    """Glue name (without ``rating_``) -> rating, from data/derived/verdicts.csv and sensitivity.csv."""
    derived = mpsbook.ledger.data.DATA_DIR / "derived"
    with open(derived / "verdicts.csv", encoding="utf-8", newline="") as file:
        words = {mpsbook.glue_name(row["claim_key"]): row["rating"] for row in csv.DictReader(file)}
    with open(derived / "sensitivity.csv", encoding="utf-8", newline="") as file:
        words |= {f"{mpsbook.glue_name(row['claim_key'])}_{mpsbook.glue_name(row['reading'])}": row["rating"]
                  for row in csv.DictReader(file)}
    return words


class Emphasis(HTMLParser):
    """The text of every ``<em>`` of a page's article body, in order."""

    def __init__(self):
        super().__init__()
        self.depth, self.found = 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "em":
            self.depth += 1
            self.found.append("")

    def handle_endtag(self, tag):
        if tag == "em" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.found[-1] += data


def ratings_in_italics(html: str) -> list[str]:
    parser = Emphasis()
    parser.feed(html)
    # The site sets apostrophes as typographers do (can\u2019t); the data keeps the plain one.
    said = [" ".join(text.split()).rstrip(".").lower().replace("\u2019", "'") for text in parser.found]
    return [text for text in said if text in mpsbook.RATINGS]


@pytest.mark.parametrize("notebook", CHAPTERS)
def test_no_chapter_types_a_rating_by_hand(notebook):
    typed = TYPED_RATING.findall(GLUE_ROLE.sub("", markdown(notebook)))
    assert typed == [], f"{notebook}.ipynb states ratings by hand; glue them (mpsbook.rating_words): {typed}"


@pytest.mark.parametrize("notebook", CHAPTERS)
def test_every_rating_a_chapter_glues_is_the_one_verdicts_csv_holds(notebook):
    cells = json.loads((mpsbook.ledger.data.BOOK_DIR / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    glued = {}
    for cell in cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name", "")
            if re.fullmatch(r"[Rr]ating_[a-z0-9_]+", name):
                glued[name[len("rating_"):]] = "".join(output["data"]["application/papermill.record/text/plain"]).strip("'\"").lower()
    expected = expected_words()
    assert glued and {name: expected.get(name) for name in glued} == glued


@pytest.mark.site
@pytest.mark.parametrize("page", CHAPTERS)
def test_the_built_chapter_names_each_rating_as_verdicts_csv_does(site_dir, page):
    expected = expected_words()
    wanted = [expected[match["name"]] for match in RATING_GLUE.finditer(markdown(page))]
    assert wanted, f"{page} glues no rating"
    said = ratings_in_italics((site_dir / "book" / f"{page}.html").read_text(encoding="utf-8"))
    # The claims' summaries at the end of the page name ratings too (from verdicts.csv itself); the prose comes first.
    assert said[: len(wanted)] == wanted


def test_a_rating_typed_by_hand_or_a_stale_page_is_caught():
    assert TYPED_RATING.findall("so that claim is *unproven*; and *Can't be checked.*")
    assert ratings_in_italics("<p><em>Unproven.</em> and <em>other</em></p>") == ["unproven"]
