from __future__ import annotations

from pathlib import Path

import pytest

from kinerja_report.compute.rules import RumusNegatif
from kinerja_report.errors import PengaturanTidakValid
from kinerja_report.model import Polaritas
from kinerja_report.settings import baca_pengaturan

TOML = """
[daerah]
nama = "Contoh"

[dokumen]
ukuran_kertas = "a4"
tanggal_perjanjian = "29 Februari"

[capaian]
rumus_negatif = "B"
batas_rata_rata = 120
ambang_efisiensi = 10

[[capaian.kategori]]
batas = 100
label = "Sangat Berhasil"
[[capaian.kategori]]
batas = 75
label = "Berhasil"
[[capaian.kategori]]
batas = 55
label = "Cukup Berhasil"
[[capaian.kategori]]
batas = 0
label = "Kurang Berhasil"

[[capaian.urutan]]
nama = "akreditasi puskesmas"
urutan = ["Paripurna", "Utama", "Madya", "Dasar"]

[[indikator]]
nama = "Jumlah Kasus DBD"
polaritas = "negatif"
agregasi = "akhir"
"""


def test_pengaturan_lengkap(tmp_path: Path) -> None:
    (tmp_path / "pengaturan.toml").write_text(TOML, encoding="utf-8")
    pengaturan = baca_pengaturan(tmp_path)
    assert pengaturan is not None
    assert pengaturan.daerah.nama_lengkap == "Kabupaten Contoh"
    assert pengaturan.ukuran_css(lanskap=True) == "297mm 210mm"
    assert str(pengaturan.tanggal_perjanjian(2024)) == "2024-02-29"
    assert str(pengaturan.tanggal_perjanjian(2023)) == "2023-02-28"
    aturan = pengaturan.aturan
    assert aturan.rumus_negatif is RumusNegatif.B
    assert (aturan.batas_rata_rata, aturan.ambang_efisiensi) == (120.0, 10.0)
    assert [p.label for p in aturan.skala][:4] == [
        "Sangat Berhasil",
        "Berhasil",
        "Cukup Berhasil",
        "Kurang Berhasil",
    ]
    override = aturan.indikator["jumlah kasus dbd"]
    assert (override.polaritas, override.agregasi) == ("negatif", "akhir")
    # own ordinal scales first, then Opini BPK, predikat SAKIP and IKM
    assert [s.nama for s in aturan.skala_urut] == [
        "akreditasi puskesmas",
        "Opini BPK",
        "predikat SAKIP",
        "kategori IKM",
    ]
    assert aturan.skala_urut[0].peringkat("utama") == 1
    assert Polaritas.NEGATIF.value == override.polaritas


def test_tanpa_berkas_pengaturan(tmp_path: Path) -> None:
    assert baca_pengaturan(tmp_path) is None


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        ("[capaian]\nrumus_negatif = 'C'", "rumus_negatif harus 'A' atau 'B'"),
        (
            "[dokumen]\nukuran_kertas = 'Letter'",
            "ukuran_kertas harus 'F4' atau 'A4', bukan 'Letter'",
        ),
        ("[daerah]\nnama_bupati = 'x'", "kunci tidak dikenal di [daerah]: nama_bupati"),
        ("[daerah]\nlogo = 'tidak-ada.png'", "berkas logo 'tidak-ada.png' tidak ada"),
        ("[[indikator]]\npolaritas = 'negatif'", "setiap [[indikator]] perlu 'nama'"),
        ("[daerah\n", "Pengaturan tidak valid"),
        # typos are errors with a suggestion, never silently ignored
        (
            "[dokumn]\nukuran_kertas = 'A4'",
            "bagian [dokumn] tidak dikenal (maksud Anda 'dokumen'?)",
        ),
        (
            "[capaian]\nrumus_negatf = 'B'",
            "kunci tidak dikenal di [capaian]: rumus_negatf (maksud Anda 'rumus_negatif'?)",
        ),
        ("[[indikator]]\nnama = 'X'\npolaritas = 'negatip'", "polaritas harus 'positif'"),
        ("[[indikator]]\nnama = 'X'\nagregasi = 'kumulatf'", "agregasi harus 'kumulatif'"),
        ("dokumen = 'F4'", "[dokumen] harus berupa tabel"),
        ("[capaian]\nbatas_rata_rata = true", "harus berupa angka"),
        ("[[capaian.urutan]]\nnama = 'x'\nurutan = ['A']", "'urutan' harus daftar 2 sampai 20"),
        ("[[capaian.urutan]]\nurutan = ['A', 1]", "[capaian.urutan ke-1] urutan harus berupa teks"),
        ("[[capaian.urutan]]\nurutn = ['A', 'B']", "kunci tidak dikenal di [[capaian.urutan]]"),
        ("[dokumen]\ntanggal_perjanjian = '31 Juni'", "tanggal_perjanjian '31 Juni' tidak ada"),
        # issue 16: type and range, with the key and the allowed range in the message
        (
            "[batas_workbook]\nrasio_kompresi = nan",
            "[batas_workbook] rasio_kompresi harus berupa angka lebih dari 0 sampai 10.000, "
            "bukan nan",
        ),
        ("[batas_workbook]\nrasio_kompresi = inf", "rasio_kompresi harus berupa angka"),
        ("[batas_workbook]\nukuran_isi_mb = 1e400", "ukuran_isi_mb harus berupa angka"),
        ("[batas_workbook]\nukuran_berkas_mb = true", "bukan true"),
        (
            "[batas_workbook]\njumlah_anggota = 100000000000000000000000",
            "[batas_workbook] jumlah_anggota harus berupa bilangan bulat dari 1 sampai 1000000, "
            "bukan angka 24 digit",
        ),
        ("[batas_workbook]\njumlah_anggota = 100.5", "jumlah_anggota harus berupa bilangan bulat"),
        ("[batas_workbook]\njumlah_anggota = " + "9" * 5000, "angka terlalu besar"),
        (
            "[capaian]\nbatas_rata_rata = -5",
            "[capaian] batas_rata_rata harus berupa angka dari 0 sampai 1.000, bukan -5",
        ),
        ("[capaian]\nambang_efisiensi = 'lima'", "ambang_efisiensi harus berupa angka"),
        (
            "[[capaian.kategori]]\nbatas = nan\nlabel = 'A'",
            "[capaian.kategori ke-1] batas harus berupa angka dari -1.000 sampai 1.000, bukan nan",
        ),
        (
            "[[capaian.kategori]]\nbatas = 1\nlabel = 'A'\ninklusif = 1",
            "[capaian.kategori ke-1] inklusif harus true atau false, bukan 1",
        ),
        ("[[capaian.kategori]]\nbatas = 1\nlabel = 'A'\nwarna = 1", "kunci tidak dikenal"),
        ("[daerah]\nnama = [1, 2]", "[daerah] nama harus berupa teks, bukan sebuah daftar"),
        ('[daerah]\nnama = "a\\u001b[2J"', "[daerah] nama memuat karakter kendali"),
        ("[daerah]\nalamat = '" + "x" * 600 + "'", "alamat paling panjang 500 karakter"),
        ("[[dokumen]]\nukuran_kertas = 'A4'", "[dokumen] harus berupa tabel, bukan sebuah daftar"),
        ("indikator = 'x'", "[[indikator]] harus berupa daftar tabel, bukan 'x'"),
        ("[ipm]\nseri_target = 2", "[ipm] seri_target harus 'lama' atau 'baru', bukan 2"),
        ("x = " + "[" * 5000 + "]" * 5000, "daftar atau tabel bersarang terlalu dalam"),
        ("[periode]\nawal = 2026\nakhir = 2021", "[periode] awal (2026) harus tidak lebih"),
        (
            "[periode]\nawal = 1999",
            "[periode] awal harus berupa bilangan bulat dari 2000 sampai 2100, bukan 1999",
        ),
        (
            "[[indikator]]\nnama = 'X'\nantar_tahun = 'rata'",
            "[indikator 'X'] antar_tahun harus 'jumlah' atau 'terakhir', bukan 'rata'",
        ),
        ("[daerah]\nlogo = 1", "[daerah] logo harus berupa teks, bukan 1"),
        ("[lkjip]\nmisi = [1]", "[lkjip] misi harus berupa teks, bukan 1"),
        ("[lkjip]\nmisi = {a = 1}", "[lkjip] misi harus berupa daftar teks"),
        ("[lkjip]\nvisii = 'x'", "kunci tidak dikenal di [lkjip]: visii (maksud Anda 'visi'?)"),
    ],
)
def test_pengaturan_salah_pesan_jelas(tmp_path: Path, isi: str, pesan: str) -> None:
    (tmp_path / "pengaturan.toml").write_text(isi, encoding="utf-8")
    with pytest.raises(PengaturanTidakValid) as info:
        baca_pengaturan(tmp_path)
    assert pesan in info.value.masalah.pesan
    assert info.value.masalah.berkas == "pengaturan.toml"


def test_periode_dan_antar_tahun_disimpan(tmp_path: Path) -> None:
    (tmp_path / "pengaturan.toml").write_text(
        "[periode]\nawal = 2021\nakhir = 2026\n"
        "[[indikator]]\nnama = 'Jumlah Kasus DBD'\nantar_tahun = 'Terakhir'\n",
        encoding="utf-8",
    )
    pengaturan = baca_pengaturan(tmp_path)
    assert pengaturan is not None
    assert (pengaturan.periode_awal, pengaturan.periode_akhir) == (2021, 2026)
    assert pengaturan.aturan.indikator["jumlah kasus dbd"].antar_tahun == "terakhir"


def test_pengaturan_terlalu_besar_ditolak(tmp_path: Path) -> None:
    (tmp_path / "pengaturan.toml").write_bytes(b"# " + b"x" * (1024 * 1024) + b"\n")
    with pytest.raises(PengaturanTidakValid, match="lebih dari 1 MB"):
        baca_pengaturan(tmp_path)


def test_pengaturan_bukan_utf8_ditolak(tmp_path: Path) -> None:
    (tmp_path / "pengaturan.toml").write_bytes(b"[daerah]\nnama = '\xff'\n")
    with pytest.raises(PengaturanTidakValid, match="bukan teks UTF-8"):
        baca_pengaturan(tmp_path)


def test_galat_toml_dalam_bahasa_indonesia(tmp_path: Path) -> None:
    """tomllib's English message never reaches the user: where, and what to check."""
    (tmp_path / "pengaturan.toml").write_text("[daerah]\nnama Kepahiang\n", encoding="utf-8")
    with pytest.raises(PengaturanTidakValid) as info:
        baca_pengaturan(tmp_path)
    pesan = info.value.masalah.pesan
    assert "penulisan TOML salah di baris 2, kolom" in pesan
    assert "Expected" not in pesan


@pytest.mark.parametrize(
    ("toml", "tahun", "tanggal"),
    [
        ("", 2021, "2021-01-04"),  # 1 January a holiday, 2-3 January a weekend
        ("", 2022, "2022-01-03"),  # 2 January a Sunday
        ("", 2024, "2024-01-02"),
        ('hari_libur = ["2024-01-02", 2024-01-03]\n', 2024, "2024-01-04"),
        ('tanggal_perjanjian = "2 Januari"\n', 2021, "2021-01-04"),
        ('tanggal_perjanjian = "Hari kerja pertama"\n', 2025, "2025-01-02"),
    ],
)
def test_tanggal_perjanjian_hari_kerja(tmp_path: Path, toml: str, tahun: int, tanggal: str) -> None:
    """Issue 24: no PK is dated on a weekend, 1 January or a listed holiday."""
    (tmp_path / "pengaturan.toml").write_text(f"[dokumen]\n{toml}", encoding="utf-8")
    pengaturan = baca_pengaturan(tmp_path)
    assert pengaturan is not None
    assert str(pengaturan.tanggal_perjanjian(tahun)) == tanggal
    for tahun_lain in range(2000, 2031):
        assert pengaturan.tanggal_perjanjian(tahun_lain).weekday() < 5


def test_hari_libur_bukan_tanggal(tmp_path: Path) -> None:
    (tmp_path / "pengaturan.toml").write_text(
        '[dokumen]\nhari_libur = ["27 Januari"]\n', encoding="utf-8"
    )
    with pytest.raises(PengaturanTidakValid) as info:
        baca_pengaturan(tmp_path)
    assert "hari_libur: '27 Januari' bukan tanggal" in str(info.value)


def test_uraian_lkjip(tmp_path: Path) -> None:
    (tmp_path / "pengaturan.toml").write_text(
        '[lkjip]\nvisi = "Maju"\nmisi = "Satu misi"\nisu_strategis = ["A", "B"]\n',
        encoding="utf-8",
    )
    pengaturan = baca_pengaturan(tmp_path)
    assert pengaturan is not None
    assert pengaturan.lkjip.visi == "Maju"
    assert pengaturan.lkjip.misi == ("Satu misi",)  # one text is a list of one
    assert pengaturan.lkjip.isu_strategis == ("A", "B")
    assert pengaturan.lkjip.tugas_fungsi == ""
