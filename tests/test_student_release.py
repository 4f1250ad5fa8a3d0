"""The student release (python -m checker.instructors.export): nothing of the reference in it,
every section not started, and 6/6 once solutions/ is copied over its exercises/."""

import ast
import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.checker_run import SOLUTIONS
from tests.conftest import REPO

STUBS = REPO / "exercises"
# The checker's stand-in layers must ship: two_layer_net is graded with them.
SHIPPED_ON_PURPOSE = {"checker/stand_ins.py"}


def normalized(line):
    return re.sub(r"\s+", " ", line.strip())


def body_lines(path):
    """Normalised source lines of every method and function body of a file, docstrings out."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]  # the docstring: stubs and solutions share it on purpose
            for statement in body:
                for number in range(statement.lineno, statement.end_lineno + 1):
                    line = normalized(lines[number - 1])
                    if line and not line.startswith("#"):
                        found.add(line)
    return found


def all_lines(path):
    return {normalized(line) for line in path.read_text(encoding="utf-8").splitlines()}


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    dest = tmp_path_factory.mktemp("release") / "student"
    subprocess.run(
        [sys.executable, "-m", "checker.instructors.export", str(dest)],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return dest


def test_no_method_body_of_the_reference_ships(release):
    given = set()
    for stub in STUBS.glob("*.py"):
        given |= all_lines(stub)  # lines the stubs themselves give the student
    secret = set()
    for solution in SOLUTIONS.glob("*.py"):
        secret |= body_lines(solution) - given
    assert secret  # the comparison has something to find
    leaks = []
    for path in release.rglob("*"):
        relative = path.relative_to(release).as_posix()
        if not path.is_file() or relative in SHIPPED_ON_PURPOSE or path.suffix in (".npz",):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        leaks += [
            (relative, line)
            for line in {normalized(x) for x in text.splitlines()} & secret
            if len(line) > 12  # `return out`, `self.x = x`: too short to give anything away
        ]
    assert not leaks, leaks


def test_the_student_readme_is_for_students(release):
    readme = (release / "README.md").read_text(encoding="utf-8")
    assert "solutions" not in readme
    assert "## Instructors" not in readme and "## Contributors" not in readme
    assert "## Autograding" not in readme
    assert "中文快速开始" in readme and "checker/stand_ins.py" in readme
    assert (release / ".github" / "workflows" / "classroom.yml").is_file()
    assert (release / "pyproject.toml").is_file() and (release / "examples").is_dir()


def run_release(release, tmp_path):
    copy = tmp_path / "student"
    shutil.copytree(release, copy)
    return copy


def checker_in(folder, *args):
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(folder)},
    )


INSTRUCTOR_OPTIONS = ("--extra-suites", "--hide-private-messages", "--memory-limit", "--isolation")


def test_the_students_help_leaves_out_the_instructors_options(release, tmp_path):
    copy = run_release(release, tmp_path)
    shown = checker_in(copy, "--help").stdout
    assert "--section" in shown and not [o for o in INSTRUCTOR_OPTIONS if o in shown], shown
    ours = subprocess.run(
        [sys.executable, "-m", "checker", "--help"], cwd=REPO, capture_output=True, text=True
    ).stdout
    assert all(option in ours for option in INSTRUCTOR_OPTIONS), ours
    # They still work in the release: a hidden option is not a refused one.
    done = checker_in(copy, "--isolation", "process", "--memory-limit", "900", "--list")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_examples_offer_no_solutions_in_the_release(release, tmp_path):
    copy = run_release(release, tmp_path)
    for example in ("gradient_check", "graph", "buy_apple"):
        run = [sys.executable, "-m", f"examples.{example}"]
        shown = subprocess.run([*run, "--help"], cwd=copy, capture_output=True, text=True)
        assert "--target" in shown.stdout and "--solutions" not in shown.stdout, shown.stdout
        refused = subprocess.run([*run, "--solutions"], cwd=copy, capture_output=True, text=True)
        assert refused.returncode == 2 and not refused.stdout, refused.stdout  # no estimate first


def test_every_section_is_not_started_in_the_release(release, tmp_path):
    done = checker_in(run_release(release, tmp_path))
    assert done.returncode == 1
    assert done.stdout.count("not started") >= 6, done.stdout
    assert "0/100 points" in done.stdout


def test_the_reference_over_the_release_exercises_gets_6_of_6(release, tmp_path):
    copy = run_release(release, tmp_path)
    for path in SOLUTIONS.glob("*.py"):
        shutil.copyfile(path, copy / "exercises" / path.name)
    done = checker_in(copy)
    assert done.returncode == 0, done.stdout
    assert "6/6 sections passed, 100/100 points" in done.stdout


def quick_start_block():
    """The README's Linux and macOS block, as the student copies it."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    students = readme.split("## Students: quick start", 1)[1]
    return students.split("```bash\n", 1)[1].split("```", 1)[0]


def test_the_quick_start_works_as_written_in_a_fresh_python(release, tmp_path):
    copy = run_release(release, tmp_path)
    block = quick_start_block()
    assert block.startswith("python3 -m venv .venv\n")  # a virtual environment first
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(  # python3 from the machine, not from this test's venv
        p for p in env["PATH"].split(os.pathsep) if not p.startswith(sys.prefix)
    )
    env["NO_COLOR"] = "1"
    done = subprocess.run(
        ["bash", "-e", "-c", block],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
    )
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]  # not started yet
    assert "0/100 points" in done.stdout and "Next: work on exercises/mul_layer.py" in done.stdout
    assert (copy / ".venv").is_dir()
