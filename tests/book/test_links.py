"""The built site's internal links and anchors, checked by LinkChecker over the site served on 127.0.0.1.

Addresses on other hosts are never requested. LinkChecker's AnchorCheck plugin checks each
``#fragment`` against the ids of the page it points into; a missing page, file or anchor fails.
"""

import re
import subprocess
import sys
from pathlib import Path

from helpers import served

# LinkChecker's command line, except that it keeps the user it is started as. Run as root (as CI containers
# commonly are), its own command line turns to user nobody, who cannot read a checkout in a private folder
# (mktemp -d, mode 0700) nor the venv inside it: it then checks one link and says nothing more. The checker only
# ever requests the site served on 127.0.0.1 (see CONFIG), so there is nothing to guard by changing user.
LINKCHECKER = [sys.executable, "-c", "import sys; from linkcheck.command import linkchecker as command; "
               "command.drop_privileges = lambda: None; sys.exit(command.linkchecker())"]
CONFIG = """\
[checking]
threads=4
# Our own server on the loopback: no need for LinkChecker's default of 10 requests a second.
maxrequestspersecond=1000
[filtering]
# Only the served site: anything else (another host, mailto:, data:) is left out, never requested.
ignore=
  ^(?!http://127\\.0\\.0\\.1:)
[output]
status=0
[AnchorCheck]
"""


# LinkChecker's last line, in the singular or the plural ("1 link in 1 URL checked. 0 warnings found. 1 error found.").
SUMMARY = re.compile(r"(\d+) links? in \d+ URLs? checked\. (\d+) warnings? found\. (\d+) errors? found\.")


def check_links(folder: Path, config_dir: Path) -> tuple[int, tuple[int, int, int], str]:
    """LinkChecker's exit status, (links, warnings, errors) and report, for the site in ``folder`` from its index.html."""
    config = config_dir / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    with served(folder) as origin:
        done = subprocess.run([*LINKCHECKER, "--config", str(config), f"{origin}/index.html"],
                              capture_output=True, text=True, timeout=600)
    summary = SUMMARY.search(done.stdout)
    assert summary, f"LinkChecker printed no summary (exit status {done.returncode}):\n{done.stdout}\n{done.stderr}"
    counts = tuple(int(n) for n in summary.groups())
    return done.returncode, counts, done.stdout


def test_no_internal_link_or_anchor_of_the_site_is_broken(site_dir, tmp_path):
    # The PDFs too: where make book prints none (no Chromium), the intro must not link them.
    status, (links, warnings, errors), report = check_links(site_dir, tmp_path)
    assert (status, warnings, errors) == (0, 0, 0), report
    assert links > 50, report  # the pages, their assets and downloads, and the links to anchors


def test_a_missing_page_and_a_missing_anchor_are_caught_and_other_hosts_left_alone(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<h1 id="top">Index</h1><a href="other.html#nowhere">a</a>'
                                     '<a href="gone.html">b</a><a href="#top">c</a><a href="https://example.org/">d</a>'
                                     '<a href="mpsbook.pdf">e</a>')
    (site / "other.html").write_text('<h1 id="here">Other</h1>')
    status, (links, warnings, errors), report = check_links(site, tmp_path)
    assert (status, links, warnings, errors) == (1, 6, 1, 2), report
    assert "Anchor `nowhere' (decoded: `nowhere') not" in report
    assert "/gone.html" in report and "/mpsbook.pdf" in report and report.count("Error: 404") == 2
    assert "example.org" not in report
