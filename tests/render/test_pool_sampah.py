"""The data thread's memory: each step's garbage in reference cycles is freed after the
step (python-docx leaves each Word file in cycles), and the objects frozen for it are thawed
at the end, a caller's own frozen objects left as they were."""

from __future__ import annotations

import gc
import weakref

from kinerja_report.render.pool import sampah_tiap_langkah


class _Simpul:
    def __init__(self) -> None:
        self.diri = self  # a cycle: only the garbage collector frees it


def _sampah_berputar() -> weakref.ref[_Simpul]:
    return weakref.ref(_Simpul())


def test_sampah_langkah_dibebaskan_sesudah_langkah() -> None:
    tetap = _Simpul()  # alive before the block: frozen during it, not freed
    gc.disable()  # no automatic collection between the steps below
    try:
        with sampah_tiap_langkah() as bersihkan:
            assert gc.get_freeze_count() > 0
            sampah = _sampah_berputar()
            assert sampah() is not None
            bersihkan()
            assert sampah() is None
    finally:
        gc.enable()
    assert gc.get_freeze_count() == 0
    assert tetap.diri is tetap


def test_sampah_sebelum_blok_dibebaskan_saat_mulai_bukan_dibekukan() -> None:
    # what reading and computing left in cycles is freed as the block starts (and not kept
    # frozen until its end); a step's garbage left without a step is freed at the end
    gc.disable()
    try:
        lama = _sampah_berputar()
        with sampah_tiap_langkah():
            assert lama() is None
            baru = _sampah_berputar()
            assert baru() is not None
        assert baru() is None
    finally:
        gc.enable()


def test_objek_yang_dibekukan_pemanggil_tetap_beku() -> None:
    gc.collect()
    gc.freeze()
    try:
        beku = gc.get_freeze_count()
        with sampah_tiap_langkah() as bersihkan:
            bersihkan()
        assert gc.get_freeze_count() == beku
    finally:
        gc.unfreeze()
