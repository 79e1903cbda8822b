"""Problems found in the input, each with a stable code and where it is.

A *problem* is a data issue that is collected and reported with all the others (the build
goes on); a :class:`~kinerja_report.errors.KinerjaError` is a fatal issue for one workbook.
Every problem code lives in :data:`KATALOG`, with its severity and its Indonesian message
template, so that tests and users can key on the code; docs/kode-masalah.md says when each
occurs and what a user can do (a test checks every code is there).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from kinerja_report.teks import teks_aman

if TYPE_CHECKING:
    from kinerja_report.model import Sumber


class Tingkat(StrEnum):
    """Severity of a problem."""

    GALAT = "galat"
    PERINGATAN = "peringatan"
    INFO = "info"


@dataclass(frozen=True)
class JenisMasalah:
    """One entry of the catalogue: severity, message template, and what the OPD is asked in
    its verification note (:mod:`kinerja_report.compute.verifikasi`)."""

    tingkat: Tingkat
    templat: str
    keterangan: str
    perbaikan: str = ""
    """What the OPD is to do, in the verification note ('' : the general sentence
    ``PERBAIKAN_BAWAAN``)."""
    perlu_perbaikan: bool = True
    """Whether the finding asks the OPD to correct its form (the note's status 'perlu
    perbaikan'). False for an advisory finding: a doubt to confirm (an outlier that may be
    true) or advice on how the form is written, which leaves the status 'lengkap dengan
    catatan'. Info findings never ask a correction, whatever this says."""


KATALOG: dict[str, JenisMasalah] = {
    "berkas-tidak-terbaca": JenisMasalah(
        Tingkat.GALAT,
        "Berkas tidak dapat dibaca sebagai workbook Excel: {alasan}",
        "The file is not a readable .xlsx/.xlsm workbook.",
    ),
    "format-belum-didukung": JenisMasalah(
        Tingkat.GALAT,
        "Format berkas {format} belum didukung; simpan ulang sebagai .xlsx di Excel/LibreOffice",
        "OpenDocument (.ods) and binary (.xlsb) workbooks are not read (.xls is, with xlrd).",
    ),
    "header-tidak-ditemukan": JenisMasalah(
        Tingkat.GALAT,
        "Header tabel tidak ditemukan di 40 baris pertama (dicari: {dicari})",
        "No header row with the expected column titles.",
    ),
    "kolom-wajib-hilang": JenisMasalah(
        Tingkat.GALAT,
        "Kolom '{kolom}' tidak ditemukan di header",
        "A column the sheet kind needs is missing.",
    ),
    "tahun-tidak-diketahui": JenisMasalah(
        Tingkat.GALAT,
        "Tahun tidak ditemukan di judul lembar, nama folder, maupun nama berkas",
        "The year of an evaluation form could not be determined.",
    ),
    "opd-tidak-diketahui": JenisMasalah(
        Tingkat.GALAT,
        "Nama Perangkat Daerah tidak ditemukan di judul lembar "
        "(tulis baris 'Perangkat Daerah : ...')",
        "The OPD of an evaluation form could not be determined.",
    ),
    "opd-tahun-ganda": JenisMasalah(
        Tingkat.GALAT,
        "{opd} tahun {tahun} ada lebih dari sekali: juga di {berkas_lain}; "
        "tidak ada yang dipakai, hapus atau ganti nama yang lain",
        "The same OPD and year come from two files; neither is used.",
    ),
    "lembar-ganda-dibandingkan": JenisMasalah(
        Tingkat.INFO,
        "Lembar ini memuat baris yang sama dengan lembar isian '{lembar_isian}'; yang dibaca "
        "lembar isian, lembar ini hanya dibandingkan ({beda} nilai berbeda, {hilang} baris "
        "tidak ada di lembar isian)",
        "Two sheets of one workbook carry the same rows (input and print view): one is read.",
    ),
    "lembar-ganda-berbeda": JenisMasalah(
        Tingkat.PERINGATAN,
        "Nilai {apa} indikator '{indikator}' di sini {nilai}, di lembar isian "
        "'{lembar_isian}' {nilai_isian}; yang dipakai nilai lembar isian",
        "A print view shows another value than the input sheet it lays out.",
        perbaikan="Samakan nilai lembar cetak dengan lembar isian.",
    ),
    "tahun-dari-folder": JenisMasalah(
        Tingkat.PERINGATAN,
        "Tahun tidak ada di judul lembar; dipakai tahun {tahun} dari {asal}",
        "The year of a form was taken from its folder or file name.",
        perbaikan="Sebaiknya tulis tahun pada judul lembar (mis. 'Tahun 2024').",
        perlu_perbaikan=False,
    ),
    "sisa-templat": JenisMasalah(
        Tingkat.INFO,
        "{jumlah} sel berisi galat rumus ({contoh}) di bawah baris data terakhir (baris "
        "{baris}): sisa templat, tidak dibaca",
        "Cached formula errors in the template rows below the data, summed up in one line.",
    ),
    "keuangan-opd-berbeda": JenisMasalah(
        Tingkat.PERINGATAN,
        "Lembar keuangan '{lembar_keuangan}' menyebut '{opd_keuangan}', lembar kinerja "
        "'{lembar_kinerja}' menyebut '{opd}'; anggaran digabung menurut kode, periksa lembarnya",
        "The performance and finance sheets of one form name different OPDs.",
        perbaikan="Samakan nama perangkat daerah di lembar kinerja dan lembar keuangan.",
    ),
    "triwulan-dari-isi": JenisMasalah(
        Tingkat.INFO,
        "Formulir tidak menyebut triwulan; dibaca sebagai laporan sampai triwulan {triwulan}, "
        "triwulan terakhir yang berisi realisasi",
        "A flat realisation table is read as a partial year up to its last quarter with data.",
    ),
    "teks-di-kolom-angka": JenisMasalah(
        Tingkat.GALAT,
        "Isi sel '{teks}' bukan angka (kolom {kolom})",
        "Text where a number is expected.",
        perbaikan="Isi sel dengan angka saja.",
    ),
    "target-tidak-terhitung": JenisMasalah(
        Tingkat.PERINGATAN,
        "Capaian tidak dapat dihitung: {alasan}",
        "Target or realisation missing or not comparable; capaian left empty.",
        perbaikan="Lengkapi target dan realisasi indikator ini.",
    ),
    "realisasi-beda-kolom-13": JenisMasalah(
        Tingkat.PERINGATAN,
        "Realisasi dari triwulan ({jumlah}) berbeda dengan kolom 13 di workbook ({kolom13})",
        "The workbook's own yearly realisation differs from the sum of its quarters.",
        perbaikan="Perbaiki kolom 13 agar sesuai dengan realisasi triwulan.",
    ),
    "baris-tersembunyi": JenisMasalah(
        Tingkat.INFO,
        "Baris {baris} tersembunyi di Excel dan tidak dibaca",
        "Hidden rows are skipped and reported.",
    ),
    "lembar-dilewati": JenisMasalah(
        Tingkat.INFO,
        "Lembar bukan formulir yang dikenali ({alasan}); dilewati",
        "A sheet of another kind (RFK, LKE, ...) is skipped.",
    ),
    "pengaturan-tidak-ada": JenisMasalah(
        Tingkat.PERINGATAN,
        "Berkas pengaturan.toml tidak ada di folder masukan; dipakai pengaturan bawaan",
        "No regency settings file; defaults are used.",
    ),
    "pengaturan-tidak-valid": JenisMasalah(
        Tingkat.GALAT,
        "Pengaturan tidak valid: {alasan}",
        "The settings file has an error.",
    ),
    "penandatangan-tidak-ada": JenisMasalah(
        Tingkat.PERINGATAN,
        "Penandatangan {opd} tahun {tahun} tidak ada di daftar penandatangan",
        "A signatory is missing; the document gets blank name lines.",
    ),
    "galat-rumus-tersimpan": JenisMasalah(
        Tingkat.PERINGATAN,
        "Sel berisi hasil rumus galat {galat}; dianggap kosong",
        "A cached formula error (#DIV/0!, #REF! ...) is read as empty.",
        perbaikan="Perbaiki rumus sel ini (mis. pembagian dengan nol).",
    ),
    "rumus-tanpa-nilai": JenisMasalah(
        Tingkat.GALAT,
        "Sel berisi rumus tanpa nilai tersimpan; buka berkas di Excel atau LibreOffice, "
        "simpan ulang, lalu jalankan lagi",
        "A formula cell has no cached value (the file was never recalculated).",
        perbaikan="Buka berkas di Excel, simpan ulang, lalu kirim kembali.",
    ),
    "banyak-indikator-satu-sel": JenisMasalah(
        Tingkat.PERINGATAN,
        "Beberapa indikator ditulis dalam satu sel; dibaca sebagai satu indikator, "
        "sebaiknya dipisah per baris",
        "Several indicators written in one cell ('1. ... 2. ...').",
        perbaikan="Sebaiknya tulis setiap indikator di barisnya sendiri.",
        perlu_perbaikan=False,
    ),
    "opd-dari-nama-berkas": JenisMasalah(
        Tingkat.PERINGATAN,
        "Nama Perangkat Daerah tidak ada di judul lembar; dipakai '{opd}' dari nama berkas "
        "(tambahkan baris 'Perangkat Daerah : ...' di judul)",
        "The OPD name was taken from the file name.",
        perbaikan="Sebaiknya tulis baris 'Perangkat Daerah : ...' pada judul lembar.",
        perlu_perbaikan=False,
    ),
    "kode-berulang": JenisMasalah(
        Tingkat.PERINGATAN,
        "Kode {kode_baris} sama dengan kode baris di atasnya; baris ini dibaca sebagai "
        "{tingkat} di bawahnya, bukan saudaranya (periksa kodenya)",
        "A code repeated from the row above: the row is read as its child.",
        perbaikan="Perbaiki kode baris ini agar berbeda dengan baris di atasnya.",
    ),
    "tingkat-tidak-konsisten": JenisMasalah(
        Tingkat.PERINGATAN,
        "Tingkat baris tidak konsisten: menurut {dari} '{dipakai}', menurut {sumber_lain} "
        "'{lain}'; dipakai '{dipakai}'",
        "Code, name and cell format of a row give different levels.",
        perbaikan="Pastikan kode dan nama baris ini sesuai tingkatnya.",
        perlu_perbaikan=False,
    ),
    "daerah-dari-workbook": JenisMasalah(
        Tingkat.PERINGATAN,
        "Nama daerah '{daerah}' diambil dari judul workbook; tambahkan bagian [daerah] (jenis, "
        "nama, provinsi, alamat, logo) di pengaturan.toml agar kop surat lengkap",
        "The region was taken from the workbooks' title block, not from the settings.",
    ),
    "daerah-tidak-diketahui": JenisMasalah(
        Tingkat.PERINGATAN,
        "Nama daerah tidak diketahui: pengaturan.toml tidak berisi [daerah] dan judul workbook "
        "tidak menyebut 'Kabupaten ...' atau 'Kota ...'; dokumen memakai kop tanpa nama daerah. "
        "Tambahkan [daerah] jenis dan nama di pengaturan.toml",
        "No region anywhere: documents get a neutral heading.",
    ),
    "daerah-beda-pengaturan": JenisMasalah(
        Tingkat.GALAT,
        "Workbook ini dari {daerah_workbook}, sedangkan pengaturan.toml untuk "
        "{daerah_pengaturan}; workbook ini tidak dipakai (pindahkan ke folder daerahnya)",
        "A workbook of another region than the settings' is not used.",
    ),
    "daerah-ganda": JenisMasalah(
        Tingkat.GALAT,
        "Folder masukan berisi workbook dari lebih dari satu daerah: {daftar}; dokumen tingkat "
        "daerah (Perjanjian Kinerja kepala daerah) tidak dibuat. Pisahkan workbook per daerah "
        "atau tulis [daerah] di pengaturan.toml",
        "Workbooks of two or more regions in one folder without settings.",
    ),
    "penandatangan-dari-formulir": JenisMasalah(
        Tingkat.INFO,
        "Penandatangan {opd} tahun {tahun} ({nama}) diambil dari blok tanda tangan di kaki "
        "formulir, karena tidak ada di daftar penandatangan",
        "The signatory was read from the form's own signature block.",
    ),
    "penandatangan-berbeda": JenisMasalah(
        Tingkat.PERINGATAN,
        "Penandatangan {opd} tahun {tahun} di daftar penandatangan ({daftar}) berbeda dengan "
        "blok tanda tangan formulir ({formulir}); dipakai yang di daftar",
        "The signatories list and the form's signature block name different people.",
    ),
    "periode-tidak-diketahui": JenisMasalah(
        Tingkat.PERINGATAN,
        "Tahun akhir periode Renstra/RPJMD tidak diketahui (header kolom 6 tidak menyebut "
        "tahunnya, tidak ada matriks RPJMD, dan pengaturan.toml tidak berisi [periode] akhir); "
        "kemajuan terhadap target akhir periode tidak dihitung",
        "No end year of the period: progress to the end target is not computed.",
    ),
    "periode-berbeda": JenisMasalah(
        Tingkat.PERINGATAN,
        "Header menyebut akhir periode {workbook}, sedangkan pengaturan.toml [periode] akhir = "
        "{pengaturan}; untuk workbook ini dipakai {workbook}",
        "The workbook's period differs from the settings'.",
        perbaikan="Pastikan tahun akhir periode pada judul kolom 6 benar.",
        perlu_perbaikan=False,
    ),
    "kolom-14-menjumlahkan": JenisMasalah(
        Tingkat.PERINGATAN,
        "Kolom 14 ({kolom14}) menjumlahkan realisasi tahun-tahun sebelumnya dan tahun ini, "
        "padahal indikator ini {jenis} yang tidak boleh dijumlahkan antartahun; realisasi s.d. "
        "tahun berjalan yang dipakai adalah nilai tahun ini ({dipakai})",
        "Column 14 adds up a rate over years (14 = 7 + 13 applies to counts only).",
        perbaikan="Isi kolom 14 dengan nilai tahun berjalan, bukan penjumlahan tahun-tahun.",
    ),
    "realisasi-bertentangan": JenisMasalah(
        Tingkat.PERINGATAN,
        "Realisasi kinerja (K) semua triwulan nol atau kosong, padahal {bukti}; capaian "
        "dihitung dari K (0), periksa isian K di formulir",
        "The quarterly K are all zero while the percentage or the money says otherwise.",
        perbaikan="Isi realisasi kinerja (K) setiap triwulan.",
    ),
    "pk-dari-target": JenisMasalah(
        Tingkat.INFO,
        "Formulir {opd} tahun {tahun} hanya memuat target dan pagu (belum ada realisasi): "
        "dibuat Perjanjian Kinerja saja; evaluasi, catatan verifikasi dan LKjIP dibuat setelah "
        "realisasi diisi",
        "A form with targets and pagu only (Renja/DPA at the start of the year) builds the PKs; "
        "no capaian document prints its empty capaian.",
    ),
    "pk-perubahan": JenisMasalah(
        Tingkat.INFO,
        "Target atau pagu Perjanjian Kinerja {instansi} tahun {tahun} berubah ({jumlah} butir) "
        "dibanding yang sudah dibuat: dibuat {dokumen}; Perjanjian Kinerja semula tetap",
        "After the APBD Perubahan a PK Perubahan is built; the signed PK is kept as it was.",
    ),
    "pk-riwayat-tidak-sah": JenisMasalah(
        Tingkat.PERINGATAN,
        "{jumlah} Perjanjian Kinerja yang tercatat di riwayat tidak sah (diubah di luar "
        "kinerja-report, rusak, atau disegel dengan kunci pengguna lain) dan tidak dipakai: "
        "{daftar}; Perjanjian Kinerja itu dibuat lagi dari data build ini, bandingkan dengan "
        "dokumen yang sudah ditandatangani",
        "A recorded PK whose seal fails is never printed as a signed PK.",
    ),
    "pk-sasaran-belum-dirumuskan": JenisMasalah(
        Tingkat.INFO,
        "Perjanjian Kinerja unit kerja {opd} tahun {tahun}: {jumlah} indikator tanpa rumusan "
        "sasaran (dicetak 'Sasaran belum dirumuskan'); tuliskan sasaran (pernyataan hasil) "
        "beserta indikatornya di lembar cascading atau di kolom Sasaran formulir",
        "A unit PK's Sasaran column holds result statements, never nomenclature: the analyst "
        "is told which indicators have none.",
    ),
    "pk-tidak-dibuat": JenisMasalah(
        Tingkat.PERINGATAN,
        "Perjanjian Kinerja {instansi} tahun {tahun} tidak dibuat: {alasan}",
        "A PK whose indicator table would be empty is not written.",
    ),
    "workbook-tanpa-isi": JenisMasalah(
        Tingkat.PERINGATAN,
        "Tidak ada data yang dibaca dari workbook ini. Dicari: {dicari}. Ditemukan: {rincian}",
        "A workbook that yields nothing: what was looked for and what was missing.",
    ),
    "anggaran-beda-kolom-13": JenisMasalah(
        Tingkat.PERINGATAN,
        "Jumlah realisasi anggaran triwulan ({jumlah}) berbeda dengan kolom 13 (Rp) di "
        "workbook ({kolom13})",
        "The workbook's yearly budget realisation differs from the sum of its quarters.",
        perbaikan="Perbaiki kolom 13 (Rp) menjadi jumlah realisasi anggaran triwulan.",
    ),
    "realisasi-beda-kolom-14": JenisMasalah(
        Tingkat.PERINGATAN,
        "Kolom 14 di workbook ({kolom14}) berbeda dengan kolom 7 + kolom 13 ({jumlah})",
        "Column 14 (Renstra realisation to date) differs from 7 + 13.",
        perbaikan="Perbaiki kolom 14 menjadi kolom 7 + kolom 13.",
    ),
    "capaian-beda-kolom-15": JenisMasalah(
        Tingkat.PERINGATAN,
        "Kolom 15 di workbook ({kolom15}) berbeda dengan kolom 14 / kolom 6 x 100 ({hitung})",
        "Column 15 (Renstra achievement) differs from 14 / 6 x 100.",
        perbaikan="Perbaiki kolom 15 menjadi kolom 14 / kolom 6 x 100.",
    ),
    "berkas-kosong": JenisMasalah(
        Tingkat.GALAT,
        "Berkas kosong (0 byte); salin atau unduh ulang berkas dari pengirimnya",
        "The file is empty.",
    ),
    "berkas-terenkripsi": JenisMasalah(
        Tingkat.GALAT,
        "Workbook dilindungi kata sandi (terenkripsi) sehingga tidak dapat dibaca; buka di "
        "Excel dengan kata sandinya, hapus kata sandi (File > Info > Protect Workbook > "
        "Encrypt with Password, kosongkan isiannya), simpan, lalu jalankan lagi",
        "The workbook is password-protected (an encrypted OLE2 container).",
    ),
    "format-xls-lama": JenisMasalah(
        Tingkat.GALAT,
        "Isi berkas berformat Excel lama (.xls, Excel 97-2003), bukan .xlsx; buka di Excel "
        "atau LibreOffice, simpan sebagai Excel Workbook (.xlsx), lalu jalankan lagi",
        "The safety check found an old binary .xls (OLE2) workbook; the reader then reads it "
        "with xlrd, whatever the file's name, so a build never reports this code.",
    ),
    "berkas-terpotong": JenisMasalah(
        Tingkat.GALAT,
        "Berkas .xlsx terpotong atau rusak (struktur zip tidak lengkap); unduh atau salin "
        "ulang berkas dari pengirimnya, atau buka di Excel dan simpan ulang",
        "The file starts like an .xlsx but its zip directory is missing or broken.",
    ),
    "bukan-excel": JenisMasalah(
        Tingkat.GALAT,
        "Isi berkas bukan workbook Excel ({jenis}); minta workbook .xlsx yang benar dari "
        "pengirimnya (teks/CSV dapat dibuka di Excel lalu disimpan sebagai .xlsx), atau "
        "keluarkan berkas ini dari folder masukan",
        "The content is not a workbook (PDF, image, text/CSV, HTML ...) despite its name.",
    ),
    "bukan-xlsx": JenisMasalah(
        Tingkat.GALAT,
        "Berkas berupa arsip zip tetapi bukan workbook Excel .xlsx ({jenis}); buka di "
        "aplikasinya lalu simpan sebagai Excel Workbook (.xlsx), atau keluarkan berkas ini "
        "dari folder masukan",
        "A valid zip without the parts of a workbook (.docx, .ods, .xlsb ...).",
    ),
    "workbook-terlalu-besar": JenisMasalah(
        Tingkat.GALAT,
        "Workbook melebihi batas aman {batas}: {nilai} (batas {maks}); berkas tidak dibuka "
        "karena mungkin rusak atau sengaja dibuat berbahaya: periksa asal berkas, atau buka "
        "di Excel, hapus isi yang tidak perlu, lalu simpan ulang",
        "A size, member-count or compression-ratio limit is exceeded (possible zip bomb).",
    ),
    "ipm-tidak-valid": JenisMasalah(
        Tingkat.GALAT,
        "Komponen IPM tahun {tahun} tidak valid: {alasan}",
        "An IPM component is out of the BPS range; that year's IPM is not computed.",
    ),
    "pembanding-tingkat-tidak-dikenal": JenisMasalah(
        Tingkat.PERINGATAN,
        "Tingkat pembanding '{tingkat}' tidak dikenali (tulis 'Nasional' atau 'Provinsi'); "
        "baris dilewati",
        "A comparison figure whose level is neither national nor provincial is not used.",
    ),
    "ipm-seri-berbeda": JenisMasalah(
        Tingkat.PERINGATAN,
        "IPM {tahun} memakai seri BPS '{seri}', sedangkan target RPJMD disusun dengan seri "
        "'{seri_target}'; capaian IPM tidak sebanding langsung (seri baru sekitar 1-1,5 poin "
        "lebih tinggi)",
        "Target and realisation of IPM come from different BPS series.",
    ),
    "keluaran-tidak-dapat-ditulis": JenisMasalah(
        Tingkat.GALAT,
        "Folder hasil tidak dapat dibuat atau ditulis ({alasan}); pilih --out lain",
        "The output folder cannot be created or written.",
    ),
    "tidak-ada-workbook": JenisMasalah(
        Tingkat.GALAT,
        "Tidak ada workbook (.xlsx, .xlsm, .xls) di folder masukan; {temuan}",
        "The input folder holds no workbook at all; 'temuan' names what it holds instead.",
    ),
    "keluaran-terkunci": JenisMasalah(
        Tingkat.GALAT,
        "Folder hasil sedang dipakai oleh build lain; tunggu sampai selesai atau pilih --out lain",
        "Two builds into the same output folder do not interleave.",
    ),
    "folder-terlalu-dalam": JenisMasalah(
        Tingkat.PERINGATAN,
        "Folder ini lebih dari {batas} tingkat di bawah folder masukan; isinya tidak dibaca "
        "(pindahkan workbook ke folder yang lebih dangkal)",
        "The walk stops at a depth limit instead of exhausting the stack.",
    ),
    "folder-tidak-terbaca": JenisMasalah(
        Tingkat.PERINGATAN,
        "Folder tidak dapat dibaca ({alasan}); isinya dilewati",
        "A folder of the input cannot be listed (permissions, name too long ...).",
    ),
    "berkas-bukan-workbook": JenisMasalah(
        Tingkat.INFO,
        "{jumlah} berkas bukan workbook dilewati: {daftar}",
        "Files that are not workbooks (.csv, .pdf, .docx ...) are listed once and not read.",
    ),
    "nama-berkas-tidak-sah": JenisMasalah(
        Tingkat.PERINGATAN,
        "Nama berkas memuat byte yang bukan UTF-8 atau karakter kendali; ditampilkan dengan "
        "escape (\\xNN); sebaiknya ganti nama berkas",
        "The file name is not valid UTF-8 or holds control characters; it is still read.",
    ),
    "angka-tidak-wajar": JenisMasalah(
        Tingkat.GALAT,
        "Angka {angka} tidak dapat dipakai (tak hingga, bukan angka, atau lebih dari {batas}); "
        "dianggap kosong",
        "A number that is not finite or does not fit; the cell is read as empty.",
    ),
    "jumlah-terlalu-besar": JenisMasalah(
        Tingkat.GALAT,
        "{apa} ({jumlah}) lebih dari {batas}; periksa angka di baris ini",
        "A sum of quarters or of a budget column does not fit.",
    ),
    "realisasi-pecahan-persen": JenisMasalah(
        Tingkat.PERINGATAN,
        "Realisasi {realisasi} tampak ditulis sebagai pecahan, sedangkan target {target} "
        "dalam persen (mungkin maksudnya {persen}); capaian dihitung dari angka apa adanya",
        "A realisation like 0,85 against a percentage target like 85.",
        perbaikan="Tulis realisasi dalam persen (mis. 85), bukan pecahan (0,85).",
    ),
    "keluaran-tidak-diubah": JenisMasalah(
        Tingkat.INFO,
        "Tidak ada workbook yang dibaca; folder hasil tidak diubah (hasil build sebelumnya tetap)",
        "A build that read no workbook writes nothing and removes nothing.",
    ),
    "masukan-hilang": JenisMasalah(
        Tingkat.PERINGATAN,
        "Folder masukan tidak ada lagi (dihapus, dipindah atau diganti namanya); pemantauan "
        "menunggu folder itu ada kembali, lalu build ulang",
        "'kinerja watch': the input folder went away; the watch waits for it to come back.",
    ),
    "galat-tak-terduga": JenisMasalah(
        Tingkat.GALAT,
        "Galat tak terduga ({jenis}); pemantauan berlanjut. Jalankan 'kinerja --debug build' "
        "pada folder yang sama untuk melihat rinciannya, lalu laporkan",
        "'kinerja watch': a build failed on a bug; the watch goes on with the next change.",
    ),
    "hasil-lama-dipertahankan": JenisMasalah(
        Tingkat.PERINGATAN,
        "Ada workbook yang gagal dibaca; dokumen dari build sebelumnya yang tidak dibuat ulang "
        "dibiarkan di folder hasil sampai build berikutnya membaca semua workbook",
        "Old outputs are not removed while a workbook fails: its last good PDFs stay.",
    ),
    "keluaran-terkunci-usang": JenisMasalah(
        Tingkat.GALAT,
        "Folder hasil masih terkunci oleh build (PID {pid}) yang sudah berhenti: proses sisa "
        "build itu masih memegang kuncinya; tutup proses Python yang tersisa (Task Manager, "
        "atau 'kill' di terminal) atau mulai ulang komputer, lalu jalankan lagi",
        "The build that locked the output folder is gone; a process it left holds the lock.",
    ),
    "keluaran-mencakup-masukan": JenisMasalah(
        Tingkat.GALAT,
        "Folder hasil sama dengan folder masukan ('{masukan}') atau berada di atasnya: hasil "
        "akan bercampur dengan workbook masukan dan berkas di sana dapat tertimpa; pilih "
        "folder lain, mis. --out {saran}",
        "--out is the input folder or one of its ancestors; a folder inside the input is fine.",
    ),
    "keluaran-lewat-tautan": JenisMasalah(
        Tingkat.GALAT,
        "'{folder}' di dalam folder hasil adalah tautan (symlink, junction atau hard link) ke "
        "tempat lain; hasil tidak ditulis lewat tautan: hapus atau ganti nama tautan itu, atau "
        "pilih --out lain",
        "An output would be written through a link (symlink, junction, hard link) inside the "
        "output folder.",
    ),
    "manifest-tidak-ada": JenisMasalah(
        Tingkat.GALAT,
        "Tidak ada manifest.json di folder hasil ini; jalankan 'kinerja build' dulu, atau "
        "sebutkan folder hasil yang benar",
        "'kinerja verifikasi' on a folder no build wrote a manifest into.",
    ),
    "manifest-tidak-valid": JenisMasalah(
        Tingkat.GALAT,
        "manifest.json tidak dapat dibaca atau bukan manifest kinerja-report; jalankan "
        "'kinerja build' lagi untuk menulisnya ulang",
        "The manifest is not JSON, or not ours.",
    ),
    "kunci-tidak-tersedia": JenisMasalah(
        Tingkat.GALAT,
        "Kunci segel tidak dapat dibuat atau dibaca ({alasan}); periksa izin folder itu, "
        "atau arahkan variabel lingkungan KINERJA_KUNCI_DIR ke folder lain",
        "The key that seals the cache and the manifest, outside OUT, is unusable.",
    ),
    "manifest-lama-tidak-sah": JenisMasalah(
        Tingkat.INFO,
        "manifest.json build sebelumnya {sebab}; tidak ada dokumen yang dipakai ulang, "
        "dan tidak ada hasil lama yang dihapus; semuanya dibuat ulang",
        "The previous manifest is not sealed with this user's key: nothing is reused or removed.",
    ),
    "cache-tidak-sah": JenisMasalah(
        Tingkat.INFO,
        "Bacaan tersimpan workbook ini di kinerja.sqlite tidak bersegel kunci pengguna ini "
        "(diubah, atau ditulis pengguna/komputer lain); workbook dibaca ulang",
        "A cached reading whose seal does not verify is not used.",
    ),
    "riwayat-tidak-ada": JenisMasalah(
        Tingkat.GALAT,
        "Belum ada riwayat (kinerja.sqlite) di folder hasil ini; jalankan 'kinerja build' "
        "dengan --out yang sama dulu",
        "'kinerja riwayat' on a folder no build recorded its history in.",
    ),
    "riwayat-tidak-valid": JenisMasalah(
        Tingkat.GALAT,
        "Berkas riwayat tidak dapat dibuka atau bukan riwayat kinerja-report (rusak, atau dari "
        "versi lain); pindahkan atau ganti nama berkas itu, lalu jalankan lagi: riwayat baru "
        "dimulai",
        "kinerja.sqlite is not an SQLite database, or one with another schema.",
    ),
    "opd-tidak-ditemukan": JenisMasalah(
        Tingkat.GALAT,
        "Perangkat daerah '{opd}' tidak ada di folder masukan atau namanya cocok dengan lebih "
        "dari satu; tulis nama lengkapnya. Yang ada: {daftar}",
        "'kinerja template' names an OPD none of the input's forms is of.",
    ),
    "disk-penuh": JenisMasalah(
        Tingkat.GALAT,
        "Disk penuh saat menulis hasil ({berkas_hasil}); hasil build sebelumnya tidak berubah: "
        "kosongkan ruang disk atau pilih --out di disk lain, lalu jalankan lagi",
        "No space left (ENOSPC, EDQUOT) while writing the outputs.",
    ),
    "pekerja-pdf-berhenti": JenisMasalah(
        Tingkat.GALAT,
        "Proses pembuat PDF berhenti mendadak (kemungkinan memori komputer habis, atau "
        "dihentikan oleh sistem); hasil build sebelumnya tidak berubah: tutup aplikasi lain "
        "lalu jalankan lagi",
        "A PDF worker process died (BrokenProcessPool), as when the OOM killer strikes.",
    ),
    "keselarasan-tingkat-tidak-dikenal": JenisMasalah(
        Tingkat.PERINGATAN,
        "Tingkat '{tingkat}' di lembar cascading tidak dikenal; baris ini dilewati (tingkat yang "
        "dikenal: {daftar})",
        "A cascading row names a level none of ours.",
    ),
    "keselarasan-ikd-tanpa-program": JenisMasalah(
        Tingkat.PERINGATAN,
        "Indikator kinerja daerah '{indikator}' (sasaran '{sasaran}') tahun {tahun} tidak "
        "didukung program perangkat daerah mana pun: tidak ada program di bawah sasaran ini di "
        "pohon kinerja; tautkan sasaran perangkat daerah yang mendukungnya di lembar cascading",
        "A regency indicator whose sasaran has no OPD programme below it in the tree.",
    ),
    "keselarasan-sasaran-tanpa-induk": JenisMasalah(
        Tingkat.PERINGATAN,
        "Sasaran '{sasaran}' ({opd}, {tahun}) tidak terhubung ke sasaran RPJMD mana pun; "
        "tautkan di lembar cascading atau di kolom Sasaran RPJMD formulir",
        "An OPD sasaran that reaches no RPJMD sasaran.",
        perbaikan="Tuliskan sasaran RPJMD yang didukung sasaran ini (kolom Sasaran RPJMD "
        "formulir).",
    ),
    "keselarasan-program-tanpa-outcome": JenisMasalah(
        Tingkat.PERINGATAN,
        "Program '{uraian}' tidak memiliki indikator outcome; tambahkan indikatornya",
        "A programme row with no indicator.",
        perbaikan="Tambahkan indikator outcome program ini.",
    ),
    "keselarasan-kegiatan-tanpa-output": JenisMasalah(
        Tingkat.PERINGATAN,
        "Kegiatan '{uraian}' tidak memiliki indikator output; tambahkan indikatornya",
        "A kegiatan row with no indicator.",
        perbaikan="Tambahkan indikator output kegiatan ini.",
    ),
    "keselarasan-target-kosong": JenisMasalah(
        Tingkat.PERINGATAN,
        "Indikator '{indikator}' tidak memiliki target {kapan}",
        "An indicator of the tree without a target for the year.",
        perbaikan="Isi target indikator ini.",
    ),
    "keselarasan-anggaran-tanpa-indikator": JenisMasalah(
        Tingkat.PERINGATAN,
        "Ada anggaran pada {tingkat} '{uraian}' tetapi tidak ada indikator kinerjanya; hasil "
        "anggaran itu tidak dapat diukur",
        "Budget on a programme, kegiatan or sub kegiatan row that has no indicator.",
        perbaikan="Tambahkan indikator kinerja untuk anggaran ini.",
    ),
    "keselarasan-indikator-sama-induk": JenisMasalah(
        Tingkat.PERINGATAN,
        "Indikator {tingkat} '{indikator}' sama persis dengan indikator {tingkat_induk} di "
        "atasnya ('{induk}'); indikator di bawah sebaiknya menyatakan kontribusinya sendiri",
        "A child's indicator repeats its parent's word for word.",
        perbaikan="Sebaiknya rumuskan indikator yang menyatakan kontribusi baris ini sendiri.",
        perlu_perbaikan=False,
    ),
    "keselarasan-kode-tidak-dikenal": JenisMasalah(
        Tingkat.PERINGATAN,
        "Kode {kode_baris} tidak ada di daftar nomenklatur Permendagri 90/2019 ({daftar}); periksa "
        "kodenya",
        "A code not in the reference list(s) found in the input folder.",
        perbaikan="Perbaiki kode sesuai nomenklatur Permendagri 90/2019.",
    ),
    "satuan-uang-dari-catatan": JenisMasalah(
        Tingkat.INFO,
        "Anggaran dibaca dalam {satuan} rupiah menurut catatan '{catatan}' di luar sub-judul "
        "kolom Rp; bila keliru, perbaiki catatan itu",
        "A note above or under the table ('(Rp 000)', 'dalam ribuan rupiah') scales the money "
        "columns whose sub-header names no unit.",
        perbaikan="Pastikan satuan anggaran benar; tulis satuan juga pada sub-judul kolom Rp "
        "(mis. 'Rp. (000)').",
        perlu_perbaikan=False,
    ),
    "satuan-uang-ragu": JenisMasalah(
        Tingkat.PERINGATAN,
        "Catatan satuan anggaran saling bertentangan ({catatan}); anggaran dibaca menurut "
        "sub-judul kolom Rp saja. Tuliskan satu satuan untuk seluruh tabel",
        "Two notes of the money unit disagree (thousands and millions): none is applied.",
        perbaikan="Tuliskan satu satuan anggaran untuk seluruh tabel.",
    ),
    "anggaran-terlalu-kecil": JenisMasalah(
        Tingkat.PERINGATAN,
        "Pagu {tingkat} '{uraian}' hanya {nilai}, di bawah {batas} yang wajar untuk tingkat "
        "ini: mungkin ditulis dalam ribuan tanpa keterangan. Tuliskan satuan anggaran "
        "(mis. '(Rp 000)') di atas tabel atau perbaiki angkanya",
        "A budget implausibly small for its level (setting [kewajaran] pagu_minimum_sub_kegiatan).",
        perbaikan="Tulis pagu dalam rupiah penuh, atau cantumkan '(Rp 000)' bila seluruh tabel "
        "dalam ribuan.",
    ),
    "anggaran-program-kurang": JenisMasalah(
        Tingkat.PERINGATAN,
        "Pagu program '{uraian}' ({program}) lebih kecil dari jumlah pagu kegiatannya "
        "({kegiatan}): periksa satuan atau angka pagu program dan kegiatan",
        "A programme's budget is smaller than the sum of its own kegiatan.",
        perbaikan="Samakan pagu program dengan jumlah pagu kegiatannya, atau perbaiki satuan pagu.",
    ),
    "pagu-jauh-dari-saudara": JenisMasalah(
        Tingkat.PERINGATAN,
        "Pagu {tingkat} '{uraian}' ({nilai}) {kali} kali {arah} daripada median pagu {jumlah} "
        "{tingkat} lain di bawah induk yang sama ({median}): mungkin ditulis dalam satuan lain "
        "(ribuan atau rupiah penuh). Periksa angka di sel ini dan perbaiki satuannya",
        "A kegiatan's or sub kegiatan's budget far from its siblings' median (setting "
        "[kewajaran] kelipatan_saudara).",
        perbaikan="Pastikan pagu ini ditulis dalam satuan yang sama dengan baris lain (rupiah "
        "penuh atau ribuan); bila keliru, perbaiki.",
    ),
    "triwulan-persen-dijumlah": JenisMasalah(
        Tingkat.PERINGATAN,
        "Realisasi triwulan indikator persentase '{indikator}' ({triwulan}) dijumlahkan menjadi "
        "{jumlah}, {alasan}: nilai tiap triwulan tampaknya tingkat, bukan tambahan. Bila "
        'demikian, tulis agregasi = "akhir" untuk indikator ini di [[indikator]] '
        "pengaturan.toml; bila tambahan, perbaiki angka triwulannya",
        "A rate whose quarters, summed, pass 100 % or far pass its target.",
        perbaikan="Tulis realisasi tiap triwulan sebagai tambahan, atau beritahu Bappeda bahwa "
        "nilai tahunan indikator ini adalah nilai triwulan terakhir.",
    ),
    "target-persen-tidak-wajar": JenisMasalah(
        Tingkat.PERINGATAN,
        "{apa} indikator persentase {target} % melewati 100 %: tampaknya target tahunan "
        "dijumlahkan; untuk persentase tulis nilai tahun yang dituju, bukan jumlahnya",
        "A percentage target above 100 % (a rate summed over years).",
        perbaikan="Tulis target persentase sebagai nilai tahun yang dituju (paling tinggi 100 %).",
    ),
    "capaian-pencilan": JenisMasalah(
        Tingkat.PERINGATAN,
        "{apa} {capaian} jauh di atas batas wajar {batas} (target {target}, realisasi "
        "{realisasi}): periksa apakah target atau realisasi salah ketik atau beda satuan",
        "A capaian far above its target (setting [kewajaran] batas_capaian).",
        perbaikan="Pastikan target dan realisasi benar (salah ketik, satuan berbeda, target "
        "akhir periode yang keliru); bila ada yang salah, perbaiki; bila benar, tulis "
        "penjelasannya di kolom Keterangan.",
    ),
    "nilai-pencilan-riwayat": JenisMasalah(
        Tingkat.PERINGATAN,
        "Nilai '{indikator}' tahun {tahun} ({nilai}) jauh dari tahun-tahun di sekitarnya "
        "({lain}): pastikan angka ini benar sebelum dipakai dalam proyeksi",
        "A value far from the same indicator's other years (setting [kewajaran] ambang_riwayat).",
        perbaikan="Pastikan angka tahun ini benar; bila salah ketik, perbaiki; bila benar, "
        "tulis penjelasannya di kolom Keterangan.",
    ),
    "anggaran-beda-kolom-14": JenisMasalah(
        Tingkat.PERINGATAN,
        "Realisasi anggaran s.d. tahun berjalan di kolom 14 workbook ({kolom14}) berbeda dengan "
        "kolom 7 + kolom 13 ({jumlah}); dokumen memakai {jumlah}. Perbaiki rumus sel ini",
        "The form's column 14 (Rp) is not column 7 + column 13.",
        perbaikan="Perbaiki rumus kolom 14 (Rp) menjadi kolom 7 + kolom 13.",
    ),
    "jumlah-formulir-beda": JenisMasalah(
        Tingkat.PERINGATAN,
        "Baris jumlah formulir ({kolom}) menulis {formulir}, jumlah program di formulir "
        "{hitung}; dokumen memakai {hitung}. Perbaiki rumus baris jumlah",
        "The form's own total row differs from the sum of its programmes.",
        perbaikan="Perbaiki rumus baris jumlah agar setiap program dihitung sekali.",
    ),
    "rencana-aksi-sifat-tidak-dikenal": JenisMasalah(
        Tingkat.PERINGATAN,
        "Sifat target '{teks}' tidak dikenali (tulis 'Kumulatif' atau 'Per Triwulan'); baris "
        "ini mengikuti catatan lembar atau angka targetnya",
        "A Rencana Aksi row's 'Sifat Target' cell is neither cumulative nor per quarter.",
        "Tulis 'Kumulatif' atau 'Per Triwulan' pada kolom Sifat Target.",
    ),
    "rencana-aksi-sifat-tidak-jelas": JenisMasalah(
        Tingkat.PERINGATAN,
        "Tidak disebutkan apakah target triwulan kumulatif atau per triwulan, dan angkanya tidak "
        "menunjukkannya (target TW IV tidak sama dengan target tahun, jumlah keempat triwulan "
        "juga tidak); target dianggap kumulatif (s.d. triwulan)",
        "A Rencana Aksi row whose quarterly targets are neither cumulative nor per quarter "
        "by their numbers, and nothing says which.",
        "Tambahkan kolom 'Sifat Target' (Kumulatif / Per Triwulan) atau catatan di judul "
        "lembar, dan periksa target triwulannya.",
    ),
    "rencana-aksi-indikator-tidak-cocok": JenisMasalah(
        Tingkat.PERINGATAN,
        "Indikator rencana aksi '{indikator}' tidak ada di formulir E.81 {opd} tahun {tahun}; "
        "indikator ini tidak dipantau dalam peringatan dini",
        "A Rencana Aksi indicator with no E.81 indicator of the same name in the same OPD-year.",
        "Samakan nama indikator di rencana aksi dengan nama di formulir E.81 (dan Perjanjian "
        "Kinerja).",
    ),
    "rencana-aksi-tanpa-e81": JenisMasalah(
        Tingkat.INFO,
        "Rencana aksi {opd} tahun {tahun} belum punya formulir E.81 di folder masukan; "
        "peringatan dini untuknya dibuat setelah formulir triwulan dikirim",
        "A Rencana Aksi of an OPD-year with no E.81 form yet.",
    ),
    "rencana-aksi-ganda": JenisMasalah(
        Tingkat.PERINGATAN,
        "Rencana aksi {opd} tahun {tahun} ada lebih dari satu; yang dipakai: {dipakai}",
        "Two Rencana Aksi sheets of one OPD-year: the first by file and sheet name is used.",
        "Simpan satu rencana aksi saja untuk setiap perangkat daerah dan tahun.",
    ),
}


@dataclass(frozen=True)
class Masalah:
    """A problem at a place: file, sheet and cell (each may be empty)."""

    kode: str
    pesan: str
    berkas: str = ""
    lembar: str = ""
    sel: str = ""

    @property
    def tingkat(self) -> Tingkat:
        return KATALOG[self.kode].tingkat

    @property
    def lokasi(self) -> str:
        return "!".join(part for part in (self.berkas, self.lembar, self.sel) if part)


def masalah(kode: str, berkas: str = "", lembar: str = "", sel: str = "", **isi: object) -> Masalah:
    """Create a problem from the catalogue, filling the message template.

    Message and location are made safe to show here, the one place every problem passes:
    control characters, bidi overrides and undecodable bytes of file names become visible
    escapes (:func:`kinerja_report.teks.teks_aman`).
    """
    jenis = KATALOG[kode]
    return Masalah(
        kode,
        teks_aman(jenis.templat.format(**isi)),
        teks_aman(berkas),
        teks_aman(lembar),
        teks_aman(sel),
    )


def masalah_di(kode: str, sumber: Sumber | None, **isi: object) -> Masalah:
    """A problem at the cell a value was read from (empty location when unknown)."""
    if sumber is None:
        return masalah(kode, "", "", "", **isi)
    return masalah(kode, sumber.berkas, sumber.lembar, sumber.sel, **isi)


def tabel_pesan() -> str:
    """The catalogue as a Markdown table (code, level, message template), for
    docs/kode-masalah.md: written there by ``python scripts/tulis_kode_masalah.py`` and
    checked by a test, never copied by hand."""
    baris = ["| kode | tingkat | pesan |", "|---|---|---|"]
    for kode, jenis in KATALOG.items():
        pesan = jenis.templat.replace("|", "\\|")
        baris.append(f"| `{kode}` | {jenis.tingkat.value} | {pesan} |")
    return "\n".join(baris) + "\n"
