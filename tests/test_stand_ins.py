"""The stand-in layers' forward budget counts cost (examples through forward), not calls:
backprop one example at a time or in micro-batches fits it, numerical differentiation does not,
not even for a few entries."""

import numpy as np
import pytest

from checker import stand_ins
from checker.scenarios import import_target
from tests.checker_run import SOLUTIONS

BATCH = 16


@pytest.fixture
def net():
    module = import_target(str(SOLUTIONS), "two_layer_net.py", stand_ins.MODULES)
    np.random.seed(0)
    net = module.TwoLayerNet(784, 50, 10)
    net.budget = stand_ins.watch(net)
    return net


def batch():
    rng = np.random.default_rng(0)
    return rng.random((BATCH, 784)), rng.integers(0, 10, BATCH)


def backprop(net, x, t):
    """The book's backward pass on one batch, after its forward pass."""
    net.loss(x, t)
    dout = net.lastLayer.backward(1)
    for layer in reversed(list(net.layers.values())):
        dout = layer.backward(dout)
    affine1, affine2 = net.layers["Affine1"], net.layers["Affine2"]
    return {"W1": affine1.dW, "b1": affine1.db, "W2": affine2.dW, "b2": affine2.db}


def averaged(net, x, t, batches):
    """Backprop on each batch of rows, weighted by its size: the gradient of the whole batch."""
    total = {key: np.zeros_like(value) for key, value in net.params.items()}
    for rows in batches:
        for key, grad in backprop(net, x[rows], t[rows]).items():
            total[key] += grad * len(x[rows])
    return {key: grad / len(x) for key, grad in total.items()}


@pytest.mark.parametrize("how", ["one_batch", "one_example_at_a_time", "four_micro_batches"])
def test_backprop_costs_one_pass_however_the_batch_is_split(net, how):
    x, t = batch()
    net.budget.start(stand_ins.rows(x), stand_ins.FORWARD_BUDGET)
    whole = backprop(net, x, t)
    spent = net.budget.rows
    net.budget.start(stand_ins.rows(x), stand_ins.FORWARD_BUDGET)
    batches = {
        "one_batch": [slice(None)],
        "one_example_at_a_time": [slice(i, i + 1) for i in range(BATCH)],
        "four_micro_batches": np.array_split(np.arange(BATCH), 4),
    }[how]
    grads = averaged(net, x, t, batches)
    assert spent == net.budget.rows == 4 * BATCH  # each example through each of the 4 layers
    for key in whole:
        np.testing.assert_allclose(grads[key], whole[key], rtol=1e-10, atol=1e-15)


def test_numerical_differentiation_through_the_stand_ins_is_stopped(net):
    x, t = batch()
    net.budget.start(stand_ins.rows(x), stand_ins.FORWARD_BUDGET)
    with pytest.raises(stand_ins.NumericalInDisguise, match="numerical differentiation"):
        net.numerical_gradient(x, t)


def test_a_few_entries_by_numerical_differences_are_stopped(net):
    """b2 alone (10 entries, 20 forward passes) is 80 times the batch through the layers."""
    x, t = batch()
    net.budget.start(stand_ins.rows(x), stand_ins.FORWARD_BUDGET)
    backprop(net, x, t)
    with pytest.raises(stand_ins.NumericalInDisguise, match="numerical differentiation"):
        stand_ins.numerical_gradient(lambda _: net.loss(x, t), net.params["b2"])


def test_the_budget_is_per_call_and_off_outside_gradient(net):
    x, t = batch()
    for _ in range(3 * stand_ins.FORWARD_BUDGET):  # loss() outside gradient(): not counted
        net.loss(x, t)
    net.budget.start(stand_ins.rows(x), stand_ins.FORWARD_BUDGET)
    for _ in range(stand_ins.FORWARD_BUDGET // 4):  # 5 whole passes: the limit, not beyond
        net.loss(x, t)
    with pytest.raises(stand_ins.NumericalInDisguise):
        net.loss(x, t)
    net.budget.stop()
    net.loss(x, t)


def test_a_list_of_layers_is_watched_with_the_books_names(net):
    net.layers = list(net.layers.values())
    budget = stand_ins.watch(net)
    assert [layer.name for layer in net.layers] == ["Affine1", "Relu1", "Affine2"]
    assert budget.layers == 4 and isinstance(net.layers, list)
