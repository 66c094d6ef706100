"""Every page of the built site is valid HTML by the Nu Html Checker (vnu), the W3C's validator.

vnu is the ``vnu-jar`` package from npm (pinned in ``package-lock.json``, installed in ``node_modules``)
and runs on the machine's Java (Debian's ``openjdk-17-jre-headless``): ``/usr/bin/java``, or
``MPSBOOK_JAVA``. Where there is no Java these tests are skipped, saying so in one line; `.ci/run`
installs one and sets ``MPSBOOK_REQUIRE_JAVA``, which makes a missing Java an error. Only errors fail a
page: vnu's warnings are advice ("consider adding a lang attribute").
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import mpsbook

pytestmark = pytest.mark.site

VNU = mpsbook.ledger.data.ROOT_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = os.environ.get("MPSBOOK_JAVA") or shutil.which("java") or "/usr/bin/java"
if not Path(JAVA).exists() and os.environ.get("MPSBOOK_REQUIRE_JAVA"):
    raise RuntimeError(f"MPSBOOK_REQUIRE_JAVA is set but there is no Java at {JAVA}")
needs_java = pytest.mark.skipif(not Path(JAVA).exists(), reason=f"no Java at {JAVA}: the Nu Html Checker is skipped "
                                "(apt-get install openjdk-17-jre-headless)")


def html_errors(paths: list[Path]) -> list[str]:
    """vnu's errors for the HTML files ``paths``, each as 'file:line: message'."""
    assert VNU.exists(), f"{VNU} is missing: run make env (npm ci)"
    done = subprocess.run([JAVA, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, paths)],
                          capture_output=True, text=True, timeout=600)
    messages = json.loads(done.stderr or done.stdout)["messages"]
    return [f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '').strip()[:120]}]"
            for m in messages if m["type"] in ("error", "non-document-error")]


@needs_java
def test_every_page_of_the_site_is_valid_html(site_dir):
    pages = sorted(path for path in site_dir.rglob("*.html") if "_static" not in path.parts)
    assert {"index.html", "search.html", "intro.html", "crime.html"} <= {path.name for path in pages}
    assert html_errors(pages) == []


@needs_java
def test_the_checker_catches_what_the_book_once_had(tmp_path):
    # Each, in a page of its own: the bare redirect sphinx-external-toc writes, an aria-label on a div with no role
    # (the chart's drawing place), a paragraph inside a summary (myst-nb's code toggle).
    body = '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>{}</body></html>'
    pages = {"redirect.html": '<meta http-equiv="Refresh" content="0; url=book/intro.html" />\n',
             "label.html": body.format('<div aria-label="A chart">x</div>'),
             "summary.html": body.format("<details><summary><p>Show code cell source</p></summary>x</details>"),
             "valid.html": body.format("<p>Valid.</p>")}
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    errors = html_errors(sorted(tmp_path.glob("*.html")))
    assert {error.split(":")[0] for error in errors} == {"redirect.html", "label.html", "summary.html"}, errors
    assert any("doctype" in error for error in errors) and any("“title”" in error for error in errors), errors
    assert any("“aria-label” attribute must not be specified on any “div”" in error for error in errors), errors
    assert any("“p” not allowed as child of element “summary”" in error for error in errors), errors
