"""Where the numbers of a text are, and which of them can never be quantities.

:func:`find_atoms` finds every number and marks those that are dates, times, phone numbers, references, identifiers,
list numbers, ordinals or rate denominators. Each kind of number the pattern finds has its reader
(:data:`NUMBER_KINDS`: digits, words, fractions in digits and in words, multiples, orders of magnitude); what the
pattern finds that is no number at all is left out by the first rule of :data:`NOT_NUMBERS` that holds ("the
Five-Year Plan", "the third round"), and digits that are part of a code are marked by :data:`CODES` ("5G");
:func:`read_numbers` and :func:`number_decisions` say which rule read or decided each (for
:mod:`mpsbook.extract.rules`). :mod:`mpsbook.extract.joins` joins two into a range ("3 to 5 million") or a ratio
("one in five") and drops the marked ones; :mod:`mpsbook.extract.context` reads the hedges and units around what is
left.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from .numbers import (
    CURRENCIES,
    FRACTION_WORDS,
    MULTIPLE_WORDS,
    ORDER_WORDS,
    SCALES,
    SMALL_NUMBERS,
    SUFFIXES,
    TENS,
    fraction_value,
    parse_number_words,
    place_value,
)
from .phones import phone_spans
from .tokens import start_of_tokens_before, word_before
from .units import BOOK_MEASURES, MeasureTable
from .vocabulary import BOOK, Vocabulary

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?![a-z])"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_PHONE_WORDS = r"hotlines?|helplines?|hot-line|dial(?:s|ed|led|ing|ling)?|call(?:s|ed|ing)?|phone|telephone|tel\.?|fax|sms"
_REFERENCE_WORDS = (
    r"articles?|art\.|sections?|sec\.|§|chapters?|clauses?|paragraphs?|para\.|items?|rules?|decrees?|orders?"
    r"|resolutions?|circulars?|documents?|notices?|tables?|figures?|fig\.|annex(?:es)?|appendix|volumes?|vol\."
    r"|pages?|pp?\.|nos?\.|numbers?|#|levels?|grades?|tiers?|class(?:es)?|category|phases?|stages?|rounds?|steps?"
    r"|parts?|rooms?|version|ver\.|v\.|iso|routes?|highways?|gates?"
    r"|terminals?|platforms?|serial|id|rows?|seats?|aisles?|piers?|berths?"
)

# What is never a quantity, by kind: a number inside one of these spans gives no row.
NOT_QUANTITIES = {
    "date": [
        rf"\b{_MONTH}\s+{_DAY}\b(?:\s*[-\u2013]\s*\d{{1,2}}\b)?(?:,?\s+\d{{4}}\b)?",
        rf"\b{_DAY}(?:\s*(?:-|\u2013|to|and)\s*{_DAY})?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}}\b)?",
        r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b",
        r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",
    ],
    "time": [
        r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?i:[ap]\.?m\.?)(?![A-Za-z]))?",
        r"\b\d{1,2}\s*(?i:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])",
        r"\b\d{1,2}\s+o'clock\b",
    ],
    "phone": [
        r"(?<![\d,])\d{2,4}-\d{3,4}-\d{3,4}(?!\d|,\d)",
        r"\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,4}){2,4}",
        r"\(\d{2,5}\)\s?\d{3,4}[\s-]?\d{3,4}",
        rf"(?i:\b(?:{_PHONE_WORDS})\b(?:\s+(?:number|no\.|line))?\s*[:#]?\s*)\+?\d[\d-]*",
        rf"(?i:\b(?:{_PHONE_WORDS})\b[^\n:\d]{{0,20}}:\s*)\+?\d[\d-]*",
        r"(?i:\b\d{3,6}['\"\u2019\u201d]?\s+(?:[\w-]+\s+){0,2}(?:hotlines?|helplines?|hot-line|sms|emergency\s+(?:number|line|call)))\b",
        r"(?i:\bcalls?\s+(?:to|on)\s+['\"\u2018\u201c]?\d{3,6}\b)",
    ],
    "reference": [
        rf"(?i:(?<![\w])(?:{_REFERENCE_WORDS})\s*(?:no\.\s*)?\d+(?:[.\-/]\d+)*(?:\(\d+\))*"
        r"(?:\s*(?:,|and|or|to|-|\u2013)\s*\d+\b(?:\(\d+\))*)*)",
        r"(?i:\bpages?\s+\d+\s+of\s+\d+)",
    ],
    "address": [
        r"\b(?:https?://|www\.)\S+", r"\S+@\S+\.\w+",
        # a street address: "49 Zorro Ranch Road", "9 E 71st St", "16-18 Industrial Avenue", "22 Ave Foch"
        r"\b\d{1,5}(?:-\d{1,5})?\s+(?:[A-Z0-9][\w.'-]*\s+){0,3}(?:Road|Rd|Street|St|Avenue|Ave|Way|Lane|Drive"
        r"|Boulevard|Blvd|Place|Court|Terrace|Crescent|Highway)\b",
        r"\b\d{1,5}\s+(?:Ave|Avenue|Rue|Via|Calle)\s+[A-Z]",
        r"(?i:\b\d{5}\s+zip\s+code)",
    ],
    "identifier": [
        r"\b\d{1,2}/\d{1,2}\b(?!/|\s+of\b)",
        r"\b[A-Z]{3,}\s-\d+\b(?![.,]?\d|\s*(?:%|per\s?cent|percent))",  # "COVID -19": a code's hyphen set apart
    ],
    "list number": [
        r"(?m:^[ \t*\u2022-]*\(?\d{1,2}[.)](?=[ \t]+\S))", r"(?<![\w(])\(\d{1,2}\)(?=\s)", r"\[\d{1,3}\]",
    ],
    "ordinal": [r"\b\d+(?:st|nd|rd|th)\b"],
    "era": [r"\b(?:A\.D\.|AD)\s*\d{1,4}\b", r"\b\d{1,4}\s*(?:B\.C\.(?:E\.)?|BCE?|A\.D\.|CE)(?![\w.])"],
    "rate denominator": [
        r"(?i:\b(?:per|every|for\s+every|out\s+of\s+every)\s+(?:\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.\d+)?(?![\d.,]?\d)"
        r"(?:\s*(?:thousand|million|billion)\b|k\b)?"
        r"(?!\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b))",  # "every 33 years": a period
    ],
}
_BLOCKED = [(kind, re.compile(pattern)) for kind, patterns in NOT_QUANTITIES.items() for pattern in patterns]
_PHONES = [re.compile(pattern) for pattern in NOT_QUANTITIES["phone"]]

_NUMBER_WORD = "|".join(sorted([*SMALL_NUMBERS, *TENS, "hundred", "dozen", *SCALES], key=len, reverse=True))
_SCALE_WORD = "|".join(SCALES)
# A code that starts with a letter starts a word ("RM79", not "FIRM79").
_CURRENCY = "|".join(
    ("(?<![A-Za-z])" if c[0].isalpha() else "") + re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True)
)
_ATOM = re.compile(
    rf"""
    (?P<slash>\s?(?<![\d/.,])(?P<numerator>\d{{1,2}})\s?[/\u2044]\s?(?P<denominator>\d{{1,3}})(?![\d/])(?=\s+of\b))
  | (?P<fraction>\b(?:(?P<top>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d)[\s-]+)?
        (?P<parts>{'|'.join(FRACTION_WORDS)})\b(?!-)(?!\s+an?\s+(?:{_SCALE_WORD})\b))
  | (?P<multiple>\b(?:{'|'.join(MULTIPLE_WORDS)})\b(?!-))
  | (?P<order>\b(?:(?P<few>several|a\s+few)\s+(?P<few_scale>hundred|{_SCALE_WORD})s?\b
        | (?P<order_word>{'|'.join(ORDER_WORDS)})\b(?:(?:\s+of)?\s+(?P<order_scale>(?:{_SCALE_WORD})s?)\b)?))
  | (?P<number>(?P<currency>(?:{_CURRENCY}))?\s?(?P<neg>(?<![^\s(\[$\u20ac\u00a3\u00a5])[-\u2212]|(?<![A-Za-z])(?i:minus)[\s-])?
        (?P<digits>(?<![\d.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d)|\d+)(?:\.\d+)?(?![\d,]\d|\.\d)
            |(?<![\w.,])\.\d+(?![\d,]\d|\.\d))
        (?P<exponent>\s?[\u00d7x]\s?10(?:\^|\*\*)?(?P<power>[-\u2212\u207b]?(?:\d{{1,3}}|[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]{{1,3}})))?
        (?:(?P<suffix>mln|mil|mn|bn|trn|tn|[kKmMbBT])(?![A-Za-z\d])
            |\s+(?P<digit_scale>hundred(?:\s+(?:{_SCALE_WORD}))?|dozen|{_SCALE_WORD})s?\b)?)
  | (?P<words>\b(?:(?P<typo>on)\s+(?=(?:hundred|{_SCALE_WORD})\b)|an?\s+(?=(?:hundred|dozen|{_SCALE_WORD})\b)
        |half\s+an?\s+(?=(?:{_SCALE_WORD})\b))?
        (?:{_NUMBER_WORD})(?:(?:\s*-\s*|\s+and\s+|,?\s+)(?:{_NUMBER_WORD}|a\s+half))*\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_MULTIPLE_AFTER = re.compile(r"[\s-]?(?:fold|times)\b", re.IGNORECASE)
_ATTACHED_UNIT = re.compile(r"(?:kg|t|g|km|mg|x)(?![A-Za-z])")
_PC = re.compile(r"pc\b")  # "5pc": per cent, as the British press writes it
_SUB = re.compile(r"(?i:\bsub-)$")
_LETTERS = re.compile(r"([A-Za-z]+)(-?)$")
# What may stand right before a number word that starts a sentence: a mark that ends one, a quote or a bracket.
_SENTENCE_START = re.compile(r"(?:\A|[.!?:\n\"(\u201c])\s*$")
_FRACTION_FOLLOWERS = set("of on in from since than compared and or to over for".split())


@dataclass(frozen=True)
class Atom:
    """One number found in a text, before its hedges and unit are read.

    ``kind`` is number (digits), words, fraction, multiple, order or range; ``figure`` and
    ``step`` (Decimal) are the stated value and its place value, ``bounds`` the interval of an
    order of magnitude or a range; ``unit`` is a unit written into the number itself. ``never`` is the kind of
    :data:`NOT_QUANTITIES` (or of the vocabulary's) whose span holds it, decided here once, for the extractor
    and for the account of every number; ``excluded`` is true where that or another rule keeps it from a row.
    """

    start: int
    end: int
    kind: str
    figure: Decimal | None = None
    step: Decimal | None = None
    bounds: tuple[float, float] | None = None
    unit: str = ""
    note: str = ""
    multiplier: int = 1
    is_year: bool = False
    single_word: bool = False
    excluded: bool = False
    never: str = ""


def _identifier(text: str, match: re.Match, measures: MeasureTable) -> bool:
    """Whether digits are part of a code or model name ("5G", "COVID-19", "bm01000001", "05070218")."""
    start, end = match.span("digits")
    digits = match.group("digits")
    if re.match(r"0\d", digits):
        return True
    before = match.start("neg") if match.group("neg") else start
    joined = start_of_tokens_before(text, before, 2)  # the two tokens before: "sub" and "-", a code's letters and "-"
    if _SUB.search(text, joined, before):
        return False  # "sub-300 sq m": under 300 (a hedge, read in mpsbook.extract.hedges)
    letters = _LETTERS.search(text, joined, before) if not match.group("currency") else None
    run_on = letters and letters.group(2) == "" and letters.group(1).islower() and len(letters.group(1)) >= 4
    if letters and not (run_on and re.match(r"\s+[A-Za-z]", text[match.end() :])):
        return True  # a word run into a number before more words ("action165 896 entities", a lost line break) is no code
    if match.group("suffix") or match.group("digit_scale"):
        return False
    after = text[end : end + 1]
    unit_joined = _ATTACHED_UNIT.match(text, end) or measures.after(text, end, joined=True)[0] or _PC.match(text, end)
    return after.isalpha() and not unit_joined


def _currency_unit(written: str) -> str:
    """The unit of a currency sign or code as written ("RMB", "Rmb", "US$"); empty for none."""
    written = written.strip()
    return CURRENCIES.get(written) or CURRENCIES.get(written.upper(), "")


_SUPERSCRIPTS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207b\u2212", "0123456789--")


def _power(written: str) -> int:
    """The power of ten written after "x10" or a multiplication sign and 10: "-8", "23", or in superscript digits."""
    return int(written.translate(_SUPERSCRIPTS))


def _number(text: str, match: re.Match, measures: MeasureTable) -> Atom:
    digits, suffix = match.group("digits"), match.group("suffix") or ""
    scale_words = (match.group("digit_scale") or "").lower().split()  # "4 hundred million": 400 million
    multiplier = SUFFIXES.get(suffix) or math.prod({"hundred": 100, "dozen": 12, **SCALES}[w] for w in scale_words)
    sign = -1 if match.group("neg") else 1
    if match.group("exponent"):  # "2.998 x 10-8", "6.02 x 10^23": a power of ten multiplies figure and step alike
        multiplier = Decimal(10) ** _power(match.group("power"))
    figure = sign * Decimal(re.sub(r"[,\s\u00a0\u202f]", "", digits)) * multiplier
    start = match.start("currency") if match.group("currency") else match.start("neg") if match.group("neg") else match.start("digits")
    return Atom(
        start, match.end(), "number", figure, place_value(digits, multiplier),
        unit=_currency_unit(match.group("currency") or ""), multiplier=multiplier,
        is_year=_plain_four_digits(match) and 1900 <= int(digits) <= 2100,
        excluded=bool(_first(CODES, text, match, measures)),
    )


def _plain_four_digits(match: re.Match) -> bool:
    """Whether the number is four digits and nothing else: no suffix, scale word, currency or sign."""
    return bool(re.fullmatch(r"\d{4}", match.group("digits"))) and not any(
        match.group(group) for group in ("suffix", "digit_scale", "currency", "neg")
    )


def _a_decade(text: str, match: re.Match, measures: MeasureTable) -> bool:
    """"the 1990s", "the 2000's": four plain digits before an "s" are a decade."""
    return bool(re.match(r"'?s\b", text[match.end() :])) and _plain_four_digits(match)


def _a_model_after_ps(text: str, match: re.Match, measures: MeasureTable) -> bool:
    """"PS4": "PS" before a figure no price has (no decimal point, scale, comma or third digit) is a model name, not £."""
    return match.group("currency") == "PS" and not (
        match.group("suffix") or match.group("digit_scale") or re.search(r"[.,]|\d{3}", match.group("digits"))
    )


def _number_words(match: re.Match) -> tuple[int | Decimal, int, str]:
    """(value, how many characters of the match make it, a note on a typo) of a run of number words; ValueError for none."""
    words = match.group("words")
    if not match.group("typo"):
        return *parse_number_words(words), ""
    value, used = parse_number_words("one" + words[2:])
    return value, used - 1, f"'{words[: used - 1]}' is read as 'one{words[2 : used - 1]}' (a typo in the text)"


def _a_scale_word_alone(text: str, match: re.Match, measures: MeasureTable) -> bool:
    """"the hundred days": a scale word with no number before it."""
    try:
        _number_words(match)
    except ValueError:
        return True
    return False


def _a_number_word_in_a_name(text: str, match: re.Match, measures: MeasureTable) -> bool:
    """"the Five-Year Plan", "the Two Sessions": a capitalised number word inside a sentence, before a capitalised word."""
    if not match.group("words")[0].isupper():
        return False
    sentence_start = _SENTENCE_START.search(text, start_of_tokens_before(text, match.start(), 1), match.start())
    used = _number_words(match)[1]
    return not sentence_start and bool(re.match(r"[\s-][A-Z]", text[match.start() + used :]))


def _words(text: str, match: re.Match, measures: MeasureTable) -> Atom:
    words = match.group("words")
    value, used, note = _number_words(match)
    multiplier = next((SCALES[w] for w in reversed(words[:used].lower().split()) if w in SCALES), 1)
    return Atom(match.start(), match.start() + used, "words", Decimal(value), place_value(str(value)), note=note,
                multiplier=multiplier, single_word=not re.search(r"\s", words[:used]))


def _scores_alone(text: str, match: re.Match, measures: MeasureTable) -> bool:
    """"the scores were level": "scores" is an order of magnitude only before "of" ("scores of people")."""
    return (match.group("order_word") or "").lower() == "scores" and not re.match(r"\s+of\b", text[match.end() :])


def _order(text: str, match: re.Match, measures: MeasureTable) -> Atom:
    if match.group("few"):
        scale = {"hundred": 100, **SCALES}[match.group("few_scale").lower()]
        return Atom(match.start(), match.end(), "order", bounds=(2.0 * scale, 10.0 * scale))
    scale_word = (match.group("order_scale") or "").lower().rstrip("s")
    base = ORDER_WORDS[match.group("order_word").lower()] * SCALES.get(scale_word, 1)
    return Atom(match.start(), match.end(), "order", bounds=(float(base), float(10 * base)))


def _a_part_of_a_period(text: str, match: re.Match, measures: MeasureTable) -> bool:
    """"the second half of the year", "the first three quarters": a part of a period, after an ordinal."""
    return word_before(text, match.start()) in ("first", "second", "third", "last", "latter", "former", "other")


def _an_ordinal(text: str, match: re.Match, measures: MeasureTable) -> bool:
    """"the third round", "a third suspect": a fraction word with no count before it, or a singular one before a noun."""
    top, parts = match.group("top") or "", match.group("parts").lower()
    after = re.match(r"\s+([A-Za-z]+)", text[match.end() :])
    singular = not parts.endswith("s") and parts != "half"
    return (not top and parts not in ("half", "halves")) or bool(
        singular and after and after.group(1).lower() not in _FRACTION_FOLLOWERS
    )


def _fraction(text: str, match: re.Match, measures: MeasureTable) -> Atom:
    share, step = fraction_value(match.group("top") or "", match.group("parts").lower())
    return Atom(match.start(), match.end(), "fraction", share, step, unit="fraction")


def _no_share(text: str, match: re.Match, measures: MeasureTable) -> bool:
    """"9/5 of": digits around a slash are a share only when the first is below the second."""
    return not 0 < int(match.group("numerator")) < int(match.group("denominator"))


def _slash(text: str, match: re.Match, measures: MeasureTable) -> Atom:
    """"1/16 of a pint": a share ("24/7" and "9/11", with no "of" after them, are never read as one)."""
    top, bottom = int(match.group("numerator")), int(match.group("denominator"))
    return Atom(match.start("numerator"), match.end(), "fraction", Decimal(top) / bottom, Decimal(1) / bottom, unit="fraction")


def _multiple(text: str, match: re.Match, measures: MeasureTable) -> Atom:
    value = MULTIPLE_WORDS[match.group("multiple").lower()]
    return Atom(match.start(), match.end(), "multiple", Decimal(value), Decimal(1), unit="times")


def _multiple_after(text: str, atom: Atom) -> Atom:
    """The atom as a multiple when "times" or "-fold" follows it ("seven times", "10-fold")."""
    after = _MULTIPLE_AFTER.match(text, atom.end)
    return replace(atom, end=after.end(), unit="times") if after and atom.kind in ("number", "words") else atom


NUMBER_KINDS = (
    ("fraction in digits", "slash", _slash),
    ("fraction in words", "fraction", _fraction),
    ("multiple in one word", "multiple", _multiple),
    ("order of magnitude", "order", _order),
    ("number in digits", "number", _number),
    ("number in words", "words", _words),
)
"""The kinds of number the pattern finds: each a name, the group of the pattern that finds it, and what reads it."""

NOT_NUMBERS = (
    ("slash that is no share", "slash", _no_share),
    ("part of a period", "fraction", _a_part_of_a_period),
    ("fraction word as an ordinal", "fraction", _an_ordinal),
    ("scores not of", "order", _scores_alone),
    ("PS before a model number", "number", _a_model_after_ps),
    ("scale word alone", "words", _a_scale_word_alone),
    ("number word in a name", "words", _a_number_word_in_a_name),
)
"""What the pattern finds that is no number at all, each a name, the group it applies to and a predicate of the match:
the first that holds leaves the match out (it is in no account of the text's numbers)."""

CODES = (
    ("code or model name", _identifier),
    ("decade", _a_decade),
)
"""Numbers in digits that are part of a code or a name: each a name and a predicate of the match. A number the first
that holds is marked ``excluded``: it is counted among the text's numbers, never as a quantity."""


def _first(rules, text: str, match: re.Match, measures: MeasureTable) -> str:
    """The name of the first of ``rules`` ((name, predicate) pairs) that holds for ``match``; "" for none."""
    return next((name for name, rule in rules if rule(text, match, measures)), "")


def _not_a_number(text: str, match: re.Match, measures: MeasureTable) -> str:
    """The name of the first rule of :data:`NOT_NUMBERS` of the match's group that holds; "" for none."""
    return _first([(name, rule) for name, group, rule in NOT_NUMBERS if match.group(group)], text, match, measures)


def read_numbers(text: str, measures: MeasureTable = BOOK_MEASURES) -> Iterator[tuple[str, Atom]]:
    """Every number of ``text`` in order, as (the kind of :data:`NUMBER_KINDS` that read it, its atom), less what
    :data:`NOT_NUMBERS` leaves out; what can never be a quantity is not yet marked (:func:`find_atoms` marks it)."""
    for match in _ATOM.finditer(text):
        name, _, read = next(kind for kind in NUMBER_KINDS if match.group(kind[1]))
        if not _not_a_number(text, match, measures):
            yield name, _multiple_after(text, read(text, match, measures))


def number_decisions(text: str, measures: MeasureTable = BOOK_MEASURES) -> list[tuple[str, tuple[int, int]]]:
    """Each rule of :data:`NOT_NUMBERS` or :data:`CODES` that decided a match of the pattern, with the match's span."""
    decided = []
    for match in _ATOM.finditer(text):
        name = _not_a_number(text, match, measures) or (_first(CODES, text, match, measures) if match.group("number") else "")
        if name:
            decided.append((name, match.span()))
    return decided


def find_atoms(text: str, vocabulary: Vocabulary = BOOK) -> list[Atom]:
    """Every number of ``text`` in order, those that can never be quantities (by the package's kinds and the
    ``vocabulary``'s) marked ``excluded``."""
    added = [(kind, re.compile(pattern)) for kind, patterns in vocabulary.never.items() for pattern in patterns]
    blocked = [(kind, found.span()) for kind, pattern in [*_BLOCKED, *added] for found in pattern.finditer(text)]
    phones = [found.span() for pattern in _PHONES for found in pattern.finditer(text)]
    blocked += [("phone", span) for span in phone_spans(text, phones)]
    atoms = []
    for _, atom in read_numbers(text, vocabulary.measure_table):
        never = next((kind for kind, (start, end) in blocked if start < atom.end and atom.start < end), "")
        atoms.append(replace(atom, excluded=atom.excluded or bool(never), never=never))
    return atoms
