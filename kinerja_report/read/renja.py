"""Reading the E.81 form 'Evaluasi terhadap Hasil Renja Perangkat Daerah' (Permendagri 86/2017).

Row rules (docs/membaca.md): continuation rows (blank code and name) are
further indicators of the row above; OPD banner rows name the OPD; Jumlah / Total /
Rata-rata / Predikat rows are not indicators; Faktor ... / Tindak lanjut rows are kept as
notes; hidden rows are reported and not read. The level of each row comes from its code, its
name, the format of its name cell and its position, all at once (:mod:`.tingkat`); the title
block gives the region, the year, the OPD and a sasaran; the header of column 6 the end of
the Renstra period; the foot of the form its signatory (:mod:`.tanda_tangan`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from kinerja_report.errors import LembarTidakDikenali, galat
from kinerja_report.formats import angka
from kinerja_report.model import (
    KOSONG,
    EvaluasiRenja,
    IndikatorRenja,
    JumlahFormulir,
    SimpulRenja,
    Sumber,
    TingkatIndikator,
)
from kinerja_report.problems import Masalah, masalah
from kinerja_report.read.cells import GALAT_EXCEL, PembacaSel
from kinerja_report.read.codes import bersihkan_kode, pisah_kode_nama
from kinerja_report.read.header import Header, kolom_menurut_isi
from kinerja_report.read.normalize import bersihkan, normalisasi
from kinerja_report.read.rpjmd import baca_polaritas
from kinerja_report.read.satuan_uang import terapkan_satuan_uang
from kinerja_report.read.sheet import Lembar
from kinerja_report.read.styles import TANPA_GAYA
from kinerja_report.read.tanda_tangan import baca_tanda_tangan, baca_tanda_tangan_evaluator
from kinerja_report.read.tingkat import BarisKepala, tentukan_tingkat, tingkat_dari_kolom
from kinerja_report.read.titles import (
    baris_berlabel,
    label_judul,
    opd_dari_nama_berkas,
    opd_dari_teks,
    opd_sebelum_wilayah,
    periode_dari_teks,
    tahun_dari_judul,
    tahun_dari_path,
    teks_judul,
    triwulan_dari_teks,
    wilayah_dari_judul,
)

_RINGKASAN = re.compile(r"^(jumlah|total|rata-rata|rata rata|predikat)\b")
_JUMLAH = re.compile(r"^(jumlah|total)\b")
_NARASI = re.compile(r"^(faktor|tindak lanjut)")
_DAFTAR_INDIKATOR = re.compile(r"^\s*1\s*[.)]\s*\S.*\s2\s*[.)]\s*\S", re.DOTALL)


@dataclass
class _Konteks:
    """What continuation rows inherit from the rows above."""

    kepala: int = -1
    """Index of the head row (in :attr:`_Hasil.kepala`) the next indicators belong to."""
    sasaran: str = ""
    tujuan: str = ""
    sasaran_rpjmd: str = ""
    sumber_sasaran: Sumber | None = None
    akhiran_indikator: bool = False
    """Codes of indicator rows end in the indicator's number ('X.XX.01.2.01.01.02')."""


@dataclass
class _Hasil:
    indikator: list[tuple[int, IndikatorRenja]] = field(default_factory=list)
    """Each indicator with the index of its head row."""
    kepala: list[BarisKepala] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    opd_banner: str = ""
    jumlah: list[int] = field(default_factory=list)
    """Total rows of the form: 'Jumlah ...', or unlabelled rows right after an indicator."""
    baris_akhir: int = 0
    """The last row that belonged to the table (an indicator or a note)."""


def baca_evaluasi_renja(
    lembar: Lembar, header: Header, relatif: PurePath
) -> tuple[EvaluasiRenja, list[Masalah]]:
    """Read one E.81 sheet. ``relatif`` is the file's path below the input folder.

    Raises :class:`LembarTidakDikenali` when the year or a needed column is missing.
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
    header = kolom_menurut_isi(lembar, header)
    judul = teks_judul(lembar, header.baris_awal)
    pasangan = label_judul(lembar, header.baris_awal)
    label = {**pasangan, **baris_berlabel(judul)}
    header, satuan_masalah = terapkan_satuan_uang(lembar, header)
    sel = PembacaSel(lembar, header)
    sel.masalah.extend(satuan_masalah)
    tahun = tahun_formulir(lembar, judul, pasangan, relatif, sel.masalah)
    hasil = _baca_baris(sel, label.get("sasaran", ""), label.get("tujuan", ""))
    tingkat, tingkat_masalah = tentukan_tingkat(hasil.kepala)
    sel.masalah.extend(tingkat_masalah)
    opd = next((found for text in judul if (found := opd_dari_teks(text))), None)
    opd = opd or pasangan.get("opd") or hasil.opd_banner or opd_sebelum_wilayah(judul)
    opd = opd or opd_berkas(lembar, relatif, sel.masalah)
    awal, akhir, sumber_periode = _periode(lembar, header)
    kaki = max(hasil.baris_akhir + 1, header.baris_data)
    evaluasi = EvaluasiRenja(
        lembar.berkas,
        lembar.nama,
        opd,
        tahun,
        tuple(
            replace(row, tingkat=tingkat[i] if i >= 0 else TingkatIndikator.LAINNYA)
            for i, row in hasil.indikator
        ),
        tuple(hasil.catatan),
        wilayah=wilayah_dari_judul(judul),
        tahun_awal=awal,
        tahun_akhir=akhir,
        sumber_periode=sumber_periode,
        tanda_tangan=baca_tanda_tangan(lembar, kaki, tahun, opd),
        sasaran_judul=label.get("sasaran", ""),
        tujuan_judul=label.get("tujuan", ""),
        program_judul=label.get("program", ""),
        triwulan=triwulan_formulir(judul, pasangan, lembar.nama),
        tanda_tangan_evaluator=baca_tanda_tangan_evaluator(lembar, kaki, tahun, opd),
        simpul=_simpul(lembar, header, hasil.kepala, tingkat),
        jumlah_formulir=_jumlah_formulir(lembar, header, hasil.jumlah),
    )
    return evaluasi, sel.masalah


def tahun_formulir(
    lembar: Lembar,
    judul: list[str],
    pasangan: dict[str, str],
    relatif: PurePath,
    problems: list[Masalah],
) -> int:
    """The year of a form: its title ('Tahun 2023', 'Tahun | : | 2023'), else its folder
    or file name, said by a warning (``tahun-dari-folder``)."""
    tahun = tahun_dari_judul(judul) or _tahun(pasangan.get("tahun", ""))
    if tahun is not None:
        return tahun
    tahun = tahun_dari_path(relatif)
    if tahun is None:
        raise galat(LembarTidakDikenali, "tahun-tidak-diketahui", lembar.berkas, lembar.nama)
    asal = "nama folder" if tahun_dari_path(relatif.parent / "_") is not None else "nama berkas"
    problems.append(
        masalah("tahun-dari-folder", lembar.berkas, lembar.nama, tahun=tahun, asal=asal)
    )
    return tahun


def triwulan_formulir(judul: list[str], pasangan: dict[str, str], nama_lembar: str) -> int:
    """The last quarter a form reports: its title ('Triwulan II', 'Triwulan | : | II'),
    else its sheet name ('Realisasi TW IV'), else the year (4)."""
    pair = [f"triwulan {pasangan['triwulan']}"] if "triwulan" in pasangan else []
    return triwulan_dari_teks([*judul, *pair]) or triwulan_dari_teks([nama_lembar]) or 4


def opd_berkas(lembar: Lembar, relatif: PurePath, problems: list[Masalah]) -> str:
    """The last resort for the OPD: the file name, said by a warning."""
    opd = opd_dari_nama_berkas(relatif)
    if not opd:
        raise galat(LembarTidakDikenali, "opd-tidak-diketahui", lembar.berkas, lembar.nama)
    problems.append(masalah("opd-dari-nama-berkas", lembar.berkas, lembar.nama, opd=opd))
    return opd


def _tahun(text: str) -> int | None:
    """The year of a 'Tahun : 2021' pair ('2021', 2021.0, 'TA 2021')."""
    found = re.search(r"(?<!\d)(20\d\d)(?!\d)", text)
    return int(found.group(1)) if found else None


def _simpul(
    lembar: Lembar,
    header: Header,
    kepala: list[BarisKepala],
    tingkat: list[TingkatIndikator],
) -> tuple[SimpulRenja, ...]:
    """The head rows with their level; a row without an indicator keeps the budget it shows
    (read quietly: its cells are not indicator cells, their problems are not reported)."""
    diam = PembacaSel(lembar, header)
    return tuple(
        SimpulRenja(
            row.baris,
            row.kode,
            row.uraian,
            level,
            row.berindikator,
            row.sumber,
            KOSONG if row.berindikator else diam.rp(row.baris, "target_renja"),
        )
        for row, level in zip(kepala, tingkat, strict=True)
    )


def _periode(lembar: Lembar, header: Header) -> tuple[int | None, int | None, Sumber | None]:
    """The Renstra period from the header of column 6 ('... pada Tahun 2030 (akhir periode)',
    'Target RPJMD pada Tahun 2016 s/d 2021')."""
    kolom = header.cari("target_renstra", "k")
    if kolom is None:
        return None, None, None
    awal, akhir = periode_dari_teks(kolom.jalur)
    if akhir is None:
        return None, None, None
    return awal, akhir, lembar.sumber(header.baris_awal, kolom.indeks)


def _baca_baris(sel: PembacaSel, sasaran_judul: str, tujuan_judul: str) -> _Hasil:
    lembar = sel.lembar
    konteks = _Konteks(sasaran=sasaran_judul, tujuan=tujuan_judul)
    konteks.akhiran_indikator = _akhiran_indikator(sel)
    hasil = _Hasil()
    batas = _baris_data_terakhir(sel)
    setelah_data = False  # after an indicator row an unlabelled row of sums is a total row
    for baris in sel.baris_data():  # the one row walk: empty and hidden rows handled there
        cells = lembar.baris_teks(baris)
        banner = next((found for _, text in cells if (found := opd_dari_teks(text))), None)
        if banner:
            hasil.opd_banner = hasil.opd_banner or banner
            continue
        label = normalisasi(sel.teks(baris, "uraian") or sel.teks(baris, "no"))
        if _NARASI.match(label):
            hasil.catatan.append(" ".join(dict.fromkeys(text for _, text in cells)))
            hasil.baris_akhir = baris
            continue
        if _RINGKASAN.match(label):
            if _JUMLAH.match(label):
                hasil.jumlah.append(baris)
            setelah_data = False
            continue
        if setelah_data and not label and _baris_jumlah(sel, baris):
            hasil.jumlah.append(baris)
            setelah_data = False
            continue
        if baris > batas:
            continue  # template rows below the data: code stubs, formulas pre-filled
        _perbarui_konteks(sel, baris, konteks, hasil)
        kepala = hasil.kepala[konteks.kepala] if konteks.kepala >= 0 else None
        row = _indikator(sel, baris, konteks, kepala)
        setelah_data = row is not None or setelah_data
        if row is not None:
            hasil.indikator.append((konteks.kepala, row))
            hasil.baris_akhir = baris
    return hasil


def _galat(value: object) -> bool:
    return isinstance(value, str) and bool(GALAT_EXCEL.match(value.strip()))


def _baris_data_terakhir(sel: PembacaSel) -> int:
    """The last row with an indicator and a target (K or Rp); the rows below are not data (a
    template pre-filled with formulas down to row 1.000 leaves code stubs and cached errors).
    Their cached errors are one line for the sheet (``sisa-templat``)."""
    lembar = sel.lembar
    indikator = sel.header.cari("indikator", "k")
    targets = [
        kolom.indeks
        for sub in ("k", "rp")
        if (kolom := sel.header.cari("target_renja", sub)) is not None
    ]
    if indikator is None or not targets:
        return lembar.jumlah_baris
    last = 0
    for baris in range(sel.header.baris_data, lembar.jumlah_baris + 1):
        name = lembar.teks_sendiri(baris, indikator.indeks)
        values = [lembar.nilai(baris, kolom) for kolom in targets]
        if (
            name not in ("", "-")
            and not _galat(name)
            and any(value is not None and not _galat(value) for value in values)
        ):
            last = baris
    if not last:
        return lembar.jumlah_baris
    errors = Counter(
        str(value).strip()
        for (baris, kolom), value in lembar.nilai_sel.items()
        if baris > last and _galat(value) and (baris, kolom) not in lembar.asal
    )
    if errors:
        sel.masalah.append(
            masalah(
                "sisa-templat",
                lembar.berkas,
                lembar.nama,
                jumlah=angka(errors.total()),
                contoh=", ".join(sorted(errors)),
                baris=last,
            )
        )
    return last


KOLOM_JUMLAH = (
    ("target_renstra", 0),
    ("realisasi_renstra_lalu", 0),
    ("target_renja", 0),
    ("triwulan", 1),
    ("triwulan", 2),
    ("triwulan", 3),
    ("triwulan", 4),
    ("realisasi_renja", 0),
    ("realisasi_renstra", 0),
)
"""The money columns 6 to 14 of the form, as (field, quarter)."""


def _baris_jumlah(sel: PembacaSel, baris: int) -> bool:
    """An unlabelled row without code, name or indicator whose pagu cell holds a number."""
    indikator = sel.header.cari("indikator", "k")
    if kode_baris(sel, baris) or sel.teks_baris_ini(baris, "uraian"):
        return False
    if indikator is not None and sel.lembar.teks_sendiri(baris, indikator.indeks):
        return False
    kolom = sel.header.cari("target_renja", "rp")
    return kolom is not None and isinstance(sel.lembar.nilai(baris, kolom.indeks), int | float)


def _jumlah_formulir(lembar: Lembar, header: Header, rows: list[int]) -> tuple[JumlahFormulir, ...]:
    """The money cells of the form's total rows (read quietly: not indicator cells)."""
    diam = PembacaSel(lembar, header)
    return tuple(
        JumlahFormulir(baris, tuple(diam.rp(baris, bidang, tw) for bidang, tw in KOLOM_JUMLAH))
        for baris in rows
    )


def kode_baris(sel: PembacaSel, baris: int) -> str:
    """The code of a row: one cell, or one segment per column ('1' | '01' | 20.0)."""
    segments = [
        bersihkan_kode(sel.lembar.nilai(baris, kolom.indeks))
        for kolom in sel.header.kolom
        if kolom.bidang == "kode"
        and sel.lembar.asal.get((baris, kolom.indeks), (baris, kolom.indeks))[0] == baris
    ]
    return ".".join(segment for segment in segments if segment)


def _berindikator(sel: PembacaSel, baris: int) -> bool:
    indikator = sel.header.cari("indikator", "k")
    return bool(indikator and sel.lembar.teks_sendiri(baris, indikator.indeks))


def _akhiran_indikator(sel: PembacaSel) -> bool:
    """Whether the codes of indicator rows carry the indicator's number as a last segment:
    some code has 7 segments, or two indicator rows in a row share all segments but the last
    and the second has no name of its own (the name only on the item's first row)."""
    before: tuple[str, ...] = ()
    for baris in range(sel.header.baris_data, sel.lembar.jumlah_baris + 1):
        if not _berindikator(sel, baris):
            continue
        segments = tuple(kode_baris(sel, baris).split("."))
        if len(segments) >= 7:
            return True
        nameless = not sel.teks_baris_ini(baris, "uraian")
        if (
            nameless
            and len(segments) >= 3
            and len(segments) == len(before)
            and segments[:-1] == before[:-1]
            and segments[-1] != before[-1]
            and all(s.isdigit() and len(s) <= 2 for s in (segments[-1], before[-1]))
        ):
            return True
        before = segments
    return False


def _perbarui_konteks(sel: PembacaSel, baris: int, konteks: _Konteks, hasil: _Hasil) -> None:
    kode = kode_baris(sel, baris)
    uraian = sel.teks_baris_ini(baris, "uraian")
    if not kode and uraian:
        kode, uraian = pisah_kode_nama(uraian)
    if konteks.akhiran_indikator and kode.count(".") >= 2 and _berindikator(sel, baris):
        kode = kode.rsplit(".", 1)[0]  # 'X.XX.01.2.01.01.02': indicator 02 of X.XX.01.2.01.01
    for name in ("sasaran", "tujuan", "sasaran_rpjmd"):
        text = sel.teks(baris, name)
        if text:
            setattr(konteks, name, text)
            kolom_sasaran = sel.header.cari(name)
            if name == "sasaran" and kolom_sasaran is not None:
                konteks.sumber_sasaran = sel.lembar.sumber(baris, kolom_sasaran.indeks)
    if not kode and not uraian:
        return  # a continuation row: a further indicator of the row above
    kepala = hasil.kepala[konteks.kepala] if konteks.kepala >= 0 else None
    if kepala is not None and kode == kepala.kode and uraian in ("", kepala.uraian):
        return  # the head's code (and name) typed again on its further indicator rows
    kolom = sel.header.cari("uraian") or sel.header.cari("kode")
    sumber = sel.lembar.sumber(baris, kolom.indeks) if kolom else None
    gaya = sel.lembar.gaya(baris, kolom.indeks) if kolom else None
    hasil.kepala.append(
        BarisKepala(
            baris,
            kode,
            uraian,
            gaya or TANPA_GAYA,
            sumber,
            _berindikator(sel, baris),
            tingkat_dari_kolom(sel.teks(baris, "tingkat")),
        )
    )
    konteks.kepala = len(hasil.kepala) - 1


def _indikator(
    sel: PembacaSel, baris: int, konteks: _Konteks, kepala: BarisKepala | None
) -> IndikatorRenja | None:
    kolom = sel.header.cari("indikator", "k")
    nama = bersihkan(sel.lembar.teks_sendiri(baris, kolom.indeks)) if kolom else ""
    if not nama or nama == "-":
        return None
    if kolom is not None and _DAFTAR_INDIKATOR.match(nama):
        lembar = sel.lembar
        sel.masalah.append(
            masalah(
                "banyak-indikator-satu-sel",
                lembar.berkas,
                lembar.nama,
                lembar.alamat(baris, kolom.indeks),
            )
        )
    target = sel.k(baris, "target_renja")
    quarters = tuple(sel.k(baris, "triwulan", tw, target) for tw in range(1, 5))
    return IndikatorRenja(
        baris=baris,
        kode=kepala.kode if kepala else "",
        tingkat=TingkatIndikator.LAINNYA,  # decided for the whole sheet at the end
        uraian=kepala.uraian if kepala else "",
        sasaran=konteks.sasaran,
        indikator=nama,
        satuan=sel.teks(baris, "satuan"),
        target=target,
        target_rp=sel.rp(baris, "target_renja"),
        triwulan=quarters,  # type: ignore[arg-type]
        triwulan_rp=tuple(sel.rp(baris, "triwulan", tw) for tw in range(1, 5)),  # type: ignore[arg-type]
        realisasi_tahunan=sel.k(baris, "realisasi_renja", 0, target),
        realisasi_tahunan_rp=sel.rp(baris, "realisasi_renja"),
        target_renstra=sel.k(baris, "target_renstra"),
        target_renstra_rp=sel.rp(baris, "target_renstra"),
        realisasi_lalu=sel.k(baris, "realisasi_renstra_lalu"),
        realisasi_lalu_rp=sel.rp(baris, "realisasi_renstra_lalu"),
        realisasi_renstra=sel.k(baris, "realisasi_renstra"),
        realisasi_renstra_rp=sel.rp(baris, "realisasi_renstra"),
        capaian_renstra=sel.k(baris, "capaian_renstra"),
        capaian_renstra_rp=sel.rp(baris, "capaian_renstra"),
        tujuan=konteks.tujuan,
        sasaran_rpjmd=konteks.sasaran_rpjmd,
        polaritas=_polaritas(sel, baris),
        agregasi=sel.teks(baris, "agregasi"),
        triwulan_persen=tuple(sel.persen(baris, "triwulan", tw) for tw in range(1, 5)),
        penanggung_jawab=sel.teks(baris, "penanggung_jawab"),
        keterangan=sel.teks_baris_ini(baris, "keterangan"),
        sumber_indikator=sel.lembar.sumber(baris, kolom.indeks) if kolom else None,
        sumber_sasaran=konteks.sumber_sasaran,
    )


def _polaritas(sel: PembacaSel, baris: int) -> str:
    """The polarity column, or a 'Sifat' column that holds a direction ('naik (baik)',
    'turun (baik)') instead of an aggregation."""
    text = sel.teks(baris, "polaritas")
    if text:
        return text
    sifat = sel.teks(baris, "agregasi")
    if baca_polaritas(sifat) is not None:  # no aggregation word reads as a direction
        return sifat
    return ""
