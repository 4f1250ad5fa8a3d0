"""Run the hidden suites in-process with pytest, the checker plugin and pytest-json-report."""

import contextlib
import hashlib
import io
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from checker import __version__
from checker.i18n import t
from checker.manifest import INTEGRATION, SECTIONS
from checker.plugin import PRIVATE_PREFIX, CheckerPlugin, private_test_broken
from checker.report import checker_digest, failed_summary, open_report_folder, write_atomically
from checker.sandbox import Limits

SUITES = Path(__file__).resolve().parent / "suites"
PYTEST_ARGS = [
    "-c", str(SUITES / "pytest.ini"), "--rootdir", str(SUITES),
    "-p", "no:cacheprovider", "-p", "pytest_jsonreport.plugin",
    "--capture=no",  # student code never runs here; our live view needs the terminal
    "--assert=plain",  # the suites raise their own messages: skip rewriting, start faster
    # Student code never runs in this process: no unraisable or thread exception to catch, and
    # these plugins' garbage collections at the end cost tens of milliseconds.
    "-p", "no:unraisableexception", "-p", "no:threadexception",
    "--json-report", "--json-report-file=none", "--json-report-omit", "streams", "log",
]  # fmt: skip


def files_digest(paths):
    """sha256 over private test files' names (as the instructor named them) and contents, in
    order of name; None for no files."""
    if not paths:
        return None
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: Path(p).name.removeprefix(PRIVATE_PREFIX)):
        name = Path(path).name.removeprefix(PRIVATE_PREFIX)
        digest.update(name.encode() + b"\0" + Path(path).read_bytes() + b"\0")
    return digest.hexdigest()


def private_suites(folder, sections):
    """(a folder of copies or None, their paths): the instructor's test_<section>.py files in
    `folder` for the selected sections, copied as private_test_<section>.py. pytest then keeps
    their modules apart from ours, and the plugin knows them as private (PRIVATE_PREFIX)."""
    if folder is None:
        return None, []
    copies = tempfile.mkdtemp(prefix="checker-private-")
    paths = []
    for section in sections:
        source = Path(folder) / section.suite
        if source.is_file():
            copy = Path(copies) / (PRIVATE_PREFIX + section.suite)
            shutil.copyfile(source, copy)
            paths.append(str(copy))
    return copies, paths


def forget_private_modules(folder):
    """Drop the modules that pytest imported from `folder` (a run's private copies) and the
    entry it added to sys.path. The next run in this process (the batch's judges grade
    submission after submission) imports its own copies afresh: pytest would otherwise find
    the module of the same name from the earlier folder and refuse the new file ("import file
    mismatch")."""
    folder = os.path.realpath(folder)
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file and os.path.dirname(os.path.realpath(file)) == folder:
            del sys.modules[name]
    sys.path[:] = [entry for entry in sys.path if os.path.realpath(entry or ".") != folder]


def unreadable_suites_problem(broken, hide_private):
    """What the report says when test files could not be collected: for a private file, the
    instructor's error, with the file and the line; for ours, the checker's."""
    for path, error in broken:
        if path.name.startswith(PRIVATE_PREFIX):
            return private_test_broken(path, error, hide_private)
    path, error = broken[0]
    return t("runner.failed", error=f"{path.name}: {type(error).__name__}: {error}")


def grade(
    target_dir,
    target_label,
    sections,
    seed,
    report_path,
    limits=None,
    on_progress=None,
    isolation="process",
    extra_suites=None,
    hide_private=False,
    pool=None,
    integration=True,
):
    """Grade `sections` of target_dir and write the report, whatever happens.

    extra_suites: a folder of the instructor's private test files, test_<section>.py, graded
    into their sections beside ours; hide_private: show students only that one failed;
    pool: a plugin.WorkerPool started ahead for this target (watch mode), closed by the run;
    integration: on a full check, also train the student's own network (test_integration.py).
    Returns (report, faulted): faulted is True when the checker itself failed.
    """
    digest = checker_digest()  # before any student code runs
    # The report's folder is made and held open before any student code runs: whatever it then
    # does to the path (a link in /tmp, say), the report goes into this very folder.
    report_folder = open_report_folder(report_path)
    suites = [section.suite for section in sections]
    full = [section.name for section in sections] == [section.name for section in SECTIONS]
    if full and integration:
        suites.append(INTEGRATION.suite)  # the student's own network, on a full check only
    copies, private = private_suites(extra_suites, sections)
    private_digest = files_digest(private)
    args = [str(SUITES / suite) for suite in suites]
    if private:  # their folder, not each file: pytest then names tests after their file
        args += [copies, "-o", f"python_files=test_*.py {PRIVATE_PREFIX}test_*.py"]
    args += PYTEST_ARGS
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # only our plugins, whatever is installed
    pytest_output = io.StringIO()  # pytest's own terminal output: the student sees our UI instead
    plugin = None
    try:
        plugin = CheckerPlugin(
            target_dir,
            target_label,
            sections,
            seed,
            limits or Limits(),
            on_progress,
            isolation,
            hide_private,
            extra_suites,
            pool,
        )
        with contextlib.redirect_stdout(pytest_output), contextlib.redirect_stderr(pytest_output):
            exit_code = pytest.main(args, plugins=[plugin])
        problem = t("runner.failed", error=f"pytest exit code {int(exit_code)}")
        if plugin.broken_files:  # pytest says INTERRUPTED here too: no Ctrl-C, a fault
            exit_code = pytest.ExitCode.INTERNAL_ERROR
            problem = unreadable_suites_problem(plugin.broken_files, hide_private)
        elif exit_code == pytest.ExitCode.INTERRUPTED:  # the learner's Ctrl-C: no fault of ours
            problem = t("runner.interrupted")
    except Exception as error:
        exit_code = pytest.ExitCode.INTERNAL_ERROR
        problem = t("runner.failed", error=f"{type(error).__name__}: {error}")
    finally:
        if copies is not None:
            forget_private_modules(copies)

    report = plugin.report if plugin is not None else None
    completed = exit_code in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED)
    if report is None or not completed:
        report = {
            "exitcode": int(exit_code),
            "checker": failed_summary(sections, __version__, target_label, seed, problem),
            "pytest_output": pytest_output.getvalue()[-20000:],
        }
        if private and hide_private:  # pytest quotes the private tests' source
            report["pytest_output"] = ""
        faulted = exit_code != pytest.ExitCode.INTERRUPTED
    else:
        faulted = any(v["verdict"] == "checker_error" for v in plugin.results.values())
    report["checker"]["checker_sha256"] = digest
    report["checker"]["checker_fault"] = faulted  # the checker failed, not the student's code
    report["checker"]["extra_suites_sha256"] = private_digest
    if copies is not None:
        shutil.rmtree(copies, ignore_errors=True)
    try:
        write_atomically(report_path, report, report_folder)
    finally:
        if report_folder is not None:
            os.close(report_folder)
    return report, faulted
