"""The verification note sent back to each OPD, the same in the PDF, rekap.xlsx and
'kinerja check' (issue 21)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner

from kinerja_report.cli import main
from kinerja_report.pipeline import build
from tests.check.test_kewajaran import program_dinkes, sub_kegiatan_dinkes
from tests.fixtures.formulir import tulis_formulir
from tests.pdf_teks import teks_pdf


def _baris(pagu_sub: float, realisasi: float = 4) -> list[dict[str, object]]:
    return [program_dinkes(), sub_kegiatan_dinkes(pagu_sub, tw4=realisasi, r=realisasi)]


def _masukan(tmp_path: Path) -> Path:
    """A form to correct (a pagu typed in thousands), one without findings, and one whose
    only finding is advisory (its budgets in thousands, said only by a note above the table:
    read as thousands, the OPD is told how it was read)."""
    masukan = tmp_path / "masukan"
    for opd, pagu, catatan in (
        ("Dinas Kesehatan", 350, []),
        ("Dinas Sosial", 350_000_000, []),
        ("Dinas Pendidikan", 350_000, ["(Rp 000)"]),
    ):
        judul = ["EVALUASI RENJA", "KABUPATEN KEPAHIANG", f"Perangkat Daerah : {opd}", "Tahun 2023"]
        tulis_formulir(masukan / f"{opd}.xlsx", [*judul, *catatan], _baris(pagu))
    return masukan


def test_catatan_hasil_verifikasi(tmp_path: Path) -> None:
    masukan = _masukan(tmp_path)
    hasil = build(masukan, tmp_path / "hasil", pekerja=1)
    folder = tmp_path / "hasil" / "2023" / "verifikasi"
    dinkes, dinsos = folder / "dinas-kesehatan.pdf", folder / "dinas-sosial.pdf"
    assert {dinkes, dinsos} <= set(hasil.berkas_keluaran)
    text = teks_pdf(dinkes).replace("\xa0", " ")
    assert "CATATAN HASIL VERIFIKASI" in text
    assert "Perangkat Daerah : Dinas Kesehatan" in text
    assert "Evaluasi Renja H11 350" in text  # sheet, cell, what the OPD wrote
    assert "hanya Rp 350, di bawah Rp 100.000" in text  # why
    assert "cantumkan '(Rp 000)'" in text  # what to correct
    assert "Status formulir: PERLU PERBAIKAN" in text
    assert "Dievaluasi oleh" in text
    assert "NIP." in text
    text = teks_pdf(dinsos)
    assert "Tidak ada catatan." in text
    assert "Status formulir: LENGKAP." in text
    text = teks_pdf(folder / "dinas-pendidikan.pdf").replace("\xa0", " ")
    assert "Jumlah catatan : 1 (0 perlu perbaikan)" in text
    assert "Evaluasi Renja A5" in text
    assert "Anggaran dibaca dalam ribuan rupiah menurut catatan '(Rp 000)'" in text
    assert "Saran (tidak wajib diperbaiki): Pastikan satuan anggaran benar" in text
    assert "Status formulir: LENGKAP DENGAN CATATAN" in text
    assert "formulir tidak perlu dikirim kembali" in text

    workbook = openpyxl.load_workbook(tmp_path / "hasil" / "rekap.xlsx")
    sheet = workbook["Verifikasi"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    workbook.close()
    assert [r[:7] for r in rows] == [
        [2023, "Dinas Kesehatan", "perlu perbaikan", 1, "Evaluasi Renja", "H11", "350"],
        [2023, "Dinas Pendidikan", "lengkap dengan catatan", 1, "Evaluasi Renja", "A5", None],
        [2023, "Dinas Sosial", "lengkap", None, None, None, None],
    ]
    assert rows[2][7] == "tidak ada catatan"
    assert sheet["G2"].data_type == "s"  # text stays text

    result = CliRunner().invoke(main, ["check", str(masukan)])
    assert "2023 Dinas Kesehatan (Dinas Kesehatan.xlsx): perlu perbaikan" in result.stdout
    assert "  1. Evaluasi Renja!H11 [isian: 350]: Pagu sub kegiatan" in result.stdout
    assert "2023 Dinas Sosial (Dinas Sosial.xlsx): lengkap\n  tidak ada catatan" in result.stdout
    assert "2023 Dinas Pendidikan (Dinas Pendidikan.xlsx): lengkap dengan catatan" in result.stdout
    assert "Saran: Pastikan satuan anggaran benar" in result.stdout
