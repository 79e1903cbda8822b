"""Alignment checks of the cascading (codes ``keselarasan-...``).

Each finding names the cell to fix. The checks that need links between the regency's and the
OPDs' sasaran (an indicator nobody contributes to, a sasaran linked to nothing) run only when
the folder says anything about those links: a cascading sheet, or a Sasaran RPJMD column in
a form (without either, every OPD sasaran would be 'linked to nothing').
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kinerja_report.compute.pohon import LABEL_TINGKAT, PohonKinerja
from kinerja_report.model import (
    EvaluasiRenja,
    LembarKaskade,
    Nomenklatur,
    SimpulRenja,
    TingkatIndikator,
)
from kinerja_report.problems import Masalah, masalah, masalah_di
from kinerja_report.read.normalize import normalisasi

_BERANGGARAN = (TingkatIndikator.PROGRAM, TingkatIndikator.KEGIATAN, TingkatIndikator.SUB_KEGIATAN)


def periksa_keselarasan(
    pohon: Sequence[PohonKinerja],
    evaluasi: Sequence[EvaluasiRenja],
    kaskade: Sequence[LembarKaskade],
    nomenklatur: Sequence[Nomenklatur],
) -> list[Masalah]:
    """Every alignment finding, each once (module doc)."""
    problems: list[Masalah] = []
    if kaskade or any(row.sasaran_rpjmd for ev in evaluasi for row in ev.indikator):
        for tree in pohon:
            problems.extend(ikd_tanpa_program(tree))
            problems.extend(sasaran_tanpa_induk(tree))
    for tree in pohon:
        problems.extend(indikator_sama_induk(tree))
        problems.extend(target_ikd_kosong(tree))
    for ev in evaluasi:
        problems.extend(tanpa_indikator(ev))
        problems.extend(target_kosong(ev))
    problems.extend(target_kaskade_kosong(kaskade))
    if nomenklatur:
        problems.extend(kode_tidak_dikenal(evaluasi, kaskade, nomenklatur))
    return list(dict.fromkeys(problems))


def ikd_tanpa_program(tree: PohonKinerja) -> Iterable[Masalah]:
    """A regency indicator whose sasaran RPJMD has no OPD programme below it."""
    for node in tree.simpul:
        if node.tingkat != "sasaran rpjmd" or not node.indikator:
            continue
        if any(child.tingkat == "program" for child in tree.keturunan(node)):
            continue
        for item in node.indikator:
            yield masalah_di(
                "keselarasan-ikd-tanpa-program",
                item.sumber or node.sumber,
                indikator=item.indikator,
                sasaran=node.uraian,
                tahun=tree.tahun,
            )


def sasaran_tanpa_induk(tree: PohonKinerja) -> Iterable[Masalah]:
    """An OPD's sasaran that reaches no sasaran RPJMD."""
    for node in tree.simpul:
        if node.tingkat != "sasaran pd" or not node.opd:
            continue
        if any(parent.tingkat == "sasaran rpjmd" for parent in tree.leluhur(node)):
            continue
        yield masalah_di(
            "keselarasan-sasaran-tanpa-induk",
            node.sumber,
            sasaran=node.uraian,
            opd=node.opd,
            tahun=tree.tahun,
        )


def indikator_sama_induk(tree: PohonKinerja) -> Iterable[Masalah]:
    """A node's indicator that repeats, word for word, one of an ancestor's (the nearest
    that has it): the child should say what it contributes, not the result of a level above
    it, however many levels up (a programme repeating the RPJMD's indicator under a Sasaran
    PD that has its own)."""
    for node in tree.simpul:
        leluhur = [parent for parent in tree.leluhur(node) if parent.indikator]
        for item in node.indikator:
            kunci = normalisasi(item.indikator)
            parent = next(
                (p for p in leluhur if kunci in {normalisasi(i.indikator) for i in p.indikator}),
                None,
            )
            if parent is not None:
                yield masalah_di(
                    "keselarasan-indikator-sama-induk",
                    item.sumber or node.sumber,
                    indikator=item.indikator,
                    tingkat=LABEL_TINGKAT.get(node.tingkat, node.tingkat).lower(),
                    tingkat_induk=LABEL_TINGKAT.get(parent.tingkat, parent.tingkat)[:1].lower()
                    + LABEL_TINGKAT.get(parent.tingkat, parent.tingkat)[1:],
                    induk=parent.uraian,
                )


def target_ikd_kosong(tree: PohonKinerja) -> Iterable[Masalah]:
    """A regency indicator without a target for the year."""
    for node in tree.simpul:
        if node.tingkat != "sasaran rpjmd":
            continue
        for item in node.indikator:
            if item.target.kosong:
                yield masalah_di(
                    "keselarasan-target-kosong",
                    item.target.sumber or item.sumber,
                    indikator=item.indikator,
                    kapan=f"tahun {tree.tahun}",
                )


def target_kosong(ev: EvaluasiRenja) -> Iterable[Masalah]:
    """An indicator of the form without a target (K) for the year."""
    for row in ev.indikator:
        if row.target.kosong:
            where = row.target.sumber or row.sumber_indikator
            yield masalah(
                "keselarasan-target-kosong",
                ev.berkas,
                ev.lembar,
                where.sel if where else f"A{row.baris}",
                indikator=row.indikator,
                kapan=f"tahun {ev.tahun}",
            )


def target_kaskade_kosong(kaskade: Sequence[LembarKaskade]) -> Iterable[Masalah]:
    """An indicator of a cascading sheet without a target."""
    for sheet in kaskade:
        for link in sheet.tautan:
            if link.indikator and link.target.kosong:
                yield masalah_di(
                    "keselarasan-target-kosong",
                    link.target.sumber or link.sumber_indikator,
                    indikator=link.indikator,
                    kapan="di lembar cascading",
                )


def _berindikator(ev: EvaluasiRenja) -> set[tuple[str, str]]:
    return {(row.kode, normalisasi(row.uraian)) for row in ev.indikator}


def tanpa_indikator(ev: EvaluasiRenja) -> Iterable[Masalah]:
    """A programme without an outcome indicator, a kegiatan without an output indicator, and
    budget on a row that has no indicator."""
    has = _berindikator(ev)
    for head in ev.simpul:
        if (head.kode, normalisasi(head.uraian)) in has:
            continue
        code = {
            TingkatIndikator.PROGRAM: "keselarasan-program-tanpa-outcome",
            TingkatIndikator.KEGIATAN: "keselarasan-kegiatan-tanpa-output",
        }.get(head.tingkat)
        if code is not None:
            yield _di_simpul(code, ev, head)
        if head.tingkat in _BERANGGARAN and (head.pagu.angka or 0) > 0:
            yield masalah_di(
                "keselarasan-anggaran-tanpa-indikator",
                head.pagu.sumber or head.sumber,
                tingkat=head.tingkat,
                uraian=_nama(head),
            )


def _nama(head: SimpulRenja) -> str:
    return " ".join(part for part in (head.kode, head.uraian) if part)


def _di_simpul(code: str, ev: EvaluasiRenja, head: SimpulRenja) -> Masalah:
    where = head.sumber
    return masalah(
        code,
        ev.berkas,
        ev.lembar,
        where.sel if where else f"A{head.baris}",
        uraian=_nama(head),
    )


def kode_tidak_dikenal(
    evaluasi: Sequence[EvaluasiRenja],
    kaskade: Sequence[LembarKaskade],
    nomenklatur: Sequence[Nomenklatur],
) -> Iterable[Masalah]:
    """A code of a programme, kegiatan or sub kegiatan that no reference list holds (checked
    only at the levels the lists cover: a kegiatan list says nothing of sub kegiatan)."""
    known = frozenset().union(*(item.kode for item in nomenklatur))
    levels = {len(code.split(".")) for code in known}
    daftar = ", ".join(sorted({item.berkas for item in nomenklatur}))

    def unknown(kode: str) -> bool:
        code = kode.upper()
        return bool(code) and len(code.split(".")) in levels and code not in known

    for ev in evaluasi:
        for head in ev.simpul:
            if head.tingkat in _BERANGGARAN and unknown(head.kode):
                yield _kode(
                    ev.berkas, ev.lembar, head.sumber.sel if head.sumber else "", head, daftar
                )
    for sheet in kaskade:
        for link in sheet.tautan:
            if unknown(link.kode):
                yield masalah_di(
                    "keselarasan-kode-tidak-dikenal",
                    link.sumber,
                    kode_baris=link.kode,
                    daftar=daftar,
                )


def _kode(berkas: str, lembar: str, sel: str, head: SimpulRenja, daftar: str) -> Masalah:
    return masalah(
        "keselarasan-kode-tidak-dikenal", berkas, lembar, sel, kode_baris=head.kode, daftar=daftar
    )
