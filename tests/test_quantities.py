"""The extractor over the whole article, over tricky phrases, and its properties."""

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

import mpsbook

NAN = math.nan

# Every quantity of the article, read by hand: (expression, figure, low, high, qualifier, unit).
ARTICLE_QUANTITIES = [
    ("over 250,000", 250_000, 250_000, 260_000, "over", "cases"),
    ("nearly more than 400 thousand", 400_000, 300_000, 500_000, "contradictory", "suspects"),
    ("over 200 million", 200e6, 200e6, 300e6, "over", "cards"),
    ("tens of thousands", NAN, 1e4, 1e5, "order", "cyberattacks"),
    ("more than on million", 1e6, 1e6, 2e6, "over", "cases"),
    ("over 300,000", 300_000, 300_000, 400_000, "over", "police"),
    ("over 3,000", 3_000, 3_000, 4_000, "over", "organizations"),
    ("thousands", NAN, 1e3, 1e4, "order", "threats"),
    ("hundreds", NAN, 100, 1_000, "order", "suspects"),
    ("about one billion", 1e9, 0.5e9, 1.5e9, "about", "yuan"),
    ("nearly 20", 20, 10, 20, "nearly", "tons"),
    ("more than one hundred", 100, 100, 200, "over", "dens"),
    ("tens of billions", NAN, 1e10, 1e11, "order", "cases"),
    ("hundreds billion", NAN, 1e11, 1e12, "order", "yuan"),
    ("over 250k", 250_000, 250_000, 260_000, "over", "cases"),
    ("close to 400k", 400_000, 300_000, 400_000, "nearly", "suspects"),
    ("more than 300", 300, 300, 400, "over", "enterprises"),
    ("over 10000", 10_000, 10_000, 20_000, "over", "units"),
    ("more than two thousand", 2_000, 2_000, 3_000, "over", "systems"),
]


@pytest.fixture(scope="module")
def article_quantities(article):
    return mpsbook.extract_quantities(article)


def same(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == b


def test_every_quantity_of_the_article_is_found_in_order(article_quantities):
    assert list(article_quantities["expression"]) == [row[0] for row in ARTICLE_QUANTITIES]


@pytest.mark.parametrize("index", range(len(ARTICLE_QUANTITIES)))
def test_each_article_quantity_has_the_right_reading(article_quantities, index):
    expression, figure, low, high, qualifier, unit = ARTICLE_QUANTITIES[index]
    row = article_quantities.iloc[index]
    assert row["expression"] == expression
    assert same(row["figure"], figure), row["figure"]
    assert (row["low"], row["high"]) == (low, high)
    assert row["qualifier"] == qualifier
    assert row["unit"] == unit


def test_offsets_point_at_the_expression(article, article_quantities):
    for row in article_quantities.itertuples():
        assert article[row.start : row.end] == row.expression


def test_paragraphs_count_non_empty_lines(article, article_quantities):
    paragraphs = [line for line in article.split("\n") if line.strip()]
    for row in article_quantities.itertuples():
        assert row.expression in paragraphs[row.paragraph - 1]
    assert list(article_quantities["paragraph"]) == [1, 1, 1, 1, 3, 4, 6, 6, 6, 6, 7, 7, 7, 7, 9, 9, 9, 10, 10]


def test_no_year_is_counted(article, article_quantities):
    for year in ("2018", "2022", "2023"):
        assert year in article
        assert not article_quantities["expression"].str.contains(year).any()


def test_the_on_million_typo_is_read_as_one_million_and_noted(article_quantities):
    row = article_quantities.set_index("expression").loc["more than on million"]
    assert row["figure"] == 1e6
    assert "one million" in row["note"] and "typo" in row["note"]
    assert (article_quantities["note"] != "").sum() == 1


@pytest.mark.parametrize(
    "text, expression, figure, low, high, qualifier, unit",
    [
        ("It seized 1.2 million tonnes.", "1.2 million", 1.2e6, 1.2e6, 1.2e6, "exact", "tons"),
        ("about 1.2 million yuan", "about 1.2 million", 1.2e6, 1.15e6, 1.25e6, "about", "yuan"),
        ("roughly 45k cases", "roughly 45k", 45_000, 44_500, 45_500, "about", "cases"),
        ("almost 3,000 suspects", "almost 3,000", 3_000, 2_000, 3_000, "nearly", "suspects"),
        ("Above 13.5% of cases", "Above 13.5", 13.5, 13.5, 13.6, "over", "percent"),
        ("an estimated twenty-five thousand people", "twenty-five thousand", 25_000, 25_000, 25_000, "exact", "people"),
        ("one hundred and five officers", "one hundred and five", 105, 105, 105, "exact", "police"),
        ("a million cards", "a million", 1e6, 1e6, 1e6, "exact", "cards"),
        ("tens of millions of accounts", "tens of millions", NAN, 1e7, 1e8, "order", "accounts"),
        ("hundreds of billions of yuan", "hundreds of billions", NAN, 1e11, 1e12, "order", "yuan"),
        ("over tens of thousands of attacks", "over tens of thousands", NAN, 1e4, 1e5, "order", "attacks"),
        ("more than 2,000 cases in 2021", "more than 2,000", 2_000, 2_000, 3_000, "over", "cases"),
        ("Over 2023 cases", "Over 2023", 2023, 2023, 2024, "over", "cases"),
        ("2023 cases were filed", "2023", 2023, 2023, 2023, "exact", "cases"),
        ("at least 7 dens", "at least 7", 7, 7, 8, "over", "dens"),
        ("some 200 million cards", "some 200 million", 2e8, 1.5e8, 2.5e8, "about", "cards"),
        ("just under 1.05 billion yuan", "just under 1.05 billion", 1.05e9, 1.04e9, 1.05e9, "nearly", "yuan"),
    ],
)
def test_tricky_phrases(text, expression, figure, low, high, qualifier, unit):
    found = mpsbook.extract_quantities(text)
    assert len(found) == 1, found
    row = found.iloc[0]
    assert row["expression"] == expression
    assert same(row["figure"], figure)
    assert row["low"] == pytest.approx(low) and row["high"] == pytest.approx(high)
    assert row["qualifier"] == qualifier
    assert row["unit"] == unit


@pytest.mark.parametrize(
    "text",
    [
        "In 2022 alone the Ministry acted.",
        "since 2018, and during 2023",
        "the 2018-2020 campaign",
        "one of the departments",
        "no one was there",
        "for more than a year",
        "the hundred days",
        "multiple provinces and several departments",
        "version v6.4 of the code",
    ],
)
def test_phrases_without_a_quantity(text):
    assert mpsbook.extract_quantities(text).empty


def test_place_value_follows_the_stated_examples():
    assert mpsbook.place_value("250,000") == 10_000
    assert mpsbook.place_value("400", 1_000) == 100_000
    assert mpsbook.place_value("20") == 10
    assert mpsbook.place_value("1.2", 1_000_000) == 100_000
    assert mpsbook.place_value("45", 1_000) == 1_000
    assert mpsbook.place_value("3,000") == 1_000
    assert mpsbook.place_value("10000") == 10_000
    assert mpsbook.place_value("1.0") == mpsbook.place_value("1.5") == Decimal("0.1")


HEDGES = [""] + [f"{hedge} " for words in mpsbook.HEDGES.values() for hedge in words]


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=1, max_value=999_999_999_999), hedge=st.sampled_from(HEDGES))
def test_digits_words_and_k_give_the_same_figure(n, hedge):
    forms = [f"{n:,}", str(n), num2words(n)]
    if n % 1_000 == 0:
        forms.append(f"{n // 1_000}k")
    readings = []
    for form in forms:
        found = mpsbook.extract_quantities(f"They counted {hedge}{form} cases last year.")
        assert len(found) == 1, (form, found)
        readings.append(found.iloc[0]["figure"])
    assert all(value == n for value in readings), (forms, readings)


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=0, max_value=10**12), hedges=st.lists(st.sampled_from(HEDGES[1:]), max_size=2))
def test_interval_holds_the_figure(n, hedges):
    text = f"{''.join(hedges)}{n:,} tons"
    found = mpsbook.extract_quantities(text)
    assert len(found) == 1
    row = found.iloc[0]
    assert row["low"] <= row["figure"] <= row["high"]
    assert row["qualifier"] in mpsbook.QUALIFIERS


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(
        st.sampled_from(
            list("0123456789,. kK%-")
            + ["over ", "nearly ", "tens of ", "thousand", "hundreds ", "one ", "two ", "million ", "and ", "cases ",
               "2022 ", "on ", "a "]
        ),
        max_size=25,
    )
)
def test_any_text_gives_well_formed_rows(pieces):
    text = "".join(pieces)
    found = mpsbook.extract_quantities(text)
    for row in found.itertuples():
        assert text[row.start : row.end] == row.expression
        assert row.low <= row.high
        assert math.isnan(row.figure) or row.low <= row.figure <= row.high
        assert row.qualifier in mpsbook.QUALIFIERS
    assert list(found["start"]) == sorted(found["start"])
