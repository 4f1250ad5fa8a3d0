"""An instructor's private tests (--extra-suites DIR): graded into their sections beside ours,
marked private in the report, and their messages hidden on request."""

import json
import subprocess
import sys

import pytest

from checker import isolation
from checker.i18n.en import EN
from tests.checker_run import SOLUTIONS, copy_of, edited_copy, run_checker
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
