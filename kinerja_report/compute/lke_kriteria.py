"""The evaluation worksheet (Lembar Kriteria Evaluasi) of PermenPAN-RB 88/2021 on the
evaluation of SAKIP: four components, each with three sub-components (pemenuhan 20 %,
kualitas 30 %, pemanfaatan 50 % of the component's weight), each with its criteria.

The texts are the regulation's (a regulation is not protected by copyright in Indonesia,
UU 28/2014 Pasal 42); the weights are its lampiran's. The criteria are the same for the
regency (Pemerintah Daerah) and for a perangkat daerah evaluated by the Inspektorat.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kriteria:
    kode: str
    """'1.a.1': component, sub-component, number."""
    teks: str


@dataclass(frozen=True)
class SubKomponen:
    kode: str
    """'1.a'."""
    jenis: str
    """'Pemenuhan', 'Kualitas' or 'Pemanfaatan'."""
    nama: str
    bobot: float
    kriteria: tuple[Kriteria, ...]


@dataclass(frozen=True)
class Komponen:
    kode: str
    nama: str
    bobot: float
    sub: tuple[SubKomponen, ...]
    singkat: str
    """The name in a narrow table heading."""


def _sub(kode: str, jenis: str, nama: str, bobot: float, *teks: str) -> SubKomponen:
    kriteria = tuple(Kriteria(f"{kode}.{i}", t) for i, t in enumerate(teks, start=1))
    return SubKomponen(kode, jenis, nama, bobot, kriteria)


LKE_88_2021: tuple[Komponen, ...] = (
    Komponen(
        "1",
        "Perencanaan Kinerja",
        30,
        (
            _sub(
                "1.a",
                "Pemenuhan",
                "Dokumen perencanaan kinerja telah tersedia",
                6,
                "Terdapat pedoman teknis perencanaan kinerja.",
                "Terdapat dokumen perencanaan kinerja jangka panjang.",
                "Terdapat dokumen perencanaan kinerja jangka menengah.",
                "Terdapat dokumen perencanaan kinerja jangka pendek.",
                "Terdapat dokumen perencanaan aktivitas yang mendukung kinerja.",
                "Terdapat dokumen perencanaan anggaran yang mendukung kinerja.",
            ),
            _sub(
                "1.b",
                "Kualitas",
                "Dokumen perencanaan kinerja telah memenuhi standar yang baik, yaitu untuk "
                "mencapai hasil, dengan ukuran kinerja yang SMART, menggunakan penyelarasan "
                "(cascading) di setiap level secara logis, serta memperhatikan kinerja bidang "
                "lain (crosscutting)",
                9,
                "Dokumen perencanaan kinerja telah diformalkan.",
                "Dokumen perencanaan kinerja telah dipublikasikan tepat waktu.",
                "Dokumen perencanaan kinerja telah menggambarkan kebutuhan atas kinerja "
                "sebenarnya yang perlu dicapai.",
                "Kualitas rumusan hasil (tujuan/sasaran) telah jelas menggambarkan kondisi "
                "kinerja yang akan dicapai.",
                "Ukuran keberhasilan (indikator kinerja) telah memenuhi kriteria SMART.",
                "Indikator Kinerja Utama (IKU) telah menggambarkan kondisi kinerja utama yang "
                "harus dicapai, tertuang secara berkelanjutan (tidak sering diganti dalam satu "
                "periode perencanaan strategis).",
                "Target yang ditetapkan dalam perencanaan kinerja dapat dicapai (achievable), "
                "menantang, dan realistis.",
                "Setiap dokumen perencanaan kinerja menggambarkan hubungan yang "
                "berkesinambungan, serta selaras antara kondisi/hasil yang akan dicapai di "
                "setiap level jabatan (cascading).",
                "Perencanaan kinerja dapat memberikan informasi tentang hubungan kinerja, "
                "strategi, kebijakan, bahkan aktivitas antarbidang/dengan tugas dan fungsi lain "
                "yang berkaitan (crosscutting).",
                "Setiap unit/satuan kerja merumuskan dan menetapkan perencanaan kinerja.",
                "Setiap pegawai merumuskan dan menetapkan perencanaan kinerja.",
            ),
            _sub(
                "1.c",
                "Pemanfaatan",
                "Perencanaan kinerja telah dimanfaatkan untuk mewujudkan hasil yang "
                "berkesinambungan",
                15,
                "Anggaran yang ditetapkan telah mengacu pada kinerja yang ingin dicapai.",
                "Aktivitas yang dilaksanakan telah mendukung kinerja yang ingin dicapai.",
                "Target yang ditetapkan dalam perencanaan kinerja telah dicapai dengan baik, "
                "atau setidaknya masih on the right track.",
                "Rencana aksi kinerja dapat berjalan dinamis karena capaian kinerja selalu "
                "dipantau secara berkala.",
                "Terdapat perbaikan/penyempurnaan dokumen perencanaan kinerja yang ditetapkan "
                "dari hasil analisis perbaikan kinerja sebelumnya.",
                "Terdapat perbaikan/penyempurnaan dokumen perencanaan kinerja dalam mewujudkan "
                "kondisi/hasil yang lebih baik.",
                "Setiap unit/satuan kerja memahami dan peduli, serta berkomitmen dalam mencapai "
                "kinerja yang telah direncanakan.",
                "Setiap pegawai memahami dan peduli, serta berkomitmen dalam mencapai kinerja "
                "yang telah direncanakan.",
            ),
        ),
        "Perencanaan",
    ),
    Komponen(
        "2",
        "Pengukuran Kinerja",
        30,
        (
            _sub(
                "2.a",
                "Pemenuhan",
                "Pengukuran kinerja telah dilakukan",
                6,
                "Terdapat pedoman teknis pengukuran kinerja dan pengumpulan data kinerja.",
                "Terdapat definisi operasional yang jelas atas kinerja dan cara mengukur "
                "indikator kinerja.",
                "Terdapat mekanisme yang jelas terhadap pengumpulan data kinerja yang dapat "
                "diandalkan.",
            ),
            _sub(
                "2.b",
                "Kualitas",
                "Pengukuran kinerja telah menjadi kebutuhan dalam mewujudkan kinerja secara "
                "efektif dan efisien dan telah dilakukan secara berjenjang dan berkelanjutan",
                9,
                "Pimpinan selalu terlibat sebagai pengambil keputusan (decision maker) dalam "
                "mengukur capaian kinerja.",
                "Data kinerja yang dikumpulkan telah relevan untuk mengukur capaian kinerja "
                "yang diharapkan.",
                "Data kinerja yang dikumpulkan telah mendukung capaian kinerja yang diharapkan.",
                "Pengukuran kinerja telah dilakukan secara berkala.",
                "Setiap level organisasi melakukan pemantauan atas pengukuran capaian kinerja "
                "unit di bawahnya secara berjenjang.",
                "Pengumpulan data kinerja telah memanfaatkan teknologi informasi (aplikasi).",
                "Pengukuran capaian kinerja telah memanfaatkan teknologi informasi (aplikasi).",
            ),
            _sub(
                "2.c",
                "Pemanfaatan",
                "Pengukuran kinerja telah dijadikan dasar dalam pemberian reward dan "
                "punishment, serta penyesuaian strategi dalam mencapai kinerja yang efektif "
                "dan efisien",
                15,
                "Pengukuran kinerja telah menjadi dasar dalam penyesuaian "
                "(pemberian/pengurangan) tunjangan kinerja/penghasilan.",
                "Pengukuran kinerja telah menjadi dasar dalam penempatan/penghapusan jabatan "
                "baik struktural maupun fungsional.",
                "Pengukuran kinerja telah mempengaruhi penyesuaian (refocusing) organisasi.",
                "Pengukuran kinerja telah mempengaruhi penyesuaian strategi dalam mencapai "
                "kinerja.",
                "Pengukuran kinerja telah mempengaruhi penyesuaian kebijakan dalam mencapai "
                "kinerja.",
                "Pengukuran kinerja telah mempengaruhi penyesuaian aktivitas dalam mencapai "
                "kinerja.",
                "Pengukuran kinerja telah mempengaruhi penyesuaian anggaran dalam mencapai "
                "kinerja.",
                "Terdapat efisiensi atas penggunaan anggaran dalam mencapai kinerja.",
                "Setiap unit/satuan kerja memahami dan peduli atas hasil pengukuran kinerja.",
                "Setiap pegawai memahami dan peduli atas hasil pengukuran kinerja.",
            ),
        ),
        "Pengukuran",
    ),
    Komponen(
        "3",
        "Pelaporan Kinerja",
        15,
        (
            _sub(
                "3.a",
                "Pemenuhan",
                "Terdapat dokumen laporan yang menggambarkan kinerja",
                3,
                "Dokumen laporan kinerja telah disusun.",
                "Dokumen laporan kinerja telah disusun secara berkala.",
                "Dokumen laporan kinerja telah diformalkan.",
                "Dokumen laporan kinerja telah direviu.",
                "Dokumen laporan kinerja telah dipublikasikan.",
                "Dokumen laporan kinerja telah disampaikan tepat waktu.",
            ),
            _sub(
                "3.b",
                "Kualitas",
                "Dokumen laporan kinerja telah memenuhi standar menggambarkan kualitas atas "
                "pencapaian kinerja, informasi keberhasilan/kegagalan kinerja serta upaya "
                "perbaikan/penyempurnaannya",
                4.5,
                "Dokumen laporan kinerja disusun secara berkualitas sesuai dengan standar.",
                "Dokumen laporan kinerja telah mengungkap seluruh informasi tentang pencapaian "
                "kinerja.",
                "Dokumen laporan kinerja telah menginfokan analisis dan evaluasi realisasi "
                "kinerja dengan target tahunan.",
                "Dokumen laporan kinerja telah menginfokan analisis dan evaluasi realisasi "
                "kinerja dengan target jangka menengah.",
                "Dokumen laporan kinerja telah menginfokan analisis dan evaluasi realisasi "
                "kinerja dengan realisasi kinerja tahun-tahun sebelumnya.",
                "Dokumen laporan kinerja telah menginfokan analisis dan evaluasi realisasi "
                "kinerja dengan realisasi kinerja di level nasional/internasional (benchmark "
                "kinerja).",
                "Dokumen laporan kinerja telah menginfokan kualitas atas keberhasilan/kegagalan "
                "mencapai target kinerja beserta upaya nyata dan/atau hambatannya.",
                "Dokumen laporan kinerja telah menginfokan efisiensi atas penggunaan sumber "
                "daya dalam mencapai kinerja.",
                "Dokumen laporan kinerja telah menginfokan upaya perbaikan dan penyempurnaan "
                "kinerja ke depan (rekomendasi perbaikan kinerja).",
            ),
            _sub(
                "3.c",
                "Pemanfaatan",
                "Pelaporan kinerja telah memberikan dampak yang besar dalam penyesuaian "
                "strategi/kebijakan dalam mencapai kinerja berikutnya",
                7.5,
                "Informasi dalam laporan kinerja selalu menjadi perhatian utama pimpinan "
                "(bertanggung jawab).",
                "Penyajian informasi dalam laporan kinerja menjadi kepedulian seluruh pegawai.",
                "Informasi dalam laporan kinerja berkala telah digunakan dalam penyesuaian "
                "aktivitas untuk mencapai kinerja.",
                "Informasi dalam laporan kinerja berkala telah digunakan dalam penyesuaian "
                "penggunaan anggaran untuk mencapai kinerja.",
                "Informasi dalam laporan kinerja telah digunakan dalam evaluasi pencapaian "
                "keberhasilan kinerja.",
                "Informasi dalam laporan kinerja telah digunakan dalam penyesuaian perencanaan "
                "kinerja yang akan dihadapi berikutnya.",
                "Informasi dalam laporan kinerja selalu mempengaruhi perubahan budaya kinerja "
                "organisasi.",
            ),
        ),
        "Pelaporan",
    ),
    Komponen(
        "4",
        "Evaluasi Akuntabilitas Kinerja Internal",
        25,
        (
            _sub(
                "4.a",
                "Pemenuhan",
                "Evaluasi akuntabilitas kinerja internal telah dilaksanakan",
                5,
                "Terdapat pedoman teknis evaluasi akuntabilitas kinerja internal.",
                "Evaluasi akuntabilitas kinerja internal telah dilaksanakan pada seluruh unit "
                "kerja/perangkat daerah.",
                "Evaluasi akuntabilitas kinerja internal telah dilaksanakan secara berjenjang.",
            ),
            _sub(
                "4.b",
                "Kualitas",
                "Evaluasi akuntabilitas kinerja internal telah dilaksanakan secara berkualitas "
                "dengan sumber daya yang memadai",
                7.5,
                "Evaluasi akuntabilitas kinerja internal telah dilaksanakan sesuai standar.",
                "Evaluasi akuntabilitas kinerja internal telah dilaksanakan oleh SDM yang memadai.",
                "Evaluasi akuntabilitas kinerja internal telah dilaksanakan dengan pendalaman "
                "yang memadai.",
                "Evaluasi akuntabilitas kinerja internal telah dilaksanakan pada seluruh unit "
                "kerja/perangkat daerah.",
                "Evaluasi akuntabilitas kinerja internal telah dilaksanakan menggunakan "
                "teknologi informasi (aplikasi).",
            ),
            _sub(
                "4.c",
                "Pemanfaatan",
                "Implementasi SAKIP telah meningkat karena evaluasi akuntabilitas kinerja "
                "internal sehingga memberikan kesan yang nyata (dampak) dalam efektivitas dan "
                "efisiensi kinerja",
                12.5,
                "Seluruh rekomendasi atas hasil evaluasi akuntabilitas kinerja internal telah "
                "ditindaklanjuti.",
                "Telah terjadi peningkatan implementasi SAKIP dengan melaksanakan tindak lanjut "
                "atas rekomendasi hasil evaluasi akuntabilitas kinerja internal.",
                "Hasil evaluasi akuntabilitas kinerja internal telah dimanfaatkan untuk "
                "perbaikan dan peningkatan akuntabilitas kinerja.",
                "Hasil evaluasi akuntabilitas kinerja internal telah dimanfaatkan dalam "
                "mendukung efektivitas dan efisiensi kinerja.",
                "Telah terjadi perbaikan dan peningkatan kinerja dengan memanfaatkan hasil "
                "evaluasi akuntabilitas kinerja internal.",
            ),
        ),
        "Evaluasi Internal",
    ),
)
"""The worksheet in the regulation's order: 4 components, 12 sub-components, 80 criteria."""


def semua_kriteria() -> list[tuple[Komponen, SubKomponen, Kriteria]]:
    """Every criterion with its component and sub-component, in the worksheet's order."""
    return [(k, s, c) for k in LKE_88_2021 for s in k.sub for c in s.kriteria]
