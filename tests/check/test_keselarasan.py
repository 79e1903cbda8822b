"""Alignment checks of the cascading: each finding by code and cell, on the fixtures of
tests/fixtures/keselarasan/ (python -m tests.fixtures.buat) and on the sample data."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

from kinerja_report.cli import main
from kinerja_report.compute.pohon import PohonKinerja
from kinerja_report.pipeline import Kumpulan, kumpulkan
from kinerja_report.read.folder import baca_berkas
from kinerja_report.read.kaskade import tingkat_kaskade
from tests.conftest import FIXTURES, SAMPLE_DATA

FOLDER = FIXTURES / "keselarasan"
FORMULIR = "evaluasi-dinas-sosial-2023.xlsx"


@pytest.fixture(scope="module")
def kumpulan() -> Kumpulan:
    return kumpulkan(FOLDER)


def test_setiap_temuan_dengan_kode_dan_sel(kumpulan: Kumpulan) -> None:
    found = sorted(
        (p.kode, p.berkas, p.lembar, p.sel)
        for p in kumpulan.masalah
        if p.kode.startswith("keselarasan-")
    )
    assert found == sorted(
        [
            ("keselarasan-ikd-tanpa-program", "matriks-rpjmd.xlsx", "IKD", "F6"),
            ("keselarasan-sasaran-tanpa-induk", FORMULIR, "Evaluasi Renja", "B14"),
            ("keselarasan-indikator-sama-induk", FORMULIR, "Evaluasi Renja", "E12"),
            ("keselarasan-kegiatan-tanpa-output", FORMULIR, "Evaluasi Renja", "D11"),
            ("keselarasan-anggaran-tanpa-indikator", FORMULIR, "Evaluasi Renja", "H11"),
            ("keselarasan-program-tanpa-outcome", FORMULIR, "Evaluasi Renja", "D13"),
            ("keselarasan-target-kosong", FORMULIR, "Evaluasi Renja", "G14"),
            ("keselarasan-target-kosong", "cascading.xlsx", "Cascading", "G5"),
            ("keselarasan-tingkat-tidak-dikenal", "cascading.xlsx", "Cascading", "D4"),
            ("keselarasan-kode-tidak-dikenal", FORMULIR, "Evaluasi Renja", "D13"),
            ("keselarasan-kode-tidak-dikenal", FORMULIR, "Evaluasi Renja", "D14"),
        ]
    )


def test_pesan_menyebut_apa_yang_diperbaiki(kumpulan: Kumpulan) -> None:
    pesan = {p.kode: p.pesan for p in kumpulan.masalah if p.sel != "D14"}
    assert pesan["keselarasan-ikd-tanpa-program"].startswith(
        "Indikator kinerja daerah 'Angka kematian bayi' (sasaran 'Meningkatnya derajat "
        "kesehatan') tahun 2023 tidak didukung program perangkat daerah mana pun"
    )
    assert pesan["keselarasan-kode-tidak-dikenal"] == (
        "Kode 1.06.99 tidak ada di daftar nomenklatur Permendagri 90/2019 "
        "(nomenklatur-subkegiatan.csv); periksa kodenya"
    )


def _jalur(tree: PohonKinerja, uraian: str) -> list[tuple[str, str]]:
    (node,) = [n for n in tree.simpul if n.uraian == uraian]
    return [(p.tingkat, p.uraian) for p in reversed(tree.leluhur(node))] + [
        (node.tingkat, node.uraian)
    ]


def test_bentuk_pohon(kumpulan: Kumpulan) -> None:
    (tree,) = kumpulan.pohon
    assert tree.tahun == 2023
    assert _jalur(tree, "Sub Kegiatan Contoh") == [
        ("tujuan", "Meningkatkan kesejahteraan"),
        ("sasaran rpjmd", "Meningkatnya kesejahteraan sosial"),
        ("sasaran pd", "Meningkatnya pemberdayaan sosial"),
        ("program", "PROGRAM PEMBERDAYAAN SOSIAL"),
        ("kegiatan", "Kegiatan Tanpa Output"),
        ("sub kegiatan", "Sub Kegiatan Contoh"),
    ]
    (sasaran,) = [n for n in tree.simpul if n.uraian == "Meningkatnya pemberdayaan sosial"]
    # the cascading sheet's indicators and the form's unit, on one node
    assert [i.indikator for i in sasaran.indikator] == [
        "Persentase PMKS mandiri",
        "Jumlah KPM graduasi",
    ]
    (program,) = [n for n in tree.simpul if n.kode == "1.06.02"]
    assert (program.opd, program.unit, program.pagu) == (
        "Dinas Sosial",
        "Bidang Pemberdayaan Sosial",
        400_000_000,
    )
    assert program.indikator[0].capaian == 100.0
    assert program.indikator[0].kategori == "Sangat Tinggi"
    # the unlinked sasaran stands alone, a root of its own
    assert _jalur(tree, "Meningkatnya perlindungan sosial") == [
        ("sasaran pd", "Meningkatnya perlindungan sosial")
    ]


@pytest.mark.parametrize(
    ("teks", "tingkat"),
    [
        ("Sasaran RPJMD", "sasaran rpjmd"),
        ("sasaran daerah", "sasaran rpjmd"),
        ("Sasaran Perangkat Daerah", "sasaran pd"),
        ("Sasaran Strategis", "sasaran pd"),
        ("Sub-Kegiatan", "sub kegiatan"),
        ("SUBKEGIATAN", "sub kegiatan"),
        ("Kegiatan", "kegiatan"),
        ("Urusan", ""),
    ],
)
def test_tingkat_kaskade(teks: str, tingkat: str) -> None:
    assert tingkat_kaskade(teks) == tingkat


def test_bagan_iki_nyata_menjadi_pohon(real_workbooks: Path) -> None:
    from kinerja_report.compute.pohon import pohon_kaskade

    name = "cascade_iki_pk_biro_organisasi_jabar.xlsx"
    isi = baca_berkas(real_workbooks / name, PurePosixPath(name))
    (sheet,) = isi.kaskade
    assert len(sheet.tautan) == 202
    tree = pohon_kaskade([sheet])
    counts = {t: sum(1 for n in tree.simpul if n.tingkat == t) for t in ("jabatan", "tujuan")}
    assert len(tree.simpul) == 118
    assert counts == {"jabatan": 47, "tujuan": 3}
    assert sum(len(n.indikator) for n in tree.simpul) == 126
    (root,) = tree.akar
    assert root.uraian == "KEPALA BIRO ORGANISASI"
    assert [c.uraian for c in tree.anak(root) if c.tingkat == "jabatan"] == [
        "KEPALA BAGIAN KELEMBAGAAN",
        "KEPALA BAGIAN TATALAKSANA",
        "KEPALA BAGIAN PENGEMBANGAN PELAYANAN PUBLIK",
        "KEPALA BAGIAN PENGEMBANGAN KINERJA ORGANISASI",
    ]
    link = next(t for t in sheet.tautan if t.sumber_indikator and t.sumber_indikator.sel == "B24")
    assert (link.induk, link.uraian) == (
        "KEPALA BAGIAN KELEMBAGAAN",
        "Meningkatnya penyusunan rancangan kelembagaan organisasi Pemerintah Daerah",
    )
    assert link.indikator == (
        "Prosentase rancangan kelembagaan OPD di lingkungan Pemerintah Provinsi Jawa Barat"
    )
    assert (link.target.angka, link.satuan) == (100.0, "%")


def test_nomenklatur_nyata(real_workbooks: Path) -> None:
    from kinerja_report.read.nomenklatur import baca_nomenklatur_csv

    daftar = baca_nomenklatur_csv(real_workbooks / "ref_kegiatan_semicolon.csv", "k.csv")
    assert daftar is not None
    assert "1.01.02.2.01" in daftar.kode
    assert "1.01.02" in daftar.kode  # the programme of each kegiatan
    assert baca_nomenklatur_csv(real_workbooks / "README.md", "README.md") is None


def test_check_sample_data_melaporkan_ketidakselarasan_yang_disengaja() -> None:
    result = CliRunner().invoke(main, ["check", str(SAMPLE_DATA), "--json"])
    assert result.exit_code == 0, result.output
    found = {
        (p["kode"], p["berkas"], p["sel"])
        for p in json.loads(result.stdout)
        if p["kode"].startswith("keselarasan-")
    }
    assert (
        "keselarasan-sasaran-tanpa-induk",
        "2024/evaluasi-renja-dinas-sosial-2024.xlsx",
        "B19",
    ) in found
    assert (
        "keselarasan-ikd-tanpa-program",
        "rpjmd/matriks-ikd-rpjmd-2021-2026.xlsx",
        "N17",
    ) in found
    assert len(found) == 24
