"""Reading typed values from the cells of a classified table, reporting problems by cell."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kinerja_report.formats import angka as format_angka
from kinerja_report.model import KOSONG, Nilai, Sumber
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.header import Header, Kolom
from kinerja_report.read.normalize import bersihkan
from kinerja_report.read.numbers import (
    BATAS_ANGKA,
    AngkaTidakWajar,
    BukanAngka,
    adalah_strip,
    parse_angka,
)
from kinerja_report.read.sheet import Lembar

GALAT_EXCEL = re.compile(r"^#(DIV/0!|REF!|VALUE!|N/A|NAME\?|NUM!|NULL!|SPILL!|CALC!)")
_TAMPIL_MAKS = 40


def masalah_angka_tidak_wajar(sumber: Sumber, teks: str) -> Masalah:
    """'angka-tidak-wajar' at the cell: a number that is not finite or does not fit."""
    shown = teks if len(teks) <= _TAMPIL_MAKS else teks[:_TAMPIL_MAKS] + "…"
    return masalah(
        "angka-tidak-wajar",
        sumber.berkas,
        sumber.lembar,
        sumber.sel,
        angka=shown,
        batas=format_angka(BATAS_ANGKA),
    )


@dataclass
class PembacaSel:
    """Reads cells of one sheet through its header; collects the problems it meets."""

    lembar: Lembar
    header: Header
    masalah: list[Masalah] = field(default_factory=list)

    def teks(self, baris: int, bidang: str) -> str:
        kolom = self.header.cari(bidang)
        return bersihkan(self.lembar.nilai(baris, kolom.indeks)) if kolom else ""

    def teks_baris_ini(self, baris: int, bidang: str) -> str:
        """The text of a cell unless it is merged down from a row above (then it belongs to
        that row: the rows below are further indicators of it)."""
        kolom = self.header.cari(bidang)
        if kolom is None:
            return ""
        if self.lembar.asal.get((baris, kolom.indeks), (baris, 0))[0] != baris:
            return ""
        return bersihkan(self.lembar.nilai(baris, kolom.indeks))

    def baris_data(self) -> Iterator[int]:
        """The rows below the header that hold anything; hidden rows are reported (info)
        and skipped. Every sheet kind walks its rows through here."""
        lembar = self.lembar
        for baris in range(self.header.baris_data, lembar.jumlah_baris + 1):
            if not lembar.baris_teks(baris):
                continue
            if baris in lembar.baris_tersembunyi:
                self.masalah.append(
                    masalah(
                        "baris-tersembunyi", lembar.berkas, lembar.nama, f"A{baris}", baris=baris
                    )
                )
                continue
            yield baris

    def k(
        self, baris: int, bidang: str, triwulan: int = 0, target: Nilai = KOSONG, tahun: int = 0
    ) -> Nilai:
        """A K (physical) value. Text is kept as a qualitative value ('WTP', 'BB') unless the
        target is a number, where text is an error at the cell."""
        kolom = self.header.cari(bidang, "k", triwulan, tahun)
        nilai = self._nilai(baris, kolom)
        if nilai.teks is not None and target.angka is not None and kolom is not None:
            self._teks_di_angka(baris, kolom, nilai.teks)
            return Nilai(sumber=nilai.sumber)
        return nilai

    def angka(self, baris: int, bidang: str) -> Nilai:
        """A value that must be a number (IPM components, years): text is an error."""
        kolom = self.header.cari(bidang)
        nilai = self._nilai(baris, kolom)
        if nilai.teks is not None and kolom is not None:
            self._teks_di_angka(baris, kolom, nilai.teks)
            return Nilai(sumber=nilai.sumber)
        return nilai

    def rp(self, baris: int, bidang: str, triwulan: int = 0) -> Nilai:
        """A money value in rupiah (scaled by the header, e.g. 'Rp. (000)'); text is an error."""
        kolom = self.header.cari(bidang, "rp", triwulan)
        nilai = self._nilai(baris, kolom)
        if nilai.teks is not None and kolom is not None:
            self._teks_di_angka(baris, kolom, nilai.teks)
            return Nilai(sumber=nilai.sumber)
        return nilai

    def persen(self, baris: int, bidang: str, triwulan: int = 0) -> Nilai:
        """A '%' sub-column (e.g. the quarters' cumulative percentage); text is ignored."""
        kolom = self.header.cari(bidang, "persen", triwulan)  # a '%' column, never a bare one
        if kolom is None:
            return Nilai()
        nilai = self._nilai(baris, kolom)
        return nilai if nilai.teks is None else Nilai(sumber=nilai.sumber)

    def _nilai(self, baris: int, kolom: Kolom | None) -> Nilai:
        if kolom is None:
            return KOSONG
        lembar = self.lembar
        raw = lembar.nilai(baris, kolom.indeks)
        sumber = lembar.sumber(baris, kolom.indeks)
        if raw is None:
            origin = lembar.asal.get((baris, kolom.indeks), (baris, kolom.indeks))
            if origin in lembar.rumus:
                self.masalah.append(
                    masalah("rumus-tanpa-nilai", sumber.berkas, sumber.lembar, sumber.sel)
                )
            return Nilai(sumber=sumber)
        if isinstance(raw, str) and GALAT_EXCEL.match(raw.strip()):
            self.masalah.append(
                masalah(
                    "galat-rumus-tersimpan",
                    sumber.berkas,
                    sumber.lembar,
                    sumber.sel,
                    galat=raw.strip(),
                )
            )
            return Nilai(sumber=sumber)
        try:
            angka = parse_angka(raw)
        except AngkaTidakWajar as exc:
            self.masalah.append(masalah_angka_tidak_wajar(sumber, exc.teks))
            return Nilai(sumber=sumber)
        except BukanAngka as exc:
            return Nilai(teks=bersihkan(exc.teks), sumber=sumber)
        if angka is None:
            return Nilai(sumber=sumber, strip=adalah_strip(raw))
        if abs(angka * kolom.skala) > BATAS_ANGKA:  # 'Rp. (000)', 'juta': scaled too far
            self.masalah.append(masalah_angka_tidak_wajar(sumber, f"{angka:g} x {kolom.skala:g}"))
            return Nilai(sumber=sumber)
        return Nilai(angka=angka * kolom.skala, sumber=sumber)

    def _teks_di_angka(self, baris: int, kolom: Kolom, teks: str) -> None:
        sumber = self.lembar.sumber(baris, kolom.indeks)
        self.masalah.append(
            masalah(
                "teks-di-kolom-angka",
                sumber.berkas,
                sumber.lembar,
                sumber.sel,
                teks=teks,
                kolom=kolom.jalur,
            )
        )
