"""Phone, hotline and emergency numbers that only their context shows: digits in groups, short codes, service lines.

:data:`mpsbook.extract.spans.NOT_QUANTITIES` finds the phone numbers their own form gives away ("010-6520-3000",
"+86 10 6520 3000", "hotline 96110", "Dial 110"). :func:`phone_spans` finds three kinds more:

* digits in groups of three or four, with at least one group of four and seven digits or more in all
  ("6520 3000", "0871 6320 1100", "400 820 8820"): no count is written so (a count's groups after
  the first have three digits: "15 313"); a year and a number after it ("2022 1000") is not one;
* an emergency number (110, 112, 119, 120, 122, 911, 999, 000, or a 12xxx public service line such
  as 12110, 12315, 12345) named as one by the words around it: a verb of calling before it ("dial",
  "call", "ring", "text", "contact", "report to", "call the police at"), "for" and a service after
  it ("110 for police, 119 for fire"), or an emergency or service word next to it ("the 110 emergency
  centre", "the police emergency number 110");
* a bare number of five or six digits (no comma, no hedge before it, no counted thing after it:
  "96110", "962288") named as a hotline or service by a word of the same clause ("hotline",
  "helpline", "line", "number", "platform", "service", "centre", "SMS", "text", "report",
  "complaint", "contact", "call", "dial").

A number in a list after one of them is one too ("dial 110 or 119", "110, 119 and 120").
"""

from __future__ import annotations

import re

from .tokens import CLAUSE, end_of_tokens_after, start_of_tokens_before

# Digits in groups of three or four, separated by a space or a hyphen.
_GROUPED = re.compile(r"(?<![\d,.\w])(\d{3,4})((?:[ -]\d{3,4}){1,3})(?!\d|,\d|\.\d|\w)")
_EMERGENCY = r"(?:110|112|119|120|122|911|999|000|12\d{3})"
_CALLING = r"(?:dial(?:s|ed|led|ing|ling)?|call(?:s|ed|ing)?|ring(?:s|ing)?|rang|text(?:s|ed|ing)?|phon(?:e|es|ed|ing)|contact(?:s|ed|ing)?"
_CALLING += r"|report(?:s|ed|ing)?\s+(?:it\s+)?to|(?:call|ring|phone)\s+the\s+(?:police|fire\s+brigade|ambulance)\s+(?:at|on))"
_SERVICE_WORDS = (
    r"hotlines?|helplines?|hot-lines?|lines?|numbers?|platforms?|services?|cent(?:re|er)s?|sms|text|reporting|reports?"
    r"|complaints?|contact|calls?|dial(?:led|ed|ing)?|ring|phone|telephone|emergency|emergencies|alarms?|wechat|app"
)
_EMERGENCY_BEFORE = re.compile(rf"(?i:\b{_CALLING}\s+(?:the\s+)?['\"\u2018\u201c]?)$")
_EMERGENCY_AFTER = re.compile(
    r"(?i:['\"\u2019\u201d]?\s+(?:for\s+(?:the\s+|an?\s+)?(?:police|fire|ambulance|ambulances|medical|emergenc\w*|help|rescue"
    r"|traffic|first\s+aid)|(?:emergency|alarm|police|fire|ambulance|hotline|helpline|command|service|call|sms|text)\b))"
)
_EMERGENCY_NAMED = re.compile(r"(?i:\b(?:emergency|alarm|police|hotline|helpline)\s+(?:(?:call\s+)?(?:number|line|call)s?\s+)?)$")
_BARE = re.compile(r"(?<![\d,.\w$€£¥])\d{5,6}(?!\d|,\d|\.\d|\w)")
_SERVICE_NEAR = re.compile(rf"(?i:\b(?:{_SERVICE_WORDS})\b)")
_COUNTED_AFTER = re.compile(r"\s+(?!(?i:sms)\b)[A-Za-z]{2,}(?<!s)s\b")
_HEDGE_BEFORE = re.compile(r"(?i:\b(?:over|more\s+than|nearly|almost|about|around|some|up\s+to|at\s+least|than)\s+)$")
_LIST_AFTER = re.compile(rf"(?:,\s*|\s+or\s+|\s+and\s+|,?\s+or\s+|,\s+and\s+)({_EMERGENCY}|\d{{5,6}})(?!\d|,\d|\.\d|\w)")


def _clause(text: str, start: int, end: int) -> str:
    """The words of the clause around ``text[start:end]``, without the number itself (at most ten tokens each side)."""
    return text[start_of_tokens_before(text, start, 10, CLAUSE) : start] + " " + text[end : end_of_tokens_after(text, end, 10, CLAUSE)]


def _grouped(text: str) -> list[tuple[int, int]]:
    spans = []
    for found in _GROUPED.finditer(text):
        groups = [found.group(1), *re.split(r"[ -]", found.group(2).strip(" -"))]
        if not any(len(group) == 4 for group in groups[1:]) and len(groups[0]) != 4:
            continue  # "400 820": a count written with spaces between thousands
        if sum(len(group) for group in groups) < 7:
            continue
        if len(groups) == 2 and re.fullmatch(r"19\d\d|20\d\d", groups[0]):
            continue  # "in 2022 1000 cases": a year, then a count
        spans.append(found.span())
    return spans


def _emergency(text: str) -> list[tuple[int, int]]:
    spans = []
    for found in re.finditer(rf"(?<![\d,.\w$€£¥]){_EMERGENCY}(?!\d|,\d|\.\d|\w)", text):
        start, end = found.span()
        if (
            _EMERGENCY_BEFORE.search(text, start_of_tokens_before(text, start, 8), start)  # "call the fire brigade at '"
            or _EMERGENCY_AFTER.match(text, end)
            or _EMERGENCY_NAMED.search(text, start_of_tokens_before(text, start, 4), start)  # "emergency call numbers"
        ):
            spans.append((start, end))
    return spans


def _service(text: str) -> list[tuple[int, int]]:
    spans = []
    for found in _BARE.finditer(text):
        start, end = found.span()
        if _HEDGE_BEFORE.search(text, start_of_tokens_before(text, start, 2), start) or _COUNTED_AFTER.match(text, end):
            continue  # "over 10000 units", "12345 cases": a count
        if re.fullmatch(r"19\d\d|20\d\d", found.group()):
            continue
        if _SERVICE_NEAR.search(_clause(text, start, end)):
            spans.append((start, end))
    return spans


def phone_spans(text: str, known: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The (start, end) offsets of the phone, hotline and emergency numbers of ``text`` found by their context.

    ``known`` are phone numbers already found by their form; a number listed after any of them
    ("dial 110 or 119") is one too. Returns the new spans and the list members, in no set order.
    """
    spans = _grouped(text) + _emergency(text) + _service(text)
    for _start, end in [*known, *spans]:
        position = end
        while listed := _LIST_AFTER.match(text, position):
            spans.append(listed.span(1))
            position = listed.end()
    return spans
