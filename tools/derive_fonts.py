"""Writes the book's chart fonts, MPSBook Sans Regular and Bold, from Liberation Sans 2, into ``book/mpsbook/fonts/``.

A build tool, not part of the analysis, run once by hand, never by the build: ``python tools/derive_fonts.py DIR``
where DIR holds
``LiberationSans-Regular.ttf`` and ``LiberationSans-Bold.ttf`` as Debian's package
fonts-liberation2 2.1.5-1 installs them (``apt-get download fonts-liberation2``, then
``dpkg-deb -x``: ``usr/share/fonts/truetype/liberation2/``). The fonts are cut to the Latin
letters and the punctuation below and renamed, as the SIL Open Font License asks of a
modified version ("Liberation" is a Reserved Font Name; see ``OFL.txt``). Their metrics are
Liberation Sans's, which match Arial's.
"""

import sys
from pathlib import Path

from fontTools import subset

from mpsbook.present.charts import FONT_DIR  # where the charts find the fonts

FAMILY = "MPSBook Sans"
# Basic Latin, Latin-1, Latin Extended-A, dashes, quotes, ellipsis, primes, euro, arrows, and the mathematical
# operators Liberation Sans has (minus, approximately and not equal, less and greater or equal, ...).
UNICODES = [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2028), *range(0x2030, 0x203B),
            0x20AC, 0x2122, *range(0x2190, 0x2194), *range(0x2200, 0x2300)]
NOTICE = ("Derived from Liberation Sans 2.1.5: Digitized data copyright (c) 2010 Google Corporation with Reserved "
          "Font Arimo, Tinos and Cousine. Copyright (c) 2012 Red Hat, Inc. with Reserved Font Name Liberation. "
          "Cut to Latin and renamed MPSBook Sans for the book; SIL Open Font License 1.1.")


def derive(source: Path, target: Path, style: str) -> None:
    """Cut ``source`` to :data:`UNICODES`, name it MPSBook Sans ``style`` and write it to ``target``."""
    options = subset.Options()
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    font.recalcTimestamp = False  # keeps the source's date: deriving twice gives the same bytes
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    names = font["name"]
    postscript = f"{FAMILY.replace(' ', '')}-{style}"
    for record in list(names.names):
        if record.nameID in (16, 17, 18, 21, 22):
            names.removeNames(nameID=record.nameID)
    for name_id, value in {0: NOTICE, 1: FAMILY, 2: style, 3: f"{postscript};book", 4: f"{FAMILY} {style}",
                           6: postscript}.items():
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    subset.save_font(font, str(target), options)


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    for style in ("Regular", "Bold"):
        derive(folder / f"LiberationSans-{style}.ttf", FONT_DIR / f"MPSBookSans-{style}.ttf", style)
