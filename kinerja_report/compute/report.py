"""One plain object per OPD-year for any template: rows, averages, budget."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from statistics import fmean

from kinerja_report.compute.capaian import SKALA_KATEGORI_BAKU
from kinerja_report.compute.table import BarisCapaian, slug
from kinerja_report.model import EvaluasiRenja, TingkatIndikator


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
    jumlah_kategori: tuple[tuple[str, int], ...]
    anggaran: RingkasanAnggaran


def laporan_opd(evaluasi: EvaluasiRenja, baris: list[BarisCapaian]) -> LaporanOpd:
    """Aggregate the capaian rows of one OPD-year."""
    values = [row.capaian.persen for row in baris if row.capaian.persen is not None]
    counts = Counter(row.kategori for row in baris if row.kategori)
    return LaporanOpd(
        tahun=evaluasi.tahun,
        opd=evaluasi.opd,
        slug=slug(evaluasi.opd),
        berkas=evaluasi.berkas,
        lembar=evaluasi.lembar,
        baris=tuple(baris),
        catatan=evaluasi.catatan,
        rata_rata=fmean(values) if values else None,
        jumlah_kategori=tuple((p.label, counts.get(p.label, 0)) for p in SKALA_KATEGORI_BAKU),
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
