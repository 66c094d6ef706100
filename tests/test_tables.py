"""Tables for readers (mpsbook.tables): headings in words, thousands separators, no counter column."""

import math

import pandas as pd

from mpsbook import tables


def test_reader_table_has_word_headings_separators_and_no_counter_column():
    frame = pd.DataFrame({"claim_key": ["a"], "low": [250000.0], "ratio": [3.0120], "official": [math.nan]})
    html = tables.reader_table_html(frame)
    assert "<th scope=\"col\">Claim</th>" in html and "Lowest value the words allow" in html
    assert ">250,000<" in html and ">3.01<" in html and '<td class="num"></td>' in html
    assert "claim_key" not in html and ">0<" not in html


def test_a_meaningful_index_becomes_the_first_column():
    frame = pd.DataFrame({"quote": ["over 250,000"]}, index=pd.Index(["C01"], name="claim_id"))
    html = tables.reader_table_html(frame)
    assert html.index("Mention") < html.index("The article") and ">C01<" in html


def test_an_address_is_a_link_and_text_is_escaped():
    frame = pd.DataFrame({"url": ["https://example.org/a?b=1&c=2"], "note": ["<b>x</b>"]})
    html = tables.reader_table_html(frame)
    assert '<a href="https://example.org/a?b=1&amp;c=2"' in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_the_same_frame_gives_the_same_bytes():
    frame = pd.DataFrame({"value": [1, 2_000_000], "unit": ["cases", "yuan"]})
    assert tables.reader_table_html(frame) == tables.reader_table_html(frame.copy())
    assert ">2,000,000<" in tables.reader_table_html(frame)
