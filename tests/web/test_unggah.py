"""Uploads land in MASUKAN/<tahun>/ once; replaced files go to a history the reader skips."""

from __future__ import annotations

from pathlib import Path

import pytest

from kinerja_report.pipeline import kumpulkan
from kinerja_report.web.unggah import FOLDER_RIWAYAT, UnggahanDitolak, penerimaan, periksa_nama
from tests.web.bantu import masuk, unggah, workbook
from tests.web.conftest import Server


def _workbook_masukan(server: Server) -> list[str]:
    return sorted(
        p.relative_to(server.masukan).as_posix()
        for p in server.masukan.rglob("*.xlsx")
        if FOLDER_RIWAYAT not in p.parts
    )


def test_upload_shows_what_was_read_and_its_findings(server: Server, tmp_path: Path) -> None:
    client = server.client()
    masuk(client, server.analis)
    path = workbook(tmp_path, "Evaluasi DLH 2023.xlsx", "Dinas Lingkungan Hidup")
    response = unggah(client, path)
    assert response.status_code == 200
    teks = response.text
    assert "Disimpan sebagai <code>2023/Evaluasi DLH 2023.xlsx</code>" in teks
    assert "formulir E.81 dari lembar" in teks
    assert "Dinas Lingkungan Hidup" in teks
    assert "s.d. TW 4" in teks
    assert 'id="temuan"' in teks
    assert (server.masukan / "2023" / "Evaluasi DLH 2023.xlsx").read_bytes() == path.read_bytes()
    assert penerimaan(server.masukan)["2023/Evaluasi DLH 2023.xlsx"].oleh == server.analis


def test_replaced_file_goes_to_the_history_and_is_read_once(server: Server, tmp_path: Path) -> None:
    client = server.client()
    masuk(client, server.analis)
    server.tunggu_build()
    lama = (server.masukan / "2023" / "dinsos.xlsx").read_bytes()
    baru = workbook(tmp_path, "dinsos.xlsx", "Dinas Sosial", nilai=70)
    assert unggah(client, baru).status_code == 200
    assert (server.masukan / "2023" / "dinsos.xlsx").read_bytes() == baru.read_bytes()
    (versi,) = (server.masukan / FOLDER_RIWAYAT / "2023").glob("*-dinsos.xlsx")
    assert versi.read_bytes() == lama
    server.tunggu_build()
    # the same OPD-year under another name replaces the file the last build read for it
    lagi = workbook(tmp_path, "Dinsos 2023 rev.xlsx", "Dinas Sosial", nilai=75)
    response = unggah(client, lagi)
    assert "dinsos.xlsx" in response.text  # named as replaced
    assert not (server.masukan / "2023" / "dinsos.xlsx").exists()
    assert len(list((server.masukan / FOLDER_RIWAYAT / "2023").glob("*-dinsos.xlsx"))) == 2
    kumpulan = kumpulkan(server.masukan)
    assert sorted(m.berkas for m in kumpulan.masalah if m.kode == "formulir-ganda") == []
    assert kumpulan.jumlah_berkas == len(_workbook_masukan(server))
    assert [lap.opd for lap in kumpulan.laporan].count("Dinas Sosial") == 1
    assert not any(p.name.startswith(".unggah-") for p in server.masukan.rglob("*"))


def test_year_comes_from_the_workbook(server: Server, tmp_path: Path) -> None:
    client = server.client()
    masuk(client, server.analis)
    path = workbook(tmp_path, "pupr.xlsx", "Dinas PUPR", tahun=2024)
    assert unggah(client, path).status_code == 200
    assert (server.masukan / "2024" / "pupr.xlsx").is_file()


def test_unreadable_workbook_is_not_placed(server: Server, tmp_path: Path) -> None:
    client = server.client()
    masuk(client, server.analis)
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"PK\x03\x04 bukan workbook")
    response = unggah(client, rusak)
    assert "tidak dapat dibaca sehingga tidak disimpan" in response.text
    assert not list(server.masukan.rglob("rusak.xlsx"))


@pytest.mark.parametrize("nama", ["a/b.xlsx", "..", ".x.xlsx", "x.csv", "", "a\x07.xlsx"])
def test_name_check(nama: str) -> None:
    with pytest.raises(UnggahanDitolak):
        periksa_nama(nama)


def test_name_check_keeps_a_clerk_s_name() -> None:
    assert (
        periksa_nama(" Eval Renja PUPR 2024 (final).xlsx ") == "Eval Renja PUPR 2024 (final).xlsx"
    )
