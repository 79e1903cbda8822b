"""Comparing the workbook's own totals with ours; each mismatch is reported by cell.

Form E.81 carries its own arithmetic: 13 = 9 + 10 + 11 + 12 (K and Rp), 14 = 7 + 13,
15 = 14 / 6 x 100 (docs/formulir.md). Real files contain their own errors; showing them is a
feature. 14 = 7 + 13 holds for counts only: for a rate (percentage, index, score) the value to
date is the latest one, and a column 14 that adds the years up (Deli Serdang 2025: 100 % +
100 % = 200 %) is reported at its cell.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from kinerja_report.compute.realisasi import (
    gabung_triwulan,
    realisasi_anggaran,
    realisasi_tahunan,
)
from kinerja_report.compute.rules import Agregasi, AntarTahun, AturanCapaian
from kinerja_report.compute.semantics import SifatIndikator
from kinerja_report.compute.table import sifat_baris
from kinerja_report.formats import angka, rupiah
from kinerja_report.model import EvaluasiRenja, IndikatorRenja, Nilai
from kinerja_report.problems import Masalah, masalah_di


def _beda(a: float, b: float) -> bool:
    return not math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)


def _kolom_13(
    quarters: tuple[Nilai, ...], kolom13: Nilai, kode: str, agregasi: Agregasi
) -> list[Masalah]:
    if kolom13.angka is None or kolom13.sumber is None or all(q.angka is None for q in quarters):
        return []
    total = gabung_triwulan(quarters, Nilai(), agregasi).angka
    if total is None or not _beda(total, kolom13.angka):
        return []
    return [
        masalah_di(kode, kolom13.sumber, jumlah=angka(total, 6), kolom13=angka(kolom13.angka, 6))
    ]


def _kolom_14(row: IndikatorRenja) -> list[Masalah]:
    k7, k13, k14 = row.realisasi_lalu, row.realisasi_tahunan, row.realisasi_renstra
    if k7.angka is None or k13.angka is None or k14.angka is None or k14.sumber is None:
        return []
    total = k7.angka + k13.angka
    if not _beda(total, k14.angka):
        return []
    return [
        masalah_di(
            "realisasi-beda-kolom-14",
            k14.sumber,
            jumlah=angka(total, 6),
            kolom14=angka(k14.angka, 6),
        )
    ]


def _kolom_14_rp(row: IndikatorRenja) -> list[Masalah]:
    """Money always adds up over years: column 14 (Rp) = column 7 (Rp) + column 13 (Rp)
    (Deli Serdang 2025 AE64 '=M64+AF64', Sukabumi 2018 AB17 summing 3 of 20 kegiatan)."""
    k7, k14 = row.realisasi_lalu_rp, row.realisasi_renstra_rp
    k13 = realisasi_anggaran(row)
    if k7.angka is None or k13.angka is None or k14.angka is None or k14.sumber is None:
        return []
    total = k7.angka + k13.angka
    if not _beda(total, k14.angka) or abs(total - k14.angka) < 1:
        return []
    return [
        masalah_di(
            "anggaran-beda-kolom-14",
            k14.sumber,
            jumlah=rupiah(total),
            kolom14=rupiah(k14.angka),
        )
    ]


def _kolom_14_menjumlahkan(row: IndikatorRenja, sifat: SifatIndikator) -> list[Masalah]:
    """A rate whose column 14 is column 7 + column 13: the years were added up."""
    k7, k14 = row.realisasi_lalu, row.realisasi_renstra
    k13 = realisasi_tahunan(row, sifat.agregasi)
    if not k7.angka or k13.angka is None or k14.angka is None or k14.sumber is None:
        return []
    if _beda(k7.angka + k13.angka, k14.angka) or not _beda(k14.angka, k13.angka):
        return []
    jenis = row.satuan or "persentase/indeks"
    return [
        masalah_di(
            "kolom-14-menjumlahkan",
            k14.sumber,
            kolom14=angka(k14.angka, 4),
            jenis=f"bersatuan '{jenis}'",
            dipakai=angka(k13.angka, 4),
        )
    ]


def _kolom_15(row: IndikatorRenja) -> list[Masalah]:
    k6, k14, k15 = row.target_renstra, row.realisasi_renstra, row.capaian_renstra
    if not k6.angka or k14.angka is None or k15.angka is None or k15.sumber is None:
        return []
    hitung = k14.angka / k6.angka * 100
    # Some workbooks store the percentage as a fraction (1 = 100 %), most round it.
    stored = (k15.angka, k15.angka * 100)
    if any(math.isclose(hitung, v, rel_tol=1e-6, abs_tol=0.01) for v in stored):
        return []
    return [
        masalah_di(
            "capaian-beda-kolom-15",
            k15.sumber,
            hitung=angka(hitung, 2),
            kolom15=angka(k15.angka, 2),
        )
    ]


def sifat_bawaan(row: IndikatorRenja) -> SifatIndikator:
    """A row's meaning by the default rules (no settings, no RPJMD matrix)."""
    return sifat_baris(row, AturanCapaian(), None)


def rekonsiliasi(
    evaluasi: EvaluasiRenja, sifat: Callable[[IndikatorRenja], SifatIndikator] = sifat_bawaan
) -> list[Masalah]:
    """Every mismatch between the workbook's own totals and ours, by cell. ``sifat`` gives
    each row's meaning: column 13 is the sum of the quarters only for cumulative indicators
    (for the others the last quarter or the mean); 14 = 7 + 13 only for indicators whose
    years add up; money always adds up."""
    problems = []
    for row in evaluasi.indikator:
        arti = sifat(row)
        cara = arti.agregasi
        problems += _kolom_13(row.triwulan, row.realisasi_tahunan, "realisasi-beda-kolom-13", cara)
        problems += _kolom_13(
            row.triwulan_rp,
            row.realisasi_tahunan_rp,
            "anggaran-beda-kolom-13",
            Agregasi.KUMULATIF,
        )
        if arti.antar_tahun is AntarTahun.JUMLAH:
            problems += _kolom_14(row)
        else:
            problems += _kolom_14_menjumlahkan(row, arti)
        problems += _kolom_14_rp(row)
        problems += _kolom_15(row)
    return problems
