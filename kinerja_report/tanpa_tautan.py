"""Files inside the output folder are written as files of our own, never through a link.

OUT is often a shared folder. A symlink placed at the path of a file a build writes in place
(``OUT/.kinerja.log``, ``OUT/.kinerja.lock``) would make the build change, or create, a file
outside OUT; a hard link would share its bytes with a file elsewhere. Such a path is first
replaced by an empty file of our own (a rename replaces the link itself, never its target),
then opened with ``O_NOFOLLOW`` where the system has it and checked once open (a regular
file, no other name). Portable: where ``O_NOFOLLOW`` is missing (Windows), the ``lstat``
check and the check of the open file remain.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_ULANG = 3
"""Attempts when another process puts a link back between our replacing and opening."""


def _milik_sendiri(info: os.stat_result) -> bool:
    """A regular file with no other name (no hard link elsewhere)."""
    return stat.S_ISREG(info.st_mode) and info.st_nlink == 1


def junction(path: Path) -> bool:
    """Whether ``path`` is a Windows junction (Python 3.12+ can tell; before, never)."""
    is_junction = getattr(path, "is_junction", None)
    return bool(is_junction()) if is_junction is not None else False


def tautan(path: Path) -> bool:
    """Whether ``path`` is a symlink (or a Windows junction) or a file with hard links:
    writing it would change something else too. False when it does not exist."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(info.st_mode) or junction(path):
        return True
    return stat.S_ISREG(info.st_mode) and info.st_nlink > 1


def _ganti_tautan(path: Path) -> None:
    """Replace a link at ``path`` by an empty file of our own; anything else stays."""
    if not tautan(path):
        return
    fd, sementara = tempfile.mkstemp(prefix=f"{path.name}.", suffix=".baru", dir=path.parent)
    os.close(fd)
    try:
        Path(sementara).replace(path)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise


def buka_tanpa_tautan(path: Path) -> int:
    """A read-write descriptor of the regular file at ``path`` (created when missing), which
    is no link and has no other name: a link found there is replaced first (see the module
    docstring). Raises OSError (``ELOOP`` when a link keeps coming back)."""
    flags = os.O_RDWR | os.O_CREAT | O_NOFOLLOW | getattr(os, "O_BINARY", 0)
    for _ in range(_ULANG):
        _ganti_tautan(path)
        try:
            fd = os.open(path, flags, 0o666)
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # a symlink came back in between
                continue
            raise
        info = os.fstat(fd)
        if _milik_sendiri(info):
            return fd
        os.close(fd)
        if not stat.S_ISREG(info.st_mode):  # a FIFO, a device: never ours to write
            raise OSError(errno.EINVAL, "bukan berkas biasa", str(path))
    raise OSError(errno.ELOOP, "tautan", str(path))


def tulis_tanpa_tautan(path: Path, data: bytes) -> None:
    """Replace the content of ``path`` with ``data``, never writing through a link."""
    with os.fdopen(buka_tanpa_tautan(path), "r+b") as handle:
        handle.truncate(0)
        handle.write(data)
