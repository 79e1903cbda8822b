"""One plain object per OPD-year for any template: rows, averages, budget."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import fmean
from typing import TYPE_CHECKING, Protocol, TypeVar

from kinerja_report.compute.budget import serapan
from kinerja_report.compute.capaian import kategori
from kinerja_report.compute.rules import AturanCapaian
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


SLUG_BUPATI = "bupati"
"""The Bupati's own Perjanjian Kinerja: a slug no OPD ever gets."""


def slug_opd(opd: str) -> str:
    """The OPD's file name alone; a build gives all its OPDs theirs together
    (:func:`kinerja_report.compute.slugs.dengan_slug_unik`), by the same rule."""
    return slug_unik([opd], terpakai={SLUG_BUPATI})[opd]


def rata_rata(
    values: Iterable[float | None], batas: float | None = None, pencilan: float | None = None
) -> float | None:
    """The mean of the values there are, each capped at ``batas`` first when given, those
    above ``pencilan`` (outliers) left out when given; None when there is none."""
    numbers = [v for v in values if v is not None and (pencilan is None or v <= pencilan)]
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


def pagu_per_simpul(
    baris: Iterable[BarisCapaian], tingkat: TingkatIndikator = TingkatIndikator.PROGRAM
) -> list[PaguSimpul]:
    """The one rule for counting budgets: each node of ``tingkat`` once (by code and name),
    with the first amount met on its rows, since a node's further indicator rows repeat or
    merge the same pagu cell; in order of appearance."""
    first: dict[tuple[str, str], BarisCapaian] = {}
    for row in baris:
        if row.tingkat is tingkat and row.target_rp.angka is not None:
            first.setdefault((row.kode.strip(), row.uraian.strip()), row)
    return [
        PaguSimpul(kode, uraian, row.target_rp.angka or 0.0, row.realisasi_rp.angka or 0.0)
        for (kode, uraian), row in first.items()
    ]


_ANAK = (TingkatIndikator.KEGIATAN, TingkatIndikator.SUB_KEGIATAN)


class Simpul(Protocol):
    """A row with a level, a code and a name (capaian rows, form rows)."""

    @property
    def tingkat(self) -> TingkatIndikator: ...
    @property
    def kode(self) -> str: ...
    @property
    def uraian(self) -> str: ...


S = TypeVar("S", bound=Simpul)


def per_program(baris: Iterable[S]) -> dict[tuple[str, str], list[S]]:
    """Each programme (by code and name) with its rows and its kegiatan's and sub kegiatan's:
    the rows below it up to the next programme. Rows above the first programme are left out."""
    groups: dict[tuple[str, str], list[S]] = {}
    current: list[S] | None = None
    for row in baris:
        if row.tingkat is TingkatIndikator.PROGRAM:
            current = groups.setdefault((row.kode.strip(), row.uraian.strip()), [])
            current.append(row)
        elif current is not None and row.tingkat in _ANAK:
            current.append(row)
    return groups


def pagu_program(baris: Iterable[BarisCapaian]) -> list[PaguSimpul]:
    """Each programme once with its budget: the amount on its own row; when its rows carry
    none (older forms put the pagu on the kegiatan only), the sum of its kegiatan's, else of
    its sub kegiatan's (each counted once by :func:`pagu_per_simpul`). The children of a
    programme are the rows below it up to the next programme."""
    out = []
    for (kode, uraian), rows in per_program(baris).items():
        own = pagu_per_simpul(rows)
        if own:
            out.append(own[0])
            continue
        for tingkat in _ANAK:
            children = pagu_per_simpul(rows, tingkat)
            if children:
                pagu = sum(child.pagu for child in children)
                out.append(PaguSimpul(kode, uraian, pagu, sum(c.realisasi for c in children)))
                break
        else:
            out.append(PaguSimpul(kode, uraian, 0.0, 0.0))
    return out


def anggaran(baris: Iterable[BarisCapaian]) -> RingkasanAnggaran:
    """Budget of a set of rows: the programmes' (:func:`pagu_program`); without programme
    rows, the kegiatan's, else the sub kegiatan's, each counted once."""
    rows = list(baris)
    nodes = pagu_program(rows)
    for tingkat in _ANAK:
        if any(node.pagu for node in nodes):
            break
        nodes = pagu_per_simpul(rows, tingkat)
    return RingkasanAnggaran(
        pagu=sum(node.pagu for node in nodes), realisasi=sum(node.realisasi for node in nodes)
    )
