"""`python -m checker` as students, instructors and CI use it."""

import json
import os
import subprocess
import sys

from checker.manifest import SECTIONS
from tests.checker_run import SOLUTIONS, copy_of, run_checker, run_cli
from tests.conftest import REPO

EXERCISES = REPO / "exercises"


def checker(*args, cwd=REPO):
    return run_cli(
        *args, cwd=cwd, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "HOME": str(REPO)}
    )


def test_untouched_exercises_are_not_started_without_a_traceback(tmp_path):
    code, report, output = run_checker(copy_of(EXERCISES, tmp_path))
    assert code == 1
    statuses = {name: s["status"] for name, s in report["checker"]["sections"].items()}
    assert statuses == {s.name: "not_started" for s in SECTIONS}
    assert report["checker"]["score"] == 0
    assert "Traceback" not in output
    assert "not started" in output and "Next: work on" in output


def test_solutions_pass_every_section(tmp_path):
    code, report, output = run_checker(copy_of(SOLUTIONS, tmp_path))
    assert code == 0, output
    assert report["checker"]["score"] == report["checker"]["max_score"] == 100
    assert "6/6 sections passed" in output


def test_section_option_runs_that_section_alone(tmp_path):
    code, report, _ = run_checker(copy_of(SOLUTIONS, tmp_path), ["relu"])
    assert code == 0
    assert list(report["checker"]["sections"]) == ["relu"]
    assert {t["metadata"]["section"] for t in report["tests"]} == {"relu"}
    assert report["checker"]["max_score"] == 15


def test_report_schema(tmp_path):
    _, report, _ = run_checker(copy_of(SOLUTIONS, tmp_path), ["mul_layer", "affine"])
    summary = report["checker"]
    assert set(summary) >= {"version", "target", "score", "max_score", "sections", "seed"}
    for name, section in summary["sections"].items():
        keys = {"title", "status", "passed", "failed", "total", "score", "max_score"}
        assert set(section) >= keys, name
        assert section["passed"] + section["failed"] == section["total"] > 0
    for test in report["tests"]:
        assert set(test["metadata"]) >= {"section", "points", "verdict", "message", "measured"}
    points = sum(t["metadata"]["points"] for t in report["tests"])
    assert abs(points - 30) < 1e-3  # 10 + 20


def test_list_and_hint():
    listing = checker("--list")
    assert listing.returncode == 0
    for section in SECTIONS:
        assert section.name in listing.stdout and f"{section.points} points" in listing.stdout
    hint = checker("--hint", "affine", "3")
    assert hint.returncode == 0 and "axis 0" in hint.stdout


def test_usage_errors_exit_2():
    assert checker("--section", "softmax").returncode == 2
    assert checker("--target", "no-such-folder").returncode == 2
    assert checker("--hint", "softmax").returncode == 2
    assert checker("--no-such-option").returncode == 2


def test_plain_output_has_no_escape_codes(tmp_path):
    _, _, output = run_checker(copy_of(EXERCISES, tmp_path), ["relu"])
    assert "\x1b[" not in output


def test_a_fault_in_the_checker_exits_2_and_still_writes_a_report(tmp_path):
    report_path = tmp_path / "report.json"
    code = (
        "import sys, pathlib; from checker import runner; "
        "runner.SUITES = pathlib.Path('/nonexistent'); "
        "from checker.cli import main; "
        f"sys.exit(main(['--target', 'solutions', '--json', r'{report_path}']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    report = json.loads(report_path.read_text())
    statuses = {s["status"] for s in report["checker"]["sections"].values()}
    assert statuses == {"error"}
    assert "Traceback" not in result.stdout + result.stderr


def test_failure_message_points_to_what_the_student_printed(tmp_path):
    from tests.checker_run import edited_copy

    edit = (
        "        self.db = np.sum(dout, axis=0)\n",
        "        print('dout shape', dout.shape)\n        print('debug')\n        self.db = dout\n",
    )
    target = edited_copy(tmp_path, "affine.py", [edit])
    code, report, _ = run_checker(target, ["affine"])
    message = report["checker"]["sections"]["affine"]["message"]
    assert code == 1
    assert "Your code printed: 'dout shape (4, 3)' (and 1 more lines)." in message
    failed = [t for t in report["tests"] if t["outcome"] == "failed"]
    assert failed and all("dout shape" in t["metadata"]["printed"] for t in failed)


def test_a_missing_file_costs_only_its_section(tmp_path):
    target = copy_of(SOLUTIONS, tmp_path)
    (target / "relu.py").unlink()
    code, report, output = run_checker(target)
    sections = report["checker"]["sections"]
    assert code == 1
    assert sections["relu"]["status"] == "error"
    assert "there is no such file" in sections["relu"]["message"]
    assert all(s["status"] == "passed" for name, s in sections.items() if name != "relu")
    assert "kata_target" not in output


def test_rich_markup_in_student_text_is_shown_as_written_in_a_terminal(tmp_path):
    import os

    from tests.checker_run import edited_copy, run_in_terminal

    markup = "[/bold] [link=https://evil.example]click[/link] [blink]"
    edit = ("        self.mask = x <= 0\n", f"        raise RuntimeError({markup!r})\n")
    target = edited_copy(tmp_path, "relu.py", [edit])
    hostile = target.rename(tmp_path / "[blink]x[link=evil.example]")  # the folder's name too
    command = [sys.executable, "-m", "checker", "--target", str(hostile), "--section", "relu"]
    command += ["--json", str(tmp_path / "report.json")]
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    code, shown = run_in_terminal(command, REPO, env, columns=200)
    assert code == 1 and "Traceback" not in shown, shown
    assert markup in shown and f"{hostile}/relu.py" in shown, shown
    assert "\x1b]8;" not in shown  # no terminal hyperlink


def test_a_python_without_the_dependencies_gets_one_friendly_line():
    """python -S: no site-packages, as a terminal where the kata's venv is not active."""
    for args, words in (([], "activate"), (["--lang", "zh"], "激活")):
        result = subprocess.run(
            [sys.executable, "-S", "-m", "checker", *args],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
            env={k: v for k, v in os.environ.items() if k != "BACKPROP_KATA_LANG"},
        )
        output = result.stdout + result.stderr
        assert result.returncode == 2, output
        assert "Traceback" not in output and "numpy" in output and words in output, output
        assert len(output.strip().splitlines()) == 1, output
