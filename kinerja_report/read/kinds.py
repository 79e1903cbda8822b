"""Telling what a sheet is from its content (its header), never from its name."""

from __future__ import annotations

from enum import StrEnum

from kinerja_report.read.header import Header


class JenisLembar(StrEnum):
    EVALUASI_RENJA = "evaluasi renja"
    MATRIKS_RPJMD = "matriks rpjmd"
    PENANDATANGAN = "penandatangan"
    KOMPONEN_IPM = "komponen IPM"
    PEMBANDING = "pembanding"
    KASKADE = "cascading"
    NOMENKLATUR = "nomenklatur"
    RENCANA_AKSI = "rencana aksi"
    LAINNYA = "lainnya"


def jenis_lembar(header: Header | None) -> JenisLembar:
    """The kind of sheet a header belongs to."""
    if header is None:
        return JenisLembar.LAINNYA
    bidang = header.bidang
    if {"induk", "tingkat", "uraian"} <= bidang:
        return JenisLembar.KASKADE
    if _nomenklatur(header):
        return JenisLembar.NOMENKLATUR
    if "nama" in bidang and ("nip" in bidang or "jabatan" in bidang):
        return JenisLembar.PENANDATANGAN
    if {"tahun", "uhh", "hls", "rls", "pengeluaran"} <= bidang:
        return JenisLembar.KOMPONEN_IPM
    if {"indikator", "tahun", "nilai_pembanding"} <= bidang and (
        {"tingkat_pembanding", "tingkat"} & bidang  # a bare 'Tingkat' is also a cascading level
    ):
        return JenisLembar.PEMBANDING
    if _rencana_aksi(header):
        return JenisLembar.RENCANA_AKSI
    if "indikator" in bidang and "target_tahun" in bidang:
        return JenisLembar.MATRIKS_RPJMD
    if {"indikator", "target_renja"} <= bidang and (
        "triwulan" in bidang or "realisasi_renja" in bidang
    ):
        return JenisLembar.EVALUASI_RENJA
    return JenisLembar.LAINNYA


def _nomenklatur(header: Header) -> bool:
    """A SIPD nomenclature export: Program, Kegiatan and Sub Kegiatan columns, no target."""
    paths = {kolom.jalur.replace(" ", "") for kolom in header.kolom}
    return {"program", "kegiatan", "subkegiatan"} <= paths and "target_renja" not in header.bidang


def _rencana_aksi(header: Header) -> bool:
    """A Rencana Aksi: indicators with targets per quarter ('Target Triwulan I', or 'Target'
    over 'TW I'), and no realisation (a form with both is an E.81 that plans too)."""
    per_triwulan = any(
        kolom.triwulan and kolom.bidang in {"target_triwulan", "target_renja"} and kolom.sub != "rp"
        for kolom in header.kolom
    )
    realisasi = {"triwulan", "realisasi_renja"} & header.bidang
    return "indikator" in header.bidang and per_triwulan and not realisasi
