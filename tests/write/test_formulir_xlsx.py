"""The E.81 and regency evaluations as Excel: the form's layout, the PDFs' totals as live
SUMs, text never a formula, printable, and LibreOffice opens them."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from kinerja_report import formats
from kinerja_report.compute.report import LaporanOpd
from kinerja_report.pipeline import Kumpulan, build, instansi_bappeda, kumpulkan
from kinerja_report.render.evaluasi import NAMA_BAPPEDA, html_evaluasi
from kinerja_report.render.html import FOLDER_TEMPLAT, lingkungan
from kinerja_report.render.pdf import render_pdf
from kinerja_report.write.formulir_xlsx import evaluasi_rkpd_xlsx, formulir_xlsx
from tests.builders import BARIS_CONTOH, buat_evaluasi
from tests.conftest import SampelDibangun
from tests.pdf_teks import teks_pdf

NYATA = "evaluasi_renja_tw4_bappedalitbang_deliserdang_2025.xlsx"
JAHAT = '=HYPERLINK("http://contoh.invalid","klik")'
KOLOM_RP = "HJLNPRTVX"
"""The Rp column of the form's columns 6 to 14."""


@pytest.fixture(scope="module")
def sampel(kumpulan_sampel: Kumpulan) -> Kumpulan:
    return kumpulan_sampel


@pytest.fixture
def nyata(real_workbooks: Path, tmp_path_factory: pytest.TempPathFactory) -> Kumpulan:
    folder = tmp_path_factory.mktemp("nyata")
    shutil.copy(real_workbooks / NYATA, folder / NYATA)
    return kumpulkan(folder)


def _baris_label(ws: Worksheet, label: str) -> int:
    (row,) = [c.row for c in ws["A"] if isinstance(c.value, str) and c.value.startswith(label)]
    assert isinstance(row, int)
    return row


def _nilai_rumus(ws: Worksheet, rumus: str) -> float:
    """The value of ``=SUM(H10:H12,H15)+SUM(...)``, from the cells it names."""
    assert re.fullmatch(
        r"=SUM\([A-Z]+\d+(:[A-Z]+\d+)?(,[A-Z]+\d+(:[A-Z]+\d+)?)*\)(\+SUM\(.*\))?", rumus
    )
    total = 0.0
    for awal, akhir in re.findall(r"([A-Z]+\d+)(?::([A-Z]+\d+))?", rumus.removeprefix("=")):
        for row in ws[f"{awal}:{akhir or awal}"]:
            for cell in row if isinstance(row, tuple) else (row,):
                if isinstance(cell.value, int | float):
                    total += cell.value
    return total


def _periksa_jumlah(
    data: bytes, jumlah: tuple[float | None, ...], pdf: str, lembar: int = 0
) -> int:
    """The footer's Rp totals are SUM formulas whose value, computed from the cells and
    cached, is ``jumlah`` (the computed footer) and reads as the PDF prints it; returns how
    many were formulas."""
    rumus = load_workbook(io.BytesIO(data)).worksheets[lembar]
    cache = load_workbook(io.BytesIO(data), data_only=True).worksheets[lembar]
    r = _baris_label(rumus, "Jumlah anggaran (Rp)")
    kaki = pdf.split("Jumlah anggaran (Rp)", 1)[1]
    formulas = 0
    for kolom, total in zip(KOLOM_RP, jumlah, strict=True):
        cell = rumus[f"{kolom}{r}"]
        if total is None:
            assert cell.value is None
            continue
        if isinstance(cell.value, str):
            formulas += 1
            assert _nilai_rumus(rumus, cell.value) == pytest.approx(total, abs=0.01)
        assert cache[f"{kolom}{r}"].value == pytest.approx(total, abs=0.01)
        assert cell.number_format == "#,##0"
        teks = formats.angka(round(total), 0)
        assert teks in kaki, (kolom, teks)
        kaki = kaki.split(teks, 1)[1]  # in the PDF's order
    return formulas


def _pdf_evaluasi(kumpulan: Kumpulan, lap: LaporanOpd) -> str:
    html = html_evaluasi(lingkungan(), lap, kumpulan.pengaturan)
    return teks_pdf(render_pdf(html, FOLDER_TEMPLAT, lap.daerah.aset))


def _lap(kumpulan: Kumpulan, opd: str, tahun: int) -> LaporanOpd:
    (lap,) = [lap for lap in kumpulan.laporan if lap.opd == opd and lap.tahun == tahun]
    return lap


def test_e81_sampel_seperti_pdf(sampel: Kumpulan, sampel_dibangun: SampelDibangun) -> None:
    """The form's totals read as the E.81 PDF of the session's sample build prints them."""
    lap = _lap(sampel, "Dinas Kesehatan", 2024)
    assert lap.formulir is not None
    data = formulir_xlsx(lap)
    pdf = teks_pdf(sampel_dibangun.out / f"2024/evaluasi/{lap.slug}.pdf")
    assert _periksa_jumlah(data, lap.formulir.jumlah_rp, pdf) == 9
    ws = load_workbook(io.BytesIO(data)).active
    assert isinstance(ws, Worksheet)
    assert (
        ws["A2"].value
        == "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH LINGKUP KABUPATEN KEPAHIANG"
    )
    assert ws["A3"].value == "Perangkat Daerah : Dinas Kesehatan"
    # the two-row captions, K/Rp and the form's column numbers
    assert {"A6:A8", "G6:H7", "M6:T6", "M7:N7", "U9:V9", "AC9:AD9"} <= {
        str(m) for m in ws.merged_cells.ranges
    }
    assert ws["M6"].value == "Realisasi Kinerja pada Triwulan"
    assert [ws.cell(8, c).value for c in range(7, 11)] == ["K", "Rp", "K", "Rp"]
    nomor = [ws.cell(9, c).value for c in range(1, 32) if ws.cell(9, c).value is not None]
    assert nomor[:12] == list(range(1, 6)) + list(range(6, 13))
    assert nomor[12:] == ["13 = 9 + 10 + 11 + 12", "14 = 7 + 13", "15 = 14 / 6 x 100", 16, 17,
                          "18 = 13 / 8 x 100", 19]  # fmt: skip
    # the rows: the computed values, formatted, not recomputed
    first = lap.formulir.baris[0]
    assert ws["E10"].value == first.indikator
    assert ws["L10"].value == first.target.rp.angka
    assert ws["AC10"].value == first.capaian.k
    assert ws["AC10"].number_format == "#,##0.00"
    assert ws["AE10"].value == first.predikat
    rata = _baris_label(ws, "Rata-rata capaian")
    assert ws[f"AC{rata}"].value == lap.formulir.rata_rata_renja.k
    assert ws[f"Y{rata}"].value == lap.formulir.rata_rata_renstra.k
    assert ws[f"AC{rata + 1}"].value == lap.formulir.predikat_renja[0]
    assert lap.formulir.disusun.penandatangan is not None
    assert lap.formulir.disusun.penandatangan.nama in {
        c.value for row in ws.iter_rows() for c in row
    }
    # printable on F4 landscape, header rows repeated
    assert ws.page_setup.paperSize == 14
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr is not None
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$6:$9"
    assert ws.column_dimensions["H"].width >= 15  # '15.114.600.000' shows
    assert formulir_xlsx(lap) == data  # same input, same bytes


def test_e81_nyata(nyata: Kumpulan) -> None:
    (lap,) = nyata.laporan
    assert lap.formulir is not None
    data = formulir_xlsx(lap)
    _periksa_jumlah(data, lap.formulir.jumlah_rp, _pdf_evaluasi(nyata, lap))
    ws = load_workbook(io.BytesIO(data)).active
    assert isinstance(ws, Worksheet)
    indikator = [ws.cell(r, 5).value for r in range(10, 10 + len(lap.formulir.baris))]
    assert indikator == [
        b.indikator + (" *)" if b.negatif else "") or None for b in lap.formulir.baris
    ]


def test_rkpd_sampel_seperti_pdf(sampel: Kumpulan, sampel_dibangun: SampelDibangun) -> None:
    """The regency evaluation's workbook as its PDF in the session's sample build."""
    (r,) = [item for item in sampel.evaluasi_rkpd if item.tahun == 2024]
    instansi = instansi_bappeda(sampel.laporan) or NAMA_BAPPEDA
    data = evaluasi_rkpd_xlsx(r, sampel.laporan, sampel.identitas.daerah, instansi)
    pdf = teks_pdf(sampel_dibangun.out / "2024/evaluasi-rkpd.pdf")
    assert _periksa_jumlah(data, r.jumlah_rp, pdf) == 9
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["A. Program", "B. Perangkat Daerah"]
    per_opd = wb["B. Perangkat Daerah"]
    jumlah = _baris_label(per_opd, "Jumlah")
    pagu = per_opd.cell(jumlah, 7 + len(r.label_kategori))
    assert isinstance(pagu.value, str)
    assert _nilai_rumus(per_opd, pagu.value) == pytest.approx(r.pagu)
    assert formats.angka(round(r.pagu), 0) in pdf
    assert [per_opd.cell(row, 2).value for row in range(jumlah - len(r.opd), jumlah)] == [
        o.opd for o in r.opd
    ]


def _build_jahat(tmp_path: Path) -> Path:
    rows = [list(row) for row in BARIS_CONTOH]
    row = list(rows[0])
    row[2], row[4] = "5.01.03", JAHAT
    rows.append(row)
    buat_evaluasi(tmp_path / "in" / "bappeda.xlsx", "Bappeda", 2023, rows)
    build(tmp_path / "in", tmp_path / "out", pekerja=1)
    return tmp_path / "out"


def test_build_teks_bukan_rumus(tmp_path: Path) -> None:
    out = _build_jahat(tmp_path)
    path = out / "2023" / "evaluasi" / "bappeda.xlsx"
    assert (out / "2023" / "evaluasi" / "bappeda.pdf").exists()
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert all(f.startswith("SUM(") for f in re.findall(r"<f>([^<]*)</f>", sheet))
    ws = load_workbook(path).active
    assert isinstance(ws, Worksheet)
    (cell,) = [c for row in ws.iter_rows() for c in row if c.value == JAHAT]
    assert cell.data_type == "s"
    manifest = (out / "manifest.json").read_text(encoding="utf-8")
    assert '"2023/evaluasi/bappeda.xlsx"' in manifest
    sebelum = path.stat().st_mtime_ns
    build(tmp_path / "in", tmp_path / "out", pekerja=1)  # nothing changed: the workbook is kept
    assert path.stat().st_mtime_ns == sebelum


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice, Debian package libreoffice-calc) tidak terpasang",
)
def test_libreoffice_membuka(sampel: Kumpulan, tmp_path: Path) -> None:
    lap = _lap(sampel, "Dinas Kesehatan", 2024)
    (r,) = [item for item in sampel.evaluasi_rkpd if item.tahun == 2024]
    (tmp_path / "e81.xlsx").write_bytes(formulir_xlsx(lap))
    (tmp_path / "rkpd.xlsx").write_bytes(
        evaluasi_rkpd_xlsx(r, sampel.laporan, sampel.identitas.daerah, NAMA_BAPPEDA)
    )
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'lo-profil').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(tmp_path / "e81.xlsx"),
            str(tmp_path / "rkpd.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    e81 = teks_pdf(tmp_path / "pdf" / "e81.pdf")
    assert "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH" in e81
    assert lap.formulir is not None
    total = lap.formulir.jumlah_rp[2]
    assert total is not None
    assert re.sub(r"\D", "", str(round(total))) in re.sub(r"[.,]", "", e81)  # recomputed sum
    assert "EVALUASI TERHADAP HASIL RKPD" in teks_pdf(tmp_path / "pdf" / "rkpd.pdf")
