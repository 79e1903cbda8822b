"""A sheet as a grid of values with merged cells flattened and hidden rows known.

openpyxl keeps a merged range's value only in its top-left cell; readers here see that
value in every cell of the range (so a vertically merged 'Sasaran' carries down), and
:meth:`Lembar.sumber` names the top-left cell, where the value really is.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils.cell import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kinerja_report.model import Sumber

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
        row, col = self.asal.get((baris, kolom), (baris, kolom))
        return f"{get_column_letter(col)}{row}"

    def sumber(self, baris: int, kolom: int) -> Sumber:
        return Sumber(self.berkas, self.nama, self.alamat(baris, kolom))


def lembar_dari_worksheet(berkas: str, ws: Worksheet) -> Lembar:
    """Copy an openpyxl worksheet into a :class:`Lembar`.

    Only the cells stored in the file are visited (a single formatted cell at row 1.000.000
    must not make us walk a million empty rows); the extent is that of the non-empty values.
    """
    values: dict[tuple[int, int], object] = {}
    for (row_no, col_no), cell in ws._cells.items():  # openpyxl keeps stored cells here
        value: object = cell.value
        if col_no > MAX_KOLOM or value is None:
            continue
        if isinstance(value, str) and not value.strip():
            continue
        values[(row_no, col_no)] = value
    jumlah_baris = max((r for r, _ in values), default=0)
    jumlah_kolom = max((c for _, c in values), default=0)
    asal: dict[tuple[int, int], tuple[int, int]] = {}
    for merged in ws.merged_cells.ranges:
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
    return Lembar(berkas, ws.title, values, asal, hidden, jumlah_baris, jumlah_kolom)
