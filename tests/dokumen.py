"""Some documents of a build, made without the others: a test that reads two PDFs of a folder
need not render the forty it does not read (issue 25: the suite within three minutes).

The steps are :func:`kinerja_report.pipeline.build`'s up to the jobs (read, check, compute,
the PK versions, the LKjIP drafts), then only the documents asked for are made: the same
HTML, so the same bytes, as a build writes for them (``render_pdf`` is deterministic)."""

from __future__ import annotations

from pathlib import Path

from kinerja_report.pipeline import (
    dokumen_lkjip,
    dokumen_perjanjian,
    keluaran_data,
    kumpulkan,
    ringkasan_daerah,
    tugas_pdf,
)
from kinerja_report.render.pdf import render_pdf
from kinerja_report.write.riwayat import NAMA_RIWAYAT


def dokumen_build(masukan: Path, *relatif: str) -> dict[str, bytes]:
    """The outputs ``relatif`` (paths below OUT, PDF or data file) that ``build(masukan, OUT)``
    into a new OUT writes, by path; a path the build would not write fails the test (nor are
    the LKE evidence index and its PDF made here: they list the build's other outputs)."""
    kumpulan = kumpulkan(masukan)
    kumpulan, _ = dokumen_perjanjian(kumpulan, masukan / "tidak-ada" / NAMA_RIWAYAT)
    ringkasan = ringkasan_daerah(kumpulan)
    pemda, per_opd = dokumen_lkjip(kumpulan, ringkasan)
    dibuat: dict[str, bytes] = {}
    for tugas in tugas_pdf(kumpulan, ringkasan, pemda):
        if tugas.relatif in relatif:
            dibuat[tugas.relatif] = render_pdf(tugas.html, tugas.folder_templat, tugas.aset)
    for data in keluaran_data(kumpulan, pemda, per_opd):
        if data.relatif in relatif:
            dibuat[data.relatif] = data.buat()
    hilang = set(relatif) - set(dibuat)
    assert not hilang, f"a build of {masukan} writes none of {sorted(hilang)}"
    return dibuat
