"""Fatal errors: one base class, one subclass per cause a user can fix."""

from __future__ import annotations

import errno
from xml.parsers.expat import ExpatError

from kinerja_report.problems import Masalah, masalah


class KinerjaError(Exception):
    """Base of every error the tool raises on purpose; carries a catalogued problem."""

    def __init__(self, problem: Masalah) -> None:
        super().__init__(problem.pesan)
        self.masalah = problem


class WorkbookTidakTerbaca(KinerjaError):
    """The file cannot be opened as a workbook."""


class LembarTidakDikenali(KinerjaError):
    """A sheet has no recognisable header or lacks a needed column."""


class PengaturanTidakValid(KinerjaError):
    """The regency settings file is invalid."""


class KeluaranTerkunci(KinerjaError):
    """Another build is writing into the same output folder."""


class KeluaranTerkunciUsang(KeluaranTerkunci):
    """The output folder is locked, but the build that locked it is gone: a process it left
    behind still holds the lock."""


class KeluaranTidakDapatDitulis(KinerjaError):
    """The output folder cannot be created or written."""


class KeluaranMencakupMasukan(KinerjaError):
    """The output folder is the input folder or one of its ancestors."""


class ManifestTidakValid(KinerjaError):
    """The output folder has no readable ``manifest.json`` to verify against."""


class RiwayatTidakValid(KinerjaError):
    """The history store ``kinerja.sqlite`` of the output folder is missing or not ours."""


class KunciTidakTersedia(KinerjaError):
    """The user's key for sealing the cache and the manifest (:mod:`kinerja_report.segel`)
    can be neither read nor made."""


class OpdTidakDitemukan(KinerjaError):
    """``kinerja template``: no workbook of the input folder is of the OPD named."""


class GangguanSistem(KinerjaError):
    """The computer, not the input nor the command, stopped the build (disk full, a PDF
    worker killed); the outputs of the previous build are left as they were."""


class DiskPenuh(GangguanSistem):
    """No space left (or the disk quota is used up) while writing the outputs."""


class PekerjaPdfBerhenti(GangguanSistem):
    """A PDF worker process died (killed by the system, e.g. when memory runs out)."""


class Dihentikan(KeyboardInterrupt):
    """A termination signal (SIGTERM, Ctrl-Break) turned into an exception, so that every
    cleanup runs as for Ctrl-C: the PDF workers stop, the staging folder goes, the lock is
    released."""

    def __init__(self, nama_sinyal: str) -> None:
        super().__init__(nama_sinyal)
        self.nama_sinyal = nama_sinyal


def galat(
    cls: type[KinerjaError],
    kode: str,
    berkas: str = "",
    lembar: str = "",
    sel: str = "",
    **isi: object,
) -> KinerjaError:
    """Build an error of class ``cls`` from a catalogue entry."""
    return cls(masalah(kode, berkas, lembar, sel, **isi))


_ALASAN_OS = {
    errno.EACCES: "akses ditolak: tidak ada izin tulis, atau berkas sedang dibuka aplikasi lain",
    errno.EPERM: "tidak diizinkan oleh sistem",
    errno.EROFS: "disk hanya dapat dibaca",
    errno.ENOSPC: "disk penuh",
    errno.ENOENT: "tidak ada",
    errno.ENOTDIR: "sebagian jalurnya berupa berkas, bukan folder",
    errno.EISDIR: "berupa folder, bukan berkas",
    errno.EEXIST: "sudah ada",
    errno.ENAMETOOLONG: "nama terlalu panjang",
    errno.EBUSY: "sedang dipakai",
    errno.EIO: "galat baca/tulis perangkat (disk rusak atau terlepas?)",
    errno.ELOOP: "tautan (symlink) berputar",
    errno.EMFILE: "terlalu banyak berkas terbuka",
    errno.ENXIO: "perangkat tidak tersedia",
}


def alasan_os(exc: OSError) -> str:
    """An Indonesian reason for an operating-system error, with the errno name in
    parentheses (``akses ditolak: ... (EACCES)``); never the English ``strerror``."""
    if exc.errno is None:
        return f"galat sistem ({type(exc).__name__})"
    nama = errno.errorcode.get(exc.errno, str(exc.errno))
    return f"{_ALASAN_OS.get(exc.errno, 'galat sistem')} ({nama})"


_ALASAN_ISI: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], str], ...] = (
    (UnicodeError, "teks di dalam berkas memakai pengodean karakter yang rusak"),
    ((SyntaxError, ExpatError), "XML di dalam berkas rusak"),
    (ValueError, "isi berkas tidak sesuai format Excel, mis. teks di sel bertipe angka"),
    (KeyError, "bagian workbook yang wajib tidak ada"),
    (MemoryError, "berkas terlalu besar untuk memori komputer"),
)


def alasan_isi(exc: BaseException) -> str:
    """An Indonesian reason for an exception a parser raised on a file, with the exception's
    type in parentheses (``XML di dalam berkas rusak (ParseError)``); never the parser's
    English text, which may also name absolute paths."""
    if isinstance(exc, OSError):
        return alasan_os(exc)
    akar = exc.__cause__ if isinstance(exc.__cause__, Exception) else exc
    for jenis, alasan in _ALASAN_ISI:
        if isinstance(akar, jenis):
            return f"{alasan} ({type(akar).__name__})"
    return f"isi berkas tidak terduga ({type(akar).__name__})"
