"""One plain object per OPD-year for any template: rows, averages, budget."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from statistics import fmean
from typing import TYPE_CHECKING

from kinerja_report.compute.budget import serapan
from kinerja_report.compute.capaian import kategori
from kinerja_report.compute.program import ANAK, S, per_program
from kinerja_report.compute.rules import AturanCapaian
from kinerja_report.compute.rules import pencilan as adalah_pencilan
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.model import EvaluasiRenja, Nilai, TandaTanganFormulir, TingkatIndikator
from kinerja_report.read.normalize import slug_unik
from kinerja_report.settings import Daerah

if TYPE_CHECKING:  # formulir imports this module's helpers through perjanjian
    from kinerja_report.compute.formulir import FormulirE81


@dataclass(frozen=True)
class RingkasanAnggaran:
    """Budget of an OPD-year: pagu and realisation summed over its programs, in rupiah."""

    pagu: float
    realisasi: float

    @property
    def serapan(self) -> float | None:
        return serapan(Nilai(angka=self.pagu), Nilai(angka=self.realisasi))


@dataclass(frozen=True)
class LaporanOpd:
    """Everything the evaluation report of one OPD in one year shows."""

    tahun: int
    opd: str
    slug: str
    berkas: str
    lembar: str
    baris: tuple[BarisCapaian, ...]
    catatan: tuple[str, ...]
    rata_rata: float | None
    kategori_rata_rata: str
    jumlah_kategori: tuple[tuple[str, int], ...]
    anggaran: RingkasanAnggaran
    daerah: Daerah = field(default_factory=Daerah)
    """The region this OPD's documents speak for (settings, else its workbook's title)."""
    tanda_tangan: TandaTanganFormulir | None = None
    """The form's own signature block, if it has one."""
    tahun_akhir: int | None = None
    """The last year of the Renstra period, when known."""
    formulir: FormulirE81 | None = None
    """The evaluation report as form E.81 (:mod:`kinerja_report.compute.formulir`)."""

    @property
    def triwulan(self) -> int:
        """The quarter its form reports up to (4: the whole year)."""
        return self.formulir.triwulan if self.formulir is not None else 4


SLUG_BUPATI = "bupati"
"""The Bupati's own Perjanjian Kinerja: a slug no OPD ever gets."""


def slug_opd(opd: str) -> str:
    """The OPD's file name alone; a build gives all its OPDs theirs together
    (:func:`kinerja_report.compute.slugs.dengan_slug_unik`), by the same rule."""
    return slug_unik([opd], terpakai={SLUG_BUPATI})[opd]


def dirata(values: Iterable[float | None], pencilan: float | None = None) -> list[float]:
    """The values a mean counts: those there are, without the outliers above ``pencilan``
    when given (:func:`~kinerja_report.compute.rules.pencilan`)."""
    return [v for v in values if v is not None and not adalah_pencilan(v, pencilan)]


def rata_rata(
    values: Iterable[float | None], batas: float | None = None, pencilan: float | None = None
) -> float | None:
    """The mean of the values there are, each capped at ``batas`` first when given, those
    above ``pencilan`` (outliers) left out when given; None when there is none."""
    numbers = dirata(values, pencilan)
    if batas is not None:
        numbers = [min(value, batas) for value in numbers]
    return fmean(numbers) if numbers else None


def rata_rata_capaian(baris: list[BarisCapaian], aturan: AturanCapaian) -> float | None:
    """Mean capaian of the rows that have one; each capped first when the setting says so."""
    return rata_rata(
        (row.capaian.persen for row in baris), aturan.batas_rata_rata, aturan.pencilan_rata_rata
    )


def laporan_opd(
    evaluasi: EvaluasiRenja,
    baris: list[BarisCapaian],
    aturan: AturanCapaian,
    daerah: Daerah | None = None,
) -> LaporanOpd:
    """Aggregate the capaian rows of one OPD-year; ``daerah`` is the region it speaks for."""
    counts = Counter(row.kategori for row in baris if row.kategori)
    rata_rata = rata_rata_capaian(baris, aturan)
    return LaporanOpd(
        tahun=evaluasi.tahun,
        opd=evaluasi.opd,
        slug=slug_opd(evaluasi.opd),
        berkas=evaluasi.berkas,
        lembar=evaluasi.lembar,
        baris=tuple(baris),
        catatan=evaluasi.catatan,
        rata_rata=rata_rata,
        kategori_rata_rata=kategori(rata_rata, aturan.skala),
        jumlah_kategori=tuple(
            (label, counts.get(label, 0)) for label in dict.fromkeys(p.label for p in aturan.skala)
        ),
        anggaran=anggaran(baris),
        daerah=daerah or Daerah(),
        tanda_tangan=evaluasi.tanda_tangan,
        tahun_akhir=next((row.tahun_akhir for row in baris if row.tahun_akhir), None),
    )


@dataclass(frozen=True)
class PaguSimpul:
    """One programme (or sub kegiatan) with its pagu and its budget realisation."""

    kode: str
    uraian: str
    pagu: float
    realisasi: float


def _pertama(rows: Iterable[S], tingkat: TingkatIndikator, rp: Callable[[S], Nilai]) -> list[S]:
    """The first row with an amount of each node of ``tingkat`` (by code and name): a node's
    further indicator rows repeat or merge the same budget cell."""
    first: dict[tuple[str, str], S] = {}
    for row in rows:
        if row.tingkat is tingkat and rp(row).angka is not None:
            first.setdefault((row.kode.strip(), row.uraian.strip()), row)
    return list(first.values())


def _positif(rows: Iterable[S], rp: Callable[[S], Nilai]) -> bool:
    return any((rp(row).angka or 0) > 0 for row in rows)


def simpul_program(rows: Sequence[S], rp: Callable[[S], Nilai]) -> list[S]:
    """The rows whose amounts make one programme's budget (``rows``: the programme's, as
    :func:`per_program` gives them): its own row when it carries a positive amount; else its
    kegiatan (each once) when one of them does, else its sub kegiatan; else its own row
    (0 or empty). A pagu 0 on the programme row with money on its kegiatan is the
    kegiatan's sum, in every document."""
    own = _pertama(rows, TingkatIndikator.PROGRAM, rp)[:1]
    if _positif(own, rp):
        return own
    for tingkat in ANAK:
        children = _pertama(rows, tingkat, rp)
        if _positif(children, rp):
            return children
    return own


def simpul_anggaran(baris: Sequence[S], rp: Callable[[S], Nilai]) -> list[S]:
    """The one rule for which rows' amounts make an OPD-year's budget, for every document
    (E.81 footer, reports, rekap, PK, regency evaluation): each programme by
    :func:`simpul_program`; a form without programmes by its kegiatan, else its sub
    kegiatan (each counted once). ``rp`` reads a row's amount (the pagu column)."""
    out = [row for rows in per_program(baris).values() for row in simpul_program(rows, rp)]
    if out:
        return out
    for tingkat in ANAK:
        if found := _pertama(baris, tingkat, rp):
            return found
    return []


def _pagu_baris(row: BarisCapaian) -> Nilai:
    return row.target_rp


def pagu_per_simpul(
    baris: Iterable[BarisCapaian], tingkat: TingkatIndikator = TingkatIndikator.PROGRAM
) -> list[PaguSimpul]:
    """Each node of ``tingkat`` once (by code and name), with the first amount met on its
    rows, since a node's further indicator rows repeat or merge the same pagu cell; in order
    of appearance."""
    return [
        PaguSimpul(row.kode.strip(), row.uraian.strip(), row.target_rp.angka or 0.0,
                   row.realisasi_rp.angka or 0.0)
        for row in _pertama(baris, tingkat, _pagu_baris)
    ]  # fmt: skip


def pagu_program(baris: Iterable[BarisCapaian]) -> list[PaguSimpul]:
    """Each programme once with its budget by :func:`simpul_program` (the one rule)."""
    out = []
    for (kode, uraian), rows in per_program(baris).items():
        nodes = simpul_program(rows, _pagu_baris)
        out.append(
            PaguSimpul(
                kode,
                uraian,
                sum(node.target_rp.angka or 0.0 for node in nodes),
                sum(node.realisasi_rp.angka or 0.0 for node in nodes),
            )
        )
    return out


def anggaran(baris: Iterable[BarisCapaian]) -> RingkasanAnggaran:
    """Budget of a set of rows, over :func:`simpul_anggaran` (the one rule)."""
    nodes = simpul_anggaran(list(baris), _pagu_baris)
    return RingkasanAnggaran(
        pagu=sum(node.target_rp.angka or 0.0 for node in nodes),
        realisasi=sum(node.realisasi_rp.angka or 0.0 for node in nodes),
    )


def pagu_kegiatan_rinci(baris: Iterable[BarisCapaian]) -> dict[tuple[str, str], float]:
    """Kegiatan whose budget is the sum of their rows, by (code, name): under a programme
    whose own amount is the sum of all its kegiatan's rows and not of each kegiatan's first
    row, the form gives every indicator row its own amount (Sukabumi 2018: N17 =
    SUM(N18:N37), one amount per row of a kegiatan). Elsewhere a kegiatan's further rows
    repeat its amount (:func:`simpul_program`) and it is not listed here."""
    out: dict[tuple[str, str], float] = {}
    for rows in per_program(baris).values():
        own = _pertama(rows, TingkatIndikator.PROGRAM, _pagu_baris)
        total = own[0].target_rp.angka if own else None
        kegiatan = [row for row in rows if row.tingkat is TingkatIndikator.KEGIATAN]
        per_row = sum(row.target_rp.angka or 0.0 for row in kegiatan)
        first = sum(
            row.target_rp.angka or 0.0
            for row in _pertama(kegiatan, TingkatIndikator.KEGIATAN, _pagu_baris)
        )
        if not total or abs(per_row - total) >= 0.5 or abs(first - total) < 0.5:
            continue
        for row in kegiatan:
            key = (row.kode.strip(), row.uraian.strip())
            out[key] = out.get(key, 0.0) + (row.target_rp.angka or 0.0)
    return out
