"""mpsbook.present.share_card: the picture a link preview shows, in the book's font, the same bytes every time."""

import re
import struct

import mpsbook
from mpsbook.present import claim_pages, share_card


def png_size(data: bytes) -> tuple:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_the_share_card_is_a_1200_by_630_png_with_the_same_bytes_every_time(tables):
    key = "clean-net-2022-suspects"
    first = claim_pages.share_card(key, tables, mpsbook.present.charts.RATING_COLOURS)
    assert png_size(first) == (1200, 630)
    assert claim_pages.share_card(key, tables, mpsbook.present.charts.RATING_COLOURS) == first
    other = claim_pages.share_card("drug-dens-2022", tables, mpsbook.present.charts.RATING_COLOURS)
    assert other != first


def test_the_share_card_shows_the_quote_and_the_verdict_in_the_books_font():
    svg = share_card.share_card_svg("over 250,000 cybercrime cases", "wrong for the period it names", "#D55E00",
                                    "Checking the numbers", "A fact-check")
    shown = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    assert 'width="1200" height="630"' in svg and "“over 250,000 cybercrime cases”" in shown
    assert "wrong for the period it names" in svg and "Verdict:" in svg
    assert set(re.findall(r'font-family="([^"]+)"', svg)) == {"MPSBook Sans"}


def test_a_long_quote_is_set_smaller_and_never_runs_off_the_card():
    words = "nearly more than 400 thousand suspects " * 12
    size, lines = share_card._fit_quote(words, 1000)
    assert size == share_card.QUOTE_SIZES[-1] and len(lines) == share_card.QUOTE_LINES and lines[-1].endswith("…”")
    assert all(share_card.text_width(line, size, bold=True) <= 1000 for line in lines[:-1])
    assert share_card._fit_quote("short", 1000) == (share_card.QUOTE_SIZES[0], ["short"])

