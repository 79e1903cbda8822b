"""The LKE worksheet of PermenPAN-RB 88/2021 and the index of evidence built from a list of
outputs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kinerja_report.compute.lke import ADA_PEMBANDING, ATURAN_BUKTI, BarisIndeks, indeks_bukti
from kinerja_report.compute.lke_kriteria import LKE_88_2021, semua_kriteria
from kinerja_report.read.normalize import normalisasi
from kinerja_report.settings import Daerah


def test_the_worksheet_has_the_regulations_components_and_weights() -> None:
    assert [(k.nama, k.bobot) for k in LKE_88_2021] == [
        ("Perencanaan Kinerja", 30),
        ("Pengukuran Kinerja", 30),
        ("Pelaporan Kinerja", 15),
        ("Evaluasi Akuntabilitas Kinerja Internal", 25),
    ]
    for komponen in LKE_88_2021:  # pemenuhan 20 %, kualitas 30 %, pemanfaatan 50 %
        assert [s.jenis for s in komponen.sub] == ["Pemenuhan", "Kualitas", "Pemanfaatan"]
        assert [s.bobot / komponen.bobot for s in komponen.sub] == pytest.approx([0.2, 0.3, 0.5])
    jumlah = {s.kode: len(s.kriteria) for k in LKE_88_2021 for s in k.sub}
    assert jumlah == {
        "1.a": 6, "1.b": 11, "1.c": 8, "2.a": 3, "2.b": 7, "2.c": 10,
        "3.a": 6, "3.b": 9, "3.c": 7, "4.a": 3, "4.b": 5, "4.c": 5,
    }  # fmt: skip
    kode = [c.kode for _, _, c in semua_kriteria()]
    assert len(kode) == len(set(kode)) == 80


def test_every_rule_names_a_criterion_of_the_worksheet() -> None:
    kode = {c.kode for _, _, c in semua_kriteria()}
    assert set(ATURAN_BUKTI) <= kode
    for aturan in ATURAN_BUKTI.values():
        assert aturan
        assert all(b.pemda or b.opd for b in aturan)


KELUARAN = [
    "capaian.csv",
    "2024/perjanjian-kinerja/bupati.pdf",
    "2024/perjanjian-kinerja/dinas-a.pdf",
    "2024/perjanjian-kinerja/dinas-a/kepala-bidang-x.pdf",
    "2024/evaluasi/dinas-a.pdf",
    "2024/evaluasi/dinas-b.pdf",
    "2024/triwulan-2/evaluasi/dinas-b.pdf",
    "2024/lkjip/lkjip-pemda.docx",
    "2023/perjanjian-kinerja/dinas-b.pdf",
]
OPD = [("Dinas A", "dinas-a"), ("Dinas B", "dinas-b")]


def _baris(daftar: Sequence[BarisIndeks], kode: str) -> BarisIndeks:
    return next(b for b in daftar if b.kriteria.kode == kode)


def test_the_regency_index_counts_the_perangkat_daerah_that_have_the_document() -> None:
    indeks = indeks_bukti(2024, Daerah(), KELUARAN, OPD)
    pk = _baris(indeks.pemda, "1.a.4")
    assert [(b.pola, b.berkas, b.jumlah_opd) for b in pk.bukti] == [
        ("2024/perjanjian-kinerja/bupati.pdf", ("2024/perjanjian-kinerja/bupati.pdf",), 0),
        (  # Dinas B has a PK of 2023 only: not this year's evidence
            "2024/perjanjian-kinerja/<perangkat-daerah>.pdf",
            ("2024/perjanjian-kinerja/dinas-a.pdf",),
            1,
        ),
    ]
    assert not _baris(indeks.pemda, "1.a.1").ada  # no rule: guidelines are not ours
    assert not _baris(indeks.pemda, "4.c.5").ada
    assert indeks.jumlah_kriteria == 80
    assert indeks.jumlah_ada == sum(b.ada for b in indeks.pemda)
    assert sum(ada for ada, _ in indeks.per_komponen) == indeks.jumlah_ada
    assert [n for _, n in indeks.per_komponen] == [25, 20, 22, 13]


def test_each_perangkat_daerah_gets_its_own_files_only() -> None:
    indeks = indeks_bukti(2024, Daerah(), KELUARAN, OPD)
    a, b = indeks.opd
    assert [x.berkas for x in _baris(a.baris, "1.a.4").bukti] == [
        ("2024/perjanjian-kinerja/dinas-a.pdf",)
    ]
    assert not _baris(b.baris, "1.a.4").ada
    # a unit PK sits one folder down: '*' never crosses a folder
    assert [x.berkas for x in _baris(a.baris, "1.b.10").bukti] == [
        ("2024/perjanjian-kinerja/dinas-a/kepala-bidang-x.pdf",)
    ]
    assert not _baris(b.baris, "1.b.10").ada
    # quarterly evaluations: monitoring through the year (1.c.4) only where they exist
    assert not _baris(a.baris, "1.c.4").ada
    assert [x.berkas for x in _baris(b.baris, "1.c.4").bukti] == [
        ("2024/triwulan-2/evaluasi/dinas-b.pdf",)
    ]
    # a file shared by all (capaian.csv) is evidence for each of them
    assert _baris(a.baris, "2.b.7").ada
    assert _baris(b.baris, "2.b.7").ada
    # the regency's LKjIP is not a perangkat daerah's report
    assert not _baris(a.baris, "3.a.1").ada
    assert _baris(indeks.pemda, "3.a.1").ada


def test_a_benchmark_is_claimed_only_when_the_build_has_comparison_figures() -> None:
    tanpa = indeks_bukti(2024, Daerah(), KELUARAN, OPD)
    dengan = indeks_bukti(2024, Daerah(), KELUARAN, OPD, frozenset({ADA_PEMBANDING}))
    assert not _baris(tanpa.pemda, "3.b.6").ada
    assert [b.berkas for b in _baris(dengan.pemda, "3.b.6").bukti] == [
        ("2024/lkjip/lkjip-pemda.docx",)
    ]


def test_a_real_opd_worksheet_asks_our_criteria(real_workbooks: Path) -> None:
    """Trenggalek's OPD worksheet (a regency's adaptation of the 88/2021 LKE): its criteria
    are ours, word for word but for a few local rewordings and its own extra component D.4."""
    wb = load_workbook(real_workbooks / "kke_evaluasi_sakip_opd_trenggalek_draft.xlsx")
    milik_kami = {c.kode: normalisasi(c.teks) for _, _, c in semua_kriteria()}
    cocok: list[str] = []
    jumlah = 0
    for row in wb["PENILAIAN"].iter_rows(min_row=4, values_only=True):
        kode = row[0]
        if not (isinstance(kode, str) and re.fullmatch(r"[A-Z]{4}\d{3}\.\d+", kode.strip())):
            continue
        teks = normalisasi(next((v for v in row[1:7] if isinstance(v, str) and len(v) > 25), ""))
        jumlah += 1
        kami, rasio = max(
            ((k, SequenceMatcher(None, t, teks).ratio()) for k, t in milik_kami.items()),
            key=lambda item: item[1],
        )
        if rasio > 0.85:
            cocok.append(kami)
    assert jumlah == 76
    assert len(cocok) == 70  # 6 reworded or local
    # distinct: the regulation words 4.a.2 and 4.b.4 alike, so both land on one of ours
    assert len(set(cocok)) == 69
