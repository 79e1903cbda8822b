"""Moving a build's staged files into OUT all-or-nothing.

Each staged file replaces its target with an atomic rename, but a build writes many files and
any one of them may refuse (a folder where a PDF should go; on Windows, a PDF open in a viewer
cannot be replaced). :class:`Pemindahan` therefore first checks every target, then moves the
files one by one, setting each previous file aside in the staging folder; when a move fails,
every file already moved is taken back out and every previous file put back, so OUT is
exactly as it was before the build. Only :meth:`Pemindahan.selesai` lets the set-aside files
go (they are removed with the staging folder).

A build killed with ``kill -9`` during the moves themselves (milliseconds) can leave some new
files in place; they are all named by the journal written before the first move
(:mod:`kinerja_report.write.output_dir`), so the next build manages them.
"""

from __future__ import annotations

import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

__all__ = ["Pemindahan", "TujuanBukanBerkas"]


class TujuanBukanBerkas(OSError):
    """An output path holds something that is not a regular file (a folder, a pipe)."""


class Pemindahan:
    """Moves of ``staging/<relatif>`` to ``keluaran/<relatif>`` that can be taken back."""

    def __init__(self, keluaran: Path, staging: Path, cadangan: Path) -> None:
        self.keluaran = keluaran
        self.staging = staging
        self.cadangan = cadangan
        self._dipindah: list[tuple[PurePosixPath, bool]] = []
        """Each file moved so far, and whether a previous file was set aside for it."""
        self._folder_baru: list[Path] = []

    def periksa(self, semua: Iterable[PurePosixPath]) -> None:
        """Raise :class:`TujuanBukanBerkas` when a target is not a regular file (nor absent),
        or a folder on its way is a file, before anything is moved."""
        for relatif in semua:
            for bagian in [*reversed(relatif.parents[:-1]), relatif]:
                path = self.keluaran / bagian
                try:
                    mode = path.lstat().st_mode
                except FileNotFoundError:
                    break
                folder = bagian != relatif
                # a link at a file's own path is replaced, never followed
                berkas = stat.S_ISREG(mode) or stat.S_ISLNK(mode)
                if (folder and not stat.S_ISDIR(mode)) or (not folder and not berkas):
                    raise TujuanBukanBerkas(0, "bukan berkas biasa", str(path))

    def pindahkan(self, relatif: PurePosixPath) -> None:
        """Move one staged file into place, setting the previous one aside."""
        final = self.keluaran / relatif
        self._buat_folder(final.parent)
        ada = final.exists() or final.is_symlink()
        if ada:
            simpan = self.cadangan / relatif
            simpan.parent.mkdir(parents=True, exist_ok=True)
            final.replace(simpan)
        try:
            (self.staging / relatif).replace(final)
        except OSError:
            if ada:
                (self.cadangan / relatif).replace(final)
            raise
        self._dipindah.append((relatif, ada))

    def kembalikan(self) -> None:
        """Take every moved file back out and put the previous ones back (best effort: each
        step is tried even when another fails)."""
        for relatif, ada in reversed(self._dipindah):
            final = self.keluaran / relatif
            try:
                if ada:
                    (self.cadangan / relatif).replace(final)
                else:
                    final.unlink()
            except OSError:
                continue
        self._dipindah.clear()
        for folder in reversed(self._folder_baru):
            try:
                folder.rmdir()
            except OSError:
                continue
        self._folder_baru.clear()

    def selesai(self) -> None:
        """Every move is final; the set-aside files go with the staging folder."""
        self._dipindah.clear()
        self._folder_baru.clear()

    def _buat_folder(self, folder: Path) -> None:
        hilang = []
        while not folder.exists() and folder != self.keluaran:
            hilang.append(folder)
            folder = folder.parent
        for baru in reversed(hilang):
            baru.mkdir()
            self._folder_baru.append(baru)
