"""The PDF pool's queue (issue 25): at most one heavy document (a regency document of every
OPD) is laid out at a time; the light ones after it go to the other workers meanwhile."""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, wait

from kinerja_report.render.html import FOLDER_TEMPLAT
from kinerja_report.render.pool import BATAS_BERAT, TugasPdf, _Antrean, _pool

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
