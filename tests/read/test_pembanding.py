"""The optional sheet 'Pembanding': national and provincial figures, read by header."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from openpyxl import Workbook

from kinerja_report.model import Nilai, NilaiPembanding, Sumber
from kinerja_report.pipeline import Kumpulan
from kinerja_report.read.folder import baca_berkas
from kinerja_report.read.pembanding import cari_pembanding, tingkat_pembanding


def _workbook(path: Path, rows: list[tuple[object, ...]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Pembanding"
    ws["A1"] = "ANGKA PEMBANDING"
    for c, teks in enumerate(("Indikator", "Tahun", "Tingkat", "Nilai", "Sumber"), start=1):
        ws.cell(3, c, teks)
    for r, row in enumerate(rows, start=4):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c, value)
    wb.save(path)
    return path


def test_baris_dibaca_dengan_sumber_sel(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "pembanding.xlsx",
        [
            ("Indeks Pembangunan Manusia", 2023, "Nasional", 74.39, "BPS"),
            ("Indeks Pembangunan Manusia", 2023, "Provinsi Bengkulu", "73,80", "BPS Provinsi"),
            ("Tingkat Pengangguran Terbuka", 2023, "Kabupaten", 3.1, "BPS"),
            ("Persentase Penduduk Miskin", 2023, "Nasional", "sembilan", "BPS"),
            (None, 2023, "Nasional", 1.0, "BPS"),
        ],
    )
    isi = baca_berkas(path, PurePosixPath("pembanding.xlsx"))
    assert not isi.gagal
    assert isi.pembanding == [
        NilaiPembanding(
            "Indeks Pembangunan Manusia",
            2023,
            "nasional",
            Nilai(74.39, sumber=Sumber("pembanding.xlsx", "Pembanding", "D4")),
            "BPS",
        ),
        NilaiPembanding(
            "Indeks Pembangunan Manusia",
            2023,
            "provinsi",
            Nilai(73.8, sumber=Sumber("pembanding.xlsx", "Pembanding", "D5")),
            "BPS Provinsi",
        ),
    ]
    found = [(p.kode, p.sel, p.pesan) for p in isi.masalah]
    assert found == [
        (
            "pembanding-tingkat-tidak-dikenal",
            "C6",
            "Tingkat pembanding 'Kabupaten' tidak dikenali (tulis 'Nasional' atau 'Provinsi'); "
            "baris dilewati",
        ),
        (
            "teks-di-kolom-angka",
            "D7",
            "Isi sel 'sembilan' bukan angka (kolom nilai)",
        ),
    ]


def test_tingkat_dan_pencarian() -> None:
    assert tingkat_pembanding("NASIONAL") == "nasional"
    assert tingkat_pembanding("Indonesia") == "nasional"
    assert tingkat_pembanding("Prov. Bengkulu") == "provinsi"
    assert tingkat_pembanding("Kabupaten") is None
    daftar = (NilaiPembanding("Indeks Pembangunan Manusia", 2023, "nasional", Nilai(74.39), "BPS"),)
    assert cari_pembanding(daftar, "indeks  pembangunan manusia", 2023) == daftar[0]
    assert cari_pembanding(daftar, "Indeks Pembangunan Manusia", 2022) is None
    assert cari_pembanding(daftar, "Indeks Pembangunan Manusia", 2023, "provinsi") is None


def test_sample_data_punya_angka_nasional(kumpulan_sampel: Kumpulan) -> None:
    kumpulan = kumpulan_sampel
    nasional = {
        (p.indikator, p.tahun): p.nilai.angka
        for p in kumpulan.pembanding
        if p.tingkat == "nasional"
    }
    assert {t: v for (n, t), v in nasional.items() if n == "Indeks Pembangunan Manusia"} == {
        2021: 72.29,
        2022: 72.91,
        2023: 74.39,
        2024: 75.02,
    }
    assert nasional[("Persentase Penduduk Miskin", 2024)] == 9.03
    assert nasional[("Tingkat Pengangguran Terbuka", 2024)] == 4.91
    assert len(kumpulan.pembanding) == 12
    assert {p.sumber for p in kumpulan.pembanding} == {"BPS"}
    assert not [p for p in kumpulan.masalah if p.kode.startswith("pembanding")]


def test_kolom_metode_mencatat_seri(tmp_path: Path) -> None:
    """Issue 21: the national IPM of the new BPS method typed with its method in an extra
    column, as a clerk would; rows without a method have no series."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Pembanding"
    judul = ("Indikator", "Tahun", "Tingkat", "Nilai", "Sumber", "Metode")
    rows = [
        ("Indeks Pembangunan Manusia", 2022, "Nasional", 72.91, "BPS", "Metode lama"),
        (
            "Indeks Pembangunan Manusia",
            2024,
            "Nasional",
            "75,02",
            "BPS",
            "metode baru (UHH LF SP2020)",
        ),
        ("Tingkat Pengangguran Terbuka", 2024, "Nasional", 4.91, "BPS", None),
    ]
    for r, row in enumerate([judul, *rows], start=3):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c, value)
    wb.save(tmp_path / "pembanding.xlsx")
    isi = baca_berkas(tmp_path / "pembanding.xlsx", PurePosixPath("pembanding.xlsx"))
    assert [(p.tahun, p.nilai.angka, p.seri) for p in isi.pembanding] == [
        (2022, 72.91, "lama"),
        (2024, 75.02, "baru"),
        (2024, 4.91, ""),
    ]
    assert isi.masalah == []
