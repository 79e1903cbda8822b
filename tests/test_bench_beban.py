"""The benchmark's workload generator (bench/beban.py): the files it writes, not how fast
anything runs (no test asserts time)."""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import load_workbook

from bench.beban import daftar_opd, modul_sample, tulis_beban, ubah_satu_nilai
from kinerja_report.pipeline import kumpulkan
from kinerja_report.problems import Tingkat

E81_DUA_OPD = [
    "2021/Evaluasi Renja Dikbud 2021.xlsx",
    "2022/Evaluasi Renja Dikbud 2022.xlsx",
    "2023/Evaluasi Renja Dikbud 2023.xlsx",
    "2024/Evaluasi Renja Dikbud 2024.xlsx",
    "2021/EVALUASI RENJA DINKES TW IV 2021.xlsx",
    "2022/EVALUASI RENJA DINKES TW IV 2022.xlsx",
    "2023/EVALUASI RENJA DINKES TW IV 2023.xlsx",
    "2024/EVALUASI RENJA DINKES TW IV 2024.xlsx",
]


def test_beban_dua_opd(tmp_path: Path) -> None:
    lxml = os.environ.get("OPENPYXL_LXML")
    ditulis = tulis_beban(tmp_path, 2)
    assert [p.relative_to(tmp_path).as_posix() for p in ditulis] == E81_DUA_OPD
    semua = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert semua == sorted(
        [
            *E81_DUA_OPD,
            "2024/EVALUASI RENJA DINKES TW II 2024.xlsx",  # as in sample_data
            "2024/Rencana Aksi Dinas Kesehatan 2024.xlsx",
            "2024/Rencana Aksi Dinas Pendidikan dan Kebudayaan 2024.xlsx",
            "logo-kabupaten.svg",
            "pengaturan.toml",
            "penandatangan.xlsx",
            "rpjmd/cascading-kinerja-2021-2026.xlsx",
            "rpjmd/komponen-ipm.xlsx",
            "rpjmd/matriks-ikd-rpjmd-2021-2026.xlsx",
        ]
    )
    assert os.environ.get("OPENPYXL_LXML") == lxml  # the generator's setting is not left behind
    kumpulan = kumpulkan(tmp_path)
    assert sorted({(lap.opd, lap.tahun) for lap in kumpulan.laporan}) == [
        (opd, tahun)
        for opd in ("Dinas Kesehatan", "Dinas Pendidikan dan Kebudayaan")
        for tahun in (2021, 2022, 2023, 2024)
    ]
    assert kumpulan.jumlah(Tingkat.GALAT) == 0


def test_opd_di_atas_sebelas_adalah_salinan_dengan_nama_sendiri() -> None:
    opd, templat = daftar_opd(modul_sample(), 13)
    assert [o.nama for o in opd[11:]] == [
        "Dinas Perhubungan",
        "Dinas Komunikasi, Informatika dan Persandian",
    ]
    assert [o.berkas for o in opd[11:]] == [
        "Evaluasi Renja Dinas Perhubungan {t}.xlsx",
        "Evaluasi Renja Dinas Komunikasi Informatika dan Persandian {t}.xlsx",
    ]
    assert [templat[o.kunci] for o in opd[11:]] == ["dikbud", "dinkes"]
    assert len({o.nama for o in opd}) == len({o.berkas for o in opd}) == 13


def test_salinan_opd_bertriwulan_ii_juga_punya_formulir_tw_ii(tmp_path: Path) -> None:
    # the quarterly documents in the sample's proportions: the copy of Dinas Kesehatan
    # (the 13th OPD) has its own TW II form, every OPD a Rencana Aksi
    tulis_beban(tmp_path, 13)
    tw2 = sorted(p.name for p in (tmp_path / "2024").glob("*TW II*"))
    assert tw2 == [
        "EVALUASI RENJA DINKES TW II 2024.xlsx",
        "Eval Renja PUPR TW II 2024.xlsx",
        "Evaluasi Renja Dinas Komunikasi Informatika dan Persandian TW II 2024.xlsx",
    ]
    assert len(list((tmp_path / "2024").glob("Rencana Aksi *.xlsx"))) == 13
    kumpulan = kumpulkan(tmp_path)
    triwulan = sorted(lap.opd for lap in kumpulan.tahapan)
    assert "Dinas Komunikasi, Informatika dan Persandian" in triwulan


def test_ubah_satu_nilai(tmp_path: Path) -> None:
    ditulis = tulis_beban(tmp_path, 1)
    berkas = ditulis[-1]
    sebelum = load_workbook(berkas).active
    assert sebelum is not None
    sel = ubah_satu_nilai(berkas)
    assert sel == "Evaluasi Renja!S10, U10"
    sesudah = load_workbook(berkas).active
    assert sesudah is not None
    for ref in ("S10", "U10"):
        assert sesudah[ref].value == sebelum[ref].value + 1
