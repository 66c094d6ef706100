"""Command line of the helper package.

``python -m mpsbook quantities FILE`` prints the quantities of a text as CSV: ``FILE`` is a UTF-8
text file, or ``-`` for standard input; one row per quantity, with the columns of
:func:`mpsbook.extract_quantities`, so that an analyst can draft a claims ledger for another text.

``python -m mpsbook stale NOTEBOOK...`` exits 1, naming notebook and command, when a notebook's stored
outputs were executed from other data (its glued ``data_fingerprint``) or glue a verdict that
``data/derived/verdicts.csv`` does not hold. ``make book`` runs it first, so no site is built from
stale notebooks.

``python -m mpsbook errors NOTEBOOK...`` exits 1, naming notebook, cell and error, when a stored
output is an error. ``make execute`` runs it after executing: a chart whose display fails (a
character the font lacks, say) leaves an error output without failing its cell, so nbconvert
alone would store it silently.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .extract.quantities import extract_quantities


def error_outputs(path: Path) -> list[str]:
    """Each error output stored in the notebook at ``path``, as 'NOTEBOOK, cell N: ENAME: EVALUE' (N from 0)."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    return [f"{path}, cell {index}: {output.get('ename', '')}: {output.get('evalue', '')}"
            for index, cell in enumerate(notebook.cells) if cell.cell_type == "code"
            for output in cell.get("outputs", []) if output.get("output_type") == "error"]


def _glued(notebook) -> dict[str, str]:
    """The text of every value a notebook glues, by name, as its stored outputs hold them."""
    found = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            text = output.get("data", {}).get("application/papermill.record/text/plain")
            if name and text is not None:
                found[name] = text.strip("'\"")
    return found


def stale_outputs(path: Path) -> list[str]:
    """Why the notebook at ``path`` is stale, one line each (none where it is current)."""
    import nbformat

    from .ledger.data import DATA_DIR, data_fingerprint, load_table
    from .present.prose import rating_words

    glued = _glued(nbformat.read(path, as_version=4))
    problems = []
    if "data_fingerprint" in glued and glued["data_fingerprint"] != data_fingerprint():
        problems.append(f"{path} was executed from other data than data/ holds now: run make execute (or make update)")
    verdicts = rating_words(load_table("verdicts", DATA_DIR / "datapackage.json"))
    problems += [f"{path} glues {name} = '{glued[name]}' where data/derived/verdicts.csv says '{words}': "
                 f"run make update" for name, words in verdicts.items() if name in glued and glued[name] != words]
    return problems


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the command: 0 on success, 1 when ``errors`` finds one, 2 on a usage error."""
    parser = argparse.ArgumentParser(prog="python -m mpsbook", description="Tools of the book's helper package.")
    commands = parser.add_subparsers(dest="command", required=True)
    quantities = commands.add_parser("quantities", help="print every quantity of a text, with its interval, as CSV")
    quantities.add_argument("file", help="a UTF-8 text file, or - for standard input")
    errors = commands.add_parser("errors", help="exit 1, naming each, when a notebook stores an error output")
    errors.add_argument("notebooks", nargs="+", type=Path)
    stale = commands.add_parser("stale", help="exit 1, naming each, when a notebook was executed from other data")
    stale.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "stale":
        found = [line for path in args.notebooks for line in stale_outputs(path)]
        if found:
            print("\n".join(found), file=sys.stderr)
        return 1 if found else 0
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
