"""The lock of an output folder: one build at a time, and who holds it.

The lock is an operating-system file lock on ``OUT/.kinerja.lock`` (``flock`` on POSIX,
``msvcrt.locking`` on Windows): the system releases it when the holding process ends, however
it ends. Its descriptor is never inherited (Python opens files non-inheritable, and the PDF
workers are started without ``fork``: :mod:`kinerja_report.render.pool`), so only the build
itself holds it.

The file records its owner (process id, start time, computer). When the lock is taken but its
owner is gone, some other process holds the lock (one that inherited it from a build of an
older version): the error says so, instead of "another build is running".
"""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path
from typing import IO

import psutil

from kinerja_report.errors import KeluaranTerkunci, KeluaranTerkunciUsang, galat
from kinerja_report.tanpa_tautan import buka_tanpa_tautan

NAMA_KUNCI = ".kinerja.lock"
UKURAN_CATATAN = 512
"""Bytes of the owner record at the start of the lock file (JSON, padded with spaces)."""
_ULANG = 3
"""Attempts to lock when the lock file is replaced between opening and locking it."""
_POSISI_KUNCI_WINDOWS = 1 << 20
"""Windows locks byte ranges and a locked range cannot be read by others: the lock is on one
byte far past the owner record, which stays readable."""


def _kunci(handle: IO[bytes]) -> bool:
    """Take an exclusive lock without waiting; False when another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_POSISI_KUNCI_WINDOWS)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _buka_kunci(handle: IO[bytes]) -> None:
    """Release explicitly: Windows may keep a range locked a while after its file is closed."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_POSISI_KUNCI_WINDOWS)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


def _berkas_sama(handle: IO[bytes], path: Path) -> bool:
    """Whether the open ``handle`` is still the file at ``path``."""
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.lstat(path))
    except OSError:
        return False


def _pemilik_ini() -> dict[str, object]:
    proses = psutil.Process()
    return {"pid": proses.pid, "mulai": proses.create_time(), "komputer": socket.gethostname()}


def _baca_pemilik(handle: IO[bytes]) -> dict[str, object] | None:
    handle.seek(0)
    try:
        data = json.loads(handle.read(UKURAN_CATATAN).decode("utf-8").strip() or "null")
    except (ValueError, OSError):
        return None
    return data if isinstance(data, dict) else None


def masih_berjalan(pemilik: dict[str, object]) -> bool:
    """Whether the process of an owner record still runs; True when it cannot be told (an
    owner on another computer, a process we may not inspect). A pid now used by another
    process (another start time) or a zombie counts as gone."""
    pid, mulai = pemilik.get("pid"), pemilik.get("mulai")
    if pemilik.get("komputer") != socket.gethostname() or not isinstance(pid, int):
        return True
    try:
        proses = psutil.Process(pid)
        if proses.status() == psutil.STATUS_ZOMBIE:
            return False
        return not isinstance(mulai, int | float) or abs(proses.create_time() - mulai) < 1
    except psutil.NoSuchProcess:
        return False
    except psutil.Error:
        return True


class KunciKeluaran:
    """:meth:`ambil` locks the folder or raises; :meth:`lepas` releases it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._handle: IO[bytes] | None = None

    def ambil(self) -> None:
        """Lock the folder (which must exist). Raises :class:`KeluaranTerkunci` while another
        build holds it, :class:`KeluaranTerkunciUsang` when its owner is gone; OSError when
        the lock file cannot be written. A link at the lock's path is replaced, never written
        through (:mod:`kinerja_report.tanpa_tautan`)."""
        handle, terkunci = self._buka()
        if not terkunci:
            pemilik = _baca_pemilik(handle)
            handle.close()
            if pemilik is not None and not masih_berjalan(pemilik):
                raise galat(
                    KeluaranTerkunciUsang,
                    "keluaran-terkunci-usang",
                    str(self.folder),
                    pid=pemilik.get("pid"),
                )
            raise galat(KeluaranTerkunci, "keluaran-terkunci", str(self.folder))
        self._handle = handle
        try:
            self._catat(json.dumps(_pemilik_ini()).encode("utf-8"))
        except OSError:
            self.lepas()
            raise

    def _buka(self) -> tuple[IO[bytes], bool]:
        """The open lock file, and whether we took its lock (False: another process holds
        it). A lock taken on a file that another build removed meanwhile (:meth:`lepas` with
        ``hapus``) is taken again on the file now at the path."""
        path = self.folder / NAMA_KUNCI
        for _ in range(_ULANG):
            handle = os.fdopen(buka_tanpa_tautan(path), "r+b", buffering=0)
            if not _kunci(handle):
                return handle, False
            if _berkas_sama(handle, path):
                return handle, True
            _buka_kunci(handle)
            handle.close()
        return handle, False  # the file keeps being replaced: another build is at work

    def _catat(self, data: bytes) -> None:
        assert self._handle is not None
        self._handle.seek(0)
        self._handle.write(data.ljust(UKURAN_CATATAN))

    def lepas(self, hapus: bool = False) -> None:
        """Clear the owner record and release the lock; ``hapus``: remove the lock file as
        well (still holding its lock), as when the folder was made for nothing. Never
        raises."""
        if self._handle is None:
            return
        try:
            self._catat(b"")
            if hapus:
                (self.folder / NAMA_KUNCI).unlink()
            _buka_kunci(self._handle)
        except OSError:
            pass  # closing releases the lock; a stale record only rewords a later error
        finally:
            self._handle.close()
            self._handle = None
