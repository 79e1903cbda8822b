"""The yearly realisation of an E.81 row from its quarters, by the indicator's aggregation
(docs/capaian.md, 'Realisasi tahunan dari triwulan').

``kumulatif`` (the form's default, column 13 = 9 + 10 + 11 + 12) sums the quarters;
``akhir`` takes the last filled quarter; ``rata-rata`` their mean. With no quarter filled,
the workbook's own column 13 is used. A qualitative value (text such as 'WTP') comes from
column 13 or the last filled quarter.
"""

from __future__ import annotations

from statistics import fmean

from kinerja_report.compute.rules import Agregasi
from kinerja_report.model import IndikatorRenja, Nilai, Sumber


def _sumber_gabungan(quarters: list[Nilai]) -> Sumber | None:
    sumber = [q.sumber for q in quarters if q.sumber is not None]
    if not sumber:
        return None
    return Sumber(sumber[0].berkas, sumber[0].lembar, "+".join(s.sel for s in sumber))


def gabung_triwulan(
    quarters: tuple[Nilai, ...], kolom13: Nilai, agregasi: Agregasi = Agregasi.KUMULATIF
) -> Nilai:
    """The yearly value of ``quarters``; the source named is the column-13 cell, where the
    form keeps the yearly value (without a column 13, the quarter cells joined by '+')."""
    numbers = [q for q in quarters if q.angka is not None]
    if numbers:
        values = [q.angka for q in numbers if q.angka is not None]
        if agregasi is Agregasi.AKHIR:
            total = values[-1]
        elif agregasi is Agregasi.RATA_RATA:
            total = fmean(values)
        else:
            total = sum(values)
        return Nilai(angka=total, sumber=kolom13.sumber or _sumber_gabungan(numbers))
    if not kolom13.kosong:
        return kolom13
    texts = [q for q in quarters if q.teks is not None]
    return texts[-1] if texts else Nilai(sumber=kolom13.sumber)


def realisasi_tahunan(row: IndikatorRenja, agregasi: Agregasi = Agregasi.KUMULATIF) -> Nilai:
    """The yearly K realisation of a row."""
    return gabung_triwulan(row.triwulan, row.realisasi_tahunan, agregasi)


def realisasi_anggaran(row: IndikatorRenja, triwulan: int = 4) -> Nilai:
    """The Rp realisation of a row up to quarter ``triwulan`` (the year by default): money
    always adds up over the quarters."""
    if triwulan < 4:
        return gabung_triwulan(row.triwulan_rp[:triwulan], Nilai())
    return gabung_triwulan(row.triwulan_rp, row.realisasi_tahunan_rp)


def realisasi_sampai_triwulan(
    row: IndikatorRenja, triwulan: int, agregasi: Agregasi = Agregasi.KUMULATIF
) -> Nilai:
    """The realisation up to the end of quarter ``triwulan`` (1-4), for the quarterly
    evaluation; empty when none of those quarters is filled."""
    quarters = row.triwulan[:triwulan]
    if all(q.kosong for q in quarters):
        return Nilai()
    return gabung_triwulan(quarters, Nilai(), agregasi)
