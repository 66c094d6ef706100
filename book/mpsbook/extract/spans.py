"""Where the numbers of a text are, and which of them can never be quantities.

:func:`find_atoms` finds every number (digits, words, fractions, multiples, orders of
magnitude) and marks those that are dates, times, phone numbers, references, identifiers,
list numbers, ordinals or rate denominators; :mod:`mpsbook.extract.joins` joins two into a
range ("3 to 5 million") or a ratio ("one in five") and drops the marked ones;
:mod:`mpsbook.extract.context` reads the hedges and units around what is left.
"""

from __future__ import annotations

import math
import re
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
from .units import MeasureTable
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


def _number(text: str, match: re.Match, measures: MeasureTable) -> Atom | None:
    digits, suffix = match.group("digits"), match.group("suffix") or ""
    scale_words = (match.group("digit_scale") or "").lower().split()  # "4 hundred million": 400 million
    scale_word = " ".join(scale_words)
    multiplier = SUFFIXES.get(suffix) or math.prod({"hundred": 100, "dozen": 12, **SCALES}[w] for w in scale_words)
    sign = -1 if match.group("neg") else 1
    if match.group("exponent"):  # "2.998 x 10-8", "6.02 x 10^23": a power of ten multiplies figure and step alike
        multiplier = Decimal(10) ** _power(match.group("power"))
    figure = sign * Decimal(re.sub(r"[,\s\u00a0\u202f]", "", digits)) * multiplier
    if match.group("currency") == "PS" and not (suffix or scale_word or re.search(r"[.,]|\d{3}", digits)):
        return None  # "PS4": a model name, not £4 (see numbers.CURRENCIES)
    plain = re.fullmatch(r"\d{4}", digits) and not (suffix or scale_word or match.group("currency") or match.group("neg"))
    start = match.start("currency") if match.group("currency") else match.start("neg") if match.group("neg") else match.start("digits")
    return Atom(
        start, match.end(), "number", figure, place_value(digits, multiplier),
        unit=_currency_unit(match.group("currency") or ""), multiplier=multiplier,
        is_year=bool(plain) and 1900 <= int(digits) <= 2100,
        excluded=_identifier(text, match, measures) or (bool(re.match(r"'?s\b", text[match.end() :])) and bool(plain)),
    )


def _words(text: str, match: re.Match) -> Atom | None:
    words, note = match.group("words"), ""
    try:
        if match.group("typo"):
            value, used = parse_number_words("one" + words[2:])
            used -= 1
            note = f"'{words[:used]}' is read as 'one{words[2:used]}' (a typo in the text)"
        else:
            value, used = parse_number_words(words)
    except ValueError:
        return None  # a scale word with no number before it ("the hundred days")
    sentence_start = _SENTENCE_START.search(text, start_of_tokens_before(text, match.start(), 1), match.start())
    if words[0].isupper() and not sentence_start and re.match(r"[\s-][A-Z]", text[match.start() + used :]):
        return None  # a number word in a name: "the Five-Year Plan", "the Two Sessions"
    figure = Decimal(value)
    multiplier = next((SCALES[w] for w in reversed(words[:used].lower().split()) if w in SCALES), 1)
    return Atom(match.start(), match.start() + used, "words", figure, place_value(str(value)), note=note,
                multiplier=multiplier, single_word=not re.search(r"\s", words[:used]))


def _order(text: str, match: re.Match) -> Atom | None:
    if match.group("few"):
        scale = {"hundred": 100, **SCALES}[match.group("few_scale").lower()]
        return Atom(match.start(), match.end(), "order", bounds=(2.0 * scale, 10.0 * scale))
    word = match.group("order_word").lower()
    if word == "scores" and not re.match(r"\s+of\b", text[match.end() :]):
        return None
    scale_word = (match.group("order_scale") or "").lower().rstrip("s")
    base = ORDER_WORDS[word] * SCALES.get(scale_word, 1)
    return Atom(match.start(), match.end(), "order", bounds=(float(base), float(10 * base)))


def _fraction(text: str, match: re.Match) -> Atom | None:
    top, parts = match.group("top") or "", match.group("parts").lower()
    if word_before(text, match.start()) in ("first", "second", "third", "last", "latter", "former", "other"):
        return None  # "the second half of the year", "the first three quarters": periods
    after = re.match(r"\s+([A-Za-z]+)", text[match.end() :])
    singular = not parts.endswith("s") and parts != "half"
    if (not top and parts not in ("half", "halves")) or (singular and after and after.group(1).lower() not in _FRACTION_FOLLOWERS):
        return None  # an ordinal: "the third round", "a third suspect"
    share, step = fraction_value(top, parts)
    return Atom(match.start(), match.end(), "fraction", share, step, unit="fraction")


def _multiple_after(text: str, atom: Atom) -> Atom:
    """The atom as a multiple when "times" or "-fold" follows it ("seven times", "10-fold")."""
    after = _MULTIPLE_AFTER.match(text, atom.end)
    return replace(atom, end=after.end(), unit="times") if after and atom.kind in ("number", "words") else atom


def find_atoms(text: str, vocabulary: Vocabulary = BOOK) -> list[Atom]:
    """Every number of ``text`` in order, those that can never be quantities (by the package's kinds and the
    ``vocabulary``'s) marked ``excluded``."""
    added = [(kind, re.compile(pattern)) for kind, patterns in vocabulary.never.items() for pattern in patterns]
    blocked = [(kind, found.span()) for kind, pattern in [*_BLOCKED, *added] for found in pattern.finditer(text)]
    phones = [found.span() for pattern in _PHONES for found in pattern.finditer(text)]
    blocked += [("phone", span) for span in phone_spans(text, phones)]
    atoms = []
    for match in _ATOM.finditer(text):
        if match.group("slash"):
            top, bottom = int(match.group("numerator")), int(match.group("denominator"))
            # "1/16 of a pint": a share; "24/7" and "9/11" are no fractions (nor followed by "of")
            atom = Atom(match.start("numerator"), match.end(), "fraction", Decimal(top) / bottom, Decimal(1) / bottom,
                        unit="fraction") if 0 < top < bottom else None
        elif match.group("fraction"):
            atom = _fraction(text, match)
        elif match.group("multiple"):
            word = match.group("multiple").lower()
            atom = Atom(match.start(), match.end(), "multiple", Decimal(MULTIPLE_WORDS[word]), Decimal(1), unit="times")
        elif match.group("order"):
            atom = _order(text, match)
        elif match.group("number"):
            atom = _number(text, match, vocabulary.measure_table)
        else:
            atom = _words(text, match)
        if atom is None:
            continue
        atom = _multiple_after(text, atom)
        never = next((kind for kind, (start, end) in blocked if start < atom.end and atom.start < end), "")
        atoms.append(replace(atom, excluded=atom.excluded or bool(never), never=never))
    return atoms
