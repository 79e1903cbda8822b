"""The list of the files a build wrote (``OUT/.kinerja-keluaran.json``): the only files a later
build may remove.

Each entry is a path relative to OUT and the sha256 of what the build wrote. A later build
that no longer writes an entry (the workbook of that OPD is gone) removes its file, and only
when it is still exactly what we wrote (a copy the user replaced, e.g. a signed PDF, is theirs
now), is a regular file reached without any symlink, and lies inside OUT. Nothing is ever
removed by pattern; an unreadable list removes nothing.
"""

from __future__ import annotations

import hashlib
import json
import stat
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

NAMA_DAFTAR = ".kinerja-keluaran.json"
VERSI = 1


def sidik(data: bytes) -> str:
    """The sha256 of ``data``, as recorded in the list."""
    return hashlib.sha256(data).hexdigest()


def isi_daftar(berkas: Mapping[str, str]) -> bytes:
    """The list file's content for ``berkas`` (relative path -> sha256)."""
    data = {"versi": VERSI, "berkas": dict(sorted(berkas.items()))}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def baca_daftar(keluaran: Path) -> dict[str, str]:
    """The files the previous build wrote; empty when there is no readable list."""
    path = keluaran / NAMA_DAFTAR
    try:
        if path.is_symlink():
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    berkas = data.get("berkas") if isinstance(data, dict) else None
    if not isinstance(berkas, dict):
        return {}
    return {k: v for k, v in berkas.items() if isinstance(k, str) and isinstance(v, str)}


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
        if folder.is_symlink() or _junction(folder):
            return bagian
    return None


def _junction(path: Path) -> bool:
    is_junction = getattr(path, "is_junction", None)  # Python 3.12+
    return bool(is_junction()) if is_junction is not None else False


def hapus_usang(keluaran: Path, lama: Mapping[str, str], baru: Mapping[str, str]) -> None:
    """Remove the files of ``lama`` (the previous list) that this build did not write
    (``baru``), when they are still ours (see the module docstring); empty folders left
    behind go too."""
    for relatif, digest in sorted(lama.items()):
        path = relatif_aman(relatif)
        if relatif in baru or path is None or tautan_pertama(keluaran, path) is not None:
            continue
        target = keluaran / path
        try:
            if not stat.S_ISREG(target.lstat().st_mode) or sidik(target.read_bytes()) != digest:
                continue
            target.unlink()
        except OSError:
            continue  # gone already, or not ours to touch
        _hapus_folder_kosong(keluaran, path)


def _hapus_folder_kosong(keluaran: Path, relatif: PurePosixPath) -> None:
    for bagian in list(relatif.parents)[:-1]:  # below OUT only
        try:
            (keluaran / bagian).rmdir()
        except OSError:
            return  # not empty: the user's files are there
