"""What the worker does with student code: small, fixed scripts that call it and collect results.

Each scenario takes (context, inputs, options) and returns a dict of results.
It runs inside the worker, so it only *collects* values; every judgement is
made in the judge. Inputs are copied before they reach student code, so a
layer that changes its arguments in place (the book's Relu.backward does)
cannot disturb anything else.
"""

import importlib
import os
import sys
import types

import numpy as np

from checker import stand_ins
from checker.manifest import BY_NAME

PACKAGE = "kata_target"  # the target folder is imported under this name


class BadReturn(Exception):
    """Student code returned something of the wrong kind. The message is for the student."""

    fault_kind = "bad_return"


class MissingFile(ImportError):
    """The section's file is not in the target folder."""


class Context:
    """The worker's view of one section of one target folder."""

    def __init__(self, target_dir, section_name, announce):
        self.target_dir = target_dir
        self.section = BY_NAME[section_name]
        self.announce = announce
        self.step = None
        self._module = None

    def enter(self, step):
        self.step = step
        self.announce(step)

    def call(self, step, function, *args):
        self.enter(step)
        return function(*args)

    def student_class(self, name):
        if self._module is None:
            self.enter(f"import {self.section.file}")
            if not os.path.isfile(os.path.join(self.target_dir, self.section.file)):
                raise MissingFile(
                    f"there is no such file (copy it again from the kata: {self.section.file})"
                )
            replacements = stand_ins.MODULES if self.section.name == "two_layer_net" else {}
            self._module = import_target(self.target_dir, self.section.file, replacements)
        if not hasattr(self._module, name):
            raise BadReturn(
                f"{self.section.file} has no class {name}: keep the name from the stub."
            )
        return getattr(self._module, name)


def import_target(target_dir, file, replacements):
    """Import target_dir/file as kata_target.<stem>, with some sibling modules replaced."""
    package = types.ModuleType(PACKAGE)
    package.__path__ = [target_dir]
    sys.modules[PACKAGE] = package
    for name, attributes in replacements.items():
        module = types.ModuleType(f"{PACKAGE}.{name}")
        module.__dict__.update(attributes)
        sys.modules[module.__name__] = module
    return importlib.import_module(f"{PACKAGE}.{file.removesuffix('.py')}")


def pair(value, step):
    if isinstance(value, tuple | list) and len(value) == 2:
        return value
    raise BadReturn(f"must return two values (dx, dy); it returned {describe(value)}.")


def describe(value):
    if isinstance(value, tuple | list):
        return f"a {type(value).__name__} of {len(value)} values"
    return "None" if value is None else f"a {type(value).__name__}"


def attribute(obj, name, step):
    if not hasattr(obj, name) or getattr(obj, name) is None:
        raise BadReturn(f"did not set self.{name}.")
    return getattr(obj, name)


def copy(value):
    return value.copy() if isinstance(value, np.ndarray) else value


# --- scenarios ---------------------------------------------------------------------------------


def binary_layer(ctx, inputs, options):
    """MulLayer or AddLayer: forward(x, y), then backward(dout) -> (dx, dy) if dout is given."""
    cls = options["class"]
    Layer = ctx.student_class(cls)
    scalars = options.get("scalars")
    x, y = (float(inputs[k]) if scalars else inputs[k] for k in ("x", "y"))
    layer = ctx.call(f"{cls}.__init__", Layer)
    results = {"out": ctx.call(f"{cls}.forward", layer.forward, copy(x), copy(y))}
    if "dout" in inputs:
        dout = float(inputs["dout"]) if scalars else inputs["dout"].copy()
        grads = ctx.call(f"{cls}.backward", layer.backward, dout)
        results["dx"], results["dy"] = pair(grads, f"{cls}.backward")
    return results


def unary_layer(ctx, inputs, options):
    """Relu or Sigmoid: forward(x), then backward(dout) -> dx if dout is given."""
    cls = options["class"]
    layer = ctx.call(f"{cls}.__init__", ctx.student_class(cls))
    results = {"out": ctx.call(f"{cls}.forward", layer.forward, inputs["x"].copy())}
    if "dout" in inputs:
        results["dx"] = ctx.call(f"{cls}.backward", layer.backward, inputs["dout"].copy())
    return results


def affine(ctx, inputs, options):
    """Affine(W, b); optionally change W and b in place; forward(x); backward(dout)."""
    W, b = inputs["W"].copy(), inputs["b"].copy()
    layer = ctx.call("Affine.__init__", ctx.student_class("Affine"), W, b)
    if "W_new" in inputs:  # the network's optimizer updates params in place
        W[...] = inputs["W_new"]
        b[...] = inputs["b_new"]
    out = ctx.call("Affine.forward", layer.forward, inputs["x"].copy())
    results = {"out": out}
    if "dout" in inputs:
        results["dx"] = ctx.call("Affine.backward", layer.backward, inputs["dout"].copy())
        results["dW"] = attribute(layer, "dW", "Affine.backward")
        results["db"] = attribute(layer, "db", "Affine.backward")
    return results


def apple_examples(ctx, inputs, options):
    """The book's apple (MulLayer) and apple + orange (with AddLayer) graphs."""
    from examples.buy_apple import buy_apple
    from examples.buy_apple_orange import buy_apple_orange

    if options["example"] == "apple":
        StudentMulLayer = ctx.student_class("MulLayer")
        ctx.enter("the apple example (MulLayer.forward, MulLayer.backward)")
        price, *grads = buy_apple(StudentMulLayer)
    else:
        StudentAddLayer = ctx.student_class("AddLayer")
        ctx.enter("the apple + orange example (AddLayer.forward, AddLayer.backward)")
        price, grads = buy_apple_orange(stand_ins.MulLayer, StudentAddLayer)
    return {"price": price, **{f"grad{i}": g for i, g in enumerate(grads)}}


def _net(ctx, inputs):
    """A student TwoLayerNet (784-50-10 by default) on stand-in layers, with the judge's params."""
    TwoLayerNet = ctx.student_class("TwoLayerNet")
    sizes = (inputs["W1"].shape[0], inputs["W1"].shape[1], inputs["W2"].shape[1])
    net = ctx.call("TwoLayerNet.__init__", TwoLayerNet, *sizes)
    for key in ("W1", "b1", "W2", "b2"):
        net.params[key][...] = inputs[key]  # in place: the layers hold references
    return net, stand_ins.watch(net)


def _gradient(ctx, net, budget, x, t):
    budget.forward_calls = 0
    budget.limit = stand_ins.FORWARD_BUDGET
    grads = ctx.call("TwoLayerNet.gradient", net.gradient, x, t)
    budget.limit = None
    if not isinstance(grads, dict):
        raise BadReturn(f"must return a dict of gradients; it returned {describe(grads)}.")
    missing = [key for key in ("W1", "b1", "W2", "b2") if key not in grads]
    if missing:
        raise BadReturn(f"returned no {', '.join(missing)}: give all of W1 b1 W2 b2.")
    return grads


def net_gradient(ctx, inputs, options):
    """Optionally loss(x_before, t_before); then gradient(x, t)."""
    net, budget = _net(ctx, inputs)
    if "x_before" in inputs:
        ctx.call("TwoLayerNet.loss", net.loss, inputs["x_before"], inputs["t_before"])
    grads = _gradient(ctx, net, budget, inputs["x"].copy(), inputs["t"].copy())
    results = {key: grads[key] for key in ("W1", "b1", "W2", "b2")}
    if options.get("return_params"):
        results.update({f"params_{key}": net.params[key] for key in ("W1", "b1", "W2", "b2")})
    return results


def net_training(ctx, inputs, options):
    """Plain SGD on the judge's uint8 images and labels and batches; returns the final params."""
    x_train = inputs["images"].reshape(len(inputs["images"]), -1).astype(np.float32) / 255.0
    x_train = x_train.astype(np.float64)
    t_train = np.eye(10)[inputs["labels"]]  # one-hot, as in the book's training script
    net, budget = _net(ctx, inputs)
    for batch in inputs["batches"]:
        grads = _gradient(ctx, net, budget, x_train[batch], t_train[batch])
        for key in ("W1", "b1", "W2", "b2"):
            net.params[key] -= options["learning_rate"] * np.asarray(grads[key])
    return {key: net.params[key] for key in ("W1", "b1", "W2", "b2")}


SCENARIOS = {
    f.__name__: f
    for f in (binary_layer, unary_layer, affine, apple_examples, net_gradient, net_training)
}


def encode(results):
    """Split results into numeric arrays (sent as .npz) and a description of everything else."""
    arrays, meta = {}, {}
    for name, value in results.items():
        kind = type(value).__name__
        if isinstance(value, bool | int | float | np.number | np.ndarray | list | tuple):
            try:
                array = np.asarray(value)
            except Exception:
                array = None
            if array is not None and array.dtype.kind in "biufc":
                arrays[name] = np.array(array)  # a plain ndarray, whatever the subclass
                meta[name] = {"type": kind}
                continue
        meta[name] = {"type": kind}
    return arrays, meta
