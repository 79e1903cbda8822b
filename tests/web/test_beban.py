"""A bounded load test on 127.0.0.1: 8 OPDs upload at once while 50 clients read the status
board; no error responses, every upload in MASUKAN once, the final build equal to a CLI
build of the same folder. (The builds the uploads start render every new OPD's documents,
about a second each on two cores: 8 OPDs keep uploads racing each other and the readers
without 20 s of PDFs; issue 25, the suite within three minutes.)"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2 as httpx

from kinerja_report.web import akun, tautan
from kinerja_report.web.aplikasi import buat_aplikasi
from kinerja_report.web.unggah import FOLDER_RIWAYAT, penerimaan
from tests.web.bantu import SANDI, ServerHidup, workbook

JUMLAH_OPD = 8
JUMLAH_PEMBACA = 50
BATAS_DETIK = 60.0


def _csrf(client: httpx.Client, path: str) -> str:
    teks = client.get(path).text
    return teks.split('name="csrf" value="', 1)[1].split('"', 1)[0]


def _unggah_opd(url: str, token: str, path: Path) -> list[int]:
    with httpx.Client(base_url=url, timeout=60, follow_redirects=True) as client:
        kode = [client.get(f"/t/{token}").status_code]
        response = client.post(
            "/unggah",
            data={"csrf": _csrf(client, "/opd")},
            files={"berkas": (path.name, path.read_bytes())},
        )
        kode.append(response.status_code)
        assert "Disimpan sebagai" in response.text, response.text[-2000:]
    return kode


def _baca_papan(url: str, selesai: threading.Event) -> list[int]:
    kode: list[int] = []
    with httpx.Client(base_url=url, timeout=60, follow_redirects=True) as client:
        response = client.post(
            "/masuk", data={"csrf": _csrf(client, "/masuk"), "nama": "beban", "sandi": SANDI}
        )
        kode.append(response.status_code)
        while True:
            kode.append(client.get("/").status_code)
            kode.append(client.get("/build/status").status_code)
            if selesai.is_set():
                return kode


def test_parallel_uploads_while_the_board_is_read(tmp_path: Path) -> None:
    masukan, keluaran = tmp_path / "masukan", tmp_path / "hasil"
    workbook(masukan / "2023", "bappeda.xlsx", "Bappeda")
    akun.tambah_pengguna("beban", SANDI)
    opd = [f"Dinas Uji {i:02d}" for i in range(JUMLAH_OPD)]
    berkas = [
        workbook(tmp_path / "kiriman", f"evaluasi-{i:02d}.xlsx", nama, nilai=60 + i)
        for i, nama in enumerate(opd)
    ]
    token = [tautan.buat_tautan(nama, "beban", 1)[1] for nama in opd]
    app = buat_aplikasi(masukan, keluaran, jobs=1)
    with ServerHidup(app) as server:
        assert app.state.k.pekerja.tunggu_tenang(120)
        selesai = threading.Event()
        mulai = time.monotonic()
        with ThreadPoolExecutor(JUMLAH_OPD + JUMLAH_PEMBACA) as pool:
            pembaca = [pool.submit(_baca_papan, server.url, selesai) for _ in range(JUMLAH_PEMBACA)]
            unggahan = [
                pool.submit(_unggah_opd, server.url, t, p)
                for t, p in zip(token, berkas, strict=True)
            ]
            kode_unggah = [k for f in unggahan for k in f.result(timeout=BATAS_DETIK)]
            selesai.set()
            kode_baca = [k for f in pembaca for k in f.result(timeout=BATAS_DETIK)]
        durasi = time.monotonic() - mulai
        assert durasi < BATAS_DETIK, f"{durasi:.1f} s"
        assert set(kode_unggah) == {200}
        assert set(kode_baca) == {200}
        assert len(kode_baca) >= 3 * JUMLAH_PEMBACA
        assert app.state.k.pekerja.tunggu_tenang(300)
    ditempatkan = sorted(
        p.relative_to(masukan).as_posix()
        for p in masukan.rglob("*")
        if p.is_file() and FOLDER_RIWAYAT not in p.parts
    )
    assert ditempatkan == ["2023/bappeda.xlsx", *(f"2023/{p.name}" for p in berkas)]
    assert sorted(penerimaan(masukan)) == [f"2023/{p.name}" for p in berkas]
    # the CLI builds the same folder into a copy of the server's output (PDFs whose content
    # did not change are kept, as any incremental build does); it reads every workbook again
    cli = tmp_path / "hasil-cli"
    shutil.copytree(keluaran, cli, ignore=shutil.ignore_patterns(".kinerja.lock"))
    hasil = subprocess.run(
        [sys.executable, "-m", "kinerja_report", "build", str(masukan), "--out", str(cli)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert hasil.returncode in {0, 1}, hasil.stderr
    for nama in ("capaian.csv", "masalah.csv"):
        assert (keluaran / nama).read_bytes() == (cli / nama).read_bytes(), nama
    teks = (cli / "capaian.csv").read_text(encoding="utf-8")
    assert all(nama in teks for nama in opd)
