"""Benchmark: the whole regency, N OPDs over the RPJMD years (see bench/README.md).

    python bench/run.py --opd 10 [--json hasil.json] [--pekerja 2]
    python bench/run.py --skala 10,20,40 [--json skala.json]

One run measures, on a workload written by :mod:`bench.beban` into a temporary folder: a cold
full build, the floor (WeasyPrint alone: ``render_semua`` of every PDF job of that build), a
rebuild with nothing changed into the same output folder, a rebuild after one workbook changed,
the full build with one worker (speed-up of ``pekerja`` over 1), the peak memory of the whole
process tree (the build and its PDF workers, sampled every 0,1 s) and the split of the full
build between reading, checking/computing/writing the data files and making the PDFs (from the
build's own progress stages). ``--skala`` runs the cold full build alone at each N, each in a
fresh process. Only the library is used (``build``, ``kumpulkan``, ``rencana_keluaran``,
``render_semua``), so the figures follow whatever ``build`` does. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.beban import tulis_beban, ubah_satu_nilai
from bench.cpu import cpu_pohon
from kinerja_report.pipeline import build, kumpulkan, rencana_keluaran
from kinerja_report.progress import TAHAP_BACA, TAHAP_PDF
from kinerja_report.render.pool import render_semua

T = TypeVar("T")

TARGET = {
    "full_per_floor": 1.15,
    "nochange_persen": 2.0,
    "one_changed_persen": 20.0,
    "speedup": 1.8,
    "peak_rss_mb": 400.0,
    "baca_persen": 5.0,
}
"""The targets of the issues (25; one_changed and baca: 13), on a 2-core machine."""
TARGET_SKALA = 1.2
"""Issue 25: the peak memory at N = 40 at most this times that at N = 10."""


class PencatatTahap:
    """A :class:`~kinerja_report.progress.Progres` that notes when each stage begins and when
    its last step ends."""

    def __init__(self) -> None:
        self.tahap: list[tuple[str, float, float]] = []  # name, start, end of last step

    def mulai(self, tahap: str, total: int) -> None:
        now = time.perf_counter()
        self.tahap.append((tahap, now, now))

    def maju(self, keterangan: str) -> None:
        if self.tahap:
            nama, awal, _ = self.tahap[-1]
            self.tahap[-1] = (nama, awal, time.perf_counter())

    def lama(self, nama: str) -> float:
        return sum(akhir - awal for tahap, awal, akhir in self.tahap if tahap == nama)

    def awal(self, nama: str) -> float | None:
        return next((awal for tahap, awal, _ in self.tahap if tahap == nama), None)


@dataclass
class PengukurMemori:
    """Peak memory of this process and all its children together, sampled every 0,1 s in a
    thread: the sum of their RSS (pages shared by the PDF workers with the fork server that
    started them counted in each) and of their PSS (each shared page divided among its
    sharers: what the tree really occupies)."""

    puncak_rss: int = 0
    puncak_pss: int = 0
    _henti: threading.Event = field(default_factory=threading.Event)

    def _jalan(self) -> None:
        diri = psutil.Process()
        while not self._henti.is_set():
            rss = pss = 0
            try:
                for proses in [diri, *diri.children(recursive=True)]:
                    info = proses.memory_full_info()
                    rss += info.rss
                    pss += getattr(info, "pss", info.rss)
            except psutil.Error:
                pass
            self.puncak_rss = max(self.puncak_rss, rss)
            self.puncak_pss = max(self.puncak_pss, pss)
            self._henti.wait(0.1)

    @contextmanager
    def ukur(self) -> Iterator[None]:
        thread = threading.Thread(target=self._jalan, daemon=True)
        thread.start()
        try:
            yield
        finally:
            self._henti.set()
            thread.join()


def catat(teks: str) -> None:
    """A progress line on stderr (the table goes to stdout at the end)."""
    print(teks, file=sys.stderr, flush=True)


def waktu(fn: Callable[[], T]) -> tuple[float, T]:
    mulai = time.perf_counter()
    hasil = fn()
    return time.perf_counter() - mulai, hasil


def build_terukur(masukan: Path, keluaran: Path, pekerja: int) -> dict[str, float]:
    """One build with its split: reading, the rest before the PDFs, making the PDFs."""
    tahap = PencatatTahap()
    cpu, mulai = cpu_pohon(), time.perf_counter()
    build(masukan, keluaran, progres=tahap, pekerja=pekerja)
    akhir = time.perf_counter()
    baca = tahap.lama(TAHAP_BACA)
    awal_pdf = tahap.awal(TAHAP_PDF)
    render = akhir - awal_pdf if awal_pdf is not None else 0.0
    total = akhir - mulai
    catat(f"build ke {keluaran.name} dengan {pekerja} pekerja: {_angka(total)} s")
    return {
        "total_s": total,
        "cpu_s": cpu_pohon() - cpu,
        "baca_s": baca,
        "hitung_s": total - baca - render,
        "render_s": render,
    }


def jalankan(jumlah: int, pekerja: int, lengkap: bool) -> dict[str, Any]:
    """The measures of one workload of ``jumlah`` OPDs (``lengkap`` False: the full build
    alone, for the scaling run)."""
    hasil: dict[str, Any] = {"opd": jumlah, "pekerja": pekerja, "beban_awal": os.getloadavg()}
    memori = PengukurMemori()
    with tempfile.TemporaryDirectory(prefix="kinerja-bench-") as tmp, memori.ukur():
        masukan, keluaran = Path(tmp) / "masukan", Path(tmp) / "hasil"
        hasil["tulis_beban_s"], workbook = waktu(lambda: tulis_beban(masukan, jumlah))
        hasil["workbook"] = sum(1 for p in masukan.rglob("*.xlsx"))
        memori_penuh = PengukurMemori()
        with memori_penuh.ukur():
            penuh = build_terukur(masukan, keluaran, pekerja)
        hasil["full_s"], hasil["full_cpu_s"] = penuh["total_s"], penuh["cpu_s"]
        hasil["pembagian"] = {k: penuh[k] for k in ("baca_s", "hitung_s", "render_s")}
        hasil["dokumen"] = sum(1 for _ in keluaran.rglob("*.pdf"))
        hasil["berkas_per_jenis"] = _per_jenis(keluaran)
        hasil["berkas_keluaran"] = sum(1 for p in keluaran.rglob("*") if p.is_file())
        if lengkap:
            terakhir = max(p.parent.name for p in workbook)  # the first OPD's latest year
            diubah = next(p for p in workbook if p.parent.name == terakhir)
            hasil |= _ukur_lain(masukan, keluaran, Path(tmp) / "hasil-1", pekerja, diubah)
    hasil["peak_rss_mb"] = memori_penuh.puncak_rss / 2**20  # the cold build, its workers
    hasil["peak_pss_mb"] = memori_penuh.puncak_pss / 2**20
    hasil["peak_rss_semua_mb"] = memori.puncak_rss / 2**20  # every phase: the 1-worker build
    hasil["peak_pss_semua_mb"] = memori.puncak_pss / 2**20  # renders in this process
    hasil["peak_rss_utama_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    hasil["beban_akhir"] = os.getloadavg()
    return _turunan(hasil)


def _ukur_lain(
    masukan: Path, keluaran: Path, keluaran_1: Path, pekerja: int, diubah: Path
) -> dict[str, Any]:
    """Floor, no-change and one-changed rebuilds, and the build with one worker."""
    _, tugas = rencana_keluaran(kumpulkan(masukan))  # every PDF job of the build
    cpu = cpu_pohon()
    floor_s, _ = waktu(lambda: render_semua(tugas, lambda _: None, pekerja))
    floor_cpu = cpu_pohon() - cpu
    catat(f"WeasyPrint saja: {_angka(floor_s)} s")
    nochange = build_terukur(masukan, keluaran, pekerja)
    sel = ubah_satu_nilai(diubah)
    satu = build_terukur(masukan, keluaran, pekerja)
    satu_pekerja = build_terukur(masukan, keluaran_1, 1)
    shutil.rmtree(keluaran_1, ignore_errors=True)
    return {
        "floor_s": floor_s,
        "floor_cpu_s": floor_cpu,
        "dokumen_floor": len(tugas),
        "nochange_s": nochange["total_s"],
        "nochange_cpu_s": nochange["cpu_s"],
        "one_changed_s": satu["total_s"],
        "one_changed_cpu_s": satu["cpu_s"],
        "diubah": f"{diubah.parent.name}/{diubah.name} {sel}",
        "full_1_s": satu_pekerja["total_s"],
        "full_1_cpu_s": satu_pekerja["cpu_s"],
    }


def _per_jenis(keluaran: Path) -> dict[str, int]:
    """How many outputs of each kind the build wrote: PDFs (evaluations, verification notes,
    quarterly documents, PK, LKjIP, pohon, LKE), Excel forms, Word drafts."""
    jenis = {"pdf": 0, "xlsx": 0, "docx": 0}
    for path in keluaran.rglob("*"):
        akhiran = path.suffix.removeprefix(".")
        if akhiran in jenis and path.is_file():
            jenis[akhiran] += 1
    jenis["triwulan_pdf"] = sum(1 for _ in keluaran.glob("*/triwulan-*/**/*.pdf"))
    jenis["verifikasi_pdf"] = sum(1 for _ in keluaran.glob("*/verifikasi/*.pdf"))
    return jenis


def _turunan(hasil: dict[str, Any]) -> dict[str, Any]:
    """Ratios and per-unit figures from the measures."""
    full = hasil["full_s"]
    hasil["s_per_opd"] = full / hasil["opd"]
    hasil["dokumen_per_s"] = hasil["dokumen"] / full
    hasil["baca_persen"] = 100 * hasil["pembagian"]["baca_s"] / full
    if "floor_s" in hasil:
        hasil["dokumen_per_s_floor"] = hasil["dokumen_floor"] / hasil["floor_s"]
        hasil["full_per_floor"] = full / hasil["floor_s"]
        hasil["full_per_floor_cpu"] = hasil["full_cpu_s"] / hasil["floor_cpu_s"]
        hasil["nochange_persen"] = 100 * hasil["nochange_s"] / full
        hasil["one_changed_persen"] = 100 * hasil["one_changed_s"] / full
        hasil["speedup"] = hasil["full_1_s"] / full
        hasil["target"] = {k: _tercapai(k, hasil[k]) for k in TARGET}
    return hasil


def _tercapai(kunci: str, nilai: float) -> bool:
    return nilai >= TARGET[kunci] if kunci == "speedup" else nilai <= TARGET[kunci]


def _angka(nilai: float, desimal: int = 1) -> str:
    """Indonesian decimal comma."""
    return f"{nilai:,.{desimal}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def cetak(h: dict[str, Any]) -> None:
    j = h["berkas_per_jenis"]
    print(
        f"{h['opd']} OPD, {h['workbook']} workbook, {h['dokumen']} PDF"
        f" ({j['verifikasi_pdf']} catatan verifikasi, {j['triwulan_pdf']} dokumen triwulan),"
        f" {j['xlsx']} Excel, {j['docx']} Word, pekerja {h['pekerja']}"
        f" (beban rata-rata awal {_angka(h['beban_awal'][0], 2)},"
        f" akhir {_angka(h['beban_akhir'][0], 2)}; menulis beban {_angka(h['tulis_beban_s'])} s)"
    )
    p = h["pembagian"]
    baris = [
        ("build penuh (dingin)", h["full_s"], h["full_cpu_s"], ""),
        ("  membaca workbook", p["baca_s"], None, f"{_angka(h['baca_persen'])} % dari penuh"),
        ("  periksa, hitung, tulis data", p["hitung_s"], None, ""),
        ("  membuat PDF", p["render_s"], None, ""),
    ]
    if "floor_s" in h:
        baris += [
            ("WeasyPrint saja (lantai)", h["floor_s"], h["floor_cpu_s"],
             f"penuh/lantai {_angka(h['full_per_floor'], 2)}"
             f" (CPU {_angka(h['full_per_floor_cpu'], 2)})"),
            ("build ulang tanpa perubahan", h["nochange_s"], h["nochange_cpu_s"],
             f"{_angka(h['nochange_persen'])} % dari penuh"),
            ("build ulang, satu workbook diubah", h["one_changed_s"], h["one_changed_cpu_s"],
             f"{_angka(h['one_changed_persen'])} % dari penuh"),
            ("build penuh, 1 pekerja", h["full_1_s"], h["full_1_cpu_s"],
             f"percepatan {_angka(h['speedup'], 2)}x"),
        ]  # fmt: skip
    print(f"{'':<36}{'waktu':>9}{'CPU':>9}")
    for label, detik, cpu, catatan in baris:
        kolom_cpu = f"{_angka(cpu)} s" if cpu is not None else ""
        print(f"{label:<36}{_angka(detik):>7} s{kolom_cpu:>9}  {catatan}")
    if "floor_s" in h:
        print(
            f"PDF per detik: build {_angka(h['dokumen_per_s'])},"
            f" WeasyPrint saja {_angka(h['dokumen_per_s_floor'])}"
        )
    print(
        f"puncak memori build penuh (proses build dan pekerjanya): jumlah RSS"
        f" {_angka(h['peak_rss_mb'], 0)} MB, jumlah PSS {_angka(h['peak_pss_mb'], 0)} MB;"
        f" seluruh pengukuran (termasuk build 1 pekerja, yang membuat PDF di proses ini):"
        f" RSS {_angka(h['peak_rss_semua_mb'], 0)} MB, proses ini sendiri"
        f" {_angka(h['peak_rss_utama_mb'], 0)} MB"
    )
    if "target" in h:
        target = ", ".join(f"{k} {'ya' if v else 'TIDAK'}" for k, v in h["target"].items())
        print(f"target tercapai: {target}")


def skala(daftar: list[int], pekerja: int) -> list[dict[str, Any]]:
    """The cold full build alone at each N, each in a fresh process."""
    hasil = []
    for jumlah in daftar:
        with tempfile.NamedTemporaryFile(suffix=".json") as berkas:
            perintah = [sys.executable, __file__, "--opd", str(jumlah), "--hanya-penuh"]
            perintah += ["--pekerja", str(pekerja), "--json", berkas.name]
            subprocess.run(perintah, check=True, stdout=subprocess.DEVNULL)
            hasil.append(json.loads(Path(berkas.name).read_text(encoding="utf-8")))
        h = hasil[-1]
        print(
            f"{jumlah:>4} OPD {h['dokumen']:>5} PDF  build penuh {_angka(h['full_s']):>7} s"
            f" (CPU {_angka(h['full_cpu_s'])} s)"
            f"  {_angka(h['s_per_opd'], 2):>6} s/OPD  {_angka(h['dokumen_per_s']):>5} PDF/s"
            f"  puncak RSS {_angka(h['peak_rss_mb'], 0):>6} MB"
            f"  PSS {_angka(h['peak_pss_mb'], 0):>6} MB"
            f"  (beban rata-rata {_angka(h['beban_awal'][0], 2)})",
            flush=True,
        )
    return hasil


def _rasio_skala(hasil: list[dict[str, Any]]) -> dict[str, Any]:
    """``rss_n40_mb`` (the peak at N = 40) and its ratio to the peak at N = 10, when both were
    run, with whether the issue's target holds."""
    puncak = {h["opd"]: h["peak_rss_mb"] for h in hasil}
    if 40 not in puncak:
        return {}
    rasio: dict[str, Any] = {"rss_n40_mb": puncak[40]}
    if 10 in puncak:
        rasio["rss_n40_per_n10"] = puncak[40] / puncak[10]
        rasio["target_skala"] = rasio["rss_n40_per_n10"] <= TARGET_SKALA
        print(
            f"puncak RSS N=40 / N=10: {_angka(rasio['rss_n40_per_n10'], 2)}"
            f" (target <= {_angka(TARGET_SKALA, 1)}: {'ya' if rasio['target_skala'] else 'TIDAK'})"
        )
    return rasio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opd", type=int, default=40, help="jumlah OPD (bawaan 40)")
    parser.add_argument("--json", type=Path, help="tulis hasil sebagai JSON ke berkas ini")
    parser.add_argument("--pekerja", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skala", help="daftar N, mis. 10,20,40: build penuh saja per N")
    parser.add_argument("--hanya-penuh", action="store_true", help="build penuh saja")
    args = parser.parse_args()
    if args.skala:
        hasil: Any = {"skala": skala([int(n) for n in args.skala.split(",")], args.pekerja)}
        hasil |= _rasio_skala(hasil["skala"])
    else:
        hasil = jalankan(args.opd, args.pekerja, lengkap=not args.hanya_penuh)
        cetak(hasil)
    if args.json:
        args.json.write_text(json.dumps(hasil, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
