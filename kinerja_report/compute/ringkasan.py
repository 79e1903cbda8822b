"""The regency's year at a glance, for the documents Bappeda writes itself (the regent's
summary, the LKjIP): regency indicators with their years so far and the national figure,
the IPM with its dimensions, the OPDs ranked, the indicators at risk, the budget.

Only what the inputs hold: a year gets a summary when the RPJMD matrix gives regency
indicators for it; an OPD form alone never makes a regency summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kinerja_report.compute.ipm_series import NAMA_IPM, IpmTahunan
from kinerja_report.compute.report import LaporanOpd
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.model import MatriksRpjmd, Nilai, NilaiPembanding, TingkatIndikator
from kinerja_report.read.normalize import normalisasi
from kinerja_report.read.pembanding import cari_pembanding
from kinerja_report.settings import Daerah

STATUS_RAWAN = ("berisiko", "tidak tercapai")
"""Progress statuses toward the end of the period that put an indicator on the list."""


@dataclass(frozen=True)
class IndikatorDaerah:
    """One regency indicator in one year, with what came before."""

    baris: BarisCapaian
    seri: tuple[tuple[int, float], ...]
    """Realisation of each year up to this one."""
    seri_target: tuple[tuple[int, float], ...]
    """Target of each year of the period."""
    nasional: NilaiPembanding | None
    provinsi: NilaiPembanding | None
    nasional_lalu: NilaiPembanding | None
    penanggung_jawab: str
    seri_daerah: str = ""
    """The BPS series of the regency's realisation ('lama', 'baru'; '' when none applies):
    the RPJMD target's series for IPM."""
    daerah_sebanding: float | None = None
    """The regency's value in the national figure's series, to set beside it: the
    realisation when the series agree (or either is unknown), the regency's IPM of the
    national figure's series from the components table when they differ; None when no
    figure of that series is known (then the two are not compared)."""

    @property
    def seri_berbeda(self) -> bool:
        """The national figure is of another series than the regency's realisation."""
        seri = self.nasional.seri if self.nasional else ""
        return bool(seri and self.seri_daerah and seri != self.seri_daerah)

    @property
    def realisasi_lalu(self) -> tuple[int, float] | None:
        """Last year's realisation, when there is one."""
        lalu = [(t, v) for t, v in self.seri if t == self.baris.tahun - 1]
        return lalu[0] if lalu else None


@dataclass(frozen=True)
class PanelIpm:
    """The IPM of the year (the RPJMD target's series) and the year before, with the
    contribution of each dimension to the change, and the caveat about series."""

    tahun: int
    ipm: IpmTahunan
    sebelum: IpmTahunan | None
    seri_lain: IpmTahunan | None
    """The same year in the other BPS series, when the table has it."""
    seri_target: str


@dataclass(frozen=True)
class PeringkatOpd:
    opd: str
    rata_rata: float | None
    kategori: str
    jumlah_indikator: int
    pagu: float
    realisasi: float
    serapan: float | None


@dataclass(frozen=True)
class IndikatorRawan:
    """An indicator not reached this year or at risk for the end of the period."""

    opd: str
    indikator: str
    satuan: str
    target: Nilai
    realisasi: Nilai
    capaian: float | None
    kategori: str
    status: str
    daerah: bool
    tercapai: bool | None = None
    """For an ordinal indicator: reached by rank (no percentage); None for the others."""
    """A regency indicator (RPJMD), else an OPD programme's outcome."""


@dataclass(frozen=True)
class RingkasanTahun:
    tahun: int
    daerah: Daerah
    indikator: tuple[IndikatorDaerah, ...]
    ipm: PanelIpm | None
    peringkat: tuple[PeringkatOpd, ...]
    rawan: tuple[IndikatorRawan, ...]
    tahun_akhir: int | None
    jumlah_urut: int = 0
    """OPD indicators on an ordinal scale, left out of the OPDs' average capaian."""

    @property
    def pagu(self) -> float:
        return sum(p.pagu for p in self.peringkat)

    @property
    def realisasi_anggaran(self) -> float:
        return sum(p.realisasi for p in self.peringkat)

    @property
    def serapan(self) -> float | None:
        return self.realisasi_anggaran / self.pagu * 100 if self.pagu else None

    def jumlah_tercapai(self) -> int:
        """Regency indicators that reached this year's target (ordinal ones by rank)."""
        return sum(1 for i in self.indikator if i.baris.capaian.target_tercapai)

    def jumlah_kategori(self) -> list[tuple[str, int]]:
        """Regency indicators per predikat, in the order met."""
        labels = [i.baris.kategori for i in self.indikator if i.baris.kategori]
        return [(label, labels.count(label)) for label in dict.fromkeys(labels)]

    def belum_dinilai(self) -> list[str]:
        """Regency indicators without a predikat this year (no target or no realisation):
        the headline's count includes them, the predikat counts do not."""
        return [i.baris.indikator for i in self.indikator if not i.baris.kategori]


def ringkasan_tahunan(
    baris_daerah: Sequence[BarisCapaian],
    laporan: Sequence[LaporanOpd],
    ipm: Sequence[IpmTahunan],
    pembanding: Sequence[NilaiPembanding],
    matriks: Sequence[MatriksRpjmd],
    daerah: Daerah,
    seri_target: str = "lama",
) -> list[RingkasanTahun]:
    """One summary per year with regency indicators (in the RPJMD's order)."""
    pj = {normalisasi(row.indikator): row.penanggung_jawab for m in matriks for row in m.indikator}
    target_seri = {
        normalisasi(row.indikator): tuple(
            sorted((t, v.angka) for t, v in row.target.items() if v.angka is not None)
        )
        for m in matriks
        for row in m.indikator
    }
    out = []
    for tahun in sorted({row.tahun for row in baris_daerah}):
        rows = [row for row in baris_daerah if row.tahun == tahun]
        indikator = tuple(
            IndikatorDaerah(
                baris=row,
                seri=tuple(
                    sorted(
                        (r.tahun, r.realisasi.angka)
                        for r in baris_daerah
                        if r.indikator == row.indikator
                        and r.tahun <= tahun
                        and r.realisasi.angka is not None
                    )
                ),
                seri_target=target_seri.get(normalisasi(row.indikator), ()),
                nasional=cari_pembanding(pembanding, row.indikator, tahun),
                provinsi=cari_pembanding(pembanding, row.indikator, tahun, "provinsi"),
                nasional_lalu=cari_pembanding(pembanding, row.indikator, tahun - 1),
                penanggung_jawab=pj.get(normalisasi(row.indikator), ""),
                seri_daerah=seri_target if adalah_ipm(row.indikator) else "",
                daerah_sebanding=nilai_sebanding(
                    row, cari_pembanding(pembanding, row.indikator, tahun), ipm, seri_target
                ),
            )
            for row in rows
        )
        opd = [lap for lap in laporan if lap.tahun == tahun]
        out.append(
            RingkasanTahun(
                tahun=tahun,
                daerah=daerah,
                indikator=indikator,
                ipm=panel_ipm(ipm, tahun, seri_target),
                peringkat=peringkat_opd(opd),
                rawan=tuple(_rawan(indikator, opd)),
                tahun_akhir=next((r.tahun_akhir for r in rows if r.tahun_akhir), None),
                jumlah_urut=sum(1 for lap in opd for row in lap.baris if row.capaian.urut),
            )
        )
    return out


def adalah_ipm(indikator: str) -> bool:
    """'Indeks Pembangunan Manusia', 'IPM ...'."""
    return normalisasi(indikator).startswith(NAMA_IPM)


def nilai_sebanding(
    row: BarisCapaian,
    nasional: NilaiPembanding | None,
    ipm: Sequence[IpmTahunan],
    seri_target: str,
) -> float | None:
    """The regency's value comparable with ``nasional`` (:attr:`IndikatorDaerah.daerah_sebanding`):
    a comparison across BPS series is never made; an IPM of the national figure's series is
    taken from the components table when it has that year."""
    if nasional is None:
        return None
    seri_daerah = seri_target if adalah_ipm(row.indikator) else ""
    if not nasional.seri or not seri_daerah or nasional.seri == seri_daerah:
        return row.realisasi.angka
    return next(
        (
            i.hasil.ipm_dibulatkan
            for i in ipm
            if i.komponen.tahun == row.tahun and i.komponen.seri == nasional.seri and i.hasil
        ),
        None,
    )


def panel_ipm(ipm: Sequence[IpmTahunan], tahun: int, seri_target: str) -> PanelIpm | None:
    """The year's IPM in the target's series (else any series with a result)."""
    tahun_ini = [i for i in ipm if i.komponen.tahun == tahun and i.hasil is not None]
    if not tahun_ini:
        return None
    utama = next((i for i in tahun_ini if i.komponen.seri == seri_target), tahun_ini[0])
    lain = next((i for i in tahun_ini if i is not utama), None)
    sebelum = next(
        (
            i
            for i in ipm
            if i.komponen.tahun == tahun - 1
            and i.komponen.seri == utama.komponen.seri
            and i.hasil is not None
        ),
        None,
    )
    return PanelIpm(tahun, utama, sebelum, lain, seri_target)


def peringkat_opd(laporan: Sequence[LaporanOpd]) -> tuple[PeringkatOpd, ...]:
    """OPDs by average capaian, highest first (those without one last, by name)."""
    items = [
        PeringkatOpd(
            lap.opd,
            lap.rata_rata,
            lap.kategori_rata_rata,
            len(lap.baris),
            lap.anggaran.pagu,
            lap.anggaran.realisasi,
            lap.anggaran.serapan,
        )
        for lap in laporan
    ]
    return tuple(sorted(items, key=lambda p: (p.rata_rata is None, -(p.rata_rata or 0.0), p.opd)))


def _rawan_baris(row: BarisCapaian) -> bool:
    belum = row.capaian.dinilai and not row.capaian.target_tercapai
    return belum or row.kemajuan.status in STATUS_RAWAN


def _rawan(
    indikator: Sequence[IndikatorDaerah], laporan: Sequence[LaporanOpd]
) -> list[IndikatorRawan]:
    """Regency indicators, then OPD programme outcomes, not reached this year or at risk."""
    out = [
        _jadi_rawan(item.baris, item.penanggung_jawab or item.baris.opd, daerah=True)
        for item in indikator
        if _rawan_baris(item.baris)
    ]
    for lap in laporan:
        out.extend(
            _jadi_rawan(row, lap.opd, daerah=False)
            for row in lap.baris
            if row.tingkat is TingkatIndikator.PROGRAM and _rawan_baris(row)
        )
    return out


def _jadi_rawan(row: BarisCapaian, opd: str, daerah: bool) -> IndikatorRawan:
    return IndikatorRawan(
        opd=opd,
        indikator=row.indikator,
        satuan=row.satuan,
        target=row.target,
        realisasi=row.realisasi,
        capaian=row.capaian.persen,
        kategori=row.kategori,
        status=row.kemajuan.status,
        daerah=daerah,
        tercapai=row.capaian.tercapai,
    )
