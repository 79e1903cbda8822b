"""What every page shares: templates, the session cookie, CSRF, security headers, the request
size limit and the Indonesian error pages (never a traceback)."""

from __future__ import annotations

import logging
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kinerja_report import formats
from kinerja_report.web.sesi import NAMA_COOKIE, UMUR_SESI, DaftarSesi, Sesi, csrf_cocok

log = logging.getLogger(__name__)

FOLDER_WEB = Path(str(resources.files("kinerja_report.web")))
FOLDER_TEMPLAT = FOLDER_WEB / "templat"
FOLDER_STATIS = FOLDER_WEB / "statis"

PESAN_GALAT = {
    400: ("Permintaan tidak valid", "Permintaan tidak dapat diproses."),
    403: ("Akses ditolak", "Anda tidak berhak membuka halaman atau berkas ini."),
    404: ("Tidak ditemukan", "Halaman atau berkas yang diminta tidak ada."),
    405: ("Metode tidak diizinkan", "Halaman ini tidak menerima permintaan seperti itu."),
    413: ("Berkas terlalu besar", "Ukuran unggahan melebihi batas."),
    429: ("Terlalu banyak percobaan", "Tunggu beberapa menit lalu coba lagi."),
    500: (
        "Terjadi galat pada server",
        "Permintaan tidak dapat diselesaikan. Coba lagi; bila berulang, hubungi pengelola.",
    ),
}

KEAMANAN = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


def _waktu(nilai: datetime | None) -> str:
    if nilai is None:
        return ""
    lokal = nilai.astimezone()
    return f"{formats.tanggal(lokal.date())} {lokal:%H.%M}"


def _angka_csv(teks: str) -> str:
    """A number as capaian.csv writes it ('87.5'), shown the Indonesian way ('87,5'); text
    stays as it is."""
    try:
        nilai = float(teks)
    except ValueError:
        return teks
    return formats.angka(nilai, 2) if teks.strip() else teks


def lingkungan() -> Environment:
    env = Environment(
        loader=FileSystemLoader(FOLDER_TEMPLAT),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["angka"] = formats.angka
    env.filters["persen"] = formats.persen
    env.filters["waktu"] = _waktu
    env.filters["angka_csv"] = _angka_csv
    return env


class Halaman:
    """Renders pages with the visitor's session (made when there is none)."""

    def __init__(self, sesi: DaftarSesi, judul_aplikasi: str) -> None:
        self.sesi = sesi
        self.env = lingkungan()
        self.judul_aplikasi = judul_aplikasi

    def sesi_dari(self, request: Request) -> Sesi | None:
        return self.sesi.ambil(request.cookies.get(NAMA_COOKIE))

    def pastikan_sesi(self, request: Request) -> Sesi:
        sesi = self.sesi_dari(request)
        if sesi is None:
            sesi = self.sesi.baru()
            request.state.sesi_baru = sesi
        return sesi

    def render(
        self, request: Request, templat: str, kode_http: int = 200, **konteks: Any
    ) -> Response:
        sesi = self.pastikan_sesi(request)
        pesan, sesi.pesan = sesi.pesan, []
        teks = self.env.get_template(templat).render(
            sesi=sesi, csrf=sesi.csrf, pesan=pesan, aplikasi=self.judul_aplikasi, **konteks
        )
        return self.dengan_cookie(request, HTMLResponse(teks, status_code=kode_http))

    def dengan_cookie(self, request: Request, response: Response) -> Response:
        baru: Sesi | None = getattr(request.state, "sesi_baru", None)
        if baru is not None:
            pasang_cookie(response, baru)
        return response


def pasang_cookie(response: Response, sesi: Sesi) -> None:
    response.set_cookie(
        NAMA_COOKIE, sesi.id, max_age=UMUR_SESI, httponly=True, samesite="lax", path="/"
    )


class Tolak(HTTPException):
    """A refusal with a message for the user (Indonesian), shown on the error page."""


def wajib_csrf(halaman: Halaman, request: Request, dikirim: object) -> Sesi:
    """The visitor's session when the form's CSRF token is its own; else 403."""
    sesi = halaman.sesi_dari(request)
    if not csrf_cocok(sesi, dikirim if isinstance(dikirim, str) else None):
        raise Tolak(403, "Formulir kedaluwarsa atau tidak sah; muat ulang halaman.")
    assert sesi is not None
    return sesi


class BadanTerlaluBesar(Exception):
    """The request body passed the size limit."""


class Pelindung:
    """ASGI middleware: security headers on every response; a request body past ``batas``
    bytes is refused (413), by its Content-Length or while it streams."""

    def __init__(self, app: ASGIApp, batas: int, halaman: Halaman) -> None:
        self.app, self.batas, self.halaman = app, batas, halaman

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        dimulai = False

        async def kirim(message: Message) -> None:
            nonlocal dimulai
            if message["type"] == "http.response.start":
                dimulai = True
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *KEAMANAN]
            await send(message)

        panjang = dict(scope.get("headers") or []).get(b"content-length")
        if panjang is not None and panjang.isdigit() and int(panjang) > self.batas:
            response = halaman_galat(self.halaman, Request(scope), 413)
            await response(scope, receive, kirim)
            return
        diterima = 0

        async def terima() -> Message:
            nonlocal diterima
            message = await receive()
            if message["type"] == "http.request":
                diterima += len(message.get("body", b""))
                if diterima > self.batas:
                    raise BadanTerlaluBesar
            return message

        try:
            await self.app(scope, terima, kirim)
        except Exception:
            # answered here, not re-raised: the server would close the connection
            log.exception("galat tak terduga pada %s", scope.get("path"))
            if not dimulai:
                await halaman_galat(self.halaman, Request(scope), 500)(scope, receive, kirim)


def halaman_galat(halaman: Halaman, request: Request, status: int, rincian: str = "") -> Response:
    judul, pesan = PESAN_GALAT.get(status, PESAN_GALAT[500])
    return halaman.render(
        request,
        "galat.html.j2",
        kode_http=status,
        kode=status,
        judul=judul,
        keterangan=pesan,
        rincian=rincian,
    )
