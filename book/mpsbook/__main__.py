"""Command line of the helper package.

``python -m mpsbook quantities FILE`` prints the quantities of a text as CSV: ``FILE`` is a UTF-8
text file, or ``-`` for standard input; one row per quantity, with the columns of
:func:`mpsbook.extract_quantities`, so that an analyst can draft a claims ledger for another text.

The build's checks of the notebooks' stored outputs (``stale``, ``errors``) are a build tool:
``tools/notebooks.py``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .extract.quantities import extract_quantities


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the command: 0 on success, 2 on a usage error."""
    parser = argparse.ArgumentParser(prog="python -m mpsbook", description="Tools of the book's helper package.")
    commands = parser.add_subparsers(dest="command", required=True)
    quantities = commands.add_parser("quantities", help="print every quantity of a text, with its interval, as CSV")
    quantities.add_argument("file", help="a UTF-8 text file, or - for standard input")
    args = parser.parse_args(argv)
    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        parser.error(f"cannot read {args.file}: {error}")
    extract_quantities(text).to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
