"""Budgets: each programme once, from its own row or from its kegiatan (compute/report.py)."""

from __future__ import annotations

from dataclasses import replace

from kinerja_report.compute.capaian import HasilCapaian
from kinerja_report.compute.report import anggaran, pagu_program
from kinerja_report.compute.rules import Agregasi
from kinerja_report.compute.semantics import SifatIndikator
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.model import KOSONG, Nilai, Polaritas, TingkatIndikator

P, K, S = TingkatIndikator.PROGRAM, TingkatIndikator.KEGIATAN, TingkatIndikator.SUB_KEGIATAN


def _baris(tingkat: TingkatIndikator, uraian: str, pagu: float | None) -> BarisCapaian:
    sifat = SifatIndikator(Polaritas.POSITIF, Agregasi.KUMULATIF, "uji", "uji")
    return BarisCapaian(
        2018, "Bappeda", "", tingkat, uraian, f"Indikator {uraian}", "dokumen", sifat,
        Nilai(1), Nilai(1), HasilCapaian(100, "uji"), "Sangat Tinggi",
        target_rp=Nilai(pagu) if pagu is not None else KOSONG,
        realisasi_rp=Nilai(pagu * 0.9) if pagu is not None else KOSONG,
    )  # fmt: skip


def test_pagu_program_dari_kegiatan_bila_baris_program_tanpa_pagu() -> None:
    """Review finding: older forms put the pagu on the kegiatan only; the budget was Rp 0."""
    rows = [
        _baris(P, "Program A", None),
        _baris(K, "Kegiatan A1", 100),
        _baris(K, "Kegiatan A1", 100),  # a further indicator: the same pagu, counted once
        _baris(K, "Kegiatan A2", 200),
        _baris(P, "Program B", 50),
        _baris(K, "Kegiatan B1", 30),  # the programme's own amount wins
    ]
    assert [(p.uraian, p.pagu) for p in pagu_program(rows)] == [
        ("Program A", 300),
        ("Program B", 50),
    ]
    assert anggaran(rows).pagu == 350


def test_tanpa_baris_program_kegiatan_lalu_sub_kegiatan() -> None:
    kegiatan = [_baris(K, "Kegiatan 1", 100), _baris(S, "Sub 1", 60), _baris(S, "Sub 2", 40)]
    assert anggaran(kegiatan).pagu == 100
    sub = [replace(row, tingkat=S) for row in kegiatan[1:]]
    assert anggaran(sub).pagu == 100
    assert anggaran([_baris(K, "Kegiatan 1", None)]).pagu == 0
