"""The extractor on real passages nobody on the project wrote, scored against annotations made before it ran.

Run with ``-s`` to see the scores per passage and in total. The passages, their addresses and the
annotation format are described in ``tests/corpus/README.md``.
"""

import csv
import math
import re
from pathlib import Path

import pytest

import mpsbook

CORPUS = Path(__file__).parents[1] / "corpus"
PASSAGES = sorted(path.stem for path in CORPUS.glob("*.txt"))
TARGET = 0.97


def annotated_spans(text, annotations_path):
    """The annotated quantities of ``text``, each with the (start, end) its expression occupies."""
    quantities = []
    with open(annotations_path, newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            expression = row["expression"]
            before = r"(?<![A-Za-z])" if expression[0].isalpha() else r"(?<![\d.,$])"
            after = r"(?![A-Za-z])" if expression[-1].isalpha() else r"(?![\d]|[.,]\d)"
            hits = list(re.finditer(before + re.escape(expression) + after, text))
            found = hits[int(row["occurrence"]) - 1]
            quantities.append({**row, "span": (found.start(), found.end()), "core": row["core"] == "1"})
    return quantities


def same_value(a, b):
    a, b = float(a), float(b)
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def score_passage(name):
    """Counts for one passage: rows, rows on a real quantity, core quantities, core found, core read right."""
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    truth = annotated_spans(text, CORPUS / f"{name}.csv")
    rows = mpsbook.extract_quantities(text)
    counts = {"rows": len(rows), "true_rows": 0, "core": 0, "found": 0, "read": 0}
    problems = []
    for row in rows.itertuples():
        if any(row.start < end and start < row.end for start, end in (q["span"] for q in truth)):
            counts["true_rows"] += 1
        else:
            problems.append(f"not a quantity: {row.expression!r}")
    for quantity in truth:
        if not quantity["core"]:
            continue
        counts["core"] += 1
        start, end = quantity["span"]
        overlapping = rows[(rows["start"] < end) & (rows["end"] > start)]
        if overlapping.empty:
            problems.append(f"missed: {quantity['expression']!r}")
            continue
        counts["found"] += 1
        got = overlapping.iloc[0]
        if (
            all(same_value(got[column], quantity[column]) for column in ("figure", "low", "high"))
            and got["qualifier"] == quantity["qualifier"]
        ):
            counts["read"] += 1
        else:
            problems.append(
                f"misread: {quantity['expression']!r} as {got['expression']!r} {got['qualifier']} "
                f"{got['figure']} [{got['low']}, {got['high']}]"
            )
    return counts, problems


def corpus_scores():
    """Precision, recall and readings over the whole corpus, with the counts and problems per passage."""
    per_passage = {name: score_passage(name) for name in PASSAGES}
    total = {key: sum(counts[key] for counts, _ in per_passage.values()) for key in ("rows", "true_rows", "core", "found", "read")}
    scores = {
        "precision": total["true_rows"] / total["rows"],
        "recall": total["found"] / total["core"],
        "readings": total["read"] / total["found"],
    }
    return scores, total, per_passage


@pytest.fixture(scope="module")
def scores():
    scores, total, per_passage = corpus_scores()
    for name, (counts, problems) in per_passage.items():
        print(f"\n{name}: {counts}")
        for problem in problems:
            print(f"    {problem}")
    with open(CORPUS / "sources.csv", newline="", encoding="utf-8") as file:
        batches = {row["passage"]: row["note"].split(",")[0] for row in csv.DictReader(file)}
    for batch in dict.fromkeys(batches.values()):
        counts = [per_passage[name][0] for name in PASSAGES if batches[name] == batch]
        part = {key: sum(c[key] for c in counts) for key in total}
        print(f"\n{batch} ({len(counts)} passages): precision {part['true_rows'] / part['rows']:.3f} "
              f"recall {part['found'] / part['core']:.3f} readings {part['read'] / part['found']:.3f}")
    print(f"\ncorpus of {len(PASSAGES)} passages: {total}")
    print(" ".join(f"{key} {value:.3f}" for key, value in scores.items()))
    return scores


def test_the_corpus_has_an_annotation_and_an_address_for_every_passage():
    with open(CORPUS / "sources.csv", newline="", encoding="utf-8") as file:
        addresses = {row["passage"]: row["url"] for row in csv.DictReader(file)}
    assert len(PASSAGES) >= 12
    for name in PASSAGES:
        assert (CORPUS / f"{name}.csv").exists(), name
        assert addresses[name].startswith("http"), name


@pytest.mark.parametrize("measure", ["precision", "recall", "readings"])
def test_the_extractor_reaches_the_target_on_real_text(scores, measure):
    assert scores[measure] >= TARGET, scores
