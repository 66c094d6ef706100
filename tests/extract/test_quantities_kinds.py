"""The extractor on the kinds added for issue 22, kind by kind, in sentences made up for the purpose.

Phone, hotline and emergency numbers known only by their context (:mod:`mpsbook.extract.phones`), and the
kinds the errors on the NewsQuant benchmark showed (bench/newsquant.py): units of measurement and
rates, currencies, percentages written "pc", negatives, scales, ranges, hedges written as symbols,
fractions, shares, ages, and what is never a quantity (addresses, eras, seats). The benchmark's own words
(share-index names, scores, models, sports statistics, counted words) are tested in tests/test_quantities_bench.py.
None of the sentences is from the benchmark.
"""

import math

import pytest
from extracted import only_row

import mpsbook

NAN = math.nan


def rows(text, **options):
    return mpsbook.extract_quantities(text, **options)


# Phone, hotline and emergency numbers ---------------------------------------------------------

HOTLINES_BY_CONTEXT = [
    "Victims can report fraud to the anti-fraud centre at 96110.",
    "The consumer complaint number is 12315.",
    "Residents may ring the service line, 12345, at any hour.",
    "Citizens can use the 96110 platform to check suspicious calls.",
    "Tips go to the reporting platform 962288 or to any station.",
]
GROUPED_PHONES = [
    "Report tips to the bureau on 0871 6320 1100.",
    "The reporting line 6520 3000 is open daily.",
    "Its contact number: 400 820 8820.",
    "Tel: 0871-6320 1100",
]
EMERGENCY_NUMBERS = [
    "Call 110 for police, 119 for fire and 120 for an ambulance.",
    "In an emergency, dial 110 or 119.",
    "Residents should know the police emergency number 110 by heart.",
    "People can also text 12110 to report a crime.",
    "If in doubt, call the police at 110.",
    "The emergency number 112 works across Europe.",
]


@pytest.mark.parametrize("text", HOTLINES_BY_CONTEXT)
def test_a_bare_five_or_six_digit_number_named_a_hotline_by_its_clause_is_no_quantity(text):
    assert rows(text).empty


@pytest.mark.parametrize("text", GROUPED_PHONES)
def test_digits_in_groups_of_four_are_a_phone_number(text):
    assert rows(text).empty


@pytest.mark.parametrize("text", EMERGENCY_NUMBERS)
def test_an_emergency_number_named_by_the_words_around_it_is_no_quantity(text):
    assert rows(text).empty


@pytest.mark.parametrize(
    "text, expressions",
    [
        ("The 110 emergency centre received 3,000 calls.", ["3,000"]),
        ("Police received 110 reports last week.", ["110"]),
        ("He arrested 119 suspects in 120 days.", ["119", "120"]),
        ("The centre handled 12345 cases.", ["12345"]),
        ("Over 10000 units near the service centre were checked.", ["Over 10000"]),
        ("There are 15 313 officers.", ["15 313"]),
        ("In 2022 1000 cases went to the courts.", ["1000"]),
        ("The platform blocked 120 websites.", ["120"]),
    ],
)
def test_counts_near_service_words_and_emergency_digits_stay_counts(text, expressions):
    assert list(rows(text)["expression"]) == expressions


# Units of measurement and rates ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expression, unit",
    [
        ("The phone has 256GB of storage.", "256", "gigabytes"),
        ("Winds reached 50 mph.", "50", "miles per hour"),
        ("Winds reached 50mph.", "50", "miles per hour"),
        ("Old cars did about 80 m.p.h. at most.", "about 80", "miles per hour"),
        ("It built on the 50 previous years of work.", "50", "years"),
        ("a 6.1-inch screen", "6.1", "inches"),
        ("The lake warmed by 2.14degF last year.", "2.14", "degrees Fahrenheit"),
        ("It was 21 °C at noon.", "21", "degrees Celsius"),
        ("a 5 kW solar panel", "5", "kilowatts"),
        ("a 5.5kWh battery", "5.5", "kilowatt hours"),
        ("a 3923sq m estate", "3923", "square metres"),
        ("a tip 1.5mm wide", "1.5", "millimetres"),
        ("a 750 meter swim", "750", "metres"),
        ("The drive took 3 minutes.", "3", "minutes"),
        ("a 65-year-old driver", "65", "years of age"),
        ("He will be 30 years old in May.", "30", "years of age"),
        ("Smith, 66, said he would appeal.", "66", "years of age"),
    ],
)
def test_a_unit_of_measurement_after_the_number_is_its_unit(text, expression, unit):
    row = only_row(text)
    assert (row["expression"], row["unit"]) == (expression, unit)


@pytest.mark.parametrize(
    "text, unit",
    [
        ("The office rents at $80 per sq m.", "dollars per square metre"),
        ("The plan costs RM79 a month.", "ringgit per month"),
        ("a loss of 63 cents per share", "cents per share"),
        ("fees rise 5.8 percent a year", "percent per year"),
        ("gold at $1,271.2 an ounce", "dollars per ounce"),
    ],
)
def test_a_denominator_after_a_unit_makes_a_rate(text, unit):
    assert only_row(text)["unit"] == unit


def test_a_code_is_still_a_code_whatever_letters_follow_it():
    assert rows("Another aim is to bring 5G to rural areas.").empty


# Currencies, percentages, negatives, scales -----------------------------------------------------


@pytest.mark.parametrize(
    "text, expression, figure, unit",
    [
        ("worth A$2.5 million", "A$2.5 million", 2.5e6, "Australian dollars"),
        ("worth $US40 million", "$US40 million", 4e7, "US dollars"),
        ("about S$3mil was laundered", "about S$3mil", 3e6, "Singapore dollars"),
        ("HK $12,500 in cash", "HK $12,500", 12_500, "Hong Kong dollars"),
        ("an offer of C $6 in cash", "C $6", 6, "Canadian dollars"),
        ("priced at RM120,000", "RM120,000", 120_000, "ringgit"),
        ("a PS6m bonus", "PS6m", 6e6, "pounds"),  # "£" as ASCII copy writes it
        ("a profit of Y=50 billion", "Y=50 billion", 5e10, "yen"),  # "¥" as ASCII copy writes it
        ("a laptop for 1,200\u20ac", "1,200", 1_200, "euros"),
        ("the dollar rose to 108.79 JPY", "108.79", 108.79, "yen"),
        ("shares were up 5pc", "5", 5, "percent"),
        ("sold for 10.5 million Australian dollars", "10.5 million", 1.05e7, "Australian dollars"),
        ("a fine of 7.5 million Danish crowns", "7.5 million", 7.5e6, "Danish crowns"),
        ("a loss of minus-5 yards", "minus-5", -5, "yards"),
        ("as cold as minus 40 Celsius", "minus 40", -40, "degrees Celsius"),
        ("a deficit of $-3.2bn", "$-3.2bn", -3.2e9, "dollars"),
        ("a .500 record", ".500", 0.5, ""),
        ("4 hundred million people", "4 hundred million", 4e8, "people"),
        ("roughly 3.0\u00d710\u22128 metres per second", "roughly 3.0\u00d710\u22128", 3e-8, "metres per second"),
    ],
)
def test_currencies_percentages_negatives_and_scales(text, expression, figure, unit):
    row = only_row(text)
    assert (row["expression"], row["figure"], row["unit"]) == (expression, pytest.approx(figure), unit)


def test_ps_before_a_model_number_is_no_currency():
    assert rows("a PS4 console").empty


# Ranges ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expression, low, high, unit",
    [
        ("Flats range from $5,000 to $9,000.", "$5,000 to $9,000", 5_000, 9_000, "dollars"),
        ("Fines ranged from $200,000 to $4 million.", "$200,000 to $4 million", 2e5, 4e6, "dollars"),
        ("growth of 5 per cent to 20 per cent", "5 per cent to 20", 5, 20, "percent"),
        ("between 15kHz and 17kHz", "between 15kHz and 17", 15, 17, "kilohertz"),
        ("a charger of 5-10W", "5-10", 5, 10, "watts"),
        ("flats from 450 sq ft up to 900 sq ft", "450 sq ft up to 900", 450, 900, "square feet"),
        ("Adults need about 2000 - 2500 calories.", "about 2000 - 2500", 2000, 2500, "calories"),
        ("The lake cooled by 1 to 1.5 degrees Celsius.", "1 to 1.5", 1, 1.5, "degrees Celsius"),
    ],
)
def test_from_one_figure_to_another_without_a_word_of_change_is_a_range(text, expression, low, high, unit):
    row = only_row(text)
    assert (row["expression"], row["qualifier"], row["low"], row["high"], row["unit"]) == (expression, "range", low, high, unit)


@pytest.mark.parametrize(
    "text, expressions",
    [
        ("Cases rose from 630 to 719.", ["630", "719"]),
        ("The deficit increased by $4 billion to $9 billion.", ["$4 billion", "$9 billion"]),
        ("In 2020 - 2500 cases were filed.", ["2500"]),
    ],
)
def test_a_change_and_a_step_by_are_two_figures(text, expressions):
    assert list(rows(text)["expression"]) == expressions


# Hedges written as symbols ---------------------------------------------------------------------


# Fractions, shares, periods, what is counted ----------------------------------------------------


@pytest.mark.parametrize(
    "text, expression, figure, counted",
    [
        ("One fourth of the town voted.", "One fourth", 0.25, "town"),
        ("Add 1/16 of a cup of salt.", "1/16", 1 / 16, "cup"),
        ("Half the flats were sold.", "Half", 0.5, "flats"),
    ],
)
def test_fractions_are_shares(text, expression, figure, counted):
    # What each is a share of ("counted") is the benchmark's (tests/test_quantities_bench.py).
    row = rows(text).iloc[0]
    assert (row["expression"], row["figure"], row["unit"]) == (expression, pytest.approx(figure), "fraction")


def test_a_slash_between_digits_is_a_fraction_only_before_of():
    assert rows("The line is open 24/7 for callers.").empty


def test_every_with_a_duration_is_a_period_and_every_with_a_count_a_denominator():
    assert list(rows("The comet returns every 33 years.")["expression"]) == ["33"]
    assert list(rows("a rate of 5 for every 100 residents")["expression"]) == ["5"]


@pytest.mark.parametrize("text, unit", [("An estimated 5 million children were helped.", "children"),
                                        ("about 60 fishermen work there", "fishermen")])
def test_an_irregular_plural_is_a_counted_thing(text, unit):
    assert only_row(text)["unit"] == unit


# What is never a quantity ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The shop is at 12 Elm Street.",
        "They live at 7 Rue Cler in Paris.",
        "The temple was built around A.D. 1000 by the Maya.",
        "Their seats were in Row 21 of the stand.",
        "Between 1600 and 1900 the town grew.",
        "Seas could rise sharply by 2120, they warn.",
        "Labs ran COVID -19 checks all week.",
        "She joined the Backyard Worlds: Planet 9 project.",
    ],
)
def test_addresses_eras_seats_and_years_named_so_give_no_row(text):
    assert rows(text).empty


# Units written once for several figures, rates of durations, ages, a lone "one" (issue 22, second round) -----------

@pytest.mark.parametrize("text, units", [
    ("The fee is seven or eight dollars a visit.", ["dollars", "dollars"]),
    ("Pick a 5- or 6-inch pot.", ["inches", "inches"]),
    ("Lift grew from 3.5 to 4.0 mm last spring.", ["millimetres", "millimetres"]),
    ("The herd shrank from 120 cows to 95 over the winter.", ["cows", "cows"]),
    ("Sales fell to 4 percent from 6 in the quarter.", ["percent", "percent"]),
])
def test_a_unit_written_once_is_shared_by_the_figures_it_follows(text, units):
    assert list(rows(text)["unit"]) == units


def test_a_share_or_multiple_is_not_shared_with_a_bare_figure():
    assert list(rows("Roughly 40 or twice that.")["unit"]) == ["", "times"]


@pytest.mark.parametrize("text, unit", [
    ("Nurses work 50 hours a week.", "hours per week"),
    ("The pump turns 3,000 times a minute.", "times per minute"),
    ("Revenue was $4 billion a year earlier.", "dollars"),
])
def test_a_duration_or_multiple_with_a_denominator_is_a_rate_unless_it_dates(text, unit):
    assert only_row(text)["unit"] == unit


def test_last_year_is_not_what_a_figure_counts():
    assert only_row("Output reached 7.5 last year.")["unit"] == ""


# A unit shared by a change, a part, a match or an ellipsis; what is counted, rates, ages (issue 22, third round) ---

@pytest.mark.parametrize("text, units", [
    ("The index rose 12.5 points to 3,410.2 on Friday.", ["points", "points"]),
    ("The index closed at 2,950.4, down 12.1 points.", ["points", "points"]),
    ("The index gained 3 percent to 1,200.", ["percent", ""]),
    ("Some 40,000 flats were sold, including 9,000 in the capital.", ["flats", "flats"]),
    ("We counted 300 cyclists this year compared with 250 last year.", ["cyclists", "cyclists"]),
    ("She has spent 40 million of the 90 million pesos she raised.", ["pesos", "pesos"]),
    ("They built 120 houses by hand and 80 by machine.", ["houses", "houses"]),
    ("The storm destroyed 300 homes and 12 were injured.", ["homes", ""]),
    ("Tickets cost 7, 8 or 9 euros.", ["euros", "euros", "euros"]),
    ("The index ended at 16,200, 12 percent above its low.", ["", "percent"]),
    ("They built 120 houses. And 80 by machine were planned.", ["houses", ""]),
    ("He served 4 years in jail and 2 on probation.", ["years", ""]),
    ("The index fell 74.25, or 0.7 percent, to 9,985.81.", ["", "percent", ""]),
    ("Fees rose 7, 8, or 9 percent.", ["percent", "percent", "percent"]),
])
def test_a_bare_figure_takes_the_unit_its_change_part_match_or_ellipsis_names(text, units):
    assert list(rows(text)["unit"]) == units


@pytest.mark.parametrize("text, units", [
    ("The lab runs 2,000 samples per day.", ["samples per day"]),
    ("The plant makes 5 million cards a year.", ["cards"]),
    ("The bid is C$8 (US$5.90) per share.", ["Canadian dollars per share", "US dollars per share"]),
])
def test_a_count_is_a_rate_only_with_per_and_a_bracketed_conversion_shares_the_denominator(text, units):
    assert list(rows(text)["unit"]) == units


@pytest.mark.parametrize("text, unit", [
    ("He met a boy who was 9.", "years of age"),
    ("She will be 40 next month.", "years of age"),
    ("She is 2 in the world rankings.", ""),
    ("Life expectancy there is about 81 for women.", "years of age"),
    ("The index was 25 at the close.", ""),
])
def test_an_age_is_read_from_who_was_she_will_be_and_life_expectancy(text, unit):
    assert only_row(text)["unit"] == unit
