"""The pages in a real browser: Debian's chromium driven by Playwright (never downloaded)."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from kinerja_report.web import akun, tautan
from kinerja_report.web.aplikasi import buat_aplikasi
from tests.web.bantu import SANDI, ServerHidup, workbook

CHROMIUM = Path("/usr/bin/chromium")
SAMPEL = Path(__file__).resolve().parents[2] / "sample_data"
ARGUMEN = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)


@pytest.fixture(scope="module")
def hidup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServerHidup, Path]]:
    root = tmp_path_factory.mktemp("peramban")
    masukan = root / "masukan"
    workbook(masukan / "2023", "bappeda.xlsx", "Bappeda")
    akun.tambah_pengguna("peramban", SANDI)
    app = buat_aplikasi(masukan, root / "hasil", jobs=1)
    with ServerHidup(app) as server:
        assert app.state.k.pekerja.tunggu_tenang(180)
        yield server, root


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGUMEN)
        yield b
        b.close()


def test_analyst_uploads_sees_findings_and_downloads_the_e81(
    hidup: tuple[ServerHidup, Path], browser: object, tmp_path: Path
) -> None:
    server, _ = hidup
    sumber = SAMPEL / "2024" / "evaluasi-renja-dinas-sosial-2024.xlsx"
    berkas = shutil.copy(sumber, tmp_path / sumber.name)
    context = browser.new_context(accept_downloads=True, viewport={"width": 1366, "height": 768})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{server.url}/masuk")
    page.fill("input[name=nama]", "peramban")
    page.fill("input[name=sandi]", SANDI)
    page.click("button[type=submit]")
    page.wait_for_selector("#papan")
    page.goto(f"{server.url}/unggah")
    page.set_input_files("#berkas", str(berkas))
    page.click("#kirim")
    page.wait_for_selector("#hasil")
    assert "Disimpan sebagai" in page.inner_text("#hasil")
    assert "Dinas Sosial" in page.inner_text("#hasil")
    sel = [t.strip() for t in page.locator("#temuan td.sel").all_inner_texts()]
    assert any(sel), "findings name their cells"
    page.wait_for_selector("#kemajuan[data-selesai=ya]", timeout=180_000)
    page.goto(f"{server.url}/?tahun=2024")
    tautan_pdf = page.locator("a[href='/unduh/2024/evaluasi/dinas-sosial.pdf']")
    with page.expect_download() as unduhan:
        tautan_pdf.click()
    data = Path(unduhan.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    teks = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Dinas Sosial" in " ".join(teks.split())
    context.close()


def test_opd_link_uploads_its_own_and_is_refused_the_others(
    hidup: tuple[ServerHidup, Path], browser: object, tmp_path: Path
) -> None:
    server, _ = hidup
    _, token = tautan.buat_tautan("Dinas Lingkungan Hidup", "peramban", 7)
    berkas = workbook(tmp_path, "dlh-2023.xlsx", "Dinas Lingkungan Hidup")
    context = browser.new_context(viewport={"width": 1366, "height": 768})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{server.url}/t/{token}")
    assert page.url.endswith("/opd")
    page.set_input_files("#berkas", str(berkas))
    page.click("#kirim")
    page.wait_for_selector("#hasil")
    assert "Disimpan sebagai" in page.inner_text("#hasil")
    assert "bappeda.xlsx" not in page.content()
    for path in (
        "/opd?opd=Bappeda",
        "/unduh/2023/evaluasi/bappeda.pdf",
        "/unduh/2023/verifikasi/bappeda.pdf",
        "/unduh/capaian.csv",
    ):
        response = page.goto(f"{server.url}{path}")
        assert response is not None
        assert response.status in {403, 404}, path
        assert "Traceback" not in page.content()
    context.close()
