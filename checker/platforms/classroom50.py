"""Classroom 50: an autograder bundle that grades with a pinned copy of the checker.

    python -m checker.platforms.classroom50 bundle OUT/

OUT/ is what the instructor copies to `<classroom>/autograders/<slug>/`: `autograder.py`, the
checker's source in `backprop-kata/` (never the student's copy) and a README. Classroom 50's
runner.py runs `autograder.py` with the student's checkout as its working directory. It
installs the bundled checker (into a venv, unless the running Python already has its
dependencies), grades `exercises/` (or $BACKPROP_KATA_TARGET) from a folder of its own, and
writes `result.json` (schema classroom50/result/v1: one test per section, integer points),
`release-body.md`, and `status=` and `summary=` in $GITHUB_OUTPUT, which the runner then keeps
as they are: `success` (every section passes), `failure` (the student's grade, a 0 for a
checkout without the folder included) or `error` (the checker could not be installed or could
not grade: the job posts it as the commit status and publishes no Release, so no 0 reaches
the gradebook). The summary is one line of at most 140 characters (GitHub refuses a longer
commit status) and always says why. It exits 0 whenever it wrote these, else 1 (then the
runner records its own `error`).

    python -m checker.platforms.classroom50 grade --target DIR --out DIR
    python -m checker.platforms.classroom50 not-graded --out DIR --problem install|stopped ...

are the steps that `autograder.py` runs with the bundled checker; `not-graded` needs only the
standard library, so it reports a failed installation.

Classroom 50 publishes bundles on the classroom's public GitHub Pages site, and the grade job
(in the student's repository) downloads them without authentication: `bundle --extra-suites`
says so when it builds.
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
SUMMARY_LIMIT = 140  # GitHub refuses a longer commit status description

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


def grading_python(work, log):
    """(python, environment) that run the bundled checker; pip's output goes to `log`."""
    present = subprocess.run([sys.executable, "-c", DEPENDENCIES], capture_output=True)
    if present.returncode == 0:  # use the bundled source in place
        return sys.executable, {{**os.environ, "PYTHONPATH": str(SOURCE)}}
    folder = work / "venv"
    venv.create(folder, with_pip=True)
    python = folder / ("Scripts" if os.name == "nt" else "bin") / "python"
    install = [str(python), "-m", "pip", "install", "--quiet", str(SOURCE)]
    with open(log, "w", encoding="utf-8") as out:
        installed = subprocess.run(install, stdout=out, stderr=subprocess.STDOUT)
    sys.stderr.write(Path(log).read_text(encoding="utf-8", errors="replace"))
    if installed.returncode != 0:
        raise subprocess.CalledProcessError(installed.returncode, install)
    return str(python), dict(os.environ)


def not_graded(work, *problem):
    """result.json, release-body.md and status=error with the reason, written by the bundled
    platforms code (standard library only, so it runs without the checker's dependencies)."""
    command = [
        sys.executable, "-m", "checker.platforms.classroom50", "not-graded",
        "--out", str(CHECKOUT), *problem,
    ]
    env = {{**os.environ, "PYTHONPATH": str(SOURCE)}}
    return 0 if subprocess.run(command, cwd=work, env=env).returncode == 0 else 1


def main():
    if LANGUAGE:
        os.environ.setdefault("BACKPROP_KATA_LANG", LANGUAGE)
    if os.environ.get("GITHUB_OUTPUT"):  # grading runs elsewhere: a relative path is the checkout's
        os.environ["GITHUB_OUTPUT"] = str(CHECKOUT / os.environ["GITHUB_OUTPUT"])
    target = CHECKOUT / os.environ.get("BACKPROP_KATA_TARGET", "exercises")
    with tempfile.TemporaryDirectory(prefix="backprop-kata-") as work:
        log = Path(work) / "pip.log"
        try:
            python, env = grading_python(Path(work), log)
        except (OSError, subprocess.CalledProcessError) as error:
            print(f"autograder: cannot install the checker: {{error}}", file=sys.stderr)
            detail = "failure" if isinstance(error, subprocess.CalledProcessError) else str(error)
            return not_graded(work, "--problem", "install", "--detail", detail, "--log", str(log))
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
            return not_graded(work, "--problem", "stopped", "--detail", str(graded.returncode))
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
# 3. try it on a student checkout with what the runner sets (result.json must pass its checks)
cd STUDENT_CHECKOUT && GITHUB_OUTPUT=github-output.txt CLASSROOM=CLASSROOM ASSIGNMENT=SLUG \\
    OWNER=student ASSIGNMENT_TYPE=individual SUBMISSION_TAG=submit/2026-01-01T00-00-00Z-0000000 \\
    COMMIT_URL=https://example.org/c RELEASE_URL=https://example.org/r \\
    python3 CLASSROOM/autograders/SLUG/autograder.py && cat result.json github-output.txt
```

`github-output.txt` gets `status=` (success, failure, or error when the checker could not be
installed or could not grade) and `summary=`, which the runner keeps for the commit status.

Set BACKPROP_KATA_TARGET to grade a folder other than `exercises/`. To add bubblewrap (the
checker's sandbox) to the grade job, list `bubblewrap` in the assignment's apt `runtime`.
{private}"""

PRIVATE_NOTE = """
`private-suites/` holds extra tests. Classroom 50 serves this folder on the classroom's public
Pages site and the grade job runs in the student's repository: students can read them.
"""


def bundle(out, extra_suites=None, language=None):
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"error: {out} is not empty")
    out.mkdir(parents=True, exist_ok=True)
    copy_source(out / SOURCE_FOLDER)
    if extra_suites:
        shutil.copytree(extra_suites, out / "private-suites")
        print(t("platform.classroom50.tests_are_public", folder=extra_suites), file=sys.stderr)
    autograder = out / "autograder.py"
    text = AUTOGRADER.format(source=SOURCE_FOLDER, language=language or "")
    autograder.write_text(text, encoding="utf-8")
    autograder.chmod(0o755)
    readme = README.format(source=SOURCE_FOLDER, private=PRIVATE_NOTE if extra_suites else "")
    (out / "README.md").write_text(readme, encoding="utf-8")
    return out


def status_and_summary(result, reason=None):
    """The runner's `status=` and `summary=`: success, failure or error, and one line of at
    most SUMMARY_LIMIT characters that says why (`reason`, if given, for an error)."""
    total = results.total_line(result, "backprop-kata")
    if result.checker_fault:
        problem = results.as_message(reason or result.problem)
        status, summary = "error", t("platform.fault", problem=problem)
    elif all(s.status == "passed" for s in result.sections):
        status, summary = "success", total
    elif result.problem:  # nothing to grade: the student's 0
        status, summary = "failure", f"{total}: {result.problem}"
    else:
        to_do = ", ".join(s.name for s in result.sections if s.status != "passed")
        status, summary = "failure", t("platform.summary.to_do", total=total, sections=to_do)
    summary = " ".join(summary.split())
    if len(summary) > SUMMARY_LIMIT:
        summary = summary[: SUMMARY_LIMIT - 1] + "…"
    return status, summary


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
        # The runner passes both, and stamps its own over them before it checks the result.
        "assignment_type": env.get("ASSIGNMENT_TYPE") or "individual",
        "owner": env.get("OWNER") or env.get("USERNAME", ""),
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
    return write_results(result, out)


def write_results(result, out, reason=None):
    """result.json, release-body.md, and the runner's status= and summary= (which it keeps)."""
    write_new(out / "result.json", json.dumps(result_json(result), indent=2) + "\n")
    write_new(out / "release-body.md", results.markdown_table(result))
    status, summary = status_and_summary(result, reason)
    github_output = os.environ.get("GITHUB_OUTPUT")
    if github_output:
        with open(github_output, "a", encoding="utf-8") as f:
            f.write(f"status={status}\nsummary={summary}\n")
    print(results.text_summary(result), end="")
    return 0


def log_tail(path, characters=2000):
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")[-characters:]
    except OSError:
        return t("platform.no_install_log")


def not_graded(out, problem, detail="", log=None):
    """What autograder.py reports when the checker could not be installed (`install`) or
    stopped before it wrote a result (`stopped`): an error, with the reason."""
    if problem == "install":
        tail = log_tail(log) if log else t("platform.no_install_log")
        problem = t("platform.install_failed", outcome=detail, log=tail)
        return write_results(
            results.not_graded(problem), Path(out), t("platform.install_failed_short")
        )
    problem = t("platform.grading_stopped", code=detail)
    return write_results(results.not_graded(problem), Path(out))


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
    failed = commands.add_parser("not-graded", help="report that nothing could be graded")
    failed.add_argument("--out", required=True)
    failed.add_argument("--problem", choices=("install", "stopped"), required=True)
    failed.add_argument("--detail", default="")
    failed.add_argument("--log")
    args = parser.parse_args(argv)
    results.speak()
    if args.command == "bundle":
        out = bundle(args.out, args.extra_suites, args.lang)
        print(f"Wrote {out}: copy it to <classroom>/autograders/<slug>/")
        return 0
    if args.command == "not-graded":
        return not_graded(args.out, args.problem, args.detail, args.log)
    return grade(args.target, args.out, args.extra_suites)


if __name__ == "__main__":
    sys.exit(main())
