"""Small real E.81 workbooks for tests, written with openpyxl (no mocks).

The layout is the Permendagri 86/2017 form in its common shape: a title block, a 3-row
header with merged group cells, a column-number row, then data rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

# (column, header row 6, row 7, row 8)
KOLOM = [
    ("A", "No", None, None),
    ("B", "Sasaran", None, None),
    ("C", "Kode", None, None),
    ("D", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", None, None),
    ("E", "Indikator Kinerja Program (outcome)/ Kegiatan (output)", None, None),
    ("F", "Satuan", None, None),
    (
        "G",
        "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan yang Dievaluasi",
        None,
        "K",
    ),
    ("H", None, None, "Rp"),
    ("I", "Realisasi Kinerja Pada Triwulan", "I", "K"),
    ("J", None, None, "Rp"),
    ("K", None, "II", "K"),
    ("L", None, None, "Rp"),
    ("M", None, "III", "K"),
    ("N", None, None, "Rp"),
    ("O", None, "IV", "K"),
    ("P", None, None, "Rp"),
    (
        "Q",
        "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi",
        None,
        "K",
    ),
    ("R", None, None, "Rp"),
]
NOMOR = [
    "1",
    "2",
    "3",
    "4",
    "5",
    "5",
    "8",
    None,
    "9",
    None,
    "10",
    None,
    "11",
    None,
    "12",
    None,
    "13 = 9 + 10 + 11 + 12",
    None,
]


def buat_evaluasi(
    path: Path,
    opd: str,
    tahun: int,
    baris: Sequence[Sequence[object]],
    sembunyikan: Sequence[int] = (),
) -> Path:
    """Write an E.81 workbook. Each data row gives columns A..R in order; data start at 10."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Evaluasi Renja"
    ws["A1"] = "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH"
    ws["A2"] = "KABUPATEN KEPAHIANG"
    ws["A3"] = f"Perangkat Daerah : {opd}"
    ws["A4"] = f"Tahun {tahun}"
    _tulis_header(ws)
    for offset, values in enumerate(baris):
        for index, value in enumerate(values, start=1):
            cell = ws.cell(row=10 + offset, column=index, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, even '=...': what a hostile workbook may hold
    for row in sembunyikan:
        ws.row_dimensions[row].hidden = True
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _tulis_header(ws: Worksheet) -> None:
    for column, top, middle, bottom in KOLOM:
        for row, text in ((6, top), (7, middle), (8, bottom)):
            if text is not None:
                ws[f"{column}{row}"] = text
    merges = [f"{column}6:{column}8" for column in "ABCDEF"]
    merges += ["G6:H7", "I6:P6", "I7:J7", "K7:L7", "M7:N7", "O7:P7", "Q6:R7"]
    for merge in merges:
        ws.merge_cells(merge)
    for index, text in enumerate(NOMOR, start=1):
        if text is not None:
            ws.cell(row=9, column=index, value=int(text) if text.isdigit() else text)


BARIS_CONTOH: list[list[object]] = [
    [
        1,
        "Meningkatnya kualitas perencanaan",
        "5.01.02",
        "PROGRAM PERENCANAAN PEMBANGUNAN DAERAH",
        "Persentase dokumen perencanaan tepat waktu",
        "persen",
        100,
        500_000_000,
        20,
        100_000_000,
        30,
        120_000_000,
        25,
        130_000_000,
        20,
        110_000_000,
        95,
        460_000_000,
    ],
    [
        None,
        None,
        None,
        None,
        "Jumlah forum konsultasi publik",
        "kali",
        4,
        None,
        1,
        None,
        1,
        None,
        1,
        None,
        "1",
        None,
        4,
        None,
    ],
    [
        2,
        None,
        "5.01.02.2.01",
        "Penyusunan Dokumen Perencanaan",
        "Jumlah dokumen RKPD",
        "dokumen",
        "2",
        "300.000.000",
        "-",
        " ",
        "1",
        "150.000.000",
        "0,5",
        "75.000.000",
        "-",
        "-",
        1.5,
        225_000_000,
    ],
]
"""Three indicator rows: a program, a continuation row, a kegiatan typed as Indonesian text."""
