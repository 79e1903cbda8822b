"""Capaian (achievement) arithmetic, as docs/capaian.md describes it.

* positive indicator: capaian = R / T x 100;
* negative indicator (formula A, the default): capaian = (2T - R) / T x 100, floored at 0;
* zero target: T = 0 and R = 0 gives 100; a negative indicator with T = 0 and R > 0 gives 0;
  a positive indicator with T = 0 and R != 0 is not computable;
* ordinal targets (Opini BPK, predikat SAKIP, IKM categories, more in the settings) are
  reached or not by rank: no percentage, the kategori 'Tercapai' / 'Tidak tercapai';
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
    LABEL_TERCAPAI,
    LABEL_TIDAK_TERCAPAI,
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


@dataclass(frozen=True)
class HasilCapaian:
    """A capaian in percent (``None`` when not computable), the rule used, and why not.
    An ordinal indicator has no percentage: ``tercapai`` says whether it reached its
    target by rank (None for every other indicator)."""

    persen: float | None
    rumus: str
    alasan: str = ""
    tercapai: bool | None = None

    @property
    def urut(self) -> bool:
        """Scored by rank on an ordinal scale, not as a percentage."""
        return self.tercapai is not None

    @property
    def dinilai(self) -> bool:
        """A percentage or a rank result exists."""
        return self.persen is not None or self.urut

    @property
    def target_tercapai(self) -> bool:
        """Reached: by rank for an ordinal indicator, else a capaian of 100 % or more."""
        if self.tercapai is not None:
            return self.tercapai
        return self.persen is not None and self.persen >= 100


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
    >>> hitung_capaian(Nilai(teks="WTP"), Nilai(teks="WDP"), Polaritas.POSITIF).tercapai
    False
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
    return _kualitatif(target, realisasi, aturan)


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


def _kualitatif(target: Nilai, realisasi: Nilai, aturan: AturanCapaian) -> HasilCapaian:
    """Texts of one ordinal scale: reached when the realisation ranks as high as the target
    or higher (the scale lists the best first, whatever the polarity)."""
    t_text, r_text = target.teks or "", realisasi.teks or ""
    for skala in aturan.skala_urut:
        t_rank, r_rank = skala.peringkat(t_text), skala.peringkat(r_text)
        if t_rank is not None and r_rank is not None:
            tercapai = r_rank <= t_rank
            urutan = " > ".join(skala.urutan)
            return HasilCapaian(
                None,
                f"urutan ({skala.nama}: {urutan}): "
                f"{'tercapai' if tercapai else 'tidak tercapai'}, bukan persentase",
                tercapai=tercapai,
            )
    return HasilCapaian(
        None,
        "",
        f"target '{target.teks or target.angka}' dan realisasi "
        f"'{realisasi.teks or realisasi.angka}' tidak dapat dibandingkan",
    )


def kategori_hasil(hasil: HasilCapaian, skala: tuple[Pita, ...] = SKALA_KATEGORI_BAKU) -> str:
    """The kategori of a result: 'Tercapai' / 'Tidak tercapai' for an ordinal indicator,
    else the band of its percentage ('' when there is none)."""
    if hasil.tercapai is not None:
        return LABEL_TERCAPAI if hasil.tercapai else LABEL_TIDAK_TERCAPAI
    return kategori(hasil.persen, skala)


def kategori(persen: float | None, skala: tuple[Pita, ...] = SKALA_KATEGORI_BAKU) -> str:
    """The category label of a capaian; '' when there is no capaian."""
    if persen is None:
        return ""
    for pita in skala:
        if persen >= pita.batas if pita.inklusif else persen > pita.batas:
            return pita.label
    return skala[-1].label
