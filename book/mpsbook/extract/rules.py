"""The extractor's rules as a table: each a name, its stage, what it decides, where it came from, and examples.

Every entry of :data:`RULES` points at the table or predicate the extractor itself runs (the kinds of number of
:data:`mpsbook.extract.spans.NUMBER_KINDS`, what is no number, :data:`~mpsbook.extract.spans.NOT_NUMBERS`, the codes
of :data:`~mpsbook.extract.spans.CODES`, the kinds of :data:`~mpsbook.extract.spans.NOT_QUANTITIES`, the phone
finders of :mod:`mpsbook.extract.phones`, the joins of :mod:`mpsbook.extract.joins` and its
:data:`~mpsbook.extract.joins.RANGE_SCALES`, the hedges of :mod:`mpsbook.extract.hedges` and its
:data:`~mpsbook.extract.hedges.NOT_HEDGES`, :data:`~mpsbook.extract.context.NOT_IN_CONTEXT`, the steps of
:data:`~mpsbook.extract.counted.READINGS` and the word tables they read, and the steps of
:data:`mpsbook.extract.shared_units.SHARES`), so a rule's hits are where the extractor applies it.
``tests/extract/test_rules.py`` runs every rule's examples, positive (the rule fires) and negative (it does not), as
one parametrised test; ``python -m mpsbook.extract`` prints each rule's hits on the article and on the project's
corpus (``tests/corpus``).

Stages, in the order the extractor applies them: ``number`` (a kind of number the pattern finds and how it is
read), ``not a number`` (what the pattern finds that is no number at all), ``never`` (a number inside one of these
spans, or part of a code, gives no row), ``join`` (two neighbouring numbers read as a range, a ratio or a span of
years, or kept apart; how a range reads a scale word), ``hedge`` (a word or sign around the number that sets its
qualifier), ``not a hedge`` (a hedge word in another sense), ``context`` (a number its context shows is no
quantity, or an age or a count of one), ``reading`` (what the quantity counts or measures, and the word tables that
name a unit: the first step that reads something decides), ``share`` (a bare figure takes the unit of another).
Sources say the round a rule was written in, not where it fires today (the hits say that): ``article`` (the
first round, written for the article's quantities; some of its rules fire only on other texts), ``corpus`` (issue
18's round, which built the project's corpus of real passages, ``tests/corpus``; a rule of that round may fire on
no passage kept in it, only on its own examples), ``hotlines`` (issue 22: Chinese service and emergency numbers; no
NewsQuant sentence), and ``NewsQuant tuning`` (found on the NewsQuant benchmark's sentences, before it was split:
bench/README.md lists the commits).

The word tables are each read by one rule: :data:`mpsbook.extract.numbers.CURRENCIES` by "currency sign or code
before the number", :data:`mpsbook.extract.counted.UNITS` by "unit word", :data:`mpsbook.extract.units.MEASURES` by
"unit of measurement", :data:`mpsbook.extract.units.DENOMINATORS` by "denominator of a rate"; the number words,
scale words and suffixes of :mod:`mpsbook.extract.numbers` by "number in words" and "number in digits", its
fraction, multiple and order words by the rules of those kinds. What the table does not name is the reading of one
number itself (:func:`mpsbook.extract.numbers.parse_number_words`, :func:`~mpsbook.extract.numbers.place_value`):
arithmetic, tested against ``num2words`` in ``tests/extract/test_numbers.py``, not a decision about a text.

Context is read as tokens (:mod:`mpsbook.extract.tokens`), never as a window of characters: the word right before a
number (a hedge's verb, a determiner before "one", "aged", a year's preposition, "between", "by" and "from" before
a range, the word before a fraction, "from" before a change) and, where a rule reads a phrase or a clause, the
previous *k* tokens in the clause (:func:`~mpsbook.extract.tokens.start_of_tokens_before`): the hedges before a
number (10 tokens) and their clause (16), a range's clause (12), "between A.D." (5), an age's words (3), a life
expectancy's clause (12), the name before an age (2), a name before a number (1), a sign or "sub-" (2), a code's
letters (2), what stands before a number word that starts a sentence (1), the shared units' change (3) and part or
ellipsis (3), and the phone finders' clause (10 each side), calling words (8), service words (4) and hedges (2).
The one character still read by offset is the one written straight after a number's digits, which tells a code
("5G") from a number (:func:`mpsbook.extract.spans._identifier`): a property of how the number is written, not of
the words around it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .context import NOT_IN_CONTEXT, Context, over_before_a_duration, read_context
from .counted import READINGS, UNITS, age_after_a_name, age_in_context, aged_before, reading_step
from .hedges import NOT_HEDGES, POSTFIX_HEDGES, hedge_kind, hedge_words_before, symbol_before
from .joins import JOINS, RANGE_SCALES, YEAR_SPANS, join_atoms, pair_decisions, range_scales
from .numbers import CURRENCIES
from .phones import _emergency, _grouped, _service, phone_spans
from .quantities import _row
from .shared_units import SHARES, shared_by
from .spans import _PHONES, CODES, NOT_NUMBERS, NOT_QUANTITIES, NUMBER_KINDS, Atom, find_atoms, number_decisions, read_numbers
from .units import MEASURES
from .vocabulary import BOOK

STAGES = ("number", "not a number", "never", "join", "hedge", "not a hedge", "context", "reading", "share")
SOURCES = ("article", "corpus", "hotlines", "NewsQuant tuning")

Span = tuple[int, int]


@dataclass(frozen=True)
class Rule:
    """One named rule: ``find`` gives the (start, end) of each number of a text it applies to."""

    name: str
    stage: str
    decides: str
    source: str
    find: Callable[[str], list[Span]]
    positive: tuple[str, ...]
    negative: tuple[str, ...]


def _overlapping(atoms: list[Atom], spans: list[Span]) -> list[Span]:
    return [(a.start, a.end) for a in atoms if any(s < a.end and a.start < e for s, e in spans)]


def _read_as(kind: str) -> Callable[[str], list[Span]]:
    """The numbers the reader of :data:`NUMBER_KINDS` named ``kind`` read."""
    return lambda text: [(atom.start, atom.end) for name, atom in read_numbers(text) if name == kind]


def _times_after(text: str) -> list[Span]:
    """The numbers "times" or "-fold" after them makes multiples (``spans._multiple_after``)."""
    return [(a.start, a.end) for _, a in read_numbers(text) if a.kind in ("number", "words") and a.unit == "times"]


def _typo_for_one(text: str) -> list[Span]:
    """The numbers read with a typo's note: "on million" read as "one million" (the pattern's group ``typo``)."""
    return [(atom.start, atom.end) for _, atom in read_numbers(text) if atom.note]


def _decided_as_no_number(name: str) -> Callable[[str], list[Span]]:
    """The matches the rule of :data:`NOT_NUMBERS` or :data:`CODES` named ``name`` decided."""
    return lambda text: [span for rule, span in number_decisions(text) if rule == name]


def _never(kind: str) -> Callable[[str], list[Span]]:
    """The numbers inside a span of one kind of :data:`NOT_QUANTITIES`."""
    patterns = [re.compile(pattern) for pattern in NOT_QUANTITIES[kind]]
    return lambda text: _overlapping(_atoms(text), [m.span() for p in patterns for m in p.finditer(text)])


def _phones(finder: Callable[[str], list[Span]]) -> Callable[[str], list[Span]]:
    """The numbers a phone finder of :mod:`mpsbook.extract.phones` finds by their context."""
    return lambda text: _overlapping(_atoms(text), finder(text))


def _listed_phones(text: str) -> list[Span]:
    """The numbers listed after a phone number ("dial 110 or 119": the 119)."""
    known = [m.span() for p in _PHONES for m in p.finditer(text)]
    found = _grouped(text) + _emergency(text) + _service(text)
    return _overlapping(_atoms(text), sorted(set(phone_spans(text, known)) - set(found)))


@functools.lru_cache(maxsize=64)
def _atoms(text: str) -> list[Atom]:
    return find_atoms(text)


@functools.lru_cache(maxsize=64)
def _contexts(text: str) -> list[Context]:
    """Every number of ``text`` the extractor reads a row for, in its context (read once per text; rules only read it)."""
    return [read_context(text, atom) for atom in join_atoms(text, _atoms(text))]


def _where(predicate: Callable[[Context], bool]) -> Callable[[str], list[Span]]:
    """The numbers whose :class:`Context` the predicate holds for."""
    return lambda text: [(c.atom.start, c.atom.end) for c in _contexts(text) if predicate(c)]


def _joined_by(name: str) -> Callable[[str], list[Span]]:
    """The first numbers of the pairs the rule of :data:`YEAR_SPANS` or :data:`JOINS` named ``name`` decided."""
    return lambda text: [span for rule, span in pair_decisions(text, _atoms(text)) if rule == name]


def _scale_read_by(name: str) -> Callable[[str], list[Span]]:
    """The first numbers of the ranges whose scale word the rule of :data:`RANGE_SCALES` named ``name`` read."""
    return lambda text: [span for rule, span in range_scales(text, _atoms(text)) if rule == name]


def _year_like_first(text: str) -> list[Span]:
    """The year-like first figures a rule of :data:`JOINS` joined to a second: those
    ``joins._a_year_like_first_figure`` let through ("about 2000 - 2500 calories")."""
    years = {(atom.start, atom.end) for atom in _atoms(text) if atom.is_year}
    spans_of_years = {name for name, _ in YEAR_SPANS}
    return [span for name, span in pair_decisions(text, _atoms(text)) if span in years and name not in spans_of_years]


def _shared_by(name: str) -> Callable[[str], list[Span]]:
    """The figures the step of :data:`SHARES` named ``name`` gave a unit."""
    def find(text: str) -> list[Span]:
        rows = [row for atom in join_atoms(text, _atoms(text)) if (row := _row(text, atom, BOOK))]
        return [(rows[index]["start"], rows[index]["end"]) for step, index in shared_by(text, rows) if step == name]
    return find


def _hedged(kind: str) -> Callable[[Context], bool]:
    return lambda c: any(h.lower() not in ("~", "\u2248", "sub-") and hedge_kind(h) == kind for h in c.hedges)


def _postfix(kind: str) -> Callable[[Context], bool]:
    return lambda c: c.atom.kind in ("number", "words") and bool(POSTFIX_HEDGES[kind].match(c.text, c.atom.end))


def _symbol(c: Context) -> bool:
    symbol = symbol_before(c.text, c.atom.start)
    return bool(symbol) and c.hedges == [symbol.group().strip()]


def _not_a_hedge(rule: Callable) -> Callable[[Context], bool]:
    return lambda c: (words := hedge_words_before(c.text, c.atom.start)) is not None and rule(words)


def _decided_by(name: str) -> Callable[[Context], bool]:
    """Whether the rule of :data:`NOT_IN_CONTEXT` named ``name`` is the first that holds, as the extractor applies them."""
    return lambda c: next((rule_name for rule_name, rule in NOT_IN_CONTEXT if rule(c)), None) == name


def _aged(c: Context) -> bool:
    return aged_before(c.text, c.atom.start)


def _age_in_its_sentence(c: Context) -> bool:
    return age_after_a_name(c.text, c.atom) or age_in_context(c.text, c.start, c.end, c.atom)


def _read_by(step: str) -> Callable[[Context], bool]:
    """Whether the reading step named ``step`` is the first to read a unit for the number."""
    return lambda c: (found := reading_step(c.text, c.end, c.atom.unit))[0] == step and bool(found[1])


_CURRENCY_NAMES = set(CURRENCIES.values())
_UNIT_NAMES = set(UNITS.values())


def _currency_before(c: Context) -> bool:
    return c.atom.kind == "number" and c.atom.unit in _CURRENCY_NAMES


def _unit_word(c: Context) -> bool:
    return reading_step(c.text, c.end, c.atom.unit)[0] == "counted word" and c.unit.split(" per ")[0] in _UNIT_NAMES


def _a_rate(c: Context) -> bool:
    return " per " in c.unit and c.unit not in MEASURES


def _rule(name, stage, decides, source, find, positive, negative) -> Rule:
    return Rule(name, stage, decides, source, find, tuple(positive), tuple(negative))


_NEVER = [
    ("date", "a date: month and day, day and month, ISO and slashed dates", "corpus",
     ["Police acted on July 28.", "BEIJING, Sept. 26 (Xinhua) -- police said", "It was updated 2024-06-26."],
     ["Police seized 28 tons in July."]),
    ("time", "a time of day", "corpus", ["It began at 10:30 pm.", "It began at 2pm."], ["It lasted 10 hours."]),
    ("phone", "a phone number by its form or a phone word before it", "corpus",
     ["Phone 010-6520-3000.", "Call the hotline 96110 now.", "Ring +86 10 6520 3000."], ["They made 3,000 calls."]),
    ("reference", "a legal or section reference, a level, grade, table, seat row", "corpus",
     ["under Article 287 of the Criminal Law", "a Level 3 response", "Their seats were in Row 21."],
     ["287 articles were deleted"]),
    ("address", "a web or mail address, a street address, a zip code", "corpus",
     ["The shop is at 12 Elm Street.", "see www.mps.gov.cn/n2254 for more"], ["12 streets were closed"]),
    ("identifier", "a code or model name: digits joined to letters, 24/7, 'COVID -19', 'Explorer 8 or newer'", "corpus",
     ["open 24/7", "Labs ran COVID -19 checks."], ["19 cases of COVID"]),
    ("list number", "the number of an item in a list", "corpus", ["1. Main points", "(2) The second measure"],
     ["They listed 2 measures."]),
    ("ordinal", "an ordinal written in digits", "corpus", ["the 20th anniversary"], ["20 anniversaries"]),
    ("era", "a year of an era (A.D., BC)", "NewsQuant tuning", ["built around A.D. 1000"], ["about 1000 temples"]),
    ("rate denominator", "the denominator of a rate ('per 100,000'); 'every 33 years' is a period", "corpus",
     ["0.5 per 100,000 inhabitants"], ["The comet returns every 33 years."]),
]
_PHONE_FINDERS = [
    ("digits in groups", _grouped, "digits in groups of three or four with a group of four, seven digits or more",
     ["Report tips to the bureau on 0871 6320 1100.", "The reporting line 6520 3000 is open daily."],
     ["There are 15 313 officers.", "In 2022 1000 cases went to the courts."]),
    ("emergency number", _emergency, "110, 119, 120, 12xxx ... named as emergency or service numbers by the words around",
     ["In an emergency, dial 110 or 119.", "The emergency number 112 works across Europe."],
     ["Police received 110 reports last week."]),
    ("service number", _service, "a bare five- or six-digit number its clause names as a hotline, line or service",
     ["Victims can report fraud to the anti-fraud centre at 96110."], ["The centre handled 12345 cases."]),
]
_HEDGES = [
    ("over", "a lower bound before the number: [f, f + s]", ["over 250,000 cases", "more than 300 firms", "at least 5"],
     ["nearly 20 tons", "handed over 571 suspects"]),
    ("nearly", "an upper bound before the number: [f - s, f]", ["nearly 20 tons", "up to 300", "close to 400k"],
     ["over 200 cards", "rose 5%, up to 5,668"]),
    ("about", "about the number: [f - s/2, f + s/2]", ["about one billion yuan", "roughly 30 dens"],
     ["talked about 20 cases", "over 30 dens"]),
]

_READINGS = [
    ("a currency sign or code before the number, a share or a multiple, perhaps a rate", "article",
     ["It cost $80 per sq m.", "RMB 1.2 billion was lost"], ["It cost 80 yuan."]),
    ("'%', 'per cent', 'pc' or 'percentage points' after the number", "article",
     ["Crime fell 5% in 2022.", "a rise of 3 per cent"], ["5 cases"]),
    ("a currency sign or code after the number ('1,200€', '108.79 JPY')", "NewsQuant tuning",
     ["It sold for 1,200€.", "It cost 108.79 JPY."], ["It cost 108.79 yuan."]),
    ("a currency named with its country ('10.5 million Australian dollars')", "NewsQuant tuning",
     ["a loss of 10.5 million Australian dollars"], ["10.5 million Australian fans"]),
    ("a unit of measurement (mpsbook.extract.units.MEASURES), perhaps a rate", "NewsQuant tuning",
     ["a 256GB phone", "a 6.1-inch screen"], ["a 256-yuan phone"]),
    ("a unit word joined by a hyphen ('a 10,000-yuan fine')", "corpus", ["a 10,000-yuan fine"], ["a 10,000 yuan fine"]),
    ("the first unit word or plural among the next five words, up to a stop word", "article",
     ["over 250,000 cases", "12 cities"], ["12 in the city"]),
]

_JOINS = {
    "span of years": ("corpus", ["the 2018-2020 campaign", "in 2009/10"], ["between 2016 and 2019 cases"]),
    "span of years before 1900": ("NewsQuant tuning", ["Between 1600 and 1900 the town grew."], ["between 16 and 19 people"]),
    "multiple or share not joined": ("corpus", ["seven times 10 is 70"], ["2 to 3 times"]),
    "ratio": ("corpus", ["one in five adults", "two out of 10 people"], ["one of five adults"]),
    "between and": ("corpus", ["between 15 and 39 million"], ["15 and 39 million"]),
    "change by X to Y": ("NewsQuant tuning", ["increased by $4 billion to $9 billion"], ["fell by 1 to 1.5 degrees"]),
    "change from X to Y": ("NewsQuant tuning", ["homicides rose from 630 to 719"], ["prices range from $5 to $9"]),
    "from X up to Y": ("NewsQuant tuning", ["from 450 sq ft up to 900 sq ft"], ["up to 900 sq ft"]),
    "dash or to": ("corpus", ["3 to 5 million", "3-5 million"], ["3 and 5 million"]),
}
_SHARES = {
    "list or choice": (["eight or nine euros"], ["eight euros or nine"]),
    "part of the next figure": (["280 million of the 1.5 billion shekels"], ["280 million shekels of the 1.5 billion"]),
    "change": (["from 208 pounds to 193", "The index rose 12.5 points to 3,410.2 on Friday."],
               ["The index gained 3 percent to 1,200."]),
    "part, match or ellipsis": (["Some 40,000 flats were sold, including 9,000 in the capital.",
                                 "They built 120 houses by hand and 80 by machine."],
                                ["They built 120 houses. And 80 by machine were planned."]),
}

_NUMBER_KINDS = {
    "fraction in digits": ("digits around a slash before 'of': a share", "NewsQuant tuning",
                           ["1/16 of a pint"], ["open 24/7", "It sold 16 pints."]),
    "fraction in words": ("a fraction word, perhaps with its count: a share", "corpus",
                          ["two-thirds of the cases", "a quarter of them", "half of 40"], ["the third round"]),
    "multiple in one word": ("'doubled', 'twice', 'tenfold': a multiple", "corpus", ["Fraud doubled in a year."],
                             ["Fraud rose in a year."]),
    "order of magnitude": ("'tens of thousands', 'hundreds', 'several thousand': an order of magnitude", "article",
                           ["tens of thousands of cyberattacks", "several thousand"], ["ten thousand", "the scores were level"]),
    "number in digits": ("digits, perhaps with a currency, a sign, a suffix, a scale word or a power of ten", "article",
                         ["over 250,000 cases", "\u00a31.75m", "6.02 x 10^23 atoms"], ["over two thousand cases"]),
    "number in words": ("number words ('two thousand', 'half a million', 'a dozen')", "article",
                        ["more than two thousand systems", "a dozen men"], ["over 2,000 systems", "the hundred days"]),
}
_NOT_NUMBERS = {
    "slash that is no share": ("corpus", ["9/5 of them"], ["1/5 of them"]),
    "part of a period": ("corpus", ["the second half of the year"], ["half of the year"]),
    "fraction word as an ordinal": ("corpus", ["the third round", "a third suspect"], ["a third of suspects"]),
    "scores not of": ("corpus", ["the scores were level"], ["scores of people"]),
    "PS before a model number": ("NewsQuant tuning", ["a new PS4 console"], ["it cost PS2.7m"]),
    "scale word alone": ("corpus", ["the hundred days"], ["a hundred days"]),
    "number word in a name": ("corpus", ["the Five-Year Plan", "during the Two Sessions"], ["Five men were held."]),
}
_CODES = {
    "code or model name": ("digits joined to letters or a leading zero: a code ('5G', 'bm01000001', '05070218')", "corpus",
                           ["a 5G network", "account bm01000001"], ["a 5GB plan", "a 5 G network"]),
    "decade": ("four plain digits before an apostrophe and 's': a decade ('the 1990\'s'; '1990s' is a code by the rule before)",
               "corpus", ["in the 1990's"], ["in 1990"]),
}
_RANGE_SCALES = {
    "scale word of both figures": ("corpus", ["3 to 5 million"], ["3 million to 5 million", "3 to 5"]),
    "scale word of the second figure alone": ("NewsQuant tuning", ["$200,000 to $4 million"], ["3 to 5 million"]),
}

RULES: tuple[Rule, ...] = (
    *(_rule(name, "number", _NUMBER_KINDS[name][0], _NUMBER_KINDS[name][1], _read_as(name), *_NUMBER_KINDS[name][2:])
      for name, _, _ in NUMBER_KINDS),
    _rule("typo 'on' for 'one'", "number", "'on million' is read as 'one million', and the row's note says so", "article",
          _typo_for_one, ["more than on million cases"], ["more than one million cases", "a million cases"]),
    _rule("times or -fold after the number", "number", "'seven times', '10-fold': a multiple", "corpus", _times_after,
          ["seven times the rate", "a 10-fold rise"], ["seven cases"]),
    *(_rule(name, "not a number", rule.__doc__.split("\n")[0], _NOT_NUMBERS[name][0], _decided_as_no_number(name),
            *_NOT_NUMBERS[name][1:])
      for name, _, rule in NOT_NUMBERS),
    *(_rule(name, "never", _CODES[name][0], _CODES[name][1], _decided_as_no_number(name), *_CODES[name][2:])
      for name, _ in CODES),
    *(_rule(kind, "never", decides, source, _never(kind), positive, negative)
      for kind, decides, source, positive, negative in _NEVER),
    *(_rule(name, "never", decides, "hotlines", _phones(finder), positive, negative)
      for name, finder, decides, positive, negative in _PHONE_FINDERS),
    _rule("listed after a phone number", "never", "a number listed after a phone number ('dial 110 or 119')", "hotlines",
          _listed_phones, ["In an emergency, dial 110 or 119."], ["Dial 110; 119 cases were filed."]),
    *(_rule(name, "join", (rule.__doc__ or name).split("\n")[0], _JOINS[name][0], _joined_by(name), *_JOINS[name][1:])
      for name, rule in (*YEAR_SPANS, *JOINS)),
    _rule("year-like first figure", "join", "a year-like first figure with no year's preposition before it and a second "
          "above 2100 may start a range ('about 2000 - 2500 calories')", "NewsQuant tuning", _year_like_first,
          ["about 2000 - 2500 calories a day"], ["in 2000 - 2500 calories", "from 2000 to 2020"]),
    *(_rule(name, "join", rule.__doc__.split("\n")[0], _RANGE_SCALES[name][0], _scale_read_by(name), *_RANGE_SCALES[name][1:])
      for name, rule in RANGE_SCALES),
    *(_rule(f"{kind} before the number", "hedge", decides, "article", _where(_hedged(kind)), positive, negative)
      for kind, decides, positive, negative in _HEDGES),
    _rule("over after the number", "hedge", "'-plus', '+', 'or more' after the number: over", "corpus",
          _where(_postfix("over")), ["a 1,000-plus crowd", "500 or more cases"], ["500 more cases"]),
    _rule("about after the number", "hedge", "'or so', '-odd' after the number: about", "corpus",
          _where(_postfix("about")), ["300 or so cases", "a 40-odd crew"], ["300 cases or more"]),
    _rule("sign before the number", "hedge", "'~' or '\u2248' is about, 'sub-' is nearly", "NewsQuant tuning",
          _where(_symbol), ["a ~1.2mm gap", "a sub-300 sq m flat"], ["a 1.2mm gap"]),
    _rule("two hedges that pull apart", "hedge", "an over and a nearly hedge together: contradictory [f - s, f + s]",
          "article", _where(lambda c: {"over", "nearly"} <= c.kinds), ["nearly more than 400 thousand suspects"],
          ["more than 400 thousand suspects"]),
    *(_rule(name, "not a hedge", rule.__doc__.split(":")[-1].strip().rstrip("."),
            "corpus", _where(_not_a_hedge(rule)), positive, negative)
      for (name, rule), (positive, negative) in zip(NOT_HEDGES, (
          (["Police handed over 571 suspects."], ["Police arrested over 571 suspects."]),
          (["They talked about 20 cases."], ["They filed about 20 cases."]),
          (["The rate increased by 5%, up to 5,668."], ["Fines of up to 5,000 yuan rose."]),
      ), strict=True)),
    _rule("over before a duration", "not a hedge", "'over three days': during, not more than", "corpus",
          _where(over_before_a_duration), ["It ran over three days."], ["It ran for over three hundred cases."]),
    *(_rule(name, "context", rule.__doc__.split("\n")[0], source, _where(_decided_by(name)), positive, negative)
      for (name, rule), source, (positive, negative) in zip(NOT_IN_CONTEXT, ("article", "corpus", "corpus",
                                                                              "NewsQuant tuning"), (
          (["In 2022 police acted.", "around 1990 it began"], ["over 2023 cases were filed"]),
          (["one of the suspects fled", "one or more crimes"], ["One man was held."]),
          (["the passage of Voyager 2 in 1979"], ["Police seized 2 boats."]),
          (["Seas could rise by 2120, they warn."], ["They seized 1066 tons."]),
      ), strict=True)),
    _rule("aged", "context", "a number after 'aged' or 'age of' is an age", "NewsQuant tuning", _where(_aged),
          ["people aged 16-59", "at age 35"], ["a 35-day campaign"]),
    _rule("age in its sentence", "context", "'Smith, 66, said', 'a boy who was 9.', a life expectancy: an age",
          "NewsQuant tuning", _where(_age_in_its_sentence), ["Smith, 66, said he would appeal.", "He met a boy who was 9."],
          ["Smith seized 66 boats."]),
    _rule("one counts the noun after it", "context", "a lone 'one' before a noun is a count of one ('one man')",
          "NewsQuant tuning", _where(lambda c: bool(c.noun)), ["One man was held."], ["No one was held.", "One said no."]),
    *(_rule(name, "reading", decides, source, _where(_read_by(name)), positive, negative)
      for (name, _), (decides, source, positive, negative) in zip(READINGS, _READINGS, strict=True)),
    _rule("currency sign or code before the number", "reading",
          "a sign or code of the currency table (mpsbook.extract.numbers.CURRENCIES) written into the number", "corpus",
          _where(_currency_before), ["RMB 1.2 billion was lost", "It cost HK$300."], ["It cost 300 yuan."]),
    _rule("unit word", "reading", "a word of the unit table (mpsbook.extract.counted.UNITS) among the words after the number",
          "article", _where(_unit_word), ["over 250,000 cases", "500 yuan a month"], ["12 cities", "12 in the city"]),
    _rule("denominator of a rate", "reading",
          "a denominator (mpsbook.extract.units.DENOMINATORS) after a unit: a rate ('$80 per sq m', 'RM79 a month')",
          "NewsQuant tuning", _where(_a_rate), ["It cost $80 per sq m.", "a fee of RM79 a month"],
          ["It cost $80.", "a speed of 50 mph"]),
    *(_rule(name, "share", step.__doc__.split("\n")[0], "NewsQuant tuning", _shared_by(name), *_SHARES[name])
      for name, step in SHARES),
)
"""Every named rule of the extractor that this table holds (the module docstring lists what it does not yet)."""


def rule_hits(texts: dict[str, str]) -> dict[str, dict[str, int]]:
    """For each rule, by name, the number of numbers it applies to in each of ``texts`` (name -> text)."""
    return {rule.name: {name: len(rule.find(text)) for name, text in texts.items()} for rule in RULES}
