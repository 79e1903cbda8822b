"""Small real E.81 workbooks for tests, written with openpyxl (no mocks).

The layout is the Permendagri 86/2017 form in its common shape: a title block, a 3-row
header with merged group cells, a column-number row, then data rows
(:func:`tests.fixtures.formulir.tulis_formulir`).
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from tests.fixtures.formulir import STANDAR, tulis_formulir

JUDUL = ["EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH", "KABUPATEN KEPAHIANG"]


def buat_evaluasi(
    path: Path,
    opd: str,
    tahun: int,
    baris: Sequence[Sequence[object]],
    sembunyikan: Sequence[int] = (),
) -> Path:
    """Write an E.81 workbook. Each data row gives columns A..R in order (No, Sasaran, Kode,
    Uraian, Indikator, Satuan, Target K/Rp, TW I-IV K/Rp, Realisasi K/Rp); data start at
    row 10. Strings are stored as text, even '=...'."""
    keys = [key for key, _ in STANDAR]
    rows = [dict(zip(keys, values, strict=False)) for values in baris]
    judul = [*JUDUL, f"Perangkat Daerah : {opd}", f"Tahun {tahun}"]
    return tulis_formulir(path, judul, rows, STANDAR, sembunyikan, teks_apa_adanya=True)


BARIS_CONTOH: list[list[object]] = [
    [
        1,
        "Meningkatnya kualitas perencanaan",
        "5.01.02",
        "PROGRAM PERENCANAAN PEMBANGUNAN DAERAH",
        "Persentase dokumen perencanaan tepat waktu",
        "persen",
        100,
        500_000_000,
        20,
        100_000_000,
        30,
        120_000_000,
        25,
        130_000_000,
        20,
        110_000_000,
        95,
        460_000_000,
    ],
    [
        None,
        None,
        None,
        None,
        "Jumlah forum konsultasi publik",
        "kali",
        4,
        None,
        1,
        None,
        1,
        None,
        1,
        None,
        "1",
        None,
        4,
        None,
    ],
    [
        2,
        None,
        "5.01.02.2.01",
        "Penyusunan Dokumen Perencanaan",
        "Jumlah dokumen RKPD",
        "dokumen",
        "2",
        "300.000.000",
        "-",
        " ",
        "1",
        "150.000.000",
        "0,5",
        "75.000.000",
        "-",
        "-",
        1.5,
        225_000_000,
    ],
]
"""Three indicator rows: a program, a continuation row, a kegiatan typed as Indonesian text."""


def ganti_di_anggota(path: Path, anggota: str, ganti: Mapping[bytes, bytes]) -> Path:
    """Rewrite the member ``anggota`` of the workbook (zip) at ``path``: each key of
    ``ganti``, which must be in it, replaced by its value; the other members as they were
    (what openpyxl never writes itself: a value it refuses, an XML form of another tool)."""
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    for lama, baru in ganti.items():
        assert lama in members[anggota], lama
        members[anggota] = members[anggota].replace(lama, baru)
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
    return path
