"""Hidden tests for Sigmoid: out = 1 / (1 + exp(-x)), dx = dout * out * (1 - out)."""

import numpy as np
import pytest

from checker.i18n import t
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
    earlier_forward,
    in_round,
    later_round_detail,
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
    mistakes = [(1 / (1 + np.exp(x)), t("suite.sigmoid.forward.sign"))]
    tolerance = FORWARD_TOLERANCE
    expect_close(out, sigmoid(x), "Sigmoid.forward", "out", tolerance, mistakes, where={"x": x})


def test_forward_on_large_inputs(run):
    x = np.array([-1000.0, -100.0, -30.0, 0.0, 30.0, 100.0, 1000.0])
    out = expect_array(run_unary_layer(run, "Sigmoid", x), "out", "Sigmoid.forward", "out")
    expect_shape(out, x.shape, "Sigmoid.forward", "out")
    nan = np.flatnonzero(np.isnan(out))
    if nan.size:
        raise Wrong("Sigmoid.forward", t("suite.sigmoid.forward.nan", x=f"{x[nan[0]]:g}"))
    expect_close(
        out,
        sigmoid(x),
        "Sigmoid.forward",
        "out",
        FORWARD_TOLERANCE,
        detail=t("suite.sigmoid.forward.large"),
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
        (dout * x * (1 - x), t("suite.sigmoid.backward.uses_input")),
        (y * (1 - y), t("suite.sigmoid.backward.ignores_dout")),
        (dout * y, t("suite.sigmoid.backward.missing_one_minus_out")),
        (dout * (1 - y), t("suite.sigmoid.backward.missing_out")),
        (-dout * y * (1 - y), t("suite.sigmoid.backward.sign")),
        (dout * y * y, t("suite.sigmoid.backward.out_squared")),
        (dout * y * y * (1 - y), t("suite.sigmoid.backward.out_squared_times")),
    ]
    tolerance = LAYER_GRADIENT_TOLERANCE
    expect_gradient(dx, truth, "Sigmoid.backward", "dx", tolerance, mistakes, where={"x": x})


def test_backward_on_large_inputs(run, normal):
    x = np.array([-1000.0, -750.0, -100.0, 0.0, 100.0, 750.0, 1000.0])
    dout = normal(x.shape)
    dx = expect_array(run_unary_layer(run, "Sigmoid", x, dout), "dx", "Sigmoid.backward", "dx")
    expect_shape(dx, x.shape, "Sigmoid.backward", "dx")
    nan = np.flatnonzero(~np.isfinite(dx))
    if nan.size:
        value, at = str(dx[nan[0]]), f"{x[nan[0]]:g}"
        raise Wrong("Sigmoid.backward", t("suite.sigmoid.backward.not_finite", value=value, x=at))
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
        detail = later_round_detail(i, ROUND_SHAPES)
        same_shape = i > 0 and x.shape == first_out.shape
        method = in_round("Sigmoid.forward", i, len(rounds))
        out = expect_array(result, "out", method, "out")
        expect_shape(out, x.shape, method, "out")
        stale = [(first_out, t("suite.output_of_round_1"))] if same_shape else []
        expect_close(out, sigmoid(x), method, "out", FORWARD_TOLERANCE, stale, detail)
        method = in_round("Sigmoid.backward", i, len(rounds))
        dx = expect_array(result, "dx", method, "dx")
        expect_shape(dx, x.shape, method, "dx")
        truth = numerical_vjp(sigmoid, {"x": x}, dout)["x"]
        stale = []
        if same_shape:
            stale = [
                (dout * first_out * (1 - first_out), t("suite.sigmoid.backward.out_of_round_1"))
            ]
        if "peek_x" in given:
            peek_out = sigmoid(given["peek_x"])
            stale.append((dout * peek_out * (1 - peek_out), earlier_forward()))
        expect_gradient(dx, truth, method, "dx", LAYER_GRADIENT_TOLERANCE, stale, detail)


def test_two_sigmoids_in_one_network(run, normal):
    """Two Sigmoid instances, as at two depths of a network: forward, forward, backward,
    backward. Each must keep its own output."""
    rounds = [{"x": np.clip(normal((4, 5), 2.0), -6, 6), "dout": normal((4, 5))} for _ in "ab"]
    results = run_layer(run, "Sigmoid", rounds, stack=True)
    for i, (given, result) in enumerate(zip(rounds, results, strict=True)):
        other_out = sigmoid(rounds[1 - i]["x"])
        method = in_round("Sigmoid.backward", i, len(rounds), stack=True)
        dx = expect_array(result, "dx", method, "dx")
        expect_shape(dx, given["x"].shape, method, "dx")
        shared = (
            given["dout"] * other_out * (1 - other_out),
            t("suite.sigmoid.backward.shared", other=2 - i),
        )
        truth = numerical_vjp(sigmoid, {"x": given["x"]}, given["dout"])["x"]
        expect_gradient(dx, truth, method, "dx", LAYER_GRADIENT_TOLERANCE, [shared])
