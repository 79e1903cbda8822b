"""Capaian rows for every indicator: OPD rows from the E.81 forms, regency rows from the RPJMD.

Each row records the rule that produced its number (``rumus``) and where its values are.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from kinerja_report.compute.budget import efisiensi, serapan
from kinerja_report.compute.capaian import HasilCapaian, hitung_capaian, kategori_hasil
from kinerja_report.compute.progress import TIDAK_DINILAI, Kemajuan, kemajuan
from kinerja_report.compute.realisasi import (
    realisasi_anggaran,
    realisasi_sampai_triwulan,
    realisasi_tahunan,
)
from kinerja_report.compute.rules import Agregasi, AntarTahun, AturanCapaian
from kinerja_report.compute.semantics import (
    KamusRpjmd,
    SifatIndikator,
    antar_tahun,
    baca_agregasi,
    sifat_indikator,
)
from kinerja_report.model import (
    KOSONG,
    EvaluasiRenja,
    IndikatorRenja,
    IndikatorRpjmd,
    MatriksRpjmd,
    Nilai,
    Polaritas,
    TingkatIndikator,
)
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.normalize import normalisasi


@dataclass(frozen=True)
class BarisCapaian:
    """One indicator of one OPD (or the regency) in one year, with its capaian."""

    tahun: int
    opd: str
    kode: str
    tingkat: TingkatIndikator
    uraian: str
    indikator: str
    satuan: str
    sifat: SifatIndikator
    target: Nilai
    realisasi: Nilai
    capaian: HasilCapaian
    kategori: str
    target_rp: Nilai = KOSONG
    realisasi_rp: Nilai = KOSONG
    sasaran: str = ""
    tujuan: str = ""
    capaian_triwulan: tuple[float | None, ...] = ()
    """Cumulative capaian after TW I, II, III and IV."""
    serapan: float | None = None
    efisiensi: str = ""
    tahun_akhir: int | None = None
    """The last year of the period (RPJMD or Renstra PD), when known."""
    target_akhir: Nilai = KOSONG
    """The end-of-period target: RPJMD or Renstra PD (column 6)."""
    realisasi_sd_lapor: float | None = None
    """Realisation to date as the workbook states it (column 14), if it does."""
    realisasi_lalu: float | None = None
    """Realisation up to last year as the workbook states it (column 7), if it does."""
    kemajuan: Kemajuan = TIDAK_DINILAI
    triwulan: int = 4
    """4 for a year's realisation; 1-3 for a quarterly form: realisation so far against the
    year's target ('s.d. triwulan n'), not a year's result."""

    def capaian_sampai(self, triwulan: int) -> float | None:
        """Cumulative capaian after quarter ``triwulan`` (1-4); None when not known."""
        quarters = self.capaian_triwulan
        return quarters[triwulan - 1] if 0 < triwulan <= len(quarters) else None

    @property
    def polaritas(self) -> Polaritas:
        return self.sifat.polaritas

    @property
    def rumus(self) -> str:
        """The rule behind the number, for the ``rumus`` column."""
        parts = [self.capaian.rumus or f"tidak dihitung: {self.capaian.alasan}"]
        return "; ".join([*parts, self.sifat.keterangan])


def kamus_rpjmd(matriks: list[MatriksRpjmd]) -> KamusRpjmd:
    """Polarity and aggregation of the RPJMD indicators, for OPD rows of the same name."""
    rows = [row for item in matriks for row in item.indikator]
    return KamusRpjmd(
        polaritas={normalisasi(row.indikator): row.polaritas for row in rows},
        agregasi={
            normalisasi(row.indikator): agregasi
            for row in rows
            if (agregasi := baca_agregasi(row.agregasi)) is not None
        },
    )


def baris_evaluasi(
    evaluasi: EvaluasiRenja,
    aturan: AturanCapaian,
    rpjmd: KamusRpjmd | None = None,
    tahun_akhir: int | None = None,
) -> tuple[list[BarisCapaian], list[Masalah]]:
    """Capaian rows of one OPD-year, and a warning for every capaian that cannot be computed.
    ``tahun_akhir`` is the period's last year when the form's header does not name it."""
    rows, problems = [], []
    akhir = evaluasi.tahun_akhir or tahun_akhir
    for row in evaluasi.indikator:
        baris = replace(_baris_opd(evaluasi, row, aturan, rpjmd), tahun_akhir=akhir)
        if not baris.capaian.dinilai:
            target_cause = baris.capaian.alasan == "target kosong"
            where = (row.target.sumber if target_cause else baris.realisasi.sumber) or (
                row.target.sumber
            )
            problems.append(
                masalah(
                    "target-tidak-terhitung",
                    evaluasi.berkas,
                    evaluasi.lembar,
                    where.sel if where else f"A{row.baris}",
                    alasan=baris.capaian.alasan,
                )
            )
        rows.append(baris)
    return rows, problems


def sifat_baris(
    row: IndikatorRenja, aturan: AturanCapaian, rpjmd: KamusRpjmd | None
) -> SifatIndikator:
    """Polarity and aggregation of an E.81 row (see :mod:`kinerja_report.compute.semantics`)."""
    return sifat_indikator(row.indikator, aturan, rpjmd, row.polaritas, row.agregasi, row.satuan)


def _baris_opd(
    evaluasi: EvaluasiRenja, row: IndikatorRenja, aturan: AturanCapaian, rpjmd: KamusRpjmd | None
) -> BarisCapaian:
    sifat = sifat_baris(row, aturan, rpjmd)
    if evaluasi.triwulan < 4:  # a quarterly form: the realisation so far
        realisasi = realisasi_sampai_triwulan(row, evaluasi.triwulan, sifat.agregasi)
    else:
        realisasi = realisasi_tahunan(row, sifat.agregasi)
    hasil = hitung_capaian(row.target, realisasi, sifat.polaritas, aturan)
    per_triwulan = tuple(
        hitung_capaian(
            row.target, realisasi_sampai_triwulan(row, tw, sifat.agregasi), sifat.polaritas, aturan
        ).persen
        for tw in range(1, 5)
    )
    realisasi_rp = realisasi_anggaran(row, evaluasi.triwulan)
    serapan_persen = serapan(row.target_rp, realisasi_rp)
    return BarisCapaian(
        tahun=evaluasi.tahun,
        opd=evaluasi.opd,
        kode=row.kode,
        tingkat=row.tingkat,
        uraian=row.uraian,
        indikator=row.indikator,
        satuan=row.satuan,
        sifat=sifat,
        target=row.target,
        realisasi=realisasi,
        capaian=hasil,
        kategori=kategori_hasil(hasil, aturan.skala),
        target_rp=row.target_rp,
        realisasi_rp=realisasi_rp,
        sasaran=row.sasaran,
        tujuan=row.tujuan,
        capaian_triwulan=per_triwulan,
        serapan=serapan_persen,
        efisiensi=efisiensi(hasil.persen, serapan_persen, aturan),
        target_akhir=row.target_renstra,
        realisasi_sd_lapor=row.realisasi_renstra.angka,
        realisasi_lalu=row.realisasi_lalu.angka,
        triwulan=evaluasi.triwulan,
    )


def baris_rpjmd(
    matriks: MatriksRpjmd, nama_daerah: str, aturan: AturanCapaian, tahun_akhir: int | None = None
) -> list[BarisCapaian]:
    """Regency rows: every year up to the last year with any realisation in the matrix.
    The period ends in the matrix's own last year (title or target columns), else
    ``tahun_akhir``."""
    filled = [
        tahun
        for row in matriks.indikator
        for tahun, nilai in row.realisasi.items()
        if not nilai.kosong
    ]
    if not filled:
        return []
    last = max(filled)
    akhir = matriks.tahun_akhir or tahun_akhir
    return [
        replace(_baris_daerah(row, tahun, nama_daerah, aturan), tahun_akhir=akhir)
        for row in matriks.indikator
        for tahun in sorted(row.target)
        if tahun <= last and tahun in row.realisasi
    ]


def _baris_daerah(
    row: IndikatorRpjmd, tahun: int, nama_daerah: str, aturan: AturanCapaian
) -> BarisCapaian:
    """RPJMD indicators state a level per year: aggregation 'akhir' unless the matrix says
    otherwise, so progress compares the latest value with the end target."""
    agregasi = baca_agregasi(row.agregasi)
    tahunan, sumber_tahunan = antar_tahun(row.indikator, row.satuan, agregasi or Agregasi.AKHIR)
    sifat = SifatIndikator(
        row.polaritas,
        agregasi or Agregasi.AKHIR,
        "RPJMD",
        "RPJMD" if agregasi else "bawaan IKD",
        tahunan,
        sumber_tahunan,
    )
    target, realisasi = row.target[tahun], row.realisasi[tahun]
    hasil = hitung_capaian(target, realisasi, row.polaritas, aturan)
    return BarisCapaian(
        tahun=tahun,
        opd=nama_daerah,
        kode="",
        tingkat=TingkatIndikator.DAERAH,
        uraian=row.sasaran,
        indikator=row.indikator,
        satuan=row.satuan,
        sifat=sifat,
        target=target,
        realisasi=realisasi,
        capaian=hasil,
        kategori=kategori_hasil(hasil, aturan.skala),
        sasaran=row.sasaran,
        tujuan=row.tujuan,
        target_akhir=row.target.get(max(row.target), KOSONG) if row.target else KOSONG,
    )


def tambah_kemajuan(rows: list[BarisCapaian], aturan: AturanCapaian) -> list[BarisCapaian]:
    """Add progress toward the end target to every row, from the same indicator's values in
    this and earlier years (matched by OPD, code and indicator name)."""
    # one value per indicator per year (the first met, should a name repeat within a year)
    seri: dict[tuple[str, str, str, str], dict[int, float]] = defaultdict(dict)
    for row in rows:
        if row.realisasi.angka is not None and row.triwulan == 4:
            seri[_kunci(row)].setdefault(row.tahun, row.realisasi.angka)
    out = []
    for row in rows:
        if row.realisasi.angka is None or row.triwulan < 4:
            # no status for a year without a realisation, nor from a part of a year
            out.append(row)
            continue
        sampai = sorted((t, v) for t, v in seri[_kunci(row)].items() if t <= row.tahun)
        progress = kemajuan(
            row.target_akhir.angka,
            sampai,
            row.sifat.antar_tahun,
            row.polaritas,
            aturan,
            realisasi_sd_dinyatakan(row),
            row.tahun_akhir,
        )
        out.append(replace(row, kemajuan=progress))
    return out


def realisasi_sd_dinyatakan(row: BarisCapaian) -> float | None:
    """The realisation to date the workbook gives, for indicators whose years add up: its
    column 14, else column 7 + this year's; None for rates (their latest value counts)."""
    if row.sifat.antar_tahun is not AntarTahun.JUMLAH:
        return None
    if row.realisasi_sd_lapor is not None:
        return row.realisasi_sd_lapor
    if row.realisasi_lalu is not None and row.realisasi.angka is not None:
        return row.realisasi_lalu + row.realisasi.angka
    return None


def _kunci(row: BarisCapaian) -> tuple[str, str, str, str]:
    """One indicator across years: its OPD, code, programme/kegiatan name and name (forms
    without codes repeat names like 'Jumlah Laporan' under many sub kegiatan)."""
    return (normalisasi(row.opd), row.kode, normalisasi(row.uraian), normalisasi(row.indikator))
