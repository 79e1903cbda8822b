"""The evaluation report: content through the HTML and the PDF text; workbook text escaped."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from kinerja_report.pipeline import build
from tests.builders import BARIS_CONTOH, buat_evaluasi

JAHAT = '<img src="file:///etc/passwd"> <link rel="attachment" href="file:///etc/hostname">'


def test_teks_workbook_tidak_menjadi_html(tmp_path: Path) -> None:
    rows = [list(row) for row in BARIS_CONTOH]
    rows[0][4] = JAHAT
    buat_evaluasi(tmp_path / "in" / "x.xlsx", "Dinas <script>alert(1)</script>", 2023, rows)
    hasil = build(tmp_path / "in", tmp_path / "out")
    (pdf_path,) = [p for p in hasil.berkas_keluaran if p.parent.name == "evaluasi"]
    reader = PdfReader(io.BytesIO(pdf_path.read_bytes()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert '<img src="file:///etc/passwd">' in text  # shown as text, not loaded
    assert "Dinas <script>alert(1)</script> Tahun 2023 Halaman 1 dari 1" in text  # footer too
    assert "&lt;" not in text
    assert reader.attachments == {}
    assert b"root:x:0:0" not in pdf_path.read_bytes()


def test_isi_laporan_evaluasi(tmp_path: Path) -> None:
    buat_evaluasi(
        tmp_path / "in" / "x.xlsx", "Badan Perencanaan Pembangunan Daerah", 2023, BARIS_CONTOH
    )
    hasil = build(tmp_path / "in", tmp_path / "out")
    pdf = tmp_path / "out" / "2023" / "evaluasi" / "badan-perencanaan-pembangunan-daerah.pdf"
    assert pdf in hasil.berkas_keluaran
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for expected in (
        "BADAN PERENCANAAN PEMBANGUNAN DAERAH",
        "TAHUN 2023",
        "Persentase dokumen perencanaan tepat waktu",
        "95,00 %",
        "75,00 %",
        "Rp 500.000.000",
        "Rata-rata capaian kinerja",
        "90,00 % (Tinggi)",
    ):
        assert expected in text, expected
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width) / 72 * 25.4), round(float(height) / 72 * 25.4)) == (330, 215)
