"""The one background build worker: builds run one at a time in a thread of their own, with
the library's :func:`kinerja_report.pipeline.build` (which takes the output folder's lock,
:mod:`kinerja_report.write.lock`); requests only ask for a build and read its progress.

Asking while a build runs schedules one more build after it (requests coalesce). The last
build's result is kept as a :class:`RingkasanBuild` for the status board.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from kinerja_report.errors import KeluaranTerkunci, KinerjaError
from kinerja_report.pipeline import HasilBuild, build
from kinerja_report.problems import Tingkat
from kinerja_report.render.peringatan import relatif_peringatan

log = logging.getLogger(__name__)
JEDA_TERKUNCI = 5.0
"""Seconds before trying again when another build holds the output folder."""
JEDA_TENANG = 1.0
"""A build starts once no new request came for this many seconds (uploads arriving in a
burst make one build) ..."""
JEDA_TENANG_MAKS = 10.0
"""... but at most this long after the first request."""


@dataclass(frozen=True)
class BarisOpd:
    """One OPD-year-quarter of the last build."""

    opd: str
    slug: str
    tahun: int
    triwulan: int
    berkas: str
    galat: int
    peringatan: int
    status: str
    """Status of its verification note ('' for an earlier quarter)."""
    dokumen: tuple[str, ...]
    """Its outputs, relative to OUT."""


@dataclass(frozen=True)
class BarisPeringatanPapan:
    """One OPD behind its rencana aksi after a quarter, for the status board."""

    tahun: int
    triwulan: int
    opd: str
    kinerja: int
    """Indicators behind plan."""
    anggaran: int
    """Budgets behind plan."""
    terjauh: float
    """The lowest capaian against plan among them (percent)."""
    dokumen: str
    """The early-warning PDF of that quarter, relative to OUT ('' when not written)."""


@dataclass(frozen=True)
class RingkasanBuild:
    selesai: datetime
    berhasil: bool
    pesan: str
    baris: tuple[BarisOpd, ...] = ()
    keluaran: tuple[str, ...] = ()
    """Every output of the build, relative to OUT."""
    peringatan: tuple[BarisPeringatanPapan, ...] = ()
    """The early warnings of every quarter (:mod:`kinerja_report.compute.peringatan`)."""


@dataclass
class Kemajuan:
    berjalan: bool = False
    tahap: str = ""
    total: int = 0
    selesai: int = 0
    mulai: float = 0.0
    menunggu: bool = False

    def sebagai_dict(self) -> dict[str, object]:
        return {
            "berjalan": self.berjalan,
            "menunggu": self.menunggu,
            "tahap": self.tahap,
            "total": self.total,
            "selesai": self.selesai,
        }


@dataclass
class _Progres:
    kemajuan: Kemajuan
    kunci: threading.Lock = field(default_factory=threading.Lock)

    def mulai(self, tahap: str, total: int) -> None:
        with self.kunci:
            self.kemajuan.tahap, self.kemajuan.total, self.kemajuan.selesai = tahap, total, 0

    def maju(self, keterangan: str) -> None:
        with self.kunci:
            self.kemajuan.selesai += 1


def _dokumen(keluaran: tuple[str, ...], tahun: int, slug: str) -> tuple[str, ...]:
    awal = f"{tahun}/"
    return tuple(
        k
        for k in keluaran
        if k.startswith(awal)
        and Path(k).stem == slug
        and Path(k).suffix in {".pdf", ".xlsx", ".docx"}
    )


def ringkas(hasil: HasilBuild, out: Path) -> RingkasanBuild:
    """The status board's view of a build result."""
    k = hasil.kumpulan
    keluaran = tuple(sorted(p.relative_to(out).as_posix() for p in hasil.berkas_keluaran))
    hitung: Counter[tuple[str, Tingkat]] = Counter((m.berkas, m.tingkat) for m in k.masalah)
    status = {(c.tahun, c.slug): c.status for c in k.verifikasi}
    baris = []
    for lap, tahap in [*((lap, False) for lap in k.laporan), *((lap, True) for lap in k.tahapan)]:
        dokumen = _dokumen(keluaran, lap.tahun, lap.slug)
        if tahap:
            dokumen = tuple(d for d in dokumen if f"/triwulan-{lap.triwulan}/" in d)
        else:
            dokumen = tuple(d for d in dokumen if "/triwulan-" not in d)
        baris.append(
            BarisOpd(
                opd=lap.opd,
                slug=lap.slug,
                tahun=lap.tahun,
                triwulan=lap.triwulan,
                berkas=lap.berkas,
                galat=hitung[(lap.berkas, Tingkat.GALAT)],
                peringatan=hitung[(lap.berkas, Tingkat.PERINGATAN)],
                status="" if tahap else status.get((lap.tahun, lap.slug), ""),
                dokumen=dokumen,
            )
        )
    pesan = (
        f"{k.jumlah_berkas} workbook, {k.jumlah(Tingkat.GALAT)} galat, "
        f"{k.jumlah(Tingkat.PERINGATAN)} peringatan"
    )
    baris.sort(key=lambda b: (b.opd.casefold(), b.tahun, b.triwulan))
    ditulis = set(keluaran)
    peringatan = tuple(
        BarisPeringatanPapan(
            item.tahun,
            item.triwulan,
            opd.opd,
            len(opd.kinerja_tertinggal),
            len(opd.anggaran_tertinggal),
            min(b.capaian for b in (*opd.kinerja_tertinggal, *opd.anggaran_tertinggal)),
            relatif if (relatif := relatif_peringatan(item)) in ditulis else "",
        )
        for item in k.peringatan_dini
        for opd in item.opd
        if opd.kinerja_tertinggal or opd.anggaran_tertinggal
    )
    return RingkasanBuild(
        datetime.now(UTC), hasil.berhasil, pesan, tuple(baris), keluaran, peringatan
    )


class Pekerja:
    """Runs builds of ``masukan`` into ``keluaran`` one at a time, in its own thread."""

    def __init__(self, masukan: Path, keluaran: Path, jobs: int | None = None) -> None:
        self.masukan, self.keluaran, self.jobs = masukan, keluaran, jobs
        self.kemajuan = Kemajuan()
        self.terakhir: RingkasanBuild | None = None
        self.jumlah_build = 0
        self._diminta = threading.Event()
        self._bersiap = False
        """Between a request and the start of its build (letting a burst settle)."""
        self._berhenti = threading.Event()
        self._thread = threading.Thread(target=self._putar, name="kinerja-build", daemon=True)

    def mulai(self) -> None:
        self._thread.start()

    def minta(self) -> None:
        """Ask for a build (runs after the current one, if any); never waits."""
        self._diminta.set()

    @property
    def antre(self) -> bool:
        """A build is asked for and not started yet."""
        return self._diminta.is_set() or self._bersiap

    def hentikan(self, tunggu: float = 0.0) -> None:
        self._berhenti.set()
        self._diminta.set()
        if tunggu and self._thread.is_alive():
            self._thread.join(tunggu)

    def tunggu_tenang(self, batas: float) -> bool:
        """Wait until no build runs nor is asked for (tests); False on timeout."""
        akhir = time.monotonic() + batas
        while time.monotonic() < akhir:
            if not self.antre and not self.kemajuan.berjalan:
                return True
            time.sleep(0.1)
        return False

    def _putar(self) -> None:
        while not self._berhenti.is_set():
            self._diminta.wait()
            if self._berhenti.is_set():
                return
            self._bersiap = True
            self._tunggu_tenang()
            self._satu_build()

    def _gagal(self, pesan: str) -> None:
        """A build that wrote nothing: the previous result (OUT is unchanged) stays shown."""
        sekarang = datetime.now(UTC)
        if self.terakhir is None:
            self.terakhir = RingkasanBuild(sekarang, False, pesan)
        else:
            self.terakhir = replace(self.terakhir, selesai=sekarang, berhasil=False, pesan=pesan)

    def _tunggu_tenang(self) -> None:
        """Let a burst of requests settle, then clear the request this build answers."""
        akhir = time.monotonic() + JEDA_TENANG_MAKS
        self._diminta.clear()
        while time.monotonic() < akhir and not self._berhenti.is_set():
            time.sleep(min(JEDA_TENANG, max(akhir - time.monotonic(), 0)))
            if not self._diminta.is_set():
                return
            self._diminta.clear()

    def _satu_build(self) -> None:
        self.kemajuan = Kemajuan(berjalan=True, mulai=time.monotonic())
        self._bersiap = False
        try:
            hasil = build(self.masukan, self.keluaran, _Progres(self.kemajuan), self.jobs)
            self.terakhir = ringkas(hasil, self.keluaran)
        except KeluaranTerkunci as exc:
            self.kemajuan.menunggu = True
            self._gagal(exc.masalah.pesan)
            time.sleep(JEDA_TERKUNCI)
            self._diminta.set()  # try again
        except KinerjaError as exc:
            self._gagal(exc.masalah.pesan)
        except Exception:
            log.exception("build gagal")
            self._gagal("Build gagal karena galat tak terduga.")
        finally:
            self.jumlah_build += 1
            self.kemajuan.berjalan = False
