"""Regency settings (``pengaturan.toml`` in the input folder), with documented defaults."""

from __future__ import annotations

import calendar
import difflib
import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from kinerja_report.check.kewajaran import PENCILAN_IKUT, PENCILAN_KELUARKAN, AturanKewajaran
from kinerja_report.compute.rules import (
    AturanCapaian,
    AturanIndikator,
    AturanPeringatan,
    Pita,
    RumusNegatif,
    SkalaUrut,
)
from kinerja_report.errors import alasan_os
from kinerja_report.read.logo import Logo, LogoTidakValid, baca_logo
from kinerja_report.read.normalize import normalisasi
from kinerja_report.read.safety import BATAS_BAWAAN, MB, BatasWorkbook
from kinerja_report.teks import teks_aman
from kinerja_report.validasi import (
    NAMA_BERKAS,
    TEKS_MAKS,
    angka_positif,
    angka_rentang,
    bilangan_bulat,
    boolean,
    daftar_tabel,
    daftar_teks,
    pilihan,
    tabel,
    teks,
    tidak_valid,
)

BUKAN_ISI = {"kunci": False}
"""Metadata of a dataclass field no document shows (a file's place on this computer): left
out of the documents' keys (:func:`kinerja_report.render.bertahap.kunci_data`)."""

UKURAN_KERTAS = {"F4": (215, 330), "A4": (210, 297)}
"""Paper sizes in millimetres, portrait (width, height)."""


@dataclass(frozen=True)
class Daerah:
    """The regency: names and the letterhead details. Empty by default: a region is never
    made up (the workbooks' titles may name it, see :mod:`kinerja_report.compute.identitas`)."""

    jenis: str = ""
    nama: str = ""
    provinsi: str = ""
    ibu_kota: str = ""
    kode_wilayah: str = ""
    alamat: str = ""
    telepon: str = ""
    email: str = ""
    laman: str = ""
    logo: Path | None = field(default=None, metadata=BUKAN_ISI)
    """The logo file as configured (inside the input folder); documents never load it (nor
    is it in their keys: a moved input folder keeps its documents)."""
    logo_olahan: Logo | None = None
    """The checked, print-sized logo documents embed (:mod:`kinerja_report.read.logo`)."""
    lambang_kepala_daerah: Path | None = field(default=None, metadata=BUKAN_ISI)
    """``[daerah] lambang_kepala_daerah``: the emblem of the Bupati's own letterhead (the
    Garuda Pancasila), an image inside the input folder; None: the regency's logo."""
    lambang_olahan: Logo | None = None
    """The checked, print-sized emblem the Bupati's PK embeds."""

    @property
    def aset(self) -> tuple[Path, ...]:
        """The files a document may load besides the templates: none, the logo is embedded
        as a ``data:`` URL (:attr:`logo_url`) that the PDF fetcher serves."""
        return ()

    @property
    def logo_url(self) -> str | None:
        return self.logo_olahan.url if self.logo_olahan else None

    @property
    def lambang_url(self) -> str | None:
        """The Bupati's letterhead emblem: the one set, else the regency's logo."""
        return self.lambang_olahan.url if self.lambang_olahan else self.logo_url

    @property
    def nama_lengkap(self) -> str:
        """'Kabupaten Kepahiang'; '' when the region is not known."""
        return f"{self.jenis} {self.nama}".strip() if self.nama else ""


@dataclass(frozen=True)
class UraianLkjip:
    """``[lkjip]``: what the LKjIP's Bab I and II say that no workbook holds; '' or () keeps
    a place marked for the analyst to complete."""

    visi: str = ""
    misi: tuple[str, ...] = ()
    tugas_fungsi: str = ""
    struktur_organisasi: str = ""
    isu_strategis: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pengaturan:
    """All settings a build uses."""

    daerah: Daerah = field(default_factory=Daerah)
    ukuran_kertas: str = "F4"
    tempat_penandatanganan: str = ""
    """The place on signature blocks; '' = the capital, else the form's own block."""
    tanggal_perjanjian_kinerja: tuple[int, int] | None = None
    """(month, day) the Perjanjian Kinerja of a year is dated (``[dokumen]
    tanggal_perjanjian = "2 Januari"``); None: the first working day of January."""
    tanggal_perjanjian_perubahan_kinerja: tuple[int, int] = (10, 1)
    """(month, day) from which a Perjanjian Kinerja Perubahan of a year is dated (``[dokumen]
    tanggal_perjanjian_perubahan = "1 Oktober"``, the default: the APBD Perubahan is set by
    the end of September)."""
    hari_libur: frozenset[date] = frozenset()
    """``[dokumen] hari_libur``: national holidays and cuti bersama no PK is dated on (1
    January, Tahun Baru Masehi, always is one)."""
    aturan: AturanCapaian = field(default_factory=AturanCapaian)
    batas_workbook: BatasWorkbook = BATAS_BAWAAN
    """Limits every workbook is checked against before it is parsed (``[batas_workbook]``)."""
    seri_target_ipm: str = "lama"
    """The BPS series the RPJMD IPM targets were set on (Kepahiang 2021-2026: 'lama')."""
    periode_awal: int | None = None
    """``[periode] awal``: first year of the RPJMD period, when set."""
    periode_akhir: int | None = None
    """``[periode] akhir``: last year of the RPJMD period, when set."""
    lampiran_sumber: bool = False
    """``[dokumen] lampiran_sumber``: a last page 'Sumber data' in each evaluation report."""
    kewajaran: AturanKewajaran = field(default_factory=AturanKewajaran)
    """``[kewajaran]``: thresholds of the plausibility findings (docs/kewajaran.md)."""
    peringatan_dini: AturanPeringatan = field(default_factory=AturanPeringatan)
    """``[peringatan_dini]``: how far behind its Rencana Aksi a row is warned about."""
    lkjip: UraianLkjip = field(default_factory=UraianLkjip)
    """``[lkjip]``: the regency's visi, misi, tasks, structure and strategic issues."""

    @property
    def berkas_pendukung(self) -> tuple[Path, ...]:
        """Files of the input folder the settings name (the logo): not reported as stray."""
        return tuple(path for path in (self.daerah.logo, self.daerah.lambang_kepala_daerah) if path)

    def tanggal_perjanjian(self, tahun: int) -> date:
        """The date printed on the Perjanjian Kinerja of ``tahun``: the set day, or 1
        January, moved on to the next working day (never a Saturday, a Sunday, 1 January or
        a day of ``hari_libur``)."""
        return self._hari_kerja_sejak(tahun, self.tanggal_perjanjian_kinerja or (1, 1))

    def tanggal_perjanjian_perubahan(self, tahun: int, setelah: date | None = None) -> date:
        """The date printed on a Perjanjian Kinerja Perubahan of ``tahun``: the set day (1
        October by default), or the day after ``setelah`` (the PK it changes) when that is
        later, moved on to the next working day."""
        tanggal = self._hari_kerja_sejak(tahun, self.tanggal_perjanjian_perubahan_kinerja)
        if setelah is not None and tanggal <= setelah:
            tanggal = setelah + timedelta(days=1)
            while not self.hari_kerja(tanggal):
                tanggal += timedelta(days=1)
        return tanggal

    def _hari_kerja_sejak(self, tahun: int, bulan_hari: tuple[int, int]) -> date:
        bulan, hari = bulan_hari
        if (bulan, hari) == (2, 29) and not calendar.isleap(tahun):
            hari = 28
        tanggal = date(tahun, bulan, hari)
        while not self.hari_kerja(tanggal):
            tanggal += timedelta(days=1)
        return tanggal

    def hari_kerja(self, tanggal: date) -> bool:
        """Whether an office signs documents on ``tanggal``: Monday to Friday, not 1 January
        and not one of ``hari_libur``."""
        return (
            tanggal.weekday() < 5
            and (tanggal.month, tanggal.day) != (1, 1)
            and tanggal not in self.hari_libur
        )

    def ukuran_css(self, lanskap: bool = False) -> str:
        """The CSS ``@page size`` value, e.g. '215mm 330mm' (F4 portrait)."""
        width, height = UKURAN_KERTAS[self.ukuran_kertas]
        if lanskap:
            width, height = height, width
        return f"{width}mm {height}mm"


UKURAN_MAKS = 1024 * 1024
"""pengaturan.toml is a few kilobytes; a larger file is not read."""


def baca_pengaturan(folder: Path) -> Pengaturan | None:
    """Read ``folder/pengaturan.toml``; ``None`` when there is no such file.

    Raises :class:`PengaturanTidakValid` naming the problem when the file is wrong: every
    value is checked for its type and range (:mod:`kinerja_report.validasi`).
    """
    path = folder / NAMA_BERKAS
    if not path.is_file():
        return None
    data = _muat(path)
    _periksa_skema(data)
    return _pengaturan(folder, data)


def _muat(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            raw = handle.read(UKURAN_MAKS + 1)
    except OSError as exc:
        raise tidak_valid(f"berkas tidak dapat dibaca: {alasan_os(exc)}") from exc
    if len(raw) > UKURAN_MAKS:
        raise tidak_valid("berkas lebih dari 1 MB; pengaturan cukup beberapa kilobyte")
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise tidak_valid(
            f"berkas bukan teks UTF-8 (byte ke-{exc.start + 1} tidak sah); simpan ulang sebagai "
            "UTF-8 di editor teks"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise tidak_valid(_galat_toml(exc)) from exc
    except RecursionError as exc:
        raise tidak_valid("daftar atau tabel bersarang terlalu dalam") from exc
    except ValueError as exc:  # an integer of more than 4300 digits
        raise tidak_valid("angka terlalu besar (lebih dari 4.300 digit)") from exc


_LETAK_TOML = re.compile(r"\(at line (\d+), column (\d+)\)")


def _galat_toml(exc: tomllib.TOMLDecodeError) -> str:
    """Where the TOML syntax is wrong, in Indonesian (tomllib's message is English)."""
    found = _LETAK_TOML.search(str(exc))
    letak = f" di baris {found.group(1)}, kolom {found.group(2)}" if found else ""
    return (
        f"penulisan TOML salah{letak}; periksa tanda kutip teks, tanda '=' setelah setiap kunci "
        "dan kurung siku judul bagian"
    )


SKEMA: dict[str, frozenset[str]] = {
    "daerah": frozenset(Daerah.__dataclass_fields__) - {"logo_olahan", "lambang_olahan"},
    "dokumen": frozenset(
        {
            "ukuran_kertas",
            "tempat_penandatanganan",
            "tanggal_perjanjian",
            "tanggal_perjanjian_perubahan",
            "hari_libur",
            "lampiran_sumber",
        }
    ),
    "capaian": frozenset(
        {"rumus_negatif", "batas_rata_rata", "ambang_efisiensi", "kategori", "urutan"}
    ),
    "indikator": frozenset({"nama", "polaritas", "agregasi", "antar_tahun"}),
    "ipm": frozenset({"seri_target"}),
    "periode": frozenset({"awal", "akhir"}),
    "kewajaran": frozenset(AturanKewajaran.__dataclass_fields__),
    "peringatan_dini": frozenset(AturanPeringatan.__dataclass_fields__),
    "lkjip": frozenset(UraianLkjip.__dataclass_fields__),
    "batas_workbook": frozenset(
        {"ukuran_berkas_mb", "ukuran_isi_mb", "jumlah_anggota", "rasio_kompresi"}
    ),
}
"""Every section and key pengaturan.toml may hold: a typo is an error, never ignored."""
DAFTAR_TABEL = frozenset({"indikator"})
"""Sections written as arrays of tables (``[[indikator]]``); all others are tables."""
INDIKATOR_MAKS = 10_000
KATEGORI_MAKS = 20
KUNCI_KATEGORI = frozenset({"batas", "label", "inklusif"})
KUNCI_URUTAN = frozenset({"nama", "urutan"})
URUTAN_MAKS = 20


def _saran(name: str, choices: frozenset[str] | dict[str, frozenset[str]]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" (maksud Anda '{close[0]}'?)" if close else ""


def _periksa_skema(data: dict[str, object]) -> None:
    for section, content in data.items():
        if section not in SKEMA:
            raise tidak_valid(
                f"bagian [{teks_aman(section[:60])}] tidak dikenal{_saran(section, SKEMA)}"
            )
        if section in DAFTAR_TABEL:
            tables = daftar_tabel(section, content, INDIKATOR_MAKS)
        else:
            tables = [tabel(section, content)]
        for table in tables:
            for key in table:
                if key not in SKEMA[section]:
                    raise tidak_valid(
                        f"kunci tidak dikenal di [{section}]: {teks_aman(key[:60])}"
                        f"{_saran(key, SKEMA[section])}"
                    )


def _bagian(data: dict[str, object], section: str) -> dict[str, object]:
    return tabel(section, data.get(section, {}))


def _pengaturan(folder: Path, data: dict[str, object]) -> Pengaturan:
    dokumen = _bagian(data, "dokumen")
    daerah = _daerah(folder, _bagian(data, "daerah"))
    tempat = dokumen.get("tempat_penandatanganan", daerah.ibu_kota)
    tanggal = dokumen.get("tanggal_perjanjian", HARI_KERJA_PERTAMA)
    awal, akhir = _periode(_bagian(data, "periode"))
    kewajaran = _kewajaran(_bagian(data, "kewajaran"))
    aturan = replace(_aturan(data), batas_pencilan=kewajaran.batas_capaian)
    if kewajaran.pencilan == PENCILAN_KELUARKAN:
        aturan = replace(
            aturan,
            pencilan_rata_rata=kewajaran.batas_capaian,
            pencilan_proyeksi=kewajaran.ambang_riwayat,
        )
    return Pengaturan(
        daerah=daerah,
        ukuran_kertas=pilihan(
            "dokumen", "ukuran_kertas", dokumen.get("ukuran_kertas", "F4"), tuple(UKURAN_KERTAS)
        ),
        tempat_penandatanganan=teks("dokumen", "tempat_penandatanganan", tempat, 200),
        tanggal_perjanjian_kinerja=_tanggal(teks("dokumen", "tanggal_perjanjian", tanggal, 40)),
        tanggal_perjanjian_perubahan_kinerja=_tanggal(
            teks(
                "dokumen",
                "tanggal_perjanjian_perubahan",
                dokumen.get("tanggal_perjanjian_perubahan", "1 Oktober"),
                40,
            ),
            "tanggal_perjanjian_perubahan",
        )
        or (10, 1),
        hari_libur=_hari_libur(dokumen.get("hari_libur", [])),
        aturan=aturan,
        seri_target_ipm=pilihan(
            "ipm", "seri_target", _bagian(data, "ipm").get("seri_target", "lama"), ("lama", "baru")
        ),
        batas_workbook=_batas(_bagian(data, "batas_workbook")),
        periode_awal=awal,
        periode_akhir=akhir,
        lampiran_sumber=boolean(
            "dokumen", "lampiran_sumber", dokumen.get("lampiran_sumber", False)
        ),
        kewajaran=kewajaran,
        peringatan_dini=_peringatan(_bagian(data, "peringatan_dini")),
        lkjip=_lkjip(_bagian(data, "lkjip")),
    )


def _lkjip(raw: dict[str, object]) -> UraianLkjip:
    """``[lkjip]``: texts (visi, tugas_fungsi, struktur_organisasi) and lists of texts (misi,
    isu_strategis)."""
    return UraianLkjip(
        visi=teks("lkjip", "visi", raw.get("visi", ""), 2000),
        misi=daftar_teks("lkjip", "misi", raw.get("misi", [])),
        tugas_fungsi=teks("lkjip", "tugas_fungsi", raw.get("tugas_fungsi", ""), 5000),
        struktur_organisasi=teks(
            "lkjip", "struktur_organisasi", raw.get("struktur_organisasi", ""), 5000
        ),
        isu_strategis=daftar_teks("lkjip", "isu_strategis", raw.get("isu_strategis", [])),
    )


KEWAJARAN_MAKS = {
    "pagu_minimum_sub_kegiatan": 1e12,
    "batas_capaian": 1e6,
    "kelipatan_target": 1000.0,
    "ambang_riwayat": 100.0,
    "kelipatan_saudara": 1e6,
    "saudara_minimum": 1000.0,
}
"""The upper bound of each numeric threshold of ``[kewajaran]`` (all from 0)."""


def _kewajaran(raw: dict[str, object]) -> AturanKewajaran:
    """``[kewajaran]``: each threshold, its default (:class:`AturanKewajaran`) when absent."""
    bawaan = AturanKewajaran()
    angka = {
        key: angka_rentang("kewajaran", key, raw.get(key, getattr(bawaan, key)), 0, maks)
        for key, maks in KEWAJARAN_MAKS.items()
    }
    pencilan = raw.get("pencilan", bawaan.pencilan)
    return AturanKewajaran(
        **angka,
        pencilan=pilihan("kewajaran", "pencilan", pencilan, (PENCILAN_IKUT, PENCILAN_KELUARKAN)),
    )


def _peringatan(raw: dict[str, object]) -> AturanPeringatan:
    """``[peringatan_dini]``: each threshold (0-100 points), its default when absent."""
    bawaan = AturanPeringatan()
    return AturanPeringatan(
        **{
            key: angka_rentang("peringatan_dini", key, raw.get(key, getattr(bawaan, key)), 0, 100)
            for key in AturanPeringatan.__dataclass_fields__
        }
    )


def _daerah(folder: Path, raw: dict[str, object]) -> Daerah:
    """``[daerah]``: texts, and the logo (an image inside the input folder, processed)."""
    gambar = ("logo", "lambang_kepala_daerah")
    values = {
        key: teks("daerah", key, value, 200 if key != "alamat" else TEKS_MAKS)
        for key, value in raw.items()
        if key not in gambar
    }
    daerah = Daerah(**values)  # type: ignore[arg-type]  # the keys are Daerah's (SKEMA)
    if daerah.nama and not daerah.jenis:
        daerah = replace(daerah, jenis="Kabupaten")
    if "logo" in raw:
        path, logo = _gambar(folder, "logo", raw["logo"])
        daerah = replace(daerah, logo=path, logo_olahan=logo)
    if "lambang_kepala_daerah" in raw:
        path, logo = _gambar(folder, "lambang_kepala_daerah", raw["lambang_kepala_daerah"])
        daerah = replace(daerah, lambang_kepala_daerah=path, lambang_olahan=logo)
    return daerah


def _gambar(folder: Path, kunci: str, value: object) -> tuple[Path, Logo]:
    """An image of ``[daerah]`` (the logo, the Bupati's emblem): inside the input folder,
    checked and print-sized (:func:`~kinerja_report.read.logo.baca_logo`)."""
    nama = teks("daerah", kunci, value)
    try:
        return baca_logo(folder, nama)
    except LogoTidakValid as exc:
        raise tidak_valid(str(exc)) from exc


def _periode(raw: dict[str, object]) -> tuple[int | None, int | None]:
    """``[periode]`` awal, akhir: the years of the RPJMD period (2000-2100, awal <= akhir)."""
    awal = raw.get("awal")
    akhir = raw.get("akhir")
    awal = None if awal is None else bilangan_bulat("periode", "awal", awal, 2000, 2100)
    akhir = None if akhir is None else bilangan_bulat("periode", "akhir", akhir, 2000, 2100)
    if awal is not None and akhir is not None and awal > akhir:
        raise tidak_valid(f"[periode] awal ({awal}) harus tidak lebih dari akhir ({akhir})")
    return awal, akhir


def _batas(raw: dict[str, object]) -> BatasWorkbook:
    """``[batas_workbook]``: ukuran_berkas_mb, ukuran_isi_mb, jumlah_anggota, rasio_kompresi."""
    bawaan = BATAS_BAWAAN
    berkas_mb = raw.get("ukuran_berkas_mb", bawaan.ukuran_berkas_maks / MB)
    isi_mb = raw.get("ukuran_isi_mb", bawaan.ukuran_isi_maks / MB)
    anggota = raw.get("jumlah_anggota", bawaan.jumlah_anggota_maks)
    rasio = raw.get("rasio_kompresi", bawaan.rasio_anggota_maks)
    bagian = "batas_workbook"
    rasio_maks = angka_positif(bagian, "rasio_kompresi", rasio, 10_000)
    return replace(
        bawaan,
        ukuran_berkas_maks=int(angka_positif(bagian, "ukuran_berkas_mb", berkas_mb, 10_000) * MB),
        ukuran_isi_maks=int(angka_positif(bagian, "ukuran_isi_mb", isi_mb, 100_000) * MB),
        jumlah_anggota_maks=bilangan_bulat(bagian, "jumlah_anggota", anggota, 1, 1_000_000),
        rasio_anggota_maks=rasio_maks,
        rasio_total_maks=rasio_maks,
    )


BULAN = (
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
)


HARI_KERJA_PERTAMA = "hari kerja pertama"
"""The default of ``[dokumen] tanggal_perjanjian``: the first working day of January."""


def _tanggal(text: str, kunci: str = "tanggal_perjanjian") -> tuple[int, int] | None:
    """'2 Januari' -> (1, 2): the day and month the PK of each year is dated; None for
    'hari kerja pertama'. ``kunci``: the setting, for messages."""
    if " ".join(text.lower().split()) == HARI_KERJA_PERTAMA:
        return None
    parts = text.strip().lower().split()
    if len(parts) != 2 or not parts[0].isdecimal() or parts[1] not in BULAN:
        raise tidak_valid(f"[dokumen] {kunci} ditulis seperti '2 Januari'")
    bulan, hari = BULAN.index(parts[1]) + 1, int(parts[0])
    try:
        date(2024, bulan, hari)  # a leap year: 29 Februari is allowed
    except ValueError as exc:
        raise tidak_valid(f"[dokumen] {kunci} '{text}' tidak ada") from exc
    return bulan, hari


def _hari_libur(value: object) -> frozenset[date]:
    """``[dokumen] hari_libur``: a list of dates (TOML dates or '2025-01-27' texts)."""
    if not isinstance(value, list):
        raise tidak_valid('[dokumen] hari_libur berupa daftar tanggal, mis. ["2025-01-27"]')
    out = set()
    for item in value:
        if isinstance(item, date) and not isinstance(item, datetime):
            out.add(item)
            continue
        try:
            out.add(date.fromisoformat(str(item).strip()))
        except ValueError as exc:
            raise tidak_valid(
                f"[dokumen] hari_libur: '{str(item)[:40]}' bukan tanggal; tulis seperti "
                '"2025-01-27" (tahun-bulan-tanggal)'
            ) from exc
    return frozenset(out)


def _aturan(data: dict[str, object]) -> AturanCapaian:
    """The ``[capaian]`` section and the ``[[indikator]]`` overrides."""
    capaian = _bagian(data, "capaian")
    bawaan = AturanCapaian()  # the defaults, written once: in AturanCapaian
    rumus = pilihan(
        "capaian",
        "rumus_negatif",
        capaian.get("rumus_negatif", bawaan.rumus_negatif.value),
        tuple(r.value for r in RumusNegatif),
    )
    batas = angka_rentang(
        "capaian",
        "batas_rata_rata",
        capaian.get("batas_rata_rata", bawaan.batas_rata_rata or 0),
        0,
        1000,
    )
    ambang = angka_rentang(
        "capaian",
        "ambang_efisiensi",
        capaian.get("ambang_efisiensi", bawaan.ambang_efisiensi),
        0,
        100,
    )
    return AturanCapaian(
        rumus_negatif=RumusNegatif(rumus),
        skala=_skala(capaian.get("kategori")),
        batas_rata_rata=batas or None,
        ambang_efisiensi=ambang,
        indikator=_override(data.get("indikator", [])),
        skala_urut=(*_skala_urut(capaian.get("urutan", [])), *AturanCapaian().skala_urut),
    )


def _skala_urut(raw: object) -> list[SkalaUrut]:
    """``[[capaian.urutan]]``: more ordinal scales, each a name and its labels best first;
    they are tried before the built-in ones."""
    out = []
    for nomor, item in enumerate(daftar_tabel("capaian.urutan", raw, URUTAN_MAKS), 1):
        bagian = f"capaian.urutan ke-{nomor}"
        for key in item:
            if key not in KUNCI_URUTAN:
                raise tidak_valid(
                    f"kunci tidak dikenal di [[capaian.urutan]]: {teks_aman(key[:60])}"
                    f"{_saran(key, KUNCI_URUTAN)}"
                )
        labels = item.get("urutan")
        if not isinstance(labels, list) or not 2 <= len(labels) <= URUTAN_MAKS:
            raise tidak_valid(
                f"[[capaian.urutan]] ke-{nomor}: 'urutan' harus daftar 2 sampai {URUTAN_MAKS} "
                "label, dari yang terbaik"
            )
        nama = teks(bagian, "nama", item.get("nama", f"urutan ke-{nomor}"), 100)
        out.append(SkalaUrut(nama, tuple(teks(bagian, "urutan", label, 100) for label in labels)))
    return out


def _skala(raw: object) -> tuple[Pita, ...]:
    if raw is None:
        return AturanCapaian().skala
    if not isinstance(raw, list) or not raw:
        raise tidak_valid("[[capaian.kategori]] harus berisi daftar batas dan label")
    bands = []
    for nomor, item in enumerate(daftar_tabel("capaian.kategori", raw, KATEGORI_MAKS), 1):
        bagian = f"capaian.kategori ke-{nomor}"
        if "batas" not in item or "label" not in item:
            raise tidak_valid("setiap [[capaian.kategori]] perlu 'batas' dan 'label'")
        for key in item:
            if key not in KUNCI_KATEGORI:
                raise tidak_valid(
                    f"kunci tidak dikenal di [[capaian.kategori]]: {teks_aman(key[:60])}"
                    f"{_saran(key, KUNCI_KATEGORI)}"
                )
        bands.append(
            Pita(
                angka_rentang(bagian, "batas", item["batas"], -1000, 1000),
                teks(bagian, "label", item["label"], 100),
                boolean(bagian, "inklusif", item.get("inklusif", True)),
            )
        )
    bands.sort(key=lambda pita: pita.batas, reverse=True)
    return (*bands, Pita(float("-inf"), bands[-1].label))


def _override(raw: object) -> dict[str, AturanIndikator]:
    out = {}
    for nomor, item in enumerate(daftar_tabel("indikator", raw, INDIKATOR_MAKS), 1):
        if not item.get("nama"):
            raise tidak_valid("setiap [[indikator]] perlu 'nama'")
        nama = teks(f"indikator ke-{nomor}", "nama", item["nama"])
        bagian = f"indikator '{teks_aman(nama[:60])}'"
        out[normalisasi(nama)] = AturanIndikator(
            polaritas=pilihan(
                bagian, "polaritas", item.get("polaritas", ""), ("positif", "negatif"), True
            ),
            agregasi=pilihan(
                bagian,
                "agregasi",
                item.get("agregasi", ""),
                ("kumulatif", "akhir", "rata-rata"),
                True,
            ),
            antar_tahun=pilihan(
                bagian, "antar_tahun", item.get("antar_tahun", ""), ("jumlah", "terakhir"), True
            ),
        )
    return out
