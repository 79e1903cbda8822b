"""The Starlette application of ``kinerja serve``: routes and their pages."""

from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kinerja_report import __version__
from kinerja_report.read.normalize import kunci_nama
from kinerja_report.web import akun, tautan
from kinerja_report.web.dasar import (
    FOLDER_STATIS,
    KEAMANAN,
    BadanTerlaluBesar,
    Halaman,
    Pelindung,
    Tolak,
    halaman_galat,
    pasang_cookie,
    wajib_csrf,
)
from kinerja_report.web.keluaran import BATAS_BARIS, baca_csv, berkas_aman, keluaran_manifest
from kinerja_report.web.pekerja import BarisOpd, BarisPeringatanPapan, Pekerja
from kinerja_report.web.sesi import BatasMasuk, DaftarSesi, Sesi
from kinerja_report.web.unggah import (
    BATAS_UNGGAH,
    HasilPeriksa,
    UnggahanDilarang,
    UnggahanDitolak,
    milik_opd,
    penerimaan,
    periksa_nama,
    periksa_unggahan,
    salin_terbatas,
    tempatkan,
)

STATUS_BELUM = "belum dibangun"


@dataclass
class Konteks:
    masukan: Path
    keluaran: Path
    pekerja: Pekerja
    halaman: Halaman
    batas_masuk: BatasMasuk = field(default_factory=BatasMasuk)
    batas_unggah: int = BATAS_UNGGAH


def _analis(k: Konteks, request: Request) -> Sesi:
    sesi = k.halaman.sesi_dari(request)
    if sesi is None or not sesi.analis:
        raise _KeMasuk
    return sesi


def _pengguna(k: Konteks, request: Request) -> Sesi:
    """An analyst's session, or an OPD's whose link is still valid."""
    sesi = k.halaman.sesi_dari(request)
    if sesi is not None and sesi.opd and not tautan.masih_berlaku(sesi.tautan_id):
        k.halaman.sesi.hapus(sesi)
        raise Tolak(403, "Tautan OPD ini sudah dicabut atau kedaluwarsa.")
    if sesi is None or not sesi.masuk:
        raise _KeMasuk
    return sesi


class _KeMasuk(Exception):
    """Not logged in: to the login page."""


def _konteks_build(k: Konteks) -> dict[str, Any]:
    """What the progress box shows; ``sejak``: builds finished when the page was made (the
    page says 'done' once a later build has finished and none is waiting)."""
    return {
        "build": k.pekerja.terakhir,
        "kemajuan": k.pekerja.kemajuan,
        "sejak": k.pekerja.jumlah_build,
        "antre": k.pekerja.antre,
    }


def _peringatan(k: Konteks) -> list[BarisPeringatanPapan]:
    return list(k.pekerja.terakhir.peringatan) if k.pekerja.terakhir else []


def _baris(k: Konteks) -> list[BarisOpd]:
    return list(k.pekerja.terakhir.baris) if k.pekerja.terakhir else []


def _boleh_diunduh(k: Konteks) -> frozenset[str]:
    if k.pekerja.terakhir and k.pekerja.terakhir.keluaran:
        return frozenset(k.pekerja.terakhir.keluaran)
    return frozenset(keluaran_manifest(k.keluaran))


def _milik(baris: BarisOpd, opd: str) -> bool:
    return kunci_nama(baris.opd) == kunci_nama(opd)


def _dokumen_opd(k: Konteks, opd: str) -> frozenset[str]:
    return frozenset(d for b in _baris(k) if _milik(b, opd) for d in b.dokumen)


def baris_papan(
    k: Konteks, tahun: str = "", status: str = "", opd: str = ""
) -> list[dict[str, Any]]:
    """The status board's rows: one per OPD and year/quarter of the last build, then the
    uploads not built yet."""
    diterima = penerimaan(k.masukan)
    rows: list[dict[str, Any]] = []
    dikenal = set()
    for b in _baris(k):
        dikenal.add(b.berkas)
        rows.append({"b": b, "terima": diterima.get(b.berkas), "status": b.status or "tahapan"})
    for relatif, item in sorted(diterima.items()):
        if relatif not in dikenal and (k.masukan / relatif).is_file():
            rows.append({"b": None, "terima": item, "status": STATUS_BELUM, "berkas": relatif})
    return [
        r
        for r in rows
        if (
            not tahun
            or (r["b"] is not None and str(r["b"].tahun) == tahun)
            or (r["b"] is None and r["berkas"].startswith(f"{tahun}/"))
        )
        and (not status or r["status"] == status)
        and (not opd or _baris_milik(r, opd))
    ]


def _baris_milik(row: dict[str, Any], opd: str) -> bool:
    """Whether a board row is ``opd``'s: its build row, or an upload of only its forms."""
    if row["b"] is not None:
        return _milik(row["b"], opd)
    daftar = row["terima"].opd
    return bool(daftar) and all(kunci_nama(o) == kunci_nama(opd) for o in daftar)


async def papan(request: Request) -> Response:
    k: Konteks = request.app.state.k
    sesi = k.halaman.sesi_dari(request)
    if sesi is not None and sesi.opd and not sesi.analis:
        return RedirectResponse("/opd", 303)
    _analis(k, request)
    tahun, status = request.query_params.get("tahun", ""), request.query_params.get("status", "")
    semua = baris_papan(k)
    return k.halaman.render(
        request,
        "papan.html.j2",
        baris=baris_papan(k, tahun, status),
        peringatan=[p for p in _peringatan(k) if not tahun or str(p.tahun) == tahun],
        daftar_tahun=sorted({str(r["b"].tahun) for r in semua if r["b"] is not None}),
        daftar_status=sorted({r["status"] for r in semua}),
        tahun=tahun,
        status=status,
        **_konteks_build(k),
    )


async def masuk_form(request: Request) -> Response:
    k: Konteks = request.app.state.k
    return k.halaman.render(request, "masuk.html.j2", nama="")


async def masuk(request: Request) -> Response:
    k: Konteks = request.app.state.k
    form = await request.form()
    sesi = wajib_csrf(k.halaman, request, form.get("csrf"))
    nama, sandi = str(form.get("nama", "")), str(form.get("sandi", ""))
    alamat = request.client.host if request.client else "?"
    kunci = (f"ip:{alamat}", f"nama:{nama}")
    if k.batas_masuk.terblokir(*kunci):
        return halaman_galat(k.halaman, request, 429)
    if not await run_in_threadpool(akun.cocok, nama, sandi):
        k.batas_masuk.catat_gagal(*kunci)
        sesi.pesan.append("Nama pengguna atau kata sandi salah.")
        return k.halaman.render(request, "masuk.html.j2", kode_http=401, nama=nama)
    baru = k.halaman.sesi.ganti(sesi)
    baru.analis = nama
    response = RedirectResponse("/", 303)
    pasang_cookie(response, baru)
    return response


async def keluar(request: Request) -> Response:
    k: Konteks = request.app.state.k
    form = await request.form()
    sesi = wajib_csrf(k.halaman, request, form.get("csrf"))
    k.halaman.sesi.hapus(sesi)
    response = RedirectResponse("/masuk", 303)
    response.delete_cookie("kinerja_sesi", path="/")
    return response


async def buka_tautan(request: Request) -> Response:
    k: Konteks = request.app.state.k
    item = tautan.cari_token(request.path_params["token"])
    if item is None:
        raise Tolak(403, "Tautan OPD tidak dikenal, sudah dicabut, atau kedaluwarsa.")
    lama = k.halaman.sesi_dari(request)
    sesi = k.halaman.sesi.ganti(lama) if lama is not None else k.halaman.sesi.baru()
    sesi.opd, sesi.tautan_id = item.opd, item.id
    response = RedirectResponse("/opd", 303)
    pasang_cookie(response, sesi)
    return response


async def halaman_opd(request: Request) -> Response:
    k: Konteks = request.app.state.k
    sesi = _pengguna(k, request)
    diminta = request.query_params.get("opd", "")
    if sesi.opd and diminta and kunci_nama(diminta) != kunci_nama(sesi.opd):
        raise Tolak(403, f"Tautan ini hanya untuk {sesi.opd}.")
    opd = sesi.opd or diminta
    if not opd:
        raise HTTPException(404)
    return _render_opd(k, request, opd)


def _render_opd(k: Konteks, request: Request, opd: str, **lain: Any) -> Response:
    baris = baris_papan(k, opd=opd)
    berkas = {r["b"].berkas for r in baris if r["b"] is not None}
    masalah = [m for m in baca_csv(k.keluaran / "masalah.csv") if m.get("berkas") in berkas]
    return k.halaman.render(
        request,
        "opd.html.j2",
        opd=opd,
        baris=baris,
        masalah=masalah,
        peringatan=[p for p in _peringatan(k) if kunci_nama(p.opd) == kunci_nama(opd)],
        **_konteks_build(k),
        **{"hasil": None, "galat": "", **lain},
    )


async def unggah_form(request: Request) -> Response:
    k: Konteks = request.app.state.k
    sesi = _pengguna(k, request)
    if sesi.opd:
        return RedirectResponse("/opd", 303)
    return k.halaman.render(request, "unggah.html.j2", hasil=None, galat="", **_konteks_build(k))


async def unggah(request: Request) -> Response:
    k: Konteks = request.app.state.k
    sesi = _pengguna(k, request)
    async with request.form(max_files=1, max_fields=10) as form:
        wajib_csrf(k.halaman, request, form.get("csrf"))
        berkas = form.get("berkas")
        tahun_form = str(form.get("tahun", "")).strip()
        try:
            if not isinstance(berkas, UploadFile) or not berkas.filename:
                raise UnggahanDitolak("Pilih workbook yang akan diunggah.")
            nama = periksa_nama(berkas.filename)
            hasil = await run_in_threadpool(_terima, k, sesi, berkas, nama, tahun_form)
        except UnggahanDitolak as exc:
            return _hasil_unggah(k, request, sesi, None, str(exc), exc.kode_http)
    return _hasil_unggah(k, request, sesi, hasil, "", 200)


def _hasil_unggah(
    k: Konteks, request: Request, sesi: Sesi, hasil: HasilPeriksa | None, galat: str, status: int
) -> Response:
    if sesi.opd:
        response = _render_opd(k, request, sesi.opd, hasil=hasil, galat=galat)
        response.status_code = status
        return response
    return k.halaman.render(
        request, "unggah.html.j2", kode_http=status, hasil=hasil, galat=galat, **_konteks_build(k)
    )


def _terima(k: Konteks, sesi: Sesi, berkas: UploadFile, nama: str, tahun_form: str) -> HasilPeriksa:
    with tempfile.TemporaryDirectory(prefix="kinerja-unggah-") as sementara:
        path = Path(sementara) / nama
        salin_terbatas(berkas.file, path, k.batas_unggah)
        hasil = periksa_unggahan(k.masukan, path, nama)
        if hasil.gagal:
            return hasil  # shown with its findings, not placed
        if sesi.opd and not milik_opd(hasil, sesi.opd):
            terbaca = ", ".join(sorted({f.opd for f in hasil.formulir})) or "tidak ada formulir"
            raise UnggahanDilarang(
                f"Tautan ini hanya untuk {sesi.opd}; workbook ini berisi: {terbaca}."
            )
        tahun = hasil.tahun
        if tahun is None and not sesi.opd and tahun_form.isdigit():
            tahun = int(tahun_form)
        if tahun is None or not 1900 < tahun < 2200:
            raise UnggahanDitolak(
                "Tahun tidak dapat ditentukan dari isi workbook; isi kolom Tahun."
            )
        lama = _berkas_lama(k, hasil)
        tempatkan(k.masukan, path, hasil, tahun, sesi.analis or f"tautan {sesi.opd}", lama)
    k.pekerja.minta()
    return hasil


def _berkas_lama(k: Konteks, hasil: HasilPeriksa) -> list[str]:
    """Other files holding only the same OPD-year-quarters as the upload (replaced by it)."""
    kunci = {(kunci_nama(f.opd), f.tahun, f.triwulan) for f in hasil.formulir}
    per_berkas: dict[str, set[tuple[str, int, int]]] = {}
    for b in _baris(k):
        per_berkas.setdefault(b.berkas, set()).add((kunci_nama(b.opd), b.tahun, b.triwulan))
    return sorted(b for b, isi in per_berkas.items() if kunci and isi <= kunci)


async def halaman_build(request: Request) -> Response:
    k: Konteks = request.app.state.k
    _analis(k, request)
    return k.halaman.render(request, "build.html.j2", **_konteks_build(k))


async def mulai_build(request: Request) -> Response:
    k: Konteks = request.app.state.k
    _analis(k, request)
    form = await request.form()
    sesi = wajib_csrf(k.halaman, request, form.get("csrf"))
    k.pekerja.minta()
    sesi.pesan.append("Build dijadwalkan; kemajuannya tampil di bawah.")
    return RedirectResponse("/build", 303)


async def status_build(request: Request) -> Response:
    k: Konteks = request.app.state.k
    sesi = _pengguna(k, request)
    data: dict[str, object] = k.pekerja.kemajuan.sebagai_dict()
    terakhir = k.pekerja.terakhir
    data["jumlah_build"] = k.pekerja.jumlah_build
    data["antre"] = k.pekerja.antre
    data["terakhir"] = (
        None
        if terakhir is None
        else {
            "berhasil": terakhir.berhasil,
            "pesan": terakhir.pesan if sesi.analis else "",
            "selesai": terakhir.selesai.isoformat(timespec="seconds"),
        }
    )
    return JSONResponse(data)


async def unduh(request: Request) -> Response:
    k: Konteks = request.app.state.k
    sesi = _pengguna(k, request)
    relatif = request.path_params["path"]
    boleh = _boleh_diunduh(k) if sesi.analis else _dokumen_opd(k, sesi.opd)
    path = berkas_aman(k.keluaran, relatif, boleh)
    if path is None:
        raise HTTPException(404)
    return FileResponse(path, filename=Path(relatif).name)


async def unduh_tahun(request: Request) -> Response:
    k: Konteks = request.app.state.k
    _analis(k, request)
    tahun = str(request.path_params["tahun"])
    daftar = sorted(r for r in _boleh_diunduh(k) if r.startswith(f"{tahun}/"))
    if not daftar:
        raise HTTPException(404)
    path = await run_in_threadpool(_zip, k, daftar)
    return FileResponse(
        path,
        filename=f"kinerja-{tahun}.zip",
        media_type="application/zip",
        background=BackgroundTask(os.unlink, path),
    )


def _zip(k: Konteks, daftar: list[str]) -> str:
    fd, nama = tempfile.mkstemp(prefix="kinerja-zip-", suffix=".zip")
    with os.fdopen(fd, "wb") as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as z:
        for relatif in daftar:
            path = berkas_aman(k.keluaran, relatif, frozenset(daftar))
            if path is not None:
                z.write(path, relatif)
    return nama


async def capaian(request: Request) -> Response:
    k: Konteks = request.app.state.k
    _analis(k, request)
    semua = baca_csv(k.keluaran / "capaian.csv")
    saring = {n: request.query_params.get(n, "") for n in ("opd", "tahun", "tingkat", "kategori")}
    baris = [r for r in semua if all(not v or r.get(n) == v for n, v in saring.items())]
    pilihan = {n: sorted({r.get(n, "") for r in semua} - {""}) for n in saring}
    return k.halaman.render(
        request,
        "capaian.html.j2",
        baris=baris[:BATAS_BARIS],
        jumlah=len(baris),
        batas=BATAS_BARIS,
        saring=saring,
        pilihan=pilihan,
    )


async def masalah(request: Request) -> Response:
    k: Konteks = request.app.state.k
    _analis(k, request)
    opd_berkas = {b.berkas: b.opd for b in _baris(k)}
    pilih = request.query_params.get("opd", "")
    kelompok: dict[str, list[dict[str, str]]] = {}
    for m in baca_csv(k.keluaran / "masalah.csv"):
        if m.get("tingkat") not in {"galat", "peringatan"}:
            continue
        opd = opd_berkas.get(m.get("berkas", ""), "(tingkat daerah dan lain-lain)")
        if not pilih or opd == pilih:
            kelompok.setdefault(opd, []).append(m)
    return k.halaman.render(
        request,
        "masalah.html.j2",
        kelompok=sorted(kelompok.items(), key=lambda x: x[0].casefold()),
        daftar_opd=sorted(set(opd_berkas.values()), key=str.casefold),
        pilih=pilih,
    )


async def daftar_tautan(request: Request) -> Response:
    k: Konteks = request.app.state.k
    _analis(k, request)
    return _render_tautan(k, request)


def _render_tautan(k: Konteks, request: Request, **lain: Any) -> Response:
    konteks: dict[str, Any] = {"baru": None, "token": "", **lain}
    return k.halaman.render(
        request,
        "tautan.html.j2",
        daftar=tautan.daftar_tautan(),
        daftar_opd=sorted({b.opd for b in _baris(k)}, key=str.casefold),
        dasar=str(request.base_url).rstrip("/"),
        **konteks,
    )


async def buat_tautan(request: Request) -> Response:
    k: Konteks = request.app.state.k
    sesi = _analis(k, request)
    form = await request.form()
    wajib_csrf(k.halaman, request, form.get("csrf"))
    opd = str(form.get("opd", "")).strip()
    hari = str(form.get("hari", "")).strip()
    if not opd or not hari.isdigit() or not 1 <= int(hari) <= 366:
        raise Tolak(400, "Pilih OPD dan masa berlaku 1 sampai 366 hari.")
    baru, token = tautan.buat_tautan(opd, sesi.analis, int(hari))
    return _render_tautan(k, request, baru=baru, token=token)


async def cabut_tautan(request: Request) -> Response:
    k: Konteks = request.app.state.k
    sesi = _analis(k, request)
    form = await request.form()
    wajib_csrf(k.halaman, request, form.get("csrf"))
    if not tautan.cabut(request.path_params["id"]):
        raise HTTPException(404)
    sesi.pesan.append("Tautan dicabut.")
    return RedirectResponse("/tautan", 303)


async def _galat_http(request: Request, exc: Exception) -> Response:
    k: Konteks = request.app.state.k
    assert isinstance(exc, HTTPException)
    rincian = str(exc.detail) if isinstance(exc, Tolak) else ""
    return halaman_galat(k.halaman, request, exc.status_code, rincian)


async def _galat_besar(request: Request, exc: Exception) -> Response:
    k: Konteks = request.app.state.k
    rincian = f"Ukuran unggahan melebihi {k.batas_unggah // (1024 * 1024)} MB."
    return halaman_galat(k.halaman, request, 413, rincian)


async def _ke_masuk(request: Request, exc: Exception) -> Response:
    return RedirectResponse("/masuk", 303)


async def _galat_server(request: Request, exc: Exception) -> Response:
    k: Konteks = request.app.state.k
    response = halaman_galat(k.halaman, request, 500)
    for nama, nilai in KEAMANAN:  # sent outside Pelindung, which adds them to the others
        response.headers[nama.decode()] = nilai.decode()
    return response


def buat_aplikasi(
    masukan: Path,
    keluaran: Path,
    jobs: int | None = None,
    build_awal: bool = True,
    batas_unggah: int = BATAS_UNGGAH,
) -> Starlette:
    """The web application over ``masukan`` and ``keluaran``. Its build worker starts with
    the application (and runs a first build when ``build_awal``)."""
    pekerja = Pekerja(masukan, keluaran, jobs)
    halaman = Halaman(DaftarSesi(), f"kinerja-report {__version__}")
    k = Konteks(masukan, keluaran, pekerja, halaman, batas_unggah=batas_unggah)

    @contextlib.asynccontextmanager
    async def hidup(app: Starlette) -> AsyncIterator[None]:
        pekerja.mulai()
        if build_awal:
            pekerja.minta()
        yield
        pekerja.hentikan()

    routes = [
        Route("/", papan),
        Route("/masuk", masuk_form, methods=["GET"]),
        Route("/masuk", masuk, methods=["POST"]),
        Route("/keluar", keluar, methods=["POST"]),
        Route("/t/{token}", buka_tautan),
        Route("/opd", halaman_opd),
        Route("/unggah", unggah_form, methods=["GET"]),
        Route("/unggah", unggah, methods=["POST"]),
        Route("/build", halaman_build, methods=["GET"]),
        Route("/build", mulai_build, methods=["POST"]),
        Route("/build/status", status_build),
        Route("/unduh/tahun/{tahun:int}.zip", unduh_tahun),
        Route("/unduh/{path:path}", unduh),
        Route("/capaian", capaian),
        Route("/masalah", masalah),
        Route("/tautan", daftar_tautan, methods=["GET"]),
        Route("/tautan", buat_tautan, methods=["POST"]),
        Route("/tautan/{id}/cabut", cabut_tautan, methods=["POST"]),
        Mount("/statis", StaticFiles(directory=FOLDER_STATIS), name="statis"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(Pelindung, batas=batas_unggah + 64 * 1024, halaman=halaman)],
        exception_handlers={
            HTTPException: _galat_http,
            BadanTerlaluBesar: _galat_besar,
            _KeMasuk: _ke_masuk,
            Exception: _galat_server,
        },
        lifespan=hidup,
    )
    app.state.k = k
    return app
