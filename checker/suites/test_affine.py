"""Hidden tests for Affine: out = x @ W + b on a batch, with 2-D and 4-D inputs."""

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
from checker.suites.conftest import (
    FaultedRound,
    earlier_forward,
    in_round,
    later_round_detail,
    run_layer,
)

# (x shape, M): x is (N, D) or (N, d1, ..., dk); W is (D, M).
CASES = {
    "2d": ((4, 5), 3),
    "square_W": ((3, 4), 4),  # D == M: a transposed dW has the right shape, so values must catch it
    "4d": ((2, 3, 2, 2), 5),
}


# One Affine over rounds: new batches, W and b updated in place between them, a new batch size,
# a 4-D batch, a 2-D one again, then an x equal to the last one (a new array) and the very same
# array again, each after a step. W is (6, 3) throughout.
ROUND_SHAPES = [(4, 6), (4, 6), (7, 6), (2, 3, 2), (5, 6), (5, 6), (5, 6)]
EQUAL_X_ROUND, SAME_X_ROUND = 5, 6  # the x of the round before, as a copy, then as itself
LEARNING_RATE = 0.1


def run_affine_layer(run, rounds, params=None, stack=False):
    """Affine in the worker (run_layer): every fault is explained in terms of x·W first."""

    def explain(fault, given):
        explain_shape_error(fault, given["x"], given["W"], given.get("dout"))

    return run_layer(run, "Affine", rounds, params=params, stack=stack, explain=explain)


def run_affine(run, x, W, b, dout=None, W_step=None, b_step=None):
    """One round of Affine in the worker; the steps are subtracted from W and b in place first."""
    given = {"x": x}
    if dout is not None:
        given["dout"] = dout
    if W_step is not None:
        given.update(W_step=W_step, b_step=b_step)
    return run_affine_layer(run, [given], params={"W": W, "b": b})[0]


NOT_ALIGNED = re.compile(r"shapes \(([\d, ]*)\) and \(([\d, ]*)\) not aligned")
MATMUL_MISMATCH = re.compile(r"matmul: Input operand 1 has a mismatch in its core dimension 0")


def explain_shape_error(fault, x, W, dout):
    """numpy's "shapes ... not aligned", said in terms of the layer's math where it can be."""
    found = NOT_ALIGNED.search(fault.message or "") if fault.type == "ValueError" else None
    if found is None:
        # x @ W (matmul) names no shapes; in forward, the only product is x·W.
        in_forward = ".forward" in (english(fault.step) or "")
        if in_forward and x.ndim > 2 and MATMUL_MISMATCH.search(fault.message or ""):
            rows = str((x.shape[0], int(np.prod(x.shape[1:]))))
            fault.message = t(
                "suite.affine.not_aligned.flatten", text=fault.message, x=str(x.shape), rows=rows
            )
        return
    left, right = (
        tuple(int(n) for n in side.replace(" ", "").split(",") if n) for side in found.groups()
    )
    N, D = x.shape[0], int(np.prod(x.shape[1:]))
    if left == x.shape and right == W.shape and x.ndim > 2:
        rows = str((N, D))
        explained = t(
            "suite.affine.not_aligned.flatten", text=fault.message, x=str(x.shape), rows=rows
        )
    elif dout is not None and left == dout.shape and right == W.shape:
        shapes = {"dout": str(dout.shape), "W": str(W.shape)}
        explained = t("suite.affine.not_aligned.transpose", text=fault.message, **shapes)
    else:
        return
    fault.message = explained  # numpy's words, then the explanation, in both languages


def affine(x, W, b):
    return x.reshape(x.shape[0], -1) @ W + b


def draw(normal, x_shape, M):
    D = int(np.prod(x_shape[1:]))
    return normal(x_shape), normal((D, M)), normal((M,)), normal((x_shape[0], M))


@pytest.mark.parametrize("case", CASES)
def test_forward_values(run, normal, case):
    x_shape, M = CASES[case]
    x, W, b, _ = draw(normal, x_shape, M)
    out = expect_array(run_affine(run, x, W, b), "out", "Affine.forward", "out")
    expect_shape(out, (x_shape[0], M), "Affine.forward", "out")
    x2 = x.reshape(x_shape[0], -1)
    mistakes = [
        (x2 @ W, t("suite.affine.forward.no_bias")),
        (x2 @ W - b, t("suite.affine.forward.subtracts_b")),
    ]
    expect_close(out, affine(x, W, b), "Affine.forward", "out", FORWARD_TOLERANCE, mistakes)


def test_keeps_references_to_W_and_b(run, normal):
    """The network's optimizer changes params in place; the layer must see the change."""
    x, W, b, _ = draw(normal, (4, 5), 3)
    W_step, b_step = normal(W.shape), normal(b.shape)
    W_new, b_new = W - W_step, b - b_step  # as the worker computes them, in place
    out = expect_array(
        run_affine(run, x, W, b, None, W_step, b_step), "out", "Affine.forward", "out"
    )
    expect_shape(out, (4, 3), "Affine.forward", "out")
    copied = t("suite.affine.forward.copied")
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
    outputs = run_affine(run, x, W, b, dout)
    method = "Affine.backward"
    dx = expect_array(outputs, "dx", method, "dx")
    dW = expect_array(outputs, "dW", method, "self.dW")
    db = expect_array(outputs, "db", method, "self.db")

    # Shapes first: a wrong shape says more than any number.
    expect_shape(dx, x_shape, method, "dx", {(N, D): t("suite.affine.shape.dx_flat")})
    dW_advice = {(M, D): t("suite.affine.shape.dW_transposed")}
    if len(x_shape) > 2:  # np.dot of the 4-D x, transposed, with dout
        dW_advice[(*x_shape[::-1][:-1], M)] = t("suite.affine.shape.dW_4d")
    expect_shape(dW, (D, M), method, "dW", dW_advice)
    expect_shape(
        db,
        (M,),
        method,
        "db",
        {
            (N, M): t("suite.affine.shape.db_not_summed"),
            (): t("suite.affine.shape.db_summed_all"),
            (1, M): t("suite.affine.shape.db_keepdims"),
            # only where N != M; otherwise the values below tell
            (N,): t("suite.affine.shape.db_axis_1"),
        },
    )

    truth = numerical_vjp(affine, {"x": x, "W": W, "b": b}, dout)
    x2 = x.reshape(N, D)
    square = M == D  # only then do these transposes have the right shape
    # A layer that averages over the batch itself: the loss already did.
    averaged = t("suite.affine.backward.averaged", batch=N)
    dx_mistakes = [(truth["x"] / N, averaged)]
    if square:
        dx_mistakes.append(
            ((dout @ W).reshape(x_shape), t("suite.affine.backward.dx_not_transposed"))
        )
    expect_gradient(dx, truth["x"], method, "dx", LAYER_GRADIENT_TOLERANCE, dx_mistakes)
    dW_mistakes = [
        (x2.T @ np.ones_like(dout), t("suite.affine.backward.dW_ignores_dout")),
        (truth["W"] / N, averaged),
    ]
    if square:
        dW_mistakes.append(((x2.T @ dout).T, t("suite.affine.backward.dW_transposed")))
    expect_gradient(dW, truth["W"], method, "dW", LAYER_GRADIENT_TOLERANCE, dW_mistakes)
    db_mistakes = [
        (dout.mean(axis=0), t("suite.affine.backward.db_mean")),
        (np.full(M, float(N)), t("suite.affine.backward.db_ignores_dout")),
    ]
    if N == M:  # only then has the sum over axis 1 the shape of b (else its shape tells)
        db_mistakes.append((dout.sum(axis=1), t("suite.affine.backward.db_axis_1")))
    expect_gradient(db, truth["b"], method, "db", LAYER_GRADIENT_TOLERANCE, db_mistakes)


def test_one_affine_over_several_batches_with_sgd_updates(run, normal):
    """A network keeps one Affine and updates W and b in place between batches (SGD)."""
    W, b = normal((6, 3)), normal((3,))
    rounds = []
    for i, shape in enumerate(ROUND_SHAPES):
        given = {"x": normal(shape), "dout": normal((shape[0], 3))}
        if i > 0:
            given.update(
                W_step=LEARNING_RATE * normal(W.shape), b_step=LEARNING_RATE * normal(b.shape)
            )
        rounds.append(given)
    rounds[1]["peek_x"] = normal(ROUND_SHAPES[1])
    rounds[EQUAL_X_ROUND]["x"] = rounds[EQUAL_X_ROUND - 1]["x"].copy()
    rounds[SAME_X_ROUND]["x"] = rounds[SAME_X_ROUND - 1]["x"]
    rounds[SAME_X_ROUND]["same_inputs_as"] = SAME_X_ROUND - 1
    results = run_affine_layer(run, rounds, params={"W": W, "b": b})
    first = {"x": rounds[0]["x"], "W": W, "b": b}
    before = first  # the parameters of the round before
    for i, (given, result) in enumerate(zip(rounds, results, strict=True)):
        now = before
        if i > 0:  # as the worker did, in place
            now = {"W": before["W"] - given["W_step"], "b": before["b"] - given["b_step"]}
        call = ["forward"]  # the call being judged
        try:
            expect_affine_round(i, len(rounds), given, result, now, before, first, call)
        except (Wrong, StudentFault) as failure:
            # A parameter the layer replaced explains any failure after it: name it first.
            change = parameter_change(results, (i, call[0]))
            if change is not None:
                raise change from failure
            raise
        before = now


def expect_affine_round(i, count, given, result, now, before, first, call):
    """Round i of `count` in the lifetime test, judged: now, before and first hold W and b in
    this round, the round before and round 1 (with its x). call[0] is the call being judged."""
    W, b = now["W"], now["b"]
    W_first, b_first, x_first = first["W"], first["b"], first["x"]
    x, dout = given["x"], given["dout"]
    N = x.shape[0]
    detail = later_round_detail(i, ROUND_SHAPES)
    same_x_shape = i > 0 and x.shape == x_first.shape
    copied = t("suite.affine.round.copied", round=i)
    method = in_round("Affine.forward", i, count)
    out = expect_array(result, "out", method, "out")
    expect_shape(out, (N, 3), method, "out")
    stale = []
    if i > 0:
        stale = [(affine(x, W_first, b), copied), (affine(x, W, b_first), copied)]
        stale.append((affine(x, W_first, b_first), copied))
    if same_x_shape:
        stale.append((affine(x_first, W, b), t("suite.affine.round.x_of_round_1")))
    if i in (EQUAL_X_ROUND, SAME_X_ROUND):  # what the round before gave for this x
        key = "suite.affine.round.equal_x" if i == EQUAL_X_ROUND else "suite.affine.round.same_x"
        stale.append((affine(x, before["W"], before["b"]), t(key, round=i)))
    expect_close(out, affine(x, W, b), method, "out", FORWARD_TOLERANCE, stale, detail)

    call[0] = "backward"
    method = in_round("Affine.backward", i, count)
    dx = expect_array(result, "dx", method, "dx")
    dW = expect_array(result, "dW", method, "self.dW")
    db = expect_array(result, "db", method, "self.db")
    expect_shape(dx, x.shape, method, "dx")
    expect_shape(dW, W.shape, method, "dW")
    expect_shape(db, b.shape, method, "db")
    truth = numerical_vjp(affine, {"x": x, "W": W, "b": b}, dout)
    stale = []
    if i > 0:
        stale = [((dout @ W_first.T).reshape(x.shape), copied)]
    expect_gradient(dx, truth["x"], method, "dx", LAYER_GRADIENT_TOLERANCE, stale, detail)
    stale = []
    if same_x_shape:
        stale = [(x_first.T @ dout, t("suite.affine.round.dW_x_of_round_1"))]
    if "peek_x" in given:
        stale.append((given["peek_x"].reshape(N, -1).T @ dout, earlier_forward()))
    expect_gradient(dW, truth["W"], method, "dW", LAYER_GRADIENT_TOLERANCE, stale, detail)
    expect_gradient(db, truth["b"], method, "db", LAYER_GRADIENT_TOLERANCE, (), detail)


PARAM_FACTS = 5  # scenarios.param_facts: array, shares memory, same shape, values, transposed


def parameter_change(results, until):
    """A Wrong for the first call, up to `until` = (round, "forward" or "backward"), after
    which self.W or self.b no longer is the array that __init__ kept (the network's params):
    a copy, a new array, or W transposed. None when nothing was replaced, or when __init__
    kept neither (another name, or a copy: the other tests say so)."""
    calls = [(0, "init")] + [(i, c) for i in range(until[0] + 1) for c in ("forward", "backward")]
    kept = {}
    for i, call in calls[: calls.index(until) + 1]:
        if isinstance(results[i], FaultedRound):
            return None
        for name in ("W", "b"):
            facts = results[i].arrays.get(f"layer_after_{call}_{name}")
            shape = results[i].arrays.get(f"layer_after_{call}_{name}_shape")
            if not (valid_facts(facts) and valid_shape(shape)):
                continue  # no such attribute, or facts that are not the worker's: no verdict
            is_array, shares, same_shape, same_values, transposed = (bool(f) for f in facts)
            now_kept = is_array and shares and same_shape and same_values
            if call == "init":
                kept[name] = now_kept
            elif kept.get(name) and not now_kept:
                method = in_round(f"Affine.{call}", i, len(results))
                return Wrong(method, replaced(name, is_array, shape, transposed, same_values))
    return None


def valid_facts(facts):
    return (
        facts is not None
        and facts.dtype.kind in "iu"
        and facts.shape == (PARAM_FACTS,)
        and bool(np.all((facts == 0) | (facts == 1)))
    )


def valid_shape(shape):
    return (
        shape is not None
        and shape.dtype.kind in "iu"
        and shape.ndim == 1
        and shape.size <= 32
        and bool(np.all(shape >= 0))
    )


def replaced(name, is_array, shape, transposed, same_values):
    """What became of self.W or self.b, said in terms of the network's params."""
    if not is_array:
        return t("suite.affine.param.not_an_array", name=name)
    if transposed and not same_values:
        shape = tuple(int(n) for n in shape)
        expected = str(shape[::-1])
        return t("suite.affine.param.transposed", name=name, shape=str(shape), expected=expected)
    if same_values:
        return t("suite.affine.param.copied", name=name)
    return t("suite.affine.param.replaced", name=name)


def test_two_affines_in_one_network(run, normal):
    """Two Affine instances, as at two depths of a network: forward, forward, backward,
    backward. Each must keep its own x, W and b."""
    rounds = [
        {"x": normal((4, 6)), "W": normal((6, 3)), "b": normal((3,)), "dout": normal((4, 3))}
        for _ in "ab"
    ]
    results = run_affine_layer(run, rounds, stack=True)
    for i, (given, result) in enumerate(zip(rounds, results, strict=True)):
        x, W, b, dout = (given[k] for k in ("x", "W", "b", "dout"))
        other = rounds[1 - i]
        method = in_round("Affine.backward", i, len(rounds), stack=True)
        shared = t("suite.affine.backward.shared", other=2 - i)
        truth = numerical_vjp(affine, {"x": x, "W": W, "b": b}, dout)
        dW = expect_array(result, "dW", method, "self.dW")
        expect_shape(dW, W.shape, method, "dW")
        stale = [(other["x"].T @ dout, shared)]
        expect_gradient(dW, truth["W"], method, "dW", LAYER_GRADIENT_TOLERANCE, stale)
        dx = expect_array(result, "dx", method, "dx")
        expect_shape(dx, x.shape, method, "dx")
        expect_gradient(dx, truth["x"], method, "dx", LAYER_GRADIENT_TOLERANCE)


from checker.suites import network  # noqa: E402 - the network test's own import, beside it


@network.network_test
def test_a_network_built_with_your_affine_learns(run, rng_named, section_verdicts):
    """The last safety net: an Affine that passes the tests above may still break a network
    (an np.matrix, say). Trained with the student's own network, else the checker's."""
    network.run_network_test(run, rng_named, section_verdicts, "affine")
