"""The title block and header texts: region, period, labelled lines (read/titles.py)."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from kinerja_report.model import Wilayah
from kinerja_report.read.folder import baca_berkas
from kinerja_report.read.titles import baris_berlabel, periode_dari_teks, wilayah_dari_teks
from tests.conftest import FIXTURES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kabupaten Deli Serdang ", Wilayah("Kabupaten", "Deli Serdang")),
        ("KABUPATEN KEPAHIANG", Wilayah("Kabupaten", "Kepahiang")),
        ("RPJMD KABUPATEN KEPAHIANG TAHUN 2021-2026", Wilayah("Kabupaten", "Kepahiang")),
        ("Pemerintah Kota Bengkulu", Wilayah("Kota", "Bengkulu")),
        ("Kab. Rejang Lebong, Provinsi Bengkulu", Wilayah("Kabupaten", "Rejang Lebong")),
        ("Sasaran pembangunan tahunan kabupaten/kota:", None),
        ("KEPALA BAPPEDA KABUPATEN/KOTA ……………….", None),
        ("Evaluasi Terhadap Hasil RKPD", None),
    ],
)
def test_wilayah_dari_teks(text: str, expected: Wilayah | None) -> None:
    assert wilayah_dari_teks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("target renstra perangkat daerah pada tahun 2030 (akhir periode renstra)", (None, 2030)),
        ("Target RPJMD pada\nTahun 2016 s/d 2021\n(Periode RPJMD)", (2016, 2021)),
        ("RPJMD KABUPATEN KEPAHIANG TAHUN 2021-2026", (2021, 2026)),
        ("Target Renstra (akhir periode)", (None, None)),
    ],
)
def test_periode_dari_teks(text: str, expected: tuple[int | None, int | None]) -> None:
    assert periode_dari_teks(text) == expected


def test_baris_berlabel() -> None:
    judul = ["Sasaran pembangunan tahunan kabupaten/kota:", "Sasaran: Meningkatnya kualitas",
             "Tujuan : Terwujudnya tata kelola"]  # fmt: skip
    assert baris_berlabel(judul) == {
        "sasaran": "Meningkatnya kualitas",
        "tujuan": "Terwujudnya tata kelola",
    }


def test_satuan_periode_sasaran_dan_kota_dari_formulir() -> None:
    name = "satuan-dan-periode-dari-judul.xlsx"
    (evaluasi,) = baca_berkas(FIXTURES / name, PurePosixPath(name)).evaluasi
    assert evaluasi.wilayah == Wilayah("Kota", "Bukit Contoh")
    assert (evaluasi.tahun_awal, evaluasi.tahun_akhir) == (2019, 2024)
    assert evaluasi.sumber_periode is not None
    assert evaluasi.sumber_periode.sel == "E8"
    assert [row.satuan for row in evaluasi.indikator] == ["persen", "keluarga"]
    assert [row.target_renstra.angka for row in evaluasi.indikator] == [80, 1000]
    assert {row.sasaran for row in evaluasi.indikator} == {"Meningkatnya kualitas layanan sosial"}
