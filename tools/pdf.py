"""The whole book as one PDF, printed by Chromium from the built site (``make pdf``): a build tool, not part of the analysis.

Every page of ``_toc.yml``, in its order, then each claim's page (:func:`claim_pages`), is cut to its
article and set in one HTML document with
the first page's stylesheets and no scripts: charts are their static SVG, as the print styles show
them. Chromium prints that document once per paper size (no PDF library is needed to join pages),
with the book's title above each page and its number below. Links to other sites have their
address printed after them; links between pages point into the same PDF.

The document is served to Chromium from the site's folder by Playwright's request routing: no
server, no port, and any address outside the site is refused. Chromium writes the time of printing
into each file; it is replaced, at the same length so that every offset stays valid, by the edition's
release date (CITATION.cff), so the same site and the same Chromium print the same bytes.

    python -m tools.pdf [SITE]   # SITE defaults to _build/html; writes mpsbook.pdf and mpsbook-letter.pdf there
"""

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from mpsbook.ledger.data import ROOT_DIR
from mpsbook.present.citation import book_edition

CHROMIUM = os.environ.get("MPSBOOK_CHROMIUM", "/usr/bin/chromium")
PAPERS = {"mpsbook.pdf": "A4", "mpsbook-letter.pdf": "Letter"}
ORIGIN = "http://mpsbook.invalid"
DOCUMENT = "book/mpsbook-pdf.html"  # beside the pages, so their relative addresses hold

# The theme prints one page at a time: it hides the article's first heading (its own print title
# stands in) and keeps each table on one sheet, which cuts off a table longer than a sheet.
STYLE = """
.mpsbook-pdf-chapter { break-before: page; }
.bd-main .bd-content .bd-article h1:first-of-type { display: block !important; margin-top: 0; }
.bd-main .bd-content table { break-inside: auto !important; }
.bd-main .bd-content tr, .mpsbook-claim-title { break-inside: avoid; }
.mpsbook-table-wrap { overflow: visible !important; }
.bd-article th { overflow-wrap: normal !important; }
.bd-article .mpsbook-num, .bd-article table tr > :first-child { white-space: nowrap !important; overflow-wrap: normal !important; }
.mpsbook-pdf-address { overflow-wrap: anywhere; word-break: break-word; }
.mpsbook-pdf-cover { text-align: center; padding-top: 25%; }
.mpsbook-pdf-cover h1 { font-size: 2.2em; }
.mpsbook-pdf-cover ol { display: inline-block; text-align: left; margin-top: 3em; }
.mpsbook-pdf-offer { display: none; }
a { text-decoration: none; }
"""
HEADER = '<div style="font-size:9px;width:100%;margin:0 12mm;color:#555"><span class="title"></span></div>'
FOOTER = ('<div style="font-size:9px;width:100%;margin:0 12mm;text-align:right;color:#555">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')

# Run in the combined document: ids made unique per page, links between pages turned into links
# inside the document, other sites' addresses printed, links to files the PDF does not hold unlinked.
FIX_LINKS = """(pages) => {
  const prefix = (page) => page.replace(/[^A-Za-z0-9]+/g, '-') + '--';
  for (const section of document.querySelectorAll('.mpsbook-pdf-chapter')) {
    const page = section.dataset.page, base = new URL(page, location.origin + '/');
    section.querySelectorAll('[id]').forEach((el) => { el.id = prefix(page) + el.id; });
    section.id = prefix(page) + 'top';
    for (const a of section.querySelectorAll('a[href]')) {
      const raw = a.getAttribute('href');
      if (/^(https?:|mailto:)/.test(raw)) {
        if (a.textContent.trim() !== raw && a.textContent.trim() !== raw.replace(/^mailto:/, '')) {
          const address = document.createElement('span');
          address.className = 'mpsbook-pdf-address';
          address.textContent = ' <' + raw.replace(/^mailto:/, '') + '>';
          a.after(address);
        }
        continue;
      }
      const target = new URL(raw, base);
      const path = target.pathname.slice(1);
      if (pages.includes(path)) {
        a.setAttribute('href', '#' + prefix(path) + (target.hash ? target.hash.slice(1) : 'top'));
      } else if (a.matches('.mpsbook-chart-csv, .mpsbook-chart-svg')) {
        a.closest('p').remove();  // a chart's downloads: files of the site, not of the PDF
      } else {
        a.replaceWith(...a.childNodes);
      }
    }
  }
}"""


def toc_pages(root: Path = ROOT_DIR) -> list[str]:
    """The pages of ``_toc.yml`` in its order, as paths of the built site (``book/claims.html``)."""
    def walk(node):
        if isinstance(node, dict):
            yield from (node[key] for key in ("root", "file") if key in node)
            yield from (entry for value in node.values() for entry in walk(value))
        elif isinstance(node, list):
            yield from (entry for item in node for entry in walk(item))

    return [f"{entry}.html" for entry in walk(yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8")))]


def claim_pages(root: Path = ROOT_DIR) -> list[str]:
    """Each claim's page (:mod:`mpsbook.present.claim_pages`), in article order, as paths of the built site
    (``book/claim/<claim_key>.html``): printed after the pages of ``_toc.yml``, which link to them."""
    from mpsbook.ledger.data import load_table
    from mpsbook.present.claim_pages import claim_docname

    verdicts = load_table("verdicts", root / "data" / "datapackage.json")
    return [f"{claim_docname(key)}.html" for key in verdicts["claim_key"]]


def _without_scripts(html: str) -> str:
    return re.sub(r"<script\b.*?</script>", "", html, flags=re.S | re.I)


def anchor(page: str) -> str:
    """The prefix of the ids of ``page`` in the combined document (as FIX_LINKS writes them)."""
    return re.sub(r"[^A-Za-z0-9]+", "-", page) + "--"


def _cover(title: str, edition: str, chapters: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="#{anchor(page)}top">{heading}</a></li>' for page, heading in chapters)
    return (f'<section class="mpsbook-pdf-cover bd-article"><h1>{title}</h1><p>{edition}</p>'
            f'<ol class="mpsbook-pdf-contents">{items}</ol></section>')


def combined_html(site: Path, pages: list[str], title: str, edition: str) -> str:
    """One HTML document: the first page's head (styles only), a cover with the contents, then each page's article."""
    head = re.search(r"<head>(.*?)</head>", (site / pages[0]).read_text(encoding="utf-8"), re.S).group(1)
    head = re.sub(r"<title>.*?</title>", "", _without_scripts(head), flags=re.S)
    sections, chapters = [], []
    for page in pages:
        text = (site / page).read_text(encoding="utf-8")
        found = re.search(r'<article class="bd-article">(.*?)</article>', text, re.S)
        if not found:
            raise SystemExit(f"make pdf: {site / page} has no article: is the site built (make book)?")
        chapters.append((page, re.search(r"<h1>(.*?)<a class=\"headerlink\"", found.group(1), re.S).group(1)))
        sections.append(f'<section class="mpsbook-pdf-chapter" data-page="{page}">'
                        f'<article class="bd-article">{_without_scripts(found.group(1))}</article></section>')
    return (f'<!DOCTYPE html><html lang="en" data-theme="light"><head>{head}<title>{title}</title>'
            f'<style>{STYLE}</style></head><body><main class="bd-main"><div class="bd-content">'
            f'<div class="bd-article-container">{_cover(title, edition, chapters)}{"".join(sections)}</div></div></main></body></html>')


def _serve(site: Path, document: str):
    def handle(route):
        url = route.request.url
        if not url.startswith(ORIGIN + "/"):
            return route.abort()
        path = url[len(ORIGIN) + 1:].split("?")[0].split("#")[0]
        if path == DOCUMENT:
            return route.fulfill(body=document, content_type="text/html; charset=utf-8")
        file = (site / path).resolve()
        if site.resolve() not in file.parents or not file.is_file():
            return route.fulfill(status=404, body="")
        return route.fulfill(path=file)
    return handle


def steady(pdf: bytes, date: str) -> bytes:
    """``pdf`` with Chromium's dates of printing set to ``date`` (YYYYMMDD), at the same length (offsets hold)."""
    return re.sub(rb"\(D:\d{14}[+-]\d\d'\d\d'\)", b"(D:" + date.encode() + b"000000+00'00')", pdf)


def print_book(site: Path, root: Path = ROOT_DIR) -> list[Path]:
    """Print the built ``site`` once per paper size (``PAPERS``); the paths written."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"make pdf: no Chromium at {CHROMIUM} (apt-get install chromium, or set MPSBOOK_CHROMIUM)")
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    about = book_edition(root / "CITATION.cff")
    released = about["date"]
    pages = toc_pages(root) + claim_pages(root)
    edition = f'{config["author"]}. Edition {about["version"]}, {released}.'
    document = combined_html(site, pages, html.escape(config["title"]), html.escape(edition))
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.route("**/*", _serve(site, document))
        page.emulate_media(media="print", color_scheme="light")
        page.goto(f"{ORIGIN}/{DOCUMENT}", wait_until="load")
        page.evaluate(FIX_LINKS, pages)
        page.evaluate("document.fonts.ready.then(() => true)")
        for name, paper in PAPERS.items():
            pdf = page.pdf(format=paper, print_background=True, outline=True, tagged=True,
                           display_header_footer=True, header_template=HEADER, footer_template=FOOTER,
                           margin={"top": "16mm", "bottom": "16mm", "left": "12mm", "right": "12mm"})
            (site / name).write_bytes(steady(pdf, released.replace("-", "")))
            written.append(site / name)
        browser.close()
    return written


def lacks_chinese_font() -> bool:
    """Whether fontconfig knows no font for Chinese: the sources' quotations would print as empty boxes."""
    if not shutil.which("fc-list"):
        return False
    return not subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout.strip()


if __name__ == "__main__":
    site_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT_DIR / "_build" / "html"
    if lacks_chinese_font():
        print("make pdf: no Chinese font on this machine (fc-list :lang=zh), so the sources' Chinese words print as "
              "empty boxes (their text is still in the PDF): apt-get install fonts-noto-cjk", file=sys.stderr)
    for path in print_book(site_dir):
        print(f"{path}: {path.stat().st_size // 1024} KiB")
