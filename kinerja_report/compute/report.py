"""One plain object per OPD-year for any template: rows, averages, budget."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from statistics import fmean

from kinerja_report.compute.capaian import kategori
from kinerja_report.compute.rules import AturanCapaian
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.model import EvaluasiRenja, TingkatIndikator
from kinerja_report.read.normalize import slug


@dataclass(frozen=True)
class RingkasanAnggaran:
    """Budget of an OPD-year: pagu and realisation summed over its programs, in rupiah."""

    pagu: float
    realisasi: float

    @property
    def serapan(self) -> float | None:
        return self.realisasi / self.pagu * 100 if self.pagu else None


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


def rata_rata_capaian(baris: list[BarisCapaian], aturan: AturanCapaian) -> float | None:
    """Mean capaian of the rows that have one; each capped first when the setting says so."""
    values = [row.capaian.persen for row in baris if row.capaian.persen is not None]
    if aturan.batas_rata_rata is not None:
        values = [min(value, aturan.batas_rata_rata) for value in values]
    return fmean(values) if values else None


def laporan_opd(
    evaluasi: EvaluasiRenja, baris: list[BarisCapaian], aturan: AturanCapaian
) -> LaporanOpd:
    """Aggregate the capaian rows of one OPD-year."""
    counts = Counter(row.kategori for row in baris if row.kategori)
    return LaporanOpd(
        tahun=evaluasi.tahun,
        opd=evaluasi.opd,
        slug=slug(evaluasi.opd),
        berkas=evaluasi.berkas,
        lembar=evaluasi.lembar,
        baris=tuple(baris),
        catatan=evaluasi.catatan,
        rata_rata=rata_rata_capaian(baris, aturan),
        kategori_rata_rata=kategori(rata_rata_capaian(baris, aturan), aturan.skala),
        jumlah_kategori=tuple(
            (label, counts.get(label, 0)) for label in dict.fromkeys(p.label for p in aturan.skala)
        ),
        anggaran=_anggaran(baris),
    )


def _anggaran(baris: list[BarisCapaian]) -> RingkasanAnggaran:
    """Program rows carry the sum of their kegiatan; without programs, sum the lowest level."""
    for tingkat in (TingkatIndikator.PROGRAM, TingkatIndikator.SUB_KEGIATAN):
        rows = [row for row in baris if row.tingkat is tingkat and row.target_rp.angka]
        if rows:
            return RingkasanAnggaran(
                pagu=sum(row.target_rp.angka or 0.0 for row in rows),
                realisasi=sum(row.realisasi_rp.angka or 0.0 for row in rows),
            )
    return RingkasanAnggaran(0.0, 0.0)
