"""IPM, BPS method (docs/ipm.md): published values, indices, status, decomposition."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_report.compute.ipm import (
    HasilIpm,
    IpmTidakValid,
    bulatkan,
    hitung_ipm,
    kontribusi_perubahan,
    status_ipm,
)

IPM_2018 = (71.20, 12.91, 8.17, 11_059.0)
IPM_2024 = (74.15, 13.21, 8.85, 12_341.0)


@pytest.mark.parametrize(("masukan", "dipublikasikan"), [(IPM_2018, 71.39), (IPM_2024, 75.02)])
def test_angka_publikasi_bps_tepat(
    masukan: tuple[float, float, float, float], dipublikasikan: float
) -> None:
    hasil = hitung_ipm(*masukan)
    assert hasil.ipm_dibulatkan == dipublikasikan
    assert hasil.status == "tinggi"


def test_indeks_dimensi_2018_dihitung_tangan() -> None:
    hasil = hitung_ipm(*IPM_2018)
    # (71,20 - 20) / 65 = 51,2 / 65
    assert hasil.indeks_kesehatan == pytest.approx(0.787692, abs=1e-6)
    # (12,91 / 18 + 8,17 / 15) / 2 = (0,717222 + 0,544667) / 2
    assert hasil.indeks_pendidikan == pytest.approx(0.630944, abs=1e-6)
    # ln(11.059.000 / 1.007.436) / ln(26.572.352 / 1.007.436) = 2,395839 / 3,272472
    assert hasil.indeks_pengeluaran == pytest.approx(0.732120, abs=1e-6)
    # 100 x (0,787692 x 0,630944 x 0,732120)^(1/3)
    assert hasil.ipm == pytest.approx(71.390984, abs=1e-6)


def test_pengeluaran_dalam_ribu_rupiah() -> None:
    # P = 1.007,436 ribu x e = batas bawah x e: indeks = 1 / ln(26.572.352 / 1.007.436)
    hasil = hitung_ipm(70, 12, 8, 1_007.436 * math.e)
    assert hasil.indeks_pengeluaran == pytest.approx(1 / math.log(26_572_352 / 1_007_436))


def test_hls_dan_rls_dibatasi_18_dan_15() -> None:
    batas = hitung_ipm(71.2, 18, 15, 11_059)
    lebih = hitung_ipm(71.2, 19.5, 16, 11_059)
    assert batas.indeks_pendidikan == 1.0
    assert lebih.indeks_pendidikan == 1.0
    assert lebih.ipm == batas.ipm


@pytest.mark.parametrize(
    ("ipm", "status"),
    [
        (0.0, "rendah"),
        (59.99, "rendah"),
        (60.0, "sedang"),
        (69.99, "sedang"),
        (70.0, "tinggi"),
        (79.99, "tinggi"),
        (80.0, "sangat tinggi"),
        (100.0, "sangat tinggi"),
    ],
)
def test_status_di_batas(ipm: float, status: str) -> None:
    assert status_ipm(ipm) == status


def _uhh_untuk(ipm_sasaran: float) -> float:
    """The UHH that, with the 2018 HLS, RLS and P, gives ``ipm_sasaran``."""
    lain = hitung_ipm(*IPM_2018)
    kesehatan = (ipm_sasaran / 100) ** 3 / (lain.indeks_pendidikan * lain.indeks_pengeluaran)
    return 20 + 65 * kesehatan


def test_status_dinilai_dari_ipm_dibulatkan() -> None:
    # IPM 69,996 dibulatkan 70,00: tinggi, seperti angka yang dipublikasikan
    hasil = hitung_ipm(_uhh_untuk(69.996), *IPM_2018[1:])
    assert hasil.ipm == pytest.approx(69.996, abs=1e-9)
    assert hasil.ipm < 70
    assert hasil.ipm_dibulatkan == 70.0
    assert hasil.status == "tinggi"
    # IPM 69,994 dibulatkan 69,99: sedang
    assert hitung_ipm(_uhh_untuk(69.994), *IPM_2018[1:]).status == "sedang"


@pytest.mark.parametrize(
    ("value", "hasil"), [(71.385, 71.39), (0.125, 0.13), (71.384999, 71.38), (75.015, 75.02)]
)
def test_pembulatan_setengah_ke_atas(value: float, hasil: float) -> None:
    # round() membulatkan 0,125 ke 0,12 (setengah ke genap) dan 71,385 ke 71,38 (biner)
    assert bulatkan(value) == hasil


def test_kontribusi_berjumlah_perubahan() -> None:
    sebelum, sesudah = hitung_ipm(*IPM_2018), hitung_ipm(*IPM_2024)
    kontribusi = kontribusi_perubahan(sebelum, sesudah)
    assert set(kontribusi) == {"kesehatan", "pendidikan", "pengeluaran"}
    assert sum(kontribusi.values()) == pytest.approx(sesudah.ipm - sebelum.ipm, abs=1e-12)
    assert all(nilai > 0 for nilai in kontribusi.values())
    # hanya kesehatan yang berubah: seluruh perubahan milik kesehatan
    hanya_uhh = kontribusi_perubahan(sebelum, hitung_ipm(74.15, *IPM_2018[1:]))
    assert hanya_uhh["pendidikan"] == 0.0
    assert hanya_uhh["pengeluaran"] == 0.0
    assert hanya_uhh["kesehatan"] == pytest.approx(
        hitung_ipm(74.15, *IPM_2018[1:]).ipm - sebelum.ipm, abs=1e-12
    )


def test_kontribusi_nol_bila_ipm_tetap() -> None:
    hasil = hitung_ipm(*IPM_2018)
    assert kontribusi_perubahan(hasil, hasil) == {
        "kesehatan": 0.0,
        "pendidikan": 0.0,
        "pengeluaran": 0.0,
    }


_masukan = st.tuples(
    st.floats(20.5, 85),
    st.floats(0.5, 18),
    st.floats(0.5, 15),
    st.floats(1_100, 26_000),
)


@given(_masukan, _masukan)
def test_kontribusi_selalu_berjumlah_perubahan(
    a: tuple[float, float, float, float], b: tuple[float, float, float, float]
) -> None:
    sebelum, sesudah = hitung_ipm(*a), hitung_ipm(*b)
    kontribusi = kontribusi_perubahan(sebelum, sesudah)
    assert sum(kontribusi.values()) == pytest.approx(sesudah.ipm - sebelum.ipm, abs=1e-9)


def test_hasil_ipm_beku() -> None:
    hasil = hitung_ipm(*IPM_2018)
    assert isinstance(hasil, HasilIpm)
    with pytest.raises(AttributeError):
        hasil.ipm = 0.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("masukan", "komponen"),
    [
        ((20.0, 12.91, 8.17, 11_059), "UHH"),
        ((15.0, 12.91, 8.17, 11_059), "UHH"),
        ((90.0, 12.91, 8.17, 11_059), "UHH"),
        ((-71.2, 12.91, 8.17, 11_059), "UHH"),
        ((math.nan, 12.91, 8.17, 11_059), "UHH"),
        ((71.2, -1.0, 8.17, 11_059), "HLS"),
        ((71.2, math.nan, 8.17, 11_059), "HLS"),
        ((71.2, 12.91, -8.17, 11_059), "RLS"),
        ((71.2, 12.91, math.inf, 11_059), "RLS"),
        ((71.2, 0.0, 0.0, 11_059), "HLS dan RLS"),
        ((71.2, 12.91, 8.17, 0.0), "Pengeluaran"),
        ((71.2, 12.91, 8.17, -11_059), "Pengeluaran"),
        ((71.2, 12.91, 8.17, math.nan), "Pengeluaran"),
        ((71.2, 12.91, 8.17, 1_000), "Pengeluaran"),  # di bawah batas bawah BPS
        ((71.2, 12.91, 8.17, 11_059_000), "Pengeluaran"),  # rupiah, bukan ribu rupiah
    ],
)
def test_masukan_tidak_valid(masukan: tuple[float, float, float, float], komponen: str) -> None:
    with pytest.raises(IpmTidakValid, match=komponen) as info:
        hitung_ipm(*masukan)
    assert isinstance(info.value, ValueError)


def test_pesan_memakai_angka_indonesia() -> None:
    with pytest.raises(IpmTidakValid, match=r"diberikan 1\.000\)"):
        hitung_ipm(71.2, 12.91, 8.17, 1_000)
