"""The LKjIP draft (Laporan Kinerja Instansi Pemerintah, PermenPAN-RB 53/2014) as a list of
blocks (headings, paragraphs, tables) that both writers read: the .docx analysts edit
(:mod:`kinerja_report.write.lkjip_docx`) and the PDF (:mod:`kinerja_report.render.lkjip`), so
both hold the same content.

The regency's from its summary (:mod:`kinerja_report.compute.ringkasan`); an OPD's from its
own rows. Paragraphs about an indicator come from :mod:`kinerja_report.compute.narasi` (facts
from the numbers only); the causes are quoted as the OPDs wrote them; what the numbers cannot
say is a paragraph marked for the analyst to complete.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from kinerja_report.compute.aggregate import agregat
from kinerja_report.compute.budget import efisiensi
from kinerja_report.compute.lkjip_bagian import (
    blok_dukungan,
    dukungan_sasaran,
    ikhtisar_opd,
    ikhtisar_pemda,
    kata_pengantar,
    lampiran_pemda,
    langkah_selanjutnya,
    pagu_per_program,
    penjelasan_opd,
    sistematika,
    tabel_pk,
)
from kinerja_report.compute.lkjip_blok import (
    ISIAN,
    Blok,
    DaftarIsi,
    Judul,
    Paragraf,
    Tabel,
    teks_capaian,
    teks_nilai,
)
from kinerja_report.compute.narasi import FaktaIndikator, kalimat_pencilan, paragraf
from kinerja_report.compute.perjanjian import (
    PerjanjianKinerja,
    jabatan_kepala_daerah,
    jabatan_kepala_opd,
)
from kinerja_report.compute.report import LaporanOpd, pagu_program
from kinerja_report.compute.ringkasan import IndikatorDaerah, RingkasanTahun
from kinerja_report.compute.rkpd import EvaluasiRkpd
from kinerja_report.compute.rules import AturanCapaian
from kinerja_report.compute.table import BarisCapaian
from kinerja_report.formats import angka, persen, rupiah
from kinerja_report.model import MatriksRpjmd, TingkatIndikator
from kinerja_report.read.normalize import normalisasi
from kinerja_report.settings import Daerah, UraianLkjip

BIDANG_URUSAN = {
    "1.01": "Pendidikan",
    "1.02": "Kesehatan",
    "1.03": "Pekerjaan Umum dan Penataan Ruang",
    "1.04": "Perumahan dan Kawasan Permukiman",
    "1.05": "Ketenteraman dan Ketertiban Umum serta Pelindungan Masyarakat",
    "1.06": "Sosial",
    "2.07": "Tenaga Kerja",
    "2.08": "Pemberdayaan Perempuan dan Pelindungan Anak",
    "2.09": "Pangan",
    "2.10": "Pertanahan",
    "2.11": "Lingkungan Hidup",
    "2.12": "Administrasi Kependudukan dan Pencatatan Sipil",
    "2.13": "Pemberdayaan Masyarakat dan Desa",
    "2.14": "Pengendalian Penduduk dan Keluarga Berencana",
    "2.15": "Perhubungan",
    "2.16": "Komunikasi dan Informatika",
    "2.17": "Koperasi, Usaha Kecil, dan Menengah",
    "2.18": "Penanaman Modal",
    "2.19": "Kepemudaan dan Olahraga",
    "2.20": "Statistik",
    "2.21": "Persandian",
    "2.22": "Kebudayaan",
    "2.23": "Perpustakaan",
    "2.24": "Kearsipan",
    "3.25": "Kelautan dan Perikanan",
    "3.26": "Pariwisata",
    "3.27": "Pertanian",
    "3.28": "Kehutanan",
    "3.29": "Energi dan Sumber Daya Mineral",
    "3.30": "Perdagangan",
    "3.31": "Perindustrian",
    "3.32": "Transmigrasi",
    "4.01": "Sekretariat Daerah",
    "4.02": "Sekretariat DPRD",
    "5.01": "Perencanaan",
    "5.02": "Keuangan",
    "5.03": "Kepegawaian",
    "5.04": "Pendidikan dan Pelatihan",
    "5.05": "Penelitian dan Pengembangan",
    "6.01": "Pengawasan (Inspektorat Daerah)",
    "7.01": "Kewilayahan (Kecamatan)",
    "8.01": "Kesatuan Bangsa dan Politik",
}
"""Bidang urusan by code (nomenclature of Permendagri 90/2019), when the forms name none."""


@dataclass(frozen=True)
class DokumenLkjip:
    tahun: int
    instansi: str
    """'Pemerintah Kabupaten Kepahiang' or the OPD's name."""
    daerah: Daerah
    blok: tuple[Blok, ...]
    pemda: bool = False
    """The regency's (from the RPJMD matrix too), else an OPD's."""

    @property
    def judul(self) -> str:
        return f"Laporan Kinerja {self.instansi} Tahun {self.tahun}"

    @property
    def pengantar(self) -> str:
        """The note under the title: where the draft comes from, what to complete."""
        sumber = (
            "data evaluasi hasil Renja dan matriks RPJMD"
            if self.pemda
            else ("formulir evaluasi hasil Renja perangkat daerah")
        )
        return (
            f"Draf disusun oleh kinerja-report dari {sumber}. Lengkapi bagian yang bertanda "
            "[Diisi analis: ...]."
        )


def _angka(value: float | None) -> str:
    return angka(value, 4) if value is not None else ""


def _isian(teks: str, tempat: str) -> Paragraf:
    """``teks`` from the settings, or the place for the analyst to complete."""
    return Paragraf(teks) if teks else Paragraf(f"{ISIAN}{tempat}]", isian=True)


def _daftar(isi: Sequence[str], tempat: str) -> list[Blok]:
    if not isi:
        return [_isian("", tempat)]
    return [Paragraf(f"{n}. {item}") for n, item in enumerate(isi, start=1)]


def _bab_i(
    instansi: str, daerah: Daerah, tahun: int, uraian: str, isi: UraianLkjip | None = None
) -> list[Blok]:
    """Bab I; ``isi``: the regency's tasks, structure and strategic issues from the
    settings (``[lkjip]``), else places marked for the analyst."""
    isi = isi or UraianLkjip()
    wilayah = daerah.nama_lengkap
    letak = f" di Provinsi {daerah.provinsi}" if daerah.provinsi else ""
    return [
        Judul(1, "BAB I PENDAHULUAN"),
        Judul(2, "1.1 Latar Belakang"),
        Paragraf(
            f"Laporan Kinerja {instansi} Tahun {tahun} disusun sebagai wujud pertanggungjawaban "
            "atas pelaksanaan tugas dan fungsi dalam mencapai sasaran yang ditetapkan dalam "
            "perencanaan kinerja, sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem "
            "Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 "
            "Tahun 2014."
        ),
        Judul(2, "1.2 Gambaran Umum"),
        Paragraf(
            f"{uraian}"
            + (f" {wilayah} terletak{letak}." if wilayah and letak else "")
            + (f" Ibu kota: {daerah.ibu_kota}." if daerah.ibu_kota else "")
        ),
        Judul(2, "1.3 Tugas, Fungsi dan Struktur Organisasi"),
        _isian(
            isi.tugas_fungsi,
            "tugas pokok dan fungsi menurut peraturan kepala daerah tentang kedudukan, susunan "
            "organisasi, tugas dan fungsi",
        ),
        _isian(isi.struktur_organisasi, "struktur organisasi dan sumber daya manusia"),
        Judul(2, "1.4 Isu Strategis"),
        *_daftar(isi.isu_strategis, "isu strategis sebagaimana dirumuskan dalam RPJMD/Renstra"),
        *sistematika("1.5"),
    ]


def _bab_iv(kalimat: str, langkah: Sequence[Blok] = ()) -> list[Blok]:
    blok: list[Blok] = [Judul(1, "BAB IV PENUTUP")]
    if langkah:
        blok.append(Judul(2, "4.1 Simpulan"))
    blok += [
        Paragraf(kalimat),
        Paragraf(f"{ISIAN}simpulan umum atas capaian kinerja.]", isian=True),
    ]
    if langkah:
        blok += [Judul(2, "4.2 Langkah Selanjutnya"), *langkah]
    else:
        blok.append(
            Paragraf(
                f"{ISIAN}langkah perbaikan yang akan dilakukan pada tahun berikutnya.]",
                isian=True,
            )
        )
    return blok


def _faktor(laporan: Iterable[LaporanOpd]) -> list[Blok]:
    """The narrative rows of each OPD's form, quoted as written."""
    out: list[Blok] = []
    for lap in laporan:
        if not lap.catatan:
            continue
        out.append(Paragraf(f"{lap.opd}:"))
        out.extend(Paragraf(teks, kutipan=True) for teks in lap.catatan)
    if not out:
        out.append(
            Paragraf(
                f"{ISIAN}faktor pendorong dan penghambat; formulir evaluasi tidak memuatnya.]",
                isian=True,
            )
        )
    return out


def _efisiensi(baris: list[BarisCapaian], aturan: AturanCapaian) -> Tabel:
    rows = []
    for item in agregat(baris, lambda r: r.sasaran or "(sasaran tidak disebutkan)", aturan):
        selisih = (
            item.rata_rata - item.serapan
            if item.rata_rata is not None and item.serapan is not None
            else None
        )
        rows.append(
            (
                item.opd,
                item.kelompok,
                persen(item.rata_rata),
                persen(item.serapan),
                angka(selisih, 2) if selisih is not None else "",
                efisiensi(item.rata_rata, item.serapan, aturan),
            )
        )
    return Tabel(
        "Efisiensi: rata-rata capaian dan serapan anggaran per sasaran",
        (
            "Perangkat Daerah",
            "Sasaran",
            "Rata-rata capaian",
            "Serapan",
            "Selisih (poin)",
            "Efisiensi",
        ),
        tuple(rows),
        (18, 34, 12, 12, 10, 14),
        frozenset({2, 3, 4}),
    )


def _program(laporan: Iterable[LaporanOpd]) -> Tabel:
    rows = []
    for lap in laporan:
        indikator: dict[tuple[str, str], list[BarisCapaian]] = defaultdict(list)
        for row in lap.baris:
            if row.tingkat is TingkatIndikator.PROGRAM:
                indikator[(row.kode.strip(), row.uraian.strip())].append(row)
        for node in pagu_program(lap.baris):
            items = indikator.get((node.kode, node.uraian), [])
            rows.append(
                (
                    lap.opd,
                    f"{node.kode} {node.uraian}".strip(),
                    "\n".join(r.indikator for r in items),
                    "\n".join(teks_capaian(r) for r in items),
                    rupiah(node.pagu),
                    rupiah(node.realisasi),
                    persen(node.realisasi / node.pagu * 100) if node.pagu else "",
                )
            )
    return Tabel(
        "Program pendukung: capaian dan anggaran",
        ("Perangkat Daerah", "Program", "Indikator", "Capaian", "Pagu", "Realisasi", "Serapan"),
        tuple(rows),
        (13, 20, 19, 8, 16, 16, 8),
        frozenset({3, 4, 5, 6}),
    )


def _urusan(laporan: Iterable[LaporanOpd]) -> Tabel:
    """Budget per bidang urusan: the first two segments of each programme's code."""
    nama: dict[str, str] = {}
    pagu: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for lap in laporan:
        for row in lap.baris:
            if row.tingkat is TingkatIndikator.BIDANG_URUSAN and row.uraian:
                nama.setdefault(".".join(row.kode.split(".")[:2]), row.uraian)
        for node in pagu_program(lap.baris):
            kode = ".".join(node.kode.split(".")[:2]) if node.kode else ""
            pagu[kode][0] += node.pagu
            pagu[kode][1] += node.realisasi
    rows = [
        (
            kode or "-",
            nama.get(kode) or BIDANG_URUSAN.get(kode, ""),
            rupiah(p),
            rupiah(r),
            persen(r / p * 100) if p else "",
        )
        for kode, (p, r) in sorted(pagu.items())
    ]
    total_p = sum(p for p, _ in pagu.values())
    total_r = sum(r for _, r in pagu.values())
    rows.append(
        (
            "",
            "Jumlah",
            rupiah(total_p),
            rupiah(total_r),
            persen(total_r / total_p * 100) if total_p else "",
        )
    )
    return Tabel(
        "Realisasi anggaran per bidang urusan",
        ("Kode", "Bidang urusan", "Pagu", "Realisasi", "Serapan"),
        tuple(rows),
        (10, 42, 18, 18, 12),
        frozenset({2, 3, 4}),
    )


# --------------------------------------------------------------------------- regency


def _fakta(
    row: BarisCapaian,
    lalu: tuple[int, float] | None,
    nasional: tuple[float, str] | None = None,
) -> FaktaIndikator:
    """The facts of one indicator-year the paragraph is written from: its own row, the
    previous year's realisation and the national figure, each when known."""
    return FaktaIndikator(
        indikator=row.indikator,
        satuan=row.satuan,
        tahun=row.tahun,
        polaritas=row.polaritas,
        target=row.target,
        realisasi=row.realisasi,
        capaian=row.capaian.persen,
        kategori=row.kategori,
        tercapai=row.capaian.tercapai,
        lalu=lalu,
        nasional=nasional,
        target_akhir=row.target_akhir.angka,
        tahun_akhir=row.tahun_akhir,
        proyeksi=row.kemajuan.proyeksi,
        capaian_sd=row.kemajuan.capaian_sd,
        status=row.kemajuan.status,
    )


def _seri_lain(item: IndikatorDaerah) -> str:
    """Beside a national figure of another series: the regency's figure of that series."""
    if item.nasional is None or not item.seri_berbeda:
        return ""
    if item.daerah_sebanding is None:
        return f" (seri {item.nasional.seri}, tidak sebanding)"
    return f" (seri {item.nasional.seri}; daerah {angka(item.daerah_sebanding)})"


def _fakta_daerah(item: IndikatorDaerah) -> FaktaIndikator:
    nasional = item.nasional
    fakta = _fakta(
        item.baris,
        item.realisasi_lalu,
        (nasional.nilai.angka, nasional.sumber)
        if nasional is not None and nasional.nilai.angka is not None
        else None,
    )
    return replace(
        fakta,
        seri_nasional=nasional.seri if nasional is not None else "",
        seri_daerah=item.seri_daerah,
        daerah_sebanding=item.daerah_sebanding if item.seri_berbeda else None,
    )


def _sebelumnya(item: IndikatorDaerah, lalu: Sequence[RingkasanTahun]) -> str:
    """'2022: 68,42 (100,62 %)' per earlier year, one per line."""
    lines = []
    for r in lalu:
        for other in r.indikator:
            if other.baris.indikator == item.baris.indikator and r.tahun < item.baris.tahun:
                teks = teks_nilai(other.baris.realisasi)
                if teks:
                    capaian = teks_capaian(other.baris)
                    lines.append(f"{r.tahun}: {teks}" + (f" ({capaian})" if capaian else ""))
    return "\n".join(lines)


def _pembanding(item: IndikatorDaerah) -> str:
    parts = []
    if item.nasional is not None:
        parts.append(f"Nas. {teks_nilai(item.nasional.nilai)}{_seri_lain(item)}")
    if item.provinsi is not None:
        parts.append(f"Prov. {teks_nilai(item.provinsi.nilai)}")
    return "\n".join(parts)


def _tabel_sasaran(
    sasaran: str, items: list[IndikatorDaerah], lalu: Sequence[RingkasanTahun]
) -> Tabel:
    tahun = items[0].baris.tahun
    akhir = next((i.baris.tahun_akhir for i in items if i.baris.tahun_akhir), None)
    rows = tuple(
        (
            f"{i.baris.indikator}" + (f" ({i.baris.satuan})" if i.baris.satuan else ""),
            teks_nilai(i.baris.target),
            teks_nilai(i.baris.realisasi),
            teks_capaian(i.baris),
            _sebelumnya(i, lalu),
            teks_nilai(i.baris.target_akhir),
            persen(i.baris.kemajuan.capaian_sd),
            _pembanding(i),
            i.baris.kategori,
        )
        for i in items
    )
    return Tabel(
        f"Capaian indikator sasaran: {sasaran}",
        (
            "Indikator (satuan)",
            f"Target {tahun}",
            f"Realisasi {tahun}",
            f"Capaian {tahun}",
            "Realisasi (capaian) tahun sebelumnya",
            f"Target akhir{f' {akhir}' if akhir else ''}",
            f"Capaian s.d. {tahun} thd target akhir",
            f"Pembanding {tahun}",
            "Predikat",
        ),
        rows,
        (18, 8, 8, 8, 15, 8, 10, 11, 10),
        frozenset({1, 2, 3, 5, 6, 7}),
    )


def _tabel_iku(matriks: Sequence[MatriksRpjmd]) -> Tabel:
    tahun_target = sorted({t for m in matriks for row in m.indikator for t in row.target})
    return Tabel(
        "Sasaran dan indikator kinerja daerah RPJMD dengan target per tahun",
        ("Sasaran", "Indikator (satuan)", *(str(t) for t in tahun_target)),
        tuple(
            (
                row.sasaran,
                row.indikator + (f" ({row.satuan})" if row.satuan else ""),
                *(teks_nilai(row.target[t]) if t in row.target else "" for t in tahun_target),
            )
            for m in matriks
            for row in m.indikator
        ),
        (24, 26, *(50 // max(1, len(tahun_target)) for _ in tahun_target)),
        frozenset(range(2, 2 + len(tahun_target))),
    )


def _bab_ii_daerah(r: RingkasanTahun, iku: Tabel, isi: UraianLkjip) -> list[Blok]:
    pk = Tabel(
        f"Perjanjian Kinerja Bupati Tahun {r.tahun}",
        ("No", "Sasaran", "Indikator kinerja", "Satuan", "Target"),
        tuple(
            (str(n), i.baris.sasaran, i.baris.indikator, i.baris.satuan, teks_nilai(i.baris.target))
            for n, i in enumerate(r.indikator, start=1)
        ),
        (6, 34, 34, 12, 14),
        frozenset({4}),
    )
    return [
        Judul(1, "BAB II PERENCANAAN KINERJA"),
        Judul(2, "2.1 Visi dan Misi"),
        *(
            [Paragraf(f"Visi: {isi.visi}"), Paragraf("Misi:"), *_daftar(isi.misi, "misi")]
            if isi.visi
            else [_isian("", "visi dan misi kepala daerah sebagaimana ditetapkan dalam RPJMD")]
        ),
        Judul(2, "2.2 Tujuan, Sasaran dan Indikator Kinerja Utama"),
        Paragraf(
            f"Sasaran dan Indikator Kinerja Daerah (IKD) beserta targetnya sebagaimana ditetapkan "
            f"dalam RPJMD {r.daerah.nama_lengkap}."
        ),
        iku,
        Judul(2, f"2.3 Perjanjian Kinerja Tahun {r.tahun}"),
        Paragraf(
            f"Perjanjian Kinerja Bupati Tahun {r.tahun} memuat {len(r.indikator)} indikator "
            "kinerja daerah berikut."
        ),
        pk,
    ]


def lkjip_pemda(
    r: RingkasanTahun,
    semua: Sequence[RingkasanTahun],
    laporan: Sequence[LaporanOpd],
    matriks: Sequence[MatriksRpjmd],
    aturan: AturanCapaian,
    evaluasi: EvaluasiRkpd | None = None,
    pk: PerjanjianKinerja | None = None,
    uraian: UraianLkjip | None = None,
) -> DokumenLkjip:
    """The regency's LKjIP draft for the year of ``r`` (``semua``: every year's summary, for
    the previous years' values; ``laporan``: the OPD reports; ``evaluasi``: the year's
    regency evaluation, whose grouping of programmes by RPJMD sasaran Bab III follows;
    ``pk``: the Bupati's Perjanjian Kinerja of the year, for the lampiran)."""
    instansi = f"Pemerintah {r.daerah.nama_lengkap}".strip()
    lalu = [x for x in semua if x.tahun < r.tahun]
    opd = [lap for lap in laporan if lap.tahun == r.tahun]
    per_sasaran: dict[str, list[IndikatorDaerah]] = defaultdict(list)
    for item in r.indikator:
        per_sasaran[item.baris.sasaran or "(sasaran tidak disebutkan)"].append(item)
    kelompok = {k.sasaran: k.baris for k in evaluasi.kelompok} if evaluasi else {}
    anggaran = pagu_per_program(opd)
    iku = _tabel_iku(matriks)
    blok: list[Blok] = [
        *kata_pengantar(
            instansi,
            r.tahun,
            jabatan_kepala_daerah(r.daerah),
            evaluasi.tempat if evaluasi else "",
        ),
        *ikhtisar_pemda(r, len(per_sasaran), len(opd)),
        Judul(1, "DAFTAR ISI"),
        DaftarIsi(),
    ]
    blok += _bab_i(
        instansi,
        r.daerah,
        r.tahun,
        f"Tahun {r.tahun} dievaluasi {len(opd)} perangkat daerah.",
        uraian,
    )
    blok += _bab_ii_daerah(r, iku, uraian or UraianLkjip())
    blok += [
        Judul(1, "BAB III AKUNTABILITAS KINERJA"),
        Judul(2, "3.1 Capaian Kinerja per Sasaran"),
        Paragraf(kalimat_pencilan(aturan)),
    ]
    for n, (sasaran, items) in enumerate(per_sasaran.items(), start=1):
        blok.append(Judul(3, f"3.1.{n} Sasaran: {sasaran}"))
        blok.append(_tabel_sasaran(sasaran, items, lalu))
        blok.extend(Paragraf(paragraf(_fakta_daerah(i))) for i in items)
        if evaluasi is not None:
            dukungan = dukungan_sasaran(kelompok.get(sasaran, ()), anggaran, aturan)
            blok.extend(blok_dukungan(sasaran, dukungan, opd))
    lain = [k for k in kelompok if k not in per_sasaran]
    nomor = 2
    if evaluasi is None:  # no grouping: the programmes and causes of all OPDs together
        blok += [
            Judul(2, "3.2 Faktor Pendorong dan Penghambat"),
            Paragraf(
                "Sebagaimana dituliskan perangkat daerah dalam formulir evaluasi hasil Renja:"
            ),
            *_faktor(opd),
            Judul(2, "3.3 Efisiensi Penggunaan Sumber Daya"),
            _efisiensi([row for lap in opd for row in lap.baris], aturan),
            Judul(2, "3.4 Program Pendukung"),
            _program(opd),
        ]
        nomor = 5
    elif lain:
        blok.append(Judul(2, "3.2 Program Lainnya"))
        for sasaran in lain:
            blok.append(Judul(3, sasaran))
            blok.extend(
                blok_dukungan(sasaran, dukungan_sasaran(kelompok[sasaran], anggaran, aturan), opd)
            )
        nomor = 3
    blok += [Judul(2, f"3.{nomor} Realisasi Anggaran"), _urusan(opd)]
    tercapai = r.jumlah_tercapai()
    blok += _bab_iv(
        f"Dari {len(r.indikator)} indikator kinerja daerah tahun {r.tahun}, {tercapai} "
        f"mencapai atau melampaui target."
        + (
            f" Serapan anggaran perangkat daerah {persen(r.serapan)}."
            if r.serapan is not None
            else ""
        ),
        langkah_selanjutnya(opd),
    )
    blok += lampiran_pemda(r, pk, iku)
    return DokumenLkjip(r.tahun, instansi, r.daerah, tuple(blok), pemda=True)


# --------------------------------------------------------------------------- OPD


def _kunci(row: BarisCapaian) -> tuple[str, str, str]:
    return (row.kode.strip(), normalisasi(row.uraian), normalisasi(row.indikator))


def _riwayat_opd(
    lap: LaporanOpd, semua: Sequence[LaporanOpd]
) -> dict[tuple[str, str, str], list[BarisCapaian]]:
    """Rows of the same OPD in earlier years, by indicator."""
    out: dict[tuple[str, str, str], list[BarisCapaian]] = defaultdict(list)
    for other in sorted(semua, key=lambda x: x.tahun):
        if normalisasi(other.opd) == normalisasi(lap.opd) and other.tahun < lap.tahun:
            for row in other.baris:
                out[_kunci(row)].append(row)
    return out


def _fakta_opd(row: BarisCapaian, lalu: list[BarisCapaian]) -> FaktaIndikator:
    previous = [r for r in lalu if r.tahun == row.tahun - 1 and r.realisasi.angka is not None]
    return _fakta(
        row,
        (previous[0].tahun, previous[0].realisasi.angka)
        if previous and previous[0].realisasi.angka is not None
        else None,
    )


def _teks_riwayat(rows: list[BarisCapaian]) -> str:
    return "\n".join(
        f"{r.tahun}: {teks_nilai(r.realisasi)}"
        + (f" ({teks_capaian(r)})" if teks_capaian(r) else "")
        for r in rows
        if teks_nilai(r.realisasi)
    )


def lkjip_opd(
    lap: LaporanOpd,
    semua: Sequence[LaporanOpd],
    aturan: AturanCapaian,
    pk: PerjanjianKinerja | None = None,
) -> DokumenLkjip:
    """An OPD's LKjIP draft from its own rows (``semua``: every OPD-year, for its history;
    ``pk``: its head's Perjanjian Kinerja of the year). Its sasaran are measured by their
    programme indicators (outcomes); kegiatan and sub kegiatan outputs are in the lampiran."""
    riwayat = _riwayat_opd(lap, semua)
    wilayah = f" {lap.daerah.nama_lengkap}" if lap.daerah.nama_lengkap else ""
    utama = [r for r in lap.baris if r.tingkat is TingkatIndikator.PROGRAM] or list(lap.baris)
    per_sasaran: dict[str, list[BarisCapaian]] = defaultdict(list)
    for row in utama:
        per_sasaran[row.sasaran or "(sasaran tidak disebutkan)"].append(row)
    blok: list[Blok] = [
        *kata_pengantar(
            lap.opd,
            lap.tahun,
            lap.formulir.disusun.jabatan if lap.formulir else jabatan_kepala_opd(lap.opd),
            lap.formulir.tempat if lap.formulir else "",
            "Rencana Strategis perangkat daerah",
        ),
        *ikhtisar_opd(lap, utama, len(per_sasaran)),
        Judul(1, "DAFTAR ISI"),
        DaftarIsi(),
    ]
    blok += _bab_i(
        lap.opd,
        lap.daerah,
        lap.tahun,
        f"{lap.opd} adalah perangkat daerah{wilayah}.",
    )
    blok += [
        Judul(1, "BAB II PERENCANAAN KINERJA"),
        Judul(2, f"2.1 Sasaran dan Target Tahun {lap.tahun}"),
        Tabel(
            "Sasaran, indikator kinerja dan target",
            (
                "Sasaran",
                "Program / kegiatan",
                "Indikator (satuan)",
                f"Target {lap.tahun}",
                "Target akhir Renstra",
            ),
            tuple(
                (
                    r.sasaran,
                    r.uraian,
                    r.indikator + (f" ({r.satuan})" if r.satuan else ""),
                    teks_nilai(r.target),
                    teks_nilai(r.target_akhir),
                )
                for r in utama
            ),
            (24, 26, 26, 12, 12),
            frozenset({3, 4}),
        ),
        Judul(2, f"2.2 Perjanjian Kinerja Tahun {lap.tahun}"),
        Paragraf(
            f"Perjanjian Kinerja Kepala {lap.opd} dengan kepala daerah tahun {lap.tahun} "
            "memuat sasaran, indikator dan target berikut, serta program dan anggarannya."
        ),
        *tabel_pk(pk, "Perjanjian Kinerja Kepala Perangkat Daerah"),
        Judul(1, "BAB III AKUNTABILITAS KINERJA"),
        Judul(2, "3.1 Capaian Kinerja per Sasaran"),
        Paragraf(kalimat_pencilan(aturan)),
    ]
    for n, (sasaran, rows) in enumerate(per_sasaran.items(), start=1):
        blok.append(Judul(3, f"3.1.{n} Sasaran: {sasaran}"))
        blok.append(
            Tabel(
                f"Capaian indikator sasaran: {sasaran}",
                (
                    "Program / kegiatan",
                    "Indikator (satuan)",
                    f"Target {lap.tahun}",
                    f"Realisasi {lap.tahun}",
                    f"Capaian {lap.tahun}",
                    "Realisasi (capaian) tahun sebelumnya",
                    "Target akhir",
                    f"Capaian s.d. {lap.tahun}",
                    "Predikat",
                ),
                tuple(
                    (
                        r.uraian,
                        r.indikator + (f" ({r.satuan})" if r.satuan else ""),
                        teks_nilai(r.target),
                        teks_nilai(r.realisasi),
                        teks_capaian(r),
                        _teks_riwayat(riwayat.get(_kunci(r), [])),
                        teks_nilai(r.target_akhir),
                        persen(r.kemajuan.capaian_sd),
                        r.kategori,
                    )
                    for r in rows
                ),
                (17, 20, 8, 8, 9, 14, 8, 8, 8),
                frozenset({2, 3, 4, 6, 7}),
            )
        )
        blok.extend(Paragraf(paragraf(_fakta_opd(r, riwayat.get(_kunci(r), [])))) for r in rows)
    blok += [
        Judul(2, "3.2 Faktor Pendorong dan Penghambat"),
        *penjelasan_opd(
            [lap.opd],
            [lap],
            Paragraf(
                f"{ISIAN}faktor pendorong dan penghambat; formulir evaluasi tidak memuatnya.]",
                isian=True,
            ),
        ),
        Judul(2, "3.3 Efisiensi Penggunaan Sumber Daya"),
        _efisiensi(list(lap.baris), aturan),
        Judul(2, "3.4 Program Pendukung"),
        _program([lap]),
        Judul(2, "3.5 Realisasi Anggaran"),
        _urusan([lap]),
    ]
    tercapai = sum(1 for r in lap.baris if r.capaian.target_tercapai)
    urut = sum(1 for r in lap.baris if r.capaian.urut)
    blok += _bab_iv(
        f"Dari {len(lap.baris)} indikator kinerja {lap.opd} tahun {lap.tahun}, {tercapai} "
        "mencapai atau melampaui target"
        + (f"; rata-rata capaian {persen(lap.rata_rata)}" if lap.rata_rata is not None else "")
        + (
            f" (tanpa {urut} indikator berskala urut, yang dinilai menurut peringkat)"
            if urut and lap.rata_rata is not None
            else ""
        )
        + (
            f"; serapan anggaran {persen(lap.anggaran.serapan)}"
            if lap.anggaran.serapan is not None
            else ""
        )
        + ".",
        langkah_selanjutnya([lap]),
    )
    blok += [
        Judul(1, "LAMPIRAN"),
        Judul(2, f"Lampiran 1 Perjanjian Kinerja Tahun {lap.tahun}"),
        *tabel_pk(pk, "Perjanjian Kinerja Kepala Perangkat Daerah"),
        Judul(2, f"Lampiran 2 Capaian Seluruh Indikator Tahun {lap.tahun}"),
        Tabel(
            "Capaian indikator program, kegiatan dan sub kegiatan",
            (
                "Tingkat",
                "Program / kegiatan / sub kegiatan",
                "Indikator (satuan)",
                "Target",
                "Realisasi",
                "Capaian",
                "Predikat",
            ),
            tuple(
                (
                    r.tingkat.value.capitalize(),
                    f"{r.kode} {r.uraian}".strip(),
                    r.indikator + (f" ({r.satuan})" if r.satuan else ""),
                    teks_nilai(r.target),
                    teks_nilai(r.realisasi),
                    teks_capaian(r),
                    r.kategori,
                )
                for r in lap.baris
            ),
            (11, 25, 25, 9, 9, 9, 12),
            frozenset({3, 4, 5}),
        ),
    ]
    return DokumenLkjip(lap.tahun, lap.opd, lap.daerah, tuple(blok))
