"""The unit of money a form states outside its 'Rp.' sub-headers.

A header cell 'Rp. (000)' already scales its own column (:func:`.header._skala`). Forms also
say it once for the whole table: a note above it ('(Rp 000)', 'dalam ribuan rupiah'), a title
line ('... Tahun 2025 (dalam ribuan rupiah)'), a line right under the header, or a group
header cell ('Target Renja (Rp ribuan)') whose sub-header says only 'Rp.' (issue 21: Deli
Serdang-shaped forms read 1000x too small). Such a note scales every money column whose own
sub-header names no unit; a percentage column headed 'Rp.' (column 15) is never scaled. Two
notes that disagree (thousands and millions) scale nothing and are reported at the cell.
"""

from __future__ import annotations

from dataclasses import replace

from kinerja_report.model import Sumber
from kinerja_report.problems import Masalah, masalah_di
from kinerja_report.read.header import Header, Kolom, skala_catatan
from kinerja_report.read.sheet import Lembar

BARIS_DI_BAWAH = 2
"""Rows below the header looked at for a note ('dalam ribuan rupiah')."""


def _catatan(lembar: Lembar, header: Header) -> list[tuple[float, Sumber, str]]:
    """Every note of a money unit above the table or in the few rows right under it (rows
    whose only text is the note)."""
    found = []
    rows = [*range(1, header.baris_awal), *range(header.baris_data, header.baris_data + 2)]
    for baris in rows:
        texts = [(kolom, t) for kolom, t in lembar.baris_teks(baris) if t.strip()]
        if baris >= header.baris_data and len(texts) != 1:
            continue
        for kolom, text in texts:
            skala = skala_catatan(text)
            if skala is not None:
                found.append((skala, lembar.sumber(baris, kolom), text.strip()))
    return found


def _uang(kolom: Kolom) -> bool:
    return kolom.sub == "rp" and not kolom.bidang.startswith("capaian")


def terapkan_satuan_uang(lembar: Lembar, header: Header) -> tuple[Header, list[Masalah]]:
    """``header`` with the unit of a table-wide note (or of a group header cell) applied to
    the money columns whose sub-header names none; a warning when notes disagree."""
    notes = _catatan(lembar, header)
    scales = {skala for skala, _, _ in notes}
    if len(scales) > 1:
        teks = "; ".join(f"{s.sel} '{t[:60]}'" for _, s, t in notes)
        return header, [masalah_di("satuan-uang-ragu", notes[0][1], catatan=teks)]
    table_scale = next(iter(scales), None)
    kolom = []
    scaled = False
    for item in header.kolom:
        if _uang(item) and item.skala == 1.0:
            skala = skala_catatan(item.jalur) or table_scale
            if skala is not None:
                item = replace(item, skala=skala)
                scaled = True
        kolom.append(item)
    problems = []
    if scaled and notes:
        skala, sumber, teks = notes[0]
        problems.append(
            masalah_di(
                "satuan-uang-dari-catatan",
                sumber,
                catatan=teks[:80],
                satuan="ribuan" if skala == 1_000.0 else "jutaan",
            )
        )
    return replace(header, kolom=tuple(kolom)), problems
