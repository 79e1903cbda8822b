"""The output folder of one build: locked, staged, then moved into place.

* A lock file (``OUT/.kinerja.lock``) keeps a second build from writing into the same folder
  at the same time; the second one stops at once with a clear message.
* Every output is first written below ``OUT/.sementara-<pid>/``; only when all are written are
  they moved into place, each with an atomic rename. A build killed half-way leaves the
  previous outputs as they were (its staging folder is removed by the next build).
* Files of the kinds a build owns (:data:`DIKELOLA`: the PDFs of the documented layout) that
  this build did not write are removed after the move, so a report of an OPD that is no longer
  in the input never looks current. Other files in OUT are left alone.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import IO

from kinerja_report.errors import KeluaranTerkunci, KeluaranTidakDapatDitulis, galat

NAMA_KUNCI = ".kinerja.lock"
DIKELOLA = ("*/evaluasi/*.pdf", "*/perjanjian-kinerja/*.pdf")
AWALAN_SEMENTARA = ".sementara-"


def _kunci(handle: IO[bytes]) -> bool:
    """Take an exclusive lock without waiting; False when another process holds it."""
    try:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
    except OSError:
        return False
    return True


class FolderKeluaran:
    """Use as a context manager; :meth:`tulis` stages a file, leaving the block commits all."""

    def __init__(self, keluaran: Path) -> None:
        self.keluaran = keluaran
        self._staging = keluaran / f"{AWALAN_SEMENTARA}{os.getpid()}"
        self._files: list[PurePosixPath] = []
        self._lock: IO[bytes] | None = None

    def __enter__(self) -> FolderKeluaran:
        try:
            self.keluaran.mkdir(parents=True, exist_ok=True)
            self._lock = (self.keluaran / NAMA_KUNCI).open("a+b")
        except OSError as exc:
            raise galat(
                KeluaranTidakDapatDitulis,
                "keluaran-tidak-dapat-ditulis",
                str(self.keluaran),
                alasan=exc.strerror or str(exc),
            ) from exc
        if not _kunci(self._lock):
            self._lock.close()
            raise galat(KeluaranTerkunci, "keluaran-terkunci", str(self.keluaran))
        for old in self.keluaran.glob(f"{AWALAN_SEMENTARA}*"):
            shutil.rmtree(old, ignore_errors=True)  # left by a build that was killed
        self._staging.mkdir()
        return self

    def tulis(self, relatif: str, data: bytes) -> Path:
        """Stage ``data`` for ``OUT/relatif``; returns the final path."""
        path = PurePosixPath(relatif)
        target = self._staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self._files.append(path)
        return self.keluaran / path

    def _hapus_usang(self) -> None:
        written = {self.keluaran / path for path in self._files}
        for pattern in DIKELOLA:
            for old in self.keluaran.glob(pattern):
                if old not in written:
                    old.unlink(missing_ok=True)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                for path in self._files:
                    final = self.keluaran / path
                    final.parent.mkdir(parents=True, exist_ok=True)
                    (self._staging / path).replace(final)
                self._hapus_usang()
        finally:
            shutil.rmtree(self._staging, ignore_errors=True)
            if self._lock is not None:
                self._lock.close()
