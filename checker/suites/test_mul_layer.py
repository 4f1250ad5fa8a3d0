"""Hidden tests for MulLayer: out = x * y, dx = dout * y, dy = dout * x."""

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
    in_round,
    run_binary_layer,
    run_layer,
    shape_id,
)

SHAPES = [(), (5,), (3, 4), (2, 3, 4)]  # () means Python floats
ROUND_SHAPES = [(3, 4), (3, 4), (5,)]  # one MulLayer: new inputs, then another shape


def mul(x, y):
    return x * y


@pytest.mark.parametrize("shape", SHAPES, ids=shape_id)
def test_forward_is_the_product(run, normal, shape):
    x, y = normal(shape), normal(shape)
    while rel_error(x + y, x * y) < 0.1:  # a single pair of floats can nearly agree
        x, y = normal(shape), normal(shape)
    out = expect_array(run_binary_layer(run, "MulLayer", x, y), "out", "MulLayer.forward", "out")
    expect_shape(out, shape, "MulLayer.forward", "out")
    mistakes = [(x + y, t("suite.mul.forward.adds"))]
    expect_close(out, x * y, "MulLayer.forward", "out", FORWARD_TOLERANCE, mistakes)


@pytest.mark.parametrize("shape", SHAPES, ids=shape_id)
def test_backward_matches_numerical_gradient(run, normal, shape):
    x, y, dout = normal(shape), normal(shape), normal(shape)
    outputs = run_binary_layer(run, "MulLayer", x, y, dout)
    truth = numerical_vjp(mul, {"x": x, "y": y}, dout)
    for name, own, other in (("dx", x, y), ("dy", y, x)):
        grad = expect_array(outputs, name, "MulLayer.backward", name)
        expect_shape(grad, shape, "MulLayer.backward", name)
        swapped = "y" if name == "dx" else "x"
        mistakes = [
            (
                dout * own,
                t("suite.mul.backward.not_swapped", name=name, own=name[1], other=swapped),
            ),
            (other, t("suite.mul.backward.ignores_dout")),
            (dout, t("suite.mul.backward.like_add", name=name)),
        ]
        expect_gradient(
            grad, truth[name[1]], "MulLayer.backward", name, LAYER_GRADIENT_TOLERANCE, mistakes
        )


def test_one_mul_layer_over_several_calls(run, normal):
    """One MulLayer used again and again, as in a network: each round must use its own inputs."""
    expect_binary_layer_rounds(
        run, normal, "MulLayer", mul, ROUND_SHAPES, lambda first, other, dout: dout * first[other]
    )


def test_two_mul_layers_in_one_graph(run, normal):
    """Two MulLayers, as the apple and tax nodes of one graph: forward, forward, backward,
    backward. Each must keep its own inputs."""
    rounds = [{"x": normal((3, 4)), "y": normal((3, 4)), "dout": normal((3, 4))} for _ in "ab"]
    results = run_layer(run, "MulLayer", rounds, stack=True)
    for i, (given, result) in enumerate(zip(rounds, results, strict=True)):
        other = rounds[1 - i]
        method = in_round("MulLayer.backward", i, len(rounds), stack=True)
        truth = numerical_vjp(mul, {"x": given["x"], "y": given["y"]}, given["dout"])
        for name, other_input in (("dx", "y"), ("dy", "x")):
            grad = expect_array(result, name, method, name)
            expect_shape(grad, given["x"].shape, method, name)
            shared = (
                given["dout"] * other[other_input],
                t("suite.mul.backward.shared", other=2 - i),
            )
            tolerance = LAYER_GRADIENT_TOLERANCE
            expect_gradient(grad, truth[name[1]], method, name, tolerance, [shared])


def test_the_book_apple_example(run):
    outputs = run("apple_examples", {}, {"example": "apple"})
    method = t("suite.mul.apple")
    expect_number(outputs, "price", 220.0, method, "price")
    ignored_dout = t("suite.mul.apple.ignores_dout")
    expect_number(outputs, "grad0", 2.2, method, "dapple", mistakes=[(2.0, ignored_dout)])
    expect_number(outputs, "grad1", 110.0, method, "dapple_num", mistakes=[(100.0, ignored_dout)])
    expect_number(outputs, "grad2", 200.0, method, "dtax")
