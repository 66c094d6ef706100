"""A text cut into tokens once, so that a rule asks for "the word before the number", not a window of characters.

A token is a run of word characters (letters, digits, underscore) or one other character that is not a space.
:func:`word_before` gives the word token right before an offset when only a stated gap separates the two ("in
2022": "in", with a space between); :func:`after_words` whether the words right before an offset are given ones
("age of"). Used where a rule looks at the words right before a number; the windows of characters that remain
(clauses, phone contexts, the words after a number) are listed in :mod:`mpsbook.extract.rules`.
"""

from __future__ import annotations

import bisect
import functools
import re

_TOKEN = re.compile(r"\w+|[^\w\s]")


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
