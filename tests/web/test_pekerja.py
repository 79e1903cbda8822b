"""The build worker: one build at a time under the output folder's lock; it waits while
another build (a 'kinerja build' in a terminal) holds the folder, then builds."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kinerja_report.web import pekerja as modul_pekerja
from kinerja_report.web.pekerja import Pekerja
from kinerja_report.write.lock import KunciKeluaran
from tests.web.bantu import workbook


def test_worker_waits_for_the_lock_then_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(modul_pekerja, "JEDA_TERKUNCI", 0.2)
    monkeypatch.setattr(modul_pekerja, "JEDA_TENANG", 0.05)
    masukan, keluaran = tmp_path / "masukan", tmp_path / "hasil"
    workbook(masukan / "2023", "bappeda.xlsx", "Bappeda")
    keluaran.mkdir()
    kunci = KunciKeluaran(keluaran)
    kunci.ambil()  # as a build in another process would
    kerja = Pekerja(masukan, keluaran, jobs=1)
    kerja.mulai()
    try:
        kerja.minta()
        akhir = time.monotonic() + 30
        while kerja.terakhir is None:
            assert time.monotonic() < akhir
            time.sleep(0.05)
        assert not kerja.terakhir.berhasil
        assert "sedang dipakai oleh build lain" in kerja.terakhir.pesan
        assert not (keluaran / "capaian.csv").exists()
        kunci.lepas()
        assert kerja.tunggu_tenang(120)
        assert kerja.terakhir.berhasil
        assert [b.opd for b in kerja.terakhir.baris] == ["Bappeda"]
        assert (keluaran / "capaian.csv").is_file()
    finally:
        kunci.lepas()
        kerja.hentikan(tunggu=30)
