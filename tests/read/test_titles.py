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
        ("KABUPATEN KEPAHIANG \u2013 TAHUN 2023", Wilayah("Kabupaten", "Kepahiang")),
        ("Dinas Tata Kota Kabupaten Bekasi", Wilayah("Kabupaten", "Bekasi")),
        ("Bagian Tata Kota dan Pertamanan", None),
        ("Kecamatan Kota Kepahiang", None),
        (
            "Pemerintah Kabupaten Bengkulu Utara - Dinas Pendidikan",
            Wilayah("Kabupaten", "Bengkulu Utara"),
        ),
        ("Kabupaten yang dievaluasi: Kepahiang", None),
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
        ("Target Renstra PD pada akhir periode (2026)", (None, 2026)),
        ("Target Renstra Tahun 2030, ditetapkan tahun 2025", (None, 2030)),
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


@pytest.mark.parametrize(
    ("name", "opd"),
    [
        ("evaluasi_hasil_renja_pd_bappeda_sukabumi_2018.xlsx", "Bappeda Sukabumi"),
        ("Eval Renja Bappeda 2018 (1).xlsx", "BAPPEDA"),
        ("Salinan dari evaluasi renja bappeda.xlsx", "BAPPEDA"),
        ("Laporan E.81 Bappeda \u2013 Final 2018 \u2713.xlsx", "BAPPEDA"),
        ("2023 TW4 (final).xlsx", ""),
    ],
)
def test_opd_dari_nama_berkas(name: str, opd: str) -> None:
    """The last resort drops the usual words, numbers and signs (new-user trial: 'Eval
    Bappeda 1', 'Dari Bappeda', 'E 81 Bappeda – ✓' reached the letterhead)."""
    from pathlib import PurePath

    from kinerja_report.read.titles import opd_dari_nama_berkas

    assert opd_dari_nama_berkas(PurePath(name)) == opd
