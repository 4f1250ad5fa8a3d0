"""Your network: TwoLayerNet from the target's own files, on its own layers, trained end to end.

The six sections grade each piece on its own. This check puts the student's pieces together,
as `python -m checker train` does, and trains them briefly on the shipped sample. When the
network does not learn, it is retrained with one of the student's layers replaced by the
checker's stand-in at a time, to name the layer that breaks it. Worth
manifest.INTEGRATION.points (0 by default); it runs on a full check only.

A layer that breaks this check while its own section passes is a false accept in that
section's suite: add the missing test there.
"""

import numpy as np
import pytest

from checker import stand_ins
from checker.i18n import Message, english, t
from checker.judge import Wrong, details, record
from checker.messages import without_package
from checker.sandbox import StudentFault
from checker.stand_ins import LAYER_FILES
from checker.suites.conftest import starts_early
from checker.suites.test_two_layer_net import (
    LEARNING_RATE,
    MIN_TEST_ACCURACY,
    TRAIN_BATCH,
    TRAIN_STEPS,
    raw_sample,
    train_size,
)

HIDDEN_SIZE = 50
TRAIN_ACCURACY_IMAGES = 1000  # the train accuracy is measured on the first images of the sample


def training_request(rng):
    """The scenario of this check; it starts early (conftest.starts_early)."""
    inputs = {"batches": rng.integers(0, train_size(), size=(TRAIN_STEPS, TRAIN_BATCH))}
    options = {
        "learning_rate": LEARNING_RATE,
        "hidden_size": HIDDEN_SIZE,
        "seed": int(rng.integers(2**31)),
        "train_accuracy_images": TRAIN_ACCURACY_IMAGES,
        # forward alone between steps, as in the book's train_neuralnet.py; every 10th step is
        # enough to throw off a layer that pairs each backward with an older forward
        "loss_every": 10,
    }
    return "integration", inputs, options


def method():
    """What the messages of this check call the student's network."""
    return t("suite.integration.method")


def without_full_stop(message):
    """A Message without its final full stop, to go on in a longer sentence."""
    return Message(message.rstrip(".。"), english(message).rstrip("."))


def accuracies(run, scenario, inputs, options):
    """(test accuracy, train accuracy) of the trained net, from its own predict."""
    outputs = run(scenario, inputs, options)
    scores = outputs.arrays.get("scores")
    _, t_train, _, t_test = raw_sample()
    expected_shape = (len(t_test) + TRAIN_ACCURACY_IMAGES, 10)
    if scores is None or scores.shape != expected_shape:
        if scores is None:
            returned = t("suite.integration.no_array")
        else:
            returned = t("suite.integration.shape", shape=str(scores.shape))
        raise Wrong(
            method(),
            t(
                "suite.integration.predict",
                images=expected_shape[0],
                returned=returned,
                expected=str(expected_shape),
            ),
        )
    predicted = np.argmax(scores, axis=1)
    test = float(np.mean(predicted[: len(t_test)] == t_test))
    train = float(np.mean(predicted[len(t_test) :] == t_train[:TRAIN_ACCURACY_IMAGES]))
    seconds = outputs.arrays.get("seconds")  # reported by the worker: shown, never graded
    if seconds is not None and seconds.shape == ():
        details["seconds"] = round(min(max(float(seconds), 0.0), 3600.0), 3)
    return test, train


def learns_with(run, scenario, inputs, options, files):
    """The test accuracy with some layer files replaced by the checker's, or None if it fails."""
    try:
        test, _ = accuracies(run, scenario, inputs, {**options, "stand_ins": list(files)})
    except (StudentFault, Wrong):
        return None
    return test if test >= MIN_TEST_ACCURACY else None


def culprit(run, scenario, inputs, options):
    """Which of the student's layer files, replaced alone, makes the network learn."""
    return stand_ins.culprit(lambda files: learns_with(run, scenario, inputs, options, files))


@starts_early(training_request)
def test_your_network_learns(run, rng):
    scenario, inputs, options = training_request(rng)
    details.update(steps=TRAIN_STEPS)
    problem = None
    try:
        test, train = accuracies(run, scenario, inputs, options)
    except StudentFault as fault:
        where = fault.where or {}
        text = without_package(fault.message)  # the target's files, by their names
        if fault.kind == "not_implemented":
            file = where.get("file") or t("suite.integration.a_file")
            if where.get("function"):
                function = t("suite.integration.its_function", function=where["function"])
            else:
                function = t("suite.integration.a_method")
            # A Message: the plugin shows pytest.skip's reason as it is, in both languages.
            pytest.skip(t("suite.integration.not_finished", file=file, function=function))
        if fault.kind == "import_error":
            pytest.skip(t("suite.integration.import_failed", step=fault.step, text=text))
        if fault.kind == "timeout":
            raise
        at = ""
        if where.get("file"):
            at = t("suite.integration.at_line", file=where["file"], line=where.get("line"))
        error = fault.type or t("suite.integration.an_error")
        problem = t("suite.integration.stops", error=error, step=fault.step, at=at, text=text)
    except Wrong as wrong:
        problem = without_full_stop(wrong.message)
    if problem is None:
        details["accuracy"] = {"test": test, "train": train}
        record("your network: test accuracy", test, MIN_TEST_ACCURACY)
        if test >= MIN_TEST_ACCURACY:
            return
        problem = t("suite.integration.accuracy", steps=TRAIN_STEPS, accuracy=f"{test:.0%}")
    file, accuracy = culprit(run, scenario, inputs, options)
    details["culprit"] = file
    if file is not None:
        found = {"layer": LAYER_FILES[file], "accuracy": f"{accuracy:.0%}", "file": file}
        raise Wrong(method(), t("suite.integration.culprit", problem=problem, **found))
    if accuracy is not None:
        found = {"accuracy": f"{accuracy:.0%}"}
        raise Wrong(method(), t("suite.integration.several", problem=problem, **found))
    raise Wrong(method(), t("suite.integration.net", problem=problem))
