"""Tables for readers (mpsbook.tables): headings in words, thousands separators, no counter column."""

import math

import pandas as pd

from mpsbook import tables


def test_table_has_word_headings_separators_and_no_counter_column():
    frame = pd.DataFrame({"claim_key": ["a"], "low": [250000.0], "ratio": [3.0120], "official": [math.nan]})
    html = tables.table_html(frame)
    assert "<th scope=\"col\">Claim</th>" in html and "Lowest value the words allow" in html
    assert ">250,000<" in html and ">3.01<" in html and '<td class="num"></td>' in html
    assert "claim_key" not in html and ">0<" not in html


def test_a_meaningful_index_becomes_the_first_column():
    frame = pd.DataFrame({"quote": ["over 250,000"]}, index=pd.Index(["C01"], name="claim_id"))
    html = tables.table_html(frame)
    assert html.index("Mention") < html.index("The article") and ">C01<" in html


def test_an_address_is_a_link_and_text_is_escaped():
    frame = pd.DataFrame({"url": ["https://example.org/a?b=1&c=2"], "note": ["<b>x</b>"]})
    html = tables.table_html(frame)
    assert '<a href="https://example.org/a?b=1&amp;c=2"' in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_an_unnamed_index_is_never_shown_whatever_its_values():
    frame = pd.DataFrame({"value": [1, 2_000_000], "unit": ["cases", "yuan"]})
    shuffled = frame.set_axis([17, 3])  # what a filter or a sort leaves: a counter that no longer counts
    assert tables.table_html(shuffled) == tables.table_html(frame)
    assert ">17<" not in tables.table_html(shuffled) and ">2,000,000<" in tables.table_html(frame)
