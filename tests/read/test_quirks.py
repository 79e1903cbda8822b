"""Each quirk of real workbooks has a named fixture (tests/fixtures/, made by buat.py)."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from kinerja_report.check.reconcile import rekonsiliasi
from kinerja_report.compute.realisasi import realisasi_anggaran, realisasi_tahunan
from kinerja_report.model import EvaluasiRenja, IndikatorRenja, Polaritas
from kinerja_report.read.folder import IsiBerkas, baca_berkas
from tests.conftest import FIXTURES


def baca(name: str) -> IsiBerkas:
    isi = baca_berkas(FIXTURES / name, PurePosixPath(name))
    assert not isi.gagal, isi.masalah
    return isi


def satu(name: str) -> tuple[EvaluasiRenja, list[tuple[str, str]]]:
    isi = baca(name)
    (evaluasi,) = isi.evaluasi
    return evaluasi, [(p.kode, p.sel) for p in isi.masalah]


def kode(rows: tuple[IndikatorRenja, ...]) -> list[tuple[str, str]]:
    return [(row.kode, row.tingkat.value) for row in rows]


def test_kode_per_kolom_tipe_campur() -> None:
    evaluasi, _ = satu("kode-per-kolom.xlsx")
    assert kode(evaluasi.indikator) == [("1.20.03", "program"), ("1.20.03.53.04", "kegiatan")]


def test_kode_di_depan_nama_dan_x_xx() -> None:
    evaluasi, _ = satu("kode-di-depan-nama.xlsx")
    assert kode(evaluasi.indikator) == [
        ("X.XX.01", "program"),
        ("1.01.02.1.01.0001", "sub kegiatan"),
        ("", "kegiatan"),  # its name says so
    ]
    assert evaluasi.indikator[1].uraian == "Pembangunan USB (Unit Sekolah Baru)"


def test_kode_titik_akhir_dan_akhiran_dua_digit() -> None:
    evaluasi, _ = satu("kode-titik-akhir.xlsx")
    assert kode(evaluasi.indikator) == [
        ("1.06", "bidang urusan"),
        ("1.06.02.2.01.22", "sub kegiatan"),
    ]


def test_baris_lanjutan_dan_sasaran_gabung() -> None:
    evaluasi, problems = satu("baris-lanjutan.xlsx")
    rows = evaluasi.indikator
    assert [(r.baris, r.kode, r.indikator) for r in rows] == [
        (10, "1.06.02", "Persentase PMKS yang diberdayakan"),
        (11, "1.06.02", "Jumlah KPM yang didampingi"),
        (12, "1.06.02.2.01", "Jumlah KAT yang diberdayakan"),
        (13, "1.06.02.2.01", "Jumlah laporan pemberdayaan"),
    ]
    assert {r.sasaran for r in rows} == {"Meningkatnya kesejahteraan sosial"}
    assert realisasi_tahunan(rows[1]).angka == 190
    assert problems == []


def test_banner_ringkasan_narasi_tanda_tangan() -> None:
    evaluasi, problems = satu("banner-ringkasan-narasi.xlsx")
    assert (evaluasi.opd, evaluasi.tahun) == ("Dinas Sosial", 2023)
    assert [r.baris for r in evaluasi.indikator] == [10]  # banner row 9 names the OPD
    assert evaluasi.catatan == (
        "Faktor pendorong keberhasilan pencapaian: Dukungan pendamping sosial di setiap kecamatan.",
        "Tindak lanjut yang diperlukan dalam triwulan berikutnya: Pemutakhiran DTKS.",
    )
    assert problems == []


def test_baris_tersembunyi_dilaporkan() -> None:
    evaluasi, problems = satu("baris-tersembunyi.xlsx")
    assert [r.baris for r in evaluasi.indikator] == [10]
    assert problems == [("baris-tersembunyi", "A11")]


def test_angka_teks_indonesia() -> None:
    evaluasi, problems = satu("angka-teks-indonesia.xlsx")
    (row,) = evaluasi.indikator
    assert row.target.angka == 85.5
    assert row.target_rp.angka == 1_300_000_000
    assert [q.angka for q in row.triwulan] == [20.5, None, None, 12.5]
    assert [q.angka for q in row.triwulan_rp] == [800_000_000, 2240, None, None]
    assert realisasi_tahunan(row).angka == pytest.approx(33.0)
    assert problems == []


def test_rp_ribuan_dan_persen_pecahan() -> None:
    evaluasi, problems = satu("rp-ribuan-persen-pecahan.xlsx")
    (row,) = evaluasi.indikator
    assert row.target_rp.angka == 400_000_000
    assert realisasi_anggaran(row).angka == 380_000_000
    assert [q.angka for q in row.triwulan] == [20, 20, 20, 20]  # the % sub-column is not K
    assert problems == []


def test_galat_rumus_dan_rumus_tanpa_nilai() -> None:
    evaluasi, problems = satu("galat-rumus.xlsx")
    assert problems == [
        ("galat-rumus-tersimpan", "K10"),  # '#DIV/0!' in TW II: empty, with a warning
        ("galat-rumus-tersimpan", "Q10"),  # '#REF!' in column 13
        ("rumus-tanpa-nilai", "Q11"),  # '=M10+O10' never calculated: open and save
    ]
    assert realisasi_tahunan(evaluasi.indikator[0]).angka == 60


def test_teks_di_kolom_angka_baris_lain_tetap_dibaca() -> None:
    evaluasi, problems = satu("teks-di-kolom-angka.xlsx")
    assert problems == [("teks-di-kolom-angka", "K10"), ("teks-di-kolom-angka", "N10")]
    program, opini = evaluasi.indikator
    assert realisasi_tahunan(program).angka == 60
    assert (opini.target.teks, realisasi_tahunan(opini).teks) == ("WTP", "WTP")


def test_banyak_indikator_dalam_satu_sel() -> None:
    _, problems = satu("banyak-indikator-satu-sel.xlsx")
    assert problems == [("banyak-indikator-satu-sel", "E10")]


@pytest.mark.parametrize(
    ("name", "tahun"),
    [
        ("tahun-dari-folder/2022/evaluasi renja dinsos.xlsx", 2022),
        ("tahun-dari-nama-berkas/Eval Renja Dinsos 2021 (final).xlsx", 2021),
    ],
)
def test_tahun_dari_folder_lalu_nama_berkas(name: str, tahun: int) -> None:
    evaluasi, _ = satu(name)
    assert evaluasi.tahun == tahun


def test_rekonsiliasi_kolom_13_14_15() -> None:
    evaluasi, _ = satu("rekonsiliasi.xlsx")
    assert [(p.kode, p.sel) for p in rekonsiliasi(evaluasi)] == [
        ("realisasi-beda-kolom-13", "S11"),  # 20 x 4 = 80, the workbook says 75
        ("anggaran-beda-kolom-13", "T11"),  # 30 + 30 + 30 + 10 = 100, the workbook says 90
        ("capaian-beda-kolom-15", "V11"),  # 225 / 400 x 100 = 56,25, the workbook says 60
    ]


def test_header_varian_sederhana() -> None:
    evaluasi, problems = satu("header-sederhana.xlsx")
    assert (evaluasi.opd, evaluasi.tahun) == ("Dinas Sosial", 2023)
    (row,) = evaluasi.indikator
    assert (row.kode, row.uraian) == ("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL")
    assert [q.angka for q in row.triwulan] == [20, 20, 20, 20]
    assert row.target_rp.angka == 400_000_000
    assert row.realisasi_tahunan.angka == 80
    assert problems == []


def test_kode_nama_dan_pagu_digabung_ke_bawah() -> None:
    from kinerja_report.compute.report import anggaran
    from kinerja_report.compute.rules import AturanCapaian
    from kinerja_report.compute.table import baris_evaluasi

    evaluasi, problems = satu("sel-gabung-kode-dan-pagu.xlsx")
    assert [(r.kode, r.tingkat.value, r.uraian) for r in evaluasi.indikator] == [
        ("1.06.02", "program", "PROGRAM PEMBERDAYAAN SOSIAL")
    ] * 2
    rows, _ = baris_evaluasi(evaluasi, AturanCapaian())
    assert anggaran(rows).pagu == 400_000_000  # the merged pagu cell counts once
    assert problems == []


def test_rekonsiliasi_mengikuti_agregasi() -> None:
    from kinerja_report.compute.rules import Agregasi, AntarTahun
    from kinerja_report.compute.semantics import SifatIndikator

    evaluasi, _ = satu("rekonsiliasi.xlsx")
    sifat = SifatIndikator(
        Polaritas.POSITIF, Agregasi.AKHIR, "uji", "uji", AntarTahun.TERAKHIR, "uji"
    )
    akhir = rekonsiliasi(evaluasi, lambda _: sifat)
    # with 'akhir', column 13 should be TW IV (20), not 75 or 80: both rows are reported,
    # and 14 = 7 + 13 is not checked
    assert [(p.kode, p.sel) for p in akhir if p.kode.startswith("realisasi")] == [
        ("realisasi-beda-kolom-13", "S10"),
        ("realisasi-beda-kolom-13", "S11"),
    ]
