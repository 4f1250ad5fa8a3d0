"""Benchmark: the peak resident memory of a full check, all processes together.

    python -m benchmarks.peak_memory [--runs N] [--isolation LEVEL] [--memory-limit MB]

Runs `python -m checker --target solutions` and samples, every 5 ms, the resident set of the
checker and every process below it (zygote, workers, bwrap) from /proc, summing them.
Gradescope's default container has 768 MB; this is the figure to compare with it. Shared
pages (numpy's code, the forked zygote's memory) are counted once per process, so the sum
overstates the true total. Linux only.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from checker.sandbox import parent_pids

REPO = Path(__file__).resolve().parents[1]
PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_rss(root):
    parents = parent_pids()
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    total = 0
    for pid in tree:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except OSError:
            pass
    return total, len(tree)


def peak(extra):
    command = [sys.executable, "-m", "checker", "--target", "solutions", "--seed", "0", *extra]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL)
    highest, most = 0, 0
    while process.poll() is None:
        rss, count = tree_rss(process.pid)
        highest, most = max(highest, rss), max(most, count)
        time.sleep(0.005)
    return highest, most


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--isolation", default="auto")
    parser.add_argument("--memory-limit", type=int)
    args = parser.parse_args()
    extra = ["--isolation", args.isolation]
    if args.memory_limit:
        extra += ["--memory-limit", str(args.memory_limit)]
    peaks = [peak(extra) for _ in range(args.runs)]
    for i, (rss, count) in enumerate(peaks, 1):
        print(f"run {i}: peak {rss / 2**20:.0f} MiB resident over at most {count} processes")
    print(f"highest: {max(p[0] for p in peaks) / 2**20:.0f} MiB (Gradescope's default: 768 MB)")


if __name__ == "__main__":
    main()
