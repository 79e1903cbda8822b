"""The one rule of the PK Perubahan: what changed between two versions of a PK, and which
documents a build writes against the recorded versions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kinerja_report.compute.perjanjian import (
    IndikatorPk,
    PerjanjianKinerja,
    PerubahanPk,
    ProgramPk,
    SasaranPk,
)
from kinerja_report.compute.perjanjian_perubahan import perubahan_pk, versi_perjanjian
from kinerja_report.model import Nilai, Penandatangan

KEPALA = Penandatangan(2025, "Dinas Sosial", "Kepala Dinas Sosial", "Contoh Kepala")


def _pk(
    target: Nilai, pagu: float, lain: bool = True, kepala: Penandatangan = KEPALA
) -> PerjanjianKinerja:
    indikator = [IndikatorPk("Persentase PMKS tertangani", target, "persen")]
    if lain:
        indikator.append(IndikatorPk("Predikat SAKIP OPD", Nilai(teks="BB"), "predikat"))
    return PerjanjianKinerja(
        tahun=2025,
        jenis="opd",
        instansi="Dinas Sosial",
        slug="dinas-sosial",
        pihak_pertama=kepala,
        pihak_kedua=None,
        tanggal=date(2025, 1, 2),
        sasaran=(SasaranPk("Meningkatnya perlindungan sosial", tuple(indikator)),),
        program=(ProgramPk("1.06.05 PROGRAM PERLINDUNGAN SOSIAL", pagu, "APBD"),),
        jabatan_pertama="Kepala Dinas Sosial",
    )


def test_tanpa_perubahan() -> None:
    lama = _pk(Nilai(80.0), 5e8)
    assert perubahan_pk(lama, _pk(Nilai(80.0), 5e8)) == ()
    # a new head alone makes no Perubahan: the signed version keeps its own
    orang = replace(KEPALA, nama="Pejabat Baru")
    assert perubahan_pk(lama, _pk(Nilai(80.0), 5e8, kepala=orang)) == ()


def test_target_pagu_dan_indikator_yang_hilang() -> None:
    lama = _pk(Nilai(80.0), 5e8)
    baru = _pk(Nilai(85.0), 4.5e8, lain=False)
    assert perubahan_pk(lama, baru) == (
        PerubahanPk("target", "Persentase PMKS tertangani", "persen", Nilai(80.0), Nilai(85.0)),
        PerubahanPk("target", "Predikat SAKIP OPD", "predikat", Nilai(teks="BB"), None),
        PerubahanPk(
            "anggaran", "1.06.05 PROGRAM PERLINDUNGAN SOSIAL", "", Nilai(5e8), Nilai(4.5e8)
        ),
    )
    assert perubahan_pk(baru, lama)[1].lama is None  # added back: nothing before


def test_versi_dari_riwayat() -> None:
    def tanggal(tahun: int, semula: date) -> date:
        return date(tahun, 10, 1)

    awal = _pk(Nilai(80.0), 5e8)
    documents, record, notes = versi_perjanjian([awal], {}, tanggal)
    assert documents == record == [awal]
    assert notes == []
    tercatat = {(2025, "dinas-sosial"): [awal]}
    same, record, _ = versi_perjanjian([_pk(Nilai(80.0), 5e8)], tercatat, tanggal)
    assert same == [awal]
    assert record == []
    documents, record, notes = versi_perjanjian([_pk(Nilai(90.0), 5e8)], tercatat, tanggal)
    (perubahan,) = record
    assert documents == [awal, perubahan]
    assert (perubahan.versi, perubahan.berkas, perubahan.tanggal) == (
        1,
        "dinas-sosial-perubahan",
        date(2025, 10, 1),
    )
    assert perubahan.tanggal_semula == date(2025, 1, 2)
    assert perubahan.judul == "PERJANJIAN KINERJA PERUBAHAN TAHUN 2025"
    assert [n.kode for n in notes] == ["pk-perubahan"]
    kedua = versi_perjanjian(
        [_pk(Nilai(95.0), 5e8)], {(2025, "dinas-sosial"): [awal, perubahan]}, tanggal
    )[1][0]
    assert (kedua.versi, kedua.berkas) == (2, "dinas-sosial-perubahan-2")
    assert kedua.judul == "PERJANJIAN KINERJA PERUBAHAN KE-2 TAHUN 2025"
    assert kedua.perubahan[0].lama == Nilai(90.0)  # against the first Perubahan
