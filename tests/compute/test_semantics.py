from __future__ import annotations

from kinerja_report.compute.rules import Agregasi, AturanCapaian, AturanIndikator
from kinerja_report.compute.semantics import KamusRpjmd, sifat_indikator
from kinerja_report.model import Polaritas

RPJMD = KamusRpjmd(
    polaritas={
        "angka kematian bayi": Polaritas.NEGATIF,
        "indeks pembangunan manusia": Polaritas.POSITIF,
    },
    agregasi={"indeks pembangunan manusia": Agregasi.AKHIR},
)


def test_urutan_sumber_polaritas() -> None:
    aturan = AturanCapaian(indikator={"jumlah kasus dbd": AturanIndikator(polaritas="positif")})
    # 1. the workbook's own column wins
    assert (
        sifat_indikator("Angka Kematian Bayi", aturan, RPJMD, "Positif").sumber_polaritas
        == "workbook"
    )
    # 2. the RPJMD matrix, by name (case and spaces ignored)
    sifat = sifat_indikator("Angka  kematian BAYI", aturan, RPJMD)
    assert (sifat.polaritas, sifat.sumber_polaritas) == (Polaritas.NEGATIF, "RPJMD")
    # 3. the override table of the settings
    sifat = sifat_indikator("Jumlah kasus DBD", aturan, RPJMD)
    assert (sifat.polaritas, sifat.sumber_polaritas) == (Polaritas.POSITIF, "pengaturan")
    # 4. the name rule, then positive
    sifat = sifat_indikator("Prevalensi balita gizi kurang", aturan, RPJMD)
    assert (sifat.polaritas, sifat.sumber_polaritas) == (Polaritas.NEGATIF, "aturan nama")
    sifat = sifat_indikator("Jumlah dokumen perencanaan", aturan, RPJMD)
    assert (sifat.polaritas, sifat.sumber_polaritas) == (Polaritas.POSITIF, "bawaan")


def test_teks_polaritas_yang_diterima() -> None:
    aturan = AturanCapaian()
    for text, expected in [
        ("Negatif", Polaritas.NEGATIF),
        ("-", Polaritas.NEGATIF),
        ("semakin rendah semakin baik", Polaritas.NEGATIF),
        ("+", Polaritas.POSITIF),
        ("Positif", Polaritas.POSITIF),
        ("semakin tinggi semakin baik", Polaritas.POSITIF),
    ]:
        assert sifat_indikator("x", aturan, None, text).polaritas is expected, text


def test_agregasi() -> None:
    aturan = AturanCapaian(indikator={"persentase x": AturanIndikator(agregasi="rata-rata")})
    assert sifat_indikator("Indeks Pembangunan Manusia", aturan, RPJMD).agregasi is Agregasi.AKHIR
    assert sifat_indikator("Persentase X", aturan, RPJMD).agregasi is Agregasi.RATA_RATA
    assert sifat_indikator("y", aturan, None, "", "Akhir").agregasi is Agregasi.AKHIR
    sifat = sifat_indikator("Persentase cakupan", aturan, None)
    assert (sifat.agregasi, sifat.sumber_agregasi) == (Agregasi.KUMULATIF, "bawaan E.81")


def test_indikator_layanan_bukan_negatif() -> None:
    aturan = AturanCapaian()
    for name in (
        "Jumlah balita stunting yang mendapatkan intervensi gizi spesifik",
        "Persentase kasus TB yang diobati",
        "Jumlah penduduk miskin yang menerima bantuan",
    ):
        assert sifat_indikator(name, aturan).polaritas is Polaritas.POSITIF, name
    for name in (
        "Prevalensi Stunting",
        "Angka Kematian Bayi",
        "Persentase Penduduk Miskin",
        "Jumlah kasus DBD",
    ):
        assert sifat_indikator(name, aturan).polaritas is Polaritas.NEGATIF, name


def test_antar_tahun_laju_tidak_pernah_dijumlahkan() -> None:
    """Rates by unit or name take the latest value; counts add up; settings win."""
    from kinerja_report.compute.rules import AntarTahun

    aturan = AturanCapaian(
        indikator={"jumlah peserta pelatihan": AturanIndikator(antar_tahun="terakhir")}
    )

    def tahunan(nama: str, satuan: str) -> tuple[AntarTahun, str]:
        sifat = sifat_indikator(nama, aturan, None, "", "", satuan)
        return sifat.antar_tahun, sifat.sumber_antar_tahun

    assert tahunan("Persentase Tertib Pelaporan", "%") == (AntarTahun.TERAKHIR, "satuan")
    assert tahunan("1. Nilai LHE AKIP 2. IKM", "Nilai") == (AntarTahun.TERAKHIR, "satuan")
    assert tahunan("Angka kematian bayi", "per 1.000 KH") == (AntarTahun.TERAKHIR, "satuan")
    assert tahunan("Cakupan pelayanan", "") == (AntarTahun.TERAKHIR, "nama")
    assert tahunan("Jumlah dokumen perencanaan", "Dok") == (AntarTahun.JUMLAH, "satuan")
    assert tahunan("Jumlah orang yang menerima gaji", "Orang / Bulan") == (
        AntarTahun.JUMLAH,
        "satuan",
    )
    assert tahunan("Jumlah peserta pelatihan", "orang") == (AntarTahun.TERAKHIR, "pengaturan")
    assert tahunan("Pembangunan gedung", "") == (AntarTahun.JUMLAH, "agregasi")
    assert tahunan("Layanan publik", "Nilai Indeks") == (AntarTahun.TERAKHIR, "satuan")
    assert tahunan("Kematangan SPIP", "skala 1-5") == (AntarTahun.TERAKHIR, "satuan")
    assert tahunan("Jumlah penduduk", "orang/tahun") == (AntarTahun.JUMLAH, "satuan")
    akhir = sifat_indikator("Pembangunan gedung", AturanCapaian(), None, "", "akhir", "")
    assert (akhir.antar_tahun, akhir.sumber_antar_tahun) == (AntarTahun.TERAKHIR, "agregasi")
