"""Make the repository students get: this one without the reference and our own tooling.

    python -m checker.instructors.export DEST

Copies the files git tracks, except solutions/ (never shipped to students),
tests/, benchmarks/, .ci/, checker/calibration/ and our own CI workflow. What
remains is everything a student needs: exercises/, the checker, the MNIST
sample, the examples, the README and the Classroom workflow.
"""

import argparse
import re
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


STAND_INS_NOTE = """
## What ships with the checker

The checker grades `TwoLayerNet.gradient` with its own layers, so that a bug in one of your
layers costs points only in that layer's section. Those layers are in `checker/stand_ins.py`,
written the way the book writes them: the book's own code is public, and reading them before
you write yours only takes the exercise away from you.
"""


def student_readme():
    """The students' part of README.md (down to "## Instructors"), and a note on what ships."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    student = re.sub(r"<!--.*?-->\n?", "", text.split("\n## Instructors", 1)[0], flags=re.S)
    return student.rstrip() + "\n" + STAND_INS_NOTE


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
        if path == "README.md":
            (args.dest / path).write_text(student_readme(), encoding="utf-8")
        else:
            shutil.copy2(REPO / path, args.dest / path)
    print(f"wrote {len(files)} files to {args.dest} (no solutions/, tests/ or tooling)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
