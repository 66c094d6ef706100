"""The book's rows as NewsQuant's tags: its unit names, its changes written as ranges (used by bench/newsquant.py).

:func:`tag_book` runs the book's extractor (in the book's environment) with the benchmark's vocabulary
(bench/vocabulary.py); :func:`name_units` names each
row's unit as NewsQuant normalises units, in ``.venv-bench`` (where lemminflect is installed), by
running this file with the tags on standard input; :func:`change_ranges` writes a change "from X to
Y", two rows for the book, as NewsQuant's one range. Nothing here reads the benchmark's annotations.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys

# The book's units, named as the benchmark normalises them (its normalized_unit, lower case); a name not
# listed is put in the singular word by word ("miles per hour" -> "mile per hour").
BOOK_UNITS = {
    "": "-", "percent": "percentage", "percentage points": "percentage point", "dollars": "dollar",
    "US dollars": "dollar", "euros": "euro", "pounds": "pound sterling", "yuan": "chinese yuan", "yen": "japanese yen",
    "people": "people", "times": "count", "fraction": "-", "kilograms": "kilogram", "tons": "ton",
    "police": "police", "person-times": "person-time", "ringgit": "malaysian ringgit", "Singapore dollars":
    "singaporean dollar", "rupees": "indian rupee", "Swiss francs": "swiss franc", "won": "south korean won",
    "degrees Celsius": "celsius", "degrees Fahrenheit": "fahrenheit", "feet": "foot", "square feet": "square feet",
    "cubic feet": "cubic foot", "inches": "inch", "pounds of weight": "pound-mass", "pound-feet": "pound-foot",
    "years of age": "year of age", "months of age": "month of age", "parts per billion": "parts-per-billion",
    "parts per million": "part per million", "milliampere hours": "milliampere-hour", "gigatonnes": "gigaton",
    "hertz": "hertz", "kilohertz": "kilohertz", "megahertz": "megahertz", "gigahertz": "gigahertz",
    "horsepower": "horsepower", "brake horsepower": "brake horsepower", "revolutions per minute": "revolutions per minute",
    "Danish crowns": "danish krone", "Swedish crowns": "swedish krona", "Norwegian crowns": "norwegian krone",
    "pence": "penny", "sen": "sen", "kuna": "croatian kuna", "pesos": "peso", "percent per year": "percentage per year",
    "calories": "calorie",
}
# Spellings the benchmark names apart where the book gives one unit: "tonnes" are metric, "tons" may not be.
WRITTEN_UNITS = {"tonne": "metric ton", "tonnes": "metric ton"}
# Words that only point at what is counted ("half of which", "a third of those screened"): NewsQuant's
# names drop them with the other stop words.
POINTING = set("the a an this that these those which who whom whose its their his her our your my".split())
# Words that join or compare and never name what is counted ("Kia and Hyundai vehicles", "eight more picks",
# "categories of products"): NewsQuant's names leave them out.
JOINING = set("and or of more fewer less".split())


# The book's qualifiers as the benchmark's change: = exact, ~ about, > more than, < less than.
CHANGES = {"exact": "=", "over": ">", "nearly": "<", "about": "~", "contradictory": "~", "order": "=", "range": "="}


def book_unit(unit: str) -> str:
    """A book unit as the benchmark names it: mapped when listed, else each word as a noun lemma ("yards per game")."""
    if unit in BOOK_UNITS:
        return BOOK_UNITS[unit]
    if " per " in unit:
        head, per = unit.split(" per ", 1)
        return f"{book_unit(head)} per {book_unit(per)}"
    return " ".join(noun_lemma(word) for word in unit.lower().split())


def counted_name(words: str) -> str:
    """The words the book says name what is counted, as NewsQuant names them: the noun phrase lemmatised.

    As NewsQuant's names come from spaCy's lemmas less stop words, each word is lemmatised by
    lemminflect (in .venv-bench): the last word as a noun ("tenancies" -> "tenancy"), the words before
    it as adjectives where they are one ("smaller" -> "small", "best" -> "good"); words known only as
    verbs or adverbs ("rushing yards", "decently sized plants") and words that only point ("which",
    "the") are dropped, and so is a leading "of". Returns "-" when no word is left.
    """
    from lemminflect import getAllLemmas  # in .venv-bench only (bench/requirements-extractors.txt)

    kept = [word for word in words.split() if word.lower() not in POINTING | JOINING]
    modifiers = []
    for word in kept[:-1]:
        lemmas = getAllLemmas(word)
        if lemmas and set(lemmas) <= {"VERB", "ADV"}:
            continue
        modifiers.append(lemmas["ADJ"][0] if "ADJ" in lemmas else noun_lemma(word) if "NOUN" in lemmas else word)
    return " ".join([*(m.lower() for m in modifiers), noun_lemma(kept[-1].lower())]) if kept else "-"


def noun_lemma(word: str) -> str:
    """A word in the singular, as lemminflect lemmatises a noun ("fishermen" -> "fisherman"); acronyms as written."""
    from lemminflect import getLemma

    if not word.isalpha() and "-" not in word:
        return word
    return getLemma(word, upos="NOUN")[0]


def tag_book(texts: list[str], package_alone: bool = False) -> list[list[dict]]:
    """The book's rows for each sentence, as tags whose unit the benchmark still has to name (:func:`name_units`).

    The rows are the package's (:func:`mpsbook.extract.quantities.quantity_rows`) read with the benchmark's own
    words (bench/vocabulary.py: :data:`NEWSQUANT`, then :func:`counted_words`). Each tag is value (a float, or a
    (low, high) pair for a range or an order), change, expression, and what names its unit: ``book_unit`` (the
    row's unit), ``counted`` (its counted words) and ``measure`` (a unit of measurement that the counted words
    end in, for a part of a unit: "1/16 of a pint"). With ``package_alone``, the package's words only, to measure
    what the benchmark's vocabulary adds.
    """
    from vocabulary import NEWSQUANT, counted_words  # bench/vocabulary.py, beside this file

    from mpsbook.extract.quantities import quantity_rows  # installed into .venv by make env

    tagged = []
    for text in texts:
        tags = []
        for row in quantity_rows(text) if package_alone else counted_words(text, quantity_rows(text, NEWSQUANT)):
            value = (row["low"], row["high"]) if math.isnan(row["figure"]) else row["figure"]
            counted = row["counted"]
            measure = NEWSQUANT.measure_table.after(" " + counted.split()[-1], 0)[0] if counted else ""
            tags.append({"value": value, "change": CHANGES[row["qualifier"]], "expression": row["expression"],
                         "book_unit": row["unit"], "counted": counted, "measure": measure,
                         "start": row["start"], "end": row["end"]})
        tagged.append(tags)
    return tagged


# "from X ... to Y": the gap after X holds its unit's words and perhaps a time or place, never a clause break.
_FROM_BEFORE = re.compile(r"(?<![\w-])from\s+$", re.IGNORECASE)
_TO_GAP = re.compile(r"(?:(?!\bfrom\b)[^,;:()\n]){0,40}?(?<![\w-])to[\s-]+", re.IGNORECASE)


def change_ranges(text: str, tags: list[dict]) -> list[dict]:
    """The tags with each change written "from X to Y" as one range tag (X, Y), as NewsQuant annotates it.

    The book reads "fell from $2,415 to $2,315" as two figures (book/methods.md); NewsQuant as one
    range, from the first to the second, in the unit either names. Only the two rows and the words
    between them are read. A tag used in one range is not used in another.
    """
    kept, ranges, index = [], [], 0
    while index < len(tags):
        here, after = tags[index], tags[index + 1] if index + 1 < len(tags) else None
        if after and _FROM_BEFORE.search(text, max(0, here["start"] - 10), here["start"]) \
                and not any(isinstance(tag["value"], (tuple, list)) for tag in (here, after)) \
                and _TO_GAP.fullmatch(text, here["end"], after["start"]):
            named = after if after["book_unit"] else here
            ranges.append({**named, "value": (here["value"], after["value"]), "change": "=", "start": here["start"],
                           "expression": text[here["start"] : after["end"]]})
            index += 2
            continue
        kept.append(here)
        index += 1
    return kept + ranges


def benchmark_unit(tag: dict) -> str:
    """The unit of a book tag by NewsQuant's names (its ``normalized_unit``), from the unit and counted words the book gives."""
    unit, counted, measure = tag["book_unit"], tag["counted"], tag["measure"]
    if counted.lower() in WRITTEN_UNITS:
        return WRITTEN_UNITS[counted.lower()]
    if unit == "fraction" and measure:  # a part of a unit of measurement: "1/16 of a pint" is in pints
        return book_unit(measure)
    if unit == "fraction":  # a share: NewsQuant's unit is "%" and what it is a share of
        return f"% {counted_name(counted) if counted else '-'}"
    if counted and unit not in BOOK_UNITS:
        per = f" per {book_unit(unit.split(' per ', 1)[1])}" if " per " in unit else ""  # "40 hours a week"
        return counted_name(counted) + per
    return book_unit(unit)


def name_units(tagged: list[list[dict]], python: str) -> list[list[dict]]:
    """The book's tags with NewsQuant's unit names, given by :func:`benchmark_unit` in the bench environment."""
    done = subprocess.run([python, __file__], input=json.dumps(tagged), capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"naming the book's units in {python} failed: {(done.stderr.strip().splitlines() or ['?'])[-1]}")
    return json.loads(done.stdout)


if __name__ == "__main__":
    json.dump([[{**tag, "normalized_unit": benchmark_unit(tag)} for tag in tags] for tags in json.load(sys.stdin)], sys.stdout)
