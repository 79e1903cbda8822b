"""Bappeda's evaluation of the year for the whole region (kinerja_report.compute.rkpd)."""

from __future__ import annotations

import shutil
from pathlib import Path

from kinerja_report.compute.rkpd import TANPA_SASARAN, evaluasi_rkpd, sasaran_rpjmd_opd
from kinerja_report.compute.rules import AturanCapaian
from kinerja_report.model import KOSONG, IndikatorRpjmd, Polaritas, TingkatIndikator
from kinerja_report.pipeline import kumpulkan
from tests.conftest import FIXTURES


def _ikd(sasaran: str, pj: str) -> IndikatorRpjmd:
    return IndikatorRpjmd(1, "", sasaran, "x", "%", Polaritas.POSITIF, KOSONG, {}, {}, pj)


RPJMD = [
    _ikd("Meningkatnya kualitas pembangunan manusia", "Bappeda, Dinas Kesehatan"),
    _ikd("Meningkatnya derajat kesehatan", "Dinas Kesehatan, RSUD Kepahiang"),
    _ikd("Menurunnya kemiskinan", "Dinas Sosial, Bappeda"),
]


def test_sasaran_dari_penanggung_jawab_pertama() -> None:
    assert sasaran_rpjmd_opd("Dinas Kesehatan", RPJMD) == "Meningkatnya derajat kesehatan"
    assert sasaran_rpjmd_opd("RSUD Kepahiang", RPJMD) == "Meningkatnya derajat kesehatan"
    # 'Bappeda' in the matrix is the agency's full name in the forms
    assert (
        sasaran_rpjmd_opd("Badan Perencanaan Pembangunan Daerah", RPJMD)
        == "Meningkatnya kualitas pembangunan manusia"
    )
    assert sasaran_rpjmd_opd("Dinas Perumahan Rakyat", RPJMD) == ""


def test_satu_formulir_tanpa_rpjmd(tmp_path: Path) -> None:
    """One OPD's form, no RPJMD matrix: its programmes under 'not linked', its budget the
    regency's total, the evaluator's block dotted (no list, no Bappeda form)."""
    shutil.copy(FIXTURES / "triwulan-dua.xlsx", tmp_path)
    kumpulan = kumpulkan(tmp_path)
    assert kumpulan.evaluasi_rkpd == ()  # one OPD alone: its own evaluation, not the region's
    rkpd = evaluasi_rkpd(2023, kumpulan.laporan, [], [], AturanCapaian(), "", "Kabupaten Kepahiang")
    assert rkpd is not None
    assert rkpd.tahun == 2023
    assert rkpd.sebagian
    (kelompok,) = rkpd.kelompok
    assert kelompok.sasaran == TANPA_SASARAN
    assert [b.tingkat for b in kelompok.baris] == [TingkatIndikator.PROGRAM]
    assert kelompok.baris[0].penanggung_jawab == "Dinas Sosial"
    assert rkpd.jumlah_rp[2] == 400_000_000
    assert rkpd.pagu == kumpulan.laporan[0].anggaran.pagu
    assert rkpd.dievaluasi.penandatangan is None
    assert rkpd.dievaluasi.jabatan == "Kepala Bappeda Kabupaten Kepahiang"
