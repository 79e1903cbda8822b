"""A sheet as a grid of values with merged cells flattened and hidden rows known.

openpyxl keeps a merged range's value only in its top-left cell; readers here see that
value in every cell of the range (so a vertically merged 'Sasaran' carries down), and
:meth:`Lembar.sumber` names the top-left cell, where the value really is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kinerja_report.model import Sumber
from kinerja_report.read.normalize import teks_sel
from kinerja_report.read.styles import TANPA_GAYA, Gaya, inden_teks, palet_tema, warna

if TYPE_CHECKING:  # openpyxl is imported only by what reads a workbook (issue 25: a rebuild
    # that reads every workbook from the history store never loads it)
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.cell_range import CellRange
    from openpyxl.worksheet.worksheet import Worksheet

MAX_KOLOM = 256
"""Columns beyond this are ignored: real forms are at most ~40 columns wide."""


@dataclass(frozen=True)
class Lembar:
    """Values of one sheet, 1-based (row, column), merged ranges flattened."""

    berkas: str
    nama: str
    nilai_sel: dict[tuple[int, int], object]
    asal: dict[tuple[int, int], tuple[int, int]]
    baris_tersembunyi: frozenset[int]
    jumlah_baris: int
    jumlah_kolom: int
    rumus: frozenset[tuple[int, int]] = frozenset()
    """Cells holding a formula; with no cached value the workbook was never recalculated."""
    gaya_sel: dict[tuple[int, int], Gaya] = field(default_factory=dict)
    """Format of the text cells (fill, bold, indent), by (row, column) of the cell itself."""

    def gaya(self, baris: int, kolom: int) -> Gaya:
        """The format of the cell that holds the value shown at (baris, kolom)."""
        return self.gaya_sel.get(self.asal.get((baris, kolom), (baris, kolom)), TANPA_GAYA)

    def nilai(self, baris: int, kolom: int) -> object:
        return self.nilai_sel.get((baris, kolom))

    def teks_sendiri(self, baris: int, kolom: int) -> str:
        """The text of a cell unless it is merged in from another column (e.g. G11:H11)."""
        if self.asal.get((baris, kolom), (baris, kolom))[1] != kolom:
            return ""
        return self.teks(baris, kolom)

    def teks(self, baris: int, kolom: int) -> str:
        value = self.nilai(baris, kolom)
        return "" if value is None else str(value).strip()

    def baris_teks(self, baris: int) -> list[tuple[int, str]]:
        """The non-empty cells of a row as (column, text)."""
        out = []
        for kolom in range(1, self.jumlah_kolom + 1):
            text = self.teks(baris, kolom)
            if text:
                out.append((kolom, text))
        return out

    def alamat(self, baris: int, kolom: int) -> str:
        """Excel address of the cell that holds the value shown at (baris, kolom)."""
        from openpyxl.utils.cell import get_column_letter

        row, col = self.asal.get((baris, kolom), (baris, kolom))
        return f"{get_column_letter(col)}{row}"

    def sumber(self, baris: int, kolom: int) -> Sumber:
        return Sumber(self.berkas, self.nama, self.alamat(baris, kolom))


def sel_tersimpan(ws: Worksheet) -> Iterator[Cell]:
    """The cells stored in the sheet's file, never the empty grid between them.

    A single formatted cell at row 1.000.000 must not make us walk a million empty rows.
    openpyxl keeps the stored cells in ``ws._cells`` (a private attribute, the only place
    that knows them); should a release drop it, the public row iterator is used instead,
    bounded by the sheet's dimension (tested: both give the same grid).
    """
    from openpyxl.cell.cell import Cell

    stored = getattr(ws, "_cells", None)
    if isinstance(stored, dict):
        yield from stored.values()
        return
    for row in ws.iter_rows(max_col=min(ws.max_column, MAX_KOLOM)):
        yield from (cell for cell in row if isinstance(cell, Cell))


def _gaya(cell: Cell, palet: tuple[str, ...]) -> Gaya:
    fill = cell.fill
    isian = warna(fill.fgColor, palet) if fill is not None and fill.fill_type else ""
    inden = int(cell.alignment.indent or 0) if cell.alignment is not None else 0
    return Gaya(isian, bool(cell.font is not None and cell.font.b), inden or inden_teks(cell.value))


def lembar_dari_worksheet(
    berkas: str, ws: Worksheet, tema: bytes | None = None, gabungan: tuple[str, ...] = ()
) -> Lembar:
    """Copy an openpyxl worksheet into a :class:`Lembar`; ``tema`` is the workbook's theme
    part, to resolve theme fill colours. The extent is that of the non-empty values.

    ``gabungan``: merged ranges taken out of the sheet's XML before openpyxl loaded it
    (:mod:`kinerja_report.read.gabungan`); their cells other than the top-left lose their
    value, as openpyxl's merging does, before every range is flattened."""
    from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

    values, gaya = _isi_dan_gaya(ws, palet_tema(tema))
    rentang = ws.merged_cells.ranges
    if gabungan:
        rentang = MultiCellRange([*rentang, *(CellRange(ref) for ref in gabungan)]).ranges
        for merged in rentang:
            for sel in _sel_dalam(merged, values):
                if sel != (merged.min_row, merged.min_col):
                    values.pop(sel, None)
                    gaya.pop(sel, None)
    jumlah_baris = max((r for r, _ in values), default=0)
    jumlah_kolom = max((c for _, c in values), default=0)
    asal: dict[tuple[int, int], tuple[int, int]] = {}
    for merged in rentang:
        top = (merged.min_row, merged.min_col)
        value = values.get(top)
        for row_no in range(merged.min_row, min(merged.max_row, jumlah_baris) + 1):
            for col_no in range(merged.min_col, min(merged.max_col, jumlah_kolom) + 1):
                if (row_no, col_no) == top:
                    continue
                asal[(row_no, col_no)] = top
                if value is not None:
                    values[(row_no, col_no)] = value
    hidden = frozenset(int(index) for index, dim in ws.row_dimensions.items() if dim.hidden)
    return Lembar(berkas, ws.title, values, asal, hidden, jumlah_baris, jumlah_kolom, gaya_sel=gaya)


def _sel_dalam(rentang: CellRange, values: dict[tuple[int, int], object]) -> list[tuple[int, int]]:
    """The cells of ``rentang`` that may hold a value: its own cells, or, for a range larger
    than the sheet's values, the values that lie in it."""
    luas = (rentang.max_row - rentang.min_row + 1) * (rentang.max_col - rentang.min_col + 1)
    if luas <= len(values):
        return list(rentang.cells)
    return [
        (r, c)
        for r, c in values
        if rentang.min_row <= r <= rentang.max_row and rentang.min_col <= c <= rentang.max_col
    ]


def _isi_dan_gaya(
    ws: Worksheet, palet: tuple[str, ...]
) -> tuple[dict[tuple[int, int], object], dict[tuple[int, int], Gaya]]:
    """The non-empty values of the stored cells, and the format of the text cells."""
    values: dict[tuple[int, int], object] = {}
    gaya: dict[tuple[int, int], Gaya] = {}
    for cell in sel_tersimpan(ws):
        value: object = teks_sel(cell.value) if isinstance(cell.value, str) else cell.value
        key = (int(cell.row or 0), int(cell.column or 0))
        if key[1] > MAX_KOLOM or value is None or (isinstance(value, str) and not value.strip()):
            continue
        if isinstance(value, str) and (found := _gaya(cell, palet)) != TANPA_GAYA:
            gaya[key] = found
        values[key] = value
    return values, gaya
