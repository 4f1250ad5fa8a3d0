"""Hidden tests for Affine: out = x @ W + b on a batch, with 2-D and 4-D inputs."""

import numpy as np
import pytest

from checker.judge import (
    FORWARD_TOLERANCE,
    LAYER_GRADIENT_TOLERANCE,
    expect_array,
    expect_close,
    expect_gradient,
    expect_shape,
    numerical_vjp,
)

# (x shape, M): x is (N, D) or (N, d1, ..., dk); W is (D, M).
CASES = {
    "2d": ((4, 5), 3),
    "square_W": ((3, 4), 4),  # D == M: a transposed dW has the right shape, so values must catch it
    "4d": ((2, 3, 2, 2), 5),
}


def affine(x, W, b):
    return x.reshape(x.shape[0], -1) @ W + b


def draw(normal, x_shape, M):
    D = int(np.prod(x_shape[1:]))
    return normal(x_shape), normal((D, M)), normal((M,)), normal((x_shape[0], M))


@pytest.mark.parametrize("case", CASES)
def test_forward_values(run, normal, case):
    x_shape, M = CASES[case]
    x, W, b, _ = draw(normal, x_shape, M)
    out = expect_array(run("affine", {"x": x, "W": W, "b": b}), "out", "Affine.forward", "out")
    expect_shape(out, (x_shape[0], M), "Affine.forward", "out")
    x2 = x.reshape(x_shape[0], -1)
    mistakes = [
        (x2 @ W, "it forgets the bias: out = x @ W + b."),
        (x2 @ W - b, "it subtracts b: out = x @ W + b."),
    ]
    expect_close(out, affine(x, W, b), "Affine.forward", "out", FORWARD_TOLERANCE, mistakes)


def test_keeps_references_to_W_and_b(run, normal):
    """The network's optimizer changes params in place; the layer must see the change."""
    x, W, b, _ = draw(normal, (4, 5), 3)
    W_new, b_new = normal(W.shape), normal(b.shape)
    inputs = {"x": x, "W": W, "b": b, "W_new": W_new, "b_new": b_new}
    out = expect_array(run("affine", inputs), "out", "Affine.forward", "out")
    expect_shape(out, (4, 3), "Affine.forward", "out")
    copied = (
        "Affine keeps a copy of W or b, so it missed an in-place update of the parameters. "
        "Store the arrays you are given: self.W = W and self.b = b."
    )
    mistakes = [
        (affine(x, W, b), copied),
        (affine(x, W_new, b), copied),
        (affine(x, W, b_new), copied),
    ]
    expect_close(out, affine(x, W_new, b_new), "Affine.forward", "out", FORWARD_TOLERANCE, mistakes)


@pytest.mark.parametrize("case", CASES)
def test_backward_matches_numerical_gradient(run, normal, case):
    x_shape, M = CASES[case]
    N, D = x_shape[0], int(np.prod(x_shape[1:]))
    x, W, b, dout = draw(normal, x_shape, M)
    outputs = run("affine", {"x": x, "W": W, "b": b, "dout": dout})
    method = "Affine.backward"
    dx = expect_array(outputs, "dx", method, "dx")
    dW = expect_array(outputs, "dW", method, "self.dW")
    db = expect_array(outputs, "db", method, "self.db")

    # Shapes first: a wrong shape says more than any number.
    expect_shape(dx, x_shape, method, "dx", {(N, D): "reshape dx back to the original shape of x"})
    expect_shape(dW, (D, M), method, "dW", {(M, D): "dW = x.T @ dout, not its transpose"})
    expect_shape(
        db,
        (M,),
        method,
        "db",
        {
            (N, M): "sum dout over the batch axis (axis=0)",
            (): "sum over the batch axis only (axis=0), not over everything",
            (1, M): "use np.sum(dout, axis=0) without keepdims",
        },
    )

    truth = numerical_vjp(affine, {"x": x, "W": W, "b": b}, dout)
    x2 = x.reshape(N, D)
    square = M == D  # only then do these transposes have the right shape
    dx_mistakes = (
        [((dout @ W).reshape(x_shape), "dx = dout @ W.T, not dout @ W.")] if square else []
    )
    expect_gradient(dx, truth["x"], method, "dx", LAYER_GRADIENT_TOLERANCE, dx_mistakes)
    dW_mistakes = [(x2.T @ np.ones_like(dout), "it ignores dout: dW = x.T @ dout.")]
    if square:
        dW_mistakes.append(((x2.T @ dout).T, "dW is transposed: dW = x.T @ dout."))
    expect_gradient(dW, truth["W"], method, "dW", LAYER_GRADIENT_TOLERANCE, dW_mistakes)
    db_mistakes = [
        (dout.mean(axis=0), "db is the mean of dout over the batch; backprop needs the sum."),
        (np.full(M, float(N)), "it ignores dout: db is dout summed over the batch axis."),
    ]
    expect_gradient(db, truth["b"], method, "db", LAYER_GRADIENT_TOLERANCE, db_mistakes)
