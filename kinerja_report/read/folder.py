"""Reading every workbook of the input folder; one bad workbook never stops the others."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from kinerja_report.errors import KinerjaError, alasan_isi
from kinerja_report.model import (
    EvaluasiRenja,
    KomponenIpm,
    LembarKaskade,
    MatriksRpjmd,
    NilaiPembanding,
    Nomenklatur,
    Penandatangan,
    RencanaAksi,
)
from kinerja_report.problems import Masalah, masalah
from kinerja_report.progress import TAHAP_BACA, Progres, TanpaProgres
from kinerja_report.read.header import Header, cari_header
from kinerja_report.read.ipm import baca_komponen_ipm
from kinerja_report.read.kaskade import baca_kaskade
from kinerja_report.read.kaskade_iki import adalah_bagan_iki, baca_bagan_iki
from kinerja_report.read.keuangan import (
    LembarKeuangan,
    adalah_keuangan,
    adalah_tabel_datar,
    baca_keuangan,
    baca_tabel_datar,
    gabung_keuangan,
)
from kinerja_report.read.kinds import JenisLembar, jenis_lembar
from kinerja_report.read.nomenklatur import baca_nomenklatur, baca_nomenklatur_csv
from kinerja_report.read.pembanding import baca_pembanding
from kinerja_report.read.rencana_aksi import baca_rencana_aksi
from kinerja_report.read.renja import baca_evaluasi_renja
from kinerja_report.read.rpjmd import baca_matriks_rpjmd
from kinerja_report.read.safety import BATAS_BAWAAN, BatasWorkbook
from kinerja_report.read.satu_sumber import satukan
from kinerja_report.read.sheet import Lembar
from kinerja_report.read.signatories import baca_penandatangan
from kinerja_report.read.walk import daftar_nama, masalah_berkas_lain, nama_tampil, telusuri
from kinerja_report.read.workbook import baca_lembar

if TYPE_CHECKING:
    from kinerja_report.read.cache import CacheBaca

LEMBAR_PETUNJUK = "Petunjuk Pengisian"
"""The instructions sheet of a form made by ``kinerja template``: skipped without a word."""


@dataclass
class IsiBerkas:
    """What one workbook yielded."""

    nama: str
    evaluasi: list[EvaluasiRenja] = field(default_factory=list)
    rpjmd: list[MatriksRpjmd] = field(default_factory=list)
    penandatangan: list[Penandatangan] = field(default_factory=list)
    ipm: list[KomponenIpm] = field(default_factory=list)
    pembanding: list[NilaiPembanding] = field(default_factory=list)
    kaskade: list[LembarKaskade] = field(default_factory=list)
    nomenklatur: list[Nomenklatur] = field(default_factory=list)
    rencana_aksi: list[RencanaAksi] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)
    gagal: bool = False
    dilewati: list[tuple[str, str]] = field(default_factory=list)
    """Sheets that are none of ours, with why (for the 'workbook-tanpa-isi' warning)."""
    path: Path | None = None
    """The file read (for its hash in the manifest and the history store)."""
    catatan_baca: list[str] = field(default_factory=list)
    """How sheets were put together ('lembar 'Cetak' hanya dibandingkan'), for the
    one-line summary of 'kinerja check' (:mod:`.ringkasan`)."""


def cari_workbook(folder: Path, kecuali: Path | None = None) -> list[Path]:
    """Workbook-like files below ``folder``, sorted; Office lock files (``~$``) and anything
    below ``kecuali`` (our own output folder, when it lies inside the input) excluded.
    See :func:`~kinerja_report.read.walk.telusuri`."""
    return telusuri(folder, kecuali).workbook


@dataclass(frozen=True)
class HasilBaca:
    """Every workbook read, and the problems of the folder itself (files that are not
    workbooks, folders too deep or unreadable, no workbook at all)."""

    isi: list[IsiBerkas]
    masalah: list[Masalah]
    nomenklatur: list[Nomenklatur] = field(default_factory=list)
    """Reference lists read from ';'-separated .csv files (those in workbooks are in isi)."""


def baca_masukan(
    folder: Path,
    progres: Progres | None = None,
    kecuali: Path | None = None,
    batas: BatasWorkbook = BATAS_BAWAAN,
    abaikan: Collection[Path] = (),
    cache: CacheBaca | None = None,
) -> HasilBaca:
    """Read every workbook below ``folder`` (except below ``kecuali``) within ``batas``;
    ``abaikan`` are files of ours that are no workbook (the logo), not reported. With
    ``cache``, an unchanged workbook is taken from it (:mod:`kinerja_report.read.cache`)."""
    progres = progres or TanpaProgres()
    telusuran = telusuri(folder, kecuali, abaikan)
    progres.mulai(TAHAP_BACA, len(telusuran.workbook))
    hasil = []
    for path in telusuran.workbook:
        relatif = nama_tampil(path, folder)
        hasil.append(_baca_dengan_cache(path, relatif, batas, cache))
        progres.maju(str(relatif))
    problems = list(telusuran.masalah) + (cache.masalah() if cache is not None else [])
    daftar_kode = _nomenklatur_csv(telusuran.lain, folder)
    telusuran.lain = [p for p in telusuran.lain if p not in daftar_kode]
    if not hasil:
        temuan = (
            f"yang ada: {daftar_nama(telusuran.lain, folder)}; simpan data sebagai .xlsx"
            if telusuran.lain
            else "periksa nama folder"
        )
        problems.append(masalah("tidak-ada-workbook", str(folder), temuan=temuan))
    else:
        problems.extend(masalah_berkas_lain(telusuran, folder))
    return HasilBaca(hasil, problems, list(daftar_kode.values()))


def _nomenklatur_csv(paths: list[Path], folder: Path) -> dict[Path, Nomenklatur]:
    """The .csv files that are Permendagri 90 code lists, read."""
    out = {}
    for path in paths:
        if path.suffix.lower() == ".csv":
            found = baca_nomenklatur_csv(path, str(nama_tampil(path, folder)))
            if found is not None:
                out[path] = found
    return out


def _baca_dengan_cache(
    path: Path, relatif: PurePosixPath, batas: BatasWorkbook, cache: CacheBaca | None
) -> IsiBerkas:
    if cache is None:
        return baca_berkas(path, relatif, batas)
    try:
        kunci = cache.kunci(path, str(relatif), batas)
    except OSError:
        return baca_berkas(path, relatif, batas)  # its reading names the problem
    isi = cache.ambil(kunci, path, str(relatif))
    if isi is None:
        isi = baca_berkas(path, relatif, batas)
        if not isi.gagal:  # a failure may be passing (a file still being copied)
            cache.simpan(kunci, isi)
    return isi


def baca_folder(
    folder: Path,
    progres: Progres | None = None,
    kecuali: Path | None = None,
    batas: BatasWorkbook = BATAS_BAWAAN,
) -> list[IsiBerkas]:
    """Read every workbook below ``folder`` (except below ``kecuali``) within ``batas``."""
    return baca_masukan(folder, progres, kecuali, batas).isi


def baca_berkas(
    path: Path, relatif: PurePosixPath, batas: BatasWorkbook = BATAS_BAWAAN
) -> IsiBerkas:
    """Read one workbook; fatal problems are caught and recorded, never raised.

    Workbooks are untrusted: an exception no check foresaw (a broken styles part, a corrupt
    .xls record) is also recorded, as ``berkas-tidak-terbaca`` naming its type, so that one bad
    file never stops the others.
    """
    isi = IsiBerkas(str(relatif), path=path)
    try:
        sheets = baca_lembar(path, isi.nama, batas)
    except KinerjaError as exc:
        return _gagal(isi, exc.masalah)
    except Exception as exc:  # untrusted input: see the docstring
        return _gagal(isi, _tak_terduga(isi.nama, "", exc))
    keuangan: list[LembarKeuangan] = []
    for lembar in sheets:
        if lembar.nama == LEMBAR_PETUNJUK:
            continue
        try:
            _baca_satu_lembar(isi, lembar, relatif, keuangan)
        except KinerjaError as exc:
            _gagal(isi, exc.masalah)
        except Exception as exc:  # untrusted input: see the docstring
            _gagal(isi, _tak_terduga(isi.nama, lembar.nama, exc))
    _gabung_keuangan(isi, keuangan)
    _satu_sumber(isi, sheets)
    if not isi.gagal and not (
        isi.evaluasi
        or isi.rpjmd
        or isi.penandatangan
        or isi.ipm
        or isi.pembanding
        or isi.kaskade
        or isi.nomenklatur
        or isi.rencana_aksi
    ):
        _tanpa_isi(isi)
    return isi


def _gabung_keuangan(isi: IsiBerkas, keuangan: list[LembarKeuangan]) -> None:
    """Finance sheets joined to the forms by code (:mod:`.keuangan`); a finance sheet no form
    takes is a skipped sheet, as before."""
    isi.evaluasi, found, notes = gabung_keuangan(isi.evaluasi, keuangan)
    isi.masalah.extend(found)
    isi.catatan_baca.extend(notes)
    for lembar in keuangan:
        if not any(f"'{lembar.lembar}'" in note for note in notes):
            alasan = "lembar anggaran per kode tanpa lembar kinerja yang kodenya sama"
            isi.dilewati.append((lembar.lembar, alasan))
            isi.masalah.append(masalah("lembar-dilewati", isi.nama, lembar.lembar, alasan=alasan))


def _satu_sumber(isi: IsiBerkas, sheets: list[Lembar]) -> None:
    """Sheets that carry the same rows are one source (:mod:`.satu_sumber`): the sheets only
    compared lose their own problems, the comparison's are added."""
    kept, found, dibanding = satukan(isi.evaluasi, {s.nama: s for s in sheets})
    if not dibanding:
        return
    isi.evaluasi = kept
    isi.masalah[:] = [p for p in isi.masalah if p.lembar not in dibanding]
    isi.masalah.extend(found)
    isi.catatan_baca.extend(f"lembar '{nama}' hanya dibandingkan" for nama in sorted(dibanding))


DICARI = (
    "formulir evaluasi Renja E.81 (kolom Indikator, Target Renja, Realisasi Triwulan), "
    "matriks indikator RPJMD (Indikator, Target per tahun), daftar penandatangan (Nama, "
    "Jabatan atau NIP), komponen IPM (Tahun, UHH, HLS, RLS, Pengeluaran), angka pembanding "
    "(Indikator, Tahun, Tingkat, Nilai), cascading (Tingkat Induk, Induk, Tingkat, Uraian), "
    "nomenklatur (Program, Kegiatan, Sub Kegiatan), "
    "rencana aksi (Indikator, Target Triwulan I-IV)"
)


def _tanpa_isi(isi: IsiBerkas) -> None:
    """A workbook that yields nothing: one warning naming what was looked for and, for each
    sheet, what was found, instead of an info line per sheet."""
    rincian = "; ".join(f"lembar '{nama}': {alasan}" for nama, alasan in isi.dilewati)
    rincian = rincian or "tidak ada lembar yang berisi"
    isi.masalah[:] = [p for p in isi.masalah if p.kode != "lembar-dilewati"]
    isi.masalah.append(masalah("workbook-tanpa-isi", isi.nama, dicari=DICARI, rincian=rincian))


def _alasan_lewati(header: Header | None) -> str:
    """Why a sheet is not one of ours: no header, or which fields its header has."""
    if header is None:
        return "tidak ada baris judul kolom yang dikenali di 40 baris pertama"
    found = sorted(header.bidang)
    wanted = {"indikator", "target_renja", "triwulan"}
    missing = sorted(wanted - header.bidang)
    text = f"judul kolom di baris {header.baris_awal} berisi {', '.join(found)}"
    return text + (f", tanpa {', '.join(missing)}" if missing else "")


def _gagal(isi: IsiBerkas, problem: Masalah) -> IsiBerkas:
    isi.masalah.append(problem)
    isi.gagal = True
    return isi


def _tak_terduga(berkas: str, lembar: str, exc: Exception) -> Masalah:
    return masalah("berkas-tidak-terbaca", berkas, lembar, alasan=alasan_isi(exc))


def _bentuk_lain(
    isi: IsiBerkas,
    lembar: Lembar,
    header: Header,
    relatif: PurePosixPath,
    keuangan: list[LembarKeuangan],
) -> bool:
    """A flat realisation table or a finance sheet (:mod:`.keuangan`); False if neither."""
    datar = baca_tabel_datar(lembar, header, relatif) if adalah_tabel_datar(header) else None
    if datar is not None:
        isi.evaluasi.append(datar[0])
        found = datar[1]
    elif adalah_keuangan(header):
        lembar_keuangan, found = baca_keuangan(lembar, header)
        keuangan.append(lembar_keuangan)
    else:
        return False
    isi.masalah.extend(found)
    return True


def _baca_rencana_atau_pembanding(
    isi: IsiBerkas, jenis: JenisLembar, lembar: Lembar, header: Header, relatif: PurePosixPath
) -> None:
    """A Rencana Aksi or a comparison-figures sheet (the optional sheets of one table)."""
    if jenis is JenisLembar.RENCANA_AKSI:
        rencana, found = baca_rencana_aksi(lembar, header, relatif)
        isi.rencana_aksi.append(rencana)
    else:
        figures, found = baca_pembanding(lembar, header)
        isi.pembanding.extend(figures)
    isi.masalah.extend(found)


def _baca_satu_lembar(
    isi: IsiBerkas, lembar: Lembar, relatif: PurePosixPath, keuangan: list[LembarKeuangan]
) -> None:
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
        signers, found = baca_penandatangan(lembar, header)
        isi.penandatangan.extend(signers)
        isi.masalah.extend(found)
    elif jenis is JenisLembar.KOMPONEN_IPM and header is not None:
        komponen, found = baca_komponen_ipm(lembar, header)
        isi.ipm.extend(komponen)
        isi.masalah.extend(found)
    elif jenis in (JenisLembar.PEMBANDING, JenisLembar.RENCANA_AKSI) and header is not None:
        _baca_rencana_atau_pembanding(isi, jenis, lembar, header, relatif)
    elif jenis is JenisLembar.KASKADE and header is not None:
        kaskade, found = baca_kaskade(lembar, header)
        isi.kaskade.append(kaskade)
        isi.masalah.extend(found)
    elif jenis is JenisLembar.NOMENKLATUR and header is not None:
        isi.nomenklatur.append(baca_nomenklatur(lembar, header))
    elif header is None and adalah_bagan_iki(lembar):
        isi.kaskade.append(baca_bagan_iki(lembar))
    elif header is None or not _bentuk_lain(isi, lembar, header, relatif, keuangan):
        alasan = _alasan_lewati(header)
        isi.dilewati.append((lembar.nama, alasan))
        isi.masalah.append(masalah("lembar-dilewati", isi.nama, lembar.nama, alasan=alasan))
