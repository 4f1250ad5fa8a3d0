"""Hidden tests for AddLayer: out = x + y, dx = dout, dy = dout."""

import numpy as np
import pytest

from checker.i18n import t
from checker.judge import (
    FORWARD_TOLERANCE,
    LAYER_GRADIENT_TOLERANCE,
    expect_array,
    expect_close,
    expect_gradient,
    expect_number,
    expect_shape,
    numerical_vjp,
    rel_error,
)
from checker.suites.conftest import (
    expect_binary_layer_rounds,
    run_binary_layer,
    shape_id,
)

SHAPES = [(), (5,), (3, 4), (2, 3, 4)]  # () means Python floats
ROUND_SHAPES = [(3, 4), (3, 4), (5,)]  # one AddLayer: new inputs, then another shape


def add(x, y):
    return x + y


@pytest.mark.parametrize("shape", SHAPES, ids=shape_id)
def test_forward_is_the_sum(run, normal, shape):
    x, y = normal(shape), normal(shape)
    while rel_error(x + y, x * y) < 0.1:  # a single pair of floats can nearly agree
        x, y = normal(shape), normal(shape)
    out = expect_array(run_binary_layer(run, "AddLayer", x, y), "out", "AddLayer.forward", "out")
    expect_shape(out, shape, "AddLayer.forward", "out")
    mistakes = [(x * y, t("suite.add.forward.multiplies"))]
    expect_close(out, x + y, "AddLayer.forward", "out", FORWARD_TOLERANCE, mistakes)


@pytest.mark.parametrize("shape", SHAPES, ids=shape_id)
def test_backward_matches_numerical_gradient(run, normal, shape):
    x, y, dout = normal(shape), normal(shape), normal(shape)
    outputs = run_binary_layer(run, "AddLayer", x, y, dout)
    truth = numerical_vjp(add, {"x": x, "y": y}, dout)
    for name, own, other in (("dx", x, y), ("dy", y, x)):
        grad = expect_array(outputs, name, "AddLayer.backward", name)
        expect_shape(grad, shape, "AddLayer.backward", name)
        mistakes = [
            (np.ones(shape), t("suite.add.backward.ignores_dout")),
            (dout * other, t("suite.add.backward.like_mul", name=name)),
            (dout * own, t("suite.add.backward.times_input")),
            (np.zeros(shape), t("suite.add.backward.zero")),
            (-dout, t("suite.add.backward.sign", name=name, input=name[1])),
        ]
        expect_gradient(
            grad, truth[name[1]], "AddLayer.backward", name, LAYER_GRADIENT_TOLERANCE, mistakes
        )


def test_the_book_apple_orange_example(run):
    outputs = run("apple_examples", {}, {"example": "apple_orange"})
    method = t("suite.add.apple_orange")
    expect_number(outputs, "price", 715.0, method, "price")
    names = ["dapple_num", "dapple", "dorange", "dorange_num", "dtax"]
    for i, (name, expected) in enumerate(zip(names, [110.0, 2.2, 3.3, 165.0, 650.0], strict=True)):
        expect_number(outputs, f"grad{i}", expected, method, name)


def test_one_add_layer_over_several_calls(run, normal):
    """One AddLayer used again and again, as in a network: each round must use its own inputs."""
    expect_binary_layer_rounds(run, normal, "AddLayer", add, ROUND_SHAPES)
