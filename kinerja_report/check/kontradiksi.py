"""Rows that contradict themselves.

Every quarterly K is zero or empty (at least one typed as 0), while the quarters' own
percentage column or the money spent says the work was done (Deli Serdang 2025, rows 46 and
48: K 0 in every quarter, 100 % by the fourth, Rp 321.890.797 spent). The capaian then reads
0 %; the analyst is told at the row so that the OPD can correct its K."""

from __future__ import annotations

from collections.abc import Callable

from kinerja_report.compute.realisasi import realisasi_anggaran
from kinerja_report.formats import persen, rupiah
from kinerja_report.model import EvaluasiRenja, IndikatorRenja, Polaritas
from kinerja_report.problems import Masalah, masalah_di


def _bukti(row: IndikatorRenja) -> list[str]:
    found = []
    percents = [q.angka for q in row.triwulan_persen if q.angka is not None]
    if percents and max(percents) > 0:
        top = max(percents)
        found.append(f"kolom % triwulan mencapai {persen(top * 100 if top <= 1 else top)}")
    spent = realisasi_anggaran(row).angka
    if spent:
        found.append(f"anggaran terealisasi {rupiah(spent)}")
    return found


def periksa_kontradiksi(
    evaluasi: EvaluasiRenja, polaritas: Callable[[IndikatorRenja], Polaritas] | None = None
) -> list[Masalah]:
    """A warning at the first quarterly K cell of every self-contradicting row. A negative
    indicator (``polaritas``: fewer cases is better) at 0 is a success, not a slip."""
    problems = []
    for row in evaluasi.indikator:
        if polaritas is not None and polaritas(row) is Polaritas.NEGATIF:
            continue
        if not row.target.angka or any(q.angka or q.teks for q in row.triwulan):
            continue
        if all(q.angka is None for q in row.triwulan):
            continue  # nothing typed at all: 'target-tidak-terhitung' says so already
        bukti = _bukti(row)
        if not bukti:
            continue
        where = next((q.sumber for q in row.triwulan if q.sumber is not None), row.target.sumber)
        bukti_teks = " dan ".join(bukti).replace("\u00a0", " ")
        problems.append(masalah_di("realisasi-bertentangan", where, bukti=bukti_teks))
    return problems
