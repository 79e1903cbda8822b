"""The signature block at the foot of a form (read/tanda_tangan.py)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import openpyxl

from kinerja_report.read.folder import baca_berkas
from kinerja_report.read.sheet import Lembar
from kinerja_report.read.tanda_tangan import baca_tanda_tangan
from tests.conftest import FIXTURES

DELI = "evaluasi_renja_tw4_bappedalitbang_deliserdang_2025.xlsx"
SUKABUMI = "evaluasi_hasil_renja_pd_bappeda_sukabumi_2018.xlsx"


def test_blok_disusun_dipilih_dari_dua_blok() -> None:
    name = "blok-tanda-tangan.xlsx"
    (evaluasi,) = baca_berkas(FIXTURES / name, PurePosixPath(name)).evaluasi
    blok = evaluasi.tanda_tangan
    assert blok is not None
    signer = blok.penandatangan
    assert (signer.nama, signer.nip, signer.pangkat) == (
        "Drs. Kepala Fiktif, M.Si",
        "19700101 199501 1 001",
        "Pembina, IV/a",
    )
    assert signer.jabatan == "Plt. KEPALA DINAS SOSIAL KABUPATEN KEPAHIANG"
    assert (blok.tempat, blok.tanggal, blok.sumber.sel) == (
        "Bukit Contoh",
        "10 Januari 2024",
        "Z20",
    )
    assert (signer.tahun, signer.perangkat_daerah) == (2023, "Dinas Sosial")


def test_deli_serdang_kepala_badan(real_workbooks: Path) -> None:
    (evaluasi,) = baca_berkas(real_workbooks / DELI, PurePosixPath(DELI)).evaluasi
    blok = evaluasi.tanda_tangan
    assert blok is not None
    workbook = openpyxl.load_workbook(real_workbooks / DELI, read_only=True)
    sheet = workbook.worksheets[0]
    nama = next(
        sheet.iter_rows(min_row=123, max_row=123, min_col=24, max_col=24, values_only=True)
    )[0]
    workbook.close()  # read-only workbooks keep the file open until closed
    assert blok.penandatangan.nama == str(nama).strip()  # X123, not copied into our code
    assert blok.penandatangan.nip == "19660506 199203 1 004"
    assert blok.penandatangan.jabatan.startswith("KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH,")
    assert blok.penandatangan.jabatan.endswith("KABUPATEN DELI SERDANG")
    assert (blok.tempat, blok.tanggal, blok.sumber.sel) == ("Lubuk Pakam", "Desember 2025", "X123")


def test_sukabumi_blok_kosong_bukan_penandatangan(real_workbooks: Path) -> None:
    """'KEPALA ……', '(………)': an unfilled form names nobody."""
    (evaluasi,) = baca_berkas(real_workbooks / SUKABUMI, PurePosixPath(SUKABUMI)).evaluasi
    assert evaluasi.tanda_tangan is None


def _lembar(sel: dict[str, str]) -> Lembar:
    """A sheet of texts at Excel addresses (nothing merged)."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    values: dict[tuple[int, int], object] = {}
    for alamat, teks in sel.items():
        kolom, baris = coordinate_from_string(alamat)
        values[(baris, column_index_from_string(kolom))] = teks
    rows = max(r for r, _ in values)
    cols = max(c for _, c in values)
    return Lembar("x.xlsx", "E.81", values, {}, frozenset(), rows, cols)


def _baca(sel: dict[str, str], opd: str = "Dinas Sosial") -> str:
    blok = baca_tanda_tangan(_lembar(sel), 1, 2024, opd)
    return blok.penandatangan.nama if blok else ""


KEPALA_KANAN = {
    "K2": "Kepahiang, 10 Januari 2025", "K3": "Kepala Dinas Sosial",
    "K7": "Drs. Kepala Fiktif", "K8": "NIP. 19700101 199501 1 001",
}  # fmt: skip


def test_label_di_kolom_tetangga() -> None:
    """Sukabumi's layout: the labels stand one column right of their blocks."""
    sel = {
        "B1": "Dievaluasi", "A2": "Kepahiang, 12 Januari 2025", "A3": "Kepala Bappeda",
        "A7": "Ir. Evaluator Fiktif", "A8": "NIP. 19680101 199003 1 002",
        "L1": "Disusun", **KEPALA_KANAN,
    }  # fmt: skip
    assert _baca(sel) == "Drs. Kepala Fiktif"


def test_mengetahui_di_kiri_bukan_penyusun() -> None:
    sel = {
        "A2": "Mengetahui,", "A3": "Kepala Bappeda Kabupaten Kepahiang",
        "A7": "Ir. Evaluator Fiktif", "A8": "NIP. 19680101 199003 1 002", **KEPALA_KANAN,
    }  # fmt: skip
    assert _baca(sel) == "Drs. Kepala Fiktif"


def test_daftar_tim_dan_catatan_dalam_kurung_bukan_penandatangan() -> None:
    sel = {
        "A1": "Tim Penyusun:", "A2": "1. Budi Santoso", "A3": "NIP. 19800101 200501 1 003",
        "C1": "Sumber data", "C2": "(dalam ribuan rupiah)",
    }  # fmt: skip
    assert _baca(sel) == ""
    assert _baca({**sel, **KEPALA_KANAN}) == "Drs. Kepala Fiktif"


def test_tanggal_tanpa_tempat_bukan_jabatan() -> None:
    sel = {"A1": "Desember 2025", "A2": "KEPALA DINAS SOSIAL", "A6": "Drs. Kepala Fiktif",
           "A7": "Eselon II.b", "A8": "NIP. 19700101 199501 1 001"}  # fmt: skip
    blok = baca_tanda_tangan(_lembar(sel), 1, 2024, "Dinas Sosial")
    assert blok is not None
    signer = blok.penandatangan
    assert (signer.jabatan, signer.pangkat, blok.tanggal) == (
        "KEPALA DINAS SOSIAL",
        "Eselon II.b",
        "Desember 2025",
    )


def test_kolom_penuh_nip_bukan_penandatangan() -> None:
    """8.000 lines of NIPs (the review's worst case: 33 s when every anchor copied its whole
    column) name nobody; each anchor now reads at most BARIS_BLOK lines upward."""
    sel = {f"A{r}": f"NIP. 1970010119950110{r % 100:02d}" for r in range(1, 8001)}
    assert _baca(sel) == ""  # a column of NIPs names nobody
