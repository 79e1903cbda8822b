"""CPU time of every test, for finding where the test suite's time goes (issue 25).

    python -m pytest -p bench.cpu_uji        # the suite as usual, measured
    python -m bench.cpu_uji [--uji 30]       # the totals, per test file and per test

The suite runs on two cores and is limited by CPU, so wall-clock durations (``--durations``)
mislead: a test that waits looks slow, and a test running beside a PDF build looks slower than
it is. This plugin reads, before and after each test, the CPU time (user + system, own and of
children waited for) of the pytest process and of every process below it (psutil, as
``bench/run.py`` does): a build's PDF workers and fork server, a 'kinerja' subprocess, a
browser. One JSON file per pytest-xdist worker is written to ``$KINERJA_CPU_UJI`` (default:
``kinerja-cpu-uji`` in the temporary directory), which the run empties first.

A process that ends without being waited for by a process still below pytest (a daemon's orphan)
is missed; a test's subprocess that is waited for is counted whole. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.cpu import cpu_pohon

_CATATAN: list[dict[str, Any]] = []


def folder_hasil() -> Path:
    """Where the per-worker files go."""
    bawaan = Path(tempfile.gettempdir()) / "kinerja-cpu-uji"
    return Path(os.environ.get("KINERJA_CPU_UJI", bawaan))


def pytest_configure(config: pytest.Config) -> None:
    """The controller (or the only process) starts with an empty result folder."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = folder_hasil()
        folder.mkdir(parents=True, exist_ok=True)
        for lama in folder.glob("*.json"):
            lama.unlink()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Around each test with its setup and teardown."""
    cpu, mulai = cpu_pohon(), time.time()
    yield
    _CATATAN.append(
        {"uji": item.nodeid, "cpu_s": cpu_pohon() - cpu, "mulai": mulai, "selesai": time.time()}
    )


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Each process that ran tests writes its file (pytest-xdist's controller runs none: its
    total would count its workers a second time)."""
    if not _CATATAN:
        return
    nama = os.environ.get("PYTEST_XDIST_WORKER", "utama")
    folder = folder_hasil()
    folder.mkdir(parents=True, exist_ok=True)
    isi = {"pekerja": nama, "total_cpu_s": cpu_pohon(), "uji": _CATATAN}
    (folder / f"{nama}.json").write_text(json.dumps(isi), encoding="utf-8")


def ringkas(folder: Path, jumlah_uji: int) -> str:
    """The totals of a measured run: per worker, per test file, the costliest tests."""
    berkas = sorted(folder.glob("*.json"))
    if not berkas:
        return f"Tidak ada hasil di {folder}: jalankan dulu 'python -m pytest -p bench.cpu_uji'."
    isi = [json.loads(b.read_text(encoding="utf-8")) for b in berkas]
    semua = [u for i in isi for u in i["uji"]]
    awal = min((u["mulai"] for u in semua), default=0.0)
    baris = []
    for i in isi:
        akhir = max((u["selesai"] for u in i["uji"]), default=awal)
        baris.append(
            f"{i['pekerja']}: {i['total_cpu_s']:.0f} detik-CPU, {len(i['uji'])} uji,"
            f" selesai {akhir - awal:.0f} s setelah uji pertama"
        )
    baris.append(f"jumlah: {sum(i['total_cpu_s'] for i in isi):.0f} detik-CPU")
    per_berkas: Counter[str] = Counter()
    for u in semua:
        per_berkas[u["uji"].split("::")[0]] += u["cpu_s"]
    baris.append("\nper berkas uji:")
    baris += [f"{cpu:8.1f}  {nama}" for nama, cpu in per_berkas.most_common(jumlah_uji)]
    baris.append("\nper uji (termasuk setup dan teardown):")
    termahal = sorted(semua, key=lambda u: -u["cpu_s"])[:jumlah_uji]
    baris += [f"{u['cpu_s']:8.1f}  {u['uji']}" for u in termahal]
    return "\n".join(baris)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--uji", type=int, default=30, help="berapa berkas dan uji ditampilkan")
    args = parser.parse_args()
    print(ringkas(folder_hasil(), args.uji))


if __name__ == "__main__":
    main()
