"""What the page tests share: a stand-in for the build's links, an HTML string's elements, schema.org offline.

Not a test file; the tests import it as ``page_parts``.
"""

from html.parser import HTMLParser


class Links:
    """Page links as ``test:claim/<key>``, ``test:claim-address/<key>``, ``test:paragraph/<n>`` and ``test:rule``."""

    def claim(self, claim_key):
        return f"test:claim/{claim_key}"

    def claim_address(self, claim_key):
        return f"test:claim-address/{claim_key}"

    def claim_site_address(self, claim_key):
        return f"test:claim-site/{claim_key}"

    def claim_in_chapter(self, claim_key):
        return f"test:claim-in-chapter/{claim_key}"

    def scorecard(self):
        return "test:scorecard"

    def paragraph(self, number):
        return f"test:paragraph/{number}"

    def rule(self):
        return "test:rule"


LINKS = Links()


class Elements(HTMLParser):
    """Every start tag of an HTML string, as (tag, attributes), and the text of each script element."""

    def __init__(self, text):
        super().__init__()
        self.tags, self.scripts, self._in_script = [], [], False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)

    def having(self, tag, **attributes):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attributes.items())]


# schema.org's context, reduced to what the book's JSON-LD uses, so expanding it needs no network.
SCHEMA_CONTEXT = {"@context": {"@vocab": "https://schema.org/"}}
SCHEMA = "https://schema.org/"


def offline_loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": SCHEMA_CONTEXT}
    raise AssertionError(f"the JSON-LD asked for a context from {url}")
