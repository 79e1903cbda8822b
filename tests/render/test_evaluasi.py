"""The evaluation report: content through the HTML and the PDF text; workbook text escaped."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pypdf import PdfReader

from kinerja_report.pipeline import build
from tests.builders import BARIS_CONTOH, buat_evaluasi
from tests.pdf_teks import teks_pdf

JAHAT = '<img src="file:///etc/passwd"> <link rel="attachment" href="file:///etc/hostname">'


def test_teks_workbook_tidak_menjadi_html(tmp_path: Path) -> None:
    rows = [list(row) for row in BARIS_CONTOH]
    rows[0][4] = JAHAT
    buat_evaluasi(tmp_path / "in" / "x.xlsx", "Dinas <script>alert(1)</script>", 2023, rows)
    hasil = build(tmp_path / "in", tmp_path / "out", pekerja=1)
    (pdf_path,) = [
        p for p in hasil.berkas_keluaran if p.parent.name == "evaluasi" and p.suffix == ".pdf"
    ]
    reader = PdfReader(io.BytesIO(pdf_path.read_bytes()))
    text = teks_pdf(pdf_path)
    assert '<img src="file:///etc/passwd">' in text  # shown as text, not loaded
    assert "Dinas <script>alert(1)</script> Tahun 2023 Halaman 1 dari" in text  # footer too
    assert "&lt;" not in text
    assert reader.attachments == {}
    assert b"root:x:0:0" not in pdf_path.read_bytes()


def test_isi_laporan_evaluasi(tmp_path: Path) -> None:
    """The form's columns by its own numbers, K and Rp as entered, '-' as '-', the footer
    and two signature blocks; nothing for the analyst (files, cells, capaian.csv)."""
    buat_evaluasi(
        tmp_path / "in" / "x.xlsx", "Badan Perencanaan Pembangunan Daerah", 2023, BARIS_CONTOH
    )
    hasil = build(tmp_path / "in", tmp_path / "out", pekerja=1)
    pdf = tmp_path / "out" / "2023" / "evaluasi" / "badan-perencanaan-pembangunan-daerah.pdf"
    assert pdf in hasil.berkas_keluaran
    text = teks_pdf(pdf)
    for expected in (
        "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH LINGKUP KABUPATEN KEPAHIANG",
        "Perangkat Daerah : Badan Perencanaan Pembangunan Daerah",
        "Periode pelaksanaan : Triwulan I s.d. IV Tahun 2023",
        "13 = 9 + 10 + 11 + 12 14 = 7 + 13 15 = 14 / 6 × 100 16 17 18 = 13 / 8 × 100 19",
        # programme row: target K Rp, TW I-IV K Rp, 13 K Rp, 14, 18 K Rp, 19
        "Persentase dokumen perencanaan tepat waktu (persen) 100 500.000.000 20 100.000.000 "
        "30 120.000.000 25 130.000.000 20 110.000.000 95 460.000.000 95 95,00 92,00 "
        "Sangat Tinggi",
        # a dash stays a dash, 0,5 stays 0,5 and 1,5 is not 1,5000
        "Jumlah dokumen RKPD (dokumen) 2 300.000.000 - 1 150.000.000 0,5 75.000.000 - - "
        "1,5 225.000.000 75,00 75,00 Sedang",
        "Jumlah anggaran (Rp) 500.000.000 100.000.000 120.000.000 130.000.000 110.000.000 "
        "460.000.000",
        # the mean says its basis (issue 20)
        "Rata-rata capaian kinerja dan anggaran (%): rata-rata 3 indikator 90,00 83,50 "
        "Predikat kinerja Tinggi Tinggi",
        "Faktor pendorong keberhasilan pencapaian :",
        "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya :",
        "Disusun KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH",
        "Dievaluasi KEPALA BAPPEDA KABUPATEN KEPAHIANG",
        "Skala predikat (Permendagri 86 Tahun 2017): Sangat Tinggi ≥ 91",
    ):
        assert expected in text, expected
    for absent in ("capaian.csv", "x.xlsx", "!", "Sumber data"):
        assert absent not in text, absent
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width) / 72 * 25.4), round(float(height) / 72 * 25.4)) == (330, 215)


def test_lampiran_sumber_bila_diminta(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "in" / "x.xlsx", "Dinas Sosial", 2023, BARIS_CONTOH)
    (tmp_path / "in" / "pengaturan.toml").write_text(
        '[daerah]\nnama = "Kepahiang"\n[dokumen]\nlampiran_sumber = true\n', encoding="utf-8"
    )
    build(tmp_path / "in", tmp_path / "out", pekerja=1)
    text = teks_pdf(tmp_path / "out" / "2023" / "evaluasi" / "dinas-sosial.pdf")
    assert "Sumber data Berkas x.xlsx, lembar" in text
    assert "1 Persentase dokumen perencanaan tepat waktu G10 I10 K10 M10 O10 H10 J10" in text


def test_skala_dari_pengaturan_dicetak(tmp_path: Path) -> None:
    """A region's own bands replace the Permendagri 86/2017 note, and label the rows."""
    from kinerja_report.pipeline import kumpulkan, tugas_evaluasi

    buat_evaluasi(tmp_path / "x.xlsx", "Dinas Sosial", 2023, BARIS_CONTOH)
    (tmp_path / "pengaturan.toml").write_text(
        '[daerah]\nnama = "Kepahiang"\n'
        '[[capaian.kategori]]\nbatas = 100\nlabel = "Sangat Berhasil"\n'
        '[[capaian.kategori]]\nbatas = 75\nlabel = "Berhasil"\n'
        '[[capaian.kategori]]\nbatas = 0\nlabel = "Kurang Berhasil"\n',
        encoding="utf-8",
    )
    kumpulan = kumpulkan(tmp_path)
    (tugas,) = tugas_evaluasi(kumpulan.laporan, kumpulan.pengaturan)
    assert "Skala predikat (ditetapkan dalam pengaturan):" in tugas.html
    assert "Permendagri 86 Tahun 2017" not in tugas.html
    assert '<span class="pita">Sangat Berhasil ≥ 100</span>' in tugas.html
    assert '<td class="predikat">Berhasil</td>' in tugas.html  # 95 % of the programme


def test_opini_bpk_menurut_peringkat_bukan_persen(tmp_path: Path) -> None:
    """Issue 21: a programme's Opini BPK typed as a clerk would ('WTP' target, 'WDP' in TW IV
    and the total): columns 15, 18 and 19 say 'Tidak tercapai', never '75,00 %' and
    'Sedang'; the footer average leaves it out and says so; capaian.csv has no percentage."""
    opini = [
        None, "Meningkatnya kualitas perencanaan", "", "", "Opini BPK atas LKPD", "opini",
        "WTP", None, "-", None, "-", None, "-", None, "WDP", None, "WDP", None,
    ]  # fmt: skip
    buat_evaluasi(tmp_path / "in" / "x.xlsx", "Bappeda", 2023, [*BARIS_CONTOH, opini])
    hasil = build(tmp_path / "in", tmp_path / "out", pekerja=1)
    (pdf,) = [
        p for p in hasil.berkas_keluaran if p.parent.name == "evaluasi" and p.suffix == ".pdf"
    ]
    text = teks_pdf(pdf)
    baris = text[text.index("Opini BPK atas LKPD") : text.index("Jumlah anggaran (Rp)")]
    # target, TW I-IV, columns 13 and 14 (no column 6: no column 15), then 18 and 19
    assert (
        baris.replace(" ", "") == "OpiniBPKatasLKPD(opini)WTP---WDPWDPWDPTidaktercapaiTidaktercapai"
    )
    assert "anggaran (%): rata-rata 3 indikator 90,00 83,50" in text  # 95, 100, 75
    assert "1 indikator tersebut tidak dihitung dalam rata-rata capaian" in text
    (csv_path,) = [p for p in hasil.berkas_keluaran if p.name == "capaian.csv"]
    (row,) = [r for r in csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8")))
              if r["indikator"] == "Opini BPK atas LKPD"]  # fmt: skip
    assert (row["capaian_persen"], row["kategori"]) == ("", "Tidak tercapai")
