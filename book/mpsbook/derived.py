"""The derived tables: the ratings and their sensitivity, written from the ledger by ``make derived``.

``data/derived/verdicts.csv`` holds one row per claim (:func:`mpsbook.rate.ledger_ratings.claim_ratings`, the
columns the data package declares); ``data/derived/sensitivity.csv`` one row per claim and reading
(:func:`mpsbook.rate.ledger_ratings.claim_sensitivity`). Run as ``python -m mpsbook.derived [FOLDER]`` from ``book/``.
Writing twice gives the same bytes: fixed row order, fixed number format, LF line ends.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from pathlib import Path

import pandas as pd

from .ledger.data import DATA_DIR, DATAPACKAGE, check_package, display_path, load_ledger, load_table, resource_descriptor
from .ledger.errors import DataError
from .ledger.figures import csv_value
from .present.citation import book_edition, checked_editions
from .rate.ledger_ratings import claim_ratings, claim_sensitivity
from .rate.ratings import rating_rule
from .rate.wording import MAX_WORDS, word_count


def derived_tables(package_path=DATAPACKAGE) -> dict:
    """The derived tables as CSV text, keyed by resource name, each with the columns the data package declares."""
    claims, comparisons, references = load_ledger(package_path)
    rule = rating_rule(package_path)
    searches = load_table("searches", package_path)
    frames = {"verdicts": claim_ratings(claims, comparisons, references, rule=rule, searches=searches),
              "sensitivity": claim_sensitivity(claims, comparisons, references, rule=rule, searches=searches)}
    texts = {}
    for name, frame in frames.items():
        columns = [field["name"] for field in resource_descriptor(name, package_path)["schema"]["fields"]]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([csv_value(v) for v in row] for row in frame[columns].itertuples(index=False))
        texts[name] = out.getvalue()
    return texts


def verdict_changes(before: str, after: str, corrections: pd.DataFrame | None = None) -> list[str]:
    """Each claim whose verdict differs between two texts of verdicts.csv: old -> new, and the question that decided it.

    A new claim counts as a change from 'not rated'. The corrections log must then record it
    (a test fails until ``data/corrections.csv`` ends each claim on the verdict the book shows); the
    line says whether ``corrections`` (the log) already does.
    """
    old = {row["claim_key"]: row["rating"] for row in csv.DictReader(io.StringIO(before))}
    latest = pd.DataFrame(columns=["claim_key", "rating"]) if corrections is None else corrections.sort_values(
        "date", kind="stable").groupby("claim_key").tail(1)
    logged = dict(zip(latest["claim_key"], latest["rating"], strict=True))
    return [f"make derived: the verdict of {row['claim_key']} changes: {old.get(row['claim_key'], 'not rated')} -> "
            f"{row['rating']} (decided by: {row['question']}); "
            + ("data/corrections.csv records it" if logged.get(row["claim_key"]) == row["rating"]
               else "add a dated line to data/corrections.csv")
            for row in csv.DictReader(io.StringIO(after)) if old.get(row["claim_key"]) != row["rating"]]


def long_conclusions(verdicts: str) -> list[str]:
    """Each conclusion of a text of verdicts.csv longer than a reader takes in at once (:data:`MAX_WORDS` words).

    A conclusion is built from the data's words (a figure's metric, a claim's); a test fails until it is short again.
    """
    return [f"make derived: the conclusion of {row['claim_key']} runs to {word_count(row['conclusion'])} words, over "
            f"the book's {MAX_WORDS}; shorten the metric of the figures it names, or of the claim: "
            f"{row['conclusion']}"
            for row in csv.DictReader(io.StringIO(verdicts)) if word_count(row["conclusion"]) > MAX_WORDS]


UNSETTLED = ("unproven", "can't be checked")  # the verdicts off the scale: no figure of the claim's own settles it


def unrecorded_searches(verdicts: str, searches: pd.DataFrame) -> list[str]:
    """Each claim of a text of verdicts.csv that no figure settles (:data:`UNSETTLED`) and data/searches.csv says nothing of.

    Its page would give the verdict without saying what was looked for; a test fails until the row is added.
    """
    recorded = set(searches["claim_key"])
    return [f"make derived: {row['claim_key']} is rated {row['rating']}, and data/searches.csv does not say what was "
            "searched for a figure of its own; add its row (terms in English and Chinese, sources tried, result)"
            for row in csv.DictReader(io.StringIO(verdicts))
            if row["rating"] in UNSETTLED and row["claim_key"] not in recorded]


def write_derived(package_path=DATAPACKAGE) -> list:
    """Write every derived table where the data package declares it, all or none; returns the paths written.

    The whole data package is checked first (:func:`mpsbook.ledger.data.check_package`, and the editions
    against ``CITATION.cff`` and the ledger), then every table is computed, then each is written to a
    temporary file beside its target, and only when all are written are they moved into place: a
    fault anywhere leaves every committed file as it was.

    Raises
    ------
    DataError
        For the first fault in the data, naming file, row and column, before anything is written.
    """
    package_path = Path(package_path)
    check_package(package_path)
    checked_editions(book_edition(), package_path, load_table("claims", package_path)["claim_key"])
    texts = derived_tables(package_path)
    verdicts = package_path.parent / resource_descriptor("verdicts", package_path)["path"]
    before = verdicts.read_text(encoding="utf-8") if verdicts.exists() else ""
    for line in [*verdict_changes(before, texts["verdicts"], load_table("corrections", package_path)),
                 *unrecorded_searches(texts["verdicts"], load_table("searches", package_path)),
                 *long_conclusions(texts["verdicts"])]:
        print(line, file=sys.stderr)
    staged = []
    try:
        for name, text in texts.items():
            path = package_path.parent / resource_descriptor(name, package_path)["path"]
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.new")
            temporary.write_text(text, encoding="utf-8", newline="")
            staged.append((temporary, path))
        for temporary, path in staged:
            os.replace(temporary, path)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
    return [path for _, path in staged]


def main(argv: list[str]) -> int:
    """``python -m mpsbook.derived [FOLDER]``: 0 when the tables are written, 2 (and the fault, in one line) when not."""
    package = Path(argv[0]) / "datapackage.json" if argv else DATA_DIR / "datapackage.json"
    try:
        written = write_derived(package)
    except DataError as error:  # the fault in words, naming file, row and column; no traceback to read through
        print(f"make derived: {error}; nothing was written", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {display_path(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
