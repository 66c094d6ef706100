"""Checks of the notebooks' stored outputs that the build runs: none stale, none an error.

``python -m tools.notebooks stale NOTEBOOK...`` exits 1, naming notebook and command, when a notebook's
stored outputs were executed from other data (its glued ``data_fingerprint``) or glue a verdict that
``data/derived/verdicts.csv`` does not hold. ``make book`` runs it first, so no site is built from
stale notebooks.

``python -m tools.notebooks errors NOTEBOOK...`` exits 1, naming notebook, cell and error, when a stored
output is an error. ``make execute`` runs it after executing: a chart whose display fails (a
character the font lacks, say) leaves an error output without failing its cell, so nbconvert
alone would store it silently.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat


def error_outputs(path: Path) -> list[str]:
    """Each error output stored in the notebook at ``path``, as 'NOTEBOOK, cell N: ENAME: EVALUE' (N from 0)."""
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
    from mpsbook.ledger.data import DATA_DIR, data_fingerprint, load_table
    from mpsbook.present.prose import rating_words

    glued = _glued(nbformat.read(path, as_version=4))
    problems = []
    if "data_fingerprint" in glued and glued["data_fingerprint"] != data_fingerprint():
        problems.append(f"{path} was executed from other data than data/ holds now: run make execute (or make update)")
    verdicts = rating_words(load_table("verdicts", DATA_DIR / "datapackage.json"))
    problems += [f"{path} glues {name} = '{glued[name]}' where data/derived/verdicts.csv says '{words}': "
                 f"run make update" for name, words in verdicts.items() if name in glued and glued[name] != words]
    return problems


CHECKS = {"stale": stale_outputs, "errors": error_outputs}


def main(argv: list[str] | None = None) -> int:
    """Run one check over the notebooks named: 0 where none is found, 1 (naming each) where one is, 2 on a usage error."""
    parser = argparse.ArgumentParser(prog="python -m tools.notebooks", description=__doc__.splitlines()[0])
    parser.add_argument("check", choices=sorted(CHECKS), help="stale: executed from other data; errors: an error output")
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    found = [line for path in args.notebooks for line in CHECKS[args.check](path)]
    if found:
        print("\n".join(found), file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
