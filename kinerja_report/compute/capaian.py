"""Capaian (achievement) arithmetic, as docs/capaian.md describes it.

* positive indicator: capaian = R / T x 100;
* negative indicator (formula A, the default): capaian = (2T - R) / T x 100, floored at 0;
* zero target: T = 0 and R = 0 gives 100; a negative indicator with T = 0 and R > 0 gives 0;
  a positive indicator with T = 0 and R != 0 is not computable;
* qualitative targets (Opini BPK, nilai SAKIP) are mapped to their ordinal scale first;
* range targets ('80-90'): a realisation inside the range gives 100; outside, the nearer
  bound is the target;
* no cap: the raw value is kept.

The negative formula and the category bands are settings (:class:`AturanCapaian`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from kinerja_report.compute.rules import (
    SKALA_KATEGORI_BAKU,
    AturanCapaian,
    Pita,
    RumusNegatif,
)
from kinerja_report.model import Nilai, Polaritas
from kinerja_report.read.numbers import BukanAngka, parse_angka

BAKU = AturanCapaian()
_RENTANG = re.compile(
    r"^\s*(\S+?)\s*%?\s*(?:-|\u2013|s\.?d\.?|sampai)\s*(\S+?)\s*%?\s*$", re.IGNORECASE
)

SKALA_KUALITATIF: dict[str, dict[str, int]] = {
    "opini BPK": {"TMP": 1, "TW": 2, "WDP": 3, "WTP": 4},
    "nilai SAKIP": {"D": 1, "C": 2, "CC": 3, "B": 4, "BB": 5, "A": 6, "AA": 7},
}


@dataclass(frozen=True)
class HasilCapaian:
    """A capaian in percent (``None`` when not computable), the rule used, and why not."""

    persen: float | None
    rumus: str
    alasan: str = ""


def capaian_angka(
    target: float, realisasi: float, polaritas: Polaritas, aturan: AturanCapaian = BAKU
) -> HasilCapaian:
    """Capaian of numeric T and R; not computable when the ratio does not fit in a float
    (a tiny target: R / 1e-300)."""
    hasil = _capaian_angka(target, realisasi, polaritas, aturan)
    if hasil.persen is not None and not math.isfinite(hasil.persen):
        return HasilCapaian(None, "", "capaian terlalu besar untuk dihitung (target hampir 0)")
    return hasil


def _capaian_angka(
    target: float, realisasi: float, polaritas: Polaritas, aturan: AturanCapaian
) -> HasilCapaian:
    if target == 0:
        return _target_nol(realisasi, polaritas)
    if polaritas is Polaritas.NEGATIF and aturan.rumus_negatif is RumusNegatif.B:
        if realisasi == 0:
            return HasilCapaian(None, "", "rumus negatif B (T/R) tidak terdefinisi untuk R = 0")
        return HasilCapaian(target / realisasi * 100, "negatif B: T/R x 100")
    if polaritas is Polaritas.NEGATIF:
        return HasilCapaian(
            max(0.0, (2 * target - realisasi) / target * 100), "negatif A: (2T-R)/T x 100, min 0"
        )
    return HasilCapaian(realisasi / target * 100, "positif: R/T x 100")


def _target_nol(realisasi: float, polaritas: Polaritas) -> HasilCapaian:
    if realisasi == 0:
        return HasilCapaian(100.0, "target nol: R = T = 0")
    if polaritas is Polaritas.NEGATIF:
        return HasilCapaian(0.0, "target nol: negatif, R > 0")
    return HasilCapaian(None, "", "target 0 untuk indikator positif tidak dapat dibagi")


def hitung_capaian(
    target: Nilai, realisasi: Nilai, polaritas: Polaritas, aturan: AturanCapaian = BAKU
) -> HasilCapaian:
    """Capaian from two cell values: numbers, ranges, or texts of one qualitative scale.

    ``target`` and ``realisasi`` are :class:`Nilai` (``Nilai(angka=13.5)``,
    ``Nilai(teks="WTP")``, ``Nilai(teks="80-90")``); ``aturan`` holds the region's choices
    (negative formula A or B, category scale). The result's ``persen`` is None when the
    capaian cannot be computed, with the reason in ``alasan``; ``rumus`` names the rule used.
    The rules: docs/capaian.md.

    >>> hitung_capaian(Nilai(angka=13.5), Nilai(angka=14.12), Polaritas.NEGATIF).rumus
    'negatif A: (2T-R)/T x 100, min 0'
    >>> hitung_capaian(Nilai(teks="WTP"), Nilai(teks="WDP"), Polaritas.POSITIF).persen
    75.0
    """
    if target.kosong:
        return HasilCapaian(None, "", "target kosong")
    if realisasi.kosong:
        return HasilCapaian(None, "", "realisasi kosong")
    if target.angka is not None and realisasi.angka is not None:
        return capaian_angka(target.angka, realisasi.angka, polaritas, aturan)
    rentang = baca_rentang(target.teks or "")
    if rentang is not None and realisasi.angka is not None:
        return _capaian_rentang(rentang, realisasi.angka, polaritas, aturan)
    return _kualitatif(target, realisasi, polaritas, aturan)


def baca_rentang(text: str) -> tuple[float, float] | None:
    """'80-90', '80 - 90', '80 s.d. 90' -> (80.0, 90.0); None when it is not a range."""
    found = _RENTANG.match(text)
    if not found:
        return None
    try:
        low, high = parse_angka(found.group(1)), parse_angka(found.group(2))
    except BukanAngka:
        return None
    if low is None or high is None:
        return None
    return (min(low, high), max(low, high))


def _capaian_rentang(
    rentang: tuple[float, float], realisasi: float, polaritas: Polaritas, aturan: AturanCapaian
) -> HasilCapaian:
    low, high = rentang
    if low <= realisasi <= high:
        return HasilCapaian(100.0, "rentang: R di dalam rentang target = 100")
    bound = low if realisasi < low else high
    hasil = capaian_angka(bound, realisasi, polaritas, aturan)
    return HasilCapaian(
        hasil.persen, f"rentang: batas terdekat sebagai T, {hasil.rumus}", hasil.alasan
    )


def _kualitatif(
    target: Nilai, realisasi: Nilai, polaritas: Polaritas, aturan: AturanCapaian
) -> HasilCapaian:
    t_text = (target.teks or "").strip().upper()
    r_text = (realisasi.teks or "").strip().upper()
    for nama, skala in SKALA_KUALITATIF.items():
        if t_text in skala and r_text in skala:
            hasil = capaian_angka(skala[t_text], skala[r_text], polaritas, aturan)
            return HasilCapaian(hasil.persen, f"kualitatif ({nama}): {hasil.rumus}")
    return HasilCapaian(
        None,
        "",
        f"target '{target.teks or target.angka}' dan realisasi "
        f"'{realisasi.teks or realisasi.angka}' tidak dapat dibandingkan",
    )


def kategori(persen: float | None, skala: tuple[Pita, ...] = SKALA_KATEGORI_BAKU) -> str:
    """The category label of a capaian; '' when there is no capaian."""
    if persen is None:
        return ""
    for pita in skala:
        if persen >= pita.batas if pita.inklusif else persen > pita.batas:
            return pita.label
    return skala[-1].label
