"""``kinerja build`` as a computer runs it: killed, interrupted, out of disk, a worker killed.

Each test runs the real command in a subprocess (``python -m kinerja_report build``) on a copy
of the 2023 workbooks of sample_data (23 PDFs, a PDF phase of a few seconds), signals it the
way a terminal, a service manager or the OOM killer would, and checks what the user sees and
what is left behind: no process, no staging folder, no lock. POSIX signals and process groups:
skipped on Windows.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest

from kinerja_report.pipeline import build
from kinerja_report.write.output_dir import FolderKeluaran
from tests.builders import BARIS_CONTOH, buat_evaluasi
from tests.conftest import ROOT, SAMPLE_DATA

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

BATAS_WAKTU = 60.0


@pytest.fixture(scope="module")
def masukan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("masukan")
    (folder / "2023").mkdir()
    for path in sorted((SAMPLE_DATA / "2023").glob("*.xlsx")):
        shutil.copy(path, folder / "2023" / path.name)
    for name in ("pengaturan.toml", "logo-kabupaten.svg", "penandatangan.xlsx"):
        shutil.copy(SAMPLE_DATA / name, folder / name)
    return folder


class Build:
    """One ``kinerja build`` subprocess in its own session; every process it starts carries
    a marker in its environment, so that none can hide after the build is gone."""

    def __init__(self, masukan: Path, out: Path, perintah: list[str] | None = None) -> None:
        self.out = out
        self.penanda = uuid.uuid4().hex
        args = [sys.executable, "-m", "kinerja_report", "build", str(masukan), "--out", str(out)]
        # stderr to a file: a process left behind holding a pipe would block reading it
        self._stderr = out.parent / f"stderr-{self.penanda}.txt"
        with self._stderr.open("wb") as stderr:
            self.proses = subprocess.Popen(
                (perintah or []) + args,
                cwd=ROOT,
                env={**os.environ, "KINERJA_UJI": self.penanda},
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                start_new_session=True,
            )

    def tunggu(self, syarat: Callable[[], bool], apa: str) -> None:
        batas = time.monotonic() + BATAS_WAKTU
        while not syarat():
            if self.proses.poll() is not None:
                pytest.fail(f"build ended before {apa}: {self._stderr.read_text()}")
            if time.monotonic() > batas:
                pytest.fail(f"no {apa} after {BATAS_WAKTU} s")
            time.sleep(0.02)

    def pekerja(self) -> list[psutil.Process]:
        """The PDF workers: the children of the build's fork server (a fork server that
        has not forked yet, or multiprocessing's resource tracker, is none)."""
        try:
            anak = psutil.Process(self.proses.pid).children()
        except psutil.NoSuchProcess:
            return []
        hasil = []
        for proses in anak:
            try:
                if "forkserver" in " ".join(proses.cmdline()):
                    hasil.extend(proses.children())
            except psutil.Error:
                continue
        return hasil

    def ada_forkserver(self) -> bool:
        try:
            keturunan = psutil.Process(self.proses.pid).children(recursive=True)
            return any("forkserver" in " ".join(p.cmdline()) for p in keturunan)
        except psutil.Error:
            return False

    def tunggu_fase_pdf(self) -> list[psutil.Process]:
        """Wait until two workers render: rekap.xlsx is staged just before the PDF phase."""
        self.tunggu(
            lambda: (
                bool(list(self.out.glob(".sementara-*/rekap.xlsx"))) and len(self.pekerja()) >= 2
            ),
            "PDF phase",
        )
        time.sleep(0.5)  # well into rendering
        return self.pekerja()

    def selesai(self) -> tuple[int, str]:
        kode = self.proses.wait(timeout=BATAS_WAKTU)
        return kode, self._stderr.read_text(encoding="utf-8")

    def sisa(self) -> list[psutil.Process]:
        """Processes of this build still alive (zombies have exited: not counted)."""
        hasil = []
        for proses in psutil.process_iter():
            try:
                if proses.status() == psutil.STATUS_ZOMBIE:
                    continue
                if proses.environ().get("KINERJA_UJI") == self.penanda:
                    hasil.append(proses)
            except psutil.Error:
                continue
        return hasil

    def tanpa_sisa(self) -> None:
        batas = time.monotonic() + 10
        while (sisa := self.sisa()) and time.monotonic() < batas:
            time.sleep(0.1)
        for proses in sisa:  # clean up for the next tests, then fail
            proses.kill()
        assert sisa == [], "processes left behind"


@pytest.fixture
def bangun() -> Iterator[Callable[..., Build]]:
    """Start builds; whatever they leave running is killed afterwards, whatever the outcome."""
    semua: list[Build] = []

    def mulai(masukan: Path, out: Path, perintah: list[str] | None = None) -> Build:
        semua.append(Build(masukan, out, perintah))
        return semua[-1]

    yield mulai
    for item in semua:
        if item.proses.poll() is None:
            item.proses.kill()
            item.proses.wait()
        for proses in item.sisa():
            proses.kill()


def _bebas(out: Path) -> None:
    """The output folder is free: no staging left, and the lock can be taken at once."""
    assert not list(out.glob(".sementara-*"))
    with FolderKeluaran(out):
        pass


def _build_berikutnya(tmp_path: Path, out: Path) -> None:
    kecil = tmp_path / "kecil"
    buat_evaluasi(kecil / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    hasil = build(kecil, out, pekerja=2)
    assert hasil.berhasil
    assert all(path.is_file() for path in hasil.berkas_keluaran)


def _tenang(stderr: str) -> None:
    for kata in ("Traceback", "Exception ignored", "KeyboardInterrupt", "Error"):
        assert kata not in stderr, stderr


@pytest.mark.parametrize("kepada", ["build", "grup"])
def test_sigterm_di_fase_pdf_berhenti_bersih(
    masukan: Path, tmp_path: Path, bangun: Callable[..., Build], kepada: str
) -> None:
    out = tmp_path / "out"
    proses = bangun(masukan, out)
    proses.tunggu_fase_pdf()
    if kepada == "grup":  # as a service manager stops a whole process group
        os.killpg(proses.proses.pid, signal.SIGTERM)
    else:
        proses.proses.send_signal(signal.SIGTERM)
    kode, stderr = proses.selesai()
    assert kode == 143
    assert stderr.strip().splitlines()[-1] == "Dihentikan (SIGTERM)."
    _tenang(stderr)
    proses.tanpa_sisa()
    _bebas(out)
    _build_berikutnya(tmp_path, out)


def test_sigkill_di_fase_pdf_pekerja_ikut_berhenti(
    masukan: Path, tmp_path: Path, bangun: Callable[..., Build]
) -> None:
    out = tmp_path / "out"
    proses = bangun(masukan, out)
    proses.tunggu_fase_pdf()
    proses.proses.kill()
    kode, _ = proses.selesai()
    assert kode == -signal.SIGKILL
    proses.tanpa_sisa()  # the workers noticed their parent is gone and exited
    # multiprocessing's resource tracker outlives the build: it cleans up, silently (it
    # shares the terminal: it warned of "leaked semaphore objects")
    stderr = proses.selesai()[1]
    assert "resource_tracker" not in stderr, stderr
    _tenang(stderr)
    _build_berikutnya(tmp_path, out)
    assert not list(out.glob(".sementara-*"))  # the killed build's staging is gone too


@pytest.mark.parametrize("saat", ["mulai", "membaca", "awal-pdf", "pdf"])
def test_ctrl_c_satu_baris_exit_130(
    masukan: Path, tmp_path: Path, saat: str, bangun: Callable[..., Build]
) -> None:
    out = tmp_path / "out"
    proses = bangun(masukan, out)
    if saat == "mulai":
        time.sleep(0.3)  # still importing
    elif saat == "membaca":
        proses.tunggu(lambda: bool(list(out.glob(".sementara-*"))), "staging folder")
    elif saat == "awal-pdf":  # the PDF fork server has started: still importing WeasyPrint
        proses.tunggu(proses.ada_forkserver, "PDF fork server")
        time.sleep(0.05)  # past its start (a signal in those milliseconds may be lost)
    else:
        proses.tunggu_fase_pdf()
    os.killpg(proses.proses.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the whole group
    kode, stderr = proses.selesai()
    assert kode == 130, stderr
    assert stderr.strip().splitlines()[-1] == "Dibatalkan (Ctrl-C).", stderr
    _tenang(stderr)
    proses.tanpa_sisa()
    if out.exists():
        _bebas(out)


def test_pekerja_pdf_dibunuh_pesan_jelas_exit_4(
    masukan: Path, tmp_path: Path, bangun: Callable[..., Build]
) -> None:
    out = tmp_path / "out"
    (out / "capaian.csv").parent.mkdir(parents=True)
    (out / "capaian.csv").write_text("lama", encoding="utf-8")
    proses = bangun(masukan, out)
    pekerja = proses.tunggu_fase_pdf()
    pekerja[0].kill()  # what the OOM killer does
    kode, stderr = proses.selesai()
    assert kode == 4, stderr
    assert "Proses pembuat PDF berhenti mendadak" in stderr
    _tenang(stderr)
    proses.tanpa_sisa()
    _bebas(out)
    assert (out / "capaian.csv").read_text(encoding="utf-8") == "lama"


def _unshare_bisa() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-r", "-m", "true"], capture_output=True, check=False, timeout=30
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _unshare_bisa(), reason="needs unshare (user and mount namespaces)")
def test_disk_penuh_pesan_jelas_exit_4(tmp_path: Path, bangun: Callable[..., Build]) -> None:
    masukan, out = tmp_path / "in", tmp_path / "out"
    buat_evaluasi(masukan / "bappeda.xlsx", "Bappeda", 2023, BARIS_CONTOH)
    out.mkdir()
    # OUT is a 16 KiB tmpfs, mounted in a namespace of the build's own: the CSVs, the
    # workbook and the PDFs do not fit
    skrip = 'mount -t tmpfs -o size=16k tmpfs "$1" && shift && exec "$@"'
    proses = bangun(masukan, out, ["unshare", "-r", "-m", "sh", "-c", skrip, "sh", str(out)])
    kode, stderr = proses.selesai()
    assert kode == 4, stderr
    assert "Disk penuh saat menulis hasil" in stderr
    _tenang(stderr)
    proses.tanpa_sisa()
