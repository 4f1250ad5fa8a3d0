"""The rough edges a new student hits: sections by number or any case, running from inside the
repository, a "Next:" line after every run, and "not started" in the live view."""

import os
import re
import shutil
import sys

import pytest
from rich.console import Console

from checker import cli, ui
from checker.i18n.en import EN
from checker.manifest import BY_NAME, SECTIONS
from tests.checker_run import SOLUTIONS, edited_copy, run_cli, run_in_terminal
from tests.conftest import REPO
from tests.variants.catalog import MUTANTS


def test_sections_by_number_name_file_and_any_case():
    assert cli.section_called("3") is BY_NAME["relu"]
    assert cli.section_called("RELU") is BY_NAME["relu"]
    assert cli.section_called(" Affine.py ") is BY_NAME["affine"]
    assert cli.section_called(str(len(SECTIONS))) is SECTIONS[-1]
    for wrong in ("0", str(len(SECTIONS) + 1), "softmax", ""):
        assert cli.section_called(wrong) is None


def test_exercises_are_found_from_anywhere_in_the_repository(tmp_path):
    assert cli.find_exercises(REPO / "exercises") == REPO / "exercises"
    assert cli.find_exercises(REPO / "dataset") == REPO / "exercises"
    assert cli.find_exercises(tmp_path) is None


def student_repo(tmp_path):
    repo = tmp_path / "kata"
    shutil.copytree(SOLUTIONS, repo / "exercises", ignore=shutil.ignore_patterns("__pycache__"))
    (repo / "checker").mkdir()  # what marks the repository's root
    return repo


def checker(cwd, *args):
    return run_cli(*args, cwd=cwd, env={**os.environ, "NO_COLOR": "1", "COLUMNS": "80"})


def test_run_from_inside_exercises_checks_them_and_says_what_is_next(tmp_path):
    repo = student_repo(tmp_path)
    done = checker(repo / "exercises", "--section", "3", "--seed", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (repo / ".checker" / "report.json").is_file()  # at the root, not in exercises/
    lines = done.stdout.splitlines()
    next_line = next(i for i, line in enumerate(lines) if line.startswith("Next:"))
    assert "exercises/sigmoid.py" in lines[next_line]
    assert lines[next_line + 1] == "  python -m checker --section sigmoid"
    assert all(len(line) <= 80 for line in lines[next_line : next_line + 2])


def test_a_full_pass_suggests_training(tmp_path):
    done = checker(student_repo(tmp_path) / "exercises", "--seed", "1")
    assert done.returncode == 0, done.stdout
    assert "  python -m checker train" in done.stdout.splitlines()
    assert "Next:" not in done.stdout


def test_the_live_view_shows_untouched_stubs_as_not_started():
    console = Console(record=True, width=100)
    progress = ui.Progress(console, False, [BY_NAME["relu"], BY_NAME["sigmoid"]])
    progress.state["relu"] = (3, 8, 0, 3)  # 3 done, none passed, all 3 met the stub
    progress.state["sigmoid"] = (3, 10, 1, 1)  # one passed, one stub, one wrong
    console.print(progress._table())
    text = console.export_text()
    relu, sigmoid = (line for line in text.splitlines() if "Relu" in line or "Sigmoid" in line)
    assert "not started" in relu and "failed" not in relu
    assert "2 failed" in sigmoid


# What makes a hint code rather than an idea or a formula.
CODE = re.compile(r"self\.|np\.|numpy|return\b|\bdef\b|\w\(\)|\w\[|\.T\b|\.dot\b|\breshape\b|@")


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.name)
def test_hints_lead_without_giving_code(section):
    assert 2 <= len(section.hints) <= 4
    for hint in section.hints:
        assert not CODE.search(hint), (section.name, hint)


def test_hints_come_one_at_a_time(tmp_path):
    first = checker(REPO, "--hint", "relu")
    assert first.returncode == 0
    assert BY_NAME["relu"].hints[0] in " ".join(first.stdout.split())
    assert BY_NAME["relu"].hints[1] not in " ".join(first.stdout.split())
    assert "python -m checker --hint relu 2" in first.stdout
    last = checker(REPO, "--hint", "relu", str(len(BY_NAME["relu"].hints)))
    assert BY_NAME["relu"].hints[-1] in " ".join(last.stdout.split())
    assert "--hint relu" not in last.stdout  # no next one
    assert checker(REPO, "--hint", "relu", "two").returncode == 2


def test_numbers_match_list_and_out_of_range_numbers_are_refused(tmp_path):
    repo = student_repo(tmp_path)
    done = checker(repo / "exercises", "--section", "3", "--seed", "1")
    assert any(line.split()[:2] == ["3", "relu"] for line in done.stdout.splitlines())
    hint = checker(REPO, "--hint", "relu", "9")
    assert hint.returncode == 2 and "relu has hints 1 to 3, not 9" in hint.stdout
    section = checker(REPO, "--section", "7")
    assert section.returncode == 2 and "6 two_layer_net" in section.stdout


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.name)
def test_every_diagnosis_topic_points_at_a_hint_that_exists(section):
    topics = {"forward", "backward", "gradient", "shape", "inputs"}
    assert all(key in topics or key in EN for key in section.hint_for)  # or a known mistake
    assert all(1 <= number <= len(section.hints) for number in section.hint_for.values())


@pytest.mark.parametrize(
    "mutant, hint",
    [
        ("relu_backward_returns_dout", "relu 2"),  # a wrong local derivative
        ("affine_db_not_summed", "affine 4"),  # a wrong shape
        ("relu_forward_in_place_on_its_input", "relu 1"),  # an input changed in place
        ("mul_backward_ignores_dout", "mul_layer 3"),  # known mistakes with hints of their own
        ("sigmoid_backward_ignores_dout", "sigmoid 3"),
        ("affine_copies_W", "affine 2"),
    ],
)
def test_the_failure_names_the_hint_on_the_diagnosed_mistake(tmp_path, mutant, hint):
    variant = next(v for v in MUTANTS if v.name == mutant)
    target = edited_copy(tmp_path, BY_NAME[variant.section].file, variant.edits)
    result = checker(tmp_path, "--target", str(target), "--section", variant.section)
    assert f"  the hint on this: python -m checker --hint {hint}" in result.stdout.splitlines()


def test_a_fault_that_is_no_diagnosis_gets_the_first_hint_command(tmp_path):
    target = edited_copy(tmp_path, "relu.py", [("return dx", "return undefined_name")])
    result = checker(tmp_path, "--target", str(target), "--section", "relu")
    assert "  hint: python -m checker --hint relu" in result.stdout.splitlines()


def in_a_terminal(args, cwd, columns=80):
    """stdout of `python -m checker ARGS` run in a pseudo-terminal `columns` wide, NO_COLOR."""
    command = [sys.executable, "-m", "checker", *args]
    _, text = run_in_terminal(command, cwd, {**os.environ, "NO_COLOR": "1"}, columns)
    return text


def test_nothing_runs_past_80_columns_in_an_80_column_terminal(tmp_path):
    from rich.cells import cell_len

    shutil.copytree(REPO / "exercises", tmp_path / "exercises")
    text = in_a_terminal([], cwd=tmp_path)
    lines = text.replace("\r", "").splitlines()
    assert any(line.startswith("Next: ") for line in lines)
    assert "  python -m checker --section mul_layer" in lines
    too_wide = [line for line in lines if cell_len(line) > 80]
    assert not too_wide


def test_next_skips_sections_the_last_report_had_passed(tmp_path):
    report = str(tmp_path / "report.json")
    target = str(SOLUTIONS)
    checker(tmp_path, "--target", target, "--json", report)  # everything passes
    relu = checker(tmp_path, "--target", target, "--json", report, "--section", "relu")
    lines = relu.stdout.splitlines()
    assert "Next: " not in relu.stdout
    assert any(line.startswith("These sections pass, and the others passed") for line in lines)
    # Without that report, the next section in order.
    fresh = checker(tmp_path, "--target", target, "--json", str(tmp_path / "new.json"),
                    "--section", "relu")  # fmt: skip
    assert "  python -m checker --section sigmoid --target " + target in fresh.stdout.splitlines()
