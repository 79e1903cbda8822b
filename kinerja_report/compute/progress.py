"""Progress toward the end-of-period target (RPJMD / Renstra) and its status.

Realisation to date (column 14 of form E.81) is the sum of the years so far for indicators
whose years add up (``antar_tahun`` ``jumlah``: counts), else the latest value (rates,
percentages, indices: ``terakhir``); docs/capaian.md, 'Kemajuan menuju target akhir
periode'. The end year is the period's own (the header of column 6, the RPJMD matrix or
``[periode] akhir``), never a constant. The status:

* ``tercapai``: capaian of the realisation to date against the end target is >= 100;
* else the realisation is projected to the end year: for ``jumlah`` indicators, the
  realisation to date plus the mean yearly realisation for each remaining year; otherwise
  the least-squares line through the yearly values (the latest value when there is one
  year only; with ``[kewajaran] pencilan = "keluarkan"`` without the years that
  :func:`tahun_menyimpang` finds, the year evaluated always kept); then ``sesuai jalur``
  when the projection's capaian is >= 100, ``berisiko`` when it is >= 90, ``tidak
  tercapai`` below 90;
* empty when the end year, the end target or the year's own realisation is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from kinerja_report.compute.capaian import capaian_angka
from kinerja_report.compute.rules import AntarTahun, AturanCapaian
from kinerja_report.model import Polaritas

AMBANG_BERISIKO = 90.0


@dataclass(frozen=True)
class Kemajuan:
    """Progress of one indicator toward the end target, as of ``tahun``."""

    realisasi_sd: float | None
    capaian_sd: float | None
    proyeksi: float | None
    status: str


TIDAK_DINILAI = Kemajuan(None, None, None, "")


def _garis(seri: list[tuple[int, float]], tahun: int) -> float:
    """The least-squares line through ``seri`` evaluated at ``tahun``."""
    if len(seri) == 1:
        return seri[0][1]
    xs = [float(x) for x, _ in seri]
    ys = [y for _, y in seri]
    mx, my = fmean(xs), fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:  # every value of one year: no trend to draw
        return seri[-1][1]
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    return my + slope * (tahun - mx)


def tahun_menyimpang(seri: Sequence[tuple[int, float]], ambang: float) -> list[int]:
    """The years of ``seri`` (sorted) whose value is further than ``ambang`` (a fraction)
    from the mean of the years on both sides, while those two are within ``ambang`` of each
    other (AKB 9,6 -> 19,7 -> 8,7: 2022)."""
    found = []
    for (_, a), (tahun, v), (_, b) in zip(seri, seri[1:], seri[2:], strict=False):
        base = (a + b) / 2
        if base > 0 and abs(a - b) / base <= ambang and abs(v - base) / base > ambang:
            found.append(tahun)
    return found


def kemajuan(
    target_akhir: float | None,
    seri: list[tuple[int, float]],
    antar_tahun: AntarTahun,
    polaritas: Polaritas,
    aturan: AturanCapaian,
    realisasi_sd: float | None = None,
    tahun_akhir: int | None = None,
) -> Kemajuan:
    """Progress from yearly values ``seri`` ((year, value), sorted, the last one the year
    evaluated) toward ``target_akhir`` in ``tahun_akhir``. ``realisasi_sd``, when the workbook
    gives it (column 14, or 7 + 13), replaces the sum for indicators whose years add up."""
    if target_akhir is None or not seri or tahun_akhir is None:
        return TIDAK_DINILAI
    last_year, last_value = seri[-1]
    jumlah = antar_tahun is AntarTahun.JUMLAH
    if realisasi_sd is None or not jumlah:
        realisasi_sd = sum(v for _, v in seri) if jumlah else last_value
    capaian_sd = capaian_angka(target_akhir, realisasi_sd, polaritas, aturan).persen
    if capaian_sd is None:
        return TIDAK_DINILAI
    if jumlah:
        proyeksi = realisasi_sd + fmean(v for _, v in seri) * max(0, tahun_akhir - last_year)
    else:
        garis = seri
        if aturan.pencilan_proyeksi is not None:
            keluar = set(tahun_menyimpang(seri, aturan.pencilan_proyeksi))
            garis = [(t, v) for t, v in seri if t not in keluar]
        proyeksi = _garis(garis, tahun_akhir) if last_year < tahun_akhir else last_value
    if capaian_sd >= 100:
        return Kemajuan(realisasi_sd, capaian_sd, proyeksi, "tercapai")
    capaian_proyeksi = capaian_angka(target_akhir, proyeksi, polaritas, aturan).persen or 0.0
    if capaian_proyeksi >= 100:
        status = "sesuai jalur"
    elif capaian_proyeksi >= AMBANG_BERISIKO:
        status = "berisiko"
    else:
        status = "tidak tercapai"
    return Kemajuan(realisasi_sd, capaian_sd, proyeksi, status)
