"""Benchmark: batch grading throughput, beside a plain xargs loop on the same machine.

    python -m benchmarks.bench_batch [--jobs 2] [--isolation auto]

Builds 60 submissions: 20 correct (solutions/), 20 partial (catalog mutants), 10 not started
(the stubs) and 10 hostile (the hostile tests' cases). Then, in this order:
  1. `python -m checker.instructors.batch` on the 40 correct and partial ones: submissions
     per minute (the target: 200 a minute on 2 cores), then the same with --integration;
  2. the same 40 with `xargs -P JOBS python -m checker --target ...`, the loop the README
     used to suggest;
  3. the batch on all 60, for the figure with hostile code in the mix.
Wall times are measured here, never asserted in tests.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from checker.manifest import BY_NAME
from tests.test_hostile import CASES
from tests.variants.catalog import MUTANTS

REPO = Path(__file__).resolve().parents[1]
SOLUTIONS = REPO / "solutions"
STUBS = REPO / "exercises"


def edited(folder, file, edits):
    shutil.copytree(SOLUTIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    path = folder / file
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def build(root):
    honest, others = root / "honest", root / "others"
    honest.mkdir()
    others.mkdir()
    for i in range(20):
        shutil.copytree(SOLUTIONS, honest / f"correct_{i:02}")
    for i in range(20):
        variant = MUTANTS[i * len(MUTANTS) // 20]
        edited(honest / f"partial_{i:02}", BY_NAME[variant.section].file, variant.edits)
    for i in range(10):
        shutil.copytree(STUBS, others / f"not_started_{i:02}")
    for i, (name, (section, edits, _, _)) in enumerate(list(CASES.items())[:10]):
        edited(others / f"hostile_{i:02}_{name}", BY_NAME[section].file, edits)
    return honest, others


CPU_ACCOUNTING = Path("/sys/fs/cgroup/cpuacct")  # cgroup v1, where this machine has it


def timed(command, **kwargs):
    """Wall seconds of a command, and the CPU seconds of it and everything it started (or
    None). getrusage misses the sandboxes' processes, which bubblewrap reaps, so the CPU
    time is read from a cgroup of its own when we may make one (as root)."""
    group = None
    if CPU_ACCOUNTING.is_dir() and os.access(CPU_ACCOUNTING, os.W_OK):
        group = Path(tempfile.mkdtemp(prefix="bench-", dir=CPU_ACCOUNTING))
        command = ["sh", "-c", f'echo $$ > {group}/tasks && exec "$@"', "sh", *command]
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, capture_output=True, **kwargs)
    seconds = time.perf_counter() - start
    cpu = None
    if group is not None:
        cpu = int((group / "cpuacct.usage").read_text()) / 1e9
        group.rmdir()
    return seconds, cpu


def rate(what, count, seconds, cpu):
    per = f", {cpu / count:.2f} s of CPU per submission" if cpu is not None else ""
    print(f"{what}: {seconds:.1f} s, {count * 60 / seconds:.0f} a minute{per}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--isolation", default="auto")
    args = parser.parse_args()
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        honest, others = build(root)
        batch = [sys.executable, "-m", "checker.instructors.batch", "--jobs", str(args.jobs)]
        batch += ["--isolation", args.isolation, "--force"]
        seconds, cpu = timed([*batch, str(honest), "--out", str(root / "out1")], env=env)
        rate("batch, 40 correct and partial", 40, seconds, cpu)
        # The loop below also trains each student's own network (ungraded): so does this one.
        command = [*batch, "--integration", str(honest), "--out", str(root / "out3")]
        seconds, cpu = timed(command, env=env)
        rate("the same with --integration  ", 40, seconds, cpu)
        loop = (
            f"ls -d {honest}/*/ | xargs -P {args.jobs} -I{{}} sh -c "
            f"'{sys.executable} -m checker --isolation {args.isolation} --target {{}} "
            f"--json {root}/loop-$(basename {{}}).json > /dev/null'"
        )
        seconds, cpu = timed(["bash", "-c", loop], env=env)
        rate("xargs loop, the same 40      ", 40, seconds, cpu)
        for entry in others.iterdir():
            shutil.move(str(entry), honest / entry.name)
        seconds, cpu = timed([*batch, str(honest), "--out", str(root / "out2")], env=env)
        rate("batch, all 60 (10 hostile)   ", 60, seconds, cpu)


if __name__ == "__main__":
    main()
