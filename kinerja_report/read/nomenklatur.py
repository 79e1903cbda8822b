"""Reading a Permendagri 90/2019 reference list: the codes it holds.

Two shapes are known (real_workbooks/README.md, files 11-13): the SIPD export (.xlsx; code and
name share a cell, 'PROGRAM | KEGIATAN | SUBKEGIATAN' columns, each level repeating its
parents) and the e-SAKIP seed lists (';'-separated .csv with a BOM, an empty first line,
names with line breaks inside quotes, the code in the second field). Every code of a list
also brings its parents' codes (a sub kegiatan list names its kegiatan and programmes).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from kinerja_report.model import Nomenklatur
from kinerja_report.read.codes import bersihkan_kode, pisah_kode_nama
from kinerja_report.read.header import Header
from kinerja_report.read.sheet import Lembar

_KODE = re.compile(r"^(?:\d+|x{1,2})(?:\.(?:\d+|x{1,2})){2,5}$", re.IGNORECASE)
BATAS_CSV = 20 * 1024 * 1024
"""A reference list is a few hundred kilobytes; a larger .csv is not one."""


def dengan_induk(kode: Iterable[str]) -> frozenset[str]:
    """The codes and every parent code of at least three segments (the programme)."""
    out: set[str] = set()
    for item in kode:
        parts = item.upper().split(".")
        for n in range(3, len(parts) + 1):
            out.add(".".join(parts[:n]))
    return frozenset(out)


def kode_sah(teks: object) -> str:
    """The code of a cell ('1.01.02.1.01.0001 Pembangunan USB' or '1.01.02'); '' if none."""
    kode = bersihkan_kode(teks)
    if not _KODE.match(kode):
        kode = bersihkan_kode(pisah_kode_nama(str(teks or ""))[0])
    return kode.upper() if _KODE.match(kode) else ""


def baca_nomenklatur(lembar: Lembar, header: Header) -> Nomenklatur:
    """The codes of the uraian columns (Program, Kegiatan, Sub Kegiatan) of a SIPD export."""
    kolom = [k.indeks for k in header.kolom if k.bidang in ("uraian", "kode")]
    found = (
        kode_sah(lembar.nilai(baris, indeks))
        for baris in range(header.baris_data, lembar.jumlah_baris + 1)
        for indeks in kolom
    )
    return Nomenklatur(lembar.berkas, dengan_induk(k for k in found if k))


def baca_nomenklatur_csv(path: Path, nama: str) -> Nomenklatur | None:
    """The codes of a ';'-separated list; ``None`` when the file is none (no code in its
    rows, unreadable, or too large)."""
    try:
        if path.stat().st_size > BATAS_CSV:
            return None
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    found = [kode for row in rows for kode in (kode_sah(cell) for cell in row[:3]) if kode]
    if len(found) < max(1, len(rows) // 2):
        return None
    return Nomenklatur(nama, dengan_induk(found))
