"""Watching the input folder (``kinerja watch``): a rebuild whenever workbooks appear, change
or go.

Uses :mod:`watchfiles` (inotify and its kin, polling where they are missing). Excel's lock
files (``~$...``), hidden files and everything below the output folder are ignored. Before a
rebuild, the changed files must be completely written: their size and time unchanged over
:data:`JEDA_STABIL` seconds (a copy over the network takes a while). Each rebuild is an
ordinary incremental :func:`~kinerja_report.pipeline.build`, so an interrupted one leaves the
previous outputs as they were. Nothing here prints: each rebuild's result goes to a callback.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from watchfiles import Change, watch

from kinerja_report.errors import KinerjaError, galat
from kinerja_report.pipeline import HasilBuild, build
from kinerja_report.render.html import FOLDER_TEMPLAT

logger = logging.getLogger(__name__)

JEDA_STABIL = 1.0
"""Seconds a changed file's size and time must stay the same before it is read."""
BATAS_TUNGGU = 120.0
"""A file still growing after this many seconds is read anyway (its reader will say if it is
truncated)."""


@dataclass(frozen=True)
class Putaran:
    """One build of the watch: its result or the fatal error that stopped it."""

    hasil: HasilBuild | None
    galat: KinerjaError | None
    berubah: tuple[str, ...]
    """The input paths (relative) whose change started it; empty for the first build."""
    detik: float


def saring(masukan: Path, keluaran: Path) -> Callable[[Change, str], bool]:
    """The watch filter: no Office lock files, no hidden files, no ``__pycache__``, nothing
    below OUT."""
    akar = masukan.resolve()
    luar = keluaran.resolve()

    def relevan(_: Change, path: str) -> bool:
        lokasi = Path(path)
        if lokasi.is_relative_to(luar):
            return False
        dasar = next((d for d in (akar, FOLDER_TEMPLAT) if lokasi.is_relative_to(d)), None)
        bagian = lokasi.relative_to(dasar).parts if dasar is not None else lokasi.parts
        return not any(p.startswith(("~$", ".")) or p == "__pycache__" for p in bagian)

    return relevan


def _sidik(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None  # gone: nothing to wait for
    return info.st_size, info.st_mtime_ns


def tunggu_stabil(paths: set[Path], berhenti: threading.Event, jeda: float = JEDA_STABIL) -> None:
    """Return once no file of ``paths`` changed size or time during ``jeda`` seconds (or after
    :data:`BATAS_TUNGGU`, or when ``berhenti`` is set)."""
    mulai = time.monotonic()
    sebelum = {path: _sidik(path) for path in paths}
    while not berhenti.wait(jeda):
        sesudah = {path: _sidik(path) for path in paths}
        if sesudah == sebelum or time.monotonic() - mulai > BATAS_TUNGGU:
            return
        sebelum = sesudah


def _satu_build(
    masukan: Path, keluaran: Path, pekerja: int | None, berubah: tuple[str, ...]
) -> Putaran:
    mulai = time.perf_counter()
    try:
        hasil = build(masukan, keluaran, pekerja=pekerja)
    except KinerjaError as exc:
        return Putaran(None, exc, berubah, time.perf_counter() - mulai)
    except Exception as exc:  # a bug: said once, logged, and the watch goes on
        logger.exception("build gagal")
        error = galat(KinerjaError, "galat-tak-terduga", jenis=type(exc).__name__)
        return Putaran(None, error, berubah, time.perf_counter() - mulai)
    return Putaran(hasil, None, berubah, time.perf_counter() - mulai)


def _identitas(folder: Path) -> tuple[int, int] | None:
    """The folder's device and inode: a folder deleted and made again is another folder
    (the watch on the old one hears nothing more)."""
    try:
        info = folder.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _berubah_sejak(
    masukan: Path, relevan: Callable[[Change, str], bool], waktu: float
) -> tuple[str, ...]:
    """Relevant files below ``masukan`` written at or after ``waktu`` (during the first
    build, before the watcher was started)."""
    hasil = []
    for path in masukan.rglob("*"):
        try:
            baru = path.is_file() and path.stat().st_mtime >= waktu
        except OSError:
            continue
        if baru and relevan(Change.modified, str(path.resolve())):
            hasil.append(path.relative_to(masukan).as_posix())
    return tuple(sorted(hasil))


def pantau(
    masukan: Path,
    keluaran: Path,
    lapor: Callable[[Putaran], None],
    pekerja: int | None = None,
    berhenti: threading.Event | None = None,
    jeda: float = JEDA_STABIL,
) -> None:
    """Build once, then rebuild on every relevant change below ``masukan`` or in the templates
    folder until ``berhenti`` is set (or Ctrl-C); ``lapor`` receives each build's
    :class:`Putaran`. When ``masukan`` goes away, a :class:`Putaran` says so
    (``masukan-hilang``) and the watch waits for it to come back, then rebuilds."""
    berhenti = berhenti or threading.Event()
    relevan = saring(masukan, keluaran)
    mulai = time.time()
    lapor(_satu_build(masukan, keluaran, pekerja, ()))
    if selama := _berubah_sejak(masukan, relevan, mulai):  # before the watcher started
        lapor(_satu_build(masukan, keluaran, pekerja, selama))
    while not berhenti.is_set():
        asal = _identitas(masukan)
        if asal is None:
            hilang = galat(KinerjaError, "masukan-hilang", str(masukan))
            lapor(Putaran(None, hilang, (), 0.0))
            while _identitas(masukan) is None:
                if berhenti.wait(jeda):
                    return
            tunggu_stabil(set(masukan.rglob("*")), berhenti, jeda)
            lapor(_satu_build(masukan, keluaran, pekerja, ("folder masukan",)))
            continue
        _pantau_folder(masukan, keluaran, lapor, pekerja, berhenti, jeda, asal)


def _pantau_folder(
    masukan: Path,
    keluaran: Path,
    lapor: Callable[[Putaran], None],
    pekerja: int | None,
    berhenti: threading.Event,
    jeda: float,
    asal: tuple[int, int],
) -> None:
    """Rebuild on each change until ``berhenti`` is set or ``masukan`` is no longer the
    folder ``asal`` identifies."""
    relevan = saring(masukan, keluaran)
    akar = masukan.resolve()
    for perubahan in watch(
        masukan,
        FOLDER_TEMPLAT,
        watch_filter=relevan,
        debounce=400,
        stop_event=berhenti,
        rust_timeout=500,
        yield_on_timeout=True,
    ):
        if _identitas(masukan) != asal:
            return
        if not perubahan:
            continue
        paths = {Path(path) for _, path in perubahan}
        tunggu_stabil(paths, berhenti, jeda)
        if berhenti.is_set():
            return
        nama = sorted(_nama_berubah(path, akar) for path in paths)
        lapor(_satu_build(masukan, keluaran, pekerja, tuple(nama)))


def _nama_berubah(path: Path, akar: Path) -> str:
    """How a changed path is named in the watch's line: relative to the input folder, or
    'templat/<name>' for the templates."""
    if path.is_relative_to(akar):
        return os.path.relpath(path, akar).replace(os.sep, "/")
    if path.is_relative_to(FOLDER_TEMPLAT):
        return "templat/" + path.relative_to(FOLDER_TEMPLAT).as_posix()
    return str(path)
