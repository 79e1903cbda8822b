"""Indeks Pembangunan Manusia (IPM), BPS method (docs/ipm.md).

::

    I_kesehatan   = (UHH - 20) / (85 - 20)
    I_pendidikan  = (HLS / 18 + RLS / 15) / 2
    I_pengeluaran = (ln P - ln 1.007.436) / (ln 26.572.352 - ln 1.007.436)   P: Rp per year
    IPM           = 100 x cube root(I_kesehatan x I_pendidikan x I_pengeluaran)

BPS publishes P (adjusted real per-capita expenditure) in thousand rupiah per year; the
functions here take it in thousand rupiah, as published, and multiply by 1000.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kinerja_report.formats import angka

UHH_MIN = 20.0
UHH_MAKS = 85.0
HLS_MAKS = 18.0
RLS_MAKS = 15.0
PENGELUARAN_MIN = 1_007_436.0
"""Minimum adjusted per-capita expenditure, rupiah per year (BPS goalpost)."""
PENGELUARAN_MAKS = 26_572_352.0
"""Maximum adjusted per-capita expenditure, rupiah per year (BPS goalpost)."""


class IpmTidakValid(ValueError):
    """An IPM input is out of range; the message (Indonesian) names the component."""


@dataclass(frozen=True)
class HasilIpm:
    """The three dimension indices (0-1), the IPM and its BPS status."""

    indeks_kesehatan: float
    indeks_pendidikan: float
    indeks_pengeluaran: float
    ipm: float
    """Unrounded IPM (0-100)."""
    ipm_dibulatkan: float
    """IPM rounded to 2 decimals, half up, as BPS publishes it."""
    status: str
    """'rendah', 'sedang', 'tinggi' or 'sangat tinggi', judged on ``ipm_dibulatkan``."""


def bulatkan(value: float, desimal: int = 2) -> float:
    """Round half up (not half even) to ``desimal`` decimals, on the value's decimal text.

    ``Decimal(repr(value))`` rounds the shortest text that gives back the float, so 71.385
    becomes 71.39 as a person rounding the printed number would get.
    """
    kuantum = Decimal(1).scaleb(-desimal)
    return float(Decimal(repr(value)).quantize(kuantum, rounding=ROUND_HALF_UP))


def status_ipm(ipm_dibulatkan: float) -> str:
    """BPS status: rendah < 60, sedang 60-< 70, tinggi 70-< 80, sangat tinggi >= 80."""
    if ipm_dibulatkan >= 80:
        return "sangat tinggi"
    if ipm_dibulatkan >= 70:
        return "tinggi"
    if ipm_dibulatkan >= 60:
        return "sedang"
    return "rendah"


def _teks(value: float) -> str:
    """A number in Indonesian notation for an error message ('71,2', '1.000')."""
    if isinstance(value, int | float) and math.isfinite(value):
        return angka(value, 4)
    return repr(value)


def _periksa(nama: str, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise IpmTidakValid(f"{nama} harus berupa angka, bukan {value!r}")
    if not math.isfinite(value):
        raise IpmTidakValid(f"{nama} bukan angka yang sah ({_teks(value)})")
    if value < 0:
        raise IpmTidakValid(f"{nama} tidak boleh negatif ({_teks(value)})")


def hitung_ipm(uhh: float, hls: float, rls: float, pengeluaran_ribu: float) -> HasilIpm:
    """IPM from UHH (years), HLS (years), RLS (years) and P (thousand rupiah per year).

    Caps: as in the BPS method (goalposts HLS 0-18 and RLS 0-15, as UNDP does), an HLS
    above 18 counts as 18 and an RLS above 15 counts as 15 in the education index, so that
    index never exceeds 1. UHH and P are not capped but checked against the goalposts.

    Raises :class:`IpmTidakValid` (Indonesian message naming the component) for NaN,
    infinite or negative values; UHH <= 20 or > 85 years; HLS and RLS both 0; an
    expenditure <= 0 or not above the BPS minimum of Rp 1.007.436 per year (an index <= 0
    leaves the geometric mean undefined or 0); and an expenditure above the BPS maximum of
    Rp 26.572.352 per year, which almost always means rupiah were given instead of
    thousand rupiah.
    """
    _periksa("UHH (umur harapan hidup)", uhh)
    _periksa("HLS (harapan lama sekolah)", hls)
    _periksa("RLS (rata-rata lama sekolah)", rls)
    _periksa("Pengeluaran per kapita", pengeluaran_ribu)
    if not UHH_MIN < uhh <= UHH_MAKS:
        raise IpmTidakValid(
            f"UHH (umur harapan hidup) harus lebih dari 20 dan paling tinggi 85 tahun "
            f"(diberikan {_teks(uhh)})"
        )
    if hls == 0 and rls == 0:
        raise IpmTidakValid("HLS dan RLS keduanya 0: indeks pendidikan nol")
    if pengeluaran_ribu <= 0:
        raise IpmTidakValid(
            f"Pengeluaran per kapita harus lebih dari 0 (diberikan {_teks(pengeluaran_ribu)})"
        )
    rupiah = pengeluaran_ribu * 1000
    if not PENGELUARAN_MIN < rupiah <= PENGELUARAN_MAKS:
        raise IpmTidakValid(
            "Pengeluaran per kapita harus lebih dari 1.007,436 dan paling tinggi 26.572,352 "
            f"ribu rupiah per tahun (diberikan {_teks(pengeluaran_ribu)}); isian dalam ribu "
            "rupiah, mis. 11.059"
        )

    kesehatan = (uhh - UHH_MIN) / (UHH_MAKS - UHH_MIN)
    pendidikan = (min(hls, HLS_MAKS) / HLS_MAKS + min(rls, RLS_MAKS) / RLS_MAKS) / 2
    pengeluaran = (math.log(rupiah) - math.log(PENGELUARAN_MIN)) / (
        math.log(PENGELUARAN_MAKS) - math.log(PENGELUARAN_MIN)
    )
    ipm = 100 * (kesehatan * pendidikan * pengeluaran) ** (1 / 3)
    dibulatkan = bulatkan(ipm)
    return HasilIpm(
        indeks_kesehatan=kesehatan,
        indeks_pendidikan=pendidikan,
        indeks_pengeluaran=pengeluaran,
        ipm=ipm,
        ipm_dibulatkan=dibulatkan,
        status=status_ipm(dibulatkan),
    )


def kontribusi_perubahan(sebelum: HasilIpm, sesudah: HasilIpm) -> dict[str, float]:
    """Points of the IPM change due to each dimension (log decomposition).

    ln IPM = (ln Ik + ln Ip + ln Ie) / 3 + ln 100, so the change in ln IPM splits exactly
    into three parts; dimension d gets (ln Id_sesudah - ln Id_sebelum) / 3 divided by
    (ln IPM_sesudah - ln IPM_sebelum), times the change in (unrounded) IPM points. The
    three values add up to ``sesudah.ipm - sebelum.ipm``. No change gives zeros.
    """
    perubahan = sesudah.ipm - sebelum.ipm
    nol = {"kesehatan": 0.0, "pendidikan": 0.0, "pengeluaran": 0.0}
    total_log = math.log(sesudah.ipm) - math.log(sebelum.ipm)
    if perubahan == 0 or total_log == 0:
        return nol
    pasangan = {
        "kesehatan": (sebelum.indeks_kesehatan, sesudah.indeks_kesehatan),
        "pendidikan": (sebelum.indeks_pendidikan, sesudah.indeks_pendidikan),
        "pengeluaran": (sebelum.indeks_pengeluaran, sesudah.indeks_pengeluaran),
    }
    return {
        nama: (math.log(akhir) - math.log(awal)) / 3 / total_log * perubahan
        for nama, (awal, akhir) in pasangan.items()
    }
