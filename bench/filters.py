"""Filtering cost per request: the loop over `Filters.admits` against FilterIndex, in one process.

    python -m bench.filters [--sizes 10000 100000]

Records only (bench/synthetic.py recombines real ones): no model and no vector index is built.
Prints the median milliseconds of each way for a few representative filters, and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence

from bench.synthetic import synthesise
from nhsmatch.corpus import load_corpus
from nhsmatch.matcher.filtering import FilterIndex
from nhsmatch.matcher.models import Filters, Partnership

FILTERS = {
    "one region": Filters(regions=["London"]),
    "therapy area + year_from": Filters(therapy_areas=["cardiovascular"], year_from=2020),
    "partner_types": Filters(partner_types=["charity", "academic"]),
}


def median_ms(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def measure(records: Sequence[Partnership], repeats: int) -> None:
    started = time.perf_counter()
    index = FilterIndex(records)
    print(f"\n{len(records):,} records: FilterIndex built in {time.perf_counter() - started:.2f} s")
    print(f"{'filter':<26} {'admitted':>9} {'loop ms':>9} {'index ms':>9} {'ratio':>8}")
    for name, chosen in FILTERS.items():
        expected = [row for row, record in enumerate(records) if chosen.admits(record)]
        if index.rows(chosen).tolist() != expected:
            raise SystemExit(f"{name}: the index and Filters.admits disagree")
        loop = median_ms(lambda chosen=chosen: [r for r in records if chosen.admits(r)], repeats)
        vectorised = median_ms(lambda chosen=chosen: index.rows(chosen), repeats * 20)
        print(f"{name:<26} {len(expected):>9,} {loop:>9.2f} {vectorised:>9.3f} {loop / vectorised:>7.0f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeats", type=int, default=7, help="loop runs per filter; the index runs 20x as many")
    args = parser.parse_args()
    real = load_corpus().records
    for size in args.sizes:
        records = [Partnership.model_validate(raw) for raw in synthesise(real, size)]
        measure(records, args.repeats)


if __name__ == "__main__":
    main()
