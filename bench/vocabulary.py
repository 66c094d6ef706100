"""The words NewsQuant's sentences need and the book's texts do not, kept beside the benchmark (issue 36, item 4).

Every entry here was found on NewsQuant (bench/README.md lists the commits) and none changes a row of the
article or of the project's corpus (tests/extract/test_quantities_corpus.py): they were moved out of the package so
that it carries only what the book needs. :data:`NEWSQUANT` is the :class:`mpsbook.extract.vocabulary.Vocabulary`
the benchmark passes to the extractor (sports statistics, engine figures, share-index names, sports scores,
product and aircraft models); :func:`counted_words` gives the words that name what is counted as NewsQuant
names units (the whole a share is of, the "of" phrase after a counted noun), which the book never shows.
"""

from __future__ import annotations

import itertools
import re

from mpsbook.extract.counted import UNITS
from mpsbook.extract.vocabulary import Vocabulary

_REFERENCE_TAIL = r"\s*(?:no\.\s*)?\d+(?:[.\-/]\d+)*(?:\(\d+\))*(?:\s*(?:,|and|or|to|-|\u2013)\s*\d+\b(?:\(\d+\))*)*"

NEWSQUANT = Vocabulary(
    measures={
        "cylinders": ("", "cylinder|cylinders"),
        "brake horsepower": ("bhp", ""),
        "pound-feet": ("lb-ft|lb ft", "pound-feet|pound-foot"),
        "newton metres": ("Nm", "newton metre|newton metres|newton meter|newton meters"),
        "points per game": ("ppg", "points per game"),
        "rebounds per game": ("rpg", "rebounds per game"),
        "assists per game": ("apg", "assists per game"),
        "wins above replacement": ("WAR", "wins above replacement"),
    },
    denominators={"game": "game"},
    never={
        # the name of a share index or a ranked list: "S&P 500", "FTSE 100", "Stoxx 600", "Fortune 500"
        "index name": [
            r"(?i:\b(?:S\s?&?\s?P(?:/[A-Z]+)?|FTSE(?:\s+All-Share)?|(?:Euro\s+)?Stoxx|Nasdaq|ASX|Nikkei|Russell|Fortune|CAC"
            r"|DAX|KOSPI|Sensex|Nifty|TOPIX|MSCI\s+\w+|TSX)\s+\d+\b)",
        ],
        # a sports score, named by a word of the game before or after it: "beat Charlton 2-1", "tied at 89-89", "a 3-1 win"
        "score": [
            r"(?i:\b(?:beat|beats|beating|won|win|wins|lost|lose|loses|tied?|ties|drew|draw|drawn|ended|led|leading|trailing"
            r"|victory|defeat|aggregate)\b[^.;]{0,40}?\b\d{1,3}\s?[-\u2013]\s?\d{1,3}\b(?!\s*(?:%|per\s?cent|percent)))",
            r"(?i:\b\d{1,3}\s?[-\u2013]\s?\d{1,3}\s+(?:lead|win|victory|defeat|loss|draw|scoreline|aggregate|home\s+win"
            r"|away\s+win)\b)",
        ],
        # a product or aircraft model: "787 Dreamliner", "737 Max", "11 Pro", "iOS 11 or later", "Windows 10",
        # "Boeing 747", "Flight 370", "iPhone 11" (a camel-case name before a small number)
        "model": [
            r"\b\d{1,4}\s+(?:Max|Dreamliner|Pro|Plus|Ultra|Mini|Series|Edition|GTI?|Turbo|Coupe|Sedan)\b",
            r"\b[A-Z][a-z]+\s+\d{1,2}(?:\.\d+)*\s+or\s+(?:newer|later|higher)\b",
            rf"(?i:(?<![\w])(?:windows|iphone|boeing|airbus|models?|flights?){_REFERENCE_TAIL})",
            r"(?<=[a-z,;:] )[a-z][A-Z][a-z]+ \d{1,2}\b(?![.,]\d)",
        ],
    },
)

# Words that end the words naming what is counted, and verbs that end the whole of a share ("a third of the
# population lives ..."); words that start no "of" phrase of a counted noun ("12 sections of the wall").
_STOPS = set(
    "in on at from to by for with and or were was is are have has had be been that which who across during since "
    "than as per into this these their its his her the a an last next".split()
)
_VERBS_OF_BEING = set("is are was were has have had lives live lived will would can could may might do does did".split())
_DETERMINERS = set("all those these some any each every our your my them it us several many few both such other".split())
_SHARE_OF = re.compile(
    r"(?:\s+of)?(?:\s+(?:the|a|an|all|those|these|its|their))?((?:\s+[A-Za-z][\w-]*){1,3}?)"
    rf"(?=\s+(?:{'|'.join(sorted(_STOPS | _VERBS_OF_BEING))}|of|[a-z]+ed)\b|[,.;:!?)]|$)"  # a verb in -ed ends it too
)
_OF_WHAT = re.compile(
    rf"\s+of(?:\s+(?!(?:{'|'.join(sorted(_STOPS | _VERBS_OF_BEING | _DETERMINERS))})\b)[a-z][a-z-]*(?<!ing)(?<!ed)){{1,3}}\b"
)
_PART_OF = re.compile(r"\s+of\s+(?:the|its|their|his|her|our)\s+(?:[a-z]+\s+)?")
_OWN_UNITS = {"", "fraction", "times", "years of age"}


def _with_of_phrase(text: str, row: dict) -> str | None:
    """A counted noun's words with the "of" phrase after them ("crates of fruit"), or None when the row's words are not
    its own plural noun (a known unit word, a rate, a unit shared from another figure)."""
    counted, after = row["counted"], text[row["end"] :]
    if not counted or not after.lstrip().startswith(counted):
        return None
    last = counted.split()[-1].lower()
    if last in UNITS or last != row["unit"]:
        return None
    end = row["end"] + len(after) - len(after.lstrip()) + len(counted)
    phrase = _OF_WHAT.match(text, end)
    return text[row["end"] : phrase.end()].strip() if phrase else None


def counted_words(text: str, rows: list[dict]) -> list[dict]:
    """``rows`` (:func:`mpsbook.extract.quantities.quantity_rows` of ``text``) with the words NewsQuant names a unit by.

    A counted plural noun takes the "of" phrase after it when no determiner starts it ("300 crates of fruit",
    "12 sections of the wall" stays "sections"), in every row that shares its words; a share is of the words
    after it ("Half the flats", "One fourth of the town"), or of what the figure after "of the" counts
    ("Two-thirds of the 1,500 new homes"). Changes the rows in place and returns them.
    """
    longer = {}
    for row in rows:
        if (phrase := _with_of_phrase(text, row)) is not None:
            longer[row["counted"]] = phrase
    for row in rows:
        row["counted"] = longer.get(row["counted"], row["counted"])
        if row["unit"] == "fraction":
            whole = _SHARE_OF.match(text, row["end"])
            row["counted"] = whole.group(1).strip() if whole else ""
    for here, after in itertools.pairwise(rows):
        if here["unit"] == "fraction" and after["unit"] not in _OWN_UNITS and after["counted"] \
                and _PART_OF.fullmatch(text, here["end"], after["start"]):
            here["counted"] = after["counted"]
    return rows
