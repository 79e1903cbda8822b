"""Reading every workbook of the input folder; one bad workbook never stops the others."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from kinerja_report.errors import KinerjaError, alasan_isi
from kinerja_report.model import EvaluasiRenja, KomponenIpm, MatriksRpjmd, Penandatangan
from kinerja_report.problems import Masalah, masalah
from kinerja_report.progress import Progres, TanpaProgres
from kinerja_report.read.header import cari_header
from kinerja_report.read.ipm import baca_komponen_ipm
from kinerja_report.read.kinds import JenisLembar, jenis_lembar
from kinerja_report.read.renja import baca_evaluasi_renja
from kinerja_report.read.rpjmd import baca_matriks_rpjmd
from kinerja_report.read.safety import BATAS_BAWAAN, BatasWorkbook
from kinerja_report.read.sheet import Lembar
from kinerja_report.read.signatories import baca_penandatangan
from kinerja_report.read.workbook import EKSTENSI_BELUM_DIDUKUNG, EKSTENSI_EXCEL, baca_lembar


@dataclass
class IsiBerkas:
    """What one workbook yielded."""

    nama: str
    evaluasi: list[EvaluasiRenja] = field(default_factory=list)
    rpjmd: list[MatriksRpjmd] = field(default_factory=list)
    penandatangan: list[Penandatangan] = field(default_factory=list)
    ipm: list[KomponenIpm] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)
    gagal: bool = False


def cari_workbook(folder: Path, kecuali: Path | None = None) -> list[Path]:
    """Workbook-like files below ``folder``, sorted; Office lock files (``~$``) and anything
    below ``kecuali`` (our own output folder, when it lies inside the input) excluded."""
    wanted = EKSTENSI_EXCEL | EKSTENSI_BELUM_DIDUKUNG
    skip = kecuali.resolve() if kecuali is not None else None
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix.lower() in wanted
        and not path.name.startswith(("~$", "."))
        and not (skip is not None and path.resolve().is_relative_to(skip))
        and not _di_folder_keluaran(path, folder)
    )


def _di_folder_keluaran(path: Path, folder: Path) -> bool:
    """Whether ``path`` lies in an output folder of ours (one holding ``.kinerja.lock``)."""
    parent = path.parent
    while parent != folder and folder in parent.parents:
        if (parent / ".kinerja.lock").exists():
            return True
        parent = parent.parent
    return False


def baca_folder(
    folder: Path,
    progres: Progres | None = None,
    kecuali: Path | None = None,
    batas: BatasWorkbook = BATAS_BAWAAN,
) -> list[IsiBerkas]:
    """Read every workbook below ``folder`` (except below ``kecuali``) within ``batas``."""
    progres = progres or TanpaProgres()
    paths = cari_workbook(folder, kecuali)
    progres.mulai("Membaca workbook", len(paths))
    hasil = []
    for path in paths:
        relatif = PurePosixPath(path.relative_to(folder).as_posix())
        hasil.append(baca_berkas(path, relatif, batas))
        progres.maju(str(relatif))
    return hasil


def baca_berkas(
    path: Path, relatif: PurePosixPath, batas: BatasWorkbook = BATAS_BAWAAN
) -> IsiBerkas:
    """Read one workbook; fatal problems are caught and recorded, never raised.

    Workbooks are untrusted: an exception no check foresaw (a broken styles part, a corrupt
    .xls record) is also recorded, as ``berkas-tidak-terbaca`` naming its type, so that one bad
    file never stops the others.
    """
    isi = IsiBerkas(str(relatif))
    try:
        sheets = baca_lembar(path, isi.nama, batas)
    except KinerjaError as exc:
        return _gagal(isi, exc.masalah)
    except Exception as exc:  # untrusted input: see the docstring
        return _gagal(isi, _tak_terduga(isi.nama, "", exc))
    for lembar in sheets:
        try:
            _baca_satu_lembar(isi, lembar, relatif)
        except KinerjaError as exc:
            _gagal(isi, exc.masalah)
        except Exception as exc:  # untrusted input: see the docstring
            _gagal(isi, _tak_terduga(isi.nama, lembar.nama, exc))
    return isi


def _gagal(isi: IsiBerkas, problem: Masalah) -> IsiBerkas:
    isi.masalah.append(problem)
    isi.gagal = True
    return isi


def _tak_terduga(berkas: str, lembar: str, exc: Exception) -> Masalah:
    return masalah("berkas-tidak-terbaca", berkas, lembar, alasan=alasan_isi(exc))


def _baca_satu_lembar(isi: IsiBerkas, lembar: Lembar, relatif: PurePosixPath) -> None:
    header = cari_header(lembar)
    jenis = jenis_lembar(header)
    if jenis is JenisLembar.EVALUASI_RENJA and header is not None:
        evaluasi, found = baca_evaluasi_renja(lembar, header, relatif)
        isi.evaluasi.append(evaluasi)
        isi.masalah.extend(found)
    elif jenis is JenisLembar.MATRIKS_RPJMD and header is not None:
        matriks, found = baca_matriks_rpjmd(lembar, header)
        isi.rpjmd.append(matriks)
        isi.masalah.extend(found)
    elif jenis is JenisLembar.PENANDATANGAN and header is not None:
        isi.penandatangan.extend(baca_penandatangan(lembar, header))
    elif jenis is JenisLembar.KOMPONEN_IPM and header is not None:
        komponen, found = baca_komponen_ipm(lembar, header)
        isi.ipm.extend(komponen)
        isi.masalah.extend(found)
    else:
        alasan = "header tidak ditemukan" if header is None else "kolom tidak cocok"
        isi.masalah.append(masalah("lembar-dilewati", isi.nama, lembar.nama, alasan=alasan))
