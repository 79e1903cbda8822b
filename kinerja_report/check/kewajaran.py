"""Plausibility: numbers each read well from their cell but that an analyst would send back
(docs/kewajaran.md). Every finding is a warning at the cell, with the
value the OPD wrote and what to do; no finding changes a number.

* Budgets implausible for their level: a sub kegiatan below ``pagu_minimum_sub_kegiatan``
  (a unit mistake: thousands typed without a note), a programme smaller than the sum of its
  own kegiatan, a kegiatan or sub kegiatan whose pagu is ``kelipatan_saudara`` times above or
  below the median of its siblings (one row typed in another unit).
* Rates summed over quarters: a percentage indicator whose quarters are added (aggregation
  ``kumulatif``) and whose sum passes 100 % or ``kelipatan_target`` x its target: the
  quarters were typed as levels.
* Outliers: a capaian above ``batas_capaian``; a year's value far (``ambang_riwayat``) from
  the years on both sides of it, which agree with each other (AKB 9 -> 19,7 -> 8,7).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from statistics import median

from kinerja_report.check.angka import satuan_persen
from kinerja_report.compute.program import per_program
from kinerja_report.compute.progress import tahun_menyimpang
from kinerja_report.compute.rules import BATAS_PENCILAN_BAKU, Agregasi, pencilan
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.formats import angka, persen, rupiah
from kinerja_report.model import (
    EvaluasiRenja,
    IndikatorRenja,
    MatriksRpjmd,
    Nilai,
    SimpulRenja,
    TingkatIndikator,
)
from kinerja_report.problems import Masalah, masalah_di

PENCILAN_IKUT = "ikut"
PENCILAN_KELUARKAN = "keluarkan"


@dataclass(frozen=True)
class AturanKewajaran:
    """Thresholds of the plausibility findings (``[kewajaran]`` in pengaturan.toml)."""

    pagu_minimum_sub_kegiatan: float = 100_000.0
    """A sub kegiatan's pagu below this (rupiah) is a unit mistake."""
    batas_capaian: float = BATAS_PENCILAN_BAKU
    """A capaian above this (percent) is an outlier."""
    kelipatan_target: float = 2.0
    """Quarters of a rate summed past this multiple of the target were typed as levels."""
    ambang_riwayat: float = 0.5
    """A year's value further than this fraction from the mean of its neighbour years."""
    kelipatan_saudara: float = 200.0
    """A kegiatan's or sub kegiatan's pagu this many times above or below the median pagu of
    its siblings (the same level under the same head) was typed in another unit; 0 = not
    checked. Real forms spread up to about 100 times (salaries among office supplies); a
    thousands slip is 1.000 times."""
    saudara_minimum: float = 3
    """The fewest siblings with a pagu (the row itself not counted) for that median."""
    pencilan: str = PENCILAN_IKUT
    """How averages and end-of-period projections treat outliers (documents say which):
    'ikut' keeps them; 'keluarkan' leaves a capaian above ``batas_capaian`` out of averages
    and a year far from its neighbours (``ambang_riwayat``) out of the projection's trend."""


def periksa_kewajaran(
    evaluasi: EvaluasiRenja,
    agregasi: Callable[[IndikatorRenja], Agregasi],
    aturan: AturanKewajaran,
) -> list[Masalah]:
    """The findings of one form: budgets by level and rates summed over quarters."""
    problems = _anggaran(evaluasi, aturan)
    for row in evaluasi.indikator:
        problems.extend(_target_persen(row))
        if agregasi(row) is Agregasi.KUMULATIF:
            problems.extend(_triwulan_persen(row, aturan))
    return problems


def _target_persen(row: IndikatorRenja) -> list[Masalah]:
    """A percentage target above 100 % (Sukabumi 2018 H42: 500 %, the five yearly targets of
    a rate summed into the end-of-period target)."""
    if not satuan_persen(row.satuan):
        return []
    return [
        masalah_di("target-persen-tidak-wajar", nilai.sumber, apa=apa, target=angka(nilai.angka))
        for apa, nilai in (("Target akhir periode", row.target_renstra), ("Target", row.target))
        if nilai.angka is not None and nilai.angka > 100 + TOLERANSI
    ]


# --- budgets by level ---------------------------------------------------------------------


def _pagu_kepala(evaluasi: EvaluasiRenja) -> list[tuple[SimpulRenja, Nilai]]:
    """Every head row (programme, kegiatan, sub kegiatan) with its pagu: the head's own
    budget cell, else that of its first indicator row."""
    first: dict[int, Nilai] = {}
    for row in evaluasi.indikator:
        first.setdefault(row.baris, row.target_rp)
    return [(s, first.get(s.baris, Nilai()) if s.berindikator else s.pagu) for s in evaluasi.simpul]


def _anggaran(evaluasi: EvaluasiRenja, aturan: AturanKewajaran) -> list[Masalah]:
    problems = []
    heads = _pagu_kepala(evaluasi)
    for simpul, pagu in heads:
        if simpul.tingkat is not TingkatIndikator.SUB_KEGIATAN or not pagu.angka:
            continue
        if 0 < pagu.angka < aturan.pagu_minimum_sub_kegiatan:
            problems.append(
                masalah_di(
                    "anggaran-terlalu-kecil",
                    pagu.sumber,
                    tingkat="sub kegiatan",
                    uraian=simpul.uraian[:80],
                    nilai=rupiah(pagu.angka),
                    batas=rupiah(aturan.pagu_minimum_sub_kegiatan),
                )
            )
    problems.extend(_program_kurang(heads))
    problems.extend(_pagu_saudara(heads, aturan))
    return problems


def _program_kurang(heads: Sequence[tuple[SimpulRenja, Nilai]]) -> list[Masalah]:
    """A programme whose pagu is below the sum of the pagu of the kegiatan under it (grouped
    by :func:`~kinerja_report.compute.report.per_program`, the budget's own rule)."""
    pagu = {simpul.baris: nilai for simpul, nilai in heads}
    problems = []
    for rows in per_program(simpul for simpul, _ in heads).values():
        program = pagu[rows[0].baris]
        kegiatan = sum(
            pagu[row.baris].angka or 0.0 for row in rows if row.tingkat is TingkatIndikator.KEGIATAN
        )
        if program.angka and program.angka < kegiatan - 1:
            problems.append(
                masalah_di(
                    "anggaran-program-kurang",
                    program.sumber,
                    uraian=rows[0].uraian[:80],
                    program=rupiah(program.angka),
                    kegiatan=rupiah(kegiatan),
                )
            )
    return problems


_ATAS = (
    TingkatIndikator.URUSAN,
    TingkatIndikator.BIDANG_URUSAN,
    TingkatIndikator.PROGRAM,
    TingkatIndikator.KEGIATAN,
)
"""The levels above a sub kegiatan, from the top: a head of one of them starts a new group of
siblings of every level below it."""


def _pagu_saudara(
    heads: Sequence[tuple[SimpulRenja, Nilai]], aturan: AturanKewajaran
) -> list[Masalah]:
    """A kegiatan or sub kegiatan whose pagu is ``kelipatan_saudara`` times above or below the
    median pagu of its siblings (at least ``saudara_minimum`` of them, the row not counted).
    A sub kegiatan already below ``pagu_minimum_sub_kegiatan`` is reported there only."""
    if not aturan.kelipatan_saudara:
        return []
    problems = []
    for tingkat in (TingkatIndikator.KEGIATAN, TingkatIndikator.SUB_KEGIATAN):
        atas = _ATAS[: _ATAS.index(tingkat)] if tingkat in _ATAS else _ATAS
        groups: list[list[tuple[SimpulRenja, Nilai]]] = [[]]
        for simpul, pagu in heads:
            if simpul.tingkat in atas:
                groups.append([])
            elif simpul.tingkat is tingkat and pagu.angka and pagu.angka > 0:
                groups[-1].append((simpul, pagu))
        for group in groups:
            problems.extend(_jauh_dari_saudara(group, tingkat, aturan))
    return problems


def _jauh_dari_saudara(
    group: Sequence[tuple[SimpulRenja, Nilai]], tingkat: TingkatIndikator, aturan: AturanKewajaran
) -> list[Masalah]:
    if len(group) - 1 < aturan.saudara_minimum:
        return []
    problems = []
    for at, (simpul, pagu) in enumerate(group):
        nilai = pagu.angka or 0.0
        if tingkat is TingkatIndikator.SUB_KEGIATAN and nilai < aturan.pagu_minimum_sub_kegiatan:
            continue  # anggaran-terlalu-kecil
        tengah = median([p.angka or 0.0 for i, (_, p) in enumerate(group) if i != at])
        rasio = nilai / tengah
        if 1 / aturan.kelipatan_saudara < rasio < aturan.kelipatan_saudara:
            continue
        problems.append(
            masalah_di(
                "pagu-jauh-dari-saudara",
                pagu.sumber,
                tingkat=tingkat.value,
                uraian=simpul.uraian[:80],
                nilai=rupiah(nilai),
                arah="lebih besar" if rasio > 1 else "lebih kecil",
                kali=angka(rasio if rasio > 1 else 1 / rasio, 0),
                jumlah=len(group) - 1,
                median=rupiah(tengah),
            )
        )
    return problems


# --- rates summed over quarters -----------------------------------------------------------

_ROMAWI = ("I", "II", "III", "IV")
TOLERANSI = 0.01
"""Quarters that add up to 100 % within this (formula rounding) do not pass it."""


def _triwulan_persen(row: IndikatorRenja, aturan: AturanKewajaran) -> list[Masalah]:
    if not satuan_persen(row.satuan):
        return []
    filled = [(i, q) for i, q in enumerate(row.triwulan) if q.angka is not None and q.angka > 0]
    if len(filled) < 2:
        return []
    total = sum(q.angka or 0.0 for _, q in filled)
    target = row.target.angka
    if total > 100 + TOLERANSI:
        alasan = "melewati 100 %"
    elif target and target > 0 and total > aturan.kelipatan_target * target:
        alasan = f"jauh melewati targetnya {angka(target)}"
    else:
        return []
    rincian = ", ".join(
        f"TW {_ROMAWI[i]} {angka(q.angka or 0.0)}" + (f" di {q.sumber.sel}" if q.sumber else "")
        for i, q in filled
    )
    where = row.realisasi_tahunan.sumber or filled[-1][1].sumber
    return [
        masalah_di(
            "triwulan-persen-dijumlah",
            where,
            indikator=row.indikator[:80],
            triwulan=rincian,
            jumlah=angka(total),
            alasan=alasan,
        )
    ]


# --- the form's own total row -------------------------------------------------------------

_NAMA_KOLOM = ("6", "7", "8", "9, triwulan I", "10, triwulan II", "11, triwulan III",
               "12, triwulan IV", "13", "14")  # fmt: skip


def periksa_jumlah_formulir(
    evaluasi: EvaluasiRenja, jumlah_rp: Sequence[float | None]
) -> list[Masalah]:
    """Every money cell of the form's total rows that differs from our sum of the same
    column (each programme once: the E.81 footer, ``jumlah_rp``), at that cell."""
    problems = []
    for row in evaluasi.jumlah_formulir:
        for nama, nilai, hitung in zip(_NAMA_KOLOM, row.rp, jumlah_rp, strict=False):
            if nilai.angka is None or hitung is None or abs(nilai.angka - hitung) < 1:
                continue
            problems.append(
                masalah_di(
                    "jumlah-formulir-beda",
                    nilai.sumber,
                    kolom=f"Rp kolom {nama}",
                    formulir=rupiah(nilai.angka),
                    hitung=rupiah(hitung),
                )
            )
    return problems


# --- outliers -----------------------------------------------------------------------------


def periksa_pencilan(rows: Iterable[BarisCapaian], aturan: AturanKewajaran) -> list[Masalah]:
    """A capaian of the year (at the realisation cell) or of the Renstra to date (at the
    end-of-period target cell) above ``batas_capaian``."""
    problems = []
    for row in rows:
        sd = row.kemajuan.realisasi_sd
        for apa, nilai, target, realisasi in (
            ("Capaian tahun ini", row.capaian.persen, row.target, row.realisasi),
            (
                "Capaian Renstra s.d. tahun berjalan",
                row.kemajuan.capaian_sd,
                row.target_akhir,
                Nilai(angka=sd, sumber=row.realisasi.sumber) if sd is not None else Nilai(),
            ),
        ):
            if not adalah_pencilan(nilai, aturan):
                continue
            problems.append(
                masalah_di(
                    "capaian-pencilan",
                    target.sumber if apa.startswith("Capaian Renstra") else realisasi.sumber,
                    apa=apa,
                    capaian=persen(nilai or 0.0),
                    batas=persen(aturan.batas_capaian),
                    target=_tampil(target),
                    realisasi=_tampil(realisasi),
                )
            )
    return problems


def adalah_pencilan(nilai: float | None, aturan: AturanKewajaran) -> bool:
    """True for a capaian the averages treat as an outlier (above ``batas_capaian``)."""
    return pencilan(nilai, aturan.batas_capaian)


def _tampil(nilai: Nilai) -> str:
    if nilai.angka is not None:
        return angka(nilai.angka)
    return nilai.teks or "-"


def periksa_riwayat(
    matriks: Sequence[MatriksRpjmd], rows: Iterable[BarisCapaian], aturan: AturanKewajaran
) -> list[Masalah]:
    """A year's realisation far from the years on both sides of it, which agree with each
    other: in the RPJMD matrix and across an OPD's forms."""
    series: dict[tuple[str, str], dict[int, Nilai]] = defaultdict(dict)
    for item in matriks:
        for ind in item.indikator:
            for tahun, nilai in ind.realisasi.items():
                series[("", ind.indikator)][tahun] = nilai
    for row in rows:
        if row.realisasi.angka is not None and row.triwulan == 4:
            series[(row.opd, row.indikator)].setdefault(row.tahun, row.realisasi)
    problems = []
    for (_, indikator), values in series.items():
        problems.extend(_loncatan(indikator, values, aturan.ambang_riwayat))
    return problems


def _loncatan(indikator: str, values: dict[int, Nilai], ambang: float) -> list[Masalah]:
    seri = sorted((t, v.angka) for t, v in values.items() if v.angka is not None)
    problems = []
    for tahun in tahun_menyimpang(seri, ambang):
        at = [t for t, _ in seri].index(tahun)
        (before, a), (after, b) = seri[at - 1], seri[at + 1]
        problems.append(
            masalah_di(
                "nilai-pencilan-riwayat",
                values[tahun].sumber,
                indikator=indikator[:80],
                tahun=tahun,
                nilai=angka(seri[at][1]),
                lain=f"{before}: {angka(a)}; {after}: {angka(b)}",
            )
        )
    return problems
