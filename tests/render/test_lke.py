"""The sample's index of evidence (OUT/<tahun>/lke/indeks-bukti.pdf|xlsx): it claims only
files the build wrote, and its PDF and .xlsx count the same criteria."""

from __future__ import annotations

from openpyxl import load_workbook

from kinerja_report.compute.lke_kriteria import LKE_88_2021
from kinerja_report.write.lke_xlsx import BELUM_ADA
from tests.conftest import SampelDibangun
from tests.pdf_teks import teks_pdf


def test_the_sample_index_lists_every_criterion_with_files_that_exist(
    sampel_dibangun: SampelDibangun,
) -> None:
    out = sampel_dibangun.out
    for tahun in (2021, 2024):
        wb = load_workbook(out / f"{tahun}/lke/indeks-bukti.xlsx", read_only=True)
        pemda = list(wb["Pemerintah Daerah"].iter_rows(min_row=2, values_only=True))
        per_opd = list(wb["Perangkat Daerah"].iter_rows(min_row=2, values_only=True))
        wb.close()
        kode = {r[2] for r in pemda}
        assert len(kode) == 80
        for berkas in [r[4] for r in pemda] + [r[5] for r in per_opd]:
            if berkas and "<perangkat-daerah>" not in berkas and "*" not in berkas:
                assert (out / berkas).is_file(), berkas
        ada = {r[2] for r in pemda if r[6] != BELUM_ADA}
        assert {"1.a.4", "1.b.8", "2.a.3", "3.a.1", "3.b.3"} <= ada
        assert not any(k.startswith("4.") for k in ada)  # no internal evaluation of ours

        teks = teks_pdf(out / f"{tahun}/lke/indeks-bukti.pdf")
        assert "INDEKS BUKTI DUKUNG EVALUASI SAKIP" in teks
        assert f"Tahun {tahun}" in teks
        assert f"{len(ada)} dari 80 kriteria memiliki bukti dukung" in teks
        for k in LKE_88_2021:  # the per-component counts the PDF states are the .xlsx's
            dengan = len({c for c in ada if c.startswith(k.kode + ".")})
            semua = len({c for c in kode if c.startswith(k.kode + ".")})
            assert f"{k.nama} {dengan} dari {semua}" in teks
        opd = {r[0] for r in per_opd}
        assert len(opd) == 11
        assert all(nama in teks for nama in opd)
