"""What the verification note shows as the OPD's entry of a cell (compute.verifikasi)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from kinerja_report.compute.verifikasi import isian_sel
from kinerja_report.read.folder import baca_berkas
from tests.builders import BARIS_CONTOH, buat_evaluasi


def test_a_text_cell_shows_its_text_not_a_dash(tmp_path: Path) -> None:
    path = buat_evaluasi(tmp_path / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    (ev,) = baca_berkas(path, PurePosixPath("bappeda.xlsx")).evaluasi
    isian = isian_sel([ev])
    row = ev.indikator[0]
    assert row.sumber_indikator is not None
    assert row.sumber_sasaran is not None
    s = row.sumber_indikator
    assert isian[(s.berkas, s.lembar, s.sel)] == "Persentase dokumen perencanaan tepat waktu"
    s = row.sumber_sasaran
    assert isian[(s.berkas, s.lembar, s.sel)] == "Meningkatnya kualitas perencanaan"
    s = row.target.sumber
    assert s is not None
    assert isian[(s.berkas, s.lembar, s.sel)] == "100"  # numbers as before
