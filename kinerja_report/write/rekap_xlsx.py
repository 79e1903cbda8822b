"""rekap.xlsx for people: one sheet per level, number formats, frozen header, filters.

Every text cell is written as text (an inline string), so no text from a workbook can become
a live formula, whatever it starts with ('=', '+', '-', '@').
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from kinerja_report.compute.aggregate import Agregat
from kinerja_report.compute.ipm import HasilIpm
from kinerja_report.compute.ipm_series import IpmTahunan
from kinerja_report.compute.peringatan import BarisPeringatan, PeringatanDini, PeringatanOpd
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.compute.verifikasi import CatatanVerifikasi, Temuan
from kinerja_report.model import Nilai, TingkatIndikator
from kinerja_report.write.sel_xlsx import Gaya, beri_gaya, isi_sel

FORMAT_ANGKA = "#,##0.##"
FORMAT_PERSEN = "#,##0.00"
FORMAT_RUPIAH = "#,##0"
_TETAP = datetime(2000, 1, 1)


@dataclass(frozen=True)
class Kolom:
    judul: str
    nilai: Callable[[Any], object]
    format: str = ""
    lebar: int = 14
    bungkus: bool = False
    """Long text wrapped in its column (the row grows), top-aligned."""


def _nilai(nilai: Nilai) -> object:
    return nilai.angka if nilai.angka is not None else (nilai.teks or None)


KOLOM_BARIS = [
    Kolom("Tahun", lambda r: r.tahun, "0", 7),
    Kolom("Perangkat Daerah", lambda r: r.opd, lebar=30),
    Kolom("Kode", lambda r: r.kode, lebar=18),
    Kolom("Program/Kegiatan/Sasaran", lambda r: r.uraian, lebar=36),
    Kolom("Indikator", lambda r: r.indikator, lebar=40),
    Kolom("Satuan", lambda r: r.satuan, lebar=12),
    Kolom("Polaritas", lambda r: r.polaritas.value, lebar=10),
    Kolom("Target", lambda r: _nilai(r.target), FORMAT_ANGKA),
    Kolom("Realisasi", lambda r: _nilai(r.realisasi), FORMAT_ANGKA),
    Kolom("Capaian (%)", lambda r: r.capaian.persen, FORMAT_PERSEN, 11),
    Kolom("Kategori", lambda r: r.kategori, lebar=14),
    Kolom("Capaian TW I (%)", lambda r: r.capaian_sampai(1), FORMAT_PERSEN, 11),
    Kolom("Capaian TW II (%)", lambda r: r.capaian_sampai(2), FORMAT_PERSEN, 11),
    Kolom("Capaian TW III (%)", lambda r: r.capaian_sampai(3), FORMAT_PERSEN, 11),
    Kolom("Capaian TW IV (%)", lambda r: r.capaian_sampai(4), FORMAT_PERSEN, 11),
    Kolom("Pagu (Rp)", lambda r: r.target_rp.angka, FORMAT_RUPIAH, 16),
    Kolom("Realisasi Anggaran (Rp)", lambda r: r.realisasi_rp.angka, FORMAT_RUPIAH, 16),
    Kolom("Serapan (%)", lambda r: r.serapan, FORMAT_PERSEN, 11),
    Kolom("Efisiensi", lambda r: r.efisiensi, lebar=14),
    Kolom("Tahun Akhir Periode", lambda r: r.tahun_akhir, "0", lebar=10),
    Kolom("Target Akhir Periode", lambda r: _nilai(r.target_akhir), FORMAT_ANGKA),
    Kolom("Realisasi s.d. Tahun Ini", lambda r: r.kemajuan.realisasi_sd, FORMAT_ANGKA),
    Kolom("Capaian s.d. Tahun Ini (%)", lambda r: r.kemajuan.capaian_sd, FORMAT_PERSEN),
    Kolom("Proyeksi Akhir Periode", lambda r: r.kemajuan.proyeksi, FORMAT_ANGKA),
    Kolom("Status Akhir Periode", lambda r: r.kemajuan.status, lebar=14),
    Kolom("Rumus", lambda r: r.rumus, lebar=50),
    Kolom("Sumber Realisasi", lambda r: str(r.realisasi.sumber or ""), lebar=45),
    Kolom("Sumber Target", lambda r: str(r.target.sumber or ""), lebar=45),
]


BarisVerifikasi = tuple[CatatanVerifikasi, int, Temuan | None]
"""A note, the finding's number in it (0: none) and the finding (None: 'tidak ada catatan')."""
KOLOM_VERIFIKASI = [
    Kolom("Tahun", lambda b: b[0].tahun, "0", 7),
    Kolom("Perangkat Daerah", lambda b: b[0].opd, lebar=30),
    Kolom("Status", lambda b: b[0].status, lebar=22),
    Kolom("No", lambda b: b[1] or None, "0", 5),
    Kolom("Lembar", lambda b: b[2].lembar if b[2] else "", lebar=16),
    Kolom("Sel", lambda b: b[2].sel if b[2] else "", lebar=8),
    Kolom("Isian Perangkat Daerah", lambda b: b[2].isian if b[2] else "", lebar=18),
    Kolom(
        "Mengapa diragukan",
        lambda b: b[2].alasan if b[2] else "tidak ada catatan",
        lebar=70,
    ),
    Kolom("Yang perlu diperbaiki", lambda b: b[2].perbaikan if b[2] else "", lebar=50),
    Kolom("Kode", lambda b: b[2].kode if b[2] else "", lebar=24),
    Kolom("Berkas", lambda b: b[0].berkas, lebar=40),
]


BarisDini = tuple[PeringatanDini, PeringatanOpd, str, BarisPeringatan]
"""A quarter's warnings, the OPD, 'Kinerja' or 'Anggaran', and the row measured."""
KOLOM_PERINGATAN = [
    Kolom("Tahun", lambda b: b[0].tahun, "0", 7),
    Kolom("Triwulan", lambda b: b[0].triwulan, "0", 8),
    Kolom("Perangkat Daerah", lambda b: b[1].opd, lebar=30),
    Kolom("Jenis", lambda b: b[2], lebar=10),
    Kolom("Program/Kegiatan", lambda b: b[3].uraian, lebar=36),
    Kolom("Indikator", lambda b: b[3].indikator, lebar=40),
    Kolom("Satuan", lambda b: b[3].satuan, lebar=12),
    Kolom("Rencana s.d. Triwulan", lambda b: _nilai(b[3].rencana), FORMAT_ANGKA, 16),
    Kolom("Realisasi s.d. Triwulan", lambda b: _nilai(b[3].realisasi), FORMAT_ANGKA, 16),
    Kolom("Capaian thd. Rencana (%)", lambda b: b[3].capaian, FORMAT_PERSEN, 12),
    Kolom("Deviasi (poin)", lambda b: b[3].deviasi, FORMAT_PERSEN, 11),
    Kolom("Status", lambda b: "tertinggal" if b[3].tertinggal else "sesuai rencana", lebar=14),
    Kolom("Sumber Rencana", lambda b: str(b[3].rencana.sumber or ""), lebar=45),
    Kolom("Sumber Realisasi", lambda b: str(b[3].realisasi.sumber or ""), lebar=45),
]


def baris_peringatan(daftar: Iterable[PeringatanDini]) -> list[BarisDini]:
    """Every row measured against its plan, in the order of the PDF (furthest behind first)."""
    return [
        (item, opd, jenis, row)
        for item in daftar
        for opd in item.opd
        for jenis, rows in (("Kinerja", opd.kinerja), ("Anggaran", opd.anggaran))
        for row in rows
    ]


def baris_verifikasi(daftar: Iterable[CatatanVerifikasi]) -> list[BarisVerifikasi]:
    """One row per finding of every note; one 'tidak ada catatan' row for a note without."""
    rows: list[BarisVerifikasi] = []
    for catatan in daftar:
        if not catatan.temuan:
            rows.append((catatan, 0, None))
        rows.extend((catatan, i, t) for i, t in enumerate(catatan.temuan, start=1))
    return rows


def _hasil(fn: Callable[[HasilIpm], float | str]) -> Callable[[IpmTahunan], object]:
    return lambda year: fn(year.hasil) if year.hasil is not None else None


def _kontribusi(key: str) -> Callable[[IpmTahunan], object]:
    return lambda year: year.kontribusi[key] if year.kontribusi else None


KOLOM_IPM = [
    Kolom("Tahun", lambda y: y.komponen.tahun, "0", 7),
    Kolom("Seri BPS", lambda y: y.komponen.seri, lebar=9),
    Kolom("UHH (tahun)", lambda y: y.komponen.uhh.angka, FORMAT_PERSEN, 10),
    Kolom("HLS (tahun)", lambda y: y.komponen.hls.angka, FORMAT_PERSEN, 10),
    Kolom("RLS (tahun)", lambda y: y.komponen.rls.angka, FORMAT_PERSEN, 10),
    Kolom("Pengeluaran (ribu Rp)", lambda y: y.komponen.pengeluaran.angka, FORMAT_RUPIAH, 14),
    Kolom("Indeks Kesehatan", _hasil(lambda h: h.indeks_kesehatan), "0.0000", 11),
    Kolom("Indeks Pendidikan", _hasil(lambda h: h.indeks_pendidikan), "0.0000", 11),
    Kolom("Indeks Pengeluaran", _hasil(lambda h: h.indeks_pengeluaran), "0.0000", 11),
    Kolom("IPM", _hasil(lambda h: h.ipm_dibulatkan), FORMAT_PERSEN, 9),
    Kolom("Status", _hasil(lambda h: h.status), lebar=12),
    Kolom("Perubahan (poin)", lambda y: y.perubahan, "0.0000", 11),
    Kolom("Kontribusi Kesehatan", _kontribusi("kesehatan"), "0.0000", 12),
    Kolom("Kontribusi Pendidikan", _kontribusi("pendidikan"), "0.0000", 12),
    Kolom("Kontribusi Pengeluaran", _kontribusi("pengeluaran"), "0.0000", 12),
    Kolom("Sumber", lambda y: str(y.komponen.uhh.sumber or ""), lebar=45),
]


def _jumlah_kategori(index: int) -> Callable[[Agregat], int]:
    return lambda agregat: agregat.jumlah_kategori[index][1]


def kolom_agregat(judul_kelompok: str, labels: Sequence[str]) -> list[Kolom]:
    return [
        Kolom("Tahun", lambda a: a.tahun, "0", 7),
        Kolom("Perangkat Daerah", lambda a: a.opd, lebar=30),
        Kolom(judul_kelompok, lambda a: a.kelompok, lebar=45),
        Kolom("Jumlah Indikator", lambda a: a.jumlah_indikator, "0", 10),
        Kolom("Terhitung", lambda a: a.jumlah_terhitung, "0", 10),
        Kolom("Rata-rata Capaian (%)", lambda a: a.rata_rata, FORMAT_PERSEN, 12),
        Kolom("Kategori", lambda a: a.kategori, lebar=14),
        *[Kolom(label, _jumlah_kategori(i), "0", 10) for i, label in enumerate(labels)],
        Kolom("Pagu Program (Rp)", lambda a: a.pagu, FORMAT_RUPIAH, 18),
        Kolom("Realisasi Anggaran (Rp)", lambda a: a.realisasi_anggaran, FORMAT_RUPIAH, 18),
        Kolom("Serapan (%)", lambda a: a.serapan, FORMAT_PERSEN, 11),
    ]


@dataclass(frozen=True)
class Lembar:
    nama: str
    kolom: Sequence[Kolom]
    baris: Sequence[object]


def lembar_rekap(
    labels: Sequence[str],
    baris_daerah: Iterable[BarisCapaian],
    baris_opd: Iterable[BarisCapaian],
    per_opd: Sequence[Agregat],
    per_sasaran: Sequence[Agregat],
    per_tujuan: Sequence[Agregat],
    ipm: Sequence[IpmTahunan] = (),
    verifikasi: Sequence[CatatanVerifikasi] = (),
    peringatan: Sequence[PeringatanDini] = (),
) -> list[Lembar]:
    """The sheets of rekap.xlsx, in order ('Verifikasi': the verification notes; 'Peringatan
    Dini': every indicator and budget against its Rencana Aksi)."""
    opd_rows = list(baris_opd)
    by_level = [
        ("Program", TingkatIndikator.PROGRAM),
        ("Kegiatan", TingkatIndikator.KEGIATAN),
        ("Sub Kegiatan", TingkatIndikator.SUB_KEGIATAN),
    ]
    known = {level for _, level in by_level}
    sheets = [
        Lembar("Ringkasan OPD", kolom_agregat("Keterangan", labels), per_opd),
        Lembar("Daerah (RPJMD)", KOLOM_BARIS, list(baris_daerah)),
        Lembar("Per Tujuan RPJMD", kolom_agregat("Tujuan", labels), per_tujuan),
        Lembar("Per Sasaran OPD", kolom_agregat("Sasaran", labels), per_sasaran),
        *[
            Lembar(name, KOLOM_BARIS, [r for r in opd_rows if r.tingkat is lvl])
            for name, lvl in by_level
        ],
    ]
    other = [r for r in opd_rows if r.tingkat not in known]
    if other:
        sheets.append(Lembar("Lainnya", KOLOM_BARIS, other))
    if ipm:
        sheets.append(Lembar("IPM", KOLOM_IPM, list(ipm)))
    if verifikasi:
        sheets.append(Lembar("Verifikasi", KOLOM_VERIFIKASI, baris_verifikasi(verifikasi)))
    if peringatan:
        sheets.append(Lembar("Peringatan Dini", KOLOM_PERINGATAN, baris_peringatan(peringatan)))
    return sheets


def rekap_xlsx(sheets: Sequence[Lembar]) -> bytes:
    """rekap.xlsx as bytes, with fixed document dates (same input, same content)."""
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    wb.properties.creator = "kinerja-report"
    wb.properties.created = wb.properties.modified = _TETAP
    for sheet in sheets:
        _isi_lembar(wb.create_sheet(sheet.nama[:31]), sheet)
    return simpan_tetap(wb)


def simpan_tetap(wb: Workbook, ubah: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """``wb``'s bytes, the same for the same content (:func:`_zip_tetap`, ``ubah`` as there).

    openpyxl's ``wb.save`` without its compression: the members are stored as they are and
    compressed once, by :func:`_zip_tetap` (which would inflate them again otherwise)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True) as arsip:
        ExcelWriter(wb, arsip).write_data()
    return _zip_tetap(buffer.getvalue(), ubah)


def _zip_tetap(data: bytes, ubah: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """The same workbook with fixed member dates and a fixed 'modified' stamp (openpyxl
    writes the clock into both), so the same input gives the same bytes; ``ubah`` (member
    name, content) may rewrite a member on the way."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if ubah is not None:
                content = ubah(info.filename, content)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, content)
    return out.getvalue()


_JUDUL = Gaya(
    font=Font(bold=True),
    fill=PatternFill("solid", fgColor="DDDDDD"),
    alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"),
)
_ATAS_BUNGKUS = Gaya(alignment=Alignment(wrap_text=True, vertical="top"))
_ATAS = Gaya(alignment=Alignment(vertical="top"))


def _isi_lembar(ws: Worksheet, sheet: Lembar) -> None:
    for col, kolom in enumerate(sheet.kolom, start=1):
        beri_gaya(ws.cell(row=1, column=col, value=kolom.judul), _JUDUL)
        ws.column_dimensions[get_column_letter(col)].width = kolom.lebar
    bungkus = any(kolom.bungkus for kolom in sheet.kolom)
    for r, item in enumerate(sheet.baris, start=2):
        baris_teks = 1
        for col, kolom in enumerate(sheet.kolom, start=1):
            nilai = kolom.nilai(item)
            _tulis_sel(ws, r, col, nilai, kolom.format)
            if kolom.bungkus:
                baris_teks = max(baris_teks, _jumlah_baris(nilai, kolom.lebar))
            if bungkus:  # a sheet of wrapped texts reads from the top of every row
                beri_gaya(ws.cell(row=r, column=col), _ATAS_BUNGKUS if kolom.bungkus else _ATAS)
        if baris_teks > 1:  # neither Excel nor LibreOffice grows a row a program wrote
            ws.row_dimensions[r].height = 15 * baris_teks
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.kolom))}{max(1, len(sheet.baris) + 1)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"


def _jumlah_baris(nilai: object, lebar: int) -> int:
    """How many lines a wrapped text takes in a column ``lebar`` characters wide."""
    if not isinstance(nilai, str) or not nilai:
        return 1
    per_baris = max(1, int(lebar * 1.1))
    return sum(max(1, -(-len(bagian) // per_baris)) for bagian in nilai.split("\n"))


def _tulis_sel(ws: Worksheet, row: int, col: int, value: object, number_format: str) -> None:
    if value is None or value == "":
        return
    cell = ws.cell(row=row, column=col)
    isi_sel(cell, value)
    if isinstance(value, str):
        return
    if number_format == FORMAT_ANGKA and isinstance(value, int | float):
        # whole numbers without a dangling separator, others with their decimals
        cell.number_format = "#,##0" if float(value).is_integer() else "#,##0.0###"
    elif number_format:
        cell.number_format = number_format
