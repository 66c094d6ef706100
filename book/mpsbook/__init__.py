"""The helper package every notebook of the book imports: ``import mpsbook``.

It checks the numbers of one web article about the work of China's Ministry of Public Security
("the article", ``data/source/mps-article.txt``). Four layers, each importing only itself and those
above it in this list (``tests/test_layers.py``):

* :mod:`mpsbook.ledger`: the data package, the article and the ledger's tables, each row checked as it is
  read; the :class:`Period` type; how a figure is written (:mod:`mpsbook.ledger.figures`);
* :mod:`mpsbook.extract`: the quantity extractor, and the account of every number the article states;
* :mod:`mpsbook.rate`: official figures as intervals, each claim beside them, the rating rule
  (``data/rating-rule.csv``), the readings of the hedges, and what the article shows of itself;
* :mod:`mpsbook.present`: what readers see: charts, tables, the chapters' glued words, the generated pages,
  the feed and the citations.

Beside them, :mod:`mpsbook.derived` writes the derived tables (``make derived``), :mod:`mpsbook.preamble`
is the chapters' shared first cell, and ``python -m mpsbook`` is the command line.

The root exports the names the notebooks use, and no other; each is listed here with what it gives. Code
outside the notebooks (the Sphinx extension, the tests, the benchmarks) imports from the layer that holds
a name.

The ledger
    :class:`DataError` (a data file that does not match its schema, with file, row and column),
    :func:`load_article`, :func:`load_table`, :func:`load_ledger` (claims, comparisons and official figures),
    :func:`sources_text` (a chart's credit line), :func:`data_fingerprint` (what ``python -m tools.notebooks stale``
    compares), :class:`Period` (a period read once: span, last year, words), :func:`figure` (a figure for a
    table), :func:`figure_words` and :func:`prose_figure` (a figure for a sentence), :func:`fixed` (a ratio to
    a stated number of decimals).
The extractor
    :func:`extract_quantities` (every quantity of a text, with its interval), :data:`QUALIFIERS` (the readings
    of a hedge), :func:`quantity_table` (those rows for readers), :func:`number_account` and
    :func:`account_counts` (every number the article states, and what the book does with it).
Comparison and rating
    :func:`reference_interval` (the interval an official figure allows), :func:`compare_claims` and
    :func:`comparison_frame` (each mention beside its official figures), :func:`campaign_frame` (claims beside
    their campaign's yearly totals and the total of all its campaigns), :data:`READINGS`, :data:`TOLERANCE`
    and :func:`widened` (the readings of the hedges), :func:`running_total` and :func:`running_total_steps`
    (partial totals added, each period once), :data:`RATINGS` (the verdicts, true to false, then off the
    scale) and :data:`VAGUE`, :func:`claim_ratings`, :func:`claim_sensitivity` and :func:`sensitivity_table`
    (the rule applied to every claim, under every reading), :func:`article_findings` (what the article shows
    of itself), :data:`MAX_WORDS`, :func:`count_words`, :func:`period_words` and :func:`times_words` (the
    conclusions' words).
Presentation
    :func:`enable_book_display` (the notebooks' first cell calls it: chart theme, font, renderer, tables for
    readers; importing the package changes no global state), :func:`interval_chart`,
    :func:`comparison_chart`, :func:`series_chart` and :func:`sensitivity_chart`, :func:`verdict_table`,
    :func:`article_verdict`, :func:`claims_by_rating`, :func:`rating_words` and :func:`glue_name` (the
    ratings as the prose names them), :func:`ratio_text` and :func:`place_in_interval`.
"""

from .extract.account import account_counts, number_account
from .extract.quantities import QUALIFIERS, extract_quantities, quantity_table
from .ledger.data import data_fingerprint, load_article, load_ledger, load_table, sources_text
from .ledger.errors import DataError
from .ledger.figures import figure, figure_words, fixed, prose_figure
from .ledger.period import Period
from .present.charts import comparison_chart, enable_book_display, interval_chart, sensitivity_chart, series_chart
from .present.prose import article_verdict, claims_by_rating, glue_name, place_in_interval, rating_words, ratio_text
from .present.tables import verdict_table
from .rate.campaigns import campaign_frame
from .rate.chance import VAGUE
from .rate.findings import article_findings
from .rate.ledger_ratings import claim_ratings, claim_sensitivity, sensitivity_table
from .rate.ratings import RATINGS
from .rate.readings import READINGS, TOLERANCE, widened
from .rate.running_totals import running_total, running_total_steps
from .rate.verdicts import compare_claims, comparison_frame, reference_interval
from .rate.wording import MAX_WORDS, count_words, period_words, times_words

__all__ = [
    "MAX_WORDS",
    "QUALIFIERS",
    "RATINGS",
    "READINGS",
    "TOLERANCE",
    "VAGUE",
    "DataError",
    "Period",
    "account_counts",
    "article_findings",
    "article_verdict",
    "campaign_frame",
    "claim_ratings",
    "claim_sensitivity",
    "claims_by_rating",
    "compare_claims",
    "comparison_chart",
    "comparison_frame",
    "count_words",
    "data_fingerprint",
    "enable_book_display",
    "extract_quantities",
    "figure",
    "figure_words",
    "fixed",
    "glue_name",
    "interval_chart",
    "load_article",
    "load_ledger",
    "load_table",
    "number_account",
    "period_words",
    "place_in_interval",
    "prose_figure",
    "quantity_table",
    "rating_words",
    "ratio_text",
    "reference_interval",
    "running_total",
    "running_total_steps",
    "sensitivity_chart",
    "sensitivity_table",
    "series_chart",
    "sources_text",
    "times_words",
    "verdict_table",
    "widened",
]
