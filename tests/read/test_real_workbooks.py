"""The two real evaluation forms, counted by hand, and every real file read without a crash."""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

import pytest

from kinerja_report.check.reconcile import rekonsiliasi
from kinerja_report.compute.realisasi import realisasi_tahunan
from kinerja_report.pipeline import build
from kinerja_report.read.folder import baca_berkas
from tests.conftest import REAL_WORKBOOKS

DELI = "evaluasi_renja_tw4_bappedalitbang_deliserdang_2025.xlsx"
SUKABUMI = "evaluasi_hasil_renja_pd_bappeda_sukabumi_2018.xlsx"


def _selisih_kolom_13(path: Path, name: str) -> tuple[int, list[str], list[str]]:
    """(rows read, cells where ours == column 13, cells where they differ)."""
    isi = baca_berkas(path / name, PurePosixPath(name))
    (evaluasi,) = isi.evaluasi
    sama, beda = [], []
    for row in evaluasi.indikator:
        kolom13 = row.realisasi_tahunan
        if kolom13.angka is None or all(q.angka is None for q in row.triwulan):
            continue
        assert kolom13.sumber is not None
        ours = realisasi_tahunan(row).angka
        assert ours is not None
        target = sama if abs(ours - kolom13.angka) < 1e-6 else beda
        target.append(kolom13.sumber.sel)
    return len(evaluasi.indikator), sama, beda


def test_deli_serdang_2025(real_workbooks: Path) -> None:
    # By hand: rows 13-105 with an indicator in H, less the hidden rows 40, 41, 43, 82, 86,
    # 89, 90 and the three bidang rows 12, 91, 96 without one; row 11 is G11:H11 merged
    # (a heading, not an indicator). 27 + 1 + 38 + 3 + 2 + 4 + 9 = 84.
    jumlah, sama, beda = _selisih_kolom_13(real_workbooks, DELI)
    assert jumlah == 84
    assert beda == ["AB51"]  # quarters 0 + 0 + 0 + 35 = 35, the workbook's column 13 says 0
    assert len(sama) == 83
    isi = baca_berkas(real_workbooks / DELI, PurePosixPath(DELI))
    (evaluasi,) = isi.evaluasi
    assert evaluasi.tahun == 2025
    assert evaluasi.opd.startswith("Badan Perencanaan Pembangunan Daerah, Penelitian")
    codes = {(p.kode, p.sel) for p in isi.masalah + rekonsiliasi(evaluasi)}
    assert ("realisasi-beda-kolom-13", "AB51") in codes
    assert ("banyak-indikator-satu-sel", "H13") in codes
    # column 14 adds last year's 100 % to this year's 100 % (AD13 = 200): told at the cell
    assert ("kolom-14-menjumlahkan", "AD13") in codes
    hidden = sorted(int(p.sel[1:]) for p in isi.masalah if p.kode == "baris-tersembunyi")
    assert hidden == [40, 41, 43, 82, 86, 89, 90, 106, 107, 108, 109, 110, 111, 112]


def test_sukabumi_2018(real_workbooks: Path) -> None:
    # By hand: indicator rows 17-37 (21) and 42-44 (3); rows 38-41 and 45-49 are averages,
    # ratio and predikat rows, 51-54 narrative, 56-64 the signature block.
    jumlah, sama, beda = _selisih_kolom_13(real_workbooks, SUKABUMI)
    assert jumlah == 24
    assert beda == []
    assert len(sama) == 22  # rows 17 and 42 have no realisation at all
    isi = baca_berkas(real_workbooks / SUKABUMI, PurePosixPath(SUKABUMI))
    (evaluasi,) = isi.evaluasi
    row18 = next(row for row in evaluasi.indikator if row.baris == 18)
    assert row18.kode == "1.01.01"  # split over B:D as text '1' | '01' | '01'
    assert row18.target_rp.angka == 93_748_000  # 'Rp. (000)'
    assert len(evaluasi.catatan) == 4
    assert [p.kode for p in isi.masalah] == ["kode-berulang", "opd-dari-nama-berkas"]


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in REAL_WORKBOOKS.glob("*.xls*")) or ["(shared/ tidak ada)"],
)
def test_semua_workbook_nyata_terbaca_tanpa_crash(real_workbooks: Path, name: str) -> None:
    isi = baca_berkas(real_workbooks / name, PurePosixPath(name))
    assert not isi.gagal, isi.masalah
    if name in BAGAN_KASKADE:  # IKI / PK charts: read as cascading links
        assert isi.kaskade
        assert all(sheet.tautan for sheet in isi.kaskade)
        assert isi.masalah == []
    elif name == SIPD:
        (daftar,) = isi.nomenklatur
        assert "1.01.02.1.01.0001" in daftar.kode
    elif name not in (DELI, SUKABUMI):
        assert isi.evaluasi == []
        # one warning naming what was looked for and what each sheet held
        (problem,) = isi.masalah
        assert problem.kode == "workbook-tanpa-isi"
        assert "formulir evaluasi Renja E.81" in problem.pesan
        assert problem.pesan.count("lembar '") == len(_lembar(real_workbooks / name))


BAGAN_KASKADE = (
    "cascade_iki_pk_biro_organisasi_jabar.xlsx",
    "cascading_pk_biro_produksi_jabar_2017.xls",
)
SIPD = "sipd_nomenklatur_subkegiatan_indikator.xlsx"


def _lembar(path: Path) -> list[str]:
    from kinerja_report.read.workbook import baca_lembar

    return [lembar.nama for lembar in baca_lembar(path, path.name)]


def test_build_folder_nyata(real_workbooks: Path, tmp_path: Path) -> None:
    masukan = tmp_path / "masukan"
    shutil.copytree(real_workbooks, masukan)
    hasil = build(masukan, tmp_path / "hasil")
    # two regencies in one folder without settings: an error naming both, each OPD's
    # documents keep their own region, no regency-wide document
    assert not hasil.berhasil
    (ganda,) = [p for p in hasil.kumpulan.masalah if p.kode == "daerah-ganda"]
    assert "Kabupaten Deli Serdang" in ganda.pesan
    assert "Kabupaten Sukabumi" in ganda.pesan
    assert sorted(lap.tahun for lap in hasil.kumpulan.laporan) == [2018, 2025]
    assert {lap.daerah.nama for lap in hasil.kumpulan.laporan} == {"Deli Serdang", "Sukabumi"}
    assert not [pk for pk in hasil.kumpulan.perjanjian if pk.bupati]
    for path in hasil.berkas_keluaran:
        assert path.is_file()
