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

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from kinerja_report import __version__
from kinerja_report.read.cache import ke_json
from kinerja_report.read.jejak import sidik_kode
from kinerja_report.render.pdf import subset_huruf_cepat
from kinerja_report.render.pool import TugasPdf
from kinerja_report.write.daftar import sidik, ukuran_milik
from kinerja_report.write.manifest import Keluaran

_SIDIK_FOLDER: dict[tuple[Path, tuple[tuple[str, int, int], ...]], str] = {}


def sidik_folder(folder: Path) -> str:
    """The sha256 of every file below ``folder`` (names and contents). Recomputed whenever a
    file's name, size or time changes (a template edited while ``kinerja watch`` runs is
    seen by the next build); the contents are read only then."""
    berkas = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    tanda = tuple(
        (p.relative_to(folder).as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in berkas
    )
    if (folder, tanda) not in _SIDIK_FOLDER:
        digest = hashlib.sha256()
        for path in berkas:
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        _SIDIK_FOLDER.clear()  # one folder in practice: keep only the latest
        _SIDIK_FOLDER[(folder, tanda)] = digest.hexdigest()
    return _SIDIK_FOLDER[(folder, tanda)]


def _sidik_aset(path: Path) -> str:
    try:
        return sidik(path.read_bytes())
    except OSError:
        return "tidak-terbaca"


@cache
def _versi_weasyprint() -> str:
    """WeasyPrint's version, from its installed metadata: the build process itself never
    imports WeasyPrint (its PDF workers do, :mod:`kinerja_report.render.pdf`)."""
    return version("weasyprint")


def kunci_dokumen(tugas: TugasPdf) -> str:
    """The key of one document: equal keys, equal PDF bytes."""
    digest = hashlib.sha256()
    bagian = [
        f"kinerja-report {__version__} {sidik_kode()}",
        f"weasyprint {_versi_weasyprint()}",
        f"harfbuzz-subset {subset_huruf_cepat()}",
        sidik_folder(tugas.folder_templat),
        *(_sidik_aset(path) for path in tugas.aset),
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
    kunci = {item.relatif: kunci_dokumen(item) for item in tugas}
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


def kunci_data(*bagian: object) -> str:
    """The key of an output made from data alone (a .docx): the tool and the data as
    canonical JSON (:func:`kinerja_report.read.cache.ke_json`)."""
    teks = json.dumps(
        [__version__, sidik_kode(), *(ke_json(b) for b in bagian)],
        default=str,
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(teks.encode("utf-8", "surrogatepass")).hexdigest()
