"""Property tests over what the user controls: folder and file names, and settings values.

Invariant, run through the CLI: exit 0, 1 or 2 with an Indonesian message, never 3 (an
unexpected error), no control character on the screen, nothing outside OUT touched. Few and
small examples, and builds without PDFs, so that the suite stays fast.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner, Result
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from kinerja_report.cli import main
from kinerja_report.read.normalize import kunci_nama, slug, slug_unik
from kinerja_report.settings import SKEMA

PENGATURAN_FUZZ = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
KENDALI = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def _bukan_nama_khusus(name: bytes) -> bool:
    return b"/" not in name and b"\0" not in name and name not in {b".", b".."}


NAMA_BYTE = st.binary(min_size=1, max_size=120).filter(_bukan_nama_khusus)
NAMA_UNICODE = (
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="/\0"),
        min_size=1,
        max_size=60,
    )
    .map(lambda text: text.encode("utf-8"))
    .filter(lambda name: len(name) <= 240 and _bukan_nama_khusus(name))
)
NAMA_PANJANG = st.integers(200, 250).map(lambda n: b"n" * n)
NAMA = st.one_of(NAMA_BYTE, NAMA_UNICODE, NAMA_PANJANG)


def _potret(root: Path, kecuali: Path | None = None) -> set[tuple[str, int, int]]:
    """Every path below ``root`` (but those below ``kecuali``) with its size and mtime."""
    return {
        (str(path), path.lstat().st_size, path.lstat().st_mtime_ns)
        for path in root.rglob("*")
        if kecuali is None or not path.is_relative_to(kecuali)
    }


def _periksa_hasil(result: Result) -> None:
    assert result.exit_code in {0, 1, 2}, result.output
    assert "Traceback" not in result.output
    assert "Galat tak terduga" not in result.output
    assert not KENDALI.search(result.output), repr(result.output)


def _nama(name: bytes) -> str:
    """A file name of any bytes, as Python's os functions take it (surrogateescape)."""
    return os.fsdecode(name)


@PENGATURAN_FUZZ
@given(folder=NAMA, berkas=NAMA, lain=NAMA, isi_baik=st.booleans())
def test_fuzz_nama_folder_dan_berkas_check(
    tmp_path: Path, workbook_baik: bytes, folder: bytes, berkas: bytes, lain: bytes, isi_baik: bool
) -> None:
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    sub = root / _nama(folder)
    sub.mkdir()
    isi = workbook_baik if isi_baik else b"\x00junk"
    (sub / _nama(berkas[:250] + b".xlsx")).write_bytes(isi)
    (sub / _nama(lain)).write_bytes(b"a;b\n")
    before = _potret(tmp_path)
    for args in (["check", str(root)], ["check", str(root), "--json"]):
        result = CliRunner().invoke(main, args)
        _periksa_hasil(result)
        assert result.exit_code in {0, 1}
    assert _potret(tmp_path) == before
    shutil.rmtree(root)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(folder=NAMA, berkas=NAMA)
def test_fuzz_nama_build_tanpa_pdf(tmp_path: Path, folder: bytes, berkas: bytes) -> None:
    """build with files that are no workbooks: every name goes to masalah.csv, no PDF."""
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    masukan = root / "in"
    sub = masukan / _nama(folder)
    sub.mkdir(parents=True)
    (sub / _nama(b"x" + berkas[:240] + b".xlsx")).write_bytes(b"%PDF-1.7")  # not hidden
    out = root / "out"
    before = _potret(root)
    result = CliRunner().invoke(main, ["build", str(masukan), "--out", str(out)])
    _periksa_hasil(result)
    assert result.exit_code == 1
    assert _potret(root, kecuali=out) == before
    masalah_csv = (out / "masalah.csv").read_bytes().decode("utf-8")  # valid UTF-8
    assert "bukan-excel" in masalah_csv
    shutil.rmtree(root)


@given(st.text(max_size=300))
def test_slug_selalu_aman_dan_pendek(text: str) -> None:
    name = slug(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name), name
    assert len(name) <= 89
    assert slug(text) == name


@given(st.lists(st.text(max_size=40), max_size=8))
def test_slug_unik_tidak_pernah_bentrok(names: list[str]) -> None:
    slugs = slug_unik(names, terpakai={"bupati"})
    for a in names:
        for b in names:
            assert (slugs[a] == slugs[b]) == (kunci_nama(a) == kunci_nama(b)), (a, b)
    assert "bupati" not in slugs.values()
    assert slug_unik(list(reversed(names)), terpakai={"bupati"}) == slugs


# -- settings ---------------------------------------------------------------------------


def _toml(value: object, depth: int = 0) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item, depth + 1) for item in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{k} = {_toml(v, depth + 1)}" for k, v in value.items()) + "}"


SKALAR = st.one_of(
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        ["A", "b", "F4", "a4", "lama", "negatif", "akhir", "jumlah", "2 Januari", "30 Februari"]
    ),
    st.sampled_from(["logo.png", "logo.svg", "../luar.png", "/proc/self/environ", "tidak.png"]),
)
NILAI = st.recursive(
    SKALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["batas", "label", "x"]), inner, max_size=2),
    ),
    max_leaves=6,
)
KUNCI = st.sampled_from(sorted((bagian, kunci) for bagian, keys in SKEMA.items() for kunci in keys))
TEKS_BIASA = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)
SAH: dict[str, st.SearchStrategy[object]] = {
    "ukuran_berkas_mb": st.floats(1, 500),
    "ukuran_isi_mb": st.floats(1, 500),
    "rasio_kompresi": st.floats(1, 500),
    "jumlah_anggota": st.integers(1, 10_000),
    "batas_rata_rata": st.integers(0, 200),
    "ambang_efisiensi": st.floats(0, 20),
    "awal": st.integers(2000, 2050),
    "akhir": st.integers(2050, 2100),
    "rumus_negatif": st.sampled_from(["A", "b"]),
    "ukuran_kertas": st.sampled_from(["F4", "a4"]),
    "seri_target": st.sampled_from(["lama", "baru"]),
    "polaritas": st.sampled_from(["positif", "negatif", ""]),
    "agregasi": st.sampled_from(["kumulatif", "akhir", "rata-rata"]),
    "antar_tahun": st.sampled_from(["jumlah", "terakhir"]),
    "tanggal_perjanjian": st.sampled_from(["2 Januari", "29 Februari"]),
    "logo": st.just("logo.png"),
    "kategori": st.lists(
        st.fixed_dictionaries({"batas": st.integers(0, 120), "label": TEKS_BIASA}),
        min_size=1,
        max_size=4,
    ),
}
"""Values each key accepts, so that valid settings are tried too (texts: any text)."""


@st.composite
def dokumen_toml(draw: st.DrawFn) -> str:
    keys = draw(st.lists(KUNCI, min_size=1, max_size=5, unique=True))
    per_bagian: dict[str, dict[str, object]] = {}
    for bagian, kunci in keys:
        sah = SAH.get(kunci, TEKS_BIASA)
        nilai = draw(st.one_of(sah, sah, sah, NILAI))  # mostly a value of the right kind
        per_bagian.setdefault(bagian, {})[kunci] = nilai
    if "indikator" in per_bagian:
        per_bagian["indikator"].setdefault("nama", "Indikator X")
    lines = []
    for bagian, items in per_bagian.items():
        lines.append(f"[[{bagian}]]" if bagian == "indikator" else f"[{bagian}]")
        lines.extend(f"{kunci} = {_toml(nilai)}" for kunci, nilai in items.items())
    if draw(st.integers(0, 9)) == 0:
        lines.append("x = " + "[" * 3000 + "]" * 3000)
    return "\n".join(lines) + "\n"


@PENGATURAN_FUZZ
@given(isi=dokumen_toml())
def test_fuzz_pengaturan(tmp_path: Path, workbook_baik: bytes, isi: str) -> None:
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    masukan = root / "in"
    masukan.mkdir()
    (masukan / "bappeda.xlsx").write_bytes(workbook_baik)
    Image.new("RGB", (4, 4)).save(masukan / "logo.png")
    (masukan / "logo.svg").write_text('<svg><image href="logo.svg"/></svg>', encoding="utf-8")
    (root / "luar.png").write_bytes((masukan / "logo.png").read_bytes())
    (masukan / "pengaturan.toml").write_text(isi, encoding="utf-8")
    before = _potret(root)
    result = CliRunner().invoke(main, ["check", str(masukan)])
    _periksa_hasil(result)
    event(f"exit {result.exit_code}")
    if result.exit_code == 2:
        assert "Galat: pengaturan.toml: Pengaturan tidak valid: " in result.stderr
    assert _potret(root) == before
    shutil.rmtree(root)
