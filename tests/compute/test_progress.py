from __future__ import annotations

import pytest

from kinerja_report.compute.budget import efisiensi, serapan
from kinerja_report.compute.progress import kemajuan
from kinerja_report.compute.realisasi import gabung_triwulan
from kinerja_report.compute.rules import Agregasi, AturanCapaian
from kinerja_report.model import Nilai, Polaritas

A = AturanCapaian()
POS, NEG = Polaritas.POSITIF, Polaritas.NEGATIF


def test_tercapai_bila_realisasi_sampai_kini_memenuhi_target_akhir() -> None:
    hasil = kemajuan(70.0, [(2021, 68.0), (2022, 69.0), (2023, 70.5)], Agregasi.AKHIR, POS, A)
    assert (hasil.realisasi_sd, hasil.status) == (70.5, "tercapai")


def test_on_track_dari_garis_tren() -> None:
    # IPM 67,0 -> 67,5 -> 68,0: +0,5 a year, 69,5 in 2026 against a target of 69,5
    hasil = kemajuan(69.5, [(2021, 67.0), (2022, 67.5), (2023, 68.0)], Agregasi.AKHIR, POS, A)
    assert hasil.proyeksi == pytest.approx(69.5)
    assert hasil.status == "on track"


def test_berisiko_dan_tidak_tercapai() -> None:
    seri = [(2021, 60.0), (2022, 61.0), (2023, 62.0)]  # 65 in 2026
    assert kemajuan(70.0, seri, Agregasi.AKHIR, POS, A).status == "berisiko"  # 92,9 %
    assert kemajuan(80.0, seri, Agregasi.AKHIR, POS, A).status == "tidak tercapai"  # 81,3 %


def test_negatif_turun_menuju_target() -> None:
    # stunting 25 -> 23 -> 21 projects to 15 in 2026: (2 x 14 - 15) / 14 = 92,9 % -> berisiko
    hasil = kemajuan(14.0, [(2021, 25.0), (2022, 23.0), (2023, 21.0)], Agregasi.AKHIR, NEG, A)
    assert hasil.proyeksi == pytest.approx(15.0)
    assert hasil.status == "berisiko"


def test_kumulatif_jumlah_tahun_dan_kolom_14() -> None:
    # 100 km over the period; 20 + 25 = 45 after 2022; 45 + 22,5 x 4 = 135 -> on track
    hasil = kemajuan(100.0, [(2021, 20.0), (2022, 25.0)], Agregasi.KUMULATIF, POS, A)
    assert (hasil.realisasi_sd, hasil.proyeksi, hasil.status) == (45.0, 135.0, "on track")
    # with the workbook's own column 14
    assert kemajuan(100.0, [(2022, 25.0)], Agregasi.KUMULATIF, POS, A, 110.0).status == "tercapai"


def test_tanpa_target_akhir_tidak_dinilai() -> None:
    assert kemajuan(None, [(2021, 1.0)], Agregasi.AKHIR, POS, A).status == ""


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
