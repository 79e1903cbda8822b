"""Walking the input folder: iterative, with a depth limit, every name shown safely.

The walk never recurses (a folder tree thousands of levels deep cannot exhaust the stack),
stops :data:`BATAS_KEDALAMAN` levels below the input folder with a problem naming the
folder, reports folders it cannot read, and never enters an output folder of ours (one
holding ``.kinerja.lock``) nor the folder ``kecuali``. Directory symlinks are not followed.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.workbook import EKSTENSI_BELUM_DIDUKUNG, EKSTENSI_EXCEL
from kinerja_report.teks import ada_yang_tidak_aman, teks_aman

BATAS_KEDALAMAN = 32
"""Levels of subfolders read below the input folder; deeper folders are reported, not read."""
PENANDA_KELUARAN = ".kinerja.lock"
NAMA_PENGATURAN = "pengaturan.toml"
DAFTAR_MAKS = 10
"""At most this many other files are named in the 'berkas-bukan-workbook' message."""


@dataclass
class Telusuran:
    """What the walk found: workbooks, other files, and problems with folders and names."""

    workbook: list[Path] = field(default_factory=list)
    lain: list[Path] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)


def nama_tampil(path: Path, folder: Path) -> PurePosixPath:
    """The path of ``path`` below ``folder`` as shown in problems and outputs: '/'-separated,
    undecodable bytes and control characters escaped (``2023/dinas\\xff.xlsx``)."""
    return PurePosixPath(teks_aman(path.relative_to(folder).as_posix()))


def telusuri(
    folder: Path, kecuali: Path | None = None, abaikan: Collection[Path] = ()
) -> Telusuran:
    """Workbook-like files below ``folder`` (sorted; Office lock files ``~$`` and hidden files
    excluded) and the other files, except ``abaikan`` (the settings file and the logo)."""
    hasil = Telusuran()
    skip = kecuali.resolve() if kecuali is not None else None
    ignored = {
        resolved
        for path in (*abaikan, folder / NAMA_PENGATURAN)
        if (resolved := _resolve(path)) is not None
    }
    stack: list[tuple[Path, int]] = [(folder, 0)]
    while stack:
        directory, depth = stack.pop()
        for entry in _isi_folder(directory, folder, hasil):
            path = Path(entry.path)
            if entry.name.startswith(".") or (skip is not None and _di_bawah(path, skip)):
                continue
            if _folder(entry):
                if (path / PENANDA_KELUARAN).exists():
                    continue  # an output folder of ours inside the input
                if depth + 1 > BATAS_KEDALAMAN:
                    hasil.masalah.append(
                        masalah(
                            "folder-terlalu-dalam",
                            str(nama_tampil(path, folder)),
                            batas=BATAS_KEDALAMAN,
                        )
                    )
                    continue
                stack.append((path, depth + 1))
            elif _berkas(entry):
                _golongkan(path, folder, ignored, hasil)
    hasil.workbook.sort()
    hasil.lain.sort()
    return hasil


def _isi_folder(directory: Path, folder: Path, hasil: Telusuran) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        hasil.masalah.append(
            masalah(
                "folder-tidak-terbaca",
                str(nama_tampil(directory, folder)) if directory != folder else ".",
                alasan=exc.strerror or type(exc).__name__,
            )
        )
        return []


def _folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _berkas(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _resolve(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return None


def _di_bawah(path: Path, root: Path) -> bool:
    resolved = _resolve(path)
    return resolved is not None and resolved.is_relative_to(root)


def _golongkan(path: Path, folder: Path, ignored: set[Path], hasil: Telusuran) -> None:
    if path.name.startswith("~$"):
        return
    if path.suffix.lower() in EKSTENSI_EXCEL | EKSTENSI_BELUM_DIDUKUNG:
        hasil.workbook.append(path)
        relatif = path.relative_to(folder).as_posix()
        if ada_yang_tidak_aman(relatif):
            hasil.masalah.append(masalah("nama-berkas-tidak-sah", str(nama_tampil(path, folder))))
    elif _resolve(path) not in ignored:
        hasil.lain.append(path)


def masalah_berkas_lain(telusuran: Telusuran, folder: Path) -> list[Masalah]:
    """One info problem naming the files that are not workbooks (none when there are none)."""
    if not telusuran.lain:
        return []
    return [
        masalah(
            "berkas-bukan-workbook",
            jumlah=len(telusuran.lain),
            daftar=daftar_nama(telusuran.lain, folder),
        )
    ]


def daftar_nama(paths: list[Path], folder: Path) -> str:
    """'a.csv, b.pdf, ... dan 3 lainnya': at most :data:`DAFTAR_MAKS` names."""
    names = [str(nama_tampil(path, folder)) for path in paths[:DAFTAR_MAKS]]
    rest = len(paths) - len(names)
    return ", ".join(names) + (f" dan {rest} lainnya" if rest > 0 else "")
