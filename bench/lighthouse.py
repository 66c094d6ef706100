"""Lighthouse scores of every page of the built site, served compressed as real hosts serve it.

Lighthouse (pinned in package.json as a development dependency) runs with its mobile preset
(a mid-range phone on slow 4G, simulated) in the Chromium at ``MPSBOOK_CHROMIUM``. The site is
served from 127.0.0.1 by :class:`CompressingHandler`, which gzips text files as static hosts
do; nothing is requested from another host.

    python -m bench.lighthouse [PAGE ...]   # from the book's root; prints one line of scores per page

:func:`scores` is what ``make bench`` calls for its Lighthouse budgets.
"""

import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.helpers import served, toc_pages  # the tests' own: the local server, the pages of _toc.yml

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("MPSBOOK_CHROMIUM", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = (".html", ".js", ".css", ".json", ".svg", ".txt", ".xml", ".csv")


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it (as static hosts do for text), with a cache lifetime."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _BytesFile(body)


class _BytesFile:
    """What send_head returns for copyfile: a readable body that closes."""

    def __init__(self, body: bytes):
        import io

        self._io = io.BytesIO(body)
        self.read = self._io.read

    def close(self):
        self._io.close()


def serve(site: Path = SITE):
    """The site on 127.0.0.1 at a free port, gzipped; a context manager that yields its origin."""
    return served(site, CompressingHandler)


def lighthouse(url: str) -> dict:
    """One Lighthouse run (mobile preset) of ``url``: the four category scores (0-100) and the paint times (s)."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, timeout=300)
        result = json.loads(report.read_text(encoding="utf-8"))
    figures = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
    for audit in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"):
        figures[audit] = result["audits"][audit]["numericValue"]
    figures["failed"] = sorted(key for key, audit in result["audits"].items()
                               if audit.get("score") is not None and audit["score"] < 0.9
                               and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"))
    return figures


def scores(pages=None, runs: int = 1) -> dict:
    """Lighthouse figures for each page (default: every page of the table of contents), keyed by page.

    With ``runs`` > 1 each figure is the median of that many runs: on a shared machine one run's
    performance score moves by 10 points from one minute to the next (the blocking time above all).
    """
    import statistics

    results = {}
    with serve() as origin:
        for page in pages or toc_pages():
            each = [lighthouse(f"{origin}/{page}") for _ in range(runs)]
            results[page] = {key: (statistics.median(run[key] for run in each) if key != "failed" else each[0][key])
                             for key in each[0]}
    return results


def main() -> None:
    for page, figures in scores(sys.argv[1:] or None).items():
        print(f"{page:<28} " + " ".join(f"{name} {figures[name]}" for name in CATEGORIES)
              + f"  FCP {figures['first-contentful-paint'] / 1000:.1f} s"
              f"  LCP {figures['largest-contentful-paint'] / 1000:.1f} s"
              f"  TBT {figures['total-blocking-time']:.0f} ms  CLS {figures['cumulative-layout-shift']:.3f}"
              f"  below 0.9: {', '.join(figures['failed']) or '-'}", flush=True)


if __name__ == "__main__":
    main()
