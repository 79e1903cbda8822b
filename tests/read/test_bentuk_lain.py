"""Forms of other regencies (tests/fixtures/bentuk-lain, made by tests/fixtures/bentuk_lain.py)."""

from __future__ import annotations

from pathlib import PurePosixPath

from kinerja_report.read.folder import IsiBerkas, baca_berkas
from tests.conftest import FIXTURES

FOLDER = FIXTURES / "bentuk-lain"


def baca(name: str) -> IsiBerkas:
    isi = baca_berkas(FOLDER / name, PurePosixPath(name))
    assert not isi.gagal, isi.masalah
    return isi


def test_lembar_isian_dan_cetak_satu_sumber() -> None:
    isi = baca("isian-dan-cetak.xlsx")
    (evaluasi,) = isi.evaluasi
    assert (evaluasi.lembar, evaluasi.opd, evaluasi.tahun) == ("Isian", "Dinas Pertanian", 2024)
    assert [row.target_rp.angka for row in evaluasi.indikator] == [850e6, 300e6, 150e6]
    found = [(p.kode, p.lembar, p.sel) for p in isi.masalah]
    assert ("lembar-ganda-dibandingkan", "Cetak", "") in found
    assert ("lembar-ganda-berbeda", "Cetak", "H11") in found
    assert next(p for p in isi.masalah if p.kode == "lembar-ganda-berbeda").pesan == (
        "Nilai target (Rp) indikator 'Jumlah benih unggul yang disalurkan' di sini "
        "150.000.000, di lembar isian 'Isian' 300.000.000; yang dipakai nilai lembar isian"
    )
    assert len([p for p in isi.masalah if p.kode == "lembar-ganda-berbeda"]) == 1
