"""Comparing the workbook's own totals with ours; each mismatch is reported by cell."""

from __future__ import annotations

import math

from kinerja_report.formats import angka
from kinerja_report.model import EvaluasiRenja
from kinerja_report.problems import Masalah, masalah


def periksa_kolom_13(evaluasi: EvaluasiRenja) -> list[Masalah]:
    """Column 13 (K) must equal the sum of the quarters (13 = 9 + 10 + 11 + 12)."""
    problems = []
    for row in evaluasi.indikator:
        kolom13 = row.realisasi_tahunan
        quarters = [q.angka for q in row.triwulan if q.angka is not None]
        if kolom13.angka is None or not quarters or kolom13.sumber is None:
            continue
        total = sum(quarters)
        if not math.isclose(total, kolom13.angka, rel_tol=1e-6, abs_tol=1e-6):
            problems.append(
                masalah(
                    "realisasi-beda-kolom-13",
                    kolom13.sumber.berkas,
                    kolom13.sumber.lembar,
                    kolom13.sumber.sel,
                    jumlah=angka(total, 6),
                    kolom13=angka(kolom13.angka, 6),
                )
            )
    return problems
