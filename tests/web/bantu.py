"""Helpers of the web tests: small masukan folders, logging in, CSRF tokens."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import httpx2 as httpx
from starlette.testclient import TestClient

from tests.builders import BARIS_CONTOH, buat_evaluasi

SANDI = "sandi-rahasia-123"
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def baris_opd(nilai: int) -> list[list[object]]:
    """The sample rows with a realisation that differs per OPD (so capaian differ)."""
    baris = [list(row) for row in BARIS_CONTOH]
    baris[0][16] = nilai
    return baris


def workbook(folder: Path, nama: str, opd: str, tahun: int = 2023, nilai: int = 95) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return buat_evaluasi(folder / nama, opd, tahun, baris_opd(nilai))


def csrf(client: TestClient, path: str = "/masuk") -> str:
    found = _CSRF.search(client.get(path).text)
    assert found is not None, f"no CSRF token on {path}"
    return found.group(1)


def masuk(client: TestClient, nama: str, sandi: str = SANDI) -> None:
    response = client.post(
        "/masuk", data={"csrf": csrf(client), "nama": nama, "sandi": sandi}, follow_redirects=False
    )
    assert response.status_code == 303, response.text


def unggah(
    client: TestClient, path: Path, nama: str | None = None, halaman: str = "/unggah"
) -> httpx.Response:
    """Upload ``path`` (as ``nama``) with the CSRF token of ``halaman`` ('/opd' for a link)."""
    return client.post(
        "/unggah",
        data={"csrf": csrf(client, halaman)},
        files={"berkas": (nama or path.name, path.read_bytes())},
    )


class ServerHidup:
    """The application served by uvicorn on a free port of 127.0.0.1, in a thread."""

    def __init__(self, app: object) -> None:
        import socket

        import uvicorn

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            app,  # type: ignore[arg-type]
            host="127.0.0.1",
            port=self.port,
            access_log=False,
            log_level="warning",
            limit_concurrency=200,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ServerHidup:
        self.thread.start()
        akhir = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < akhir, "uvicorn did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(30)
