"""What a workbook yielded, kept between builds: an unchanged file is not parsed again.

The key of a workbook is the sha256 of its bytes, its name below the input folder (the name
is in every source cell), the reading limits, the tool version and its source code; the value
is its :class:`~kinerja_report.read.folder.IsiBerkas` as JSON (never pickle: the store lies in the
output folder, and JSON only ever makes our own dataclasses). The entries live in the history
store (:mod:`kinerja_report.write.riwayat`, table ``cache_baca``); ``kinerja build --penuh``
reads every workbook afresh.

The output folder is often shared: each entry carries a seal (:func:`segel_entri`, an
HMAC-SHA256 of its key and value under the user's key, :mod:`kinerja_report.segel`). An entry
whose seal does not verify (edited, or written by another user) is not used: the workbook is
read again and an info problem (``cache-tidak-sah``) says so. A store that cannot be read, or
rows of the wrong shape or type, are only a cache: they are ignored.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import sqlite3
import stat
import types
import typing
from contextlib import closing
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from kinerja_report import __version__
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.folder import IsiBerkas
from kinerja_report.read.jejak import sidik_berkas, sidik_kode
from kinerja_report.read.safety import BatasWorkbook
from kinerja_report.read.sqlite_baca import buka_hanya_baca
from kinerja_report.segel import kunci_rahasia, segel, segel_cocok

JENIS_SEGEL = "cache_baca"


@cache
def nama_field(kelas: Any) -> tuple[str, ...]:
    """The init fields of a dataclass, by class (``dataclasses.fields`` is slow per call)."""
    return tuple(f.name for f in dataclasses.fields(kelas) if f.init)


def ke_json(obj: object) -> Any:
    """``obj`` (dataclasses, enums, tuples, lists, dicts, paths, scalars) as JSON data."""
    if obj is None or type(obj) in (str, int, float, bool):
        return obj  # the most frequent values first: the keys of a build hash many of them
    kelas: Any = type(obj)
    if hasattr(kelas, "__dataclass_fields__") and not isinstance(obj, type):
        return {nama: ke_json(getattr(obj, nama)) for nama in nama_field(kelas)}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, (tuple, list)):
        return [ke_json(item) for item in obj]
    if isinstance(obj, (set, frozenset)):
        return [ke_json(item) for item in sorted(obj, key=repr)]
    if isinstance(obj, dict):
        return [[ke_json(k), ke_json(v)] for k, v in obj.items()]
    if isinstance(obj, (Path, PurePosixPath)):
        return str(obj)
    return obj


Pengurai = typing.Callable[[Any], Any]


def dari_json(tipe: Any, data: Any) -> Any:
    """The value of type ``tipe`` that :func:`ke_json` turned into ``data``."""
    return _pengurai(tipe)(data)


def _identitas(data: Any) -> Any:
    return data


def _angka(data: Any) -> Any:
    return float(data) if isinstance(data, int) and not isinstance(data, bool) else data


@cache
def _pengurai(tipe: Any) -> Pengurai:
    """A decoder for ``tipe``, built once per type (the cache holds thousands of values)."""
    asal = typing.get_origin(tipe)
    args = typing.get_args(tipe)
    if asal in (types.UnionType, typing.Union):
        (lain,) = [a for a in args if a is not type(None)]
        dalam = _pengurai(lain)
        return lambda data: None if data is None else dalam(data)
    if asal is tuple and len(args) == 2 and args[1] is Ellipsis:
        butir = _pengurai(args[0])
        return lambda data: tuple(butir(item) for item in data)
    if asal is tuple:
        bagian = [_pengurai(a) for a in args]
        return lambda data: tuple(f(item) for f, item in zip(bagian, data, strict=True))
    if asal in (frozenset, set):
        unsur = _pengurai(args[0])
        jenis = asal
        return lambda data: jenis(unsur(item) for item in data)
    if asal is list:
        anggota = _pengurai(args[0])
        return lambda data: [anggota(item) for item in data]
    if asal is dict:
        kunci, nilai = _pengurai(args[0]), _pengurai(args[1])
        return lambda data: {kunci(k): nilai(v) for k, v in data}
    if isinstance(tipe, type) and dataclasses.is_dataclass(tipe):
        hints = typing.get_type_hints(tipe)
        medan = [(f.name, _pengurai(hints[f.name])) for f in dataclasses.fields(tipe) if f.init]
        return lambda data: tipe(**{nama: f(data[nama]) for nama, f in medan})
    if isinstance(tipe, type) and issubclass(tipe, enum.Enum):
        return tipe
    if tipe is Path:
        return Path
    return _angka if tipe is float else _identitas


class CacheBaca:
    """The entries of the previous build, and those this build used (to be stored).

    ``lama`` holds entries already verified; ``tidak_sah`` the keys of the store's entries
    whose seal did not verify."""

    def __init__(
        self, lama: dict[str, str] | None = None, tidak_sah: frozenset[str] = frozenset()
    ) -> None:
        self.lama = lama or {}
        self.tidak_sah = tidak_sah
        self.dipakai: dict[str, str] = {}
        self.kena = 0
        self.ditolak: list[str] = []
        """Names of the workbooks whose entry was refused for its seal."""

    @staticmethod
    def kunci(path: Path, nama: str, batas: BatasWorkbook) -> str:
        sha256, _, _ = sidik_berkas(path)
        teks = f"{__version__}\0{sidik_kode()}\0{nama}\0{batas!r}\0{sha256}"
        return hashlib.sha256(teks.encode("utf-8", "surrogatepass")).hexdigest()

    def ambil(self, kunci: str, path: Path, nama: str = "") -> IsiBerkas | None:
        """The cached reading of a workbook, or None."""
        teks = self.lama.get(kunci)
        if teks is None:
            if kunci in self.tidak_sah:
                self.ditolak.append(nama or str(path))
            return None
        try:
            isi: IsiBerkas = dari_json(IsiBerkas, json.loads(teks))
        except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError):
            return None  # an entry of another shape: read the file again
        isi.path = path
        self.dipakai[kunci] = teks
        self.kena += 1
        return isi

    def simpan(self, kunci: str, isi: IsiBerkas) -> None:
        data = ke_json(dataclasses.replace(isi, path=None))
        self.dipakai[kunci] = json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    def masalah(self) -> list[Masalah]:
        """An info problem for each workbook whose entry was refused for its seal."""
        return [masalah("cache-tidak-sah", nama) for nama in self.ditolak]


def segel_entri(kunci_user: bytes, kunci: str, isi: str) -> str:
    """The seal of one cache entry (its key and its JSON) under the user's key."""
    return segel(kunci_user, JENIS_SEGEL, kunci, isi)


def muat_cache(path: Path) -> CacheBaca:
    """The cache entries in the store at ``path`` whose seal verifies; empty when there is
    none or it is unreadable (the build then reads every workbook; the store itself is
    checked later). Raises :class:`~kinerja_report.errors.KunciTidakTersedia` when the user's
    key cannot be had."""
    kunci_user = kunci_rahasia()
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return CacheBaca()  # none, a link, a FIFO: never opened
        with closing(buka_hanya_baca(path)) as conn:
            rows = conn.execute("SELECT kunci, isi, segel FROM cache_baca").fetchall()
    except (OSError, sqlite3.DatabaseError):
        return CacheBaca()
    lama: dict[str, str] = {}
    tidak_sah: set[str] = set()
    for kunci, isi, nilai in rows:
        if not isinstance(kunci, str) or not isinstance(isi, str):
            continue  # a row of the wrong type: only a cache
        if segel_cocok(kunci_user, nilai, JENIS_SEGEL, kunci, isi):
            lama[kunci] = isi
        else:
            tidak_sah.add(kunci)
    return CacheBaca(lama, frozenset(tidak_sah))
