"""The ``kinerja`` command: a thin shell over :mod:`kinerja_report.pipeline`.

Errors are translated here, in one place; a traceback appears only with ``--debug``.
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kinerja_report import __version__
from kinerja_report.bantuan import pakai_bahasa_indonesia
from kinerja_report.catatan import NAMA_LOG, tangkap_catatan, tulis_log
from kinerja_report.compute.ipm import IpmTidakValid, hitung_ipm
from kinerja_report.errors import (
    GangguanSistem,
    KeluaranTidakDapatDitulis,
    KinerjaError,
    alasan_os,
    galat,
)
from kinerja_report.formats import LOCALE, angka, format_decimal
from kinerja_report.pipeline import (
    HasilBuild,
    build,
    kumpulkan,
    templat_e81,
    templat_rencana_aksi,
)
from kinerja_report.problems import Masalah, Tingkat
from kinerja_report.progress import TAHAP_PDF, Progres
from kinerja_report.read.numbers import BukanAngka, parse_angka
from kinerja_report.read.riwayat import Perubahan, perubahan
from kinerja_report.render.huruf import petunjuk_huruf
from kinerja_report.sinyal import keluar_karena_sinyal
from kinerja_report.teks import teks_aman
from kinerja_report.write.manifest import Keaslian, verifikasi

if TYPE_CHECKING:
    from kinerja_report.compute.verifikasi import CatatanVerifikasi
    from kinerja_report.pantau import Putaran

BATAS_TAMPIL = 30
"""At most this many errors and warnings are listed on screen; masalah.csv has them all."""


class ProgresRich:
    """Shows the library's progress as rich progress bars on stderr."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._task: object = None

    def mulai(self, tahap: str, total: int) -> None:
        if tahap == TAHAP_PDF and (petunjuk := petunjuk_huruf()):  # once, when PDFs are due
            self._progress.console.print(petunjuk, highlight=False, soft_wrap=True)
        self._task = self._progress.add_task(tahap, total=total)

    def maju(self, keterangan: str) -> None:
        if self._task is not None:
            self._progress.advance(self._task)  # type: ignore[arg-type]


BANTUAN = "Tampilkan bantuan ini lalu keluar."


@click.group(invoke_without_command=True)
@click.help_option("-h", "--help", help=BANTUAN)
@click.version_option(
    __version__, message="kinerja-report %(version)s", help="Tampilkan versi lalu keluar."
)
@click.option("--debug", is_flag=True, help="Tampilkan traceback bila terjadi galat tak terduga.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """kinerja-report: capaian kinerja dan laporan evaluasi dari workbook OPD."""
    ctx.obj = {"debug": debug}
    if debug:  # the PDF workers keep their stderr (kinerja_report/render/abaikan_sinyal.py)
        os.environ["KINERJA_DEBUG"] = "1"
    if ctx.invoked_subcommand is None:  # 'kinerja' or 'python -m kinerja_report' alone
        click.echo(f"kinerja-report {__version__}")
        click.echo(ctx.get_help())


T = TypeVar("T")


def _folder_masukan(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    if not value.is_dir():
        raise click.BadParameter(f"folder '{value}' tidak ada atau bukan folder")
    return value


def _folder_keluaran(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    if value.exists() and not value.is_dir():
        raise click.BadParameter(f"'{value}' adalah berkas, bukan folder")
    return value


def _jumlah_pekerja(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    if value is not None and value < 1:
        raise click.BadParameter("paling sedikit 1")
    return value


def jalankan() -> None:
    """The console script: click's usage errors in Indonesian, exit status 2."""
    try:
        main.main(prog_name="kinerja", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort as exc:  # click's form of a Ctrl-C outside a command's work
        cause = exc.__cause__
        keluar_karena_sinyal(cause if isinstance(cause, KeyboardInterrupt) else KeyboardInterrupt())
    except click.UsageError as exc:
        click.echo(pesan_penggunaan(exc), err=True)
        sys.exit(2)


def pesan_penggunaan(exc: click.UsageError) -> str:
    """An Indonesian message for a usage error, with the hint to ``--help``."""
    perintah = exc.ctx.command_path if exc.ctx else "kinerja"
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        pesan = f"'{(exc.param.human_readable_name or '').upper()}' wajib diisi"
    elif isinstance(exc, click.BadParameter) and exc.param is not None:
        pesan = f"nilai '{exc.param.human_readable_name}' tidak valid: {exc.message}"
    elif isinstance(exc, click.BadParameter) and exc.param_hint:
        pesan = f"nilai '{exc.param_hint}' tidak valid: {exc.message}"
    elif isinstance(exc, click.NoSuchOption):
        pesan = f"opsi '{exc.option_name}' tidak dikenal"
    elif exc.message.startswith("No such command"):
        nama = exc.message.split("'")[1] if "'" in exc.message else ""
        pesan = f"perintah '{nama}' tidak dikenal ({', '.join(sorted(main.commands))})"
    else:
        pesan = exc.format_message()
    pesan = pesan.rstrip(".")
    return f"Galat: {pesan}.\nLihat '{perintah} --help' untuk bantuan."


def kode_keluar(exc: KinerjaError) -> int:
    """The exit status of a fatal error: 4 when the computer stopped the build (disk full, a
    PDF worker killed), 2 for everything the user can fix in the input or the command."""
    return 4 if isinstance(exc, GangguanSistem) else 2


def _tulis_log(console: Console, baris: list[str], log: Path | None) -> None:
    """Write the run's library messages to ``log`` and say so in one line when there are
    some."""
    if log is not None and not tulis_log(log, baris):
        log = None
    if not baris:
        return
    if log is not None:
        pesan = f"{len(baris)} catatan teknis dari pustaka ditulis di {log}"
    else:
        pesan = (
            f"{len(baris)} catatan teknis dari pustaka tidak ditampilkan "
            "(jalankan dengan 'kinerja --debug ...' untuk melihatnya)."
        )
    console.print(escape(pesan), soft_wrap=True, highlight=False)


def _jalankan(
    ctx: click.Context,
    console: Console,
    kerja: Callable[[Progres], T],
    log: Callable[[T], Path | None] | None = None,
) -> T:
    """Run library work with progress bars; translate errors in this one place. Library
    log records go to the file ``log`` gives for the result (when given, not None, and its
    folder exists), not the screen."""
    try:
        with (
            tangkap_catatan(ctx.obj["debug"]) as catatan,
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=False,
            ) as progress,
        ):
            hasil = kerja(ProgresRich(progress))
        _tulis_log(console, catatan, log(hasil) if log is not None else None)
        return hasil
    except KeyboardInterrupt as exc:  # Ctrl-C, SIGTERM: the library has cleaned up
        keluar_karena_sinyal(exc)
    except KinerjaError as exc:
        lokasi = exc.masalah.lokasi
        console.print(
            "[bold red]Galat:[/] "
            + escape(f"{lokasi + ': ' if lokasi else ''}{exc.masalah.pesan}"),
            soft_wrap=True,
        )
        sys.exit(kode_keluar(exc))
    except Exception:
        if ctx.obj["debug"]:
            raise
        console.print(
            "[bold red]Galat tak terduga.[/] Jalankan ulang dengan "
            f"'kinerja --debug {ctx.info_name} ...' dan laporkan keluarannya."
        )
        sys.exit(3)


_opsi_keluaran = click.option(
    "--out",
    "keluaran",
    type=click.Path(path_type=Path),
    callback=_folder_keluaran,
    default=Path("hasil"),
    metavar="FOLDER",
    help="Folder hasil (bawaan: hasil). Tidak boleh sama dengan MASUKAN atau di atasnya.",
)
"""``--out`` of the commands that write (build, watch)."""
_opsi_pekerja = click.option(
    "--jobs",
    "jobs",
    type=int,
    callback=_jumlah_pekerja,
    default=None,
    metavar="N",
    help="Jumlah proses pembuat PDF (bawaan: jumlah inti CPU).",
)
"""``--jobs`` of the commands that render PDFs (build, watch)."""


@main.command(
    "build", short_help="Baca workbook, hitung capaian, tulis CSV, rekap dan PDF ke --out."
)
@click.help_option("-h", "--help", help=BANTUAN)
@click.argument("masukan", type=click.Path(path_type=Path), callback=_folder_masukan)
@_opsi_keluaran
@_opsi_pekerja
@click.option(
    "--penuh",
    is_flag=True,
    help="Buat ulang semua PDF, juga yang isinya tidak berubah sejak build sebelumnya.",
)
@click.pass_context
def build_command(
    ctx: click.Context, masukan: Path, keluaran: Path, jobs: int | None, penuh: bool
) -> None:
    """Baca semua workbook di folder MASUKAN (beserta pengaturan.toml bila ada), hitung
    capaian, tulis capaian.csv, masalah.csv, rekap.xlsx dan PDF ke --out.

    Status keluar: 0 selesai; 1 ada galat data (lihat masalah.csv); 2 kesalahan penggunaan
    atau pengaturan; 3 galat tak terduga; 4 gangguan komputer (disk penuh, memori habis);
    130 dibatalkan (Ctrl-C).
    """
    console = Console(stderr=True)
    hasil = _jalankan(
        ctx,
        console,
        lambda progres: build(masukan, keluaran, progres, jobs, bertahap=not penuh),
        lambda hasil: keluaran / NAMA_LOG if hasil.berkas_keluaran else None,
    )  # a build that read nothing changes nothing in --out, not even the log
    _tampilkan_masalah(console, hasil)
    click.echo(ringkasan(hasil, keluaran))
    sys.exit(0 if hasil.berhasil else 1)


@main.command("check", short_help="Periksa workbook dan tampilkan semua masalah; tidak menulis.")
@click.help_option("-h", "--help", help=BANTUAN)
@click.argument("masukan", type=click.Path(path_type=Path), callback=_folder_masukan)
@click.option("--json", "sebagai_json", is_flag=True, help="Cetak masalah sebagai JSON.")
@click.pass_context
def check_command(ctx: click.Context, masukan: Path, sebagai_json: bool) -> None:
    """Baca semua workbook di folder MASUKAN dan tampilkan semua masalah sekaligus.

    Tidak menulis berkas apa pun. Status keluar 1 bila ada galat.
    """
    console = Console(stderr=True)
    kumpulan = _jalankan(ctx, console, lambda progres: kumpulkan(masukan, progres))
    if sebagai_json:
        click.echo(
            json.dumps([_sebagai_dict(p) for p in kumpulan.masalah], ensure_ascii=False, indent=2)
        )
    else:
        for baris in kumpulan.terbaca:
            click.echo(baris)
        _tabel_masalah(kumpulan.masalah)
        _cetak_verifikasi(kumpulan.verifikasi)
        click.echo(
            f"{angka(kumpulan.jumlah_berkas)} workbook diperiksa: "
            f"{angka(kumpulan.jumlah(Tingkat.GALAT))} galat, "
            f"{angka(kumpulan.jumlah(Tingkat.PERINGATAN))} peringatan, "
            f"{angka(kumpulan.jumlah(Tingkat.INFO))} info."
        )
    sys.exit(1 if kumpulan.jumlah(Tingkat.GALAT) else 0)


def _sebagai_dict(problem: Masalah) -> dict[str, str]:
    return {
        "tingkat": problem.tingkat.value,
        "kode": problem.kode,
        "berkas": problem.berkas,
        "lembar": problem.lembar,
        "sel": problem.sel,
        "pesan": problem.pesan,
    }


def _cetak_verifikasi(daftar: Sequence[CatatanVerifikasi]) -> None:
    """The verification note of every OPD-year, as in OUT/<tahun>/verifikasi/<opd>.pdf."""
    if not daftar:
        return
    click.echo("\nCatatan hasil verifikasi per perangkat daerah:")
    for catatan in daftar:
        click.echo(f"{catatan.tahun} {catatan.opd} ({catatan.berkas}): {catatan.status}")
        if not catatan.temuan:
            click.echo("  tidak ada catatan")
        for nomor, t in enumerate(catatan.temuan, start=1):
            sel = "!".join(part for part in (t.lembar, t.sel) if part) or "-"
            isian = f" [isian: {t.isian}]" if t.isian else ""
            label = "Perbaikan" if t.perlu_perbaikan else "Saran"
            click.echo(f"  {nomor}. {sel}{isian}: {t.alasan}. {label}: {t.perbaikan}")


def _tabel_masalah(problems: tuple[Masalah, ...]) -> None:
    if not problems:
        click.echo("Tidak ada masalah.")
        return
    table = Table(show_lines=False, expand=False)
    for judul in ("Tingkat", "Kode", "Berkas", "Lembar", "Sel", "Pesan"):
        table.add_column(judul, overflow="fold")
    warna = {Tingkat.GALAT: "red", Tingkat.PERINGATAN: "yellow", Tingkat.INFO: "dim"}
    for p in problems:
        table.add_row(
            f"[{warna[p.tingkat]}]{p.tingkat.value}[/]",
            escape(p.kode),
            escape(p.berkas),
            escape(p.lembar),
            p.sel,
            escape(p.pesan),
        )
    layar = Console()  # a terminal: its own width; piped to a file: wide, one row a line
    Console(soft_wrap=False, width=layar.width if layar.is_terminal else 160).print(table)


def _tampilkan_masalah(console: Console, hasil: HasilBuild) -> None:
    shown = sorted(  # errors first: they must not fall past the limit below
        (p for p in hasil.kumpulan.masalah if p.tingkat is not Tingkat.INFO),
        key=lambda p: p.tingkat is not Tingkat.GALAT,
    )
    for problem in shown[:BATAS_TAMPIL]:
        warna = "red" if problem.tingkat is Tingkat.GALAT else "yellow"
        console.print(
            f"[{warna}]{problem.tingkat.value}[/] "
            + escape(
                f"[{problem.kode}] {problem.lokasi + ': ' if problem.lokasi else ''}{problem.pesan}"
            ),
            highlight=False,
            soft_wrap=True,
        )
    if len(shown) > BATAS_TAMPIL:
        console.print(f"... dan {len(shown) - BATAS_TAMPIL} lainnya (lihat masalah.csv)")


def ringkasan(hasil: HasilBuild, keluaran: Path) -> str:
    """The one-line Indonesian summary printed at the end of a build."""
    k = hasil.kumpulan
    gagal = len(k.berkas_gagal)
    jenis = Counter(path.suffix.lower() for path in hasil.berkas_keluaran)
    dokumen = ", ".join(
        f"{angka(jenis[akhiran])} {nama}"
        for akhiran, nama in ((".pdf", "PDF"), (".xlsx", "Excel"), (".docx", "Word"))
        if jenis[akhiran] or akhiran == ".pdf"
    )
    status = "Selesai" if hasil.berhasil else "Selesai dengan galat"
    return (
        f"{status}: {angka(k.jumlah_berkas)} workbook dibaca ({angka(gagal)} gagal), "
        f"{angka(len(k.baris))} baris capaian dari {angka(len({lap.opd for lap in k.laporan}))} "
        f"perangkat daerah, {dokumen}; {angka(k.jumlah(Tingkat.GALAT))} galat, "
        f"{angka(k.jumlah(Tingkat.PERINGATAN))} peringatan. Hasil di {keluaran}/"
    )


def _opsi_angka(ctx: click.Context, param: click.Parameter, value: str) -> float:
    """Click callback: an option value as a number, Indonesian decimal comma allowed."""
    try:
        number = parse_angka(value)
    except BukanAngka:
        number = None
    if number is None:
        click.echo(
            f"Galat: nilai --{param.name} '{value}' bukan angka (contoh: 71,20 atau 71.20).",
            err=True,
        )
        sys.exit(2)
    return number


@main.command("ipm", short_help="Hitung IPM (metode BPS) dari UHH, HLS, RLS dan pengeluaran.")
@click.help_option("-h", "--help", help=BANTUAN)
@click.option(
    "--uhh",
    required=True,
    callback=_opsi_angka,
    metavar="ANGKA",
    help="Umur harapan hidup (tahun).",
)
@click.option(
    "--hls",
    required=True,
    callback=_opsi_angka,
    metavar="ANGKA",
    help="Harapan lama sekolah (tahun).",
)
@click.option(
    "--rls",
    required=True,
    callback=_opsi_angka,
    metavar="ANGKA",
    help="Rata-rata lama sekolah (tahun).",
)
@click.option(
    "--pengeluaran",
    required=True,
    callback=_opsi_angka,
    metavar="ANGKA",
    help="Pengeluaran per kapita disesuaikan, ribu rupiah per tahun (mis. 11.059).",
)
@click.option("--json", "sebagai_json", is_flag=True, help="Cetak hasil sebagai satu objek JSON.")
def ipm_command(uhh: float, hls: float, rls: float, pengeluaran: float, sebagai_json: bool) -> None:
    """Hitung IPM (metode BPS) dari UHH, HLS, RLS dan pengeluaran per kapita (ribu Rp)."""
    try:
        hasil = hitung_ipm(uhh, hls, rls, pengeluaran)
    except IpmTidakValid as exc:
        click.echo(f"Galat: {exc}", err=True)
        sys.exit(2)
    if sebagai_json:
        data = {
            "ipm": hasil.ipm_dibulatkan,
            "ipm_tanpa_pembulatan": hasil.ipm,
            "status": hasil.status,
            "indeks_kesehatan": hasil.indeks_kesehatan,
            "indeks_pendidikan": hasil.indeks_pendidikan,
            "indeks_pengeluaran": hasil.indeks_pengeluaran,
        }
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    baris = [
        ("Indeks kesehatan", hasil.indeks_kesehatan),
        ("Indeks pendidikan", hasil.indeks_pendidikan),
        ("Indeks pengeluaran", hasil.indeks_pengeluaran),
    ]
    for label, nilai in baris:
        click.echo(f"{label:<19}: {format_decimal(nilai, format='0.0000', locale=LOCALE)}")
    ipm_teks = format_decimal(hasil.ipm_dibulatkan, format="#,##0.00", locale=LOCALE)
    click.echo(f"{'IPM':<19}: {ipm_teks} ({hasil.status})")


# --- the folder that keeps itself: manifest (issue 13) -----------------------------------------


@main.command(
    "verifikasi", short_help="Periksa apakah berkas hasil masih sama dengan manifest.json."
)
@click.help_option("-h", "--help", help=BANTUAN)
@click.argument("keluaran", type=click.Path(path_type=Path), callback=_folder_masukan)
@click.pass_context
def verifikasi_command(ctx: click.Context, keluaran: Path) -> None:
    """Hitung ulang sidik sha256 setiap berkas hasil yang tercatat di KELUARAN/manifest.json
    dan sebutkan yang berubah atau hilang sejak build; periksa pula segel manifest dengan
    kunci pengguna ini (docs/keaslian.md).

    Status keluar: 0 semua sesuai dan manifest bersegel kunci ini; 1 ada yang berubah atau
    hilang; 2 tidak ada manifest; 5 manifest tidak autentik (diubah setelah build); 6 semua
    sesuai, tetapi penulis manifest tidak dapat dipastikan (kunci lain atau tanpa segel).
    """
    console = Console(stderr=True)
    hasil = _jalankan(ctx, console, lambda _: verifikasi(keluaran))
    for relatif in hasil.berubah:
        click.echo(f"berubah: {teks_aman(relatif)}")
    for relatif in hasil.hilang:
        click.echo(f"hilang: {teks_aman(relatif)}")
    waktu = f" (build {hasil.waktu_build})" if hasil.waktu_build else ""
    if hasil.keaslian is Keaslian.TIDAK_SAH:
        click.echo(
            "manifest.json tidak autentik: segelnya tidak cocok dengan kunci pengguna ini, jadi "
            "manifest diubah setelah build; sidik di dalamnya tidak dapat dipercaya."
        )
        sys.exit(5)
    if hasil.sah:
        click.echo(f"Semua {angka(len(hasil.utuh))} berkas hasil sesuai manifest{waktu}.")
    else:
        click.echo(
            f"{angka(len(hasil.berubah))} berkas berubah dan {angka(len(hasil.hilang))} hilang "
            f"sejak build{waktu}; {angka(len(hasil.utuh))} sesuai manifest."
        )
    if hasil.keaslian is not Keaslian.SAH:
        sebab = (
            "manifest disegel dengan kunci pengguna atau komputer lain"
            if hasil.keaslian is Keaslian.KUNCI_LAIN
            else "manifest tidak bersegel (dari versi alat yang lebih lama)"
        )
        click.echo(f"Penulis manifest tidak dapat dipastikan: {sebab}.")
    sys.exit(0 if hasil.sah and hasil.keaslian is Keaslian.SAH else 1 if not hasil.sah else 6)


# --- the folder that keeps itself: history (issue 13) -------------------------------------------


def _teks_nilai(nilai: float | str | None) -> str:
    if nilai is None:
        return "(kosong)"
    return angka(nilai, 6) if isinstance(nilai, float | int) else str(nilai)


def teks_perubahan(hasil: Perubahan) -> list[str]:
    """The lines 'kinerja riwayat' prints for ``hasil``."""
    if hasil.ke is None:
        return ["Belum ada build yang tercatat."]
    if hasil.dari is None:
        return [
            f"Belum ada perubahan: semua build sampai build {hasil.ke.id} ({hasil.ke.waktu}) "
            "membaca berkas yang sama."
        ]
    baris = [
        f"Perubahan dari build {hasil.dari.id} ({hasil.dari.waktu}) "
        f"ke build {hasil.ke.id} ({hasil.ke.waktu}):"
    ]
    baris += [f"berkas baru: {path}" for path in hasil.berkas_baru]
    baris += [f"berkas berubah: {path}" for path in hasil.berkas_berubah]
    baris += [f"berkas dihapus: {path}" for path in hasil.berkas_dihapus]
    for n in hasil.bergeser:
        kode = f"{n.kode} " if n.kode else ""
        baris.append(
            f"{n.tahun} {n.opd}: {kode}{n.indikator}: {n.kolom} "
            f"{_teks_nilai(n.lama)} -> {_teks_nilai(n.baru)} ({n.sumber})"
        )
    baris.append(
        f"{angka(len(hasil.bergeser))} nilai berubah, {angka(hasil.nilai_baru)} nilai baru, "
        f"{angka(hasil.nilai_hilang)} nilai hilang."
    )
    return baris


@main.command("riwayat", short_help="Tampilkan nilai yang berubah antara build.")
@click.help_option("-h", "--help", help=BANTUAN)
@click.argument("masukan", type=click.Path(path_type=Path), callback=_folder_masukan)
@click.option(
    "--out",
    "keluaran",
    type=click.Path(path_type=Path),
    callback=_folder_keluaran,
    default=Path("hasil"),
    metavar="FOLDER",
    help="Folder hasil yang menyimpan riwayat (bawaan: hasil), sama dengan pada build.",
)
@click.option(
    "--opd", default="", metavar="NAMA", help="Hanya perangkat daerah yang namanya memuat NAMA."
)
@click.pass_context
def riwayat_command(ctx: click.Context, masukan: Path, keluaran: Path, opd: str) -> None:
    """Bandingkan build terakhir dari folder MASUKAN ke --out dengan build sebelumnya yang
    membaca berkas berbeda: berkas yang baru, berubah atau dihapus, dan setiap nilai (target,
    realisasi, anggaran) yang bergeser beserta sel asalnya. Riwayat ada di
    --out/kinerja.sqlite.

    Status keluar: 0 selesai; 2 belum ada riwayat atau riwayat rusak.
    """
    console = Console(stderr=True)
    hasil = _jalankan(ctx, console, lambda _: perubahan(keluaran, opd))
    for baris in teks_perubahan(hasil):
        click.echo(baris)


# --- next year's E.81 workbook (issue 13) -------------------------------------------------------


def _folder_masukan_opsional(
    ctx: click.Context, param: click.Parameter, value: Path | None
) -> Path | None:
    return None if value is None else _folder_masukan(ctx, param, value)


TAHUN_FORMULIR = (2000, 2100)
"""The years ``kinerja template`` writes a form for."""


def _tahun_formulir(ctx: click.Context, param: click.Parameter, value: int) -> int:
    awal, akhir = TAHUN_FORMULIR
    if not awal <= value <= akhir:
        raise click.BadParameter(f"tahun harus antara {awal} dan {akhir}")
    return value


def _nama_opd(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in value):
        raise click.BadParameter(
            "nama perangkat daerah berisi karakter kendali (mis. tab, baris baru atau ESC); "
            "tulis namanya saja"
        )
    return value


def _periksa_berkas_templat(berkas: Path, masukan: Path | None, timpa: bool) -> None:
    """Refuse to write the form over a workbook of the input folder (ever) or over an
    existing file (unless ``timpa``)."""
    if not os.path.lexists(berkas):
        return
    if masukan is not None and berkas.resolve().is_relative_to(masukan.resolve()):
        raise click.BadParameter(
            f"'{berkas}' adalah berkas di folder masukan; formulir tidak pernah ditulis di "
            "atas masukan: pilih nama berkas lain",
            param_hint="--out",
        )
    if not timpa:
        raise click.BadParameter(
            f"berkas '{berkas}' sudah ada; pilih nama lain, atau tambahkan --timpa untuk "
            "menimpanya",
            param_hint="--out",
        )


@main.command("template", short_help="Buat workbook formulir E.81 tahun berikutnya untuk satu OPD.")
@click.help_option("-h", "--help", help=BANTUAN)
@click.argument(
    "masukan", type=click.Path(path_type=Path), required=False, callback=_folder_masukan_opsional
)
@click.option(
    "--opd", required=True, metavar="NAMA", callback=_nama_opd, help="Nama perangkat daerah."
)
@click.option(
    "--tahun",
    required=True,
    type=int,
    metavar="TAHUN",
    callback=_tahun_formulir,
    help=f"Tahun formulir ({TAHUN_FORMULIR[0]}-{TAHUN_FORMULIR[1]}).",
)
@click.option(
    "--out",
    "berkas",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="BERKAS.xlsx",
    help="Berkas workbook yang ditulis; berkas yang sudah ada hanya ditimpa dengan --timpa.",
)
@click.option(
    "--timpa",
    is_flag=True,
    help="Timpa BERKAS.xlsx yang sudah ada (tidak pernah workbook di folder MASUKAN).",
)
@click.option(
    "--rencana-aksi",
    "rencana_aksi",
    is_flag=True,
    help="Tulis workbook Rencana Aksi (target triwulan indikator Perjanjian Kinerja), bukan "
    "formulir E.81; memerlukan folder MASUKAN.",
)
@click.pass_context
def template_command(
    ctx: click.Context,
    masukan: Path | None,
    opd: str,
    tahun: int,
    berkas: Path,
    timpa: bool,
    rencana_aksi: bool,
) -> None:
    """Tulis formulir E.81 (evaluasi hasil Renja) tahun TAHUN untuk perangkat daerah NAMA ke
    BERKAS.xlsx: kolom 13, 14 dan 15 berupa rumus yang terkunci, sel K dan Rp hanya menerima
    angka, lembar petunjuk pengisian, dan blok tanda tangan.

    Dengan folder MASUKAN, formulir diisi dari formulir terakhir perangkat daerah itu di
    folder tersebut: baris program/kegiatan, indikator, satuan, target akhir Renstra (kolom 6)
    dan realisasi s.d. tahun lalu (kolom 7), serta penandatangan dari daftar penandatangan.

    Dengan --rencana-aksi, yang ditulis adalah workbook Rencana Aksi tahun TAHUN: indikator,
    satuan dan target tahun dari Perjanjian Kinerja perangkat daerah itu di folder MASUKAN,
    dengan sel target dan rencana anggaran Triwulan I-IV kosong untuk diisi.

    Status keluar: 0 selesai; 2 perangkat daerah tidak ditemukan, berkas sudah ada (tanpa
    --timpa) atau tidak dapat ditulis.
    """
    console = Console(stderr=True)
    if berkas.suffix.lower() != ".xlsx":
        raise click.BadParameter("nama berkas harus berakhiran .xlsx", param_hint="--out")
    if rencana_aksi and masukan is None:
        raise click.BadParameter(
            "--rencana-aksi memerlukan folder MASUKAN: indikator dan target diambil dari "
            "Perjanjian Kinerja perangkat daerah di folder itu",
            param_hint="MASUKAN",
        )
    _periksa_berkas_templat(berkas, masukan, timpa)

    def kerja(_: Progres) -> str:
        from kinerja_report.write.formulir_baru import tulis_berkas  # openpyxl: only here

        if rencana_aksi and masukan is not None:
            templat = templat_rencana_aksi(opd, tahun, masukan)
        else:
            templat = templat_e81(opd, tahun, masukan)
        try:
            tulis_berkas(berkas, templat.isi)
        except OSError as exc:
            raise galat(
                KeluaranTidakDapatDitulis,
                "keluaran-tidak-dapat-ditulis",
                str(berkas),
                alasan=alasan_os(exc),
            ) from exc
        return templat.opd

    nama = _jalankan(ctx, console, kerja)
    jenis = "Rencana Aksi" if rencana_aksi else "Formulir E.81"
    click.echo(f"{jenis} {tahun} untuk {nama} ditulis di {berkas}")


# --- watching the input folder (issue 13) -------------------------------------------------------


def baris_putaran(putaran: Putaran, jam: str) -> str:
    """The one line 'kinerja watch' prints for a build (or for the input folder gone)."""
    if putaran.galat is not None and putaran.galat.masalah.kode == "masukan-hilang":
        return f"[{jam}] Peringatan: {putaran.galat.masalah.pesan}"
    if not putaran.berubah:
        sebab = "build awal"
    elif len(putaran.berubah) == 1:
        sebab = f"{putaran.berubah[0]} berubah"
    else:
        sebab = f"{len(putaran.berubah)} berkas berubah"
    detik = format_decimal(putaran.detik, format="0.0", locale=LOCALE)
    if putaran.galat is not None:
        return f"[{jam}] {sebab}: Galat: {putaran.galat.masalah.pesan} ({detik} detik)"
    assert putaran.hasil is not None
    k = putaran.hasil.kumpulan
    pdf = sum(1 for path in putaran.hasil.berkas_keluaran if path.suffix == ".pdf")
    return (
        f"[{jam}] {sebab}: {angka(k.jumlah_berkas)} workbook, {angka(pdf)} PDF, "
        f"{angka(k.jumlah(Tingkat.GALAT))} galat, {angka(k.jumlah(Tingkat.PERINGATAN))} "
        f"peringatan ({detik} detik)"
    )


@main.command("watch", short_help="Pantau folder masukan dan build ulang setiap ada perubahan.")
@click.help_option("-h", "--help", help=BANTUAN)
@click.argument("masukan", type=click.Path(path_type=Path), callback=_folder_masukan)
@_opsi_keluaran
@_opsi_pekerja
@click.pass_context
def watch_command(ctx: click.Context, masukan: Path, keluaran: Path, jobs: int | None) -> None:
    """Build sekali, lalu build ulang setiap kali workbook di folder MASUKAN ditambah, diubah
    atau dihapus (berkas kunci Excel '~$' diabaikan; berkas yang sedang disalin ditunggu sampai
    ukurannya tetap). Hanya PDF yang isinya berubah dibuat ulang. Satu baris per build.
    Hentikan dengan Ctrl-C: hasil build terakhir yang selesai tetap utuh.
    """
    from kinerja_report.pantau import pantau  # watchfiles (and anyio) only for this command

    console = Console(stderr=True)

    def lapor(putaran: Putaran) -> None:
        click.echo(baris_putaran(putaran, datetime.now().strftime("%H:%M:%S")))

    click.echo(f"Memantau {masukan}; hasil di {keluaran}/. Tekan Ctrl-C untuk berhenti.")
    _jalankan(
        ctx,
        console,
        lambda _: pantau(masukan, keluaran, lapor, jobs),
        lambda _: keluaran / NAMA_LOG,
    )


@main.command(
    "serve", short_help="Jalankan halaman web kantor: unggah, papan status, unduh dokumen."
)
@click.help_option("-h", "--help", help=BANTUAN)
@click.argument("masukan", type=click.Path(path_type=Path), callback=_folder_masukan)
@_opsi_keluaran
@_opsi_pekerja
@click.option(
    "--host",
    default="127.0.0.1",
    metavar="ALAMAT",
    help="Alamat yang didengar (bawaan: 127.0.0.1, hanya komputer ini); 0.0.0.0 agar dapat "
    "dibuka dari laptop lain.",
)
@click.option(
    "--port",
    default=8080,
    type=click.IntRange(1, 65535),
    metavar="PORT",
    help="Nomor port (bawaan: 8080).",
)
def serve_command(masukan: Path, keluaran: Path, jobs: int | None, host: str, port: int) -> None:
    """Jalankan halaman web di atas folder MASUKAN dan folder --out: analis masuk dengan akun
    ('kinerja pengguna tambah'), OPD mengunggah lewat tautannya, dokumen dibuat ulang di latar
    belakang. Hanya dapat dibuka dari komputer ini kecuali --host diberikan.
    """
    from kinerja_report.web.server import baris_mulai, layani  # starlette only for this command

    click.echo(baris_mulai(host, port))
    layani(masukan, keluaran, host, port, jobs)


@main.group("pengguna", short_help="Kelola akun analis untuk 'kinerja serve'.")
@click.help_option("-h", "--help", help=BANTUAN)
def pengguna_group() -> None:
    """Kelola akun analis halaman web ('kinerja serve')."""


@pengguna_group.command("tambah", short_help="Tambah akun analis (atau ganti kata sandinya).")
@click.help_option("-h", "--help", help=BANTUAN)
@click.argument("nama")
def pengguna_tambah_command(nama: str) -> None:
    """Tambah akun analis NAMA; kata sandi dibaca dari terminal (tidak ditampilkan) dan
    disimpan sebagai hash scrypt bergaram di folder konfigurasi pengguna."""
    from kinerja_report.web.akun import AkunTidakValid, periksa_nama, tambah_pengguna

    try:
        periksa_nama(nama)
        sandi = click.prompt("Kata sandi", hide_input=True)
        if click.prompt("Ulangi kata sandi", hide_input=True) != sandi:
            raise AkunTidakValid("Kedua kata sandi tidak sama; akun tidak diubah.")
        baru = tambah_pengguna(nama, sandi)
    except AkunTidakValid as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(f"Akun {nama} {'dibuat' if baru else 'diperbarui'}.")


pakai_bahasa_indonesia(pengguna_group)
pakai_bahasa_indonesia(main)  # last: every command above gets Indonesian help screens
