"""The README's three common changes, followed word for word in a scratch copy of the book.

The README writes each change as a block of lines (``set``, ``append``, ``run``, ``prints``); the test
reads those blocks from the README itself and carries them out in a copy of the repository (the same
.venv and node_modules, linked), as on a machine without Chromium (so without the PDF), checks that
each command printed what the README says it prints, then runs ``make test-fast`` in the copy: only
the findings the README says a change may move (``tests/book/test_book_ratings.py``) may fail. Every
place a reader meets the changed claims must then say the new verdict: ``verdicts.csv`` and its
download, the scorecard, the claims' pages and summaries and their ClaimReview JSON-LD, the
annotated article and the chapter's prose. The copy imports its own ``mpsbook`` (PYTHONPATH), so the
repository is never written to.
"""

import csv
import io
import json
import os
import re
import shlex
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import mpsbook

pytestmark = pytest.mark.site

ROOT = mpsbook.ledger.data.ROOT_DIR
FOLDERS = ("book", "data", "tests", "tools", "bench")


def readme_recipes() -> list[list[str]]:
    """The lines of each recipe block of the README's "Three common changes", as the README writes them."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Three common changes", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```text\n(.*?)```", section, re.S)
    return [[line for line in block.splitlines() if line.strip()] for block in blocks]


def readme_changes() -> dict:
    """Each claim whose verdict the README's recipes say they change, and its new verdict, read from their ``prints``."""
    lines = [line for recipe in readme_recipes() for line in recipe if line.startswith("prints ")]
    return dict(re.findall(r"the verdict of (\S+) changes: .+? -> (.+?) \(decided by", "\n".join(lines)))


EXPECTED = readme_changes()


def test_the_readme_recipes_say_which_verdicts_they_change():
    assert len(EXPECTED) == 3  # one a block: a reading, a figure, a claim


def set_cell(path: Path, row_key: str, column: str, value: str) -> None:
    """One cell of a CSV file set, the row named by its first column (``newest``: the last row)."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    index = len(rows) - 1 if row_key == "newest" else next(i for i, row in enumerate(rows) if row[0] == row_key)
    rows[index][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def follow(folder: Path, recipe: list[str], env: dict) -> str:
    """Carry out one recipe in ``folder``; returns what its commands printed, checked against its ``prints`` lines."""
    printed = ""
    for line in recipe:
        verb, _, rest = line.partition(" ")
        if verb == "set":
            file, row, column, value = shlex.split(rest)
            set_cell(folder / file, row, column, value)
        elif verb == "append":
            file, _, text = rest.partition(" ")
            with (folder / file).open("a", encoding="utf-8") as handle:
                handle.write(text + "\n")
        elif verb == "run":
            # -o: the environment's stamps are the repository's; CHROMIUM: as on a machine without one.
            command = [*shlex.split(rest), "-o", ".venv/.installed", "-o", "node_modules/.installed",
                       f"CHROMIUM={folder / 'no-chromium'}"]
            result = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
            printed += result.stdout + result.stderr
            assert result.returncode == 0, f"{rest} failed:\n{printed[-4000:]}"
        elif verb == "prints":
            assert rest in printed, f"the README says this prints {rest!r}; it printed:\n{printed[-3000:]}"
        else:
            raise AssertionError(f"README recipe line not understood: {line!r}")
    return printed


def scratch_copy(folder: Path) -> Path:
    """The book's sources copied into ``folder`` (modification times kept, so make sees its stamps as current)."""
    for path in ROOT.iterdir():  # every file at the top (the Makefile, the configs, publication.yml, ...)
        if path.is_file() and not path.name.startswith("."):
            shutil.copy2(path, folder / path.name)
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints")
    for name in FOLDERS:
        shutil.copytree(ROOT / name, folder / name, ignore=ignore, copy_function=shutil.copy2)
    for name in (".venv", "node_modules"):
        os.symlink(ROOT / name, folder / name)
    return folder


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
    env = {**os.environ, "PYTHONPATH": str(folder / "book")}
    recipes = readme_recipes()
    assert len(recipes) == 3, "the README's three common changes, each a block the test follows"
    for recipe in recipes:
        follow(folder, recipe, env)
    return folder


def test_the_derived_table_and_its_download_say_the_new_ratings(changed):
    for path in [changed / "data" / "derived" / "verdicts.csv",
                 *(changed / "_build" / "html" / "_downloads").rglob("verdicts.csv")]:
        rows = {row["claim_key"]: row["rating"] for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))}
        assert {key: rows.get(key) for key in EXPECTED} == EXPECTED, path
    assert list((changed / "_build" / "html" / "_downloads").rglob("verdicts.csv")), "no download of verdicts.csv"


def test_every_page_that_names_a_changed_claim_says_its_new_rating(changed):
    seen = {key: set() for key in EXPECTED}
    editions = list(csv.DictReader(io.StringIO((changed / "data" / "editions.csv").read_text(encoding="utf-8"))))
    newest, added = editions[-1]["date"], editions[-1]["claims_added"].split()
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
            if key in added:  # first rated by the newest edition
                assert review["datePublished"] == newest
    sections = section_of(changed)
    for key, pages in seen.items():
        # The scorecard (intro), the claim's summary (its chapter), its own page with its ClaimReview, the article.
        assert {"book/intro.html", f"book/{sections[key]}.html", f"book/claim/{key}.html", "book/article.html",
                "ClaimReview"} <= pages, (key, pages)


def section_of(folder: Path) -> dict:
    """Each claim's section, the chapter (and notebook) that analyses it, from the copy's ledger."""
    rows = csv.DictReader(io.StringIO((folder / "data" / "claims.csv").read_text(encoding="utf-8")))
    return {row["claim_key"]: row["section"] for row in rows}


def test_the_chapter_prose_glues_the_new_rating(changed):
    text = "application/papermill.record/text/plain"  # how myst-nb stores a glued string
    for key, rating in EXPECTED.items():
        section = section_of(changed)[key]
        stored = json.loads((changed / "book" / f"{section}.ipynb").read_text(encoding="utf-8"))
        glued = {output["metadata"]["scrapbook"]["name"]: output["data"][text]
                 for cell in stored["cells"] for output in cell.get("outputs", []) if text in output.get("data", {})}
        assert glued[f"rating_{key.replace('-', '_')}"].strip("'\"") == rating, key
    # *{glue:text}`Rating_drug_dens_2022`.* opens the paragraph on the dens, in the prose as the reader reads it.
    chapter = Text((changed / "_build" / "html" / "book" / f"{section_of(changed)['drug-dens-2022']}.html")
                   .read_text(encoding="utf-8")).text
    assert f"{EXPECTED['drug-dens-2022'].capitalize()}. \u201cMore than one hundred\u201d drug production dens" in chapter


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


# The one file of tests the README says a change may fail: the book's own findings, pinned claim by claim. Every
# other test of the fast tier must pass after any of its changes.
PINNED = "tests/book/test_book_ratings.py"


def test_the_readme_names_the_file_of_pinned_findings_and_no_other():
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Three common changes", 1)[1].split("\n## ")[0]
    assert set(re.findall(r"`(tests/[\w/]+\.py)`", section)) == {PINNED, "tests/book/test_change_paths.py"}


def test_after_the_three_changes_make_test_fast_fails_only_on_the_pinned_findings(changed):
    """Last: the tests' own site build writes into the copy's _build."""
    env = {**os.environ, "PYTHONPATH": str(changed / "book")}
    result = subprocess.run(["make", "test-fast", "-o", ".venv/.installed", "-o", "node_modules/.installed"],
                            cwd=changed, env=env, capture_output=True, text=True)
    output = result.stdout + result.stderr
    assert re.search(r"\d+ passed", output), output[-4000:]
    failed = re.findall(r"^(?:FAILED|ERROR) (\S+)", output, re.M)
    assert [test for test in failed if not test.startswith(PINNED + "::")] == [], output[-4000:]
    assert (result.returncode == 0) == (failed == []), output[-4000:]
