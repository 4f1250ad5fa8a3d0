"""A network built with the student's layer: the last test of the relu and affine sections,
and the "your network" check (test_integration.py).

The student's own TwoLayerNet on their own layers trains once per run, on the second core from
the start (conftest.starts_early, shared by every test that needs it). When it learns and holds
the student's Affine and Relu, both layers pass their network test: that training is all a
correct submission pays. Otherwise each layer is judged on its own, in the checker's own
network (stand_ins.TwoLayerNet, the book's, on the checker's layers) with the student's layer
in place of the checker's: that network depends on no other file of the student's, so a bug
in two_layer_net.py, affine.py or softmax_with_loss.py never costs a test in relu, and one in
relu.py never costs one in affine. The checker's network on its own layers alone, trained on
the same batches from the same weights, gives the accuracy the message compares with.
"""

import numpy as np

from checker.i18n import Message, english, t
from checker.judge import Wrong, details, record
from checker.manifest import INTEGRATION
from checker.messages import without_package
from checker.sandbox import StudentFault
from checker.scenarios import NETWORK_LAYERS
from checker.suites.conftest import starts_early
from checker.suites.test_two_layer_net import (
    LEARNING_RATE,
    MIN_TEST_ACCURACY,
    TRAIN_BATCH,
    TRAIN_STEPS,
    TRAIN_TIME_LIMIT,
    raw_sample,
    train_size,
)

HIDDEN_SIZE = 50
TRAIN_ACCURACY_IMAGES = 1000  # the train accuracy is measured on the first images of the sample

# The student's own network: one training per run, started at collection in a worker of the
# integration check's own, its result kept for every test that needs it (plugin.WorkerPool.run).
OWN_NETWORK = "network"
CHECKER_NETWORK = "checker_network"  # the checker's network on its own layers, kept likewise
# Faults of the student's layer in the checker's network that are reported as any test of the
# section reports them: not started, not importable, too slow, out of memory...
REPORTED_AS_THEY_ARE = ("exception", "bad_return", "wrong_use", "numerical")


def training_request(rng):
    """The student's own network (scenarios.integration); the other trainings reuse its batches
    and its seed for the weights."""
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


def own_network(run, request, options=None):
    """The student's own network, trained (options: more, e.g. stand_ins); kept for the run
    when it is the shared training itself."""
    scenario, inputs, base = request
    shared = OWN_NETWORK if options is None else None
    return run(
        scenario, inputs, {**base, **(options or {})}, TRAIN_TIME_LIMIT,
        section=INTEGRATION.name, shared=shared,
    )  # fmt: skip


def accuracies(outputs, method):
    """(test accuracy, train accuracy) of a trained net, from its scores on the sample."""
    scores = outputs.arrays.get("scores")
    _, t_train, _, t_test = raw_sample()
    expected_shape = (len(t_test) + TRAIN_ACCURACY_IMAGES, 10)
    if scores is None or scores.shape != expected_shape:
        if scores is None:
            returned = t("suite.integration.no_array")
        else:
            returned = t("suite.integration.shape", shape=str(scores.shape))
        raise Wrong(
            method,
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


def holds(outputs, file):
    """Whether the trained network held the student's own layer of this file (as the worker
    found it; anything else it sent counts as no)."""
    value = outputs.arrays.get(f"uses_{file}")
    return value is not None and value.shape == () and float(value) == 1.0


def without_full_stop(message):
    """A Message without its final full stop, to go on in a longer sentence."""
    return Message(message.rstrip(".。"), english(message).rstrip("."))


def stops(fault):
    """What a training that raised says: the error, where, and the student's line if any."""
    where = fault.where or {}
    at = ""
    if where.get("file"):
        at = t("suite.integration.at_line", file=where["file"], line=where.get("line"))
    error = fault.type or t("suite.integration.an_error")
    text = without_package(fault.message)  # the target's files, by their names
    return t("suite.integration.stops", error=error, step=fault.step, at=at, text=text)


def checker_network_accuracy(run, request):
    """The test accuracy of the checker's network on its own layers, or None if it failed (it
    does not, on the shipped sample: checker/calibration/network.py)."""
    _, inputs, options = request
    try:
        outputs = run(
            "layer_network", inputs, {**options, "layer": None}, TRAIN_TIME_LIMIT,
            shared=CHECKER_NETWORK, fresh=True,
        )  # fmt: skip
        test, _ = accuracies(outputs, method(None))
    except (StudentFault, Wrong):
        return None
    return test


def method(layer):
    """What the messages of the network test call it."""
    if layer is None:
        return t("suite.network.checker_method")
    return t("suite.network.method", layer=layer)


def expect_layer_learns(run, request, file, own_tests_passed):
    """The network test of the section that owns `file` (affine or relu).

    Passes when the student's own network learned with this layer in it; else trains the
    checker's network with this layer alone in place of the checker's: it must learn.
    own_tests_passed: every other test of the section passed, so the message may say so."""
    layer = NETWORK_LAYERS[file]
    details.update(steps=TRAIN_STEPS)
    try:
        outputs = own_network(run, request)
        test, _ = accuracies(outputs, t("suite.integration.method"))
    except (StudentFault, Wrong):
        test = None  # it did not run: the checker's network judges the layer below
    if test is not None and holds(outputs, file):
        record("your network: test accuracy", test, MIN_TEST_ACCURACY)
        details.update(network="own", accuracy=test)
        if test >= MIN_TEST_ACCURACY:
            return
    _, inputs, options = request
    problem = None
    try:
        outputs = run("layer_network", inputs, {**options, "layer": layer}, TRAIN_TIME_LIMIT)
        test, _ = accuracies(outputs, method(layer))
    except StudentFault as fault:
        if fault.kind not in REPORTED_AS_THEY_ARE:
            raise
        problem = stops(fault)
    except Wrong as wrong:
        problem = without_full_stop(wrong.message)
    if problem is None:
        record(f"the checker's network with your {layer}: test accuracy", test, MIN_TEST_ACCURACY)
        details.update(network="checker", accuracy=test)
        if test >= MIN_TEST_ACCURACY:
            return
        accuracy = f"{test:.0%}"
        problem = t("suite.integration.accuracy", steps=TRAIN_STEPS, accuracy=accuracy)
    reference = checker_network_accuracy(run, request)
    found = {"layer": layer, "problem": problem}
    if reference is None:
        text = t("suite.network.stops_alone", **found)
    else:
        text = t("suite.network.fails", **found, reference=f"{reference:.0%}")
    if own_tests_passed:
        text = t("suite.network.own_tests_pass", layer=layer, text=text)
    raise Wrong(method(layer), text, topic="network")


# The mark of a section's network test: it shares the student's own network's training.
network_test = starts_early(training_request, shared=OWN_NETWORK, section=INTEGRATION.name)


def run_network_test(run, rng_named, section_verdicts, file):
    """The body of the network test of the section that owns `file`."""
    passed = bool(section_verdicts) and all(v == "passed" for v in section_verdicts)
    expect_layer_learns(run, training_request(rng_named(OWN_NETWORK)), file, passed)
