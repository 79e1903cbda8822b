"""The project's own documentation: docs/ pages the code cites, every problem code explained,
and the Python example of docs/pustaka.md runs as written."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from kinerja_report.compute import verifikasi
from kinerja_report.problems import KATALOG, Tingkat
from tests.conftest import ROOT

DOCS = ROOT / "docs"
_RUJUKAN = re.compile(r"docs/([\w-]+\.md)")
_TAUTAN = re.compile(r"\]\(([^)#]+\.md)(?:#[^)]*)?\)")


def _berkas_kode() -> list[Path]:
    return [
        path
        for folder in ("kinerja_report", "scripts", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if "__pycache__" not in path.parts
    ]


def test_rujukan_docs_di_kode_ada() -> None:
    dirujuk = {
        (path.relative_to(ROOT).as_posix(), halaman)
        for path in _berkas_kode()
        for halaman in _RUJUKAN.findall(path.read_text(encoding="utf-8"))
    }
    assert len({halaman for _, halaman in dirujuk}) >= 4
    hilang = sorted((asal, h) for asal, h in dirujuk if not (DOCS / h).is_file())
    assert hilang == []


def test_tidak_merujuk_dokumen_di_luar_repositori() -> None:
    luar = "DOMAIN" + ".md"  # the steering notes are not part of the repository
    perujuk = [p.name for p in _berkas_kode() if luar in p.read_text(encoding="utf-8")]
    assert perujuk == []


def test_tautan_antarhalaman_ada() -> None:
    for halaman in [*DOCS.glob("*.md"), ROOT / "README.md"]:
        for target in _TAUTAN.findall(halaman.read_text(encoding="utf-8")):
            if "://" not in target:
                assert (halaman.parent / target).is_file(), (halaman.name, target)


def test_setiap_kode_masalah_dijelaskan() -> None:
    teks, _, _ = (
        (DOCS / "kode-masalah.md").read_text(encoding="utf-8").partition("## Pesan setiap kode")
    )
    for kode, jenis in KATALOG.items():
        baris = [line for line in teks.splitlines() if line.startswith(f"| `{kode}` |")]
        assert len(baris) == 1, kode
        assert f"| {jenis.tingkat.value} |" in baris[0], kode


def test_contoh_python_di_docs_berjalan(monkeypatch: pytest.MonkeyPatch) -> None:
    halaman = (DOCS / "pustaka.md").read_text(encoding="utf-8")
    (contoh,) = re.findall(r"```python\n(.*?)```", halaman, re.DOTALL)
    monkeypatch.chdir(ROOT)
    keluaran = io.StringIO()
    with contextlib.redirect_stdout(keluaran):
        exec(compile(contoh, "docs/pustaka.md", "exec"), {})
    teks = keluaran.getvalue()
    for kolom, dtype in (
        ("tahun", "int64"),
        ("capaian_persen", "float64"),
        ("kategori", "category"),
    ):
        assert re.search(rf"^{kolom} +{dtype}$", teks, re.MULTILINE), kolom
    assert "95.40740740740" in teks  # rumus A
    assert "95.6090651558" in teks  # rumus B
    assert teks.rstrip().endswith("71.39")


def test_tabel_pesan_dibuat_dari_katalog() -> None:
    """The messages in docs/kode-masalah.md are the catalogue's, written by the script:
    after adding a code, run ``python scripts/tulis_kode_masalah.py``."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "tulis_kode_masalah", ROOT / "scripts" / "tulis_kode_masalah.py"
    )
    assert spec is not None
    assert spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    teks = (DOCS / "kode-masalah.md").read_text(encoding="utf-8")
    assert modul.isi_baru(teks) == teks
    assert all(f"| `{kode}` | {jenis.tingkat.value} |" in teks for kode, jenis in KATALOG.items())


def test_setiap_saran_menyebut_yang_dilakukan() -> None:
    """A warning or error that asks no correction (an advisory finding of the verification
    note) says what the OPD may do instead; no code keeps a correction text outside the
    catalogue."""
    for kode, jenis in KATALOG.items():
        if jenis.tingkat is not Tingkat.INFO and not jenis.perlu_perbaikan:
            assert jenis.perbaikan, kode
    assert not hasattr(verifikasi, "PERBAIKAN")
