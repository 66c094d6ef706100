"""The helper package every notebook of the book imports: ``import mpsbook``.

It checks the numbers of one web article about the work of China's Ministry of Public Security
("the article", ``data/source/mps-article.txt``). Eight modules, each importing only those before it:

* :mod:`mpsbook.ledger.data`: the data package, the article, the ledger tables, :class:`DataError`;
* :mod:`mpsbook.extract.numbers`: number words, fractions, scale words and suffixes, currencies, place value;
* :mod:`mpsbook.extract.spans`: where a text's numbers are, and which are never quantities (dates, phones, ...);
* :mod:`mpsbook.extract.quantities`: hedges, units, the interval rule and the extractor;
* :mod:`mpsbook.extract.account`: every number of the article, and whether it is a claim, a repeat or left out (and why);
* :mod:`mpsbook.rate.wording`: figures, ratios and periods in the plain words of a conclusion;
* :mod:`mpsbook.rate.verdicts`: official figures as intervals, periods, comparisons;
* :mod:`mpsbook.rate.campaigns`: a campaign's yearly totals and the total of all its campaigns, beside the claims;
* :mod:`mpsbook.rate.readings`: the interval each reading of the hedges gives a claim, with its tolerance;
* :mod:`mpsbook.rate.origins`: the official figures a claim's number may come from, closest first;
* :mod:`mpsbook.rate.running_totals`: partial totals added over periods that do not overlap;
* :mod:`mpsbook.rate.ratings`: the verdicts, the rating rule and its chance test, for one claim;
* :mod:`mpsbook.rate.ledger_ratings`: the rule applied to every claim, under every reading of the hedges;
* :mod:`mpsbook.rate.findings`: what the article shows about itself;
* :mod:`mpsbook.present.prose`: the ratings as the chapters' prose names them (glue names and words);
* :mod:`mpsbook.present.charts`: the theme, the renderer and the chart builders (and, through
  :mod:`mpsbook.present.tables`, tables shown for readers).

:mod:`mpsbook.present.pages` fills the generated pages (scorecard, claim boxes, sources, corrections) and
:mod:`mpsbook.present.annotated_article` the annotated article, from their Jinja2 templates, for the site's
build (:mod:`mpsbook.sphinxext.pages`); :mod:`mpsbook.present.citation` makes each claim's and chart's
citation and dates each claim review, and :mod:`mpsbook.present.feed` writes the corrections log as an
Atom feed. The notebooks use none of them.

Importing the package changes no global state: the notebooks' first cell calls
:func:`mpsbook.enable_book_display`, which turns on the book's chart theme and renderer and its table display.
"""

from .ledger.data import (
    BOOK_DIR,
    ROOT_DIR,
    DATA_DIR,
    DATAPACKAGE,
    DataError,
    display_path,
    data_fingerprint,
    read_datapackage,
    resource_descriptor,
    load_article,
    load_table,
    load_references,
    paragraph_number,
    load_ledger,
    check_package,
    check_quotes,
    sources_text,
)
from .extract.numbers import (
    SMALL_NUMBERS,
    TENS,
    SCALES,
    SUFFIXES,
    ORDER_WORDS,
    FRACTION_WORDS,
    MULTIPLE_WORDS,
    CURRENCIES,
    parse_number_words,
    place_value,
)
from .extract.spans import NOT_QUANTITIES
from .extract.quantities import (
    QUALIFIERS,
    TEXT_QUALIFIERS,
    HEDGES,
    POSTFIX_HEDGES,
    UNITS,
    interval,
    extract_quantities,
    quantity_table,
)
from .extract.account import STATUSES, NEVER_REASONS, number_account, account_counts
from .ledger.period import Period
from .ledger.figures import figure, figure_words, prose_figure
from .rate.wording import MAX_WORDS, JARGON, count_words, period_words, times_words
from .rate.verdicts import (
    REFERENCE_QUALIFIERS,
    MATCHING_UNITS,
    figure_step,
    reference_interval,
    period_distance,
    claim_to_official,
    units_match,
    compare_claims,
    KIND_LABELS,
    comparison_frame,
)
from .rate.campaigns import campaign_frame
from .rate.readings import READINGS, TOLERANCE, mention_interval, claim_interval, widened
from .rate.origins import CLOSENESS, possible_origins
from .rate.running_totals import running_total, running_total_steps
from .rate.ratings import (
    RATINGS,
    VAGUE,
    chance_test,
    RULE_STEPS,
    rating_rule,
    rate_claim,
)
from .rate.ledger_ratings import claim_ratings, claim_sensitivity, sensitivity_table, rating_table
from .present.tables import verdict_table
from .rate.findings import (
    KNOWN_WORDS,
    WEB_LEFTOVERS,
    claim_flags,
    misspellings,
    spell_checker,
    article_findings,
)
from .present.charts import (
    FONT,
    PALETTE,
    QUALIFIER_COLOURS,
    RATING_COLOURS,
    CHART_COLOURS,
    CHART_WIDTH,
    LABEL_LIMIT,
    COMPARISON_LABEL_LIMIT,
    NUMBER_FORMAT,
    VEGALITE_VERSION,
    CHART_CLASS,
    chart_theme,
    chart_svg,
    chart_mimebundle,
    log_axis,
    interval_chart,
    KIND_COLOURS,
    comparison_chart,
    series_chart,
    RATING_MARKS,
    sensitivity_chart,
    enable_book_display,
)
from .present.prose import article_verdict, glue_name, rating_words, claims_by_rating, ratio_text, place_in_interval

__all__ = [
    "BOOK_DIR",
    "ROOT_DIR",
    "DATA_DIR",
    "DATAPACKAGE",
    "DataError",
    "display_path",
    "data_fingerprint",
    "read_datapackage",
    "resource_descriptor",
    "load_article",
    "load_table",
    "load_references",
    "paragraph_number",
    "load_ledger",
    "check_package",
    "check_quotes",
    "sources_text",
    "QUALIFIERS",
    "TEXT_QUALIFIERS",
    "HEDGES",
    "POSTFIX_HEDGES",
    "NOT_QUANTITIES",
    "SMALL_NUMBERS",
    "TENS",
    "SCALES",
    "SUFFIXES",
    "ORDER_WORDS",
    "FRACTION_WORDS",
    "MULTIPLE_WORDS",
    "CURRENCIES",
    "UNITS",
    "parse_number_words",
    "place_value",
    "interval",
    "extract_quantities",
    "figure",
    "quantity_table",
    "STATUSES",
    "NEVER_REASONS",
    "number_account",
    "account_counts",
    "REFERENCE_QUALIFIERS",
    "MATCHING_UNITS",
    "figure_step",
    "reference_interval",
    "Period",
    "period_distance",
    "claim_to_official",
    "units_match",
    "compare_claims",
    "KIND_LABELS",
    "comparison_frame",
    "campaign_frame",
    "RATINGS",
    "READINGS",
    "TOLERANCE",
    "MAX_WORDS",
    "JARGON",
    "figure_words",
    "prose_figure",
    "period_words",
    "times_words",
    "count_words",
    "VAGUE",
    "chance_test",
    "RULE_STEPS",
    "rating_rule",
    "CLOSENESS",
    "mention_interval",
    "claim_interval",
    "widened",
    "possible_origins",
    "running_total",
    "running_total_steps",
    "rate_claim",
    "claim_ratings",
    "claim_sensitivity",
    "sensitivity_table",
    "rating_table",
    "verdict_table",
    "KNOWN_WORDS",
    "claim_flags",
    "WEB_LEFTOVERS",
    "misspellings",
    "spell_checker",
    "article_findings",
    "FONT",
    "PALETTE",
    "QUALIFIER_COLOURS",
    "RATING_COLOURS",
    "CHART_COLOURS",
    "CHART_WIDTH",
    "LABEL_LIMIT",
    "COMPARISON_LABEL_LIMIT",
    "NUMBER_FORMAT",
    "VEGALITE_VERSION",
    "CHART_CLASS",
    "chart_theme",
    "chart_svg",
    "chart_mimebundle",
    "log_axis",
    "interval_chart",
    "KIND_COLOURS",
    "comparison_chart",
    "series_chart",
    "RATING_MARKS",
    "sensitivity_chart",
    "enable_book_display",
    "glue_name",
    "article_verdict",
    "rating_words",
    "claims_by_rating",
    "ratio_text",
    "place_in_interval",
]
