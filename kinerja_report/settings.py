"""Regency settings (``pengaturan.toml`` in the input folder), with documented defaults."""

from __future__ import annotations

import calendar
import difflib
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from kinerja_report.compute.rules import (
    AturanCapaian,
    AturanIndikator,
    Pita,
    RumusNegatif,
)
from kinerja_report.errors import PengaturanTidakValid, galat
from kinerja_report.read.normalize import normalisasi
from kinerja_report.read.safety import BATAS_BAWAAN, MB, BatasWorkbook

NAMA_BERKAS = "pengaturan.toml"
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
    logo: Path | None = None

    @property
    def aset(self) -> tuple[Path, ...]:
        """The files a document may load besides the templates: the logo, if any."""
        return (self.logo,) if self.logo else ()

    @property
    def logo_url(self) -> str | None:
        return self.logo.as_uri() if self.logo else None

    @property
    def nama_lengkap(self) -> str:
        """'Kabupaten Kepahiang'; '' when the region is not known."""
        return f"{self.jenis} {self.nama}".strip() if self.nama else ""


@dataclass(frozen=True)
class Pengaturan:
    """All settings a build uses."""

    daerah: Daerah = field(default_factory=Daerah)
    ukuran_kertas: str = "F4"
    tempat_penandatanganan: str = ""
    """The place on signature blocks; '' = the capital, else the form's own block."""
    tanggal_perjanjian_kinerja: tuple[int, int] = (1, 2)
    """(month, day) the Perjanjian Kinerja of a year is dated: 2 January by default."""
    aturan: AturanCapaian = field(default_factory=AturanCapaian)
    batas_workbook: BatasWorkbook = BATAS_BAWAAN
    """Limits every workbook is checked against before it is parsed (``[batas_workbook]``)."""
    seri_target_ipm: str = "lama"
    """The BPS series the RPJMD IPM targets were set on (Kepahiang 2021-2026: 'lama')."""
    periode_awal: int | None = None
    periode_akhir: int | None = None
    """The RPJMD / Renstra period (``[periode] awal, akhir``), when the settings give it."""

    def tanggal_perjanjian(self, tahun: int) -> date:
        """The date printed on the Perjanjian Kinerja of ``tahun``."""
        bulan, hari = self.tanggal_perjanjian_kinerja
        if (bulan, hari) == (2, 29) and not calendar.isleap(tahun):
            hari = 28
        return date(tahun, bulan, hari)

    def ukuran_css(self, lanskap: bool = False) -> str:
        """The CSS ``@page size`` value, e.g. '215mm 330mm' (F4 portrait)."""
        width, height = UKURAN_KERTAS[self.ukuran_kertas]
        if lanskap:
            width, height = height, width
        return f"{width}mm {height}mm"


def baca_pengaturan(folder: Path) -> Pengaturan | None:
    """Read ``folder/pengaturan.toml``; ``None`` when there is no such file.

    Raises :class:`PengaturanTidakValid` naming the problem when the file is wrong.
    """
    path = folder / NAMA_BERKAS
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise _tidak_valid(str(exc)) from exc
    _periksa_skema(data)
    try:
        return _pengaturan(folder, data)
    except (TypeError, ValueError, AttributeError) as exc:
        raise _tidak_valid(f"nilai dengan jenis yang salah ({exc})") from exc


SKEMA: dict[str, frozenset[str]] = {
    "daerah": frozenset(Daerah.__dataclass_fields__),
    "dokumen": frozenset({"ukuran_kertas", "tempat_penandatanganan", "tanggal_perjanjian"}),
    "capaian": frozenset({"rumus_negatif", "batas_rata_rata", "ambang_efisiensi", "kategori"}),
    "indikator": frozenset({"nama", "polaritas", "agregasi", "antar_tahun"}),
    "ipm": frozenset({"seri_target"}),
    "periode": frozenset({"awal", "akhir"}),
    "batas_workbook": frozenset(
        {"ukuran_berkas_mb", "ukuran_isi_mb", "jumlah_anggota", "rasio_kompresi"}
    ),
}
"""Every section and key pengaturan.toml may hold: a typo is an error, never ignored."""


def _saran(name: str, choices: frozenset[str] | dict[str, frozenset[str]]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" (maksud Anda '{close[0]}'?)" if close else ""


def _periksa_skema(data: dict[str, object]) -> None:
    for section, content in data.items():
        if section not in SKEMA:
            raise _tidak_valid(f"bagian [{section}] tidak dikenal{_saran(section, SKEMA)}")
        tables = content if isinstance(content, list) else [content]
        for table in tables:
            if not isinstance(table, dict):
                raise _tidak_valid(f"[{section}] harus berupa tabel")
            for key in table:
                if key not in SKEMA[section]:
                    raise _tidak_valid(
                        f"kunci tidak dikenal di [{section}]: {key}{_saran(key, SKEMA[section])}"
                    )


def _pengaturan(folder: Path, data: dict[str, object]) -> Pengaturan:
    daerah_data = dict(data.get("daerah", {}))  # type: ignore[call-overload]
    dokumen = data.get("dokumen", {})
    assert isinstance(dokumen, dict)
    logo = daerah_data.pop("logo", None)
    logo_path = (folder / str(logo)).resolve() if logo else None
    if logo_path is not None and not logo_path.is_file():
        raise _tidak_valid(f"berkas logo '{logo}' tidak ada")
    ukuran = str(dokumen.get("ukuran_kertas", "F4")).upper()
    if ukuran not in UKURAN_KERTAS:
        raise _tidak_valid(f"ukuran_kertas harus salah satu dari {', '.join(UKURAN_KERTAS)}")
    daerah = Daerah(**{key: str(value) for key, value in daerah_data.items()}, logo=logo_path)
    if daerah.nama and not daerah.jenis:
        daerah = replace(daerah, jenis="Kabupaten")
    return Pengaturan(
        daerah=daerah,
        ukuran_kertas=ukuran,
        tempat_penandatanganan=str(dokumen.get("tempat_penandatanganan", daerah.ibu_kota)),
        tanggal_perjanjian_kinerja=_tanggal(str(dokumen.get("tanggal_perjanjian", "2 Januari"))),
        aturan=_aturan(data),
        seri_target_ipm=_seri_ipm(data),
        batas_workbook=_batas(data),
        **_periode(data),
    )


def _periode(data: dict[str, object]) -> dict[str, int | None]:
    """``[periode] awal, akhir``: years 2000-2100, awal <= akhir."""
    raw = data.get("periode", {})
    if not isinstance(raw, dict):
        raise _tidak_valid("[periode] harus berupa tabel")
    out: dict[str, int | None] = {}
    for key in ("awal", "akhir"):
        value = raw.get(key)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 2000 <= value <= 2100
        ):
            raise _tidak_valid(f"[periode] {key} harus tahun (bilangan bulat 2000-2100)")
        out[f"periode_{key}"] = value
    if out["periode_awal"] and out["periode_akhir"] and out["periode_awal"] > out["periode_akhir"]:
        raise _tidak_valid("[periode] awal harus sebelum atau sama dengan akhir")
    return out


def _batas(data: dict[str, object]) -> BatasWorkbook:
    """``[batas_workbook]``: ukuran_berkas_mb, ukuran_isi_mb, jumlah_anggota, rasio_kompresi."""
    raw = data.get("batas_workbook", {})
    if not isinstance(raw, dict):
        raise _tidak_valid("[batas_workbook] harus berupa tabel")
    values = {}
    for key in ("ukuran_berkas_mb", "ukuran_isi_mb", "jumlah_anggota", "rasio_kompresi"):
        value = raw.get(key)
        if value is not None and (not isinstance(value, int | float) or value <= 0):
            raise _tidak_valid(f"[batas_workbook] {key} harus angka positif")
        values[key] = value
    bawaan = BATAS_BAWAAN
    rasio = float(values["rasio_kompresi"] or bawaan.rasio_anggota_maks)
    return replace(
        bawaan,
        ukuran_berkas_maks=int((values["ukuran_berkas_mb"] or bawaan.ukuran_berkas_maks / MB) * MB),
        ukuran_isi_maks=int((values["ukuran_isi_mb"] or bawaan.ukuran_isi_maks / MB) * MB),
        jumlah_anggota_maks=int(values["jumlah_anggota"] or bawaan.jumlah_anggota_maks),
        rasio_anggota_maks=rasio,
        rasio_total_maks=rasio,
    )


def _seri_ipm(data: dict[str, object]) -> str:
    ipm = data.get("ipm", {})
    seri = str(ipm.get("seri_target", "lama")) if isinstance(ipm, dict) else ""
    if seri not in {"lama", "baru"}:
        raise _tidak_valid("[ipm] seri_target harus 'lama' atau 'baru'")
    return seri


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


def _tanggal(text: str) -> tuple[int, int]:
    """'2 Januari' -> (1, 2): the day and month the PK of each year is dated."""
    parts = text.strip().lower().split()
    if len(parts) != 2 or not parts[0].isdecimal() or parts[1] not in BULAN:
        raise _tidak_valid("tanggal_perjanjian ditulis seperti '2 Januari'")
    bulan, hari = BULAN.index(parts[1]) + 1, int(parts[0])
    try:
        date(2024, bulan, hari)  # a leap year: 29 Februari is allowed
    except ValueError as exc:
        raise _tidak_valid(f"tanggal_perjanjian '{text}' tidak ada") from exc
    return bulan, hari


def _tidak_valid(alasan: str) -> PengaturanTidakValid:
    error = galat(PengaturanTidakValid, "pengaturan-tidak-valid", NAMA_BERKAS, alasan=alasan)
    assert isinstance(error, PengaturanTidakValid)
    return error


def _aturan(data: dict[str, object]) -> AturanCapaian:
    """The ``[capaian]`` section and the ``[[indikator]]`` overrides."""
    capaian = data.get("capaian", {})
    if not isinstance(capaian, dict):
        raise _tidak_valid("[capaian] harus berupa tabel")
    rumus = str(capaian.get("rumus_negatif", "A")).upper()
    if rumus not in RumusNegatif.__members__:
        raise _tidak_valid("rumus_negatif harus 'A' atau 'B'")
    batas = capaian.get("batas_rata_rata", 0)
    ambang = capaian.get("ambang_efisiensi", 5)
    numbers = (batas, ambang)
    if any(isinstance(v, bool) or not isinstance(v, int | float) for v in numbers):
        raise _tidak_valid("batas_rata_rata dan ambang_efisiensi harus berupa angka")
    return AturanCapaian(
        rumus_negatif=RumusNegatif(rumus),
        skala=_skala(capaian.get("kategori")),
        batas_rata_rata=float(batas) if batas else None,
        ambang_efisiensi=float(ambang),
        indikator=_override(data.get("indikator", [])),
    )


def _skala(raw: object) -> tuple[Pita, ...]:
    if raw is None:
        return AturanCapaian().skala
    if not isinstance(raw, list) or not raw:
        raise _tidak_valid("[[capaian.kategori]] harus berisi daftar batas dan label")
    bands = []
    for item in raw:
        if not isinstance(item, dict) or "batas" not in item or "label" not in item:
            raise _tidak_valid("setiap [[capaian.kategori]] perlu 'batas' dan 'label'")
        bands.append(
            Pita(float(item["batas"]), str(item["label"]), bool(item.get("inklusif", True)))
        )
    bands.sort(key=lambda pita: pita.batas, reverse=True)
    return (*bands, Pita(float("-inf"), bands[-1].label))


def _override(raw: object) -> dict[str, AturanIndikator]:
    if not isinstance(raw, list):
        raise _tidak_valid("[[indikator]] harus berupa daftar tabel")
    out = {}
    for item in raw:
        if not isinstance(item, dict) or not item.get("nama"):
            raise _tidak_valid("setiap [[indikator]] perlu 'nama'")
        polaritas = str(item.get("polaritas", "")).strip().lower()
        agregasi = str(item.get("agregasi", "")).strip().lower()
        tahunan = str(item.get("antar_tahun", "")).strip().lower()
        if tahunan not in {"", "jumlah", "terakhir"}:
            raise _tidak_valid(
                f"[[indikator]] {item['nama']}: antar_tahun harus 'jumlah' atau 'terakhir', "
                f"bukan '{tahunan}'"
            )
        if polaritas not in {"", "positif", "negatif"}:
            raise _tidak_valid(
                f"[[indikator]] {item['nama']}: polaritas harus 'positif' atau "
                f"'negatif', bukan '{polaritas}'"
            )
        if agregasi not in {"", "kumulatif", "akhir", "rata-rata"}:
            raise _tidak_valid(
                f"[[indikator]] {item['nama']}: agregasi harus 'kumulatif', "
                f"'akhir' atau 'rata-rata', bukan '{agregasi}'"
            )
        out[normalisasi(item["nama"])] = AturanIndikator(
            polaritas=polaritas, agregasi=agregasi, antar_tahun=tahunan
        )
    return out
