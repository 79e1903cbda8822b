"""One web application per test module over a small masukan folder (see bantu.py)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from kinerja_report.web import akun
from kinerja_report.web.aplikasi import buat_aplikasi
from tests.web.bantu import SANDI, workbook

_NOMOR = itertools.count()


@dataclass
class Server:
    app: Starlette
    masukan: Path
    keluaran: Path
    analis: str

    def client(self) -> TestClient:
        return TestClient(self.app, raise_server_exceptions=False)

    def tunggu_build(self) -> None:
        pekerja = self.app.state.k.pekerja
        assert pekerja.tunggu_tenang(180), "build did not finish"
        terakhir = pekerja.terakhir  # a failed build says why, not a later 404
        assert terakhir is not None, "no build ran"
        assert terakhir.berhasil, terakhir.pesan


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Bappeda and Dinas Sosial 2023 in MASUKAN, built once; an analyst account."""
    root = tmp_path_factory.mktemp("web")
    masukan, keluaran = root / "masukan", root / "hasil"
    workbook(masukan / "2023", "bappeda.xlsx", "Bappeda")
    workbook(masukan / "2023", "dinsos.xlsx", "Dinas Sosial", nilai=80)
    nama = f"analis{next(_NOMOR)}"
    akun.tambah_pengguna(nama, SANDI)
    app = buat_aplikasi(masukan, keluaran, jobs=1, batas_unggah=256 * 1024)
    with TestClient(app):  # runs the lifespan: the worker and its first build
        srv = Server(app, masukan, keluaran, nama)
        srv.tunggu_build()
        yield srv
