"""Reading the E.81 form 'Evaluasi terhadap Hasil Renja Perangkat Daerah' (Permendagri 86/2017)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from kinerja_report.errors import LembarTidakDikenali, galat
from kinerja_report.model import (
    KOSONG,
    EvaluasiRenja,
    IndikatorRenja,
    Nilai,
    TingkatIndikator,
)
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.codes import bersihkan_kode, tingkat_dari_kode
from kinerja_report.read.header import Header, Kolom
from kinerja_report.read.normalize import bersihkan, normalisasi
from kinerja_report.read.numbers import BukanAngka, parse_angka
from kinerja_report.read.sheet import Lembar
from kinerja_report.read.titles import opd_dari_teks, tahun_dari_judul, tahun_dari_path, teks_judul

_RINGKASAN = re.compile(r"^(jumlah|total|rata-rata|rata rata|predikat)\b")
_NARASI = re.compile(r"^(faktor|tindak lanjut)")


@dataclass
class _Konteks:
    """What continuation rows inherit from the row above."""

    kode: str = ""
    uraian: str = ""
    tingkat: TingkatIndikator = TingkatIndikator.LAINNYA
    sasaran: str = ""


@dataclass
class _Pembaca:
    lembar: Lembar
    header: Header
    masalah: list[Masalah] = field(default_factory=list)

    def kolom(self, bidang: str, sub: str = "", triwulan: int = 0) -> Kolom | None:
        return self.header.cari(bidang, sub, triwulan)

    def teks(self, baris: int, bidang: str) -> str:
        kolom = self.kolom(bidang)
        return bersihkan(self.lembar.nilai(baris, kolom.indeks)) if kolom else ""

    def nilai(self, baris: int, kolom: Kolom | None, boleh_teks: bool) -> Nilai:
        """A numeric cell; text is kept as a qualitative value when ``boleh_teks``."""
        if kolom is None:
            return KOSONG
        raw = self.lembar.nilai(baris, kolom.indeks)
        sumber = self.lembar.sumber(baris, kolom.indeks)
        try:
            angka = parse_angka(raw)
        except BukanAngka as exc:
            if boleh_teks:
                return Nilai(teks=bersihkan(exc.teks), sumber=sumber)
            self.masalah.append(
                masalah(
                    "teks-di-kolom-angka",
                    sumber.berkas,
                    sumber.lembar,
                    sumber.sel,
                    teks=bersihkan(exc.teks),
                    kolom=kolom.jalur,
                )
            )
            return Nilai(sumber=sumber)
        if angka is None:
            return Nilai(sumber=sumber)
        return Nilai(angka=angka * kolom.skala, sumber=sumber)


def baca_evaluasi_renja(
    lembar: Lembar, header: Header, relatif: PurePath
) -> tuple[EvaluasiRenja, list[Masalah]]:
    """Read one E.81 sheet. ``relatif`` is the file's path below the input folder.

    Raises :class:`LembarTidakDikenali` when the year, the OPD or a needed column is missing.
    """
    for bidang in ("indikator", "target_renja"):
        if header.cari(bidang, "k") is None:
            raise galat(
                LembarTidakDikenali,
                "kolom-wajib-hilang",
                lembar.berkas,
                lembar.nama,
                kolom=bidang.replace("_", " "),
            )
    judul = teks_judul(lembar, header.baris_awal)
    tahun = tahun_dari_judul(judul) or tahun_dari_path(relatif)
    if tahun is None:
        raise galat(LembarTidakDikenali, "tahun-tidak-diketahui", lembar.berkas, lembar.nama)
    opd = next((found for text in judul if (found := opd_dari_teks(text))), None)
    pembaca = _Pembaca(lembar, header)
    indikator, catatan, opd_banner = _baca_baris(pembaca)
    opd = opd or opd_banner
    if not opd:
        raise galat(LembarTidakDikenali, "opd-tidak-diketahui", lembar.berkas, lembar.nama)
    evaluasi = EvaluasiRenja(
        lembar.berkas, lembar.nama, opd, tahun, tuple(indikator), tuple(catatan)
    )
    return evaluasi, pembaca.masalah


def _baca_baris(pembaca: _Pembaca) -> tuple[list[IndikatorRenja], list[str], str]:
    lembar = pembaca.lembar
    konteks = _Konteks()
    indikator: list[IndikatorRenja] = []
    catatan: list[str] = []
    opd_banner = ""
    for baris in range(pembaca.header.baris_data, lembar.jumlah_baris + 1):
        cells = lembar.baris_teks(baris)
        if not cells:
            continue
        if baris in lembar.baris_tersembunyi:
            pembaca.masalah.append(
                masalah("baris-tersembunyi", lembar.berkas, lembar.nama, f"A{baris}", baris=baris)
            )
            continue
        banner = next((found for _, text in cells if (found := opd_dari_teks(text))), None)
        if banner:
            opd_banner = opd_banner or banner
            continue
        label = normalisasi(
            pembaca.teks(baris, "uraian")
            or pembaca.teks(baris, "no")
            or pembaca.teks(baris, "kode")
        )
        if _NARASI.match(label):
            catatan.append(" ".join(text for _, text in cells))
            continue
        if _RINGKASAN.match(label):
            continue
        _perbarui_konteks(pembaca, baris, konteks)
        row = _indikator(pembaca, baris, konteks)
        if row is not None:
            indikator.append(row)
    return indikator, catatan, opd_banner


def _perbarui_konteks(pembaca: _Pembaca, baris: int, konteks: _Konteks) -> None:
    kode = (
        bersihkan_kode(pembaca.lembar.nilai(baris, k.indeks))
        if (k := pembaca.kolom("kode"))
        else ""
    )
    uraian = pembaca.teks(baris, "uraian")
    sasaran = pembaca.teks(baris, "sasaran")
    if sasaran:
        konteks.sasaran = sasaran
    if not kode and not uraian:
        return  # a continuation row: further indicator of the row above
    konteks.kode, konteks.uraian = kode, uraian
    konteks.tingkat = tingkat_dari_kode(kode) or TingkatIndikator.LAINNYA


def _indikator(pembaca: _Pembaca, baris: int, konteks: _Konteks) -> IndikatorRenja | None:
    nama = pembaca.teks(baris, "indikator")
    if not nama or nama == "-":
        return None
    quarters_k = tuple(
        pembaca.nilai(baris, pembaca.kolom("triwulan", "k", tw), boleh_teks=True)
        for tw in range(1, 5)
    )
    quarters_rp = tuple(
        pembaca.nilai(baris, pembaca.kolom("triwulan", "rp", tw), boleh_teks=False)
        for tw in range(1, 5)
    )
    return IndikatorRenja(
        baris=baris,
        kode=konteks.kode,
        tingkat=konteks.tingkat,
        uraian=konteks.uraian,
        sasaran=konteks.sasaran,
        indikator=nama,
        satuan=pembaca.teks(baris, "satuan"),
        target=pembaca.nilai(baris, pembaca.kolom("target_renja", "k"), boleh_teks=True),
        target_rp=pembaca.nilai(baris, pembaca.kolom("target_renja", "rp"), boleh_teks=False),
        triwulan=quarters_k,  # type: ignore[arg-type]
        triwulan_rp=quarters_rp,  # type: ignore[arg-type]
        realisasi_tahunan=pembaca.nilai(
            baris, pembaca.kolom("realisasi_renja", "k"), boleh_teks=True
        ),
        realisasi_tahunan_rp=pembaca.nilai(
            baris, pembaca.kolom("realisasi_renja", "rp"), boleh_teks=False
        ),
    )
