"""What changed between builds, from the history store (``OUT/kinerja.sqlite``).

:func:`perubahan` compares the latest build with the latest earlier build that read
different files (a rebuild of unchanged files is no change): which files are new, changed or
gone, and which values moved, each with the cell it now comes from.
"""

from __future__ import annotations

import sqlite3
import stat
from collections import defaultdict
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from kinerja_report.errors import RiwayatTidakValid, galat
from kinerja_report.read.sqlite_baca import buka_hanya_baca
from kinerja_report.teks import teks_aman
from kinerja_report.write.riwayat import NAMA_RIWAYAT

Kunci = tuple[int, str, str, str, int, str]
"""(tahun, opd, kode, indikator, occurrence of that indicator, column)."""


@dataclass(frozen=True)
class Build:
    id: int
    waktu: str


@dataclass(frozen=True)
class NilaiBergeser:
    """One value that differs between the two builds."""

    tahun: int
    opd: str
    kode: str
    indikator: str
    kolom: str
    lama: float | str | None
    baru: float | str | None
    sumber: str
    """``berkas!lembar!sel`` of the new value (of the old one when it is gone)."""


@dataclass(frozen=True)
class Perubahan:
    """The difference between two builds (``dari`` None: there was only one build, or every
    build read the same files)."""

    dari: Build | None
    ke: Build | None
    berkas_baru: tuple[str, ...] = ()
    berkas_berubah: tuple[str, ...] = ()
    berkas_dihapus: tuple[str, ...] = ()
    bergeser: tuple[NilaiBergeser, ...] = ()
    nilai_baru: int = 0
    nilai_hilang: int = 0


def perubahan(keluaran: Path, opd: str = "") -> Perubahan:
    """The changes recorded in ``keluaran``'s store; ``opd`` keeps only the values of OPDs
    whose name contains it (any case). Raises
    :class:`~kinerja_report.errors.RiwayatTidakValid` when there is no store."""
    path = keluaran / NAMA_RIWAYAT
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError as exc:
        raise galat(RiwayatTidakValid, "riwayat-tidak-ada", str(keluaran)) from exc
    except OSError as exc:
        raise galat(RiwayatTidakValid, "riwayat-tidak-valid", str(path)) from exc
    if not stat.S_ISREG(mode):  # a link, a FIFO, a device: never opened
        raise galat(RiwayatTidakValid, "riwayat-tidak-valid", str(path))
    try:
        with closing(buka_hanya_baca(path)) as conn:
            return _perubahan(conn, opd.casefold())
    except (sqlite3.DatabaseError, MemoryError) as exc:
        raise galat(RiwayatTidakValid, "riwayat-tidak-valid", str(path)) from exc


class _BarisRusak(sqlite3.DatabaseError):
    """A row of the store holds a value of another type than the schema's (edited by hand,
    or a store of another tool)."""


def _bulat(nilai: object) -> int:
    if not isinstance(nilai, int):
        raise _BarisRusak(f"bukan bilangan bulat: {type(nilai).__name__}")
    return nilai


def _teks(nilai: object) -> str:
    """A text of the store as it may be shown (control characters escaped)."""
    if isinstance(nilai, bytes):
        nilai = nilai.decode("utf-8", "replace")
    return teks_aman(str(nilai))


def _isi_sel(angka: object, teks: object) -> float | str | None:
    if isinstance(angka, (int, float)):
        return float(angka)
    if angka is not None:
        return _teks(angka)  # text in the number column: shown as it is
    return None if teks is None else _teks(teks)


def _perubahan(conn: sqlite3.Connection, opd: str) -> Perubahan:
    builds = conn.execute("SELECT id, waktu FROM build ORDER BY id DESC").fetchall()
    if not builds:
        return Perubahan(None, None)
    ke = _build(builds[0])
    versi_ke = _versi(conn, ke.id)
    dari = next(
        (_build(row) for row in builds[1:] if _versi(conn, _bulat(row[0])) != versi_ke),
        None,
    )
    if dari is None:
        return Perubahan(None, ke)
    lama = {p: v for p, v in _versi(conn, dari.id) if _milik(conn, v, opd)}
    baru = {p: v for p, v in versi_ke if _milik(conn, v, opd)}
    nilai_lama = _nilai(conn, dari.id, opd)
    nilai_baru = _nilai(conn, ke.id, opd)
    bergeser = [
        NilaiBergeser(k[0], k[1], k[2], k[3], k[5], nilai_lama[k][0], nilai_baru[k][0], sumber)
        for k in sorted(nilai_lama.keys() & nilai_baru.keys())
        if nilai_lama[k][0] != nilai_baru[k][0]
        for sumber in [nilai_baru[k][1]]
    ]
    return Perubahan(
        dari,
        ke,
        berkas_baru=tuple(sorted(baru.keys() - lama.keys())),
        berkas_berubah=tuple(sorted(p for p in baru.keys() & lama.keys() if baru[p] != lama[p])),
        berkas_dihapus=tuple(sorted(lama.keys() - baru.keys())),
        bergeser=tuple(bergeser),
        nilai_baru=len(nilai_baru.keys() - nilai_lama.keys()),
        nilai_hilang=len(nilai_lama.keys() - nilai_baru.keys()),
    )


def _build(row: tuple[object, ...]) -> Build:
    return Build(_bulat(row[0]), _teks(row[1]))


def _milik(conn: sqlite3.Connection, versi_id: int, opd: str) -> bool:
    """Whether a version holds a form of an OPD whose name contains ``opd`` ('' = any)."""
    if not opd:
        return True
    row = conn.execute("SELECT opd FROM versi_berkas WHERE id = ?", (versi_id,)).fetchone()
    if row is None:
        raise _BarisRusak("versi berkas tidak ada")
    return opd in _teks(row[0]).casefold()


def _versi(conn: sqlite3.Connection, build_id: int) -> frozenset[tuple[str, int]]:
    """(path, version id) of every file a build read."""
    rows = conn.execute(
        "SELECT b.path, v.id FROM build_masukan m JOIN versi_berkas v ON v.id = m.versi_id "
        "JOIN berkas b ON b.id = v.berkas_id WHERE m.build_id = ?",
        (build_id,),
    ).fetchall()
    return frozenset((_teks(path), _bulat(versi)) for path, versi in rows)


def _nilai(
    conn: sqlite3.Connection, build_id: int, opd: str
) -> dict[Kunci, tuple[float | str | None, str]]:
    """Every value a build read, keyed by indicator and column: (value, source cell)."""
    rows = conn.execute(
        "SELECT i.id, i.tahun, i.opd, i.kode, i.indikator, n.kolom, n.angka, n.teks, "
        "b.path, n.lembar, n.sel FROM build_masukan m "
        "JOIN versi_berkas v ON v.id = m.versi_id JOIN berkas b ON b.id = v.berkas_id "
        "JOIN indikator i ON i.versi_id = v.id JOIN nilai n ON n.indikator_id = i.id "
        "WHERE m.build_id = ? ORDER BY i.tahun, i.opd, v.id, i.urutan",
        (build_id,),
    ).fetchall()
    kali: defaultdict[tuple[int, str, str, str], dict[int, int]] = defaultdict(dict)
    hasil: dict[Kunci, tuple[float | str | None, str]] = {}
    for ind_id, tahun, nama, kode, indikator, kolom, angka, teks, berkas, lembar, sel in rows:
        if opd and opd not in _teks(nama).casefold():
            continue
        dasar = (_bulat(tahun), _teks(nama), _teks(kode), _teks(indikator))
        ke = kali[dasar].setdefault(_bulat(ind_id), len(kali[dasar]))
        sumber = "!".join(part for part in (_teks(berkas), _teks(lembar), _teks(sel)) if part)
        hasil[(*dasar, ke, _teks(kolom))] = (_isi_sel(angka, teks), sumber)
    return hasil
