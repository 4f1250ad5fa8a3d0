"""The rules by which each platform's own code reads our results, in our words.

Written from reading that code and its documentation, never copied from it:
- GitHub: classroom-resources/autograding-grading-reporter@v1 (action.yml runs dist/main.js
  under node 20; its source is src/main.js, src/console-results.js, src/notify-classroom.js and
  src/helpers/test-helpers.js).
- Classroom 50: the skeleton's runner.py (validate_result, derive_status_and_summary,
  output_has_status, Finalizer.error), workflows/autograde-runner.yaml (which status is posted,
  when a Release is published) and schemas/result-v1.schema.json, in mel-64/classroom50.
- Gradescope: docs/specs.md in gradescope/autograder_samples.

tests/test_platforms.py runs our real outputs through these checks.
"""

import base64
import binascii
import datetime
import json
import math
import re

# --- GitHub: autograding-grading-reporter@v1 ---------------------------------------------------

# Checked only once something has failed, to word the error; a runner name outside it makes
# every failure read "The runners input must be a comma-separated list of strings."
REPORTER_RUNNERS = re.compile(r"^([a-zA-Z0-9]+,)*[a-zA-Z0-9]+$")
REPORTER_FAILED = "Some tests failed."
REPORTER_ERRORED = "Some tests errored."


class ReporterStops(Exception):
    """The reporter throws before its notice: no "Points X/Y" line, no grade at all."""


def reporter_variable(runner):
    """The environment variable the reporter reads a runner's results from."""
    return f"{runner.strip().upper()}_RESULTS"


def reporter_reads(runners_input, environment):
    """[(runner, results)] as the reporter decodes them, or ReporterStops for what makes it
    throw: a variable that is missing (it decodes undefined) or empty (it parses ""), text that
    is not base64 of JSON, results without a list of tests."""
    runs = []
    for runner in runners_input.split(","):
        encoded = environment.get(reporter_variable(runner))
        if not encoded:
            raise ReporterStops(f"{reporter_variable(runner)} is missing or empty")
        try:
            results = json.loads(base64.b64decode(encoded, validate=True).decode("utf-8"))
        except (binascii.Error, UnicodeDecodeError, ValueError) as error:
            raise ReporterStops(f"{runner}: not base64 of JSON ({error})") from error
        if not isinstance(results, dict) or not isinstance(results.get("tests"), list):
            raise ReporterStops(f"{runner}: no list of tests")
        runs.append((runner, results))
    return runs


def reporter_notice(runs):
    """The notice GitHub Classroom takes as the grade: every test's `score` summed over the
    runners whose `max_score` is set (non-zero), over the sum of those. None when that sum is
    0: then no notice is made. The scores are added with JavaScript's +, so a string would be
    concatenated: we require integers."""
    points = maximum = 0
    for _, results in runs:
        if not results.get("max_score"):
            continue
        maximum += results["max_score"]
        for test in results["tests"]:
            score = test.get("score")
            if isinstance(score, bool) or not isinstance(score, int):
                raise ReporterStops(f"a test's score is {score!r}, not an integer")
            points += score
    return f"Points {points}/{maximum}" if maximum else None


def reporter_log_total(results):
    """The runner's total that the log prints (and its table): the share of its tests whose
    status is "pass", times its max_score. Each test weighs the same; its score is ignored.
    With no tests at all it is NaN."""
    tests = results["tests"]
    if not tests:
        return math.nan
    passed = sum(test.get("status") == "pass" for test in tests)
    return passed / len(tests) * (results.get("max_score") or 0)


def reporter_log_lines(results):
    """What the log shows of each test: the name for a pass or a fail (never the message),
    "Error: " and the message for an error; then its test_code, if any."""
    lines = []
    for test in results["tests"]:
        if test.get("status") == "error":
            default = f"Failed to run test '{test['name']}'"
            lines.append("Error: " + (test.get("message") or default))
        else:
            mark = "✅" if test.get("status") == "pass" else "❌"
            at_line = f" - line {test['line_no']}" if test.get("line_no") else ""
            lines.append(f"{mark} {test['name']}{at_line}")
        if test.get("test_code"):
            lines += ["Test code:", test["test_code"]]
    return lines


def reporter_outcome(runs):
    """How the reporter's step ends: failed when a runner's status is "fail", else when one's
    is "error" (with another message), else it passes (None)."""
    statuses = [results.get("status") for _, results in runs]
    if "fail" in statuses:
        return REPORTER_FAILED
    if "error" in statuses:
        return REPORTER_ERRORED
    return None


# --- Classroom 50: runner.py and result-v1.schema.json -------------------------------------------

RESULT_SCHEMA = "classroom50/result/v1"
RESULT_REQUIRED = {
    "schema", "classroom", "assignment", "assignment_type", "owner", "submission", "commit",
    "release", "review", "datetime", "score", "max-score", "tests",
}  # fmt: skip
RESULT_OPTIONAL = {"graded_at", "submitted_by"}  # the schema allows nothing else at the top
RESULT_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$")
TEST_REQUIRED = {"test-name", "passed", "score", "max-score"}  # a test may carry more
# The grade job posts the status as a commit status (an empty one as "error"), and publishes
# the Release (which the gradebook collects) only when it is not "error".
RUNNER_STATUSES = ("success", "failure", "error")
# GitHub refuses a commit status whose description is longer (422), which fails the job's
# "Post commit status" step and so skips the Release.
COMMIT_STATUS_DESCRIPTION_LIMIT = 140


def non_negative_integer(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def classroom50_problems(result, classroom, assignment, owner, assignment_type="individual"):
    """Why the runner (and the gradebook's collector, which mirrors it) or the schema would
    refuse this result.json, as a list; empty when all accept it. The schema is the stricter
    of them on `datetime`'s form and on fields it does not know. The runner stamps `owner`,
    `assignment_type` and `datetime` itself before checking, but our result must pass as we
    write it, so that running autograder.py by hand shows what the runner will accept."""
    if not isinstance(result, dict):
        return ["not a JSON object"]
    problems = []
    keys = set(result)
    if RESULT_REQUIRED - keys:
        problems.append(f"missing {sorted(RESULT_REQUIRED - keys)}")
    unknown = keys - RESULT_REQUIRED - RESULT_OPTIONAL
    if unknown:
        problems.append(f"not allowed by the schema: {sorted(unknown)}")
    if result.get("schema") != RESULT_SCHEMA:
        problems.append(f"schema is {result.get('schema')!r}")
    if result.get("classroom") != classroom or result.get("assignment") != assignment:
        problems.append("classroom or assignment is not the run's")
    if not isinstance(result.get("owner"), str) or result["owner"].lower() != owner.lower():
        problems.append(f"owner is {result.get('owner')!r}, the repository's is {owner!r}")
    if result.get("assignment_type") != assignment_type:
        problems.append(f"assignment_type is {result.get('assignment_type')!r}")
    if not str(result.get("submission", "")).startswith("submit/"):
        problems.append(f"submission {result.get('submission')!r} is not a submit/ tag")
    for field in ("commit", "release", "review", "datetime"):
        if not isinstance(result.get(field), str) or not result[field]:
            problems.append(f"{field} is not a non-empty string")
    if not RESULT_DATETIME.match(str(result.get("datetime", ""))):
        problems.append(f"datetime {result.get('datetime')!r} is not YYYY-MM-DDTHH:MM:SSZ")
    score, maximum = result.get("score"), result.get("max-score")
    if not (non_negative_integer(score) and non_negative_integer(maximum)) or score > maximum:
        problems.append(f"score {score!r} / max-score {maximum!r}")
    tests = result.get("tests")
    if not isinstance(tests, list):
        return [*problems, "tests is not a list"]
    for i, test in enumerate(tests):
        if not isinstance(test, dict) or TEST_REQUIRED - set(test):
            problems.append(f"tests[{i}] lacks {sorted(TEST_REQUIRED - set(test or {}))}")
            continue
        if not isinstance(test["test-name"], str) or not test["test-name"]:
            problems.append(f"tests[{i}].test-name is empty")
        if not isinstance(test["passed"], bool):
            problems.append(f"tests[{i}].passed is not a boolean")
        ts, tm = test["score"], test["max-score"]
        if not (non_negative_integer(ts) and non_negative_integer(tm)) or ts > tm:
            problems.append(f"tests[{i}] score {ts!r} / max-score {tm!r}")
    return problems


def classroom50_status(github_output, result):
    """(status, summary) that the grade job posts. An autograder that wrote a `status=` line
    to GITHUB_OUTPUT keeps its status and summary; otherwise the runner derives them: "success"
    when every test passed (or there are none), else "failure", with a summary of its own. (On
    an error of its own the runner appends status=error after ours: it relies on the last
    line of a name counting, and so do we.)"""
    values = {}
    for line in github_output.splitlines():
        name, _, value = line.partition("=")
        values[name] = value
    if "status" in values:
        return values["status"] or "error", values.get("summary", "")
    tests = result.get("tests") or []
    if all(test.get("passed") for test in tests):
        return "success", "(derived by the runner)"
    return "failure", "(derived by the runner)"


def utc_stamp_is_recent(stamp, seconds=600):
    when = datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ")
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    return abs((when - now).total_seconds()) < seconds


# --- Gradescope: docs/specs.md --------------------------------------------------------------------

GRADESCOPE_TOP = {
    "score", "execution_time", "output", "output_format", "test_output_format",
    "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard",
}  # fmt: skip
GRADESCOPE_TEST = {
    "score", "max_score", "status", "name", "name_format", "number", "output", "output_format",
    "tags", "visibility", "extra_data",
}  # fmt: skip
GRADESCOPE_VISIBILITY = {"hidden", "after_due_date", "after_published", "visible"}
GRADESCOPE_FORMATS = {"text", "html", "simple_format", "md", "ansi"}
GRADESCOPE_STATUSES = {"passed", "failed"}  # the only two a test may set


def gradescope_problems(results):
    """What in results.json the spec does not provide for, as a list; empty when it fits."""
    problems = []
    if set(results) - GRADESCOPE_TOP:
        problems.append(f"unknown fields {sorted(set(results) - GRADESCOPE_TOP)}")
    tests = results.get("tests", [])
    if "score" not in results and not all("score" in test for test in tests):
        problems.append("no score at the top and not on every test")
    for field in ("visibility", "stdout_visibility"):
        if field in results and results[field] not in GRADESCOPE_VISIBILITY:
            problems.append(f"{field} {results[field]!r}")
    for field in ("output_format", "test_output_format", "test_name_format"):
        if field in results and results[field] not in GRADESCOPE_FORMATS:
            problems.append(f"{field} {results[field]!r}")
    if "execution_time" in results and not isinstance(results["execution_time"], int | float):
        problems.append("execution_time is not a number of seconds")
    for i, test in enumerate(tests):
        if set(test) - GRADESCOPE_TEST:
            problems.append(f"tests[{i}] unknown fields {sorted(set(test) - GRADESCOPE_TEST)}")
        if "status" in test and test["status"] not in GRADESCOPE_STATUSES:
            problems.append(f"tests[{i}].status {test['status']!r}")
        if "visibility" in test and test["visibility"] not in GRADESCOPE_VISIBILITY:
            problems.append(f"tests[{i}].visibility {test['visibility']!r}")
        for field in ("output_format", "name_format"):
            if field in test and test[field] not in GRADESCOPE_FORMATS:
                problems.append(f"tests[{i}].{field} {test[field]!r}")
        if "number" in test and not isinstance(test["number"], str):
            problems.append(f"tests[{i}].number is not a string")
        if "tags" in test and not all(isinstance(tag, str) for tag in test["tags"]):
            problems.append(f"tests[{i}].tags are not strings")
    return problems
