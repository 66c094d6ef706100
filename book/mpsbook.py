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
* **Charts.** Importing the module registers and enables an Altair theme (``mpsbook``) and a
  renderer (``mpsbook``). Each chart is stored in the notebook twice over: a static SVG made
  by vl-convert when the cell runs (what a reader sees where no JavaScript runs: a code
  host, a notebook opened offline, print) and the Vega-Lite spec, which the built site draws
  interactively with the vega scripts that its build places next to the pages. Executing a
  cell twice gives byte-identical output.

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
from dataclasses import dataclass
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
# Charts: one theme, and a renderer whose output works with and without JavaScript
# --------------------------------------------------------------------------------------

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
# One colour per verdict and qualifier, from a colour-blind-safe palette (Okabe and Ito).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
QUALIFIER_COLOURS = dict(zip(QUALIFIERS, ["#000000", "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00"]))
CHART_WIDTH = 640
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
            "view": {"continuousWidth": CHART_WIDTH, "continuousHeight": 320, "stroke": None},
            "title": {"fontSize": 16, "anchor": "start", "subtitleFontSize": 13, "subtitleColor": "#555555"},
            "axis": {"labelFontSize": 12, "titleFontSize": 13, "labelColor": "#333333", "titleColor": "#333333",
                     "gridColor": "#e5e5e5", "domainColor": "#888888", "tickColor": "#888888"},
            "legend": {"labelFontSize": 12, "titleFontSize": 13, "orient": "bottom"},
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

    The HTML holds no script that runs: the site's ``mpsbook-charts.js`` finds each
    ``.mpsbook-chart``, reads the spec from its JSON block and draws it with vega-embed,
    hiding the static SVG once the interactive chart is drawn. Everything is keyed by
    content, never by a random id, so executing twice gives byte-identical output.
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


def log_axis(**options) -> alt.Axis:
    """An axis for a log scale: a label at each power of ten, written 10, 1k, 1M, 1B."""
    return alt.Axis(
        values=[10**k for k in range(0, 16)],
        labelExpr="replace(format(datum.value, '~s'), 'G', 'B')",
        **options,
    )


def interval_chart(quantities: pd.DataFrame, *, title: str, description: str, label: str = "expression") -> alt.LayerChart:
    """An interval chart on a log axis: one row per quantity, a bar from low to high and a tick at the figure.

    ``quantities`` needs ``low``, ``high``, ``figure``, ``qualifier`` and the ``label``
    column; the row order of the frame is kept on the vertical axis.
    """
    data = quantities.reset_index(drop=True).assign(
        row=lambda d: [f"{i + 1:02d}. {text}" for i, text in enumerate(d[label])],
        quoted=lambda d: [f"\u201c{text}\u201d" for text in d[label]],
    )
    tooltip = [
        alt.Tooltip("quoted:N", title="Quoted words"),
        alt.Tooltip("unit:N", title="Unit"),
        alt.Tooltip("qualifier:N", title="Qualifier"),
        alt.Tooltip("low:Q", title="Low", format=","),
        alt.Tooltip("high:Q", title="High", format=","),
    ]
    y = alt.Y("row:N", sort=None, title=None, axis=alt.Axis(labelLimit=260))
    colour = alt.Color(
        "qualifier:N",
        title="Qualifier",
        scale=alt.Scale(domain=list(QUALIFIER_COLOURS), range=list(QUALIFIER_COLOURS.values())),
    )
    x_scale = alt.Scale(type="log")
    base = alt.Chart(data).encode(y=y, color=colour, tooltip=tooltip)
    bars = base.mark_bar(height=8, opacity=0.75).encode(
        x=alt.X("low:Q", scale=x_scale, title="Values the words allow (log scale)", axis=log_axis()),
        x2="high:Q",
    )
    # A point for exact intervals too: a bar from f to f has no width.
    points = base.transform_filter("isValid(datum.figure)").mark_point(filled=True, size=50, shape="diamond").encode(
        x=alt.X("figure:Q", scale=x_scale)
    )
    return alt.layer(bars, points, title=title, description=description).properties(
        width=CHART_WIDTH - 200, height=alt.Step(22)
    )
