"""The E.81 evaluation (``<tahun>/evaluasi/<opd>.xlsx``) and the regency's evaluation
(``<tahun>/evaluasi-rkpd.xlsx``) as Excel workbooks in the form's own layout, beside their PDFs.

The workbook only formats what :mod:`kinerja_report.compute.formulir` and
:mod:`kinerja_report.compute.rkpd` computed, column by column as the PDF templates print it:
the title and identity lines, the two-row merged header with the form's captions, the K/Rp
sub-header and the column numbers (1-19), one row per indicator with each numbered column's
K and Rp side by side (as the OPDs' own forms have them), the footer and the signature blocks.

* The budget totals are live formulas, ``SUM`` over the rows the footer sums
  (:func:`~kinerja_report.compute.formulir.baris_anggaran`, the one rule), written with their
  value cached, so a reader that does not recalculate shows the PDF's total too; averages and
  predikat are the computed values.
* Every text from a workbook goes through :func:`~kinerja_report.write.sel_xlsx.isi_sel`: an
  indicator typed ``=HYPERLINK(...)`` stays text.
* Printable: F4 (Folio) or A4 landscape as the settings say, fit to one page wide, header
  rows repeated on every page.
* Same input, same bytes: fixed document dates (as rekap.xlsx).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kinerja_report.compute.formulir import (
    BarisFormulir,
    FormulirE81,
    KRp,
    Persen,
    TandaTangan,
    baris_anggaran,
    desimal_isian,
)
from kinerja_report.compute.perjanjian import jabatan_tanda_tangan
from kinerja_report.compute.report import LaporanOpd
from kinerja_report.compute.rkpd import EvaluasiRkpd
from kinerja_report.model import Nilai
from kinerja_report.read.signatories import format_nip
from kinerja_report.settings import Daerah
from kinerja_report.write.rekap_xlsx import _TETAP, simpan_tetap
from kinerja_report.write.sel_xlsx import Gaya, beri_gaya, gabung_sel, isi_sel, nomor_font

FORMAT_RUPIAH = "#,##0"
FORMAT_PERSEN = "#,##0.00"
KERTAS_EXCEL = {"F4": 14, "A4": 9}
"""Excel's paper codes: 14 is Folio (8,5 x 13 inci, 215,9 x 330,2 mm), the F4 of Indonesian
offices; 9 is A4."""

_TIPIS = Side(style="thin")
_GARIS_KOTAK = Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS)
_RATA_TENGAH = Alignment(horizontal="center", vertical="center", wrap_text=True)
_ISI_KEPALA = PatternFill("solid", fgColor="DDDDDD")
_ISI_KAKI = PatternFill("solid", fgColor="F2F2F2")
_HURUF_TEBAL = Font(bold=True)
_TENGAH = Gaya(alignment=_RATA_TENGAH)
_KIRI = Gaya(alignment=Alignment(horizontal="left", vertical="top", wrap_text=True))
_KANAN = Gaya(alignment=Alignment(horizontal="right", vertical="top"))
_TEBAL = Gaya(font=_HURUF_TEBAL)
_KOTAK = Gaya(border=_GARIS_KOTAK)
_KEPALA = Gaya(font=_HURUF_TEBAL, fill=_ISI_KEPALA, border=_GARIS_KOTAK, alignment=_RATA_TENGAH)
_KAKI = Gaya(fill=_ISI_KAKI, border=_GARIS_KOTAK)
_KAKI_TEBAL = Gaya(font=_HURUF_TEBAL, fill=_ISI_KAKI, border=_GARIS_KOTAK)
_JUMLAH_TEBAL = Gaya(font=_HURUF_TEBAL, fill=_ISI_KAKI)

KOLOM_AKHIR = 31
"""Columns A-AE: 1-5, Satuan, the K/Rp pairs of 6-15, 16, 17, the pair of 18, and 19."""
_PASANGAN = {6: 7, 7: 9, 8: 11, 9: 13, 10: 15, 11: 17, 12: 19, 13: 21, 14: 23, 15: 25, 18: 29}
"""The first (K) column of each numbered column with a K/Rp pair; Rp is the next one."""
_TUNGGAL = {1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 16: 27, 17: 28, 19: 31}
_SATUAN = 6
_LEBAR = {1: 5, 2: 22, 3: 17, 4: 30, 5: 30, 6: 10, 27: 16, 28: 18, 31: 13}
_LEBAR_K, _LEBAR_RP = 9, 17


def _kolom(nomor: int, rp: bool = False) -> str:
    return get_column_letter(_PASANGAN[nomor] + (1 if rp else 0))


@dataclass
class _Lembar:
    """A sheet being written and the cached value of each formula written in it."""

    ws: Worksheet
    cache: dict[str, float]


def _tulis(
    ws: Worksheet,
    r: int,
    c: int,
    nilai: object,
    format_angka: str = "",
    gaya: Gaya | None = None,
) -> None:
    cell = ws.cell(row=r, column=c)
    if nilai is not None and nilai != "":
        isi_sel(cell, nilai)
        if format_angka and isinstance(nilai, int | float):
            cell.number_format = format_angka
    if gaya is not None:
        beri_gaya(cell, gaya)


def _gabung(
    ws: Worksheet,
    r1: int,
    c1: int,
    r2: int,
    c2: int,
    nilai: object,
    rata: Gaya = _KIRI,
    tebal: bool = False,
) -> None:
    """Merge the cells ``(r1, c1)``-``(r2, c2)`` and write ``nilai`` (a text as text),
    aligned as ``rata`` says."""
    if (r1, c1) != (r2, c2):
        gabung_sel(ws, r1, c1, r2, c2)
    cell = ws.cell(row=r1, column=c1)
    isi_sel(cell, nilai)
    beri_gaya(cell, rata)
    if tebal:
        beri_gaya(cell, _TEBAL)


def _kotak(ws: Worksheet, r1: int, r2: int, c2: int = KOLOM_AKHIR) -> None:
    for row in ws.iter_rows(min_row=r1, max_row=r2, max_col=c2):
        for cell in row:
            beri_gaya(cell, _KOTAK)


# --- the cells of one row ----------------------------------------------------------------------


def _k(nilai: Nilai) -> tuple[object, str]:
    """A K value as the PDF prints it: the number with the decimals it was entered with,
    the text as written, '-' for a dash."""
    if nilai.angka is not None:
        places = desimal_isian(nilai.angka)
        return nilai.angka, FORMAT_RUPIAH + ("." + "0" * places if places else "")
    if nilai.teks is not None:
        return nilai.teks, ""
    return ("-" if nilai.strip else None), ""


def _rp(nilai: Nilai) -> tuple[object, str]:
    if nilai.angka is not None:
        return nilai.angka, FORMAT_RUPIAH
    return ("-" if nilai.strip else None), ""


def _pasangan(ws: Worksheet, r: int, nomor: int, pasangan: KRp) -> None:
    c = _PASANGAN[nomor]
    for offset, (nilai, fmt) in enumerate((_k(pasangan.k), _rp(pasangan.rp))):
        _tulis(ws, r, c + offset, nilai, fmt, _KANAN if nilai != "-" else _TENGAH)


def _persen(ws: Worksheet, r: int, c: int, persen: Persen) -> None:
    """A pair of percentages: K (or 'Tercapai' for an ordinal indicator) and Rp."""
    k: object = persen.k_teks or persen.k
    _tulis(ws, r, c, k, FORMAT_PERSEN, _KANAN if persen.k_teks == "" else _TENGAH)
    _tulis(ws, r, c + 1, persen.rp, FORMAT_PERSEN, _KANAN)


def _baris(ws: Worksheet, r: int, b: BarisFormulir) -> None:
    """One indicator row as the template's ``baris`` macro prints it."""
    _tulis(ws, r, 1, b.no, "0", _TENGAH)
    if b.rentang_sasaran:
        _gabung(ws, r, 2, r + b.rentang_sasaran - 1, 2, b.sasaran or None)
    if not b.lanjutan:
        _tulis(ws, r, 3, b.kode, gaya=_KIRI)
        _tulis(ws, r, 4, b.uraian, gaya=_KIRI)
        if b.tingkat.value == "program":
            beri_gaya(ws.cell(row=r, column=4), _TEBAL)
    _tulis(ws, r, 5, b.indikator + (" *)" if b.negatif else ""), gaya=_KIRI)
    _tulis(ws, r, _SATUAN, b.satuan, gaya=_TENGAH)
    _pasangan(ws, r, 6, b.target_renstra)
    _pasangan(ws, r, 7, b.realisasi_lalu)
    _pasangan(ws, r, 8, b.target)
    for i, tw in enumerate(b.triwulan):
        _pasangan(ws, r, 9 + i, tw)
    _pasangan(ws, r, 13, b.realisasi)
    _pasangan(ws, r, 14, b.realisasi_renstra)
    _persen(ws, r, _PASANGAN[15], b.capaian_renstra)
    _tulis(ws, r, _TUNGGAL[16], b.penanggung_jawab, gaya=_KIRI)
    _tulis(ws, r, _TUNGGAL[17], b.keterangan, gaya=_KIRI)
    _persen(ws, r, _PASANGAN[18], b.capaian)
    _tulis(ws, r, _TUNGGAL[19], b.predikat, gaya=_TENGAH)
    _tinggi(ws, r)


def _lebar(c: int) -> float:
    if c in _LEBAR:
        return _LEBAR[c]
    return _LEBAR_RP if any(c == k + 1 for k in _PASANGAN.values()) else _LEBAR_K


def _tinggi(ws: Worksheet, r: int, lewati: int = 2) -> None:
    """Row ``r`` as tall as its longest wrapped text (neither Excel nor LibreOffice grows a
    row for a text written by a program); column ``lewati`` (the merged sasaran) aside."""
    lines = 1
    for cell in ws[r]:
        if isinstance(cell.value, str) and cell.column != lewati and cell.column:
            per_line = max(1, int(_lebar(cell.column) * (0.85 if cell.font.b else 1.0)))
            lines = max(lines, -(-len(cell.value) // per_line))
    if lines > 1:
        ws.row_dimensions[r].height = 13 * lines


# --- header and footer -------------------------------------------------------------------------


def _kepala(ws: Worksheet, r: int, judul: dict[int, str], triwulan: int) -> int:
    """The header at row ``r``: captions (two rows), K/Rp, column numbers; returns the
    first data row."""
    tetap = {
        1: "No",
        3: "Kode",
        4: "Urusan/ Bidang Urusan Pemerintahan Daerah dan Program/ Kegiatan/ Sub Kegiatan",
        5: "Indikator Kinerja Program (Outcome)/ Kegiatan (Output)",
        17: "Keterangan",
        19: "Predikat Kinerja",
    }
    for nomor, c in _TUNGGAL.items():
        _gabung(ws, r, c, r + 2, c, tetap.get(nomor) or judul[nomor], rata=_TENGAH)
        ws.cell(row=r + 3, column=c).value = nomor
    _gabung(ws, r, _SATUAN, r + 2, _SATUAN, "Satuan", rata=_TENGAH)
    for nomor, c in _PASANGAN.items():
        if 9 <= nomor <= 12:
            romawi = ("I", "II", "III", "IV")[nomor - 9]
            _gabung(ws, r + 1, c, r + 1, c + 1, romawi, rata=_TENGAH)
        else:
            _gabung(ws, r, c, r + 1, c + 1, judul[nomor], rata=_TENGAH)
        ws.cell(row=r + 2, column=c).value = "K"
        ws.cell(row=r + 2, column=c + 1).value = "Rp"
        nomor_kolom = {
            13: "13 = " + " + ".join(str(n) for n in range(9, 9 + triwulan)),
            14: "14 = 7 + 13",
            15: "15 = 14 / 6 x 100",
            18: "18 = 13 / 8 x 100",
        }.get(nomor, nomor)
        _gabung(ws, r + 3, c, r + 3, c + 1, nomor_kolom, rata=_TENGAH)
    _gabung(ws, r, 13, r, 20, "Realisasi Kinerja pada Triwulan", rata=_TENGAH)
    for row in ws.iter_rows(min_row=r, max_row=r + 3, max_col=KOLOM_AKHIR):
        for cell in row:
            beri_gaya(cell, _KEPALA)
    ws.row_dimensions[r].height = 30
    ws.row_dimensions[r + 1].height = 75
    ws.print_title_rows = f"{r}:{r + 3}"
    return r + 4


def _jumlah(baris: Sequence[int], kolom: str) -> str:
    """``SUM`` over the rows ``baris`` of ``kolom``, consecutive rows as one range (and at
    most 255 arguments per SUM, Excel's limit)."""
    runs: list[str] = []
    start = prev = None
    for row in [*sorted(baris), None]:
        if row is not None and prev is not None and row == prev + 1:
            prev = row
            continue
        if start is not None:
            runs.append(f"{kolom}{start}" if start == prev else f"{kolom}{start}:{kolom}{prev}")
        start = prev = row
    chunks = [runs[i : i + 255] for i in range(0, len(runs), 255)]
    return "=" + "+".join(f"SUM({','.join(chunk)})" for chunk in chunks)


def _kaki(
    lembar: _Lembar,
    r: int,
    jumlah_rp: Sequence[float | None],
    dijumlah: Sequence[int] | None,
    rata_rata: tuple[Persen, Persen],
    predikat: tuple[tuple[str, str], tuple[str, str]],
    keterangan_rata: str,
) -> int:
    """The footer rows from ``r``: the budget of columns 6-14 (``SUM`` over the rows
    ``dijumlah``; None: the computed totals as values), the averages of columns 15 and 18
    and their predikat; returns the row after it."""
    ws = lembar.ws
    _gabung(ws, r, 1, r, _SATUAN, "Jumlah anggaran (Rp)", tebal=True)
    for nomor, total in zip(range(6, 15), jumlah_rp, strict=True):
        c = _PASANGAN[nomor] + 1
        ref = f"{get_column_letter(c)}{r}"
        if total is None:
            continue
        if dijumlah:
            ws[ref] = _jumlah(dijumlah, get_column_letter(c))
            lembar.cache[ref] = total
        else:
            ws[ref] = total
        ws[ref].number_format = FORMAT_RUPIAH
        beri_gaya(ws[ref], _TEBAL)
    renstra, renja = rata_rata
    _gabung(ws, r + 1, 1, r + 1, 24, keterangan_rata, tebal=True)
    _persen(ws, r + 1, _PASANGAN[15], renstra)
    _persen(ws, r + 1, _PASANGAN[18], renja)
    _gabung(ws, r + 2, 1, r + 2, 24, "Predikat kinerja", tebal=True)
    for c, (k, rp) in ((_PASANGAN[15], predikat[0]), (_PASANGAN[18], predikat[1])):
        _tulis(ws, r + 2, c, k, gaya=_TENGAH)
        _tulis(ws, r + 2, c + 1, rp, gaya=_TENGAH)
    ws.row_dimensions[r + 2].height = 26
    for row in ws.iter_rows(min_row=r, max_row=r + 2, max_col=KOLOM_AKHIR):
        for cell in row:
            beri_gaya(cell, _KAKI_TEBAL if (cell.column or 0) > 6 else _KAKI)
    return r + 3


def _keterangan_rata(renja: Persen, renstra: Persen, satuan: str = "indikator") -> str:
    teks = f"Rata-rata capaian kinerja dan anggaran (%): rata-rata {renja.dasar} {satuan}"
    if renstra.dasar and renstra.dasar != renja.dasar:
        teks += f" (kolom 15: {renstra.dasar})"
    return teks


def _tanda_tangan(ws: Worksheet, r: int, c1: int, c2: int, tempat: str, blok: TandaTangan) -> int:
    """A signature block in columns ``c1``-``c2`` from row ``r``; returns the row after it."""
    p = blok.penandatangan
    lines: list[tuple[str, bool]] = [
        (tempat, False),
        (blok.label, False),
        (jabatan_tanda_tangan(blok.jabatan), True),
        ("", False),
        ("", False),
        ("", False),
    ]
    if p is not None:
        lines.append((p.nama, True))
        if p.pangkat:
            lines.append((p.pangkat, False))
        if p.nip:
            lines.append((f"NIP. {format_nip(p.nip)}", False))
    else:
        lines += [("(……………………………………………)", False), ("NIP. ……………………………", False)]
    lebar = sum(ws.column_dimensions[get_column_letter(c)].width or 9 for c in range(c1, c2 + 1))
    for i, (teks, tebal) in enumerate(lines):
        if teks:
            _gabung(ws, r + i, c1, r + i, c2, teks, rata=_TENGAH, tebal=tebal)
            baris = -(-len(teks) // max(1, int(lebar * 0.9)))
            if baris > 1:
                ws.row_dimensions[r + i].height = 13 * baris
    return r + len(lines)


def _judul(ws: Worksheet, r: int, baris: Sequence[tuple[str, bool]], c2: int = KOLOM_AKHIR) -> int:
    for i, (teks, tebal) in enumerate(baris):
        _gabung(ws, r + i, 1, r + i, c2, teks, tebal=tebal)
        ws.row_dimensions[r + i].height = 16
    return r + len(baris)


def _cetak(ws: Worksheet, kertas: str, kolom_akhir: int = KOLOM_AKHIR) -> None:
    """F4/A4 landscape, one page wide, narrow margins; column widths that show the numbers."""
    ws.page_setup.paperSize = KERTAS_EXCEL.get(kertas, KERTAS_EXCEL["F4"])
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.3
    ws.page_margins.top = 0.4
    ws.page_margins.bottom = 0.5
    ws.page_margins.header = ws.page_margins.footer = 0.2
    kaki = ws.oddFooter
    if kaki is not None:
        kaki.right.text = "Halaman &P dari &N"
        kaki.right.size = 7
    ws.print_area = f"A1:{get_column_letter(kolom_akhir)}{ws.max_row}"


def _lebar_e81(ws: Worksheet) -> None:
    for c in range(1, KOLOM_AKHIR + 1):
        ws.column_dimensions[get_column_letter(c)].width = _lebar(c)


HURUF = "Arial"
"""The typeface of every cell, as in the PDFs (Liberation Sans has Arial's metrics):
LibreOffice has no Calibri, openpyxl's default, and would set the form in a serif face."""


def _huruf(lembar: Sequence[_Lembar]) -> None:
    """Every written cell in :data:`HURUF`, keeping its weight and size: each font of the
    workbook (by its index) looked at once, its :data:`HURUF` twin given through
    :func:`beri_gaya` (a font made per cell was a third of the time of writing a form)."""
    kembaran: dict[int, Gaya | None] = {}
    for item in lembar:
        for row in item.ws.iter_rows():
            for cell in row:
                nomor = nomor_font(cell)
                if nomor not in kembaran:
                    font = cell.font
                    kembar = Font(name=HURUF, bold=font.b, sz=font.sz)
                    kembaran[nomor] = Gaya(font=kembar) if font.name != HURUF else None
                gaya = kembaran[nomor]
                if gaya is not None:
                    beri_gaya(cell, gaya)


def _simpan(wb: Workbook, lembar: Sequence[_Lembar]) -> bytes:
    """The workbook's bytes: fixed dates, each formula with its value cached."""
    _huruf(lembar)
    wb.properties.creator = "kinerja-report"
    wb.properties.created = wb.properties.modified = _TETAP
    wb.calculation.fullCalcOnLoad = True
    caches = {f"xl/worksheets/sheet{i}.xml": item.cache for i, item in enumerate(lembar, 1)}

    def _isi_cache(nama: str, isi: bytes) -> bytes:
        cache = caches.get(nama)
        for ref, value in (cache or {}).items():
            pola = rb'(<c r="' + ref.encode() + rb'"[^>]*><f>[^<]*</f><v>)(</v>)'
            isi = re.sub(pola, rb"\g<1>" + repr(float(value)).encode() + rb"\g<2>", isi)
        return isi

    return simpan_tetap(wb, _isi_cache)


# --- the two workbooks -------------------------------------------------------------------------

_SD = ("", " s.d. Triwulan I", " s.d. Triwulan II", " s.d. Triwulan III", "")
_BULAN_TW = {
    1: "Triwulan I",
    2: "Triwulan I s.d. II",
    3: "Triwulan I s.d. III",
    4: "Triwulan I s.d. IV",
}


def formulir_xlsx(laporan: LaporanOpd, kertas: str = "F4") -> bytes:
    """Form E.81 of one OPD-year as the PDF ``<tahun>/evaluasi/<opd>.pdf`` prints it."""
    f = laporan.formulir
    if f is None:
        raise ValueError(f"laporan {laporan.opd} {laporan.tahun} tanpa formulir E.81")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"E.81 {f.tahun}"
    lembar = _Lembar(ws, {})
    wilayah = laporan.daerah.nama_lengkap
    sd = _SD[f.triwulan] if f.sebagian else ""
    periode = f"{_BULAN_TW[f.triwulan]} Tahun {f.tahun}"
    if f.sebagian:
        periode += " (evaluasi triwulan, bukan hasil setahun)"
    r = _judul(
        ws,
        1,
        [
            ("Formulir E.81", False),
            ("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH"
             + (f" LINGKUP {wilayah.upper()}" if wilayah else ""), True),
            (f"Perangkat Daerah : {laporan.opd}", False),
            (f"Periode pelaksanaan : {periode}", False),
        ],
    )  # fmt: skip
    akhir = f.tahun_akhir or "…"
    judul = {
        2: "Sasaran",
        6: f"Target Renstra PD pada Tahun {akhir} (Akhir Periode Renstra PD)",
        7: f"Realisasi Capaian Kinerja Renstra PD s.d. Renja PD Tahun Lalu ({f.tahun - 1})",
        8: f"Target Kinerja dan Anggaran Renja PD Tahun Berjalan ({f.tahun}) yang Dievaluasi",
        13: f"Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi{sd}",
        14: f"Realisasi Kinerja dan Anggaran Renstra PD s.d. Tahun {f.tahun}{sd}",
        15: f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s.d. Tahun {f.tahun} (%)",
        16: "Unit PD Penanggung Jawab",
        18: f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Tahun {f.tahun}{sd} (%)",
    }
    awal = r = _kepala(ws, r + 1, judul, f.triwulan)
    nomor_baris: dict[int, int] = {}
    for b in f.baris:
        _baris(ws, r, b)
        nomor_baris[id(b)] = r
        r += 1
    _kotak(ws, awal, r - 1)
    dijumlah = [nomor_baris[id(b)] for b in baris_anggaran(f.baris)]
    r = _kaki(
        lembar,
        r,
        f.jumlah_rp,
        dijumlah,
        (f.rata_rata_renstra, f.rata_rata_renja),
        (f.predikat_renstra, f.predikat_renja),
        _keterangan_rata(f.rata_rata_renja, f.rata_rata_renstra),
    )
    r = _narasi(ws, r + 1, f)
    if any(b.negatif for b in f.baris):
        _gabung(ws, r, 1, r, KOLOM_AKHIR, "*) Indikator negatif: semakin rendah semakin baik.")
        r += 1
    tempat = f.tempat or "…………………"
    _lebar_e81(ws)
    kiri = _tanda_tangan(ws, r + 1, 2, 5, f"{tempat}, {f.tanggal or '………………………'}", f.disusun)
    kanan = _tanda_tangan(ws, r + 1, 21, 28, f"{tempat}, ………………………", f.dievaluasi)
    ws.freeze_panes = ws.cell(row=awal, column=_SATUAN + 1).coordinate
    _cetak(ws, kertas)
    ws.print_area = f"A1:AE{max(kiri, kanan)}"
    return _simpan(wb, [lembar])


def _narasi(ws: Worksheet, r: int, f: FormulirE81) -> int:
    for label, isi in f.narasi.baris():
        _gabung(ws, r, 1, r, 5, label, tebal=True)
        _gabung(ws, r, 6, r, KOLOM_AKHIR, f": {isi}" if isi else ": ")
        ws.row_dimensions[r].height = max(15, 15 * (len(isi) // 220 + 1))
        r += 1
    return r


def evaluasi_rkpd_xlsx(
    r_: EvaluasiRkpd,
    laporan: Sequence[LaporanOpd],
    daerah: Daerah,
    instansi: str,
    kertas: str = "F4",
) -> bytes:
    """The regency's evaluation of one year as ``<tahun>/evaluasi-rkpd.pdf`` prints it: sheet
    'A. Program' (the programmes by RPJMD sasaran) and 'B. Perangkat Daerah' (a row per
    OPD, the signature). ``laporan``: the OPDs' reports, whose footer rows the column 6-14
    totals sum (when they are all programme rows here; else the totals are written as
    values)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "A. Program"
    a = _Lembar(ws, {})
    wilayah = daerah.nama_lengkap
    upper = f" {wilayah.upper()}" if wilayah else ""
    judul_atas = f"{r_.judul}{upper} TAHUN {r_.tahun}"
    periode = f"Periode pelaksanaan : {r_.periode}"
    cakupan = f"Perangkat daerah : {r_.cakupan}"
    identitas = [(instansi, False), (judul_atas, True), (periode, False), (cakupan, False)]
    r = _judul(ws, 1, [*identitas, ("A. Capaian program menurut sasaran RPJMD", True)])
    akhir = r_.tahun_akhir or "…"
    judul = {
        2: "Sasaran RPJMD",
        6: f"Target Kinerja dan Anggaran pada Tahun {akhir} (Akhir Periode)",
        7: f"Realisasi Capaian Kinerja s.d. Tahun Lalu ({r_.tahun - 1})",
        8: f"Target Kinerja dan Anggaran RKPD Tahun Berjalan ({r_.tahun}) yang Dievaluasi",
        13: "Realisasi Capaian Kinerja dan Anggaran RKPD yang Dievaluasi",
        14: f"Realisasi Kinerja dan Anggaran s.d. Tahun {r_.tahun}",
        15: f"Tingkat Capaian Kinerja dan Realisasi Anggaran s.d. Tahun {r_.tahun} (%)",
        16: "Perangkat Daerah Penanggung Jawab",
        18: f"Tingkat Capaian Kinerja dan Realisasi Anggaran RKPD Tahun {r_.tahun} (%)",
    }
    awal = r = _kepala(ws, r, judul, 4)
    nomor_baris: dict[int, int] = {}
    for kelompok in r_.kelompok:
        for b in kelompok.baris:
            _baris(ws, r, b)
            nomor_baris[id(b.baris)] = r
            r += 1
    _kotak(ws, awal, r - 1)
    simpul = [
        id(node.baris)
        for lap in laporan
        if lap.tahun == r_.tahun and lap.formulir is not None
        for node in baris_anggaran(lap.formulir.baris)
    ]
    dijumlah = [nomor_baris[n] for n in simpul if n in nomor_baris]
    _kaki(
        a,
        r,
        r_.jumlah_rp,
        dijumlah if simpul and len(dijumlah) == len(simpul) else None,
        (r_.rata_rata_renstra, r_.rata_rata_renja),
        (r_.predikat_renstra, r_.predikat_renja),
        _keterangan_rata(r_.rata_rata_renja, r_.rata_rata_renstra, "indikator program"),
    )
    _lebar_e81(ws)
    ws.freeze_panes = ws.cell(row=awal, column=_SATUAN + 1).coordinate
    _cetak(ws, kertas)
    per_opd = _Lembar(wb.create_sheet("B. Perangkat Daerah"), {})
    _per_opd(per_opd, r_, identitas, kertas)
    return _simpan(wb, [a, per_opd])


def _kepala_per_opd(ws: Worksheet, r: int, labels: Sequence[str]) -> None:
    """Part B's two header rows from row ``r``."""
    n = len(labels)
    tunggal = {
        1: "No",
        2: "Perangkat Daerah",
        5: "Rata-rata capaian kinerja (%), semua indikator",
        6: "Predikat",
        7 + n: "Pagu (Rp)",
        8 + n: "Realisasi (Rp)",
        9 + n: "Serapan (%)",
    }
    for c, teks in tunggal.items():
        _gabung(ws, r, c, r + 1, c, teks, rata=_TENGAH)
    _gabung(ws, r, 3, r, 4, "Jumlah indikator", rata=_TENGAH)
    ws.cell(row=r + 1, column=3).value = "semua"
    ws.cell(row=r + 1, column=4).value = "dinilai"
    _gabung(ws, r, 7, r, 6 + n, "Jumlah indikator per predikat", rata=_TENGAH)
    for i, label in enumerate(labels):
        isi_sel(ws.cell(row=r + 1, column=7 + i), label)
    for row in ws.iter_rows(min_row=r, max_row=r + 1, max_col=9 + n):
        for cell in row:
            beri_gaya(cell, _KEPALA)
    ws.row_dimensions[r].height = 30
    ws.row_dimensions[r + 1].height = 42


def _per_opd(
    lembar: _Lembar, r_: EvaluasiRkpd, identitas: list[tuple[str, bool]], kertas: str
) -> None:
    """Part B: a row per OPD, the totals (live SUMs) and the 'Dievaluasi' block."""
    ws = lembar.ws
    labels = r_.label_kategori
    n = len(labels)
    akhir = 9 + n
    r = _judul(
        ws, 1, [*identitas, ("B. Capaian kinerja dan anggaran per perangkat daerah", True)], akhir
    )
    _kepala_per_opd(ws, r, labels)
    ws.print_title_rows = f"{r}:{r + 1}"
    awal = r = r + 2
    for i, o in enumerate(r_.opd, start=1):
        _tulis(ws, r, 1, i, "0", _TENGAH)
        _tulis(ws, r, 2, o.opd, gaya=_KIRI)
        _tulis(ws, r, 3, o.jumlah_indikator, "0", _KANAN)
        _tulis(ws, r, 4, o.jumlah_dinilai, "0", _KANAN)
        _tulis(ws, r, 5, o.rata_rata, FORMAT_PERSEN, _KANAN)
        _tulis(ws, r, 6, o.predikat, gaya=_TENGAH)
        jumlah = dict(o.jumlah_kategori)
        for j, label in enumerate(labels):
            _tulis(ws, r, 7 + j, jumlah.get(label, 0), "0", _KANAN)
        _tulis(ws, r, 7 + n, o.pagu, FORMAT_RUPIAH, _KANAN)
        _tulis(ws, r, 8 + n, o.realisasi, FORMAT_RUPIAH, _KANAN)
        _tulis(ws, r, 9 + n, o.serapan, FORMAT_PERSEN, _KANAN)
        r += 1
    _gabung(ws, r, 1, r, 6, "Jumlah", tebal=True)
    rows = range(awal, r)
    totals: dict[int, float] = {7 + j: v for j, v in enumerate(r_.jumlah_kategori)}
    totals |= {7 + n: r_.pagu, 8 + n: r_.realisasi}
    for c, total in totals.items():
        ref = f"{get_column_letter(c)}{r}"
        if rows:
            ws[ref] = _jumlah(rows, get_column_letter(c))
            lembar.cache[ref] = total
        else:
            ws[ref] = total
        ws[ref].number_format = "0" if c < 7 + n else FORMAT_RUPIAH
    _tulis(ws, r, 9 + n, r_.serapan, FORMAT_PERSEN, _KANAN)
    for cell in ws[r][:akhir]:
        beri_gaya(cell, _JUMLAH_TEBAL)
    _kotak(ws, awal, r, akhir)
    lebar = {1: 5, 2: 44, 3: 10, 4: 10, 5: 14, 6: 14, 7 + n: 19, 8 + n: 19, 9 + n: 11}
    for c in range(1, akhir + 1):
        ws.column_dimensions[get_column_letter(c)].width = lebar.get(c, 11)
    ttd = _tanda_tangan(ws, r + 2, 7, akhir, f"{r_.tempat or '…………………'}, ………………………", r_.dievaluasi)
    ws.freeze_panes = ws.cell(row=awal, column=3).coordinate
    _cetak(ws, kertas, akhir)
    ws.print_area = f"A1:{get_column_letter(akhir)}{ttd}"
