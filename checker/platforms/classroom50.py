"""Classroom 50: an autograder bundle that grades with a pinned copy of the checker.

    python -m checker.platforms.classroom50 bundle OUT/

OUT/ is what the instructor copies to `<classroom>/autograders/<slug>/`: `autograder.py`, the
checker's source in `backprop-kata/` (never the student's copy) and a README. Classroom 50 runs
`autograder.py` with the student's checkout as its working directory. It installs the bundled
checker (into a venv, unless the running Python already has its dependencies), grades
`exercises/` (or $BACKPROP_KATA_TARGET) from a folder of its own, and writes `result.json`
(schema classroom50/result/v1: one test per section, integer points) and `release-body.md`.
It exits 0 on any grade, and non-zero only when it cannot grade at all.

    python -m checker.platforms.classroom50 grade --target DIR --out DIR

is the step that `autograder.py` runs with the bundled checker.
"""

import argparse
import contextlib
import datetime
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from checker.i18n import LANGUAGES, t
from checker.platforms import result as results
from checker.platforms.bundle import copy_source

SCHEMA = "classroom50/result/v1"
SOURCE_FOLDER = "backprop-kata"

AUTOGRADER = '''\
#!/usr/bin/env python3
"""Classroom 50 autograder for backprop-kata, written by
`python -m checker.platforms.classroom50 bundle`. Only the standard library is used here.

It grades the student's checkout (the working directory) with the checker bundled beside
this file, never with the checker/ folder of the checkout.
"""

import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "{source}"
CHECKOUT = Path.cwd()
DEPENDENCIES = "import numpy, pytest, rich, pytest_jsonreport"
LANGUAGE = "{language}"  # of what students read; BACKPROP_KATA_LANG, if set, wins


def grading_python(work):
    """(python, environment) that run the bundled checker."""
    present = subprocess.run([sys.executable, "-c", DEPENDENCIES], capture_output=True)
    if present.returncode == 0:  # use the bundled source in place
        return sys.executable, {{**os.environ, "PYTHONPATH": str(SOURCE)}}
    folder = work / "venv"
    venv.create(folder, with_pip=True)
    python = folder / ("Scripts" if os.name == "nt" else "bin") / "python"
    install = [str(python), "-m", "pip", "install", "--quiet", str(SOURCE)]
    subprocess.run(install, check=True, stdout=sys.stderr)
    return str(python), dict(os.environ)


def main():
    if LANGUAGE:
        os.environ.setdefault("BACKPROP_KATA_LANG", LANGUAGE)
    target = CHECKOUT / os.environ.get("BACKPROP_KATA_TARGET", "exercises")
    with tempfile.TemporaryDirectory(prefix="backprop-kata-") as work:
        try:
            python, env = grading_python(Path(work))
        except (OSError, subprocess.CalledProcessError) as error:
            print(f"autograder: cannot install the checker: {{error}}", file=sys.stderr)
            return 1
        command = [
            python, "-m", "checker.platforms.classroom50", "grade",
            "--target", str(target), "--out", str(CHECKOUT),
        ]
        private = HERE / "private-suites"  # the instructor's own tests, if any
        if private.is_dir():
            command += ["--extra-suites", str(private)]
        # From a folder of its own: Python must not import the checkout's checker/.
        graded = subprocess.run(command, cwd=work, env=env)
    if graded.returncode != 0 or not (CHECKOUT / "result.json").is_file():
        print(f"autograder: grading failed (exit code {{graded.returncode}})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
'''

README = """\
# backprop-kata autograder for Classroom 50

Written by `python -m checker.platforms.classroom50 bundle`. It grades each submission with
the checker in `{source}/` (pinned: the student's copy is never used), one test per section,
with integer partial credit, and writes `result.json` and `release-body.md`.

```sh
# 1. copy this folder into your classroom's configuration repository
cp -r THIS_FOLDER CLASSROOM/autograders/SLUG
# 2. commit and push it
cd CLASSROOM && git add autograders/SLUG && git commit -m "backprop-kata autograder" && git push
# 3. try it on a student checkout, as the runner will
cd STUDENT_CHECKOUT && CLASSROOM=c ASSIGNMENT=a SUBMISSION_TAG=t COMMIT_URL=u RELEASE_URL=u \\
    python3 CLASSROOM/autograders/SLUG/autograder.py && cat result.json
```

Set BACKPROP_KATA_TARGET to grade a folder other than `exercises/`. To add bubblewrap (the
checker's sandbox) to the grade job, list `bubblewrap` in the assignment's apt `runtime`.
"""


def bundle(out, extra_suites=None, language=None):
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"error: {out} is not empty")
    out.mkdir(parents=True, exist_ok=True)
    copy_source(out / SOURCE_FOLDER)
    if extra_suites:
        shutil.copytree(extra_suites, out / "private-suites")
    autograder = out / "autograder.py"
    text = AUTOGRADER.format(source=SOURCE_FOLDER, language=language or "")
    autograder.write_text(text, encoding="utf-8")
    autograder.chmod(0o755)
    (out / "README.md").write_text(README.format(source=SOURCE_FOLDER), encoding="utf-8")
    return out


def result_json(result, env=os.environ, now=None):
    """result.json for Classroom 50: every score an integer, and score = the sum of the tests."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    commit = env.get("COMMIT_URL", "")
    tests = [
        {
            "test-name": s.title,
            "passed": s.status == "passed",
            "score": s.score,
            "max-score": s.max_score,
        }
        for s in result.sections
    ]
    return {
        "schema": SCHEMA,
        "classroom": env.get("CLASSROOM", ""),
        "assignment": env.get("ASSIGNMENT", ""),
        "submission": env.get("SUBMISSION_TAG", ""),
        "commit": commit,
        "release": env.get("RELEASE_URL", ""),
        "review": env.get("REVIEW_URL") or commit,
        "datetime": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "score": sum(t["score"] for t in tests),
        "max-score": sum(t["max-score"] for t in tests),
        "tests": tests,
    }


def write_new(path, text):
    """Write a new file at `path`: whatever the checkout had there (a link the student
    committed, say) is removed, never written through."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)  # a link goes, never what it points to; a folder raises
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with open(os.open(path, flags, 0o644), "w", encoding="utf-8") as f:
        f.write(text)


def grade(target, out, extra_suites=None):
    target, out = Path(target), Path(out)
    extra = ("--extra-suites", str(Path(extra_suites).resolve())) if extra_suites else ()
    if not target.is_dir():
        problem = t("platform.no_folder", folder=target.name)
        result = results.not_graded(problem, checker_fault=False)  # 0, not a fault
    else:
        with tempfile.TemporaryDirectory(prefix="backprop-kata-report-") as folder:
            result = results.run_checker(target, Path(folder) / "report.json", extra=extra)
    write_new(out / "result.json", json.dumps(result_json(result), indent=2) + "\n")
    write_new(out / "release-body.md", results.markdown_table(result))
    github_output = os.environ.get("GITHUB_OUTPUT")
    if github_output:
        with open(github_output, "a", encoding="utf-8") as f:
            f.write(f"summary={result.score}/{result.max_score} points\n")
    print(results.text_summary(result), end="")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m checker.platforms.classroom50")
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("bundle", help="write the autograder folder")
    make.add_argument("out")
    make.add_argument("--extra-suites", metavar="DIR", help="your private tests, bundled")
    make.add_argument("--lang", choices=LANGUAGES, help=t("platform.help.lang"))
    run = commands.add_parser("grade", help="grade a folder (what autograder.py runs)")
    run.add_argument("--target", required=True)
    run.add_argument("--out", required=True)
    run.add_argument("--extra-suites", metavar="DIR")
    args = parser.parse_args(argv)
    results.speak()
    if args.command == "bundle":
        out = bundle(args.out, args.extra_suites, args.lang)
        print(f"Wrote {out}: copy it to <classroom>/autograders/<slug>/")
        return 0
    return grade(args.target, args.out, args.extra_suites)


if __name__ == "__main__":
    sys.exit(main())
