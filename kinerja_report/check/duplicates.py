"""The same OPD and year in two files is an error naming both, never a silent choice.

Two names are the same OPD when they have the same key (:func:`kunci_nama`): 'Dinas Sosial',
'DINAS SOSIAL' and 'Dinas-Sosial' are one OPD. Two different names that only give the same
file name (two Arabic names, 'Dom' and 'Дом') are two OPDs: they get distinct slugs
(:func:`~kinerja_report.read.normalize.slug_unik`), never a duplicate error.

Forms of one OPD-year that report up to different quarters (TW II and TW IV) are stages of
the year, not duplicates (:func:`pisah_triwulan`): the latest is the year's form, each earlier
one a stage with its own quarterly evaluation.
"""

from __future__ import annotations

from collections import defaultdict

from kinerja_report.model import EvaluasiRenja
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.normalize import kunci_nama


def pisah_triwulan(
    evaluasi: list[EvaluasiRenja],
) -> tuple[list[EvaluasiRenja], list[EvaluasiRenja]]:
    """Split the forms into the year's forms and the earlier quarters' (stages): when the
    forms of one OPD-year all report up to different quarters, the one of the highest
    triwulan is the year's and the others are stages. Forms of one OPD-year that share a
    quarter all stay for :func:`buang_ganda` to report."""
    groups: dict[tuple[str, int], list[EvaluasiRenja]] = defaultdict(list)
    for item in evaluasi:
        groups[(kunci_nama(item.opd), item.tahun)].append(item)
    tahun_ini: list[EvaluasiRenja] = []
    tahap: list[EvaluasiRenja] = []
    for items in groups.values():
        quarters = [item.triwulan for item in items]
        if len(items) == 1 or len(set(quarters)) < len(quarters):
            tahun_ini.extend(items)
            continue
        latest = max(items, key=lambda item: item.triwulan)
        tahun_ini.append(latest)
        tahap.extend(item for item in items if item is not latest)
    return tahun_ini, tahap


def buang_ganda(evaluasi: list[EvaluasiRenja]) -> tuple[list[EvaluasiRenja], list[Masalah]]:
    """Keep the OPD-years that come from one file only; report the others on each file."""
    groups: dict[tuple[str, int], list[EvaluasiRenja]] = defaultdict(list)
    for item in evaluasi:
        groups[(kunci_nama(item.opd), item.tahun)].append(item)
    kept, problems = [], []
    for items in groups.values():
        if len(items) == 1:
            kept.append(items[0])
            continue
        for item in items:
            others = ", ".join(f"{o.berkas} (lembar {o.lembar})" for o in items if o is not item)
            problems.append(
                masalah(
                    "opd-tahun-ganda",
                    item.berkas,
                    item.lembar,
                    opd=item.opd,
                    tahun=item.tahun,
                    berkas_lain=others,
                )
            )
    return kept, problems
