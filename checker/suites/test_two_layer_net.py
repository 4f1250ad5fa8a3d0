"""Hidden tests for TwoLayerNet.gradient, graded on the checker's own layers (stand_ins.py).

The truth is the numerical gradient of the loss, on real MNIST batches from
the sample shipped in dataset/, for a 784-50-10 float64 net.
"""

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from checker import i18n, stand_ins  # i18n.t, as t names the labels here (as in the book)
from checker.judge import (
    NET_GRADIENT_TOLERANCE,
    PARAM_KEYS,
    Wrong,
    expect_array,
    expect_gradient,
    expect_shape,
    net_lifetime_truth,
    net_truth,
    record,
)
from checker.scenarios import GRADIENT_COST_MULTIPLE, GRADIENT_CPU_FLOOR
from checker.suites.conftest import Round, starts_early
from dataset.mnist import load_mnist_sample, sample_size

BATCH_SIZE = 16
METHOD = "TwoLayerNet.gradient"

# Training smoke test: plain SGD as in the book's train_neuralnet.py, shorter.
TRAIN_STEPS = 200
TRAIN_BATCH = 50
LEARNING_RATE = 0.1
# Calibrated: the reference reached at least 0.79 on every seed tried (checker/calibration/);
# a net that does not learn stays near 0.1.
MIN_TEST_ACCURACY = 0.6
TRAIN_TIME_LIMIT = 20.0  # the reference needs about 0.15 s
LIFETIME_CALLS = 3
# CPU seconds a net scenario may use beyond its gradient() calls: the student's __init__, the
# worker's own reference passes, reading and writing arrays.
SCENARIO_CPU_ALLOWANCE = 0.5


def load_samples():
    """The shipped sample, raw and normalized: (x_train, t_train, x_test, t_test) twice."""
    (x_train, t_train), (x_test, t_test) = load_mnist_sample(normalize=False)
    raw = x_train, t_train, x_test, t_test
    return raw, (normalized(x_train), t_train, normalized(x_test), t_test)


def normalized(images):
    """float64 images scaled to [0, 1] as load_mnist(normalize=True) does."""
    return (images.astype(np.float32) / 255.0).astype(float)


# Decompressing and checking the sample takes tens of milliseconds: a thread does it while the
# layer sections run, which leave the judge waiting on workers (zlib and numpy release the GIL).
_loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mnist-sample")
_samples = _loader.submit(load_samples)
_loader.shutdown(wait=False)


def raw_sample():
    """The shipped sample as uint8 images (N, 784) and integer labels."""
    return _samples.result()[0]


def normalized_sample():
    """The sample's images as float64 in [0, 1], and integer labels."""
    return _samples.result()[1]


def train_size():
    """How many training images the sample holds, without waiting for it to load."""
    return sample_size("t_train")


def mnist_batch(rng, one_hot=False, size=BATCH_SIZE):
    x_train, t_train, _, _ = normalized_sample()
    index = rng.choice(len(x_train), size=size, replace=False)
    labels = t_train[index]
    return x_train[index], np.eye(10)[labels] if one_hot else labels


def layer_of(key):
    return "Affine1" if key in ("W1", "b1") else "Affine2"


def shape_advice(key, other):
    """grads[key] has the shape of params[other]: say where grads[key] comes from."""
    attribute, other_attribute = (f".d{k[0]}" for k in (key, other))
    if layer_of(other) == layer_of(key):
        where = {"layer": layer_of(key), "attribute": attribute, "other_attribute": other_attribute}
        return i18n.t("suite.net.shape.attribute", other=other, param=key, **where)
    return i18n.t("suite.net.shape.layer", other=other, param=key, layer=layer_of(key))


def expect_gradients(outputs, params, check, truth, mistakes=(), method=METHOD, detail=""):
    """Shapes of all four, then values at the checked coordinates and along the random directions.

    mistakes: (values a known mistake would give, as from check.pick, advice) pairs.
    """
    grads = {}
    for key in PARAM_KEYS:
        layer = "Affine1" if key in ("W1", "b1") else "Affine2"
        unset = i18n.t("suite.net.unset", layer=layer)
        grads[key] = expect_array(outputs, key, method, f"grads['{key}']", if_none=unset)
        advice = {
            params[other].shape: shape_advice(key, other)
            for other in PARAM_KEYS
            if params[other].shape != params[key].shape
        }
        expect_shape(grads[key], params[key].shape, method, f"grads['{key}']", advice)
    picked = check.pick(grads)
    for key in (*PARAM_KEYS, "directions"):
        what = f"grads['{key}']" if key != "directions" else i18n.t("suite.net.directions")
        uphill = i18n.t("suite.net.uphill")
        twice = i18n.t("suite.net.averaged_twice", batch=BATCH_SIZE)
        candidates = [(-truth[key], uphill), (truth[key] / BATCH_SIZE, twice)]
        candidates += [(values[key], advice) for values, advice in mistakes]
        tolerance = NET_GRADIENT_TOLERANCE
        positions = check.positions(key)
        expect_gradient(
            picked[key], truth[key], method, what, tolerance, candidates, detail, positions
        )
    return picked


def net_inputs(params, x, t):
    return {**params, "x": x, "t": t}


def expect_backprop_cost(outputs, params, x, t, calls=1):
    """The worker's CPU time for the scenario, read by the judge from outside the worker (the
    worker's own timer is student-reachable), within the gradient() budget per call plus an
    allowance for the scenario's own work. Honest code uses a few percent of it."""
    if outputs.cpu_seconds is None:  # not measurable here: the worker's own check stands
        return
    reference = stand_ins.pass_seconds(params, x, t)  # in the judge, out of reach
    per_call = max(GRADIENT_CPU_FLOOR, GRADIENT_COST_MULTIPLE * reference)
    allowed = calls * per_call + SCENARIO_CPU_ALLOWANCE
    record("worker CPU seconds for gradient() calls", outputs.cpu_seconds, allowed)
    if outputs.cpu_seconds > allowed:
        used = {
            "calls": calls,
            "seconds": f"{outputs.cpu_seconds:.2g}",
            "multiple": GRADIENT_COST_MULTIPLE,
            "pass_ms": f"{reference * 1000:.2g}",
        }
        raise Wrong(METHOD, i18n.t("suite.net.too_slow", **used))


@pytest.mark.parametrize("labels", ["integer_labels", "one_hot_labels"])
def test_gradient_matches_numerical_gradient(run, rng, labels):
    x, t = mnist_batch(rng, one_hot=labels == "one_hot_labels")
    params, check, (truth,) = net_truth(rng, (x, t))
    outputs = run("net_gradient", net_inputs(params, x, t))
    expect_backprop_cost(outputs, params, x, t)
    expect_gradients(outputs, params, check, truth)


def test_gradient_runs_its_own_forward_pass(run, rng):
    """loss() on batch A, then gradient() on batch B: the gradient must be B's."""
    x_a, t_a = mnist_batch(rng)
    x_b, t_b = mnist_batch(rng)
    params, check, (truth_b, truth_a) = net_truth(rng, (x_b, t_b), (x_a, t_a))
    inputs = {**net_inputs(params, x_b, t_b), "x_before": x_a, "t_before": t_a}
    outputs = run("net_gradient", inputs)
    expect_backprop_cost(outputs, params, x_b, t_b, calls=2)  # and a loss() call
    stale = (truth_a, i18n.t("suite.net.previous_batch"))
    expect_gradients(outputs, params, check, truth_b, mistakes=[stale])


def test_gradient_leaves_params_unchanged(run, rng):
    x, t = mnist_batch(rng)
    params, _, _ = net_truth(rng, (x, t))
    outputs = run("net_gradient", net_inputs(params, x, t), {"return_params": True})
    expect_backprop_cost(outputs, params, x, t)
    for key in PARAM_KEYS:
        after = expect_array(outputs, f"params_{key}", METHOD, f"self.params['{key}']")
        if after.shape != params[key].shape or not np.array_equal(after, params[key]):
            raise Wrong(METHOD, i18n.t("suite.net.changed_params", param=key))


def test_one_net_over_several_batches_with_sgd_steps(run, rng):
    """gradient() again and again on one net, with params updated in place between calls."""
    # The first batch twice (after an SGD step: gradient descent on one batch), then another.
    first = mnist_batch(rng)
    batches = [first, first, *(mnist_batch(rng) for _ in range(LIFETIME_CALLS - 2))]
    params, steps, check, truths = net_lifetime_truth(rng, batches)
    inputs = dict(params)
    for i, ((x, t), step) in enumerate(zip(batches, steps, strict=True)):
        inputs.update({f"r{i}_x": x, f"r{i}_t": t})
        inputs.update({f"r{i}_{key}_step": value for key, value in (step or {}).items()})
    outputs = run("net_lifetime", inputs, {"rounds": LIFETIME_CALLS})
    expect_backprop_cost(outputs, params, *batches[-1], calls=LIFETIME_CALLS)
    first = None
    for i, truth in enumerate(truths):
        mistakes = []
        if first is not None:
            mistakes.append((first, i18n.t("suite.net.call_1_again")))
        detail = i18n.t("suite.net.later_call") if i else ""
        method = i18n.t("suite.net.in_call", method=METHOD, number=i + 1)
        picked = expect_gradients(Round(outputs, i), params, check, truth, mistakes, method, detail)
        first = picked if first is None else first


def training_request(rng):
    """The training smoke test's scenario; it starts early (conftest.starts_early)."""
    params = {
        "W1": 0.01 * rng.normal(size=(784, 50)),
        "b1": np.zeros(50),
        "W2": 0.01 * rng.normal(size=(50, 10)),
        "b2": np.zeros(10),
    }
    batches = rng.integers(0, train_size(), size=(TRAIN_STEPS, TRAIN_BATCH))
    inputs = {**params, "batches": batches}
    return "net_training", inputs, {"learning_rate": LEARNING_RATE}


@starts_early(training_request)
def test_training_reaches_accuracy(run, rng):
    """A few hundred SGD steps with the student's gradient() must learn the digits."""
    _, _, x_test, t_test = normalized_sample()
    scenario, inputs, options = training_request(rng)
    outputs = run(scenario, inputs, options, time_limit=TRAIN_TIME_LIMIT)
    trained = {}
    for key in PARAM_KEYS:
        what = i18n.t("suite.net.after_training", param=key)
        trained[key] = expect_array(outputs, key, METHOD, what)
        expect_shape(trained[key], inputs[key].shape, METHOD, what)
    ratio = outputs.arrays.get("cpu_ratio")  # reported by the worker, for calibration only
    if ratio is not None and ratio.shape == ():
        record("gradient() CPU time in stand-in passes", float(ratio), GRADIENT_COST_MULTIPLE)
    hidden = np.maximum(x_test @ trained["W1"] + trained["b1"], 0)
    predicted = np.argmax(hidden @ trained["W2"] + trained["b2"], axis=1)
    accuracy = float(np.mean(predicted == t_test))
    record("test accuracy after training", accuracy, MIN_TEST_ACCURACY)
    if not accuracy >= MIN_TEST_ACCURACY:
        reached = {
            "steps": TRAIN_STEPS,
            "accuracy": f"{accuracy:.3f}",
            "minimum": MIN_TEST_ACCURACY,
        }
        raise Wrong(METHOD, i18n.t("suite.net.does_not_learn", **reached))
