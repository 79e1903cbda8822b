"""Reading what a build wrote without trusting OUT, and removing the outputs a build no
longer writes.

The record of what a build wrote is its sealed manifest (:mod:`kinerja_report.write.manifest`).
A later build that no longer writes one of its outputs (the workbook of that OPD is gone)
removes that file (:func:`hapus_usang`), and only when it is still exactly what we wrote (a
copy the user replaced, e.g. a signed PDF, is theirs now), is a regular file reached without
any symlink, and lies inside OUT. Nothing is ever removed by pattern; an unreadable record
removes nothing.

Older versions kept a second list, ``OUT/.kinerja-keluaran.json`` (:data:`NAMA_DAFTAR`);
:func:`baca_daftar` reads it once so that its files stay removable under the same rules, and
the build that reads it removes it (:mod:`kinerja_report.write.output_dir`). Nothing writes it
any more.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path, PurePosixPath

from kinerja_report.tanpa_tautan import junction

NAMA_DAFTAR = ".kinerja-keluaran.json"
"""The output list of older versions (read once, never written)."""


def sidik(data: bytes) -> str:
    """The sha256 of ``data``, as recorded in the manifest."""
    return hashlib.sha256(data).hexdigest()


def baca_daftar(keluaran: Path) -> dict[str, str]:
    """The files (relative path -> sha256) an older version listed as its own in
    :data:`NAMA_DAFTAR`; empty when there is no readable list (a link, a FIFO, too big, not
    JSON, nested too deep)."""
    try:
        data = json.loads(baca_biasa(keluaran / NAMA_DAFTAR, BATAS_JSON).decode("utf-8"))
    except (OSError, ValueError, RecursionError, MemoryError):
        return {}
    berkas = data.get("berkas") if isinstance(data, dict) else None
    if not isinstance(berkas, dict):
        return {}
    return {k: v for k, v in berkas.items() if isinstance(k, str) and isinstance(v, str)}


BATAS_JSON = 256 * 1024 * 1024
"""The most bytes of the manifest, a journal or the old output list read (a build of
thousands of outputs writes a few MB)."""

_BUKA = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_BUKA |= getattr(os, "O_BINARY", 0)
_POTONGAN = 1024 * 1024


class BukanBerkasBiasa(OSError):
    """The path is a link, a folder, a FIFO, a device ... (never opened for its content), or
    holds more bytes than expected."""


def _isi_berkas_biasa(path: Path, batas: int) -> Iterator[bytes]:
    """The bytes of the regular file at ``path``, in pieces. Never follows a link at the last
    step, never blocks on a FIFO (lstat first, then opened non-blocking and checked again)
    and never reads more than ``batas`` bytes (raises :class:`BukanBerkasBiasa` beyond)."""
    if not stat.S_ISREG(path.lstat().st_mode):
        raise BukanBerkasBiasa(errno.EINVAL, "bukan berkas biasa", str(path))
    fd = os.open(path, _BUKA)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BukanBerkasBiasa(errno.EINVAL, "bukan berkas biasa", str(path))
        dibaca = 0
        while potongan := os.read(fd, min(_POTONGAN, batas + 1 - dibaca)):
            dibaca += len(potongan)
            if dibaca > batas:
                raise BukanBerkasBiasa(errno.EFBIG, "lebih besar dari yang tercatat", str(path))
            yield potongan
    finally:
        os.close(fd)


def baca_biasa(path: Path, batas: int) -> bytes:
    """The content of the regular file at ``path`` (see :func:`_isi_berkas_biasa`)."""
    return b"".join(_isi_berkas_biasa(path, batas))


def sidik_biasa(path: Path, ukuran: int = -1) -> str:
    """The sha256 of the regular file at ``path``, read as :func:`baca_biasa` does, no more
    than ``ukuran`` bytes when that is known (>= 0): a file of another size raises
    :class:`BukanBerkasBiasa` without being read."""
    if ukuran >= 0 and path.lstat().st_size != ukuran:
        raise BukanBerkasBiasa(errno.EFBIG, "ukuran lain dari yang tercatat", str(path))
    digest = hashlib.sha256()
    for potongan in _isi_berkas_biasa(path, ukuran if ukuran >= 0 else 1 << 62):
        digest.update(potongan)
    return digest.hexdigest()


def relatif_aman(relatif: str) -> PurePosixPath | None:
    """``relatif`` as a path strictly below OUT, or None (absolute, '..', a drive, empty)."""
    path = PurePosixPath(relatif)
    if path.is_absolute() or not path.parts or any(p in ("..", ".", "") for p in path.parts):
        return None
    if ":" in path.parts[0] or "\\" in relatif:
        return None  # a Windows drive or separator
    return path


def tautan_pertama(keluaran: Path, relatif: PurePosixPath) -> PurePosixPath | None:
    """The first folder on the way from OUT to ``relatif`` that is a symlink (or a Windows
    junction), or None."""
    for jumlah in range(1, len(relatif.parts)):
        bagian = PurePosixPath(*relatif.parts[:jumlah])
        folder = keluaran / bagian
        if folder.is_symlink() or junction(folder):
            return bagian
    return None


def ukuran_milik(keluaran: Path, relatif: str, sha256: str, ukuran: int = -1) -> int | None:
    """The size of ``OUT/relatif`` when it is still exactly what a build of ours wrote (the
    recorded ``sha256``; ``ukuran`` when known), a regular file reached without any symlink
    inside OUT; else None (changed, gone, a link, a FIFO, outside OUT). The one test of
    "still ours" for removing, reusing and keeping an output."""
    path = relatif_aman(relatif)
    if path is None or tautan_pertama(keluaran, path) is not None:
        return None
    target = keluaran / path
    try:
        if sidik_biasa(target, ukuran) != sha256:
            return None
        return target.lstat().st_size
    except OSError:  # gone already, another size, not a regular file
        return None


def hapus_usang(keluaran: Path, lama: Iterable[tuple[str, str]], baru: Collection[str]) -> None:
    """Remove the files of ``lama`` (relative path and sha256, as earlier builds recorded
    them; a path may come with several) that this build did not write (``baru``), when they
    are still ours (see the module docstring); empty folders left behind go too."""
    for relatif, digest in sorted(set(lama)):
        path = relatif_aman(relatif)
        if relatif in baru or path is None or ukuran_milik(keluaran, relatif, digest) is None:
            continue
        try:
            (keluaran / path).unlink()
        except OSError:
            continue  # gone already, or not ours to touch
        _hapus_folder_kosong(keluaran, path)


def _hapus_folder_kosong(keluaran: Path, relatif: PurePosixPath) -> None:
    for bagian in list(relatif.parents)[:-1]:  # below OUT only
        try:
            (keluaran / bagian).rmdir()
        except OSError:
            return  # not empty: the user's files are there
