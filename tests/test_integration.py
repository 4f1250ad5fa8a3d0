"""The "your network" check: the student's own layers trained end to end, and the culprit."""

import pytest

from tests.checker_run import SOLUTIONS, copy_of, edited_copy, run_checker
from tests.conftest import REPO
from tests.variants.catalog import MUTANTS

NETWORK_FILES = {"affine": "affine.py", "relu": "relu.py"}


def test_reference_network_learns_and_is_worth_no_points(tmp_path):
    code, report, output = run_checker(copy_of(SOLUTIONS, tmp_path))
    integration = report["checker"]["integration"]
    assert code == 0, output
    assert integration["status"] == "passed", integration
    assert integration["accuracy"]["test"] >= 0.6 and integration["accuracy"]["train"] >= 0.6
    assert (integration["steps"], integration["score"], integration["max_score"]) == (200, 0, 0)
    assert report["checker"]["max_score"] == 100
    assert "Your network" in output


def test_untouched_exercises_skip_it_with_a_reason(tmp_path):
    code, report, _ = run_checker(copy_of(REPO / "exercises", tmp_path))
    integration = report["checker"]["integration"]
    assert integration["status"] == "skipped"
    assert "NotImplementedError" in integration["message"]


def test_it_runs_on_a_full_check_only(tmp_path):
    _, report, _ = run_checker(copy_of(SOLUTIONS, tmp_path), ["relu"])
    assert "integration" not in report["checker"]


@pytest.mark.parametrize(
    "mutant",
    [m for m in MUTANTS if m.section in NETWORK_FILES],
    ids=lambda m: m.name,
)
def test_a_layer_that_breaks_training_fails_its_own_section_and_is_named(mutant, tmp_path):
    """examples.train_neuralnet and the checker agree: a layer that stops training fails its
    section, and the integration names that layer's file."""
    target = edited_copy(tmp_path, NETWORK_FILES[mutant.section], mutant.edits)
    _, report, _ = run_checker(target)
    checker = report["checker"]
    integration = checker["integration"]
    assert checker["sections"][mutant.section]["status"] != "passed"
    if integration["status"] == "failed":
        assert integration["culprit"] == mutant.section, integration
        assert NETWORK_FILES[mutant.section] in integration["message"]


def test_affine_that_copies_W_stops_training_and_is_named(tmp_path):
    target = edited_copy(tmp_path, "affine.py", [("self.W = W\n", "self.W = W.copy()\n")])
    _, report, _ = run_checker(target)
    integration = report["checker"]["integration"]
    assert integration["status"] == "failed" and integration["culprit"] == "affine", integration
    assert "With the checker's Affine in place of yours" in integration["message"]
