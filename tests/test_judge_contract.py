"""The output contract and the comparisons, on values as a worker reports them (no worker runs).

Each value goes through scenarios.encode, as in the worker, and channel's validation of the
reply, as in the judge; then expect_array and expect_close judge it. Every rule has its
message, and every value ends as a verdict (Wrong) or a pass, never another exception.
"""

import numpy as np
import pytest

from checker import channel, judge, scenarios
from checker.judge import Wrong, expect_array, expect_close, expect_gradient
from checker.sandbox import Outputs


def reported(results, links=None):
    """What the judge gets for these results: the worker's encoding, validated by the channel."""
    arrays, meta = scenarios.encode(results, links)
    reply = channel.reply({"done": True, "meta": meta})
    return Outputs({k: np.array(v) for k, v in arrays.items()}, reply["meta"])


def key_of(call):
    with pytest.raises(Wrong) as raised:
        call()
    return raised.value.message.key


X = np.arange(6.0).reshape(2, 3)


@pytest.mark.parametrize(
    "value, key",
    [
        (np.asmatrix(X), "judge.contract.matrix"),
        (np.ma.masked_array(X), "judge.contract.subclass"),
        (X.tolist(), "judge.contract.list"),
        ((X,), "judge.contract.trailing_comma"),
        ((X, X), "judge.contract.tuple"),
        (X > 2, "judge.contract.bool"),
        (X.astype(np.int64), "judge.contract.integer"),
        (X.astype(np.float16), "judge.contract.half"),
        (X.astype(complex), "judge.complex"),
        (None, "judge.not_an_array"),
        ("a string", "judge.not_an_array"),
        (True, "judge.contract.bool"),
    ],
    ids=lambda v: v if isinstance(v, str) else type(v).__name__,
)
def test_each_broken_rule_has_its_message(value, key):
    outputs = reported({"out": value})
    assert key_of(lambda: expect_array(outputs, "out", "Relu.forward")) == key


@pytest.mark.parametrize(
    "value",
    [X, X.astype(np.float32), 2.5, 200, np.float64(1.5), np.int64(200), np.array(3.0)],
    ids=lambda v: f"{type(v).__name__}:{getattr(v, 'dtype', '')}",
)
def test_valid_values_pass_as_returned(value):
    array = expect_array(reported({"out": value}), "out", "MulLayer.forward")
    assert array.dtype == np.asarray(value).dtype  # judged in its own dtype, not a copy


def test_gradients_sharing_memory_are_named():
    dout = np.ones((2, 3))
    links = scenarios.memory_links({"dx": dout, "dy": dout[...]}, {"dout": dout})
    outputs = reported({"dx": dout, "dy": dout[...]}, links)
    assert key_of(lambda: expect_array(outputs, "dx", "AddLayer.backward")) == (
        "judge.contract.shares_dout"
    )
    # sharing with dout is the book's Relu.backward: fine
    links = scenarios.memory_links({"dx": dout}, {"dout": dout})
    expect_array(reported({"dx": dout}, links), "dx", "Relu.backward")


def test_a_gradient_that_is_a_parameter_is_named():
    W = np.ones((3, 2))
    links = scenarios.memory_links({"dW": W.T.T}, {"W": W})
    outputs = reported({"dW": W.T.T}, links)
    assert key_of(lambda: expect_array(outputs, "dW", "Affine.backward")) == (
        "judge.contract.shares_parameter"
    )


def test_gradients_of_different_shapes_are_left_to_the_shape_check():
    dW = np.ones((4, 3))
    links = scenarios.memory_links({"W1": dW, "W2": dW[:2]}, {})
    outputs = reported({"W1": dW, "W2": dW[:2]}, links)
    expect_array(outputs, "W1", "TwoLayerNet.gradient")


def test_forged_facts_are_refused():
    for meta in (
        {"out": {"type": "x", "kind": "passed"}},
        {"out": {"type": "x", "kind": "ndarray", "shares": ["../etc"]}},
        {"out": {"type": "x", "kind": "tuple", "count": -1}},
        {"out": {"type": "x", "kind": "ndarray", "shares": ["a"] * 17}},
    ):
        with pytest.raises(channel.Forged):
            channel.reply({"done": True, "meta": meta})


TRUTH = np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -3.0]])


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_values_are_said_where(bad):
    actual = TRUTH.copy()
    actual[1, 2] = bad
    x = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 0.0]])
    with pytest.raises(Wrong) as raised:
        expect_gradient(actual, TRUTH, "Relu.backward", "dx", 1e-6, where={"x": x})
    english = raised.value.message.english
    assert "index (1, 2)" in english and "where x is exactly 0" in english, english
    assert ("NaN" if np.isnan(bad) else str(bad)) in english


def test_every_comparison_ends_in_a_verdict():
    """Whatever the values, expect_close passes or raises Wrong, nothing else."""
    rng = np.random.default_rng(0)
    specials = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e308, -1e308, 5e-324, 1.0])
    for _ in range(300):
        actual = rng.choice(specials, size=(2, 3))
        truth = rng.normal(size=(2, 3))
        mistakes = [(rng.choice(specials, size=(2, 3)), judge.t("judge.return_it"))]
        try:
            expect_close(actual, truth, "Relu.forward", "out", 1e-7, mistakes)
        except Wrong:
            pass
    assert judge.rel_error(np.array([1e308]), np.array([-1e308])) == 1.0
    assert judge.rel_error(np.array([np.nan]), np.array([1.0])) == np.inf
    assert judge.rel_error(np.array([np.inf, np.nan]), np.array([np.inf, np.nan])) == 0.0


def test_an_int_that_lost_its_fraction_is_named():
    with pytest.raises(Wrong) as raised:
        expect_close(np.array(2), np.array(2.2), "MulLayer (the apple example)", "dapple", 1e-9)
    assert raised.value.message.key == "judge.wrong_because"
    assert "fraction was cut off" in raised.value.message.english
    ignored = judge.t("suite.mul.apple.ignores_dout")
    with pytest.raises(Wrong) as raised:  # the same numbers as a known mistake: both are named
        expect_close(np.array(2), np.array(2.2), "MulLayer", "dapple", 1e-9, [(2.0, ignored)])
    assert raised.value.message.key == "judge.wrong_either"
