"""The book's data errors: :class:`DataError`, and frictionless's report said in the book's words.

A fault is named by file, row (as a spreadsheet counts it, the header being row 1) and column, with what is
wrong in words a reader of the data knows ("a whole number", "an address (URI)"); :func:`report_error`
turns the first error of a frictionless report into one. The row rules frictionless can state as a formula
(:func:`rule_formula`) are checked by it as row constraints, and their failures are said here too.
"""

from __future__ import annotations

import decimal
import re
from pathlib import Path

from .row_rules import ROW_RULES


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


def encoding_error(path: Path, shown: str) -> DataError:
    """The file holds bytes that are not UTF-8: the row of the first, and the byte itself."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return DataError(shown, f"the file is not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot be read "
                                "(save the file as UTF-8)", row=raw[:exc.start].count(b"\n") + 1)
    return DataError(shown, "the file is not UTF-8 text")


def rule_formula(rule: dict, shown: str) -> str | None:
    """The frictionless row-constraint formula for one of the book's row rules (empty cells pass); None for a rule checked here."""
    kind = rule.get("rule")
    if kind == "notGreater":
        low, high = rule["fields"]
        return f"{low} is None or {high} is None or {low} <= {high}"
    if kind == "formula":
        return rule["formula"]
    if kind in ROW_RULES:
        return None
    raise DataError(shown, f"unknown row rule '{kind}' in the schema")


def first_failure(failures: list):
    """The fault to report: a header fault first (leftmost column), else the first in row order, a row's cell count first."""
    labels = [error for error in failures if hasattr(error, "field_number") and not hasattr(error, "row_number")]
    if labels:
        return min(labels, key=lambda error: error.field_number)
    first_row = getattr(failures[0], "row_number", None)
    whole_row = [error for error in failures if getattr(error, "row_number", None) == first_row
                 and error.type in ("missing-cell", "extra-cell", "blank-row")]
    return (whole_row or failures)[0]


_TYPE_WORDS = {"number": "a number", "integer": "a whole number", "year": "a year as YYYY",
               "date": "a date as YYYY-MM-DD", "boolean": "true or false", "string": "text"}
_FORMAT_WORDS = {"uri": "an address (URI)", "email": "an email address", "uuid": "a UUID"}


def report_error(error, shown: str, schema: dict, rules: list) -> DataError:
    """One frictionless error as a :class:`DataError` in the book's words, with its row and column."""
    fields = {field["name"]: field for field in schema["fields"]}
    kind, row = error.type, getattr(error, "row_number", None)
    if kind.endswith("-label"):
        return _label_error(error, shown, fields)
    if kind == "blank-row":
        return DataError(shown, "the row is blank (delete it: a table has no empty rows)", row=row)
    if kind in ("missing-cell", "extra-cell"):
        return DataError(shown, f"the row has {len(error.cells)} cells, the header {len(fields)}", row=row)
    if kind == "type-error":
        field = fields[error.field_name]
        what = _FORMAT_WORDS.get(field.get("format")) or _TYPE_WORDS.get(field.get("type"), field.get("type"))
        return DataError(shown, f"expected {what}, found '{error.cell}'", row=row, column=error.field_name)
    if kind == "constraint-error":
        problem = _constraint_words(error, fields[error.field_name])
        return DataError(shown, problem, row=row, column=error.field_name)
    if kind in ("unique-error", "primary-key"):
        return _duplicate_error(error, shown, schema)
    if kind == "foreign-key":
        target = "/".join(error.reference_field_names)
        values = ", ".join(str(value) for value in error.field_cells)
        return DataError(shown, f"'{values}' is not a {target} of the '{error.reference_name}' table", row=row,
                         column=", ".join(error.field_names))
    if kind == "row-constraint":
        rule = next(rule for rule in rules if (rule_formula(rule, shown) or "\0") in error.note)
        cells = dict(zip(fields, error.cells, strict=True))
        if rule["rule"] == "formula":
            return DataError(shown, f"{rule['words']} (found {cells[rule['column']]})", row=row, column=rule["column"])
        low, high = rule["fields"]
        return DataError(shown, f"{low} ({float(cells[low]):g}) is greater than {high} ({float(cells[high]):g})",
                         row=row, column=low)
    return DataError(shown, f"{error.title.lower()}: {error.note or error.message}", row=row,
                     column=getattr(error, "field_name", None) or None)


def _label_error(error, shown: str, fields: dict) -> DataError:
    """A header fault: a declared column missing, one not declared, or columns out of the declared order."""
    row = (error.row_numbers or [1])[0]
    if error.field_name and error.field_name not in error.labels:
        return DataError(shown, "this declared column is missing from the header", row=row, column=error.field_name)
    if error.label and error.label not in fields:
        return DataError(shown, "this column is not declared in the schema", row=row, column=error.label)
    if error.type == "duplicate-label":
        return DataError(shown, "this column is named twice in the header", row=row, column=error.label)
    return DataError(shown, f"the column is out of the declared order ('{error.field_name}' is declared here)",
                     row=row, column=error.label or error.field_name)


_CONSTRAINT_WORDS = {
    "required": "a value is required here, and the cell is empty",
    "enum": "'{cell}' is not one of the allowed values ({allowed})",
    "minimum": "{cell} is below the minimum {limit}",
    "maximum": "{cell} is above the maximum {limit}",
    "pattern": "'{cell}' does not match the pattern {limit}",
    "minLength": "'{cell}' is shorter than {limit} characters",
    "maxLength": "'{cell}' is longer than {limit} characters",
}


def _constraint_words(error, field: dict) -> str:
    """What a cell breaks, read from the constraint frictionless names in its note."""
    name = re.search(r'constraint "(\w+)"', error.note).group(1)
    limit = field.get("constraints", {}).get(name)
    if field.get("type") == "number" and name in ("minimum", "maximum") and not decimal.Decimal(error.cell).is_finite():
        return f"'{error.cell}' is not a finite number"  # nan, inf: no comparison holds, so frictionless names a limit
    if name == "pattern" and field.get("mpsbook:patternWords"):
        return f"'{error.cell}' is not {field['mpsbook:patternWords']}"
    allowed = ", ".join(repr(value) for value in limit) if name == "enum" else ""
    if isinstance(limit, float) and limit.is_integer():
        limit = int(limit)
    template = _CONSTRAINT_WORDS.get(name, "'{cell}' breaks the constraint {name} ({limit})")
    return template.format(cell=_shown_cell(error.cell), limit=limit, allowed=allowed, name=name)


def _shown_cell(cell: str) -> str:
    """A cell as a message quotes it: whole up to 40 characters, else its start and its length (a 309-digit number)."""
    return cell if len(cell) <= 40 else f"{cell[:20]}... ({len(cell)} characters)"


def _duplicate_error(error, shown: str, schema: dict) -> DataError:
    """A repeated unique value or primary key, with the row that first held it."""
    if error.type == "unique-error":
        columns = [error.field_name]
    else:
        key = schema.get("primaryKey", [])
        columns = [key] if isinstance(key, str) else list(key)
    cells = dict(zip([field["name"] for field in schema["fields"]], error.cells, strict=True))
    values = ", ".join(cells.get(column) or "" for column in columns)
    first = re.search(r"position (\d+)", error.note)
    problem = (f"duplicate value {values} (first in row {first.group(1)})" if first
               else "the key is empty, and a key is required")
    return DataError(shown, problem, row=error.row_number, column=", ".join(columns))
