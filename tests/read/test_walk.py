"""The user's folders are theirs: any file name is read and shown safely, any folder tree is
walked without recursion, other files are named once."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from click.testing import CliRunner

from kinerja_report.cli import main
from kinerja_report.pipeline import kumpulkan
from kinerja_report.read.walk import BATAS_KEDALAMAN
from tests.builders import BARIS_CONTOH, buat_evaluasi


def _kode(folder: Path) -> list[str]:
    return [p.kode for p in kumpulkan(folder).masalah if p.kode != "pengaturan-tidak-ada"]


def test_nama_berkas_bukan_utf8_dibaca_dan_ditampilkan_dengan_escape(tmp_path: Path) -> None:
    masukan = tmp_path / "in"
    buat_evaluasi(masukan / os.fsdecode(b"dinas-\xff\xfe.xlsx"), "Bappeda", 2023, BARIS_CONTOH)
    result = CliRunner().invoke(
        main, ["build", str(masukan), "--out", str(tmp_path / "out"), "--jobs", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "[nama-berkas-tidak-sah] dinas-\\xff\\xfe.xlsx: Nama berkas memuat byte" in (
        result.stderr
    )
    rows = list(csv.reader(io.StringIO((tmp_path / "out" / "masalah.csv").read_text("utf-8"))))
    assert ["peringatan", "nama-berkas-tidak-sah", "dinas-\\xff\\xfe.xlsx"] in [r[:3] for r in rows]
    sumber = (tmp_path / "out" / "capaian.csv").read_text("utf-8")
    assert "dinas-\\xff\\xfe.xlsx!Evaluasi Renja!Q10" in sumber


def test_escape_terminal_di_nama_berkas_tidak_sampai_ke_layar(tmp_path: Path) -> None:
    nama = "laporan\x1b[2J\x1b]0;judul\x07\u202etxt.xlsx"
    (tmp_path / nama).write_bytes(b"bukan workbook")
    terlihat = "laporan\\x1b[2J\\x1b]0;judul\\x07\\u202etxt.xlsx"
    for perintah in (["check", str(tmp_path)], ["check", str(tmp_path), "--json"]):
        result = CliRunner().invoke(main, perintah)
        assert result.exit_code == 1
        assert not any(ch in result.output for ch in "\x1b\x07\u202e"), result.output
    assert terlihat in result.stdout.replace("\\\\", "\\")  # JSON doubles the backslash
    build = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(tmp_path / "o")])
    assert build.exit_code == 1
    assert not any(ch in build.output for ch in "\x1b\x07\u202e"), build.output
    assert f"[bukan-excel] {terlihat}:" in build.stderr


def test_nama_opd_sangat_panjang_nama_pdf_tetap_pendek(tmp_path: Path) -> None:
    opd = "Dinas " + "Pemberdayaan Masyarakat dan Desa " * 9  # 300 characters
    buat_evaluasi(tmp_path / "in" / "a.xlsx", opd.strip(), 2023, BARIS_CONTOH)
    result = CliRunner().invoke(
        main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1"]
    )
    assert result.exit_code == 0, result.output
    (pdf,) = (tmp_path / "out" / "2023" / "evaluasi").glob("*.pdf")
    assert len(pdf.name.encode()) < 100
    assert pdf.with_suffix(".xlsx").is_file()  # the form as Excel, beside it
    assert pdf.name.startswith("dinas-pemberdayaan-masyarakat-dan-desa-pemberdayaan")


def test_dua_opd_beraksara_arab_tidak_dianggap_ganda(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "a.xlsx", "دائرة الصحة", 2023, BARIS_CONTOH)
    buat_evaluasi(tmp_path / "b.xlsx", "دائرة التعليم", 2023, BARIS_CONTOH)
    kumpulan = kumpulkan(tmp_path)
    assert "opd-tahun-ganda" not in [p.kode for p in kumpulan.masalah]
    assert sorted(lap.slug for lap in kumpulan.laporan) == ["di-rh-lshh", "di-rh-lt-lym"]


def test_nama_berbeda_dengan_slug_sama_mendapat_slug_berbeda(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "a.xlsx", "Dinas Dom", 2023, BARIS_CONTOH)
    buat_evaluasi(tmp_path / "b.xlsx", "Dinas Дом", 2023, BARIS_CONTOH)  # Cyrillic
    buat_evaluasi(tmp_path / "c.xlsx", "Dinas Дом", 2024, BARIS_CONTOH)
    kumpulan = kumpulkan(tmp_path)
    assert "opd-tahun-ganda" not in [p.kode for p in kumpulan.masalah]
    slugs = {(lap.opd, lap.tahun): lap.slug for lap in kumpulan.laporan}
    assert slugs[("Dinas Dom", 2023)] == "dinas-dom"
    assert slugs[("Dinas Дом", 2023)] == slugs[("Dinas Дом", 2024)] != "dinas-dom"
    assert slugs[("Dinas Дом", 2023)].startswith("dinas-dom-")


def test_nama_sama_setelah_normalisasi_tetap_ganda(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "a.xlsx", "Dinas Sosial", 2023, BARIS_CONTOH)
    buat_evaluasi(tmp_path / "b.xlsx", "DINAS-SOSIAL", 2023, BARIS_CONTOH)
    assert _kode(tmp_path).count("opd-tahun-ganda") == 2


def _folder_dalam(root: Path, depth: int) -> Path:
    """``depth`` nested folders 'd' without recursion (os.makedirs recurses)."""
    path = root
    for _ in range(depth):
        path = path / "d"
        path.mkdir()
    return path


def _hapus_dalam(root: Path, depth: int) -> None:
    for level in range(depth, 0, -1):
        folder = root.joinpath(*["d"] * level)
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()


def test_folder_1500_tingkat_tanpa_recursion_error(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    bawah = _folder_dalam(tmp_path, 1500)
    (bawah / "x.xlsx").write_bytes(b"")
    try:
        problems = [p for p in kumpulkan(tmp_path).masalah if p.kode == "folder-terlalu-dalam"]
    finally:
        _hapus_dalam(tmp_path, 1500)
    assert [(p.berkas, p.pesan) for p in problems] == [
        (
            "/".join(["d"] * (BATAS_KEDALAMAN + 1)),
            "Folder ini lebih dari 32 tingkat di bawah folder masukan; isinya tidak dibaca "
            "(pindahkan workbook ke folder yang lebih dangkal)",
        )
    ]


def test_berkas_lain_disebut_sekali_sebagai_info(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "2023" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    (tmp_path / "2023" / "data.csv").write_text("a;b\n", encoding="utf-8")
    (tmp_path / "catatan.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / ".DS_Store").write_bytes(b"")
    (tmp_path / "2023" / "~$bappeda.xlsx").write_bytes(b"")
    (tmp_path / "pengaturan.toml").write_text("", encoding="utf-8")
    problems = [p for p in kumpulkan(tmp_path).masalah if p.kode == "berkas-bukan-workbook"]
    assert [(p.tingkat.value, p.pesan) for p in problems] == [
        ("info", "2 berkas bukan workbook dilewati: 2023/data.csv, catatan.pdf")
    ]


def test_tanpa_workbook_pesan_menyebut_yang_ada(tmp_path: Path) -> None:
    (tmp_path / "capaian-2023.csv").write_text("a;b\n", encoding="utf-8")
    (problem,) = [p for p in kumpulkan(tmp_path).masalah if p.kode == "tidak-ada-workbook"]
    assert problem.pesan == (
        "Tidak ada workbook (.xlsx, .xlsm, .xls) di folder masukan; yang ada: "
        "capaian-2023.csv; simpan data sebagai .xlsx"
    )
    kosong = tmp_path / "kosong"
    kosong.mkdir()
    (problem,) = [p for p in kumpulkan(kosong).masalah if p.kode == "tidak-ada-workbook"]
    assert problem.pesan.endswith("; periksa nama folder")


def test_folder_tidak_terbaca_dilaporkan(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    tertutup = tmp_path / "rahasia"
    tertutup.mkdir()
    tertutup.chmod(0)
    try:
        if os.access(tertutup, os.R_OK):  # root reads anything: nothing to report
            return
        assert "folder-tidak-terbaca" in _kode(tmp_path)
    finally:
        tertutup.chmod(0o700)
