"""The book as one PDF (``make pdf``, tools/pdf.py), read back as text with poppler's ``pdftotext``.

Every claim's words, every rating, every chart's title and every source's address must be in it;
the chapters must start on pages of their own, in the order of ``_toc.yml``. Text is compared with
all whitespace taken out, so that a line broken inside a table cell or an address still matches.
"""

import csv
import html
import json
import re
import shutil
import subprocess

import pytest
from helpers import toc_pages

import mpsbook
from tools import pdf as book_pdf

pytestmark = [pytest.mark.browser, pytest.mark.site]
PAPERS = {"mpsbook.pdf": "A4", "mpsbook-letter.pdf": "letter"}


def squeezed(text: str) -> str:
    """``text`` without whitespace, with typographic quotes made plain (the build's smartquotes)."""
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}))
    return re.sub(r"\s+", "", html.unescape(text))


@pytest.fixture(scope="module")
def pdfs(site_dir):
    if not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
        pytest.skip("pdftotext and pdfinfo not found (apt-get install poppler-utils): the PDF is not read")
    return {name: site_dir / name for name in PAPERS}


@pytest.fixture(scope="module")
def pages(pdfs):
    """The A4 PDF's text, page by page (pdftotext ends each page with a form feed)."""
    text = subprocess.run(["pdftotext", str(pdfs["mpsbook.pdf"]), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def whole(pages):
    return squeezed(" ".join(pages))


def chart_titles() -> list[str]:
    titles = []
    for notebook in sorted((mpsbook.ledger.data.ROOT_DIR / "book").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                chart = output.get("data", {}).get(mpsbook.present.charts.CHART_MIME)
                if chart:
                    titles.append(chart["title"])
    return titles


def read_csv(name: str) -> list[dict]:
    with open(mpsbook.ledger.data.ROOT_DIR / "data" / name, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_both_paper_sizes_are_printed_with_a_sane_number_of_pages(pdfs):
    counts = {}
    for name, paper in PAPERS.items():
        info = subprocess.run(["pdfinfo", str(pdfs[name])], capture_output=True, text=True, check=True).stdout
        assert re.search(rf"^Page size:.*\({paper}\)", info, re.M | re.I), info
        counts[name] = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        # Chromium's time of printing is replaced by the edition's date, so a rebuild changes no byte.
        assert re.search(r"^CreationDate:.*2\d{3}", info, re.M) and "00:00:00" in info, info
    # One sheet at least per page of the book, and far fewer than a page per table row would take.
    assert all(len(toc_pages()) * 3 < count < 400 for count in counts.values()), counts
    assert abs(counts["mpsbook.pdf"] - counts["mpsbook-letter.pdf"]) < counts["mpsbook.pdf"] * 0.2, counts


def test_every_claim_and_every_rating_is_in_the_pdf(whole):
    claims, verdicts = read_csv("claims.csv"), read_csv("derived/verdicts.csv")
    assert claims and verdicts
    missing = [row["quote"] for row in claims if squeezed(row["quote"]) not in whole]
    assert missing == []
    assert [row["rating"] for row in verdicts if squeezed(row["rating"]) not in whole] == []
    # Each claim's conclusion: on its own page (the scorecard and the chapter's summary give it in one line).
    assert [row["claim_key"] for row in verdicts if squeezed(row["conclusion"]) not in whole] == []


def test_every_chart_title_is_in_the_pdf(whole):
    titles = chart_titles()
    assert len(titles) >= 5
    assert [title for title in titles if squeezed(title) not in whole] == []


def test_every_source_address_is_printed(site_dir, whole):
    sources = (site_dir / "book" / "sources.html").read_text(encoding="utf-8")
    addresses = re.findall(r'class="mpsbook-source-link" href="([^"]+)"', sources)
    assert len(addresses) > 20
    # pdftotext joins a line that ends in a hyphen to the next without it, as it would a hyphenated word.
    unhyphenated = whole.replace("-", "")
    assert [address for address in addresses if squeezed(address).replace("-", "") not in unhyphenated] == []
    # A chapter's link whose words are not its address gets the address printed after it.
    assert squeezed("<http://en.people.cn/n3/2024/0516/c90000-20170426.html>") in whole
    # Nothing of the way it was printed leaks into the text.
    assert book_pdf.ORIGIN.removeprefix("http://") not in whole and "127.0.0.1" not in whole


def test_chapters_start_on_pages_of_their_own_in_toc_order(site_dir, pages):
    cover = squeezed(pages[0])
    starts = []
    for page in toc_pages():
        text = (site_dir / page).read_text(encoding="utf-8")
        found = re.search(r'<article class="bd-article">.*?<h1>(.*?)<a class="headerlink"', text, re.S)
        heading = squeezed(re.sub(r"<[^>]+>", "", found.group(1)))
        assert heading in cover, f"{page}: {heading} is not in the contents on the cover"
        # After the running header (the book's title) and a blank line, a chapter's sheet starts with its
        # heading, on one line or, if long, two.
        matching = [number for number, sheet in enumerate(pages[1:], 1)
                 if heading in (squeezed(" ".join(sheet.split("\n")[2:2 + lines])) for lines in (1, 2))]
        # A sheet may also start with a heading's words by chance (the intro lists the chapters): each
        # chapter's start is the first sheet after the previous chapter's that starts with its heading.
        later = [number for number in matching if not starts or number > starts[-1]]
        assert later, f"no sheet after {starts} starts with the heading of {page} ({heading}): sheets {matching}"
        starts.append(later[0])
    assert starts[0] == 1  # the cover, then the first page of the table of contents
