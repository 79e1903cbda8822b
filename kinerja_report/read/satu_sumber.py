"""Sheets of one workbook that carry the same rows are one source, never two forms.

Bappeda-made workbooks often hold an input sheet ('Isian Kinerja') and a print view
('cetak Laporan') that lays the same rows out as the Permendagri form through formulas; a
clerk may also keep a copy of the form in a second sheet. Both read as E.81 forms of the
same OPD-year, which between two files is the blocking ``opd-tahun-ganda``. Inside one
workbook they are one source: the sheet typed by hand (fewest formulas in its value cells)
is read, each other sheet is compared with it, and a value that differs is a warning at the
other sheet's cell (``lembar-ganda-berbeda``); the other sheet's own problems are dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from kinerja_report.formats import angka
from kinerja_report.model import EvaluasiRenja, IndikatorRenja, Nilai
from kinerja_report.problems import Masalah, masalah, masalah_di
from kinerja_report.read.normalize import kunci_nama
from kinerja_report.read.sheet import Lembar

SAMA_MIN = 0.5
"""Share of the smaller sheet's indicators the other sheet must also carry."""
BEDA_MAKS = 20
"""Differences reported one by one per compared sheet; the rest are counted."""


def _kunci_baris(evaluasi: EvaluasiRenja) -> list[tuple[str, str, int]]:
    """Each indicator as (code-less name key, indicator key, occurrence)."""
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for row in evaluasi.indikator:
        key = (kunci_nama(row.uraian), kunci_nama(row.indikator))
        out.append((*key, seen[key]))
        seen[key] += 1
    return out


def _indikator_saja(evaluasi: EvaluasiRenja) -> set[str]:
    return {kunci_nama(row.indikator) for row in evaluasi.indikator}


def baris_sama(a: EvaluasiRenja, b: EvaluasiRenja) -> bool:
    """Whether two forms carry the same rows: same year, and most indicators of the smaller
    one are in the other (or they name the same OPD)."""
    if a.tahun != b.tahun:
        return False
    if kunci_nama(a.opd) == kunci_nama(b.opd):
        return True
    ka, kb = _indikator_saja(a), _indikator_saja(b)
    if not ka or not kb:
        return False
    return len(ka & kb) >= SAMA_MIN * min(len(ka), len(kb))


def _sel_nilai(row: IndikatorRenja) -> Iterator[tuple[str, Nilai]]:
    yield "target (K)", row.target
    yield "target (Rp)", row.target_rp
    for tw in range(4):
        yield f"realisasi triwulan {tw + 1} (K)", row.triwulan[tw]
        yield f"realisasi triwulan {tw + 1} (Rp)", row.triwulan_rp[tw]


def bagian_rumus(evaluasi: EvaluasiRenja, lembar: Lembar | None) -> float:
    """The share of the form's value cells that hold a formula (a print view: near 1)."""
    if lembar is None:
        return 0.0
    total = formulas = 0
    for row in evaluasi.indikator:
        for _, nilai in _sel_nilai(row):
            if nilai.sumber is None or nilai.kosong:
                continue
            total += 1
            formulas += _sel(nilai.sumber.sel) in lembar.rumus
    return formulas / total if total else 0.0


def _sel(alamat: str) -> tuple[int, int] | None:
    from openpyxl.utils.cell import coordinate_to_tuple  # read only when a workbook is

    try:
        return coordinate_to_tuple(alamat)
    except (ValueError, TypeError):
        return None


def _kelompok(evaluasi: Sequence[EvaluasiRenja]) -> list[list[int]]:
    """Indices of the forms, grouped by :func:`baris_sama` (transitively)."""
    induk = list(range(len(evaluasi)))

    def akar(i: int) -> int:
        while induk[i] != i:
            i = induk[i]
        return i

    for i in range(len(evaluasi)):
        for j in range(i + 1, len(evaluasi)):
            if baris_sama(evaluasi[i], evaluasi[j]):
                induk[akar(j)] = akar(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(evaluasi)):
        groups.setdefault(akar(i), []).append(i)
    return list(groups.values())


def satukan(
    evaluasi: list[EvaluasiRenja], lembar: dict[str, Lembar]
) -> tuple[list[EvaluasiRenja], list[Masalah], set[str]]:
    """The forms of one workbook with those carrying the same rows made one: the input
    sheet kept, the others compared with it. Returns the forms kept, the comparison
    problems and the names of the sheets only compared (their own problems are dropped)."""
    if len(evaluasi) < 2:
        return evaluasi, [], set()
    kept: list[EvaluasiRenja] = []
    problems: list[Masalah] = []
    dibanding: set[str] = set()
    for group in _kelompok(evaluasi):
        forms = [evaluasi[i] for i in group]
        if len(forms) == 1:
            kept.append(forms[0])
            continue
        isian = min(
            forms,
            key=lambda ev: (
                round(bagian_rumus(ev, lembar.get(ev.lembar)), 1),
                -ev.triwulan,
                -len(ev.indikator),
            ),
        )
        kept.append(isian)
        for other in forms:
            if other is isian:
                continue
            dibanding.add(other.lembar)
            problems.extend(bandingkan(isian, other))
    kept.sort(key=evaluasi.index)
    return kept, problems, dibanding


def bandingkan(isian: EvaluasiRenja, cetak: EvaluasiRenja) -> list[Masalah]:
    """The info line naming the compared sheet, and a warning per value that differs."""
    by_key = dict(zip(_kunci_baris(isian), isian.indikator, strict=True))
    differences: list[Masalah] = []
    hilang = 0
    for key, row in zip(_kunci_baris(cetak), cetak.indikator, strict=True):
        asal = by_key.get(key)
        if asal is None:
            hilang += 1
            continue
        for apa, nilai in _sel_nilai(row):
            lain = dict(_sel_nilai(asal))[apa]
            if _beda(nilai, lain):
                differences.append(
                    masalah_di(
                        "lembar-ganda-berbeda",
                        nilai.sumber,
                        apa=apa,
                        indikator=row.indikator,
                        nilai=_tampil(nilai),
                        lembar_isian=isian.lembar,
                        nilai_isian=_tampil(lain),
                    )
                )
    info = masalah(
        "lembar-ganda-dibandingkan",
        cetak.berkas,
        cetak.lembar,
        lembar_isian=isian.lembar,
        beda=angka(len(differences)),
        hilang=angka(hilang),
    )
    return [info, *differences[:BEDA_MAKS]]


def _beda(cetak: Nilai, isian: Nilai) -> bool:
    """Numbers that differ (an empty input cell is 0, as a formula shows it); an empty cell
    of the other sheet (a column it lacks, a quarter an earlier copy had not yet) or text on
    either side is not compared."""
    if cetak.kosong or isian.teks is not None:
        return False
    a, b = cetak.angka or 0.0, isian.angka or 0.0
    return abs(a - b) > 1e-6 * max(1.0, abs(b))


def _tampil(nilai: Nilai) -> str:
    if nilai.angka is not None:
        return angka(nilai.angka)
    return nilai.teks or "kosong"
