"""Budget absorption (serapan) and efficiency: capaian kinerja against serapan anggaran
(docs/capaian.md, 'Anggaran')."""

from __future__ import annotations

import math

from kinerja_report.compute.rules import AturanCapaian
from kinerja_report.model import Nilai


def serapan(pagu: Nilai, realisasi: Nilai) -> float | None:
    """realisasi anggaran / pagu x 100; None without a positive pagu or a realisation."""
    if not pagu.angka or pagu.angka <= 0 or realisasi.angka is None:
        return None
    persen = realisasi.angka / pagu.angka * 100
    return persen if math.isfinite(persen) else None


def efisiensi(capaian: float | None, serapan_persen: float | None, aturan: AturanCapaian) -> str:
    """'efisien' when capaian - serapan > threshold, 'cukup efisien' within +- threshold,
    else 'tidak efisien' (the threshold is a setting, 5 points by default)."""
    if capaian is None or serapan_persen is None:
        return ""
    selisih = capaian - serapan_persen
    if selisih > aturan.ambang_efisiensi:
        return "efisien"
    if selisih >= -aturan.ambang_efisiensi:
        return "cukup efisien"
    return "tidak efisien"
