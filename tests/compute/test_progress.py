from __future__ import annotations

import pytest

from kinerja_report.compute.budget import efisiensi, serapan
from kinerja_report.compute.progress import kemajuan, tahun_menyimpang
from kinerja_report.compute.realisasi import gabung_triwulan
from kinerja_report.compute.rules import Agregasi, AntarTahun, AturanCapaian
from kinerja_report.model import Nilai, Polaritas

A = AturanCapaian()
POS, NEG = Polaritas.POSITIF, Polaritas.NEGATIF
TERAKHIR, JUMLAH = AntarTahun.TERAKHIR, AntarTahun.JUMLAH
AKHIR = 2026  # the end of the period the tests use (Kepahiang's RPJMD 2021-2026)


def test_tercapai_bila_realisasi_sampai_kini_memenuhi_target_akhir() -> None:
    hasil = kemajuan(
        70.0, [(2021, 68.0), (2022, 69.0), (2023, 70.5)], TERAKHIR, POS, A, tahun_akhir=AKHIR
    )
    assert (hasil.realisasi_sd, hasil.status) == (70.5, "tercapai")


def test_on_track_dari_garis_tren() -> None:
    # IPM 67,0 -> 67,5 -> 68,0: +0,5 a year, 69,5 in 2026 against a target of 69,5
    hasil = kemajuan(
        69.5, [(2021, 67.0), (2022, 67.5), (2023, 68.0)], TERAKHIR, POS, A, tahun_akhir=AKHIR
    )
    assert hasil.proyeksi == pytest.approx(69.5)
    assert hasil.status == "sesuai jalur"


def test_berisiko_dan_tidak_tercapai() -> None:
    seri = [(2021, 60.0), (2022, 61.0), (2023, 62.0)]  # 65 in 2026
    assert kemajuan(70.0, seri, TERAKHIR, POS, A, tahun_akhir=AKHIR).status == "berisiko"  # 92,9 %
    assert (
        kemajuan(80.0, seri, TERAKHIR, POS, A, tahun_akhir=AKHIR).status == "tidak tercapai"
    )  # 81,3 %


def test_negatif_turun_menuju_target() -> None:
    # stunting 25 -> 23 -> 21 projects to 15 in 2026: (2 x 14 - 15) / 14 = 92,9 % -> berisiko
    hasil = kemajuan(
        14.0, [(2021, 25.0), (2022, 23.0), (2023, 21.0)], TERAKHIR, NEG, A, tahun_akhir=AKHIR
    )
    assert hasil.proyeksi == pytest.approx(15.0)
    assert hasil.status == "berisiko"


def test_kumulatif_jumlah_tahun_dan_kolom_14() -> None:
    # 100 km over the period; 20 + 25 = 45 after 2022; 45 + 22,5 x 4 = 135 -> sesuai jalur
    hasil = kemajuan(100.0, [(2021, 20.0), (2022, 25.0)], JUMLAH, POS, A, tahun_akhir=AKHIR)
    assert (hasil.realisasi_sd, hasil.proyeksi, hasil.status) == (45.0, 135.0, "sesuai jalur")
    # with the workbook's own column 14
    assert kemajuan(100.0, [(2022, 25.0)], JUMLAH, POS, A, 110.0, AKHIR).status == "tercapai"


def test_tanpa_target_akhir_tidak_dinilai() -> None:
    assert kemajuan(None, [(2021, 1.0)], TERAKHIR, POS, A, tahun_akhir=AKHIR).status == ""


def test_tanpa_tahun_akhir_tidak_dinilai() -> None:
    """The end year is the period's own; unknown, nothing is projected (never 2026)."""
    assert kemajuan(70.0, [(2021, 1.0)], TERAKHIR, POS, A).status == ""


def test_tahun_akhir_menentukan_proyeksi() -> None:
    # 60 -> 61 -> 62: 65 in 2026 (berisiko against 70), 69 in 2030 (berisiko), 70 in 2031
    seri = [(2021, 60.0), (2022, 61.0), (2023, 62.0)]
    assert kemajuan(70.0, seri, TERAKHIR, POS, A, tahun_akhir=2030).proyeksi == 69.0
    assert kemajuan(70.0, seri, TERAKHIR, POS, A, tahun_akhir=2031).status == "sesuai jalur"


def test_persentase_tidak_dijumlahkan_antartahun() -> None:
    """A rate to date is its latest value, even when the workbook's column 14 adds years."""
    hasil = kemajuan(100.0, [(2024, 100.0), (2025, 100.0)], TERAKHIR, POS, A, 200.0, 2030)
    assert (hasil.realisasi_sd, hasil.capaian_sd) == (100.0, 100.0)


def test_agregasi_triwulan() -> None:
    quarters = (Nilai(angka=20), Nilai(angka=30), Nilai(), Nilai(angka=40))
    assert gabung_triwulan(quarters, Nilai(), Agregasi.KUMULATIF).angka == 90
    assert gabung_triwulan(quarters, Nilai(), Agregasi.AKHIR).angka == 40
    assert gabung_triwulan(quarters, Nilai(), Agregasi.RATA_RATA).angka == 30


def test_serapan_dan_efisiensi() -> None:
    assert serapan(Nilai(angka=200), Nilai(angka=150)) == 75.0
    assert serapan(Nilai(angka=0), Nilai(angka=150)) is None
    assert efisiensi(90.0, 80.0, A) == "efisien"  # 10 points above
    assert efisiensi(85.0, 80.0, A) == "cukup efisien"  # exactly +5
    assert efisiensi(75.0, 80.0, A) == "cukup efisien"  # exactly -5
    assert efisiensi(70.0, 80.0, A) == "tidak efisien"
    assert efisiensi(None, 80.0, A) == ""


def test_kemajuan_tidak_meminjam_realisasi_baris_lain_bernama_sama() -> None:
    """Review finding: forms without codes repeat 'Jumlah Laporan' under many sub kegiatan;
    each keeps its own series."""
    from dataclasses import replace

    from kinerja_report.compute.capaian import HasilCapaian
    from kinerja_report.compute.semantics import SifatIndikator
    from kinerja_report.compute.table import BarisCapaian, tambah_kemajuan
    from kinerja_report.model import TingkatIndikator

    sifat = SifatIndikator(POS, Agregasi.KUMULATIF, "uji", "uji", JUMLAH, "uji")
    dasar = BarisCapaian(
        2025, "Bappeda", "", TingkatIndikator.SUB_KEGIATAN, "Sub kegiatan A", "Jumlah Laporan",
        "Lap", sifat, Nilai(1), Nilai(1), HasilCapaian(100, "uji"), "Sangat Tinggi",
        tahun_akhir=2030, target_akhir=Nilai(10),
    )  # fmt: skip
    lain = replace(dasar, uraian="Sub kegiatan B", realisasi=Nilai(10))
    a, b = tambah_kemajuan([lain, dasar], A)
    assert (a.kemajuan.realisasi_sd, b.kemajuan.realisasi_sd) == (10, 1)


def test_pencilan_dalam_proyeksi() -> None:
    """The sample's AKB 9,6 -> 19,7 -> 8,7 -> 8,9 against 7,8 in 2026: with the 2022 outlier
    the trend falls steeply ('sesuai jalur'); without it ([kewajaran] pencilan =
    'keluarkan') AKB is 'berisiko'."""
    seri = [(2021, 9.6), (2022, 19.7), (2023, 8.7), (2024, 8.9)]
    ikut = kemajuan(7.8, seri, TERAKHIR, NEG, A, tahun_akhir=AKHIR)
    keluar = AturanCapaian(pencilan_proyeksi=0.5)
    keluarkan = kemajuan(7.8, seri, TERAKHIR, NEG, keluar, tahun_akhir=AKHIR)
    assert ikut.status == "sesuai jalur"
    assert keluarkan.proyeksi == pytest.approx(8.185714, abs=1e-5)
    assert keluarkan.status == "berisiko"


def test_tahun_menyimpang() -> None:
    assert tahun_menyimpang([(2021, 9.6), (2022, 19.7), (2023, 8.7)], 0.5) == [2022]
    assert tahun_menyimpang([(2021, 9.6), (2022, 12.0), (2023, 8.7)], 0.5) == []
    assert tahun_menyimpang([(2021, 5.0), (2022, 19.7), (2023, 30.0)], 0.5) == []  # a trend
