"""The LKjIP blocks of an OPD from its own rows, across two years of small forms."""

from __future__ import annotations

import copy
from pathlib import Path

from kinerja_report.compute.lkjip import lkjip_opd
from kinerja_report.compute.lkjip_blok import Judul, Paragraf, Tabel
from kinerja_report.pipeline import kumpulkan
from tests.builders import BARIS_CONTOH, buat_evaluasi


def test_lkjip_opd_dua_tahun(tmp_path: Path) -> None:
    lalu = copy.deepcopy(BARIS_CONTOH)
    lalu[0][8:16] = [20, None, 20, None, 20, None, 20, None]  # 80 in 2022 (95 in 2023)
    lalu[0][16] = 80
    buat_evaluasi(tmp_path / "a2022.xlsx", "Bappeda", 2022, lalu)
    buat_evaluasi(tmp_path / "a2023.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    kumpulan = kumpulkan(tmp_path)
    lap = next(x for x in kumpulan.laporan if x.tahun == 2023)
    dokumen = lkjip_opd(lap, kumpulan.laporan, kumpulan.pengaturan.aturan)
    assert dokumen.judul == "Laporan Kinerja Bappeda Tahun 2023"
    assert not dokumen.pemda
    judul = [b.teks for b in dokumen.blok if isinstance(b, Judul) and b.tingkat == 1]
    assert judul == [
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "DAFTAR ISI",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN",
    ]
    paragraf = [b.teks for b in dokumen.blok if isinstance(b, Paragraf)]
    pencilan = next(
        i for i, p in enumerate(paragraf) if p.startswith("Rata-rata capaian menghitung semua")
    )
    assert "termasuk pencilan" in paragraf[pencilan]
    assert (  # the first indicator's paragraph follows that sentence
        "Realisasi Persentase dokumen perencanaan tepat waktu tahun 2023 sebesar 95 persen, "
        "naik 15 poin persen dari 80 persen pada tahun 2022 (membaik)." in paragraf[pencilan + 1]
    )
    assert any(p.startswith("[Diisi analis: faktor pendorong") for p in paragraf)
    capaian = next(
        b
        for b in dokumen.blok
        if isinstance(b, Tabel) and b.judul.startswith("Capaian indikator sasaran")
    )
    assert capaian.baris[0][:5] == (
        "PROGRAM PERENCANAAN PEMBANGUNAN DAERAH",
        "Persentase dokumen perencanaan tepat waktu (persen)",
        "100",
        "95",
        "95,00\u00a0%",
    )
    assert capaian.baris[0][5] == "2022: 80 (80,00\u00a0%)"
    urusan = next(
        b for b in dokumen.blok if isinstance(b, Tabel) and b.kepala[1] == "Bidang urusan"
    )
    assert urusan.baris == (
        ("5.01", "Perencanaan", "Rp\u00a0500.000.000", "Rp\u00a0460.000.000", "92,00\u00a0%"),
        ("", "Jumlah", "Rp\u00a0500.000.000", "Rp\u00a0460.000.000", "92,00\u00a0%"),
    )
