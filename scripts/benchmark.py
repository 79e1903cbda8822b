"""Benchmark: how long a build takes, and how that compares with WeasyPrint alone.

Run: ``python scripts/benchmark.py [MASUKAN] [--ulang N] [--pekerja N]`` (default sample_data).
Prints, per stage, the best of N runs in seconds:

* baca+hitung: reading, checking and computing (``kumpulkan``);
* build penuh: the whole ``kinerja build`` into a temporary folder;
* WeasyPrint saja: rendering the same documents' HTML to PDF, nothing else, with the same
  number of processes; the ratio build / WeasyPrint is what the roadmap tracks (goal <= 1,25).

Timings depend on the machine; compare runs on the same machine only. No test asserts time.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kinerja_report.pipeline import build, kumpulkan, tugas_pdf
from kinerja_report.render.pool import render_semua


def terbaik(fn: Callable[[], object], ulang: int) -> float:
    times = []
    for _ in range(ulang):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("masukan", nargs="?", type=Path, default=Path("sample_data"))
    parser.add_argument("--ulang", type=int, default=3)
    parser.add_argument("--pekerja", type=int, default=None)
    args = parser.parse_args()

    kumpulan = kumpulkan(args.masukan)
    tugas = tugas_pdf(kumpulan)
    baca = terbaik(lambda: kumpulkan(args.masukan), args.ulang)
    weasy = terbaik(lambda: render_semua(tugas, lambda _: None, args.pekerja), args.ulang)
    with tempfile.TemporaryDirectory() as tmp:
        penuh = terbaik(lambda: build(args.masukan, Path(tmp), pekerja=args.pekerja), args.ulang)
    print(f"{len(kumpulan.laporan)} OPD-tahun, {len(tugas)} PDF, {len(kumpulan.baris)} baris")
    print(f"baca+hitung     : {baca:7.2f} s")
    print(f"WeasyPrint saja : {weasy:7.2f} s")
    print(
        f"build penuh     : {penuh:7.2f} s  (rasio terhadap WeasyPrint saja: {penuh / weasy:.2f})"
    )


if __name__ == "__main__":
    main()
