"""The site's front door (mpsbook_sphinx.entry): index.html a whole page, and the PDF offered only where printed."""

import stat

from mpsbook_sphinx import entry


def test_index_page_is_a_whole_html_page_that_redirects_to_the_first_page():
    page = entry.index_page("Checking the numbers: <an article>", "book/intro.html")
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert "<title>Checking the numbers: &lt;an article&gt;</title>" in page
    assert '<meta http-equiv="refresh" content="0; url=book/intro.html">' in page
    assert '<a href="book/intro.html">' in page


def test_pdf_is_offered_only_where_chromium_is_there_unless_said_otherwise(tmp_path):
    chromium = tmp_path / "chromium"
    assert not entry.pdf_is_printed({"MPSBOOK_CHROMIUM": str(chromium)})
    chromium.write_text("#!/bin/sh\n")
    assert not entry.pdf_is_printed({"MPSBOOK_CHROMIUM": str(chromium)})  # there, but cannot be run
    chromium.chmod(chromium.stat().st_mode | stat.S_IXUSR)
    assert entry.pdf_is_printed({"MPSBOOK_CHROMIUM": str(chromium)})
    assert not entry.pdf_is_printed({"MPSBOOK_CHROMIUM": str(chromium), "MPSBOOK_PDF": "0"})
    assert entry.pdf_is_printed({"MPSBOOK_CHROMIUM": str(tmp_path / "none"), "MPSBOOK_PDF": "1"})
