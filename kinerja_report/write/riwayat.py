"""The folder's history: an embedded SQLite store, ``OUT/kinerja.sqlite`` (no server).

Every build records what it read and wrote. Tables (see docs/perintah.md, "Riwayat"):

* ``build``: one row per build (time, tool version, settings hash, input folder, counts);
* ``berkas``: every input path ever seen; ``dihapus_build`` is the build that no longer found
  it (NULL while it is there);
* ``versi_berkas``: every version of a file (sha256, size, mtime, sheet kinds, years, OPDs,
  what was read, first and last seen). An unchanged file adds nothing; a changed one adds a
  version and the old ones stay;
* ``indikator`` and ``nilai``: every indicator row of a version and each of its values
  (target, realisasi, target_rp, realisasi_rp) with its source sheet and cell, stored once per
  version; ``capaian_persen`` and ``kategori`` are those of the latest build;
* ``build_masukan`` (the versions a build read), ``build_keluaran`` (what it wrote, sha256),
  ``masalah`` (the problems it found);
* ``perjanjian_kinerja``: every version of each Perjanjian Kinerja as first written (the
  PK of the start of the year and each Perubahan), sealed (:mod:`.riwayat_pk`);
* ``cache_baca``: what each workbook the latest build read yielded, as JSON, with its seal
  (:mod:`kinerja_report.read.cache`), so that an unchanged workbook is not parsed again;
* views ``riwayat_berkas`` (every version with its status) and ``capaian_terbaru`` (the values
  of the latest version of every file still there).

Everything a build records is one transaction: a build that stops half-way records nothing.
"""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kinerja_report import __version__
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.errors import (
    DiskPenuh,
    KeluaranTidakDapatDitulis,
    KinerjaError,
    RiwayatTidakValid,
    galat,
)
from kinerja_report.model import Nilai, Sumber
from kinerja_report.problems import Masalah, Tingkat
from kinerja_report.read.cache import segel_entri
from kinerja_report.read.jejak import JejakBerkas
from kinerja_report.read.sqlite_baca import tautan_basis_data
from kinerja_report.segel import kunci_rahasia

NAMA_RIWAYAT = "kinerja.sqlite"
VERSI_SKEMA = 1

SKEMA = """
CREATE TABLE IF NOT EXISTS skema (versi INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS build (
    id INTEGER PRIMARY KEY,
    waktu TEXT NOT NULL,
    versi_alat TEXT NOT NULL,
    sidik_pengaturan TEXT NOT NULL,
    folder_masukan TEXT NOT NULL,
    jumlah_workbook INTEGER NOT NULL,
    jumlah_galat INTEGER NOT NULL,
    jumlah_peringatan INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS berkas (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    dihapus_build INTEGER REFERENCES build(id)
);
CREATE TABLE IF NOT EXISTS versi_berkas (
    id INTEGER PRIMARY KEY,
    berkas_id INTEGER NOT NULL REFERENCES berkas(id),
    sha256 TEXT NOT NULL,
    ukuran INTEGER NOT NULL,
    mtime TEXT NOT NULL,
    jenis_lembar TEXT NOT NULL,
    tahun TEXT NOT NULL,
    opd TEXT NOT NULL,
    dibaca TEXT NOT NULL,
    gagal INTEGER NOT NULL,
    pertama_dilihat TEXT NOT NULL,
    terakhir_dilihat TEXT NOT NULL,
    build_pertama INTEGER NOT NULL REFERENCES build(id),
    build_terakhir INTEGER NOT NULL REFERENCES build(id),
    UNIQUE (berkas_id, sha256)
);
CREATE TABLE IF NOT EXISTS build_masukan (
    build_id INTEGER NOT NULL REFERENCES build(id),
    versi_id INTEGER NOT NULL REFERENCES versi_berkas(id),
    PRIMARY KEY (build_id, versi_id)
);
CREATE TABLE IF NOT EXISTS build_keluaran (
    build_id INTEGER NOT NULL REFERENCES build(id),
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    ukuran INTEGER NOT NULL,
    PRIMARY KEY (build_id, path)
);
CREATE TABLE IF NOT EXISTS indikator (
    id INTEGER PRIMARY KEY,
    versi_id INTEGER NOT NULL REFERENCES versi_berkas(id),
    urutan INTEGER NOT NULL,
    tahun INTEGER NOT NULL,
    opd TEXT NOT NULL,
    kode TEXT NOT NULL,
    tingkat TEXT NOT NULL,
    uraian TEXT NOT NULL,
    indikator TEXT NOT NULL,
    satuan TEXT NOT NULL,
    capaian_persen REAL,
    kategori TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS indikator_versi ON indikator (versi_id);
CREATE TABLE IF NOT EXISTS nilai (
    indikator_id INTEGER NOT NULL REFERENCES indikator(id),
    kolom TEXT NOT NULL,
    angka REAL,
    teks TEXT,
    lembar TEXT NOT NULL,
    sel TEXT NOT NULL,
    PRIMARY KEY (indikator_id, kolom)
);
CREATE TABLE IF NOT EXISTS masalah (
    build_id INTEGER NOT NULL REFERENCES build(id),
    tingkat TEXT NOT NULL,
    kode TEXT NOT NULL,
    berkas TEXT NOT NULL,
    lembar TEXT NOT NULL,
    sel TEXT NOT NULL,
    pesan TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS perjanjian_kinerja (
    tahun INTEGER NOT NULL,
    slug TEXT NOT NULL,
    versi INTEGER NOT NULL,
    build_id INTEGER NOT NULL REFERENCES build(id),
    isi TEXT NOT NULL,
    segel TEXT NOT NULL,
    PRIMARY KEY (tahun, slug, versi)
);
CREATE TABLE IF NOT EXISTS cache_baca (
    kunci TEXT PRIMARY KEY,
    isi TEXT NOT NULL,
    segel TEXT NOT NULL
);
CREATE VIEW IF NOT EXISTS versi_terbaru AS
    SELECT v.* FROM versi_berkas v JOIN berkas b ON b.id = v.berkas_id
    WHERE b.dihapus_build IS NULL
      AND v.id = (SELECT MAX(id) FROM versi_berkas WHERE berkas_id = v.berkas_id);
CREATE VIEW IF NOT EXISTS riwayat_berkas AS
    SELECT b.path AS berkas,
           (SELECT COUNT(*) FROM versi_berkas w
             WHERE w.berkas_id = v.berkas_id AND w.id <= v.id) AS versi_ke,
           v.sha256, v.ukuran, v.mtime, v.jenis_lembar, v.tahun, v.opd, v.gagal,
           v.pertama_dilihat, v.terakhir_dilihat,
           CASE
             WHEN v.id <> (SELECT MAX(id) FROM versi_berkas WHERE berkas_id = v.berkas_id)
               THEN 'lama'
             WHEN b.dihapus_build IS NOT NULL THEN 'dihapus'
             ELSE 'terkini'
           END AS status
    FROM versi_berkas v JOIN berkas b ON b.id = v.berkas_id
    ORDER BY b.path, v.id;
CREATE VIEW IF NOT EXISTS capaian_terbaru AS
    SELECT i.tahun, i.opd, i.kode, i.tingkat, i.uraian, i.indikator, i.satuan,
           MAX(CASE WHEN n.kolom = 'target' THEN COALESCE(n.angka, n.teks) END) AS target,
           MAX(CASE WHEN n.kolom = 'realisasi' THEN COALESCE(n.angka, n.teks) END) AS realisasi,
           i.capaian_persen, i.kategori,
           MAX(CASE WHEN n.kolom = 'target_rp' THEN n.angka END) AS target_rp,
           MAX(CASE WHEN n.kolom = 'realisasi_rp' THEN n.angka END) AS realisasi_rp,
           b.path AS berkas,
           MAX(CASE WHEN n.kolom = 'realisasi' THEN n.lembar || '!' || n.sel END)
             AS sel_realisasi,
           v.sha256 AS sha256_berkas
    FROM indikator i
    JOIN versi_terbaru v ON v.id = i.versi_id
    JOIN berkas b ON b.id = v.berkas_id
    LEFT JOIN nilai n ON n.indikator_id = i.id
    GROUP BY i.id
    ORDER BY i.tahun, i.opd, i.urutan;
"""

KOLOM_NILAI = ("target", "realisasi", "target_rp", "realisasi_rp")


@contextmanager
def buka_riwayat(path: Path) -> Iterator[sqlite3.Connection]:
    """The store at ``path`` (created with its schema when missing), in one transaction that
    is committed when the block ends normally. Raises
    :class:`~kinerja_report.errors.RiwayatTidakValid` when it is no store of ours (or no
    regular file: a FIFO or a device),
    :class:`~kinerja_report.errors.DiskPenuh` when the disk is full while it is written,
    :class:`~kinerja_report.errors.KeluaranTidakDapatDitulis` when it, or a journal of
    SQLite beside it, is a link (nothing of a build is written through a link) or the system
    refuses to write it."""
    if (berkas := tautan_basis_data(path)) is not None:
        raise galat(
            KeluaranTidakDapatDitulis,
            "keluaran-lewat-tautan",
            str(path.parent),
            folder=berkas.name,
        )
    if not _biasa_atau_tiada(path):  # no FIFO nor device
        raise galat(RiwayatTidakValid, "riwayat-tidak-valid", str(path))
    try:
        with closing(sqlite3.connect(path, timeout=30)) as conn:
            conn.execute("PRAGMA foreign_keys = ON")
            _siapkan(conn, path)
            with conn:
                yield conn
    except sqlite3.DatabaseError as exc:
        raise _galat_tulis(exc, path) from exc


_GALAT_SISTEM = frozenset({"SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM"})
"""SQLite's errors of the computer, not of the store's content (extended codes included)."""


def _galat_tulis(exc: sqlite3.DatabaseError, path: Path) -> KinerjaError:
    """The catalogued error of SQLite's ``exc`` on the store ``path``: a full disk and a
    refused write are not a broken store (whose advice is to set the history aside)."""
    nama = getattr(exc, "sqlite_errorname", "")  # absent when SQLite did not raise it
    if nama == "SQLITE_FULL":
        return galat(DiskPenuh, "disk-penuh", str(path.parent), berkas_hasil=path.name)
    if nama.startswith(tuple(_GALAT_SISTEM)):
        return galat(
            KeluaranTidakDapatDitulis,
            "keluaran-tidak-dapat-ditulis",
            str(path.parent),
            alasan=f"{path.name}: SQLite tidak dapat menulis ({nama})",
        )
    return galat(RiwayatTidakValid, "riwayat-tidak-valid", str(path))


def _biasa_atau_tiada(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except FileNotFoundError:
        return True


def _siapkan(conn: sqlite3.Connection, path: Path) -> None:
    with conn:
        conn.executescript(SKEMA)
        (jumlah,) = conn.execute("SELECT COUNT(*) FROM skema").fetchone()
        if jumlah == 0:
            conn.execute("INSERT INTO skema (versi) VALUES (?)", (VERSI_SKEMA,))
    (versi,) = conn.execute("SELECT MAX(versi) FROM skema").fetchone()
    if versi != VERSI_SKEMA:
        raise galat(RiwayatTidakValid, "riwayat-tidak-valid", str(path))


@dataclass(frozen=True)
class CatatanBuild:
    """What one build records."""

    folder_masukan: str
    sidik_pengaturan: str
    jejak: Sequence[JejakBerkas]
    baris: Sequence[tuple[str, BarisCapaian]]
    """Every capaian row with the input path it was read from."""
    masalah: Sequence[Masalah]
    keluaran: Mapping[str, tuple[str, int]]
    jumlah_workbook: int


def _iso(waktu: datetime) -> str:
    return waktu.astimezone(UTC).isoformat(timespec="seconds")


def catat_build(conn: sqlite3.Connection, catatan: CatatanBuild, waktu: datetime) -> int:
    """Record one build; returns its id. Unchanged files add no version and no values."""
    sekarang = _iso(waktu)
    build_id = _build(conn, catatan, sekarang)
    versi_per_berkas: dict[str, int] = {}
    for jejak in catatan.jejak:
        versi_id, baru = _versi(conn, jejak, build_id, sekarang)
        versi_per_berkas[jejak.nama] = versi_id
        conn.execute("INSERT OR IGNORE INTO build_masukan VALUES (?, ?)", (build_id, versi_id))
        if baru:
            _indikator_baru(conn, versi_id, catatan.baris, jejak.nama)
    _tandai_hilang(conn, set(versi_per_berkas), build_id)
    _perbarui_capaian(conn, versi_per_berkas, catatan.baris)
    conn.executemany(
        "INSERT INTO build_keluaran VALUES (?, ?, ?, ?)",
        [(build_id, path, sha, ukuran) for path, (sha, ukuran) in sorted(catatan.keluaran.items())],
    )
    conn.executemany(
        "INSERT INTO masalah VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (build_id, p.tingkat.value, p.kode, p.berkas, p.lembar, p.sel, p.pesan)
            for p in catatan.masalah
        ],
    )
    return build_id


def _build(conn: sqlite3.Connection, catatan: CatatanBuild, sekarang: str) -> int:
    galat_ = sum(1 for p in catatan.masalah if p.tingkat is Tingkat.GALAT)
    peringatan = sum(1 for p in catatan.masalah if p.tingkat is Tingkat.PERINGATAN)
    cursor = conn.execute(
        "INSERT INTO build (waktu, versi_alat, sidik_pengaturan, folder_masukan, "
        "jumlah_workbook, jumlah_galat, jumlah_peringatan) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            sekarang,
            __version__,
            catatan.sidik_pengaturan,
            catatan.folder_masukan,
            catatan.jumlah_workbook,
            galat_,
            peringatan,
        ),
    )
    return int(cursor.lastrowid or 0)


def _versi(
    conn: sqlite3.Connection, jejak: JejakBerkas, build_id: int, sekarang: str
) -> tuple[int, bool]:
    """The version row of ``jejak`` (added when new); True when it was added."""
    conn.execute("INSERT OR IGNORE INTO berkas (path) VALUES (?)", (jejak.nama,))
    berkas_id = _id(conn.execute("SELECT id FROM berkas WHERE path = ?", (jejak.nama,)))
    conn.execute("UPDATE berkas SET dihapus_build = NULL WHERE id = ?", (berkas_id,))
    ada = conn.execute(
        "SELECT id FROM versi_berkas WHERE berkas_id = ? AND sha256 = ?",
        (berkas_id, jejak.sha256),
    ).fetchone()
    if ada is not None:
        versi_id = _id(ada)
        conn.execute(
            "UPDATE versi_berkas SET terakhir_dilihat = ?, build_terakhir = ? WHERE id = ?",
            (sekarang, build_id, versi_id),
        )
        return versi_id, False
    cursor = conn.execute(
        "INSERT INTO versi_berkas (berkas_id, sha256, ukuran, mtime, jenis_lembar, tahun, opd, "
        "dibaca, gagal, pertama_dilihat, terakhir_dilihat, build_pertama, build_terakhir) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            berkas_id,
            jejak.sha256,
            jejak.ukuran,
            _iso(datetime.fromtimestamp(jejak.mtime, UTC)),
            ", ".join(jejak.jenis_lembar),
            ", ".join(str(t) for t in jejak.tahun),
            "; ".join(jejak.opd),
            "\n".join(jejak.isi),
            int(jejak.gagal),
            sekarang,
            sekarang,
            build_id,
            build_id,
        ),
    )
    return int(cursor.lastrowid or 0), True


def _id(hasil: sqlite3.Cursor | tuple[object, ...]) -> int:
    """The integer id in the first column of a lookup's row. A store whose lookup gives no
    row or another type (an edited row, a trigger that drops an insert) is not one this tool
    can use: :class:`sqlite3.DatabaseError`, which :func:`buka_riwayat` reports."""
    row = hasil.fetchone() if isinstance(hasil, sqlite3.Cursor) else hasil
    if row is None or not isinstance(row[0], int):
        raise sqlite3.DatabaseError("baris riwayat tidak sesuai")
    return row[0]


def _sumber(nilai: Nilai) -> Sumber | None:
    return nilai.sumber


def _indikator_baru(
    conn: sqlite3.Connection,
    versi_id: int,
    baris: Sequence[tuple[str, BarisCapaian]],
    nama: str,
) -> None:
    for urutan, row in enumerate(r for berkas, r in baris if berkas == nama):
        cursor = conn.execute(
            "INSERT INTO indikator (versi_id, urutan, tahun, opd, kode, tingkat, uraian, "
            "indikator, satuan, capaian_persen, kategori) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                versi_id,
                urutan,
                row.tahun,
                row.opd,
                row.kode,
                str(row.tingkat),
                row.uraian,
                row.indikator,
                row.satuan,
                row.capaian.persen,
                row.kategori,
            ),
        )
        indikator_id = cursor.lastrowid
        for kolom in KOLOM_NILAI:
            nilai: Nilai = getattr(row, kolom)
            sumber = _sumber(nilai)
            if nilai.kosong and sumber is None:
                continue
            conn.execute(
                "INSERT INTO nilai VALUES (?, ?, ?, ?, ?, ?)",
                (
                    indikator_id,
                    kolom,
                    nilai.angka,
                    nilai.teks,
                    sumber.lembar if sumber else "",
                    sumber.sel if sumber else "",
                ),
            )


def _tandai_hilang(conn: sqlite3.Connection, ada: set[str], build_id: int) -> None:
    """Files seen before and not found now stay in the history, flagged with this build."""
    for berkas_id, path in conn.execute(
        "SELECT id, path FROM berkas WHERE dihapus_build IS NULL"
    ).fetchall():
        if path not in ada:
            conn.execute("UPDATE berkas SET dihapus_build = ? WHERE id = ?", (build_id, berkas_id))


def _perbarui_capaian(
    conn: sqlite3.Connection,
    versi_per_berkas: Mapping[str, int],
    baris: Sequence[tuple[str, BarisCapaian]],
) -> None:
    """Capaian and kategori as this build computed them (they change with the settings, not
    the file); a row whose numbers are the same is not touched."""
    urutan: dict[str, int] = {}
    for berkas, row in baris:
        versi_id = versi_per_berkas.get(berkas)
        if versi_id is None:
            continue
        nomor = urutan.get(berkas, 0)
        urutan[berkas] = nomor + 1
        conn.execute(
            "UPDATE indikator SET capaian_persen = ?, kategori = ? "
            "WHERE versi_id = ? AND urutan = ? "
            "AND (capaian_persen IS NOT ? OR kategori IS NOT ?)",
            (row.capaian.persen, row.kategori, versi_id, nomor, row.capaian.persen, row.kategori),
        )


KOLOM_CACHE = ["kunci", "isi", "segel"]


def simpan_cache(conn: sqlite3.Connection, entri: Mapping[str, str]) -> None:
    """Keep the reading cache of this build's workbooks only (``entri``: key -> JSON), each
    with its seal. The table is only a cache: one of another shape (an older version, edited)
    is made afresh."""
    kunci_user = kunci_rahasia()
    kolom = [str(row[1]) for row in conn.execute("PRAGMA table_info(cache_baca)").fetchall()]
    if kolom != KOLOM_CACHE:
        conn.execute("DROP TABLE cache_baca")
        conn.execute(
            "CREATE TABLE cache_baca "
            "(kunci TEXT PRIMARY KEY, isi TEXT NOT NULL, segel TEXT NOT NULL)"
        )
    ada = {
        (k, isi, nilai)
        for k, isi, nilai in conn.execute("SELECT kunci, isi, segel FROM cache_baca").fetchall()
    }
    baru = {(k, v, segel_entri(kunci_user, k, v)) for k, v in entri.items()}
    conn.executemany("DELETE FROM cache_baca WHERE kunci IS ?", [(k,) for k, _, _ in ada - baru])
    conn.executemany(
        "INSERT INTO cache_baca (kunci, isi, segel) VALUES (?, ?, ?)", sorted(baru - ada)
    )
