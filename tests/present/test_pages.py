"""The generated pages as the package fills them: scorecard, claim pages and their ClaimReview, the annotated
article, the sources, the corrections log, each chart's data, and the edition every page states.

Links are asked of a stand-in :class:`Links` that writes ``test:<kind>/<target>``, so each test sees which
link each element asked for; how the build resolves them is tested in sphinx/test_sphinxext.py and, built, in
test_site_pages.py.
"""

import html
import json
import re

import markupsafe
import pandas as pd
import pybtex.database
import pytest
import yaml
from page_parts import LINKS, SCHEMA, Elements, offline_loader
from pyld import jsonld

import mpsbook
from mpsbook.present import annotated_article, claim_pages, pages
from mpsbook.present.citation import book_edition
from mpsbook_sphinx import charts
from mpsbook_sphinx.state import BuildData


def test_scorecard_has_one_row_per_claim_in_article_order(tables):
    page = Elements(pages.scorecard_html(tables["claims"], tables["verdicts"], mpsbook.present.charts.RATING_COLOURS, LINKS))
    rows = [a["data-claim"] for t, a in page.tags if t == "tr" and "data-claim" in a]
    assert rows == list(dict.fromkeys(tables["claims"]["claim_key"]))
    links = [a["href"] for a in page.having("a") if "mpsbook-claim-link" in a.get("class", "")]
    assert links == [f"test:claim/{key}" for key in rows]


def rating_badge(rating: str, colours: dict) -> str:
    """The badge macro every page's verdict is drawn with, rendered alone."""
    return pages.TEMPLATES.from_string('{% from "macros.html" import badge %}{{ badge(rating, colours) }}').render(
        rating=rating, colours=colours)


def test_every_rating_shown_is_a_rating_of_the_scale_in_words(tables):
    assert set(tables["verdicts"]["rating"]) <= set(mpsbook.RATINGS)
    assert set(tables["sensitivity"]["rating"]) <= set(mpsbook.RATINGS)
    assert set(tables["sensitivity"]["reading"]) <= set(mpsbook.READINGS)
    assert set(mpsbook.present.charts.RATING_COLOURS) == set(mpsbook.RATINGS)
    badge = rating_badge("impossible", mpsbook.present.charts.RATING_COLOURS)
    assert badge.endswith("Impossible</span>") and 'aria-hidden="true"' in badge  # the words carry it, not the swatch


def test_claim_page_has_its_mentions_and_its_official_figures(tables, box_options):
    key = "clean-net-2022-cases"
    box = Elements(claim_pages.claim_page_html(key, tables, **box_options))
    assert box.having("section", **{"data-claim": key})
    mentions = tables["claims"][tables["claims"]["claim_key"] == key]
    assert [a["href"] for a in box.having("a") if a["href"].startswith("test:paragraph/")] == [
        f"test:paragraph/{n}" for n in mentions["paragraph"]]
    refs = tables["verdicts"].set_index("claim_key").loc[key, "ref_ids"].split()
    assert [a["data-ref"] for a in box.having("li") if "data-ref" in a][: len(refs)] == refs
    urls = tables["references"].set_index("ref_id").loc[refs, "url"].tolist()
    assert [a["href"] for a in box.having("a", **{"class": "mpsbook-source-link"})][: len(refs)] == urls
    archive = box.having("a", **{"class": "mpsbook-archive-link"})[: len(refs)]
    assert [a["href"] for a in archive] == [f"https://web.archive.org/web/*/{url}" for url in urls]
    assert [a["aria-label"] for a in archive] == [f"Internet Archive copies of {url}" for url in urls]


def test_a_claim_page_grades_each_source_and_says_when_a_rating_rests_only_on_reposts(tables, box_options):
    kinds = tables["references"].set_index("ref_id")["source_kind"]
    for key, verdict in tables["verdicts"].set_index("claim_key").iterrows():
        text = claim_pages.claim_page_html(key, tables, **box_options)
        resting = str(verdict["ref_ids"]).split() if isinstance(verdict["ref_ids"], str) else []
        only_reposts = bool(resting) and set(kinds.loc[resting]) == {"repost"}
        assert (pages.REPOSTS_ONLY in text) == only_reposts, key
        for ref_id in resting:
            grade, words = pages.EVIDENCE_GRADES[kinds[ref_id]]
            assert str(markupsafe.escape(f"Evidence grade {grade}: {words}.")) in text, (key, ref_id)  # as Jinja escapes
    key = tables["verdicts"].loc[tables["verdicts"]["ref_ids"] != "", "claim_key"].iloc[0]
    reposts = {**tables, "references": tables["references"].assign(source_kind="repost")}
    assert pages.REPOSTS_ONLY in claim_pages.claim_page_html(key, reposts, **box_options)


def test_claim_review_json_ld_expands_to_one_claim_review_with_the_rating(tables, box_options):
    for key, verdict in tables["verdicts"].set_index("claim_key").iterrows():
        box = Elements(claim_pages.claim_page_html(key, tables, **box_options))
        assert len(box.scripts) == 1
        document = json.loads(box.scripts[0])
        [review] = jsonld.expand(document, {"documentLoader": offline_loader})
        assert review["@type"] == [SCHEMA + "ClaimReview"]
        assert review[SCHEMA + "url"][0]["@value"] == f"test:claim-address/{key}"
        rating = review[SCHEMA + "reviewRating"][0]
        assert rating[SCHEMA + "alternateName"][0]["@value"] == verdict["rating"]
        item = review[SCHEMA + "itemReviewed"][0]
        assert item["@type"] == [SCHEMA + "Claim"] and SCHEMA + "appearance" in item
        first = tables["claims"][tables["claims"]["claim_key"] == key]["quote"].iloc[0]
        assert review[SCHEMA + "claimReviewed"][0]["@value"] == first
        assert review[SCHEMA + "author"][0][SCHEMA + "name"][0]["@value"] == tables["edition"]["authors"]
        changes = tables["corrections"].loc[tables["corrections"]["claim_key"] == key, "date"].astype(str)
        [first] = [str(row.date) for row in tables["editions"].itertuples() if key in row.claims_added.split()]
        assert review[SCHEMA + "datePublished"][0]["@value"] == first
        assert review[SCHEMA + "dateModified"][0]["@value"] == (changes.max() if len(changes) else first)


def test_claim_review_dates_follow_the_corrections_log(tables, box_options):
    first, second, third = tables["claims"]["claim_key"].drop_duplicates().iloc[:3]
    rest = " ".join(key for key in tables["claims"]["claim_key"].drop_duplicates() if key != third)
    editions = pd.DataFrame({"version": ["1.0.0", "2.0.0"], "date": ["2030-01-01", "2030-02-01"],
                             "claims_added": [rest, third], "summary": ["a test", "a test"]})
    log = tables["corrections"].iloc[[0, 0, 0]].assign(date=["2030-01-05", "2030-03-01", "2030-02-01"],
                                                       claim_key=[first, first, third])
    dated = {**tables, "editions": editions, "corrections": log}

    def review(key):
        [text] = Elements(claim_pages.claim_page_html(key, dated, **box_options)).scripts
        return json.loads(text)

    assert (review(first)["datePublished"], review(first)["dateModified"]) == ("2030-01-01", "2030-03-01")  # latest
    assert (review(second)["datePublished"], review(second)["dateModified"]) == ("2030-01-01", "2030-01-01")  # none
    assert (review(third)["datePublished"], review(third)["dateModified"]) == ("2030-02-01", "2030-02-01")  # added


def test_every_claim_page_has_a_cite_block_with_its_address_and_bibtex(tables, box_options):
    edition = tables["edition"]
    for key, verdict in tables["verdicts"].set_index("claim_key").iterrows():
        text = claim_pages.claim_page_html(key, tables, **box_options)
        box = Elements(text)
        assert len(box.having("details", **{"class": "mpsbook-cite"})) == 1
        [address] = box.having("a", **{"class": "mpsbook-cite-address"})
        assert address["href"] == f"test:claim/{key}" and address["data-address"] == f"test:claim-site/{key}"
        [bibtex] = re.findall(r'<pre class="mpsbook-cite-bibtex"[^>]*>(.*?)</pre>', text, flags=re.S)
        [entry] = pybtex.database.parse_string(html.unescape(bibtex), "bibtex").entries.values()
        assert entry.key == f"mpsbook-{edition['version']}-{key}"
        assert entry.fields["url"] == f"test:claim-site/{key}" and entry.fields["version"] == edition["version"]
        assert entry.fields["note"] == f"Verdict: {verdict['rating']}."
        quote = tables["claims"].loc[tables["claims"]["claim_key"] == key, "quote"].iloc[0]
        lead = html.unescape(re.search(r'<p class="mpsbook-cite-text">(.*?) <a', text).group(1))
        assert lead == (f"{edition['authors']} ({edition['date'][:4]}). Checking the claim “{quote}”. In "
                        f"{edition['title']}, edition {edition['version']}, released {edition['date']}.")


def test_sources_page_lists_every_official_figure_with_a_link(tables):
    page = Elements(pages.sources_html(tables["references"]))
    references = tables["references"]
    sections = list(dict.fromkeys(references["section"]))  # a section's figures together, sections as first met
    expected = references.assign(order=references["section"].map(sections.index)).sort_values("order", kind="stable")
    assert [a["data-ref"] for a in page.having("li") if "data-ref" in a] == list(expected["ref_id"])
    assert len(page.having("a", **{"class": "mpsbook-source-link"})) == len(tables["references"])


def test_sources_page_gives_each_figure_the_date_it_was_read_and_its_archive_lookup(tables):
    text = pages.sources_html(tables["references"])
    page = Elements(text)
    live = [a["href"] for a in page.having("a", **{"class": "mpsbook-source-link"})]
    archive = [a["href"] for a in page.having("a", **{"class": "mpsbook-archive-link"})]
    assert archive == [pages.ARCHIVE_LOOKUP + url for url in live]
    for row in tables["references"].itertuples():
        assert f"Read on {row.accessed}, from {row.how}." in html.unescape(text), row.ref_id


def test_corrections_log_ends_each_claim_on_the_rating_the_book_shows(tables):
    ratings = tables["verdicts"].set_index("claim_key")["rating"]
    latest = tables["corrections"].sort_values("date", kind="stable").groupby("claim_key").tail(1)
    for row in latest.itertuples():
        assert row.rating == ratings[row.claim_key], row
        assert row.previous_rating != row.rating
    assert set(latest["rating"]) <= set(mpsbook.RATINGS)  # earlier lines keep the words then used


def test_edition_is_the_same_in_the_citation_file_and_the_book_configuration():
    about = book_edition(mpsbook.ledger.data.ROOT_DIR / "CITATION.cff")
    config = yaml.safe_load((mpsbook.ledger.data.ROOT_DIR / "_config.yml").read_text(encoding="utf-8"))
    assert config["author"] == about["authors"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", about["version"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", about["date"])
    assert "sphinxext.opengraph" in config["sphinx"]["extra_extensions"]


def test_chart_csv_holds_every_row_of_every_dataset_and_every_field():
    spec = {"datasets": {"a": [{"x": 1.0, "y": "one"}, {"x": 2.5, "y": None}, {"x": 0.1 + 0.2, "y": "sum"}],
                         "b": [{"z": 3}]},
            "data": {"name": "a"}}
    rows = charts.chart_rows(spec)
    assert charts.chart_csv(rows) == "x,y,z\n1,one,\n2.5,,\n0.3,sum,\n,,3\n"  # as every page writes a value


def test_chart_sources_name_every_official_figure_once_and_refuse_an_unknown_one():
    references = BuildData(mpsbook.ledger.data.ROOT_DIR).references
    rows = [{"ref_id": "clean-net-2022-cases"}, {"ref_id": "clean-net-2021-cases, clean-net-2022-cases"}, {}]
    links = charts.chart_sources(rows, references, "book/x")
    assert links.count("<a ") == 2 and references["clean-net-2022-cases"]["url"] in links
    with pytest.raises(Exception, match="not-a-reference"):
        charts.chart_sources([{"ref_id": "not-a-reference"}], references, "book/x")


def test_json_in_html_cannot_end_its_script_element_and_reads_back_the_same():
    value = {"b": "</script><!-- & \u2028", "a": [1, 2.5, None]}
    text = pages.json_in_html(value)
    assert json.loads(text) == value
    assert not set("<>&\u2028") & set(text) and text.isascii()
    assert text == pages.json_in_html(dict(reversed(value.items())))  # keys sorted: the same bytes


def test_every_value_is_escaped_where_a_template_writes_it(tables, box_options):
    hostile = '<script>alert("x")</script> & \'quoted\''
    claims = tables["claims"].copy()
    claims.loc[claims.index[0], "quote"] = hostile
    scorecard = pages.scorecard_html(claims, tables["verdicts"], mpsbook.present.charts.RATING_COLOURS, LINKS)
    assert "<script>" not in scorecard and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;quoted&#39;" in scorecard
    badge = rating_badge('"><b>', {'"><b>': 'red" onclick="x'})
    assert "<b>" not in badge and 'onclick="' not in badge


def test_a_template_fails_on_a_name_the_code_does_not_give():
    with pytest.raises(Exception, match="rows"):
        pages.render("scorecard.html", colours={}, links=LINKS)


def test_the_scorecard_says_how_many_readings_a_verdict_holds_under_only_where_one_changes_it(tables):
    page = pages.scorecard_html(tables["claims"], tables["verdicts"], mpsbook.present.charts.RATING_COLOURS, LINKS,
                                tables["sensitivity"])
    held = dict(re.findall(r'<tr data-claim="([^"]+)">[^\n]*?<span class="mpsbook-held">holds under (\d) of 4 readings<',
                           page))
    changes = mpsbook.sensitivity_table(tables["sensitivity"])["changes"]
    assert set(held) == set(changes.index[changes]) and "4" not in held.values()
    assert "unless its row says otherwise" in page


def test_the_article_verdict_counts_each_claim_once_with_verbs_that_agree():
    ratings = pd.DataFrame({"rating": ["correct", "incorrect", "impossible", "unproven", "can't be checked"]})
    assert mpsbook.article_verdict(ratings) == ("Of the article's 5 claims, 1 stands up, 2 are misleading, incorrect "
                                                "or impossible, and 2 cannot be confirmed from what the ministry has "
                                                "published.")
    assert "2 stand up, 1 is misleading" in mpsbook.article_verdict(
        pd.DataFrame({"rating": ["correct", "correct but understated", "misleading"]}))


def test_the_article_is_identified_by_the_address_its_text_was_found_at_with_an_archive_lookup(tables):
    about = annotated_article.article_about_html(tables["package"])
    assert '<a href="https://zhgjaqreport.com/?p=938" rel="noopener">' in about
    assert 'href="https://web.archive.org/web/*/https://zhgjaqreport.com/?p=938"' in about
    assert "no title, date, author or site name" in about  # what is not known is said, never guessed
