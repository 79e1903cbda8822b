"""Writing a value into a cell of a workbook we produce: text stays text.

openpyxl makes a formula of any text that starts with ``=``: an indicator typed
``=HYPERLINK("http://…","Klik")`` or an uraian ``=cmd|' /C calc'!A0`` in an OPD's workbook
would come out live in the rekap or in the form Bappeda sends to every OPD. Every workbook we
write puts its cells through :func:`isi_sel`; the formulas of our own (the E.81 form's columns
13-15) are the only ones, written as such on purpose.

Styles and merges go through :func:`beri_gaya` and :func:`gabung_sel`: the bytes of
openpyxl's plain ``cell.font = ...`` and ``ws.merge_cells``, at a fraction of their cost.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet


def isi_sel(sel: Cell | MergedCell, nilai: object) -> None:
    """Put ``nilai`` in ``sel``; a text as text, never a formula, without the control
    characters a workbook cannot hold (old .xls files have them)."""
    if isinstance(nilai, str):
        sel.value = ILLEGAL_CHARACTERS_RE.sub("", nilai)
        sel.data_type = "s"
    else:
        sel.value = nilai  # type: ignore[assignment]


@dataclass(frozen=True, eq=False)
class Gaya:
    """Styles a cell gets together (None: left as it is), applied by :func:`beri_gaya`.

    Compared and hashed by identity (``eq=False``), not by value: a module constant is one
    key of :func:`beri_gaya`'s memo, hashed for free."""

    font: Font | None = None
    fill: PatternFill | None = None
    border: Border | None = None
    alignment: Alignment | None = None
    number_format: str | None = None
    protection: Protection | None = None


_Memo = dict[tuple[tuple[int, ...] | None, Gaya], StyleArray]
_MEMO: WeakKeyDictionary[Workbook, _Memo] = WeakKeyDictionary()
"""Per workbook (its style indices are its own; the memo goes with the workbook): the style a
cell gets from :class:`Gaya` ``g`` when its style was ``s`` (None: never styled)."""


def beri_gaya(sel: Cell | MergedCell, gaya: Gaya) -> None:
    """Give ``sel`` the styles of ``gaya``, with the bytes of plain ``sel.font = ...``.

    Why it exists: openpyxl finds the index of a style in the workbook's list by hashing the
    Font, Fill, Border or Alignment (and, recursively, its Sides and Colours) on every
    assignment; writing a form spent more time there than anywhere else. A cell's style is
    only a StyleArray of those indices. The first cell of a workbook that gets ``gaya`` on a
    given style is styled the plain way (so every style gets its index in the same first-use
    order, and the file the same bytes); every later one gets a copy of its StyleArray."""
    wb = sel.parent.parent
    assert wb is not None
    memo = _MEMO.get(wb)
    if memo is None:
        memo = _MEMO[wb] = {}
    sebelum = _susunan(sel)
    kunci = (None if sebelum is None else tuple(sebelum), gaya)
    hasil = memo.get(kunci)
    if hasil is None:
        _beri_gaya_biasa(sel, gaya)
        memo[kunci] = StyleArray(_susunan(sel) or StyleArray())  # None: an empty Gaya
    else:
        sel._style = StyleArray(hasil)  # type: ignore[union-attr]


def _susunan(sel: Cell | MergedCell) -> StyleArray | None:
    """The StyleArray of ``sel`` (openpyxl keeps it in ``_style``; None: never styled)."""
    susunan: StyleArray | None = sel._style  # type: ignore[union-attr]
    return susunan


def _beri_gaya_biasa(sel: Cell | MergedCell, gaya: Gaya) -> None:
    """openpyxl's plain way: each style of ``gaya`` assigned (and hashed)."""
    for bagian in fields(gaya):
        nilai = getattr(gaya, bagian.name)
        if nilai is not None:
            setattr(sel, bagian.name, nilai)


def nomor_font(sel: Cell | MergedCell) -> int:
    """The index of ``sel``'s font in its workbook's list (0: the default), read without the
    style proxy openpyxl makes on ``sel.font``."""
    susunan = _susunan(sel)
    return 0 if susunan is None else int(susunan.fontId)


def gabung_sel(ws: Worksheet, r1: int, c1: int, r2: int, c2: int) -> None:
    """``ws.merge_cells`` of the cells ``(r1, c1)``-``(r2, c2)``, without its costly pass
    when that pass would change nothing.

    openpyxl's merge ends by giving every cell of the range the first cell's protection
    (one assignment each, hashed as :func:`beri_gaya` says) and the first cell's borders to
    the edge cells. When the first cell has the workbook's default border and protection (as
    every range we merge before styling it), those are the defaults the fresh merged cells
    have anyway: the pass is skipped. Any other range goes through it."""
    rentang = MergedCellRange(ws, f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}")
    ws.merged_cells.add(rentang)
    sel = rentang.cells
    next(sel)  # the first cell keeps its value and style
    for row, col in sel:
        ws._cells[row, col] = MergedCell(ws, row, col)
    gaya = _susunan(rentang.start_cell)
    if gaya is not None and (gaya.borderId or gaya.protectionId):
        rentang.format()
