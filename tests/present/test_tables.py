"""Tables for readers (mpsbook.present.tables): headings in words, thousands separators, no counter column."""

import html as html_lib
import math
import re

import pandas as pd

import mpsbook
from mpsbook.present import tables


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


def test_verdict_table_leads_with_the_verdict_and_names_claims_by_their_words_not_keys(ratings):
    html = tables.table_html(tables.verdict_table(ratings))
    heads = re.findall(r'<th scope="col">([^<]*)</th>', html)
    assert heads == ["Verdict", "The claim", "Why"]
    assert 'class="mpsbook-table mpsbook-verdict-table"' in html
    rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td>", html)
    assert [html_lib.unescape(verdict) for verdict, _ in rows] == list(ratings["rating"])
    assert [claim for _, claim in rows] == [f"\u201c{quote}\u201d" for quote in ratings["quote"]]
    for key in ratings["claim_key"]:
        assert key not in html
    assert not re.search(r"\bC\d\d\b", html), "a mention id"


def test_verdict_table_can_add_what_the_words_allow(ratings):
    table = tables.verdict_table(ratings, interval=True)
    assert list(table.columns) == ["verdict", "claim", "allows", "why"]
    first = ratings.iloc[0]
    assert table["allows"].iloc[0].endswith(first["unit"]) and " to " in table["allows"].iloc[0]


def test_comparison_labels_name_claims_by_their_words_and_periods_in_words(ledger):
    claims, comparisons, references = ledger
    compared = mpsbook.compare_claims(claims, comparisons, references)
    frame = mpsbook.comparison_frame(["C01"], claims, compared)
    assert frame["label"].iloc[0] == f"the article: \u201c{claims.set_index('claim_id').loc['C01', 'quote']}\u201d"
    text = " ".join(frame["label"]) + " " + frame["detail"].iloc[0]  # an official figure's detail is the ledger's prose
    assert not re.search(r"\b\d{4}-\d\d\b", text), text  # no ISO period such as 2018-02/2022-07
    assert "February 2018 to July 2022" in text


def test_a_yes_or_no_cell_reads_yes_or_no_and_only_a_whole_address_is_a_link():
    assert (tables.reader_value(True), tables.reader_value(False)) == ("yes", "no")
    table = tables.table_html(pd.DataFrame({"url": ["https://example.org/a", "https://example.org see this"]}))
    assert table.count("<a href=") == 1 and "https://example.org see this</td>" in table
