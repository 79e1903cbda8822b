"""Membuat ulang data contoh Kabupaten Kepahiang (fiktif) di ``sample_data/``.

Jalankan dari akar repositori::

    python scripts/buat_sample_data.py

Skrip menulis ``pengaturan.toml``, ``logo-kabupaten.svg``, ``penandatangan.xlsx``,
``rpjmd/matriks-ikd-rpjmd-2021-2026.xlsx`` dan satu workbook formulir E.81 "Evaluasi terhadap
Hasil Renja Perangkat Daerah" (Permendagri 86/2017) per OPD per tahun di ``<tahun>/``. Hanya
berkas yang dibuat skrip ini yang dihapus dan ditulis ulang; berkas lain tidak disentuh.

Hasilnya deterministik: semua keacakan berasal dari ``random.Random(2026)``, tanggal properti
dokumen tetap, dan tiap .xlsx ditulis ulang dengan tanggal anggota zip 1980-01-01, sehingga dua
kali jalan menghasilkan berkas yang identik byte demi byte. Semua nama orang, NIP, alamat dan
angka adalah rekaan.

Kekacauan yang disengaja (agar pembaca workbook teruji):

* kolom 13 != jumlah triwulan (lihat ``SALAH_HITUNG``):
  ``2022/evaluasi-renja-dinas-sosial-2022.xlsx`` sel U29 (K, +10) dan
  ``2023/Eval Renja PUPR 2023 (final).xlsx`` sel V19 (Rp, +1.500.000);
* sekitar 1/3 workbook (``BERANTAKAN``) memuat angka sebagai teks gaya Indonesia
  ('1.250.000.000', '85,5', '2.240' = 2240), '-' atau ' ' untuk triwulan kosong, spasi ganda
  atau spasi di akhir teks; skrip mencetak daftar sel '2.240'-an saat dijalankan;
* matriks RPJMD: beberapa realisasi berupa teks ('67,76', '14,12', '68,49') dan '-'.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import random
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

KELUARAN = Path(__file__).resolve().parent.parent / "sample_data"
TAHUN = (2021, 2022, 2023, 2024)
PERIODE = tuple(range(2021, 2027))
WAKTU_TETAP = dt.datetime(2024, 1, 15, 8, 0)
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")  # fmt: skip
BUPATI = "H. Rahmat Hidayat Saleh, S.E., M.M."

# --------------------------------------------------------------------------- pejabat


@dataclass(frozen=True)
class Pejabat:
    """A fictional official; the NIP is built from birth date, TMT CPNS, sex and sequence."""

    nama: str
    lahir: str  # yyyymmdd
    tmt: str  # yyyymm
    jenis_kelamin: int  # 1 laki-laki, 2 perempuan
    urut: int
    pangkat: str
    naik: tuple[int, str] | None = None  # (tahun, pangkat baru)

    @property
    def nip(self) -> str:
        assert int(self.tmt[:4]) - int(self.lahir[:4]) >= 20, self.nama
        return f"{self.lahir}{self.tmt}{self.jenis_kelamin}{self.urut:03d}"

    def pangkat_pada(self, tahun: int) -> str:
        return self.naik[1] if self.naik and tahun >= self.naik[0] else self.pangkat


def nip_grup(nip: str) -> str:
    """'197503122000031004' -> '19750312 200003 1 004'."""
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


IVA, IVB, IVC = "Pembina, IV/a", "Pembina Tk. I, IV/b", "Pembina Utama Muda, IV/c"
SYAMSUL = Pejabat("Drs. Syamsul Bahri, M.Pd.", "19680417", "199403", 1, 2, IVC)
RINA = Pejabat("dr. Rina Marlina, M.Kes.", "19740922", "200201", 2, 1, IVB, (2023, IVC))
YUDI = Pejabat("dr. Yudi Pranata, Sp.PD.", "19790605", "200802", 1, 3, IVA)
FITRI = Pejabat("dr. Fitriani Lestari, Sp.A., M.Kes.", "19771130", "200504", 2, 2, IVA, (2024, IVB))
HENDRA = Pejabat("Ir. Hendra Saputra, M.T.", "19670214", "199303", 1, 1, IVC)
ARIEF = Pejabat("Arief Rachman Hakim, S.T., M.Si.", "19750809", "200012", 1, 4, IVB)
DEDI = Pejabat("Dedi Kurniawan, S.T., M.T.", "19760520", "200104", 1, 2, IVB)
NURHAYATI = Pejabat("Dra. Nurhayati, M.Si.", "19661203", "199003", 2, 1, IVC)
RUDI = Pejabat("Rudi Hartono, S.Sos., M.AP.", "19780311", "200301", 1, 5, IVA)
SRI = Pejabat("Sri Wahyuni, S.Sos., M.Si.", "19750725", "199906", 2, 2, IVB)
BAMBANG = Pejabat("Bambang Irawan, S.Hut., M.Si.", "19731008", "199805", 1, 1, IVB)
EKO = Pejabat("Eko Prasetyo, S.Kom., M.M.", "19770128", "200211", 1, 3, IVA, (2023, IVB))
SUTRISNO = Pejabat("Ir. Sutrisno Wibowo, M.P.", "19690616", "199603", 1, 2, IVC)
HERI = Pejabat("Dr. Ir. Heri Gunawan, M.Si.", "19700402", "199703", 1, 1, IVC)
YUSNITA = Pejabat("Yusnita Maharani, S.E., M.Si.", "19800219", "200501", 2, 4, IVA)
RIDWAN = Pejabat("Muhammad Ridwan, S.E., M.Ak.", "19721113", "199803", 1, 2, IVC)


def _tetap(pejabat: Pejabat) -> tuple[tuple[Pejabat, bool], ...]:
    return ((pejabat, False),) * len(TAHUN)


# Kepala OPD per tahun 2021..2024: (pejabat, Plt.?)
KEPALA: dict[str, tuple[tuple[Pejabat, bool], ...]] = {
    "dikbud": _tetap(SYAMSUL),
    "dinkes": _tetap(RINA),
    "rsud": ((YUDI, True), (FITRI, False), (FITRI, False), (FITRI, False)),
    "pupr": ((HENDRA, False), (HENDRA, False), (ARIEF, False), (ARIEF, False)),
    "perkim": _tetap(DEDI),
    "sosial": ((NURHAYATI, False), (RUDI, True), (SRI, False), (SRI, False)),
    "dlh": _tetap(BAMBANG),
    "dukcapil": _tetap(EKO),
    "pertanian": _tetap(SUTRISNO),
    "bappeda": ((HERI, False), (HERI, False), (HERI, False), (YUSNITA, True)),
    "bkd": _tetap(RIDWAN),
}


@dataclass(frozen=True)
class Opd:
    kunci: str
    nama: str
    urusan: str
    berkas: str  # pola nama berkas; {t} = tahun
    lembar: str
    sekretariat: str = "Sekretariat"

    @property
    def jabatan(self) -> str:
        return "Direktur RSUD Kepahiang" if self.kunci == "rsud" else f"Kepala {self.nama}"

    def kepala(self, tahun: int) -> tuple[Pejabat, str]:
        pejabat, plt = KEPALA[self.kunci][tahun - TAHUN[0]]
        return pejabat, ("Plt. " if plt else "") + self.jabatan


OPD = (
    Opd("dikbud", "Dinas Pendidikan dan Kebudayaan", "1.01", "Evaluasi Renja Dikbud {t}.xlsx",
        "Evaluasi Renja"),
    Opd("dinkes", "Dinas Kesehatan", "1.02", "EVALUASI RENJA DINKES TW IV {t}.xlsx", "TW IV"),
    Opd("rsud", "RSUD Kepahiang", "1.02", "evaluasi_renja_rsud_{t}.xlsx", "Evaluasi Renja",
        "Bagian Tata Usaha"),
    Opd("pupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "1.03",
        "Eval Renja PUPR {t} (final).xlsx", "E.81"),
    Opd("perkim", "Dinas Perumahan Rakyat dan Kawasan Permukiman", "1.04",
        "Form E81 Disperkim {t}.xlsx", "Renja {t}"),
    Opd("sosial", "Dinas Sosial", "1.06", "evaluasi-renja-dinas-sosial-{t}.xlsx", "Form E.81"),
    Opd("dlh", "Dinas Lingkungan Hidup", "2.11", "EVALUASI RENJA DLH TAHUN {t}.xlsx", "TW IV"),
    Opd("dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "2.12",
        "Evaluasi Renja Disdukcapil {t} rev.xlsx", "Evaluasi Renja"),
    Opd("pertanian", "Dinas Pertanian", "3.27", "Evaluasi Hasil Renja Dinas Pertanian {t}.xlsx",
        "Eval Renja"),
    Opd("bappeda", "Badan Perencanaan Pembangunan Daerah", "5.01", "eval renja bappeda {t}.xlsx",
        "Evaluasi Renja"),
    Opd("bkd", "Badan Keuangan Daerah", "5.02", "EVALUASI RENJA BKD TW 4 {t}.xlsx", "TW 4"),
)  # fmt: skip

# Workbooks typed by hand: text numbers, '-'/' ' for empty quarters, stray spaces.
BERANTAKAN = {("dinkes", 2022), ("dinkes", 2024), ("pupr", 2021), ("pupr", 2023),
              ("sosial", 2021), ("sosial", 2022), ("sosial", 2023), ("dukcapil", 2022),
              ("dukcapil", 2023), ("pertanian", 2024), ("dikbud", 2023), ("rsud", 2022),
              ("dlh", 2021), ("perkim", 2024), ("bkd", 2022)}  # fmt: skip
# Deliberate arithmetic slips in column 13: (opd, tahun, kode) -> (sub-kolom, selisih).
# Cells: 2022/evaluasi-renja-dinas-sosial-2022.xlsx!U29, 2023/Eval Renja PUPR 2023 (final).xlsx!V19
SALAH_HITUNG = {("sosial", 2022, "1.06.05.2.02.0001"): ("K", 10),
                ("pupr", 2023, "1.03.10.2.01"): ("Rp", 1_500_000)}  # fmt: skip

# --------------------------------------------------------------------------- RPJMD


@dataclass(frozen=True)
class Ikd:
    """One regency indicator of the RPJMD matrix; values for 2020, 2021..2026, 2021..2024."""

    nama: str
    satuan: str
    negatif: bool
    awal: float | str
    target: tuple[float | str, ...]
    realisasi: tuple[float | str, ...]
    pd: str
    desimal: int = 2


def _ipm(uhh: float, hls: float, rls: float, ribu_rp: float) -> float:
    """IPM by the BPS method (DOMAIN.md section 8), rounded to 2 decimals."""
    kesehatan = (uhh - 20) / (85 - 20)
    pendidikan = (hls / 18 + rls / 15) / 2
    pengeluaran = math.log(ribu_rp * 1000 / 1_007_436) / math.log(26_572_352 / 1_007_436)
    return round(100 * (kesehatan * pendidikan * pengeluaran) ** (1 / 3), 2)


UHH = Ikd(
    "Umur Harapan Hidup",
    "tahun",
    False,
    67.95,
    (68.12, 68.29, 68.46, 68.63, 68.80, 68.97),
    (68.05, 68.27, 68.49, 68.62),
    "Dinas Kesehatan, RSUD Kepahiang",
)
HLS = Ikd(
    "Harapan Lama Sekolah",
    "tahun",
    False,
    12.50,
    (12.58, 12.66, 12.74, 12.82, 12.90, 12.98),
    (12.55, 12.66, 12.78, 12.79),
    "Dinas Pendidikan dan Kebudayaan",
)
RLS = Ikd(
    "Rata-rata Lama Sekolah",
    "tahun",
    False,
    7.95,
    (8.04, 8.13, 8.22, 8.31, 8.40, 8.49),
    (8.01, 8.14, 8.19, 8.33),
    "Dinas Pendidikan dan Kebudayaan",
)
PPK = Ikd(
    "Pengeluaran per Kapita Disesuaikan",
    "ribu rupiah",
    False,
    9350,
    (9520, 9700, 9890, 10090, 10300, 10520),
    (9440, 9712, 9905, 10140),
    "Bappeda, Dinas Pertanian",
    0,
)


def _ipm_dari(nilai: str) -> tuple[float | str, ...]:
    parts = [getattr(ikd, nilai) for ikd in (UHH, HLS, RLS, PPK)]
    return tuple(_ipm(*map(float, values)) for values in zip(*parts, strict=True))


IPM = Ikd(
    "Indeks Pembangunan Manusia",
    "poin",
    False,
    _ipm(67.95, 12.50, 7.95, 9350),
    _ipm_dari("target"),
    _ipm_dari("realisasi"),
    "Bappeda, Dinas Kesehatan, Dinas Pendidikan dan Kebudayaan",
)
AKB = Ikd(
    "Angka Kematian Bayi",
    "per 1.000 kelahiran hidup",
    True,
    10.2,
    (9.8, 9.4, 9.0, 8.6, 8.2, 7.8),
    (9.6, 19.7, 8.7, 8.9),
    "Dinas Kesehatan, RSUD Kepahiang",
)
STUNTING = Ikd(
    "Prevalensi Stunting",
    "persen",
    True,
    25.1,
    (23.5, 21.5, 19.0, 16.5, 14.5, 13.0),
    (24.1, 21.2, 18.6, 17.4),
    "Dinas Kesehatan, Bappeda, Dinas Sosial",
)
RPJMD = (
    ("Meningkatkan kualitas sumber daya manusia yang sehat, cerdas dan berdaya saing", (
        ("Meningkatnya kualitas pembangunan manusia", (IPM,)),
        ("Meningkatnya derajat kesehatan masyarakat", (UHH, AKB, STUNTING)),
        ("Meningkatnya kualitas pendidikan masyarakat", (HLS, RLS)))),
    ("Meningkatkan kesejahteraan masyarakat melalui pertumbuhan ekonomi yang inklusif berbasis "
     "pertanian", (
        ("Meningkatnya pertumbuhan ekonomi daerah", (
            Ikd("Laju Pertumbuhan Ekonomi", "persen", False, -0.12,
                (3.50, 4.50, 5.00, 5.20, 5.40, 5.50), (2.87, 4.61, 4.95, 5.08),
                "Bappeda, Dinas Pertanian"),
            PPK,
            Ikd("Tingkat Pengangguran Terbuka", "persen", True, 3.52,
                (3.45, 3.35, 3.25, 3.15, 3.05, 2.95), (3.61, 3.28, 3.02, 3.18),
                "Bappeda, Dinas Pertanian"))),
        ("Menurunnya kemiskinan dan ketimpangan pendapatan", (
            Ikd("Persentase Penduduk Miskin", "persen", True, 14.52,
                (14.30, 14.00, 13.70, 13.40, 13.10, 12.80), (14.65, 14.12, 13.62, 13.35),
                "Dinas Sosial, Bappeda"),
            Ikd("Indeks Gini", "indeks", True, 0.301, (0.300, 0.298, 0.296, 0.294, 0.292, 0.290),
                (0.305, 0.292, 0.297, "-"), "Bappeda, Dinas Sosial", 3))))),
    ("Meningkatkan kualitas infrastruktur wilayah dan lingkungan hidup yang berkelanjutan", (
        ("Meningkatnya kualitas infrastruktur jalan", (
            Ikd("Persentase Jalan Kabupaten dalam Kondisi Mantap", "persen", False, 61.35,
                (63, 65, 67, 69, 71, 73), (62.18, 65.40, 66.12, 69.84),
                "Dinas Pekerjaan Umum dan Penataan Ruang"),)),
        ("Meningkatnya kualitas lingkungan hidup", (
            Ikd("Indeks Kualitas Lingkungan Hidup", "indeks", False, 68.42,
                (68.6, 68.8, 69.0, 69.2, 69.4, 69.6), (69.15, 68.71, 70.02, 69.88),
                "Dinas Lingkungan Hidup"),)))),
    ("Mewujudkan tata kelola pemerintahan yang baik, bersih dan akuntabel", (
        ("Meningkatnya akuntabilitas keuangan dan kinerja pemerintah daerah", (
            Ikd("Opini BPK atas LKPD", "opini", False, "WTP", ("WTP",) * 6,
                ("WTP", "WTP", "WDP", "WTP"), "Badan Keuangan Daerah"),
            Ikd("Nilai SAKIP Pemerintah Daerah", "predikat", False, "B",
                ("B", "BB", "BB", "A", "A", "A"), ("B", "B", "BB", "BB"), "Bappeda"))),)),
)  # fmt: skip
IKD = {ikd.nama: ikd for _, daftar in RPJMD for _, ikds in daftar for ikd in ikds}
# Realisasi typed as text with a decimal comma, as in hand-typed matrices.
RPJMD_TEKS = {(IPM.nama, 2021), ("Persentase Penduduk Miskin", 2022), (UHH.nama, 2023)}

# --------------------------------------------------------------------------- program OPD
# P kode NAMA | = sasaran | unit | K kode Nama | S kode Nama | + lanjutan nama |
# - indikator | satuan | target 2021 [| kenaikan per tahun]   ('rpjmd': nilai dari matriks RPJMD)
PENUNJANG = """
P 01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA
= Meningkatnya akuntabilitas kinerja dan pelayanan administrasi perangkat daerah | {sekretariat}
- Persentase layanan administrasi perkantoran yang terpenuhi | persen | 100
- Persentase laporan kinerja dan keuangan yang disampaikan tepat waktu | persen | 100
K 2.01 Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah
- Jumlah dokumen perencanaan, penganggaran dan evaluasi kinerja yang tersusun | dokumen | 8
S 0001 Penyusunan Dokumen Perencanaan Perangkat Daerah
- Jumlah dokumen perencanaan perangkat daerah | dokumen | 3
S 0007 Evaluasi Kinerja Perangkat Daerah
- Jumlah laporan evaluasi kinerja perangkat daerah | laporan | 5
K 2.06 Administrasi Umum Perangkat Daerah
- Jumlah bulan layanan administrasi umum perangkat daerah | bulan | 12
S 0009 Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD
- Jumlah laporan penyelenggaraan rapat koordinasi dan konsultasi SKPD | laporan | 12
K 2.08 Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah
- Jumlah bulan layanan jasa penunjang urusan pemerintahan daerah | bulan | 12
S 0002 Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik
- Jumlah laporan penyediaan jasa komunikasi, sumber daya air dan listrik | laporan | 12
"""
PROGRAM = {
    "dikbud": """
P 02 PROGRAM PENGELOLAAN PENDIDIKAN
= Meningkatnya akses dan mutu pendidikan dasar | Bidang Pembinaan Pendidikan Dasar
- Angka Partisipasi Murni SD/MI | persen | 96.5 | 0.25
- Angka Partisipasi Murni SMP/MTs | persen | 78 | 1
K 2.01 Pengelolaan Pendidikan Sekolah Dasar
- Jumlah SD yang ditingkatkan sarana dan prasarananya | unit | 12 | 1
S 0018 Rehabilitasi Sedang/Berat Ruang Kelas Sekolah
- Jumlah ruang kelas SD yang direhabilitasi | ruang | 18 | 2
S 0024 Pengadaan Perlengkapan Sekolah
- Jumlah SD yang menerima perlengkapan sekolah | unit | 25
K 2.02 Pengelolaan Pendidikan Sekolah Menengah Pertama
- Jumlah SMP yang ditingkatkan sarana dan prasarananya | unit | 6
S 0018 Rehabilitasi Sedang/Berat Ruang Kelas Sekolah
- Jumlah ruang kelas SMP yang direhabilitasi | ruang | 8 | 1
K 2.03 Pengelolaan Pendidikan Anak Usia Dini (PAUD)
- Jumlah anak usia dini yang terlayani pendidikan PAUD | orang | 3150 | 60
S 0012 Penyediaan Biaya Personil Peserta Didik PAUD
- Jumlah peserta didik PAUD penerima BOP | orang | 2900 | 50
P 04 PROGRAM PENDIDIK DAN TENAGA KEPENDIDIKAN
= Meningkatnya kualitas pendidik dan tenaga kependidikan | Bidang Pembinaan Ketenagaan
- Persentase guru yang memenuhi kualifikasi S1/D-IV | persen | 92 | 1.5
K 2.02 Pengembangan Karir Pendidik dan Tenaga Kependidikan
- Jumlah pendidik dan tenaga kependidikan yang ditingkatkan kompetensinya | orang | 240 | 20
S 0001 Peningkatan Kompetensi Pendidik dan Tenaga Kependidikan
- Jumlah guru yang mengikuti pelatihan peningkatan kompetensi | orang | 200 | 20
- Jumlah kepala sekolah yang mengikuti pelatihan manajemen sekolah | orang | 40
""",
    "dinkes": """
P 02 PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT
= Meningkatnya derajat kesehatan masyarakat | Bidang Kesehatan Masyarakat
- Persentase ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar | persen | 95 | 1
- Angka Kematian Bayi | per 1.000 kelahiran hidup | rpjmd
- Prevalensi Stunting | persen | rpjmd
K 2.01 Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah
+ Kabupaten/Kota
- Jumlah fasilitas pelayanan kesehatan yang dibangun/direhabilitasi | unit | 4
S 0010 Rehabilitasi dan Pemeliharaan Puskesmas
- Jumlah puskesmas yang direhabilitasi | unit | 2
S 0020 Pengadaan Obat, Bahan Habis Pakai, Bahan Medis Habis Pakai, Vaksin, Makanan dan
+ Minuman di Fasilitas Kesehatan
- Jumlah paket obat dan bahan medis habis pakai yang didistribusikan ke puskesmas | paket | 52
K 2.02 Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota
- Jumlah laporan pelayanan kesehatan ibu dan anak puskesmas | laporan | 52
S 0001 Pengelolaan Pelayanan Kesehatan Ibu Hamil
- Jumlah ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar | orang | 2850 | -20
S 0003 Pengelolaan Pelayanan Kesehatan Bayi Baru Lahir
- Jumlah bayi baru lahir yang mendapatkan pelayanan kesehatan sesuai standar | orang | 2700 | -20
S 0004 Pengelolaan Pelayanan Kesehatan Balita
- Jumlah balita yang mendapatkan pelayanan kesehatan sesuai standar | orang | 10400
- Jumlah balita stunting yang mendapatkan intervensi gizi spesifik | orang | 1200 | -80
P 05 PROGRAM PEMBERDAYAAN MASYARAKAT BIDANG KESEHATAN
= Meningkatnya perilaku hidup bersih dan sehat masyarakat | Bidang Kesehatan Masyarakat
- Persentase rumah tangga ber-PHBS | persen | 62 | 2
K 2.03 Pengembangan dan Pelaksanaan Upaya Kesehatan Bersumber Daya Masyarakat (UKBM)
+ Tingkat Daerah Kabupaten/Kota
- Jumlah posyandu aktif yang dibina | unit | 245 | 3
S 0001 Bimbingan Teknis dan Supervisi Upaya Kesehatan Bersumber Daya Masyarakat (UKBM)
- Jumlah posyandu yang mendapatkan bimbingan teknis dan supervisi | unit | 260
- Jumlah kader posyandu yang dilatih | orang | 300 | 20
""",
    "rsud": """
P 02 PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT
= Meningkatnya mutu pelayanan kesehatan rujukan | Bidang Pelayanan Medik
- Persentase pasien rujukan yang dilayani sesuai standar pelayanan minimal | persen | 85 | 2
K 2.01 Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah
+ Kabupaten/Kota
- Jumlah paket sarana, prasarana dan alat kesehatan rumah sakit yang disediakan | paket | 6
S 0014 Pengadaan Alat Kesehatan/Alat Penunjang Medik Fasilitas Pelayanan Kesehatan
- Jumlah alat kesehatan yang diadakan | unit | 45 | 5
S 0009 Rehabilitasi dan Pemeliharaan Rumah Sakit
- Jumlah ruang rawat inap yang direhabilitasi | ruang | 3
K 2.02 Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota
- Jumlah pasien yang mendapatkan pelayanan kesehatan rujukan | orang | 42000 | 1500
S 0036 Operasional Pelayanan Rumah Sakit
- Jumlah bulan operasional pelayanan rumah sakit | bulan | 12
- Jumlah kunjungan pasien rawat jalan | kunjungan | 36000 | 1200
P 03 PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN
= Meningkatnya kompetensi tenaga kesehatan rumah sakit | Bidang Keperawatan
- Persentase tenaga kesehatan yang memiliki STR dan SIP aktif | persen | 90 | 2
K 2.03 Pengembangan Mutu dan Peningkatan Kompetensi Teknis Sumber Daya Manusia Kesehatan
+ Tingkat Daerah Kabupaten/Kota
- Jumlah tenaga kesehatan yang ditingkatkan kompetensinya | orang | 60 | 5
S 0001 Peningkatan Kompetensi dan Kualifikasi Sumber Daya Manusia Kesehatan
- Jumlah tenaga kesehatan yang mengikuti pelatihan teknis | orang | 60 | 5
""",
    "pupr": """
P 10 PROGRAM PENYELENGGARAAN JALAN
= Meningkatnya kualitas jalan kabupaten | Bidang Bina Marga
- Panjang jalan kabupaten yang ditingkatkan kondisinya menjadi mantap | km | 24 | 1
K 2.01 Penyelenggaraan Jalan Kabupaten/Kota
- Panjang jalan yang direkonstruksi, direhabilitasi dan dipelihara | km | 60 | 2
S 0017 Rekonstruksi Jalan
- Panjang jalan yang direkonstruksi | km | 6.5 | 0.5
S 0025 Rehabilitasi Jalan
- Panjang jalan yang direhabilitasi | km | 8
S 0033 Pemeliharaan Berkala Jalan
- Panjang jalan yang dipelihara secara berkala | km | 45.5 | 1.5
P 03 PROGRAM PENGELOLAAN DAN PENGEMBANGAN SISTEM PENYEDIAAN AIR MINUM
= Meningkatnya akses masyarakat terhadap air minum layak | Bidang Cipta Karya
- Jumlah rumah tangga yang mendapatkan akses air minum layak | rumah tangga | 450 | 25
K 2.01 Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum (SPAM) di Daerah
+ Kabupaten/Kota
- Jumlah unit SPAM jaringan perpipaan yang dibangun/diperluas | unit | 3
S 0011 Perluasan SPAM Jaringan Perpipaan
- Jumlah sambungan rumah SPAM jaringan perpipaan yang terpasang | sambungan rumah | 450 | 25
- Panjang pipa distribusi yang terpasang | meter | 5200 | 300
P 12 PROGRAM PENYELENGGARAAN PENATAAN RUANG
= Meningkatnya kesesuaian pemanfaatan ruang dengan rencana tata ruang | Bidang Penataan Ruang
- Persentase rekomendasi pemanfaatan ruang yang sesuai dengan RTRW | persen | 85 | 2.5
K 2.01 Penetapan Rencana Tata Ruang Wilayah (RTRW) dan Rencana Rinci Tata Ruang (RRTR)
+ Kabupaten/Kota
- Jumlah dokumen rencana tata ruang yang disusun | dokumen | 1
S 0002 Penyusunan Rencana Detail Tata Ruang Kabupaten/Kota
- Jumlah dokumen RDTR yang tersusun | dokumen | 1
""",
    "perkim": """
P 02 PROGRAM PENGEMBANGAN PERUMAHAN
= Meningkatnya ketersediaan rumah layak huni | Bidang Perumahan
- Jumlah rumah tidak layak huni yang ditingkatkan menjadi layak huni | unit | 120 | 10
K 2.01 Pendataan Penyediaan dan Rehabilitasi Rumah Korban Bencana atau Relokasi Program
+ Kabupaten/Kota
- Jumlah rumah korban bencana yang ditangani | unit | 15
S 0002 Rehabilitasi Rumah bagi Korban Bencana
- Jumlah rumah korban bencana yang direhabilitasi | unit | 15
P 03 PROGRAM KAWASAN PERMUKIMAN
= Berkurangnya luas kawasan permukiman kumuh | Bidang Kawasan Permukiman
- Luas kawasan permukiman kumuh yang ditangani | ha | 4.5 | 0.5
K 2.02 Penataan dan Peningkatan Kualitas Kawasan Permukiman Kumuh dengan Luas di Bawah 10
+ (sepuluh) Ha
- Jumlah kawasan permukiman kumuh yang ditingkatkan kualitasnya | kawasan | 2
S 0003 Peningkatan Kualitas Rumah Tidak Layak Huni dalam Kawasan Permukiman Kumuh
- Jumlah rumah tidak layak huni yang ditingkatkan kualitasnya | unit | 105 | 10
S 0005 Pembangunan dan Rehabilitasi Drainase Lingkungan Kawasan Permukiman
- Panjang drainase lingkungan yang dibangun | meter | 1200 | 100
P 06 PROGRAM PENINGKATAN PRASARANA, SARANA DAN UTILITAS UMUM (PSU)
= Meningkatnya kualitas prasarana, sarana dan utilitas umum perumahan | Bidang Prasarana
- Persentase perumahan yang dilengkapi PSU sesuai standar | persen | 55 | 3
K 2.01 Urusan Penyelenggaraan PSU Perumahan
- Jumlah lokasi perumahan yang ditingkatkan PSU-nya | lokasi | 8
S 0003 Penyediaan Prasarana, Sarana, dan Utilitas Umum di Perumahan untuk Menunjang Fungsi Hunian
- Jumlah titik penerangan jalan umum yang terpasang | titik | 85 | 5
- Panjang jalan lingkungan yang dibangun | meter | 1850 | 100
""",
    "sosial": """
P 04 PROGRAM REHABILITASI SOSIAL
= Meningkatnya pelayanan rehabilitasi sosial bagi PPKS | Bidang Rehabilitasi Sosial
- Persentase PPKS yang mendapatkan rehabilitasi sosial dasar | persen | 70 | 3
K 2.02 Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut
+ Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial
- Jumlah PPKS yang mendapatkan rehabilitasi sosial dasar di luar panti | orang | 180 | 10
S 0002 Pemberian Permakanan
- Jumlah lanjut usia terlantar yang menerima bantuan permakanan | orang | 120 | 5
S 0006 Penyediaan Alat Bantu
- Jumlah penyandang disabilitas yang menerima alat bantu | orang | 45 | 5
P 05 PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL
= Meningkatnya ketepatan sasaran perlindungan sosial | Bidang Perlindungan dan Jaminan Sosial
- Persentase data fakir miskin yang dimutakhirkan | persen | 80 | 4
K 2.02 Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota
- Jumlah dokumen data fakir miskin yang dimutakhirkan | dokumen | 4
S 0001 Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota
- Jumlah rumah tangga miskin yang diverifikasi dan divalidasi dalam DTKS | rumah tangga | 2400 | 100
P 06 PROGRAM PENANGANAN BENCANA
= Meningkatnya perlindungan sosial bagi korban bencana | Bidang Perlindungan dan Jaminan Sosial
- Persentase korban bencana yang terpenuhi kebutuhan dasarnya | persen | 100
K 2.01 Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota
- Jumlah korban bencana yang menerima bantuan sosial | jiwa | 650 | 25
S 0001 Penyediaan Makanan
- Jumlah paket makanan siap saji yang disalurkan | paket | 1500
S 0002 Penyediaan Sandang
- Jumlah paket sandang yang disalurkan | paket | 300
- Jumlah paket perlengkapan keluarga (family kit) yang disalurkan | paket | 150
""",
    "dlh": """
P 02 PROGRAM PERENCANAAN LINGKUNGAN HIDUP
= Meningkatnya kualitas perencanaan lingkungan hidup | Bidang Tata Lingkungan
- Persentase dokumen perencanaan pembangunan yang dilengkapi KLHS | persen | 100
K 2.03 Kajian Lingkungan Hidup Strategis (KLHS) Kabupaten/Kota
- Jumlah dokumen KLHS yang disusun | dokumen | 1
S 0001 Penyusunan Kajian Lingkungan Hidup Strategis (KLHS)
- Jumlah dokumen KLHS yang tersusun | dokumen | 1
P 03 PROGRAM PENGENDALIAN PENCEMARAN DAN/ATAU KERUSAKAN LINGKUNGAN HIDUP
= Meningkatnya kualitas lingkungan hidup | Bidang Pengendalian Pencemaran Lingkungan
- Persentase usaha/kegiatan yang taat terhadap persyaratan lingkungan | persen | 65 | 3
K 2.01 Pencegahan Pencemaran dan/atau Kerusakan Lingkungan Hidup
- Jumlah titik pemantauan kualitas lingkungan | titik | 30 | 2
S 0001 Koordinasi, Sinkronisasi dan Pelaksanaan Pemantauan Kualitas Lingkungan
- Jumlah sampel kualitas air sungai yang diuji | sampel | 48
- Jumlah sampel kualitas udara ambien yang diuji | sampel | 16
P 11 PROGRAM PENGELOLAAN PERSAMPAHAN
= Meningkatnya cakupan pelayanan persampahan | Bidang Pengelolaan Sampah
- Persentase sampah yang tertangani | persen | 55 | 3
- Volume sampah yang diangkut ke TPA | ton | 9800 | 300
K 2.01 Pengelolaan Sampah
- Jumlah sarana pengelolaan sampah yang beroperasi | unit | 42 | 2
S 0003 Penyediaan Sarana dan Prasarana Pengelolaan Sampah
- Jumlah kontainer dan bak sampah yang diadakan | unit | 24 | 2
S 0010 Peningkatan Peran Serta Masyarakat dalam Pengelolaan Persampahan
- Jumlah bank sampah yang dibina | unit | 12 | 2
""",
    "dukcapil": """
P 02 PROGRAM PENDAFTARAN PENDUDUK
= Meningkatnya kepemilikan dokumen kependudukan | Bidang Pelayanan Pendaftaran Penduduk
- Persentase penduduk wajib KTP yang telah melakukan perekaman KTP-el | persen | 96 | 0.75
K 2.01 Pelayanan Pendaftaran Penduduk
- Jumlah dokumen pendaftaran penduduk yang diterbitkan | dokumen | 21000 | 500
S 0001 Penyelenggaraan Pendaftaran Penduduk
- Jumlah KTP-el yang dicetak | keping | 9200 | 200
- Jumlah Kartu Keluarga yang diterbitkan | lembar | 7600 | 150
- Jumlah Kartu Identitas Anak yang diterbitkan | keping | 4200 | 150
P 03 PROGRAM PENCATATAN SIPIL
= Meningkatnya kepemilikan akta pencatatan sipil | Bidang Pelayanan Pencatatan Sipil
- Persentase anak usia 0-18 tahun yang memiliki akta kelahiran | persen | 92 | 1
K 2.01 Pelayanan Pencatatan Sipil
- Jumlah akta pencatatan sipil yang diterbitkan | lembar | 5400 | 150
S 0001 Penyelenggaraan Pencatatan Sipil
- Jumlah akta kelahiran yang diterbitkan | lembar | 3900 | 100
- Jumlah akta kematian yang diterbitkan | lembar | 850 | 50
P 04 PROGRAM PENGELOLAAN INFORMASI ADMINISTRASI KEPENDUDUKAN
= Meningkatnya kualitas dan pemanfaatan data kependudukan | Bidang PIAK
- Persentase perangkat daerah yang memanfaatkan data kependudukan | persen | 60 | 8
K 2.01 Penyelenggaraan Pengelolaan Informasi Administrasi Kependudukan
- Jumlah laporan pengelolaan informasi administrasi kependudukan | laporan | 4
S 0001 Pengumpulan Data Kependudukan dan Pemanfaatan dan Penyajian Database Kependudukan
- Jumlah perjanjian kerja sama pemanfaatan data kependudukan | dokumen | 6 | 2
""",
    "pertanian": """
P 02 PROGRAM PENYEDIAAN DAN PENGEMBANGAN SARANA PERTANIAN
= Meningkatnya produksi komoditas unggulan pertanian | Bidang Tanaman Pangan dan Perkebunan
- Jumlah petani yang menerima bantuan sarana produksi pertanian | orang | 1200 | 50
K 2.01 Pengawasan Penggunaan Sarana Pendukung Pertanian Sesuai dengan Komoditas, Teknologi dan
+ Spesifik Lokasi
- Jumlah kelompok tani yang menerima bantuan sarana pertanian | kelompok | 60 | 5
S 0002 Penyediaan Benih/Bibit Tanaman Pangan, Hortikultura dan Perkebunan
- Jumlah bibit kopi unggul yang disalurkan | batang | 150000 | 10000
- Luas areal peremajaan kopi rakyat | ha | 150 | 25
S 0003 Penyediaan Pupuk dan Pestisida
- Jumlah pupuk yang disalurkan kepada kelompok tani | ton | 85 | 5
P 03 PROGRAM PENYEDIAAN DAN PENGEMBANGAN PRASARANA PERTANIAN
= Meningkatnya dukungan prasarana pertanian | Bidang Prasarana dan Sarana Pertanian
- Luas lahan pertanian yang terlayani prasarana pertanian | ha | 450 | 25
K 2.01 Pengembangan Prasarana Pertanian
- Jumlah prasarana pertanian yang dibangun/direhabilitasi | unit | 12
S 0001 Pembangunan, Rehabilitasi dan Pemeliharaan Jalan Usaha Tani
- Panjang jalan usaha tani yang dibangun/direhabilitasi | km | 8.5 | 0.5
S 0002 Pembangunan, Rehabilitasi dan Pemeliharaan Jaringan Irigasi Usaha Tani
- Panjang jaringan irigasi usaha tani yang dibangun/direhabilitasi | meter | 2400 | 100
P 07 PROGRAM PENYULUHAN PERTANIAN
= Meningkatnya kapasitas petani dan kelembagaan petani | Bidang Penyuluhan
- Persentase kelompok tani dengan kelas kemampuan madya ke atas | persen | 35 | 3
K 2.01 Pelaksanaan Penyuluhan Pertanian
- Jumlah petani yang mendapatkan penyuluhan | orang | 4800 | 200
S 0001 Pengembangan Kapasitas Kelembagaan Petani di Kecamatan dan Desa
- Jumlah kelompok tani yang dibina | kelompok | 320 | 10
""",
    "bappeda": """
P 02 PROGRAM PERENCANAAN, PENGENDALIAN DAN EVALUASI PEMBANGUNAN DAERAH
= Meningkatnya kualitas perencanaan pembangunan daerah | Bidang Perencanaan dan Evaluasi
- Persentase konsistensi program RPJMD dalam RKPD | persen | 90 | 2
- Persentase rekomendasi hasil evaluasi RKPD yang ditindaklanjuti | persen | 70 | 5
K 2.01 Penyusunan Perencanaan dan Pendanaan
- Jumlah dokumen perencanaan pembangunan daerah yang ditetapkan | dokumen | 3
S 0002 Penyusunan Dokumen Perencanaan Pembangunan Daerah (RPJPD, RPJMD dan RKPD)
- Jumlah dokumen RKPD dan RKPD Perubahan yang tersusun | dokumen | 2
S 0004 Koordinasi Penyelenggaraan Musyawarah Perencanaan Pembangunan (Musrenbang)
- Jumlah musrenbang yang difasilitasi | kegiatan | 9
K 2.02 Analisis Data dan Informasi Perencanaan Pembangunan Daerah
- Jumlah dokumen analisis data dan informasi perencanaan | dokumen | 2
S 0001 Pengelolaan Data dan Informasi Perencanaan Pembangunan Daerah
- Jumlah publikasi data perencanaan pembangunan daerah | dokumen | 2
K 2.03 Pengendalian, Evaluasi dan Pelaporan Pembangunan Daerah
- Jumlah laporan pengendalian dan evaluasi pembangunan daerah | laporan | 6
S 0002 Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan Daerah
- Jumlah laporan evaluasi pelaksanaan RKPD | laporan | 4
- Jumlah dokumen LKjIP Pemerintah Daerah yang tersusun | dokumen | 1
P 03 PROGRAM KOORDINASI DAN SINKRONISASI PERENCANAAN PEMBANGUNAN DAERAH
= Meningkatnya sinkronisasi perencanaan antarsektor | Bidang Perencanaan Sektoral
- Persentase program perangkat daerah yang selaras dengan RPJMD | persen | 85 | 2.5
K 2.01 Koordinasi Perencanaan Bidang Pemerintahan dan Pembangunan Manusia
- Jumlah dokumen koordinasi perencanaan bidang pemerintahan dan pembangunan manusia | dokumen | 4
S 0001 Koordinasi Penyusunan Dokumen Perencanaan Pembangunan Bidang Pemerintahan dan
+ Pembangunan Manusia
- Jumlah rapat koordinasi perencanaan yang dilaksanakan | kali | 8
K 2.02 Koordinasi Perencanaan Bidang Perekonomian dan Sumber Daya Alam
- Jumlah dokumen koordinasi perencanaan bidang perekonomian dan SDA | dokumen | 4
S 0001 Koordinasi Penyusunan Dokumen Perencanaan Pembangunan Bidang Perekonomian dan SDA
- Jumlah rapat koordinasi perencanaan bidang perekonomian dan SDA | kali | 6
""",
    "bkd": """
P 02 PROGRAM PENGELOLAAN KEUANGAN DAERAH
= Meningkatnya akuntabilitas pengelolaan keuangan daerah | Bidang Akuntansi dan Pelaporan
- Persentase laporan keuangan perangkat daerah yang disampaikan tepat waktu | persen | 90 | 2
K 2.01 Koordinasi dan Penyusunan Rencana Anggaran Daerah
- Jumlah dokumen anggaran daerah yang tersusun | dokumen | 4
S 0001 Koordinasi, Penyusunan dan Verifikasi RKA-SKPD
- Jumlah RKA-SKPD yang diverifikasi | dokumen | 42
K 2.05 Koordinasi dan Pelaksanaan Akuntansi dan Pelaporan Keuangan Daerah
- Jumlah laporan keuangan pemerintah daerah yang tersusun | laporan | 14
S 0002 Koordinasi dan Penyusunan Laporan Keuangan Pemerintah Daerah
- Jumlah dokumen LKPD yang disampaikan kepada BPK tepat waktu | dokumen | 1
- Jumlah laporan realisasi anggaran semesteran yang tersusun | laporan | 2
P 03 PROGRAM PENGELOLAAN BARANG MILIK DAERAH
= Meningkatnya tertib administrasi barang milik daerah | Bidang Aset
- Persentase barang milik daerah yang tercatat dan terinventarisasi | persen | 85 | 3
K 2.01 Pengelolaan Barang Milik Daerah
- Jumlah laporan barang milik daerah yang tersusun | laporan | 4
S 0004 Penatausahaan Barang Milik Daerah
- Jumlah perangkat daerah yang diinventarisasi barang milik daerahnya | perangkat daerah | 42
P 04 PROGRAM PENGELOLAAN PENDAPATAN DAERAH
= Meningkatnya pendapatan asli daerah | Bidang Pendapatan
- Persentase realisasi pajak daerah terhadap target | persen | 100
K 2.01 Pengelolaan Pendapatan Daerah
- Jumlah laporan pengelolaan pendapatan daerah | laporan | 12
S 0002 Pendataan dan Pendaftaran Objek Pajak Daerah
- Jumlah wajib pajak daerah yang terdata | wajib pajak | 2150 | 60
""",
}


@dataclass
class Indikator:
    nama: str
    satuan: str
    dasar: float = 0.0
    kenaikan: float = 0.0
    dari_rpjmd: bool = False

    @property
    def bulat(self) -> bool:
        return self.dasar.is_integer() and self.kenaikan.is_integer()

    @property
    def negatif(self) -> bool:
        return self.dari_rpjmd and IKD[self.nama].negatif

    def target(self, tahun: int) -> float:
        if self.dari_rpjmd:
            return float(IKD[self.nama].target[tahun - PERIODE[0]])
        nilai = self.dasar + self.kenaikan * (tahun - PERIODE[0])
        return min(nilai, 100.0) if self.satuan == "persen" else nilai


@dataclass
class Simpul:
    """A program, kegiatan or sub-kegiatan with its indicators."""

    tingkat: str  # "P", "K", "S"
    kode: str
    nama: str
    sasaran: str = ""
    unit: str = ""
    indikator: list[Indikator] = field(default_factory=list)
    anak: list[Simpul] = field(default_factory=list)
    pagu: dict[int, int] = field(default_factory=dict)


def _indikator(isi: str) -> Indikator:
    nama, satuan, dasar, *kenaikan = (bagian.strip() for bagian in isi.split("|"))
    if dasar == "rpjmd":
        return Indikator(nama, satuan, dari_rpjmd=True)
    return Indikator(nama, satuan, float(dasar), float(kenaikan[0]) if kenaikan else 0.0)


def urai_program(teks: str, urusan: str) -> list[Simpul]:
    """Parse the program text (format above) into program trees."""
    program: list[Simpul] = []
    for baris in teks.strip().splitlines():
        tanda, _, isi = baris.partition(" ")
        if tanda == "P":
            kode, _, nama = isi.partition(" ")
            program.append(Simpul("P", kode if kode.count(".") == 2 else f"{urusan}.{kode}", nama))
        elif tanda in ("K", "S"):
            induk = program[-1] if tanda == "K" else program[-1].anak[-1]
            kode, _, nama = isi.partition(" ")
            induk.anak.append(Simpul(tanda, f"{induk.kode}.{kode}", nama, unit=induk.unit))
        else:
            simpul = list(urutan(program))[-1]
            if tanda == "+":
                simpul.nama += " " + isi
            elif tanda == "=":
                simpul.sasaran, simpul.unit = (bagian.strip() for bagian in isi.split("|"))
            else:
                simpul.indikator.append(_indikator(isi))
    return program


def urutan(program: list[Simpul]) -> Iterator[Simpul]:
    """Programs, kegiatan and sub-kegiatan in the order of the form."""
    for prog in program:
        yield prog
        for kegiatan in prog.anak:
            yield kegiatan
            yield from kegiatan.anak


def siapkan_program(opd: Opd, rng: random.Random) -> list[Simpul]:
    """The OPD's programs, with a DPA ceiling per sub-kegiatan per year 2021..2026."""
    teks = PENUNJANG.replace("{sekretariat}", opd.sekretariat) + PROGRAM[opd.kunci]
    program = urai_program(teks, opd.urusan)
    for simpul in urutan(program):
        if simpul.tingkat == "S":
            dasar = math.exp(rng.uniform(math.log(7.5e7), math.log(1.9e9)))
            for tahun in PERIODE:
                pagu = round(dasar * rng.uniform(0.85, 1.2), -4)
                simpul.pagu[tahun] = int(min(max(pagu, 5e7), 2e9))
    return program


# --------------------------------------------------------------------------- angka per baris

Nilai = int | float | str | None
Anggaran = tuple[int, int, list[int]]  # pagu tahun ini, pagu 2021-2026, realisasi per triwulan


@dataclass
class Baris:
    simpul: Simpul
    indikator: Indikator
    lanjutan: bool
    nilai: dict[str, Nilai]  # column letter -> value
    capaian: float | None
    keterangan: str = ""
    salah: str = ""  # "K"/"Rp" when column 13 was deliberately mistyped


def _angka(nilai: float) -> int | float:
    nilai = round(nilai, 2)
    return int(nilai) if float(nilai).is_integer() else nilai


def bagi(total: int, bobot: list[float]) -> list[int]:
    """Split an integer by weights (largest remainder), so the parts sum exactly to total."""
    mentah = [total * b / sum(bobot) for b in bobot]
    bagian = [math.floor(x) for x in mentah]
    urut = sorted(range(len(bobot)), key=lambda i: bagian[i] - mentah[i])
    for i in urut[: total - sum(bagian)]:
        bagian[i] += 1
    return bagian


def realisasi_k(ind: Indikator, target: float, rng: random.Random) -> tuple[float, bool]:
    """Yearly realisation: mostly 80-110 % of target, about 1 in 12 at 40-75 %."""
    if ind.satuan == "bulan":
        return target, False
    rendah = rng.random() < 1 / 12
    nilai = target * (rng.uniform(0.40, 0.75) if rendah else rng.uniform(0.80, 1.10))
    nilai = round(nilai) if ind.bulat else round(nilai * 4) / 4  # quarters of 0.25: exact sums
    return (min(nilai, 100.0) if ind.satuan == "persen" else nilai), rendah


def kuartal_k(nilai: float, ind: Indikator, rng: random.Random) -> list[Nilai]:
    skala = 1 if ind.bulat else 4
    bobot = (
        [1.0] * 4
        if ind.satuan == "bulan"
        else [
            rng.uniform(0.4, 1.2),
            rng.uniform(0.8, 1.3),
            rng.uniform(0.8, 1.3),
            rng.uniform(1.0, 1.8),
        ]
    )
    return [_angka(b / skala) for b in bagi(round(nilai * skala), bobot)]


def anggaran_tahun(program: list[Simpul], tahun: int, rng: random.Random) -> dict[str, Anggaran]:
    """Budget per code: sub-kegiatan realised and split by quarter; parents are sums."""
    hasil: dict[str, Anggaran] = {}

    def jumlah(kode: str, anak: list[Simpul]) -> None:
        bagian = [hasil[a.kode] for a in anak]
        hasil[kode] = (
            sum(b[0] for b in bagian),
            sum(b[1] for b in bagian),
            [sum(q) for q in zip(*(b[2] for b in bagian), strict=True)],
        )

    for prog in program:
        for kegiatan in prog.anak:
            for sub in kegiatan.anak:
                pagu = sub.pagu[tahun]
                rendah = rng.random() < 1 / 12
                rasio = rng.uniform(0.45, 0.75) if rendah else rng.uniform(0.82, 0.99)
                bobot = [
                    0.0 if rng.random() < 0.15 else rng.uniform(0.3, 0.9),
                    rng.uniform(0.8, 1.2),
                    rng.uniform(0.8, 1.2),
                    rng.uniform(1.2, 2.0),
                ]
                hasil[sub.kode] = (pagu, sum(sub.pagu.values()), bagi(round(pagu * rasio), bobot))
            jumlah(kegiatan.kode, kegiatan.anak)
        jumlah(prog.kode, prog.anak)
    return hasil


def nilai_k(
    ind: Indikator, tahun: int, lalu: float, selisih: float, rng: random.Random
) -> tuple[dict[str, Nilai], float, float | None, bool]:
    """K values of columns 6-15; also column 14 (for next year), capaian and 'low' flag."""
    target = ind.target(tahun)
    total = _angka(sum(ind.target(t) for t in PERIODE))
    kuartal: list[Nilai]
    if ind.dari_rpjmd:  # a rate: the year's value sits in TW IV and column 13 only
        nyata, rendah = float(IKD[ind.nama].realisasi[tahun - PERIODE[0]]), False
        kuartal = ["-", "-", "-", _angka(nyata)]
    else:
        nyata, rendah = realisasi_k(ind, target, rng)
        kuartal = kuartal_k(nyata, ind, rng)
    k13 = _angka(nyata + selisih)
    k14 = _angka(lalu + k13)
    nilai: dict[str, Nilai] = {"G": total, "I": _angka(lalu), "K": _angka(target)}
    nilai |= dict(zip("MOQS", kuartal, strict=True))
    nilai |= {"U": k13, "W": k14, "Y": round(k14 / total * 100, 2)}
    if ind.negatif:
        capaian = max(0.0, (2 * target - nyata) / target * 100)
    else:
        capaian = nyata / target * 100 if target else None
    return nilai, k14, capaian, rendah


def nilai_rp(anggaran: Anggaran, lalu: int, selisih: int) -> tuple[dict[str, Nilai], int]:
    pagu, total, kuartal = anggaran
    rp13 = sum(kuartal) + selisih
    rp14 = lalu + rp13
    nilai: dict[str, Nilai] = {"H": total, "J": lalu, "L": pagu}
    nilai |= dict(zip("NPRT", kuartal, strict=True))
    return nilai | {"V": rp13, "X": rp14, "Z": round(rp14 / total * 100, 2)}, rp14


KET_RENDAH = (
    "Realisasi belum optimal karena keterlambatan proses pengadaan barang/jasa.",
    "Sebagian kegiatan ditunda akibat rasionalisasi anggaran pada APBD Perubahan.",
    "Target tidak tercapai karena keterbatasan tenaga pelaksana di lapangan.",
)


def baris_tahun(
    opd: Opd,
    program: list[Simpul],
    tahun: int,
    lalu: dict[tuple[str, int], float],
    rng: random.Random,
) -> list[Baris]:
    """All indicator rows of one OPD for one year; ``lalu`` carries column 14 to next year."""
    anggaran = anggaran_tahun(program, tahun, rng)
    hasil = []
    for simpul in urutan(program):
        salah, selisih = SALAH_HITUNG.get((opd.kunci, tahun, simpul.kode), ("", 0))
        for i, ind in enumerate(simpul.indikator):
            k_salah = selisih if salah == "K" and i == 0 else 0
            nilai, lalu[(simpul.kode, i)], capaian, rendah = nilai_k(
                ind, tahun, lalu.get((simpul.kode, i), 0), k_salah, rng
            )
            if i == 0:
                rp_salah = int(selisih) if salah == "Rp" else 0
                rp, rp14 = nilai_rp(
                    anggaran[simpul.kode], int(lalu.get((simpul.kode, -1), 0)), rp_salah
                )
                nilai |= rp
                lalu[(simpul.kode, -1)] = rp14
            pool = KET_RENDAH + (
                ("Terdampak refocusing anggaran untuk penanganan COVID-19.",)
                if tahun == 2021
                else ()
            )
            keterangan = rng.choice(pool) if rendah else ""
            hasil.append(
                Baris(simpul, ind, i > 0, nilai, capaian, keterangan, salah if i == 0 else "")
            )
    return hasil


# --------------------------------------------------------------------------- excel helpers

TIPIS = Side(style="thin")
KOTAK = Border(left=TIPIS, right=TIPIS, top=TIPIS, bottom=TIPIS)
TENGAH = Alignment(horizontal="center", vertical="center", wrap_text=True)
ATAS = Alignment(vertical="top", wrap_text=True)
KOLOM_RP = set("HJLNPRTVXZ")


def gabung(
    ws: Worksheet, rentang: str, nilai: Nilai, *, tebal: bool = True, rata: Alignment = TENGAH
) -> None:
    """Write ``nilai`` in the top-left cell of ``rentang`` and merge the range."""
    if ":" in rentang and rentang.split(":")[0] != rentang.split(":")[1]:
        ws.merge_cells(rentang)
    sel = ws[rentang.split(":")[0]]
    sel.value = nilai
    sel.font = Font(bold=tebal)
    sel.alignment = rata


def kolom(i: int) -> str:
    return get_column_letter(i)


def tanggal_id(tanggal: dt.date) -> str:
    return f"{tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"


def simpan(wb: Workbook, path: Path) -> None:
    """Save with fixed document dates, then rewrite the zip with fixed member dates."""
    wb.properties.creator = "Bappeda Kabupaten Kepahiang (data contoh fiktif)"
    wb.properties.created = WAKTU_TETAP
    wb.properties.modified = WAKTU_TETAP
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    with zipfile.ZipFile(path) as asal:
        anggota = [(info.filename, asal.read(info)) for info in asal.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as tujuan:
        for nama, isi in anggota:
            if nama == "docProps/core.xml":  # openpyxl stamps 'modified' with the clock
                isi = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-15T08:00:00Z", isi)
            info = zipfile.ZipInfo(nama, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            tujuan.writestr(info, isi)
    path.write_bytes(buffer.getvalue())


# --------------------------------------------------------------------------- E.81 workbook

TUNGGAL = (("A", "No"), ("B", "Sasaran"), ("C", "Kode"),
           ("D", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan"),
           ("E", "Indikator Kinerja Program (Outcome)/Kegiatan (Output)"), ("F", "Satuan"),
           ("AA", "Unit Perangkat Daerah Penanggung Jawab"), ("AB", "Keterangan"))  # fmt: skip
NOMOR_KOLOM = {"A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "G": 6, "I": 7, "K": 8, "M": 9, "O": 10,
               "Q": 11, "S": 12, "U": "13 = 9 + 10 + 11 + 12", "W": "14 = 7 + 13",
               "Y": "15 = 14 / 6 x 100", "AA": 16, "AB": 17}  # fmt: skip
PENDORONG = (
    "Komitmen pimpinan dan koordinasi yang baik antarbidang serta dukungan anggaran yang memadai.",
    "Tersedianya data yang mutakhir dan pemantauan pelaksanaan kegiatan secara berkala.",
    "Dukungan lintas sektor, pemerintah desa dan partisipasi aktif masyarakat.",
    "Pelaksanaan kegiatan sesuai jadwal dan pengendalian rutin melalui rapat evaluasi bulanan.",
)
PENGHAMBAT = (
    "Keterlambatan proses pengadaan barang/jasa sehingga pekerjaan fisik menumpuk di triwulan IV.",
    "Curah hujan tinggi yang menghambat pekerjaan fisik di lapangan.",
    "Keterbatasan jumlah dan kompetensi sumber daya manusia pelaksana kegiatan.",
    "Rasionalisasi anggaran pada APBD Perubahan sehingga sebagian target tidak dapat dicapai.",
)
TINDAK_LANJUT = (
    "Mempercepat proses pengadaan barang/jasa sejak awal tahun dan memperketat pengendalian.",
    "Meningkatkan koordinasi antarbidang dan memantau capaian kinerja setiap bulan.",
    "Menyusun jadwal pelaksanaan yang lebih realistis dan menyesuaikan target Renja berikutnya.",
    "Meningkatkan kapasitas SDM pelaksana melalui bimbingan teknis dan pendampingan.",
)


def _judul_e81(ws: Worksheet, opd: Opd, tahun: int, gaya: int) -> None:
    label = "Nama Perangkat Daerah" if gaya % 3 == 1 else "Perangkat Daerah"
    periode = (f"Periode Pelaksanaan : Tahun {tahun}", f"TAHUN ANGGARAN {tahun}",
               f"Periode Pelaksanaan : Triwulan I s.d. IV Tahun {tahun}",
               f"Tahun Anggaran : {tahun}")[gaya % 4]  # fmt: skip
    judul = (
        "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH",
        "KABUPATEN KEPAHIANG",
        f"{label} : {opd.nama}",
        periode,
    )
    for baris, teks in enumerate(judul, start=1):
        gabung(ws, f"A{baris}:AB{baris}", teks)


def _header_e81(ws: Worksheet, tahun: int) -> None:
    kelompok = {
        "G": "Target Kinerja dan Anggaran Renstra Perangkat Daerah pada Tahun 2026 "
             "(Akhir Periode Renstra PD)",
        "I": "Realisasi Capaian Kinerja dan Anggaran Renstra Perangkat Daerah s.d. Renja "
             f"Perangkat Daerah Tahun Lalu ({tahun - 1})",
        "K": "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan "
             f"({tahun}) yang Dievaluasi",
        "U": "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi",
        "W": f"Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s.d. Tahun {tahun}",
        "Y": "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah "
             f"s.d. Tahun {tahun} (%)",
    }  # fmt: skip
    for huruf, teks in TUNGGAL:
        gabung(ws, f"{huruf}6:{huruf}8", teks)
    gabung(ws, "M6:T6", "Realisasi Kinerja Pada Triwulan")
    for i, romawi in enumerate(("I", "II", "III", "IV")):
        gabung(ws, f"{kolom(13 + 2 * i)}7:{kolom(14 + 2 * i)}7", romawi)
    for huruf, teks in kelompok.items():
        gabung(ws, f"{huruf}6:{kolom(column_index_from_string(huruf) + 1)}7", teks)
    for i in range(7, 27, 2):
        ws.cell(8, i, "K")
        ws.cell(8, i + 1, "Rp")
    for huruf, nomor in NOMOR_KOLOM.items():
        ws[f"{huruf}9"] = nomor
    for row in ws["A6:AB9"]:
        for sel in row:
            sel.font, sel.alignment, sel.border = Font(bold=True), TENGAH, KOTAK


def _teks_angka(nilai: int | float, rp: bool) -> str | None:
    """The number as an OPD might type it: '1.250.000.000', '85,5', '2.240'; else None."""
    if rp or (float(nilai).is_integer() and nilai >= 1000):
        return f"{int(nilai):,}".replace(",", ".")
    if not float(nilai).is_integer():
        return f"{nilai:g}".replace(".", ",")
    return None


def _sel_angka(
    ws: Worksheet, ref: str, nilai: Nilai, berantakan: bool, rng: random.Random, catatan: list[str]
) -> None:
    huruf = ref.rstrip("0123456789")
    sel = ws[ref]
    if isinstance(nilai, int | float) and berantakan and huruf in "GHIJKLMNOPQRSTUV":
        if nilai == 0 and huruf in "MNOPQRST":
            nilai = rng.choice(["-", " "])
        elif rng.random() < 0.3 and (teks := _teks_angka(nilai, huruf in KOLOM_RP)):
            if huruf not in KOLOM_RP and "." in teks:
                catatan.append(f"{ws.title}!{ref}={teks!r}")
            nilai = teks
    sel.value = nilai
    if isinstance(nilai, int | float):
        sel.number_format = "#,##0" if huruf in KOLOM_RP else "#,##0.00"


def _data_e81(
    ws: Worksheet, rows: list[Baris], berantakan: bool, rng: random.Random, catatan: list[str]
) -> None:
    utama = [i for i, b in enumerate(rows) if not b.lanjutan]
    spasi_ganda = rng.randrange(len(rows)) if berantakan else -1
    spasi_akhir = rng.choice(utama) if berantakan else -1
    for i, baris in enumerate(rows):
        r = 10 + i
        simpul = baris.simpul
        if not baris.lanjutan:
            ws[f"A{r}"] = utama.index(i) + 1
            ws[f"B{r}"] = simpul.sasaran if simpul.tingkat == "P" else None
            ws[f"C{r}"] = simpul.kode
            ws[f"D{r}"] = simpul.nama + (" " if i == spasi_akhir else "")
            ws[f"D{r}"].font = Font(bold=simpul.tingkat == "P")
            ws[f"AA{r}"] = simpul.unit
        nama = baris.indikator.nama
        ws[f"E{r}"] = nama.replace(" ", "  ", 1) if i == spasi_ganda else nama
        ws[f"F{r}"] = baris.indikator.satuan
        ws[f"AB{r}"] = baris.keterangan or None
        for huruf, nilai in baris.nilai.items():
            _sel_angka(ws, f"{huruf}{r}", nilai, berantakan, rng, catatan)
        if baris.salah:
            catatan.append(f"SALAH {ws.title}!{'U' if baris.salah == 'K' else 'V'}{r}")
        for c in range(1, 29):
            ws.cell(r, c).border = KOTAK
            ws.cell(r, c).alignment = ATAS


def predikat(nilai: float) -> str:
    """Permendagri 86/2017 category scale (DOMAIN.md section 3)."""
    for batas, label in ((91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang")):
        if nilai >= batas:
            return label
    return "Rendah" if nilai > 50 else "Sangat Rendah"


def _penutup_e81(
    ws: Worksheet, r: int, rows: list[Baris], opd: Opd, tahun: int, rng: random.Random
) -> None:
    nilai = [b.capaian for b in rows if b.capaian is not None]
    rata = round(sum(nilai) / len(nilai), 2)
    ws[f"D{r}"], ws[f"Y{r}"] = "Rata-rata capaian kinerja (%)", rata
    ws[f"Y{r}"].number_format = "#,##0.00"
    ws[f"D{r + 1}"], ws[f"Y{r + 1}"] = "Predikat kinerja", predikat(rata)
    penghambat = (
        (
            "Refocusing anggaran untuk penanganan COVID-19 sehingga sebagian kegiatan "
            "dibatalkan atau dikurangi volumenya."
        )
        if tahun == 2021
        else rng.choice(PENGHAMBAT)
    )
    narasi = (
        ("Faktor pendorong keberhasilan pencapaian:", rng.choice(PENDORONG)),
        ("Faktor penghambat pencapaian kinerja:", penghambat),
        ("Tindak lanjut yang diperlukan dalam triwulan berikutnya:", rng.choice(TINDAK_LANJUT)),
    )
    for i, (label, kalimat) in enumerate(narasi, start=r + 2):
        ws[f"D{i}"] = label
        gabung(ws, f"E{i}:T{i}", kalimat, tebal=False, rata=ATAS)
    tanggal = dt.date(tahun + 1, 1, rng.randint(8, 31))
    while tanggal.weekday() >= 5:  # signed on a working day
        tanggal -= dt.timedelta(days=1)
    pejabat, jabatan = opd.kepala(tahun)
    ttd = (
        f"Kepahiang, {tanggal_id(tanggal)}",
        jabatan,
        None,
        None,
        None,
        pejabat.nama,
        f"NIP. {nip_grup(pejabat.nip)}",
    )
    for i, teks in enumerate(ttd, start=r + 6):
        if teks:
            gabung(ws, f"U{i}:Z{i}", teks, tebal=teks == pejabat.nama)
    ws[f"U{r + 11}"].font = Font(bold=True, underline="single")


def buat_e81(
    opd: Opd, tahun: int, rows: list[Baris], rng: random.Random, catatan: list[str]
) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = opd.lembar.format(t=tahun)
    _judul_e81(ws, opd, tahun, OPD.index(opd))
    _header_e81(ws, tahun)
    _data_e81(ws, rows, (opd.kunci, tahun) in BERANTAKAN, rng, catatan)
    _penutup_e81(ws, 11 + len(rows), rows, opd, tahun, rng)
    lebar = {"A": 5, "B": 26, "C": 19, "D": 42, "E": 42, "F": 11, "AA": 22, "AB": 28}
    for i in range(1, 29):
        huruf = kolom(i)
        ws.column_dimensions[huruf].width = lebar.get(huruf, 16 if huruf in KOLOM_RP else 11)
    ws.row_dimensions[6].height = 75
    ws.freeze_panes = "A10"
    ws.page_setup.orientation = "landscape"
    return wb


# --------------------------------------------------------------------------- other files


def buat_penandatangan(rng: random.Random) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Penandatangan"
    gabung(ws, "A1:G1", "DAFTAR PENANDATANGAN PERJANJIAN KINERJA")
    kepala = ("No", "Tahun", "Perangkat Daerah", "Jabatan", "Nama", "NIP", "Pangkat/Golongan")
    for i, teks in enumerate(kepala, start=1):
        gabung(ws, f"{kolom(i)}3", teks)
        ws.cell(3, i).border = KOTAK
    r = 4
    for tahun in TAHUN:
        isi = [("Bupati", "Bupati Kepahiang", BUPATI, "", "")]
        for opd in OPD:
            pejabat, jabatan = opd.kepala(tahun)
            nip = nip_grup(pejabat.nip) if rng.random() < 0.5 else pejabat.nip
            isi.append((opd.nama, jabatan, pejabat.nama, nip, pejabat.pangkat_pada(tahun)))
        for baris in isi:
            for c, nilai in enumerate((r - 3, tahun, *baris), start=1):
                sel = ws.cell(r, c, nilai or None)
                sel.border = KOTAK
            ws.cell(r, 6).number_format = "@"
            r += 1
    for huruf, lebar in zip("ABCDEFG", (5, 8, 44, 48, 38, 24, 26), strict=True):
        ws.column_dimensions[huruf].width = lebar
    return wb


def _tulis_ikd(ws: Worksheet, r: int, nomor: int, ikd: Ikd) -> None:
    format_angka = {0: "#,##0", 2: "#,##0.00", 3: "0.000"}[ikd.desimal]
    nilai: list[Nilai] = [
        nomor,
        None,
        None,
        ikd.nama,
        ikd.satuan,
        "Negatif" if ikd.negatif else "Positif",
        ikd.awal,
    ]
    for i, tahun in enumerate(PERIODE):
        realisasi = ikd.realisasi[i] if i < len(ikd.realisasi) else None
        if (ikd.nama, tahun) in RPJMD_TEKS and isinstance(realisasi, float):
            realisasi = f"{realisasi:.2f}".replace(".", ",")
        nilai += [ikd.target[i], realisasi]
    nilai += [ikd.target[-1], ikd.pd]
    for c, isi in enumerate(nilai, start=1):
        sel = ws.cell(r, c, isi)
        sel.border, sel.alignment = KOTAK, ATAS
        if isinstance(isi, float | int) and c > 1:
            sel.number_format = format_angka


def buat_rpjmd() -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Matriks IKD"
    judul = (
        "MATRIKS INDIKATOR KINERJA DAERAH (IKD)",
        "RPJMD KABUPATEN KEPAHIANG TAHUN 2021-2026",
        "Perda Nomor 3 Tahun 2021",
    )
    for baris, teks in enumerate(judul, start=1):
        gabung(ws, f"A{baris}:U{baris}", teks)
    tunggal = (
        "No",
        "Tujuan",
        "Sasaran",
        "Indikator Kinerja",
        "Satuan",
        "Polaritas",
        "Kondisi Awal (2020)",
    )
    for i, teks in enumerate(tunggal, start=1):
        gabung(ws, f"{kolom(i)}5:{kolom(i)}6", teks)
    for i, tahun in enumerate(PERIODE):
        c = 8 + 2 * i
        gabung(ws, f"{kolom(c)}5:{kolom(c + 1)}5", f"Tahun {tahun}")
        ws.cell(6, c, "Target")
        ws.cell(6, c + 1, "Realisasi")
    gabung(ws, "T5:T6", "Kondisi Akhir RPJMD (2026)")
    gabung(ws, "U5:U6", "Perangkat Daerah Penanggung Jawab")
    for c in range(1, 22):
        ws.cell(7, c, c)
        for r in (5, 6, 7):
            ws.cell(r, c).font, ws.cell(r, c).alignment = Font(bold=True), TENGAH
            ws.cell(r, c).border = KOTAK
    r, nomor = 8, 0
    for tujuan, daftar in RPJMD:
        awal_tujuan = r
        for sasaran, ikds in daftar:
            for ikd in ikds:
                nomor += 1
                _tulis_ikd(ws, r, nomor, ikd)
                r += 1
            gabung(ws, f"C{r - len(ikds)}:C{r - 1}", sasaran, tebal=False, rata=ATAS)
        gabung(ws, f"B{awal_tujuan}:B{r - 1}", tujuan, tebal=False, rata=ATAS)
    for i, lebar in enumerate((5, 30, 30, 38, 14, 10, 12), start=1):
        ws.column_dimensions[kolom(i)].width = lebar
    ws.column_dimensions["U"].width = 36
    ws.freeze_panes = "E8"
    return wb


PENGATURAN = """\
# Pengaturan daerah untuk kinerja-report.
# Berkas ini dibaca dari folder masukan (mis. `kinerja build sample_data --out hasil`).
# Data contoh ini FIKTIF: alamat, telepon, surel dan semua nama orang adalah rekaan.

[daerah]
jenis = "Kabupaten"             # "Kabupaten" atau "Kota"
nama = "Kepahiang"              # dipakai sebagai "Kabupaten Kepahiang"
provinsi = "Bengkulu"
ibu_kota = "Kepahiang"
kode_wilayah = "17.08"          # kode wilayah Kemendagri
alamat = "Jl. Pembangunan No. 17, Kepahiang 39372"
telepon = "(0732) 391170"
email = "sakip.contoh@kepahiangkab.go.id"
laman = "kepahiangkab.go.id"
logo = "logo-kabupaten.svg"     # relatif terhadap berkas ini

[dokumen]
ukuran_kertas = "F4"            # "F4" (215 x 330 mm) atau "A4"
tempat_penandatanganan = "Kepahiang"   # tempat pada blok tanda tangan
"""

LOGO = """\
<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="200" height="240"
     viewBox="0 0 200 240">
  <title>Lambang fiktif Kabupaten Kepahiang (data contoh)</title>
  <path d="M100 8 L186 28 L186 118 C186 170 148 204 100 226 C52 204 14 170 14 118 L14 28 Z"
        fill="#1b7a3a" stroke="#f2c200" stroke-width="6"/>
  <circle cx="100" cy="78" r="22" fill="#f2c200"/>
  <path d="M24 138 L72 70 L98 104 L124 76 L176 138 Z" fill="#0f5a28" stroke="#f2c200"
        stroke-width="2"/>
  <path d="M100 168 C96 150 104 134 122 118" fill="none" stroke="#6b3e1f" stroke-width="3"/>
  <g fill="#4caf50" stroke="#0f5a28" stroke-width="1">
    <ellipse cx="86" cy="150" rx="14" ry="6" transform="rotate(-30 86 150)"/>
    <ellipse cx="118" cy="140" rx="14" ry="6" transform="rotate(-40 118 140)"/>
    <ellipse cx="104" cy="128" rx="12" ry="5" transform="rotate(-60 104 128)"/>
  </g>
  <g fill="#c62828" stroke="#7a1010" stroke-width="1">
    <circle cx="98" cy="142" r="4.5"/>
    <circle cx="106" cy="146" r="4.5"/>
    <circle cx="101" cy="151" r="4.5"/>
    <circle cx="114" cy="128" r="4"/>
  </g>
  <path d="M6 176 L194 176 L184 192 L194 208 L6 208 L16 192 Z" fill="#f2c200"
        stroke="#8a6d00" stroke-width="1.5"/>
  <text x="100" y="198" font-family="sans-serif" font-size="17" font-weight="bold"
        text-anchor="middle" fill="#1b4d2a">KEPAHIANG</text>
</svg>
"""


def main() -> None:
    rng = random.Random(2026)
    program = {opd.kunci: siapkan_program(opd, rng) for opd in OPD}
    renja = {(opd, t): KELUARAN / str(t) / opd.berkas.format(t=t) for opd in OPD for t in TAHUN}
    tetap = [KELUARAN / nama for nama in ("pengaturan.toml", "logo-kabupaten.svg",
                                           "penandatangan.xlsx")]  # fmt: skip
    rpjmd = KELUARAN / "rpjmd" / "matriks-ikd-rpjmd-2021-2026.xlsx"
    for path in [*tetap, rpjmd, *renja.values()]:
        path.unlink(missing_ok=True)
    KELUARAN.mkdir(exist_ok=True)
    tetap[0].write_text(PENGATURAN, encoding="utf-8", newline="\n")
    tetap[1].write_text(LOGO, encoding="utf-8", newline="\n")
    simpan(buat_penandatangan(rng), tetap[2])
    simpan(buat_rpjmd(), rpjmd)
    catatan: list[str] = []
    jumlah = 0
    for opd in OPD:
        lalu: dict[tuple[str, int], float] = {}
        for tahun in TAHUN:
            rows = baris_tahun(opd, program[opd.kunci], tahun, lalu, rng)
            awal = len(catatan)
            simpan(buat_e81(opd, tahun, rows, rng, catatan), renja[(opd, tahun)])
            nama = renja[(opd, tahun)].relative_to(KELUARAN)
            catatan[awal:] = [f"{nama}: {c}" for c in catatan[awal:]]
            jumlah += len(rows)
    print(f"{len(renja)} workbook evaluasi Renja, {jumlah} baris indikator")
    for baris in catatan:
        print(baris)


if __name__ == "__main__":
    main()
