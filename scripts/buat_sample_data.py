"""Membuat ulang data contoh Kabupaten Kepahiang (fiktif) di ``sample_data/``.

Jalankan dari akar repositori::

    python scripts/buat_sample_data.py

Ditulis: ``pengaturan.toml``, ``logo-kabupaten.svg``, ``penandatangan.xlsx``,
``rpjmd/matriks-ikd-rpjmd-2021-2026.xlsx`` dan satu workbook formulir E.81 "Evaluasi terhadap
Hasil Renja Perangkat Daerah" (Permendagri 86/2017) per OPD per tahun di ``<tahun>/``. Hanya
berkas buatan skrip ini yang dihapus lalu ditulis ulang; berkas lain tidak disentuh.

Deterministik: semua keacakan dari ``random.Random(2026)``, tanggal properti dokumen tetap, dan
tiap .xlsx ditulis ulang dengan tanggal anggota zip 1980-01-01 (urutan anggota tetap), sehingga
dua kali jalan memberi berkas yang identik byte demi byte. Semua nama orang, NIP, alamat dan
angka adalah rekaan.

Kekacauan yang disengaja, agar pembaca workbook teruji:

* kolom 13 != jumlah triwulan (``SALAH_HITUNG``): ``2022/evaluasi-renja-dinas-sosial-2022.xlsx``
  sel U25 (K, +10) dan ``2023/Eval Renja PUPR 2023 (final).xlsx`` sel V20 (Rp, +1.500.000);
* workbook di ``BERANTAKAN`` (sekitar 1/3) memuat angka teks gaya Indonesia ('1.250.000.000',
  '85,5', '2.240' = 2240), '-' atau ' ' untuk triwulan kosong, spasi ganda dan spasi di akhir
  teks; skrip mencetak sel teks ribuan ('2.240') saat dijalankan;
* matriks RPJMD: realisasi teks '67,76', '68,49', '14,12' dan '-' (Indeks Gini 2024).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import random
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

# openpyxl writes other bytes when lxml is installed (python-docx brings it): the standard
# library's XML writer always, so the sample is the same bytes on every installation.
os.environ["OPENPYXL_LXML"] = "False"

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter as huruf
from openpyxl.worksheet.worksheet import Worksheet

KELUARAN = Path(__file__).resolve().parent.parent / "sample_data"
ROMAWI = ("I", "II", "III", "IV")
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")  # fmt: skip
TAHUN = (2021, 2022, 2023, 2024)
PERIODE = (2021, 2022, 2023, 2024, 2025, 2026)  # RPJMD dan Renstra PD
WAKTU_TETAP = dt.datetime(2024, 1, 15, 8, 0)

# kunci | nama OPD | urusan | nama berkas ({t} = tahun) | nama lembar
OPD_TABEL = """
dikbud | Dinas Pendidikan dan Kebudayaan | 1.01 | Evaluasi Renja Dikbud {t}.xlsx | Evaluasi Renja
dinkes | Dinas Kesehatan | 1.02 | EVALUASI RENJA DINKES TW IV {t}.xlsx | TW IV
rsud | RSUD Kepahiang | 1.02 | evaluasi_renja_rsud_{t}.xlsx | Evaluasi Renja
pupr | Dinas Pekerjaan Umum dan Penataan Ruang | 1.03 | Eval Renja PUPR {t} (final).xlsx | E.81
perkim | Dinas Perumahan Rakyat dan Kawasan Permukiman | 1.04 | Form E81 Disperkim {t}.xlsx | Renja
sosial | Dinas Sosial | 1.06 | evaluasi-renja-dinas-sosial-{t}.xlsx | Form E.81
dlh | Dinas Lingkungan Hidup | 2.11 | EVALUASI RENJA DLH TAHUN {t}.xlsx | TW IV
dukcapil | Dinas Kependudukan dan Pencatatan Sipil | 2.12 | Evaluasi Renja Disdukcapil {t} rev.xlsx
+ | Evaluasi Renja
pertanian | Dinas Pertanian | 3.27 | Evaluasi Hasil Renja Dinas Pertanian {t}.xlsx | Eval Renja
bappeda | Badan Perencanaan Pembangunan Daerah | 5.01 | eval renja bappeda {t}.xlsx | Evaluasi Renja
bkd | Badan Keuangan Daerah | 5.02 | EVALUASI RENJA BKD TW 4 {t}.xlsx | TW 4
"""
# Kepala OPD (fiktif). kunci | tahun ('Plt.' = pelaksana tugas) | nama | NIP | golongan
KEPALA_TABEL = """
dikbud | 2021-2024 | Drs. Syamsul Bahri, M.Pd. | 19680417 199403 1 002 | IV/c
dinkes | 2021-2022 | dr. Rina Marlina, M.Kes. | 19740922 200201 2 001 | IV/b
dinkes | 2023-2024 | dr. Rina Marlina, M.Kes. | 19740922 200201 2 001 | IV/c
rsud | Plt. 2021 | dr. Yudi Pranata, Sp.PD. | 19790605 200802 1 003 | IV/a
rsud | 2022-2023 | dr. Fitriani Lestari, Sp.A., M.Kes. | 19771130 200504 2 002 | IV/a
rsud | 2024 | dr. Fitriani Lestari, Sp.A., M.Kes. | 19771130 200504 2 002 | IV/b
pupr | 2021-2022 | Ir. Hendra Saputra, M.T. | 19670214 199303 1 001 | IV/c
pupr | 2023-2024 | Arief Rachman Hakim, S.T., M.Si. | 19750809 200012 1 004 | IV/b
perkim | 2021-2024 | Dedi Kurniawan, S.T., M.T. | 19760520 200104 1 002 | IV/b
sosial | 2021 | Dra. Nurhayati, M.Si. | 19661203 199003 2 001 | IV/c
sosial | Plt. 2022 | Rudi Hartono, S.Sos., M.AP. | 19780311 200301 1 005 | IV/a
sosial | 2023-2024 | Sri Wahyuni, S.Sos., M.Si. | 19750725 199906 2 002 | IV/b
dlh | 2021-2024 | Bambang Irawan, S.Hut., M.Si. | 19731008 199805 1 001 | IV/b
dukcapil | 2021-2022 | Eko Prasetyo, S.Kom., M.M. | 19770128 200211 1 003 | IV/a
dukcapil | 2023-2024 | Eko Prasetyo, S.Kom., M.M. | 19770128 200211 1 003 | IV/b
pertanian | 2021-2024 | Ir. Sutrisno Wibowo, M.P. | 19690616 199603 1 002 | IV/c
bappeda | 2021-2023 | Dr. Ir. Heri Gunawan, M.Si. | 19700402 199703 1 001 | IV/c
bappeda | Plt. 2024 | Yusnita Maharani, S.E., M.Si. | 19800219 200501 2 004 | IV/a
bkd | 2021-2024 | Muhammad Ridwan, S.E., M.Ak. | 19721113 199803 1 002 | IV/c
"""
BUPATI = "H. Rahmat Hidayat Saleh, S.E., M.M."
PANGKAT = {
    "IV/a": "Pembina, IV/a",
    "IV/b": "Pembina Tk. I, IV/b",
    "IV/c": "Pembina Utama Muda, IV/c",
}

# Workbooks typed by hand: text numbers, '-'/' ' for empty quarters, stray spaces.
BERANTAKAN = {("dinkes", 2022), ("dinkes", 2024), ("pupr", 2021), ("pupr", 2023),
              ("sosial", 2021), ("sosial", 2022), ("sosial", 2023), ("dukcapil", 2022),
              ("dukcapil", 2023), ("pertanian", 2024), ("dikbud", 2023), ("rsud", 2022),
              ("dlh", 2021), ("perkim", 2024), ("bkd", 2022)}  # fmt: skip
# Deliberate slips in column 13 (kode of the row's node -> sub-column, amount added):
# 2022/evaluasi-renja-dinas-sosial-2022.xlsx!U25 and 2023/Eval Renja PUPR 2023 (final).xlsx!V20.
SALAH_HITUNG = {("sosial", 2022, "1.06.05.2.02.0001"): ("K", 10),
                ("pupr", 2023, "1.03.10.2.01"): ("Rp", 1_500_000)}  # fmt: skip

# RPJMD 2021-2026 (Perda 3/2021). T tujuan, S sasaran, I indikator | satuan | polaritas | PD
# penanggung jawab | kondisi awal 2020 | target 2021..2026 | realisasi 2021..2024 (text as typed:
# '14,12' stays text). IPM follows the BPS formula from UHH, HLS, RLS and pengeluaran.
RPJMD_TABEL = """
T Meningkatkan kualitas sumber daya manusia yang sehat, cerdas dan berdaya saing
S Meningkatnya kualitas pembangunan manusia
I Indeks Pembangunan Manusia | poin | Positif | Bappeda, Dinas Kesehatan, Dinas Pendidikan dan
+ Kebudayaan | 67.50 | 67.95 68.41 68.88 69.35 69.83 70.31 | 67,76 68.42 68.91 69.39
S Meningkatnya derajat kesehatan masyarakat
I Umur Harapan Hidup | tahun | Positif | Dinas Kesehatan, RSUD Kepahiang
+ | 67.95 | 68.12 68.29 68.46 68.63 68.80 68.97 | 68.05 68.27 68,49 68.62
I Angka Kematian Bayi | per 1.000 kelahiran hidup | Negatif | Dinas Kesehatan, RSUD Kepahiang
+ | 10.2 | 9.8 9.4 9.0 8.6 8.2 7.8 | 9.6 19.7 8.7 8.9
I Prevalensi Stunting | persen | Negatif | Dinas Kesehatan, Bappeda, Dinas Sosial
+ | 25.1 | 23.5 21.5 19.0 16.5 14.5 13.0 | 24.1 21.2 18.6 17.4
S Meningkatnya kualitas pendidikan masyarakat
I Harapan Lama Sekolah | tahun | Positif | Dinas Pendidikan dan Kebudayaan
+ | 12.50 | 12.58 12.66 12.74 12.82 12.90 12.98 | 12.55 12.66 12.78 12.79
I Rata-rata Lama Sekolah | tahun | Positif | Dinas Pendidikan dan Kebudayaan
+ | 7.95 | 8.04 8.13 8.22 8.31 8.40 8.49 | 8.01 8.14 8.19 8.33
T Meningkatkan kesejahteraan masyarakat melalui pertumbuhan ekonomi yang inklusif berbasis
+ pertanian
S Meningkatnya pertumbuhan ekonomi daerah
I Laju Pertumbuhan Ekonomi | persen | Positif | Bappeda, Dinas Pertanian
+ | -0.12 | 3.50 4.50 5.00 5.20 5.40 5.50 | 2.87 4.61 4.95 5.08
I Pengeluaran per Kapita Disesuaikan | ribu rupiah | Positif | Bappeda, Dinas Pertanian
+ | 9350 | 9520 9700 9890 10090 10300 10520 | 9440 9712 9905 10140
I Tingkat Pengangguran Terbuka | persen | Negatif | Bappeda, Dinas Pertanian
+ | 3.52 | 3.45 3.35 3.25 3.15 3.05 2.95 | 3.61 3.28 3.02 3.18
S Menurunnya kemiskinan dan ketimpangan pendapatan
I Persentase Penduduk Miskin | persen | Negatif | Dinas Sosial, Bappeda
+ | 14.52 | 14.30 14.00 13.70 13.40 13.10 12.80 | 14.65 14,12 13.62 13.35
I Indeks Gini | indeks | Negatif | Bappeda, Dinas Sosial
+ | 0.301 | 0.300 0.298 0.296 0.294 0.292 0.290 | 0.305 0.292 0.297 -
T Meningkatkan kualitas infrastruktur wilayah dan lingkungan hidup yang berkelanjutan
S Meningkatnya kualitas infrastruktur jalan
I Persentase Jalan Kabupaten dalam Kondisi Mantap | persen | Positif
+ | Dinas Pekerjaan Umum dan Penataan Ruang | 61.35 | 63 65 67 69 71 73 | 62.18 65.40 66.12 69.84
S Meningkatnya kualitas lingkungan hidup
I Indeks Kualitas Lingkungan Hidup | indeks | Positif | Dinas Lingkungan Hidup
+ | 68.42 | 68.6 68.8 69.0 69.2 69.4 69.6 | 69.15 68.71 70.02 69.88
T Mewujudkan tata kelola pemerintahan yang baik, bersih dan akuntabel
S Meningkatnya akuntabilitas keuangan dan kinerja pemerintah daerah
I Opini BPK atas LKPD | opini | Positif | Badan Keuangan Daerah
+ | WTP | WTP WTP WTP WTP WTP WTP | WTP WTP WDP WTP
I Nilai SAKIP Pemerintah Daerah | predikat | Positif | Bappeda | B | B BB BB A A A | B B BB BB
"""

# Programs per OPD (Permendagri 90/2019): 'P|K|S kode nama' (program, kegiatan, sub kegiatan;
# kode relative to the parent) optionally ':: indikator'; '= sasaran | unit' of a program;
# '- indikator | satuan | target 2021 [| kenaikan per tahun]' (target 'rpjmd': target and
# realisasi from the RPJMD matrix); '+' continues the line above.
PENUNJANG = """
P 01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA
= Meningkatnya akuntabilitas kinerja dan pelayanan administrasi perangkat daerah | Sekretariat
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
S 0024 Pengadaan Perlengkapan Sekolah :: Jumlah SD yang menerima perlengkapan sekolah | unit | 25
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
- Jumlah puskesmas yang direhabilitasi dan dilengkapi sarananya | unit | 4
S 0010 Rehabilitasi dan Pemeliharaan Puskesmas :: Jumlah puskesmas yang direhabilitasi | unit | 2
K 2.02 Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota
- Jumlah laporan pelayanan kesehatan ibu dan anak puskesmas | laporan | 52
S 0001 Pengelolaan Pelayanan Kesehatan Ibu Hamil
- Jumlah ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar | orang | 2850 | -20
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
- Jumlah tenaga kesehatan yang mengikuti pelatihan teknis | orang | 60 | 5
S 0001 Peningkatan Kompetensi dan Kualifikasi Sumber Daya Manusia Kesehatan
- Jumlah pelatihan teknis yang diselenggarakan | kali | 6
""",
    "pupr": """
P 10 PROGRAM PENYELENGGARAAN JALAN
= Meningkatnya kualitas jalan kabupaten | Bidang Bina Marga
- Panjang jalan kabupaten yang ditingkatkan kondisinya menjadi mantap | km | 24 | 1
K 2.01 Penyelenggaraan Jalan Kabupaten/Kota
- Panjang jalan yang direkonstruksi, direhabilitasi dan dipelihara | km | 60 | 2
S 0017 Rekonstruksi Jalan :: Panjang jalan yang direkonstruksi | km | 6.5 | 0.5
S 0033 Pemeliharaan Berkala Jalan :: Panjang jalan yang dipelihara secara berkala | km | 45.5 | 1.5
P 03 PROGRAM PENGELOLAAN DAN PENGEMBANGAN SISTEM PENYEDIAAN AIR MINUM
= Meningkatnya akses masyarakat terhadap air minum layak | Bidang Cipta Karya
- Jumlah rumah tangga yang mendapatkan akses air minum layak | rumah tangga | 450 | 25
K 2.01 Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum (SPAM) di Daerah
+ Kabupaten/Kota
- Jumlah unit SPAM jaringan perpipaan yang dibangun/diperluas | unit | 3
S 0011 Perluasan SPAM Jaringan Perpipaan
- Jumlah sambungan rumah SPAM jaringan perpipaan yang terpasang | sambungan rumah | 450 | 25
- Panjang pipa distribusi yang terpasang | meter | 5200 | 300
""",
    "perkim": """
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
- Jumlah rumah tangga miskin yang diverifikasi dan divalidasi dalam DTKS | rumah tangga
+ | 2400 | 100
""",
    "dlh": """
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
K 2.01 Pengelolaan Sampah :: Jumlah sarana pengelolaan sampah yang beroperasi | unit | 42 | 2
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
S 0001 Penyelenggaraan Pendaftaran Penduduk :: Jumlah KTP-el yang dicetak | keping | 9200 | 200
- Jumlah Kartu Keluarga yang diterbitkan | lembar | 7600 | 150
P 03 PROGRAM PENCATATAN SIPIL
= Meningkatnya kepemilikan akta pencatatan sipil | Bidang Pelayanan Pencatatan Sipil
- Persentase anak usia 0-18 tahun yang memiliki akta kelahiran | persen | 92 | 1
K 2.01 Pelayanan Pencatatan Sipil
- Jumlah akta pencatatan sipil yang diterbitkan | lembar | 5400 | 150
S 0001 Penyelenggaraan Pencatatan Sipil
- Jumlah akta kelahiran yang diterbitkan | lembar | 3900 | 100
- Jumlah akta kematian yang diterbitkan | lembar | 850 | 50
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
P 03 PROGRAM PENYEDIAAN DAN PENGEMBANGAN PRASARANA PERTANIAN
= Meningkatnya dukungan prasarana pertanian | Bidang Prasarana dan Sarana Pertanian
- Luas lahan pertanian yang terlayani prasarana pertanian | ha | 450 | 25
K 2.01 Pengembangan Prasarana Pertanian
- Jumlah prasarana pertanian yang dibangun/direhabilitasi | unit | 12
S 0001 Pembangunan, Rehabilitasi dan Pemeliharaan Jalan Usaha Tani
- Panjang jalan usaha tani yang dibangun/direhabilitasi | km | 8.5 | 0.5
S 0002 Pembangunan, Rehabilitasi dan Pemeliharaan Jaringan Irigasi Usaha Tani
- Panjang jaringan irigasi usaha tani yang dibangun/direhabilitasi | meter | 2400 | 100
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
""",
    "bkd": """
P 02 PROGRAM PENGELOLAAN KEUANGAN DAERAH
= Meningkatnya akuntabilitas pengelolaan keuangan daerah | Bidang Akuntansi dan Pelaporan
- Persentase laporan keuangan perangkat daerah yang disampaikan tepat waktu | persen | 90 | 2
K 2.05 Koordinasi dan Pelaksanaan Akuntansi dan Pelaporan Keuangan Daerah
- Jumlah laporan keuangan pemerintah daerah yang tersusun | laporan | 14
S 0002 Koordinasi dan Penyusunan Laporan Keuangan Pemerintah Daerah
- Jumlah dokumen LKPD yang disampaikan kepada BPK tepat waktu | dokumen | 1
- Jumlah laporan realisasi anggaran semesteran yang tersusun | laporan | 2
P 04 PROGRAM PENGELOLAAN PENDAPATAN DAERAH
= Meningkatnya pendapatan asli daerah | Bidang Pendapatan
- Persentase realisasi pajak daerah terhadap target | persen | 100
K 2.01 Pengelolaan Pendapatan Daerah :: Jumlah laporan pengelolaan pendapatan daerah | laporan | 12
S 0002 Pendataan dan Pendaftaran Objek Pajak Daerah
- Jumlah wajib pajak daerah yang terdata | wajib pajak | 2150 | 60
""",
}

# --------------------------------------------------------------------------- tables


def baris_logis(teks: str) -> list[str]:
    """Non-blank lines of a table; a line starting with '+ ' continues the one above."""
    hasil: list[str] = []
    for baris in teks.strip().splitlines():
        if baris.startswith("+ "):
            hasil[-1] += " " + baris[2:]
        elif baris.strip():
            hasil.append(baris)
    return hasil


def sel_tabel(baris: str) -> list[str]:
    return [bagian.strip() for bagian in baris.split("|")]


@dataclass(frozen=True)
class Opd:
    kunci: str
    nama: str
    urusan: str
    berkas: str
    lembar: str


@dataclass(frozen=True)
class Kepala:
    nama: str
    nip: str  # 18 digits
    pangkat: str
    jabatan: str


def baca_kepala() -> dict[tuple[str, int], Kepala]:
    """Heads per (OPD, year); each NIP is checked: birth date, TMT at age >= 20, sex 1/2."""
    hasil = {}
    for baris in baris_logis(KEPALA_TABEL):
        kunci, tahun, nama, nip, golongan = sel_tabel(baris)
        nip = nip.replace(" ", "")
        lahir, tmt = (
            dt.datetime.strptime(nip[:8], "%Y%m%d"),
            dt.datetime.strptime(nip[8:14], "%Y%m"),
        )
        if len(nip) != 18 or tmt.year - lahir.year < 20 or nip[14] not in "12":
            raise ValueError(f"NIP tidak masuk akal: {nama} {nip}")
        opd = next(o for o in OPD if o.kunci == kunci)
        jabatan = "Direktur RSUD Kepahiang" if kunci == "rsud" else f"Kepala {opd.nama}"
        awal, _, akhir = tahun.removeprefix("Plt. ").partition("-")
        for t in range(int(awal), int(akhir or awal) + 1):
            plt = "Plt. " if tahun.startswith("Plt.") else ""
            hasil[(kunci, t)] = Kepala(nama, nip, PANGKAT[golongan], plt + jabatan)
    return hasil


def nip_grup(nip: str) -> str:
    """'197503122000031004' -> '19750312 200003 1 004'."""
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


@dataclass(frozen=True)
class Ikd:
    tujuan: str
    sasaran: str
    nama: str
    satuan: str
    polaritas: str
    pd: str
    awal: float | str
    target: list[float | str]
    realisasi: list[float | str]


def _nilai(teks: str) -> float | str:
    """A matrix value: a number, or text as typed ('WTP', 'BB', '14,12', '-')."""
    try:
        return float(teks)
    except ValueError:
        return teks


def baca_rpjmd() -> dict[str, Ikd]:
    hasil, tujuan, sasaran = {}, "", ""
    for baris in baris_logis(RPJMD_TABEL):
        tanda, isi = baris[0], baris[2:]
        if tanda == "T":
            tujuan = isi
        elif tanda == "S":
            sasaran = isi
        else:
            nama, satuan, polaritas, pd, awal, target, realisasi = sel_tabel(isi)
            hasil[nama] = Ikd(tujuan, sasaran, nama, satuan, polaritas, pd, _nilai(awal),
                              [_nilai(v) for v in target.split()],
                              [_nilai(v) for v in realisasi.split()])  # fmt: skip
    return hasil


OPD = [Opd(*sel_tabel(baris)) for baris in baris_logis(OPD_TABEL)]
KEPALA = baca_kepala()
IKD = baca_rpjmd()

# --------------------------------------------------------------------------- programs


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
    def laju(self) -> bool:
        """A rate or a level (percentages, RPJMD indicators): never added over years, so its
        Renstra target is the end year's and its realisation to date the latest value."""
        return self.satuan == "persen" or self.dari_rpjmd

    def target(self, tahun: int) -> float:
        if self.dari_rpjmd:
            return float(IKD[self.nama].target[tahun - PERIODE[0]])
        nilai = self.dasar + self.kenaikan * (tahun - PERIODE[0])
        return min(nilai, 100.0) if self.satuan == "persen" else nilai


@dataclass
class Simpul:
    """A program, kegiatan or sub kegiatan with its indicators (first one carries the Rp)."""

    tingkat: str  # "P", "K" or "S"
    kode: str
    nama: str
    sasaran: str = ""
    unit: str = ""
    indikator: list[Indikator] = field(default_factory=list)
    anak: list[Simpul] = field(default_factory=list)
    pagu: list[int] = field(default_factory=list)  # DPA per year 2021..2026 (sub kegiatan)


def urutan(program: list[Simpul]) -> Iterator[Simpul]:
    """Programs, kegiatan and sub kegiatan in the order of the form."""
    for prog in program:
        yield prog
        for kegiatan in prog.anak:
            yield kegiatan
            yield from kegiatan.anak


def baca_indikator(teks: str) -> Indikator:
    nama, satuan, dasar, *naik = sel_tabel(teks)
    if dasar == "rpjmd":
        return Indikator(nama, satuan, dari_rpjmd=True)
    return Indikator(nama, satuan, float(dasar), float(naik[0]) if naik else 0.0)


def baca_program(opd: Opd, rng: random.Random) -> list[Simpul]:
    """The OPD's program trees (support program first), with a DPA ceiling per sub kegiatan."""
    program: list[Simpul] = []
    unit = "Bagian Tata Usaha" if opd.kunci == "rsud" else "Sekretariat"
    for baris in baris_logis(PENUNJANG.replace("Sekretariat", unit) + PROGRAM[opd.kunci]):
        tanda, _, isi = baris.partition(" ")
        if tanda in ("P", "K", "S"):
            kode, _, nama = isi.partition(" ")
            nama, _, indikator = nama.partition(" :: ")
            if tanda == "P":
                program.append(Simpul("P", f"{opd.urusan}.{kode}", nama))
            else:
                induk = program[-1] if tanda == "K" else program[-1].anak[-1]
                induk.anak.append(Simpul(tanda, f"{induk.kode}.{kode}", nama, unit=induk.unit))
            if indikator:
                list(urutan(program))[-1].indikator.append(baca_indikator(indikator))
        elif tanda == "=":
            program[-1].sasaran, program[-1].unit = sel_tabel(isi)
        else:
            list(urutan(program))[-1].indikator.append(baca_indikator(isi))
    for simpul in urutan(program):
        if simpul.tingkat == "S":  # DPA ceiling: physical work 0,6-1,9 M, the rest 65-450 juta
            fisik = re.search(r"Rehabilitasi|Rekonstruksi|Pemeliharaan|Pengadaan|Perluasan|"
                              r"Pembangunan|Prasarana|Operasional|Benih", simpul.nama)  # fmt: skip
            batas = (6.5e8, 1.7e9) if fisik else (7.5e7, 3.9e8)
            dasar = math.exp(rng.uniform(*map(math.log, batas)))
            simpul.pagu = [int(round(dasar * rng.uniform(0.85, 1.15), -4)) for _ in PERIODE]
    return program


# --------------------------------------------------------------------------- numbers

Nilai = int | float | str | None


@dataclass
class Baris:
    simpul: Simpul
    indikator: Indikator
    lanjutan: bool  # a further indicator of the row above: no code, name or Rp
    nilai: dict[str, Nilai]  # column letter -> value
    capaian: float | None
    keterangan: str = ""
    salah: str = ""  # "K"/"Rp" when column 13 holds the deliberate slip


# Random weights of TW I..IV (K and Rp): work picks up towards the end of the year.
BOBOT_K = ((0.4, 1.2), (0.8, 1.3), (0.8, 1.3), (1.0, 1.8))
BOBOT_RP = ((0.3, 0.9), (0.8, 1.2), (0.8, 1.2), (1.2, 2.0))


def angka(nilai: float) -> int | float:
    nilai = round(float(nilai), 2)
    return int(nilai) if nilai.is_integer() else nilai


def bagi(total: int, bobot: list[float]) -> list[int]:
    """Split an integer by weights (largest remainder): the parts sum exactly to the total."""
    mentah = [total * b / sum(bobot) for b in bobot]
    bagian = [math.floor(x) for x in mentah]
    for i in sorted(range(len(bobot)), key=lambda i: bagian[i] - mentah[i])[: total - sum(bagian)]:
        bagian[i] += 1
    return bagian


def nilai_k(
    ind: Indikator, tahun: int, lalu: float, rng: random.Random
) -> tuple[dict[str, Nilai], bool]:
    """Columns 6-15 (K) of one indicator; realisation mostly 80-110 %, 1 in 12 at 40-75 %."""
    target, skala = ind.target(tahun), (1 if ind.bulat else 4)  # K in steps of 1 or 0,25
    rendah = ind.satuan != "bulan" and not ind.dari_rpjmd and rng.random() < 1 / 12
    if ind.dari_rpjmd:  # a rate: the year's value sits in TW IV and column 13 only
        nyata = float(IKD[ind.nama].realisasi[tahun - PERIODE[0]])
        kuartal: list[Nilai] = ["-", "-", "-", nyata]
    else:
        rasio = (
            1.0 if ind.satuan == "bulan" else rng.uniform(*((0.4, 0.75) if rendah else (0.8, 1.1)))
        )
        nyata = round(target * rasio * skala) / skala
        nyata = min(nyata, 100.0) if ind.satuan == "persen" else nyata
        bobot = [1.0] * 4 if ind.satuan == "bulan" else [rng.uniform(*b) for b in BOBOT_K]
        kuartal = [angka(b / skala) for b in bagi(round(nyata * skala), bobot)]
    total = angka(ind.target(PERIODE[-1]) if ind.laju else sum(ind.target(t) for t in PERIODE))
    nilai = {"G": total, "I": angka(lalu), "K": angka(target), "U": angka(nyata)}
    return nilai | dict(zip("MOQS", kuartal, strict=True)), rendah


def anggaran(program: list[Simpul], tahun: int, rng: random.Random) -> dict[str, list[int]]:
    """Per code: [pagu 2021-2026, pagu this year, TW I..IV]; parents sum their children."""
    hasil: dict[str, list[int]] = {}
    for simpul in reversed(list(urutan(program))):
        if simpul.tingkat == "S":
            pagu = simpul.pagu[tahun - PERIODE[0]]
            rasio = rng.uniform(0.45, 0.75) if rng.random() < 1 / 12 else rng.uniform(0.82, 0.99)
            bobot = [rng.uniform(*b) for b in BOBOT_RP]
            bobot[0] *= rng.random() >= 0.15  # some sub kegiatan spend nothing in TW I
            hasil[simpul.kode] = [sum(simpul.pagu), pagu, *bagi(round(pagu * rasio), bobot)]
        else:
            hasil[simpul.kode] = [
                sum(v) for v in zip(*(hasil[a.kode] for a in simpul.anak), strict=True)
            ]
    return hasil


KET_RENDAH = (
    "Realisasi belum optimal karena keterlambatan proses pengadaan barang/jasa.",
    "Sebagian kegiatan ditunda akibat rasionalisasi anggaran pada APBD Perubahan.",
    "Target tidak tercapai karena keterbatasan tenaga pelaksana di lapangan.",
)
KET_COVID = "Terdampak refocusing anggaran untuk penanganan COVID-19."


def baris_tahun(
    opd: Opd, program: list[Simpul], tahun: int, lalu: dict[tuple[str, int], float],
    rng: random.Random,
) -> list[Baris]:  # fmt: skip
    """All indicator rows of one OPD-year. ``lalu`` carries column 14 into next year's 7."""
    rp = anggaran(program, tahun, rng)
    hasil = []
    for simpul in urutan(program):
        salah, selisih = SALAH_HITUNG.get((opd.kunci, tahun, simpul.kode), ("", 0))
        for i, ind in enumerate(simpul.indikator):
            nilai, rendah = nilai_k(ind, tahun, lalu.get((simpul.kode, i), 0), rng)
            target, nyata = float(nilai["K"] or 0), float(nilai["U"] or 0)
            if ind.dari_rpjmd and IKD[ind.nama].polaritas == "Negatif":
                capaian = max(0.0, (2 * target - nyata) / target * 100)
            else:
                capaian = nyata / target * 100
            nilai["U"] = angka(nyata + (selisih if salah == "K" and i == 0 else 0))
            sampai = nilai["U"] if ind.laju else angka(float(nilai["I"]) + nilai["U"])
            nilai["W"] = lalu[(simpul.kode, i)] = sampai
            nilai["Y"] = round(nilai["W"] / float(nilai["G"]) * 100, 2)
            if i == 0:  # Rp only on the row of the first indicator
                total, pagu, *kuartal = rp[simpul.kode]
                rp13 = sum(kuartal) + (selisih if salah == "Rp" else 0)
                rp7 = int(lalu.get((simpul.kode, -1), 0))
                lalu[(simpul.kode, -1)] = rp14 = rp7 + rp13
                nilai |= {"H": total, "J": rp7, "L": pagu, "V": rp13, "X": rp14}
                nilai |= dict(zip("NPRT", kuartal, strict=True)) | {
                    "Z": round(rp14 / total * 100, 2)
                }
            pilihan = (*KET_RENDAH, KET_COVID) if tahun == 2021 else KET_RENDAH
            keterangan = rng.choice(pilihan) if rendah else ""
            hasil.append(
                Baris(simpul, ind, i > 0, nilai, capaian, keterangan, salah if i == 0 else "")
            )
    return hasil


# --------------------------------------------------------------------------- workbooks

TIPIS = Side(style="thin")
KOTAK = Border(left=TIPIS, right=TIPIS, top=TIPIS, bottom=TIPIS)
TENGAH = Alignment(horizontal="center", vertical="center", wrap_text=True)
ATAS = Alignment(vertical="top", wrap_text=True)
KOLOM_RP = set("HJLNPRTVXZ")


def gabung(
    ws: Worksheet, rentang: str, nilai: Nilai, tebal: bool = True, rata: Alignment = TENGAH
) -> None:
    """Write ``nilai`` into the top-left cell of ``rentang`` and merge the range."""
    awal, _, akhir = rentang.partition(":")
    if akhir and akhir != awal:
        ws.merge_cells(rentang)
    ws[awal].value, ws[awal].font, ws[awal].alignment = nilai, Font(bold=tebal), rata


def simpan(wb: Workbook, path: Path) -> None:
    """Save with fixed document dates, then rewrite the zip with fixed member dates."""
    wb.properties.creator = "Bappeda Kabupaten Kepahiang (data contoh fiktif)"
    wb.properties.created = wb.properties.modified = WAKTU_TETAP
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    with zipfile.ZipFile(path) as asal:
        anggota = [(info.filename, asal.read(info)) for info in asal.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as tujuan:
        for nama, isi in anggota:
            if nama == "docProps/core.xml":  # openpyxl stamps 'modified' with the clock on save
                isi = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-15T08:00:00Z", isi)
            info = zipfile.ZipInfo(nama, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            tujuan.writestr(info, isi)
    path.write_bytes(buffer.getvalue())


def kepala_e81(ws: Worksheet, opd: Opd, tahun: int, triwulan: int = 4) -> None:
    """Title block (rows 1-4, wording varies by OPD) and the three header rows plus numbers;
    a quarterly form (``triwulan`` < 4) says 'Triwulan I s.d. II'."""
    gaya = OPD.index(opd)
    periode = (f"Periode Pelaksanaan : Tahun {tahun}", f"TAHUN ANGGARAN {tahun}",
               f"Periode Pelaksanaan : Triwulan I s.d. IV Tahun {tahun}",
               f"Tahun Anggaran : {tahun}")[gaya % 4]  # fmt: skip
    if triwulan < 4:
        periode = f"Periode Pelaksanaan : Triwulan I s.d. {ROMAWI[triwulan - 1]} Tahun {tahun}"
    label = "Nama Perangkat Daerah" if gaya % 3 == 1 else "Perangkat Daerah"
    judul = ("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH", "KABUPATEN KEPAHIANG",
             f"{label} : {opd.nama}", periode)  # fmt: skip
    for r, teks in enumerate(judul, start=1):
        gabung(ws, f"A{r}:AB{r}", teks)
    tunggal = {"A": "No", "B": "Sasaran", "C": "Kode",
               "D": "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
               "E": "Indikator Kinerja Program (Outcome)/Kegiatan (Output)", "F": "Satuan",
               "AA": "Unit Perangkat Daerah Penanggung Jawab", "AB": "Keterangan"}  # fmt: skip
    kelompok = {
        "G:H": "Target Kinerja dan Anggaran Renstra Perangkat Daerah pada Tahun 2026 (Akhir "
        "Periode Renstra PD)",
        "I:J": "Realisasi Capaian Kinerja dan Anggaran Renstra Perangkat Daerah s.d. Renja "
        f"Perangkat Daerah Tahun Lalu ({tahun - 1})",
        "K:L": f"Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan ({tahun}) yang "
        "Dievaluasi",
        "U:V": "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi",
        "W:X": f"Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s.d. Tahun {tahun}",
        "Y:Z": "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah s.d. "
        f"Tahun {tahun} (%)",
    }
    for kol, teks in tunggal.items():
        gabung(ws, f"{kol}6:{kol}8", teks)
    for kols, teks in kelompok.items():
        kiri, kanan = kols.split(":")
        gabung(ws, f"{kiri}6:{kanan}7", teks)
    gabung(ws, "M6:T6", "Realisasi Kinerja Pada Triwulan")
    for i, romawi in enumerate(("I", "II", "III", "IV")):
        gabung(ws, f"{huruf(13 + 2 * i)}7:{huruf(14 + 2 * i)}7", romawi)
    for c in range(7, 27):
        ws.cell(8, c, "K" if c % 2 else "Rp")
    nomor = {"A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "G": 6, "I": 7, "K": 8, "M": 9, "O": 10,
             "Q": 11, "S": 12, "U": "13 = 9 + 10 + 11 + 12", "W": "14 = 7 + 13",
             "Y": "15 = 14 / 6 x 100", "AA": 16, "AB": 17}  # fmt: skip
    for kol, isi in nomor.items():
        ws[f"{kol}9"] = isi
    for row in ws["A6:AB9"]:
        for sel in row:
            sel.font, sel.alignment, sel.border = Font(bold=True), TENGAH, KOTAK


def teks_angka(nilai: float, rp: bool) -> str | None:
    """The number as an OPD types it: '1.250.000.000', '85,5', '2.240'; None to keep it."""
    if rp or (nilai >= 1000 and float(nilai).is_integer()):
        return f"{int(nilai):,}".replace(",", ".")
    return None if float(nilai).is_integer() else f"{nilai:g}".replace(".", ",")


def isi_angka(ws: Worksheet, ref: str, nilai: Nilai, berantakan: bool, rng: random.Random,
              catatan: list[str]) -> None:  # fmt: skip
    kol = ref.rstrip("0123456789")
    if isinstance(nilai, int | float) and berantakan and kol in "GHIJKLMNOPQRSTUV":
        if nilai == 0 and kol in "MNOPQRST":
            nilai = rng.choice(["-", " "])
        elif rng.random() < 0.3 and (teks := teks_angka(nilai, kol in KOLOM_RP)):
            if kol not in KOLOM_RP and "." in teks:
                catatan.append(f"teks ribuan {ws.title}!{ref} = {teks!r}")
            nilai = teks
    ws[ref] = nilai
    if isinstance(nilai, int | float):
        ws[ref].number_format = "#,##0" if kol in KOLOM_RP else "#,##0.00"


def data_e81(ws: Worksheet, rows: list[Baris], berantakan: bool, rng: random.Random,
             catatan: list[str]) -> None:  # fmt: skip
    utama = [i for i, baris in enumerate(rows) if not baris.lanjutan]
    spasi_ganda = rng.randrange(len(rows)) if berantakan else -1
    spasi_akhir = rng.choice(utama) if berantakan else -1
    for i, baris in enumerate(rows):
        r, simpul, ind = 10 + i, baris.simpul, baris.indikator
        if not baris.lanjutan:
            ws[f"A{r}"], ws[f"C{r}"], ws[f"AA{r}"] = utama.index(i) + 1, simpul.kode, simpul.unit
            ws[f"B{r}"] = simpul.sasaran or None
            ws[f"D{r}"] = simpul.nama + " " * (i == spasi_akhir)
            ws[f"D{r}"].font = Font(bold=simpul.tingkat == "P")
        ws[f"E{r}"] = ind.nama.replace(" ", "  ", 1) if i == spasi_ganda else ind.nama
        ws[f"F{r}"], ws[f"AB{r}"] = ind.satuan, baris.keterangan or None
        for kol, nilai in baris.nilai.items():
            isi_angka(ws, f"{kol}{r}", nilai, berantakan, rng, catatan)
        if baris.salah:
            catatan.append(f"salah hitung {ws.title}!{'U' if baris.salah == 'K' else 'V'}{r}")
        for c in range(1, 29):
            ws.cell(r, c).border, ws.cell(r, c).alignment = KOTAK, ATAS


def predikat(nilai: float) -> str:
    """The Permendagri 86/2017 category scale (docs/capaian.md, 'Kategori')."""
    for batas, label in ((91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang")):
        if nilai >= batas:
            return label
    return "Rendah" if nilai > 50 else "Sangat Rendah"


NARASI = {
    "Faktor pendorong keberhasilan pencapaian:": (
        "Komitmen pimpinan dan koordinasi yang baik antarbidang serta dukungan anggaran memadai.",
        "Tersedianya data yang mutakhir dan pemantauan pelaksanaan kegiatan secara berkala.",
        "Dukungan lintas sektor, pemerintah desa dan partisipasi aktif masyarakat.",
    ),
    "Faktor penghambat pencapaian kinerja:": (
        "Keterlambatan pengadaan barang/jasa sehingga pekerjaan fisik menumpuk di triwulan IV.",
        "Curah hujan tinggi yang menghambat pekerjaan fisik di lapangan.",
        "Keterbatasan jumlah dan kompetensi sumber daya manusia pelaksana kegiatan.",
        "Rasionalisasi anggaran pada APBD Perubahan sehingga sebagian target tidak tercapai.",
    ),
    "Tindak lanjut yang diperlukan dalam triwulan berikutnya:": (
        "Mempercepat proses pengadaan barang/jasa sejak awal tahun dan memperketat pengendalian.",
        "Meningkatkan koordinasi antarbidang dan memantau capaian kinerja setiap bulan.",
        "Menyusun jadwal pelaksanaan yang lebih realistis dan menyesuaikan target Renja.",
    ),
}
COVID = "Refocusing anggaran untuk penanganan COVID-19 sehingga sebagian kegiatan dikurangi."


def penutup_e81(ws: Worksheet, r: int, rows: list[Baris], opd: Opd, tahun: int,
                rng: random.Random, triwulan: int = 4) -> None:  # fmt: skip
    """Average, predikat, the three narrative rows and the signature block in U:Z (signed in
    January of the next year, or in the month after a quarter)."""
    capaian = [b.capaian for b in rows if b.capaian is not None]
    rata = round(sum(capaian) / len(capaian), 2)
    ws[f"D{r}"], ws[f"Y{r}"] = "Rata-rata capaian kinerja (%)", rata
    ws[f"Y{r}"].number_format = "#,##0.00"
    ws[f"D{r + 1}"], ws[f"Y{r + 1}"] = "Predikat kinerja", predikat(rata)
    for i, (label, pilihan) in enumerate(NARASI.items(), start=r + 2):
        ws[f"D{i}"] = label
        kalimat = COVID if tahun == 2021 and "penghambat" in label else rng.choice(pilihan)
        gabung(ws, f"E{i}:T{i}", kalimat, tebal=False, rata=ATAS)
    if triwulan < 4:
        tanggal = dt.date(tahun, 3 * triwulan + 1, rng.randint(8, 20))
    else:
        tanggal = dt.date(tahun + 1, 1, rng.randint(8, 31))
    tanggal -= dt.timedelta(days=max(0, tanggal.weekday() - 4))  # a working day
    kepala = KEPALA[(opd.kunci, tahun)]
    bulan = BULAN[tanggal.month - 1]
    ttd = {r + 6: f"Kepahiang, {tanggal.day} {bulan} {tanggal.year}", r + 7: kepala.jabatan,
           r + 11: kepala.nama, r + 12: f"NIP. {nip_grup(kepala.nip)}"}  # fmt: skip
    for baris, teks in ttd.items():
        gabung(ws, f"U{baris}:Z{baris}", teks, tebal=baris == r + 11)
    ws[f"U{r + 11}"].font = Font(bold=True, underline="single")


def buat_e81(opd: Opd, tahun: int, rows: list[Baris], rng: random.Random,
             catatan: list[str], triwulan: int = 4) -> Workbook:  # fmt: skip
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = opd.lembar if triwulan == 4 else f"TW {ROMAWI[triwulan - 1]}"
    kepala_e81(ws, opd, tahun, triwulan)
    data_e81(ws, rows, (opd.kunci, tahun) in BERANTAKAN, rng, catatan)
    penutup_e81(ws, 11 + len(rows), rows, opd, tahun, rng, triwulan)
    lebar = {"A": 5, "B": 26, "C": 19, "D": 42, "E": 42, "F": 11, "AA": 22, "AB": 28}
    for c in range(1, 29):
        kol = huruf(c)
        ws.column_dimensions[kol].width = lebar.get(kol, 16 if kol in KOLOM_RP else 11)
    ws.row_dimensions[6].height = 80
    ws.freeze_panes = "A10"
    ws.page_setup.orientation = "landscape"
    return wb


def buat_penandatangan(rng: random.Random, program: dict[str, list[Simpul]]) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Penandatangan"
    gabung(ws, "A1:G1", "DAFTAR PENANDATANGAN PERJANJIAN KINERJA")
    kolom = ("No", "Tahun", "Perangkat Daerah", "Jabatan", "Nama", "NIP", "Pangkat/Golongan")
    for c, (teks, lebar) in enumerate(zip(kolom, (5, 8, 44, 48, 36, 24, 26), strict=True), 1):
        gabung(ws, f"{huruf(c)}3", teks)
        ws.cell(3, c).border = KOTAK
        ws.column_dimensions[huruf(c)].width = lebar
    isi = []
    for tahun in TAHUN:
        isi.append((tahun, "Bupati", "Bupati Kepahiang", BUPATI, None, None))
        for opd in OPD:
            k = KEPALA[(opd.kunci, tahun)]
            nip = nip_grup(k.nip) if rng.random() < 0.5 else k.nip  # both occur in practice
            isi.append((tahun, opd.nama, k.jabatan, k.nama, nip, k.pangkat))
    isi.extend(pejabat_unit(program))
    for r, baris in enumerate(isi, start=4):
        for c, nilai in enumerate((r - 3, *baris), start=1):
            ws.cell(r, c, nilai).border = KOTAK
        ws.cell(r, 6).number_format = "@"
    return wb


# --------------------------------------------------------------------------- cascading

# Sasaran PD -> sasaran RPJMD. Deliberately missing: Dinas Sosial's two sasaran (so the
# regency's poverty indicators get no contributing programme in the cascade, and the two
# sasaran are linked to nothing): `kinerja check sample_data` reports both.
SASARAN_RPJMD = {
    "Meningkatnya akuntabilitas kinerja dan pelayanan administrasi perangkat daerah":
        "Meningkatnya akuntabilitas keuangan dan kinerja pemerintah daerah",
    "Meningkatnya akses dan mutu pendidikan dasar": "Meningkatnya kualitas pendidikan masyarakat",
    "Meningkatnya kualitas pendidik dan tenaga kependidikan":
        "Meningkatnya kualitas pendidikan masyarakat",
    "Meningkatnya derajat kesehatan masyarakat": "Meningkatnya derajat kesehatan masyarakat",
    "Meningkatnya perilaku hidup bersih dan sehat masyarakat":
        "Meningkatnya derajat kesehatan masyarakat",
    "Meningkatnya mutu pelayanan kesehatan rujukan": "Meningkatnya derajat kesehatan masyarakat",
    "Meningkatnya kompetensi tenaga kesehatan rumah sakit":
        "Meningkatnya derajat kesehatan masyarakat",
    "Meningkatnya kualitas jalan kabupaten": "Meningkatnya kualitas infrastruktur jalan",
    "Meningkatnya akses masyarakat terhadap air minum layak":
        "Meningkatnya kualitas lingkungan hidup",
    "Berkurangnya luas kawasan permukiman kumuh": "Meningkatnya kualitas lingkungan hidup",
    "Meningkatnya kualitas prasarana, sarana dan utilitas umum perumahan":
        "Meningkatnya kualitas lingkungan hidup",
    "Meningkatnya kualitas lingkungan hidup": "Meningkatnya kualitas lingkungan hidup",
    "Meningkatnya cakupan pelayanan persampahan": "Meningkatnya kualitas lingkungan hidup",
    "Meningkatnya kepemilikan dokumen kependudukan":
        "Meningkatnya akuntabilitas keuangan dan kinerja pemerintah daerah",
    "Meningkatnya kepemilikan akta pencatatan sipil":
        "Meningkatnya akuntabilitas keuangan dan kinerja pemerintah daerah",
    "Meningkatnya produksi komoditas unggulan pertanian": "Meningkatnya pertumbuhan ekonomi daerah",
    "Meningkatnya dukungan prasarana pertanian": "Meningkatnya pertumbuhan ekonomi daerah",
    "Meningkatnya kualitas perencanaan pembangunan daerah":
        "Meningkatnya akuntabilitas keuangan dan kinerja pemerintah daerah",
    "Meningkatnya sinkronisasi perencanaan antarsektor":
        "Meningkatnya kualitas pembangunan manusia",
    "Meningkatnya akuntabilitas pengelolaan keuangan daerah":
        "Meningkatnya akuntabilitas keuangan dan kinerja pemerintah daerah",
    "Meningkatnya pendapatan asli daerah": "Meningkatnya pertumbuhan ekonomi daerah",
}  # fmt: skip
# The indicator of each Sasaran PD (the OPD's IKU in its Renstra), with the target of the
# period's end: the cascading sheet is where Bappeda collects them (the E.81 form has none).
IKU_SASARAN_PD = {
    "Meningkatnya akuntabilitas kinerja dan pelayanan administrasi perangkat daerah":
        ("Nilai evaluasi SAKIP perangkat daerah", 75, "nilai"),
    "Meningkatnya akses dan mutu pendidikan dasar":
        ("Rata-rata nilai asesmen nasional jenjang SD/SMP", 70, "nilai"),
    "Meningkatnya kualitas pendidik dan tenaga kependidikan":
        ("Persentase pendidik bersertifikat pendidik", 85, "persen"),
    "Meningkatnya derajat kesehatan masyarakat":
        ("Persentase puskesmas terakreditasi paripurna", 60, "persen"),
    "Meningkatnya perilaku hidup bersih dan sehat masyarakat":
        ("Persentase desa ODF (stop buang air besar sembarangan)", 90, "persen"),
    "Meningkatnya mutu pelayanan kesehatan rujukan":
        ("Indeks kepuasan pasien rumah sakit", 85, "indeks"),
    "Meningkatnya kompetensi tenaga kesehatan rumah sakit":
        ("Persentase tenaga kesehatan rumah sakit yang mengikuti pelatihan kompetensi",
         80, "persen"),
    "Meningkatnya kualitas jalan kabupaten": ("Indeks kemantapan jalan kabupaten", 75, "persen"),
    "Meningkatnya akses masyarakat terhadap air minum layak":
        ("Persentase rumah tangga dengan akses air minum aman", 80, "persen"),
    "Berkurangnya luas kawasan permukiman kumuh":
        ("Luas kawasan kumuh yang tersisa", 10, "hektare"),
    "Meningkatnya kualitas prasarana, sarana dan utilitas umum perumahan":
        ("Persentase perumahan dengan PSU layak", 85, "persen"),
    "Meningkatnya kualitas lingkungan hidup": ("Indeks kualitas air sungai", 60, "indeks"),
    "Meningkatnya cakupan pelayanan persampahan":
        ("Persentase sampah rumah tangga yang tertangani", 80, "persen"),
    "Meningkatnya kepemilikan dokumen kependudukan":
        ("Persentase penduduk yang memiliki KIA dan KTP-el", 98, "persen"),
    "Meningkatnya kepemilikan akta pencatatan sipil":
        ("Persentase penduduk yang memiliki akta kelahiran", 97, "persen"),
    "Meningkatnya produksi komoditas unggulan pertanian":
        ("Pertumbuhan produksi kopi dan padi", 3, "persen"),
    "Meningkatnya dukungan prasarana pertanian":
        ("Luas lahan pertanian yang terlayani irigasi", 2500, "hektare"),
    "Meningkatnya kualitas perencanaan pembangunan daerah":
        ("Persentase konsistensi program RKPD dengan RPJMD", 95, "persen"),
    "Meningkatnya sinkronisasi perencanaan antarsektor":
        ("Persentase program perangkat daerah yang selaras dengan Renstra", 95, "persen"),
    "Meningkatnya akuntabilitas pengelolaan keuangan daerah":
        ("Opini BPK atas laporan keuangan perangkat daerah (nilai)", 90, "nilai"),
    "Meningkatnya pendapatan asli daerah": ("Rasio PAD terhadap pendapatan daerah", 8, "persen"),
}  # fmt: skip
# Sub kegiatan below a kegiatan run by a Pengawas (kunci OPD | kode kegiatan | sub kegiatan
# codes | unit): their Perjanjian Kinerja goes down to that level.
PENGAWAS = (
    ("dinkes", "1.02.02.2.02", ("0001", "0004"), "Seksi Kesehatan Keluarga dan Gizi"),
    ("dinkes", "1.02.01.2.01", ("0001", "0007"), "Subbagian Perencanaan dan Keuangan"),
)
# Fictitious names of the Administrator and Pengawas officials, used in order.
NAMA_DEPAN = ("Agus", "Dewi", "Fajar", "Lestari", "Hendro", "Maya", "Iwan", "Ratna", "Joko",
              "Sari", "Budi", "Wulan", "Taufik", "Indah", "Rahmat", "Nia", "Yoga")  # fmt: skip
NAMA_BELAKANG = ("Santoso", "Purnama", "Hidayat", "Kusuma", "Saputra", "Anggraini", "Wijaya",
                 "Permata", "Setiawan", "Rahayu", "Nugroho", "Handayani", "Firmansyah")  # fmt: skip


def jabatan_unit(unit: str, opd: Opd) -> str:
    """'Sekretariat' -> 'Sekretaris Dinas Kesehatan'; 'Bidang X' -> 'Kepala Bidang X'."""
    if unit == "Sekretariat":
        return f"Sekretaris {opd.nama}"
    return f"Kepala {unit}"


def unit_opd(opd: Opd, program: list[Simpul]) -> list[tuple[str, bool]]:
    """The OPD's units in order: (unit, is it a Pengawas unit)."""
    units = list(dict.fromkeys(p.unit for p in program if p.unit))
    pengawas = list(dict.fromkeys(u for k, _, _, u in PENGAWAS if k == opd.kunci))
    return [(u, False) for u in units] + [(u, True) for u in pengawas]


def pejabat_unit(program: dict[str, list[Simpul]]) -> list[tuple[object, ...]]:
    """Signatory rows of every unit head, the same person each year (no randomness)."""
    rows: list[tuple[object, ...]] = []
    i = 0
    orang = {}
    for opd in OPD:
        for unit, pengawas in unit_opd(opd, program[opd.kunci]):
            lahir = dt.date(1975 + i % 12, 1 + i % 12, 1 + (i * 5) % 28)
            nip = f"{lahir:%Y%m%d}{lahir.year + 25}{1 + i % 12:02d}{1 + i % 2}{1 + i % 9:03d}"
            gelar = ", S.T." if "Bina Marga" in unit else ", S.E." if i % 3 else ", S.Sos."
            nama = NAMA_DEPAN[i % len(NAMA_DEPAN)] + " " + NAMA_BELAKANG[i * 5 % len(NAMA_BELAKANG)]
            pangkat = "Penata Tk. I, III/d" if pengawas else "Pembina, IV/a"
            jabatan = jabatan_unit(unit, opd)
            orang[(opd.kunci, unit)] = (jabatan, nama + gelar, nip_grup(nip), pangkat)
            i += 1
    for tahun in TAHUN:
        for (kunci, _), (jabatan, nama, nip, pangkat) in orang.items():
            opd = next(o for o in OPD if o.kunci == kunci)
            rows.append((tahun, opd.nama, jabatan, nama, nip, pangkat))
    return rows


def baris_pengawas(program: dict[str, list[Simpul]]) -> list[tuple[object, ...]]:
    """Kegiatan -> sub kegiatan links naming the Pengawas unit that runs them."""
    rows: list[tuple[object, ...]] = []
    for kunci, kode, subs, unit in PENGAWAS:
        opd = next(o for o in OPD if o.kunci == kunci)
        kegiatan = next(s for s in urutan(program[kunci]) if s.kode == kode)
        for sub in kegiatan.anak:
            if sub.kode.rsplit(".", 1)[-1] in subs:
                induk, anak = f"{kegiatan.kode} {kegiatan.nama}", f"{sub.kode} {sub.nama}"
                rows.append(("Kegiatan", induk, "Sub Kegiatan", anak, None, None, None,
                             opd.nama, unit))  # fmt: skip
    return rows


def buat_kaskade(program: dict[str, list[Simpul]]) -> Workbook:
    """The cascading sheet an analyst fills: one row per link (parent, child, indicator,
    unit)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Cascading"
    gabung(ws, "A1:J1", "CASCADING KINERJA KABUPATEN KEPAHIANG 2021-2026")
    kolom = ("No", "Tingkat Induk", "Induk", "Tingkat", "Uraian", "Indikator", "Target",
             "Satuan", "Perangkat Daerah", "Unit Penanggung Jawab")  # fmt: skip
    lebar = (5, 16, 48, 16, 48, 42, 10, 14, 36, 36)
    for c, (teks, w) in enumerate(zip(kolom, lebar, strict=True), start=1):
        gabung(ws, f"{huruf(c)}3", teks)
        ws.cell(3, c).border = KOTAK
        ws.column_dimensions[huruf(c)].width = w
    rows: list[tuple[object, ...]] = []
    for ikd in IKD.values():
        rows.append(("Tujuan", ikd.tujuan, "Sasaran RPJMD", ikd.sasaran, ikd.nama,
                     ikd.target[-1], ikd.satuan, None, ikd.pd))  # fmt: skip
    for opd in OPD:
        for prog in program[opd.kunci]:
            induk = SASARAN_RPJMD.get(prog.sasaran)
            if induk is None:  # the deliberate gap (Dinas Sosial)
                continue
            iku, target, satuan = IKU_SASARAN_PD[prog.sasaran]
            rows.append(("Sasaran RPJMD", induk, "Sasaran PD", prog.sasaran, iku, target, satuan,
                         opd.nama, prog.unit))  # fmt: skip
    rows.extend(baris_pengawas(program))
    for r, baris in enumerate(rows, start=4):
        for c, nilai in enumerate((r - 3, *baris), start=1):
            sel = ws.cell(r, c, nilai)
            sel.border, sel.alignment = KOTAK, ATAS
    ws.freeze_panes = "A4"
    return wb


def gabung_vertikal(ws: Worksheet, kol: str, kunci: list[tuple[str, ...]]) -> None:
    """Merge runs of equal keys in column ``kol`` from row 8; the text is the key's last part."""
    r = 8
    for teks, grup in groupby(kunci):
        n = len(list(grup))
        gabung(ws, f"{kol}{r}:{kol}{r + n - 1}", teks[-1], tebal=False, rata=ATAS)
        r += n


def buat_rpjmd() -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Matriks IKD"
    judul = ("MATRIKS INDIKATOR KINERJA DAERAH (IKD)", "RPJMD KABUPATEN KEPAHIANG TAHUN 2021-2026",
             "Perda Nomor 3 Tahun 2021")  # fmt: skip
    for r, teks in enumerate(judul, start=1):
        gabung(ws, f"A{r}:U{r}", teks)
    kepala = ("No", "Tujuan", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas",
              "Kondisi Awal (2020)")  # fmt: skip
    for c, teks in enumerate(kepala, start=1):
        gabung(ws, f"{huruf(c)}5:{huruf(c)}6", teks)
    for i, tahun in enumerate(PERIODE):
        gabung(ws, f"{huruf(8 + 2 * i)}5:{huruf(9 + 2 * i)}5", f"Tahun {tahun}")
        ws.cell(6, 8 + 2 * i, "Target")
        ws.cell(6, 9 + 2 * i, "Realisasi")
    gabung(ws, "T5:T6", "Kondisi Akhir RPJMD (2026)")
    gabung(ws, "U5:U6", "Perangkat Daerah Penanggung Jawab")
    for c in range(1, 22):
        ws.cell(7, c, c)
        for r in (5, 6, 7):
            ws.cell(r, c).font, ws.cell(r, c).alignment, ws.cell(r, c).border = (
                Font(bold=True), TENGAH, KOTAK)  # fmt: skip
    for r, ikd in enumerate(IKD.values(), start=8):
        angka_format = {"ribu rupiah": "#,##0"}.get(ikd.satuan, "#,##0.00")
        realisasi = [*ikd.realisasi, None, None]
        tahunan = [v for pasangan in zip(ikd.target, realisasi, strict=True) for v in pasangan]
        baris = [r - 7, None, None, ikd.nama, ikd.satuan, ikd.polaritas, ikd.awal, *tahunan,
                 ikd.target[-1], ikd.pd]  # fmt: skip
        for c, nilai in enumerate(baris, start=1):
            sel = ws.cell(r, c, nilai)
            sel.border, sel.alignment = KOTAK, ATAS
            if isinstance(nilai, float):
                sel.number_format = "0.000" if ikd.nama == "Indeks Gini" else angka_format
    gabung_vertikal(ws, "B", [(ikd.tujuan,) for ikd in IKD.values()])
    gabung_vertikal(ws, "C", [(ikd.tujuan, ikd.sasaran) for ikd in IKD.values()])
    for c, lebar in enumerate((5, 30, 30, 38, 14, 10, 12), start=1):
        ws.column_dimensions[huruf(c)].width = lebar
    ws.column_dimensions["U"].width = 36
    ws.freeze_panes = "E8"
    return wb


# Published national figures (BPS) for the sheet 'Pembanding': IPM (BPS, as released each
# year), persentase penduduk miskin (March), tingkat pengangguran terbuka (August).
PEMBANDING_NASIONAL = {
    "Indeks Pembangunan Manusia": (72.29, 72.91, 74.39, 75.02),
    "Persentase Penduduk Miskin": (10.14, 9.54, 9.36, 9.03),
    "Tingkat Pengangguran Terbuka": (6.49, 5.86, 5.32, 4.91),
}
# The BPS series of each national IPM: the 2023 and 2024 releases use the new method (UHH
# from the 2020 census long form); the regency's matrix keeps the old series of its targets.
SERI_PEMBANDING = {("Indeks Pembangunan Manusia", 2021): "lama",
                   ("Indeks Pembangunan Manusia", 2022): "lama",
                   ("Indeks Pembangunan Manusia", 2023): "baru",
                   ("Indeks Pembangunan Manusia", 2024): "baru"}  # fmt: skip


def tambah_pembanding(wb: Workbook) -> None:
    """The optional sheet 'Pembanding': the national figure of three IKD for 2021-2024, with
    the BPS series where one applies (column 'Seri')."""
    ws = wb.create_sheet("Pembanding")
    gabung(ws, "A1:F1", "ANGKA PEMBANDING NASIONAL INDIKATOR KINERJA DAERAH")
    judul = ("Indikator", "Tahun", "Tingkat", "Nilai", "Sumber", "Seri")
    for c, teks in enumerate(judul, start=1):
        sel = ws.cell(3, c, teks)
        sel.font, sel.alignment, sel.border = Font(bold=True), TENGAH, KOTAK
    r = 4
    for nama, nilai in PEMBANDING_NASIONAL.items():
        for tahun, angka_nasional in zip(TAHUN, nilai, strict=True):
            seri = SERI_PEMBANDING.get((nama, tahun))
            isian = (nama, tahun, "Nasional", angka_nasional, "BPS", seri)
            for c, isi in enumerate(isian, start=1):
                sel = ws.cell(r, c, isi)
                sel.border, sel.alignment = KOTAK, ATAS
            ws.cell(r, 4).number_format = "0.00"
            r += 1
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["E"].width = 12


PENGATURAN = """\
# Pengaturan daerah untuk kinerja-report, dibaca dari folder masukan
# (mis. `kinerja build sample_data --out hasil`). Data contoh ini FIKTIF:
# alamat, telepon, surel dan semua nama orang adalah rekaan.

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
# tanggal PK setiap tahun; Sabtu/Minggu/libur digeser ke hari kerja berikutnya
tanggal_perjanjian = "2 Januari"
hari_libur = ["2024-02-08", "2024-02-09"] # hari libur nasional/cuti bersama (tahun-bulan-tanggal)
# tanggal PK Perubahan (setelah APBD Perubahan), bila target atau pagu berubah
tanggal_perjanjian_perubahan = "1 Oktober"

[capaian]
# Rumus indikator negatif (semakin rendah semakin baik):
#   "A" = (2T - R) / T x 100, paling rendah 0 (bawaan; LKjIP, PermenPAN-RB 8/2021)
#   "B" = T / R x 100
rumus_negatif = "A"
# Batas capaian saat dirata-rata: 0 = tanpa batas; mis. 100 atau 120.
batas_rata_rata = 0
# Efisiensi: capaian - serapan > ambang "efisien", +-ambang "cukup efisien", selain itu
# "tidak efisien".
ambang_efisiensi = 5
# Skala kategori bawaan (Permendagri 86/2017). Untuk skala lain, tulis misalnya:
# [[capaian.kategori]]
# batas = 100
# label = "Sangat Berhasil"
# [[capaian.kategori]]
# batas = 75
# label = "Berhasil"
# Indikator berskala urut dinilai tercapai/tidak tercapai menurut peringkat, tanpa persen:
# Opini BPK (WTP > WDP > TW > TMP), predikat SAKIP (AA > A > BB > B > CC > C > D) dan
# kategori IKM (Sangat Baik > Baik > Kurang Baik > Tidak Baik) sudah dikenal. Skala lain:
# [[capaian.urutan]]
# nama = "akreditasi puskesmas"
# urutan = ["Paripurna", "Utama", "Madya", "Dasar"]

# Sifat indikator tertentu bila workbook dan matriks RPJMD tidak menyebutkannya:
# polaritas "positif"/"negatif"; agregasi "kumulatif" (jumlah triwulan, bawaan E.81),
# "akhir" (triwulan terakhir yang terisi) atau "rata-rata"; antar_tahun "jumlah"
# (capaian s.d. tahun berjalan = jumlah tahun-tahun, untuk cacahan) atau "terakhir"
# (nilai tahun terakhir, untuk persentase/indeks; bawaan ditentukan dari satuan dan nama).
[[indikator]]
nama = "Persentase rumah tangga ber-PHBS"
agregasi = "kumulatif"

[periode]
# Periode RPJMD/Renstra: target akhir periode dan proyeksi dihitung terhadap tahun akhir.
# Bila kosong: dari judul kolom 6 formulir E.81 ("... pada Tahun 2026") atau matriks RPJMD.
awal = 2021
akhir = 2026

[ipm]
seri_target = "lama"            # seri BPS yang dipakai saat target IPM RPJMD disusun

[batas_workbook]
# Workbook diperiksa sebelum dibuka; yang melebihi batas ditolak dengan pesan jelas.
ukuran_berkas_mb = 100
ukuran_isi_mb = 200             # ukuran isi setelah diekstrak
jumlah_anggota = 10000
rasio_kompresi = 100

[kewajaran]
# Verifikasi analis (docs/kewajaran.md); temuan dicantumkan di Catatan Hasil Verifikasi.
pagu_minimum_sub_kegiatan = 100000   # pagu sub kegiatan di bawah ini (rupiah) diragukan
batas_capaian = 300                  # capaian di atas ini (persen) adalah pencilan
kelipatan_target = 2                 # triwulan persentase yang dijumlah > 2 x target diragukan
ambang_riwayat = 0.5                 # nilai tahun yang menyimpang > 50 % dari tahun sekitarnya
kelipatan_saudara = 200              # pagu kegiatan/sub kegiatan 200 x di atas/di bawah median
saudara_minimum = 3                  # saudaranya (paling sedikit 3 saudara) diragukan
pencilan = "ikut"                    # "ikut": pencilan tetap dalam rata-rata dan proyeksi;
                                     # "keluarkan": tidak

[peringatan_dini]
# Peringatan dini setelah Triwulan I-III (docs/peringatan-dini.md): realisasi s.d. triwulan
# dibandingkan dengan rencana aksi s.d. triwulan yang sama.
ambang_kinerja = 10       # indikator tertinggal bila capaiannya < 100 - 10 = 90 % dari rencana
ambang_anggaran = 10      # anggaran tertinggal bila realisasinya < 90 % dari rencana penarikan

[lkjip]
# Bab I dan II LKjIP pemda yang tidak ada di workbook; yang kosong ditandai
# "[Diisi analis: ...]" di draf (visi dan misi di bawah ini rekaan data contoh).
visi = "Kepahiang yang maju, sejahtera dan berdaya saing"
misi = [
  "Meningkatkan kualitas sumber daya manusia yang sehat, cerdas dan berdaya saing",
  "Mewujudkan tata kelola pemerintahan yang baik, bersih dan akuntabel",
  "Meningkatkan pertumbuhan ekonomi daerah dan infrastruktur yang berkelanjutan",
]
isu_strategis = [
  "Angka kematian bayi dan prevalensi stunting yang masih di atas target",
  "Kemantapan jalan kabupaten dan akses air minum layak",
]
# tugas_fungsi = "..."          # tugas dan fungsi pemerintah daerah
# struktur_organisasi = "..."   # perangkat daerah dan jumlah pegawai
"""
LOGO = """\
<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="200" height="240"
     viewBox="0 0 200 240">
  <title>Lambang fiktif Kabupaten Kepahiang (data contoh)</title>
  <path d="M100 8 L186 28 L186 118 C186 170 148 204 100 226 C52 204 14 170 14 118 L14 28 Z"
        fill="#1b7a3a" stroke="#f2c200" stroke-width="6"/>
  <circle cx="100" cy="74" r="22" fill="#f2c200"/>
  <path d="M24 138 L72 70 L98 104 L124 76 L176 138 Z" fill="#0f5a28" stroke="#f2c200"/>
  <path d="M100 168 C96 150 104 134 122 118" fill="none" stroke="#6b3e1f" stroke-width="3"/>
  <g fill="#4caf50" stroke="#0f5a28">
    <ellipse cx="86" cy="150" rx="14" ry="6" transform="rotate(-30 86 150)"/>
    <ellipse cx="118" cy="140" rx="14" ry="6" transform="rotate(-40 118 140)"/>
    <ellipse cx="104" cy="128" rx="12" ry="5" transform="rotate(-60 104 128)"/>
  </g>
  <g fill="#c62828" stroke="#7a1010">
    <circle cx="98" cy="142" r="4.5"/><circle cx="106" cy="146" r="4.5"/>
    <circle cx="101" cy="151" r="4.5"/><circle cx="114" cy="128" r="4"/>
  </g>
  <path d="M6 176 L194 176 L184 192 L194 208 L6 208 L16 192 Z" fill="#f2c200" stroke="#8a6d00"/>
  <text x="100" y="198" font-family="sans-serif" font-size="17" font-weight="bold"
        text-anchor="middle" fill="#1b4d2a">KEPAHIANG</text>
</svg>
"""


# New BPS series (2023 release: UHH from the 2020 census long form) for the years it covers;
# the other components are the same. The RPJMD targets were set on the old series.
UHH_SERI_BARU = {2022: 69.71, 2023: 69.95, 2024: 70.12}


def buat_komponen_ipm() -> Workbook:
    """IPM components per year: the old series (as in the matrix) and the new one."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Komponen IPM"
    ws["A1"] = "KOMPONEN INDEKS PEMBANGUNAN MANUSIA KABUPATEN KEPAHIANG"
    ws["A2"] = "Sumber: BPS Kabupaten Kepahiang (angka contoh fiktif)"
    judul = ["Tahun", "UHH (tahun)", "HLS (tahun)", "RLS (tahun)",
             "Pengeluaran per Kapita Disesuaikan (ribu rupiah)", "Seri"]  # fmt: skip
    for kolom, teks in enumerate(judul, start=1):
        ws.cell(row=4, column=kolom, value=teks)
    komponen = [
        IKD[n]
        for n in (
            "Umur Harapan Hidup",
            "Harapan Lama Sekolah",
            "Rata-rata Lama Sekolah",
            "Pengeluaran per Kapita Disesuaikan",
        )
    ]
    baris = 5
    for indeks, tahun in enumerate(range(PERIODE[0] - 1, TAHUN[-1] + 1)):
        nilai = [k.awal if indeks == 0 else k.realisasi[indeks - 1] for k in komponen]
        angka_nilai = [float(str(v).replace(",", ".")) for v in nilai]
        for kolom, isi in enumerate([tahun, *angka_nilai, "lama"], start=1):
            ws.cell(row=baris, column=kolom, value=isi)
        baris += 1
    for tahun, uhh in UHH_SERI_BARU.items():
        indeks = tahun - PERIODE[0] + 1
        lain = [float(str(k.realisasi[indeks - 1]).replace(",", ".")) for k in komponen[1:]]
        for kolom, isi in enumerate([tahun, uhh, *lain, "baru"], start=1):
            ws.cell(row=baris, column=kolom, value=isi)
        baris += 1
    return wb


# --------------------------------------------------------------------------- the year's stages

TRIWULAN_II = {  # OPD-years with a TW II form beside the TW IV form: file name
    "dinkes": "EVALUASI RENJA DINKES TW II {t}.xlsx",
    "pupr": "Eval Renja PUPR TW II {t}.xlsx",
}
TERTINGGAL = {"dinkes": (2, 1.6), "pupr": (-1, 1.45)}
"""Per OPD with a TW II form: which numeric PK indicator (index) is planned this many times
above its realisation s.d. TW II: clearly behind plan in the early warning."""
ANGGARAN_TERTINGGAL = {"dinkes": (1, 1.5)}
"""Likewise for the budget of one programme (index among the programmes)."""
TAHUN_RENCANA = TAHUN[-1]
"""Every OPD of the last year has a Rencana Aksi."""


def _angka_isi(nilai: Nilai) -> float | None:
    return float(nilai) if isinstance(nilai, int | float) else None


def baris_triwulan_ii(rows: list[Baris]) -> list[Baris]:
    """The year's rows as the TW II form reported them: TW I and II only; columns 13, 14, 15
    of the quarters so far."""
    hasil = []
    for b in rows:
        nilai = {k: v for k, v in b.nilai.items() if k not in "QRST"}
        k = [v for v in (_angka_isi(nilai.get("M")), _angka_isi(nilai.get("O"))) if v is not None]
        nilai["U"] = angka(sum(k)) if k else None
        target = _angka_isi(nilai.get("K"))
        if nilai["U"] is not None:
            sampai = nilai["U"] if b.indikator.laju else angka(float(nilai["I"]) + nilai["U"])
            nilai["W"], nilai["Y"] = sampai, round(sampai / float(nilai["G"]) * 100, 2)
        else:
            nilai["W"] = nilai["Y"] = None
        if "L" in nilai:
            rp = sum(float(nilai[c] or 0) for c in "NP")
            nilai["V"], nilai["X"] = int(rp), int(float(nilai["J"]) + rp)
            nilai["Z"] = round(nilai["X"] / float(nilai["H"]) * 100, 2)
        capaian = nilai["U"] / target * 100 if target and nilai["U"] is not None else None
        hasil.append(Baris(b.simpul, b.indikator, b.lanjutan, nilai, capaian))
    return hasil


@dataclass
class BarisRencana:
    sasaran: str
    indikator: Indikator
    target: float
    kuartal: list[float]  # cumulative K targets TW I..IV
    anggaran: list[int] | None  # cumulative planned Rp TW I..IV (first indicator of a programme)
    unit: str


def _kumulatif(nilai: list[float]) -> list[float]:
    return [sum(nilai[: i + 1]) for i in range(len(nilai))]


def rencana_opd(opd: Opd, rows: list[Baris], rng: random.Random) -> list[BarisRencana]:
    """The PK indicators (programme level) with cumulative quarterly targets: from the year's
    realisation so far (as a planner who saw the work pick up), TW IV = the year's target;
    one indicator and one budget of an OPD with a TW II form planned far above it."""
    pk = [b for b in rows if b.simpul.tingkat == "P"]
    numerik = [b for b in pk if not b.indikator.dari_rpjmd]
    pilih, kali = TERTINGGAL.get(opd.kunci, (None, 1.0))
    lambat = numerik[pilih] if pilih is not None and numerik else None
    prog = [b for b in pk if not b.lanjutan]
    pilih_rp, kali_rp = ANGGARAN_TERTINGGAL.get(opd.kunci, (None, 1.0))
    lambat_rp = prog[pilih_rp] if pilih_rp is not None else None
    skala = 1 if opd.kunci != "pupr" else 100  # PUPR plans to two decimals
    hasil = []
    for b in pk:
        target = float(b.nilai["K"] or 0)
        if b.indikator.dari_rpjmd:  # a rate: the year's level is planned in every quarter
            kuartal = [target] * 4
        else:
            nyata = _kumulatif([_angka_isi(b.nilai.get(c)) or 0.0 for c in "MOQS"])
            faktor = [rng.uniform(0.97, 1.04) for _ in range(3)]
            kuartal = [round(n * f * skala) / skala for n, f in zip(nyata[:3], faktor, strict=True)]
            if b is lambat:
                kuartal[1] = round(nyata[1] * kali * skala) / skala
                kuartal[2] = max(kuartal[2], kuartal[1])
            kuartal = [min(k, target) for k in kuartal] + [target]
        anggaran_rp = None
        if "L" in b.nilai:
            nyata_rp = _kumulatif([float(b.nilai.get(c) or 0) for c in "NPRT"])
            anggaran_rp = [int(round(n * rng.uniform(0.98, 1.03), -5)) for n in nyata_rp[:3]]
            if b is lambat_rp:
                anggaran_rp[1] = int(round(nyata_rp[1] * kali_rp, -5))
            anggaran_rp = [min(a, int(b.nilai["L"])) for a in anggaran_rp] + [int(b.nilai["L"])]
        hasil.append(
            BarisRencana(b.simpul.sasaran, b.indikator, target, kuartal, anggaran_rp, b.simpul.unit)
        )
    return hasil


def _per_triwulan(kumulatif: list[float]) -> list[float]:
    return [angka(k - (kumulatif[i - 1] if i else 0)) for i, k in enumerate(kumulatif)]


def buat_rencana_aksi(opd: Opd, tahun: int, rows: list[BarisRencana]) -> Workbook:
    """A Rencana Aksi as an OPD types it: half of the OPDs write cumulative targets (a note
    under the title says so), the others per quarter (a 'Sifat Target' column says so)."""
    kumulatif = OPD.index(opd) % 2 == 0
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Rencana Aksi"
    judul = (f"RENCANA AKSI PERJANJIAN KINERJA TAHUN {tahun}", "PEMERINTAH KABUPATEN KEPAHIANG",
             f"Perangkat Daerah : {opd.nama}",
             "Target dan anggaran triwulan diisi kumulatif (s.d. triwulan berkenaan)"
             if kumulatif else "Target dan anggaran triwulan diisi per triwulan")  # fmt: skip
    for r, teks in enumerate(judul, start=1):
        gabung(ws, f"A{r}:O{r}", teks, tebal=r < 4)
    tunggal = {"A": "No", "B": "Sasaran", "C": "Indikator Kinerja", "D": "Satuan",
               "E": f"Target Tahun {tahun}", "N": "Penanggung Jawab",
               "O": "Sifat Target"}  # fmt: skip
    for kol, teks in tunggal.items():
        gabung(ws, f"{kol}6:{kol}7", teks)
    gabung(ws, "F6:I6", "Target Triwulan")
    gabung(ws, "J6:M6", "Rencana Anggaran per Triwulan (Rp)")
    for i, romawi in enumerate(ROMAWI):
        gabung(ws, f"{huruf(6 + i)}7", romawi)
        gabung(ws, f"{huruf(10 + i)}7", romawi)
    for r, b in enumerate(rows, start=8):
        kuartal = b.kuartal if kumulatif else _per_triwulan(b.kuartal)
        rp = b.anggaran if kumulatif or b.anggaran is None else _per_triwulan(b.anggaran)
        isi = [r - 7, b.sasaran, b.indikator.nama, b.indikator.satuan, angka(b.target),
               *map(angka, kuartal), *(rp or [None] * 4), b.unit,
               "Kumulatif" if kumulatif else "Per Triwulan"]  # fmt: skip
        for c, nilai in enumerate(isi, start=1):
            sel = ws.cell(r, c, nilai)
            sel.border, sel.alignment = KOTAK, ATAS
            if isinstance(nilai, int | float) and c >= 5:
                sel.number_format = "#,##0" if c >= 10 else "#,##0.##"
    for row in ws["A6:O7"]:
        for sel in row:
            sel.font, sel.alignment, sel.border = Font(bold=True), TENGAH, KOTAK
    lebar = {"A": 5, "B": 34, "C": 46, "D": 14, "N": 26, "O": 14}
    for c in range(1, 16):
        ws.column_dimensions[huruf(c)].width = lebar.get(huruf(c), 12 if c < 10 else 16)
    ws.page_setup.orientation = "landscape"
    return wb


def tulis_tahapan(semua: dict[tuple[str, int], list[Baris]], catatan: list[str]) -> list[Path]:
    """The TW II forms and the Rencana Aksi of the last year (own randomness: the yearly
    forms stay as they were)."""
    rng = random.Random(2404)
    ditulis = []
    for opd in OPD:
        rows = semua[(opd.kunci, TAHUN_RENCANA)]
        if opd.kunci in TRIWULAN_II:
            path = KELUARAN / str(TAHUN_RENCANA) / TRIWULAN_II[opd.kunci].format(t=TAHUN_RENCANA)
            awal = len(catatan)
            tw2 = baris_triwulan_ii(rows)
            simpan(buat_e81(opd, TAHUN_RENCANA, tw2, rng, catatan, triwulan=2), path)
            catatan[awal:] = [f"{path.relative_to(KELUARAN)}: {c}" for c in catatan[awal:]]
            ditulis.append(path)
        path = KELUARAN / str(TAHUN_RENCANA) / f"Rencana Aksi {opd.nama} {TAHUN_RENCANA}.xlsx"
        simpan(buat_rencana_aksi(opd, TAHUN_RENCANA, rencana_opd(opd, rows, rng)), path)
        ditulis.append(path)
    return ditulis


def main() -> None:
    rng = random.Random(2026)
    program = {opd.kunci: baca_program(opd, rng) for opd in OPD}
    renja = {(opd, t): KELUARAN / str(t) / opd.berkas.format(t=t) for opd in OPD for t in TAHUN}
    toml, svg, ttd = (
        KELUARAN / n for n in ("pengaturan.toml", "logo-kabupaten.svg", "penandatangan.xlsx")
    )
    rpjmd = KELUARAN / "rpjmd" / "matriks-ikd-rpjmd-2021-2026.xlsx"
    ipm = KELUARAN / "rpjmd" / "komponen-ipm.xlsx"
    kaskade = KELUARAN / "rpjmd" / "cascading-kinerja-2021-2026.xlsx"
    for path in (toml, svg, ttd, rpjmd, ipm, kaskade, *renja.values()):
        path.unlink(missing_ok=True)
    KELUARAN.mkdir(exist_ok=True)
    toml.write_text(PENGATURAN, encoding="utf-8", newline="\n")
    svg.write_text(LOGO, encoding="utf-8", newline="\n")
    simpan(buat_penandatangan(rng, program), ttd)
    matriks = buat_rpjmd()
    tambah_pembanding(matriks)
    simpan(matriks, rpjmd)
    simpan(buat_komponen_ipm(), ipm)
    simpan(buat_kaskade(program), kaskade)
    tahapan = [
        KELUARAN / str(TAHUN_RENCANA) / nama.format(t=TAHUN_RENCANA)
        for nama in (*TRIWULAN_II.values(),
                     *(f"Rencana Aksi {opd.nama} {{t}}.xlsx" for opd in OPD))
    ]  # fmt: skip
    for path in tahapan:
        path.unlink(missing_ok=True)
    catatan: list[str] = []
    semua: dict[tuple[str, int], list[Baris]] = {}
    jumlah = 0
    for opd in OPD:
        lalu: dict[tuple[str, int], float] = {}
        for tahun in TAHUN:
            rows = baris_tahun(opd, program[opd.kunci], tahun, lalu, rng)
            semua[(opd.kunci, tahun)] = rows
            awal = len(catatan)
            simpan(buat_e81(opd, tahun, rows, rng, catatan), renja[(opd, tahun)])
            nama = renja[(opd, tahun)].relative_to(KELUARAN)
            catatan[awal:] = [f"{nama}: {c}" for c in catatan[awal:]]
            print(f"{nama}: {len(rows)} baris indikator")
            jumlah += len(rows)
    ditulis = tulis_tahapan(semua, catatan)
    print(
        f"{len(renja)} workbook evaluasi Renja, {jumlah} baris indikator; "
        f"{len(ditulis)} workbook triwulan II dan rencana aksi {TAHUN_RENCANA}",
        *catatan,
        sep="\n",
    )


if __name__ == "__main__":
    main()
