"""The one table that maps header text (normalised) to the fields our readers know.

Order matters: the first pattern that matches a column's header path wins. A path is the
header texts of a column from top to bottom, joined by ' / ' (merged cells flattened), e.g.
``'realisasi kinerja pada triwulan / ii / k'``. Sub-columns (K, Rp, %) and quarter numerals
are recognised separately, in :mod:`kinerja_report.read.header`.
"""

from __future__ import annotations

import re

SINONIM: tuple[tuple[str, str], ...] = (
    # common
    (r"^no\.?$|^nomor( urut)?$|^no urut$", "no"),
    (r"^kode", "kode"),
    (r"^visi$", "visi"),
    (r"^misi$", "misi"),
    (r"^tujuan", "tujuan"),
    (r"^sasaran (strategis )?rpjmd", "sasaran_rpjmd"),
    (r"^sasaran", "sasaran"),
    (r"^indikator", "indikator"),
    (r"^satuan", "satuan"),
    (r"^polaritas|^polarisasi|^arah", "polaritas"),
    # cascading sheet (one row per link)
    (r"^(tingkat|level) induk", "tingkat_induk"),
    (r"^induk", "induk"),
    (r"^(tingkat|level)$|^pilihan$|^(tingkat|level|jenis) (uraian|baris|nomenklatur)$", "tingkat"),
    # Rencana Aksi (quarterly targets of the PK indicators); before 'sifat' = agregasi
    (r"^(sifat|jenis) target|^(target )?kumulatif|^cara pengisian target", "sifat_target"),
    (r"^(agregasi|sifat( indikator)?|cara (peng)?hitung|(jenis|tipe) indikator$)", "agregasi"),
    # RPJMD matrix
    (r"^kondisi awal", "kondisi_awal"),
    (r"^kondisi akhir", "kondisi_akhir"),
    (r"^(tahun )?(20\d\d) / target", "target_tahun"),
    (r"^(tahun )?(20\d\d) / realisasi", "realisasi_tahun"),
    # E.81 evaluation form (Permendagri 86/2017)
    (
        r"^(rencana |target )?(anggaran|keuangan|penarikan dana)( per)?( /)? (triwulan|tw)",
        "anggaran_triwulan",
    ),
    (
        r"^(rencana )?target( kinerja| fisik)?( per| s\.?d\.?| s/d| sampai dengan| kumulatif)?"
        r"( /)? (triwulan|tw)",
        "target_triwulan",
    ),
    (
        r"^(pagu( anggaran)?|target anggaran|anggaran)( indikatif| \(rp\.?\)| tahun( 20\d\d)?)?$",
        "target_renja",
    ),
    (
        r"^realisasi (kinerja |fisik |anggaran |keuangan )(triwulan|tw)\.? ?(i|ii|iii|iv|[1-4])$",
        "triwulan",
    ),
    (r"^target .*(renja|rkpd|tahun berjalan)", "target_renja"),
    (r"^target( kinerja)?( tahun( 20\d\d)?)?$", "target_renja"),
    (r"^target .*(renstra|rpjmd)", "target_renstra"),
    (r"^realisasi .*triwulan", "triwulan"),
    (r"^(realisasi )?(triwulan|tw)\.? ?(i|ii|iii|iv|[1-4])$", "triwulan"),
    (r"^realisasi .*dievaluasi", "realisasi_renja"),
    (r"^realisasi( kinerja)?( tahun( 20\d\d)?)?$", "realisasi_renja"),
    (
        r"^realisasi .*((s/d|s\.d\.?|sampai dengan) (renja|rkpd)|tahun lalu|n-2)",
        "realisasi_renstra_lalu",
    ),
    (r"^realisasi .*(renstra|rpjmd)", "realisasi_renstra"),
    (r"^tingkat capaian .*(s/d|s\.d|sampai dengan)", "capaian_renstra"),
    (r"^tingkat capaian", "capaian_renja"),
    (r"^capaian( kinerja)?( \(%\))?$", "capaian_renja"),
    (r"penanggung ?jawab", "penanggung_jawab"),
    (r"^keterangan", "keterangan"),
    (r"^(urusan|bidang urusan|program|kegiatan|sub ?kegiatan|uraian)", "uraian"),
    (r"^nama (program|kegiatan|sub kegiatan)", "uraian"),
    # IPM components (BPS)
    (r"^(uhh|umur harapan hidup|angka harapan hidup)", "uhh"),
    (r"^(hls|harapan lama sekolah|angka harapan lama sekolah)", "hls"),
    (r"^(rls|rata-rata lama sekolah|rata rata lama sekolah)", "rls"),
    (r"^(pengeluaran|pengeluaran per kapita)", "pengeluaran"),
    (r"^(seri|metode)", "seri"),
    # signatories
    (r"^tahun$", "tahun"),
    (r"^nama( lengkap)?$", "nama"),
    (r"^nip", "nip"),
    (r"^jabatan", "jabatan"),
    (r"^pangkat|^golongan", "pangkat"),
    (r"^(perangkat daerah|opd|skpd|unit kerja)$", "perangkat_daerah"),
    # comparison figures (sheet 'Pembanding'): national / provincial values of an indicator
    (r"^(tingkat( wilayah| pembanding)?|wilayah pembanding)$", "tingkat_pembanding"),
    (r"^nilai( pembanding)?$", "nilai_pembanding"),
    (r"^sumber( data)?$", "sumber_pembanding"),
)

_COMPILED = tuple((re.compile(pattern), bidang) for pattern, bidang in SINONIM)


def bidang_untuk(jalur: str) -> tuple[str, re.Match[str]] | None:
    """The field a normalised header path names, with the regex match; ``None`` if none."""
    for pattern, bidang in _COMPILED:
        found = pattern.search(jalur)
        if found:
            return bidang, found
    return None
