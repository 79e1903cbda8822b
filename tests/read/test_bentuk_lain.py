"""Forms of other regencies (tests/fixtures/bentuk-lain, made by tests/fixtures/bentuk_lain.py)."""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

from click.testing import CliRunner

from kinerja_report.cli import main
from kinerja_report.pipeline import kumpulkan
from kinerja_report.read.folder import IsiBerkas, baca_berkas
from tests.conftest import FIXTURES

FOLDER = FIXTURES / "bentuk-lain"


def baca(name: str) -> IsiBerkas:
    isi = baca_berkas(FOLDER / name, PurePosixPath(name))
    assert not isi.gagal, isi.masalah
    return isi


def test_lembar_isian_dan_cetak_satu_sumber() -> None:
    isi = baca("isian-dan-cetak.xlsx")
    (evaluasi,) = isi.evaluasi
    assert (evaluasi.lembar, evaluasi.opd, evaluasi.tahun) == ("Isian", "Dinas Pertanian", 2024)
    assert [row.target_rp.angka for row in evaluasi.indikator] == [850e6, 300e6, 150e6]
    found = [(p.kode, p.lembar, p.sel) for p in isi.masalah]
    assert ("lembar-ganda-dibandingkan", "Cetak", "") in found
    assert ("lembar-ganda-berbeda", "Cetak", "H11") in found
    assert next(p for p in isi.masalah if p.kode == "lembar-ganda-berbeda").pesan == (
        "Nilai target (Rp) indikator 'Jumlah benih unggul yang disalurkan' di sini "
        "150.000.000, di lembar isian 'Isian' 300.000.000; yang dipakai nilai lembar isian"
    )
    assert len([p for p in isi.masalah if p.kode == "lembar-ganda-berbeda"]) == 1


def test_judul_kunci_nilai_kolom_pilihan_dan_kode_berakhiran_indikator() -> None:
    isi = baca("judul-kunci-nilai.xlsx")
    (evaluasi,) = isi.evaluasi
    assert (evaluasi.opd, evaluasi.tahun, evaluasi.triwulan) == ("Dinas Ketahanan Pangan", 2021, 1)
    assert evaluasi.program_judul == "Program Peningkatan Diversifikasi dan Ketahanan Pangan"
    assert [(r.kode, r.tingkat.value, r.uraian[:20]) for r in evaluasi.indikator] == [
        ("X.XX.02", "program", "Program Peningkatan "),
        ("X.XX.02", "program", "Program Peningkatan "),
        ("X.XX.02.2.01", "kegiatan", "Penyediaan dan Penya"),
        ("X.XX.02.2.01.0001", "sub kegiatan", "Penyediaan Cadangan "),
        ("X.XX.02.2.01.0001", "sub kegiatan", "Penyediaan Cadangan "),
    ]
    first = evaluasi.indikator[0]
    assert (first.target.angka, first.target_rp.angka, first.triwulan[0].angka) == (
        88.5,
        1_250_000_000,
        86.2,
    )
    assert first.triwulan_rp[0].angka == 180_000_000
    assert [r.polaritas for r in evaluasi.indikator[:2]] == ["naik (baik)", "turun (baik)"]
    assert [p.kode for p in isi.masalah] == []


def test_opd_dan_wilayah_satu_baris_tahun_dari_folder() -> None:
    isi = baca("2023/evaluasi renja dishub.xlsx")
    (evaluasi,) = isi.evaluasi
    assert (evaluasi.opd, evaluasi.tahun) == ("Dinas Perhubungan", 2023)
    assert evaluasi.wilayah is not None
    assert evaluasi.wilayah.nama == "Sukamaju"
    (problem,) = isi.masalah
    assert problem.kode == "tahun-dari-folder"
    assert problem.pesan == "Tahun tidak ada di judul lembar; dipakai tahun 2023 dari nama folder"


def test_sisa_templat_bukan_data_dan_satu_baris_ringkasan() -> None:
    isi = baca("sisa-templat.xlsx")
    (evaluasi,) = isi.evaluasi
    assert [row.kode for row in evaluasi.indikator] == ["2.17.03", "2.17.03.2.01"]
    assert [(p.kode, p.pesan) for p in isi.masalah] == [
        (
            "sisa-templat",
            "207 sel berisi galat rumus (#DIV/0!, #N/A, #REF!) di bawah baris data terakhir "
            "(baris 11): sisa templat, tidak dibaca",
        )
    ]


def test_lembar_kinerja_dan_keuangan_digabung_menurut_kode() -> None:
    isi = baca("isian-kinerja-keuangan.xlsx")
    (evaluasi,) = isi.evaluasi
    assert (evaluasi.lembar, evaluasi.opd, evaluasi.tahun, evaluasi.triwulan) == (
        "Isian Kinerja",
        "Dinas Kesehatan",
        2023,
        2,
    )
    assert [
        (r.kode, r.target_rp.angka, r.triwulan_rp[0].angka, r.triwulan_rp[1].angka)
        for r in evaluasi.indikator
    ] == [
        ("1.02.02", 3_400_000_000, 500_000_000, 800_000_000),
        ("1.02.02.2.01", 2_500_000_000, 350_000_000, 590_000_000),
        ("1.02.02.2.02", 900_000_000, 150_000_000, 210_000_000),
    ]
    codes = [(p.kode, p.lembar, p.sel) for p in isi.masalah]
    assert ("keuangan-opd-berbeda", "Isian Keuangan", "") in codes
    # the print view pairs row i with row i: its rupiah differ, at its cells
    assert [sel for kode, _, sel in codes if kode == "lembar-ganda-berbeda"] == [
        "F6", "H6", "J6", "F7", "H7", "J7", "F8", "H8", "J8",
    ]  # fmt: skip
    assert "opd-tahun-ganda" not in {kode for kode, _, _ in codes}


def test_tabel_realisasi_datar_dengan_lembar_anggaran() -> None:
    isi = baca("2024/realisasi dinas pendidikan.xlsx")
    (evaluasi,) = isi.evaluasi
    assert (evaluasi.opd, evaluasi.tahun, evaluasi.triwulan) == ("Dinas Pendidikan", 2024, 2)
    assert [
        (r.kode, r.tingkat.value, r.target.angka, r.target_rp.angka, r.triwulan[1].angka)
        for r in evaluasi.indikator
    ] == [
        ("1.01.02.2.01.0003", "sub kegiatan", 24, 200_000_000, 9),
        ("1.01.02.2.01.0009", "sub kegiatan", 18, 3_000_000_000, 7),
        ("1.01.02.2.02.0002", "sub kegiatan", 3400, 2_520_000_000, 3400),
    ]
    assert [q.angka for q in evaluasi.indikator[1].triwulan_rp] == [0, 1_150_000_000, 0, 0]
    assert [p.kode for p in isi.masalah] == [
        "tahun-dari-folder",
        "opd-dari-nama-berkas",
        "triwulan-dari-isi",
    ]


def test_semua_bentuk_dalam_satu_folder(tmp_path: Path) -> None:
    """Every shape in one input folder: each gives its OPD-year report (the quarter the form
    says), none is refused as a duplicate, and 'kinerja check' says in one line per workbook
    what was read from which sheet."""
    masukan = tmp_path / "masukan"
    shutil.copytree(FOLDER, masukan)
    kumpulan = kumpulkan(masukan)
    found = [
        (lap.opd, lap.tahun, lap.lembar, lap.formulir and lap.formulir.triwulan)
        for lap in kumpulan.laporan
    ]
    assert sorted(found) == [
        ("Dinas Kesehatan", 2023, "Isian Kinerja", 2),
        ("Dinas Ketahanan Pangan", 2021, "Form Evaluasi", 1),
        ("Dinas Koperasi dan UKM", 2022, "Evaluasi Renja", 4),
        ("Dinas Pendidikan", 2024, "Realisasi", 2),
        ("Dinas Perhubungan", 2023, "Evaluasi Renja", 4),
        ("Dinas Perikanan", 2024, "TW II", 2),
        ("Dinas Pertanian", 2024, "Isian", 4),
    ]
    assert "opd-tahun-ganda" not in {p.kode for p in kumpulan.masalah}
    result = CliRunner().invoke(main, ["check", str(masukan)])
    lines = result.stdout.splitlines()
    assert (
        "isian-kinerja-keuangan.xlsx: formulir E.81 dari lembar 'Isian Kinerja' (Dinas "
        "Kesehatan, tahun 2023, s.d. Triwulan II, 3 baris indikator); anggaran 3 kode dari "
        "lembar 'Isian Keuangan'; lembar 'cetak Laporan' hanya dibandingkan"
    ) in lines
    assert (
        "judul-kunci-nilai.xlsx: formulir E.81 dari lembar 'Form Evaluasi' (Dinas Ketahanan "
        "Pangan, tahun 2021, s.d. Triwulan I, 5 baris indikator)"
    ) in lines
    assert len([line for line in lines if ".xlsx: " in line]) == 7


def test_salinan_per_triwulan_yang_terakhir_dibaca() -> None:
    isi = baca("salinan-per-triwulan.xlsx")
    (evaluasi,) = isi.evaluasi
    assert (evaluasi.lembar, evaluasi.opd, evaluasi.tahun, evaluasi.triwulan) == (
        "TW II",
        "Dinas Perikanan",
        2024,
        2,
    )
    assert [(p.kode, p.lembar) for p in isi.masalah] == [("lembar-ganda-dibandingkan", "TW I")]
    assert "0 nilai berbeda" in isi.masalah[0].pesan
