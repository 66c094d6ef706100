"""Command line of the helper package.

``python -m mpsbook quantities FILE`` prints the quantities of a text as CSV: ``FILE`` is a UTF-8
text file, or ``-`` for standard input; one row per quantity, with the columns of
:func:`mpsbook.extract_quantities`, so that an analyst can draft a claims ledger for another text.

``python -m mpsbook errors NOTEBOOK...`` exits 1, naming notebook, cell and error, when a stored
output is an error. ``make execute`` runs it after executing: a chart whose display fails (a
character the font lacks, say) leaves an error output without failing its cell, so nbconvert
alone would store it silently.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .quantities import extract_quantities


def error_outputs(path: Path) -> list[str]:
    """Each error output stored in the notebook at ``path``, as 'NOTEBOOK, cell N: ENAME: EVALUE' (N from 0)."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    return [f"{path}, cell {index}: {output.get('ename', '')}: {output.get('evalue', '')}"
            for index, cell in enumerate(notebook.cells) if cell.cell_type == "code"
            for output in cell.get("outputs", []) if output.get("output_type") == "error"]


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the command: 0 on success, 1 when ``errors`` finds one, 2 on a usage error."""
    parser = argparse.ArgumentParser(prog="python -m mpsbook", description="Tools of the book's helper package.")
    commands = parser.add_subparsers(dest="command", required=True)
    quantities = commands.add_parser("quantities", help="print every quantity of a text, with its interval, as CSV")
    quantities.add_argument("file", help="a UTF-8 text file, or - for standard input")
    errors = commands.add_parser("errors", help="exit 1, naming each, when a notebook stores an error output")
    errors.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "errors":
        found = [line for path in args.notebooks for line in error_outputs(path)]
        if found:
            print("\n".join(found), file=sys.stderr)
        return 1 if found else 0
    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        parser.error(f"cannot read {args.file}: {error}")
    extract_quantities(text).to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
