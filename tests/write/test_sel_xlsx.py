"""The shortcuts of :mod:`kinerja_report.write.sel_xlsx` write what openpyxl's plain way
writes: styles through the per-workbook memo (:func:`beri_gaya`) and merges without the
pass that changes nothing (:func:`gabung_sel`)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.worksheet import Worksheet

from kinerja_report.write.sel_xlsx import Gaya, beri_gaya, gabung_sel

_TIPIS = Side(style="thin")
_TEBAL = Gaya(font=Font(bold=True))
_MIRING = Gaya(font=Font(italic=True))
_KOTAK = Gaya(border=Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS))
_KIRI = Gaya(alignment=Alignment(horizontal="left", wrap_text=True))
_KEPALA = Gaya(
    font=Font(bold=True),
    fill=PatternFill("solid", fgColor="DDDDDD"),
    border=Border(bottom=_TIPIS),
    alignment=Alignment(horizontal="center"),
    number_format="#,##0.00",
    protection=Protection(locked=False),
)
_ANGKA = Gaya(number_format="#,##0", alignment=Alignment(horizontal="right"))
_SEMUA = (_TEBAL, _MIRING, _KOTAK, _KIRI, _KEPALA, _ANGKA)

Penata = Callable[[Cell | MergedCell, Gaya], None]


def _biasa(sel: Cell | MergedCell, gaya: Gaya) -> None:
    """The plain way: every style assigned to the cell, hashed by openpyxl each time."""
    if gaya.font is not None:
        sel.font = gaya.font
    if gaya.fill is not None:
        sel.fill = gaya.fill
    if gaya.border is not None:
        sel.border = gaya.border
    if gaya.alignment is not None:
        sel.alignment = gaya.alignment
    if gaya.number_format is not None:
        sel.number_format = gaya.number_format
    if gaya.protection is not None:
        sel.protection = gaya.protection


def _isi(wb: Workbook, beri: Penata, urutan: tuple[Gaya, ...] = _SEMUA) -> None:
    """A sheet where each cell gets one to three styles, in an order that repeats the same
    combinations on many cells and puts one style over another."""
    ws = wb.active
    assert isinstance(ws, Worksheet)
    for r in range(1, 40):
        for c in range(1, 12):
            sel = ws.cell(row=r, column=c, value=r * c)
            beri(sel, urutan[(r + c) % len(urutan)])
            if r % 3 == 0:
                beri(sel, urutan[c % len(urutan)])
            if c % 4 == 0:
                beri(sel, urutan[(r * c) % len(urutan)])


def _isi_xml(wb: Workbook) -> dict[str, bytes]:
    """Every member of the saved workbook but the one with the clock in it."""
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as arsip:
        return {n: arsip.read(n) for n in arsip.namelist() if n != "docProps/core.xml"}


def test_beri_gaya_menulis_seperti_cara_biasa() -> None:
    biasa, cepat = Workbook(), Workbook()
    _isi(biasa, _biasa)
    _isi(cepat, beri_gaya)
    assert _isi_xml(cepat) == _isi_xml(biasa)


def test_gaya_berbeda_tetap_berbeda() -> None:
    wb = Workbook()
    _isi(wb, beri_gaya)
    ws = load_workbook(io.BytesIO(_simpan(wb))).active
    assert isinstance(ws, Worksheet)
    # row 1, columns 5-10: the six styles in their order (and a border over column 8's)
    tebal, miring, kotak, kiri, kepala, angka = (ws.cell(1, c) for c in (5, 6, 7, 8, 9, 10))
    assert tebal.font.b
    assert not tebal.font.i
    assert miring.font.i
    assert not miring.font.b
    assert kotak.border.left.style == "thin"
    assert kotak.border.bottom.style == "thin"
    assert kotak.font.b is False
    assert kotak.alignment.horizontal is None
    assert kiri.alignment.horizontal == "left"
    assert kiri.alignment.wrap_text
    assert kepala.font.b
    assert kepala.fill.fgColor.rgb == "00DDDDDD"
    assert kepala.border.left is None
    assert kepala.border.bottom.style == "thin"
    assert kepala.number_format == "#,##0.00"
    assert kepala.protection.locked is False
    assert angka.number_format == "#,##0"
    assert angka.alignment.horizontal == "right"
    assert angka.protection.locked is True
    assert angka.font.b is False


def test_gaya_di_atas_gaya_lain_sama_dengan_cara_biasa() -> None:
    """A style put over another (bold over a border, a border over a header) keeps what
    the plain way keeps."""
    for urutan in ((_KOTAK, _TEBAL), (_TEBAL, _KOTAK), (_KEPALA, _KOTAK, _MIRING)):
        biasa, cepat = Workbook(), Workbook()
        for wb, beri in ((biasa, _biasa), (cepat, beri_gaya)):
            ws = wb.active
            assert isinstance(ws, Worksheet)
            for r in range(1, 6):
                for gaya in urutan:
                    beri(ws.cell(r, 1, "x"), gaya)
        assert _isi_xml(cepat) == _isi_xml(biasa)


def test_memo_milik_satu_workbook() -> None:
    """Style indices belong to a workbook: a second workbook that meets the styles in
    another order gets its own indices, as the plain way gives them."""
    pertama = Workbook()
    _isi(pertama, beri_gaya)
    terbalik = tuple(reversed(_SEMUA))
    biasa, cepat = Workbook(), Workbook()
    _isi(biasa, _biasa, terbalik)
    _isi(cepat, beri_gaya, terbalik)
    assert _isi_xml(cepat) == _isi_xml(biasa)
    assert _isi_xml(cepat) != _isi_xml(pertama)


def _simpan(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _gabungan(wb: Workbook, gabung: Callable[[Worksheet, int, int, int, int], None]) -> None:
    """Merges as our writers make them (fresh cells, then styled), and the cases openpyxl's
    pass is for: a first cell with a border or an unlocked protection, a last cell that
    already has a border, a range whose other cells held values."""
    ws = wb.active
    assert isinstance(ws, Worksheet)
    gabung(ws, 1, 1, 1, 6)
    ws.cell(1, 1, "judul")
    gabung(ws, 2, 1, 4, 1)
    gabung(ws, 2, 2, 3, 3)
    for row in ws.iter_rows(min_row=1, max_row=4, max_col=6):
        for sel in row:
            _biasa(sel, _KEPALA)
    ws.cell(6, 1, "berbingkai")
    _biasa(ws.cell(6, 1), _KOTAK)
    gabung(ws, 6, 1, 6, 4)
    ws.cell(7, 1).protection = Protection(locked=False)
    gabung(ws, 7, 1, 8, 3)
    _biasa(ws.cell(9, 5), _KOTAK)
    gabung(ws, 9, 1, 9, 5)
    for c in range(1, 5):
        ws.cell(10, c, c)
    gabung(ws, 10, 1, 10, 4)


def test_gabung_sel_sama_dengan_merge_cells() -> None:
    def merge_cells(ws: Worksheet, r1: int, c1: int, r2: int, c2: int) -> None:
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

    biasa, cepat = Workbook(), Workbook()
    _gabungan(biasa, merge_cells)
    _gabungan(cepat, gabung_sel)
    assert _isi_xml(cepat) == _isi_xml(biasa)
    ws = load_workbook(io.BytesIO(_simpan(cepat))).active
    assert isinstance(ws, Worksheet)
    assert {str(r) for r in ws.merged_cells.ranges} == {
        "A1:F1", "A2:A4", "B2:C3", "A6:D6", "A7:C8", "A9:E9", "A10:D10"
    }  # fmt: skip
    assert ws["A1"].value == "judul"
    assert ws["B10"].value is None
    assert ws["D6"].border.right.style == "thin"  # the first cell's border on the edge
    assert ws["C8"].protection.locked is False  # the first cell's protection on every cell
