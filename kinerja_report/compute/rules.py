"""The region's choices for computing capaian (docs/capaian.md, each a **setting**).

Defaults are the first option docs/capaian.md lists; ``pengaturan.toml`` may change them
(section ``[capaian]``, see docs/pengaturan.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class RumusNegatif(StrEnum):
    """Formula for negative indicators (lower is better)."""

    A = "A"
    """(2T - R) / T x 100, floored at 0 (published LKjIPs, PermenPAN-RB 8/2021)."""
    B = "B"
    """T / R x 100 (undefined when R = 0)."""


class Agregasi(StrEnum):
    """How a yearly value follows from the quarters."""

    KUMULATIF = "kumulatif"
    """Sum of the quarters (form E.81: 13 = 9 + 10 + 11 + 12); the default."""
    AKHIR = "akhir"
    """The last filled quarter: rates, indices, percentages of a stock."""
    RATA_RATA = "rata-rata"
    """The mean of the filled quarters."""


class AntarTahun(StrEnum):
    """How an indicator's values of several years make its value 'to date' (column 14)."""

    JUMLAH = "jumlah"
    """Counts (orang, dokumen, unit, km): the years add up (14 = 7 + 13)."""
    TERAKHIR = "terakhir"
    """Rates, percentages, indices, scores, ratios: the latest year's value."""


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
class SkalaUrut:
    """An ordinal scale (Opini BPK, predikat SAKIP, IKM): its labels from the best down.
    A value on such a scale is reached or not by rank, never a percentage."""

    nama: str
    urutan: tuple[str, ...]
    """The labels, best first ('WTP', 'WDP', 'TW', 'TMP')."""

    def peringkat(self, teks: str) -> int | None:
        """The rank of a label (0 = best); None when it is not on this scale. Case and
        spaces are ignored ('wtp', ' Sangat  Baik')."""
        kunci = " ".join(teks.split()).upper()
        for nomor, label in enumerate(self.urutan):
            if " ".join(label.split()).upper() == kunci:
                return nomor
        return None


SKALA_URUT_BAKU: tuple[SkalaUrut, ...] = (
    SkalaUrut("Opini BPK", ("WTP", "WDP", "TW", "TMP")),
    SkalaUrut("predikat SAKIP", ("AA", "A", "BB", "B", "CC", "C", "D")),
    SkalaUrut("kategori IKM", ("Sangat Baik", "Baik", "Kurang Baik", "Tidak Baik")),
)
"""Opini BPK (WTP > WDP > TW > TMP), predikat SAKIP (PermenPAN-RB 88/2021, AA > ... > D)
and the service-satisfaction categories of PermenPAN-RB 14/2017 (Sangat Baik > Baik >
Kurang Baik > Tidak Baik; mutu A-D falls on the SAKIP scale's letters, same order)."""
LABEL_TERCAPAI = "Tercapai"
LABEL_TIDAK_TERCAPAI = "Tidak tercapai"
"""The kategori of an ordinal indicator: reached or not by rank."""


@dataclass(frozen=True)
class AturanIndikator:
    """An override for one indicator, by its name (case and spaces ignored)."""

    polaritas: str = ""
    agregasi: str = ""
    antar_tahun: str = ""
    """How yearly values add up across years: 'jumlah', 'terakhir', or '' (by agregasi)."""


BATAS_PENCILAN_BAKU = 300.0
"""The default outlier bound of a capaian, in percent (``[kewajaran] batas_capaian``)."""


@dataclass(frozen=True)
class AturanCapaian:
    """All the settings that change a capaian or its label."""

    rumus_negatif: RumusNegatif = RumusNegatif.A
    skala: tuple[Pita, ...] = SKALA_KATEGORI_BAKU
    batas_rata_rata: float | None = None
    """Cap each capaian at this value when averaging (e.g. 100 or 120); None = no cap."""
    batas_pencilan: float = BATAS_PENCILAN_BAKU
    """A capaian above this is an outlier (``[kewajaran] batas_capaian``): counted and named
    in the documents' notes, and in the verification note."""
    pencilan_rata_rata: float | None = None
    """Leave capaian above this out of averages (``[kewajaran] pencilan = 'keluarkan'``: the
    outlier bound ``batas_capaian``); None = every capaian counts."""
    pencilan_proyeksi: float | None = None
    """Leave a year further than this fraction from its neighbour years out of the
    projection's trend line (``[kewajaran] pencilan = 'keluarkan'``: ``ambang_riwayat``);
    None = every year counts."""
    ambang_efisiensi: float = 5.0
    """capaian - serapan above this is 'efisien', within +- this 'cukup efisien'."""
    indikator: dict[str, AturanIndikator] = field(default_factory=dict, hash=False)
    """Per-indicator overrides keyed by normalised indicator name."""
    skala_urut: tuple[SkalaUrut, ...] = SKALA_URUT_BAKU
    """Ordinal scales: the defaults, then those of ``[[capaian.urutan]]``."""


def pencilan(nilai: float | None, batas: float | None) -> bool:
    """Whether a capaian is an outlier: above the bound ``batas`` (None: no bound). The one
    rule of the averages, the documents' outlier counts and the verification findings."""
    return nilai is not None and batas is not None and nilai > batas


@dataclass(frozen=True)
class AturanPeringatan:
    """``[peringatan_dini]`` of pengaturan.toml: how far below the plan (in percentage points
    of capaian against the plan) a row must be to be warned about."""

    ambang_kinerja: float = 10.0
    """An indicator whose realisation reaches less than 100 - this percent of its plan."""
    ambang_anggaran: float = 10.0
    """A budget whose realisation reaches less than 100 - this percent of its plan."""
