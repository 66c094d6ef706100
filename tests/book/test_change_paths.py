"""The README's three common changes, made in a scratch copy of the book, each followed by its one command.

In a copy of the repository (the same .venv and node_modules, linked), the test adds an official
figure (``data/references-added.csv``, ``data/references-accessed.csv`` and ``data/comparisons.csv``), changes a claim's reading
(``data/claims.csv``) and adds a claim (``data/claims.csv``, first rated by the newest edition of
``data/editions.csv``), then runs ``make update``, the command the README gives, as on a machine without Chromium (so without the PDF).
Every place a reader meets those claims must then say the new rating: ``verdicts.csv`` and its
download, the scorecard, the claim boxes and their ClaimReview JSON-LD, the annotated article
and the chapter's prose. The copy imports its own ``mpsbook`` (PYTHONPATH), so the repository is
never written to.
"""

import csv
import io
import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import mpsbook

pytestmark = pytest.mark.site

ROOT = mpsbook.ROOT_DIR
FILES = ("Makefile", "_config.yml", "_toc.yml", "CITATION.cff", "pyproject.toml", "requirements.txt", "package.json",
         "package-lock.json")
ADDED_FIGURE = ("drug-dens-2022-destroyed,crime,drug control,drug-making dens destroyed,2022,150,sites,exact,"
                "A test,2023-06-21,https://example.org/dens,primary,150 dens,150 dens,,A figure made up for the test.")
ADDED_CLAIM = ("C20,bank-cooperation-years,crime,7,for more than a year,years of cooperation with banks,1,1,2,over,years,"
               "2023,,,A claim added by the test.")
EXPECTED = {"drug-dens-2022": "correct",  # the added figure: the same measure and year, inside the claim's range
            "drugs-seized-2022": "unproven",  # 'nearly 15 tons' no longer takes in 21.9 tonnes
            "bank-cooperation-years": "unproven"}  # the added claim, with no official figure


def scratch_copy(folder: Path) -> Path:
    """The book's sources copied into ``folder`` (modification times kept, so make sees its stamps as current)."""
    for name in FILES:
        shutil.copy2(ROOT / name, folder / name)
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints")
    for name in ("book", "data"):
        shutil.copytree(ROOT / name, folder / name, ignore=ignore, copy_function=shutil.copy2)
    for name in (".venv", "node_modules"):
        os.symlink(ROOT / name, folder / name)
    return folder


def append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(line + "\n")


def make_the_three_changes(folder: Path) -> None:
    data = folder / "data"
    append(data / "references-added.csv", ADDED_FIGURE)
    append(data / "references-accessed.csv", "drug-dens-2022-destroyed,2026-12-06,a page made up for the test")
    append(data / "comparisons.csv", "C12,drug-dens-2022-destroyed,same,\"The 2022 count, made up for the test.\"")
    claims = (data / "claims.csv").read_text(encoding="utf-8")
    reading = "C11,drugs-seized-2022,crime,7,nearly 20 tons of drugs,drugs intercepted,20,10,20,"
    assert claims.count(reading) == 1
    (data / "claims.csv").write_text(claims.replace(reading, reading[:-3] + "15,"), encoding="utf-8")
    append(data / "claims.csv", ADDED_CLAIM)
    editions = (data / "editions.csv").read_text(encoding="utf-8").splitlines()
    version, date, added, summary = editions[-1].split(",", 3)  # the newest edition first rates the new claim
    editions[-1] = ",".join([version, date, " ".join(filter(None, [added, "bank-cooperation-years"])), summary])
    (data / "editions.csv").write_text("\n".join(editions) + "\n", encoding="utf-8")


class Text(HTMLParser):
    """A page's text, as a reader reads it: the characters of its elements, runs of white space made one space."""

    def __init__(self, page: str):
        super().__init__()
        self._parts = []
        self.feed(page)
        self.text = " ".join("".join(self._parts).split())

    def handle_data(self, data):
        self._parts.append(data)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Marked(HTMLParser):
    """Each ``data-rating`` with the claim it belongs to (its own or an enclosing element's ``data-claim``: a
    scorecard row, a claim's summary or page, an article mark), and the page's JSON-LD, in order. Ratings under
    other readings (a claim page's sensitivity table) are not the claim's rating and are left out."""

    def __init__(self, text: str):
        super().__init__()
        self.ratings, self.reviews, self._script, self._open = [], [], False, []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        claim, other_reading = self._open[-1][1:] if self._open else (None, False)
        claim = attrs.get("data-claim") or claim
        other_reading = other_reading or "mpsbook-sensitivity" in (attrs.get("class") or "").split()
        if "data-rating" in attrs and not other_reading:
            self.ratings.append((claim, attrs["data-rating"]))
        if tag not in VOID:
            self._open.append((tag, claim, other_reading))
        self._script = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self._script:
            self.reviews.append(json.loads(data))
            self._script = False


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    folder = scratch_copy(tmp_path_factory.mktemp("change-paths"))
    make_the_three_changes(folder)
    env = {**os.environ, "PYTHONPATH": str(folder / "book")}
    # -o: the environment's stamps are the repository's, current by definition; make must not rebuild them.
    # CHROMIUM: as on a machine without one, so make book prints no PDF (and must not link one).
    result = subprocess.run(["make", "-o", ".venv/.installed", "-o", "node_modules/.installed", "update",
                             f"CHROMIUM={folder / 'no-chromium'}"], cwd=folder, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return folder


def test_the_derived_table_and_its_download_say_the_new_ratings(changed):
    for path in [changed / "data" / "derived" / "verdicts.csv",
                 *(changed / "_build" / "html" / "_downloads").rglob("verdicts.csv")]:
        rows = {row["claim_key"]: row["rating"] for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))}
        assert {key: rows.get(key) for key in EXPECTED} == EXPECTED, path
    assert list((changed / "_build" / "html" / "_downloads").rglob("verdicts.csv")), "no download of verdicts.csv"


def test_every_page_that_names_a_changed_claim_says_its_new_rating(changed):
    seen = {key: set() for key in EXPECTED}
    for page in (changed / "_build" / "html").rglob("*.html"):
        marked = Marked(page.read_text(encoding="utf-8"))
        for key, rating in marked.ratings:
            if key in EXPECTED:
                assert rating == EXPECTED[key], (page.name, key, rating)
                seen[key].add(page.relative_to(changed / "_build" / "html").as_posix())
        for review in marked.reviews:
            key = review.get("url", "").rpartition("/")[2].removesuffix(".html")  # the claim's page
            if key in EXPECTED:
                assert review["reviewRating"]["alternateName"] == EXPECTED[key], (page.name, key)
                seen[key].add("ClaimReview")
            if key == "bank-cooperation-years":  # first rated by the newest edition, and never corrected
                newest = (changed / "data" / "editions.csv").read_text(encoding="utf-8").splitlines()[-1].split(",")[1]
                assert review["datePublished"] == review["dateModified"] == newest
    for key, pages in seen.items():
        # The scorecard (intro), the claim's summary (its chapter), its own page with its ClaimReview, the article.
        assert {"book/intro.html", "book/crime.html", f"book/claim/{key}.html", "book/article.html",
                "ClaimReview"} <= pages, (key, pages)


def test_the_chapter_prose_glues_the_new_rating(changed):
    crime = Text((changed / "_build" / "html" / "book" / "crime.html").read_text(encoding="utf-8")).text
    # *{glue:text}`Rating_drug_dens_2022`.* opens the paragraph on the dens; it said 'No like-for-like figure.'
    assert "Correct. \u201cMore than one hundred\u201d drug production dens allows" in crime
    stored = json.loads((changed / "book" / "crime.ipynb").read_text(encoding="utf-8"))
    text = "application/papermill.record/text/plain"  # how myst-nb stores a glued string
    glued = {output["metadata"]["scrapbook"]["name"]: output["data"][text]
             for cell in stored["cells"] for output in cell.get("outputs", []) if text in output.get("data", {})}
    assert glued["Rating_drug_dens_2022"].strip("'\"") == "Correct"
    assert glued["rating_bank_cooperation_years"].strip("'\"") == "unproven"


class Links(HTMLParser):
    """Every ``href`` and ``src`` of a page."""

    def __init__(self, text: str):
        super().__init__()
        self.addresses = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.addresses += [value for name, value in attrs if name in ("href", "src") and value]


def test_without_chromium_make_book_prints_no_pdf_and_links_no_missing_file(changed):
    site = changed / "_build" / "html"
    assert not list(site.glob("*.pdf"))
    missing = []
    for page in (page for page in site.rglob("*.html") if "_static" not in page.parts):
        for address in Links(page.read_text(encoding="utf-8")).addresses:
            path = address.split("#")[0].split("?")[0]
            if path and ":" not in path and not (page.parent / path).exists():
                missing.append((page.relative_to(site).as_posix(), address))
    assert missing == []
    assert "mpsbook.pdf" not in (site / "book" / "intro.html").read_text(encoding="utf-8")
