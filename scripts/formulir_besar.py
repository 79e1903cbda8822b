"""How a big form scales: one E.81 workbook of N indicator rows, read, checked, computed.

    python scripts/formulir_besar.py 2000 8000 [--build]

For each N it writes a form (programmes of 10 kegiatan of 4 sub kegiatan, like a big OPD
such as PUPR or Dinas Pendidikan) to a temporary folder and measures ``kumpulkan`` (read,
check, compute, Perjanjian Kinerja included), or with ``--build`` the whole build (PDFs too),
in a fresh process: wall time, peak memory of the build process (ru_maxrss) and of the build
with its PDF workers together (sampled every 0,1 s). Nothing is asserted: the numbers
are for the closing note and the README.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

JUDUL = (
    "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH",
    "KABUPATEN CONTOH",
    "Perangkat Daerah : Dinas Pekerjaan Umum dan Penataan Ruang",
    "Tahun 2024",
)
TARGET = "Target Kinerja dan Anggaran Renja Tahun Berjalan"
TRIWULAN = "Realisasi Kinerja Pada Triwulan"
REALISASI = "Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi"
HEADER = (
    "No", "Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
    "Indikator Kinerja Program (outcome)/ Kegiatan (output)", "Satuan",
    TARGET, TARGET, *[TRIWULAN] * 8, REALISASI, REALISASI,
)  # fmt: skip
"""Group headings written in every cell of their group (the write-only mode cannot merge)."""


def tulis(path: Path, jumlah: int) -> None:
    """A form with ``jumlah`` indicator rows."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("E.81")
    for text in JUDUL:
        ws.append([text])
    ws.append([])
    ws.append(list(HEADER))
    ws.append([""] * 7 + [q for q in ("I", "II", "III", "IV") for _ in range(2)])
    ws.append([""] * 5 + ["K", "Rp"] * 6)
    ws.append(list(range(1, 18)))
    nomor = 0
    program = 0
    while nomor < jumlah:
        program += 1
        kode_p = f"1.03.{program:02d}"
        nomor += 1
        nama = f"Persentase jalan mantap {program}"
        ws.append(_baris(nomor, kode_p, f"PROGRAM NOMOR {program}", nama, "persen", 90,
                         4_000_000_000))  # fmt: skip
        for kegiatan in range(1, 11):
            if nomor >= jumlah:
                break
            kode_k = f"{kode_p}.2.{kegiatan:02d}"
            nomor += 1
            ws.append(_baris(nomor, kode_k, f"Kegiatan {program}.{kegiatan}",
                             f"Jumlah ruas jalan kegiatan {program}.{kegiatan}", "ruas", 8,
                             400_000_000))  # fmt: skip
            for sub in range(1, 5):
                if nomor >= jumlah:
                    break
                nomor += 1
                nama = f"Panjang jalan yang dibangun {nomor}"
                ws.append(_baris(nomor, f"{kode_k}.{sub:04d}", f"Sub kegiatan {nomor}", nama,
                                 "km", 2, 100_000_000))  # fmt: skip
    wb.save(path)


def _baris(
    no: int, kode: str, uraian: str, indikator: str, satuan: str, t: int, rp: int
) -> list[object]:
    quarters = [v for q in range(4) for v in (t / 4, rp * (0.2 + 0.05 * q))]
    return [no, kode, uraian, indikator, satuan, t, rp, *quarters, t, sum(quarters[1::2])]


def ukur(jumlah: int, build: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        masukan = Path(tmp) / "masukan"
        masukan.mkdir()
        tulis(masukan / "formulir-besar.xlsx", jumlah)
        kerja = (
            f"build(Path({str(masukan)!r}), Path({str(Path(tmp) / 'hasil')!r}))"
            if build
            else f"kumpulkan(Path({str(masukan)!r}))"
        )
        script = (
            "import json, resource, threading, time\n"
            "from pathlib import Path\n"
            "import psutil\n"
            "from kinerja_report.pipeline import build, kumpulkan\n"
            "puncak = [0]\n"
            "def ukur_pohon():\n"
            "    diri = psutil.Process()\n"
            "    while True:\n"
            "        try:\n"
            "            semua = [diri, *diri.children(recursive=True)]\n"
            "            puncak[0] = max(puncak[0], sum(p.memory_info().rss for p in semua))\n"
            "        except psutil.Error:\n"
            "            pass\n"
            "        time.sleep(0.1)\n"
            "threading.Thread(target=ukur_pohon, daemon=True).start()\n"
            f"mulai = time.perf_counter(); hasil = {kerja}; detik = time.perf_counter() - mulai\n"
            "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
            "print(json.dumps({'detik': detik, 'rss_mb': rss, 'pohon_mb': puncak[0] / 2**20}))\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baris", type=int, nargs="+", help="jumlah baris indikator")
    parser.add_argument("--build", action="store_true", help="build penuh (dengan PDF)")
    args = parser.parse_args()
    for jumlah in args.baris:
        mulai = time.perf_counter()
        hasil = ukur(jumlah, args.build)
        total = time.perf_counter() - mulai
        print(
            f"{jumlah:>6} baris: {hasil['detik']:7.1f} s, puncak memori {hasil['rss_mb']:6.0f} MB"
            f" (semua proses bersama, diukur tiap 0,1 s: {hasil['pohon_mb']:.0f} MB;"
            f" termasuk menulis formulir: {total:.1f} s)"
        )


if __name__ == "__main__":
    main()
