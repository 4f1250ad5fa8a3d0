"""Benchmark: how long a full check takes, against the book's gradient check.

    python -m benchmarks.bench_checker [--runs N] [--seed N] [--baseline DIR] [--isolation LEVEL]...

Prints the wall time of `python -m checker --target solutions` (median and min
of N runs after one warm-up), each section's share of it (from the report's
test durations), and the wall time of benchmarks/book_gradient_check.py on the
same machine (median of 3 runs). The goal: the whole check in less than half
the time of the book's single gradient check.

With --baseline DIR, another checkout of this repository (for instance
`git worktree add /tmp/base REV`), each round also checks DIR/solutions from
DIR, interleaved with this repo's run (alternating which goes first), and the
figures are printed side by side with the relative change of the medians.
Both grade the same random draws: --seed (default 0) goes to every run.
With --isolation LEVEL (repeatable), this checkout is measured at each level
given (e.g. --isolation process --isolation bwrap), side by side as well.
Every run may write bytecode caches (PYTHONDONTWRITEBYTECODE is dropped from the
environment), as on a student's machine: the warm-up run fills them.
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
from collections import defaultdict
from pathlib import Path

from checker.manifest import SECTIONS

REPO = Path(__file__).resolve().parents[1]


def wall_time(args, cwd=REPO):
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def section_times(report):
    """Seconds per section, grouped by whatever each test's metadata names."""
    times = defaultdict(float)
    for test in report["tests"]:
        section = test["metadata"]["section"]
        times[section] += sum(
            test.get(stage, {}).get("duration", 0.0) for stage in ("setup", "call", "teardown")
        )
    return times


class Checkout:
    """One repository checked over and over: wall times and per-section times."""

    def __init__(self, label, root, report_path, seed, extra=()):
        self.label, self.root, self.report_path = label, root, report_path
        self.command = [sys.executable, "-m", "checker", "--target", str(root / "solutions")]
        self.command += ["--json", report_path, "--seed", str(seed), *extra]
        self.runs, self.per_section = [], []

    def run(self, record=True):
        elapsed = wall_time(self.command, cwd=self.root)
        if record:
            self.runs.append(elapsed)
            with open(self.report_path) as f:
                self.per_section.append(section_times(json.load(f)))

    def median(self):
        return statistics.median(self.runs)

    def section_median(self, name):
        times = [times[name] for times in self.per_section if name in times]
        return f"{statistics.median(times):.3f} s" if times else "-"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--baseline", type=Path, metavar="DIR")
    parser.add_argument(
        "--isolation",
        action="append",
        metavar="LEVEL",
        help="measure this checkout at this isolation level (repeatable; default: its default)",
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        runs = [("this", REPO, [])]
        if args.isolation:
            runs = [(level, REPO, ["--isolation", level]) for level in args.isolation]
        if args.baseline:
            runs.append(("baseline", args.baseline.resolve(), []))
        checkouts = [
            Checkout(label, root, os.path.join(tmp, f"{label}.json"), args.seed, extra)
            for label, root, extra in runs
        ]
        for checkout in checkouts:
            checkout.run(record=False)  # warm the file cache
        for round_ in range(args.runs):
            for checkout in checkouts[:: -1 if round_ % 2 else 1]:
                checkout.run()
    book = [wall_time([sys.executable, "-m", "benchmarks.book_gradient_check"]) for _ in range(3)]
    yardstick = statistics.median(book)

    this, base = checkouts[0], next((c for c in checkouts if c.label == "baseline"), None)
    print(f"python -m checker --target solutions --seed {args.seed}, {args.runs} runs each:")
    for c in checkouts:
        print(f"  {c.label:<8} median {c.median():.2f} s, min {min(c.runs):.2f} s  {c.root}")
    for c in checkouts[1:]:
        change = this.median() / c.median() - 1
        print(f"  change   {change:+.1%} (median, {this.label} vs {c.label})")

    known = [section.name for section in SECTIONS]
    seen = {name for checkout in checkouts for times in checkout.per_section for name in times}
    names = [name for name in known if name in seen] + sorted(seen - set(known))
    print(f"  {'section':<14}" + "".join(f" {c.label:>9}" for c in checkouts))
    for name in names:
        print(f"  {name:<14}" + "".join(f" {c.section_median(name):>9}" for c in checkouts))

    print(f"book-style gradient check: median {yardstick:.2f} s over 3 runs")
    print(f"ratio: {this.median() / yardstick:.2f} (goal: below 0.50)")
    if base:
        print(f"baseline ratio: {base.median() / yardstick:.2f}")


if __name__ == "__main__":
    main()
