"""The "your network" check: the student's own layers trained end to end, and the culprit."""

import pytest

from tests.checker_run import SOLUTIONS, copy_of, edited_copy, run_checker
from tests.conftest import REPO
from tests.variants.catalog import MUTANTS

NETWORK_FILES = {"affine": "affine.py", "relu": "relu.py"}
NETWORK_TESTS = {
    "relu": "test_relu.py::test_a_network_built_with_your_relu_learns",
    "affine": "test_affine.py::test_a_network_built_with_your_affine_learns",
}
# Layers that pass every test of their own section and break a network: what the network test
# is there to catch (the false accepts no one has found yet). The sections' own tests use
# batches of a few rows; a network's have 50 and more.
OFF_FOR_BIG_BATCHES = {
    "relu": ("        return out\n", "        return out * (len(x) < 50)\n"),
    "affine": (
        "return np.dot(self.x, self.W) + self.b",
        "return (np.dot(self.x, self.W) + self.b) * (len(x) < 50)",
    ),
}


def network_test(report, section):
    """The metadata of a section's network test (checker/suites/network.py)."""
    found = [t for t in report["tests"] if t["nodeid"].endswith(NETWORK_TESTS[section])]
    assert len(found) == 1, [t["nodeid"] for t in report["tests"]]
    return found[0]["metadata"]


def measured(test):
    return [(m["what"], m["value"]) for m in test["measured"]]


def test_reference_network_learns_and_is_worth_no_points(tmp_path):
    code, report, output = run_checker(copy_of(SOLUTIONS, tmp_path))
    integration = report["checker"]["integration"]
    assert code == 0, output
    assert integration["status"] == "passed", integration
    assert integration["accuracy"]["test"] >= 0.6 and integration["accuracy"]["train"] >= 0.6
    assert (integration["steps"], integration["score"], integration["max_score"]) == (200, 0, 0)
    assert report["checker"]["max_score"] == 100
    assert "Your network" in output
    # The layers' network tests pass on that very training: one training for the three.
    for section in NETWORK_TESTS:
        test = network_test(report, section)
        assert test["verdict"] == "passed", test
        assert measured(test) == [("your network: test accuracy", integration["accuracy"]["test"])]


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


def test_a_section_alone_grades_its_network_test_as_a_full_run_does(tmp_path):
    """--section relu trains the network too: the grade does not depend on how the checker
    was called."""
    target = edited_copy(tmp_path, "relu.py", [OFF_FOR_BIG_BATCHES["relu"]])
    _, full, _ = run_checker(target, (), "--seed", "11")
    _, alone, _ = run_checker(target, ["relu"], "--seed", "11")
    assert list(alone["checker"]["sections"]) == ["relu"] and "integration" not in alone["checker"]
    in_full, by_itself = network_test(full, "relu"), network_test(alone, "relu")
    assert in_full["verdict"] == by_itself["verdict"] == "wrong", in_full
    assert in_full["english_message"] == by_itself["english_message"]
    assert "Relu passes its own tests, but" in in_full["english_message"]
    assert full["checker"]["sections"]["relu"] == alone["checker"]["sections"]["relu"]
    sections = full["checker"]["sections"]
    assert [name for name, s in sections.items() if s["status"] != "passed"] == ["relu"]


def test_the_layers_are_judged_in_the_checkers_network_when_two_layer_net_cannot_run(tmp_path):
    """A TwoLayerNet not started costs relu and affine nothing, and hides no broken layer."""
    target = edited_copy(tmp_path, "affine.py", [OFF_FOR_BIG_BATCHES["affine"]])
    (target / "two_layer_net.py").write_text((REPO / "exercises" / "two_layer_net.py").read_text())
    _, report, _ = run_checker(target)
    sections = report["checker"]["sections"]
    assert sections["two_layer_net"]["status"] == "not_started"
    assert sections["relu"]["status"] == "passed", sections["relu"]
    relu = network_test(report, "relu")
    assert [what for what, _ in measured(relu)] == [
        "the checker's network with your Relu: test accuracy"
    ]
    affine = network_test(report, "affine")
    assert affine["verdict"] == "wrong"
    assert "does not learn with your Affine in place of its own" in affine["english_message"]
    assert sections["affine"]["passed"] == sections["affine"]["total"] - 1


def test_it_says_a_layer_passes_its_own_tests_only_when_it_does(tmp_path):
    target = edited_copy(tmp_path, "affine.py", [("self.W = W\n", "self.W = W.copy()\n")])
    _, report, _ = run_checker(target)
    affine = network_test(report, "affine")
    assert affine["verdict"] == "wrong"
    assert "does not learn with your Affine in place of its own" in affine["english_message"]
    assert "passes its own tests" not in affine["english_message"]
    assert report["checker"]["sections"]["relu"]["status"] == "passed"
