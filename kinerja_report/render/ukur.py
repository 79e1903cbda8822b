"""Text measured the way the PDF sets it: word-wrapped lines of Liberation Sans (the face the
templates ship in ``templates/fonts``), so that a layout can size its boxes to their text.

Widths come from the font's own advance widths; a line breaks between words as a browser
breaks it (a word longer than the line breaks inside). Heights are lines x font size x
line height.
"""

from __future__ import annotations

from functools import cache

from PIL import ImageFont

from kinerja_report.render.html import FOLDER_TEMPLAT

PT = 25.4 / 72
"""One point in mm."""
_BERKAS = {False: "LiberationSans-Regular.ttf", True: "LiberationSans-Bold.ttf"}


_EM = 1000


@cache
def _huruf(tebal: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FOLDER_TEMPLAT / "fonts" / _BERKAS[tebal]), _EM)


@cache
def _lebar_em(teks: str, tebal: bool) -> float:
    return _huruf(tebal).getlength(teks) / _EM


def lebar_teks(teks: str, pt: float, tebal: bool = False) -> float:
    """Width of ``teks`` on one line, in mm (the font's advance widths)."""
    return _lebar_em(teks, tebal) * pt * PT


def jumlah_baris(teks: str, lebar: float, pt: float, tebal: bool = False) -> int:
    """Lines ``teks`` takes when wrapped at words into ``lebar`` mm (at least one)."""
    space = lebar_teks(" ", pt, tebal)
    lines, used = 1, 0.0
    for word in teks.split():
        width = lebar_teks(word, pt, tebal)
        if used and used + space + width <= lebar:
            used += space + width
            continue
        if used:
            lines += 1
        while width > lebar:  # a word wider than the line breaks inside it
            lines += 1
            width -= lebar
        used = width
    return lines


def tinggi_teks(
    teks: str, lebar: float, pt: float, tebal: bool = False, jarak: float = 1.2
) -> float:
    """Height of ``teks`` wrapped into ``lebar`` mm, in mm (``jarak``: the line height)."""
    return jumlah_baris(teks, lebar, pt, tebal) * pt * jarak * PT
