"""The whole pipeline on small folders built in the test: good, bad and duplicate workbooks."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kinerja_report.pipeline import build, kumpulkan
from tests.builders import BARIS_CONTOH, buat_evaluasi


def _baca_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_baris_lanjutan_dan_teks_angka(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "in" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    kumpulan = kumpulkan(tmp_path / "in")
    (laporan,) = kumpulan.laporan
    program, lanjutan, kegiatan = laporan.baris
    assert (laporan.opd, laporan.tahun) == ("Bappeda", 2023)
    # 20 + 30 + 25 + 20 = 95 of 100
    assert program.realisasi.angka == 95
    assert program.capaian.persen == pytest.approx(95.0)
    assert str(program.realisasi.sumber) == "bappeda.xlsx!Evaluasi Renja!Q10"
    # the continuation row takes the code and name of the row above
    assert (lanjutan.kode, lanjutan.uraian) == ("5.01.02", "PROGRAM PERENCANAAN PEMBANGUNAN DAERAH")
    assert lanjutan.capaian.persen == pytest.approx(100.0)
    # '-' + '1' + '0,5' + '-' = 1,5 of '2' -> 75 %, Rp '150.000.000' + '75.000.000'
    assert kegiatan.realisasi.angka == pytest.approx(1.5)
    assert kegiatan.capaian.persen == pytest.approx(75.0)
    assert kegiatan.kategori == "Sedang"
    assert kegiatan.realisasi_rp.angka == 225_000_000
    assert str(kegiatan.tingkat) == "kegiatan"
    assert laporan.anggaran.pagu == 500_000_000
    assert kumpulan.berkas_gagal == ()


def test_berkas_rusak_tidak_menghentikan_yang_lain(tmp_path: Path) -> None:
    masukan = tmp_path / "in"
    buat_evaluasi(masukan / "2023" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    (masukan / "2023" / "rusak.xlsx").write_text("bukan workbook", encoding="utf-8")
    hasil = build(masukan, tmp_path / "out", pekerja=1)
    assert not hasil.berhasil
    assert hasil.kumpulan.berkas_gagal == ("2023/rusak.xlsx",)
    rows = _baca_csv(tmp_path / "out" / "capaian.csv")
    assert len(rows) == 3
    assert {row["opd"] for row in rows} == {"Bappeda"}
    problems = _baca_csv(tmp_path / "out" / "masalah.csv")
    rusak = [p for p in problems if p["berkas"] == "2023/rusak.xlsx"]
    assert [p["kode"] for p in rusak] == ["bukan-excel"]
    assert (tmp_path / "out" / "2023" / "evaluasi" / "bappeda.pdf").is_file()


def test_opd_tahun_ganda_adalah_galat(tmp_path: Path) -> None:
    masukan = tmp_path / "in"
    buat_evaluasi(masukan / "a.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    buat_evaluasi(masukan / "b.xlsx", "BAPPEDA", 2023, BARIS_CONTOH)
    buat_evaluasi(masukan / "c.xlsx", "Dinas-Sosial", 2023, BARIS_CONTOH)
    buat_evaluasi(masukan / "d.xlsx", "Dinas Sosial", 2023, BARIS_CONTOH)
    kumpulan = kumpulkan(masukan)
    assert kumpulan.laporan == ()
    ganda = [(p.kode, p.berkas) for p in kumpulan.masalah if p.kode == "opd-tahun-ganda"]
    assert [berkas for _, berkas in ganda] == ["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx"]
    assert "b.xlsx" in next(p.pesan for p in kumpulan.masalah if p.berkas == "a.xlsx")
    # 'Dinas-Sosial' and 'Dinas Sosial' would write the same report file: the same OPD
    assert "d.xlsx" in next(p.pesan for p in kumpulan.masalah if p.berkas == "c.xlsx")
    assert kumpulan.berkas_gagal == ("a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx")


def test_baris_tersembunyi_dilaporkan_tidak_dibaca(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "x.xlsx", "Bappeda", 2023, BARIS_CONTOH, sembunyikan=[12])
    kumpulan = kumpulkan(tmp_path)
    assert len(kumpulan.laporan[0].baris) == 2
    hidden = [(p.kode, p.sel) for p in kumpulan.masalah if p.kode == "baris-tersembunyi"]
    assert hidden == [("baris-tersembunyi", "A12")]


def test_keluaran_di_dalam_masukan_tidak_dibaca_ulang(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "x.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    keluaran = tmp_path / "hasil"
    buat_evaluasi(keluaran / "lama.xlsx", "Dinas Lain", 2023, BARIS_CONTOH)
    hasil = build(tmp_path, keluaran, pekerja=1)
    assert [lap.opd for lap in hasil.kumpulan.laporan] == ["Bappeda"]


def test_formulir_saja_tanpa_dokumen_daerah(tmp_path: Path) -> None:
    """One OPD form and no RPJMD matrix: the OPD's own documents, LKjIP draft, pohon
    kinerja and index of LKE evidence; no regency summary, LKjIP or evaluation (no region, no
    numbers invented)."""
    buat_evaluasi(tmp_path / "in" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    hasil = build(tmp_path / "in", tmp_path / "out", pekerja=1)
    relatif = sorted(str(p.relative_to(tmp_path / "out")) for p in hasil.berkas_keluaran)
    assert relatif == [
        "2023/evaluasi/bappeda.pdf",
        "2023/evaluasi/bappeda.xlsx",
        "2023/lke/indeks-bukti.pdf",
        "2023/lke/indeks-bukti.xlsx",
        "2023/lkjip/bappeda.docx",
        "2023/perjanjian-kinerja/bappeda.pdf",
        "2023/pohon-kinerja/bappeda.pdf",
        "2023/verifikasi/bappeda.pdf",
        "capaian.csv",
        "manifest.json",
        "masalah.csv",
        "rekap.xlsx",
    ]
