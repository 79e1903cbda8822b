"""IPM per year from the sample components table, contributions and the series warning."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from kinerja_report.compute.ipm_series import ipm_tahunan, periksa_seri
from kinerja_report.read.folder import baca_berkas
from tests.conftest import SAMPLE_DATA

KOMPONEN = "rpjmd/komponen-ipm.xlsx"
MATRIKS = "rpjmd/matriks-ikd-rpjmd-2021-2026.xlsx"


def test_ipm_per_tahun_dan_kontribusi() -> None:
    isi = baca_berkas(SAMPLE_DATA / KOMPONEN, PurePosixPath(KOMPONEN))
    assert isi.masalah == []
    tahunan, problems = ipm_tahunan(isi.ipm)
    assert problems == []
    lama = {y.komponen.tahun: y for y in tahunan if y.komponen.seri == "lama"}
    # the same components as the RPJMD matrix gives the matrix's IPM realisation
    assert {t: y.hasil.ipm_dibulatkan for t, y in lama.items() if y.hasil} == {
        2020: 67.5,
        2021: 67.76,
        2022: 68.42,
        2023: 68.91,
        2024: 69.39,
    }
    change = lama[2022]
    assert change.kontribusi is not None
    assert change.perubahan is not None
    assert sum(change.kontribusi.values()) == pytest.approx(change.perubahan)
    baru = [y for y in tahunan if y.komponen.seri == "baru"]
    assert baru[0].kontribusi is None  # no change across series


def test_peringatan_seri_berbeda() -> None:
    komponen = baca_berkas(SAMPLE_DATA / KOMPONEN, PurePosixPath(KOMPONEN)).ipm
    matriks = baca_berkas(SAMPLE_DATA / MATRIKS, PurePosixPath(MATRIKS)).rpjmd
    tahunan, _ = ipm_tahunan(komponen)
    problems = periksa_seri(tahunan, matriks, "lama")
    assert [(p.kode, p.berkas, p.sel) for p in problems] == [
        ("ipm-seri-berbeda", KOMPONEN, "B10"),
        ("ipm-seri-berbeda", KOMPONEN, "B11"),
        ("ipm-seri-berbeda", KOMPONEN, "B12"),
    ]
    assert periksa_seri(tahunan, matriks, "baru")[0].pesan.startswith("IPM 2021 memakai seri")
