"""Your network: TwoLayerNet from the target's own files, on its own layers, trained end to end.

The six sections grade each piece on its own. This check puts the student's pieces together,
as `python -m checker train` does, and trains them briefly on the shipped sample. When the
network does not learn, it is retrained with one of the student's layers replaced by the
checker's stand-in at a time, to name the layer that breaks it. Worth
manifest.INTEGRATION.points (0 by default); it runs on a full check only.

Its training is the one the network tests of relu and affine share (suites/network.py): this
check adds nothing to it on a network that learns. A layer that breaks a network while the
other tests of its section pass fails that section's network test; add the missing test there.
"""

import pytest

from checker import i18n, stand_ins
from checker.i18n import t
from checker.judge import Wrong, details, record
from checker.messages import without_package
from checker.sandbox import StudentFault
from checker.stand_ins import LAYER_FILES
from checker.suites.network import (
    OWN_NETWORK,
    accuracies,
    network_test,
    own_network,
    stops,
    training_request,
    without_full_stop,
)
from checker.suites.test_two_layer_net import MIN_TEST_ACCURACY, TRAIN_STEPS


def method():
    """What the messages of this check call the student's network."""
    return t("suite.integration.method")


def learns_with(run, request, files):
    """The test accuracy with some layer files replaced by the checker's, or None if it fails."""
    try:
        outputs = own_network(run, request, {"stand_ins": list(files)})
        test, _ = accuracies(outputs, method())
    except (StudentFault, Wrong):
        return None
    return test if test >= MIN_TEST_ACCURACY else None


def culprit(run, request):
    """Which of the student's layer files, replaced alone, makes the network learn."""
    return stand_ins.culprit(lambda files: learns_with(run, request, files))


@network_test
def test_your_network_learns(run, rng_named):
    request = training_request(rng_named(OWN_NETWORK))
    details.update(steps=TRAIN_STEPS)
    problem = None
    try:
        test, train = accuracies(own_network(run, request), method())
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
        if fault.kind == "timeout" or fault.type == "NetworkTooSlow":
            raise  # retrained with stand-ins, it would cost as much again
        problem = stops(fault)
    except Wrong as wrong:
        problem = without_full_stop(wrong.message)
    if problem is None:
        details["accuracy"] = {"test": test, "train": train}
        record("your network: test accuracy", test, MIN_TEST_ACCURACY)
        if test >= MIN_TEST_ACCURACY:
            return
        problem = t("suite.integration.accuracy", steps=TRAIN_STEPS, accuracy=f"{test:.0%}")
    file, accuracy = culprit(run, request)
    details["culprit"] = file
    if file is not None:
        found = {"layer": LAYER_FILES[file], "accuracy": f"{accuracy:.0%}", "file": file}
        command = i18n.command(f"python -m checker --section {file}")
        message = t("suite.integration.culprit", problem=problem, command=command, **found)
        raise Wrong(method(), message)
    if accuracy is not None:
        found = {"accuracy": f"{accuracy:.0%}"}
        raise Wrong(method(), t("suite.integration.several", problem=problem, **found))
    raise Wrong(method(), t("suite.integration.net", problem=problem))
