"""Make the repository students get: this one without the reference and our own tooling.

    python -m checker.instructors.export DEST

Copies the files git tracks, except solutions/ (never shipped to students),
tests/, benchmarks/, .ci/, checker/calibration/ and our own CI workflow. What
remains is everything a student needs: exercises/, the checker, the MNIST
sample, the examples, the README and the Classroom workflow.
"""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LEFT_OUT = (
    "solutions/",
    "tests/",
    "benchmarks/",
    ".ci/",
    "checker/calibration/",
    ".github/workflows/tests.yml",
)


def student_files():
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, check=True, capture_output=True, text=True
    ).stdout
    return [path for path in listed.split("\0") if path and not path.startswith(LEFT_OUT)]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    args = parser.parse_args(argv)
    if args.dest.exists() and any(args.dest.iterdir()):
        print(f"error: {args.dest} exists and is not empty", file=sys.stderr)
        return 2
    files = student_files()
    for path in files:
        (args.dest / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / path, args.dest / path)
    print(f"wrote {len(files)} files to {args.dest} (no solutions/, tests/ or tooling)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
