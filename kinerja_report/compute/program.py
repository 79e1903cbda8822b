"""Which rows belong to which programme of one OPD's form: the one grouping of the budget
rules (:mod:`~kinerja_report.compute.report`) and of the plausibility checks
(:mod:`~kinerja_report.check.kewajaran`), for capaian rows and form head rows alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from kinerja_report.model import TingkatIndikator

ANAK = (TingkatIndikator.KEGIATAN, TingkatIndikator.SUB_KEGIATAN)
BLOK = (TingkatIndikator.URUSAN, TingkatIndikator.BIDANG_URUSAN)


class Simpul(Protocol):
    """A row with a level, a code and a name (capaian rows, form rows)."""

    @property
    def tingkat(self) -> TingkatIndikator: ...
    @property
    def kode(self) -> str: ...
    @property
    def uraian(self) -> str: ...


S = TypeVar("S", bound=Simpul)


def per_program(baris: Iterable[S]) -> dict[tuple[str, str], list[S]]:
    """Each programme (by code and name) with its rows and its kegiatan's and sub kegiatan's:
    the rows below it up to the next programme, urusan or bidang urusan (a new block). Rows
    above the first programme are left out.
    The rows are one OPD's: across OPDs a programme is its OPD and its code, never its code
    alone (the regency evaluation sums each OPD's own total)."""
    groups: dict[tuple[str, str], list[S]] = {}
    current: list[S] | None = None
    for row in baris:
        if row.tingkat is TingkatIndikator.PROGRAM:
            current = groups.setdefault((row.kode.strip(), row.uraian.strip()), [])
            current.append(row)
        elif row.tingkat in BLOK:
            current = None
        elif current is not None and row.tingkat in ANAK:
            current.append(row)
    return groups
