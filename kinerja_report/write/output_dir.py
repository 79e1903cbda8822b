"""The output folder of one build: checked, locked, staged, then moved into place.

* The output folder may lie inside the input folder, but may not be the input folder or one
  of its ancestors (:class:`~kinerja_report.errors.KeluaranMencakupMasukan`): the outputs would
  mix with the workbooks, and a later build would read them as input.
* A lock (:mod:`kinerja_report.write.lock`) keeps a second build from writing into the same
  folder at the same time; the second one stops at once with a clear message.
* Every output is first written below ``OUT/.sementara-<pid>/``; only when all are written are
  they moved into place, each with an atomic rename. A build killed half-way leaves the
  previous outputs as they were (its staging folder is removed by the next build). Nothing is
  written through a symlink inside OUT.
* The files a build wrote are listed with their sha256 (:mod:`kinerja_report.write.daftar`);
  the next build removes those it no longer writes, so a report of an OPD that is no longer in
  the input never looks current. Nothing else in OUT is ever removed.
* Errors of the operating system become catalogued errors: disk full is
  :class:`~kinerja_report.errors.DiskPenuh`, others
  :class:`~kinerja_report.errors.KeluaranTidakDapatDitulis` with an Indonesian reason.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path, PurePosixPath
from types import TracebackType

from kinerja_report.errors import (
    DiskPenuh,
    KeluaranMencakupMasukan,
    KeluaranTidakDapatDitulis,
    KinerjaError,
    alasan_os,
    galat,
)
from kinerja_report.write.daftar import (
    BATAS_JSON,
    NAMA_DAFTAR,
    baca_biasa,
    baca_daftar,
    hapus_usang,
    isi_daftar,
    sidik,
    tautan_pertama,
)
from kinerja_report.write.lock import NAMA_KUNCI, KunciKeluaran
from kinerja_report.write.manifest import NAMA_MANIFEST
from kinerja_report.write.pindah import Pemindahan, TujuanBukanBerkas

__all__ = ["AWALAN_SEMENTARA", "NAMA_DAFTAR", "NAMA_KUNCI", "FolderKeluaran", "mencakup"]

AWALAN_SEMENTARA = ".sementara-"
_DISK_PENUH = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def mencakup(keluaran: Path, masukan: Path) -> bool:
    """Whether ``keluaran`` is ``masukan`` or one of its ancestors (symlinks, ``.`` and,
    where the disk ignores case, case resolved)."""
    if not keluaran.is_dir():
        return False
    folder = masukan.resolve()
    return any(p.exists() and keluaran.samefile(p) for p in (folder, *folder.parents))


def _dikutip(path: Path) -> str:
    """A path as typed in a command: quoted when it holds a space."""
    return f'"{path}"' if " " in str(path) else str(path)


class FolderKeluaran:
    """Use as a context manager; :meth:`tulis` stages a file, leaving the block commits all.

    ``masukan``, when given, is the input folder the outputs must stay out of.
    """

    def __init__(self, keluaran: Path, masukan: Path | None = None) -> None:
        self.keluaran = keluaran
        self.masukan = masukan
        self._staging = keluaran / f"{AWALAN_SEMENTARA}{os.getpid()}"
        self._files: dict[PurePosixPath, str] = {}
        self._ukuran: dict[PurePosixPath, int] = {}
        self._tetap: dict[PurePosixPath, str] = {}
        """Files of an earlier build this one keeps as they are (an incremental build)."""
        self._kunci = KunciKeluaran(keluaran)
        self.pertahankan_lama = False
        """True: outputs of earlier builds that this one did not write again are kept (and
        stay listed), e.g. when a workbook failed to read: its old PDFs are better than none."""
        self._batal = False
        self._terpasang = False
        self._dibuat: list[Path] = []
        """The folders that did not exist before this build (OUT first, then its parents)."""
        self._kunci_baru = False
        """Whether this build made the lock file (a cancelled build removes it again)."""

    def batalkan(self) -> None:
        """Leave the output folder exactly as it was: nothing staged is moved in, nothing
        removed (a build that read no workbook at all)."""
        self._batal = True

    def __enter__(self) -> FolderKeluaran:
        if self.masukan is not None and mencakup(self.keluaran, self.masukan):
            raise galat(
                KeluaranMencakupMasukan,
                "keluaran-mencakup-masukan",
                str(self.keluaran),
                masukan=str(self.masukan),
                saran=_dikutip(self.masukan / "hasil"),
            )
        self._dibuat = [p for p in (self.keluaran, *self.keluaran.parents) if not p.exists()]
        self._kunci_baru = not os.path.lexists(self.keluaran / NAMA_KUNCI)
        try:
            self.keluaran.mkdir(parents=True, exist_ok=True)
            self._kunci.ambil()
        except OSError as exc:
            raise self._galat(exc) from exc
        try:
            for old in self.keluaran.glob(f"{AWALAN_SEMENTARA}*"):
                shutil.rmtree(old, ignore_errors=True)  # left by a build that was killed
            self._staging.mkdir()
        except OSError as exc:
            self._kunci.lepas()
            raise self._galat(exc) from exc
        return self

    def tulis(self, relatif: str, data: bytes) -> Path:
        """Stage ``data`` for ``OUT/relatif``; returns the final path."""
        path = PurePosixPath(relatif)
        target = self._staging / path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        except OSError as exc:
            raise self._galat(exc, relatif) from exc
        self._files[path] = sidik(data)
        self._ukuran[path] = len(data)
        self._tetap.pop(path, None)
        return self.keluaran / path

    def pertahankan(self, relatif: str, sha256: str, ukuran: int) -> Path:
        """Count ``OUT/relatif``, already in place with ``sha256`` (the caller checked), as
        written by this build without writing it again: it stays listed as ours."""
        path = PurePosixPath(relatif)
        self._tetap[path] = sha256
        self._ukuran[path] = ukuran
        return self.keluaran / path

    def ditulis(self) -> dict[str, tuple[str, int]]:
        """Every file of this build so far (staged or kept): relative path -> (sha256, size)."""
        semua = {**self._tetap, **self._files}
        return {path.as_posix(): (digest, self._ukuran[path]) for path, digest in semua.items()}

    def _galat(self, exc: OSError, berkas: str = "") -> KinerjaError:
        """The catalogued error of ``exc``, naming its file (``berkas`` when the system did
        not say which: a write that failed for lack of space names none)."""
        nama = Path(exc.filename).name if isinstance(exc.filename, str) else berkas
        if isinstance(exc, TujuanBukanBerkas):
            relatif = Path(exc.filename).relative_to(self.keluaran).as_posix()
            return galat(
                KeluaranTidakDapatDitulis,
                "keluaran-tidak-dapat-ditulis",
                str(self.keluaran),
                alasan=f"'{relatif}' adalah folder atau berkas khusus, bukan berkas biasa; "
                "hasil build sebelumnya tidak berubah; pindahkan atau ganti namanya",
            )
        if exc.errno in _DISK_PENUH:
            return galat(DiskPenuh, "disk-penuh", str(self.keluaran), berkas_hasil=nama)
        return galat(
            KeluaranTidakDapatDitulis,
            "keluaran-tidak-dapat-ditulis",
            str(self.keluaran),
            alasan=f"{nama + ': ' if nama else ''}{alasan_os(exc)}",
        )

    def _periksa_tautan(self) -> None:
        for path in (*self._files, *self._tetap):
            tautan = tautan_pertama(self.keluaran, path)
            if tautan is not None:
                raise galat(
                    KeluaranTidakDapatDitulis,
                    "keluaran-lewat-tautan",
                    str(self.keluaran),
                    folder=str(tautan),
                )

    def _pindahkan(self) -> None:
        """Move the staged files into place, all or nothing (:mod:`~kinerja_report.write.pindah`;
        ``manifest.json`` last), and replace the list of our outputs.

        The list is first widened to old and new outputs, so that a build killed while moving
        leaves every file it may have placed listed for the next build to manage; when a move
        fails, the files and the list are put back as they were."""
        lama = baca_daftar(self.keluaran)
        baru = {path.as_posix(): digest for path, digest in {**self._tetap, **self._files}.items()}
        pemindahan = Pemindahan(self.keluaran, self._staging, self._staging / ".cadangan")
        urutan = sorted(self._files, key=lambda p: (p.as_posix() == NAMA_MANIFEST, p.as_posix()))
        pemindahan.periksa(urutan)
        daftar_lama = self._baca_daftar_mentah()
        self._ganti_daftar({**lama, **baru})
        try:
            for path in urutan:
                pemindahan.pindahkan(path)
        except OSError:
            pemindahan.kembalikan()
            self._pulihkan_daftar(daftar_lama)
            raise
        pemindahan.selesai()
        if self.pertahankan_lama:
            return  # the widened list stays: the kept files remain ours to manage later
        hapus_usang(self.keluaran, lama, baru)
        self._ganti_daftar(baru)

    def _baca_daftar_mentah(self) -> bytes | None:
        try:
            return baca_biasa(self.keluaran / NAMA_DAFTAR, BATAS_JSON)
        except OSError:
            return None  # none, a link, not a regular file: nothing to put back

    def _pulihkan_daftar(self, isi: bytes | None) -> None:
        try:
            if isi is None:
                (self.keluaran / NAMA_DAFTAR).unlink(missing_ok=True)
            else:
                self._pasang_daftar(isi)
        except OSError:
            return  # the widened list is still a safe list: it names only our files

    def _ganti_daftar(self, berkas: dict[str, str]) -> None:
        self._pasang_daftar(isi_daftar(berkas))

    def _pasang_daftar(self, isi: bytes) -> None:
        """Put the list's bytes in place by a rename (a link there is replaced, not followed)."""
        sementara = self._staging / NAMA_DAFTAR
        sementara.write_bytes(isi)
        sementara.replace(self.keluaran / NAMA_DAFTAR)

    def pasang(self) -> None:
        """Move every staged output into place now, all or nothing (the lock is still held:
        the caller may record the build afterwards). Leaving the block does it otherwise."""
        if self._terpasang or self._batal:
            return
        self._periksa_tautan()
        try:
            self._pindahkan()
        except OSError as error:
            raise self._galat(error) from error
        self._terpasang = True

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                self.pasang()
        finally:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._kunci.lepas(hapus=self._batal and self._kunci_baru)
            if self._batal:
                _hapus_kosong(self._dibuat)


def _hapus_kosong(folder: list[Path]) -> None:
    """Remove the folders a build made (deepest first) and left empty: a build that read
    nothing leaves no trace where there was no folder."""
    for path in folder:
        try:
            path.rmdir()
        except OSError:
            return
