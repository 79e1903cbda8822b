"""Bappeda's evaluation of the year for the whole region (kinerja_report.compute.rkpd)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kinerja_report.compute.pohon import kunci_simpul, sasaran_rpjmd_program
from kinerja_report.compute.rkpd import TANPA_SASARAN, evaluasi_rkpd
from kinerja_report.compute.rules import AturanCapaian
from kinerja_report.model import TingkatIndikator
from kinerja_report.pipeline import Kumpulan, kumpulkan
from kinerja_report.render.pohon import catatan_keselarasan
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def kumpulan_contoh(kumpulan_sampel: Kumpulan) -> Kumpulan:
    return kumpulan_sampel


def test_kelompok_sasaran_sama_dengan_pohon(kumpulan_contoh: Kumpulan) -> None:
    """Twin rule: the regency evaluation's grouping by RPJMD sasaran and the pohon kinerja
    read one link (formerly the evaluation guessed from the matrix's responsible agencies
    while the pohon followed the cascading sheet: Disdukcapil and Perkim unlinked in one,
    linked in the other; Dinas Sosial the other way round)."""
    assert kumpulan_contoh.evaluasi_rkpd
    for rkpd in kumpulan_contoh.evaluasi_rkpd:
        (tree,) = [t for t in kumpulan_contoh.pohon if t.tahun == rkpd.tahun]
        unlinked = catatan_keselarasan(tree)
        for kelompok in rkpd.kelompok:
            for row in kelompok.baris:
                linked = sasaran_rpjmd_program(tree, row.penanggung_jawab, row.kode, row.uraian)
                assert kelompok.sasaran == (linked or TANPA_SASARAN), (row.kode, row.uraian)
                node = tree.cari(
                    kunci_simpul("program", row.uraian, row.penanggung_jawab, row.kode)
                )
                assert node is not None
                sasaran_pd = [p for p in tree.leluhur(node) if p.tingkat == "sasaran pd"]
                if sasaran_pd and sasaran_pd[0].kunci in unlinked:
                    assert kelompok.sasaran == TANPA_SASARAN


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
