"""Editing a copy of the data package, for the tests of bad input: find a row by its key, change one cell.

A test names the row by what it holds (``{"claim_id": "C11"}``), never by its line or its text, so an
ordinary edit of the ledger (a new reading of C11) does not break the test; the row number an error
must name is found the same way.
"""

import csv
import io
import shutil
from pathlib import Path

import mpsbook


def copy_data(folder: Path) -> Path:
    """A copy of the data package in ``folder``: every file it declares, and the package itself."""
    shutil.copy(mpsbook.ledger.data.DATAPACKAGE, folder / "datapackage.json")
    for resource in mpsbook.ledger.data.read_datapackage()["resources"]:
        (folder / resource["path"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(mpsbook.ledger.data.DATA_DIR / resource["path"], folder / resource["path"])
    return folder / "datapackage.json"


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def row_number(path: Path, where: dict) -> int:
    """The row (as a spreadsheet counts it, the header being row 1) of the first row holding every value of ``where``."""
    rows = read_rows(path)
    header = rows[0]
    for number, row in enumerate(rows[1:], start=2):
        if all(row[header.index(column)] == value for column, value in where.items()):
            return number
    raise LookupError(f"no row of {path.name} holds {where}: choose another row for this test")


def cell(path: Path, where: dict, column: str) -> str:
    """The cell of ``column`` in the row ``where`` finds."""
    rows = read_rows(path)
    return rows[row_number(path, where) - 1][rows[0].index(column)]


def set_cell(path: Path, where: dict, column: str, value: str) -> int:
    """Write ``value`` into ``column`` of the row ``where`` finds; returns that row's number."""
    rows = read_rows(path)
    number = row_number(path, where)
    rows[number - 1][rows[0].index(column)] = value
    write_rows(path, rows)
    return number


def append_row(path: Path, values: dict) -> int:
    """Add a row holding ``values`` (other cells empty); returns its number."""
    rows = read_rows(path)
    rows.append([values.get(column, "") for column in rows[0]])
    write_rows(path, rows)
    return len(rows)


def copy_row(path: Path, where: dict, changes: dict) -> int:
    """Add a copy of the row ``where`` finds, with ``changes``; returns the new row's number."""
    rows = read_rows(path)
    row = list(rows[row_number(path, where) - 1])
    for column, value in changes.items():
        row[rows[0].index(column)] = value
    rows.append(row)
    write_rows(path, rows)
    return len(rows)
