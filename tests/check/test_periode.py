"""The end of the period each form is measured against (check/periode.py, table.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from kinerja_report.pipeline import kumpulkan
from tests.conftest import FIXTURES
from tests.fixtures.formulir import STANDAR, tulis_formulir

TANPA_TAHUN = "Target Renstra Perangkat Daerah (akhir periode)"


def _formulir_tanpa_tahun(path: Path) -> None:
    kolom = [*STANDAR[:6], ("t6", (TANPA_TAHUN, "K")), *STANDAR[6:]]
    row = {"kode": "1.06.02", "uraian": "PROGRAM X", "indikator": "Jumlah KPM", "satuan": "KK",
           "t6": 1000, "t": 200, "tw4": 190}  # fmt: skip
    judul = ["EVALUASI RENJA", "KABUPATEN KEPAHIANG", "Perangkat Daerah : Dinas Sosial",
             "Tahun 2023"]  # fmt: skip
    tulis_formulir(path, judul, [row], kolom)


def test_tanpa_tahun_akhir_tidak_ada_kemajuan(tmp_path: Path) -> None:
    _formulir_tanpa_tahun(tmp_path / "a.xlsx")
    kumpulan = kumpulkan(tmp_path)
    (problem,) = [p for p in kumpulan.masalah if p.kode == "periode-tidak-diketahui"]
    assert (problem.berkas, problem.lembar) == ("a.xlsx", "Evaluasi Renja")
    (row,) = kumpulan.baris
    assert row.tahun_akhir is None
    assert row.kemajuan.status == ""


def test_tahun_akhir_dari_pengaturan(tmp_path: Path) -> None:
    _formulir_tanpa_tahun(tmp_path / "a.xlsx")
    (tmp_path / "pengaturan.toml").write_text("[periode]\nakhir = 2026\n", encoding="utf-8")
    kumpulan = kumpulkan(tmp_path)
    assert "periode-tidak-diketahui" not in {p.kode for p in kumpulan.masalah}
    (row,) = kumpulan.baris
    assert row.tahun_akhir == 2026
    # 190 KK in 2023, a count: 190 + 190 x 3 = 760 by 2026 against 1000 -> tidak tercapai
    assert (row.kemajuan.proyeksi, row.kemajuan.status) == (760, "tidak tercapai")


def test_judul_kolom_menang_atas_pengaturan(tmp_path: Path) -> None:
    name = "satuan-dan-periode-dari-judul.xlsx"
    shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "pengaturan.toml").write_text("[periode]\nakhir = 2026\n", encoding="utf-8")
    kumpulan = kumpulkan(tmp_path)
    (problem,) = [p for p in kumpulan.masalah if p.kode == "periode-berbeda"]
    assert problem.sel == "E8"
    assert "akhir periode 2024" in problem.pesan
    assert {row.tahun_akhir for row in kumpulan.baris} == {2024}
