"""The data thread's memory: each step's garbage in reference cycles is freed after the
step (python-docx leaves each Word file in cycles), and the objects frozen for it are thawed
at the end, a caller's own frozen objects left as they were."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from kinerja_report.render.pool import sampah_tiap_langkah


@pytest.fixture(autouse=True)
def tanpa_objek_beku_sesi() -> Iterator[None]:
    """These tests are about the freezing itself: what the session froze (tests/conftest.py)
    is thawed during each and frozen again after it."""
    gc.unfreeze()
    yield
    gc.collect()
    gc.freeze()


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


def test_build_bersamaan_di_dua_thread_berbagi_pembekuan() -> None:
    # two builds in two threads of one process: the second block's steps still collect,
    # and the first block to end does not thaw the objects while the other still runs
    masuk_a, masuk_b, keluar_a, keluar_b = (threading.Event() for _ in range(4))
    hasil: dict[str, object] = {}

    def blok_a() -> None:
        with sampah_tiap_langkah():
            masuk_a.set()
            masuk_b.wait(30)
        keluar_a.set()

    def blok_b() -> None:
        masuk_a.wait(30)
        with sampah_tiap_langkah() as bersihkan:
            masuk_b.set()
            keluar_a.wait(30)
            hasil["beku_setelah_a"] = gc.get_freeze_count() > 0
            sampah = _sampah_berputar()
            bersihkan()
            hasil["sampah_b"] = sampah()
        keluar_b.set()

    gc.disable()
    try:
        utas = [threading.Thread(target=f) for f in (blok_a, blok_b)]
        for t in utas:
            t.start()
        for t in utas:
            t.join(60)
    finally:
        gc.enable()
    assert keluar_b.is_set()
    assert hasil["beku_setelah_a"] is True
    assert hasil["sampah_b"] is None
    assert gc.get_freeze_count() == 0
