"""The trace of one input file: its hash, size, time and what was read from it.

Kept for the manifest (``OUT/manifest.json``) and the folder's history store
(``OUT/kinerja.sqlite``): what an auditor needs to know which bytes a report was built from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kinerja_report.read.folder import IsiBerkas

_POTONGAN = 1024 * 1024


@dataclass(frozen=True)
class JejakBerkas:
    """One input file as this build saw it."""

    nama: str
    """Its path below the input folder, '/'-separated (as in problems and capaian.csv)."""
    sha256: str
    ukuran: int
    mtime: float
    isi: tuple[str, ...] = ()
    """What was read from it, one Indonesian line per sheet or list."""
    jenis_lembar: tuple[str, ...] = ()
    """The kinds of sheets read: 'evaluasi-renja', 'matriks-rpjmd', 'penandatangan',
    'komponen-ipm', 'pengaturan', 'logo'."""
    tahun: tuple[int, ...] = ()
    opd: tuple[str, ...] = ()
    gagal: bool = False


@cache
def sidik_kode() -> str:
    """The sha256 of the tool's own source files, computed once: cached readings and kept
    PDFs are never reused across a change of the code, even without a new version number."""
    paket = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(paket.rglob("*.py")):
        digest.update(path.relative_to(paket).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def sidik_berkas(path: Path) -> tuple[str, int, float]:
    """sha256, size and modification time of ``path`` (read in pieces)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while potongan := handle.read(_POTONGAN):
            digest.update(potongan)
    info = path.stat()
    return digest.hexdigest(), info.st_size, info.st_mtime


def jejak_workbook(path: Path, isi: IsiBerkas) -> JejakBerkas | None:
    """The trace of a workbook read into ``isi``; None when it cannot be read any more."""
    try:
        sha256, ukuran, mtime = sidik_berkas(path)
    except OSError:
        return None
    baris: list[str] = []
    jenis: list[str] = []
    for ev in isi.evaluasi:
        baris.append(
            f"lembar '{ev.lembar}': evaluasi Renja {ev.tahun}, {ev.opd}, "
            f"{len(ev.indikator)} baris indikator"
        )
        jenis.append("evaluasi-renja")
    for matriks in isi.rpjmd:
        baris.append(
            f"lembar '{matriks.lembar}': matriks RPJMD, {len(matriks.indikator)} indikator"
        )
        jenis.append("matriks-rpjmd")
    if isi.penandatangan:
        baris.append(f"daftar penandatangan, {len(isi.penandatangan)} orang")
        jenis.append("penandatangan")
    if isi.ipm:
        baris.append(f"komponen IPM, {len(isi.ipm)} tahun")
        jenis.append("komponen-ipm")
    if isi.gagal:
        baris.append("tidak terbaca (lihat masalah.csv)")
    return JejakBerkas(
        nama=isi.nama,
        sha256=sha256,
        ukuran=ukuran,
        mtime=mtime,
        isi=tuple(baris),
        jenis_lembar=tuple(dict.fromkeys(jenis)),
        tahun=tuple(sorted({ev.tahun for ev in isi.evaluasi})),
        opd=tuple(sorted({ev.opd for ev in isi.evaluasi})),
        gagal=isi.gagal,
    )


def jejak_pendukung(path: Path, nama: str, jenis: str, keterangan: str) -> JejakBerkas | None:
    """The trace of a supporting file (the settings, the logo); None when it is not there."""
    try:
        sha256, ukuran, mtime = sidik_berkas(path)
    except OSError:
        return None
    return JejakBerkas(nama, sha256, ukuran, mtime, (keterangan,), (jenis,))
