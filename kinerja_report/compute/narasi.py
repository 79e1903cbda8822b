"""A paragraph per indicator for the LKjIP, written from its numbers only.

Each sentence states a fact the data hold: the realisation and its change against last
year, the target and the capaian, the national figure, the projection to the end of the
period. A sentence whose data are missing is left out, never guessed; no cause is ever
stated (the causes are the OPDs' own words, quoted elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_report.compute.rules import AturanCapaian
from kinerja_report.formats import angka, persen
from kinerja_report.model import KOSONG, Nilai, Polaritas
from kinerja_report.read.normalize import normalisasi

LABEL_STATUS = {
    "sesuai jalur": "sesuai jalur untuk mencapai target akhir",
    "berisiko": "berisiko tidak mencapai target akhir",
    "tidak tercapai": "diperkirakan tidak mencapai target akhir",
}


@dataclass(frozen=True)
class FaktaIndikator:
    """What is known of one indicator in one year."""

    indikator: str
    satuan: str
    tahun: int
    polaritas: Polaritas = Polaritas.POSITIF
    target: Nilai = KOSONG
    realisasi: Nilai = KOSONG
    capaian: float | None = None
    kategori: str = ""
    tercapai: bool | None = None
    """For an ordinal indicator (Opini BPK, predikat SAKIP ...): reached by rank; None else."""
    lalu: tuple[int, float] | None = None
    """(year, realisation) of the year before, when known."""
    nasional: tuple[float, str] | None = None
    """(value, source) of the national figure of the same year, when given."""
    seri_nasional: str = ""
    """The BPS series of the national figure ('baru', 'lama'), when the sheet says."""
    seri_daerah: str = ""
    """The BPS series of the realisation (IPM: the RPJMD target's), when one applies."""
    daerah_sebanding: float | None = None
    """The regency's value in the national figure's series when the two series differ
    (from the IPM components table); None: no comparison across series is made."""
    target_akhir: float | None = None
    tahun_akhir: int | None = None
    proyeksi: float | None = None
    capaian_sd: float | None = None
    status: str = ""


SATUAN_PERSEN = ("%", "persen", "prosen", "persentase", "prosentase")
"""Units of a percentage: a change is in 'poin persen', a value lies in 0-100."""


def _n(value: float, satuan: str) -> str:
    teks = angka(value, 4)
    return f"{teks} {satuan}" if satuan else teks


def satuan_persen(satuan: str) -> bool:
    """'%', 'persen', '(%)', 'Persentase'."""
    return normalisasi(satuan).strip(" ().") in SATUAN_PERSEN


def _selisih(value: float, satuan: str) -> str:
    """A difference of two values: of two percentages in 'poin persen' (3,18 % - 3,02 % is
    0,16 poin persen, not 0,16 persen), else in the unit."""
    return f"{angka(value, 4)} poin persen" if satuan_persen(satuan) else _n(value, satuan)


def _teks_nilai(nilai: Nilai, satuan: str) -> str:
    if nilai.angka is not None:
        return _n(nilai.angka, satuan)
    return nilai.teks or ""


def _arah(selisih: float, polaritas: Polaritas) -> str:
    """'membaik' or 'memburuk' for a change, by the indicator's polarity."""
    baik = selisih > 0 if polaritas is Polaritas.POSITIF else selisih < 0
    return "membaik" if baik else "memburuk"


def _kalimat_realisasi(f: FaktaIndikator) -> str:
    nilai = _teks_nilai(f.realisasi, f.satuan)
    if not nilai:
        return f"Realisasi {f.indikator} tahun {f.tahun} tidak tercantum dalam data."
    kata = "sebesar" if f.realisasi.angka is not None else "adalah"
    kalimat = f"Realisasi {f.indikator} tahun {f.tahun} {kata} {nilai}"
    if f.lalu is not None and f.realisasi.angka is not None and f.lalu[0] == f.tahun - 1:
        tahun_lalu, nilai_lalu = f.lalu
        selisih = f.realisasi.angka - nilai_lalu
        lalu = _n(nilai_lalu, f.satuan)
        if abs(selisih) < 1e-9:
            kalimat += f", sama dengan tahun {tahun_lalu} ({lalu})"
        else:
            gerak = "naik" if selisih > 0 else "turun"
            kalimat += (
                f", {gerak} {_selisih(abs(selisih), f.satuan)} dari {lalu} pada tahun {tahun_lalu} "
                f"({_arah(selisih, f.polaritas)})"
            )
    return kalimat + "."


def _kalimat_target(f: FaktaIndikator) -> str:
    target = _teks_nilai(f.target, f.satuan)
    if not target:
        return ""
    kalimat = f"Target tahun {f.tahun} {target}"
    if f.tercapai is not None:
        hasil = "target tercapai" if f.tercapai else "target tidak tercapai"
        return f"{kalimat}; menurut urutan nilainya {hasil} (skala urut, tanpa persentase)."
    if f.capaian is None:
        return kalimat + "; capaian tidak dapat dihitung."
    hasil = "target tercapai" if f.capaian >= 100 else "target belum tercapai"
    predikat = f", predikat {f.kategori}" if f.kategori else ""
    return f"{kalimat}, sehingga capaian {persen(f.capaian)} ({hasil}{predikat})."


def _kalimat_nasional(f: FaktaIndikator) -> str:
    """The national figure, and the regency's position against it in the same series only."""
    if f.nasional is None:
        return ""
    nilai, sumber = f.nasional
    keterangan = ", ".join(
        x for x in (sumber, f"seri {f.seri_nasional}" * bool(f.seri_nasional)) if x
    )
    dari = f" ({keterangan})" if keterangan else ""
    kalimat = f"Angka nasional tahun {f.tahun} sebesar {_n(nilai, f.satuan)}{dari}"
    lintas = bool(f.seri_nasional and f.seri_daerah and f.seri_nasional != f.seri_daerah)
    daerah = f.daerah_sebanding if lintas else f.realisasi.angka
    if daerah is None:
        if lintas:
            return (
                f"{kalimat}; realisasi daerah di atas memakai seri {f.seri_daerah}, sehingga "
                "tidak dibandingkan."
            )
        return kalimat + "."
    subjek = (
        f"dalam seri yang sama angka daerah {_n(daerah, f.satuan)},"
        if lintas
        else "realisasi daerah"
    )
    selisih = daerah - nilai
    if abs(selisih) < 1e-9:
        return f"{kalimat}; {subjek} sama dengan angka nasional."
    posisi = "di atas" if selisih > 0 else "di bawah"
    mutu = "lebih baik" if _arah(selisih, f.polaritas) == "membaik" else "kurang baik"
    return (
        f"{kalimat}; {subjek} {_selisih(abs(selisih), f.satuan)} {posisi} angka nasional ({mutu})."
    )


def _kalimat_proyeksi(f: FaktaIndikator) -> str:
    if f.target_akhir is None or f.tahun_akhir is None or not f.status:
        return ""
    akhir = _n(f.target_akhir, f.satuan)
    if f.status == "tercapai":
        sd = f" (capaian {persen(f.capaian_sd)})" if f.capaian_sd is not None else ""
        return (
            f"Target akhir periode tahun {f.tahun_akhir} sebesar {akhir} sudah tercapai "
            f"sampai tahun {f.tahun}{sd}."
        )
    if f.proyeksi is None or f.status not in LABEL_STATUS:
        return ""
    if satuan_persen(f.satuan) and not 0 <= f.proyeksi <= 100:
        return (
            f"Bila tren realisasi sampai tahun {f.tahun} berlanjut, garis tren tahun "
            f"{f.tahun_akhir} menunjuk {_n(f.proyeksi, f.satuan)}, di luar 0-100 persen yang "
            f"mungkin untuk satuan ini: angka itu hanya menunjukkan arah tren, bukan nilai yang "
            f"dapat dicapai. Terhadap target akhir {akhir}: {LABEL_STATUS[f.status]}."
        )
    return (
        f"Bila tren realisasi sampai tahun {f.tahun} berlanjut, proyeksi tahun {f.tahun_akhir} "
        f"adalah {_n(f.proyeksi, f.satuan)} terhadap target akhir {akhir}: "
        f"{LABEL_STATUS[f.status]}."
    )


def paragraf(f: FaktaIndikator) -> str:
    """The paragraph of one indicator: only sentences whose data are present."""
    kalimat = [
        _kalimat_realisasi(f),
        "Indikator ini bersifat negatif: semakin rendah semakin baik."
        if f.polaritas is Polaritas.NEGATIF
        else "",
        _kalimat_target(f),
        _kalimat_nasional(f),
        _kalimat_proyeksi(f),
    ]
    return " ".join(k for k in kalimat if k)


def kalimat_pencilan_rata_rata(aturan: AturanCapaian) -> str:
    """How the averages of capaian treat outliers (``[kewajaran] pencilan``), as
    :func:`kinerja_report.compute.report.rata_rata` does."""
    if aturan.pencilan_rata_rata is None:
        return (
            "Rata-rata capaian menghitung semua capaian, termasuk pencilan (capaian yang jauh "
            "di atas batas wajar; lihat Catatan Hasil Verifikasi)."
        )
    return (
        f"Rata-rata capaian tidak menghitung capaian di atas "
        f"{persen(aturan.pencilan_rata_rata)} (pencilan; lihat Catatan Hasil Verifikasi)."
    )


def kalimat_pencilan_proyeksi(aturan: AturanCapaian) -> str:
    """How the end-of-period projection treats outlying years (``[kewajaran] pencilan``), as
    :func:`kinerja_report.compute.progress.kemajuan` does."""
    if aturan.pencilan_proyeksi is None:
        return (
            "Proyeksi akhir periode memakai realisasi semua tahun, termasuk tahun yang nilainya "
            "jauh menyimpang dari tahun sebelum dan sesudahnya (pencilan)."
        )
    return (
        "Proyeksi akhir periode (garis tren) tidak memakai tahun yang nilainya menyimpang "
        f"lebih dari {angka(aturan.pencilan_proyeksi * 100)}\u00a0% dari rata-rata tahun sebelum "
        "dan sesudahnya (pencilan); tahun yang dievaluasi selalu dipakai, dan indikator yang "
        "dijumlahkan antartahun tetap diproyeksikan dari rata-rata semua tahunnya."
    )


def kalimat_pencilan(aturan: AturanCapaian) -> str:
    """Both sentences: how averages and the end-of-period projection treat outliers."""
    return f"{kalimat_pencilan_rata_rata(aturan)} {kalimat_pencilan_proyeksi(aturan)}"
