"""Whose documents these are: the region, from the settings or from the workbooks themselves.

Never a made-up default. In order:

1. ``[daerah]`` in pengaturan.toml, when it names the region; a workbook whose title block
   names another region is an error on that file, and the file is not used;
2. else the region the workbooks' title blocks name ('Kabupaten Deli Serdang', 'Kota ...'),
   with a warning saying what the settings would add (province, address, logo); workbooks
   of two or more regions are an error naming them all: each OPD's documents keep the region
   of its own workbook, and no regency-wide document is written;
3. else no region: documents get a neutral heading, with a warning naming what to add.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from kinerja_report.model import EvaluasiRenja, MatriksRpjmd, Wilayah
from kinerja_report.problems import Masalah, masalah
from kinerja_report.settings import Daerah

TANPA_DAERAH = Daerah(jenis="", nama="", provinsi="", ibu_kota="")


@dataclass(frozen=True)
class Identitas:
    """The region every document of a build speaks for, and the region of each workbook."""

    daerah: Daerah
    """For regency-wide documents (the Bupati's PK); empty when unknown or ambiguous."""
    per_berkas: dict[str, Daerah] = field(default_factory=dict)
    """The region of each workbook (file name) whose documents are written."""
    ditolak: frozenset[str] = frozenset()
    """Files of another region than the settings': not used."""
    ganda: bool = False
    """Workbooks of two or more regions and no settings: no regency-wide documents."""

    def untuk(self, berkas: str) -> Daerah:
        return self.per_berkas.get(berkas, self.daerah)


def daerah_dari_wilayah(wilayah: Wilayah, pengaturan: Daerah = TANPA_DAERAH) -> Daerah:
    """A region named by a workbook, with what the settings give besides the name (address,
    logo, province), if anything."""
    return replace(pengaturan, jenis=wilayah.jenis, nama=wilayah.nama)


def _wilayah_setiap_berkas(
    evaluasi: Sequence[EvaluasiRenja], matriks: Sequence[MatriksRpjmd]
) -> dict[str, Wilayah]:
    out: dict[str, Wilayah] = {}
    named: list[tuple[str, Wilayah | None]] = [(ev.berkas, ev.wilayah) for ev in evaluasi]
    named += [(m.berkas, m.wilayah) for m in matriks]
    for berkas, wilayah in named:
        if wilayah is not None:
            out.setdefault(berkas, wilayah)
    return out


def tentukan_identitas(
    pengaturan_daerah: Daerah,
    evaluasi: Sequence[EvaluasiRenja],
    matriks: Sequence[MatriksRpjmd],
) -> tuple[Identitas, list[Masalah]]:
    """Resolve the region (module doc) and report what the analyst should know."""
    wilayah = _wilayah_setiap_berkas(evaluasi, matriks)
    if not evaluasi and not matriks:
        return Identitas(pengaturan_daerah), []  # no document to head
    if pengaturan_daerah.nama.strip():
        return _dari_pengaturan(pengaturan_daerah, wilayah)
    regions: dict[str, tuple[Wilayah, list[str]]] = {}
    for berkas, item in wilayah.items():
        regions.setdefault(item.kunci, (item, []))[1].append(berkas)
    if not regions:
        return Identitas(pengaturan_daerah), [masalah("daerah-tidak-diketahui")]
    if len(regions) == 1:
        ((item, _),) = regions.values()
        daerah = daerah_dari_wilayah(item, pengaturan_daerah)
        return Identitas(daerah), [masalah("daerah-dari-workbook", daerah=str(item))]
    daftar = "; ".join(
        f"{item} ({', '.join(sorted(files))})"
        for item, files in sorted(regions.values(), key=lambda pair: pair[0].kunci)
    )
    per_berkas = {
        berkas: daerah_dari_wilayah(item, pengaturan_daerah) for berkas, item in wilayah.items()
    }
    identitas = Identitas(pengaturan_daerah, per_berkas, ganda=True)
    return identitas, [masalah("daerah-ganda", daftar=daftar)]


def _dari_pengaturan(
    daerah: Daerah, wilayah: dict[str, Wilayah]
) -> tuple[Identitas, list[Masalah]]:
    kunci = Wilayah(daerah.jenis or "Kabupaten", daerah.nama).kunci
    ditolak, problems = set(), []
    for berkas, item in sorted(wilayah.items()):
        if item.kunci != kunci and not _nama_sama(item, daerah):
            ditolak.add(berkas)
            problems.append(
                masalah(
                    "daerah-beda-pengaturan",
                    berkas,
                    daerah_workbook=str(item),
                    daerah_pengaturan=daerah.nama_lengkap,
                )
            )
    return Identitas(daerah, ditolak=frozenset(ditolak)), problems


def _nama_sama(item: Wilayah, daerah: Daerah) -> bool:
    """'Kab. Kepahiang' and 'Kabupaten Kepahiang' are the same region; a settings file that
    leaves out the jenis matches either."""
    same_name = " ".join(item.nama.lower().split()) == " ".join(daerah.nama.lower().split())
    return same_name and (not daerah.jenis or item.jenis.lower() == daerah.jenis.lower())
