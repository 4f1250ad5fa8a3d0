"""The pytest plugin behind `python -m checker`, in the manner of exercism's test runner.

It owns the workers, gives every test its section and points, turns every
failure into a message for the learner (never a traceback from the judge),
reports progress to the terminal UI, and adds the "checker" summary to
pytest-json-report's report.
"""

import contextlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import traceback
import zlib
from pathlib import Path

import numpy as np
import pytest

from checker import __version__, judge, messages
from checker.channel import inert
from checker.i18n import english, join, t
from checker.isolation import (
    TMPFS_BYTES,
    TMPFS_FOLDERS,
    WorkerUsers,
    bwrap_command,
    checker_folders,
    python_folders,
)
from checker.judge import Wrong
from checker.manifest import INTEGRATION, section_named
from checker.report import summarize, summarize_integration
from checker.sandbox import PRINTED_LIMIT, StudentFault, Worker, Zygote

# Scenarios started early run at a lower priority: they use the CPU the judge leaves idle, and
# their results are needed only at the end.
EARLY_NICENESS = 10


SNAPSHOT_FILE_BYTES = 1024**2  # a section file is a few kilobytes


def snapshot_of_python_files(target_dir, destination, group=None):
    """Copy the target's own .py files for the workers, which never read the target itself:
    no __pycache__ (a .pyc compiled from other code), no .pth, no extension module, nothing
    but the exercises' source is imported. With a `group` (the checker runs as root), the
    copies are root's and readable by that group (the run's workers) alone. Only regular files
    with a single link and under SNAPSHOT_FILE_BYTES are copied (checked before they are
    opened, and opened without following links): never a device, a FIFO, a hard link to a
    file the student could not read, or a sparse giant. No worker runs yet, so nothing
    changes them between the check and the copy."""
    os.mkdir(destination, 0o750)
    if group is not None:
        os.chown(destination, 0, group)
    os.chmod(destination, 0o750)
    folder = os.open(target_dir, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".py"):
                continue
            try:
                if not stat.S_ISREG(os.lstat(name, dir_fd=folder).st_mode):
                    continue  # never opened: a device may act on open
                fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
            except OSError:
                continue  # a link, or unreadable: the worker's import will say so
            with os.fdopen(fd, "rb") as source:
                info = os.fstat(source.fileno())
                if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
                    continue
                if info.st_size > SNAPSHOT_FILE_BYTES:
                    continue
                data = source.read(SNAPSHOT_FILE_BYTES + 1)[:SNAPSHOT_FILE_BYTES]
            path = os.path.join(destination, name)
            with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640), "wb") as copy:
                copy.write(data)
            if group is not None:
                os.chown(path, 0, group)
            os.chmod(path, 0o640)
    finally:
        os.close(folder)


class WorkerPool:
    """One worker per section. After a timeout, the rest of that section is not run.

    Each section also has a budget for all its tests together (Limits.section_seconds), so slow
    code cannot make a section run for minutes one test at a time.
    """

    def __init__(self, target_dir, limits, isolation="process", private_folder=None):
        """private_folder: an instructor's private tests, hidden from a sandboxed worker."""
        self.target_dir = target_dir
        self.limits = limits
        self.isolation = isolation
        # One folder for the run: each worker's own folder lies in it, and it is the only place
        # a sandboxed worker can write.
        self.run_dir = tempfile.mkdtemp(prefix="checker-run-")
        # As root, student code runs under users of its own (WorkerUsers): under bwrap too.
        as_root = isolation in ("bwrap", "uid") and os.geteuid() == 0
        self.users = WorkerUsers() if as_root else None
        self.prefix = []
        if isolation == "bwrap":
            readable = [*python_folders(), *checker_folders()]
            hidden = [] if private_folder is None else [private_folder]
            self.prefix = bwrap_command(self.run_dir, readable, hidden, worker_users=as_root)
        if self.users is not None:
            # Workers reach their own folders through the run's folder, root's and only
            # traversable.
            os.chmod(self.run_dir, 0o711)
        # Every worker reads a snapshot of the target's .py files, taken at the run's start,
        # that none of them can write (the target itself may be unreadable to them).
        self.worker_target = os.path.join(self.run_dir, "target")
        self.workers = {}
        self.closed = False
        self.zygote = None
        self.timed_out = set()
        self.used = {}  # section -> seconds its tests have spent waiting for the worker
        self.background = {}  # test or shared name -> (worker, its scenario submitted early)
        self.kept = {}  # shared name -> what its run gave (outputs, or the StudentFault raised)
        self.early_workers = []
        self.printed = []  # what student code printed during the current test

    def enforced_limits(self):
        """What this run's limits are, for the report (`checker.limits`); None where a limit
        is not enforced at this level."""
        linux, posix = sys.platform.startswith("linux"), os.name == "posix"
        # The kernel does not apply RLIMIT_NPROC to root: workers that stay root can fork.
        never_root = self.users is not None or not posix or os.geteuid() != 0
        return {
            "memory_bytes_per_process": self.limits.memory_bytes if linux else None,
            "output_bytes": self.limits.output_bytes if posix else None,
            "processes_per_worker": 1 if posix and never_root else None,
            "tmpfs_bytes": (
                {folder: TMPFS_BYTES for folder in TMPFS_FOLDERS}
                if self.isolation == "bwrap"
                else None
            ),
            "run_folder_bytes": None,  # only each file's size (output_bytes) is capped there
            "student_code_as_root": not never_root,
        }

    def start_zygote(self):
        """Start the zygote without waiting: it imports numpy while pytest collects the tests,
        or, in watch mode, while the student edits (checker/watch.py). It holds no student code,
        so it may start long before the run."""
        if self.zygote is None and Zygote.supported():
            self.zygote = Zygote(self.prefix, self.run_dir)

    def start_run(self):
        """At the start of the run: the zygote, and the copy of the target that workers read,
        taken now so that it holds the files as they are at this run."""
        self.start_zygote()
        if not os.path.exists(self.worker_target):
            group = None if self.users is None else self.users.group
            try:
                snapshot_of_python_files(self.target_dir, self.worker_target, group)
            except OSError:  # the target is gone: workers find no files and say so
                pass

    def prestart(self, section_names):
        for name in section_names:
            self._worker(name).start()

    def _worker(self, section_name):
        if section_name not in self.workers:
            worker = self._new_worker(section_name)
            self.workers[section_name] = worker
        return self.workers[section_name]

    def worker_user(self, section_name):
        """The user a worker drops to when the checker runs as root, else None."""
        if self.users is None:
            return None
        return {"uid": self.users.next(), "group": self.users.group}

    def _new_worker(self, section_name, niceness=0):
        return Worker(
            self.worker_target,
            section_name,
            self.limits,
            self.zygote,
            self.run_dir,
            self.prefix,
            niceness,
            user=self.worker_user(section_name),
        )

    def start_early(
        self, key, section_name, scenario, inputs, options=None, niceness=EARLY_NICENESS
    ):
        """Submit a test's one scenario now, to a worker of its own; the test collects it later
        (key: its nodeid, or the name of a shared request).

        Training runs this way while the judge grades the other tests on the other core."""
        worker = self._new_worker(section_name, niceness=niceness)
        self.early_workers.append(worker)
        self.background[key] = (worker, worker.submit(scenario, inputs, options))

    def run(
        self, section_name, scenario, inputs, options=None, time_limit=None, nodeid=None,
        shared=None, fresh=False,
    ):  # fmt: skip
        """Run a scenario in the section's worker, or collect it if it was submitted early.

        shared: the name of a request several tests make: it runs once, and every later call
        with that name gets the same outputs, or the same fault, at no cost. fresh: in a worker
        of its own, where no student code has run."""
        if shared is not None and shared in self.kept:
            kept = self.kept[shared]
            if isinstance(kept, StudentFault):
                raise kept
            return kept
        try:
            outputs = self._run(
                section_name, scenario, inputs, options, time_limit,
                nodeid if shared is None else shared, fresh,
            )  # fmt: skip
        except StudentFault as fault:
            if shared is not None:
                self.kept[shared] = fault
            raise
        if shared is not None:
            self.kept[shared] = outputs
        return outputs

    def _run(self, section_name, scenario, inputs, options, time_limit, key, fresh):
        if section_name in self.timed_out:
            raise StudentFault("timeout", t("sandbox.earlier_timeout"))
        remaining = self.limits.section_seconds - self.used.get(section_name, 0.0)
        if remaining <= 0:
            seconds = f"{self.limits.section_seconds:g}"
            raise StudentFault("timeout", t("sandbox.budget_used", seconds=seconds))
        test_limit = time_limit or self.limits.time_seconds
        if fresh and key not in self.background:
            self.start_early(key, section_name, scenario, inputs, options, niceness=0)
        started = time.monotonic()
        try:
            if key in self.background:  # the same request, started early
                worker, submitted = self.background.pop(key)
            else:
                worker = self._worker(section_name)
                submitted = worker.submit(scenario, inputs, options)
            outputs = worker.collect(submitted, min(test_limit, remaining))
        except StudentFault as fault:
            self.printed.append(fault.printed)
            if fault.kind == "timeout":
                self.timed_out.add(section_name)
                if remaining < test_limit:
                    seconds = f"{self.limits.section_seconds:g}"
                    fault.message = t("sandbox.section_budget", seconds=seconds)
            raise
        finally:
            self.used[section_name] = self.used.get(section_name, 0.0) + (
                time.monotonic() - started
            )
        self.printed.append(outputs.printed)
        return outputs

    def close(self):
        if self.closed:  # watch mode may close a pool that a run already closed
            return
        self.closed = True
        for worker in [*self.workers.values(), *self.early_workers]:
            with contextlib.suppress(Exception):  # whatever a worker left, close the others
                worker.close()
        if self.zygote is not None:
            self.zygote.close()  # in a sandbox, this ends every process student code left
        if self.isolation == "uid":
            self.users.kill_all()  # at the uid level, so does this
            self.users.remove_leftovers()
        remove_folder(self.run_dir)


def remove_folder(folder):
    """Remove the run's folder, whatever student code left in it: shutil.rmtree recurses and
    fails on a tree thousands of folders deep, so `rm -rf` takes over."""
    try:
        shutil.rmtree(folder)
    except Exception:  # noqa: BLE001 - RecursionError included
        with contextlib.suppress(OSError):
            subprocess.run(["rm", "-rf", "--", folder], check=False, timeout=60)


class CheckerPlugin:
    def __init__(
        self,
        target_dir,
        target_label,
        sections,
        seed,
        limits,
        on_progress=None,
        isolation="process",
        hide_private=False,
        private_folder=None,
        pool=None,
    ):
        """pool: a WorkerPool made for this target and these limits ahead of the run (watch
        mode), else one is made here."""
        self.target_dir = target_dir
        self.target_label = target_label  # how the learner knows the folder, e.g. "exercises"
        self.hide_private = hide_private  # private tests: only the catalog's fault.private
        self.sections = sections
        self.seed = seed
        self.isolation = isolation or "process"
        self.pool = pool or WorkerPool(target_dir, limits, self.isolation, private_folder)
        self.on_progress = on_progress or (lambda *args: None)
        self.totals = {}
        self.section_by_nodeid = {}
        self.results = {}  # nodeid -> verdict dict
        self.report = None
        self.broken_files = []  # (path, exception): test files that could not be collected

    # --- session ------------------------------------------------------------------------------

    def pytest_sessionstart(self, session):
        self.pool.start_run()

    def pytest_exception_interact(self, node, call, report):
        """A test file that cannot be imported (a syntax error, say): pytest then stops the run
        as if interrupted, and the runner reports the file instead (runner.grade)."""
        if report.when == "collect" and call.excinfo is not None:
            error = call.excinfo.value
            self.broken_files.append((Path(node.path), error.__cause__ or error))

    def pytest_collection_modifyitems(self, session, config, items):
        if self.broken_files:  # nothing will run: start no worker
            return
        self.section_by_nodeid = {item.nodeid: section_of(item) for item in items}
        order = {section.name: i for i, section in enumerate(self.sections)}
        # Tests of a shared early request last: it trains while the others are graded.
        items.sort(key=lambda item: (is_shared(item), order.get(section_of(item), len(order))))
        for item in items:
            name = section_of(item)
            self.totals[name] = self.totals.get(name, 0) + 1
        for section in self.sections:
            self.on_progress(section.name, 0, self.totals.get(section.name, 0), None)
        for item in items:  # tests marked with conftest.starts_early
            function = getattr(item, "function", None)
            early_request = getattr(function, "early_request", None)
            if early_request is None:
                continue
            shared = getattr(function, "early_shared", None)
            if shared is None:
                scenario, inputs, options = early_request(self.rng_for(item))
                check_request(scenario, options)
                self.pool.start_early(item.nodeid, section_of(item), scenario, inputs, options)
            elif shared not in self.pool.background:  # once, for every test that shares it
                scenario, inputs, options = early_request(self.named_rng(shared))
                check_request(scenario, options)
                section = function.early_section or section_of(item)
                self.pool.start_early(shared, section, scenario, inputs, options)
        self.pool.prestart([section.name for section in self.sections])

    def pytest_sessionfinish(self, session):
        self.pool.close()

    # --- fixtures -----------------------------------------------------------------------------

    @pytest.fixture
    def run(self, request):
        """run(scenario, inputs, options=None, time_limit=None, section=None, shared=None,
        fresh=False) in this section's worker."""
        section_name, nodeid = section_of(request.node), request.node.nodeid

        def run(
            scenario, inputs, options=None, time_limit=None, section=None, shared=None,
            fresh=False,
        ):  # fmt: skip
            """section: another section's worker, and its time budget (a shared request's);
            shared, fresh: see WorkerPool.run."""
            check_request(scenario, options)
            return self.pool.run(
                section or section_name, scenario, inputs, options, time_limit, nodeid,
                shared, fresh,
            )  # fmt: skip

        return run

    @pytest.fixture
    def rng_named(self):
        """rng_named(name): a generator seeded by the run's seed and a name, for a request that
        several tests share (conftest.starts_early)."""
        return self.named_rng

    @pytest.fixture
    def section_verdicts(self, request):
        """The verdicts of the tests of this test's section that ran before it."""
        name = section_of(request.node)
        return [v["verdict"] for v in self.results.values() if v["section"] == name]

    @pytest.fixture
    def rng(self, request):
        """A generator seeded by the run's seed and the test's id: reproducible with --seed."""
        return self.rng_for(request.node)

    def rng_for(self, item):
        return self.named_rng(item.nodeid)

    def named_rng(self, name):
        return np.random.default_rng([self.seed, zlib.crc32(name.encode())])

    # --- verdicts -----------------------------------------------------------------------------

    def pytest_runtest_setup(self, item):
        judge.observed.clear()
        judge.details.clear()
        self.pool.printed.clear()

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        if report.when == "call" or report.failed or report.skipped:
            verdict = self._verdict(item, call, report)
            verdict["measured"] = list(judge.observed)
            verdict["details"] = dict(judge.details)
            verdict["printed"] = "".join(self.pool.printed)[:PRINTED_LIMIT]
            message = verdict["message"]
            if report.failed and verdict["printed"].strip():
                message = join([message, messages.printed(verdict["printed"])])
            verdict["private"] = is_private(item)
            # A private test that is itself broken says so, hidden or not.
            judged = verdict["verdict"] != "checker_error"
            if verdict["private"] and self.hide_private and message and judged:
                message = t("fault.private")
                verdict.pop("hint", None)
                verdict["printed"] = ""
            # In the run's language, and in English for instructors; inert, whatever student
            # text they quote.
            verdict["message"] = inert(message)
            verdict["english_message"] = inert(english(message))
            self.results[item.nodeid] = verdict
            if report.failed:
                report.longrepr = verdict["message"]  # the learner's words, not a traceback

    def _verdict(self, item, call, report):
        section = section_named(section_of(item))
        if report.passed:
            return {"section": section.name, "verdict": "passed", "message": ""}
        error = call.excinfo.value if call.excinfo else None
        if report.skipped:  # only the integration check skips, with a reason for the learner
            reason = getattr(error, "msg", None)  # a Message (t()) keeps its English
            reason = reason if isinstance(reason, str) else str(error)
            return {"section": section.name, "verdict": "skipped", "message": reason}
        if isinstance(error, Wrong):
            text = messages.wrong(self.target_label, section, error)
            verdict = {"section": section.name, "verdict": "wrong", "message": text}
            hint = section.hint_for.get(error.mistake) or section.hint_for.get(error.topic)
            if hint is not None:  # the hint that fits this mistake
                verdict["hint"] = hint
            return verdict
        if isinstance(error, StudentFault):
            kind, text = error.kind, messages.fault(self.target_label, section, error)
        elif is_private(item):  # not a verdict on the student's code: the test itself failed
            kind = "checker_error"
            defined_at = item.reportinfo()[1] + 1
            text = private_test_broken(item.path, error, self.hide_private, defined_at)
        else:
            kind = "checker_error"
            detail = "".join(traceback.format_exception_only(type(error), error)).strip()
            text = t("fault.internal", error=detail)
        return {"section": section.name, "verdict": kind, "message": text}

    def pytest_json_runtest_metadata(self, item, call):
        section = section_named(section_of(item))
        total = self.totals.get(section.name, 1)
        verdict = self.results.get(item.nodeid, {})
        return {
            "section": section.name,
            "points": round(section.points / total, 6),
            "verdict": verdict.get("verdict", "not_run"),
            "private": verdict.get("private", False),
            "message": verdict.get("message", ""),
            "english_message": verdict.get("english_message", ""),
            "measured": verdict.get("measured", []),
            "printed": verdict.get("printed", ""),
        }

    def pytest_runtest_logreport(self, report):
        if report.when != "teardown":
            return
        name = self.section_by_nodeid.get(report.nodeid, section_of_nodeid(report.nodeid))
        verdicts = [v for v in self.results.values() if v["section"] == name]
        done = len(verdicts)
        passed = sum(v["verdict"] == "passed" for v in verdicts)
        not_started = sum(v["verdict"] == "not_implemented" for v in verdicts)
        self.on_progress(name, done, self.totals.get(name, 0), passed, not_started)

    # --- report -------------------------------------------------------------------------------

    def pytest_json_modifyreport(self, json_report):
        json_report["checker"] = summarize(
            self.sections, self.results, self.totals, __version__, self.target_label, self.seed
        )
        json_report["checker"]["isolation"] = self.isolation
        json_report["checker"]["limits"] = self.pool.enforced_limits()
        integration = [v for v in self.results.values() if v["section"] == INTEGRATION.name]
        if integration:
            json_report["checker"]["integration"] = summarize_integration(integration[0])
        self.report = json_report


# What workers can run (checker/scenarios.py: SCENARIOS, LAYERS; a test keeps them equal).
# Checked in the judge: a worker that cannot read a request fails before any student code runs,
# yet its fault reads as the student's, and a worker's word is never taken for a checker fault.
SCENARIO_NAMES = frozenset(
    {
        "layer_rounds",
        "apple_examples",
        "net_gradient",
        "net_lifetime",
        "net_training",
        "integration",
        "layer_network",
    }
)
LAYER_CLASSES = frozenset({"MulLayer", "AddLayer", "Relu", "Sigmoid", "Affine"})


def check_request(scenario, options):
    """Raise ValueError, in the judge, for a scenario or a layer class that no worker has (a
    private test's typo, say)."""
    if scenario not in SCENARIO_NAMES:
        raise ValueError(f"no scenario {scenario!r}: one of {', '.join(sorted(SCENARIO_NAMES))}")
    layer = (options or {}).get("class")
    if scenario == "layer_rounds" and layer not in LAYER_CLASSES:
        raise ValueError(f"no layer class {layer!r}: one of {', '.join(sorted(LAYER_CLASSES))}")


def section_of(item):
    return section_of_nodeid(item.nodeid)


def is_shared(item):
    """A test of a shared early request (conftest.starts_early)."""
    return getattr(getattr(item, "function", None), "early_shared", None) is not None


def is_private(item):
    return module_of_nodeid(item.nodeid).startswith(PRIVATE_PREFIX)


# An instructor's private test file test_<section>.py is graded as private_test_<section>.py
# (runner.private_suites): the prefix marks it, and keeps its module name apart from ours.
PRIVATE_PREFIX = "private_"


def private_test_broken(path, error, hide_private=False, fallback_line=None):
    """The message for a private test file (its copy at `path`) that raised something other
    than a verdict: the instructor's error, named by the file as the instructor named it and
    the line in it. hide_private: the exception's type alone, never its text, which may quote
    the test."""
    name = Path(path).name.removeprefix(PRIVATE_PREFIX)
    line = line_in(path, error) or fallback_line or "?"
    detail = type(error).__name__
    if not hide_private:
        said = error.msg if isinstance(error, SyntaxError) else str(error)  # no source line
        detail = f"{detail}: {said}" if said else detail
    return t("fault.private_broken", file=name, line=line, error=detail)


def line_in(path, error):
    """The last line of file `path` that `error` was raised through (a SyntaxError's own
    line), or None."""
    path = os.path.realpath(path)
    if isinstance(error, SyntaxError) and error.filename:
        if os.path.realpath(error.filename) == path:
            return error.lineno
    lines = [
        frame.lineno
        for frame in traceback.extract_tb(error.__traceback__)
        if os.path.realpath(frame.filename) == path
    ]
    return lines[-1] if lines else None


def module_of_nodeid(nodeid):
    """The test file's name in a nodeid: test_affine.py::test_x, private_test_affine.py::test_x
    (runner.grade collects the private copies' folder)."""
    return nodeid.split("::", 1)[0].replace("\\", "/").rsplit("/", 1)[-1]


def section_of_nodeid(nodeid):
    """checker/suites/test_affine.py::test_x -> affine (private_test_affine.py too)"""
    module = module_of_nodeid(nodeid).removeprefix(PRIVATE_PREFIX)
    return module.removeprefix("test_").removesuffix(".py")
