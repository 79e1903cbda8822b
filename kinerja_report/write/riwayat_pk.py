"""The signed Perjanjian Kinerja kept in the history store ``OUT/kinerja.sqlite``.

Table ``perjanjian_kinerja``: one row per version of each PK (year, file slug, version 0 for
the PK of the start of the year, 1.. for each Perubahan), the build that first wrote it, the
document as JSON (everything it prints but the region's letterhead, which comes from the
settings) and a seal under the user's key (:mod:`kinerja_report.segel`), so that a row edited
outside the tool is never printed as a signed PK. The rule that uses them is
:func:`kinerja_report.compute.perjanjian_perubahan.versi_perjanjian`.
"""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Sequence
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

from kinerja_report.compute.perjanjian import (
    IndikatorPk,
    PerjanjianKinerja,
    PerubahanPk,
    ProgramPk,
    SasaranPk,
)
from kinerja_report.compute.perjanjian_perubahan import KunciPk
from kinerja_report.model import Nilai, Penandatangan
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.sqlite_baca import buka_hanya_baca
from kinerja_report.segel import kunci_rahasia, segel, segel_cocok

JENIS_SEGEL = "perjanjian_kinerja"


def _nilai(n: Nilai | None) -> Any:
    return None if n is None else [n.angka, n.teks, n.strip]


def _nilai_dari(data: Any) -> Nilai | None:
    if data is None:
        return None
    angka, teks, strip = data
    return Nilai(None if angka is None else float(angka), teks, strip=bool(strip))


def _orang(p: Penandatangan | None) -> Any:
    if p is None:
        return None
    return [p.tahun, p.perangkat_daerah, p.jabatan, p.nama, p.nip, p.pangkat]


def _orang_dari(data: Any) -> Penandatangan | None:
    return None if data is None else Penandatangan(*data)


def ke_json_pk(pk: PerjanjianKinerja) -> str:
    """The document as JSON (its letterhead, ``daerah``, left out)."""
    data = {
        "tahun": pk.tahun,
        "jenis": pk.jenis,
        "instansi": pk.instansi,
        "slug": pk.slug,
        "pihak_pertama": _orang(pk.pihak_pertama),
        "pihak_kedua": _orang(pk.pihak_kedua),
        "tanggal": pk.tanggal.isoformat(),
        "sasaran": [
            [g.sasaran, [[i.indikator, _nilai(i.target), i.satuan] for i in g.indikator]]
            for g in pk.sasaran
        ],
        "program": [[p.program, p.anggaran, p.keterangan] for p in pk.program],
        "jabatan_pertama": pk.jabatan_pertama,
        "jabatan_kedua": pk.jabatan_kedua,
        "tempat": pk.tempat,
        "judul_sasaran": pk.judul_sasaran,
        "judul_program": pk.judul_program,
        "unit": pk.unit,
        "versi": pk.versi,
        "perubahan": [
            [c.bagian, c.uraian, c.satuan, _nilai(c.lama), _nilai(c.baru)] for c in pk.perubahan
        ],
        "tanggal_semula": pk.tanggal_semula.isoformat() if pk.tanggal_semula else None,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def pk_dari_json(teks: str) -> PerjanjianKinerja:
    """The document :func:`ke_json_pk` stored (with the default letterhead)."""
    d = json.loads(teks)
    return PerjanjianKinerja(
        tahun=int(d["tahun"]),
        jenis=d["jenis"],
        instansi=d["instansi"],
        slug=d["slug"],
        pihak_pertama=_orang_dari(d["pihak_pertama"]),
        pihak_kedua=_orang_dari(d["pihak_kedua"]),
        tanggal=date.fromisoformat(d["tanggal"]),
        sasaran=tuple(
            SasaranPk(s, tuple(IndikatorPk(i, _nilai_dari(t) or Nilai(), u) for i, t, u in items))
            for s, items in d["sasaran"]
        ),
        program=tuple(ProgramPk(p, float(a), k) for p, a, k in d["program"]),
        jabatan_pertama=d["jabatan_pertama"],
        jabatan_kedua=d["jabatan_kedua"],
        tempat=d["tempat"],
        judul_sasaran=d["judul_sasaran"],
        judul_program=d["judul_program"],
        unit=d["unit"],
        versi=int(d["versi"]),
        perubahan=tuple(
            PerubahanPk(b, u, s, _nilai_dari(lama), _nilai_dari(baru))
            for b, u, s, lama, baru in d["perubahan"]
        ),
        tanggal_semula=date.fromisoformat(d["tanggal_semula"]) if d["tanggal_semula"] else None,
    )


def _segel(kunci: bytes, pk: PerjanjianKinerja, isi: str) -> str:
    return segel(kunci, JENIS_SEGEL, str(pk.tahun), pk.slug, str(pk.versi), isi)


def muat_perjanjian(
    path: Path,
) -> tuple[dict[KunciPk, list[PerjanjianKinerja]], list[Masalah]]:
    """The recorded versions of every PK in the store at ``path``, oldest first; nothing when
    there is no store (or no such table yet). A row whose seal does not verify, or that
    cannot be read, is left out with a warning (that PK and its later versions are not used:
    the PK of this build is written as version 0 again)."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return {}, []
        with closing(buka_hanya_baca(path)) as conn:
            rows = conn.execute(
                "SELECT tahun, slug, versi, isi, segel FROM perjanjian_kinerja "
                "ORDER BY tahun, slug, versi"
            ).fetchall()
    except (OSError, sqlite3.DatabaseError):
        return {}, []
    kunci = kunci_rahasia()
    out: dict[KunciPk, list[PerjanjianKinerja]] = {}
    problems: list[Masalah] = []
    rusak: set[KunciPk] = set()
    for tahun, slug, versi, isi, nilai in rows:
        key = (tahun, slug)
        if key in rusak:
            continue
        try:
            if not segel_cocok(kunci, nilai, JENIS_SEGEL, str(tahun), slug, str(versi), isi):
                raise ValueError("segel")
            pk = pk_dari_json(isi)
        except (ValueError, TypeError, KeyError, IndexError):
            rusak.add(key)
            out.pop(key, None)
            continue
        out.setdefault(key, []).append(pk)
    if rusak:  # one warning: a store sealed with another key fails for every PK at once
        daftar = [f"{tahun} {slug}" for tahun, slug in sorted(rusak)]
        lainnya = f" dan {len(daftar) - 5} lainnya" if len(daftar) > 5 else ""
        problems.append(
            masalah(
                "pk-riwayat-tidak-sah",
                str(path.name),
                jumlah=len(daftar),
                daftar=", ".join(daftar[:5]) + lainnya,
            )
        )
    return out, problems


def catat_perjanjian(
    conn: sqlite3.Connection, daftar: Sequence[PerjanjianKinerja], build_id: int
) -> None:
    """Record the new versions ``daftar`` (inside the build's transaction)."""
    kunci = kunci_rahasia()
    rows = []
    for pk in daftar:
        isi = ke_json_pk(pk)
        rows.append((pk.tahun, pk.slug, pk.versi, build_id, isi, _segel(kunci, pk, isi)))
    conn.executemany("INSERT OR REPLACE INTO perjanjian_kinerja VALUES (?, ?, ?, ?, ?, ?)", rows)
