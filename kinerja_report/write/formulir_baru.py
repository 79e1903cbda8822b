"""Next year's E.81 workbook for one OPD (``kinerja template``).

The form is laid out as the OPDs fill it (and as :mod:`kinerja_report.read` reads it): title
block, header rows 6-8 with the K/Rp sub-columns, the column-number row 9 with the form's own
captions, data from row 10 (columns A-AB), then the average and predikat rows, the narrative
rows and the signature block. Pre-filled from last year's rows when known: sasaran, kode,
programme/kegiatan, indicator, satuan, the Renstra end target (column 6) and the realisation
up to last year (column 7).

* Columns 13, 14 and 15 are live formulas (``13 = 9 + 10 + 11 + 12``, ``14 = 7 + 13``,
  ``15 = 14 / 6 x 100``) and locked; so are the title and header rows. The sheet is protected
  without a password: the lock prevents slips, not determined edits.
* Every K and Rp cell to fill accepts numbers only (Excel's data validation, stop style, an
  Indonesian message).
* Every text is written as text (:mod:`kinerja_report.write.sel_xlsx`): a name or an
  indicator starting with ``=`` never becomes a formula.
* A sheet "Petunjuk Pengisian" explains in Indonesian how to fill it; the reader skips it.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from kinerja_report.compute.formulir import LABEL_NARASI
from kinerja_report.read.folder import LEMBAR_PETUNJUK
from kinerja_report.write.sel_xlsx import isi_sel

BARIS_DATA = 10
BARIS_KOSONG = 15
"""Empty rows offered when there is nothing to pre-fill (or after the pre-filled rows: 5)."""

_TIPIS = Side(style="thin")
_KOTAK = Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS)
_TENGAH = Alignment(horizontal="center", vertical="center", wrap_text=True)
_ATAS = Alignment(vertical="top", wrap_text=True)
_RUMUS = PatternFill("solid", fgColor="EDEDED")
_ISIAN = Protection(locked=False)
_KOLOM_ISIAN_ANGKA = tuple(get_column_letter(c) for c in range(7, 21))  # G..T: columns 6-12
_KOLOM_RP = frozenset("HJLNPRTVXZ")


@dataclass(frozen=True)
class BarisTemplat:
    """One pre-filled row: what the form says before the OPD fills the year's numbers."""

    kode: str = ""
    uraian: str = ""
    sasaran: str = ""
    indikator: str = ""
    satuan: str = ""
    program: bool = False
    lanjutan: bool = False
    """A further indicator of the row above: No, Kode and Uraian stay empty."""
    target_akhir: float | None = None
    target_akhir_rp: float | None = None
    realisasi_lalu: float | None = None
    realisasi_lalu_rp: float | None = None
    unit: str = ""


@dataclass(frozen=True)
class Penanda:
    """The head of the OPD who signs the form (empty: dotted lines to fill)."""

    jabatan: str = ""
    nama: str = ""
    nip: str = ""
    pangkat: str = ""


@dataclass(frozen=True)
class FormulirBaru:
    opd: str
    tahun: int
    daerah: str
    """'KABUPATEN KEPAHIANG' as the title line names it."""
    tempat: str
    tahun_akhir: int
    baris: tuple[BarisTemplat, ...]
    penanda: Penanda = Penanda()


def gabung(ws: Worksheet, rentang: str, nilai: object, tebal: bool = True) -> None:
    awal, _, akhir = rentang.partition(":")
    if akhir and akhir != awal:
        ws.merge_cells(rentang)
    sel = ws[awal]
    isi_sel(sel, nilai)
    sel.font, sel.alignment = Font(bold=tebal), _TENGAH


def _kepala(ws: Worksheet, f: FormulirBaru) -> None:
    judul = (
        "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH",
        f.daerah,
        f"Perangkat Daerah : {f.opd}",
        f"Periode Pelaksanaan : Triwulan I s.d. IV Tahun {f.tahun}",
    )
    for r, teks in enumerate(judul, start=1):
        gabung(ws, f"A{r}:AB{r}", teks)
    tunggal = {
        "A": "No",
        "B": "Sasaran",
        "C": "Kode",
        "D": "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
        "E": "Indikator Kinerja Program (Outcome)/Kegiatan (Output)",
        "F": "Satuan",
        "AA": "Unit Perangkat Daerah Penanggung Jawab",
        "AB": "Keterangan",
    }
    kelompok = {
        "G:H": f"Target Kinerja dan Anggaran Renstra Perangkat Daerah pada Tahun {f.tahun_akhir} "
        "(Akhir Periode Renstra PD)",
        "I:J": "Realisasi Capaian Kinerja dan Anggaran Renstra Perangkat Daerah s.d. Renja "
        f"Perangkat Daerah Tahun Lalu ({f.tahun - 1})",
        "K:L": f"Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan ({f.tahun}) "
        "yang Dievaluasi",
        "U:V": "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi",
        "W:X": f"Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s.d. Tahun {f.tahun}",
        "Y:Z": "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah s.d. "
        f"Tahun {f.tahun} (%)",
    }
    for kol, teks in tunggal.items():
        gabung(ws, f"{kol}6:{kol}8", teks)
    for kols, teks in kelompok.items():
        kiri, kanan = kols.split(":")
        gabung(ws, f"{kiri}6:{kanan}7", teks)
    gabung(ws, "M6:T6", "Realisasi Kinerja Pada Triwulan")
    for i, romawi in enumerate(("I", "II", "III", "IV")):
        gabung(ws, f"{get_column_letter(13 + 2 * i)}7:{get_column_letter(14 + 2 * i)}7", romawi)
    for c in range(7, 27):
        ws.cell(8, c, "K" if c % 2 else "Rp")
    nomor: dict[str, int | str] = {
        "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "G": 6, "I": 7, "K": 8, "M": 9, "O": 10,
        "Q": 11, "S": 12, "U": "13 = 9 + 10 + 11 + 12", "W": "14 = 7 + 13",
        "Y": "15 = 14 / 6 x 100", "AA": 16, "AB": 17,
    }  # fmt: skip
    for kol, isi in nomor.items():
        ws[f"{kol}9"] = isi
    for row in ws["A6:AB9"]:
        for sel in row:
            sel.font, sel.alignment, sel.border = Font(bold=True), _TENGAH, _KOTAK


def _rumus(ws: Worksheet, r: int) -> None:
    """Columns 13, 14 and 15 of row ``r`` as live formulas."""
    ws[f"U{r}"] = f"=M{r}+O{r}+Q{r}+S{r}"
    ws[f"V{r}"] = f"=N{r}+P{r}+R{r}+T{r}"
    ws[f"W{r}"] = f"=I{r}+U{r}"
    ws[f"X{r}"] = f"=J{r}+V{r}"
    ws[f"Y{r}"] = f'=IF(N(G{r})=0,"-",W{r}/G{r}*100)'
    ws[f"Z{r}"] = f'=IF(N(H{r})=0,"-",X{r}/H{r}*100)'
    for kol in "UVWXYZ":
        ws[f"{kol}{r}"].fill = _RUMUS
        ws[f"{kol}{r}"].number_format = "#,##0" if kol in _KOLOM_RP else "#,##0.00"


def _data(ws: Worksheet, baris: Sequence[BarisTemplat]) -> int:
    """Write the rows; returns the number of rows used (pre-filled and empty)."""
    nomor = 0
    semua = [*baris, *([BarisTemplat()] * (5 if baris else BARIS_KOSONG))]
    for i, item in enumerate(semua):
        r = BARIS_DATA + i
        if item.indikator and not item.lanjutan:
            nomor += 1
            ws[f"A{r}"] = nomor
            isi_sel(ws[f"C{r}"], item.kode or None)
            isi_sel(ws[f"D{r}"], item.uraian or None)
            ws[f"D{r}"].font = Font(bold=item.program)
        isi_sel(ws[f"B{r}"], (item.sasaran or None) if not item.lanjutan else None)
        isi_sel(ws[f"E{r}"], item.indikator or None)
        isi_sel(ws[f"F{r}"], item.satuan or None)
        isi_sel(ws[f"AA{r}"], item.unit or None)
        isian = {
            "G": item.target_akhir,
            "H": item.target_akhir_rp,
            "I": item.realisasi_lalu,
            "J": item.realisasi_lalu_rp,
        }
        for kol, nilai in isian.items():
            ws[f"{kol}{r}"] = nilai
        for kol in _KOLOM_ISIAN_ANGKA:
            ws[f"{kol}{r}"].number_format = "#,##0" if kol in _KOLOM_RP else "#,##0.##"
        _rumus(ws, r)
        for c in range(1, 29):
            sel = ws.cell(r, c)
            sel.border, sel.alignment = _KOTAK, _ATAS
            if not 21 <= c <= 26:  # U..Z: the formulas stay locked
                sel.protection = _ISIAN
    return len(semua)


def validasi_angka(pesan: str) -> DataValidation:
    """Excel's check that a cell holds a number (stop style, ``pesan`` in Indonesian)."""
    return DataValidation(
        type="decimal",
        operator="between",
        formula1="-1000000000000000",
        formula2="1000000000000000",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle="Harus angka",
        error=pesan,
        showInputMessage=True,
        promptTitle="Angka",
        prompt="Angka saja (koma desimal mengikuti pengaturan Excel).",
    )


def _validasi(ws: Worksheet, awal: int, akhir: int) -> None:
    """Numbers only in the K and Rp cells to fill (columns 6-12)."""
    dv = validasi_angka(
        "Isi sel ini dengan angka saja, tanpa teks, 'Rp' atau '%'. Kosongkan bila tidak ada "
        "realisasi; tulis penjelasan di kolom Keterangan."
    )
    dv.add(f"G{awal}:T{akhir}")
    ws.add_data_validation(dv)


NARASI = tuple(f"{label}:" for _, label in LABEL_NARASI)


def _penutup(ws: Worksheet, r: int, f: FormulirBaru) -> None:
    """Average and predikat rows, narrative rows to fill, and the signature block."""
    ws[f"D{r}"] = "Rata-rata capaian kinerja (%)"
    ws[f"D{r + 1}"] = "Predikat kinerja"
    for i, label in enumerate(NARASI, start=r + 2):
        ws[f"D{i}"] = label
        ws.merge_cells(f"E{i}:T{i}")
        ws[f"E{i}"].alignment, ws[f"E{i}"].protection = _ATAS, _ISIAN
    for baris in (r, r + 1):
        ws[f"Y{baris}"].protection = _ISIAN
    p = f.penanda
    titik = "...................................."
    ttd = {
        r + 7: f"{f.tempat}, {titik} {f.tahun + 1}",
        r + 8: p.jabatan or f"Kepala {f.opd}",
        r + 12: p.nama or f"( {titik} )",
        r + 13: p.pangkat or None,
        r + 14: f"NIP. {p.nip}" if p.nip else f"NIP. {titik}",
    }
    for baris, teks in ttd.items():
        gabung(ws, f"U{baris}:Z{baris}", teks, tebal=baris == r + 12)
        ws[f"U{baris}"].protection = _ISIAN


PETUNJUK = (
    "PETUNJUK PENGISIAN FORMULIR EVALUASI HASIL RENJA PERANGKAT DAERAH (E.81)",
    "",
    "1. Isi lembar formulir (lembar pertama); jangan mengubah judul, baris judul kolom dan "
    "nomor kolom.",
    "2. Kolom 8 (K dan Rp): target kinerja dan anggaran Renja tahun ini, dari Renja/DPA.",
    "3. Kolom 9 sampai 12: realisasi kinerja (K) dan anggaran (Rp) setiap triwulan, bukan "
    "kumulatif. Triwulan yang belum berjalan dibiarkan kosong.",
    "4. Sel K dan Rp hanya menerima angka: tanpa teks, tanpa 'Rp', tanpa '%'. Bila tidak ada "
    "realisasi, kosongkan sel dan jelaskan di kolom 17 (Keterangan).",
    "5. Kolom 13, 14 dan 15 (berwarna abu-abu) dihitung otomatis oleh rumus dan terkunci: "
    "13 = 9 + 10 + 11 + 12, 14 = 7 + 13, 15 = 14 / 6 x 100.",
    "6. Kolom 6 (target akhir periode Renstra) dan 7 (realisasi s.d. tahun lalu) sudah diisi "
    "dari data tahun lalu bila tersedia; periksa dan perbaiki bila berbeda dengan Renstra.",
    "7. Indikator tambahan untuk program/kegiatan yang sama ditulis di baris berikutnya dengan "
    "kolom No, Kode dan Uraian dikosongkan.",
    "8. Baris kosong di bawah tabel boleh dipakai untuk indikator baru; baris yang tidak "
    "dipakai biarkan kosong.",
    "9. Isi faktor pendorong, penghambat dan tindak lanjut di bawah tabel, lalu tanggal, nama "
    "dan NIP Kepala Perangkat Daerah pada blok tanda tangan.",
    "10. Simpan sebagai .xlsx (Excel Workbook) dan kirimkan ke Bappeda. Jangan menyimpan "
    "sebagai .xls, .ods atau PDF.",
    "",
    "Perlindungan lembar tanpa kata sandi hanya mencegah salah ketik pada judul dan rumus.",
)


def lembar_petunjuk(wb: Workbook, petunjuk: Sequence[str] = PETUNJUK) -> None:
    """The sheet 'Petunjuk Pengisian' (the reader skips it): one paragraph per row."""
    ws = wb.create_sheet(LEMBAR_PETUNJUK)
    ws.column_dimensions["A"].width = 110
    for r, teks in enumerate(petunjuk, start=1):
        ws.cell(r, 1, teks or None).alignment = Alignment(wrap_text=True, vertical="top")
    ws["A1"].font = Font(bold=True)


def workbook_e81(f: FormulirBaru) -> bytes:
    """The workbook's bytes."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"E.81 {f.tahun}"
    _kepala(ws, f)
    jumlah = _data(ws, f.baris)
    _validasi(ws, BARIS_DATA, BARIS_DATA + jumlah - 1)
    _penutup(ws, BARIS_DATA + jumlah + 1, f)
    lebar = {"A": 5, "B": 26, "C": 19, "D": 42, "E": 42, "F": 11, "AA": 22, "AB": 28}
    for c in range(1, 29):
        kol = get_column_letter(c)
        ws.column_dimensions[kol].width = lebar.get(kol, 16 if kol in _KOLOM_RP else 11)
    ws.row_dimensions[6].height = 80
    ws.freeze_panes = "A10"
    ws.page_setup.orientation = "landscape"
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    lembar_petunjuk(wb)
    wb.properties.creator = "kinerja-report"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def tulis_berkas(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a temporary file beside it, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(prefix=".sementara-", suffix=".xlsx", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(sementara).replace(path)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
