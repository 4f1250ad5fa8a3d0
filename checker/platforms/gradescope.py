"""Gradescope: an autograder zip that grades each upload with the bundled checker.

    python -m checker.platforms.gradescope build autograder.zip

The zip holds `setup.sh` (Python 3, a venv with the checker and its dependencies, and
bubblewrap), `run_autograder`, and the checker's source in `backprop-kata/`. Gradescope's
container runs the checker at the uid level: bubblewrap is installed, but the sandbox needs
0.8.0 or later (`--size`) and Ubuntu 22.04 has 0.6.1, which refuses its command ("--perms must
be followed by an option that creates a file"); beyond that, a Docker-like container masks
parts of its /proc, and the kernel then refuses the fresh /proc that bwrap mounts ("Can't mount
proc on /newroot/proc: Operation not permitted"; containers/bubblewrap issue 505).
`--isolation auto` tries bwrap on every run, so an image with bubblewrap 0.8.0 or later that
allows it uses it.
For each submission, `run_autograder` runs

    python -m checker.platforms.gradescope run [--root /autograder]

which finds the section files in /autograder/submission (the six files alone, an
`exercises/` folder or a whole repository), puts them into a copy of the kata's stubs, grades
them, and writes /autograder/results/results.json (docs/specs.md of gradescope/
autograder_samples): one test per section with integer points, the learner's message as its
output, and a summary. When the checker itself fails it writes no results.json and exits 1:
the spec has no error status, and Gradescope's troubleshooting page says a missing
results.json shows as "The autograder failed to execute correctly", where a results.json
would give a 0. The reason is in the run's stdout, which Gradescope shows to instructors only.
The root, the Python and the workers' memory limit are overridable
(BACKPROP_KATA_AUTOGRADER_ROOT, BACKPROP_KATA_PYTHON, BACKPROP_KATA_MEMORY_MB), which is how
tests/test_platforms.py runs it on a fake tree.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from checker.i18n import LANGUAGES, t
from checker.platforms import result as results
from checker.platforms.bundle import copy_source
from checker.platforms.submission import SECTION_FILES, assemble_target, find_section_folder

SOURCE_FOLDER = "backprop-kata"
PRIVATE_FOLDER = "private-suites"  # inside SOURCE_FOLDER: the instructor's own tests
# Gradescope's default container has 768 MB. Each worker may map this much address space (the
# reference passes with 256 MiB). The run's memory: benchmarks/peak_memory.py (summed RSS) and
# the README's Gradescope section (what a memory cgroup counted).
DEFAULT_MEMORY_MB = 384

SETUP = """\
#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu 22.04).
set -euo pipefail
apt-get update -qq
apt-get install -y -qq python3 python3-venv python3-pip >/dev/null
# bubblewrap, the checker's sandbox, for images whose bubblewrap is 0.8.0 or later and that let
# it mount /proc. Gradescope's Ubuntu 22.04 has 0.6.1, too old for the sandbox's command, so
# there every worker runs as a user of its own (the uid level), which the checker picks by itself.
apt-get install -y -qq bubblewrap >/dev/null || echo "bubblewrap is not available"
python3 -m venv /autograder/venv
/autograder/venv/bin/python -m pip install --quiet --upgrade pip
/autograder/venv/bin/python -m pip install --quiet /autograder/source/{source}
# Private tests, if the zip has them: readable by root alone, never by a worker's user.
if [ -d /autograder/source/{source}/private-suites ]; then
    chmod -R go-rwx /autograder/source/{source}/private-suites
fi
"""

RUN_AUTOGRADER = """\
#!/usr/bin/env bash
# Gradescope runs this for each submission, as root. It grades from an empty folder of its own,
# so that nothing in the submission can be imported in place of the checker.
set -uo pipefail
root="${BACKPROP_KATA_AUTOGRADER_ROOT:-/autograder}"
python="${BACKPROP_KATA_PYTHON:-$root/venv/bin/python}"
cd "$(mktemp -d)"
{language}exec "$python" -m checker.platforms.gradescope run --root "$root"
"""


def build(zip_path, extra_suites=None, language=None):
    """Write the autograder zip: setup.sh and run_autograder at its root, the source, and the
    instructor's private tests (in private-suites/) if given."""
    zip_path = Path(zip_path)
    with tempfile.TemporaryDirectory() as folder:
        source = copy_source(Path(folder) / SOURCE_FOLDER)
        if extra_suites:
            shutil.copytree(extra_suites, source / PRIVATE_FOLDER)
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in (
                ("setup.sh", SETUP.format(source=SOURCE_FOLDER)),
                ("run_autograder", run_autograder(language)),
            ):
                entry = zipfile.ZipInfo(name)
                entry.external_attr = 0o100755 << 16  # executable when unzipped
                entry.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(entry, text)
            for path in sorted(source.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(folder).as_posix())
    return zip_path


def run_autograder(language=None):
    """run_autograder, which sets the language of what students read when one is given."""
    export = ""
    if language:
        export = f'export BACKPROP_KATA_LANG="${{BACKPROP_KATA_LANG:-{language}}}"\n'
    return RUN_AUTOGRADER.replace("{language}", export)


def results_json(result, seconds, note=""):
    """Gradescope's results.json: one test per section, integer points."""
    tests = [
        {
            "score": s.score,
            "max_score": s.max_score,
            "status": "passed" if s.status == "passed" else "failed",
            "name": s.title,
            "number": str(number),
            "output": s.message or (t("platform.all_pass") if s.status == "passed" else ""),
            "output_format": "text",
            "tags": [s.name],
            "visibility": "visible",
        }
        for number, s in enumerate(result.sections, 1)
    ]
    output = results.text_summary(result) + (f"\n{note}\n" if note else "")
    return {
        "score": sum(t["score"] for t in tests),
        "execution_time": round(seconds),
        "output": output,
        "output_format": "text",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
    }


def run(root):
    root = Path(root)
    started = time.monotonic()
    found = find_section_folder(root / "submission")
    memory_mb = int(os.environ.get("BACKPROP_KATA_MEMORY_MB", DEFAULT_MEMORY_MB))
    note = ""
    with tempfile.TemporaryDirectory(prefix="backprop-kata-") as folder:
        if found is None:
            result = results.not_graded(
                t("platform.no_files", files=", ".join(SECTION_FILES)),
                checker_fault=False,  # a grade of 0, not a fault
            )
        else:
            target = Path(folder) / "exercises"
            stubs = root / "source" / SOURCE_FOLDER / "exercises"
            taken = assemble_target(found, stubs, target)
            missing = [name for name in SECTION_FILES if name not in taken]
            if missing:
                note = t("platform.missing_files", files=", ".join(missing))
            extra = ["--memory-limit", str(memory_mb)]
            private = root / "source" / SOURCE_FOLDER / PRIVATE_FOLDER
            if private.is_dir():
                extra += ["--extra-suites", str(private)]
            result = results.run_checker(target, Path(folder) / "report.json", extra=extra)
    out = root / "results" / "results.json"
    if result.checker_fault:  # Gradescope's own error, not a 0: no results.json
        out.unlink(missing_ok=True)
        print(results.text_summary(result), end="")
        return 1
    payload = results_json(result, time.monotonic() - started, note)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(payload["output"], end="")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m checker.platforms.gradescope")
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("build", help="write the autograder zip")
    make.add_argument("zip")
    make.add_argument("--extra-suites", metavar="DIR", help="your private tests, in the zip")
    make.add_argument("--lang", choices=LANGUAGES, help=t("platform.help.lang"))
    grade = commands.add_parser("run", help="grade /autograder/submission (run_autograder)")
    grade.add_argument(
        "--root", default=os.environ.get("BACKPROP_KATA_AUTOGRADER_ROOT", "/autograder")
    )
    args = parser.parse_args(argv)
    results.speak()
    if args.command == "build":
        zip_path = build(args.zip, args.extra_suites, args.lang)
        print(f"Wrote {zip_path}: upload it as the assignment's autograder")
        return 0
    return run(args.root)


if __name__ == "__main__":
    sys.exit(main())
