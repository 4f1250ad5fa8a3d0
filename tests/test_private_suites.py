"""An instructor's private tests (--extra-suites DIR): graded into their sections beside ours,
marked private in the report, and their messages hidden on request."""

import csv
import json
import subprocess
import sys

import pytest

from checker import isolation
from checker.i18n.en import EN
from checker.manifest import SECTIONS
from checker.platforms.result import from_report
from tests.checker_run import CHINESE, CJK, SOLUTIONS, copy_of, edited_copy, run_checker
from tests.conftest import REPO

PASSING = """
import numpy as np

from checker.judge import FORWARD_TOLERANCE, expect_array, expect_close
from checker.suites.conftest import run_unary_layer


def test_relu_on_one_row(run):
    x = np.array([[-1.0, 2.0, -3.0, 4.0]])
    out = expect_array(run_unary_layer(run, "Relu", x), "out", "Relu.forward", "out")
    expect_close(out, np.maximum(x, 0), "Relu.forward", "out", FORWARD_TOLERANCE)
"""
FAILING = """
from checker.judge import Wrong


def test_something_no_layer_does(run):
    raise Wrong("Sigmoid.forward", "the secret check found what it looks for")
"""


NAME = "test_relu_on_one_row"  # PASSING's test


def private_folder(tmp_path):
    folder = tmp_path / "private"
    folder.mkdir()
    (folder / "test_relu.py").write_text(PASSING)
    (folder / "test_sigmoid.py").write_text(FAILING)
    return folder


def test_private_tests_count_in_their_sections(tmp_path):
    target = copy_of(SOLUTIONS, tmp_path)
    extra = ("--extra-suites", str(private_folder(tmp_path)))
    code, report, _ = run_checker(target, ["relu", "sigmoid"], *extra)
    sections = report["checker"]["sections"]
    assert code == 1
    # relu: 9 tests of ours (its network test included) and the private one
    assert sections["relu"]["status"] == "passed" and sections["relu"]["total"] == 10
    sigmoid = sections["sigmoid"]
    assert sigmoid["status"] == "failed" and sigmoid["passed"] == sigmoid["total"] - 1
    assert 0 < sigmoid["score"] < 15
    assert "the secret check found what it looks for" in sigmoid["message"]
    private = [t for t in report["tests"] if t["metadata"]["private"]]
    assert {t["metadata"]["section"] for t in private} == {"relu", "sigmoid"}
    assert not any(t["metadata"]["private"] for t in report["tests"] if t not in private)
    assert len(report["checker"]["extra_suites_sha256"]) == 64


def test_private_tests_of_the_same_name_in_two_files_are_two_tests(tmp_path):
    folder = tmp_path / "private"
    folder.mkdir()
    (folder / "test_relu.py").write_text(PASSING)
    (folder / "test_sigmoid.py").write_text(FAILING.replace("test_something_no_layer_does", NAME))
    code, report, _ = run_checker(copy_of(SOLUTIONS, tmp_path), ["relu", "sigmoid"],
                                  "--extra-suites", str(folder))  # fmt: skip
    assert code == 1 and not report["checker"]["checker_fault"]
    private = {t["nodeid"]: t["metadata"] for t in report["tests"] if t["metadata"]["private"]}
    assert {nodeid: meta["section"] for nodeid, meta in private.items()} == {
        f"private_test_relu.py::{NAME}": "relu",
        f"private_test_sigmoid.py::{NAME}": "sigmoid",
    }
    sections = report["checker"]["sections"]
    relu = [t["metadata"] for t in report["tests"] if t["metadata"]["section"] == "relu"]
    assert sections["relu"]["status"] == "passed" and sections["relu"]["total"] == len(relu)
    assert [m["private"] for m in relu].count(True) == 1
    assert sections["sigmoid"]["passed"] == sections["sigmoid"]["total"] - 1


def test_private_messages_can_be_hidden(tmp_path):
    target = copy_of(SOLUTIONS, tmp_path)
    extra = ("--extra-suites", str(private_folder(tmp_path)), "--hide-private-messages")
    code, report, output = run_checker(target, ["sigmoid"], *extra)
    assert code == 1
    assert EN["fault.private"] in report["checker"]["sections"]["sigmoid"]["message"]
    assert "secret check" not in json.dumps(report) and "secret check" not in output


def test_a_batch_grades_with_private_tests_and_regrades_when_they_change(tmp_path):
    folder = private_folder(tmp_path)
    subs = tmp_path / "class"
    copy_of(SOLUTIONS, subs, "alice")
    out = tmp_path / "out"
    command = [
        sys.executable, "-m", "checker.instructors.batch", str(subs), "--out", str(out),
        "--extra-suites", str(folder), "--seed", "3", "--jobs", "1",
    ]  # fmt: skip
    first = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)
    report = json.loads((out / "reports" / "alice.json").read_text())
    assert report["checker"]["sections"]["sigmoid"]["status"] == "failed", first.stderr
    (folder / "test_sigmoid.py").unlink()  # the private tests changed: graded again
    second = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    assert "(0 up to date" in second.stderr
    report = json.loads((out / "reports" / "alice.json").read_text())
    assert report["checker"]["score"] == 100


@pytest.mark.skipif(not isolation.bwrap_works(), reason="bubblewrap cannot run here")
def test_private_tests_are_hidden_from_sandboxed_student_code(tmp_path):
    folder = private_folder(tmp_path)
    edit = (
        "        self.mask = x <= 0\n",
        f"        import os\n        raise RuntimeError(str(os.listdir({str(folder)!r})))\n",
    )
    target = edited_copy(tmp_path, "relu.py", [edit])
    _, report, _ = run_checker(
        target, ["relu"], "--extra-suites", str(folder), "--isolation", "bwrap"
    )
    assert "RuntimeError" in report["checker"]["sections"]["relu"]["message"]
    assert "test_sigmoid.py" not in report["checker"]["sections"]["relu"]["message"]


# --- a class graded with private tests, row by row ------------------------------------------------

# At x = 0 the book's Relu stops dout (mask = x <= 0). Our suites keep inputs away from 0, so a
# Relu with mask = x < 0 passes them all and fails only this private test.
RELU_AT_ZERO = (
    PASSING
    + """

def test_relu_stops_dout_at_zero(run):
    x = np.array([[0.0, 1.0, -1.0]])
    outputs = run_unary_layer(run, "Relu", x, dout=np.array([[5.0, 6.0, 7.0]]))
    dx = expect_array(outputs, "dx", "Relu.backward", "dx")
    expect_close(dx, np.array([[0.0, 6.0, 0.0]]), "Relu.backward", "dx", FORWARD_TOLERANCE)
"""
)
AFFINE_ON_ONE_ROW = """
import numpy as np

from checker.judge import FORWARD_TOLERANCE, expect_array, expect_close
from checker.suites.conftest import run_layer


def test_affine_on_one_row(run):
    x, W, b = np.array([[1.0, 2.0]]), np.array([[1.0, 0.0, 2.0], [0.5, 1.0, -1.0]]), np.ones(3)
    first = run_layer(run, "Affine", [{"x": x}], params={"W": W, "b": b})[0]
    out = expect_array(first, "out", "Affine.forward", "out")
    expect_close(out, x @ W + b, "Affine.forward", "out", FORWARD_TOLERANCE)
"""


def mutant(name, folder, submission):
    """folder/submission: a copy of solutions/ with the catalog mutant `name` applied."""
    from checker.manifest import BY_NAME
    from tests.variants.catalog import MUTANTS

    variant = next(v for v in MUTANTS if v.name == name)
    return edited_copy(folder, BY_NAME[variant.section].file, variant.edits, name=submission)


def run_batch(subs, out, private, *extra):
    command = [
        sys.executable, "-m", "checker.instructors.batch", str(subs), "--out", str(out),
        "--extra-suites", str(private), "--seed", "3", "--jobs", "1", *extra,
    ]  # fmt: skip
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as f:
        rows = {row["submission"]: row for row in csv.DictReader(f)}
    return done, rows


@pytest.fixture(scope="module")
def mixed_class(tmp_path_factory):
    """Six submissions graded by one long-lived judge (--jobs 1), with private tests of two
    sections: (batch result, rows by name, the class folder, the private folder, the batch's
    output folder)."""
    root = tmp_path_factory.mktemp("private_class")
    private = root / "private"
    private.mkdir()
    (private / "test_relu.py").write_text(RELU_AT_ZERO)
    (private / "test_affine.py").write_text(AFFINE_ON_ONE_ROW)
    subs = root / "class"
    subs.mkdir()
    copy_of(SOLUTIONS, subs, "a_correct")
    mutant("affine_forgets_bias", subs, "b_partial_affine")
    copy_of(REPO / "exercises", subs, "c_not_started")
    edited_copy(subs, "relu.py", [("x <= 0", "x < 0")], name="d_fails_private_only")
    copy_of(SOLUTIONS, subs, "e_correct")
    mutant("sigmoid_backward_uses_x", subs, "f_partial_sigmoid")
    done, rows = run_batch(subs, root / "out", private)
    return done, rows, subs, private, root / "out"


def test_a_long_lived_judge_grades_every_submission_with_private_tests_as_a_run_of_one(
    mixed_class,
):
    done, rows, subs, private, _ = mixed_class
    assert done.returncode == 0, done.stdout + done.stderr
    assert set(rows) == {path.name for path in subs.iterdir()}
    for name, row in rows.items():
        assert row["status"] == "graded", row
        code, alone, _ = run_checker(subs / name, (), "--extra-suites", str(private), "--seed", "3")
        assert code in (0, 1) and not alone["checker"]["checker_fault"], (name, alone["checker"])
        result = from_report(alone)
        assert int(row["score"]) == result.score, (name, row, alone["checker"])
        for section in result.sections:
            assert int(row[section.name]) == section.score, (name, section.name, row)
            status = alone["checker"]["sections"][section.name]["status"]
            assert row[f"{section.name}_status"] == status, (name, section.name, row)


def test_each_submission_of_the_class_loses_only_what_it_got_wrong(mixed_class):
    _, rows, _, _, out = mixed_class
    full = {section.name: section.points for section in SECTIONS}
    for name in ("a_correct", "e_correct"):
        assert all(int(rows[name][s]) == p for s, p in full.items()), rows[name]
    assert all(rows["c_not_started"][f"{s}_status"] == "not_started" for s in full)
    for name, lost in (
        ("b_partial_affine", "affine"),
        ("d_fails_private_only", "relu"),
        ("f_partial_sigmoid", "sigmoid"),
    ):
        row = rows[name]
        assert row[f"{lost}_status"] == "failed" and int(row[lost]) < full[lost], row
        assert all(int(row[s]) == p for s, p in full.items() if s != lost), row
    # Only the private test finds d's mistake: every other relu test passes.
    report = json.loads((out / "reports" / "d_fails_private_only.json").read_text())
    failing = [t for t in report["tests"] if t["metadata"]["verdict"] != "passed"]
    assert [t["metadata"]["private"] for t in failing] == [True], failing
    assert "Relu.backward" in rows["d_fails_private_only"]["problem"]


# --- a private test file with a bug of its own -----------------------------------------------

SYNTAX_ERROR = "import numpy as np\n\n\ndef test_relu_on_zero(run):\n    x = np.array([[0.0, 1.0]\n"
IMPORT_ERROR = "import numpy as np\nfrom checker.judge import expect_everything\n"
MISUSED_HELPER = """
import numpy as np

from checker.judge import expect_close
from checker.suites.conftest import run_unary_layer


def test_sigmoid_on_one_row(run):
    x = np.array([[1.0, 2.0]])
    out = run_unary_layer(run, "Sigmoid", x).arrays["out"]
    expect_close(out, 1 / (1 + np.exp(-x)), "Sigmoid.forward")  # what and tolerance missing
"""
UNKNOWN_LAYER = """
import numpy as np

from checker.suites.conftest import run_unary_layer


def test_relu_by_another_name(run):
    run_unary_layer(run, "ReLU", np.array([[1.0, -1.0]]))
"""
BROKEN = {  # file, text, the line at fault, the exception, what only its message says
    "syntax_error": ("test_relu.py", SYNTAX_ERROR, 5, "SyntaxError", "never closed"),
    "import_error": ("test_relu.py", IMPORT_ERROR, 2, "ImportError", "expect_everything"),
    "misused_helper": ("test_sigmoid.py", MISUSED_HELPER, 11, "TypeError", "required positional"),
    "unknown_layer": ("test_relu.py", UNKNOWN_LAYER, 8, "ValueError", "'ReLU'"),
}


def broken_folder(tmp_path, kind):
    file, text, *_ = BROKEN[kind]
    folder = tmp_path / f"private_{kind}"
    folder.mkdir()
    (folder / file).write_text(text)
    return folder


def expect_instructors_error(message, kind, hidden=False):
    file, _, line, exception, detail = BROKEN[kind]
    assert message.startswith(f"{file}, line {line}: "), message
    assert exception in message and "tell your instructor" in message, message
    assert (detail in message) is not hidden, message
    for false in ("runner.interrupted", "fault.internal", "fault.private"):
        assert EN[false].split("{")[0] not in message, message


@pytest.mark.parametrize("kind", BROKEN)
@pytest.mark.parametrize("hidden", [False, True], ids=["shown", "hidden"])
def test_a_broken_private_test_file_is_the_instructors_error(tmp_path, kind, hidden):
    target = copy_of(SOLUTIONS, tmp_path)
    extra = ["--extra-suites", str(broken_folder(tmp_path, kind))]
    extra += ["--hide-private-messages"] if hidden else []
    code, report, output = run_checker(target, ["relu", "sigmoid"], *extra)
    summary = report["checker"]
    assert code == 2 and summary["checker_fault"] is True, output
    assert "Traceback" not in output
    broken = {"misused_helper": "sigmoid", "unknown_layer": "relu"}.get(kind)
    for name, section in summary["sections"].items():
        if broken in (None, name):
            assert section["status"] == "error", (name, section)
            expect_instructors_error(section["message"], kind, hidden)
            expect_instructors_error(section["english_message"], kind, hidden)
        else:  # the other section is graded as always
            assert section["status"] == "passed", (name, section)
    if hidden:  # nothing of the test's text reaches the report or the screen
        quoted = BROKEN[kind][1].strip().splitlines()[-1].strip()
        assert quoted not in json.dumps(report) and quoted not in output


@pytest.mark.parametrize("kind", ["syntax_error", "misused_helper"])
def test_a_broken_private_test_file_makes_error_rows_in_a_batch(tmp_path, kind):
    subs = tmp_path / "class"
    subs.mkdir()
    copy_of(SOLUTIONS, subs, "a_correct")
    mutant("affine_forgets_bias", subs, "b_partial_affine")
    copy_of(REPO / "exercises", subs, "c_not_started")
    copy_of(SOLUTIONS, subs, "d_correct")
    done, rows = run_batch(subs, tmp_path / "out", broken_folder(tmp_path, kind))
    assert done.returncode == 1, done.stdout + done.stderr  # rows with errors
    # A not-started Sigmoid fails the misused test before it reaches its bug: a true 0.
    reached = rows if kind == "syntax_error" else {n: r for n, r in rows.items() if n[0] != "c"}
    for name, row in rows.items():
        if name in reached:
            assert row["status"] == "error", row
            expect_instructors_error(row["problem"], kind)
        else:
            assert row["status"] == "graded" and row["sigmoid_status"] == "not_started", row
    assert f"{len(reached)} with errors" in done.stderr


@pytest.mark.parametrize("kind", ["syntax_error", "misused_helper"])
def test_a_broken_private_test_file_is_reported_in_the_learners_language(tmp_path, kind):
    target = copy_of(SOLUTIONS, tmp_path)
    extra = ("--extra-suites", str(broken_folder(tmp_path, kind)))
    code, report, _ = run_checker(target, ["relu", "sigmoid"], *extra, env=CHINESE)
    section = report["checker"]["sections"]["sigmoid"]
    assert code == 2 and section["status"] == "error"
    file, _, line, *_ = BROKEN[kind]
    message = section["message"]
    assert message.startswith(f"{file}，第 {line} 行：") and CJK.search(message), message
    expect_instructors_error(section["english_message"], kind)


def test_the_judge_knows_every_request_a_worker_can_run():
    from checker import plugin, scenarios

    assert plugin.SCENARIO_NAMES == set(scenarios.SCENARIOS)
    assert plugin.LAYER_CLASSES == set(scenarios.LAYERS)
