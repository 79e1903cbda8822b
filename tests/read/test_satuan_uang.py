"""The money unit stated once for the whole table (issue 21: budgets 1000x too small)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import openpyxl
import pytest

from kinerja_report.pipeline import kumpulkan
from kinerja_report.read.folder import baca_berkas
from kinerja_report.read.header import skala_catatan
from tests.fixtures.formulir import STANDAR, TARGET, tulis_formulir

JUDUL = [
    "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH",
    "Perangkat Daerah : Dinas Sosial",
    "Tahun 2023",
]
BARIS = [
    {
        "kode": "1.06.02",
        "uraian": "PROGRAM PEMBERDAYAAN SOSIAL",
        "indikator": "Persentase PMKS yang diberdayakan",
        "satuan": "persen",
        "t": 80,
        "t_rp": 400_000,  # thousands: Rp 400.000.000
        "tw4": 80,
        "tw4_rp": 350_000,
        "r": 80,
        "r_rp": 350_000,
    }
]


def _pagu(path: Path) -> tuple[float | None, list[tuple[str, str]]]:
    isi = baca_berkas(path, PurePosixPath(path.name))
    (evaluasi,) = isi.evaluasi
    (row,) = evaluasi.indikator
    return row.target_rp.angka, [(p.kode, p.sel) for p in isi.masalah]


@pytest.mark.parametrize(
    ("teks", "skala"),
    [
        ("(Rp 000)", 1_000.0),
        ("(Rp. 000)", 1_000.0),
        ("Anggaran dalam ribuan rupiah", 1_000.0),
        ("dalam Rp ribuan", 1_000.0),
        ("(dalam jutaan rupiah)", 1_000_000.0),
        ("Rp. (000.000)", 1_000_000.0),
        ("Tahun 2025", None),
        ("Rp.  800.000.000,-", None),
        ("15 = 14 / 6 x 100", None),
    ],
)
def test_skala_catatan(teks: str, skala: float | None) -> None:
    assert skala_catatan(teks) == skala


def test_catatan_di_atas_tabel_saja(tmp_path: Path) -> None:
    """The clerk's form: sub-headers 'Rp', the only sign of thousands a note above the
    table."""
    path = tulis_formulir(tmp_path / "ribuan-catatan.xlsx", [*JUDUL, "(Rp 000)"], BARIS)
    pagu, problems = _pagu(path)
    assert pagu == 400_000_000
    assert ("satuan-uang-dari-catatan", "A4") in problems


def test_catatan_di_judul_dan_di_header(tmp_path: Path) -> None:
    judul = [*JUDUL[:2], "Tahun 2023 (dalam ribuan rupiah)"]
    pagu, _ = _pagu(tulis_formulir(tmp_path / "judul.xlsx", judul, BARIS))
    assert pagu == 400_000_000
    kolom = [
        (key, (f"{TARGET} (Rp ribuan)", "Rp") if key == "t_rp" else path) for key, path in STANDAR
    ]
    pagu, _ = _pagu(tulis_formulir(tmp_path / "header.xlsx", JUDUL, BARIS, kolom))
    assert pagu == 400_000_000


def test_catatan_di_bawah_header(tmp_path: Path) -> None:
    rows = [{"uraian": "Anggaran dalam ribuan rupiah"}, *BARIS]
    pagu, _ = _pagu(tulis_formulir(tmp_path / "bawah.xlsx", JUDUL, rows))
    assert pagu == 400_000_000


def test_catatan_bertentangan(tmp_path: Path) -> None:
    judul = [*JUDUL, "(Rp 000)", "Anggaran dalam jutaan rupiah"]
    pagu, problems = _pagu(tulis_formulir(tmp_path / "ragu.xlsx", judul, BARIS))
    assert pagu == 400_000  # nothing applied
    assert ("satuan-uang-ragu", "A4") in problems


def test_tanpa_catatan_tetap_rupiah(tmp_path: Path) -> None:
    pagu, problems = _pagu(tulis_formulir(tmp_path / "rupiah.xlsx", JUDUL, BARIS))
    assert pagu == 400_000
    assert not [p for p in problems if p[0].startswith("satuan-uang")]


UANG_DELI = ("K", "M", "O", "R", "U", "X", "AA", "AC", "AE")
"""Deli Serdang's money columns (columns 6 to 14, Rp); AG (column 15, Rp) is a percentage."""


def _deli_ribuan(real_workbooks: Path, tujuan: Path) -> Path:
    """The real Deli Serdang form as a clerk working in thousands would send it: every money
    cell divided by 1000 and rounded, the sub-headers still 'Rp.', and the only sign of it a
    note '(Rp 000)' above the table. The original is never modified."""
    workbook = openpyxl.load_workbook(
        real_workbooks / "evaluasi_renja_tw4_bappedalitbang_deliserdang_2025.xlsx",
        data_only=True,
    )
    ws = workbook.worksheets[0]
    for kolom in UANG_DELI:
        for baris in range(10, 114):
            cell = ws[f"{kolom}{baris}"]
            if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                cell.value = round(cell.value / 1000)
    assert ws["A4"].value is None
    ws["A4"] = "(Rp 000)"
    tujuan.mkdir()
    path = tujuan / "evaluasi_renja_deliserdang_ribuan.xlsx"
    workbook.save(path)
    workbook.close()
    return path


def test_deli_serdang_dalam_ribuan(real_workbooks: Path, tmp_path: Path) -> None:
    path = _deli_ribuan(real_workbooks, tmp_path / "masukan")
    kumpulan = kumpulkan(path.parent)
    (pk,) = kumpulan.perjanjian
    assert abs(pk.total_anggaran - 14_723_660_000) <= 1000 * len(pk.program)
    assert pk.total_anggaran > 14_000_000_000
    codes = {(p.kode, p.sel) for p in kumpulan.masalah}
    assert ("satuan-uang-dari-catatan", "A4") in codes
    assert not [p for p in kumpulan.masalah if p.kode == "anggaran-terlalu-kecil"]


@pytest.mark.parametrize("sub", ["Rp (000)", "Rp x 1000", "Rp ribuan", "Rp. 000"])
def test_sub_header_dan_catatan_satu_aturan(tmp_path: Path, sub: str) -> None:
    """Issue 20: the thousands of a sub-header ('Rp (000)', formerly read by its own rule in
    read/header.py) and of a note over the table are one rule: the same texts scale alike."""
    assert skala_catatan(sub) == 1_000.0
    kolom = [(key, (TARGET, sub) if key == "t_rp" else path) for key, path in STANDAR]
    pagu, _ = _pagu(tulis_formulir(tmp_path / "sub.xlsx", JUDUL, BARIS, kolom))
    assert pagu == 400_000_000
    pagu, _ = _pagu(tulis_formulir(tmp_path / "catatan.xlsx", [*JUDUL, f"({sub})"], BARIS))
    assert pagu == 400_000_000
