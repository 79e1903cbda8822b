"""Numbers that do not fit are errors at their cell; a fraction against a percentage target is
a warning; nothing downstream ever sees inf or nan."""

from __future__ import annotations

from pathlib import Path

from kinerja_report.pipeline import kumpulkan, tugas_evaluasi
from kinerja_report.write.csv_files import csv_capaian
from tests.builders import buat_evaluasi, ganti_di_anggota

#       No Sasaran Kode       Uraian   Indikator      Satuan
KEPALA = [1, "S", "5.01.02", "PROGRAM", "Persentase X", "%"]


def _baris(
    target: object = 100,
    target_rp: object = None,
    triwulan: tuple[object, ...] = (None, None, None, None),
    triwulan_rp: tuple[object, ...] = (None, None, None, None),
    realisasi: object = None,
    realisasi_rp: object = None,
    satuan: str = "%",
) -> list[object]:
    quarters = [v for pair in zip(triwulan, triwulan_rp, strict=True) for v in pair]
    return [*KEPALA[:5], satuan, target, target_rp, *quarters, realisasi, realisasi_rp]


def _masalah(folder: Path, kode: str) -> list[tuple[str, str]]:
    return [(p.sel, p.pesan) for p in kumpulkan(folder).masalah if p.kode == kode]


def test_triwulan_1e308_galat_di_sel_tanpa_inf(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "a.xlsx", "Bappeda", 2023, [_baris(triwulan=(1e308,) * 4)])
    kumpulan = kumpulkan(tmp_path)
    wajar = [(p.sel, p.tingkat.value) for p in kumpulan.masalah if p.kode == "angka-tidak-wajar"]
    assert wajar == [("I10", "galat"), ("K10", "galat"), ("M10", "galat"), ("O10", "galat")]
    (row,) = kumpulan.baris
    assert (row.realisasi.angka, row.capaian.persen, row.kategori) == (None, None, "")
    assert kumpulan.laporan[0].rata_rata is None
    assert b"inf" not in csv_capaian(kumpulan.baris)


def _ganti_nilai(path: Path, lama: str, baru: str) -> None:
    """Rewrite a cached cell value in the sheet XML (openpyxl never writes inf itself)."""
    ganti_di_anggota(
        path, "xl/worksheets/sheet1.xml", {f"<v>{lama}</v>".encode(): f"<v>{baru}</v>".encode()}
    )


def test_nilai_tak_hingga_di_berkas_galat(tmp_path: Path) -> None:
    rows = [_baris(target=111111, triwulan=(222222, None, None, None), realisasi=333333)]
    path = buat_evaluasi(tmp_path / "a.xlsx", "Bappeda", 2023, rows)
    _ganti_nilai(path, "111111", "1E999")  # a float beyond the range: inf
    _ganti_nilai(path, "222222", "-1e999")
    _ganti_nilai(path, "333333", "1" + "0" * 400)  # an int too large for a float
    problems = _masalah(tmp_path, "angka-tidak-wajar")
    assert [(sel, pesan.split(" tidak")[0]) for sel, pesan in problems] == [
        ("G10", "Angka inf"),
        ("I10", "Angka -inf"),
        ("Q10", "Angka 1e+400"),
    ]


def test_pesan_angka_tidak_wajar(tmp_path: Path) -> None:
    buat_evaluasi(tmp_path / "a.xlsx", "Bappeda", 2023, [_baris(realisasi="9" * 30)])
    assert _masalah(tmp_path, "angka-tidak-wajar") == [
        (
            "Q10",
            f"Angka {'9' * 30} tidak dapat dipakai (tak hingga, bukan angka, atau lebih dari "
            "1.000.000.000.000.000); dianggap kosong",
        )
    ]


def test_anggaran_1e308_tidak_menggagalkan_laporan(tmp_path: Path) -> None:
    rows = [_baris(target_rp=1e308, realisasi_rp=1e308), _baris(target_rp=1e308)]
    buat_evaluasi(tmp_path / "a.xlsx", "Bappeda", 2023, rows)
    kumpulan = kumpulkan(tmp_path)
    cells = [p.sel for p in kumpulan.masalah if p.kode == "angka-tidak-wajar"]
    assert cells == ["H10", "R10", "H11"]
    (tugas,) = tugas_evaluasi(
        kumpulan.laporan, kumpulan.pengaturan
    )  # the HTML is rendered: formats.rupiah of the sums
    assert "inf" not in tugas.html.lower().replace("informasi", "")


def test_jumlah_triwulan_terlalu_besar(tmp_path: Path) -> None:
    rows = [_baris(triwulan_rp=(9e14,) * 4, realisasi_rp=9e14)]
    buat_evaluasi(tmp_path / "a.xlsx", "Bappeda", 2023, rows)
    problems = _masalah(tmp_path, "jumlah-terlalu-besar")
    assert problems == [
        (
            "R10",
            "Jumlah realisasi anggaran triwulan (3.600.000.000.000.000) lebih dari "
            "1.000.000.000.000.000; periksa angka di baris ini",
        ),
        (
            "P10",
            "Jumlah realisasi anggaran lembar ini (3.600.000.000.000.000) lebih dari "
            "1.000.000.000.000.000; periksa angka di baris ini",
        ),
    ]


def test_jumlah_pagu_lembar_terlalu_besar(tmp_path: Path) -> None:
    rows = [_baris(target_rp=6e14), _baris(target_rp=6e14)]
    buat_evaluasi(tmp_path / "a.xlsx", "Bappeda", 2023, rows)
    assert [sel for sel, _ in _masalah(tmp_path, "jumlah-terlalu-besar")] == ["H11"]


def test_realisasi_pecahan_dari_target_persen_diperingatkan(tmp_path: Path) -> None:
    rows = [
        _baris(target=85, realisasi="0,85"),  # the case: 1 % without a word
        _baris(target=100, triwulan=(0.2, 0.2, 0.2, 0.3), satuan="dokumen"),  # ~100: a percent
        _baris(target=85, realisasi=85),  # fine
        _baris(target=4, realisasi=0.5, satuan="dokumen"),  # not a percentage
        _baris(target=85, realisasi=0.05),  # far from 85 %: not taken for a fraction
    ]
    buat_evaluasi(tmp_path / "a.xlsx", "Bappeda", 2023, rows)
    kumpulan = kumpulkan(tmp_path)
    problems = [p for p in kumpulan.masalah if p.kode == "realisasi-pecahan-persen"]
    assert [(p.sel, p.tingkat.value) for p in problems] == [
        ("Q10", "peringatan"),
        ("O11", "peringatan"),
    ]
    assert problems[0].pesan == (
        "Realisasi 0,85 tampak ditulis sebagai pecahan, sedangkan target 85 dalam persen "
        "(mungkin maksudnya 85,00\u00a0%); capaian dihitung dari angka apa adanya"
    )
    assert kumpulan.baris[0].capaian.persen == 1.0  # computed as written, not guessed
