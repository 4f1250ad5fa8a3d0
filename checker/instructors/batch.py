"""Grade a whole class at once.

    python -m checker.instructors.batch SUBMISSIONS... --out DIR [--jobs N]
        [--submission-timeout SECONDS] [--seed N] [--isolation LEVEL] [--force] [--integration]

A submission is a folder (a copy of `exercises/`, or a student's whole repository, in which
the section files are found) or a `.zip` of one. A folder that is neither is a folder of
submissions: each of its entries is one.

Each of --jobs judges is one long-lived process that grades submission after submission, so
Python, pytest and numpy start once per job; every submission still gets fresh workers in a
fresh sandbox, as in a single run. A submission that loops, crashes, forges, cannot be
unzipped or is empty gets a row with an error status and the reason: nothing one submission
does stops the batch or changes another's row. Each submission has a wall-clock cap.

DIR/reports/NAME.json holds each report (with the submission's content hash), and
DIR/gradebook.csv one row per submission (a text cell that a spreadsheet would take for a
formula, such as a folder named "-2-3", starts with an apostrophe). Re-running skips
submissions whose report matches both their content and this checker; --force grades
everything again.

Each submission's own network is trained, as in every run: the network tests of relu and
affine grade with it (checker/suites/network.py). The ungraded "your network" line of the
report (checker/suites/test_integration.py) is left out unless --integration is given or the
manifest gives it points: it reuses that training, and adds the search for a culprit when
the network does not learn.
"""

import argparse
import csv
import hashlib
import json
import os
import queue
import re
import secrets
import select
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from checker.channel import inert
from checker.instructors import gradebook
from checker.manifest import INTEGRATION, SECTIONS
from checker.platforms import result as results
from checker.platforms.submission import SECTION_FILES, assemble_target, find_section_folder
from checker.report import checker_digest, write_atomically
from checker.runner import files_digest

REPO = Path(__file__).resolve().parents[2]
STUBS = REPO / "exercises"
SUBMISSION_TIMEOUT = 120.0
# Zips are student-made: bounded before anything is written.
ZIP_MAX_ENTRIES = 2000
ZIP_MAX_FILE_BYTES = 5 * 1024**2
ZIP_MAX_TOTAL_BYTES = 50 * 1024**2

COLUMNS = [
    "submission",
    "status",  # graded or error
    "score",
    "max_score",
    *[section.name for section in SECTIONS],
    *[f"{section.name}_status" for section in SECTIONS],
    "isolation",
    "checker_sha256",
    "submission_sha256",
    "problem",
]


@dataclass
class Submission:
    name: str
    source: Path


# --- finding and preparing submissions ----------------------------------------------------------


def is_one_submission(folder):
    """A folder with section files of its own, an exercises/ folder, or a git repository."""
    names = {entry.name for entry in folder.iterdir()}
    return bool(names & set(SECTION_FILES)) or "exercises" in names or ".git" in names


def expand(paths):
    """The submissions that `paths` name, each with a unique name."""
    found = []
    for path in map(Path, paths):
        if path.is_dir() and not is_one_submission(path):
            found += [Submission(entry.stem, entry) for entry in sorted(path.iterdir())]
        else:
            found.append(Submission(path.stem, path))
    seen = {}
    for submission in found:
        name = re.sub(r"[^\w.-]", "_", submission.name) or "submission"
        seen[name] = seen.get(name, 0) + 1
        submission.name = name if seen[name] == 1 else f"{name}-{seen[name]}"
    return found


class Unusable(Exception):
    """The submission cannot be graded at all: its row says why."""


def safe_unzip(zip_path, destination):
    """Unzip regular files only, inside `destination`, within the ZIP_MAX_* bounds."""
    try:
        archive = zipfile.ZipFile(zip_path)
    except (OSError, zipfile.BadZipFile) as error:
        raise Unusable(f"cannot be unzipped ({error})") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > ZIP_MAX_ENTRIES:
            raise Unusable(f"cannot be unzipped: more than {ZIP_MAX_ENTRIES} entries")
        total = 0
        for entry in entries:
            mode = entry.external_attr >> 16
            parts = Path(entry.filename).parts
            if entry.is_dir() or stat.S_ISLNK(mode) or not parts:
                continue
            if Path(entry.filename).is_absolute() or ".." in parts:
                continue  # never outside the destination
            if entry.file_size > ZIP_MAX_FILE_BYTES:
                continue
            total += entry.file_size
            if total > ZIP_MAX_TOTAL_BYTES:
                raise Unusable("cannot be unzipped: more than 50 MB of files")
            path = destination.joinpath(*parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                with archive.open(entry) as source, open(path, "wb") as copy:
                    copy.write(source.read(ZIP_MAX_FILE_BYTES + 1)[:ZIP_MAX_FILE_BYTES])
            except (OSError, zipfile.BadZipFile, RuntimeError, ValueError) as error:
                raise Unusable(f"cannot be unzipped ({error})") from None


def prepare(submission, work):
    """(target folder, content hash) for a submission: its section files over the stubs."""
    root = submission.source
    if root.suffix == ".zip" and root.is_file():
        root = work / "unzipped"
        root.mkdir()
        safe_unzip(submission.source, root)
    elif not root.is_dir():
        raise Unusable("is neither a folder nor a .zip")
    found = find_section_folder(root)
    if found is None:
        raise Unusable(f"holds no section file ({', '.join(SECTION_FILES)})")
    target = work / "exercises"
    assemble_target(found, STUBS, target)
    digest = hashlib.sha256()
    for name in SECTION_FILES:
        digest.update(name.encode() + b"\0" + (target / name).read_bytes() + b"\0")
    return target, digest.hexdigest()


# --- the long-lived judges ----------------------------------------------------------------------


def serve(isolation):
    """A judge process: grade each request read from stdin, answer on the original stdout."""
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # nothing else may write on the channel
    from checker.runner import grade
    from checker.sandbox import Limits

    for line in sys.stdin:
        request = json.loads(line)
        limits = Limits(
            time_seconds=request["time_limit"], section_seconds=request["section_time_limit"]
        )
        try:
            _, faulted = grade(
                request["target"], "exercises", SECTIONS, request["seed"], request["report"],
                limits, None, isolation, request["extra_suites"], request["hide_private"],
                integration=request["integration"],
            )  # fmt: skip
            answer = {"done": True, "faulted": faulted}
        except Exception as error:  # noqa: BLE001 - the batch records it and goes on
            answer = {"done": False, "problem": f"{type(error).__name__}: {error}"}
        protocol.write(json.dumps(answer) + "\n")
        protocol.flush()


class JudgeGone(Exception):
    pass


class Judge:
    """One long-lived judge process, restarted by its owner after a timeout or a crash."""

    def __init__(self, isolation):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "checker.instructors.batch", "--serve", isolation],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=tempfile.gettempdir(),
            start_new_session=True,  # a kill takes its zygote and workers too
            # One BLAS thread, as `python -m checker` has: the judge's arrays are small, and
            # OpenBLAS's spinning threads cost each judge about 0.25 s of CPU per submission.
            env={
                **os.environ,
                "NO_COLOR": "1",
                "OPENBLAS_NUM_THREADS": "1",
                # This very checker, whatever another install on the path holds: the reports
                # are checked against its digest.
                "PYTHONPATH": os.pathsep.join(
                    [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]
                ),
            },
        )

    def grade(self, request, timeout):
        try:
            self.process.stdin.write((json.dumps(request) + "\n").encode())
            self.process.stdin.flush()
        except OSError:
            raise JudgeGone("the checker ended unexpectedly") from None
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        if not ready:
            self.kill()
            raise JudgeGone(f"did not finish within {timeout:g} s")
        line = self.process.stdout.readline()
        if not line:
            self.kill()
            raise JudgeGone("the checker ended unexpectedly")
        return json.loads(line)

    def kill(self):
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()

    def close(self):
        try:
            self.process.stdin.close()
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()


# --- rows -----------------------------------------------------------------------------------------


def error_row(submission, problem, digest=""):
    row = {column: "" for column in COLUMNS}
    row.update(
        submission=submission.name,
        status="error",
        score=0,
        max_score=sum(s.points for s in SECTIONS),
        submission_sha256=digest,
        problem=f"{submission.name} {problem}",
    )
    return row


def graded_row(submission, report):
    """The row of a graded submission, with integer points as every platform shows them."""
    row = {column: "" for column in COLUMNS}
    row.update(gradebook.row_from(submission.name, report))
    summary = report["checker"]
    result = results.from_report(report)
    row.update({s.name: s.score for s in result.sections})
    row.update(score=result.score, max_score=result.max_score)
    first = next(
        (s["message"] for s in summary["sections"].values() if s["status"] != "passed"), ""
    )
    row.update(
        status="error" if summary.get("checker_fault") else "graded",
        isolation=summary.get("isolation", ""),
        checker_sha256=summary.get("checker_sha256", ""),
        submission_sha256=summary.get("submission_sha256", ""),
        problem=first,
    )
    return row


def up_to_date(report, digest, checker, extra_suites):
    """The report was made from this submission, by this checker, with these private suites."""
    if report is None:
        return False
    summary = report["checker"]
    return (
        summary.get("submission_sha256") == digest
        and summary.get("checker_sha256") == checker
        and summary.get("extra_suites_sha256") == extra_suites
    )


# --- the batch ----------------------------------------------------------------------------------


class Batch:
    def __init__(
        self,
        out,
        jobs,
        isolation,
        timeout,
        seed,
        force,
        time_limit,
        section_limit,
        extra_suites=None,
        hide_private=False,
        integration=False,
    ):
        # The "your network" line: no grade unless the manifest gives it points. Its training is
        # the network tests' own; it adds only the culprit search on a network that fails.
        self.integration = integration or INTEGRATION.points > 0
        self.extra_suites = str(Path(extra_suites).resolve()) if extra_suites else None
        self.hide_private = hide_private
        self.private = None  # the digest the reports record for these private suites
        if extra_suites:
            sections = [Path(extra_suites) / section.suite for section in SECTIONS]
            self.private = files_digest([path for path in sections if path.is_file()])
        self.out, self.jobs, self.isolation = Path(out), jobs, isolation
        self.timeout, self.seed, self.force = timeout, seed, force
        self.time_limit, self.section_limit = time_limit, section_limit
        self.reports = self.out / "reports"
        self.reports.mkdir(parents=True, exist_ok=True)
        self.checker = checker_digest()
        self.judges = queue.Queue()
        self.lock = threading.Lock()

    def judge(self):
        try:
            return self.judges.get_nowait()
        except queue.Empty:
            return Judge(self.isolation)

    def grade_one(self, submission):
        report_path = self.reports / f"{submission.name}.json"
        with tempfile.TemporaryDirectory(prefix="batch-") as folder:
            try:
                target, digest = prepare(submission, Path(folder))
            except Unusable as error:
                return error_row(submission, str(error))
            except OSError as error:
                return error_row(submission, f"cannot be read ({error})")
            earlier, _ = gradebook.read_report(report_path)
            if not self.force and up_to_date(earlier, digest, self.checker, self.private):
                return {**graded_row(submission, earlier), "skipped": True}
            seed = self.seed if self.seed is not None else secrets.randbelow(2**31)
            request = {
                "target": str(target),
                "report": str(report_path),
                "seed": seed,
                "time_limit": self.time_limit,
                "section_time_limit": self.section_limit,
                "extra_suites": self.extra_suites,
                "hide_private": self.hide_private,
                "integration": self.integration,
            }
            report_path.unlink(missing_ok=True)
            judge = self.judge()
            try:
                answer = judge.grade(request, self.timeout)
            except JudgeGone as gone:
                return error_row(submission, str(gone), digest)
            self.judges.put(judge)
            if not answer.get("done"):
                return error_row(
                    submission, f"could not be graded ({answer.get('problem')})", digest
                )
            report, error = gradebook.read_report(report_path)
            if report is None:
                return error_row(submission, f"left no readable report ({error})", digest)
            report["checker"]["submission"] = submission.name
            report["checker"]["submission_sha256"] = digest
            write_atomically(report_path, report)
            return graded_row(submission, report)

    def run(self, submissions, on_done=lambda row: None):
        rows = [None] * len(submissions)

        def one(index):
            try:
                row = self.grade_one(submissions[index])
            except Exception as error:  # noqa: BLE001 - never lose a row
                row = error_row(submissions[index], f"could not be graded ({error})")
            rows[index] = {k: inert(v) if isinstance(v, str) else v for k, v in row.items()}
            on_done(rows[index])

        try:
            with ThreadPoolExecutor(max_workers=self.jobs) as pool:
                list(pool.map(one, range(len(submissions))))
        finally:
            while not self.judges.empty():
                self.judges.get_nowait().close()
        return rows


def write_csv(rows, path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, extrasaction="ignore", restval="")
        writer.writeheader()
        writer.writerows(gradebook.spreadsheet_safe(row) for row in rows)


def show(console, rows):
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Gradebook (every section: gradebook.csv)", title_justify="left")
    table.add_column("submission", overflow="fold")
    table.add_column("status")
    table.add_column("score", justify="right")
    table.add_column("first problem", overflow="ellipsis", no_wrap=True, max_width=48)
    for row in rows:  # names and messages come from students: Text, never rich markup
        cells = (row["submission"], row["status"], str(row["score"]), row["problem"])
        table.add_row(*map(Text, cells))
    console.print(table)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m checker.instructors.batch")
    parser.add_argument("submissions", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=Path("batch"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--submission-timeout", type=float, default=SUBMISSION_TIMEOUT)
    parser.add_argument("--seed", type=int, help="one seed for every submission (default: random)")
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--section-time-limit", type=float, default=30.0)
    parser.add_argument("--isolation", choices=("auto", "bwrap", "uid", "process"), default="auto")
    parser.add_argument("--force", action="store_true", help="grade even what is up to date")
    parser.add_argument("--extra-suites", type=Path, metavar="DIR", help="private test files")
    parser.add_argument("--hide-private-messages", action="store_true")
    parser.add_argument(
        "--integration",
        action="store_true",
        help="also report each student's own network and its culprit (ungraded unless the "
        "manifest gives it points, when it always runs)",
    )
    parser.add_argument("--serve", metavar="ISOLATION", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve)
        return 0
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from checker.isolation import Unavailable, choose

    console = Console(stderr=True)
    try:
        isolation = choose(args.isolation)
    except Unavailable as error:
        console.print(f"error: {error}.", markup=False)
        return 2
    submissions = expand(args.submissions)
    if not submissions:
        console.print("error: no submission to grade.", markup=False)
        return 2
    batch = Batch(
        args.out, max(1, args.jobs), isolation, args.submission_timeout, args.seed, args.force,
        args.time_limit, args.section_time_limit, args.extra_suites, args.hide_private_messages,
        args.integration,
    )  # fmt: skip
    started, errors = time.monotonic(), [0]
    columns = (
        TextColumn("grading"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}/min"), TextColumn("{task.fields[errors]} errors"),
        TimeElapsedColumn(), TimeRemainingColumn(),
    )  # fmt: skip
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("batch", total=len(submissions), rate="-", errors=0)

        def done(row):
            errors[0] += row["status"] == "error"
            minutes = (time.monotonic() - started) / 60
            count = progress.tasks[0].completed + 1
            rate = f"{count / minutes:.0f}" if minutes > 0 else "-"
            progress.update(task, advance=1, rate=rate, errors=errors[0])

        rows = batch.run(submissions, done)
    write_csv(rows, args.out / "gradebook.csv")
    show(Console(), rows)
    seconds = time.monotonic() - started
    skipped = sum(bool(row.get("skipped")) for row in rows)
    console.print(
        f"{len(rows)} submissions ({skipped} up to date, not graded again) in {seconds:.1f} s, "
        f"{errors[0]} with errors "
        f"(isolation: {isolation}). Gradebook: {args.out / 'gradebook.csv'}",
        markup=False,
    )
    return 1 if errors[0] else 0


if __name__ == "__main__":
    sys.exit(main())
