"""The same OPD and year in two files is an error naming both, never a silent choice.

Two names are the same OPD when they have the same key (:func:`kunci_nama`): 'Dinas Sosial',
'DINAS SOSIAL' and 'Dinas-Sosial' are one OPD. Two different names that only give the same
file name (two Arabic names, 'Dom' and 'Дом') are two OPDs: they get distinct slugs
(:func:`~kinerja_report.read.normalize.slug_unik`), never a duplicate error.
"""

from __future__ import annotations

from collections import defaultdict

from kinerja_report.model import EvaluasiRenja
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.normalize import kunci_nama


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
