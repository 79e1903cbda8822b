"""HTTP-level tests of every security item of 'kinerja serve' (Starlette's TestClient)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kinerja_report.cli import main
from kinerja_report.web import server as web_server
from kinerja_report.web import tautan
from kinerja_report.web.simpanan import path_simpanan
from tests.builders import BARIS_CONTOH, buat_evaluasi
from tests.web.bantu import SANDI, csrf, masuk, unggah, workbook
from tests.web.conftest import Server


def _isi_masukan(server: Server) -> set[str]:
    return {p.relative_to(server.masukan).as_posix() for p in server.masukan.rglob("*")}


def test_serve_binds_localhost_unless_host_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dipanggil: list[tuple[str, int]] = []
    monkeypatch.setattr(
        web_server, "layani", lambda m, o, host, port, jobs=None: dipanggil.append((host, port))
    )
    (tmp_path / "masukan").mkdir()
    hasil = CliRunner().invoke(main, ["serve", str(tmp_path / "masukan"), "--out", "hasil"])
    assert hasil.exit_code == 0, hasil.output
    assert dipanggil == [("127.0.0.1", 8080)]
    assert "http://127.0.0.1:8080/" in hasil.output
    assert "hanya dari komputer ini" in hasil.output
    hasil = CliRunner().invoke(
        main, ["serve", str(tmp_path / "masukan"), "--host", "0.0.0.0", "--port", "9000"]
    )
    assert dipanggil[-1] == ("0.0.0.0", 9000)
    assert "http://0.0.0.0:9000/" in hasil.output
    assert "komputer lain" in hasil.output


def test_session_cookie_httponly_samesite(server: Server) -> None:
    client = server.client()
    response = client.get("/masuk")
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "content-security-policy" in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"


def test_pages_need_login(server: Server) -> None:
    client = server.client()
    for path in ("/", "/capaian", "/masalah", "/tautan", "/build", "/unduh/capaian.csv"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"] == "/masuk"


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/masuk", {"nama": "x", "sandi": "y"}),
        ("/tautan", {"opd": "Bappeda", "hari": "3"}),
        ("/build", {}),
        ("/keluar", {}),
    ],
)
def test_csrf_missing_or_wrong_is_refused(server: Server, path: str, data: dict[str, str]) -> None:
    client = server.client()
    masuk(client, server.analis)
    assert client.post(path, data=data).status_code == 403
    response = client.post(path, data={**data, "csrf": "salah"})
    assert response.status_code == 403
    assert "Formulir kedaluwarsa atau tidak sah" in response.text


def test_upload_without_csrf_is_refused(server: Server, tmp_path: Path) -> None:
    client = server.client()
    masuk(client, server.analis)
    sebelum = _isi_masukan(server)
    path = workbook(tmp_path, "dlh.xlsx", "Dinas Lingkungan Hidup")
    response = client.post("/unggah", files={"berkas": ("dlh.xlsx", path.read_bytes())})
    assert response.status_code == 403
    assert _isi_masukan(server) == sebelum


def test_login_is_rate_limited(server: Server) -> None:
    client = server.client()
    for _ in range(5):
        response = client.post(
            "/masuk", data={"csrf": csrf(client), "nama": server.analis, "sandi": "salah-salah"}
        )
        assert response.status_code == 401
        assert "Nama pengguna atau kata sandi salah." in response.text
    response = client.post(
        "/masuk", data={"csrf": csrf(client), "nama": server.analis, "sandi": SANDI}
    )
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in response.text
    server.app.state.k.batas_masuk._gagal.clear()  # the other tests log in from here too


@pytest.mark.parametrize(
    "nama",
    [
        "../luar.xlsx",
        "2023/../../luar.xlsx",
        "..\\luar.xlsx",
        ".tersembunyi.xlsx",
        "~$kunci.xlsx",
        "catatan.txt",
        "program.exe",
        "data.xlsx.exe",
    ],
)
def test_upload_name_checks(server: Server, tmp_path: Path, nama: str) -> None:
    client = server.client()
    masuk(client, server.analis)
    sebelum = _isi_masukan(server)
    path = workbook(tmp_path, "dlh.xlsx", "Dinas Lingkungan Hidup")
    response = unggah(client, path, nama)
    assert response.status_code == 400
    assert 'class="tolak"' in response.text
    assert _isi_masukan(server) == sebelum
    assert not (server.masukan.parent / "luar.xlsx").exists()


def test_oversized_upload_is_refused_with_a_message(server: Server) -> None:
    client = server.client()
    masuk(client, server.analis)
    sebelum = _isi_masukan(server)
    response = client.post(
        "/unggah",
        data={"csrf": csrf(client, "/unggah")},
        files={"berkas": ("besar.xlsx", b"0" * (400 * 1024))},
    )
    assert response.status_code == 413
    assert "Berkas terlalu besar" in response.text
    assert "Traceback" not in response.text
    assert _isi_masukan(server) == sebelum


@pytest.mark.parametrize(
    "path",
    [
        "/unduh/../../../../etc/passwd",
        "/unduh/%2e%2e/%2e%2e/etc/passwd",
        "/unduh/..%2fkinerja.sqlite",
        "/unduh//etc/passwd",
        "/unduh/kinerja.sqlite",
        "/unduh/.kinerja.lock",
        "/unduh/2023/evaluasi/tidak-ada.pdf",
    ],
)
def test_download_outside_the_outputs_is_refused(server: Server, path: str) -> None:
    client = server.client()
    masuk(client, server.analis)
    response = client.get(path)
    assert response.status_code in {403, 404}
    assert "root:" not in response.text
    assert "SQLite" not in response.text


def test_analyst_downloads_a_document_and_a_year(server: Server) -> None:
    client = server.client()
    masuk(client, server.analis)
    response = client.get("/unduh/2023/evaluasi/bappeda.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    response = client.get("/unduh/tahun/2023.zip")
    assert response.status_code == 200
    assert response.content.startswith(b"PK")


def test_cell_text_is_escaped(server: Server, tmp_path: Path) -> None:
    baris = [list(row) for row in BARIS_CONTOH]
    baris[0][4] = "<script>alert('x')</script> Persentase"
    path = buat_evaluasi(tmp_path / "skrip.xlsx", "Dinas <b>Skrip</b>", 2022, baris)
    client = server.client()
    masuk(client, server.analis)
    response = unggah(client, path)
    assert response.status_code == 200, response.text
    assert "<b>Skrip</b>" not in response.text
    assert "Dinas &lt;b&gt;Skrip&lt;/b&gt;" in response.text
    server.tunggu_build()
    response = client.get("/capaian", params={"tahun": "2022"})
    assert "&lt;script&gt;alert" in response.text
    assert "<script>alert" not in response.text


def _token_opd(opd: str, server: Server) -> str:
    return tautan.buat_tautan(opd, server.analis, 5)[1]


def test_wrong_expired_or_revoked_token_is_refused(server: Server) -> None:
    client = server.client()
    assert client.get("/t/bukan-token-yang-benar").status_code == 403
    item, token = tautan.buat_tautan("Bappeda", server.analis, 5)
    path = path_simpanan(tautan.NAMA_BERKAS)
    data = json.loads(path.read_text(encoding="utf-8"))
    data[item.id]["kedaluwarsa"] = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    path.write_text(json.dumps(data), encoding="utf-8")
    response = client.get(f"/t/{token}")
    assert response.status_code == 403
    assert "kedaluwarsa" in response.text
    token = _token_opd("Bappeda", server)
    opd = server.client()
    assert opd.get(f"/t/{token}").status_code == 200  # followed to /opd
    analis = server.client()
    masuk(analis, server.analis)
    (baru,) = [t for t in tautan.daftar_tautan() if t.opd == "Bappeda" and t.berlaku()][:1]
    response = analis.post(f"/tautan/{baru.id}/cabut", data={"csrf": csrf(analis, "/tautan")})
    assert response.status_code == 200
    assert opd.get("/opd").status_code == 403  # the open session ends with its link
    assert opd.get(f"/t/{token}").status_code == 403


def test_opd_link_sees_only_its_own_opd(server: Server, tmp_path: Path) -> None:
    token = _token_opd("Dinas Sosial", server)
    client = server.client()
    response = client.get(f"/t/{token}")
    assert response.status_code == 200
    assert "dinsos.xlsx" in response.text
    assert "bappeda.xlsx" not in response.text
    assert client.get("/opd", params={"opd": "Bappeda"}).status_code == 403
    assert client.get("/unduh/2023/verifikasi/dinas-sosial.pdf").status_code == 200
    for path in (
        "/unduh/2023/evaluasi/bappeda.pdf",
        "/unduh/2023/verifikasi/bappeda.pdf",
        "/unduh/capaian.csv",
        "/unduh/tahun/2023.zip",
    ):
        assert client.get(path, follow_redirects=False).status_code in {303, 403, 404}, path
    for path in ("/capaian", "/masalah", "/tautan", "/build"):
        assert client.get(path, follow_redirects=False).status_code == 303, path
    lain = workbook(tmp_path, "bappeda-palsu.xlsx", "Bappeda")
    sebelum = _isi_masukan(server)
    response = unggah(client, lain, halaman="/opd")
    assert response.status_code == 403
    assert "Tautan ini hanya untuk Dinas Sosial" in response.text
    assert _isi_masukan(server) == sebelum


def test_error_pages_are_indonesian_never_a_traceback(server: Server) -> None:
    async def rusak(request: Request) -> Response:
        raise RuntimeError("rahasia internal")

    server.app.router.routes.append(Route("/_rusak", rusak))
    client = server.client()
    response = client.get("/tidak-ada")
    assert response.status_code == 404
    assert "Tidak ditemukan" in response.text
    response = client.get("/_rusak")
    assert response.status_code == 500
    assert "Terjadi galat pada server" in response.text
    assert "rahasia internal" not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "Traceback" not in response.text
    response = client.delete("/")
    assert response.status_code == 405
    assert "Metode tidak diizinkan" in response.text


def test_assets_come_from_the_package(server: Server) -> None:
    client = server.client()
    page = client.get("/masuk").text
    assert "http://" not in page
    assert "https://" not in page
    assert client.get("/statis/web.css").status_code == 200
    assert client.get("/statis/web.js").status_code == 200
    assert client.get("/statis/../aplikasi.py").status_code == 404
