"""``OUT/manifest.json``: what a build was made from and what it wrote, for an auditor.

The manifest names the tool and its version, the settings the build used (and their hash),
every input file with its sha256, size, time and what was read from it, and every output with
its sha256 and size. It is staged and moved into place with the other outputs
(:class:`~kinerja_report.write.output_dir.FolderKeluaran`), so it always describes the files
beside it. :func:`verifikasi` re-hashes the outputs and names those changed or missing since
(``kinerja verifikasi OUT``). It is the one record of what a build wrote: the next build
reuses unchanged documents from it and removes the outputs it lists that that build no longer
writes (:mod:`kinerja_report.write.output_dir`); while a build moves its outputs in, a sealed
journal of the same form (:func:`isi_jurnal`) stands in for it.

Each PDF also carries ``kunci``: the hash of everything its content depends on (its HTML, the
template folder, its assets, the tool version); an incremental build keeps a PDF whose key
and bytes are unchanged instead of rendering it again.

The output folder is often shared, so the manifest is sealed (``segel``: HMAC-SHA256 of its
canonical JSON under the user's key, kept outside OUT, :mod:`kinerja_report.segel`). A build
reuses nothing of a previous manifest whose seal does not verify with this key, and removes
nothing it lists; ``verifikasi`` says whether the manifest is authentic (:class:`Keaslian`,
docs/keaslian.md). Outputs are read without following links, only when they are regular
files, and no further than their recorded size.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from kinerja_report import __version__
from kinerja_report.errors import ManifestTidakValid, galat
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.jejak import JejakBerkas
from kinerja_report.segel import ALGORITMA, id_kunci, kunci_rahasia, segel, segel_cocok
from kinerja_report.settings import Pengaturan
from kinerja_report.teks import teks_aman
from kinerja_report.write.daftar import (
    BATAS_JSON,
    BukanBerkasBiasa,
    baca_biasa,
    relatif_aman,
    sidik,
    sidik_biasa,
    tautan_pertama,
)

NAMA_MANIFEST = "manifest.json"
FORMAT = "kinerja-report/manifest"
VERSI_FORMAT = 1


@dataclass(frozen=True)
class Keluaran:
    """One output as the manifest lists it."""

    sha256: str
    ukuran: int
    kunci: str = ""
    """For a PDF: the hash of what its content depends on (empty for the other outputs)."""


def _bersih(obj: object) -> object:
    """``obj`` as strict JSON data: paths as text, bytes as their sha256, infinities as text."""
    if isinstance(obj, dict):
        return {str(key): _bersih(value) for key, value in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_bersih(item) for item in obj]
    if isinstance(obj, (set, frozenset)):
        return sorted(str(item) for item in obj)
    if isinstance(obj, bytes):
        return {"sha256": sidik(obj)}
    if isinstance(obj, float) and not math.isfinite(obj):
        return str(obj)
    if obj is None or isinstance(obj, (str, int, float)):
        return obj
    return obj.as_posix() if isinstance(obj, Path) else str(obj)


def data_pengaturan(pengaturan: Pengaturan) -> dict[str, Any]:
    """The settings as plain JSON data (dataclasses as objects, paths as text, file contents
    as their sha256)."""
    hasil: dict[str, Any] = _bersih(dataclasses.asdict(pengaturan))  # type: ignore[assignment]
    return hasil


def sidik_pengaturan(pengaturan: Pengaturan) -> str:
    """The sha256 of the settings' canonical JSON: equal settings, equal hash."""
    teks = json.dumps(data_pengaturan(pengaturan), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(teks.encode("utf-8")).hexdigest()


def _masukan(jejak: JejakBerkas) -> dict[str, Any]:
    return {
        "berkas": jejak.nama,
        "sha256": jejak.sha256,
        "ukuran": jejak.ukuran,
        "diubah": datetime.fromtimestamp(jejak.mtime, UTC).isoformat(timespec="seconds"),
        "jenis": list(jejak.jenis_lembar),
        "tahun": list(jejak.tahun),
        "opd": list(jejak.opd),
        "dibaca": list(jejak.isi),
        "gagal": jejak.gagal,
    }


def isi_manifest(
    pengaturan: Pengaturan,
    masukan: Sequence[JejakBerkas],
    keluaran: Mapping[str, Keluaran],
    waktu: datetime,
    kunci: bytes | None = None,
) -> bytes:
    """The manifest's bytes (UTF-8 JSON, keys in a fixed order, outputs sorted by path),
    sealed with ``kunci`` (default: the user's key)."""
    data: dict[str, Any] = {
        "format": FORMAT,
        "versi_format": VERSI_FORMAT,
        "alat": {"nama": "kinerja-report", "versi": __version__},
        "waktu_build": waktu.astimezone(UTC).isoformat(timespec="seconds"),
        "sidik_pengaturan": sidik_pengaturan(pengaturan),
        "pengaturan": data_pengaturan(pengaturan),
        "masukan": [_masukan(item) for item in sorted(masukan, key=lambda j: j.nama)],
        "keluaran": _data_keluaran(keluaran),
    }
    data["segel"] = segel_manifest(data, kunci if kunci is not None else kunci_rahasia())
    teks = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
    return (teks + "\n").encode("utf-8")


def _data_keluaran(keluaran: Mapping[str, Keluaran]) -> dict[str, dict[str, Any]]:
    return {
        relatif: {
            "sha256": item.sha256,
            "ukuran": item.ukuran,
            **({"kunci": item.kunci} if item.kunci else {}),
        }
        for relatif, item in sorted(keluaran.items())
    }


JENIS_SEGEL = "manifest"


def _kanonik(data: Mapping[str, Any]) -> bytes:
    """What the seal covers: every field but ``segel``, as canonical JSON."""
    isi = {key: value for key, value in data.items() if key != "segel"}
    teks = json.dumps(isi, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return teks.encode("utf-8", "surrogatepass")


def segel_manifest(
    data: Mapping[str, Any], kunci: bytes, jenis: str = JENIS_SEGEL
) -> dict[str, str]:
    """The ``segel`` field of the manifest ``data`` under ``kunci`` (``jenis``: of a
    journal, :data:`JENIS_SEGEL_JURNAL`, whose seal never fits a manifest)."""
    return {
        "algoritma": ALGORITMA,
        "id_kunci": id_kunci(kunci),
        "nilai": segel(kunci, jenis, _kanonik(data)),
    }


class Keaslian(StrEnum):
    """Whether a manifest is the one a build of this user wrote (see docs/keaslian.md)."""

    SAH = "sah"
    """Sealed with this user's key, unchanged since."""
    TIDAK_SAH = "tidak-sah"
    """The seal names this user's key but does not match: changed after the build."""
    KUNCI_LAIN = "kunci-lain"
    """Sealed with another key (another computer or user): who wrote it cannot be confirmed."""
    TANPA_SEGEL = "tanpa-segel"
    """No seal (an older version of the tool, or removed): who wrote it cannot be confirmed."""


def keaslian(data: Mapping[str, Any], kunci: bytes, jenis: str = JENIS_SEGEL) -> Keaslian:
    """The authenticity of the manifest (or journal, ``jenis``) ``data`` under the user's
    ``kunci``."""
    cap = data.get("segel")
    if not isinstance(cap, dict) or not isinstance(cap.get("nilai"), str):
        return Keaslian.TANPA_SEGEL
    if cap.get("id_kunci") != id_kunci(kunci) or cap.get("algoritma") != ALGORITMA:
        return Keaslian.KUNCI_LAIN
    try:
        isi = _kanonik(data)
    except (ValueError, TypeError, RecursionError):
        return Keaslian.TIDAK_SAH
    if segel_cocok(kunci, cap["nilai"], jenis, isi):
        return Keaslian.SAH
    return Keaslian.TIDAK_SAH


_SEBAB = {
    Keaslian.TIDAK_SAH: "diubah setelah build itu (segelnya tidak cocok)",
    Keaslian.KUNCI_LAIN: "disegel dengan kunci pengguna atau komputer lain",
    Keaslian.TANPA_SEGEL: "tidak bersegel (dari versi alat yang lebih lama)",
}


def keluaran_lama(keluaran: Path) -> tuple[dict[str, Keluaran], Masalah | None]:
    """The outputs listed by the manifest in ``keluaran``: the outputs a build may reuse and
    remove. Empty when there is none, it is unreadable or its seal does not verify with the
    user's key (a build then renders everything and removes nothing), with an info problem
    (``manifest-lama-tidak-sah``) when a manifest is there but not sealed with that key."""
    try:
        data = _muat(keluaran)
    except ManifestTidakValid:
        return {}, None
    sah = keaslian(data, kunci_rahasia())
    if sah is not Keaslian.SAH:
        path = str(keluaran / NAMA_MANIFEST)
        return {}, masalah("manifest-lama-tidak-sah", path, sebab=_SEBAB[sah])
    return _keluaran_dari(data), None


NAMA_JURNAL = ".jurnal.json"
"""The journal's name in a build's staging folder (no output's name starts with a dot)."""
FORMAT_JURNAL = "kinerja-report/jurnal"
JENIS_SEGEL_JURNAL = "jurnal"


def isi_jurnal(keluaran: Mapping[str, Keluaran], kunci: bytes | None = None) -> bytes:
    """A build's journal: the outputs it may leave in OUT if killed while moving them in
    (:mod:`kinerja_report.write.output_dir`), sealed like a manifest but of another kind."""
    data: dict[str, Any] = {
        "format": FORMAT_JURNAL,
        "versi_format": VERSI_FORMAT,
        "keluaran": _data_keluaran(keluaran),
    }
    kunci = kunci if kunci is not None else kunci_rahasia()
    data["segel"] = segel_manifest(data, kunci, JENIS_SEGEL_JURNAL)
    return json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")


def baca_jurnal(path: Path) -> dict[str, Keluaran]:
    """The outputs the journal at ``path`` lists; empty when it is missing, unreadable (a
    link, a FIFO, too big, not JSON) or not sealed with the user's key."""
    try:
        data = json.loads(baca_biasa(path, BATAS_JSON).decode("utf-8"))
    except (OSError, ValueError, RecursionError, MemoryError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT_JURNAL:
        return {}
    if keaslian(data, kunci_rahasia(), JENIS_SEGEL_JURNAL) is not Keaslian.SAH:
        return {}
    return _keluaran_dari(data)


def _muat(keluaran: Path) -> dict[str, Any]:
    path = keluaran / NAMA_MANIFEST
    try:
        isi = baca_biasa(path, BATAS_JSON)
    except FileNotFoundError as exc:
        raise galat(ManifestTidakValid, "manifest-tidak-ada", str(keluaran)) from exc
    except OSError as exc:  # a link, a FIFO, a folder, too big, unreadable
        raise galat(ManifestTidakValid, "manifest-tidak-valid", str(path)) from exc
    try:
        data = json.loads(isi.decode("utf-8"))
    except (ValueError, RecursionError, MemoryError) as exc:  # not JSON, nested too deep
        raise galat(ManifestTidakValid, "manifest-tidak-valid", str(path)) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise galat(ManifestTidakValid, "manifest-tidak-valid", str(path))
    return data


def _keluaran_dari(data: Mapping[str, Any]) -> dict[str, Keluaran]:
    daftar = data.get("keluaran")
    if not isinstance(daftar, dict):
        return {}
    hasil = {}
    for relatif, item in daftar.items():
        if not isinstance(item, dict) or not isinstance(item.get("sha256"), str):
            continue
        ukuran = item.get("ukuran")
        kunci = item.get("kunci", "")
        hasil[str(relatif)] = Keluaran(
            item["sha256"],
            ukuran if isinstance(ukuran, int) and not isinstance(ukuran, bool) else -1,
            kunci if isinstance(kunci, str) else "",
        )
    return hasil


@dataclass(frozen=True)
class HasilVerifikasi:
    """What :func:`verifikasi` found."""

    utuh: tuple[str, ...]
    berubah: tuple[str, ...]
    hilang: tuple[str, ...]
    waktu_build: str
    keaslian: Keaslian = Keaslian.SAH

    @property
    def sah(self) -> bool:
        """Whether every output still has the sha256 the manifest records (whoever wrote
        it: see :attr:`keaslian`)."""
        return not self.berubah and not self.hilang


def verifikasi(keluaran: Path) -> HasilVerifikasi:
    """Re-hash every output the manifest of ``keluaran`` lists, and check the manifest's
    seal with the user's key.

    Raises :class:`~kinerja_report.errors.ManifestTidakValid` when there is no manifest or
    it cannot be read."""
    data = _muat(keluaran)
    asli = keaslian(data, kunci_rahasia())
    utuh: list[str] = []
    berubah: list[str] = []
    hilang: list[str] = []
    for relatif, item in sorted(_keluaran_dari(data).items()):
        path = relatif_aman(relatif)
        if path is None or tautan_pertama(keluaran, path) is not None:
            berubah.append(relatif)  # not a file below OUT: nothing a build of ours wrote
            continue
        try:
            digest = sidik_biasa(keluaran / path, max(item.ukuran, 0))
        except FileNotFoundError:
            hilang.append(relatif)
            continue
        except (BukanBerkasBiasa, OSError):  # a link, a FIFO, a device, another size
            berubah.append(relatif)
            continue
        (utuh if digest == item.sha256 else berubah).append(relatif)
    waktu = data.get("waktu_build")
    return HasilVerifikasi(
        tuple(utuh),
        tuple(berubah),
        tuple(hilang),
        teks_aman(waktu) if isinstance(waktu, str) else "",
        asli,
    )
