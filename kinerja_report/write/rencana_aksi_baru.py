"""An OPD's Rencana Aksi workbook to fill (``kinerja template --rencana-aksi``).

Laid out as :mod:`kinerja_report.read.rencana_aksi` reads it: a title block naming the year
and the OPD, header rows 6-7 (No | Sasaran | Indikator Kinerja | Satuan | Target Tahun |
Target Triwulan I-IV | Rencana Anggaran per Triwulan I-IV | Sifat Target | Keterangan), data
from row 8. Pre-filled from the OPD's Perjanjian Kinerja: sasaran, indicator, unit and the
year's target; the quarterly cells are empty for the OPD to fill. 'Sifat Target' says per row
whether its quarterly values are cumulative (the default written) or per quarter (a list to
choose from). Quarterly cells accept numbers only; every text is written as text
(:mod:`kinerja_report.write.sel_xlsx`). A sheet "Petunjuk Pengisian" explains it; the reader
skips it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from kinerja_report.write.formulir_baru import gabung, lembar_petunjuk, validasi_angka
from kinerja_report.write.sel_xlsx import isi_sel

BARIS_DATA = 8
BARIS_KOSONG = 5
"""Empty rows offered below the pre-filled ones (for indicators the PK lacks)."""
KUMULATIF = "Kumulatif"
PER_TRIWULAN = "Per Triwulan"
ROMAWI = ("I", "II", "III", "IV")

_TIPIS = Side(style="thin")
_KOTAK = Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS)
_ATAS = Alignment(vertical="top", wrap_text=True)


@dataclass(frozen=True)
class BarisRencana:
    """One PK indicator: what the form says before the OPD fills the quarters."""

    sasaran: str = ""
    indikator: str = ""
    satuan: str = ""
    target: float | str | None = None


@dataclass(frozen=True)
class RencanaAksiBaru:
    opd: str
    tahun: int
    daerah: str
    """'KABUPATEN KEPAHIANG' as the title line names it."""
    baris: tuple[BarisRencana, ...]


def _kepala(ws: Worksheet, f: RencanaAksiBaru) -> None:
    judul = (
        f"RENCANA AKSI PERJANJIAN KINERJA TAHUN {f.tahun}",
        f"PEMERINTAH {f.daerah}",
        f"Perangkat Daerah : {f.opd}",
        "Isi target dan rencana anggaran setiap triwulan; kolom Sifat Target menyatakan "
        "apakah nilainya kumulatif (s.d. triwulan) atau per triwulan",
    )
    for r, teks in enumerate(judul, start=1):
        gabung(ws, f"A{r}:P{r}", teks, tebal=r < 4)
    tunggal = {
        "A": "No",
        "B": "Sasaran",
        "C": "Indikator Kinerja",
        "D": "Satuan",
        "E": f"Target Tahun {f.tahun}",
        "O": "Sifat Target",
        "P": "Keterangan",
    }
    for kol, teks in tunggal.items():
        gabung(ws, f"{kol}6:{kol}7", teks)
    gabung(ws, "F6:I6", "Target Triwulan")
    gabung(ws, "J6:M6", "Rencana Anggaran per Triwulan (Rp)")
    gabung(ws, "N6:N7", "Pagu Anggaran (Rp)")
    for i, romawi in enumerate(ROMAWI):
        gabung(ws, f"{get_column_letter(6 + i)}7", romawi)
        gabung(ws, f"{get_column_letter(10 + i)}7", romawi)
    for row in ws["A6:P7"]:
        for sel in row:
            sel.border = _KOTAK


def _data(ws: Worksheet, baris: Sequence[BarisRencana]) -> int:
    semua = [*baris, *([BarisRencana()] * BARIS_KOSONG)]
    for i, item in enumerate(semua):
        r = BARIS_DATA + i
        if item.indikator:
            ws[f"A{r}"] = i + 1
        isi_sel(ws[f"B{r}"], item.sasaran or None)
        isi_sel(ws[f"C{r}"], item.indikator or None)
        isi_sel(ws[f"D{r}"], item.satuan or None)
        isi_sel(ws[f"E{r}"], item.target)
        isi_sel(ws[f"O{r}"], KUMULATIF if item.indikator else None)
        for c in range(5, 15):
            ws.cell(r, c).number_format = "#,##0" if c >= 10 else "#,##0.##"
        for c in range(1, 17):
            ws.cell(r, c).border, ws.cell(r, c).alignment = _KOTAK, _ATAS
    return len(semua)


def _validasi(ws: Worksheet, awal: int, akhir: int) -> None:
    """Numbers only in the target and budget cells; 'Sifat Target' from a list."""
    angka = validasi_angka("Isi sel ini dengan angka saja, tanpa teks, 'Rp' atau '%'.")
    angka.add(f"F{awal}:N{akhir}")
    sifat = DataValidation(
        type="list",
        formula1=f'"{KUMULATIF},{PER_TRIWULAN}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Pilih dari daftar",
        error=f"Tulis '{KUMULATIF}' atau '{PER_TRIWULAN}'.",
    )
    sifat.add(f"O{awal}:O{akhir}")
    ws.add_data_validation(angka)
    ws.add_data_validation(sifat)


PETUNJUK = (
    "PETUNJUK PENGISIAN RENCANA AKSI PERJANJIAN KINERJA",
    "",
    "1. Indikator, satuan dan target tahun diambil dari Perjanjian Kinerja; periksa dan "
    "perbaiki bila berbeda. Nama indikator harus sama dengan nama di formulir E.81.",
    "2. Target Triwulan I-IV: target kinerja setiap triwulan. Rencana Anggaran per Triwulan: "
    "rencana penarikan anggaran (rupiah penuh) setiap triwulan, bila ada.",
    f"3. Sifat Target '{KUMULATIF}': nilai triwulan adalah capaian s.d. triwulan itu (target "
    "Triwulan IV sama dengan target tahun). "
    f"'{PER_TRIWULAN}': nilai triwulan hanya untuk triwulan itu (dijumlahkan untuk indikator "
    "jumlah, diambil nilai triwulan terakhir untuk persentase, indeks atau rasio).",
    "4. Sel target dan anggaran hanya menerima angka. Baris kosong di bawah tabel boleh dipakai "
    "untuk indikator tambahan.",
    "5. Setelah Triwulan I, II dan III realisasi formulir E.81 dibandingkan dengan rencana aksi "
    "ini; indikator yang tertinggal dicantumkan dalam Peringatan Dini.",
    "6. Simpan sebagai .xlsx dan kirimkan ke Bappeda.",
)


def workbook_rencana_aksi(f: RencanaAksiBaru) -> bytes:
    """The workbook's bytes."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"Rencana Aksi {f.tahun}"
    _kepala(ws, f)
    jumlah = _data(ws, f.baris)
    _validasi(ws, BARIS_DATA, BARIS_DATA + jumlah - 1)
    lebar = {"A": 5, "B": 34, "C": 46, "D": 14, "E": 12, "N": 18, "O": 14, "P": 24}
    for c in range(1, 17):
        kol = get_column_letter(c)
        ws.column_dimensions[kol].width = lebar.get(kol, 12 if c < 10 else 16)
    ws.row_dimensions[6].height = 30
    ws.freeze_panes = f"A{BARIS_DATA}"
    ws.page_setup.orientation = "landscape"
    lembar_petunjuk(wb, PETUNJUK)
    wb.properties.creator = "kinerja-report"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
