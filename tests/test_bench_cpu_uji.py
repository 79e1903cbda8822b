"""bench/cpu_uji.py: the totals of a measured test run, per worker, test file and test."""

from __future__ import annotations

import json
from pathlib import Path

from bench.cpu import cpu_pohon
from bench.cpu_uji import ringkas


def _tulis(folder: Path, pekerja: str, total: float, uji: list[tuple[str, float, float]]) -> None:
    isi = {
        "pekerja": pekerja,
        "total_cpu_s": total,
        "uji": [
            {"uji": nama, "cpu_s": cpu, "mulai": 1000.0, "selesai": 1000.0 + akhir}
            for nama, cpu, akhir in uji
        ],
    }
    (folder / f"{pekerja}.json").write_text(json.dumps(isi), encoding="utf-8")


def test_ringkasan_per_pekerja_berkas_dan_uji(tmp_path: Path) -> None:
    _tulis(tmp_path, "gw0", 40.0, [("tests/a.py::x", 30.0, 50.0), ("tests/b.py::y", 4.0, 60.0)])
    _tulis(tmp_path, "gw1", 20.0, [("tests/a.py::z", 12.5, 55.0)])
    teks = ringkas(tmp_path, 2)
    assert "gw0: 40 detik-CPU, 2 uji, selesai 60 s setelah uji pertama" in teks
    assert "gw1: 20 detik-CPU, 1 uji, selesai 55 s setelah uji pertama" in teks
    assert "jumlah: 60 detik-CPU" in teks
    per_berkas = teks.split("per berkas uji:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert per_berkas == ["    42.5  tests/a.py", "     4.0  tests/b.py"]
    per_uji = teks.split("(termasuk setup dan teardown):\n", 1)[1].splitlines()
    assert per_uji == ["    30.0  tests/a.py::x", "    12.5  tests/a.py::z"]


def test_tanpa_hasil_memberi_petunjuk(tmp_path: Path) -> None:
    assert "python -m pytest -p bench.cpu_uji" in ringkas(tmp_path, 5)


def test_cpu_pohon_bertambah_saat_bekerja() -> None:
    sebelum = cpu_pohon()
    sum(i * i for i in range(2_000_000))
    assert cpu_pohon() > sebelum
