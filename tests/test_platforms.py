"""Every platform output, from real checker runs, validated field by field against its contract.

Three submissions each: solutions/ (100/100), the untouched stubs (0/100), and a half-done one
(two sections left as stubs, Affine without its bias: partial credit in integers).
"""

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
import yaml

from checker.manifest import SECTIONS
from checker.platforms import classroom50, github, gradescope
from checker.platforms import result as results
from checker.platforms.submission import find_section_folder
from tests import platform_contracts as contracts
from tests.checker_run import SOLUTIONS
from tests.conftest import REPO

STUBS = REPO / "exercises"
WORKFLOW = REPO / ".github" / "workflows" / "classroom.yml"
POINTS = {s.name: s.points for s in SECTIONS}
AFFINE_OUT = "return np.dot(self.x, self.W) + self.b"


def half_done(folder):
    """solutions/ with MulLayer and AddLayer left as stubs and Affine missing its bias."""
    shutil.copytree(SOLUTIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mul_layer.py", "add_layer.py"):
        shutil.copyfile(STUBS / name, folder / name)
    affine = folder / "affine.py"
    text = affine.read_text(encoding="utf-8")
    assert AFFINE_OUT in text
    affine.write_text(text.replace(AFFINE_OUT, "return np.dot(self.x, self.W)"), "utf-8")
    return folder


def submission(kind, folder):
    if kind == "solutions":
        shutil.copytree(SOLUTIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
        return folder
    if kind == "stubs":
        shutil.copytree(STUBS, folder, ignore=shutil.ignore_patterns("__pycache__"))
        return folder
    return half_done(folder)


def expect_grade(kind, scores):
    """scores: section name -> (score, max score), all ints, as a platform showed them."""
    assert all(isinstance(v, int) for pair in scores.values() for v in pair), scores
    assert {name: pair[1] for name, pair in scores.items()} == POINTS
    total = sum(score for score, _ in scores.values())
    if kind == "solutions":
        assert total == 100
    elif kind == "stubs":
        assert total == 0
    else:
        assert scores["mul_layer"][0] == scores["add_layer"][0] == 0
        assert scores["relu"][0] == 15 and scores["two_layer_net"][0] == 30
        assert 0 < scores["affine"][0] < 20  # partial credit, an integer
    return total


KINDS = ["solutions", "stubs", "half_done"]


# --- the one shared result --------------------------------------------------------------------


def test_partial_points_are_integers_that_add_up():
    assert results.section_points(20, 4, 9) == 9
    assert results.section_points(15, 7, 8) == 13
    assert results.section_points(10, 0, 0) == 0
    report = {
        "checker": {
            "sections": {
                s.name: {"status": "failed", "passed": 1, "total": 3, "message": "m"}
                for s in SECTIONS
            }
        }
    }
    result = results.from_report(report)
    assert result.score == sum(round(s.points / 3) for s in SECTIONS)
    assert not result.checker_fault


def test_student_text_is_plain_in_markdown():
    text = results.markdown_text("**x** [a](http://e) <img src=x> | `c`\n# h @octocat www.e.org")
    assert "<" not in text and "\n" not in text
    assert "](" not in text.replace("\\](", "")
    assert "\\*\\*x\\*\\*" in text and "\\|" in text and "\\`c\\`" in text
    assert "@octocat" not in text and "://" not in text and "www." not in text  # no mention, link


# --- GitHub Actions ---------------------------------------------------------------------------


def steps():
    document = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    (job,) = document["jobs"].values()
    return job["steps"]


def test_the_committed_workflow_is_generated_from_the_manifest():
    assert WORKFLOW.read_text(encoding="utf-8") == github.workflow(), (
        "regenerate it: python -m checker.platforms.github workflow > " + str(WORKFLOW)
    )


def test_one_grading_step_feeds_one_reporter_runner_per_section_and_the_report_is_uploaded():
    by_id = {step.get("id"): step for step in steps()}
    grading = by_id["checker"]
    assert grading["if"] == "always()" and "checker.platforms.github grade" in grading["run"]
    names = [s.get("id") or s.get("uses", "") for s in steps()]
    reporter = next(s for s in steps() if "autograding-grading-reporter" in s.get("uses", ""))
    assert names.index("fallback") < names.index(reporter["uses"])  # its outputs come first
    assert reporter["if"] == "always()" and by_id["fallback"]["if"] == "always()"
    runners = reporter["with"]["runners"]
    assert contracts.REPORTER_RUNNERS.match(runners)
    assert runners.split(",") == [github.runner_name(s.name) for s in SECTIONS]
    assert reporter["env"] == {
        contracts.reporter_variable(github.runner_name(s.name)): (
            f"${{{{ steps.checker.outputs.{s.name} || steps.fallback.outputs.{s.name} }}}}"
        )
        for s in SECTIONS
    }
    upload = next(s for s in steps() if "upload-artifact" in s.get("uses", ""))
    assert not upload["with"]["path"].startswith(".")  # hidden files are skipped since v4.4.0
    assert upload["with"]["path"].rstrip("/") == github.REPORT_DIR
    install = by_id["install"]
    assert install["continue-on-error"] is True and install["shell"] == "bash"
    bubblewrap = next(s for s in steps() if "bubblewrap" in s.get("run", ""))
    assert bubblewrap["run"].index("apt-get update") < bubblewrap["run"].index("apt-get install")


def test_a_pinned_checker_is_installed_and_run_outside_the_checkout():
    text = github.workflow("git+https://example.org/kata.git@v1.2")
    by_id = {s.get("id"): s for s in yaml.safe_load(text)["jobs"]["run-autograding-tests"]["steps"]}
    assert "pip install 'git+https://example.org/kata.git@v1.2'" in by_id["install"]["run"]
    assert "pip install -e" not in text
    assert 'cd "$RUNNER_TEMP"' in by_id["checker"]["run"]
    with pytest.raises(ValueError):
        github.workflow("x' ; rm -rf / '")


def github_env(tmp_path):
    output, summary = tmp_path / "github_output", tmp_path / "step_summary"
    output.write_text("")
    return {
        "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary),
        "NO_COLOR": "1",
        "PYTHONPATH": str(REPO),  # the kata as the install step left it: this copy
    }


def step_outputs(path):
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)


def run_grading_step(folder, tmp_path, outcome="success", log=None):
    """The grading step's command, as the workflow runs it, with only PATH and HOME set (and
    the files GitHub names in GITHUB_OUTPUT and GITHUB_STEP_SUMMARY). Its outputs (name ->
    value) and the job summary."""
    step = next(s for s in steps() if s.get("id") == "checker")
    command = step["run"].replace("${{ steps.install.outcome }}", outcome)
    env = github_env(tmp_path)
    if log is not None:
        command = command.replace("--install-log checker-install.log", f"--install-log {log}")
    done = subprocess.run(
        command, shell=True, cwd=folder, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return step_outputs(tmp_path / "github_output"), (tmp_path / "step_summary").read_text()


def run_fallback_step(tmp_path):
    step = next(s for s in steps() if s.get("id") == "fallback")
    env = github_env(tmp_path)
    subprocess.run(["bash", "-c", step["run"]], env=env, check=True, timeout=60)
    return step_outputs(tmp_path / "github_output")


def reporter_sees(checker_outputs, fallback_outputs):
    """The reporter's runs, from its step's env as GitHub fills it: each variable takes the
    grading step's output, else the fallback's (the expression's ||)."""
    reporter = next(s for s in steps() if "autograding-grading-reporter" in s.get("uses", ""))
    env = {}
    for variable, expression in reporter["env"].items():
        alternatives = expression.removeprefix("${{").removesuffix("}}").split("||")
        for alternative in alternatives:
            step, _, name = alternative.strip().removeprefix("steps.").partition(".outputs.")
            value = {"checker": checker_outputs, "fallback": fallback_outputs}[step].get(name)
            if value:
                env[variable] = value
                break
    return contracts.reporter_reads(reporter["with"]["runners"], env)


@pytest.fixture(scope="module")
def fallback_outputs(tmp_path_factory):
    return run_fallback_step(tmp_path_factory.mktemp("fallback"))


@pytest.mark.parametrize("kind", KINDS)
def test_the_reporter_reads_each_section_and_its_log_agrees_with_the_notice(
    kind, tmp_path, fallback_outputs
):
    repo = tmp_path / "student"
    repo.mkdir()
    submission(kind, repo / "exercises")
    outputs, summary = run_grading_step(repo, tmp_path)
    assert set(outputs) == {s.name for s in SECTIONS}
    runs = reporter_sees(outputs, fallback_outputs)
    scores = {}
    for (runner, payload), section in zip(runs, SECTIONS, strict=True):
        assert runner == github.runner_name(section.name)
        assert set(payload) == {"version", "status", "max_score", "tests"}
        assert payload["version"] == 1 and payload["max_score"] == section.points
        tests = payload["tests"]
        assert len(tests) > 1  # the section's own tests, one entry each
        for test in tests:
            assert set(test) == {
                "name", "status", "score", "message", "test_code", "filename", "line_no",
                "duration",
            }  # fmt: skip
            assert test["status"] in ("pass", "fail") and test["filename"] == (
                f"exercises/{section.file}"
            )
            assert test["score"] == 0 or test["status"] == "pass"
            assert "\n" not in test["name"]
        score = sum(test["score"] for test in tests)
        scores[section.name] = (score, section.points)
        assert payload["status"] == ("pass" if score == section.points else "fail")
        # The log's total weighs every test the same: it differs from ours by rounding only.
        assert abs(contracts.reporter_log_total(payload) - score) <= 0.5
    total = expect_grade(kind, scores)
    assert contracts.reporter_notice(runs) == f"Points {total}/100"
    expected_end = None if kind == "solutions" else contracts.REPORTER_FAILED
    assert contracts.reporter_outcome(runs) == expected_end
    report = json.loads((repo / github.REPORT_DIR / "report.json").read_text())
    assert report["checker"]["target"] == "exercises"
    assert f"{total}/100 points" in summary and "| section | status | tests | points |" in summary
    if kind == "half_done":
        assert "forgets the bias" in summary
        affine = dict(runs)[github.runner_name("affine")]
        lines = contracts.reporter_log_lines(affine)
        assert any(line.startswith("❌") and "forgets the bias" in line for line in lines)
        assert "python -m checker --section affine" in lines


def test_point_shares_are_integers_that_add_up_to_the_sections_points():
    assert github.point_shares(9, 4) == [3, 2, 2, 2]
    assert github.point_shares(0, 0) == []
    for points, passing in ((20, 9), (15, 7), (30, 6), (10, 11)):
        shares = github.point_shares(points, passing)
        assert sum(shares) == points and len(shares) == passing and max(shares) - min(shares) <= 1


def test_a_failed_installation_is_an_error_for_every_section_with_pips_log(
    tmp_path, fallback_outputs
):
    log = tmp_path / "pip.log"
    log.write_text("Collecting numpy\nERROR: No matching distribution found for numpy\n")
    outputs, summary = run_grading_step(tmp_path, tmp_path, outcome="failure", log=log)
    runs = reporter_sees(outputs, fallback_outputs)
    assert [payload["status"] for _, payload in runs] == ["error"] * len(SECTIONS)
    for _, payload in runs:
        (test,) = payload["tests"]
        assert test["status"] == "error" and test["score"] == 0
        (line,) = contracts.reporter_log_lines(payload)
        assert line.startswith("Error: ") and "No matching distribution found for numpy" in line
    assert "could not grade" in summary
    assert contracts.reporter_notice(runs) == "Points 0/100"
    assert contracts.reporter_outcome(runs) == contracts.REPORTER_ERRORED


def test_a_missing_exercises_folder_is_the_students_0_with_its_reason(tmp_path, fallback_outputs):
    outputs, summary = run_grading_step(tmp_path, tmp_path)  # a checkout without exercises/
    runs = reporter_sees(outputs, fallback_outputs)
    assert contracts.reporter_notice(runs) == "Points 0/100"
    assert contracts.reporter_outcome(runs) == contracts.REPORTER_FAILED  # not an error
    for _, payload in runs:
        (line,) = contracts.reporter_log_lines(payload)
        assert line.startswith("❌") and "no folder exercises/" in line
    assert "no folder exercises/" in summary and "could not grade" not in summary


def test_a_grading_step_that_wrote_nothing_still_gives_a_grade_and_its_reason(fallback_outputs):
    # The grading step crashed or timed out: the reporter reads the fallback step's results.
    with pytest.raises(contracts.ReporterStops):
        reporter_sees({}, {})  # as before: "Unexpected end of JSON input", no Points line
    runs = reporter_sees({}, fallback_outputs)
    assert contracts.reporter_notice(runs) == "Points 0/100"
    assert contracts.reporter_outcome(runs) == contracts.REPORTER_ERRORED
    for (_, payload), section in zip(runs, SECTIONS, strict=True):
        assert payload["max_score"] == section.points and payload["status"] == "error"
        (line,) = contracts.reporter_log_lines(payload)
        assert line.startswith("Error: the grading step stopped before it wrote a result")


def test_the_fallback_speaks_the_workflows_language():
    text = github.workflow(language="zh")
    step = next(
        s for s in yaml.safe_load(text)["jobs"]["run-autograding-tests"]["steps"]
        if s.get("id") == "fallback"
    )  # fmt: skip
    line = next(x for x in step["run"].splitlines() if x.startswith("relu="))
    payload = json.loads(base64.b64decode(line.removeprefix("relu=")))
    assert payload["tests"][0]["message"].startswith("评分步骤")


def test_a_checker_fault_is_an_error_not_a_failing_grade():
    report = {
        "checker": {
            "checker_fault": True,
            "sections": {
                s.name: {"status": "error", "passed": 0, "total": 0, "message": "internal error"}
                for s in SECTIONS
            },
        }
    }
    payloads = github.grader_results(results.from_report(report))
    runs = [(github.runner_name(name), payload) for name, payload in payloads.items()]
    assert {payload["status"] for _, payload in runs} == {"error"}
    assert contracts.reporter_outcome(runs) == contracts.REPORTER_ERRORED
    assert all("internal error" in contracts.reporter_log_lines(p)[0] for _, p in runs)


def test_a_test_the_checker_failed_on_is_an_error_and_the_others_keep_their_points():
    report = {
        "checker": {
            "checker_fault": True,
            "sections": {
                "relu": {"status": "error", "passed": 1, "total": 2, "message": "broken judge"}
            },
        },
        "tests": [
            {
                "nodeid": "test_relu.py::test_a",
                "metadata": {"section": "relu", "verdict": "passed"},
            },
            {
                "nodeid": "test_relu.py::test_b[2x3]",
                "metadata": {"section": "relu", "verdict": "checker_error", "message": "broken"},
            },
        ],
    }
    (payload,) = github.grader_results(results.from_report(report), report).values()
    assert payload["status"] == "error"
    assert [t["status"] for t in payload["tests"]] == ["pass", "error"]
    assert [t["score"] for t in payload["tests"]] == [8, 0]  # round(15 / 2)
    assert contracts.reporter_log_lines(payload) == ["✅ a", "Error: broken"]


# --- Classroom 50 -----------------------------------------------------------------------------

RUNNER_ENV = {
    "CLASSROOM": "ml-2026",
    "ASSIGNMENT": "backprop",
    "SUBMISSION_TAG": "submit/2026-11-28T07-00-00Z",
    "OWNER": "alice",
    "USERNAME": "alice",
    "ASSIGNMENT_TYPE": "individual",
    "COMMIT_URL": "https://github.com/ml-2026/backprop-alice/commit/abc",
    "RELEASE_URL": "https://github.com/ml-2026/backprop-alice/releases/tag/submit",
    "REVIEW_URL": "https://github.com/ml-2026/backprop-alice/pull/1",
}


@pytest.fixture(scope="module")
def classroom50_bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("classroom") / "autograders" / "backprop"
    classroom50.bundle(out)
    return out


def test_the_bundle_holds_the_checker_and_never_the_reference(classroom50_bundle):
    source = classroom50_bundle / classroom50.SOURCE_FOLDER
    assert (classroom50_bundle / "autograder.py").is_file()
    assert (source / "checker" / "judge.py").is_file()
    assert (source / "dataset" / "mnist_sample.npz").is_file()
    assert not (source / "solutions").exists() and not (source / "tests").exists()
    readme = (classroom50_bundle / "README.md").read_text()
    block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line and not line.startswith(("#", " "))]
    assert [c.split()[0] for c in commands] == ["cp", "cd", "cd"]  # copy, push, try it


def run_autograder_py(bundle, checkout, tmp_path, env=RUNNER_ENV):
    """autograder.py in the checkout, as runner.py runs it; (result.json, GITHUB_OUTPUT)."""
    output = tmp_path / "github_output"
    output.write_text("")
    done = subprocess.run(
        [sys.executable, str(bundle / "autograder.py")],
        cwd=checkout,
        env={**os.environ, **env, "NO_COLOR": "1", "GITHUB_OUTPUT": str(output)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr  # else the runner records its own error
    return json.loads((checkout / "result.json").read_text()), output.read_text()


def expect_runner_accepts(result, output, status):
    """result.json passes the runner's checks; the status and summary are ours, one line."""
    env = RUNNER_ENV
    assert (
        contracts.classroom50_problems(
            result, env["CLASSROOM"], env["ASSIGNMENT"], env["OWNER"], env["ASSIGNMENT_TYPE"]
        )
        == []
    )
    kept, summary = contracts.classroom50_status(output, result)
    assert kept == status and kept in contracts.RUNNER_STATUSES
    assert summary and len(summary) <= contracts.COMMIT_STATUS_DESCRIPTION_LIMIT
    assert "\n" not in summary and summary.startswith(("backprop-kata", "The checker"))
    return summary


@pytest.mark.parametrize("kind", KINDS)
def test_the_classroom50_autograder_writes_result_json(kind, classroom50_bundle, tmp_path):
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    submission(kind, checkout / "exercises")
    # The student's own checker/ must never be used: here it is broken on purpose.
    (checkout / "checker").mkdir()
    (checkout / "checker" / "__init__.py").write_text("raise SystemExit('student copy used')\n")
    result, output = run_autograder_py(classroom50_bundle, checkout, tmp_path)
    assert set(result) == contracts.RESULT_REQUIRED
    assert result["schema"] == "classroom50/result/v1"
    assert result["classroom"] == "ml-2026" and result["assignment"] == "backprop"
    assert result["owner"] == "alice" and result["assignment_type"] == "individual"
    assert result["submission"] == RUNNER_ENV["SUBMISSION_TAG"]
    assert result["commit"] == RUNNER_ENV["COMMIT_URL"]
    assert result["release"] == RUNNER_ENV["RELEASE_URL"]
    assert result["review"] == RUNNER_ENV["REVIEW_URL"]
    assert contracts.utc_stamp_is_recent(result["datetime"])
    for test in result["tests"]:
        assert set(test) == {"test-name", "passed", "score", "max-score"}
        assert test["passed"] == (test["score"] == test["max-score"])
    scores = {
        s.name: (t["score"], t["max-score"]) for s, t in zip(SECTIONS, result["tests"], strict=True)
    }
    total = expect_grade(kind, scores)
    assert result["score"] == total and result["max-score"] == 100
    summary = expect_runner_accepts(result, output, "success" if total == 100 else "failure")
    assert f"{total}/100 points" in summary
    if kind == "half_done":
        assert summary.endswith("not passed yet: mul_layer, add_layer, affine")
    body = (checkout / "release-body.md").read_text()
    assert f"{total}/100 points" in body
    if kind == "half_done":
        assert "forgets the bias" in body


def test_the_classroom50_results_never_go_through_a_link_in_the_checkout(tmp_path):
    checkout, elsewhere = tmp_path / "checkout", tmp_path / "elsewhere.txt"
    checkout.mkdir()
    elsewhere.write_text("untouched")
    (checkout / "result.json").symlink_to(elsewhere)  # git can store links
    (checkout / "release-body.md").symlink_to(elsewhere)
    classroom50.grade(checkout / "exercises", checkout)  # no exercises/: graded 0
    assert elsewhere.read_text() == "untouched"
    assert not (checkout / "result.json").is_symlink()
    assert json.loads((checkout / "result.json").read_text())["score"] == 0


def test_the_classroom50_autograder_grades_0_when_exercises_is_missing(
    classroom50_bundle, tmp_path
):
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    result, output = run_autograder_py(classroom50_bundle, checkout, tmp_path)
    assert result["score"] == 0 and result["max-score"] == 100
    summary = expect_runner_accepts(result, output, "failure")  # the student's 0, not an error
    assert "no folder exercises/" in summary
    assert "no folder exercises/" in (checkout / "release-body.md").read_text()


def test_a_checker_that_cannot_grade_is_a_classroom50_error(classroom50_bundle, tmp_path):
    bundle = tmp_path / "bundle"
    shutil.copytree(classroom50_bundle, bundle)
    runner = bundle / classroom50.SOURCE_FOLDER / "checker" / "runner.py"
    runner.write_text("raise RuntimeError('a broken checker')\n" + runner.read_text())
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    submission("solutions", checkout / "exercises")
    result, output = run_autograder_py(bundle, checkout, tmp_path)
    summary = expect_runner_accepts(result, output, "error")  # no Release, no 0 in the gradebook
    assert summary.startswith("The checker could not grade this submission: the checker ended")


def test_a_failed_installation_is_a_classroom50_error_with_its_reason(tmp_path):
    log = tmp_path / "pip.log"
    log.write_text("ERROR: No matching distribution found for setuptools>=77.0.3\n")
    output = tmp_path / "github_output"
    output.write_text("")
    command = [
        "not-graded", "--out", str(tmp_path), "--problem", "install", "--detail", "failure",
        "--log", str(log),
    ]  # fmt: skip
    code = (
        "import sys\n"
        "for name in ('numpy', 'pytest', 'rich', 'pytest_jsonreport'):\n"
        "    sys.modules[name] = None\n"  # what autograder.py runs it with: nothing installed
        "from checker.platforms import classroom50\n"
        f"sys.exit(classroom50.main({command!r}))\n"
    )
    env = {**os.environ, **RUNNER_ENV, "GITHUB_OUTPUT": str(output)}
    subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, check=True, timeout=60)
    result = json.loads((tmp_path / "result.json").read_text())
    summary = expect_runner_accepts(result, output.read_text(), "error")
    assert "installing the checker failed" in summary
    assert "No matching distribution" in (tmp_path / "release-body.md").read_text()


def test_a_grading_step_that_stopped_is_a_classroom50_error(tmp_path, monkeypatch):
    output = tmp_path / "github_output"
    output.write_text("")
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))
    for name, value in RUNNER_ENV.items():
        monkeypatch.setenv(name, value)
    classroom50.not_graded(tmp_path, "stopped", "-9")
    result = json.loads((tmp_path / "result.json").read_text())
    summary = expect_runner_accepts(result, output.read_text(), "error")
    assert "exit code -9" in summary


def test_the_bundle_readmes_example_passes_the_runners_checks(classroom50_bundle):
    readme = (classroom50_bundle / "README.md").read_text()
    block = readme.split("# 3.", 1)[1].split("```", 1)[0]
    env = dict(re.findall(r"\b([A-Z_]+)=(\S+)", block))
    assert env["SUBMISSION_TAG"].startswith("submit/")
    report = {"checker": {"sections": {}}}  # an empty checkout: every section 0
    result = classroom50.result_json(results.from_report(report), env=env)
    result["tests"] = [{"test-name": "t", "passed": False, "score": 0, "max-score": 1}]
    result["max-score"] = 1
    problems = contracts.classroom50_problems(
        result, env["CLASSROOM"], env["ASSIGNMENT"], env["OWNER"], env["ASSIGNMENT_TYPE"]
    )
    assert problems == []


def test_bundling_extra_suites_warns_that_students_can_read_them(tmp_path, capsys):
    private = tmp_path / "private"
    private.mkdir()
    (private / "test_relu.py").write_text("def test_private_relu():\n    pass\n")
    out = classroom50.bundle(tmp_path / "bundle", extra_suites=private)
    warning = capsys.readouterr().err
    assert "public GitHub Pages" in warning and "students can read" in warning
    assert "Gradescope" in warning and "checker.instructors.batch" in warning
    assert "students can read them" in (out / "README.md").read_text()
    assert (out / "private-suites" / "test_relu.py").is_file()


# --- Gradescope -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def autograder_zip(tmp_path_factory):
    return gradescope.build(tmp_path_factory.mktemp("gradescope") / "autograder.zip")


def fake_autograder(zip_path, root):
    """/autograder as Gradescope lays it out: the zip in source/, and submission/, results/."""
    (root / "submission").mkdir(parents=True)
    (root / "results").mkdir()
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(root / "source")
        for entry in archive.infolist():  # extractall drops the executable bit
            mode = entry.external_attr >> 16
            if mode:
                os.chmod(root / "source" / entry.filename, mode & 0o777)
    return root


def test_the_zip_has_setup_and_run_autograder_at_its_root(autograder_zip):
    with zipfile.ZipFile(autograder_zip) as archive:
        names = archive.namelist()
        setup = archive.read("setup.sh").decode()
    assert {"setup.sh", "run_autograder"} <= set(names)
    assert all(name.startswith(("setup.sh", "run_autograder", "backprop-kata/")) for name in names)
    assert not any("/solutions/" in name or "/tests/" in name for name in names)
    assert "bubblewrap" in setup and "python3 -m venv" in setup


LAYOUTS = {  # how the student uploaded their work
    "solutions": lambda folder: folder,  # the files alone
    "stubs": lambda folder: folder / "exercises",  # an exercises/ folder
    "half_done": lambda folder: folder / "backprop-kata-main" / "exercises",  # a repository
}


@pytest.mark.parametrize("kind", KINDS)
def test_run_autograder_writes_results_json(kind, autograder_zip, tmp_path):
    root = fake_autograder(autograder_zip, tmp_path / "autograder")
    files = LAYOUTS[kind](root / "submission")
    if files != root / "submission":
        files.parent.mkdir(parents=True, exist_ok=True)
        (root / "submission" / "README.md").write_text("my work")
    submission(kind, files) if files != root / "submission" else None
    if files == root / "submission":
        for path in SOLUTIONS.glob("*.py"):
            if path.name in {s.file for s in SECTIONS}:
                shutil.copyfile(path, files / path.name)
    if kind == "half_done":  # a whole repository also holds other Python files
        (root / "submission" / "backprop-kata-main" / "checker").mkdir()
    env = autograder_env(root, NO_COLOR="1")
    done = subprocess.run(
        [str(root / "source" / "run_autograder")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    payload = json.loads((root / "results" / "results.json").read_text())
    assert set(payload) == {
        "score", "execution_time", "output", "output_format", "visibility",
        "stdout_visibility", "tests",
    }  # fmt: skip
    assert payload["output_format"] == "text" and payload["visibility"] == "visible"
    assert isinstance(payload["execution_time"], int) and payload["execution_time"] >= 0
    for number, (test, section) in enumerate(zip(payload["tests"], SECTIONS, strict=True), 1):
        assert set(test) == {
            "score", "max_score", "status", "name", "number", "output", "output_format",
            "tags", "visibility",
        }  # fmt: skip
        assert test["status"] in ("passed", "failed") and test["number"] == str(number)
        assert test["name"] == section.title and test["tags"] == [section.name]
        assert (test["status"] == "passed") == (test["score"] == test["max_score"])
    scores = {
        s.name: (t["score"], t["max_score"])
        for s, t in zip(SECTIONS, payload["tests"], strict=True)
    }
    total = expect_grade(kind, scores)
    assert contracts.gradescope_problems(payload) == []
    assert payload["score"] == total == sum(t["score"] for t in payload["tests"])
    assert f"{total}/100 points" in payload["output"]
    if kind == "half_done":
        affine = payload["tests"][4]["output"]
        assert affine.startswith("exercises/affine.py") and "forgets the bias" in affine


def autograder_env(root, **extra):
    """The environment run_autograder gets in a fake /autograder at `root`, with this Python."""
    return {
        **os.environ,
        "BACKPROP_KATA_AUTOGRADER_ROOT": str(root),
        "BACKPROP_KATA_PYTHON": sys.executable,
        "PYTHONPATH": str(root / "source" / gradescope.SOURCE_FOLDER),
        **extra,
    }


def test_an_empty_upload_gets_0_and_says_what_to_upload(autograder_zip, tmp_path):
    root = fake_autograder(autograder_zip, tmp_path / "autograder")
    env = autograder_env(root)
    subprocess.run([str(root / "source" / "run_autograder")], env=env, check=True, timeout=120)
    payload = json.loads((root / "results" / "results.json").read_text())
    assert payload["score"] == 0 and "no section file was found" in payload["output"]
    assert contracts.gradescope_problems(payload) == []


def test_a_checker_that_cannot_grade_writes_no_results_json(autograder_zip, tmp_path):
    # The spec has no error status: without results.json Gradescope shows its own error.
    root = fake_autograder(autograder_zip, tmp_path / "autograder")
    runner = root / "source" / gradescope.SOURCE_FOLDER / "checker" / "runner.py"
    runner.write_text("raise RuntimeError('a broken checker')\n" + runner.read_text())
    shutil.copytree(SOLUTIONS, root / "submission", dirs_exist_ok=True)
    env = autograder_env(root)
    done = subprocess.run(
        [str(root / "source" / "run_autograder")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert not (root / "results" / "results.json").exists()
    assert "The checker could not grade this submission" in done.stdout


def test_the_gradescope_contract_refuses_what_the_spec_does_not_provide():
    assert contracts.gradescope_problems({"tests": [{"name": "a"}]})  # no score anywhere
    assert contracts.gradescope_problems({"score": 1, "tests": [{"status": "error"}]})
    assert contracts.gradescope_problems({"score": 1, "visibility": "students"})
    assert contracts.gradescope_problems({"score": 1, "tests": [{"number": 1}]})
    assert contracts.gradescope_problems({"score": 1, "tests": [], "status": "ok"})


def test_the_section_folder_is_found_wherever_it_lies(tmp_path):
    (tmp_path / "repo" / "solutions").mkdir(parents=True)
    (tmp_path / "repo" / "exercises").mkdir()
    for section in SECTIONS:
        (tmp_path / "repo" / "solutions" / section.file).write_text("")
        (tmp_path / "repo" / "exercises" / section.file).write_text("")
    (tmp_path / "repo" / "notes").mkdir()
    (tmp_path / "repo" / "notes" / "relu.py").write_text("")
    assert find_section_folder(tmp_path) == tmp_path / "repo" / "exercises"
    assert find_section_folder(tmp_path / "repo" / "notes") == tmp_path / "repo" / "notes"


def test_the_platforms_import_without_the_checkers_dependencies():
    # A failed installation must still be reported: numpy, pytest and rich may be missing.
    code = (
        "import sys\n"
        "for name in ('numpy', 'pytest', 'rich', 'pytest_jsonreport'):\n"
        "    sys.modules[name] = None\n"
        "import checker.platforms.github, checker.platforms.classroom50\n"
        "import checker.platforms.gradescope\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, timeout=60)
