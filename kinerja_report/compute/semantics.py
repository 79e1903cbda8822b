"""What an indicator means: its polarity and how its yearly value follows from the quarters.

Sources, first that speaks wins (each result records which one, in the ``rumus`` column):

1. the workbook's own column (``Polaritas`` / ``Sifat``), when the form carries one;
2. the RPJMD matrix, for an OPD indicator with the same name as a regency indicator;
3. the override table ``[[indikator]]`` in ``pengaturan.toml``;
4. rules: polarity is negative when the name holds one of :data:`KATA_NEGATIF`
   (e.g. 'angka kematian', 'prevalensi', 'penduduk miskin') and no clause of service such as
   'yang mendapatkan', 'yang ditangani', 'yang tertangani' ('Jumlah balita stunting yang
   mendapatkan intervensi' counts a service: positive), else positive; aggregation is
   ``kumulatif``, the default of form E.81 (13 = 9 + 10 + 11 + 12). Aggregation is not
   guessed from the name: real forms fill percentages as quarterly increments too (Deli
   Serdang 2025), so 'Persentase ...' alone does not mean ``akhir``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kinerja_report.compute.rules import Agregasi, AturanCapaian
from kinerja_report.model import Polaritas
from kinerja_report.read.normalize import normalisasi
from kinerja_report.read.rpjmd import baca_polaritas

KATA_NEGATIF: tuple[str, ...] = (
    "angka kematian",
    "kematian ibu",
    "kematian bayi",
    "kematian balita",
    "prevalensi",
    "stunting",
    "gizi buruk",
    "penduduk miskin",
    "kemiskinan",
    "pengangguran",
    "indeks gini",
    "rasio gini",
    "angka kesakitan",
    "kasus",
    "putus sekolah",
    "kawasan kumuh",
    "rumah tidak layak huni",
    "kecelakaan",
    "inflasi",
    "genangan",
    "kebakaran",
    "pelanggaran",
)
_NEGATIF = re.compile(r"\b(" + "|".join(re.escape(k) for k in KATA_NEGATIF) + r")\b")
_LAYANAN = re.compile(r"\byang (men|mem|meng|mendapat|di|ter)\w*")

_AGREGASI = {
    "kumulatif": Agregasi.KUMULATIF,
    "jumlah": Agregasi.KUMULATIF,
    "akumulatif": Agregasi.KUMULATIF,
    "akhir": Agregasi.AKHIR,
    "posisi akhir": Agregasi.AKHIR,
    "non kumulatif": Agregasi.AKHIR,
    "non-kumulatif": Agregasi.AKHIR,
    "rata-rata": Agregasi.RATA_RATA,
    "rata rata": Agregasi.RATA_RATA,
}


@dataclass(frozen=True)
class SifatIndikator:
    """Polarity and aggregation of an indicator, with where each came from."""

    polaritas: Polaritas
    agregasi: Agregasi
    sumber_polaritas: str
    sumber_agregasi: str

    @property
    def keterangan(self) -> str:
        """For the ``rumus`` column: 'polaritas: rpjmd; agregasi: bawaan E.81'."""
        return (
            f"polaritas {self.polaritas.value} ({self.sumber_polaritas}); "
            f"{self.agregasi.value} ({self.sumber_agregasi})"
        )


def baca_agregasi(text: str) -> Agregasi | None:
    return _AGREGASI.get(normalisasi(text))


@dataclass(frozen=True)
class KamusRpjmd:
    """Polarity and aggregation of the RPJMD indicators, by normalised name."""

    polaritas: dict[str, Polaritas]
    agregasi: dict[str, Agregasi]


def sifat_indikator(
    nama: str,
    aturan: AturanCapaian,
    rpjmd: KamusRpjmd | None = None,
    polaritas_workbook: str = "",
    agregasi_workbook: str = "",
) -> SifatIndikator:
    """Decide polarity and aggregation of the indicator ``nama`` (rules in the module doc)."""
    key = normalisasi(nama)
    override = aturan.indikator.get(key)
    candidates_p = [
        (baca_polaritas(polaritas_workbook), "workbook"),
        (rpjmd.polaritas.get(key) if rpjmd else None, "RPJMD"),
        (baca_polaritas(override.polaritas) if override else None, "pengaturan"),
        (
            Polaritas.NEGATIF if _NEGATIF.search(key) and not _LAYANAN.search(key) else None,
            "aturan nama",
        ),
    ]
    polaritas, sumber_p = next(
        ((p, s) for p, s in candidates_p if p is not None), (Polaritas.POSITIF, "bawaan")
    )
    candidates_a = [
        (baca_agregasi(agregasi_workbook), "workbook"),
        (rpjmd.agregasi.get(key) if rpjmd else None, "RPJMD"),
        (baca_agregasi(override.agregasi) if override else None, "pengaturan"),
    ]
    agregasi, sumber_a = next(
        ((a, s) for a, s in candidates_a if a is not None), (Agregasi.KUMULATIF, "bawaan E.81")
    )
    return SifatIndikator(polaritas, agregasi, sumber_p, sumber_a)
