"""Forms of other regencies (tests/fixtures/bentuk-lain, made by tests/fixtures/bentuk_lain.py)."""

from __future__ import annotations

from pathlib import PurePosixPath

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
