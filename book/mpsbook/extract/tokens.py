"""A text cut into tokens once, so that a rule reads "the previous k tokens in the clause", not a window of characters.

A token is a run of letters, a run of digits, or one other character that is not a space ("bm01000001" is "bm" and
"01000001"; "A.D." is four tokens). :func:`word_before` gives the word token right before an offset when only a
stated gap separates the two ("in 2022": "in", with a space between); :func:`after_words` whether the words right
before an offset are given ones ("age of"). Where a rule reads a phrase or a clause, :func:`start_of_tokens_before`
gives where the previous *k* tokens begin, cut after the last mark of the clause among them, and
:func:`end_of_tokens_after` where the next *k* end: the rule's pattern is then matched against those tokens alone.
Every rule that reads the words before a number reads them so (:mod:`mpsbook.extract.rules` lists them).
"""

from __future__ import annotations

import bisect
import functools
import re

_TOKEN = re.compile(r"[^\W\d]+|\d+|[^\w\s]")

CLAUSE = ".;!?\n"
"""The marks that end a clause: a rule that reads a clause reads no token before (or after) the nearest of them."""


@functools.lru_cache(maxsize=16)
def _tokens(text: str) -> tuple[list[int], list[re.Match]]:
    """The tokens of ``text`` and, for a binary search, their end offsets (cached: rules ask many times per text)."""
    tokens = list(_TOKEN.finditer(text))
    return [token.end() for token in tokens], tokens


def _last_before(text: str, offset: int) -> int:
    """The index of the last token that ends at or before ``offset`` (-1 for none)."""
    ends, _ = _tokens(text)
    return bisect.bisect_right(ends, offset) - 1


def word_before(text: str, offset: int, gap: str = r"\s+") -> str:
    """The word of ASCII letters right before ``offset``, lower-cased, when what lies between them matches ``gap``; else "".

    Punctuation may stand between the two only where ``gap`` allows it ("the, one" with ``gap=r"\\W*"``).
    """
    return word_and_start_before(text, offset, gap)[0]


def word_and_start_before(text: str, offset: int, gap: str = r"\s+") -> tuple[str, int]:
    """:func:`word_before` and where that word starts (``offset`` when there is none)."""
    _, tokens = _tokens(text)
    index = _last_before(text, offset)
    while index >= 0 and not tokens[index].group()[0].isalnum() and tokens[index].group() != "_":
        index -= 1  # punctuation: the gap decides whether it may stand between
    if index < 0 or not re.fullmatch(r"[A-Za-z]+", tokens[index].group()):
        return "", offset
    if not re.fullmatch(gap, text[tokens[index].end() : offset]):
        return "", offset
    return tokens[index].group().lower(), tokens[index].start()


def after_words(text: str, offset: int, *choices: tuple[str, ...]) -> bool:
    """Whether the words right before ``offset``, a space or more between each, are one of ``choices`` (each a tuple of
    lower-case words, last nearest: ("age", "of"))."""
    for words in choices:
        position, found = offset, True
        for word in reversed(words):
            before, position = word_and_start_before(text, position)
            found = found and before == word
        if found:
            return True
    return False


def start_of_tokens_before(text: str, offset: int, count: int, stops: str = "") -> int:
    """Where the last ``count`` tokens before ``offset`` begin, cut after the last of ``stops`` among them.

    The offset returned is the end of the token before them (the space before the first is kept, so that a pattern
    ending at ``offset`` may start with one), or the end of the last character of ``stops`` between it and ``offset``
    (a clause mark, or a line break when ``stops`` holds "\\n"); 0 at the start of the text.
    """
    ends, _ = _tokens(text)
    first = _last_before(text, offset) - count + 1
    start = ends[first - 1] if first > 0 else 0
    return max([start, *(text.rfind(stop, start, offset) + 1 for stop in stops)])


def end_of_tokens_after(text: str, offset: int, count: int, stops: str = "") -> int:
    """Where the first ``count`` tokens after ``offset`` end, cut before the first of ``stops`` among them."""
    ends, tokens = _tokens(text)
    first = bisect.bisect_right(ends, offset)  # the first token that ends after offset
    end = tokens[min(first + count, len(tokens)) - 1].end() if first < len(tokens) else len(text)
    end = max(end, offset)
    found = [i for stop in stops if (i := text.find(stop, offset, end)) >= 0]
    return min([end, *found])
