"""Batch grading of a mixed class: every row of the gradebook CSV is checked.

20 submissions: correct (folders, a zip, a nested repository), partial (catalog mutants),
not started, broken, empty, a zip that is not one, and two hostile ones. One hostile
submission sits between two honest ones, and is graded beside them: their grades must not
change.
"""

import csv
import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from checker.instructors import gradebook
from checker.manifest import BY_NAME, SECTIONS
from checker.platforms.submission import SECTION_FILES
from checker.report import checker_digest
from tests.checker_run import SOLUTIONS
from tests.conftest import REPO
from tests.variants.catalog import MUTANTS

STUBS = REPO / "exercises"
FULL = {s.name: s.points for s in SECTIONS}
PARTIAL_MUTANTS = {  # catalog mutants: only their section loses points
    "sigmoid_backward_uses_x": "sigmoid",
    "affine_forgets_bias": "affine",
    "relu_backward_returns_dout": "relu",
    "mul_backward_ignores_dout": "mul_layer",
    "affine_copies_W": "affine",  # breaks training; passes a single forward and backward
}
# Reads every other submission it can reach and rewrites its section files, the batch's
# reports and the gradebook: in a sandbox none of that is in its reach.
TAMPERING = """
import glob, os
for path in glob.glob("/tmp/**/*.py", recursive=True) + glob.glob("/tmp/**/*.json", recursive=True):
    try:
        with open(path, "w") as f:
            f.write("raise SystemExit(3)\\n")
    except OSError:
        pass
raise RuntimeError("tampered with what it could reach")
"""
SLOW = "import time\n\nwhile True:\n    time.sleep(1)\n"


def copy(source, destination):
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns("__pycache__"))
    return destination


def mutated(name, folder):
    variant = next(v for v in MUTANTS if v.name == name)
    copy(SOLUTIONS, folder)
    path = folder / BY_NAME[variant.section].file
    text = path.read_text(encoding="utf-8")
    for old, new in variant.edits:
        assert old in text, name
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def zipped(source, zip_path, prefix=""):
    with zipfile.ZipFile(zip_path, "w") as archive:
        for path in sorted(source.rglob("*.py")):
            archive.write(path, prefix + path.relative_to(source).as_posix())


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """(rows by submission name, the CSV path, the class folder, the output folder)."""
    root = tmp_path_factory.mktemp("batch")
    subs = root / "class"
    subs.mkdir()
    for name in ("a_ok", "c_ok", "ok_3", "ok_4", "ok_5"):
        copy(SOLUTIONS, subs / name)
    hostile = copy(SOLUTIONS, subs / "b_hostile")
    (hostile / "relu.py").write_text(TAMPERING + (hostile / "relu.py").read_text())
    slow = copy(SOLUTIONS, subs / "slow")
    for section in SECTIONS:
        path = slow / section.file
        path.write_text(
            path.read_text().replace("import numpy as np\n", "import numpy as np\n" + SLOW, 1)
        )
    for name in PARTIAL_MUTANTS:
        mutated(name, subs / f"partial_{name}")
    copy(STUBS, subs / "not_started")
    copy(STUBS, subs / "not_started_2")
    broken = copy(SOLUTIONS, subs / "broken")
    (broken / "sigmoid.py").write_text("def oops(:\n")
    zipped(SOLUTIONS, subs / "zipped.zip")
    zipped(SOLUTIONS, subs / "zipped_repo.zip", prefix="backprop-kata-main/exercises/")
    repo = subs / "nested_repo"
    copy(SOLUTIONS, repo / "exercises")
    (repo / ".git").mkdir()
    (repo / "notes").mkdir()
    (repo / "notes" / "relu.py").write_text("# a scratch file, not the submission\n")
    (subs / "empty").mkdir()
    (subs / "not_a_zip.zip").write_bytes(b"this is not a zip file")
    assert len(list(subs.iterdir())) == 20
    out = root / "out"
    command = [
        sys.executable, "-m", "checker.instructors.batch", str(subs), "--out", str(out),
        "--jobs", "2", "--submission-timeout", "6", "--time-limit", "2", "--seed", "7",
    ]  # fmt: skip
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stdout + done.stderr  # some rows are errors
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as f:
        rows = {row["submission"]: row for row in csv.DictReader(f)}
    return rows, done.stdout + done.stderr, subs, out


def expect_scores(row, lost=()):
    for name, points in FULL.items():
        expected = 0 if name in lost else points
        if name in lost:
            assert int(row[name]) < points, (row["submission"], name, row[name])
        else:
            assert int(row[name]) == expected, (row["submission"], name, row[name])


def test_every_submission_has_a_row(graded):
    rows, _, subs, out = graded
    assert set(rows) == {path.stem for path in subs.iterdir()}
    for name, row in rows.items():
        assert row["status"] in ("graded", "error"), row
        assert int(row["max_score"]) == 100
        if row["status"] == "graded":
            assert (out / "reports" / f"{name}.json").is_file()
            assert row["isolation"] and len(row["checker_sha256"]) == 64
            assert len(row["submission_sha256"]) == 64


@pytest.mark.parametrize(
    "name", ["a_ok", "c_ok", "ok_3", "ok_4", "ok_5", "zipped", "zipped_repo", "nested_repo"]
)
def test_correct_submissions_get_full_marks(graded, name):
    row = graded[0][name]
    assert row["status"] == "graded" and int(row["score"]) == 100, row
    expect_scores(row)
    assert row["problem"] == ""


def test_a_hostile_submission_between_two_honest_ones_changes_nothing_else(graded):
    rows, _, subs, _ = graded
    assert rows["a_ok"]["score"] == rows["c_ok"]["score"] == "100"
    assert rows["b_hostile"]["status"] == "graded"
    assert int(rows["b_hostile"]["relu"]) < FULL["relu"]
    assert "tampered with what it could reach" in rows["b_hostile"]["problem"]
    # Its sandbox could not reach the class folder either.
    assert "SystemExit(3)" not in (subs / "c_ok" / "relu.py").read_text()


@pytest.mark.parametrize("name, section", PARTIAL_MUTANTS.items())
def test_partial_submissions_lose_only_their_section(graded, name, section):
    row = graded[0][f"partial_{name}"]
    assert row["status"] == "graded", row
    expect_scores(row, lost=[section])
    assert BY_NAME[section].file in row["problem"]


def test_not_started_and_broken_submissions(graded):
    rows = graded[0]
    for name in ("not_started", "not_started_2"):
        assert rows[name]["status"] == "graded" and rows[name]["score"] == "0"
        assert all(rows[name][f"{s.name}_status"] == "not_started" for s in SECTIONS)
    broken = rows["broken"]
    assert broken["status"] == "graded" and broken["sigmoid_status"] == "error"
    expect_scores(broken, lost=["sigmoid"])


def test_unusable_submissions_get_an_error_row_with_the_reason(graded):
    rows = graded[0]
    assert (
        rows["empty"]["status"] == "error" and "holds no section file" in rows["empty"]["problem"]
    )
    assert rows["not_a_zip"]["status"] == "error"
    assert "cannot be unzipped" in rows["not_a_zip"]["problem"]
    assert (
        rows["slow"]["status"] == "error" and "did not finish within 6 s" in rows["slow"]["problem"]
    )
    assert all(rows[name]["score"] == "0" for name in ("empty", "not_a_zip", "slow"))


def test_a_second_run_grades_only_what_changed(graded):
    rows, _, subs, out = graded
    (subs / "ok_4" / "affine.py").write_text(
        (subs / "ok_4" / "affine.py")
        .read_text()
        .replace("return np.dot(self.x, self.W) + self.b", "return np.dot(self.x, self.W)")
    )
    command = [
        sys.executable, "-m", "checker.instructors.batch", str(subs / "ok_4"), str(subs / "ok_5"),
        "--out", str(out), "--jobs", "2", "--seed", "7",
    ]  # fmt: skip
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(1 up to date, not graded again)" in done.stderr
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as f:
        again = {row["submission"]: row for row in csv.DictReader(f)}
    assert int(again["ok_4"]["affine"]) < FULL["affine"]
    assert again["ok_5"] == rows["ok_5"]


def test_the_gradebook_flags_what_it_cannot_vouch_for(graded, tmp_path):
    _, _, subs, out = graded
    reports = tmp_path / "reports"
    shutil.copytree(out / "reports", reports)
    forged = reports / "ok_3.json"
    report = json.loads(forged.read_text())
    report["checker"]["checker_sha256"] = "0" * 64  # made by another checker, or edited
    report["checker"]["isolation"] = "process"
    forged.write_text(json.dumps(report))
    table = tmp_path / "g.csv"
    paths = sorted(map(str, reports.glob("*.json")))
    code = gradebook.main([*paths, "--csv", str(table), "--require-isolation", "uid"])
    assert code == 1
    with open(table, newline="", encoding="utf-8") as f:
        rows = {row["submission"]: row for row in csv.DictReader(f)}
    assert "checker differs" in rows["ok_3"]["flags"]
    assert "isolation process below uid" in rows["ok_3"]["flags"]
    assert "identical to" in rows["a_ok"]["flags"] and "c_ok" in rows["a_ok"]["flags"]
    assert "checker differs" not in rows["a_ok"]["flags"]
    distinct = rows["partial_affine_copies_W"]
    assert distinct["flags"] == ""


def test_regrade_grades_from_source_whatever_the_reports_say(graded, tmp_path):
    _, _, subs, _ = graded
    out = tmp_path / "regrade"
    code = gradebook.main(["--regrade", str(subs / "c_ok"), "--out", str(out)])
    assert code == 0
    report = json.loads((out / "reports" / "c_ok.json").read_text())
    assert report["checker"]["score"] == 100
    assert report["checker"]["checker_sha256"] == checker_digest()


def test_the_network_tests_grade_in_the_batch_without_integration(graded):
    """Without --integration the batch still trains each submission's own network: relu's and
    affine's network tests grade with it; only the ungraded "integration" line is left out."""
    _, _, _, out = graded
    for name, failed in (("a_ok", None), ("partial_affine_copies_W", "affine")):
        report = json.loads((out / "reports" / f"{name}.json").read_text(encoding="utf-8"))
        assert "integration" not in report["checker"]
        tests = {t["nodeid"].split("::")[-1]: t["metadata"] for t in report["tests"]}
        for section in ("relu", "affine"):
            verdict = tests[f"test_a_network_built_with_your_{section}_learns"]["verdict"]
            assert verdict == ("wrong" if section == failed else "passed"), (name, section)


# --- student text in the instructor's table and CSV ---------------------------------------------

MARKUP = "[/bold] [link=https://evil.example]click[/link] [blink]"
RAISES_MARKUP = (
    "        self.mask = x <= 0\n",
    f"        raise RuntimeError({MARKUP!r})\n",
)
FORMULA_STARTS = ("=", "+", "-", "@")


def test_rich_markup_from_a_student_is_shown_as_text(tmp_path):
    from io import StringIO

    from rich.console import Console

    from checker.instructors.batch import show

    rows = [
        {"submission": "[blink]s1", "status": "graded", "score": 85, "problem": MARKUP},
        {"submission": "s2", "status": "error", "score": 0, "problem": "[bold]x[/]"},
    ]
    screen = StringIO()
    console = Console(file=screen, force_terminal=True, color_system="truecolor", width=200)
    show(console, rows)
    shown = screen.getvalue()
    assert "\x1b]8;" not in shown  # no terminal hyperlink
    assert "\x1b[5m" not in shown  # no blink
    for text in ("[/bold] [link=https://evil.example]click[/link]", "[blink]s1", "[bold]x[/]"):
        assert text in shown  # as written (the column holds 48 characters)


def test_student_text_cannot_break_the_batch_or_become_a_formula(tmp_path):
    from tests.checker_run import run_in_terminal

    subs = tmp_path / "class"
    subs.mkdir()
    copy(SOLUTIONS, subs / "-2-3")
    hostile = copy(SOLUTIONS, subs / '=HYPERLINK("https:evil.example","x")')
    text = (hostile / "relu.py").read_text()
    (hostile / "relu.py").write_text(text.replace(*RAISES_MARKUP))
    (subs / "-empty").mkdir()
    out = tmp_path / "out"
    command = [
        sys.executable, "-m", "checker.instructors.batch", str(subs), "--out", str(out),
        "--jobs", "2", "--seed", "7",
    ]  # fmt: skip
    code, shown = run_in_terminal(command, REPO, {**os.environ}, columns=120)
    assert code == 1, shown  # -empty is an error row; the table and the summary follow
    assert "Traceback" not in shown and "MarkupError" not in shown, shown
    assert "3 submissions (0 up to date" in shown, shown
    assert "\x1b]8;" not in shown  # no terminal hyperlink
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    assert all(not cell.startswith(FORMULA_STARTS) for row in table for cell in row), table
    rows = {row["submission"]: row for row in csv.DictReader(open(out / "gradebook.csv"))}
    assert rows["'-2-3"]["score"] == "100" and rows["'-2-3"]["status"] == "graded"
    assert rows["'-empty"]["problem"] == "'-empty holds no section file " + (
        "(" + ", ".join(SECTION_FILES) + ")"
    )
    marked = next(row for name, row in rows.items() if "HYPERLINK" in name)
    assert marked["relu_status"] == "failed" and MARKUP in marked["problem"]
    assert int(marked["score"]) == 100 - FULL["relu"]
