"""Capaian (achievement) arithmetic, as DOMAIN.md section 3 and the regulations give it.

* positive indicator: capaian = R / T x 100;
* negative indicator (formula A, the default): capaian = (2T - R) / T x 100, floored at 0;
* zero target: T = 0 and R = 0 gives 100; a negative indicator with T = 0 and R > 0 gives 0;
  a positive indicator with T = 0 and R != 0 is not computable;
* qualitative targets (Opini BPK, nilai SAKIP) are mapped to their ordinal scale first;
* no cap: the raw value is kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_report.model import Nilai, Polaritas

SKALA_KUALITATIF: dict[str, dict[str, int]] = {
    "opini BPK": {"TMP": 1, "TW": 2, "WDP": 3, "WTP": 4},
    "nilai SAKIP": {"D": 1, "C": 2, "CC": 3, "B": 4, "BB": 5, "A": 6, "AA": 7},
}


@dataclass(frozen=True)
class Pita:
    """One band of the category scale: capaian >= ``batas`` (or > when not inclusive)."""

    batas: float
    label: str
    inklusif: bool = True


SKALA_KATEGORI_BAKU: tuple[Pita, ...] = (
    Pita(91, "Sangat Tinggi"),
    Pita(76, "Tinggi"),
    Pita(66, "Sedang"),
    Pita(50, "Rendah", inklusif=False),
    Pita(float("-inf"), "Sangat Rendah"),
)
"""Permendagri 86/2017 scale: >= 91, 76 - < 91, 66 - < 76, 51 - < 66, <= 50."""


@dataclass(frozen=True)
class HasilCapaian:
    """A capaian in percent (``None`` when not computable), the rule used, and why not."""

    persen: float | None
    rumus: str
    alasan: str = ""


def capaian_angka(target: float, realisasi: float, polaritas: Polaritas) -> HasilCapaian:
    """Capaian of numeric T and R."""
    if target == 0:
        return _target_nol(realisasi, polaritas)
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


def hitung_capaian(target: Nilai, realisasi: Nilai, polaritas: Polaritas) -> HasilCapaian:
    """Capaian from two cell values: numbers, or texts of one qualitative scale."""
    if target.kosong:
        return HasilCapaian(None, "", "target kosong")
    if realisasi.kosong:
        return HasilCapaian(None, "", "realisasi kosong")
    if target.angka is not None and realisasi.angka is not None:
        return capaian_angka(target.angka, realisasi.angka, polaritas)
    return _kualitatif(target, realisasi, polaritas)


def _kualitatif(target: Nilai, realisasi: Nilai, polaritas: Polaritas) -> HasilCapaian:
    t_text = (target.teks or "").strip().upper()
    r_text = (realisasi.teks or "").strip().upper()
    for nama, skala in SKALA_KUALITATIF.items():
        if t_text in skala and r_text in skala:
            hasil = capaian_angka(skala[t_text], skala[r_text], polaritas)
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
