"""Rendering many documents: each PDF is independent, so they run in a process pool.

The workers die with the build, however it ends:

* They are started by a ``forkserver`` (POSIX) or ``spawn`` (Windows), never ``fork``: a
  forked worker inherits every descriptor of the build, the output folder's lock among them,
  and held it after the build was killed.
* Each worker watches a pipe whose only writing end the build holds: when the build closes
  it (any exception, Ctrl-C, SIGTERM) or the system does (the build was killed), the worker
  exits at once.
* Ctrl-C and SIGTERM are for the build to handle, also when sent to the whole process group
  (a terminal, a service manager): the workers ignore them (POSIX: from their very start, the
  fork server being started with them blocked).
* A worker killed by the system (out of memory) stops the build with
  :class:`~kinerja_report.errors.PekerjaPdfBerhenti`.

What a worker logs (WeasyPrint, fontTools) or warns (Pillow) is collected there and logged
again in the build, so a caller (or a test) sees it as with in-process rendering; nothing is
written to the terminal by a worker.

Memory (the whole process tree, issue 25): the build process never imports WeasyPrint, nor
does the fork server (each worker imports it once, at its first document: the server's pages,
shared with every worker, would be counted again in each); the build gives the memory its
reading and computing freed back to the system before the workers render, and a worker
gives back what each document freed (:func:`kembalikan_memori`).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Protocol
from warnings import WarningMessage

from kinerja_report.errors import PekerjaPdfBerhenti, galat
from kinerja_report.render.pdf import render_pdf

Catatan = tuple[str, int, str]
"""A log record of a worker: logger name, level, message."""


@dataclass(frozen=True)
class TugasPdf:
    """One document to render: its output path (relative), its HTML (or what makes it) and
    the assets it may use.

    ``sumber`` may be a function making the HTML: then it is made only when the document is
    rendered (:meth:`siap`, as it is sent to a worker) and never kept, and ``kunci_data``
    (the data, settings and template it is made from, :func:`~kinerja_report.render.
    bertahap.kunci_data`) stands for it in the document's key, so a build that renders
    nothing makes no HTML."""

    relatif: str
    sumber: str | Callable[[], str]
    folder_templat: Path
    aset: tuple[Path, ...] = ()
    keterangan: str = ""
    kunci_data: str = ""

    @property
    def html(self) -> str:
        """The document's HTML (made again at each call when ``sumber`` makes it)."""
        return self.sumber() if callable(self.sumber) else self.sumber

    def siap(self) -> TugasPdf:
        """The same job with its HTML made: what is sent to a worker (a function may not
        cross to another process)."""
        return self if isinstance(self.sumber, str) else replace(self, sumber=self.html)


class SimpananPdf(Protocol):
    """Where the PDF of a document already rendered may be kept, by what it is made of.

    A build keeps none (:data:`simpanan` is None): each document it renders is rendered. The
    test suite sets one for its whole run (``tests/pdf_tersimpan.py``), because its hundreds
    of small builds render the same HTML again and again; the tests of rendering itself go
    without it."""

    def ambil(self, tugas: TugasPdf) -> bytes | None:
        """The PDF kept for ``tugas`` (its HTML made), or None."""

    def simpan(self, tugas: TugasPdf, pdf: bytes) -> None:
        """Keep ``pdf``, rendered from ``tugas`` without a warning."""


simpanan: SimpananPdf | None = None
"""Read for each document, by the pool's queue (:class:`_Antrean`) and in this process
(:func:`_render_di_sini`); set only by the test suite (:class:`SimpananPdf`)."""


class _Pengumpul(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.catatan: list[Catatan] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.catatan.append((record.name, record.levelno, record.getMessage()))


def _render_diamati(tugas: TugasPdf) -> tuple[bytes, list[Catatan], list[WarningMessage]]:
    """``tugas`` rendered, with what it logged at WARNING or above (seen by a handler of the
    root logger, beside the others) and the Python warnings it issued (recorded, not
    shown)."""
    pengumpul = _Pengumpul()
    root = logging.getLogger()
    root.addHandler(pengumpul)
    try:
        with warnings.catch_warnings(record=True) as peringatan:
            warnings.simplefilter("always")
            pdf = render_pdf(tugas.html, tugas.folder_templat, tugas.aset)
    finally:
        root.removeHandler(pengumpul)
    return pdf, pengumpul.catatan, peringatan


def _render_di_pekerja(tugas: TugasPdf) -> tuple[str, bytes, list[Catatan]]:
    pdf, catatan, peringatan = _render_diamati(tugas)
    kembalikan_memori()  # what the document's layout freed, before the next one
    _bekukan_yang_tetap()
    catatan += [
        ("py.warnings", logging.WARNING, f"{w.category.__name__}: {w.message}") for w in peringatan
    ]
    return tugas.relatif, pdf, catatan


def _bekukan_yang_tetap() -> None:
    """After a worker's first document, what is still alive (WeasyPrint's modules, its
    caches, the fonts, the hyphenation dictionary) stays for the worker's life: it is frozen
    (:func:`gc.freeze`) so that the collection after each later document walks only what
    that document made. Unfrozen, each collection walked all of it again: 28 ms a
    document, and Python's own full collections on top, some 10 % of a worker's time
    (measured on 85 of the sample's documents: 23,7 s, frozen 20,8 s; the same peak RSS)."""
    global _beku
    if not _beku:
        gc.freeze()
        _beku = True


_beku = False
"""Whether this worker froze its lasting objects (:func:`_bekukan_yang_tetap`); counting
the frozen objects walks them all."""


def kembalikan_memori() -> None:
    """Collect Python's unreachable objects and give the memory freed so far back to the
    system. The C allocator (glibc) otherwise keeps freed memory for the process: after
    reading and computing, some 60 MB of the build's; after each document, a worker's
    layout garbage. Elsewhere than glibc, the collection alone."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@contextmanager
def sampah_tiap_langkah() -> Iterator[Callable[[], None]]:
    """A function that collects the garbage of one step of a long loop (one Excel or Word
    file, made while the PDFs render); the memory is given back as the block starts and as
    it ends.

    python-docx leaves each document it writes in reference cycles, which only a full
    collection frees, and Python makes one rarely: writing the LKjIP drafts of 40 OPDs grew
    the build by some 200 MB of garbage. A full collection after each file would walk every
    object of the build's data each time. So the block starts with one full collection
    (what reading and computing left, given back before the PDF workers add their memory)
    and freezes what is then alive (:func:`gc.freeze`): each step's collection, and
    Python's own while the block lasts, walk only the newer objects (some 3 ms a file at 40
    OPDs). At the end the newer objects are collected once more and the frozen ones thawed
    without a second full collection: what of them became garbage meanwhile is left to
    Python's next one (each full collection here took 0,1 to 0,3 s at every build in a
    process holding as much as a test run's). A program that froze objects itself keeps
    them as they were: then the steps collect nothing and the memory is given back at the
    start and the end only.

    Builds in several threads of one process (a library caller's) share the freeze: the
    first block to start freezes, the last to end thaws (:data:`_BLOK`)."""
    kembalikan_memori()
    with _BLOK.kunci:
        if _BLOK.jumlah == 0:
            _BLOK.beku = gc.get_freeze_count() == 0
            if _BLOK.beku:
                gc.freeze()
        _BLOK.jumlah += 1
        langkah = _kumpulkan_sampah if _BLOK.beku else _tanpa_langkah
    try:
        yield langkah
    finally:
        try:
            kembalikan_memori()  # while frozen, the objects made during the block only
        finally:
            with _BLOK.kunci:
                _BLOK.jumlah -= 1
                if _BLOK.jumlah == 0 and _BLOK.beku:
                    gc.unfreeze()
                    _BLOK.beku = False


class _BlokBerjalan:
    """The blocks of :func:`sampah_tiap_langkah` running now in this process, and whether the
    first of them froze the objects (then the last to end thaws them)."""

    def __init__(self) -> None:
        self.kunci = threading.Lock()
        self.jumlah = 0
        self.beku = False


_BLOK = _BlokBerjalan()


def _kumpulkan_sampah() -> None:
    gc.collect()


def _tanpa_langkah() -> None:
    """A step that collects nothing."""


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        fungsi: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has none)
        return None
    return fungsi


class _Ujung(Protocol):
    """The reading end of a pipe (a ``Connection`` on POSIX, a ``PipeConnection`` on
    Windows)."""

    def recv_bytes(self, maxlength: int | None = None) -> bytes: ...


def _mulai_pekerja(berhenti: _Ujung) -> None:
    """Worker start: Ctrl-C and SIGTERM are the build's to handle; exit when the build is
    gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_jaga_induk, args=(berhenti,), daemon=True).start()


def _jaga_induk(berhenti: _Ujung) -> None:
    with contextlib.suppress(EOFError, OSError):
        berhenti.recv_bytes()  # nothing is ever sent: this returns at end of file
    os._exit(1)


PRAMUAT_SERVER: tuple[str, ...] = (
    "kinerja_report.render.abaikan_sinyal",
    "kinerja_report.render.tanpa_main",
)
"""The modules the PDF fork server imports as it starts, before it forks any worker; read
when the server starts, the first time a process renders with workers (:func:`_konteks`).
WeasyPrint is not among them: each worker imports it at its first document. Preloaded, the
server's pages would count in every worker's RSS besides its own, some 40 MB more for the
tree. A test run, whose every build starts new workers from the same server, adds it
(tests/conftest.py)."""


def _konteks() -> BaseContext:
    """``forkserver`` on POSIX, ``spawn`` on Windows."""
    if sys.platform == "win32":
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    konteks = multiprocessing.get_context("forkserver")
    # The server ignores SIGINT and SIGTERM from its very start (a Ctrl-C or a SIGTERM sent to
    # the whole process group is for the build alone, which then stops its workers; every
    # worker the server forks inherits that): an ignored signal stays ignored across exec,
    # a blocked one does not. Meanwhile the build blocks them, so that one arriving in those
    # milliseconds is delivered to the build afterwards, not lost. The first preload module
    # ignores them again (and silences the workers' stderr); the second spares the workers
    # the program's main module (:data:`PRAMUAT_SERVER`).
    konteks.set_forkserver_preload(list(PRAMUAT_SERVER))
    _folder_soket_pendek()
    with _sinyal_diabaikan_untuk_anak():
        _mulai_pelacak_senyap()
        # The workers allocate Python's objects with Python's own allocator. They used the
        # C allocator (PYTHONMALLOC=malloc), whose freed memory malloc_trim gives back, for a
        # worker grew from 90 to 140 MB over the documents of 10 OPDs; since a worker freezes
        # what outlives its first document and collects after each (:func:`_bekukan_yang_tetap`)
        # the growth is small (the sample's 340 documents in one process: 84 to 108 MB, C
        # allocator 85 to 102), and the C allocator cost 13 % more CPU a document (83 against
        # 95 CPU-s). Peak RSS of the whole build, N=10: 342 MB (C allocator 340); N=40: 514
        # (509).
        forkserver.ensure_running()
    return konteks


PANJANG_SOKET = 103
"""The longest path of a Unix socket, in bytes (104 on macOS and the BSDs with the final
zero byte, 108 on Linux)."""

_PANJANG_DI_FOLDER = len("/pymp-12345678/listener-12345678")
"""What multiprocessing adds to the temporary folder for the fork server's socket."""


def _folder_soket_pendek() -> None:
    """Make multiprocessing's temporary folder, where the fork server's socket lies, in a
    folder whose path is short enough for a Unix socket: under a long TMPDIR (a service's
    private folder, a deep home) the server could not start ("AF_UNIX path too long") and the
    build stopped. Then /tmp or /var/tmp is used; a folder multiprocessing already made is
    kept. Newer Pythons do the same themselves."""
    from multiprocessing import util

    if len(os.fsencode(tempfile.gettempdir())) + _PANJANG_DI_FOLDER <= PANJANG_SOKET:
        return
    for calon in ("/tmp", "/var/tmp"):
        if Path(calon).is_dir() and os.access(calon, os.W_OK | os.X_OK):
            lama = tempfile.tempdir
            tempfile.tempdir = calon
            try:
                util.get_temp_dir()  # made in ``calon`` unless made before; removed at exit
            finally:
                tempfile.tempdir = lama
            return


def _mulai_pelacak_senyap() -> None:
    """Start multiprocessing's resource tracker (which the fork server needs) with its
    warnings off: after a build killed with SIGKILL it warned on the user's terminal of
    "leaked semaphore objects", which it cleans up anyway. With ``KINERJA_DEBUG=1``
    (``kinerja --debug``) it warns as usual. A tracker already running stays as it is."""
    from multiprocessing import resource_tracker

    if os.environ.get("KINERJA_DEBUG"):
        resource_tracker.ensure_running()
        return
    lama = os.environ.get("PYTHONWARNINGS")
    os.environ["PYTHONWARNINGS"] = "ignore"  # read by the tracker's interpreter at start
    try:
        resource_tracker.ensure_running()
    finally:
        if lama is None:
            del os.environ["PYTHONWARNINGS"]
        else:
            os.environ["PYTHONWARNINGS"] = lama


@contextmanager
def _sinyal_diabaikan_untuk_anak() -> Iterator[None]:
    """Within the block, processes started by exec ignore SIGINT and SIGTERM; this process
    receives them after the block (only possible in the main thread: elsewhere, nothing).

    The block lasts the few milliseconds of starting the server. A signal sent then to the
    whole process group may be lost when another thread (the progress bar's) takes it while
    it is ignored: pressing Ctrl-C again works. That is the price of never printing the
    server's start-up traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    sinyal = (signal.SIGINT, signal.SIGTERM)
    lama_mask = signal.pthread_sigmask(signal.SIG_BLOCK, set(sinyal))
    lama = {sig: signal.signal(sig, signal.SIG_IGN) for sig in sinyal}
    try:
        yield
    finally:
        for sig, handler in lama.items():
            signal.signal(sig, handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, lama_mask)


@contextmanager
def _pool(jumlah: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``jumlah`` workers, torn down on leaving the block however it is left."""
    konteks = _konteks()
    berhenti_baca, berhenti_tulis = konteks.Pipe(duplex=False)
    pool = ProcessPoolExecutor(
        jumlah, mp_context=konteks, initializer=_mulai_pekerja, initargs=(berhenti_baca,)
    )
    selesai = False
    try:
        yield pool
        selesai = True
    finally:
        if not selesai:
            berhenti_tulis.close()  # every worker exits now, even mid-document
        pool.shutdown(wait=True, cancel_futures=True)
        berhenti_tulis.close()
        berhenti_baca.close()


def render_semua(
    tugas: list[TugasPdf], maju: Callable[[str], None], pekerja: int | None = None
) -> dict[str, bytes]:
    """Every document rendered, by its path (:func:`render_satu_per_satu` kept in memory:
    for the benchmark's floor and tests; a build writes each as it arrives)."""
    hasil: dict[str, bytes] = {}
    kembalikan_memori()  # what the caller freed, before the workers add theirs
    render_satu_per_satu(tugas, maju, hasil.__setitem__, pekerja)
    return hasil


def jumlah_pekerja(pekerja: int | None) -> int:
    """How many PDF workers ``pekerja`` asks for: None (or 0) is one per CPU; 1 renders in
    this process."""
    return pekerja or os.cpu_count() or 1


@contextmanager
def pekerja_dipanaskan(pekerja: int | None = None) -> Iterator[ProcessPoolExecutor | None]:
    """The PDF workers started now, for documents that come later: each imports WeasyPrint
    (some 0,6 s) at once, so that a build that will render every document (a first build)
    has them ready once it has checked and computed what it read and planned its documents,
    instead of starting them then. None when the documents are rendered in this process
    (``pekerja`` 1). Pass it to :func:`render_satu_per_satu`; the workers stop on leaving
    the block."""
    jumlah = jumlah_pekerja(pekerja)
    if jumlah <= 1:
        yield None
        return
    with _pool(jumlah) as pool:
        for _ in range(jumlah):  # one new worker per job sent while none is idle
            pool.submit(_impor_weasyprint)
        yield pool


def _impor_weasyprint() -> None:
    from kinerja_report.render import muat_weasyprint  # noqa: F401  # the quick way


def render_satu_per_satu(
    tugas: list[TugasPdf],
    maju: Callable[[str], None],
    terima: Callable[[str, bytes], None],
    pekerja: int | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> None:
    """Render every document; each is handed to ``terima`` (path, bytes) as it is done, so
    that no list of every PDF is kept; ``pekerja`` processes (default: one per CPU; 1 =
    in-process), those of ``pool`` when given (:func:`pekerja_dipanaskan`; left running).
    At most two documents per worker wait in the pool's queue at a time.

    Raises :class:`~kinerja_report.errors.PekerjaPdfBerhenti` when a worker dies."""
    if not tugas:  # a rebuild that changed nothing: WeasyPrint is not even imported
        return
    pekerja = jumlah_pekerja(pekerja)
    if pekerja <= 1 or len(tugas) <= 1:
        for item in tugas:
            terima(item.relatif, _render_di_sini(item))
            maju(item.keterangan)
        return  # each HTML is made just before its document and dropped after it
    keterangan = {item.relatif: item.keterangan for item in tugas}
    jumlah = min(pekerja, len(tugas))
    try:
        with contextlib.nullcontext(pool) if pool is not None else _pool(jumlah) as aktif:
            for relatif, pdf in _hasil(aktif, tugas, 2 * jumlah):
                terima(relatif, pdf)
                maju(keterangan[relatif])
    except BrokenProcessPool as exc:
        raise galat(PekerjaPdfBerhenti, "pekerja-pdf-berhenti") from exc


def _render_di_sini(tugas: TugasPdf) -> bytes:
    """``tugas`` rendered in this process. With :data:`simpanan` set, taken from it, or kept
    in it when rendered without a warning: the warnings are watched (:func:`_render_diamati`;
    Python's issued again after), not taken from the caller."""
    ke = simpanan
    if ke is None:
        return render_pdf(tugas.html, tugas.folder_templat, tugas.aset)
    siap = tugas.siap()
    tersimpan = ke.ambil(siap)
    if tersimpan is not None:
        return tersimpan
    pdf, catatan, peringatan = _render_diamati(siap)
    for w in peringatan:
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if not catatan and not peringatan:
        ke.simpan(siap, pdf)
    return pdf


BATAS_BERAT = 48_000
"""A document whose HTML is longer (in characters) is heavy: a regency document of every
OPD (the regency evaluation, the regency LKjIP, the regent's summary), whose layout takes
WeasyPrint some 4 MB more per OPD (a worker rendering evaluasi-rkpd.pdf alone: 112 MB at
10 OPDs, 226 MB at 40); an OPD's documents stay below it (an E.81 evaluation: some 35.000)."""


def _hasil(
    pool: ProcessPoolExecutor, tugas: list[TugasPdf], antrean: int
) -> Iterator[tuple[str, bytes]]:
    """Each document as it is done, sending at most ``antrean`` at a time and at most one
    heavy document (:class:`_Antrean`). Waits in short steps, so that Ctrl-C is seen at once
    on Windows too (a wait without timeout cannot be interrupted there)."""
    kirim = _Antrean(pool, tugas, antrean)
    kirim.isi()
    while kirim.sisa or kirim.tersimpan:
        while kirim.tersimpan:
            yield kirim.tersimpan.popleft()
        selesai: set[Future[tuple[str, bytes, list[Catatan]]]] = set()
        if kirim.sisa:
            selesai, _ = wait(kirim.sisa, timeout=0.5, return_when=FIRST_COMPLETED)
        for future in selesai:
            del kirim.sisa[future]
            relatif, pdf, catatan = future.result()
            for nama, tingkat, pesan in catatan:
                logging.getLogger(nama).log(tingkat, "%s", pesan)
            dikirim = kirim.dikirim.pop(future, None)
            if dikirim is not None and not catatan:
                dikirim.simpan(pdf)
            yield relatif, pdf
        kirim.isi()


class _Antrean:
    """What is sent to the pool: at most ``antrean`` documents at a time, in the order of
    ``tugas``, and at most one heavy one (:data:`BATAS_BERAT`): two laid out at once took
    twice its memory. A heavy document made while one is sent waits, made, while the light
    documents after it go to the other workers."""

    def __init__(self, pool: ProcessPoolExecutor, tugas: list[TugasPdf], antrean: int) -> None:
        self.pool = pool
        self.berikut = iter(tugas)
        self.antrean = antrean
        self.sisa: dict[Future[tuple[str, bytes, list[Catatan]]], bool] = {}  # sent: heavy?
        self.tunda: deque[TugasPdf] = deque()
        self.tersimpan: deque[tuple[str, bytes]] = deque()
        """Documents found in :data:`simpanan`, not sent."""
        self.dikirim: dict[Future[tuple[str, bytes, list[Catatan]]], _Disimpan] = {}
        """What to keep each sent document's PDF under, when :data:`simpanan` is set."""

    def _kirim(self, item: TugasPdf, berat: bool) -> None:
        future = self.pool.submit(_render_di_pekerja, item)
        self.sisa[future] = berat
        if simpanan is not None:
            self.dikirim[future] = _Disimpan(simpanan, item)

    def isi(self) -> None:
        """Send documents until ``antrean`` are in the pool (or none is left); those found in
        :data:`simpanan` are taken from it instead."""
        if self.tunda and not any(self.sisa.values()):
            self._kirim(self.tunda.popleft(), True)
        while len(self.sisa) + len(self.tersimpan) < self.antrean:
            item = next(self.berikut, None)
            if item is None:
                return
            siap = item.siap()
            pdf = simpanan.ambil(siap) if simpanan is not None else None
            if pdf is not None:
                self.tersimpan.append((siap.relatif, pdf))
                continue
            berat = len(siap.html) > BATAS_BERAT
            if berat and any(self.sisa.values()):
                self.tunda.append(siap)
            else:
                self._kirim(siap, berat)


@dataclass(frozen=True)
class _Disimpan:
    """A sent document and the :class:`SimpananPdf` its PDF goes to."""

    ke: SimpananPdf
    tugas: TugasPdf

    def simpan(self, pdf: bytes) -> None:
        self.ke.simpan(self.tugas, pdf)
