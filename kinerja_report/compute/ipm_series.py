"""IPM per year from a components table, the contribution of each dimension to the change,
and a warning wherever an RPJMD target and a realisation come from different BPS series
(docs/ipm.md)."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_report.compute.ipm import HasilIpm, IpmTidakValid, hitung_ipm, kontribusi_perubahan
from kinerja_report.model import KomponenIpm, MatriksRpjmd
from kinerja_report.problems import Masalah, masalah_di
from kinerja_report.read.normalize import normalisasi

NAMA_IPM = ("indeks pembangunan manusia", "ipm")


@dataclass(frozen=True)
class IpmTahunan:
    """IPM of one year; ``kontribusi`` (points per dimension) against the year before, when
    both years are of the same series."""

    komponen: KomponenIpm
    hasil: HasilIpm | None
    perubahan: float | None = None
    kontribusi: dict[str, float] | None = None


def ipm_tahunan(komponen: list[KomponenIpm]) -> tuple[list[IpmTahunan], list[Masalah]]:
    out: list[IpmTahunan] = []
    problems = []
    previous: IpmTahunan | None = None
    # the old series first, then each other series; changes are taken within a series
    for item in sorted(komponen, key=lambda k: (k.seri != "lama", k.seri, k.tahun)):
        values = (item.uhh.angka, item.hls.angka, item.rls.angka, item.pengeluaran.angka)
        hasil = None
        if all(v is not None for v in values):
            try:
                hasil = hitung_ipm(*values)  # type: ignore[arg-type]
            except IpmTidakValid as exc:
                problems.append(
                    masalah_di(
                        "ipm-tidak-valid", item.uhh.sumber, tahun=item.tahun, alasan=str(exc)
                    )
                )
        year = IpmTahunan(item, hasil)
        if (
            hasil is not None
            and previous is not None
            and previous.hasil is not None
            and previous.komponen.seri == item.seri
            and previous.komponen.tahun == item.tahun - 1
        ):
            year = IpmTahunan(
                item,
                hasil,
                hasil.ipm - previous.hasil.ipm,
                kontribusi_perubahan(previous.hasil, hasil),
            )
        out.append(year)
        previous = year
    return out, problems


def periksa_seri(
    tahunan: list[IpmTahunan], matriks: list[MatriksRpjmd], seri_target: str
) -> list[Masalah]:
    """Warn for each year with an RPJMD IPM target whose realisation is of another series."""
    target_years = {
        tahun
        for m in matriks
        for row in m.indikator
        if normalisasi(row.indikator) in NAMA_IPM or normalisasi(row.indikator).startswith(NAMA_IPM)
        for tahun, nilai in row.target.items()
        if not nilai.kosong
    }
    problems = []
    for year in tahunan:
        seri = year.komponen.seri
        if year.komponen.tahun in target_years and seri and seri != seri_target:
            problems.append(
                masalah_di(
                    "ipm-seri-berbeda",
                    year.komponen.uhh.sumber,
                    tahun=year.komponen.tahun,
                    seri=seri,
                    seri_target=seri_target,
                )
            )
    return problems
