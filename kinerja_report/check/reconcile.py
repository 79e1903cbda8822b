"""Comparing the workbook's own totals with ours; each mismatch is reported by cell.

Form E.81 carries its own arithmetic: 13 = 9 + 10 + 11 + 12 (K and Rp), 14 = 7 + 13,
15 = 14 / 6 x 100. Real files contain their own errors; showing them is a feature.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from kinerja_report.compute.realisasi import gabung_triwulan
from kinerja_report.compute.rules import Agregasi
from kinerja_report.formats import angka
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


def rekonsiliasi(
    evaluasi: EvaluasiRenja,
    agregasi: Callable[[IndikatorRenja], Agregasi] = lambda _: Agregasi.KUMULATIF,
) -> list[Masalah]:
    """Every mismatch between the workbook's own totals and ours, by cell. ``agregasi`` gives
    each row's yearly aggregation: column 13 is the sum of the quarters only for cumulative
    indicators (for the others it is the last quarter or the mean, and 14 = 7 + 13 does not
    apply); money always adds up."""
    problems = []
    for row in evaluasi.indikator:
        cara = agregasi(row)
        problems += _kolom_13(row.triwulan, row.realisasi_tahunan, "realisasi-beda-kolom-13", cara)
        problems += _kolom_13(
            row.triwulan_rp,
            row.realisasi_tahunan_rp,
            "anggaran-beda-kolom-13",
            Agregasi.KUMULATIF,
        )
        if cara is Agregasi.KUMULATIF:
            problems += _kolom_14(row)
        problems += _kolom_15(row)
    return problems
