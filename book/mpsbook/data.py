"""Reading the book's data: the data package, the article, the ledger tables, and quotes located in the article.

Every table is read through the Table Schema that ``data/datapackage.json`` declares for it;
bad input raises :class:`DataError`, whose message names the file, the row and the column,
so nothing is built on a half-read table. :func:`load_article` refuses an article whose bytes
differ from the hash the data package declares.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
from pathlib import Path

import pandas as pd

BOOK_DIR = Path(__file__).resolve().parent.parent
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


def paragraph_number(text: str, offset: int) -> int:
    """The 1-based paragraph that ``offset`` falls in, counting the text's non-empty lines."""
    return sum(1 for line in text[:offset].split("\n")[:-1] if line.strip()) + 1


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


def sources_text(references: pd.DataFrame, ref_ids) -> str:
    """A credit line for a chart: each official figure's publisher and date, in the order given."""
    chosen = references.set_index("ref_id").loc[list(ref_ids)]
    seen = list(dict.fromkeys(f"{row.publisher}, {row.published}" for row in chosen.itertuples()))
    return "; ".join(seen)

