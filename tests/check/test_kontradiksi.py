"""Rows whose quarterly K contradict their own percentage or money (check/kontradiksi.py)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from kinerja_report.check.kontradiksi import periksa_kontradiksi
from kinerja_report.read.folder import baca_berkas
from tests.conftest import FIXTURES

DELI = "evaluasi_renja_tw4_bappedalitbang_deliserdang_2025.xlsx"


def test_k_nol_padahal_persen_dan_uang() -> None:
    name = "kontradiksi-k-nol.xlsx"
    (evaluasi,) = baca_berkas(FIXTURES / name, PurePosixPath(name)).evaluasi
    problems = periksa_kontradiksi(evaluasi)
    # only the first row: the second has K 1 in TW IV
    assert [(p.kode, p.sel) for p in problems] == [("realisasi-bertentangan", "I10")]
    assert "kolom % triwulan mencapai 100,00 %" in problems[0].pesan
    assert "anggaran terealisasi Rp 1.200.000" in problems[0].pesan


def test_deli_serdang_baris_46_dan_48(real_workbooks: Path) -> None:
    (evaluasi,) = baca_berkas(real_workbooks / DELI, PurePosixPath(DELI)).evaluasi
    problems = periksa_kontradiksi(evaluasi)
    assert [p.sel for p in problems] == ["P46", "P48"]
    assert "Rp 321.890.797" in problems[1].pesan


def test_indikator_negatif_nol_bukan_kontradiksi() -> None:
    """Review finding: 'Jumlah kasus kecelakaan' at 0 in every quarter is a success."""
    from dataclasses import replace

    from kinerja_report.model import Polaritas

    name = "kontradiksi-k-nol.xlsx"
    (evaluasi,) = baca_berkas(FIXTURES / name, PurePosixPath(name)).evaluasi
    row = replace(evaluasi.indikator[0], indikator="Jumlah kasus kecelakaan kerja")
    negatif = replace(evaluasi, indikator=(row,))
    assert periksa_kontradiksi(negatif, lambda _: Polaritas.NEGATIF) == []
    assert len(periksa_kontradiksi(negatif, lambda _: Polaritas.POSITIF)) == 1
