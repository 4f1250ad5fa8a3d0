"""Benchmark: how soon `python -m checker --watch` shows a section's result after a save.

    python -m benchmarks.bench_watch [--saves 20] [--section relu]

In a temp copy of solutions/, a watch runs; each save alternates between a mistake and the
fix in the section's file, and the latency is the time from the write to the section's row in
the table. Beside it, in the same run: a fresh `python -m checker --section NAME`, the way a
student re-checks by hand. The target for watch mode is 0.5 s.
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from checker.manifest import BY_NAME, SECTIONS
from tests.checker_run import SOLUTIONS, WatchSession, copy_of

# One mistake per section, by text edit of solutions/ (the catalog holds many more).
MISTAKES = {
    "relu": ("dx[self.mask] = 0", "dx[~self.mask] = 0"),
    "affine": ("self.db = np.sum(dout, axis=0)", "self.db = np.sum(dout, axis=1)"),
    "two_layer_net": ("dout = self.lastLayer.backward(1)", "dout = -self.lastLayer.backward(1)"),
}


def row_of(section):
    number = str(SECTIONS.index(section) + 1)
    return lambda line: line.split()[:2] == [number, section.name]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--section", default="relu", choices=sorted(MISTAKES))
    args = parser.parse_args()
    section = BY_NAME[args.section]
    correct, wrong = MISTAKES[args.section]
    with tempfile.TemporaryDirectory() as folder:
        target = copy_of(SOLUTIONS, Path(folder))
        path = target / section.file
        text = path.read_text(encoding="utf-8")
        assert correct in text, f"{section.file}: the edit does not apply"
        cold = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "checker", "--target", str(target)]
                + ["--section", section.name, "--json", f"{folder}/cold.json"],
                capture_output=True,
                check=False,
            )
            cold.append(time.perf_counter() - start)
        session = WatchSession(target, "--section", section.name, "--json", f"{folder}/w.json")
        latencies = []
        try:
            session.wait_for(lambda line: line.startswith("Watching "))
            for i in range(args.saves):
                time.sleep(0.5)  # a student types between saves; the next sandbox is warm
                edit = text.replace(correct, wrong) if i % 2 == 0 else text
                saved = time.monotonic()
                path.write_text(edit, encoding="utf-8")
                _, shown = session.wait_for(row_of(section))
                latencies.append(shown - saved)
                session.wait_for(lambda line: line.startswith("Watching "))
        finally:
            session.stop()
    print(f"section {section.name}, {args.saves} saves")
    print(
        f"watch, save to result:  median {statistics.median(latencies):.3f} s, "
        f"max {max(latencies):.3f} s"
    )
    print(
        f"fresh `python -m checker --section {section.name}`: median "
        f"{statistics.median(cold):.3f} s, max {max(cold):.3f} s"
    )


if __name__ == "__main__":
    main()
