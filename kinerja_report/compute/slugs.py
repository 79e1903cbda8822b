"""File names of the OPD reports: one slug per OPD, the same in every year, distinct for
distinct OPDs (:func:`~kinerja_report.read.normalize.slug_unik`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kinerja_report.compute.report import SLUG_BUPATI, LaporanOpd
from kinerja_report.read.normalize import slug_unik


def dengan_slug_unik(laporan: Sequence[LaporanOpd]) -> list[LaporanOpd]:
    """``laporan`` with slugs that never clash, computed over all OPD names of the build."""
    slugs = slug_unik((lap.opd for lap in laporan), terpakai={SLUG_BUPATI})
    return [replace(lap, slug=slugs[lap.opd]) for lap in laporan]
