"""The early warnings on the status board: analysts see every OPD behind its rencana aksi
with the quarter's PDF; an OPD link sees its own line only, without the PDF (it names other
OPDs)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from kinerja_report.web import akun, tautan
from kinerja_report.web.aplikasi import buat_aplikasi
from tests.conftest import SAMPLE_DATA
from tests.web.bantu import SANDI, masuk, workbook
from tests.web.conftest import Server

BERKAS = (
    "EVALUASI RENJA DINKES TW II 2024.xlsx",
    "EVALUASI RENJA DINKES TW IV 2024.xlsx",
    "Rencana Aksi Dinas Kesehatan 2024.xlsx",
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Dinas Kesehatan 2024 (the sample's TW II and TW IV forms, its rencana aksi) and a small
    DLH 2024 form without rencana aksi (the sample's DLH, with its four PKs, only added
    seven PDFs to render)."""
    root = tmp_path_factory.mktemp("web-peringatan")
    masukan, keluaran = root / "masukan", root / "hasil"
    (masukan / "2024").mkdir(parents=True)
    for nama in BERKAS:
        shutil.copy(SAMPLE_DATA / "2024" / nama, masukan / "2024" / nama)
    workbook(masukan / "2024", "evaluasi-dlh-2024.xlsx", "Dinas Lingkungan Hidup", 2024)
    akun.tambah_pengguna("analis-peringatan", SANDI)
    app = buat_aplikasi(masukan, keluaran, jobs=1)
    with TestClient(app):
        srv = Server(app, masukan, keluaran, "analis-peringatan")
        srv.tunggu_build()
        yield srv


def test_the_board_lists_the_opd_behind_plan_with_the_quarters_pdf(server: Server) -> None:
    client = server.client()
    masuk(client, server.analis)
    teks = client.get("/").text
    assert "Peringatan dini rencana aksi" in teks
    bagian = teks.split('id="peringatan"', 1)[1].split("</table>", 1)[0]
    assert "Dinas Kesehatan" in bagian
    assert "s.d. TW 2" in bagian
    # what the quarter's PDF says: one indicator (62,69 % of plan) and one budget behind
    baris = bagian.split("Dinas Kesehatan", 1)[1].split("</tr>", 1)[0]
    assert [sel.split("<", 1)[0] for sel in baris.split('<td class="angka">')[1:]] == [
        "1",
        "1",
        "62,69\u00a0%",
    ]
    assert "Dinas Lingkungan Hidup" not in bagian  # no rencana aksi, no quarter: no warning
    assert 'href="/unduh/2024/triwulan-2/peringatan-dini.pdf"' in bagian
    pdf = client.get("/unduh/2024/triwulan-2/peringatan-dini.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    # another year chosen: none of this year's warnings
    assert 'id="peringatan"' not in client.get("/?tahun=2023").text


def test_an_opd_link_sees_its_own_warning_without_the_pdf(server: Server) -> None:
    _, token = tautan.buat_tautan("Dinas Kesehatan", server.analis, 5)
    client = server.client()
    client.get(f"/t/{token}")
    teks = client.get("/opd").text
    bagian = teks.split('id="peringatan"', 1)[1].split("</table>", 1)[0]
    assert "Dinas Kesehatan" in bagian
    assert "/unduh/" not in bagian
    assert client.get("/unduh/2024/triwulan-2/peringatan-dini.pdf").status_code in {403, 404}
    _, token = tautan.buat_tautan("Dinas Lingkungan Hidup", server.analis, 5)
    lain = server.client()
    lain.get(f"/t/{token}")
    assert 'id="peringatan"' not in lain.get("/opd").text
