"""The signature block at the foot of a form (read/tanda_tangan.py)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import openpyxl

from kinerja_report.read.folder import baca_berkas
from tests.conftest import FIXTURES

DELI = "evaluasi_renja_tw4_bappedalitbang_deliserdang_2025.xlsx"
SUKABUMI = "evaluasi_hasil_renja_pd_bappeda_sukabumi_2018.xlsx"


def test_blok_disusun_dipilih_dari_dua_blok() -> None:
    name = "blok-tanda-tangan.xlsx"
    (evaluasi,) = baca_berkas(FIXTURES / name, PurePosixPath(name)).evaluasi
    blok = evaluasi.tanda_tangan
    assert blok is not None
    signer = blok.penandatangan
    assert (signer.nama, signer.nip, signer.pangkat) == (
        "Drs. Kepala Fiktif, M.Si",
        "19700101 199501 1 001",
        "Pembina, IV/a",
    )
    assert signer.jabatan == "Plt. KEPALA DINAS SOSIAL KABUPATEN KEPAHIANG"
    assert (blok.tempat, blok.tanggal, blok.sumber.sel) == (
        "Bukit Contoh",
        "10 Januari 2024",
        "Z20",
    )
    assert (signer.tahun, signer.perangkat_daerah) == (2023, "Dinas Sosial")


def test_deli_serdang_kepala_badan(real_workbooks: Path) -> None:
    (evaluasi,) = baca_berkas(real_workbooks / DELI, PurePosixPath(DELI)).evaluasi
    blok = evaluasi.tanda_tangan
    assert blok is not None
    sheet = openpyxl.load_workbook(real_workbooks / DELI, read_only=True).worksheets[0]
    nama = next(
        sheet.iter_rows(min_row=123, max_row=123, min_col=24, max_col=24, values_only=True)
    )[0]
    assert blok.penandatangan.nama == str(nama).strip()  # X123, not copied into our code
    assert blok.penandatangan.nip == "19660506 199203 1 004"
    assert blok.penandatangan.jabatan.startswith("KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH,")
    assert blok.penandatangan.jabatan.endswith("KABUPATEN DELI SERDANG")
    assert (blok.tempat, blok.tanggal, blok.sumber.sel) == ("Lubuk Pakam", "Desember 2025", "X123")


def test_sukabumi_blok_kosong_bukan_penandatangan(real_workbooks: Path) -> None:
    """'KEPALA ……', '(………)': an unfilled form names nobody."""
    (evaluasi,) = baca_berkas(real_workbooks / SUKABUMI, PurePosixPath(SUKABUMI)).evaluasi
    assert evaluasi.tanda_tangan is None
