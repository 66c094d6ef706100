"""Benchmark of the book: build, execute, test and page costs, checked against its budgets.

Run with `make bench` (the environment already installed). It prints a table of figures and
one PASS/FAIL line per budget. It is a measurement, not a test: its budgets fail nothing.
Budgets are ratios, because the machine is shared and absolute times drift.

    python -m bench.bench [--scales 4 16] [--update-readme]   # from the book's root
    python -m bench.bench --quick                             # the short form CI runs (make bench-quick)

`--quick` runs every kind of step once, at the smallest size (the build as `make book` runs it, a
copy of the book built, executed and tested, one page measured in Chromium and by Lighthouse), in
about a minute, so that CI notices when a step stops working; it keeps the site already built and
prints its figures without writing them anywhere.

`--update-readme` writes the table into README.md between the bench markers.
"""

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))
EXECUTE = [str(BIN / "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--inplace",
           "--ExecutePreprocessor.record_timing=False", "--ExecutePreprocessor.timeout=600"]
CHROMIUM = os.environ.get("MPSBOOK_CHROMIUM", "/usr/bin/chromium")
COPIED = ("_config.yml", "_toc.yml", "CITATION.cff", "Makefile", "pytest.ini", "requirements.txt", "pyproject.toml",
          "package.json", "package-lock.json")
rows, budgets = [], []


def run(command, cwd=ROOT) -> float:
    """Wall seconds for ``command``; its output is discarded, and a failure stops the benchmark."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def busy_cpu_seconds() -> float:
    """CPU-seconds the whole machine has spent busy since boot (user, nice, system, irq, softirq), from /proc/stat."""
    with open("/proc/stat") as stat:
        user, nice, system, _idle, _iowait, irq, softirq = map(int, stat.readline().split()[1:8])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def run_with_cpu(command, cwd=ROOT) -> tuple:
    """Wall seconds for ``command`` and the CPU-seconds the machine was busy meanwhile (its own and any other load)."""
    before = busy_cpu_seconds()
    wall = run(command, cwd)
    return wall, busy_cpu_seconds() - before


def median_run(command, times=3, cwd=ROOT) -> float:
    return statistics.median(run(command, cwd) for _ in range(times))


def record(name: str, value: float, unit: str = "s") -> float:
    rows.append((name, f"{value:,.1f} {unit}" if unit == "s" else f"{value:,.0f} {unit}"))
    print(f"{name:<58} {rows[-1][1]:>14}", flush=True)
    return value


def budget(name: str, measured: float, limit: float) -> None:
    verdict = "PASS" if measured <= limit else "FAIL"
    budgets.append(f"{verdict}  {name}: {measured:.2f} (budget {limit:.2f})")
    print(budgets[-1], flush=True)


def copy_book(target: Path, copies: int = 1) -> list:
    """The book's sources in ``target``, with each chapter notebook repeated ``copies`` times; returns the notebooks."""
    # Every file the Makefile's targets read besides book/ and data/ (make execute needs pyproject.toml: the
    # environment's stamp depends on it); tests/test_make_targets.py checks the list against the Makefile.
    for name in COPIED:
        shutil.copy2(ROOT / name, target / name)  # copy2 keeps times, so make sees the environment as current
    shutil.copytree(ROOT / "data", target / "data")
    (target / "node_modules").symlink_to(ROOT / "node_modules")  # vega, which the build copies into the site
    shutil.copytree(ROOT / "book", target / "book", ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    entries = [line for line in (ROOT / "_toc.yml").read_text().splitlines()]
    extra = []
    for notebook in NOTEBOOKS:
        for copy in range(2, copies + 1):
            name = f"{notebook.stem}_{copy}"
            # Figure names must stay unique across the book, or Sphinx warns (an error under -W).
            text = notebook.read_text(encoding="utf-8").replace("fig-", f"fig-copy{copy}-")
            (target / "book" / f"{name}.ipynb").write_text(text, encoding="utf-8")
            extra.append(f"  - file: book/{name}")
    (target / "_toc.yml").write_text("\n".join(entries + extra) + "\n")
    return sorted((target / "book").glob("*.ipynb"))


def build_execute_test(folder: Path, notebooks: list) -> tuple:
    build = run([str(BIN / "jupyter-book"), "build", "-W", "-n", "--keep-going", "."], cwd=folder)
    execute = run(["make", "execute", f"VENV={ROOT / '.venv'}"], cwd=folder)
    test = run([sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "loadfile", "--nbval", "--nbval-current-env", "-p",
                "no:cacheprovider", *map(str, notebooks)], cwd=folder)
    return build, execute, test


# Issue 34's budget for a claim's page: a third of the bytes the lightest chapter transferred when the issue was
# filed (book/emergencies.html, 1,281,962 B, in the table of 2026-11-29). The chapters have since become lighter,
# having given their claim boxes to the claims' pages, so the budget is that fixed figure, not today's chapter.
CLAIM_PAGE_BYTES = 1_281_962 / 3


def claim_page_paths() -> list:
    """Each claim's page in the built site (``book/claim/<key>.html``), in article order, as make pdf prints them."""
    from tools.pdf import claim_pages

    return claim_pages(ROOT)


def page_metrics(pages=None, runs: int = 3) -> None:
    """Bytes each page transfers, and when its first and last charts are drawn, in headless Chromium (median of ``runs``).

    Every page of the table of contents and every claim's page by default, each claim's page with the budget of
    issue 34: at most a third of the bytes of the lightest chapter.
    """
    from playwright.sync_api import sync_playwright

    from tests.helpers import served, toc_pages  # the tests' own: the pages of _toc.yml, the site served locally

    claims = {}

    with served(ROOT / "_build" / "html") as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        for page_path in pages or toc_pages() + claim_page_paths():
            measured = []
            for _ in range(runs):
                context = browser.new_context()
                page = context.new_page()
                sizes = {}

                def count(response, sizes=sizes):
                    # A late response of a page already closed is not part of its load.
                    with contextlib.suppress(Exception):
                        sizes[response.url] = (response.request.resource_type, len(response.body()))

                page.on("response", count)
                page.goto(f"{origin}/{page_path}", wait_until="load")
                charts = page.query_selector_all(".mpsbook-chart")
                if charts:  # charts are drawn as they near the viewport: scroll to each
                    page.evaluate("""async () => { for (const c of document.querySelectorAll('.mpsbook-chart')) {
                        c.scrollIntoView(); await new Promise(r => setTimeout(r, 50)); } }""")
                    page.wait_for_selector("html[data-mpsbook-charts=drawn]", state="attached", timeout=30_000)
                timing = page.evaluate("""() => ({
                    load: performance.getEntriesByType('navigation')[0].loadEventEnd,
                    drawn: performance.getEntriesByName('mpsbook-chart-drawn').map(m => m.startTime)})""")
                measured.append((sum(size for _, size in sizes.values()), timing, len(charts)))
                context.close()
            total = statistics.median(r[0] for r in measured)
            load = statistics.median(r[1]["load"] for r in measured)
            if page_path.startswith("book/claim/"):
                claims[page_path] = total
                continue  # one line for all of them, below
            record(f"page {page_path}: bytes transferred", total, "B")
            record(f"page {page_path}: load event", load / 1000)
            if measured[0][2]:
                first = statistics.median(min(r[1]["drawn"]) for r in measured)
                last = statistics.median(max(r[1]["drawn"]) for r in measured)
                record(f"page {page_path}: first chart drawn", first / 1000)
                record(f"page {page_path}: last chart drawn", last / 1000)
                budget(f"{page_path} last chart within 2x load", last / load, 2.0)
                budget(f"{page_path} transfers at most 1.5 MB", total / 1e6, 1.5)
        browser.close()
    if claims:
        heaviest = max(claims, key=claims.get)
        record(f"claim pages ({len(claims)}): bytes transferred, heaviest ({heaviest})", claims[heaviest], "B")
        budget("heaviest claim page / a third of the lightest chapter of 2026-11-29", claims[heaviest] / CLAIM_PAGE_BYTES,
               1.0)


def lighthouse_budgets(pages=None, runs: int = 3) -> None:
    """Lighthouse (mobile preset, slow 4G simulated) on every page, served gzipped: >= 95 performance, 100 the rest.

    Every page of the table of contents and every claim's page by default. Each figure is the median of
    ``runs`` runs (about 25 s each a page).
    """
    from bench import lighthouse
    from tests.helpers import toc_pages

    for page, figures in lighthouse.scores(pages or toc_pages() + claim_page_paths(), runs=runs).items():
        rows.append((f"Lighthouse mobile {page}: performance, accessibility, best practices, SEO (median of {runs})",
                     ", ".join(f"{figures[name]:.0f}" for name in lighthouse.CATEGORIES)))
        rows.append((f"Lighthouse mobile {page}: first / largest contentful paint, total blocking time",
                     f"{figures['first-contentful-paint'] / 1000:.1f} s, {figures['largest-contentful-paint'] / 1000:.1f} s, "
                     f"{figures['total-blocking-time']:.0f} ms"))
        print(f"{rows[-2][0]:<58} {rows[-2][1]:>14}", flush=True)
        # Scores are budgets from below: the budget line reports the shortfall, which must be 0.
        budget(f"{page} Lighthouse performance below 95 by", max(0, 95 - figures["performance"]), 0)
        for name in lighthouse.CATEGORIES[1:]:
            budget(f"{page} Lighthouse {name} below 100 by", 100 - figures[name], 0)


def output_sizes() -> None:
    for notebook in NOTEBOOKS:
        record(f"notebook {notebook.name}", notebook.stat().st_size, "B")
        cells = json.loads(notebook.read_text())["cells"]
        for index, cell in enumerate(cells):
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if any("mpsbook-chart" in "".join(v) if isinstance(v, list) else "mpsbook-chart" in v
                       for k, v in data.items() if k.endswith("text/html")):
                    record(f"  chart output, {notebook.name} cell {index}", len(json.dumps(output)), "B")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="*", default=[4, 16])
    parser.add_argument("--update-readme", action="store_true")
    parser.add_argument("--quick", action="store_true", help="the short form CI runs: each kind of step once")
    options = parser.parse_args()
    if options.quick:
        if options.update_readme:
            parser.error("--quick measures too little for the README's table")
        quick()
        return
    print(f"{date.today()} on {platform.machine()}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB", flush=True)

    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    clean = record("clean build (make book after make clean)", run(["make", "book"]))
    rebuild = record("no-change rebuild, make book (median of 3)", median_run(["make", "book"]))
    budget("no-change rebuild / clean build", rebuild / clean, 0.3)
    # What make saves by not starting Jupyter Book at all when no source has changed.
    record("no-change jupyter-book build, run directly (median of 3)",
           median_run([str(BIN / "jupyter-book"), "build", "-W", "-n", "--keep-going", "."]))
    record("start-up alone: python -c 'import jupyter_book.sphinx' (median of 3)",
           median_run([sys.executable, "-c", "import jupyter_book.sphinx"]))
    (ROOT / "book" / "methods.md").touch()
    record("rebuild after editing one page (make book)", run(["make", "book"]))

    with tempfile.TemporaryDirectory() as folder:
        notebooks = copy_book(Path(folder))
        alone = sum(record(f"execute {nb.name} alone", run([*EXECUTE, str(nb)], cwd=folder)) for nb in notebooks)
        together = record("make execute (all notebooks, 2 at a time)", run(["make", "execute", f"VENV={ROOT / '.venv'}"], cwd=folder))
        budget("make execute / serial sum of notebooks", together / alone, 0.75)

    # The host's speed drifts by a third from one minute to the next (a fixed Python loop takes
    # 2.6 s to 4.0 s), so the parts and the whole are timed in turn, three rounds, and each
    # round gives a ratio: the budget holds the median ratio.
    # The order alternates from round to round, so a drift in one direction favours neither side.
    # Each round also gives the ratio's floor: make test cannot take less wall time than the
    # CPU-seconds it keeps busy divided by the cores, however well its files are spread.
    rounds, targets, cores = [], ["test-python", "test-notebooks", "test"], os.cpu_count()
    for number in range(3):
        took = {target: run_with_cpu(["make", target]) for target in (targets[::-1] if number % 2 else targets)}
        (python_part, python_cpu), (nbval_serial, nbval_cpu), (whole, whole_cpu) = (took[t] for t in targets)
        parts = python_part + nbval_serial
        rounds.append({"python": python_part, "nbval": nbval_serial, "whole": whole, "ratio": whole / parts,
                       "floor": whole_cpu / cores / parts, "busy": whole_cpu / cores / whole,
                       "cpu": f"{whole_cpu:.0f} vs {python_cpu + nbval_cpu:.0f}"})
    record("tests in tests/ alone, serially (make test-python, median of 3)", statistics.median(r["python"] for r in rounds))
    record("nbval alone, serially (make test-notebooks, median of 3)", statistics.median(r["nbval"] for r in rounds))
    record("nbval alone, 2 workers (median of 3)", median_run(
        [sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "loadfile", "--nbval", "--nbval-current-env",
         *map(str, NOTEBOOKS)]))
    record("make test (median of 3)", statistics.median(r["whole"] for r in rounds))
    for name, key, form in [
        ("make test / its parts, each round (not the ratio of the medians)", "ratio", "{:.2f}"),
        ("floor of that ratio, each round: make test's busy CPU-s / cores / parts' wall", "floor", "{:.2f}"),
        (f"make test: share of the {cores} cores kept busy, each round", "busy", "{:.0%}"),
        ("busy CPU-s, each round: make test vs its parts together", "cpu", "{}"),
    ]:
        rows.append((name, ", ".join(form.format(r[key]) for r in rounds)))
        print(f"{name:<58} {rows[-1][1]:>14}", flush=True)
    budget("make test / its parts one after another (median of the rounds' ratios)", statistics.median(r["ratio"] for r in rounds), 0.75)

    if Path(CHROMIUM).exists():
        page_metrics()
        lighthouse_budgets()
    else:
        print(f"no Chromium at {CHROMIUM}: page figures skipped")
    output_sizes()

    base = None
    for scale in [1, *options.scales]:
        with tempfile.TemporaryDirectory() as folder:
            notebooks = copy_book(Path(folder), scale)
            build, execute, test = build_execute_test(Path(folder), notebooks)
        record(f"{scale}x book ({len(notebooks)} notebooks): clean build", build)
        record(f"{scale}x book: execute, 2 at a time", execute)
        record(f"{scale}x book: nbval, 2 workers", test)
        if base is None:
            base = (build, execute, test)
        else:
            print(f"{scale}x / 1x: build {build / base[0]:.1f}, execute {execute / base[1]:.1f}, "
                  f"nbval {test / base[2]:.1f}", flush=True)
            rows.append((f"{scale}x / 1x ratios (build, execute, nbval)",
                         f"{build / base[0]:.1f}, {execute / base[1]:.1f}, {test / base[2]:.1f}"))

    if options.update_readme:
        table = "\n".join(["| measure | figure |", "| --- | --- |", *(f"| {n} | {v} |" for n, v in rows)])
        text = (f"Measured {date.today()} with `make bench` on {os.cpu_count()} cores, "
                f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB.\n\n{table}\n\n```\n"
                + "\n".join(budgets) + "\n```")
        readme = ROOT / "README.md"
        content = readme.read_text()
        content = re.sub(r"(<!-- bench:start -->\n).*(<!-- bench:end -->)", lambda m: m.group(1) + text + "\n"
                         + m.group(2), content, flags=re.S)
        readme.write_text(content)


def quick() -> None:
    """Each kind of step once, at the smallest size: what CI runs so that no step of the benchmark rots unnoticed."""
    record("make book (as built, or built now)", run(["make", "book"]))
    record("no-change rebuild, make book", run(["make", "book"]))
    with tempfile.TemporaryDirectory() as folder:
        notebooks = copy_book(Path(folder))
        build, execute, test = build_execute_test(Path(folder), notebooks)
    record(f"1x book ({len(notebooks)} notebooks), copied: clean build", build)
    record("1x book, copied: make execute, 2 at a time", execute)
    record("1x book, copied: nbval, 2 workers", test)
    if Path(CHROMIUM).exists():
        from tests.helpers import toc_pages

        page = next(page for page in toc_pages() if "claims" in page)  # the page with the most charts
        page_metrics([page], runs=1)
        lighthouse_budgets([page], runs=1)
    else:
        print(f"no Chromium at {CHROMIUM}: page figures skipped")
    output_sizes()


if __name__ == "__main__":
    main()
