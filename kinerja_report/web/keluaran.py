"""Reading what a build wrote in OUT (capaian.csv, masalah.csv, manifest.json), and the one
rule of which files of OUT may be served."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path, PurePosixPath

from kinerja_report.write.manifest import NAMA_MANIFEST

BATAS_BARIS = 500
"""At most this many capaian rows are shown on one page."""


def baca_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV the build wrote; none when it is missing."""
    try:
        teks = path.read_text(encoding="utf-8")
    except OSError:
        return []
    return list(csv.DictReader(io.StringIO(teks, newline="")))


def keluaran_manifest(out: Path) -> tuple[str, ...]:
    """The outputs the manifest in OUT lists (relative to OUT)."""
    try:
        data = json.loads((out / NAMA_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    daftar = data.get("keluaran") if isinstance(data, dict) else None
    return tuple(sorted(daftar)) if isinstance(daftar, dict) else ()


def berkas_aman(out: Path, relatif: str, boleh: set[str] | frozenset[str]) -> Path | None:
    """The file of OUT at ``relatif`` when it may be served: listed in ``boleh`` (outputs of
    the build), no '..' nor absolute path, a regular file (never a link) inside OUT."""
    bagian = PurePosixPath(relatif)
    if (
        relatif not in boleh
        or bagian.is_absolute()
        or any(p in {"..", ".", ""} or p.startswith(".") for p in bagian.parts)
        or "\\" in relatif
    ):
        return None
    path = out / Path(*bagian.parts)
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        if not path.resolve().is_relative_to(out.resolve()):
            return None
    except OSError:
        return None
    return path
