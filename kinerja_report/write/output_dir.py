"""The output folder of one build: checked, locked, staged, then moved into place.

* The output folder may lie inside the input folder, but may not be the input folder or one
  of its ancestors (:class:`~kinerja_report.errors.KeluaranMencakupMasukan`): the outputs would
  mix with the workbooks, and a later build would read them as input.
* A lock (:mod:`kinerja_report.write.lock`) keeps a second build from writing into the same
  folder at the same time; the second one stops at once with a clear message.
* Every output is first written below a staging folder ``OUT/.sementara-<pid>-<random>/``;
  only when all are written are they moved into place, each with an atomic rename. A build
  killed half-way leaves the previous outputs as they were. Nothing is written through a
  symlink inside OUT.
* One record of what a build wrote: its manifest (:mod:`kinerja_report.write.manifest`, sealed
  with the user's key), staged with the outputs and moved in last. The next build reads it
  once, on entering (:attr:`FolderKeluaran.lama`): it reuses unchanged documents from it and
  removes the outputs it lists that this build no longer writes, so a report of an OPD that
  is no longer in the input never looks current (only files still exactly as written, see
  :func:`~kinerja_report.write.daftar.hapus_usang`). A manifest that is not sealed with the
  user's key is neither reused nor removes anything. Nothing else in OUT is ever removed.
* Killed while moving (``kill -9`` between the first move and the last removal): before the
  first move, the build writes a sealed *journal* into its staging folder (``.jurnal.json``):
  the previous manifest's outputs and its own. At every moment each file a build of ours
  placed is named by the manifest in place or by that journal. The next build reads every
  leftover journal on entering (a leftover staging folder without one is removed at once:
  its build moved nothing) and removes what it names like what the manifest names; the
  leftover folder goes only once that build has removed those files or recorded them in its
  own manifest, so a build that is cancelled or fails in between loses nothing.
* The output list of older versions (``.kinerja-keluaran.json``) is read once in the same
  way, and removed at the same moment as a leftover journal; nothing writes it any more.
* Errors of the operating system become catalogued errors: disk full is
  :class:`~kinerja_report.errors.DiskPenuh`, others
  :class:`~kinerja_report.errors.KeluaranTidakDapatDitulis` with an Indonesian reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import threading
from collections.abc import Mapping
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
from kinerja_report.problems import Masalah
from kinerja_report.write.daftar import (
    NAMA_DAFTAR,
    baca_daftar,
    hapus_usang,
    sidik,
    tautan_pertama,
    ukuran_milik,
)
from kinerja_report.write.lock import NAMA_KUNCI, KunciKeluaran
from kinerja_report.write.manifest import (
    NAMA_JURNAL,
    NAMA_MANIFEST,
    Keluaran,
    baca_jurnal,
    isi_jurnal,
    keluaran_lama,
)
from kinerja_report.write.pindah import Pemindahan, TujuanBukanBerkas

__all__ = ["AWALAN_SEMENTARA", "NAMA_KUNCI", "FolderKeluaran", "mencakup"]

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
        self._catatan = threading.Lock()
        """True: outputs of earlier builds that this one did not write again are kept (and
        stay recorded in the manifest, :meth:`catatan`), e.g. when a workbook failed to read:
        its old PDFs are better than none."""
        self._batal = False
        self._terpasang = False
        self._dibuat: list[Path] = []
        """The folders that did not exist before this build (OUT first, then its parents)."""
        self._kunci_baru = False
        """Whether this build made the lock file (a cancelled build removes it again)."""
        self.lama: dict[str, Keluaran] = {}
        """The outputs the previous manifest lists, when it is sealed with the user's key (read
        once, on entering): what this build may reuse, and remove when it no longer writes
        them."""
        self.lama_tidak_sah: Masalah | None = None
        """Why a previous manifest in OUT was not trusted (``manifest-lama-tidak-sah``)."""
        self._sisa: list[tuple[str, Keluaran]] = []
        """Outputs recorded by a killed build's journal or by the older versions' list:
        removed like those of :attr:`lama`, never reused (a path may come twice: a killed
        build may have replaced a file of the manifest's)."""
        self._daftar_lama = False
        """Whether OUT holds the older versions' output list (removed once replaced)."""
        self._jurnal_lama: list[Path] = []
        """The staging folders of killed builds whose journal names outputs: kept until this
        build's own journal and manifest have taken their place."""

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
            self._baca_catatan()
            for old in self.keluaran.glob(f"{AWALAN_SEMENTARA}*"):
                if old not in self._jurnal_lama:  # killed before moving anything in
                    shutil.rmtree(old, ignore_errors=True)
            awalan = f"{AWALAN_SEMENTARA}{os.getpid()}-"
            self._staging = Path(tempfile.mkdtemp(prefix=awalan, dir=self.keluaran))
        except OSError as exc:
            self._kunci.lepas()
            raise self._galat(exc) from exc
        except BaseException:  # no key to check the seals with; interrupted
            self._kunci.lepas()
            raise
        return self

    def _baca_catatan(self) -> None:
        """Read, under the lock, what earlier builds recorded as theirs: the manifest, the
        journal of each leftover staging folder (a build that was killed), the older
        versions' list."""
        self.lama, self.lama_tidak_sah = keluaran_lama(self.keluaran)
        for old in sorted(self.keluaran.glob(f"{AWALAN_SEMENTARA}*")):
            jurnal = baca_jurnal(old / NAMA_JURNAL) if _folder_biasa(old) else {}
            if jurnal:
                self._sisa.extend(jurnal.items())
                self._jurnal_lama.append(old)
        daftar = baca_daftar(self.keluaran)
        self._daftar_lama = os.path.lexists(self.keluaran / NAMA_DAFTAR)
        self._sisa.extend((k, Keluaran(v, -1)) for k, v in daftar.items())

    def _milik_lama(self) -> list[tuple[str, Keluaran]]:
        """Every output earlier builds recorded as theirs (the manifest's first)."""
        return [*self.lama.items(), *self._sisa]

    def catatan(self, kunci: Mapping[str, str] | None = None) -> dict[str, Keluaran]:
        """What this build's manifest records: every file it wrote or kept so far (with its
        content key from ``kunci``) and, while :attr:`pertahankan_lama`, the outputs earlier
        builds recorded that it keeps in OUT, still exactly as written (with their size now),
        so that a later build may still remove them; a file the user replaced or removed is
        no longer recorded."""
        kunci = kunci or {}
        hasil = {
            relatif: Keluaran(digest, ukuran, kunci.get(relatif, ""))
            for relatif, (digest, ukuran) in self.ditulis().items()
        }
        if not self.pertahankan_lama:
            return hasil
        tetap: dict[str, Keluaran] = {}
        for relatif, item in self._milik_lama():
            if relatif in hasil or relatif in tetap or relatif == NAMA_MANIFEST:
                continue
            ukuran = ukuran_milik(self.keluaran, relatif, item.sha256, item.ukuran)
            if ukuran is not None:
                tetap[relatif] = Keluaran(item.sha256, ukuran, item.kunci)
        return {**tetap, **hasil}

    def tulis(self, relatif: str, data: bytes) -> Path:
        """Stage ``data`` for ``OUT/relatif``; returns the final path."""
        path = PurePosixPath(relatif)
        target = self._staging / path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        except OSError as exc:
            raise self._galat(exc, relatif) from exc
        digest = sidik(data)
        with self._catatan:  # the build writes data files and PDFs from two threads
            self._files[path] = digest
            self._ukuran[path] = len(data)
            self._tetap.pop(path, None)
        return self.keluaran / path

    def pertahankan(self, relatif: str, sha256: str, ukuran: int) -> Path:
        """Count ``OUT/relatif``, already in place with ``sha256`` (the caller checked), as
        written by this build without writing it again: it stays recorded as ours."""
        path = PurePosixPath(relatif)
        with self._catatan:
            self._tetap[path] = sha256
            self._ukuran[path] = ukuran
        return self.keluaran / path

    def ditulis(self) -> dict[str, tuple[str, int]]:
        """Every file of this build so far (staged or kept): relative path -> (sha256, size)."""
        with self._catatan:
            semua = {**self._tetap, **self._files}
            return {path.as_posix(): (d, self._ukuran[path]) for path, d in semua.items()}

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
        ``manifest.json`` last), then remove the outputs of earlier builds this one no longer
        writes (none while :attr:`pertahankan_lama`).

        The journal (the manifest's outputs and this build's) is written first: a build
        killed from then on leaves every file it may have placed, and every old output not yet
        removed, recorded for the next build (the records of killed builds and of older
        versions are removed only once the files they name are)."""
        baru = {path.as_posix(): digest for path, digest in {**self._tetap, **self._files}.items()}
        pemindahan = Pemindahan(self.keluaran, self._staging, self._staging / ".cadangan")
        urutan = sorted(self._files, key=lambda p: (p.as_posix() == NAMA_MANIFEST, p.as_posix()))
        pemindahan.periksa(urutan)
        ditulis = {k: Keluaran(v, u) for k, (v, u) in self.ditulis().items()}
        (self._staging / NAMA_JURNAL).write_bytes(isi_jurnal({**self.lama, **ditulis}))
        try:
            for path in urutan:
                pemindahan.pindahkan(path)
        except OSError:
            pemindahan.kembalikan()
            raise
        pemindahan.selesai()
        if not self.pertahankan_lama:
            milik = [(relatif, item.sha256) for relatif, item in self._milik_lama()]
            hapus_usang(self.keluaran, milik, baru)
        if not self.pertahankan_lama or NAMA_MANIFEST in baru:
            self._lepas_catatan_lama()

    def _lepas_catatan_lama(self) -> None:
        """Remove the records this build's manifest took the place of (or whose stale files
        it removed): the older versions' list and the killed builds' staging folders."""
        if self._daftar_lama:
            with contextlib.suppress(OSError):  # a folder of that name: not ours
                (self.keluaran / NAMA_DAFTAR).unlink()
        for old in self._jurnal_lama:
            shutil.rmtree(old, ignore_errors=True)

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


def _folder_biasa(path: Path) -> bool:
    """Whether ``path`` is a folder itself, not a link to one."""
    return not path.is_symlink() and path.is_dir()


def _hapus_kosong(folder: list[Path]) -> None:
    """Remove the folders a build made (deepest first) and left empty: a build that read
    nothing leaves no trace where there was no folder."""
    for path in folder:
        try:
            path.rmdir()
        except OSError:
            return
