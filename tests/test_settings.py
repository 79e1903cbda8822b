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
        ("[dokumen]\ntanggal_perjanjian = '31 Juni'", "tanggal_perjanjian '31 Juni' tidak ada"),
    ],
)
def test_pengaturan_salah_pesan_jelas(tmp_path: Path, isi: str, pesan: str) -> None:
    (tmp_path / "pengaturan.toml").write_text(isi, encoding="utf-8")
    with pytest.raises(PengaturanTidakValid) as info:
        baca_pengaturan(tmp_path)
    assert pesan in info.value.masalah.pesan
    assert info.value.masalah.berkas == "pengaturan.toml"
