"""Helpers shared by every notebook of the book that checks the MPS article's numbers.

The book takes one web article about the work of China's Ministry of Public Security
("the article", ``data/source/mps-article.txt``) and checks its quantitative claims in the
open. This module is the one place where the notebooks' shared machinery lives:

* **Reading data.** :func:`load_article` returns the article after checking it is byte for
  byte the copy declared in ``data/datapackage.json``; :func:`load_table` reads a CSV table
  and validates it against the Table Schema declared for it in that same data package. Bad
  input raises :class:`DataError`, whose message names the file, the row and the column.
* **Finding quantities.** :func:`extract_quantities` turns every quantitative expression of
  a text ("over 250,000", "nearly 20", "tens of thousands") into a row with the interval of
  values the words allow, by the interval rule below.
* **Verdicts and findings.** :func:`claim_verdicts` sets each claim of the ledger against
  the official figures by one stated rule; :func:`article_findings` lists what the article
  shows about itself (repeats, contradictions, misspellings, web-page leftovers), each with
  the words it rests on.
* **Charts and tables.** Importing the module registers and enables an Altair theme
  (``mpsbook``) and a renderer (``mpsbook``), and tells pandas to show table cells in full.
  Each chart is stored in the notebook twice over: a static SVG made by vl-convert when the
  cell runs (what a reader sees where no JavaScript runs: a code host, a notebook opened
  offline, print) and the Vega-Lite spec, which the built site draws interactively with the
  vega scripts that its build places next to the pages. Executing a cell twice gives
  byte-identical output. :func:`interval_chart`, :func:`comparison_chart` and
  :func:`series_chart` are the book's three kinds of chart.

The interval rule
-----------------
Let *f* be the stated figure and *s* the place value of its last significant digit
(250,000 -> 10,000; 400 thousand -> 100,000; 20 -> 10; 1.2 million -> 100,000;
45k -> 1,000; 3,000 -> 1,000; 10000 -> 10,000). Trailing zeros of a whole number are not
significant; every digit written after a decimal point is.

* ``exact`` (no hedge): [f, f].
* ``over`` ("over", "more than", "above", "exceeding", "in excess of", "upwards of",
  "at least"): [f, f + s].
* ``nearly`` ("nearly", "close to", "almost", "just under"): [f - s, f].
* ``about`` ("about", "around", "roughly", "approximately", "some", "circa"):
  [f - s/2, f + s/2].
* ``order``, a phrase that gives only an order of magnitude: "tens" -> [10, 100],
  "hundreds" -> [100, 1,000], "thousands" -> [1e3, 1e4], "millions" -> [1e6, 1e7],
  "billions" -> [1e9, 1e10]; followed by a scale word the bounds are multiplied by it:
  "tens of thousands" -> [1e4, 1e5], "tens of billions" -> [1e10, 1e11],
  "hundreds (of) billion(s)" -> [1e11, 1e12]. The figure is NaN, and a hedge in front of
  such a phrase does not change the interval (the row's note says so).
* ``contradictory``, two hedges that pull opposite ways ("nearly more than 400 thousand"):
  [f - s, f + s], the union of what either hedge would allow.

Years ("in 2022", "since 2018", "during 2023") are not quantities: a four-digit whole number
from 1900 to 2100, written without a comma, with no hedge before it and no unit after it, is
read as a year and left out. The article's typo "on million" is read as "one million", and
the row's ``note`` says so.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import math
import re
from decimal import Decimal
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert

BOOK_DIR = Path(__file__).resolve().parent
ROOT_DIR = BOOK_DIR.parent
DATA_DIR = ROOT_DIR / "data"
DATAPACKAGE = DATA_DIR / "datapackage.json"

# --------------------------------------------------------------------------------------
# Reading data, validated against the declared schemas
# --------------------------------------------------------------------------------------


class DataError(ValueError):
    """A data file does not match its declared schema.

    ``path`` is the file as the reader knows it (relative to the repository when it lies
    inside it), ``row`` the row number as a spreadsheet counts it (the header is row 1)
    and ``column`` the column's name; either may be None when the fault is the whole file's.
    """

    def __init__(self, path, problem, row=None, column=None):
        self.path, self.problem, self.row, self.column = str(path), problem, row, column
        where = [self.path]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {problem}")


def display_path(path) -> str:
    """``path`` relative to the repository when it lies inside it, so no output holds an absolute path."""
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT_DIR).as_posix()
    except ValueError:
        return path.name


def read_datapackage(package_path=DATAPACKAGE) -> dict:
    """The data package descriptor (``datapackage.json``) as a dict."""
    package_path = Path(package_path)
    if not package_path.exists():
        raise DataError(display_path(package_path), "the data package descriptor does not exist")
    try:
        return json.loads(package_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(display_path(package_path), f"not valid JSON ({exc.msg})", row=exc.lineno) from None


def resource_descriptor(name: str, package_path=DATAPACKAGE) -> dict:
    """The descriptor of the resource called ``name`` in the data package."""
    package = read_datapackage(package_path)
    for resource in package.get("resources", []):
        if resource.get("name") == name:
            return resource
    known = ", ".join(r.get("name", "?") for r in package.get("resources", []))
    raise DataError(display_path(package_path), f"no resource named '{name}' (it declares: {known})")


def load_article(package_path=DATAPACKAGE) -> str:
    """The article's text, after checking its bytes against the hash the data package declares."""
    package_path = Path(package_path)
    resource = resource_descriptor("article", package_path)
    path = package_path.parent / resource["path"]
    if not path.exists():
        raise DataError(display_path(path), "the article file the data package declares does not exist")
    raw = path.read_bytes()
    algorithm, _, expected = resource["hash"].partition(":")
    actual = hashlib.new(algorithm, raw).hexdigest()
    if actual != expected:
        raise DataError(
            display_path(path),
            f"the file is not the article as received ({algorithm} {actual}, expected {expected})",
        )
    return raw.decode(resource.get("encoding", "utf-8"))


def _parse_cell(text: str, field: dict):
    """The cell ``text`` as the Python value its field's type declares; ValueError if it is not one."""
    kind = field.get("type", "string")
    if text == "":
        return None
    if kind == "string":
        return text
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", text):
            raise ValueError(f"expected a whole number, found '{text}'")
        return int(text)
    if kind == "number":
        try:
            value = float(text)
        except ValueError:
            raise ValueError(f"expected a number, found '{text}'") from None
        if math.isnan(value) and text.lower() != "nan":
            raise ValueError(f"expected a number, found '{text}'")
        return value
    if kind == "boolean":
        truthy, falsy = field.get("trueValues", ["true", "True", "1"]), field.get("falseValues", ["false", "False", "0"])
        if text in truthy:
            return True
        if text in falsy:
            return False
        raise ValueError(f"expected true or false, found '{text}'")
    if kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(f"expected a date as YYYY-MM-DD, found '{text}'")
        return pd.Timestamp(text).date()
    if kind == "year":
        if not re.fullmatch(r"\d{4}", text):
            raise ValueError(f"expected a year as YYYY, found '{text}'")
        return int(text)
    raise ValueError(f"the schema declares type '{kind}', which this loader does not read")


def _check_constraints(value, field: dict):
    """Raise ValueError when ``value`` breaks one of its field's declared constraints."""
    constraints = field.get("constraints", {})
    if value is None:
        if constraints.get("required"):
            raise ValueError("a value is required here, and the cell is empty")
        return
    if "enum" in constraints and value not in constraints["enum"]:
        allowed = ", ".join(repr(v) for v in constraints["enum"])
        raise ValueError(f"'{value}' is not one of the allowed values ({allowed})")
    if "minimum" in constraints and value < constraints["minimum"]:
        raise ValueError(f"{value} is below the minimum {constraints['minimum']}")
    if "maximum" in constraints and value > constraints["maximum"]:
        raise ValueError(f"{value} is above the maximum {constraints['maximum']}")
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], str(value)):
        raise ValueError(f"'{value}' does not match the pattern {constraints['pattern']}")


def _as_list(names) -> list:
    return [names] if isinstance(names, str) else list(names)


def load_table(name: str, package_path=DATAPACKAGE) -> pd.DataFrame:
    """The CSV table ``name`` of the data package, validated against its declared Table Schema.

    Checks, in order: the header has exactly the declared columns; every row has one cell
    per column; every cell parses as its field's type and meets its constraints (required,
    enum, minimum, maximum, pattern, unique); the primary key is unique; every foreign key
    points at an existing row of the table it names; and the book's own row rules
    (``mpsbook:rowRules`` in the schema, e.g. ``low`` not above ``high``). The first fault
    raises :class:`DataError` naming the file, the row and the column, so nothing is built
    on a half-read table.
    """
    package_path = Path(package_path)
    resource = resource_descriptor(name, package_path)
    path = package_path.parent / resource["path"]
    shown = display_path(path)
    schema = resource["schema"]
    fields = schema["fields"]
    names = [f["name"] for f in fields]

    if not path.exists():
        raise DataError(shown, "the file the data package declares does not exist")
    with path.open(encoding=resource.get("encoding", "utf-8"), newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        raise DataError(shown, "the file is empty; a header row is expected", row=1)
    header = rows[0]
    for column in names:
        if column not in header:
            raise DataError(shown, "this declared column is missing from the header", row=1, column=column)
    for column in header:
        if column not in names:
            raise DataError(shown, "this column is not declared in the schema", row=1, column=column)
    order = [header.index(column) for column in names]

    records = []
    for row_number, cells in enumerate(rows[1:], start=2):
        if len(cells) != len(header):
            raise DataError(shown, f"the row has {len(cells)} cells, the header {len(header)}", row=row_number)
        record = {}
        for field, index in zip(fields, order):
            try:
                value = _parse_cell(cells[index], field)
                _check_constraints(value, field)
            except ValueError as exc:
                raise DataError(shown, str(exc), row=row_number, column=field["name"]) from None
            record[field["name"]] = value
        records.append(record)

    unique_sets = [[f["name"]] for f in fields if f.get("constraints", {}).get("unique")]
    if "primaryKey" in schema:
        unique_sets.append(_as_list(schema["primaryKey"]))
    for columns in unique_sets:
        seen = {}
        for row_number, record in enumerate(records, start=2):
            key = tuple(record[c] for c in columns)
            if key in seen:
                raise DataError(
                    shown,
                    f"duplicate value {', '.join(map(str, key))!s} (first in row {seen[key]})",
                    row=row_number,
                    column=columns[0] if len(columns) == 1 else ", ".join(columns),
                )
            seen[key] = row_number

    for foreign in schema.get("foreignKeys", []):
        columns = _as_list(foreign["fields"])
        target_name = foreign["reference"]["resource"] or name
        target_columns = _as_list(foreign["reference"]["fields"])
        target = records if target_name == name else load_table(target_name, package_path).to_dict("records")
        known = {tuple(r[c] for c in target_columns) for r in target}
        for row_number, record in enumerate(records, start=2):
            key = tuple(record[c] for c in columns)
            if all(v is None for v in key):
                continue
            if key not in known:
                raise DataError(
                    shown,
                    f"'{', '.join(map(str, key))}' is not a {'/'.join(target_columns)} of the '{target_name}' table",
                    row=row_number,
                    column=", ".join(columns),
                )

    for rule in schema.get("mpsbook:rowRules", []):
        _check_row_rule(rule, records, shown)

    frame = pd.DataFrame.from_records(records, columns=names)
    for field in fields:
        column, kind = field["name"], field.get("type", "string")
        if kind == "number":
            frame[column] = frame[column].astype("float64")
        elif kind in ("integer", "year"):
            frame[column] = frame[column].astype("Int64")
        elif kind == "string":
            frame[column] = frame[column].fillna("").astype("str")
    return frame


def _check_row_rule(rule: dict, records: list, shown: str) -> None:
    """Apply one of the book's row rules, which Table Schema itself cannot state."""
    if rule["rule"] != "notGreater":
        raise DataError(shown, f"unknown row rule '{rule['rule']}' in the schema")
    low, high = rule["fields"]
    for row_number, record in enumerate(records, start=2):
        if record[low] is not None and record[high] is not None and record[low] > record[high]:
            raise DataError(
                shown,
                f"{low} ({record[low]:g}) is greater than {high} ({record[high]:g})",
                row=row_number,
                column=low,
            )


# --------------------------------------------------------------------------------------
# Finding quantities in a text
# --------------------------------------------------------------------------------------

QUALIFIERS = ("exact", "over", "nearly", "about", "order", "contradictory")

HEDGES = {
    "over": ("more than", "over", "above", "exceeding", "in excess of", "upwards of", "at least"),
    "nearly": ("nearly", "close to", "almost", "just under"),
    "about": ("about", "around", "roughly", "approximately", "some", "circa"),
}

SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {word: 10 * i for i, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
SUFFIXES = {"k": 10**3, "bn": 10**9, "mn": 10**6}
ORDER_WORDS = {"tens": 10, "hundreds": 100, "thousands": 10**3, "millions": 10**6, "billions": 10**9}

# What a quantity counts, read from the words after it; each spelling maps to one name.
UNITS = {
    spelling: unit
    for unit, spellings in {
        "cases": ["case", "cases"],
        "suspects": ["suspect", "suspects"],
        "people": ["people", "persons", "person"],
        "person-times": ["person-times"],
        "police": ["police", "policemen", "officers", "officer"],
        "tons": ["ton", "tons", "tonne", "tonnes", "t"],
        "kilograms": ["kilogram", "kilograms", "kg"],
        "yuan": ["yuan", "rmb"],
        "percent": ["percent", "%"],
        "cards": ["card", "cards"],
        "cyberattacks": ["cyberattack", "cyberattacks"],
        "attacks": ["attack", "attacks"],
        "organizations": ["organization", "organizations", "organisation", "organisations"],
        "groups": ["group", "groups", "gang", "gangs"],
        "threats": ["threat", "threats"],
        "dens": ["den", "dens"],
        "enterprises": ["enterprise", "enterprises", "company", "companies"],
        "units": ["unit", "units"],
        "systems": ["system", "systems"],
        "websites": ["website", "websites"],
        "accounts": ["account", "accounts"],
        "arrests": ["arrest", "arrests"],
    }.items()
    for spelling in spellings
}

_NUMBER_WORD = "|".join(sorted([*SMALL_NUMBERS, *TENS, "hundred", *SCALES], key=len, reverse=True))
_QUANTITY = re.compile(
    rf"""
    (?P<order>\b(?:{'|'.join(ORDER_WORDS)})\b(?:(?:\s+of)?\s+(?P<order_scale>(?:{'|'.join(SCALES)})s?)\b)?)
  | (?P<digits>(?<![\w.,-])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?![\d,]\d))
    (?:(?P<suffix>(?i:k|bn|mn))\b|\s+(?P<digit_scale>{'|'.join(SCALES)})\b)?
  | (?P<words>\b(?:(?P<typo>on)\s+(?=(?:hundred|{'|'.join(SCALES)})\b)|an?\s+(?=(?:hundred|{'|'.join(SCALES)})\b))?
      (?:{_NUMBER_WORD})(?:(?:\s*-\s*|\s+and\s+|,?\s+)(?:{_NUMBER_WORD}))*\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_HEDGE_WORDS = "|".join(
    re.escape(h).replace(r"\ ", r"\s+") for h in sorted((h for hs in HEDGES.values() for h in hs), key=len, reverse=True)
)
_HEDGES_BEFORE = re.compile(rf"(?:(?<![\w-])(?:{_HEDGE_WORDS})\s+)+$", re.IGNORECASE)
_ONE_HEDGE = re.compile(rf"(?<![\w-])(?:{_HEDGE_WORDS})(?![\w-])", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s*(%|[A-Za-z][A-Za-z-]*)")


def _hedge_kind(hedge: str) -> str:
    normalised = " ".join(hedge.lower().split())
    return next(kind for kind, words in HEDGES.items() if normalised in words)


def parse_number_words(words: str) -> tuple[int, int]:
    """The value of a run of English number words and how many of its characters make that value.

    The run is read from the left for as long as it stays one well-formed number:
    "two thousand" -> 2000, "one hundred and five" -> 105, "twenty-five thousand" -> 25000,
    "a million" -> 1000000. Reading stops at the first word that would start a second
    number: "one two" reads as 1, and the length returned covers "one" only. Raises
    ValueError if the run does not start with a number word.
    """
    tokens = list(re.finditer(r"[A-Za-z]+", words))
    total, group = 0, 0
    last_kind = None  # what the previous word was: small, tens, hundred or a scale
    last_scale = math.inf
    used_end = 0
    for i, token in enumerate(tokens):
        word = token.group().lower()
        if word == "and" and last_kind in ("hundred", "scale"):
            continue
        if word in ("a", "an") and i == 0:
            group, last_kind = 1, "small"
        elif word in SMALL_NUMBERS:
            if last_kind in ("small",) or (last_kind == "tens" and group % 10) or (word == "zero" and last_kind):
                break
            if last_kind == "tens" and SMALL_NUMBERS[word] >= 10:
                break
            group += SMALL_NUMBERS[word]
            last_kind = "small"
        elif word in TENS:
            if last_kind in ("small", "tens"):
                break
            group += TENS[word]
            last_kind = "tens"
        elif word == "hundred":
            if last_kind not in ("small",) or group % 100 >= 10 or group >= 100:
                break
            group *= 100
            last_kind = "hundred"
        elif word in SCALES:
            scale = SCALES[word]
            if last_kind is None or last_kind == "scale" or scale >= last_scale:
                break
            total += group * scale
            group, last_scale, last_kind = 0, scale, "scale"
        else:
            break
        used_end = token.end()
    if last_kind is None:
        raise ValueError(f"'{words}' does not start with a number word")
    return total + group, used_end


def place_value(mantissa: str, multiplier: int = 1) -> Decimal:
    """The place value of the last significant digit of a number written as ``mantissa`` times ``multiplier``.

    Trailing zeros of a whole number are not significant; digits after a decimal point are.
    """
    digits = mantissa.replace(",", "")
    if "." in digits:
        return Decimal(1).scaleb(-len(digits.split(".")[1])) * multiplier
    stripped = digits.rstrip("0")
    if not stripped.strip("0"):
        return Decimal(multiplier)
    return Decimal(10) ** (len(digits) - len(stripped)) * multiplier


def interval(figure: float, step: float, qualifier: str) -> tuple[float, float]:
    """The [low, high] interval that ``qualifier`` allows around ``figure``, whose last significant digit is worth ``step``."""
    rules = {
        "exact": (figure, figure),
        "over": (figure, figure + step),
        "nearly": (figure - step, figure),
        "about": (figure - step / 2, figure + step / 2),
        "contradictory": (figure - step, figure + step),
    }
    return rules[qualifier]


def _unit_after(text: str, end: int, inline_suffix: str = "") -> str:
    """What the quantity ending at ``end`` counts: the first known unit word among the next four words."""
    if inline_suffix == "%":
        return "percent"
    position = end
    for _ in range(4):
        match = _WORD_AFTER.match(text, position)
        if not match:
            return ""
        word = match.group(1).lower()
        if word in UNITS:
            return UNITS[word]
        position = match.end()
    return ""


def _is_year(match: re.Match, hedges: str, unit: str) -> bool:
    digits = match.group("digits")
    return (
        digits is not None
        and re.fullmatch(r"\d{4}", digits) is not None
        and 1900 <= int(digits) <= 2100
        and not match.group("suffix")
        and not match.group("digit_scale")
        and not hedges
        and not unit
    )


def paragraph_number(text: str, offset: int) -> int:
    """The 1-based paragraph that ``offset`` falls in, counting the text's non-empty lines."""
    return sum(1 for line in text[:offset].split("\n")[:-1] if line.strip()) + 1


def extract_quantities(text: str) -> pd.DataFrame:
    """One row per quantitative expression in ``text``, in order, with the interval it allows.

    Columns: ``start``, ``end`` (``text[start:end]`` is the expression), ``paragraph``
    (1-based, counting non-empty lines), ``expression`` (the hedge words and the number),
    ``figure`` (the stated number; NaN for an order of magnitude), ``low``, ``high``,
    ``qualifier`` (one of :data:`QUALIFIERS`), ``unit`` (what is counted, from the words
    that follow; empty when none is recognised) and ``note``. See the module docstring for
    the interval rule.
    """
    rows = []
    for match in _QUANTITY.finditer(text):
        start, end, note = match.start(), match.end(), ""
        if match.group("words"):
            words = match.group("words")
            try:
                if match.group("typo"):
                    value, used = parse_number_words("one" + words[2:])
                    used -= 1
                    note = f"'{words[:used]}' is read as 'one{words[2:used]}' (a typo in the text)"
                else:
                    value, used = parse_number_words(words)
            except ValueError:
                continue  # a scale word with no number before it ("the hundred days")
            end = start + used
            figure = Decimal(value)
            step = place_value(str(value))
            if value == 1 and not re.search(r"\s", words[:used]) and not _unit_after(text, end):
                continue  # "one" as a pronoun ("one of the"), not a count
        elif match.group("digits"):
            multiplier = SUFFIXES.get((match.group("suffix") or "").lower()) or SCALES.get(
                (match.group("digit_scale") or "").lower(), 1
            )
            figure = Decimal(match.group("digits").replace(",", "")) * multiplier
            step = place_value(match.group("digits"), multiplier)
        else:
            figure = step = None

        hedge_match = _HEDGES_BEFORE.search(text, max(0, start - 60), start)
        hedges = [h.group() for h in _ONE_HEDGE.finditer(hedge_match.group())] if hedge_match else []
        inline = "%" if text[end : end + 1] == "%" else ""
        unit = _unit_after(text, end, inline)
        if _is_year(match, " ".join(hedges), unit):
            continue
        if hedge_match:
            start = hedge_match.start()

        kinds = {_hedge_kind(h) for h in hedges}
        if figure is None:
            qualifier = "order"
            base = ORDER_WORDS[match.group("order").split()[0].lower()]
            scale = SCALES[(match.group("order_scale") or "").lower().rstrip("s")] if match.group("order_scale") else 1
            low, high = float(base * scale), float(10 * base * scale)
            figure_value = math.nan
            if hedges:
                note = f"the hedge '{' '.join(hedges)}' does not change an order-of-magnitude interval"
        else:
            if {"over", "nearly"} <= kinds:
                qualifier = "contradictory"
            elif "over" in kinds:
                qualifier = "over"
            elif "nearly" in kinds:
                qualifier = "nearly"
            elif "about" in kinds:
                qualifier = "about"
            else:
                qualifier = "exact"
            low, high = (float(v) for v in interval(figure, step, qualifier))
            figure_value = float(figure)
        rows.append(
            {
                "start": start,
                "end": end,
                "paragraph": paragraph_number(text, start),
                "expression": text[start:end],
                "figure": figure_value,
                "low": low,
                "high": high,
                "qualifier": qualifier,
                "unit": unit,
                "note": note,
            }
        )
    columns = ["start", "end", "paragraph", "expression", "figure", "low", "high", "qualifier", "unit", "note"]
    return pd.DataFrame(rows, columns=columns).astype(
        {"start": "int64", "end": "int64", "paragraph": "int64", "figure": "float64", "low": "float64", "high": "float64"}
    )


def format_figure(value: float) -> str:
    """A figure as a reader writes it: thousands separators, no needless decimals, a dash for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "\u2014"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def quantity_table(
    quantities: pd.DataFrame,
    columns=("paragraph", "expression", "unit", "qualifier", "figure", "low", "high"),
) -> pd.DataFrame:
    """A readable copy of an ``extract_quantities`` frame: chosen columns, figures formatted, rows numbered from 1."""
    table = quantities.loc[:, list(columns)].copy()
    for column in ("figure", "low", "high"):
        if column in table:
            table[column] = table[column].map(format_figure)
    table.index = pd.RangeIndex(1, len(table) + 1, name="#")
    return table


# --------------------------------------------------------------------------------------
# Verdicts: each claim against the official figures, by one stated rule
# --------------------------------------------------------------------------------------

VERDICTS = ("consistent", "overstated", "understated", "not comparable", "unverified", "impossible")
REFERENCE_QUALIFIERS = {"exact": "exact", "upper": "nearly", "approx": "about"}


def load_ledger(package_path=DATAPACKAGE) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The claims, the comparisons and the references, each validated against its schema.

    Beyond the schemas, every claim's quote must occur exactly once in the article, in the
    paragraph the row gives; a row that breaks this raises :class:`DataError`.
    """
    package_path = Path(package_path)
    claims, comparisons, references = (load_table(name, package_path) for name in ("claims", "comparisons", "references"))
    check_quotes(load_article(package_path), claims, display_path(package_path.parent / resource_descriptor(
        "claims", package_path)["path"]))
    return claims, comparisons, references


def check_quotes(article: str, claims: pd.DataFrame, shown: str = "claims.csv") -> None:
    """Raise :class:`DataError` unless each quote occurs exactly once in the article, in its row's paragraph."""
    for index, row in enumerate(claims.itertuples(), start=2):
        count = article.count(row.quote)
        if count != 1:
            problem = "the quote is not in the article" if count == 0 else f"the quote occurs {count} times in the article"
            raise DataError(shown, f"{problem}: '{row.quote}'", row=index, column="quote")
        found = paragraph_number(article, article.index(row.quote))
        if found != row.paragraph:
            raise DataError(shown, f"the quote is in paragraph {found}, not {row.paragraph}", row=index,
                            column="paragraph")


def figure_step(value: float) -> Decimal:
    """The place value of the last significant digit of a figure given as a number (23.6e9 -> 0.1e9)."""
    written = format(Decimal(repr(float(value))).normalize(), "f")
    return place_value(written)


def reference_interval(value: float, relation: str) -> tuple[float, float]:
    """The interval an official figure allows: its relation read as a qualifier ('upper' is 'nearly')."""
    low, high = interval(Decimal(repr(float(value))), figure_step(value), REFERENCE_QUALIFIERS[relation])
    return float(low), float(high)


def position(claim_low: float, claim_high: float, ref_low: float, ref_high: float) -> tuple[str, float]:
    """Where an official interval lies against a claim's, and by what factor it misses.

    Returns ``("inside", 1.0)`` when the two intervals share a value; ``("below", r)`` when
    the official interval lies wholly below the claim's, r being the claim's low end over the
    official high end; ``("above", r)`` when it lies wholly above, r being the official low
    end over the claim's high end. r > 1 says by how many times, at the least, the two differ.
    """
    if ref_high < claim_low:
        return "below", claim_low / ref_high if ref_high > 0 else math.inf
    if ref_low > claim_high:
        return "above", ref_low / claim_high if claim_high > 0 else math.inf
    return "inside", 1.0


def compare_claims(claims: pd.DataFrame, comparisons: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """Every comparison with both intervals, where the official figure lies and the factor it misses by."""
    joined = comparisons.merge(claims[["claim_id", "claim_key", "quote", "low", "high", "unit", "period"]], on="claim_id")
    joined = joined.merge(
        references[["ref_id", "topic", "metric", "value", "unit", "relation", "period", "publisher", "published", "url"]],
        on="ref_id",
        suffixes=("", "_ref"),
    )
    bounds = [reference_interval(v, r) for v, r in zip(joined["value"], joined["relation"])]
    joined["ref_low"] = [low for low, _ in bounds]
    joined["ref_high"] = [high for _, high in bounds]
    placed = [
        position(*row[:4]) if row[4] != "different unit" else ("", math.nan)  # counts of unlike things
        for row in zip(joined["low"], joined["high"], joined["ref_low"], joined["ref_high"], joined["comparability"])
    ]
    joined["position"] = [where for where, _ in placed]
    joined["ratio"] = [ratio for _, ratio in placed]
    order = {claim: i for i, claim in enumerate(claims["claim_id"])}
    return joined.sort_values("claim_id", key=lambda ids: ids.map(order), kind="stable").reset_index(drop=True)


def _verdict_for(rows: pd.DataFrame) -> dict:
    """Apply the verdict rule (see :func:`claim_verdicts`) to one claim's rows of :func:`compare_claims`."""
    verdict = {"verdict": "unverified", "ref_id": "", "official": math.nan, "ratio": math.nan,
               "reason": "No official figure was found for this claim."}
    broken = rows[(rows["comparability"] == "bound") & (rows["low"] > rows["ref_high"])]
    if not broken.empty:
        worst = broken.loc[broken["ratio"].idxmax()]
        return {"verdict": "impossible", "ref_id": worst["ref_id"], "official": worst["value"], "ratio": worst["ratio"],
                "reason": f"The interval's low end exceeds a hard bound, the {worst['metric']} ({worst['period']})."}
    same = rows[rows["comparability"] == "same"]
    if not same.empty:
        closest = same.loc[same["ratio"].idxmin()]
        where = closest["position"]
        name = {"inside": "consistent", "below": "overstated", "above": "understated"}[where]
        reason = {
            "inside": "The official figure lies inside the claim's interval.",
            "below": "The official figure lies below the claim's interval.",
            "above": "The official figure lies above the claim's interval.",
        }[where]
        return {"verdict": name, "ref_id": closest["ref_id"], "official": closest["value"], "ratio": closest["ratio"],
                "reason": reason}
    others = rows[rows["comparability"] != "bound"]
    if not others.empty:
        kinds = list(dict.fromkeys(others["comparability"]))
        return {"verdict": "not comparable", "ref_id": ", ".join(others["ref_id"]), "official": math.nan,
                "ratio": math.nan,
                "reason": "The only official figures found differ: " + "; ".join(kinds) + "."}
    return verdict


def claim_flags(claims: pd.DataFrame) -> pd.Series:
    """Flags the article earns on its own, without any official figure, one string per claim.

    * ``contradictory hedges``: the claim's own hedge words pull opposite ways;
    * ``mentions disagree``: another mention of the same claim gives an interval that does
      not overlap this one's;
    * ``part exceeds whole``: the claim's low end is above the high end of a claim it is part of.
    """
    flags = {claim_id: [] for claim_id in claims["claim_id"]}
    for row in claims.itertuples():
        if row.qualifier == "contradictory":
            flags[row.claim_id].append("contradictory hedges")
        others = claims[(claims["claim_key"] == row.claim_key) & (claims["claim_id"] != row.claim_id)]
        if ((others["high"] < row.low) | (others["low"] > row.high)).any():
            flags[row.claim_id].append("mentions disagree")
        if row.part_of:
            wholes = claims[claims["claim_key"] == row.part_of]
            if (wholes["high"] < row.low).any():
                flags[row.claim_id].append("part exceeds whole")
    return pd.Series(["; ".join(f) for f in flags.values()], index=claims.index, name="flags")


def claim_verdicts(claims: pd.DataFrame, comparisons: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """One verdict per claim mention, by this rule, applied in order:

    1. ``impossible``: a ``bound`` comparison whose official figure (a hard upper limit, such
       as the population) lies below the claim's low end;
    2. ``consistent``, ``overstated`` or ``understated``: among the ``same`` comparisons, the
       official figure closest to the claim's interval lies inside it, below it or above it;
       ``ratio`` says by how many times, at the least, the two differ;
    3. ``not comparable``: official figures were found, but each differs in campaign, unit,
       period or scope (the reason says which);
    4. ``unverified``: no official figure was found.

    Official figures are intervals too: 'nearly 400,000' allows [300,000, 400,000], read by the
    same interval rule as the article's words. The ``flags`` column adds what the article shows
    on its own (:func:`claim_flags`).
    """
    compared = compare_claims(claims, comparisons, references)
    rows = []
    for claim in claims.itertuples():
        result = _verdict_for(compared[compared["claim_id"] == claim.claim_id])
        rows.append({"claim_id": claim.claim_id, "claim_key": claim.claim_key, "section": claim.section,
                     "quote": claim.quote, "low": claim.low, "high": claim.high, **result})
    verdicts = pd.DataFrame(rows)
    verdicts["flags"] = claim_flags(claims).to_numpy()
    return verdicts


def format_ratio(ratio: float) -> str:
    """A ratio as 'x3.0', or a dash where there is none."""
    return "\u2014" if ratio is None or math.isnan(ratio) else f"\u00d7{ratio:,.1f}"


def verdict_table(verdicts: pd.DataFrame) -> pd.DataFrame:
    """A readable copy of :func:`claim_verdicts`: one row per claim mention, figures formatted."""
    table = verdicts.assign(
        low=verdicts["low"].map(format_figure),
        high=verdicts["high"].map(format_figure),
        official=verdicts["official"].map(format_figure),
        ratio=verdicts["ratio"].map(format_ratio),
    )[["claim_id", "quote", "verdict", "official", "ratio", "reason", "flags"]]
    return table.set_index("claim_id")


def section_verdicts(verdicts: pd.DataFrame, section: str) -> pd.DataFrame:
    """The readable verdict table (:func:`verdict_table`) of one section's claims."""
    return verdict_table(verdicts[verdicts["section"] == section])


KIND_LABELS = {
    "same": "official, same measure",
    "bound": "hard bound",
    "different campaign": "official, other campaign",
    "different unit": "official, other unit",
    "different period": "official, other period",
    "different scope": "official, other scope",
}


def comparison_frame(claim_ids, claims: pd.DataFrame, compared: pd.DataFrame, ref_ids=None) -> pd.DataFrame:
    """Rows for a comparison chart: the claims, then the official figures they are compared with.

    ``compared`` is :func:`compare_claims`' output; ``ref_ids`` keeps only those references
    (all of the claims' comparisons by default). Columns: ``label``, ``kind`` (``the
    article`` or a :data:`KIND_LABELS` value), ``low``, ``high``, ``value`` (the official
    figure; NaN for a claim), ``unit``, ``detail`` (the quote, or the reference's metric,
    period and publisher) and ``source``.
    """
    chosen = claims.set_index("claim_id").loc[list(claim_ids)].reset_index()
    rows = [
        {"label": f"{c.claim_id}: \u201c{c.quote}\u201d", "kind": "the article", "low": c.low, "high": c.high,
         "value": math.nan, "unit": c.unit, "detail": f"{c.metric}, {c.period or 'no period given'}",
         "source": f"the article, paragraph {c.paragraph}"}
        for c in chosen.itertuples()
    ]
    pairs = compared[compared["claim_id"].isin(claim_ids)].drop_duplicates("ref_id")
    if ref_ids is not None:
        pairs = pairs.set_index("ref_id").loc[list(ref_ids)].reset_index()
    rows += [
        {"label": f"{r.metric} ({r.topic})" if r.period_ref in r.topic else f"{r.metric} ({r.topic}, {r.period_ref})",
         "kind": KIND_LABELS[r.comparability], "low": r.ref_low,
         "high": r.ref_high, "value": r.value, "unit": r.unit_ref, "detail": r.reason,
         "source": f"{r.publisher}, {r.published}"}
        for r in pairs.itertuples()
    ]
    return pd.DataFrame(rows)


KIND_COLOURS = {
    "the article": "#D55E00",
    "official, same measure": "#0072B2",
    "official, other campaign": "#56B4E9",
    "official, other period": "#56B4E9",
    "official, other scope": "#56B4E9",
    "official, other unit": "#7F7F7F",
    "hard bound": "#CC79A7",
}


def comparison_chart(frame: pd.DataFrame, *, title: str, description: str, x_title: str, log: bool = False
                     ) -> alt.LayerChart:
    """Claims as intervals beside official figures as points, one row each, from :func:`comparison_frame`."""
    kinds = [k for k in KIND_COLOURS if k in set(frame["kind"])]
    colour = alt.Color("kind:N", title=None,
                       scale=alt.Scale(domain=kinds, range=[KIND_COLOURS[k] for k in kinds]))
    tooltip = [alt.Tooltip("label:N", title="What"), alt.Tooltip("detail:N", title="Detail"),
               alt.Tooltip("low:Q", title="Low", format=","), alt.Tooltip("high:Q", title="High", format=","),
               alt.Tooltip("unit:N", title="Unit"), alt.Tooltip("source:N", title="Source")]
    scale = alt.Scale(type="log") if log else alt.Scale(zero=True)
    if log:
        axis = log_axis()
    elif frame["high"].max() >= 10_000:
        axis = alt.Axis(labelExpr="replace(format(datum.value, '~s'), 'G', 'B')")
    else:
        axis = alt.Axis(format=",.2~f")
    base = alt.Chart(frame).encode(
        y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=COMPARISON_LABEL_LIMIT)),
        color=colour,
        tooltip=tooltip,
    )
    bars = base.mark_bar(height=10, opacity=0.85).encode(x=alt.X("low:Q", title=x_title, scale=scale, axis=axis),
                                                          x2="high:Q")
    points = base.transform_filter("isValid(datum.value)").mark_point(filled=True, size=90, opacity=1).encode(
        x=alt.X("value:Q", scale=scale)
    )
    return alt.layer(bars, points, title=title, description=description).properties(
        width=CHART_WIDTH - COMPARISON_LABEL_LIMIT - 20, height=alt.Step(30)
    )


def series_chart(series: pd.DataFrame, *, claim_row, claim_year: int, title: str, description: str, y_title: str
                 ) -> alt.LayerChart:
    """Official yearly figures as a line of points, with a claim's interval drawn over its year.

    ``series`` needs ``year``, ``value``, ``metric``, ``publisher`` and ``published``;
    ``claim_row`` is a row of the claims ledger (``quote``, ``low``, ``high``).
    """
    official = series.assign(kind="official, same measure", source=series["publisher"] + ", " + series["published"])
    claimed = pd.DataFrame([{"year": claim_year, "low": claim_row["low"], "high": claim_row["high"],
                             "kind": "the article", "quoted": f"\u201c{claim_row['quote']}\u201d"}])
    kinds = ["the article", "official, same measure"]
    colour = alt.Color("kind:N", title=None, scale=alt.Scale(domain=kinds, range=[KIND_COLOURS[k] for k in kinds]))
    x = alt.X("year:O", title="Year", axis=alt.Axis(labelAngle=0))
    y_scale = alt.Scale(zero=True)
    line = alt.Chart(official).mark_line(point=alt.OverlayMarkDef(filled=True, size=90)).encode(
        x=x, y=alt.Y("value:Q", title=y_title, scale=y_scale), color=colour,
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("value:Q", title="Official figure", format=","),
                 alt.Tooltip("metric:N", title="Measure"), alt.Tooltip("source:N", title="Source")],
    )
    band = alt.Chart(claimed).mark_bar(size=26, opacity=0.6).encode(
        x=x, y=alt.Y("low:Q", scale=y_scale), y2="high:Q", color=colour,
        tooltip=[alt.Tooltip("quoted:N", title="Quoted words"), alt.Tooltip("low:Q", title="Low", format=","),
                 alt.Tooltip("high:Q", title="High", format=",")],
    )
    return alt.layer(band, line, title=title, description=description).properties(width=CHART_WIDTH - 240, height=280)


def sources_text(references: pd.DataFrame, ref_ids) -> str:
    """A credit line for a chart: each official figure's publisher and date, in the order given."""
    chosen = references.set_index("ref_id").loc[list(ref_ids)]
    seen = list(dict.fromkeys(f"{row.publisher}, {row.published}" for row in chosen.itertuples()))
    return "; ".join(seen)


# --------------------------------------------------------------------------------------
# Findings about the article itself
# --------------------------------------------------------------------------------------

# Correct words that the spell-checker's dictionary lacks: domain terms and British spellings.
# A word goes here only when it is spelled right; the misspellings are whatever else it flags.
KNOWN_WORDS = {
    "counterterrorism", "cyber", "cyberattack", "cyberattacks", "cybercrime", "cybercrimes", "cybersecurity",
    "cyberspace", "multi", "multitasker", "offences",
}
# Text that web pages add around an article: comment forms and e-mail obfuscation.
WEB_LEFTOVERS = (
    r"\[?email\s+protected\]?",
    r"Leave a Reply",
    r"Your email address will not be published\.",
    r"Required fields are marked \*",
)
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d{2}(?![\d,])")


def _finding(kind: str, text: str, start: int, end: int, detail: str) -> dict:
    return {"kind": kind, "paragraph": paragraph_number(text, start), "quote": text[start:end], "detail": detail}


def misspellings(text: str) -> pd.DataFrame:
    """Words a maintained spell-checker (pyspellchecker's English dictionary) does not know, less :data:`KNOWN_WORDS`.

    Hyphenated words are checked part by part, possessives without their 's, and words in
    capitals (acronyms) are left out. The closest word suggested is one edit away (a letter
    added, dropped, changed or two swapped), the most frequent if several are; there is none
    if no dictionary word is that close. Two edits away took seconds per long word and
    suggested words no reader would take for the one meant.
    """
    from spellchecker import SpellChecker  # imported here: only this finding needs it

    checker = SpellChecker(language="en", distance=1)
    rows = []
    for match in re.finditer(r"[A-Za-z]+", text):
        word = match.group()
        if word.isupper() or word.lower() in KNOWN_WORDS or text[match.start() - 1 : match.start()] in ("'", "\u2019"):
            continue
        if checker.unknown([word.lower()]):
            # Not checker.correction(): it breaks ties between equally likely words at random.
            candidates = sorted(checker.candidates(word.lower()) or [])
            suggestion = max(candidates, key=checker.word_usage_frequency, default="")
            suggestion = "" if suggestion == word.lower() else suggestion
            detail = f"not in the dictionary; closest word: '{suggestion}'" if suggestion else "not in the dictionary"
            rows.append(_finding("misspelling", text, match.start(), match.end(), detail))
    return pd.DataFrame(rows, columns=["kind", "paragraph", "quote", "detail"])


def article_findings(text: str, claims: pd.DataFrame, verdicts: pd.DataFrame) -> pd.DataFrame:
    """What the article shows about itself, each finding with the words it rests on.

    Columns: ``kind``, ``paragraph``, ``quote`` (verbatim), ``detail``. Kinds, in order:
    repeated claims and whether their mentions agree; a period contradiction ("this year"
    dated earlier than the latest year the text reports); claims credited to a campaign of
    another section; impossible figures; self-contradictory hedges; a part larger than its
    whole; misspellings; web-page leftovers.
    """
    rows = []
    place = {row.claim_id: text.index(row.quote) for row in claims.itertuples()}

    def claim_finding(kind, claim_id, detail):
        quote = claims.set_index("claim_id").loc[claim_id, "quote"]
        return _finding(kind, text, place[claim_id], place[claim_id] + len(quote), detail)

    for key, mentions in claims.groupby("claim_key", sort=False):
        if len(mentions) < 2:
            continue
        overlap = mentions["low"].max() <= mentions["high"].min()
        identical = mentions[["low", "high"]].drop_duplicates().shape[0] == 1
        verdict = "the same interval" if identical else ("overlapping intervals" if overlap else "intervals that do not overlap")
        for claim_id in mentions["claim_id"]:
            others = ", ".join(c for c in mentions["claim_id"] if c != claim_id)
            rows.append(claim_finding("repeated claim", claim_id, f"'{key}' is stated {len(mentions)} times "
                                      f"(also {others}), with {verdict}"))

    latest = max(int(y) for y in _YEAR.findall(text))
    for match in re.finditer(r"this year in ((?:19|20)\d{2})", text, flags=re.IGNORECASE):
        if int(match.group(1)) < latest:
            rows.append(_finding("period contradiction", text, match.start(), match.end(),
                                 f"'this year' is dated {match.group(1)} in a text that reports events of {latest}"))

    credited = claims[claims["campaign"] != ""]
    for campaign, group in credited.groupby("campaign", sort=False):
        home = group["section"].mode().iloc[0]
        for row in group[group["section"] != home].itertuples():
            rows.append(claim_finding("campaign in another field", row.claim_id,
                                      f"credited to the {campaign}, whose other claims are about {home}; "
                                      f"this one is about {row.section}"))

    for row in verdicts[verdicts["verdict"] == "impossible"].itertuples():
        rows.append(claim_finding("impossible figure", row.claim_id,
                                  f"at least {row.ratio:,.1f} times a hard bound ({row.ref_id})"))
    for row in claims[claims["qualifier"] == "contradictory"].itertuples():
        rows.append(claim_finding("contradictory hedges", row.claim_id,
                                  "two hedges that pull opposite ways; read as the union of both"))
    for row in claims[claims["part_of"] != ""].itertuples():
        wholes = claims[claims["claim_key"] == row.part_of]
        if (wholes["high"] < row.low).any():
            whole = wholes.iloc[0]
            rows.append(claim_finding("part exceeds whole", row.claim_id,
                                      f"at least {row.low / whole['high']:,.0f} times its whole, "
                                      f"'{whole['quote']}' ({whole['claim_id']})"))

    findings = pd.DataFrame(rows, columns=["kind", "paragraph", "quote", "detail"])
    leftovers = [
        _finding("web leftover", text, m.start(), m.end(), "text a web page adds around an article")
        for pattern in WEB_LEFTOVERS
        for m in re.finditer(pattern, text)
    ]
    return pd.concat(
        [findings, misspellings(text), pd.DataFrame(leftovers, columns=findings.columns)], ignore_index=True
    ).astype({"paragraph": "int64"})


# --------------------------------------------------------------------------------------
# Charts: one theme, and a renderer whose output works with and without JavaScript
# --------------------------------------------------------------------------------------

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
# One colour per verdict and qualifier, from a colour-blind-safe palette (Okabe and Ito).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
QUALIFIER_COLOURS = dict(zip(QUALIFIERS, ["#000000", "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00"]))
VERDICT_COLOURS = {
    "consistent": "#009E73", "overstated": "#D55E00", "understated": "#E69F00",
    "not comparable": "#0072B2", "unverified": "#7F7F7F", "impossible": "#CC79A7",
}
CHART_COLOURS = {"qualifier": QUALIFIER_COLOURS, "verdict": VERDICT_COLOURS}
CHART_WIDTH = 640  # what fits the book's text column beside its side bars, labels included
LABEL_LIMIT = 230  # pixels of row label before it is cut with an ellipsis
COMPARISON_LABEL_LIMIT = 300  # comparison charts name official measures, which run longer
NUMBER_FORMAT = ",.3~s"

VEGALITE_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
CHART_CLASS = "mpsbook-chart"


@alt.theme.register("mpsbook", enable=True)
def chart_theme() -> alt.theme.ThemeConfig:
    """The book's one chart theme: fonts, colours, sizes and number formats."""
    return {
        "config": {
            "background": "white",
            "font": FONT,
            "view": {"continuousWidth": CHART_WIDTH - 100, "continuousHeight": 320, "stroke": None},
            "title": {"fontSize": 16, "anchor": "start", "subtitleFontSize": 13, "subtitleColor": "#555555"},
            "axis": {"labelFontSize": 12, "titleFontSize": 13, "labelColor": "#333333", "titleColor": "#333333",
                     "gridColor": "#e5e5e5", "domainColor": "#888888", "tickColor": "#888888"},
            "legend": {"labelFontSize": 12, "titleFontSize": 13, "orient": "bottom", "columns": 2},
            "range": {"category": PALETTE},
            "numberFormat": NUMBER_FORMAT,
        }
    }


def _chart_summary(spec: dict) -> tuple[str, str]:
    """The chart's title and description, for its accessible name and its plain-text output."""
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(title)
    return str(title), str(spec.get("description", ""))


def chart_svg(spec: dict) -> str:
    """The chart's static SVG, made by vl-convert with the Vega-Lite version Altair writes."""
    return vl_convert.vegalite_to_svg(spec, vl_version=VEGALITE_VERSION)


def chart_mimebundle(spec: dict, **_metadata) -> dict:
    """Altair renderer: the chart as HTML (a static SVG and the spec the site draws from) plus SVG and text.

    The HTML holds no script that runs. When the site is built, ``mpsbook_site`` compiles the
    spec in its JSON block to Vega; the site's ``mpsbook-charts.js`` then draws each
    ``.mpsbook-chart`` with vega and hides the static SVG once the interactive chart is drawn.
    Everything is keyed by content, never by a random id, so executing twice gives
    byte-identical output.
    """
    spec = {key: value for key, value in spec.items() if key != "$schema"}
    svg = chart_svg(spec)
    title, description = _chart_summary(spec)
    label = html.escape(": ".join(part for part in (title, description) if part), quote=True)
    spec_json = json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=True).replace("</", "<\\/")
    markup = (
        f'<div class="{CHART_CLASS}" data-vegalite="{VEGALITE_VERSION}">'
        f'<div class="{CHART_CLASS}-static" role="img" aria-label="{label}">{svg}</div>'
        f'<div class="{CHART_CLASS}-live" aria-label="{label}"></div>'
        f'<script type="application/json" class="{CHART_CLASS}-spec">{spec_json}</script>'
        "</div>"
    )
    text = f"Chart: {title}" + (f"\n{description}" if description else "")
    return {"text/html": markup, "image/svg+xml": svg, "text/plain": text}


alt.renderers.register("mpsbook", chart_mimebundle)
alt.renderers.enable("mpsbook")
# Tables of quotes and reasons are read in full, not cut at 50 characters.
pd.set_option("display.max_colwidth", None)


def log_axis(**options) -> alt.Axis:
    """An axis for a log scale: a label at each power of ten, written 10, 1k, 1M, 1B."""
    return alt.Axis(
        values=[10**k for k in range(0, 16)],
        labelExpr="replace(format(datum.value, '~s'), 'G', 'B')",
        **options,
    )


def interval_chart(
    frame: pd.DataFrame,
    *,
    title: str,
    description: str,
    label: str = "expression",
    colour: str = "qualifier",
    tooltip: tuple = (),
    number_rows: bool = True,
) -> alt.LayerChart:
    """An interval chart on a log axis: one row per quantity, a bar from low to high and a diamond at the figure.

    ``frame`` needs ``low``, ``high``, ``figure``, ``unit`` and the ``label`` and ``colour``
    columns (``colour`` is ``qualifier`` or ``verdict``, coloured as the book colours them
    everywhere); the row order of the frame is kept on the vertical axis. Where the frame
    has an ``official`` column, a black ring marks the official figure the verdict rests on.
    ``tooltip`` adds (field, title) pairs to the tooltip, after the quoted words;
    ``number_rows`` puts the row's number before its label (off when the label has an id).
    """
    data = frame.reset_index(drop=True).assign(
        row=lambda d: [f"{i + 1:02d}. {text}" if number_rows else text for i, text in enumerate(d[label])],
        quoted=lambda d: [f"\u201c{text}\u201d" for text in d[label]],
    )
    tooltips = [
        alt.Tooltip("quoted:N", title="Quoted words"),
        *(alt.Tooltip(f"{field}:N", title=name) for field, name in tooltip),
        alt.Tooltip("unit:N", title="Unit"),
        alt.Tooltip(f"{colour}:N", title=colour.capitalize()),
        alt.Tooltip("low:Q", title="Low", format=","),
        alt.Tooltip("high:Q", title="High", format=","),
    ]
    colours = CHART_COLOURS[colour]
    y = alt.Y("row:N", sort=None, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    colour_channel = alt.Color(
        f"{colour}:N", title=colour.capitalize(), scale=alt.Scale(domain=list(colours), range=list(colours.values()))
    )
    x_scale = alt.Scale(type="log")
    base = alt.Chart(data).encode(y=y, color=colour_channel, tooltip=tooltips)
    bars = base.mark_bar(height=8, opacity=0.8).encode(
        x=alt.X("low:Q", scale=x_scale, title="Values the words allow (log scale)", axis=log_axis()),
        x2="high:Q",
    )
    # A point for exact intervals too: a bar from f to f has no width.
    points = base.transform_filter("isValid(datum.figure)").mark_point(filled=True, size=50, shape="diamond").encode(
        x=alt.X("figure:Q", scale=x_scale)
    )
    layers = [bars, points]
    if "official" in data:
        # Its own chart, not `base`: the ring stays black whatever the row's colour.
        official = alt.Chart(data).transform_filter("isValid(datum.official)").mark_point(
            shape="circle", size=110, filled=False, strokeWidth=2, color="black"
        ).encode(
            y=y,
            x=alt.X("official:Q", scale=x_scale),
            tooltip=[*tooltips, alt.Tooltip("official:Q", title="Official figure", format=","),
                     alt.Tooltip("ref_id:N", title="Reference")],
        )
        layers.append(official)
    return alt.layer(*layers, title=title, description=description).properties(
        width=CHART_WIDTH - LABEL_LIMIT - 20, height=alt.Step(22)
    )
