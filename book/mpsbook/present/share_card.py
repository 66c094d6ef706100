"""A claim's share card: the picture a link preview shows (``og:image``), 1200 by 630 pixels, PNG.

The card is an SVG drawn with the book's own font, MPSBook Sans (``fonts/``), and rasterised by
vl-convert, which the charts already use: no network, no system font and no other imaging package.
Lines are broken by the font's own advance widths (read with fontTools), so the same words give the
same lines on every machine, and the same vl-convert gives the same bytes (a test builds the site
twice and compares them).
"""

from __future__ import annotations

import functools
from xml.sax.saxutils import escape

from .charts import FONT_DIR, register_font

WIDTH, HEIGHT = 1200, 630
MARGIN = 72  # left and right, after the verdict's colour bar
BAR = 18  # the verdict's colour, down the left edge
INK, MUTED, PAPER = "#1b1b1b", "#555555", "#ffffff"
FAMILY = "MPSBook Sans"
QUOTE_SIZES = (88, 76, 64, 56, 48, 42, 36)  # the largest size at which the quote fits its lines is used
QUOTE_LINES = 4  # at most, at LARGE_SIZE and below; above it, a short quote in large type takes two
LARGE_SIZE = 64
FACES = {False: "MPSBookSans-Regular.ttf", True: "MPSBookSans-Bold.ttf"}


@functools.cache
def _advances(bold: bool) -> tuple[dict, int, int]:
    """The font's advance width of each character it draws, its width when missing, and units per em."""
    from fontTools.ttLib import TTFont

    with TTFont(FONT_DIR / FACES[bold]) as font:
        metrics, cmap = font["hmtx"].metrics, font.getBestCmap()
        widths = {chr(code): metrics[glyph][0] for code, glyph in cmap.items()}
        return widths, metrics[".notdef"][0], font["head"].unitsPerEm


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width in pixels of ``text`` set at ``size`` pixels in MPSBook Sans (advances only, no kerning)."""
    widths, missing, per_em = _advances(bold)
    return sum(widths.get(char, missing) for char in text) * size / per_em


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` pixels (a single longer word keeps its own line)."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if line and text_width(trial, size, bold) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line] if line else lines


def _fit_quote(quote: str, width: float) -> tuple[int, list[str]]:
    """The largest of :data:`QUOTE_SIZES` at which ``quote`` fits :data:`QUOTE_LINES` lines (two above
    :data:`LARGE_SIZE`), and those lines (at the smallest size, the lines past the last end in an ellipsis)."""
    for size in QUOTE_SIZES:
        lines = wrap(quote, size, width, bold=True)
        if len(lines) <= (QUOTE_LINES if size <= LARGE_SIZE else 2):
            return size, lines
    lines = lines[:QUOTE_LINES]
    lines[-1] = lines[-1].rstrip(" ,;.") + "…”"
    return QUOTE_SIZES[-1], lines


def _text(x: float, y: float, text: str, size: float, *, bold: bool = False, fill: str = INK) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{x:g}" y="{y:g}" font-family="{FAMILY}" font-size="{size:g}"{weight} '
            f'fill="{fill}">{escape(text)}</text>')


def share_card_svg(quote: str, verdict: str, colour: str, site_name: str, kicker: str) -> str:
    """The card as SVG text: ``site_name`` and ``kicker`` above, the quote in large type, the verdict below,
    after a swatch of ``colour`` (the verdict's colour, also the bar down the left edge).

    Parameters
    ----------
    quote : str
        The claim in the article's words, without quotation marks (the card adds them).
    verdict : str
        The verdict in words, as the claim's page shows it.
    colour : str
        A CSS colour (``#RRGGBB``).
    """
    left, right = BAR + MARGIN, WIDTH - MARGIN
    size, lines = _fit_quote(f"“{quote}”", right - left)
    parts = [f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{PAPER}"/>',
             f'<rect width="{BAR}" height="{HEIGHT}" fill="{escape(colour)}"/>',
             _text(left, 86, site_name.upper(), 26, bold=True, fill=MUTED),
             _text(left, 128, kicker, 26, fill=MUTED)]
    label, verdict_size = "Verdict:", 40
    verdict_left = left + 60 + text_width(label + " ", verdict_size)
    verdict_lines = wrap(verdict, verdict_size, right - verdict_left, bold=True)[:2]
    base = HEIGHT - 70 - (len(verdict_lines) - 1) * 48
    # The quote is centred in the space between the kicker and the verdict, its cap height counted as 0.72 em.
    leading, area_top, area_bottom = round(size * 1.2), 160, base - 36 - 44
    block = (len(lines) - 1) * leading + size * 0.72
    first = area_top + (area_bottom - area_top - block) / 2 + size * 0.72
    parts += [_text(left, round(first + i * leading), line, size, bold=True) for i, line in enumerate(lines)]
    parts.append(f'<rect x="{left}" y="{base - 36}" width="40" height="40" rx="6" fill="{escape(colour)}"/>')
    parts.append(_text(left + 60, base, label, verdict_size, fill=MUTED))
    parts += [_text(verdict_left, base + i * 48, line, verdict_size, bold=True)
              for i, line in enumerate(verdict_lines)]
    body = "".join(parts)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}">{body}</svg>')


def share_card_png(quote: str, verdict: str, colour: str, site_name: str, kicker: str) -> bytes:
    """The card (:func:`share_card_svg`) as PNG bytes, 1200 by 630 pixels, drawn by vl-convert with the book's font."""
    import vl_convert

    register_font()
    return vl_convert.svg_to_png(share_card_svg(quote, verdict, colour, site_name, kicker))
