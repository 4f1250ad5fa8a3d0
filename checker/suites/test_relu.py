"""Hidden tests for Relu: out = max(0, x), dx = dout where x > 0, else 0."""

import numpy as np
import pytest

from checker.i18n import join, t
from checker.judge import (
    FORWARD_TOLERANCE,
    LAYER_GRADIENT_TOLERANCE,
    expect_array,
    expect_close,
    expect_gradient,
    expect_shape,
    first_index,
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
ROUND_SHAPES = [(4, 5), (4, 5), (3, 2, 5)]  # one Relu: new batches, then another shape
KINK_MARGIN = 1e-2  # inputs stay this far from 0, far beyond the difference step h = 1e-5


def relu(x):
    return np.maximum(x, 0.0)


def with_both_signs(x):
    """At least one positive and one negative input, so that every known mistake shows."""
    x = x.copy()
    x.flat[0] = abs(x.flat[0]) + KINK_MARGIN
    x.flat[-1] = -abs(x.flat[-1]) - KINK_MARGIN
    return x


def away_from_kink(x):
    """ReLU has no derivative at 0 and a central difference across 0 is wrong: move x off it."""
    return np.where(x >= 0, x + KINK_MARGIN, x - KINK_MARGIN)


@pytest.mark.parametrize("shape", SHAPES, ids=shape_id)
def test_forward_zeroes_non_positive_inputs(run, normal, shape):
    x = with_both_signs(normal(shape))
    x.flat[1:-1:4] = 0.0  # exact zeros: out must be 0 there too
    out = expect_array(run_unary_layer(run, "Relu", x), "out", "Relu.forward", "out")
    expect_shape(out, shape, "Relu.forward", "out")
    mistakes = [
        (np.minimum(x, 0), t("suite.relu.forward.mask_inverted")),
        (x > 0, t("suite.relu.forward.returns_mask")),
        (x, t("suite.relu.forward.unchanged")),
    ]
    expect_close(out, relu(x), "Relu.forward", "out", FORWARD_TOLERANCE, mistakes, where={"x": x})


def with_signs_that_tell_mistakes_apart(dout):
    """dout > 0 at the first entry (x > 0 there) and at the last (x < 0), and < 0 at the
    second: otherwise a mask taken from dout could look like an inverted one on few entries."""
    dout = dout.copy()
    dout.flat[0], dout.flat[-1] = abs(dout.flat[0]), abs(dout.flat[-1])
    dout.flat[1] = -abs(dout.flat[1])
    return dout


@pytest.mark.parametrize("shape", SHAPES, ids=shape_id)
def test_backward_matches_numerical_gradient(run, normal, shape):
    x = with_both_signs(away_from_kink(normal(shape)))
    dout = with_signs_that_tell_mistakes_apart(normal(shape))
    dx = expect_array(run_unary_layer(run, "Relu", x, dout), "dx", "Relu.backward", "dx")
    expect_shape(dx, shape, "Relu.backward", "dx")
    truth = numerical_vjp(relu, {"x": x}, dout)["x"]
    mistakes = [
        (dout * (x <= 0), t("suite.relu.backward.mask_inverted")),
        (dout, t("suite.relu.backward.passes_dout")),
        (x > 0, t("suite.relu.backward.ignores_dout")),
        (relu(dout), t("suite.relu.backward.sign_of_dout")),
        (dout * relu(x), t("suite.relu.backward.times_output")),
    ]
    tolerance = LAYER_GRADIENT_TOLERANCE
    expect_gradient(dx, truth, "Relu.backward", "dx", tolerance, mistakes, where={"x": x})


def with_exact_zeros(x):
    """Some entries exactly 0, where ReLU has no derivative (the rest stays off the kink)."""
    x = x.copy()
    x.flat[1:-1:4] = 0.0
    return x


def at_kinks(dx, x, dout, truth):
    """The truth where x == 0 is a convention, not a difference (which would give dout / 2):
    dx = 0 there (the book's mask x <= 0) or dx = dout (a mask x < 0), either, per entry.
    Returns the truth with the convention nearer to dx at each kink."""
    kinks = x == 0
    nearer = np.where(np.abs(dx) <= np.abs(dx - dout), 0.0, dout)
    return np.where(kinks, nearer, truth)


def kink_detail(dx, x, truth, detail):
    """The kink detail, when the entry a failure names is where x == 0: the first value that is
    not a number, else the worst one (as judge.expect_close picks them)."""
    with np.errstate(all="ignore"):
        error = np.abs(dx - truth)
        named = ~np.isfinite(dx) if not np.all(np.isfinite(dx)) else error == np.max(error)
    index = first_index(named)
    return join([t("suite.relu.backward.kink"), detail]) if x[index] == 0 else detail


def test_one_relu_over_several_batches(run, normal):
    """A network keeps one Relu for every batch: each round must use that round's x only.
    Round 1 has exact zeros in x, where either convention for the derivative holds."""
    rounds = [
        {"x": with_both_signs(away_from_kink(normal(shape))), "dout": normal(shape)}
        for shape in ROUND_SHAPES
    ]
    rounds[0]["x"] = with_exact_zeros(rounds[0]["x"])
    rounds[1]["peek_x"] = with_both_signs(away_from_kink(normal(ROUND_SHAPES[1])))
    results = run_layer(run, "Relu", rounds)
    first_x = rounds[0]["x"]
    for i, (given, result) in enumerate(zip(rounds, results, strict=True)):
        x, dout = given["x"], given["dout"]
        detail = later_round_detail(i, ROUND_SHAPES)
        same_shape = i > 0 and x.shape == first_x.shape
        method = in_round("Relu.forward", i, len(rounds))
        out = expect_array(result, "out", method, "out")
        expect_shape(out, x.shape, method, "out")
        stale = []
        if same_shape:
            stale = [
                (np.where(first_x <= 0, 0.0, x), t("suite.relu.forward.mask_of_round_1")),
                (relu(first_x), t("suite.output_of_round_1")),
            ]
        expect_close(out, relu(x), method, "out", FORWARD_TOLERANCE, stale, detail)
        method = in_round("Relu.backward", i, len(rounds))
        dx = expect_array(result, "dx", method, "dx")
        expect_shape(dx, x.shape, method, "dx")
        truth = at_kinks(dx, x, dout, numerical_vjp(relu, {"x": x}, dout)["x"])
        stale = []
        if same_shape:
            stale = [(dout * (first_x > 0), t("suite.relu.backward.mask_of_round_1"))]
        if "peek_x" in given:
            stale.append((dout * (given["peek_x"] > 0), earlier_forward()))
        detail = kink_detail(dx, x, truth, detail)
        tolerance = LAYER_GRADIENT_TOLERANCE
        expect_gradient(dx, truth, method, "dx", tolerance, stale, detail, where={"x": x})


def test_two_relus_in_one_network(run, normal):
    """Two Relu instances, as at two depths of a network: forward, forward, backward, backward.
    Each must keep its own mask."""
    rounds = [{"x": with_both_signs(away_from_kink(normal((4, 5)))), "dout": normal((4, 5))}]
    rounds.append({"x": -rounds[0]["x"], "dout": normal((4, 5))})  # the other signs everywhere
    results = run_layer(run, "Relu", rounds, stack=True)
    for i, (given, result) in enumerate(zip(rounds, results, strict=True)):
        other_x = rounds[1 - i]["x"]
        method = in_round("Relu.backward", i, len(rounds), stack=True)
        dx = expect_array(result, "dx", method, "dx")
        expect_shape(dx, given["x"].shape, method, "dx")
        shared = (given["dout"] * (other_x > 0), t("suite.relu.backward.shared", other=2 - i))
        truth = numerical_vjp(relu, {"x": given["x"]}, given["dout"])["x"]
        expect_gradient(dx, truth, method, "dx", LAYER_GRADIENT_TOLERANCE, [shared])


from checker.suites import network  # noqa: E402 - the network test's own import, beside it


@network.network_test
def test_a_network_built_with_your_relu_learns(run, rng_named, section_verdicts):
    """The last safety net: a Relu that passes the tests above may still break a network
    (a list of rows, say). Trained with the student's own network, else the checker's."""
    network.run_network_test(run, rng_named, section_verdicts, "relu")
