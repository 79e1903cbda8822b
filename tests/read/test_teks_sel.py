"""Cell text as the clerk meant it: OOXML escapes decoded, control and bidi characters gone
before anything reaches the model (and so the PDFs, the .docx and the CSVs)."""

from __future__ import annotations

import copy
from pathlib import Path, PurePosixPath

import pytest

from kinerja_report.read.folder import baca_berkas
from kinerja_report.read.normalize import teks_sel
from tests.builders import BARIS_CONTOH, buat_evaluasi


@pytest.mark.parametrize(
    ("mentah", "bersih"),
    [
        ("Jumlah_x0001_ dokumen", "Jumlah dokumen"),
        ("baris_x000D_\nbaru", "baris\r\nbaru"),  # tab and line breaks stay
        ("kolom\tK", "kolom\tK"),
        ("_x005F_x0001_", "_x0001_"),  # an escaped '_': the literal text
        ("a\x1b[31mb", "a[31mb"),
        ("Dinas \u202eSosial\u202c", "Dinas Sosial"),
        ("\u2066Bappeda\u2069 \u202a\u202b\u202d\u2067\u2068", "Bappeda "),
        ("_xD800_ganjil", "ganjil"),  # a lone surrogate
        ("\u0627\u200f\u0628", "\u0627\u200f\u0628"),  # a right-to-left mark is kept
    ],
)
def test_teks_sel(mentah: str, bersih: str) -> None:
    assert teks_sel(mentah) == bersih


def test_escape_dan_bidi_tidak_sampai_ke_model(tmp_path: Path) -> None:
    baris = copy.deepcopy(BARIS_CONTOH)
    baris[0][3] = "PROGRAM PERENCANAAN_x0007_ PEMBANGUNAN DAERAH"
    baris[0][4] = "Persentase dokumen \u202etepat waktu\u202c"
    baris[1][4] = "Jumlah forum_x001B_ konsultasi publik"
    path = buat_evaluasi(tmp_path / "bappeda.xlsx", "Bappeda\u202e", 2023, baris)
    isi = baca_berkas(path, PurePosixPath("bappeda.xlsx"))
    (evaluasi,) = isi.evaluasi
    assert evaluasi.opd == "Bappeda"
    pertama, kedua = evaluasi.indikator[:2]
    assert pertama.uraian == "PROGRAM PERENCANAAN PEMBANGUNAN DAERAH"
    assert pertama.indikator == "Persentase dokumen tepat waktu"
    assert kedua.indikator == "Jumlah forum konsultasi publik"
