"""Cell styles that carry meaning on real forms: fill colour, bold, indentation.

Some forms have no code column: the level of a row (programme, kegiatan, sub kegiatan) shows
only by the fill colour of its name cell, and that colour is often a *theme* colour with a
tint (Deli Serdang 2025: theme 4 + tint 0,8 for programmes), not an RGB value. This module
turns every colour into one canonical ``RRGGBB`` text, so that two cells that look the same
compare equal whatever the workbook stored: theme colours are looked up in the workbook's
theme and tinted as Excel does (lightness in HLS space), legacy indexed colours come from the
default palette, and white or no fill is ``""``.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from defusedxml import ElementTree

if TYPE_CHECKING:  # imported when a workbook is read (read.sheet)
    from openpyxl.styles.colors import Color

_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_URUTAN_TEMA = ("lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4",
                "accent5", "accent6", "hlink", "folHlink")  # fmt: skip
"""Excel's theme colour indices 0-11 (light 1 first: index 0 is the usual white)."""
_TEMA_OFFICE = ("FFFFFF", "000000", "EEECE1", "1F497D", "4F81BD", "C0504D", "9BBB59",
                "8064A2", "4BACC6", "F79646", "0000FF", "800080")  # fmt: skip
"""The Office 2007-2010 theme, for workbooks that carry none."""
PUTIH = {"FFFFFF", ""}


@dataclass(frozen=True)
class Gaya:
    """What a reader sees of a cell's format: fill as 'RRGGBB' ('' for none or white), bold,
    indentation level (Excel's indent, or leading spaces / 2 in the text)."""

    isian: str = ""
    tebal: bool = False
    inden: int = 0


TANPA_GAYA = Gaya()


def palet_tema(theme_xml: bytes | None) -> tuple[str, ...]:
    """The 12 theme colours of a workbook's ``theme1.xml`` (defused parse), as 'RRGGBB'."""
    if not theme_xml:
        return _TEMA_OFFICE
    try:
        root = ElementTree.fromstring(theme_xml)
    except Exception:  # a broken or hostile theme part: the default palette
        return _TEMA_OFFICE
    scheme = root.find(f"{_NS}themeElements/{_NS}clrScheme")
    if scheme is None:
        return _TEMA_OFFICE
    out = []
    for name, fallback in zip(_URUTAN_TEMA, _TEMA_OFFICE, strict=True):
        node = scheme.find(f"{_NS}{name}")
        child = node[0] if node is not None and len(node) else None
        value = ""
        if child is not None:
            value = child.get("lastClr") or child.get("val") or ""
        out.append(value.upper() if _hex6(value) else fallback)
    return tuple(out)


def _hex6(text: str) -> bool:
    return len(text) == 6 and all(ch in "0123456789abcdefABCDEF" for ch in text)


def beri_tint(rgb: str, tint: float) -> str:
    """Excel's tint: lightness moved toward white (tint > 0) or black (tint < 0)."""
    if not tint:
        return rgb
    r, g, b = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    lum = lum * (1 + tint) if tint < 0 else lum * (1 - tint) + tint
    r, g, b = colorsys.hls_to_rgb(h, min(max(lum, 0.0), 1.0), s)
    return "".join(f"{round(v * 255):02X}" for v in (r, g, b))


def warna(color: Color | None, palet: tuple[str, ...]) -> str:
    """One canonical 'RRGGBB' for an openpyxl colour; '' for none, automatic or white."""
    if color is None:
        return ""
    value = ""
    if color.type == "theme" and isinstance(color.theme, int) and 0 <= color.theme < len(palet):
        value = beri_tint(palet[color.theme], float(color.tint or 0))
    elif color.type == "indexed" and isinstance(color.indexed, int):
        from openpyxl.styles.colors import COLOR_INDEX

        if 0 <= color.indexed < len(COLOR_INDEX):
            value = COLOR_INDEX[color.indexed][-6:]
    elif color.type == "rgb" and isinstance(color.rgb, str):
        value = color.rgb[-6:]
        if len(color.rgb) == 8 and color.rgb[:2] == "00" and value == "000000":
            value = ""  # openpyxl's default 'no colour'
        else:
            value = beri_tint(value, float(color.tint or 0)) if _hex6(value) else ""
    value = value.upper() if _hex6(value) else ""
    return "" if value in PUTIH else value


def inden_teks(value: object) -> int:
    """Indentation typed as leading spaces: two spaces per level."""
    if not isinstance(value, str):
        return 0
    return (len(value) - len(value.lstrip(" \u00a0"))) // 2
