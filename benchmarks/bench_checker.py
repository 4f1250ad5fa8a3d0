"""Benchmark: how long a full check takes, against the book's gradient check.

    python -m benchmarks.bench_checker [--runs N]

Prints the wall time of `python -m checker --target solutions` (median of N
runs), each section's share of it (from the report's test durations), and the
wall time of benchmarks/book_gradient_check.py on the same machine. The goal:
the whole check in less than half the time of the book's single gradient check.
Wall times are measured here, never asserted in tests.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from checker.manifest import SECTIONS

REPO = Path(__file__).resolve().parents[1]


def wall_time(args):
    start = time.perf_counter()
    subprocess.run(
        args, cwd=REPO, check=True, capture_output=True, env={**os.environ, "NO_COLOR": "1"}
    )
    return time.perf_counter() - start


def section_times(report):
    times = {section.name: 0.0 for section in SECTIONS}
    for test in report["tests"]:
        section = test["metadata"]["section"]
        times[section] += sum(
            test.get(stage, {}).get("duration", 0.0) for stage in ("setup", "call", "teardown")
        )
    return times


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        report_path = os.path.join(tmp, "report.json")
        checker = [sys.executable, "-m", "checker", "--target", "solutions", "--json", report_path]
        wall_time(checker)  # warm the file cache
        runs, per_section = [], []
        for _ in range(args.runs):
            runs.append(wall_time(checker))
            with open(report_path) as f:
                per_section.append(section_times(json.load(f)))
    book = [wall_time([sys.executable, "-m", "benchmarks.book_gradient_check"]) for _ in range(3)]

    check, yardstick = statistics.median(runs), statistics.median(book)
    print(
        f"python -m checker --target solutions: median {check:.2f} s, min {min(runs):.2f} s "
        f"over {args.runs} runs"
    )
    for section in SECTIONS:
        median = statistics.median(times[section.name] for times in per_section)
        print(f"  {section.name:<14} {median:.3f} s")
    print(f"book-style gradient check:            median {yardstick:.2f} s over 3 runs")
    print(f"ratio: {check / yardstick:.2f} (goal: below 0.50)")


if __name__ == "__main__":
    main()
