"""The stages of a year: an OPD-year's forms of earlier quarters beside its latest
(:func:`~kinerja_report.check.duplicates.pisah_triwulan`). What the previous quarter's form
planned for the next quarter ('tindak lanjut yang diperlukan dalam triwulan berikutnya') is
printed on the form of the quarter that follows it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kinerja_report.compute.report import LaporanOpd
from kinerja_report.read.normalize import kunci_nama


def dengan_tindak_lanjut_lalu(
    laporan: Sequence[LaporanOpd], tahapan: Sequence[LaporanOpd]
) -> list[LaporanOpd]:
    """``laporan`` where each form of a quarter carries the tindak lanjut of the same
    OPD-year's latest earlier stage in ``tahapan`` (none: unchanged)."""
    out = []
    for lap in laporan:
        earlier = [
            stage
            for stage in tahapan
            if (kunci_nama(stage.opd), stage.tahun) == (kunci_nama(lap.opd), lap.tahun)
            and stage.triwulan < lap.triwulan
            and stage.formulir is not None
            and stage.formulir.narasi.tindak_lanjut_triwulan
        ]
        if lap.formulir is None or not earlier:
            out.append(lap)
            continue
        lalu = max(earlier, key=lambda stage: stage.triwulan)
        assert lalu.formulir is not None
        formulir = replace(
            lap.formulir,
            tindak_lanjut_lalu=lalu.formulir.narasi.tindak_lanjut_triwulan,
            triwulan_lalu=lalu.triwulan,
        )
        out.append(replace(lap, formulir=formulir))
    return out
