"""Hidden tests for TwoLayerNet.gradient, graded on the checker's own layers (stand_ins.py).

The truth is the numerical gradient of the loss, on real MNIST batches from
the sample shipped in dataset/, for a 784-50-10 float64 net.
"""

import re
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from checker import i18n, stand_ins  # i18n.t, as t names the labels here (as in the book)
from checker.i18n import english
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
from checker.sandbox import StudentFault
from checker.scenarios import (
    GRADIENT_COST_MULTIPLE,
    GRADIENT_CPU_FLOOR,
    LAYER_KINDS,
    MAX_LAYERS,
    NO_ARRAY,
)
from checker.suites.conftest import FaultedRound, Round, run_earlier_rounds, starts_early
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
# The lifetime test: batch A, then after an SGD step an equal copy of A (gradient descent on one
# batch), then after another step the very x and t objects of call 2 (what a gradient() keyed on
# the x object gets wrong), then batch B.
LIFETIME_CALLS = 4
SAME_OBJECTS_CALL = 2  # 0-based: the call that gets the x and t objects of the call before it
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


# --- What gradient() left changed in the net (scenarios.net_facts) ---------------------------

FACT_LENGTHS = {"params": 2, "param_arrays": 4, "layers": 1, "last_layer": 1}
LAYER_FACTS = ("layer_objects", "layer_kinds", "layer_W", "layer_b")


def net_facts(result, stage):
    """The worker's facts about the net before or after a gradient() call, checked for form."""
    facts = {}
    for name in (*FACT_LENGTHS, *LAYER_FACTS):
        value = result.arrays.get(f"{stage}_{name}")
        if value is None or value.ndim != 1 or value.dtype.kind not in "iu":
            raise not_understood()
        facts[name] = value.astype(np.int64)
    lengths = {len(facts[name]) for name in LAYER_FACTS}
    if len(lengths) != 1 or lengths.pop() > MAX_LAYERS:
        raise not_understood()
    if any(len(facts[name]) != n for name, n in FACT_LENGTHS.items()):
        raise not_understood()
    if facts["params"][1] not in (0, 1):
        raise not_understood()
    if np.any(facts["layer_kinds"] < 0) or np.any(facts["layer_kinds"] > len(LAYER_KINDS)):
        raise not_understood()
    for name in ("layer_W", "layer_b"):
        if np.any(facts[name] < NO_ARRAY) or np.any(facts[name] >= len(PARAM_KEYS)):
            raise not_understood()
    return facts


def change_flags(result, name):
    flags = result.arrays.get(name)
    if flags is None or flags.shape != (len(PARAM_KEYS),) or flags.dtype.kind not in "iu":
        raise not_understood()
    if not np.all(np.isin(flags, (-1, 0, 1))):
        raise not_understood()
    return flags


def not_understood():
    return StudentFault("forged", i18n.t("sandbox.forged", reason=i18n.t("channel.bad_facts")))


def layer_names(facts):
    """The book's names for the net's layers, in order: Affine1, Relu1, Affine2 ('?' for a
    layer of another class)."""
    counts, names = {}, []
    for kind in facts["layer_kinds"]:
        name = LAYER_KINDS[kind - 1] if kind else "?"
        counts[name] = counts.get(name, 0) + 1
        names.append(f"{name}{counts[name]}" if kind else name)
    return names


def signature(facts):
    """What the net's forward pass depends on: each layer's class and which params it uses."""
    return [
        (int(kind), int(w), int(b))
        for kind, w, b in zip(facts["layer_kinds"], facts["layer_W"], facts["layer_b"], strict=True)
    ]


def expect_net_left_as_it_was(result, method):
    """gradient() must leave the net as it found it: its layers in order, each Affine's W and b
    the very arrays of self.params (so that the training loop's in-place updates reach them),
    and the values of self.params. The real change is named, before any value is compared."""
    before, after = net_facts(result, "before"), net_facts(result, "after")
    changed = change_flags(result, "params_changed")
    now_differ = change_flags(result, "params_now_differ")
    names = layer_names(before)
    known = dict(zip(signature(before), names, strict=True))  # a layer by what it uses
    after_names = layer_names(after)
    order = ", ".join(
        known.get(sig, name) for sig, name in zip(signature(after), after_names, strict=True)
    )
    if len(before["layer_kinds"]) >= 2 and signature(after) == signature(before)[::-1]:
        if signature(after) != signature(before):
            same = after["layers"][0] == before["layers"][0]
            key = "suite.net.side.reversed_in_place" if same else "suite.net.side.reversed_copy"
            raise Wrong(method, i18n.t(key, order=order))
    if before["params"][1] == 1 and after["params"][1] != 1:
        raise Wrong(method, i18n.t("suite.net.side.params_not_dict"))
    kinds = [int(k) for k in before["layer_kinds"]]
    if [int(k) for k in after["layer_kinds"]] != kinds:
        before_names = ", ".join(names)
        raise Wrong(method, i18n.t("suite.net.side.layers", before=before_names, after=order))
    for position, layer in enumerate(names):
        for attribute in ("W", "b"):
            k = int(before[f"layer_{attribute}"][position])
            if k < 0 or int(after[f"layer_{attribute}"][position]) == k:
                continue
            where = {"layer": layer, "attribute": attribute, "param": PARAM_KEYS[k]}
            if after["params"][0] != before["params"][0]:
                raise Wrong(method, i18n.t("suite.net.side.params_dict", **where))
            if after["param_arrays"][k] == -1:
                raise Wrong(method, i18n.t("suite.net.side.param_gone", **where))
            if after["param_arrays"][k] != before["param_arrays"][k]:
                raise Wrong(method, i18n.t("suite.net.side.param_array", **where))
            raise Wrong(method, i18n.t("suite.net.side.layer_param", **where))
    for k, key in enumerate(PARAM_KEYS):
        if changed[k] == 1 or now_differ[k] == 1:
            raise Wrong(method, i18n.t("suite.net.changed_params", param=key))


def test_gradient_leaves_params_unchanged(run, rng):
    x, t = mnist_batch(rng)
    params, _, _ = net_truth(rng, (x, t))
    outputs = run("net_gradient", net_inputs(params, x, t), {"return_params": True})
    expect_backprop_cost(outputs, params, x, t)
    expect_net_left_as_it_was(outputs, METHOD)
    for key in PARAM_KEYS:
        after = expect_array(outputs, f"params_{key}", METHOD, f"self.params['{key}']")
        if after.shape != params[key].shape or not np.array_equal(after, params[key]):
            raise Wrong(METHOD, i18n.t("suite.net.changed_params", param=key))


def stale_forward_gradients(forward_params, params, x, t):
    """What backward gives on the layers' state from a forward pass at forward_params (the
    call before, on the same batch) while Affine2.backward's dx uses the current W2, as when
    gradient() skips its forward pass. Only to name that mistake, never to grade."""
    labels = np.asarray(t).argmax(axis=1) if np.ndim(t) == 2 else np.asarray(t, dtype=int)
    pre = x @ forward_params["W1"] + forward_params["b1"]
    hidden = np.maximum(pre, 0)
    scores = hidden @ forward_params["W2"] + forward_params["b2"]
    probs = np.exp(scores - scores.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    dscores = probs - np.eye(scores.shape[1])[labels]
    dscores /= len(x)
    dpre = (dscores @ params["W2"].T) * (pre > 0)
    return {
        "W1": x.T @ dpre,
        "b1": dpre.sum(axis=0),
        "W2": hidden.T @ dscores,
        "b2": dscores.sum(axis=0),
    }


def faulted_call(fault):
    """The 0-based index of the gradient() call (or the SGD step before it) that raised, when it
    is not the first."""
    found = re.search(r" \(call (\d+)\)", english(fault.step) or "")
    return int(found.group(1)) - 1 if found and int(found.group(1)) > 1 else None


def run_net_rounds(run, inputs, options):
    """net_lifetime in the worker: (outputs, a Round for each call). When a later call raises,
    the calls before it are run again on their own, so that they are judged first (what call 1
    left changed in the net explains why call 2 fails)."""
    rounds = options["rounds"]
    try:
        outputs = run("net_lifetime", inputs, options)
        return outputs, [Round(outputs, i) for i in range(rounds)]
    except StudentFault as fault:
        faulted = faulted_call(fault)
        outputs = run_earlier_rounds(run, "net_lifetime", inputs, options, fault, faulted)
        results = [Round(outputs, i) for i in range(faulted)]
        return outputs, results + [FaultedRound(fault)] * (rounds - faulted)


def test_one_net_over_several_batches_with_sgd_steps(run, rng):
    """gradient() again and again on one net, with params updated in place between calls."""
    first = mnist_batch(rng)
    batches = [first, first, first, *(mnist_batch(rng) for _ in range(LIFETIME_CALLS - 3))]
    params, steps, check, truths = net_lifetime_truth(rng, batches)
    inputs = dict(params)
    for i, ((x, t), step) in enumerate(zip(batches, steps, strict=True)):
        if i != SAME_OBJECTS_CALL:
            inputs.update({f"r{i}_x": x, f"r{i}_t": t})
        inputs.update({f"r{i}_{key}_step": value for key, value in (step or {}).items()})
    options = {"rounds": LIFETIME_CALLS, "same_objects": [SAME_OBJECTS_CALL]}
    outputs, results = run_net_rounds(run, inputs, options)
    calls = sum(not isinstance(result, FaultedRound) for result in results)
    expect_backprop_cost(outputs, params, *batches[-1], calls=calls)
    at = [params]  # the params of each call
    for step in steps[1:]:
        at.append({key: at[-1][key] - step[key] for key in PARAM_KEYS})
    picked = []
    for i, (truth, result) in enumerate(zip(truths, results, strict=True)):
        method = i18n.t("suite.net.in_call", method=METHOD, number=i + 1)
        expect_net_left_as_it_was(result, method)  # raises the fault of a call that raised
        mistakes, detail = [], ""
        if i:
            mistakes.append((picked[0], i18n.t("suite.net.call_1_again")))
            detail = i18n.t("suite.net.later_call")
        if i and batches[i] is batches[i - 1]:  # the same batch again, after an SGD step
            stale = stale_forward_gradients(at[i - 1], at[i], *batches[i])
            stale = check.pick(stale)
            if i == SAME_OBJECTS_CALL:
                again = i18n.t("suite.net.same_x.grads_again", number=i)
                stale_advice = i18n.t("suite.net.same_x.stale_forward", number=i)
                mistakes.append((picked[i - 1], again))
                detail = i18n.t("suite.net.same_x.detail")
            else:
                stale_advice = i18n.t("suite.net.stale_forward", number=i)
            mistakes.append((stale, stale_advice))
        picked.append(expect_gradients(result, params, check, truth, mistakes, method, detail))


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
