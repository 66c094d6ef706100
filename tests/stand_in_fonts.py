"""Stand-in fonts named like the ones Mac, Windows and Android machines have, for checking that outputs ignore them.

``python tests/stand_in_fonts.py DIR`` writes them into DIR (``.ci/run`` puts them in a
temporary ``HOME/.fonts`` and ``XDG_DATA_HOME/fonts``, where fontconfig and vl-convert look).
Each is the book's own bold face renamed: its letters are wider than the regular face's, so
any label measured with a stand-in moves.
"""

import sys
from pathlib import Path

from fontTools.ttLib import TTFont

BOOK_FONT = Path(__file__).resolve().parents[1] / "book" / "mpsbook" / "fonts" / "MPSBookSans-Bold.ttf"
FAMILIES = ("system-ui", "-apple-system", "SF Pro Text", "Helvetica Neue", "Helvetica", "Segoe UI", "Arial",
            "Roboto", "Calibri", "sans-serif")


def write_stand_in_fonts(folder: Path) -> list:
    """Write one regular-weight font per name of :data:`FAMILIES` into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for family in FAMILIES:
        font = TTFont(BOOK_FONT)
        font["OS/2"].usWeightClass = 400
        font["OS/2"].fsSelection = (font["OS/2"].fsSelection & ~0b100001) | 0b1000000  # regular, not bold
        font["head"].macStyle = 0
        names = font["name"]
        stem = "".join(char for char in family if char.isalnum())
        for name_id, value in {1: family, 2: "Regular", 3: f"{stem};stand-in", 4: family, 6: f"{stem}-Regular"}.items():
            names.setName(value, name_id, 3, 1, 0x409)
            names.setName(value, name_id, 1, 0, 0)
        target = folder / f"{stem}-StandIn.ttf"
        font.save(target)
        written.append(target)
    return written


if __name__ == "__main__":
    for path in write_stand_in_fonts(Path(sys.argv[1])):
        print(path)
