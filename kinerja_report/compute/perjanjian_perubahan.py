"""Perjanjian Kinerja Perubahan: after the APBD Perubahan, a PK whose targets or pagu changed.

A PK is signed: once written it is never written again with other numbers. The build history
store (``OUT/kinerja.sqlite``, table ``perjanjian_kinerja``) keeps every version of each PK as
it was first built (:mod:`kinerja_report.write.riwayat_pk`). The one rule,
:func:`versi_perjanjian`: each PK of this build is compared (:func:`perubahan_pk`) with the
latest recorded version of the same year and file (``<tahun>``, ``<slug>``):

* none recorded: this PK is version 0, the PK of the start of the year, recorded;
* same targets and pagu: nothing new; the recorded versions are written again as recorded
  (same bytes: their PDFs are kept);
* changed: the recorded versions as recorded, and a new version n+1, "Perjanjian Kinerja
  Perubahan" (file ``<slug>-perubahan.pdf``, then ``-perubahan-2`` ...), dated by
  :meth:`~kinerja_report.settings.Pengaturan.tanggal_perjanjian_perubahan`, naming each
  changed target and pagu (old -> new), recorded.

Only targets, pagu and the lists of indicators and programmes count: a new signatory or
wording of a sasaran alone makes no Perubahan (the signed version keeps its own).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Literal

from kinerja_report.compute.perjanjian import KETERANGAN_OPD, PerjanjianKinerja, PerubahanPk
from kinerja_report.model import Nilai
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.normalize import normalisasi

KunciPk = tuple[int, str]
"""(tahun, slug) of a PK: its versions share it."""

_Kunci = tuple[str, ...]


def _target(pk: PerjanjianKinerja) -> dict[_Kunci, tuple[str, str, Nilai]]:
    """Each indicator (name, unit, occurrence) -> (name, unit, target), in order."""
    out: dict[_Kunci, tuple[str, str, Nilai]] = {}
    for group in pk.sasaran:
        for item in group.indikator:
            base = (normalisasi(item.indikator), normalisasi(item.satuan))
            n = sum(1 for key in out if key[:2] == base)
            out[(*base, str(n))] = (item.indikator, item.satuan, item.target)
    return out


def _anggaran(pk: PerjanjianKinerja) -> dict[_Kunci, tuple[str, str, Nilai]]:
    """Each programme (name, keterangan, occurrence) -> (name, the OPD it belongs to on the
    Bupati's PK or '', pagu): every OPD has a 'PROGRAM PENUNJANG ...' of its own."""
    out: dict[_Kunci, tuple[str, str, Nilai]] = {}
    for item in pk.program:
        base = (normalisasi(item.program), normalisasi(item.keterangan))
        n = sum(1 for key in out if key[:2] == base)
        pemilik = "" if item.keterangan == KETERANGAN_OPD else item.keterangan
        out[(*base, str(n))] = (item.program, pemilik, Nilai(angka=item.anggaran))
    return out


def _sama(a: Nilai, b: Nilai) -> bool:
    if a.angka is not None and b.angka is not None:
        return round(a.angka, 6) == round(b.angka, 6)
    return (a.angka, normalisasi(a.teks or "")) == (b.angka, normalisasi(b.teks or ""))


def perubahan_pk(lama: PerjanjianKinerja, baru: PerjanjianKinerja) -> tuple[PerubahanPk, ...]:
    """What ``baru`` changes against ``lama``: targets, then pagu; changed and added items in
    ``baru``'s order, then removed ones. Empty: no Perubahan."""
    return (
        *_beda("target", _target(lama), _target(baru)),
        *_beda("anggaran", _anggaran(lama), _anggaran(baru)),
    )


def _beda(
    bagian: Literal["target", "anggaran"],
    old: dict[_Kunci, tuple[str, str, Nilai]],
    new: dict[_Kunci, tuple[str, str, Nilai]],
) -> list[PerubahanPk]:
    out = []
    for key, (uraian, satuan, nilai) in new.items():
        before = old.get(key)
        if before is None or not _sama(before[2], nilai):
            out.append(PerubahanPk(bagian, uraian, satuan, before[2] if before else None, nilai))
    out.extend(
        PerubahanPk(bagian, uraian, satuan, nilai, None)
        for key, (uraian, satuan, nilai) in old.items()
        if key not in new
    )
    return out


def versi_perjanjian(
    baru: Sequence[PerjanjianKinerja],
    tercatat: Mapping[KunciPk, Sequence[PerjanjianKinerja]],
    tanggal_perubahan: Callable[[int, date], date],
) -> tuple[list[PerjanjianKinerja], list[PerjanjianKinerja], list[Masalah]]:
    """The PK documents of a build (module doc): returns (every document to write, the new
    versions to record, an info note per Perubahan). ``tercatat``: the recorded versions of
    each (tahun, slug), oldest first; ``tanggal_perubahan(tahun, semula)``: the date of a
    Perubahan of the PK dated ``semula``. A recorded PK this build does not compute is not
    written (its form is gone from the folder)."""
    documents: list[PerjanjianKinerja] = []
    record: list[PerjanjianKinerja] = []
    problems: list[Masalah] = []
    for pk in baru:
        versions = [replace(v, daerah=pk.daerah) for v in tercatat.get((pk.tahun, pk.slug), ())]
        documents.extend(versions)
        if not versions:
            documents.append(pk)
            record.append(pk)
            continue
        latest = versions[-1]
        changes = perubahan_pk(latest, pk)
        if not changes:
            continue
        new = replace(
            pk,
            versi=latest.versi + 1,
            perubahan=changes,
            tanggal=tanggal_perubahan(pk.tahun, latest.tanggal),
            tanggal_semula=latest.tanggal,
        )
        documents.append(new)
        record.append(new)
        problems.append(
            masalah(
                "pk-perubahan",
                instansi=" ".join(part for part in (pk.instansi, pk.unit) if part),
                tahun=pk.tahun,
                jumlah=len(changes),
                dokumen=f"{pk.tahun}/perjanjian-kinerja/{new.berkas}.pdf",
            )
        )
    return documents, record, problems
