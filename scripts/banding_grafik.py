"""Our SVG charts (kinerja_report.render.grafik) against the same charts drawn by matplotlib.

Not a dependency: run it in an environment with matplotlib (``pip install matplotlib``).
Prints the import cost of matplotlib and the median time of one trend chart and one bar chart
of 11 OPDs, both ways.
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable

from kinerja_report.render import grafik

TAHUN = [2021, 2022, 2023, 2024]
REALISASI = [67.76, 68.42, 68.91, 69.39]
TARGET = [67.5, 68.0, 68.6, 69.2]
BARIS = [(f"OPD {i}", 90.0 + i, 85.0 + i) for i in range(11)]


def median_ms(f: Callable[[], object], n: int = 30) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    start = time.perf_counter()
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    print(f"impor matplotlib         : {time.perf_counter() - start:8.3f} s")

    def tren_mpl() -> bytes:
        fig, ax = plt.subplots(figsize=(1.6, 0.5))
        ax.plot(TAHUN, REALISASI, color="black")
        ax.plot(TAHUN, TARGET, color="grey", linestyle="--")
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg")
        plt.close(fig)
        return buffer.getvalue()

    def batang_mpl() -> bytes:
        fig, ax = plt.subplots(figsize=(6, 3))
        xs = range(len(BARIS))
        ax.bar([x - 0.2 for x in xs], [b[1] for b in BARIS], 0.4, color=grafik.GELAP)
        ax.bar([x + 0.2 for x in xs], [b[2] for b in BARIS], 0.4, color=grafik.TERANG)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg")
        plt.close(fig)
        return buffer.getvalue()

    seri, target = list(zip(TAHUN, REALISASI, strict=True)), list(zip(TAHUN, TARGET, strict=True))
    print(f"tren     : SVG sendiri {median_ms(lambda: grafik.tren(seri, target), 200):8.3f} ms, "
          f"matplotlib {median_ms(tren_mpl):8.3f} ms")  # fmt: skip
    print(f"batang 11: SVG sendiri "
          f"{median_ms(lambda: grafik.batang_berpasangan(BARIS, ('a', 'b')), 200):8.3f} ms, "
          f"matplotlib {median_ms(batang_mpl):8.3f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
