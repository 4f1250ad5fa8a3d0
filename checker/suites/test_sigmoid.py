"""Hidden tests for Sigmoid: out = 1 / (1 + exp(-x)), dx = dout * out * (1 - out)."""

import numpy as np
import pytest

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
from checker.suites.conftest import (
    EARLIER_FORWARD,
    later_round_detail,
    round_label,
    run_layer,
    run_unary_layer,
    shape_id,
)

SHAPES = [(6,), (4, 5), (2, 3, 4, 5)]
ROUND_SHAPES = [(4, 5), (4, 5), (3, 2, 5)]  # one Sigmoid: new batches, then another shape
GRADIENT_RANGE = 6.0  # beyond |x| = 6 the slope is < 2.5e-3 and a central difference loses digits


def sigmoid(x):
    """The definition, written so that exp never overflows."""
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))


@pytest.mark.parametrize("shape", SHAPES, ids=shape_id)
def test_forward_values(run, normal, shape):
    x = normal(shape, scale=3.0)
    out = expect_array(run_unary_layer(run, "Sigmoid", x), "out", "Sigmoid.forward", "out")
    expect_shape(out, shape, "Sigmoid.forward", "out")
    mistakes = [(1 / (1 + np.exp(x)), "the sign is flipped: out = 1 / (1 + exp(-x)).")]
    expect_close(out, sigmoid(x), "Sigmoid.forward", "out", FORWARD_TOLERANCE, mistakes)


def test_forward_on_large_inputs(run):
    x = np.array([-1000.0, -100.0, -30.0, 0.0, 30.0, 100.0, 1000.0])
    out = expect_array(run_unary_layer(run, "Sigmoid", x), "out", "Sigmoid.forward", "out")
    expect_shape(out, x.shape, "Sigmoid.forward", "out")
    nan = np.flatnonzero(np.isnan(out))
    if nan.size:
        raise Wrong(
            "Sigmoid.forward",
            f"out is nan at x = {x[nan[0]]:g}. exp overflows to inf beyond about 709; a formula "
            "such as exp(x) / (1 + exp(x)) then gives inf / inf = nan, while 1 / (1 + exp(-x)) "
            "still gives a number in [0, 1].",
        )
    expect_close(
        out,
        sigmoid(x),
        "Sigmoid.forward",
        "out",
        FORWARD_TOLERANCE,
        detail="Check |x| up to 1000: the result must be a number in [0, 1].",
    )


@pytest.mark.parametrize("shape", SHAPES, ids=shape_id)
def test_backward_matches_numerical_gradient(run, normal, shape):
    x = np.clip(normal(shape, scale=2.0), -GRADIENT_RANGE, GRADIENT_RANGE)
    dout = normal(shape)
    dx = expect_array(run_unary_layer(run, "Sigmoid", x, dout), "dx", "Sigmoid.backward", "dx")
    expect_shape(dx, shape, "Sigmoid.backward", "dx")
    truth = numerical_vjp(sigmoid, {"x": x}, dout)["x"]
    y = sigmoid(x)
    mistakes = [
        (
            dout * x * (1 - x),
            "it uses x, the forward input. The local derivative uses the "
            "forward OUTPUT: dx = dout * out * (1 - out).",
        ),
        (y * (1 - y), "it ignores dout. By the chain rule, dx = dout * out * (1 - out)."),
        (dout * y, "it is missing the factor (1 - out): dx = dout * out * (1 - out)."),
        (dout * (1 - y), "it is missing the factor out: dx = dout * out * (1 - out)."),
        (-dout * y * (1 - y), "it has the wrong sign: dx = dout * out * (1 - out)."),
        (dout * y * y, "it uses out * out; the local derivative is out * (1 - out)."),
        (
            dout * y * y * (1 - y),
            "it uses out² (1 - out): the local derivative is out (1 - out), with out to the "
            "first power.",
        ),
    ]
    expect_gradient(dx, truth, "Sigmoid.backward", "dx", LAYER_GRADIENT_TOLERANCE, mistakes)


def test_backward_on_large_inputs(run, normal):
    x = np.array([-1000.0, -750.0, -100.0, 0.0, 100.0, 750.0, 1000.0])
    dout = normal(x.shape)
    dx = expect_array(run_unary_layer(run, "Sigmoid", x, dout), "dx", "Sigmoid.backward", "dx")
    expect_shape(dx, x.shape, "Sigmoid.backward", "dx")
    nan = np.flatnonzero(~np.isfinite(dx))
    if nan.size:
        raise Wrong(
            "Sigmoid.backward",
            f"dx is {dx[nan[0]]} at x = {x[nan[0]]:g}. exp overflows to inf beyond about 709, "
            "so a formula with exp(-x) breaks there, while dout * out * (1 - out), with the "
            "output that forward kept, stays a number.",
        )
    y = sigmoid(x)
    # Far from 0 the slope underflows to 0: compare the values, the truth needs no difference.
    expect_close(dx, dout * y * (1 - y), "Sigmoid.backward", "dx", LAYER_GRADIENT_TOLERANCE)


def test_one_sigmoid_over_several_batches(run, normal):
    """A network keeps one Sigmoid for every batch: each round must use that round's output."""
    rounds = [
        {"x": np.clip(normal(shape, 2.0), -GRADIENT_RANGE, GRADIENT_RANGE), "dout": normal(shape)}
        for shape in ROUND_SHAPES
    ]
    rounds[1]["peek_x"] = np.clip(normal(ROUND_SHAPES[1], 2.0), -GRADIENT_RANGE, GRADIENT_RANGE)
    results = run_layer(run, "Sigmoid", rounds)
    first_out = sigmoid(rounds[0]["x"])
    for i, (given, result) in enumerate(zip(rounds, results, strict=True)):
        x, dout = given["x"], given["dout"]
        label = round_label(i, len(rounds))
        detail = later_round_detail(i, ROUND_SHAPES)
        same_shape = i > 0 and x.shape == first_out.shape
        method = f"Sigmoid.forward{label}"
        out = expect_array(result, "out", method, "out")
        expect_shape(out, x.shape, method, "out")
        stale = [(first_out, "it returned the output of round 1 again.")] if same_shape else []
        expect_close(out, sigmoid(x), method, "out", FORWARD_TOLERANCE, stale, detail)
        method = f"Sigmoid.backward{label}"
        dx = expect_array(result, "dx", method, "dx")
        expect_shape(dx, x.shape, method, "dx")
        truth = numerical_vjp(sigmoid, {"x": x}, dout)["x"]
        stale = []
        if same_shape:
            stale = [
                (
                    dout * first_out * (1 - first_out),
                    "it used the output of round 1. backward must use self.out from the latest "
                    "forward call.",
                )
            ]
        if "peek_x" in given:
            peek_out = sigmoid(given["peek_x"])
            stale.append((dout * peek_out * (1 - peek_out), EARLIER_FORWARD))
        expect_gradient(dx, truth, method, "dx", LAYER_GRADIENT_TOLERANCE, stale, detail)


def test_two_sigmoids_in_one_network(run, normal):
    """Two Sigmoid instances, as at two depths of a network: forward, forward, backward,
    backward. Each must keep its own output."""
    rounds = [{"x": np.clip(normal((4, 5), 2.0), -6, 6), "dout": normal((4, 5))} for _ in "ab"]
    results = run_layer(run, "Sigmoid", rounds, stack=True)
    for i, (given, result) in enumerate(zip(rounds, results, strict=True)):
        other_out = sigmoid(rounds[1 - i]["x"])
        method = f"Sigmoid.backward (layer {i + 1})"
        dx = expect_array(result, "dx", method, "dx")
        expect_shape(dx, given["x"].shape, method, "dx")
        shared = (
            given["dout"] * other_out * (1 - other_out),
            f"it used the output of the other Sigmoid (layer {2 - i}). Each Sigmoid must keep "
            "its own state on self, not on the class.",
        )
        truth = numerical_vjp(sigmoid, {"x": given["x"]}, given["dout"])["x"]
        expect_gradient(dx, truth, method, "dx", LAYER_GRADIENT_TOLERANCE, [shared])
