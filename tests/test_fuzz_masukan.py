"""Property tests over what the user controls: folder and file names, settings values, and
the state a build leaves in OUT (the store, the manifest, the output list).

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
import sqlite3
import tempfile
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from kinerja_report.cli import main
from kinerja_report.pipeline import kumpulkan
from kinerja_report.read.cache import CacheBaca
from kinerja_report.read.normalize import kunci_nama, slug, slug_unik
from kinerja_report.segel import kunci_rahasia
from kinerja_report.settings import SKEMA
from kinerja_report.write.daftar import NAMA_DAFTAR, sidik
from kinerja_report.write.manifest import (
    NAMA_MANIFEST,
    Keluaran,
    isi_jurnal,
    isi_manifest,
    segel_manifest,
)
from kinerja_report.write.riwayat import (
    NAMA_RIWAYAT,
    CatatanBuild,
    buka_riwayat,
    catat_build,
    simpan_cache,
)

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
    sub = masukan / _nama(b"d" + folder[:250])  # not hidden: a hidden folder is not read
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


# -- the state a build leaves in OUT: the store, the manifest, the output list (issue 27) -------

FUZZ_KEADAAN = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,  # a fixed seed: the same examples on every run
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
JURNAL_SISA = ".sementara-1-sisa/.jurnal.json"
"""The journal a build killed while moving its outputs in leaves (see output_dir)."""
BERKAS_KEADAAN = ("kinerja.sqlite", "manifest.json", NAMA_DAFTAR, JURNAL_SISA)


@pytest.fixture(scope="module")
def keadaan_dasar(tmp_path_factory: pytest.TempPathFactory, workbook_baik: bytes) -> Path:
    """A folder with: ``baik/`` (a good workbook, as recorded in the store), ``rusak/`` (a
    workbook that fails: its builds make no PDF, so they are quick) and ``out/``: a store of
    two builds that read different values, with a sealed reading cache, a sealed manifest and
    an older version's output list and a killed build's journal, as builds leave them."""
    root = tmp_path_factory.mktemp("keadaan")
    baik, rusak, out = root / "baik", root / "rusak", root / "out"
    baik.mkdir()
    (rusak / "2023").mkdir(parents=True)
    (rusak / "2023" / "dinkes.xlsx").write_bytes(b"%PDF-1.7 bukan workbook")
    out.mkdir()
    for isi in (workbook_baik, workbook_baik.replace(b"Bappeda", b"Bappedb")):
        (baik / "bappeda.xlsx").write_bytes(isi)
        cache = CacheBaca()
        kumpulan = kumpulkan(baik, cache=cache)
        baris = [(lap.berkas, row) for lap in kumpulan.laporan for row in lap.baris]
        catatan = CatatanBuild(str(baik), "-", kumpulan.jejak, baris, kumpulan.masalah, {}, 1)
        with buka_riwayat(out / NAMA_RIWAYAT) as conn:
            catat_build(conn, catatan, datetime.now(UTC))
            simpan_cache(conn, cache.dipakai)
    csv = b"tahun;opd\n2023;Bappeda\n"
    (out / "capaian.csv").write_bytes(csv)
    keluaran = {"capaian.csv": Keluaran(sidik(csv), len(csv))}
    (out / NAMA_MANIFEST).write_bytes(
        isi_manifest(kumpulan.pengaturan, kumpulan.jejak, keluaran, datetime.now(UTC))
    )
    daftar = {"versi": 1, "berkas": {"capaian.csv": sidik(csv)}}  # as older versions wrote it
    (out / NAMA_DAFTAR).write_text(json.dumps(daftar), encoding="utf-8")
    (out / JURNAL_SISA).parent.mkdir()
    (out / JURNAL_SISA).write_bytes(isi_jurnal(keluaran))
    return root


def _salin_keadaan(dasar: Path, tmp_path: Path) -> tuple[Path, Path]:
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    shutil.copytree(dasar / "out", root / "out")
    return root, root / "out"


def _periksa_perintah(dasar: Path, out: Path) -> None:
    """Every command that reads OUT's state ends with a status of its own and an Indonesian
    message, never 3 (verifikasi's 5 and 6 say the manifest is not authentic / not
    confirmed)."""
    perintah = [
        (["riwayat", str(dasar / "baik"), "--out", str(out)], {0, 2}),
        (["verifikasi", str(out)], {0, 1, 2, 5, 6}),
        (["build", str(dasar / "rusak"), "--out", str(out), "--jobs", "1"], {1, 2}),
        (["riwayat", str(dasar / "rusak"), "--out", str(out)], {0, 2}),
        (["verifikasi", str(out)], {0, 1, 2, 5, 6}),
    ]
    for args, boleh in perintah:
        result = CliRunner().invoke(main, args)
        assert result.exit_code in boleh, (args, result.output)
        assert "Traceback" not in result.output
        assert "Galat tak terduga" not in result.output
        assert not KENDALI.search(result.output), repr(result.output)
        if result.exit_code == 2:
            assert "Galat: " in result.stderr
        else:
            assert result.stdout.strip() or result.stderr.strip()
        event(f"{args[0]} exit {result.exit_code}")


NILAI_SQL = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.binary(max_size=20),
)
TABEL = st.sampled_from(
    [
        "skema",
        "build",
        "berkas",
        "versi_berkas",
        "build_masukan",
        "build_keluaran",
        "indikator",
        "nilai",
        "masalah",
        "cache_baca",
    ]
)
KOLOM = st.sampled_from(
    [
        "versi",
        "id",
        "waktu",
        "path",
        "berkas_id",
        "versi_id",
        "build_id",
        "tahun",
        "opd",
        "kode",
        "indikator",
        "indikator_id",
        "kolom",
        "angka",
        "teks",
        "sel",
        "urutan",
        "kunci",
        "isi",
        "segel",
        "dihapus_build",
        "sha256",
    ]
)


@st.composite
def perubahan_sql(draw: st.DrawFn) -> tuple[str, tuple[object, ...]]:
    tabel = draw(TABEL)
    jenis = draw(st.integers(0, 6))
    if jenis == 0:
        return f"UPDATE {tabel} SET {draw(KOLOM)} = ?", (draw(NILAI_SQL),)
    if jenis == 1:
        return f"DROP TABLE {tabel}", ()
    if jenis == 2:
        return f"DELETE FROM {tabel}", ()
    if jenis == 3:
        aksi = draw(
            st.sampled_from(
                [
                    "SELECT RAISE(IGNORE);",
                    "SELECT RAISE(ABORT, 'ditolak');",
                    "DELETE FROM berkas;",
                    "UPDATE build SET waktu = x'00';",
                ]
            )
        )
        kapan = draw(st.sampled_from(["BEFORE INSERT", "AFTER INSERT", "BEFORE UPDATE"]))
        return f"CREATE TRIGGER p{draw(st.integers(0, 99))} {kapan} ON {tabel} BEGIN {aksi} END", ()
    if jenis == 4:
        return f"CREATE VIEW v AS SELECT * FROM {tabel}", ()
    if jenis == 5:
        nilai = draw(st.lists(NILAI_SQL, min_size=1, max_size=14))
        return f"INSERT INTO {tabel} VALUES ({', '.join('?' * len(nilai))})", tuple(nilai)
    return f"ALTER TABLE {tabel} RENAME TO {tabel}_lama", ()


@st.composite
def isi_riwayat(draw: st.DrawFn) -> tuple[str, Any]:
    jenis = draw(st.sampled_from(["acak", "kepala-sqlite", "bit", "sql"]))
    if jenis == "acak":
        return jenis, draw(st.binary(max_size=2048))
    if jenis == "kepala-sqlite":
        return jenis, b"SQLite format 3\x00" + draw(st.binary(max_size=4096))
    if jenis == "bit":
        return jenis, draw(
            st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), max_size=8)
        )
    return jenis, draw(st.lists(perubahan_sql(), min_size=1, max_size=4))


@FUZZ_KEADAAN
@given(isi=isi_riwayat())
def test_fuzz_riwayat(tmp_path: Path, keadaan_dasar: Path, isi: tuple[str, Any]) -> None:
    """Random bytes, flipped bytes, and valid SQLite stores with wrong types, missing tables
    and triggers, as OUT/kinerja.sqlite."""
    root, out = _salin_keadaan(keadaan_dasar, tmp_path)
    db = out / NAMA_RIWAYAT
    jenis, data = isi
    event(jenis)
    if jenis == "bit":
        asli = bytearray(db.read_bytes())
        for posisi, nilai in data:
            asli[posisi % len(asli)] = nilai
        db.write_bytes(bytes(asli))
    elif jenis == "sql":
        with closing(sqlite3.connect(db)) as conn:
            for sql, parameter in data:
                try:
                    with conn:
                        conn.execute(sql, parameter)
                except sqlite3.Error:
                    event("pernyataan ditolak SQLite")
    else:
        db.write_bytes(data)
    _periksa_perintah(keadaan_dasar, out)
    shutil.rmtree(root)


JSON_ACAK = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=20),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _bersarang(dalam: int) -> bytes:
    return b'{"keluaran": ' + b"[" * dalam + b"]" * dalam + b"}"


@st.composite
def isi_json(draw: st.DrawFn, dasar: dict[str, Any]) -> bytes:
    jenis = draw(st.sampled_from(["acak", "bersarang", "json", "ganti-medan"]))
    event(jenis)
    if jenis == "acak":
        return draw(st.binary(max_size=1024))
    if jenis == "bersarang":
        return _bersarang(draw(st.integers(1, 200_000)))
    if jenis == "json":
        return json.dumps(draw(JSON_ACAK)).encode("utf-8")
    data = json.loads(json.dumps(dasar))
    wadah = data
    for kunci in draw(st.lists(st.sampled_from(sorted(_kunci_bersarang(dasar))), max_size=3)):
        if isinstance(wadah, dict) and kunci in wadah:
            wadah = wadah[kunci]
    if isinstance(wadah, dict) and wadah:
        wadah[draw(st.sampled_from(sorted(wadah)))] = draw(JSON_ACAK)
    if draw(st.booleans()) and "format" in data:  # sealed: as authentic as our own
        data["segel"] = segel_manifest(data, kunci_rahasia())
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _kunci_bersarang(data: object) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {k for v in data.values() for k in _kunci_bersarang(v)}
    return set()


@FUZZ_KEADAAN
@given(data=st.data(), nama=st.sampled_from(["manifest.json", NAMA_DAFTAR, JURNAL_SISA]))
def test_fuzz_manifest_dan_daftar_keluaran(
    tmp_path: Path, keadaan_dasar: Path, data: st.DataObject, nama: str
) -> None:
    """Random bytes, nesting, random JSON and fields of the wrong type (sealed or not) as
    OUT/manifest.json, the older versions' OUT/.kinerja-keluaran.json and the journal of a
    killed build."""
    root, out = _salin_keadaan(keadaan_dasar, tmp_path)
    dasar = json.loads((out / nama).read_text(encoding="utf-8"))
    (out / nama).write_bytes(data.draw(isi_json(dasar)))
    _periksa_perintah(keadaan_dasar, out)
    shutil.rmtree(root)
