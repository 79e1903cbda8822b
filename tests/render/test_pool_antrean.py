"""The PDF pool's queue (issue 25): at most one heavy document (a regency document of every
OPD) is laid out at a time; the light ones after it go to the other workers meanwhile."""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, wait

import pytest

from kinerja_report.pipeline import Kumpulan, rencana_keluaran
from kinerja_report.render.html import FOLDER_TEMPLAT
from kinerja_report.render.pool import BATAS_BERAT, TugasPdf, _Antrean, _pool

pytestmark = pytest.mark.pdf_selalu_dirender  # the pool itself is what is tested

BERAT = "<p>" + "kata " * (BATAS_BERAT // 5) + "</p>"


def test_satu_dokumen_berat_sekaligus() -> None:
    urutan = ["b1", "b2", "r1", "b3", "r2", "r3", "r4"]  # b: heavy, r: light
    tugas = [
        TugasPdf(f"{nama}.pdf", BERAT if nama[0] == "b" else f"<p>{nama}</p>", FOLDER_TEMPLAT)
        for nama in urutan
    ]
    selesai: list[str] = []
    with _pool(2) as pool:
        antrean = _Antrean(pool, tugas, 4)
        antrean.isi()
        assert list(antrean.sisa.values()) == [True, False, False, False]  # b1, r1, r2, r3
        assert [item.relatif for item in antrean.tunda] == ["b2.pdf", "b3.pdf"]
        while antrean.sisa:
            assert sum(antrean.sisa.values()) <= 1
            done, _ = wait(antrean.sisa, return_when=FIRST_COMPLETED)
            for future in done:
                del antrean.sisa[future]
                selesai.append(future.result()[0])
            antrean.isi()
    assert sorted(selesai) == sorted(f"{nama}.pdf" for nama in urutan)
    assert not antrean.tunda


def test_dokumen_berat_dikirim_lebih_dulu(kumpulan_sampel: Kumpulan) -> None:
    """The regency's long documents are the first jobs of a build: made one at a time while
    the OPDs' documents fill the other worker, not left alone at the end (the sample: its
    evaluations, the regent's summaries and LKjIPs of four years)."""
    _, tugas = rencana_keluaran(kumpulan_sampel)
    berat = [i for i, item in enumerate(tugas) if len(item.html) > BATAS_BERAT]
    milik_opd = [
        i
        for i, item in enumerate(tugas)
        if item.relatif.split("/")[1] in {"evaluasi", "perjanjian-kinerja", "pohon-kinerja"}
    ]
    assert len(berat) == 12
    assert max(berat) < min(milik_opd)
