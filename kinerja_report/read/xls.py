"""Old Excel 97-2003 workbooks (.xls, BIFF8), read with xlrd into :class:`Lembar` grids."""

from __future__ import annotations

import io
from pathlib import Path

import xlrd

from kinerja_report.read.normalize import teks_sel
from kinerja_report.read.sheet import MAX_KOLOM, Lembar
from kinerja_report.read.styles import PUTIH, TANPA_GAYA, Gaya, inden_teks

_KOSONG = {xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK}


def lembar_xls(path: Path, nama: str) -> list[Lembar]:
    """All sheets of an .xls file; cached formula errors come back as '#DIV/0!' etc."""
    # xlrd prints diagnostics to stdout by default; they would corrupt 'kinerja check --json'
    book = xlrd.open_workbook(
        str(path), formatting_info=True, on_demand=True, logfile=io.StringIO()
    )
    try:
        return [_lembar(nama, book, book.sheet_by_index(i)) for i in range(book.nsheets)]
    finally:
        book.release_resources()


def _lembar(nama: str, book: xlrd.Book, sheet: xlrd.sheet.Sheet) -> Lembar:
    ncols = min(sheet.ncols, MAX_KOLOM)
    values: dict[tuple[int, int], object] = {}
    gaya: dict[tuple[int, int], Gaya] = {}
    for r in range(sheet.nrows):
        for c in range(min(ncols, sheet.row_len(r))):
            cell = sheet.cell(r, c)
            value = _nilai(book, cell)
            if value is not None and not (isinstance(value, str) and not value.strip()):
                values[(r + 1, c + 1)] = value
                found = _gaya(book, cell, value) if isinstance(value, str) else TANPA_GAYA
                if found != TANPA_GAYA:
                    gaya[(r + 1, c + 1)] = found
    asal: dict[tuple[int, int], tuple[int, int]] = {}
    for rlo, rhi, clo, chi in sheet.merged_cells:
        top = (rlo + 1, clo + 1)
        for r in range(rlo + 1, rhi + 1):
            for c in range(clo + 1, min(chi, ncols) + 1):
                if (r, c) != top:
                    asal[(r, c)] = top
                    if top in values:
                        values[(r, c)] = values[top]
    hidden = frozenset(r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden)
    return Lembar(nama, sheet.name, values, asal, hidden, sheet.nrows, ncols, gaya_sel=gaya)


def _gaya(book: xlrd.Book, cell: xlrd.sheet.Cell, value: str) -> Gaya:
    """Fill colour (pattern colour from the workbook's palette), bold and indent of a cell."""
    try:
        xf = book.xf_list[cell.xf_index]
        rgb = book.colour_map.get(xf.background.pattern_colour_index) if xf.background else None
        isian = (
            "" if not rgb or xf.background.fill_pattern == 0 else "".join(f"{v:02X}" for v in rgb)
        )
        bold = bool(book.font_list[xf.font_index].bold)
        inden = int(xf.alignment.indent_level or 0)
    except (IndexError, AttributeError, TypeError):
        return Gaya(inden=inden_teks(value))
    return Gaya("" if isian in PUTIH else isian, bold, inden or inden_teks(value))


def _nilai(book: xlrd.Book, cell: xlrd.sheet.Cell) -> object:
    if cell.ctype in _KOSONG:
        return None
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#VALUE!")
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return teks_sel(cell.value) if isinstance(cell.value, str) else cell.value
