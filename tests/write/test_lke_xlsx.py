"""indeks-bukti.xlsx: one row per criterion and document, reopened as a user's Excel would."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from kinerja_report.compute.lke import indeks_bukti
from kinerja_report.settings import Daerah
from kinerja_report.write.lke_xlsx import BELUM_ADA, lke_xlsx


def test_the_index_reopens_with_every_criterion_and_no_formula_from_a_name() -> None:
    keluaran = ["2024/perjanjian-kinerja/bupati.pdf", "2024/perjanjian-kinerja/dinas-a.pdf"]
    opd = [('=HYPERLINK("http://x","klik")', "dinas-a")]  # a name as a clerk could type it
    data = lke_xlsx(indeks_bukti(2024, Daerah(), keluaran, opd))
    assert data == lke_xlsx(indeks_bukti(2024, Daerah(), keluaran, opd))  # same bytes
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Pemerintah Daerah", "Perangkat Daerah"]
    pemda = list(wb["Pemerintah Daerah"].iter_rows(min_row=2, values_only=True))
    assert len({r[2] for r in pemda}) == 80
    pk = [r for r in pemda if r[2] == "1.a.4"]
    assert [(r[4], r[6]) for r in pk] == [
        ("2024/perjanjian-kinerja/bupati.pdf", None),
        ("2024/perjanjian-kinerja/<perangkat-daerah>.pdf", "1 dari 1 perangkat daerah"),
    ]
    assert [r[6] for r in pemda if r[2] == "4.a.1"] == [BELUM_ADA]
    ws = wb["Perangkat Daerah"]
    assert ws["A2"].data_type == "s"
    assert ws["A2"].value.startswith("=HYPERLINK")
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[5] for r in rows if r[3] == "1.a.4"] == ["2024/perjanjian-kinerja/dinas-a.pdf"]
