"""rekap.xlsx and capaian.csv never turn workbook text into a live formula."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kinerja_report.pipeline import build
from tests.builders import BARIS_CONTOH, buat_evaluasi

JAHAT = ['=HYPERLINK("http://contoh.invalid","klik")', "+1+2", "@SUM(A1)", "-2+3"]


@pytest.fixture(scope="module")
def build_jahat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A form whose indicators look like formulas, built once for the tests that read it."""
    base = tmp_path_factory.mktemp("rekap-jahat")
    rows = [list(row) for row in BARIS_CONTOH]
    for offset, text in enumerate(JAHAT):
        row = list(rows[0])
        row[2], row[4] = f"5.01.0{offset + 3}", text
        rows.append(row)
    buat_evaluasi(base / "in" / "bappeda.xlsx", "Bappeda", 2023, rows)
    build(base / "in", base / "out", pekerja=1)
    return base / "out"


def test_rekap_teks_bukan_rumus(build_jahat: Path) -> None:
    out = build_jahat
    with zipfile.ZipFile(out / "rekap.xlsx") as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets
        for name in sheets:
            assert b"<f>" not in archive.read(name), name
    wb = load_workbook(out / "rekap.xlsx")
    ws = wb["Program"]
    indikator = [ws.cell(row=r, column=5).value for r in range(2, ws.max_row + 1)]
    assert set(JAHAT) <= set(indikator)
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:AB{ws.max_row}"  # 28 columns
    assert wb.sheetnames == [
        "Ringkasan OPD",
        "Daerah (RPJMD)",
        "Per Tujuan RPJMD",
        "Per Sasaran OPD",
        "Program",
        "Kegiatan",
        "Sub Kegiatan",
        "Verifikasi",
    ]
    ringkasan = wb["Ringkasan OPD"]
    assert ringkasan["A2"].value == 2023
    assert ringkasan["B2"].value == "Bappeda"
    assert ringkasan["D2"].value == 7  # indicators
    assert ringkasan["F2"].number_format == "#,##0.00"


def test_csv_dinetralkan_owasp(build_jahat: Path) -> None:
    with (build_jahat / "capaian.csv").open(encoding="utf-8", newline="") as handle:
        indikator = [row["indikator"] for row in csv.DictReader(handle)]
    assert {"'" + text for text in JAHAT} <= set(indikator)


def test_rekap_sama_persis_pada_dua_build(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "in" / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    build(tmp_path / "in", tmp_path / "a", pekerja=1)  # PDFs made in this process
    build(tmp_path / "in", tmp_path / "b", pekerja=2)  # in two new worker processes
    for name in ("rekap.xlsx", "capaian.csv", "2023/evaluasi/bappeda.pdf"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
