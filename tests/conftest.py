"""Shared test fixtures. pytest.ini puts book/ on the path, so the helper module imports as `mpsbook`.

The browser fixtures drive Debian's Chromium through Playwright (Playwright's own browser
download does not work here). Where Chromium is missing, every test that needs it is skipped
with one stated reason; `.ci/run` installs it, so CI always runs them.
"""

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from helpers import served, toc_pages

import mpsbook
from tools import pdf as book_pdf

CHROMIUM = os.environ.get("MPSBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
SITE = mpsbook.ledger.data.ROOT_DIR / "_build" / "html"
SOURCES = [mpsbook.ledger.data.ROOT_DIR / name for name in ("_config.yml", "_toc.yml", "CITATION.cff")] + [
    path for folder in ("book", "data") for path in (mpsbook.ledger.data.ROOT_DIR / folder).rglob("*")
    if path.is_file() and "__pycache__" not in path.parts and ".ipynb_checkpoints" not in path.parts
]


def pytest_collection_modifyitems(config, items):
    # The browser and JupyterLab files are the longest; run first (make test passes
    # --no-loadscope-reorder), each goes to a worker while the shorter files fill the other.
    # A stable sort keeps every other file, and every notebook's cells, in their order.
    items.sort(key=lambda item: "browser" not in item.keywords)
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("MPSBOOK_REQUIRE_BROWSER"):
        raise pytest.UsageError(f"MPSBOOK_REQUIRE_BROWSER is set but there is no Chromium at {CHROMIUM}")
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: browser and JupyterLab tests skipped")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def site_is_fresh() -> bool:
    stamp = SITE / ".buildinfo"
    return stamp.exists() and all(path.stat().st_mtime <= stamp.stat().st_mtime for path in SOURCES)


@pytest.fixture(scope="session")
def site_dir():
    """The built site: reused when newer than every source, otherwise built as `make book` builds it, PDF included.

    A lock file keeps parallel test workers from building it twice at once.
    """
    SITE.parent.mkdir(exist_ok=True)
    with open(SITE.parent / ".site-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not site_is_fresh():
            jupyter_book = Path(sys.executable).with_name("jupyter-book")
            subprocess.run([str(jupyter_book), "build", "-W", "-n", "--keep-going", "."], cwd=mpsbook.ledger.data.ROOT_DIR,
                           check=True, capture_output=True)
            (SITE / ".buildinfo").touch()
        if Path(CHROMIUM).exists() and not pdfs_are_fresh():
            # The intro links them, as `make book` prints them. In a process of its own: this one may
            # already be running Playwright's sync API (the session's browser), which cannot nest.
            subprocess.run([sys.executable, "-m", "tools.pdf", str(SITE)], cwd=mpsbook.ledger.data.ROOT_DIR, check=True,
                           capture_output=True, env={**os.environ, "MPSBOOK_CHROMIUM": CHROMIUM})
    return SITE


def pdfs_are_fresh() -> bool:
    built = max((SITE / ".buildinfo").stat().st_mtime, Path(book_pdf.__file__).stat().st_mtime)
    return all((SITE / name).exists() and (SITE / name).stat().st_mtime >= built for name in book_pdf.PAPERS)


# ---- the book's data, loaded once per test file -------------------------------------------


@pytest.fixture(scope="module")
def article():
    return mpsbook.load_article()


@pytest.fixture(scope="module")
def ledger():
    return mpsbook.load_ledger()


@pytest.fixture(scope="module")
def claims(ledger):
    return ledger[0]


@pytest.fixture(scope="module")
def ratings(ledger):
    return mpsbook.claim_ratings(*ledger)


@pytest.fixture(scope="module")
def rated(ratings):
    """The book's ratings, indexed by claim key."""
    return ratings.set_index("claim_key")


@pytest.fixture(scope="module")
def sensitivity(ledger):
    """Each claim's rating under each reading of the hedges (:func:`mpsbook.claim_sensitivity`)."""
    return mpsbook.claim_sensitivity(*ledger)


@pytest.fixture(scope="session")
def site_url(site_dir):
    """The site served on 127.0.0.1 at a free port, for the whole session."""
    with served(site_dir) as origin:
        yield origin


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageWatch:
    """A page that records every request to another host, every console error and every failed response."""

    def __init__(self, page, origin):
        self.page, self.outside, self.errors = page, [], []
        page.on("request", lambda r: None if r.url.startswith((origin, "data:", "blob:", "about:"))
                else self.outside.append(r.url))
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.on("response", lambda r: self.errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)


VIEWPORT = {"width": 1280, "height": 900}


@contextlib.contextmanager
def site_context_holding_a_page(browser, site_url, init_script=None):
    """A browser context with one page held open on the site, for tests to open their pages beside.

    Each page a test opens is a new tab in this context. While a page of the context stays open,
    a chapter loads in a new tab for about 1.3 CPU-seconds; once the last one closes, the next
    costs about 3.1, as in a context of its own (measured with Playwright on the 2-core machine of
    the README's Performance table, with the HTTP cache on and off alike). Each tab keeps its own
    media emulation, mouse, scroll and listeners; storage is the context's (see watched_tab).
    """
    context = browser.new_context(viewport=VIEWPORT)
    try:
        if init_script:
            context.add_init_script(init_script)
        context.new_page().goto(f"{site_url}/search.html", wait_until="load")
        yield context
    finally:
        context.close()


@pytest.fixture(scope="session")
def site_context(browser, site_url):
    """The context the site's pages open in as tabs, for the whole session."""
    with site_context_holding_a_page(browser, site_url) as context:
        yield context


@contextlib.contextmanager
def watched_tab(context, site_url):
    """A new tab in ``context``, closed afterwards; any outside request or error it saw is an error of the test.

    What the tab left in the context's storage is cleared first, so that it reaches no later tab:
    a search, for one, leaves its terms for the next page to highlight.
    """
    watch = PageWatch(context.new_page(), site_url)
    try:
        yield watch
    finally:
        try:
            watch.page.evaluate("() => { try { localStorage.clear(); } catch (error) {} }")
        finally:
            watch.page.close()
    assert watch.outside == [], f"requests to other hosts: {watch.outside}"
    assert watch.errors == [], f"errors in the page: {watch.errors}"


@pytest.fixture
def watched_page(site_context, site_url):
    with watched_tab(site_context, site_url) as watch:
        yield watch


CHARTS_DRAWN = "html[data-mpsbook-charts=drawn]"
CHAPTERS = [page for page in toc_pages() if (mpsbook.ledger.data.ROOT_DIR / page.replace(".html", ".ipynb")).exists()]


# Charts are drawn when they near the viewport: scroll to each in turn, then back to the top.
SCROLL_THROUGH_CHARTS = """async () => {
    for (const chart of document.querySelectorAll('.mpsbook-chart')) {
        chart.scrollIntoView();
        await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 50)));
    }
    window.scrollTo(0, 0);
}"""


def open_page(watch, site_url, page):
    """Load ``page`` in a watched page and wait until its charts, if any, are drawn."""
    watch.page.goto(f"{site_url}/{page}", wait_until="load")
    if watch.page.query_selector(".mpsbook-chart"):
        watch.page.evaluate(SCROLL_THROUGH_CHARTS)
        watch.page.wait_for_selector(CHARTS_DRAWN, state="attached", timeout=15_000)
    return watch.page


@pytest.fixture(scope="module")
def loaded_pages(site_context, site_url):
    """Each page opened once for the module, in a tab of its own; closed at the end, after checking it saw nothing
    outside the site and no error. Call it with a page's path; it returns the loaded Playwright page."""
    watches = {}

    def load(page):
        if page not in watches:
            watches[page] = watch = PageWatch(site_context.new_page(), site_url)
            open_page(watch, site_url, page)
        return watches[page].page

    yield load
    for page, watch in watches.items():
        watch.page.close()
        assert watch.outside == [] and watch.errors == [], (page, watch.outside, watch.errors)


def copy_book(target: Path) -> Path:
    """A throwaway copy of book/ and data/ (what a notebook reads), so running cells never touches the repo."""
    for folder in ("book", "data"):
        shutil.copytree(mpsbook.ledger.data.ROOT_DIR / folder, target / folder,
                        ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    return target / "book"


# ---- tiny ledgers for the rating rule's tests ----


def rate(low, high, figures, reading="book rule", qualifier=""):
    """The rating of a one-claim ledger of 2022 cases; ``figures`` is a list of (value, relation, comparability, period)."""
    return mpsbook.rate.ratings.rate_claim(low, high, reading, rate_pairs(figures), qualifier=qualifier, campaign="Test Action")


def rule_context(low, high, figures, reading="book rule", qualifier="", **about):
    """What the rule's steps read (:class:`mpsbook.rate.rule_context.Claim`) for a one-claim ledger, as :func:`rate` has it."""
    return mpsbook.rate.ratings.claim_context(low, high, reading, rate_pairs(figures), qualifier=qualifier,
                                              campaign="Test Action", **about)


def rate_pairs(figures) -> pd.DataFrame:
    """The rows of :func:`mpsbook.compare_claims` for a one-claim ledger of 2022 cases and ``figures``."""
    return pd.DataFrame([
        {"claim_id": "C01", "ref_id": f"r{i}", "comparability": kind, "reason": "Why.", "claim_key": "k",
         "period": "2022", "topic": "t", "metric": "m", "value": value, "unit": "cases", "unit_ref": "cases",
         "period_ref": period,
         "ref_low": mpsbook.reference_interval(value, relation)[0],
         "ref_high": mpsbook.reference_interval(value, relation)[1]}
        for i, (value, relation, kind, period) in enumerate(figures)
    ], columns=["claim_id", "ref_id", "comparability", "reason", "claim_key", "period", "topic", "metric", "value",
                "unit", "unit_ref", "period_ref", "ref_low", "ref_high"])



# ---- the tables the generated pages are filled from, and the options of a claim's box ----


@pytest.fixture(scope="session")
def tables():
    from mpsbook.present import pages

    return pages.page_tables()


@pytest.fixture(scope="session")
def box_options():
    from page_parts import LINKS

    return {"ratings": mpsbook.RATINGS, "readings": mpsbook.READINGS, "colours": mpsbook.present.charts.RATING_COLOURS,
            "links": LINKS}
