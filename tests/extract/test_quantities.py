"""The extractor over the whole article, over tricky phrases and real-text phrasing kind by kind, its properties and its command line."""

import math

import pytest
from extracted import assert_reading, only_row
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
        "2023 cases were filed",  # a year whatever follows it (issue 18); a count of 2,023 is written with a comma
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


HEDGES = [""] + [f"{hedge} " for words in mpsbook.extract.hedges.HEDGES.values() for hedge in words]


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=1, max_value=999_999_999_999), hedge=st.sampled_from(HEDGES))
def test_digits_words_and_k_give_the_same_figure(n, hedge):
    forms = [f"{n:,}", num2words(n)] + ([] if 1900 <= n <= 2100 and not hedge else [str(n)])  # else a year
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
            [*"0123456789,. kK%-", "over ", "nearly ", "tens of ", "thousand", "hundreds ", "one ", "two ", "million ",
             "and ", "cases ", "2022 ", "on ", "a "]
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
        assert row.qualifier in mpsbook.extract.quantities.TEXT_QUALIFIERS
    assert list(found["start"]) == sorted(found["start"])


# ---------------------------------------------------------------------------------------------
# Real-text phrasing, kind by kind (issue 18). Each case states the right reading by the rule of
# the methods page ("Reading a vague number as an interval"): (text, expression, figure, low,
# high, qualifier, unit).
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expression, figure, low, high, qualifier, unit",
    [
        ("Victims lost more than $1 billion.", "more than $1 billion", 1e9, 1e9, 2e9, "over", "dollars"),
        ("nearly £500,000 was taken", "nearly £500,000", 5e5, 4e5, 5e5, "nearly", "pounds"),
        ("about US$2 billion", "about US$2 billion", 2e9, 1.5e9, 2.5e9, "about", "US dollars"),
        ("over RMB 3.5 billion in accounts", "over RMB 3.5 billion", 3.5e9, 3.5e9, 3.6e9, "over", "yuan"),
        ("fines of CNY 20,000", "CNY 20,000", 2e4, 2e4, 2e4, "exact", "yuan"),
        ("worth ¥1.2 trillion", "¥1.2 trillion", 1.2e12, 1.2e12, 1.2e12, "exact", "yuan"),
        ("some €40 million in assets", "some €40 million", 4e7, 3.5e7, 4.5e7, "about", "euros"),
        ("cocaine worth approx. EUR 500 million", "approx. EUR 500 million", 5e8, 4.5e8, 5.5e8, "about", "euros"),
    ],
)
def test_a_hedge_before_a_currency_sign_is_read_and_the_sign_is_the_unit(text, expression, figure, low, high, qualifier, unit):
    assert_reading(text, expression, figure, low, high, qualifier, unit)


@pytest.mark.parametrize(
    "text, expression, figure, low, high, qualifier, unit",
    [
        ("a €10M fraud", "€10M", 1e7, 1e7, 1e7, "exact", "euros"),
        ("£1.75m was seized", "£1.75m", 1.75e6, 1.75e6, 1.75e6, "exact", "pounds"),
        ("some 3m people", "some 3m", 3e6, 2.5e6, 3.5e6, "about", "people"),
        ("a $2T market", "$2T", 2e12, 2e12, 2e12, "exact", "dollars"),
        ("3.5bn yuan", "3.5bn", 3.5e9, 3.5e9, 3.5e9, "exact", "yuan"),
        ("$4B in losses", "$4B", 4e9, 4e9, 4e9, "exact", "dollars"),
        ("1.2tn yuan", "1.2tn", 1.2e12, 1.2e12, 1.2e12, "exact", "yuan"),
        ("20mn accounts", "20mn", 2e7, 2e7, 2e7, "exact", "accounts"),
        ("roughly 45k cases", "roughly 45k", 45_000, 44_500, 45_500, "about", "cases"),
        ("Some 10 000 cases", "Some 10 000", 10_000, 5_000, 15_000, "about", "cases"),
        ("15 313 officers", "15 313", 15_313, 15_313, 15_313, "exact", "police"),
    ],
)
def test_scale_suffixes_and_grouped_digits(text, expression, figure, low, high, qualifier, unit):
    assert_reading(text, expression, figure, low, high, qualifier, unit)


@pytest.mark.parametrize(
    "text, expression, figure, low, high, qualifier, unit",
    [
        ("half a million people", "half a million", 5e5, 5e5, 5e5, "exact", "people"),
        ("twelve hundred cases", "twelve hundred", 1200, 1200, 1200, "exact", "cases"),
        ("5 hundred suspects", "5 hundred", 500, 500, 500, "exact", "suspects"),
        ("two dozen suspects", "two dozen", 24, 24, 24, "exact", "suspects"),
        ("a dozen dens", "a dozen", 12, 12, 12, "exact", "dens"),
        ("two and a half tons", "two and a half", 2.5, 2.5, 2.5, "exact", "tons"),
        ("dozens of victims", "dozens", NAN, 12, 120, "order", "victims"),
        ("scores of websites", "scores", NAN, 20, 200, "order", "websites"),
        ("several thousand accounts", "several thousand", NAN, 2_000, 10_000, "order", "accounts"),
        ("a few hundred people", "a few hundred", NAN, 200, 1_000, "order", "people"),
        ("hundreds of thousands of cases", "hundreds of thousands", NAN, 1e5, 1e6, "order", "cases"),
    ],
)
def test_number_words_dozens_halves_and_hundreds(text, expression, figure, low, high, qualifier, unit):
    assert_reading(text, expression, figure, low, high, qualifier, unit)


@pytest.mark.parametrize(
    "text, expression, low, high, unit",
    [
        ("3 to 5 million pills", "3 to 5 million", 3e6, 5e6, "pills"),
        ("3-5 million pills", "3-5 million", 3e6, 5e6, "pills"),
        ("between 15 and 39 million people", "between 15 and 39 million", 15e6, 39e6, "people"),
        ("suspects aged 16-59", "16-59", 16, 59, "years of age"),
        ("a rise of 10\u201315%", "10\u201315", 10, 15, "percent"),
        ("two to three tons", "two to three", 2, 3, "tons"),
        ("2 to 3 times higher", "2 to 3 times", 2, 3, "times"),
        ("between 44 kg and 50 kg", "between 44 kg and 50", 44, 50, "kilograms"),
        ("5% to 10% of cases", "5% to 10", 5, 10, "percent"),
    ],
)
def test_a_range_is_one_row_with_its_own_interval(text, expression, low, high, unit):
    assert_reading(text, expression, NAN, low, high, "range", unit)


def test_from_one_figure_to_another_is_a_change_not_a_range():
    found = mpsbook.extract_quantities("homicides rose from 630 to 719")
    assert list(found["expression"]) == ["630", "719"]
    assert list(found["qualifier"]) == ["exact", "exact"]


@pytest.mark.parametrize(
    "text, expression, figure, low, high, qualifier, unit",
    [
        ("Two-thirds of the victims", "Two-thirds", 2 / 3, 2 / 3, 2 / 3, "exact", "fraction"),
        ("One in five adults", "One in five", 0.2, 0.2, 0.2, "exact", "fraction"),
        ("1 in 5 adults", "1 in 5", 0.2, 0.2, 0.2, "exact", "fraction"),
        ("two out of 10 adults", "two out of 10", 0.2, 0.2, 0.2, "exact", "fraction"),
        ("a third of the cases", "a third", 1 / 3, 1 / 3, 1 / 3, "exact", "fraction"),
        ("half of the suspects", "half", 0.5, 0.5, 0.5, "exact", "fraction"),
        ("rose by more than a fifth on the year", "more than a fifth", 0.2, 0.2, 0.4, "over", "fraction"),
        ("almost a tenth of all crime", "almost a tenth", 0.1, 0.0, 0.1, "nearly", "fraction"),
        ("the number more than doubled", "more than doubled", 2, 2, 3, "over", "times"),
        ("seven times higher", "seven times", 7, 7, 7, "exact", "times"),
        ("a 10-fold increase", "10-fold", 10, 10, 10, "exact", "times"),
        ("a tenfold increase", "tenfold", 10, 10, 10, "exact", "times"),
        ("approximately eight times the amount", "approximately eight times", 8, 7.5, 8.5, "about", "times"),
    ],
)
def test_shares_and_multiples_carry_a_unit_that_says_so(text, expression, figure, low, high, qualifier, unit):
    assert_reading(text, expression, figure, low, high, qualifier, unit)


@pytest.mark.parametrize(
    "text, expression, figure, unit",
    [
        ("12 per cent of cases", "12", 12, "percent"),
        ("a 60 percent increase", "60", 60, "percent"),
        ("down 5.3 percentage points", "5.3", 5.3, "percentage points"),
        ("a change of -5%", "-5", -5, "percent"),
        ("a fall of \u221212.5%", "\u221212.5", -12.5, "percent"),
        ("Police in 12 cities detained suspects", "12", 12, "cities"),
        ("5,000 kilos of drugs", "5,000", 5000, "kilograms"),
        ("a 10,000-yuan fine", "10,000", 10_000, "yuan"),
        ("RMB 3.5 billion in accounts", "RMB 3.5 billion", 3.5e9, "yuan"),
        ("Rmb 300m in cash", "Rmb 300m", 3e8, "yuan"),
        ("79,000 criminal suspects", "79,000", 79_000, "suspects"),
    ],
)
def test_units_per_cent_negatives_and_the_word_counted(text, expression, figure, unit):
    row = only_row(text)
    assert (row["expression"], row["figure"], row["unit"]) == (expression, pytest.approx(figure), unit)


NOT_QUANTITIES = {
    "date": ["Police acted on July 28.", "Police acted on 28 July.", "BEIJING, Sept. 26 (Xinhua) -- police said",
             "It was updated 2024-06-26.", "between 27 and 29 May 2024 the operation ran", "on the 21st June"],
    "time": ["It began at 10:30 pm.", "It began at 2pm.", "Xinhua) 09:55, the report", "at 9 a.m. sharp"],
    "phone": ["Call the hotline 96110 now.", "Dial 110 in an emergency.", "Phone 010-6520-3000.", "Call Center: 962288",
              "Call the '96110' anti-fraud hotline.", "the 12110 SMS alert platform", "the public made calls to 110 all night",
              "Ring +86 10 6520 3000.", "the 12345 hotline"],
    "reference": ["under Article 287 of the Criminal Law", "a Level 3 response", "Decree No. 119 applies",
                  "the Investigative Court no. 24 in Barcelona", "see Table 1", "Volume 450 of the record"],
    "identifier": ["5G networks", "the COVID-19 outbreak", "open 24/7", "Code bm01000001",
                   "Registration Number: 05070218", "ISO 27001 certified", "a G20 summit",
                   "best viewed with Internet Explorer 8 or newer", "the passage of Voyager 2 in 1979",
                   "Operation EMMA 9 led to arrests"],
    "list number": ["1. Main points", "(2) The second measure"],
    "ordinal": ["the 20th anniversary", "the 3rd round of talks", "the 8th joint meeting"],
    "one of": ["one of the suspects fled", "no one was hurt", "persons who experienced one or more crimes"],
    "rate denominator": ["per 100,000 inhabitants"],
    "year": ["In 2022 police acted.", "2023 cases were filed", "the 2018-2020 campaign", "in 1998-99 and 2009/10",
             "between 2016 and 2019", "in the 1990s"],
    "name": ["the 14th Five-Year Plan", "during the Two Sessions"],
}


@pytest.mark.parametrize("kind, text", [(kind, text) for kind, texts in NOT_QUANTITIES.items() for text in texts])
def test_what_is_never_a_quantity_gives_no_row(kind, text):
    assert mpsbook.extract_quantities(text).empty, kind


def test_a_rate_keeps_its_figure_and_drops_its_denominator():
    row = only_row("a rate of 0.5 per 100,000 people")
    assert (row["expression"], row["figure"]) == ("0.5", 0.5)


def test_a_year_followed_by_a_unit_word_is_still_a_year():
    found = mpsbook.extract_quantities("In 2022 police cracked 1,000 cases")
    assert list(found["expression"]) == ["1,000"]


# Properties ---------------------------------------------------------------------------------

MONTHS = ["January", "Feb.", "March", "Apr", "May", "June", "July", "Aug.", "Sept.", "October", "Nov", "December"]
SENTENCES = ["Police said on {} that the campaign went on.", "The ministry, {}, reported progress.",
             "{} was when officers met the press.", "As of {} the work continued"]
dates = st.builds(
    lambda month, day, year, form: [f"{month} {day}", f"{day} {month}", f"{month} {day}, {year}", f"{day} {month} {year}",
                                    f"{year}-{MONTHS.index(month) + 1:02d}-{day:02d}"][form],
    st.sampled_from(MONTHS), st.integers(1, 28), st.integers(1990, 2030), st.integers(0, 4),
)
times = st.builds(lambda h, m, form: [f"{h}:{m:02d}", f"{h}:{m:02d} pm", f"{h}pm", f"{h} a.m."][form],
                  st.integers(1, 12), st.integers(0, 59), st.integers(0, 3))
phones = st.builds(lambda a, b, c, form: [f"{a:03d}-{b}-{c}", f"hotline {b}{c}", f"Dial {b}", f"+86 {a} {b} {c}"][form],
                   st.integers(10, 999), st.integers(1000, 9999), st.integers(1000, 9999), st.integers(0, 3))
identifiers = st.builds(lambda letters, digits, form: [f"{letters}{digits}", f"{letters}-{digits}", f"{digits}{letters}"][form],
                        st.sampled_from(["G", "COVID", "MP", "IPv", "A", "bm", "Q"]), st.integers(1, 999), st.integers(0, 2))


@settings(max_examples=200, deadline=None)
@given(thing=st.one_of(dates, times, phones, identifiers), sentence=st.sampled_from(SENTENCES))
def test_a_date_time_phone_number_or_identifier_in_any_sentence_gives_no_row(thing, sentence):
    assert mpsbook.extract_quantities(sentence.format(thing)).empty, thing


def forms_of(n):
    """The ways a text may write n: digits with commas, words, and a suffix where n allows one."""
    forms = [f"{n:,}", num2words(n).replace(",", "")]
    for divisor, suffixes in ((10**9, ["bn", "B"]), (10**6, ["m", "M", "mn", " million"]), (10**3, ["k", " thousand"])):
        if n % divisor == 0:
            forms += [f"{n // divisor}{suffix}" for suffix in suffixes]
            break
    return forms


@settings(max_examples=100, deadline=None)
@given(
    n=st.one_of(st.integers(1, 10**6), st.integers(1, 999).map(lambda k: k * 10**6), st.integers(1, 99).map(lambda k: k * 10**9)),
    prefix=st.sampled_from(["", "$", "€", "RMB ", "more than ", "nearly ", "about $", "up to "]),
)
def test_a_number_in_digits_with_a_suffix_or_in_words_gives_one_figure(n, prefix):
    for form in forms_of(n):
        found = mpsbook.extract_quantities(f"Police counted {prefix}{form} cases in the campaign.")
        assert len(found) == 1, (form, found)
        assert found.iloc[0]["figure"] == n, form


# The command line ---------------------------------------------------------------------------


def test_the_command_line_prints_the_rows_of_a_file_as_csv(tmp_path, capsys, monkeypatch):
    import csv
    import runpy

    text = "Police seized nearly 20 tons on July 28 and arrested 1,000-plus suspects.\n"
    (tmp_path / "passage.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["python -m mpsbook", "quantities", str(tmp_path / "passage.txt")])
    with pytest.raises(SystemExit) as stopped:
        runpy.run_module("mpsbook", run_name="__main__")  # what python -m mpsbook runs
    assert stopped.value.code == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert [(r["expression"], r["qualifier"], r["low"], r["high"], r["unit"]) for r in rows] == [
        ("nearly 20", "nearly", "10.0", "20.0", "tons"), ("1,000-plus", "over", "1000.0", "2000.0", "suspects")]
    assert list(rows[0]) == list(mpsbook.extract_quantities(text).columns)


def test_the_command_line_names_a_file_it_cannot_read(capsys, monkeypatch):
    import runpy

    # Run as the command runs, not imported: an imported mpsbook.__main__ left in sys.modules makes runpy warn
    # in whichever test of the same worker runs the command next (tests/test_tools_notebooks.py).
    monkeypatch.setattr("sys.argv", ["python -m mpsbook", "quantities", "no-such-file.txt"])
    with pytest.raises(SystemExit) as stopped:
        runpy.run_module("mpsbook", run_name="__main__")
    assert stopped.value.code == 2
    assert "cannot read no-such-file.txt" in capsys.readouterr().err
