"""The level of each row (urusan ... sub kegiatan) from every signal the sheet gives.

Real forms show the hierarchy in different ways, often several at once
(docs/membaca.md):

1. **the code**: its number of segments (``1.02.01`` programme, ``1.02.01.2.01.0001`` sub
   kegiatan); a code *repeated* from the row above belongs to a child of that row, not to a
   sibling (Sukabumi 2018, row 18: a kegiatan under its programme's code);
2. **the name**: 'Program ...', 'Kegiatan ...', 'Sub Kegiatan ...', 'Unsur ...';
3. **the format of the name cell**: fill colour (theme colours resolved), bold, indentation.
   Each distinct format is one level: formats met on rows whose level is known from (1) or
   (2) take the level most of those rows have; the others take their place in the order in
   which the formats first appear down the sheet (a parent always comes before its first
   child), one level deeper than the format before them (Deli Serdang 2025: programme rows
   theme 4 + tint, kegiatan theme 9 + tint, sub kegiatan no fill). When no row anchors any
   format, the formats of rows that carry indicators are, in order, programme, kegiatan and
   sub kegiatan, and the headings above them bidang urusan and urusan;
4. **the position**: a row without any other signal right below a programme is a kegiatan,
   below a kegiatan or sub kegiatan a sibling of it.

The first signal that speaks decides, in that order. A heading without code, name signal or
indicators right above a row whose code makes it an urusan or bidang urusan is a heading of
that rank or higher, never a programme (Sukabumi 2018, F15 'Fungsi Penunjang Urusan
Pemerintahan Daerah' above F16 'Perencanaan', code 1). When the code and the name disagree, or
the name and the format, the row is read by the stronger signal and the disagreement is
reported at the cell (``tingkat-tidak-konsisten``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from kinerja_report.model import Sumber, TingkatIndikator
from kinerja_report.problems import Masalah, masalah_di
from kinerja_report.read.codes import tingkat_dari_kode
from kinerja_report.read.normalize import normalisasi
from kinerja_report.read.styles import Gaya

_URUTAN = (
    TingkatIndikator.URUSAN,
    TingkatIndikator.BIDANG_URUSAN,
    TingkatIndikator.PROGRAM,
    TingkatIndikator.KEGIATAN,
    TingkatIndikator.SUB_KEGIATAN,
)
_NAMA = (
    (re.compile(r"^sub ?kegiatan\b"), TingkatIndikator.SUB_KEGIATAN),
    (re.compile(r"^kegiatan\b"), TingkatIndikator.KEGIATAN),
    (re.compile(r"^program\b"), TingkatIndikator.PROGRAM),
    (re.compile(r"^bidang urusan\b"), TingkatIndikator.BIDANG_URUSAN),
    (re.compile(r"^unsur\b"), TingkatIndikator.URUSAN),
    # not '^urusan': real kegiatan are named so ('Urusan Penyelenggaraan PSU Perumahan')
)


@dataclass(frozen=True)
class BarisKepala:
    """A row that names a node of the hierarchy (its own code or name), with its signals."""

    baris: int
    kode: str
    uraian: str
    gaya: Gaya
    sumber: Sumber | None = None
    """The cell of the name (or code), where a disagreement is reported."""
    berindikator: bool = True
    """Whether the row carries an indicator (headings of urusan and bidang do not)."""
    tingkat_kolom: TingkatIndikator | None = None
    """The level a level column ('Pilihan': Program / Kegiatan / Subkegiatan) names."""


def _dalam(tingkat: TingkatIndikator, langkah: int) -> TingkatIndikator:
    """The level ``langkah`` steps deeper (negative: higher), within urusan..sub kegiatan."""
    if tingkat not in _URUTAN:
        return tingkat
    indeks = min(max(_URUTAN.index(tingkat) + langkah, 0), len(_URUTAN) - 1)
    return _URUTAN[indeks]


def tingkat_dari_nama(uraian: str) -> TingkatIndikator | None:
    """'Program Penunjang ...' -> programme; ``None`` when the name does not say."""
    text = normalisasi(uraian)
    return next((tingkat for pola, tingkat in _NAMA if pola.search(text)), None)


_KOLOM_TINGKAT = {
    "urusan": TingkatIndikator.URUSAN,
    "bidang": TingkatIndikator.BIDANG_URUSAN,
    "bidang urusan": TingkatIndikator.BIDANG_URUSAN,
    "program": TingkatIndikator.PROGRAM,
    "kegiatan": TingkatIndikator.KEGIATAN,
    "subkegiatan": TingkatIndikator.SUB_KEGIATAN,
    "sub kegiatan": TingkatIndikator.SUB_KEGIATAN,
}


def tingkat_dari_kolom(text: str) -> TingkatIndikator | None:
    """The level a level column names ('Subkegiatan', 'Sub Kegiatan', 'PROGRAM')."""
    return _KOLOM_TINGKAT.get(normalisasi(text).replace("-", " ").strip(" ."))


def _tingkat_kode(rows: Sequence[BarisKepala]) -> tuple[list[TingkatIndikator | None], list[int]]:
    """Levels from the codes; a code equal to the previous head row's is one level deeper.
    Also returns the indices of those repeated codes."""
    levels: list[TingkatIndikator | None] = []
    repeated = []
    for i, row in enumerate(rows):
        level = tingkat_dari_kode(row.kode)
        level = level if level is not TingkatIndikator.LAINNYA else None
        if i and row.kode and row.kode == rows[i - 1].kode and level is not None:
            level = _dalam(level, 1)  # one below the code's own level, never chained further
            repeated.append(i)
        levels.append(level)
    return levels, repeated


def _peta_gaya(
    rows: Sequence[BarisKepala], known: Sequence[TingkatIndikator | None]
) -> dict[Gaya, TingkatIndikator]:
    """Level of each distinct format (see the module doc, signal 3)."""
    order = list(dict.fromkeys(row.gaya for row in rows))
    if len(order) < 2:
        return {}
    votes: dict[Gaya, Counter[TingkatIndikator]] = {gaya: Counter() for gaya in order}
    for row, level in zip(rows, known, strict=True):
        if level in _URUTAN:
            votes[row.gaya][level] += 1
    peta = {gaya: votes[gaya].most_common(1)[0][0] for gaya in order if votes[gaya]}
    if not peta:
        return _peta_tanpa_jangkar(rows, order)
    first = next(i for i, gaya in enumerate(order) if gaya in peta)
    for i in range(first - 1, -1, -1):  # formats above the first known one: higher levels
        peta[order[i]] = _dalam(peta[order[i + 1]], -1)
    for i in range(first + 1, len(order)):
        gaya = order[i]
        if gaya in peta:
            continue
        same_fill = next((peta[g] for g in order[:i] if g.isian and g.isian == gaya.isian), None)
        peta[gaya] = same_fill or _dalam(peta[order[i - 1]], 1)
    return peta


def _peta_tanpa_jangkar(
    rows: Sequence[BarisKepala], order: list[Gaya]
) -> dict[Gaya, TingkatIndikator]:
    """No code and no name anchors a format: the formats of rows with indicators, in order of
    appearance, are programme, kegiatan and sub kegiatan (headings without indicators above
    them are bidang urusan and urusan). Two formats with indicators: programme and kegiatan."""
    with_indicator = list(dict.fromkeys(row.gaya for row in rows if row.berindikator))
    if len(with_indicator) < 2:
        return {}
    peta = {gaya: _URUTAN[min(2 + i, len(_URUTAN) - 1)] for i, gaya in enumerate(with_indicator)}
    first = order.index(with_indicator[0])
    for i in range(first - 1, -1, -1):
        if order[i] not in peta:
            peta[order[i]] = _dalam(peta[order[i + 1]], -1)
    return peta


def tentukan_tingkat(
    rows: Sequence[BarisKepala],
) -> tuple[list[TingkatIndikator], list[Masalah]]:
    """The level of every head row, and the problems met (module doc)."""
    by_code, repeated = _tingkat_kode(rows)
    repeated = [i for i in repeated if rows[i].tingkat_kolom is None]
    by_name = [tingkat_dari_nama(row.uraian) for row in rows]
    known = [
        row.tingkat_kolom or code or name
        for row, code, name in zip(rows, by_code, by_name, strict=True)
    ]
    peta = _peta_gaya(rows, known)
    problems = [
        masalah_di(
            "kode-berulang",
            rows[i].sumber,
            kode_baris=rows[i].kode,
            tingkat=(by_code[i] or TingkatIndikator.LAINNYA).value,
        )
        for i in repeated
    ]
    out: list[TingkatIndikator] = []
    for i, row in enumerate(rows):
        code, name, style = by_code[i], by_name[i], peta.get(row.gaya)
        if row.tingkat_kolom is not None:  # the form says it in a column of its own
            out.append(row.tingkat_kolom)
            continue
        level = code or name or style or _dari_posisi(out)
        other = name if code else (style if name else None)
        if (code and name and code != name) or (not code and name and style and style != name):
            problems.append(
                masalah_di(
                    "tingkat-tidak-konsisten",
                    row.sumber,
                    dipakai=level.value,
                    dari="kode" if code else "nama",
                    lain=(other or level).value,
                    sumber_lain="nama" if code else "format sel",
                )
            )
        out.append(level)
    return _judul_di_atas_urusan(rows, by_code, by_name, out), problems


def _judul_di_atas_urusan(
    rows: Sequence[BarisKepala],
    by_code: Sequence[TingkatIndikator | None],
    by_name: Sequence[TingkatIndikator | None],
    levels: list[TingkatIndikator],
) -> list[TingkatIndikator]:
    """A heading (no code, no name signal, no indicator) directly above a row that its code
    makes an urusan or bidang urusan (or above such a heading) is one level higher than that
    row, never deeper."""
    out = list(levels)
    heading = [
        not r.berindikator and not c and not n
        for r, c, n in zip(rows, by_code, by_name, strict=True)
    ]
    for i in range(len(rows) - 2, -1, -1):
        below = by_code[i + 1] or (out[i + 1] if heading[i + 1] else None)
        if not heading[i] or below not in _URUTAN[:2]:
            continue
        if out[i] not in _URUTAN or _URUTAN.index(out[i]) >= _URUTAN.index(below):
            out[i] = _dalam(below, -1)
    return out


def _dari_posisi(before: Sequence[TingkatIndikator]) -> TingkatIndikator:
    """Signal 4: below a programme a kegiatan, below a (sub) kegiatan its sibling."""
    previous = before[-1] if before else TingkatIndikator.LAINNYA
    if previous is TingkatIndikator.PROGRAM:
        return TingkatIndikator.KEGIATAN
    if previous in (TingkatIndikator.KEGIATAN, TingkatIndikator.SUB_KEGIATAN):
        return previous
    return TingkatIndikator.LAINNYA
