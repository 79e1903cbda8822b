"""Aggregates of capaian rows: per OPD, per sasaran, per tujuan; average and count per kategori
(docs/capaian.md, 'Rata-rata dan agregat')."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kinerja_report.compute.budget import serapan
from kinerja_report.compute.capaian import kategori
from kinerja_report.compute.report import anggaran, rata_rata_capaian
from kinerja_report.compute.rules import AturanCapaian
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.model import Nilai


@dataclass(frozen=True)
class Agregat:
    """One group of rows (e.g. one sasaran of one OPD in one year)."""

    tahun: int
    opd: str
    kelompok: str
    jumlah_indikator: int
    jumlah_terhitung: int
    rata_rata: float | None
    kategori: str
    jumlah_kategori: tuple[tuple[str, int], ...]
    pagu: float
    realisasi_anggaran: float

    @property
    def serapan(self) -> float | None:
        return serapan(Nilai(angka=self.pagu), Nilai(angka=self.realisasi_anggaran))


def agregat(
    rows: Iterable[BarisCapaian],
    kelompok: Callable[[BarisCapaian], str],
    aturan: AturanCapaian,
) -> list[Agregat]:
    """Group rows by (year, OPD, ``kelompok(row)``); the budget sums program rows only, as
    programs already carry the sum of their kegiatan."""
    groups: dict[tuple[int, str, str], list[BarisCapaian]] = defaultdict(list)
    for row in rows:
        groups[(row.tahun, row.opd, kelompok(row))].append(row)
    labels = list(dict.fromkeys(p.label for p in aturan.skala))
    out = []
    for (tahun, opd, name), items in sorted(groups.items()):
        counts = Counter(row.kategori for row in items if row.kategori)
        mean = rata_rata_capaian(items, aturan)
        budget = anggaran(items)
        out.append(
            Agregat(
                tahun=tahun,
                opd=opd,
                kelompok=name,
                jumlah_indikator=len(items),
                jumlah_terhitung=sum(1 for r in items if r.capaian.persen is not None),
                rata_rata=mean,
                kategori=kategori(mean, aturan.skala),
                jumlah_kategori=tuple((label, counts.get(label, 0)) for label in labels),
                pagu=budget.pagu,
                realisasi_anggaran=budget.realisasi,
            )
        )
    return out
