"""Fixtures and helpers for the hidden suites. `run` and `rng` come from checker/plugin.py."""

import re

import numpy as np
import pytest

from checker.i18n import english, t
from checker.judge import (
    FORWARD_TOLERANCE,
    LAYER_GRADIENT_TOLERANCE,
    Wrong,
    expect_array,
    expect_close,
    expect_gradient,
    expect_shape,
    numerical_vjp,
)
from checker.sandbox import StudentFault


def shape_id(shape):
    return "float" if shape == () else "x".join(map(str, shape))


@pytest.fixture
def normal(rng):
    """normal(shape) -> float64 array (or a 0-d array for shape ())."""

    def draw(shape, scale=1.0):
        return np.asarray(rng.normal(size=shape) * scale, dtype=float)

    return draw


def starts_early(request, shared=None, section=None):
    """Mark a test whose one scenario the plugin submits at the start of the run.

    request(rng) -> (scenario, inputs, options) must draw from rng exactly as the test does,
    so that the test's own call of run() with the same request collects the early result.
    The scenario runs in a worker of its own while the judge grades other tests.

    shared: a name for a request that several tests make, whatever their sections (the
    network, suites/network.py). It is submitted once, to a worker of `section`; its rng is
    seeded by the run's seed and this name alone (the rng_named fixture), so every test draws
    the same request; each runs it with run(..., section=section, shared=shared) and gets the
    one result. Such tests run after all the others, while it trains.
    """

    def mark(test):
        test.early_request = request
        test.early_shared = shared
        test.early_section = section
        return test

    return mark


class Round:
    """What one round of checker.scenarios.layer_rounds returned: .arrays and .meta by name."""

    def __init__(self, outputs, index):
        prefix = f"r{index}_"
        self.arrays = unprefixed(outputs.arrays, prefix)
        self.meta = unprefixed(outputs.meta, prefix)


def unprefixed(values, prefix):
    return {k.removeprefix(prefix): v for k, v in values.items() if k.startswith(prefix)}


def run_layer(run, cls, rounds, params=None, scalars=False, stack=False, explain=None):
    """`cls` in the worker over rounds (scenarios.layer_rounds); a Round for each, inputs checked.

    rounds: dicts of the forward arguments (x, or x and y), "dout" to call backward,
    "peek_x" (and "peek_y") for a forward call alone before the round's forward, and for
    Affine "W_step"/"b_step" to subtract from W and b in place before the round's forward.
    "same_inputs_as": j (a lifetime round) passes forward the very arrays that round j's
    forward received; the round's own "x" must then hold their values, for the judge.
    params: Affine's {"W": W, "b": b}, for one instance over all rounds.
    stack: one instance per round (Affine's W and b in each round's dict), all forwards in
    order, then all backwards in reverse, as at several depths of one network.
    explain(fault, given): may reword a fault of student code, given the inputs of the round
    that raised (its forward arguments, dout, and the parameters as they were then).
    Raises Wrong if a layer changed any input it was given except dout, or changed its output
    during backward.
    """
    params = dict(params or {})
    inputs = dict(params)
    for i, round_inputs in enumerate(rounds):
        for name, value in round_inputs.items():
            inputs[f"r{i}_{name}"] = np.array(value) if name == "same_inputs_as" else value
    options = {"class": cls, "rounds": len(rounds), "scalars": scalars}
    options["order"] = "stack" if stack else "lifetime"
    fault, faulted = None, len(rounds)
    try:
        outputs = run("layer_rounds", inputs, options)
    except StudentFault as raised:
        if explain is not None:
            index = fault_index(raised)
            explain(raised, {**params_in_round(params, rounds, index), **rounds[index]})
        fault, faulted = raised, faulted_round(raised)
        outputs = run_earlier_rounds(run, "layer_rounds", inputs, options, fault, faulted)
    results = []
    for i, round_inputs in enumerate(rounds):
        if i >= faulted:
            results.append(FaultedRound(fault))
            continue
        for name in params:
            if f"{name}_step" in round_inputs:
                params[name] = params[name] - round_inputs[f"{name}_step"]  # as the worker does
        given = {
            k: v
            for k, v in round_inputs.items()
            if k not in ("dout", "same_inputs_as")
            and not k.endswith("_step")
            and not k.startswith("peek_")
        }
        result = Round(outputs, i)
        given = {**given, **params}
        if "out" in result.arrays:  # backward must leave forward's output as it was, too
            given["out"] = result.arrays["out"]
        expect_inputs_untouched(result, given, cls, i, len(rounds), stack)
        results.append(result)
    return results


def run_earlier_rounds(run, scenario, inputs, options, fault, faulted):
    """The outputs of the rounds before round `faulted` (0-based), run again on their own: a
    mistake there explains the fault better. Raises the fault itself when no earlier round
    would help (faulted is None), when it was a timeout (no time left to run them again), or
    when the rerun does not get as far."""
    if faulted is None or fault.kind == "timeout":
        raise fault
    earlier = {k: v for k, v in inputs.items() if not k.startswith("r") or round_of(k) < faulted}
    try:
        return run(scenario, earlier, {**options, "rounds": faulted})
    except StudentFault:
        raise fault from None


def round_of(name):
    """r2_x -> 2"""
    return int(name[1:].split("_", 1)[0])


def params_in_round(params, rounds, index):
    """The parameters as the layer of round `index` saw them: after the in-place steps of the
    rounds up to it (one instance), or the round's own (a stack, where they are in the round)."""
    params = dict(params)
    for given in rounds[: index + 1]:
        for name in params:
            if f"{name}_step" in given:
                params[name] = params[name] - given[f"{name}_step"]
    return params


def fault_index(fault):
    """The 0-based index of the round (or of the layer, in a stack) whose call raised."""
    found = re.search(r" \((?:round|layer) (\d+)\)", english(fault.step) or "")
    return int(found.group(1)) - 1 if found else 0


def faulted_round(fault):
    """The 0-based index of the round whose call raised, when it is not the first."""
    found = re.search(r" \(round (\d+)\)", english(fault.step) or "")  # also its forward-alone call
    return int(found.group(1)) - 1 if found and int(found.group(1)) > 1 else None


class FaultedRound:
    """A round in which student code raised. Judging it raises that fault, so the rounds
    before it are judged first."""

    def __init__(self, fault):
        self.fault = fault

    @property
    def arrays(self):
        raise self.fault

    meta = arrays


def expect_inputs_untouched(result, given, cls, i=0, count=1, stack=False):
    """A layer must leave the arrays it was given as they were: the caller may still need them."""
    for stage in ("forward", "backward"):
        for name, expected in given.items():
            seen = result.arrays.get(f"after_{stage}_{name}")
            if seen is None or np.ndim(expected) == 0:
                continue
            if seen.shape == np.shape(expected) and np.array_equal(seen, expected, equal_nan=True):
                continue
            how = t(
                "suite.changed.shape"
                if seen.shape != np.shape(expected)
                else "suite.changed.values"
            )
            method = in_round(f"{cls}.{stage}", i, count, stack)
            raise Wrong(method, changed(cls, stage, name, how), topic="inputs")


def changed(cls, stage, name, how):
    if name == "out":
        return t("suite.changed.out", how=how)
    if name in ("W", "b"):
        return t("suite.changed.param", name=name, how=how)
    if cls == "Relu" and stage == "forward":
        return t("suite.changed.relu_x", how=how)
    key = "suite.changed.input" if stage == "forward" else "suite.changed.forward_input"
    return t(key, name=name, how=how)


def run_binary_layer(run, cls, x, y, dout=None):
    """MulLayer or AddLayer in the worker: forward(x, y), then backward(dout) if dout is given."""
    round_inputs = {"x": x, "y": y} if dout is None else {"x": x, "y": y, "dout": dout}
    return run_layer(run, cls, [round_inputs], scalars=x.ndim == 0)[0]


def run_unary_layer(run, cls, x, dout=None):
    """Relu or Sigmoid in the worker: forward(x), then backward(dout) if dout is given."""
    round_inputs = {"x": x} if dout is None else {"x": x, "dout": dout}
    return run_layer(run, cls, [round_inputs])[0]


def in_round(method, i, count, stack=False):
    """ "Relu.backward (round 2)", or "Relu.backward (layer 2)" for one of several instances:
    a method, and which of the rounds it was in when there are several."""
    if count == 1:
        return method
    return t("suite.in_layer" if stack else "suite.in_round", method=method, number=i + 1)


def later_round_detail(i, shapes):
    """What a failure in round i + 1 adds, when round 1 on the same layer passed."""
    if i == 0:
        return ""
    if tuple(shapes[i]) != tuple(shapes[0]):
        return t(
            "suite.later_round.shape", shape=str(tuple(shapes[i])), first=str(tuple(shapes[0]))
        )
    return t("suite.later_round.same")


def expect_binary_layer_rounds(run, normal, cls, function, shapes, stale_gradient=None):
    """One MulLayer or AddLayer over rounds of new inputs (run_layer), each judged on its own.

    stale_gradient(first_round, other_input, dout): what backward would give with the inputs
    of round 1 kept, or None for a layer that keeps no inputs.
    """
    rounds = [{"x": normal(s), "y": normal(s), "dout": normal(s)} for s in shapes]
    rounds[1].update(peek_x=normal(shapes[1]), peek_y=normal(shapes[1]))
    results = run_layer(run, cls, rounds)
    first = rounds[0]
    for i, (given, result) in enumerate(zip(rounds, results, strict=True)):
        x, y, dout = given["x"], given["y"], given["dout"]
        detail = later_round_detail(i, shapes)
        same_shape = i > 0 and x.shape == first["x"].shape
        method = in_round(f"{cls}.forward", i, len(rounds))
        out = expect_array(result, "out", method, "out")
        expect_shape(out, x.shape, method, "out")
        again = [(function(first["x"], first["y"]), t("suite.output_of_round_1"))]
        truth = function(x, y)
        expect_close(
            out, truth, method, "out", FORWARD_TOLERANCE, again if same_shape else [], detail
        )
        truth = numerical_vjp(function, {"x": x, "y": y}, dout)
        method = in_round(f"{cls}.backward", i, len(rounds))
        for name, other_input in (("dx", "y"), ("dy", "x")):
            grad = expect_array(result, name, method, name)
            expect_shape(grad, x.shape, method, name)
            stale = []
            if same_shape and stale_gradient is not None:
                stale = [(stale_gradient(first, other_input, dout), t("suite.stale_inputs"))]
            if "peek_x" in given and stale_gradient is not None:
                peek = {"x": given["peek_x"], "y": given["peek_y"]}
                stale.append((stale_gradient(peek, other_input, dout), earlier_forward()))
            tolerance = LAYER_GRADIENT_TOLERANCE
            expect_gradient(grad, truth[name[1]], method, name, tolerance, stale, detail)


def earlier_forward():
    """Round 2 calls forward alone first, as accuracy() and loss() do in a network: the advice
    for a backward that used that call's inputs."""
    return t("suite.earlier_forward")
