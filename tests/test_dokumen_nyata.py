"""Issue 'Documents from real workbooks': each real E.81 form alone in a folder, without
settings, gives documents a Bappeda could send: the right region, levels, totals, signatory
and period. The names of officials are read from the workbooks here, never written in tests."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from kinerja_report.pipeline import HasilBuild
from tests.conftest import bangun_nyata
from tests.pdf_teks import teks_pdf

DELI = "evaluasi_renja_tw4_bappedalitbang_deliserdang_2025.xlsx"
SUKABUMI = "evaluasi_hasil_renja_pd_bappeda_sukabumi_2018.xlsx"


def _build(real_workbooks: Path, tmp_path_factory: pytest.TempPathFactory, name: str) -> HasilBuild:
    """``name`` alone in a folder without settings, built once per session (shared)."""
    assert (real_workbooks / name).is_file()
    return bangun_nyata(tmp_path_factory, name).hasil


def _teks_pdf(path: Path) -> str:
    return " ".join(teks_pdf(path).replace("\u00a0", " ").split())


def _capaian(hasil: HasilBuild) -> list[dict[str, str]]:
    (path,) = [p for p in hasil.berkas_keluaran if p.name == "capaian.csv"]
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


def _pdf(hasil: HasilBuild, folder: str) -> list[Path]:
    return [p for p in hasil.berkas_keluaran if p.suffix == ".pdf" and p.parent.name == folder]


def test_deli_serdang_sendirian(
    real_workbooks: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    hasil = _build(real_workbooks, tmp_path_factory, DELI)
    assert hasil.berhasil
    rows = _capaian(hasil)
    assert Counter(r["tingkat"] for r in rows) == {
        "program": 5, "kegiatan": 17, "sub kegiatan": 62,
    }  # fmt: skip
    assert {r["tahun_akhir"] for r in rows} == {"2030"}  # 'Pada Tahun 2030', never 2026
    rates = [r for r in rows if r["satuan"] in {"%", "Nilai"} and r["realisasi_sd"]]
    assert len(rates) == 21  # 20 in %, 1 Nilai
    assert max(float(r["realisasi_sd"]) for r in rates) <= 100  # never 100 % + 100 %
    (evaluasi,) = _pdf(hasil, "evaluasi")
    (pk,) = _pdf(hasil, "perjanjian-kinerja")  # no Bupati's PK: no regency indicators
    workbook = openpyxl.load_workbook(real_workbooks / DELI, data_only=True)
    kepala = str(workbook.worksheets[0]["X123"].value).strip()
    workbook.close()
    ev_text = _teks_pdf(evaluasi)
    # the budget of columns 6, 7, 8 (= O113, the form's own total), each row's Rp figures
    assert "Jumlah anggaran (Rp) 19.869.930.990 11.959.663.305 14.723.660.349" in ev_text
    (lap,) = hasil.kumpulan.laporan
    assert lap.formulir is not None
    for row in lap.formulir.baris:
        for nilai in (row.target_renstra.rp, row.target.rp, row.realisasi.rp):
            if nilai.angka is not None:
                assert f"{round(nilai.angka):,}".replace(",", ".") in ev_text, row.indikator
    assert "13 = 9 + 10 + 11 + 12 14 = 7 + 13 15 = 14 / 6 × 100" in ev_text
    assert "Target Renstra PD pada Tahun 2030" in ev_text
    # Bappedalitbang evaluates itself: its head signs both blocks
    assert ev_text.count(kepala) == 2
    assert "Lubuk Pakam, Desember 2025" in ev_text
    for absent in ("capaian.csv", ".xlsx", "Realisasi TW IV!"):
        assert absent not in ev_text
    pk_text = _teks_pdf(pk)
    assert kepala in pk_text
    assert "NIP. 19660506 199203 1 004" in pk_text
    assert "Lubuk Pakam, 2 Januari 2025" in pk_text
    assert "Rp 14.723.660.349" in pk_text
    for path in (evaluasi, pk):
        text = _teks_pdf(path)
        assert "PEMERINTAH KABUPATEN DELI SERDANG" in text
        assert "KEPAHIANG" not in text.upper()
    codes = {p.kode for p in hasil.kumpulan.masalah}
    assert {"daerah-dari-workbook", "penandatangan-dari-formulir", "pk-tidak-dibuat"} <= codes
    assert {"kolom-14-menjumlahkan", "realisasi-bertentangan"} <= codes


def test_sukabumi_sendirian(real_workbooks: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    hasil = _build(real_workbooks, tmp_path_factory, SUKABUMI)
    assert hasil.berhasil
    rows = _capaian(hasil)
    assert len(rows) == 24
    assert [r["uraian"][:30] for r in rows if r["tingkat"] == "program"] == [
        "Program Pelayanan Administrasi",
        "Program Peningkatan Kapasitas ",
    ]
    assert all(r["satuan"] for r in rows)
    assert {r["sasaran"] for r in rows} == {"Meningkatnya kualitas perencanaan pembangunan daerah"}
    assert {r["tahun_akhir"] for r in rows} == {"2021"}  # 'Tahun 2016 s/d 2021'
    (evaluasi,) = _pdf(hasil, "evaluasi")
    (pk,) = _pdf(hasil, "perjanjian-kinerja")
    text = _teks_pdf(evaluasi)
    assert "Jumlah anggaran (Rp) 8.321.500.000 2.664.300.000 2.039.260.000" in text  # thousands
    # column 15 from the unrounded column 14, as the workbook (AC18..AC37) and capaian.csv:
    # 138,67 printed in 14, yet 15 = 138,666.../260 = 53,33, never 53,32 or 53,40
    assert "52 93.748.000 138,67 218.748.000 53,33 58,33" in text
    assert text.count("53,33") == 19
    assert "53,32" not in text
    assert "53,40" not in text
    assert "Faktor pendorong keberhasilan pencapaian : aparatur pelaksana kegiatan" in text
    assert "Tindak lanjut yang diperlukan dalam triwulan berikutnya : Tindak" in text  # blank
    assert "Dievaluasi KEPALA BAPPEDA KABUPATEN SUKABUMI" in text  # the form's is dots
    assert "(……………………………………………) NIP. ……" in text
    for path in (evaluasi, pk):
        text = _teks_pdf(path)
        assert "PEMERINTAH KABUPATEN SUKABUMI" in text
        assert "KEPAHIANG" not in text.upper()
    assert "Bupati Sukabumi" in _teks_pdf(pk)


@pytest.mark.parametrize("name", [DELI, SUKABUMI])
def test_tanpa_dokumen_kosong_untuk_ditandatangani(
    real_workbooks: Path, tmp_path_factory: pytest.TempPathFactory, name: str
) -> None:
    hasil = _build(real_workbooks, tmp_path_factory, name)
    for pk in hasil.kumpulan.perjanjian:
        assert pk.sasaran, pk.instansi
        assert all(group.indikator for group in pk.sasaran)


def test_halaman_tidak_diawali_baris_penutup(
    real_workbooks: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Deli Serdang's 84 rows over several pages: the header repeats on every page, and the
    page holding the footer rows and signatures also holds the last data rows."""
    hasil = _build(real_workbooks, tmp_path_factory, DELI)
    (evaluasi,) = _pdf(hasil, "evaluasi")
    reader = PdfReader(io.BytesIO(evaluasi.read_bytes()))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert len(pages) > 3
    subheader = " ".join(["K Rp"] * 11)
    assert all(subheader in page for page in pages)
    (last,) = [page for page in pages if "Jumlah anggaran (Rp)" in page]
    rows = last.split(subheader, 1)[1].split("Jumlah anggaran (Rp)", 1)[0]
    assert re.search(r"\b84\b", rows)  # the last data row (No 84) stands above the footer
    assert "Dievaluasi" in last
