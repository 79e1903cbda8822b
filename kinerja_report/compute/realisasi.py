"""The yearly realisation of an E.81 row: the form's column 13, the sum of the quarters."""

from __future__ import annotations

from kinerja_report.model import IndikatorRenja, Nilai, Sumber


def _jumlah(quarters: tuple[Nilai, ...], kolom13: Nilai) -> Nilai:
    numbers = [q for q in quarters if q.angka is not None]
    if numbers:
        total = sum(q.angka for q in numbers if q.angka is not None)
        return Nilai(angka=total, sumber=kolom13.sumber or _sumber_gabungan(numbers))
    texts = [q for q in quarters if q.teks is not None]
    if kolom13.teks is not None or kolom13.angka is not None:
        return kolom13
    return texts[-1] if texts else Nilai(sumber=kolom13.sumber)


def _sumber_gabungan(quarters: list[Nilai]) -> Sumber | None:
    sumber = [q.sumber for q in quarters if q.sumber is not None]
    if not sumber:
        return None
    return Sumber(sumber[0].berkas, sumber[0].lembar, "+".join(s.sel for s in sumber))


def realisasi_tahunan(row: IndikatorRenja) -> Nilai:
    """Sum of the quarters' K (form E.81: 13 = 9 + 10 + 11 + 12).

    The source named is the row's column-13 cell, where the form keeps the yearly value;
    without a column 13, the quarter cells joined by '+'. With no quarter filled, the
    workbook's own column 13 is used; a qualitative value (text) comes from column 13 or the
    last filled quarter.
    """
    return _jumlah(row.triwulan, row.realisasi_tahunan)


def realisasi_anggaran(row: IndikatorRenja) -> Nilai:
    """Sum of the quarters' Rp, as :func:`realisasi_tahunan` for money."""
    return _jumlah(row.triwulan_rp, row.realisasi_tahunan_rp)
