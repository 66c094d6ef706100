"""The corrections feed carries the log's words as text: markup in a reason reaches a feed reader escaped, never live.

The feed is read as a feed reader reads it: the XML parsed (the standard library's parser), then the
summary, which says ``type="html"``, parsed as HTML; no element may appear, and the text must be the
reason, character for character.
"""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from mpsbook.present import feed, pages

ATOM = "{http://www.w3.org/2005/Atom}"
REASONS = [
    "Fixed </script><script>alert(1)</script> here.",
    'An image <img src=x onerror="alert(1)"> in the reason.',
    "Braces {{ rating }} and a role {glue}`n_quantities` stay as typed.",
    "Entities &amp; &lt;b&gt; and a bare & stay as typed; a quote ' and \" too.",
    "<![CDATA[ ]]> <!-- a comment --> <a href='javascript:alert(1)'>link</a>",
]


class ReadAsHtml(HTMLParser):
    """What a feed reader shows of an HTML summary: its elements and its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(tag)

    def handle_comment(self, data):
        self.elements.append("<!--")

    def unknown_decl(self, data):
        self.elements.append(f"<!{data}")

    def handle_data(self, data):
        self.text.append(data)


def summaries(reason: str) -> list:
    """The summary of each entry of the feed of the book's log, with ``reason`` as the newest correction's reason."""
    tables = pages.page_tables()
    log = tables["corrections"].copy()
    newest = log["date"].astype(str).idxmax()
    log.loc[newest, "reason"] = reason
    text = feed.corrections_feed(log, tables["claims"], tables["edition"], lambda key: f"book/x.html#claim-{key}",
                                 page="book/corrections.html", feed=feed.FEED_FILE)
    return ET.fromstring(text).findall(f"{ATOM}entry/{ATOM}summary")


@pytest.mark.parametrize("reason", REASONS)
def test_markup_in_a_reason_reaches_a_feed_reader_as_text(reason):
    summary = summaries(reason)[0]
    assert summary.get("type") == "html"
    shown = ReadAsHtml()
    shown.feed(summary.text)
    shown.close()
    assert shown.elements == [], f"the summary holds live HTML: {shown.elements}"
    assert "".join(shown.text).endswith(reason)


def test_every_summary_of_the_book_log_reads_as_its_reason():
    tables = pages.page_tables()
    log = tables["corrections"].sort_values("date", ascending=False, kind="stable")
    text = feed.corrections_feed(tables["corrections"], tables["claims"], tables["edition"], str,
                                 page="p", feed="f")
    for summary, reason in zip(ET.fromstring(text).findall(f"{ATOM}entry/{ATOM}summary"), log["reason"], strict=True):
        shown = ReadAsHtml()
        shown.feed(summary.text)
        assert shown.elements == [] and "".join(shown.text).endswith(reason)
