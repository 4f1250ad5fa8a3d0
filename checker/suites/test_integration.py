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
from checker.judge import Wrong, details, record
from checker.sandbox import StudentFault
from checker.scenarios import PACKAGE
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

METHOD = "your network"
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


def accuracies(run, scenario, inputs, options):
    """(test accuracy, train accuracy) of the trained net, from its own predict."""
    outputs = run(scenario, inputs, options)
    scores = outputs.arrays.get("scores")
    _, t_train, _, t_test = raw_sample()
    expected_shape = (len(t_test) + TRAIN_ACCURACY_IMAGES, 10)
    if scores is None or scores.shape != expected_shape:
        shape = None if scores is None else scores.shape
        raise Wrong(
            METHOD,
            f"after training, TwoLayerNet.predict on {expected_shape[0]} images returned "
            f"{'no array' if shape is None else f'shape {shape}'}, expected {expected_shape}.",
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
        text = fault.message.replace(f"{PACKAGE}.", "")  # the target's files, by their names
        if fault.kind == "not_implemented":
            function = f"its {where['function']}" if where.get("function") else "a method"
            pytest.skip(
                f"{where.get('file', 'a file')} is not finished ({function} raises "
                "NotImplementedError), so your own network cannot run yet."
            )
        if fault.kind == "import_error":
            pytest.skip(f"{fault.step} failed ({text}), so your network cannot run yet.")
        if fault.kind == "timeout":
            raise
        problem = f"it stops with {fault.type or 'an error'} in {fault.step}"
        if where.get("file"):
            problem += f" ({where['file']}, line {where.get('line')})"
        problem += f": {text}"
    except Wrong as wrong:
        problem = wrong.message.rstrip(".")
    if problem is None:
        details["accuracy"] = {"test": test, "train": train}
        record("your network: test accuracy", test, MIN_TEST_ACCURACY)
        if test >= MIN_TEST_ACCURACY:
            return
        problem = f"its test accuracy after {TRAIN_STEPS} SGD steps is {test:.0%}"
    file, accuracy = culprit(run, scenario, inputs, options)
    details["culprit"] = file
    if file is not None:
        raise Wrong(
            METHOD,
            f"{problem}. With the checker's {LAYER_FILES[file]} in place of yours it reaches "
            f"{accuracy:.0%}: look at {file}.py (python -m checker --section {file}).",
        )
    if accuracy is not None:
        raise Wrong(
            METHOD,
            f"{problem}. With all of the checker's layers in place of yours it reaches "
            f"{accuracy:.0%}, but not with any one of them alone: more than one layer is wrong.",
        )
    raise Wrong(
        METHOD,
        f"{problem}, even with the checker's layers in place of yours: look at TwoLayerNet "
        "in two_layer_net.py (its __init__ and gradient).",
    )
