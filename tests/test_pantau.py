"""'kinerja watch': a new workbook is picked up and built (bounded in time); lock files and
the output folder are ignored."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from watchfiles import Change

from kinerja_report.cli import baris_putaran
from kinerja_report.pantau import Putaran, _berubah_sejak, pantau, saring
from tests.builders import BARIS_CONTOH, buat_evaluasi

BATAS_DETIK = 90


def test_workbook_baru_dibangun(tmp_path: Path) -> None:
    masukan, out = tmp_path / "in", tmp_path / "in" / "hasil"
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    putaran: list[Putaran] = []
    ada_putaran = threading.Event()
    berhenti = threading.Event()

    def lapor(item: Putaran) -> None:
        putaran.append(item)
        ada_putaran.set()

    thread = threading.Thread(
        target=pantau, args=(masukan, out, lapor, 1, berhenti, 0.2), daemon=True
    )
    thread.start()
    try:
        assert ada_putaran.wait(BATAS_DETIK)  # the first build
        ada_putaran.clear()
        time.sleep(1)  # the watcher starts right after the first build
        (masukan / "~$dinkes.xlsx").write_bytes(b"kunci Excel")  # ignored
        sementara = tmp_path / "dinkes.xlsx"
        buat_evaluasi(sementara, "Dinas Kesehatan", 2023, BARIS_CONTOH[:2])
        sementara.replace(masukan / "dinkes.xlsx")
        assert ada_putaran.wait(BATAS_DETIK)
    finally:
        berhenti.set()
        thread.join(BATAS_DETIK)
    assert not thread.is_alive()
    pertama, kedua = putaran[0], putaran[-1]
    assert pertama.berubah == ()
    assert kedua.berubah == ("dinkes.xlsx",)
    assert kedua.hasil is not None
    assert sorted(lap.opd for lap in kedua.hasil.kumpulan.laporan) == ["Bappeda", "Dinas Kesehatan"]
    assert (out / "2023" / "evaluasi" / "dinas-kesehatan.pdf").is_file()
    pdf = sum(1 for path in kedua.hasil.berkas_keluaran if path.suffix == ".pdf")
    assert pdf >= 4  # each OPD's evaluation and PK at least
    baris = baris_putaran(kedua, "10:00:00")
    assert baris.startswith(f"[10:00:00] dinkes.xlsx berubah: 2 workbook, {pdf} PDF, 0 galat, ")


def test_saringan(tmp_path: Path) -> None:
    relevan = saring(tmp_path, tmp_path / "hasil")
    assert relevan(Change.added, str(tmp_path / "2024" / "dinkes.xlsx"))
    assert not relevan(Change.added, str(tmp_path / "2024" / "~$dinkes.xlsx"))
    assert not relevan(Change.modified, str(tmp_path / ".sembunyi" / "a.xlsx"))
    assert not relevan(Change.modified, str(tmp_path / "hasil" / "capaian.csv"))


def test_perubahan_selama_build_awal(tmp_path: Path) -> None:
    (tmp_path / "lama.xlsx").write_bytes(b"x")
    os.utime(tmp_path / "lama.xlsx", (1_000_000, 1_000_000))
    mulai = time.time() - 1
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "baru.xlsx").write_bytes(b"x")
    (tmp_path / "~$baru.xlsx").write_bytes(b"x")
    (tmp_path / "hasil").mkdir()
    (tmp_path / "hasil" / "capaian.csv").write_bytes(b"x")
    relevan = saring(tmp_path, tmp_path / "hasil")
    assert _berubah_sejak(tmp_path, relevan, mulai) == ("2024/baru.xlsx",)
