"""The header is found by its text on the real evaluation forms (see shared/real_workbooks)."""

from __future__ import annotations

from pathlib import Path

from kinerja_report.read.header import cari_header
from kinerja_report.read.kinds import JenisLembar, jenis_lembar
from kinerja_report.read.workbook import baca_lembar

DELI = "evaluasi_renja_tw4_bappedalitbang_deliserdang_2025.xlsx"
SUKABUMI = "evaluasi_hasil_renja_pd_bappeda_sukabumi_2018.xlsx"


def _kolom(header: object) -> dict[tuple[str, str, int], int]:
    return {(k.bidang, k.sub, k.triwulan): k.indeks for k in header.kolom}  # type: ignore[attr-defined]


def test_header_deli_serdang_empat_baris_dengan_baris_nomor_di_tengah(
    real_workbooks: Path,
) -> None:
    lembar = baca_lembar(real_workbooks / DELI, DELI)[0]
    header = cari_header(lembar)
    assert header is not None
    assert (header.baris_awal, header.baris_data) == (6, 10)
    kolom = _kolom(header)
    # H indikator, N/O target Renja, P/Q/R = TW I K/%/Rp, Y = TW IV K, AB/AC = column 13
    assert kolom[("indikator", "", 0)] == 8
    assert kolom[("target_renja", "k", 0)] == 14
    assert kolom[("target_renja", "rp", 0)] == 15
    assert kolom[("triwulan", "k", 1)] == 16
    assert kolom[("triwulan", "persen", 1)] == 17
    assert kolom[("triwulan", "rp", 1)] == 18
    assert kolom[("triwulan", "k", 4)] == 25
    assert kolom[("realisasi_renja", "k", 0)] == 28
    assert kolom[("realisasi_renstra_lalu", "k", 0)] == 12
    assert kolom[("realisasi_renstra", "k", 0)] == 30
    assert jenis_lembar(header) is JenisLembar.EVALUASI_RENJA


def test_header_sukabumi_rp_dalam_ribuan(real_workbooks: Path) -> None:
    lembar = baca_lembar(real_workbooks / SUKABUMI, SUKABUMI)[0]
    header = cari_header(lembar)
    assert header is not None
    assert (header.baris_awal, header.baris_data) == (10, 14)
    tw1_rp = header.cari("triwulan", "rp", 1)
    assert tw1_rp is not None
    assert (tw1_rp.indeks, tw1_rp.skala) == (16, 1000.0)
    assert _kolom(header)[("realisasi_renja", "k", 0)] == 23
    assert jenis_lembar(header) is JenisLembar.EVALUASI_RENJA


def test_lembar_lain_bukan_evaluasi(real_workbooks: Path) -> None:
    name = "rfk_workbook_disdik_banjarmasin_2023-02.xlsx"
    for lembar in baca_lembar(real_workbooks / name, name):
        assert jenis_lembar(cari_header(lembar)) is not JenisLembar.EVALUASI_RENJA


def test_angka_teks_di_kolom_kembar_bukan_kode() -> None:
    """Review finding: a merged target column whose twin holds numbers typed as text ('80',
    '1.500') is not a second code column."""
    from kinerja_report.read.header import _jenis_isi

    assert _jenis_isi(["80", "12", "1.500"]) == ""
    assert _jenis_isi(["1.02", "1.02.01", "01"]) == "kode"
    assert _jenis_isi(["persen", "jenis", "orang"]) == "satuan"


def test_sel_tersimpan_tanpa_atribut_privat_openpyxl() -> None:
    """read/sheet.py walks openpyxl's private ``ws._cells``; should a release drop it, the
    public row iterator gives the same cells with values."""
    import openpyxl

    from kinerja_report.read.sheet import sel_tersimpan
    from tests.conftest import FIXTURES

    workbook = openpyxl.load_workbook(FIXTURES / "baris-lanjutan.xlsx")
    ws = workbook.worksheets[0]

    class TanpaCells:  # the same sheet, as a release without '_cells' would give it
        def __getattr__(self, name: str) -> object:
            if name == "_cells":
                raise AttributeError(name)
            return getattr(ws, name)

    def isi(cells: object) -> set[tuple[str, object]]:
        return {(c.coordinate, c.value) for c in cells if c.value is not None}  # type: ignore[attr-defined]

    assert isi(sel_tersimpan(ws)) == isi(sel_tersimpan(TanpaCells()))  # type: ignore[arg-type]
    assert len(isi(sel_tersimpan(ws))) > 20
