"""The extractor on NewsQuant, a public benchmark, side by side with quantulum3, Recognizers-Text and CQE.

NewsQuant (Almasian et al., "CQE: A Comprehensive Quantity Extractor", EMNLP 2023) is 590 news
sentences with their quantities annotated by the paper's authors. The file is not stored here: its
repository has no licence (see bench/README.md, "NewsQuant"); bring it with the pinned commit and pass
its path. Run with ``make bench-extractor NEWSQUANT=/path/NewsQuant.json`` or

    .venv/bin/python bench/newsquant.py /path/NewsQuant.json [--bench-python .venv-bench/bin/python] [--misses FILE]

The file is checked against the pinned SHA-256 before anything is scored. The book's extractor runs
here; the other extractors run in their own environment (``.venv-bench``, bench/requirements-extractors.txt),
called as ``python bench/newsquant.py --tag NAME`` with the sentences on standard input. Scores follow
the benchmark's own matching (its ``evaluate_models.py``, re-implemented in :func:`score`). The script
prints one table for each half of the benchmark (:mod:`halves`: the tuning half and the held-out half, by a
hash of each sentence's text) and one for the whole, each beside the published figures, and says which
figures include tuned sentences. ``--misses`` writes the tuning half's misses only. It is a measurement,
not a test: nothing here runs in CI.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import runpy
import subprocess
import sys
from pathlib import Path

from book_tags import change_ranges, name_units, tag_book  # bench/book_tags.py, beside this file
from halves import TUNING, split  # bench/halves.py

ROOT = Path(__file__).resolve().parent.parent
COMMIT = "190c0ce409ce0acedc0eec82b9dadbd5336bf852"
SHA256 = "ed1cb78a81d7e69f07236c7a96cd63940069997d4c32923c784194f1f8e34e35"
PATH_IN_REPOSITORY = "data/formatted_test_set/NewsQuant.json"
# Published F1 on NewsQuant, value alone / value with unit (the paper's table; the repository's
# data/evaluation_output/NewsQuant.csv at COMMIT gives the same).
PUBLISHED = {"CQE": (92.0, 85.6), "quantulum3": (73.0, 47.2), "Recognizers-Text": (69.1, 34.2), "GPT-3": (70.6, 59.1)}
CORPUS_PRECISION_GOAL = 0.97
# Why CQE gives no figures here (cqe 2.0.3 from PyPI): see bench/README.md.
CQE_ERROR = (
    "pip install cqe==2.0.3: 'Failed building wheel for tokenizers' (tokenizers 0.10.3, pulled in by "
    "spacy-transformers, has no wheel for this Python and its Rust build fetches crates from hosts not "
    "reachable here); cqe also loads its spaCy model en_core_web_sm through spacy_download, from a model hub"
)


def load(path: Path) -> list[dict]:
    """The benchmark's sentences, after checking the file is the pinned one."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != SHA256:
        sys.exit(f"{path}: SHA-256 {digest}, expected {SHA256} ({PATH_IN_REPOSITORY} at commit {COMMIT})")
    return json.loads(path.read_text(encoding="utf-8"))


# The comparison extractors' unit names as the benchmark normalises them (spelling and synonyms).
OTHER_UNITS = {
    "dimensionless": "-", "unk": "-", "per cent": "percentage", "percent": "percentage",
    "united states dollar": "dollar", "dollar dollar": "dollar", "tonne": "metric ton", "degree angle": "degree",
    "degree celsius": "celsius", "degree fahrenheit": "fahrenheit", "c": "celsius", "f": "fahrenheit",
    "british pound": "pound sterling", "franc": "swiss franc", "liter": "litre", "meter": "metre",
    "kilometer": "kilometre", "centimeter": "centimetre", "millimeter": "millimetre", "milliliter": "millilitre",
    "micrometer": "micrometre", "square meter": "square metre", "square kilometer": "square kilometre",
    "kilometer per hour": "kilometre per hour",
}


def tag_quantulum3(texts: list[str]) -> list[list[dict]]:
    from quantulum3 import parser

    tagged = []
    for text in texts:
        tags = []
        for quantity in parser.parse(text):
            unit = quantity.unit.name.strip().lower()
            tags.append({"value": quantity.value, "normalized_unit": OTHER_UNITS.get(unit, unit), "change": ""})
        tagged.append(tags)
    return tagged


def tag_recognizers_text(texts: list[str]) -> list[list[dict]]:
    """Recognizers-Text's currency, dimension, temperature, percentage and age models, then bare numbers not found by those."""
    from recognizers_number import NumberRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_text import Culture

    with_unit = NumberWithUnitRecognizer(Culture.English)
    numbers = NumberRecognizer(Culture.English)
    unit_models = [with_unit.get_currency_model(), with_unit.get_dimension_model(),
                   with_unit.get_temperature_model()]
    tagged = []
    for text in texts:
        tags = []
        for model in unit_models:
            for found in model.parse(text):
                if found.resolution.get("value") is not None:
                    unit = found.resolution["unit"].strip().lower()
                    tags.append({"value": found.resolution["value"], "normalized_unit": OTHER_UNITS.get(unit, unit)})
        for found in numbers.get_percentage_model().parse(text):
            tags.append({"value": found.resolution["value"].rstrip("%").replace(",", ""), "normalized_unit": "percentage"})
        for found in with_unit.get_age_model().parse(text):
            if found.resolution.get("value") is not None:
                tags.append({"value": found.resolution["value"], "normalized_unit": found.resolution["unit"].strip().lower()})
        seen = {tag["value"] for tag in tags}
        for found in numbers.get_number_model().parse(text):
            if found.resolution["value"] not in seen:
                tags.append({"value": found.resolution["value"].replace(",", ""), "normalized_unit": "-"})
        tagged.append([{**tag, "change": ""} for tag in tags])
    return tagged


TAGGERS = {"quantulum3": tag_quantulum3, "Recognizers-Text": tag_recognizers_text}


def as_value(value, average_ranges: bool = False):
    """A value as the benchmark compares it: a float, or a (low, high) pair for a range ("10-20" in the annotations)."""
    if isinstance(value, str) and "E" not in value and not value.startswith("-") and "-" in value:
        low, high = (float(part) for part in value.split("-"))
        return (low + high) / 2 if average_ranges else (low, high)
    if isinstance(value, (tuple, list)):
        return (float(value[0]), float(value[1]))
    return float(value)


def same(truth, tag) -> bool:
    if isinstance(truth, tuple) != isinstance(tag, tuple):
        return False
    pairs = zip(truth, tag, strict=True) if isinstance(truth, tuple) else [(truth, tag)]
    return all(math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8) for a, b in pairs)


def score(sentences: list[dict], tagged: list[list[dict]], average_ranges: bool = False) -> tuple[dict, list]:
    """Precision, recall and F1 (in %) for value, value+unit and value+change, by the benchmark's matching.

    As in its evaluate_models.py: for each annotated quantity, the tags are scanned in order of unit
    name; a tag with the same value counts for value (at most as many times as the sentence has
    annotations) and for change when the change is the same; the first with the same value and unit
    counts for value+unit and is used up. Precision divides by the number of tags, recall by the
    number of annotations. Returns the scores and the misses (sentence, annotation or tag, kind).
    """
    counts = {"value": 0, "value+unit": 0, "value+change": 0}
    annotations = tags_total = 0
    misses = []
    for sentence, tags in zip(sentences, tagged, strict=True):
        annotations += len(sentence["quantities"])
        tags_total += len(tags)
        misses += _match_sentence(sentence, tags, counts, average_ranges)
        misses += [(sentence["text"], tag, "spurious") for tag in tags if _spurious(sentence, tag, average_ranges)]
    scores = {}
    for kind, correct in counts.items():
        precision = correct / tags_total if tags_total else 0.0
        recall = correct / annotations if annotations else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[kind] = tuple(round(100 * x, 1) for x in (precision, recall, f1))
    return scores, misses


def _tag_value(tag: dict):
    try:
        return as_value(tag["value"])
    except ValueError:
        return None


def _match_sentence(sentence: dict, tags: list[dict], counts: dict, average_ranges: bool) -> list:
    """Adds one sentence's matches to ``counts``; returns its annotations missed or read with another unit."""
    remaining = sorted(tags, key=lambda t: t["normalized_unit"])
    left, misses = len(sentence["quantities"]), []
    for quantity in sorted(sentence["quantities"], key=lambda q: q["normalized_unit"]):
        value, unit = as_value(quantity["value"], average_ranges), quantity["normalized_unit"].lower()
        matched = False
        for tag in [tag for tag in remaining if (tag_value := _tag_value(tag)) is not None and same(value, tag_value)]:
            matched = True
            if left > 0:
                counts["value"], left = counts["value"] + 1, left - 1
            counts["value+change"] += tag.get("change") == quantity["change"]
            if tag["normalized_unit"].lower() == unit:
                counts["value+unit"] += 1
                remaining.remove(tag)
                break
        else:
            misses.append((sentence["text"], quantity, "unit" if matched else "missed"))
    return misses


def _spurious(sentence: dict, tag: dict, average_ranges: bool) -> bool:
    """Whether a tag's value is that of no annotation of its sentence."""
    tag_value = _tag_value(tag)
    return not any(tag_value is not None and same(as_value(q["value"], average_ranges), tag_value) for q in sentence["quantities"])


def book_rule(sentences: list[dict]) -> list[dict]:
    """The annotations as the book's rule reads the same sentences (where the two definitions differ).

    * "one of the people" is one quantity for NewsQuant; for the book "one of" is never a quantity;
    * an identifier with digits joined to a code ("5G") is a quantity for NewsQuant, never for the book;
    * a change written as a range ("fell from 36,040 to 34,935", value "36040-34935", change down) is
      one range for NewsQuant and two figures for the book.
    """
    adjusted = []
    for sentence in sentences:
        text, quantities = sentence["text"], []
        for quantity in sentence["quantities"]:
            value = as_value(quantity["value"])
            if value == 1 and re.search(r"\bone of\b", text, re.IGNORECASE):
                continue
            if not isinstance(value, tuple) and re.search(
                rf"(?<![\w.,]){re.escape(format_number(value))}{re.escape(quantity['unit'])}\b", text
            ) and quantity["unit"][:1].isalpha() and quantity["unit"].isupper():
                continue
            if isinstance(value, tuple) and quantity["change"] in ("up", "down"):
                quantities += [{**quantity, "value": str(bound)} for bound in value]
                continue
            quantities.append(quantity)
        adjusted.append({**sentence, "quantities": quantities})
    return adjusted


def format_number(value: float) -> str:
    return f"{value:g}" if not value.is_integer() else str(int(value))


def corpus_precision() -> float:
    """The extractor's precision on the project's corpus of real passages (tests/extract/test_quantities_corpus.py)."""
    corpus = runpy.run_path(str(ROOT / "tests" / "extract" / "test_quantities_corpus.py"))  # test code, not a package
    PASSAGES, score_passage = corpus["PASSAGES"], corpus["score_passage"]

    rows = true_rows = 0
    for name in PASSAGES:
        counts, _ = score_passage(name)
        rows, true_rows = rows + counts["rows"], true_rows + counts["true_rows"]
    return true_rows / rows


def tag_elsewhere(name: str, texts: list[str], python: str) -> list[list[dict]] | str:
    """Another extractor's tags, from its own environment; the error's last line when it cannot run."""
    done = subprocess.run([python, __file__, "--tag", name], input=json.dumps(texts), capture_output=True, text=True)
    if done.returncode:
        return (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
    return json.loads(done.stdout)


def tag_all(sentences: list[dict], bench_python: str, package_alone: bool = False) -> tuple[dict, dict]:
    """Every extractor's tags for every sentence, as (extractor -> (annotations, tags, average_ranges), errors)."""
    texts = [sentence["text"] for sentence in sentences]
    book_tags = name_units(tag_book(texts, package_alone), bench_python)
    as_newsquant = [change_ranges(text, tags) for text, tags in zip(texts, book_tags, strict=True)]
    runs = {"book (NewsQuant's definitions)": (sentences, as_newsquant, False),
            "book (the book's rule)": (book_rule(sentences), book_tags, False)}
    errors = {}
    for name in TAGGERS:
        tagged = tag_elsewhere(name, texts, bench_python)
        if isinstance(tagged, str):
            errors[name] = tagged
        else:
            runs[name] = (sentences, tagged, name == "quantulum3")
    errors["CQE"] = CQE_ERROR
    return runs, errors


def score_halves(runs: dict, indices: dict[str, list[int]]) -> dict[str, dict]:
    """Each run scored on each part of ``indices`` (part -> sentence indices): part -> extractor -> (scores, misses)."""
    results = {}
    for part, chosen in indices.items():
        results[part] = {}
        for name, (annotated, tagged, average_ranges) in runs.items():
            results[part][name] = score([annotated[i] for i in chosen], [tagged[i] for i in chosen], average_ranges)
    return results


HEADER = (f"{'extractor':32} {'value P/R/F1':>18} {'value+unit P/R/F1':>20} {'value+change P/R/F1':>22}"
          "  published F1 value / value+unit (all 590)")


def print_part(part: str, sentences: list[dict], chosen: list[int], results: dict) -> None:
    """One table: every extractor's scores on one part of NewsQuant, beside the published F1 on the whole."""
    annotations = sum(len(sentences[i]["quantities"]) for i in chosen)
    print(f"{part}: {len(chosen)} sentences, {annotations} annotated quantities")
    print(HEADER)
    print("-" * len(HEADER))
    for name, (scores, _) in results.items():
        published = PUBLISHED.get(name)
        cells = ["{:5.1f} {:5.1f} {:5.1f}".format(*scores[kind]) for kind in ("value", "value+unit", "value+change")]
        change = cells[2] if name.startswith("book") else "(no change given)"
        printed = f"{published[0]:.1f} / {published[1]:.1f}" if published else ""
        print(f"{name:32} {cells[0]:>18} {cells[1]:>20} {change:>22}  {printed}")
    for name, published in PUBLISHED.items():
        if name not in results:
            print(f"{name:32} {'(not run here)':>18} {'':>20} {'':>22}  {published[0]:.1f} / {published[1]:.1f}")
    print()


CONTAMINATION = (
    "Both halves include tuned sentences: every rule the extractor had when the split was made (commit subjects\n"
    "citing NewsQuant, bench/README.md) was tuned on all 590 sentences. The held-out half is held out from the\n"
    "split on; the published figures are on all 590 sentences, for extractors not tuned on NewsQuant."
)


def write_misses(path: Path, misses: list) -> None:
    """The book's misses on the tuning half, one JSON line each (kind, the annotation or tag, the sentence)."""
    with path.open("w", encoding="utf-8") as file:
        for text, item, kind in misses:
            file.write(json.dumps({"kind": kind, "item": item, "text": text}, default=str) + "\n")


def arguments_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("newsquant", nargs="?", type=Path, help=f"{PATH_IN_REPOSITORY} at commit {COMMIT}")
    parser.add_argument("--bench-python", default=str(ROOT / ".venv-bench" / "bin" / "python"))
    parser.add_argument("--misses", type=Path,
                        help="write the book's misses on the tuning half (NewsQuant's definitions) here, as JSON lines")
    parser.add_argument("--package-alone", action="store_true",
                        help="the book's extractor without the benchmark's vocabulary (bench/vocabulary.py)")
    parser.add_argument("--tag", choices=TAGGERS, help=argparse.SUPPRESS)
    return parser


def main() -> None:
    parser = arguments_parser()
    arguments = parser.parse_args()
    if arguments.tag:
        json.dump(TAGGERS[arguments.tag](json.load(sys.stdin)), sys.stdout)
        return
    if arguments.newsquant is None:
        parser.error("the path of NewsQuant.json is needed (see bench/README.md, 'NewsQuant')")
    sentences = load(arguments.newsquant)
    print(f"NewsQuant at commit {COMMIT[:7]}, in two halves by bench/halves.py (SHA-256 of the text, first byte odd: held out)\n")
    runs, errors = tag_all(sentences, arguments.bench_python, arguments.package_alone)
    indices = {**split(sentences), "all": list(range(len(sentences)))}
    results = score_halves(runs, indices)
    for part, chosen in indices.items():
        print_part(part, sentences, chosen, results[part])
    print(CONTAMINATION)
    for name, error in errors.items():
        print(f"\n{name} not run: {error}")
    precision = corpus_precision()
    verdict = "PASS" if precision >= CORPUS_PRECISION_GOAL else "FAIL"
    print(f"\n{verdict} project-corpus precision {precision:.3f} >= {CORPUS_PRECISION_GOAL}")
    if arguments.misses:
        write_misses(arguments.misses, results[TUNING]["book (NewsQuant's definitions)"][1])


if __name__ == "__main__":
    main()
