"""Numbers that read well one by one but not together, reported at their cell.

* Sums that do not fit: each cell is bounded when read (:data:`BATAS_ANGKA`), but the four
  quarters of a row, or a budget column summed over the form, may still exceed it: an error
  at the cell where the sum crosses the bound.
* A realisation that looks like a fraction of a percentage target: 0,85 against a target of
  85 % gives a capaian of 1 % without a word; a warning at the realisation cell.
"""

from __future__ import annotations

from collections.abc import Iterable

from kinerja_report.formats import angka, persen
from kinerja_report.model import EvaluasiRenja, IndikatorRenja, Nilai, Sumber
from kinerja_report.problems import Masalah, masalah_di
from kinerja_report.read.normalize import normalisasi
from kinerja_report.read.numbers import BATAS_ANGKA

TARGET_SEKITAR_100 = (90.0, 110.0)
"""A target in this range is read as a percentage even when the unit does not say so."""


def periksa_angka(evaluasi: EvaluasiRenja) -> list[Masalah]:
    """Every sum that does not fit and every realisation that looks like a fraction."""
    problems: list[Masalah] = []
    for row in evaluasi.indikator:
        problems.extend(_jumlah_triwulan(row))
        problems.extend(_pecahan_persen(row))
    rows = evaluasi.indikator
    problems.extend(
        _jumlah_kolom("Jumlah pagu (target Rp) lembar ini", (r.target_rp for r in rows))
    )
    problems.extend(
        _jumlah_kolom(
            "Jumlah realisasi anggaran lembar ini",
            (_realisasi_rp(row) for row in rows),
        )
    )
    return problems


def _jumlah_triwulan(row: IndikatorRenja) -> list[Masalah]:
    problems = []
    for apa, quarters, kolom13 in (
        ("Jumlah realisasi triwulan", row.triwulan, row.realisasi_tahunan),
        ("Jumlah realisasi anggaran triwulan", row.triwulan_rp, row.realisasi_tahunan_rp),
    ):
        total = sum(abs(q.angka) for q in quarters if q.angka is not None)
        if total > BATAS_ANGKA:
            where = kolom13.sumber or next(q.sumber for q in quarters if q.angka is not None)
            problems.append(_terlalu_besar(apa, total, where))
    return problems


def _realisasi_rp(row: IndikatorRenja) -> Nilai:
    """The row's yearly budget realisation as the build will sum it (quarters, else col 13)."""
    filled = [q for q in row.triwulan_rp if q.angka is not None]
    if not filled:
        return row.realisasi_tahunan_rp
    return Nilai(angka=sum(abs(q.angka or 0.0) for q in filled), sumber=filled[-1].sumber)


def _jumlah_kolom(apa: str, values: Iterable[Nilai]) -> list[Masalah]:
    """One error at the cell where the running sum of a column first exceeds the bound."""
    total = 0.0
    for nilai in values:
        if nilai.angka is None:
            continue
        total += abs(nilai.angka)
        if total > BATAS_ANGKA:
            return [_terlalu_besar(apa, total, nilai.sumber)]
    return []


def _terlalu_besar(apa: str, total: float, where: Sumber | None) -> Masalah:
    return masalah_di(
        "jumlah-terlalu-besar", where, apa=apa, jumlah=angka(total), batas=angka(BATAS_ANGKA)
    )


def satuan_persen(satuan: str) -> bool:
    """'%', 'persen', 'Persentase (%)'."""
    text = normalisasi(satuan)
    return "%" in text or "persen" in text


def _pecahan_persen(row: IndikatorRenja) -> list[Masalah]:
    target = row.target.angka
    if target is None or target <= 1:
        return []
    low, high = TARGET_SEKITAR_100
    if not (satuan_persen(row.satuan) or low <= target <= high):
        return []
    quarters = [q for q in row.triwulan if q.angka is not None]
    kolom13 = row.realisasi_tahunan
    filled = [*quarters, kolom13] if kolom13.angka is not None else quarters
    if not filled or not all(0 < (q.angka or 0.0) <= 1 for q in filled):
        return []
    # the yearly value: column 13, else the quarters summed (kumulatif) or the last (akhir)
    if kolom13.angka is not None:
        candidates = [kolom13.angka]
    else:
        candidates = [sum(q.angka or 0.0 for q in quarters), quarters[-1].angka or 0.0]
    matching = [value for value in candidates if target / 2 <= value * 100 <= target * 2]
    if not matching:
        return []
    return [
        masalah_di(
            "realisasi-pecahan-persen",
            filled[-1].sumber,
            realisasi=angka(matching[0], 4),
            target=angka(target),
            persen=persen(matching[0] * 100),
        )
    ]
