"""``OUT/manifest.json``: what a build was made from and what it wrote, for an auditor.

The manifest names the tool and its version, the settings the build used (and their hash),
every input file with its sha256, size, time and what was read from it, and every output with
its sha256 and size. It is staged and moved into place with the other outputs
(:class:`~kinerja_report.write.output_dir.FolderKeluaran`), so it always describes the files
beside it. :func:`verifikasi` re-hashes the outputs and names those changed or missing since
(``kinerja verifikasi OUT``).

Each PDF also carries ``kunci``: the hash of everything its content depends on (its HTML, the
template folder, its assets, the tool version); an incremental build keeps a PDF whose key
and bytes are unchanged instead of rendering it again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kinerja_report import __version__
from kinerja_report.errors import ManifestTidakValid, galat
from kinerja_report.read.jejak import JejakBerkas
from kinerja_report.settings import Pengaturan
from kinerja_report.write.daftar import relatif_aman, sidik, tautan_pertama

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
) -> bytes:
    """The manifest's bytes (UTF-8 JSON, keys in a fixed order, outputs sorted by path)."""
    data = {
        "format": FORMAT,
        "versi_format": VERSI_FORMAT,
        "alat": {"nama": "kinerja-report", "versi": __version__},
        "waktu_build": waktu.astimezone(UTC).isoformat(timespec="seconds"),
        "sidik_pengaturan": sidik_pengaturan(pengaturan),
        "pengaturan": data_pengaturan(pengaturan),
        "masukan": [_masukan(item) for item in sorted(masukan, key=lambda j: j.nama)],
        "keluaran": {
            relatif: {
                "sha256": item.sha256,
                "ukuran": item.ukuran,
                **({"kunci": item.kunci} if item.kunci else {}),
            }
            for relatif, item in sorted(keluaran.items())
        },
    }
    teks = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
    return (teks + "\n").encode("utf-8")


def baca_keluaran(keluaran: Path) -> dict[str, Keluaran]:
    """The outputs listed by the manifest in ``keluaran``; empty when there is none or it is
    unreadable (an incremental build then renders everything)."""
    try:
        return _keluaran_dari(_muat(keluaran))
    except ManifestTidakValid:
        return {}


def _muat(keluaran: Path) -> dict[str, Any]:
    path = keluaran / NAMA_MANIFEST
    if not path.is_file() or path.is_symlink():
        raise galat(ManifestTidakValid, "manifest-tidak-ada", str(keluaran))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
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
            ukuran if isinstance(ukuran, int) else -1,
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

    @property
    def sah(self) -> bool:
        return not self.berubah and not self.hilang


def verifikasi(keluaran: Path) -> HasilVerifikasi:
    """Re-hash every output the manifest of ``keluaran`` lists.

    Raises :class:`~kinerja_report.errors.ManifestTidakValid` when there is no manifest or
    it cannot be read."""
    data = _muat(keluaran)
    utuh: list[str] = []
    berubah: list[str] = []
    hilang: list[str] = []
    for relatif, item in sorted(_keluaran_dari(data).items()):
        path = relatif_aman(relatif)
        if path is None or tautan_pertama(keluaran, path) is not None:
            berubah.append(relatif)  # not a file below OUT: nothing a build of ours wrote
            continue
        try:
            digest = sidik((keluaran / path).read_bytes())
        except FileNotFoundError:
            hilang.append(relatif)
            continue
        except OSError:
            berubah.append(relatif)
            continue
        (utuh if digest == item.sha256 else berubah).append(relatif)
    waktu = data.get("waktu_build")
    return HasilVerifikasi(
        tuple(utuh), tuple(berubah), tuple(hilang), waktu if isinstance(waktu, str) else ""
    )
