"""The period each form is evaluated against: known, and the same as the settings say."""

from __future__ import annotations

from kinerja_report.model import EvaluasiRenja
from kinerja_report.problems import Masalah, masalah, masalah_di


def periksa_periode(
    evaluasi: EvaluasiRenja, pengaturan_akhir: int | None, bawaan_akhir: int | None
) -> list[Masalah]:
    """A warning when the form has end-of-period targets (column 6) but no end year is known
    (its header names none and neither the settings nor an RPJMD matrix give one), or when
    its header and the settings differ."""
    akhir = evaluasi.tahun_akhir
    if not any(not row.target_renstra.kosong for row in evaluasi.indikator):
        return []  # no end-of-period target: nothing to measure progress against
    if akhir is None and bawaan_akhir is None:
        return [masalah("periode-tidak-diketahui", evaluasi.berkas, evaluasi.lembar)]
    if akhir is not None and pengaturan_akhir is not None and akhir != pengaturan_akhir:
        return [
            masalah_di(
                "periode-berbeda",
                evaluasi.sumber_periode,
                workbook=akhir,
                pengaturan=pengaturan_akhir,
            )
        ]
    return []
