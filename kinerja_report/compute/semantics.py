"""What an indicator means: its polarity and how its yearly value follows from the quarters
(docs/capaian.md, 'Polaritas dan agregasi' and 'Nilai antartahun').

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

Over years (:class:`~kinerja_report.compute.rules.AntarTahun`, the value 'to date' of column
14), first that speaks wins: the override ``[[indikator]] antar_tahun`` in pengaturan.toml;
a unit of a rate (:data:`SATUAN_TINGKAT`: %, persen, indeks, nilai, skor, rasio, per 1.000
...) or a name of a rate (:data:`AWALAN_TINGKAT`: 'Persentase ...', 'Indeks ...', 'Angka
...', 'Cakupan ...', 'Rata-rata ...') gives ``terakhir``: rates are never added over years; a
unit of a count (:data:`SATUAN_JUMLAH`: orang, dokumen, unit, km, paket, laporan ...) gives
``jumlah``; otherwise the quarters decide: ``kumulatif`` indicators add up over years too,
the others take the latest value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kinerja_report.compute.rules import Agregasi, AntarTahun, AturanCapaian
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

SATUAN_TINGKAT: tuple[str, ...] = (
    "%", "persen", "persentase", "prosen", "prosentase", "indeks", "index", "nilai", "skor",
    "score", "poin", "point", "rasio", "ratio", "predikat", "opini", "level", "tingkat",
    "peringkat", "ranking", "kategori", "status", "skala", "tahun", "rata-rata",
)  # fmt: skip
"""Units of a rate or a level: never added over years."""
AWALAN_TINGKAT: tuple[str, ...] = (
    "persentase", "presentase", "prosentase", "proporsi", "rasio", "indeks", "index", "nilai",
    "skor", "tingkat", "angka", "rata-rata", "rata rata", "prevalensi", "cakupan", "laju",
    "pertumbuhan", "ipm", "opini", "predikat", "kepuasan", "derajat", "capaian", "umur harapan",
    "usia harapan", "harapan lama", "pdrb per kapita", "pendapatan per kapita", "tingkat",
)  # fmt: skip
"""Names of rates: 'Persentase ...', 'Indeks ...', 'Angka kematian ...'."""
SATUAN_JUMLAH: tuple[str, ...] = (
    "orang", "jiwa", "dokumen", "dok", "unit", "km", "kilometer", "meter", "m", "m2", "m3",
    "paket", "laporan", "lap", "kegiatan", "kali", "buah", "jenis", "buku", "lembar", "desa",
    "kelompok", "titik", "ha", "hektar", "ton", "ekor", "bulan", "hari", "hok", "surat",
    "berita acara", "usulan", "kerja sama", "lokasi", "sekolah", "rumah", "rumah tangga", "kk",
    "ruas", "batang", "pohon", "set", "eksemplar", "judul", "dus", "perda", "regulasi",
)  # fmt: skip
"""Units of a count: the years add up (14 = 7 + 13)."""
_SATUAN_PER = re.compile(r"^per\b|/\s*1[.,]?000|\bper\s+1[.,]?000")
_AWALAN = re.compile(r"^(" + "|".join(re.escape(a) for a in AWALAN_TINGKAT) + r")\b")
_ANTAR_TAHUN = {"jumlah": AntarTahun.JUMLAH, "terakhir": AntarTahun.TERAKHIR}


def antar_tahun(
    nama: str, satuan: str, agregasi: Agregasi, override: str = ""
) -> tuple[AntarTahun, str]:
    """How the years of an indicator make its value to date, and why (module doc)."""
    if override in _ANTAR_TAHUN:
        return _ANTAR_TAHUN[override], "pengaturan"
    unit = normalisasi(satuan).strip(" ().")
    if "%" in unit or unit in SATUAN_TINGKAT or _SATUAN_PER.search(unit):
        return AntarTahun.TERAKHIR, "satuan"
    name = normalisasi(nama).lstrip("0123456789. )")
    if "%" in name or _AWALAN.search(name):
        return AntarTahun.TERAKHIR, "nama"
    if unit in SATUAN_JUMLAH or unit.split("/")[0].strip() in SATUAN_JUMLAH:
        return AntarTahun.JUMLAH, "satuan"
    if set(re.findall(r"[a-z%]+", unit)) & set(SATUAN_TINGKAT):  # 'nilai indeks', 'skala 1-4'
        return AntarTahun.TERAKHIR, "satuan"
    if agregasi is Agregasi.KUMULATIF:
        return AntarTahun.JUMLAH, "agregasi"
    return AntarTahun.TERAKHIR, "agregasi"


_AGREGASI = {
    "kumulatif": Agregasi.KUMULATIF,
    "jumlah": Agregasi.KUMULATIF,
    "akumulatif": Agregasi.KUMULATIF,
    "akhir": Agregasi.AKHIR,
    "posisi akhir": Agregasi.AKHIR,
    "non kumulatif": Agregasi.AKHIR,
    "non-kumulatif": Agregasi.AKHIR,
    "absolut": Agregasi.KUMULATIF,
    "non absolut": Agregasi.AKHIR,
    "non-absolut": Agregasi.AKHIR,
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
    antar_tahun: AntarTahun = AntarTahun.JUMLAH
    sumber_antar_tahun: str = ""

    @property
    def keterangan(self) -> str:
        """For the ``rumus`` column: 'polaritas positif (RPJMD); kumulatif (bawaan E.81);
        antartahun terakhir (satuan)'."""
        return (
            f"polaritas {self.polaritas.value} ({self.sumber_polaritas}); "
            f"{self.agregasi.value} ({self.sumber_agregasi}); "
            f"antartahun {self.antar_tahun.value} ({self.sumber_antar_tahun})"
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
    satuan: str = "",
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
    tahunan, sumber_t = antar_tahun(
        nama, satuan, agregasi, override.antar_tahun if override else ""
    )
    return SifatIndikator(polaritas, agregasi, sumber_p, sumber_a, tahunan, sumber_t)
