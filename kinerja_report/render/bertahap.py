"""Incremental rendering: a PDF is rendered again only when what its bytes depend on changed.

A document's *key* (:func:`kunci_dokumen`) is the sha256 of its data key (:func:`kunci_data`
of the data, settings and template name its HTML is made from; its HTML itself for a job
made from HTML), of every file of the template folder
(stylesheet, fonts), of the assets it may load (the logo), of the tool (version and source
code), of the WeasyPrint version and of the font subsetter in use. The previous build's
manifest lists each PDF with its key and sha256 (:mod:`kinerja_report.write.manifest`): a
document whose key is unchanged and whose file is still exactly what that build wrote is
kept as it is. Rendering is deterministic (:mod:`kinerja_report.render.pdf`), so the outputs
are byte-identical to those of a full build.
"""

from __future__ import annotations

import contextvars
import dataclasses
import enum
import hashlib
import json
import operator
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from kinerja_report import __version__
from kinerja_report.read.jejak import sidik_kode
from kinerja_report.render.huruf import subset_huruf_cepat, versi_weasyprint
from kinerja_report.render.pdf import sidik_folder
from kinerja_report.render.pool import TugasPdf
from kinerja_report.write.daftar import sidik, ukuran_milik
from kinerja_report.write.manifest import Keluaran


def _sidik_aset(path: Path) -> str:
    try:
        return sidik(path.read_bytes())
    except OSError:
        return "tidak-terbaca"


def kunci_dokumen(
    tugas: TugasPdf,
    folder: Callable[[Path], str] = sidik_folder,
    aset: Callable[[Path], str] = _sidik_aset,
) -> str:
    """The key of one document: equal keys, equal PDF bytes. ``folder`` and ``aset`` give
    the sha256 of the template folder and of an asset (a build's documents share them: they
    are read once, :func:`pilah`)."""
    digest = hashlib.sha256()
    bagian = [
        f"kinerja-report {__version__} {sidik_kode()}",
        f"weasyprint {versi_weasyprint()}",
        f"harfbuzz-subset {subset_huruf_cepat()}",
        folder(tugas.folder_templat),
        *(aset(path) for path in tugas.aset),
        f"data {tugas.kunci_data}" if tugas.kunci_data else tugas.html,
    ]
    for teks in bagian:
        digest.update(teks.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class Pilahan:
    """The documents to render and those kept from the previous build."""

    render: tuple[TugasPdf, ...]
    tetap: Mapping[str, Keluaran]
    kunci: Mapping[str, str]


def pilah(tugas: Sequence[TugasPdf], keluaran: Path, lama: Mapping[str, Keluaran]) -> Pilahan:
    """Split ``tugas`` by the previous manifest's outputs ``lama`` (:func:`dipakai_lagi`)."""
    # the template folder and the logo, the same for every document, are read once
    folder, aset = cache(sidik_folder), cache(_sidik_aset)
    kunci = {item.relatif: kunci_dokumen(item, folder, aset) for item in tugas}
    render: list[TugasPdf] = []
    tetap: dict[str, Keluaran] = {}
    for item in tugas:
        sebelumnya = dipakai_lagi(keluaran, item.relatif, kunci[item.relatif], lama)
        if sebelumnya is not None:
            tetap[item.relatif] = sebelumnya
        else:
            render.append(item)
    return Pilahan(tuple(render), tetap, kunci)


def dipakai_lagi(
    keluaran: Path, relatif: str, kunci: str, lama: Mapping[str, Keluaran]
) -> Keluaran | None:
    """The one keep-or-make-again rule of every output kind (PDF, .docx): the previous
    build's ``OUT/relatif`` is kept when the manifest ``lama`` recorded the same content key
    ``kunci`` for it and the file still has the recorded sha256; else None (make it again)."""
    sebelumnya = lama.get(relatif)
    if (
        sebelumnya is not None
        and sebelumnya.kunci == kunci
        and ukuran_milik(keluaran, relatif, sebelumnya.sha256, sebelumnya.ukuran) is not None
    ):
        return sebelumnya
    return None


_INGATAN: contextvars.ContextVar[dict[int, tuple[object, Any]] | None] = contextvars.ContextVar(
    "ingatan_kunci", default=None
)


@contextmanager
def ingatan_kunci() -> Iterator[None]:
    """Within this block, :func:`kunci_data` hashes each immutable (frozen) dataclass
    instance once: the documents of a build share their parts (an OPD's report is in its
    evaluation, its LKjIP and its workbook; every row of the LKE index names its component),
    and a no-change rebuild is mostly the hashing of those parts. The memory (which keeps
    the instances it hashed alive) ends with the block."""
    token = _INGATAN.set({})
    try:
        yield
    finally:
        _INGATAN.reset(token)


_SKALAR = frozenset({str, int, float, bool, type(None)})


def _sidik_nilai(obj: object, ingatan: dict[int, tuple[object, Any]] | None) -> Any:
    """``obj`` as JSON data (the canonical form :func:`kunci_data` hashes); dataclass
    instances by :func:`_sidik_dataclass`."""
    kelas: Any = type(obj)
    if kelas in _SKALAR:
        return obj
    jenis = _jenis(kelas)
    if jenis == "dataclass" and not isinstance(obj, type):
        return _sidik_dataclass(obj, kelas, ingatan)
    if jenis == "enum":
        return obj.value  # type: ignore[attr-defined]
    if jenis == "urutan":
        return [_sidik_nilai(item, ingatan) for item in obj]  # type: ignore[attr-defined]
    if jenis == "himpunan":
        return [_sidik_nilai(item, ingatan) for item in sorted(obj, key=repr)]  # type: ignore[call-overload]
    if jenis == "peta":
        return [[_sidik_nilai(k, ingatan), _sidik_nilai(v, ingatan)] for k, v in obj.items()]  # type: ignore[attr-defined]
    if jenis == "jalur":
        return str(obj)
    return obj


@cache
def _jenis(kelas: type) -> str:
    """How :func:`_sidik_nilai` takes an instance of ``kelas`` (looked up once per class: a
    no-change rebuild hashes some 300.000 values)."""
    if hasattr(kelas, "__dataclass_fields__"):
        return "dataclass"
    for jenis, dasar in _JENIS_DASAR:
        if issubclass(kelas, dasar):
            return jenis
    return "lain"


_JENIS_DASAR: tuple[tuple[str, type | tuple[type, ...]], ...] = (
    ("enum", enum.Enum),
    ("urutan", (tuple, list)),
    ("himpunan", (set, frozenset)),
    ("peta", dict),
    ("jalur", (Path, PurePosixPath)),
)


@cache
def _field_kunci(kelas: Any) -> Callable[[object], tuple[Any, ...]]:
    """The values of the init fields of a dataclass that are in a key, as a tuple: all but
    those marked ``metadata={"kunci": False}`` (:data:`kinerja_report.settings.BUKAN_ISI`).
    One :func:`operator.attrgetter` per class (a no-change rebuild reads some 400.000)."""
    nama = [f.name for f in dataclasses.fields(kelas) if f.init and f.metadata.get("kunci", True)]
    if len(nama) == 1:
        satu = operator.attrgetter(nama[0])
        return lambda obj: (satu(obj),)
    if not nama:
        return lambda obj: ()
    return operator.attrgetter(*nama)


_JSON = json.JSONEncoder(ensure_ascii=False, default=str)
"""``json.dumps(..., ensure_ascii=False, default=str)``, its encoder made once."""


def _sidik_dataclass(obj: object, kelas: Any, ingatan: dict[int, tuple[object, Any]] | None) -> Any:
    """A dataclass instance holding other structures as the sha256 of its class name and
    fields (recursively), one of scalars only as those fields themselves: equal data, equal
    key. A frozen instance already hashed within :func:`ingatan_kunci` is looked up by
    identity."""
    beku = ingatan is not None and kelas.__dataclass_params__.frozen
    if beku and (ada := ingatan.get(id(obj))) is not None and ada[0] is obj:  # type: ignore[union-attr]
        return ada[1]
    isi: list[Any] = [kelas.__qualname__]
    bersusun = False
    for nilai in _field_kunci(kelas)(obj):
        if type(nilai) not in _SKALAR:
            nilai = _sidik_nilai(nilai, ingatan)
            bersusun = bersusun or type(nilai) is list
        isi.append(nilai)
    if not bersusun:  # scalars only: as they are
        return isi
    teks = _JSON.encode(isi)
    sidik_obj = {"#": hashlib.sha256(teks.encode("utf-8", "surrogatepass")).hexdigest()}
    if beku:
        ingatan[id(obj)] = (obj, sidik_obj)  # type: ignore[index]
    return sidik_obj


def kunci_data(*bagian: object) -> str:
    """The key of an output made from data alone (a .docx): the tool and the data, each
    dataclass instance by the sha256 of its fields (:func:`_sidik_nilai`)."""
    ingatan = _INGATAN.get()
    teks = json.dumps(
        [__version__, sidik_kode(), *(_sidik_nilai(b, ingatan) for b in bagian)],
        default=str,
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(teks.encode("utf-8", "surrogatepass")).hexdigest()
