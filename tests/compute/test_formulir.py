"""Form E.81 as the evaluation report prints it (kinerja_report.compute.formulir)."""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

import pytest

from kinerja_report.compute.formulir import baca_narasi, desimal_isian, kepala_bappeda
from kinerja_report.compute.progress import TIDAK_DINILAI
from kinerja_report.model import Penandatangan
from kinerja_report.pipeline import kumpulkan
from kinerja_report.read.folder import baca_berkas
from kinerja_report.read.titles import triwulan_dari_teks
from kinerja_report.write.csv_files import csv_capaian
from tests.conftest import FIXTURES


@pytest.mark.parametrize(
    ("value", "places"),
    [
        (92.5, 1),
        (93.0, 0),
        (1.86, 2),
        (15.625, 3),
        (1.6666666666666667, 2),
        (0.7999999999999998, 2),
    ],
)
def test_desimal_seperti_diisi(value: float, places: int) -> None:
    assert desimal_isian(value) == places


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Periode Pelaksanaan : Triwulan II Tahun 2023"], 2),
        (["Periode Pelaksanaan : Triwulan I s.d. IV Tahun 2023"], 4),
        (["Realisasi TW IV"], 4),
        (["Evaluasi Renja TW-3 2024"], 3),
        (["Triwulan I s/d III"], 3),
        (["Evaluasi Tahun 2023", "Twitter"], None),
    ],
)
def test_triwulan_dari_judul_atau_lembar(texts: list[str], expected: int | None) -> None:
    assert triwulan_dari_teks(texts) == expected


def test_narasi_sukabumi() -> None:
    narasi = baca_narasi(
        [
            "Faktor pendorong keberhasilan pencapaian kinerja : aparatur pelaksana kegiatan",
            "Faktor penghambat pencapaian kinerja : proses administrasi pengadaan",
            "Tindak lanjut yang diperlukan dalam triwulan berikutnya*): ",
            "Tindak lanjut yang diperlukan dalam Renja berikutnya**): ",
        ]
    )
    assert narasi.faktor_pendorong == "aparatur pelaksana kegiatan"
    assert narasi.faktor_penghambat == "proses administrasi pengadaan"
    assert narasi.tindak_lanjut_triwulan == ""
    assert narasi.tindak_lanjut_renja == ""


def _triwulan_dua(tmp_path: Path) -> Path:
    shutil.copy(FIXTURES / "triwulan-dua.xlsx", tmp_path)
    return tmp_path


def test_formulir_triwulan_dua(tmp_path: Path) -> None:
    """A TW II form: scored against the year's target 's.d. triwulan II', later quarters
    empty, no status toward the end of the period from half a year."""
    kumpulan = kumpulkan(_triwulan_dua(tmp_path))
    (lap,) = kumpulan.laporan
    assert lap.formulir is not None
    assert lap.formulir.triwulan == 2
    assert lap.formulir.sebagian
    program, kat = lap.formulir.baris
    assert [q.k.angka for q in program.triwulan] == [20, 45, None, None]
    assert program.realisasi.k.angka == 65  # 20 + 45, never the dashes of TW III, IV
    assert program.capaian.k == pytest.approx(81.25)  # 65 / 80 (the year's target)
    assert program.capaian.rp == pytest.approx(30.0)  # 120.000.000 / 400.000.000
    # a rate: column 14 is the latest value, not 70 + 65
    assert program.realisasi_renstra.k.angka == 65
    # a count: 14 = 7 + 13, with the decimals entered; Rp 14 = 7 + 13
    assert kat.realisasi.k.angka == 15.5
    assert kat.realisasi_renstra.k.angka == 135.5
    assert kat.realisasi_renstra.rp.angka == 350_000_000
    assert kat.capaian_renstra.k == pytest.approx(135.5 / 200 * 100)
    assert all(row.triwulan == 2 and row.kemajuan == TIDAK_DINILAI for row in lap.baris)
    header, *rows = csv_capaian(lap.baris).decode().splitlines()
    column = header.split(",").index("sampai_triwulan")
    assert {row.split(",")[column] for row in rows} == {"2"}


def test_html_triwulan_dua(tmp_path: Path) -> None:
    from kinerja_report.pipeline import tugas_evaluasi

    kumpulan = kumpulkan(_triwulan_dua(tmp_path))
    (tugas,) = tugas_evaluasi(kumpulan.laporan, kumpulan.pengaturan)
    assert "Triwulan I s.d. II Tahun 2023 (evaluasi triwulan, bukan hasil setahun)" in tugas.html
    assert "13 = 9 + 10</th>" in tugas.html
    assert "Renja PD yang Dievaluasi s.d. Triwulan II" in tugas.html


def test_strip_dibaca_sebagai_strip() -> None:
    name = "triwulan-dua.xlsx"
    (evaluasi,) = baca_berkas(FIXTURES / name, PurePosixPath(name)).evaluasi
    program = evaluasi.indikator[0]
    assert program.triwulan[2].strip
    assert program.triwulan[2].angka is None
    assert not program.triwulan_rp[2].strip  # an empty cell stays empty


def test_kepala_bappeda_dari_daftar_lalu_formulir() -> None:
    name = "blok-tanda-tangan.xlsx"
    (evaluasi,) = baca_berkas(FIXTURES / name, PurePosixPath(name)).evaluasi
    # the form's 'Dievaluasi' block
    evaluator = kepala_bappeda(evaluasi, [])
    assert evaluator is not None
    assert evaluator.nama == "Ir. Evaluator Fiktif"
    # the list wins: that year's head of Bappeda, else one without a year
    daftar = [
        Penandatangan(2022, "Bappeda", "Kepala Bappeda", "Nama Lain"),
        Penandatangan(None, "Badan Perencanaan Pembangunan Daerah", "Kepala Badan", "Tanpa Tahun"),
        Penandatangan(2023, "Dinas Sosial", "Kepala Dinas Sosial", "Bukan Evaluator"),
    ]
    evaluator = kepala_bappeda(evaluasi, daftar)
    assert evaluator is not None
    assert evaluator.nama == "Tanpa Tahun"


def test_tanpa_penandatangan_titik_titik(tmp_path: Path) -> None:
    kumpulan = kumpulkan(_triwulan_dua(tmp_path))
    (lap,) = kumpulan.laporan
    assert lap.formulir is not None
    assert lap.formulir.disusun.penandatangan is None
    assert lap.formulir.dievaluasi.penandatangan is None
    assert lap.formulir.dievaluasi.jabatan == "Kepala Bappeda Kabupaten Kepahiang"
