from __future__ import annotations

from pathlib import Path, PurePosixPath

from openpyxl import Workbook

from kinerja_report.read.folder import baca_berkas
from kinerja_report.read.signatories import format_nip


def test_nip_dikelompokkan_8_6_1_3() -> None:
    assert format_nip("197503122000031004") == "19750312 200003 1 004"
    assert format_nip("19750312 200003 1 004") == "19750312 200003 1 004"
    assert format_nip("-") == "-"


def test_baris_pertama_tanpa_angka_bukan_header(tmp_path: Path) -> None:
    """A signatory list without years: its first row is all text, and still data."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Perangkat Daerah", "Jabatan", "Nama", "NIP", "Pangkat/Golongan"])
    ws.append(["Bupati", "Bupati Kepahiang", "H. Zainal Arifin", None, None])
    ws.append(
        [
            "Dinas Sosial",
            "Plt. Kepala Dinas Sosial",
            "Budi Santoso, S.Sos.",
            "198001012005011002",
            "Penata Tk. I, III/d",
        ]
    )
    wb.save(tmp_path / "ttd.xlsx")
    isi = baca_berkas(tmp_path / "ttd.xlsx", PurePosixPath("ttd.xlsx"))
    assert [(p.perangkat_daerah, p.nama, p.nip, p.tahun) for p in isi.penandatangan] == [
        ("Bupati", "H. Zainal Arifin", "", None),
        ("Dinas Sosial", "Budi Santoso, S.Sos.", "19800101 200501 1 002", None),
    ]
