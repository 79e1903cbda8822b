"""The regent's summary template on the sample and without IPM, OPDs or budget."""

from __future__ import annotations

import re
from dataclasses import replace

from kinerja_report.pipeline import Kumpulan, ringkasan_daerah
from kinerja_report.render.html import lingkungan
from kinerja_report.render.ringkasan import html_ringkasan, label_status


def _teks(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_tanpa_ipm_tanpa_opd(kumpulan_sampel: Kumpulan) -> None:
    kumpulan = kumpulan_sampel
    r = replace(ringkasan_daerah(kumpulan)[-1], ipm=None, peringkat=(), rawan=())
    text = _teks(html_ringkasan(lingkungan(), r, kumpulan.pengaturan))
    assert "Indeks Pembangunan Manusia 2024" not in text
    assert "2. Peringkat Perangkat Daerah" in text
    assert "3. Indikator yang Belum Tercapai atau Berisiko" in text
    assert "Semua indikator mencapai target tahun 2024 dan tidak ada yang berisiko." in text
    assert "Anggaran" not in text  # no budget without OPD forms
    assert "<script" not in html_ringkasan(lingkungan(), r, kumpulan.pengaturan)


def test_ipm_seri_baru_saja_diberi_catatan(kumpulan_sampel: Kumpulan) -> None:
    kumpulan = kumpulan_sampel
    r = ringkasan_daerah(kumpulan)[-1]
    assert r.ipm is not None
    assert r.ipm.seri_lain is not None
    panel = replace(r.ipm, ipm=r.ipm.seri_lain, seri_lain=None, sebelum=None)
    text = _teks(html_ringkasan(lingkungan(), replace(r, ipm=panel), kumpulan.pengaturan))
    assert (
        "Angka di atas memakai seri BPS 'baru', sedangkan target IPM RPJMD disusun dengan seri "
        "'lama': angka ini tidak sebanding langsung dengan target." in text
    )
    assert "komponen tahun 2023 dalam seri yang sama tidak tersedia" in text


def test_label_status() -> None:
    assert [label_status(s) for s in ("tercapai", "sesuai jalur", "berisiko", "")] == [
        "Tercapai",
        "Sesuai jalur",
        "Berisiko",
        "-",
    ]
