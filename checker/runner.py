"""Run the hidden suites in-process with pytest, the checker plugin and pytest-json-report."""

import contextlib
import io
import os
from pathlib import Path

import pytest

from checker import __version__
from checker.plugin import CheckerPlugin
from checker.report import failed_summary, write_atomically
from checker.sandbox import Limits

SUITES = Path(__file__).resolve().parent / "suites"


def grade(target_dir, target_label, sections, seed, report_path, limits=None, on_progress=None):
    """Grade `sections` of target_dir. Always writes the report; returns it (a dict)."""
    plugin = CheckerPlugin(
        target_dir, target_label, sections, seed, limits or Limits(), on_progress
    )
    args = [str(SUITES / section.suite) for section in sections]
    args += ["-c", str(SUITES / "pytest.ini"), "--rootdir", str(SUITES)]
    args += [
        "-p",
        "no:cacheprovider",
        "-p",
        "pytest_jsonreport.plugin",
        "--capture=no",
        "--assert=plain",
    ]
    args += ["--json-report", "--json-report-file=none", "--json-report-omit", "streams", "log"]
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = (
        "1"  # only our plugins, whatever else is installed
    )
    pytest_output = io.StringIO()  # pytest's own terminal output: the student sees our UI instead
    try:
        with contextlib.redirect_stdout(pytest_output), contextlib.redirect_stderr(pytest_output):
            exit_code = pytest.main(args, plugins=[plugin])
    except Exception as error:  # a fault in the checker itself: still write a report
        exit_code, plugin.report = 3, None
        problem = f"the checker failed to run ({type(error).__name__}: {error})"
    else:
        problem = f"the checker failed to run (pytest exit code {exit_code})"
    report = plugin.report
    if report is None or exit_code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        report = {
            "exitcode": int(exit_code),
            "checker": failed_summary(sections, __version__, target_label, seed, problem),
            "pytest_output": pytest_output.getvalue()[-20000:],
        }
    write_atomically(report_path, report)
    return report
