"""What the worker does with student code: small, fixed scripts that call it and collect results.

Each scenario takes (context, inputs, options) and returns a dict of results.
It runs inside the worker, so it only *collects* values; every judgement is
made in the judge. Inputs are copied before they reach student code, and
copied back after each call, so the judge can tell whether a layer changed
the arrays it was given (only dout may be changed: the book's Relu.backward does).
"""

import contextlib
import importlib
import os
import signal
import sys
import time
import types

import numpy as np

from checker import stand_ins
from checker.i18n import Message, english, t
from checker.manifest import section_named

PACKAGE = "kata_target"  # the target folder is imported under this name


class BadReturn(Exception):
    """Student code returned something of the wrong kind. The message is for the student."""

    fault_kind = "bad_return"


class NetworkTooSlow(BadReturn):
    """The student's own network used up its CPU time for training (NETWORK_CPU_SECONDS)."""


class MissingFile(ImportError):
    """The section's file is not in the target folder."""


class Context:
    """The worker's view of one section of one target folder."""

    def __init__(self, target_dir, section_name, announce):
        self.target_dir = target_dir
        self.section = section_named(section_name)
        self.announce = announce
        self.step = None
        self._module = None
        self.reference_seconds = {}  # batch shape -> CPU time of one stand-in pass
        self.worst_cpu_ratio = 0.0  # the slowest gradient() so far, in stand-in passes
        self._own_classes = []  # classes already found to be written in the target's files
        self.links = {}  # result name -> names it shares memory with (memory_links), per request

    def enter(self, step):
        self.step = step
        self.announce(step)

    def call(self, step, function, *args):
        self.enter(step)
        return function(*args)

    def student_class(self, name, replacements=None):
        """A class from the section's file. Given replacements, the file is imported afresh
        with those sibling modules replaced; otherwise the two_layer_net section gets the
        stand-in layers and every other section the student's own files."""
        if self._module is None or replacements is not None:
            self.enter(f"import {self.section.file}")
            if not os.path.isfile(os.path.join(self.target_dir, self.section.file)):
                raise MissingFile(t("worker.missing_file", file=self.section.file))
            if replacements is None:
                replacements = stand_ins.MODULES if self.section.name == "two_layer_net" else {}
            self._module = import_target(self.target_dir, self.section.file, replacements)
        if not hasattr(self._module, name):
            raise BadReturn(t("worker.no_class", file=self.section.file, name=name))
        cls = getattr(self._module, name)
        if cls in self._own_classes:
            return cls
        borrowed = [
            t("worker.borrowed_part", part=part, origin=origin)
            for part, origin in origins(cls)
            if not origin.startswith(PACKAGE + ".")
        ]
        if borrowed:
            parts = joined(borrowed, t("worker.borrowed_separator"))
            raise BadReturn(t("worker.borrowed", name=name, file=self.section.file, parts=parts))
        self._own_classes.append(cls)
        return cls


def joined(parts, separator):
    """Messages joined by a separator from the catalog, in both languages."""
    return Message(separator.join(parts), english(separator).join(english(part) for part in parts))


def origins(cls):
    """(what, module) for a class and the methods the scenarios call on it."""
    found = [(cls.__name__ if isinstance(cls, type) else repr(cls), getattr(cls, "__module__", ""))]
    for method in ("__init__", "forward", "backward", "gradient", "loss", "predict"):
        module = getattr(getattr(cls, method, None), "__module__", None)
        if module is not None and module != "builtins":
            found.append((method, module))
    return found


def import_target(target_dir, file, replacements):
    """Import target_dir/file as kata_target.<stem>, with some sibling modules replaced."""
    for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
        del sys.modules[name]  # a fresh import: nothing kept from an earlier one
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
    if isinstance(value, np.ndarray) and value.ndim >= 1 and len(value) == 2:
        return value[0], value[1]  # dx, dy = layer.backward(dout) unpacks it too
    raise BadReturn(t("worker.not_a_pair", what=describe(value)))


def describe(value):
    if isinstance(value, tuple | list):
        return t("worker.values", type=type(value).__name__, count=len(value))
    return "None" if value is None else t("worker.value", type=type(value).__name__)


def attribute(obj, name, step):
    if not hasattr(obj, name) or getattr(obj, name) is None:
        raise BadReturn(t("worker.unset", name=name))
    return getattr(obj, name)


# --- scenarios ---------------------------------------------------------------------------------

LAYERS = {  # class -> (names of forward's arguments, names of its parameters, what backward gives)
    "MulLayer": (("x", "y"), (), ("dx", "dy")),
    "AddLayer": (("x", "y"), (), ("dx", "dy")),
    "Relu": (("x",), (), ("dx",)),
    "Sigmoid": (("x",), (), ("dx",)),
    "Affine": (("x",), ("W", "b"), ("dx",)),
}


def frozen(value):
    """A copy that later calls into student code cannot change (it may reuse its arrays)."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, tuple | list):
        return type(value)(frozen(v) for v in value)
    return value


def keep_inputs(results, prefix, arrays):
    """Copies of the arrays the layer received, as they are now: the judge compares them."""
    for name, value in arrays.items():
        if isinstance(value, np.ndarray):
            results[prefix + name] = value.copy()


def param_facts(results, key, layer, params):
    """What became of each parameter the layer was given, as small arrays for the judge:
    key + "_W" holds (is an ndarray, shares memory with the given W, has its shape, has its
    values, holds its transpose) as 0 or 1, key + "_W_shape" the shape. Nothing when the
    layer has no such attribute, or reading it raises (it may be the student's property)."""
    for name, given in params.items():
        try:
            value = getattr(layer, name, None)
            if isinstance(value, np.ndarray):
                same_shape = value.shape == given.shape
                facts = [
                    True,
                    np.shares_memory(value, given),
                    same_shape,
                    same_shape and np.array_equal(value, given),
                    value.shape == given.T.shape and np.array_equal(value, given.T),
                ]
                shape = value.shape
            elif value is None and not hasattr(layer, name):
                continue
            else:
                facts, shape = [False] * 5, ()
            results[f"{key}_{name}"] = np.array([bool(f) for f in facts], dtype=np.int8)
            results[f"{key}_{name}_shape"] = np.array(shape, dtype=np.int64)
        except Exception:  # noqa: BLE001 - the layer's own attribute: no facts, no verdict
            continue


def layer_rounds(ctx, inputs, options):
    """Layers used the way a network uses them, over options["rounds"] rounds.

    Round i (inputs "r{i}_..."): the judge's in-place step on the parameters, if it sent one
    (W -= step, as SGD does); forward on the round's inputs (or, given "r{i}_same_inputs_as"
    = j, on the very arrays that round j's forward received); backward on its dout, if it sent
    one. options["order"]:
      "lifetime": one instance, forward then backward in every round;
      "stack": one instance per round, as the same layer class at several depths of one
        network: every forward in order, then every backward in reverse order.
    After each call, the inputs the layer received, and after backward the output forward
    returned, are copied back for the judge, with facts about the parameters (param_facts:
    "r{i}_layer_after_{init,forward,backward}_W").
    """
    cls = options["class"]
    arg_names, param_names, grad_names = LAYERS[cls]
    scalars = options.get("scalars", False)
    rounds = range(options["rounds"])
    stack = options.get("order") == "stack"

    def fresh(name):  # the layer gets its own copy (floats for scalar tests)
        return float(inputs[name]) if scalars else inputs[name].copy()

    def labelled(call, i):  # "Affine.forward (round 2)": which call of the test raised
        if len(rounds) == 1:
            return call
        return t("worker.step.layer" if stack else "worker.step.round", call=call, number=i + 1)

    def new_layer(i):
        params = {name: fresh(f"r{i}_{name}" if stack else name) for name in param_names}
        layer = ctx.call(labelled(f"{cls}.__init__", i), ctx.student_class(cls), *params.values())
        param_facts(results, f"r{i}_layer_after_init", layer, params)
        return layer, params

    results, received, outs = {}, {}, {}
    layers = [new_layer(i) for i in rounds] if stack else [new_layer(0)] * len(rounds)

    def forward(i):
        layer, params = layers[i]
        prefix = f"r{i}_"
        for name, param in params.items():
            if f"{prefix}{name}_step" in inputs:
                param -= inputs[f"{prefix}{name}_step"]  # in place: the layer must see it
        step = labelled(f"{cls}.forward", i)
        if f"{prefix}peek_{arg_names[0]}" in inputs:  # forward alone first, as accuracy() does
            peek = [fresh(f"{prefix}peek_{name}") for name in arg_names]
            alone = t("worker.step.alone", call=step)
            results[prefix + "peek_out"] = frozen(ctx.call(alone, layer.forward, *peek))
            step = t("worker.step.after_alone", call=step)
        same = inputs.get(prefix + "same_inputs_as")
        if same is not None and 0 <= int(same) < i and not stack:
            args = {name: received[int(same)][name] for name in arg_names}  # the same objects
        else:
            args = {name: fresh(prefix + name) for name in arg_names}
        received[i] = {**args, **params}
        outs[i] = ctx.call(step, layer.forward, *args.values())
        results[prefix + "out"] = frozen(outs[i])
        ctx.links.update(prefixed(prefix, memory_links({"out": outs[i]}, params)))
        keep_inputs(results, prefix + "after_forward_", received[i])
        param_facts(results, prefix + "layer_after_forward", layer, params)

    def backward(i):
        layer, params = layers[i]
        prefix = f"r{i}_"
        if prefix + "dout" not in inputs:
            return
        dout = fresh(prefix + "dout")
        grads = ctx.call(labelled(f"{cls}.backward", i), layer.backward, dout)
        grads = pair(grads, f"{cls}.backward") if len(grad_names) == 2 else (grads,)
        returned = dict(zip(grad_names, grads, strict=True))
        for name, grad in returned.items():
            results[prefix + name] = frozen(grad)
        unset = getattr(layer, "dW", None) is None
        if param_names and isinstance(grads[0], tuple | list) and unset:
            raise BadReturn(t("worker.gradients_on_layer", what=describe(grads[0])))
        for name in param_names:
            returned[f"d{name}"] = attribute(layer, f"d{name}", f"{cls}.backward")
            results[f"{prefix}d{name}"] = frozen(returned[f"d{name}"])
        inputs_seen = {**received[i], "dout": dout}
        ctx.links.update(prefixed(prefix, memory_links(returned, inputs_seen)))
        keep_inputs(results, prefix + "after_backward_", {**received[i], "out": outs[i]})
        param_facts(results, prefix + "layer_after_backward", layer, params)

    if stack:
        for i in rounds:
            forward(i)
        for i in reversed(rounds):
            backward(i)
    else:
        for i in rounds:
            forward(i)
            backward(i)
    return results


def apple_examples(ctx, inputs, options):
    """The book's apple (MulLayer) and apple + orange (with AddLayer) graphs."""
    from examples.buy_apple import buy_apple
    from examples.buy_apple_orange import buy_apple_orange

    if options["example"] == "apple":
        StudentMulLayer = ctx.student_class("MulLayer")
        ctx.enter(t("worker.step.apple"))
        price, *grads = buy_apple(StudentMulLayer)
    else:
        StudentAddLayer = ctx.student_class("AddLayer")
        ctx.enter(t("worker.step.apple_orange"))
        price, grads = buy_apple_orange(stand_ins.MulLayer, StudentAddLayer)
    return {"price": price, **{f"grad{i}": g for i, g in enumerate(grads)}}


PARAM_KEYS = ("W1", "b1", "W2", "b2")

# gradient() may use this many times the CPU time of one forward and backward pass through the
# stand-ins on the same batch, and at least GRADIENT_CPU_FLOOR seconds. Backprop costs about 1x
# (the reference's worst ratio is in checker/calibration/README.md); numerical differentiation
# of a 784-50-10 net costs about 80,000 forward passes.
GRADIENT_COST_MULTIPLE = 1000
GRADIENT_CPU_FLOOR = 0.1


def _net(ctx, inputs):
    """A student TwoLayerNet (784-50-10 by default) on stand-in layers, with the judge's params."""
    TwoLayerNet = ctx.student_class("TwoLayerNet")
    sizes = (inputs["W1"].shape[0], inputs["W1"].shape[1], inputs["W2"].shape[1])
    net = ctx.call("TwoLayerNet.__init__", TwoLayerNet, *sizes)
    for key in PARAM_KEYS:
        net.params[key][...] = inputs[key]  # in place: the layers hold references
    return net, stand_ins.watch(net)


def reference_pass_seconds(ctx, params, x, t):
    """CPU time of one forward and backward pass through the stand-ins, per batch shape."""
    if x.shape not in ctx.reference_seconds:
        ctx.reference_seconds[x.shape] = stand_ins.pass_seconds(params, x, t)
    return ctx.reference_seconds[x.shape]


@contextlib.contextmanager
def cpu_budget(seconds, reference):
    """Stop the block with NumericalInDisguise once it has used `seconds` of CPU time.

    Yields a list that holds the CPU time the block used once it is over."""

    def stop(*_):
        raise stand_ins.NumericalInDisguise(
            t(
                "worker.cpu_budget",
                seconds=f"{seconds:.2g}",
                multiple=GRADIENT_COST_MULTIPLE,
                milliseconds=f"{reference * 1000:.2g}",
            )
        )

    timer = getattr(signal, "setitimer", None)  # not on Windows: checked after the call only
    if timer is not None:
        previous = signal.signal(signal.SIGPROF, stop)
        timer(signal.ITIMER_PROF, seconds, seconds / 4)  # repeats, in case the first is caught
    used = []
    start = time.process_time()
    try:
        yield used
    finally:
        if timer is not None:
            timer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)
        used.append(time.process_time() - start)
    if used[0] > seconds:
        stop()


def _gradient(ctx, net, budget, x, labels, call=None):
    reference = reference_pass_seconds(ctx, net.params, x, labels)
    budget.start(stand_ins.rows(x), stand_ins.FORWARD_BUDGET)
    seconds = max(GRADIENT_CPU_FLOOR, GRADIENT_COST_MULTIPLE * reference)
    with cpu_budget(seconds, reference) as used:
        step = "TwoLayerNet.gradient" if call is None else _call_step(call)
        grads = ctx.call(step, net.gradient, x, labels)
    ratio = used[0] / max(reference, 1e-6)
    ctx.worst_cpu_ratio = max(ctx.worst_cpu_ratio, ratio)  # for calibration only
    budget.stop()
    if not isinstance(grads, dict):
        raise BadReturn(t("worker.not_a_dict", what=describe(grads)))
    missing = [key for key in PARAM_KEYS if key not in grads]
    if missing:
        raise BadReturn(t("worker.missing_gradients", keys=", ".join(missing)))
    return grads


def gradient_links(net, grads):
    """memory_links of gradient()'s results against each other and the net's params."""
    params = getattr(net, "params", None)
    params = params if isinstance(params, dict) else {}
    others = {f"params_{key}": params.get(key) for key in PARAM_KEYS}
    return memory_links({key: grads[key] for key in PARAM_KEYS}, others)


def _call_step(number):
    return t("worker.step.call", call="TwoLayerNet.gradient", number=number)


# What kind of layer an entry of self.layers is, by class name: its index + 1, 0 for any other.
LAYER_KINDS = ("Affine", "Relu", "SoftmaxWithLoss")
NO_ARRAY, OWN_ARRAY = -2, -1  # a layer's W or b: not an array; an array that is in no params
MAX_LAYERS = 32  # facts about at most this many entries of self.layers


class Objects:
    """Numbers for the objects of a net, in the order first seen (the net as __init__ left it
    first), so that the judge can tell a kept object from a new one. Holds every object it
    numbered, so that no id is reused."""

    def __init__(self):
        self.numbers = {}
        self.kept = []

    def number(self, obj):
        if id(obj) not in self.numbers:
            self.numbers[id(obj)] = len(self.kept)
            self.kept.append(obj)
        return self.numbers[id(obj)]


def net_facts(net, objects):
    """Which objects the net holds, and how its layers' W and b are linked to its params, as
    small integer arrays (the judge decides what a change means):

    params: the number of the self.params object, and 1 if it is a dict (else 0);
    param_arrays: the number of each of params[W1 b1 W2 b2] (-1 when it is no array);
    layers: the number of self.layers (a dict or a list); layer_objects, layer_kinds
    (LAYER_KINDS): its layers in order; layer_W, layer_b: which of params[W1 b1 W2 b2] (0 to 3)
    each layer's W and b is, or shares memory with (OWN_ARRAY for another array, NO_ARRAY for
    none); last_layer: the number of lastLayer.
    """
    params = getattr(net, "params", None)
    arrays = [params.get(key) if isinstance(params, dict) else None for key in PARAM_KEYS]
    arrays = [a if isinstance(a, np.ndarray) else None for a in arrays]
    layers = getattr(net, "layers", None)
    if isinstance(layers, dict):
        listed = list(layers.values())
    elif isinstance(layers, list | tuple):
        listed = list(layers)
    else:
        listed = []
    listed = listed[:MAX_LAYERS]

    def link(value):
        if not isinstance(value, np.ndarray):
            return NO_ARRAY
        for k, array in enumerate(arrays):
            if array is not None and (value is array or np.may_share_memory(value, array)):
                return k
        return OWN_ARRAY

    def kind(layer):
        name = type(layer).__name__
        return LAYER_KINDS.index(name) + 1 if name in LAYER_KINDS else 0

    facts = {
        "params": [objects.number(params), int(isinstance(params, dict))],
        "param_arrays": [-1 if a is None else objects.number(a) for a in arrays],
        "layers": [objects.number(layers)],
        "layer_objects": [objects.number(layer) for layer in listed],
        "layer_kinds": [kind(layer) for layer in listed],
        "layer_W": [link(getattr(layer, "W", None)) for layer in listed],
        "layer_b": [link(getattr(layer, "b", None)) for layer in listed],
        "last_layer": [objects.number(getattr(net, "lastLayer", None))],
    }
    return {name: np.array(values, dtype=np.int64) for name, values in facts.items()}


def _param_values(net):
    """Copies of the arrays self.params holds now, and the arrays themselves."""
    params = getattr(net, "params", None)
    held = [params.get(key) if isinstance(params, dict) else None for key in PARAM_KEYS]
    held = [a if isinstance(a, np.ndarray) else None for a in held]
    return held, [None if a is None else a.copy() for a in held]


def _changed(before, after):
    """1 where an array's values are not what they were, 0 where they are (-1: no array)."""
    flags = []
    for old, new in zip(before, after, strict=True):
        if old is None or new is None:
            flags.append(-1)
        else:
            same = old.shape == new.shape and np.array_equal(old, new, equal_nan=True)
            flags.append(int(not same))
    return np.array(flags, dtype=np.int64)


def _watched_gradient(ctx, net, budget, objects, results, prefix, x, labels, call=None):
    """gradient(x, labels) with the facts about the net before and after it in results:
    {prefix}before_*, {prefix}after_* (net_facts); {prefix}params_changed: for each of
    params[W1 b1 W2 b2] before the call, whether the values of that array changed (in place);
    {prefix}params_now_differ: whether what params[key] holds after the call differs from the
    values it held before."""
    results.update({prefix + "before_" + k: v for k, v in net_facts(net, objects).items()})
    held, values = _param_values(net)
    grads = _gradient(ctx, net, budget, x, labels, call)
    results.update({prefix + "after_" + k: v for k, v in net_facts(net, objects).items()})
    results[prefix + "params_changed"] = _changed(values, held)
    results[prefix + "params_now_differ"] = _changed(values, _param_values(net)[0])
    return grads


def net_gradient(ctx, inputs, options):
    """Optionally loss(x_before, t_before); then gradient(x, t)."""
    net, budget = _net(ctx, inputs)
    if "x_before" in inputs:
        ctx.call("TwoLayerNet.loss", net.loss, inputs["x_before"], inputs["t_before"])
    x, labels = inputs["x"].copy(), inputs["t"].copy()
    results = {}
    if options.get("return_params"):
        grads = _watched_gradient(ctx, net, budget, Objects(), results, "", x, labels)
        params = getattr(net, "params", None)  # the judge reads the facts first
        if isinstance(params, dict):
            results.update({f"params_{key}": params.get(key) for key in PARAM_KEYS})
    else:
        grads = _gradient(ctx, net, budget, x, labels)
    results.update({key: grads[key] for key in PARAM_KEYS})
    ctx.links.update(gradient_links(net, grads))
    return results


def net_lifetime(ctx, inputs, options):
    """One net, several gradient() calls; before each later call the judge's in-place SGD step.

    Round i: net.params[key] -= r{i}_{key}_step, as the training loop does, then
    gradient(r{i}_x, r{i}_t) on fresh copies, or, for i in options["same_objects"], on the very
    x and t objects of the call before (a training loop may pass one batch again). The facts
    about the net before and after each call are in the results (_watched_gradient).
    """
    net, budget = _net(ctx, inputs)
    objects = Objects()
    net_facts(net, objects)  # the net as __init__ left it is numbered first
    same_objects = set(options.get("same_objects", ()))
    results, x, labels = {}, None, None
    for i in range(options["rounds"]):
        prefix = f"r{i}_"
        steps = [key for key in PARAM_KEYS if f"{prefix}{key}_step" in inputs]
        if steps:
            ctx.enter(t("worker.step.sgd_before", call=_call_step(i + 1)))
        for key in steps:
            net.params[key] -= inputs[f"{prefix}{key}_step"]
        if i not in same_objects or x is None:
            x, labels = inputs[prefix + "x"].copy(), inputs[prefix + "t"].copy()
        grads = _watched_gradient(ctx, net, budget, objects, results, prefix, x, labels, i + 1)
        results.update({prefix + key: frozen(grads[key]) for key in PARAM_KEYS})
        ctx.links.update(prefixed(prefix, gradient_links(net, grads)))
    return results


def shipped_sample():
    """The MNIST sample shipped in dataset/ as uint8 (N, 784) images and integer labels.

    Read here rather than sent by the judge, which reads the same file for its own use."""
    from dataset.mnist import load_mnist_sample

    return load_mnist_sample(normalize=False)


def _train(ctx, net, inputs, options, on_gradient):
    """Plain SGD as in the book's train_neuralnet.py, on the judge's batches of the sample."""
    (images, labels), _ = shipped_sample()
    x_train = (images.astype(np.float32) / 255.0).astype(np.float64)
    t_train = np.eye(10)[labels]  # one-hot, as in the book's training script
    every = options.get("loss_every")  # the book's loop also computes the loss: forward alone
    sgd_step = t("worker.step.sgd")  # rendered once, not at every step
    for step, batch in enumerate(inputs["batches"]):
        grads = on_gradient(x_train[batch], t_train[batch])
        if every and step % every == 0:
            ctx.call("TwoLayerNet.loss", net.loss, x_train[batch], t_train[batch])
        ctx.enter(sgd_step)
        for key in PARAM_KEYS:
            net.params[key] -= options["learning_rate"] * np.asarray(grads[key])


def net_training(ctx, inputs, options):
    """Train the student's gradient() on stand-in layers; return the final params."""
    net, budget = _net(ctx, inputs)
    _train(ctx, net, inputs, options, lambda x, labels: _gradient(ctx, net, budget, x, labels))
    return {**{key: net.params[key] for key in PARAM_KEYS}, "cpu_ratio": ctx.worst_cpu_ratio}


def integration(ctx, inputs, options):
    """The student's own network: their TwoLayerNet on their own layers, trained by SGD.

    options["stand_ins"] names layer files to replace with the checker's (to find a culprit).
    Returns the trained net's own scores (its predict) on the judge's test images.
    """
    replaced = stand_ins.replacing(options.get("stand_ins", ()))
    TwoLayerNet = ctx.student_class("TwoLayerNet", replaced)
    np.random.seed(options["seed"])  # the student's __init__ draws its weights with np.random
    net = ctx.call("TwoLayerNet.__init__", TwoLayerNet, 784, options["hidden_size"], 10)

    def gradient(x, labels):  # labels: the book's t
        grads = ctx.call("TwoLayerNet.gradient", net.gradient, x, labels)
        if not isinstance(grads, dict):
            raise BadReturn(t("worker.not_a_dict", what=describe(grads)))
        return grads

    started = time.process_time()
    with network_cpu_limit(NETWORK_CPU_SECONDS):
        _train(ctx, net, inputs, options, gradient)
    seconds = time.process_time() - started
    scores = ctx.call("TwoLayerNet.predict", net.predict, accuracy_images(options))
    return {"scores": scores, "seconds": seconds, **layers_used(net, replaced)}


# CPU seconds the student's own network may spend in training: the book's needs about 0.3 s.
# Past that it is stopped, so that a gradient() by numerical differentiation costs this, not
# the whole time limit, in every run (the layers' network tests then use the checker's network).
NETWORK_CPU_SECONDS = 5.0


@contextlib.contextmanager
def network_cpu_limit(seconds):
    """Stop the block with NetworkTooSlow once it has used `seconds` of CPU time (SIGPROF; where
    there is no such timer, the time limit alone applies)."""

    def stop(*_):
        raise NetworkTooSlow(t("worker.network_cpu", seconds=f"{seconds:g}"))

    timer = getattr(signal, "setitimer", None)
    if timer is None:
        yield
        return
    previous = signal.signal(signal.SIGPROF, stop)
    timer(signal.ITIMER_PROF, seconds, seconds / 4)  # repeats, in case the first is caught
    try:
        yield
    finally:
        timer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def accuracy_images(options):
    """The test images, then the first train images: what the trained net predicts."""
    (train_images, _), (test_images, _) = shipped_sample()
    images = np.concatenate([test_images, train_images[: options["train_accuracy_images"]]])
    return (images.astype(np.float32) / 255.0).astype(np.float64)


# The layer sections whose network test a student's network can stand for (suites/network.py).
NETWORK_LAYERS = {"affine": "Affine", "relu": "Relu"}


def layers_used(net, replaced):
    """{"uses_affine": 1.0 or 0.0, ...}: whether the net holds an instance of the target's own
    Affine (Relu), in an attribute or in a dict, list or tuple of one (self.layers)."""
    held = []
    with contextlib.suppress(Exception):  # a net without __dict__, an odd attribute
        for value in vars(net).values():
            held.append(value)
            if isinstance(value, dict):
                held.extend(value.values())
            elif isinstance(value, list | tuple):
                held.extend(value)
    used = {}
    for file, name in NETWORK_LAYERS.items():
        module = None if file in replaced else sys.modules.get(f"{PACKAGE}.{file}")
        cls = getattr(module, name, None)
        found = isinstance(cls, type) and any(isinstance(value, cls) for value in held)
        used[f"uses_{file}"] = 1.0 if found else 0.0
    return used


def layer_network(ctx, inputs, options):
    """The checker's own network (stand_ins.TwoLayerNet) trained by SGD as `integration` is,
    with the student's options["layer"] ("Affine" or "Relu", from this section's file) in place
    of the checker's, or on the checker's layers alone (None: no student code runs).
    Returns its scores on the judge's test images, as `integration` does."""
    layer = options.get("layer")
    classes = {}
    if layer is not None:
        classes[layer.lower()] = ctx.student_class(layer)
    steps = {}
    for name, cls in (("Affine1", "Affine"), ("Relu1", "Relu"), ("Affine2", "Affine")):
        key = "worker.step.your_layer" if cls == layer else "worker.step.checker_layer"
        for method in ("forward", "backward"):
            steps[name, method] = t(key, call=f"{name}.{method}", layer=cls)
    for method in ("forward", "backward"):
        steps["lastLayer", method] = t(
            "worker.step.checker_layer", call=f"lastLayer.{method}", layer="SoftmaxWithLoss"
        )

    def enter(name, method):  # named, not announced: a fault then says which layer raised
        ctx.step = steps[name, method]

    np.random.seed(options["seed"])
    net = stand_ins.TwoLayerNet(784, options["hidden_size"], 10, enter=enter, **classes)
    step = t("worker.step.checker_network", call="TwoLayerNet.gradient")

    def gradient(x, labels):
        return ctx.call(step, net.gradient, x, labels)

    started = time.process_time()
    _train(ctx, net, inputs, options, gradient)
    seconds = time.process_time() - started
    step = t("worker.step.checker_network", call="TwoLayerNet.predict")
    scores = ctx.call(step, net.predict, accuracy_images(options))
    return {"scores": scores, "seconds": seconds}


SCENARIOS = {
    f.__name__: f
    for f in (
        layer_rounds,
        apple_examples,
        net_gradient,
        net_lifetime,
        net_training,
        integration,
        layer_network,
    )
}


def kind_of(value):
    """What a returned value really is, in the closed list the judge knows (channel.VALUE_KINDS).
    Exact types: a subclass of float or list is not what the network expects either."""
    if type(value) is np.ndarray:
        return "ndarray"
    if isinstance(value, np.matrix):
        return "matrix"
    if isinstance(value, np.ndarray):
        return "ndarray_subclass"
    if isinstance(value, bool | np.bool_):
        return "bool"
    if isinstance(value, np.generic):
        return "numpy_scalar"
    kinds = {float: "float", int: "int", list: "list", tuple: "tuple", type(None): "none"}
    return kinds.get(type(value), "other")


MAX_LINKS = 8  # names listed per value; more than a few means the layer shares everything


def prefixed(prefix, links):
    return {prefix + name: shared for name, shared in links.items()}


def memory_links(outputs, others):
    """{name: [names it shares memory with]} for the arrays among `outputs`, against the other
    outputs and the arrays in `others` (the call's inputs and the layer's parameters), as the
    student's code returned them. Facts only: the judge decides which links are wrong."""
    named = {**others, **outputs}
    links = {}
    for name, value in outputs.items():
        if not isinstance(value, np.ndarray):
            continue
        shared = [
            other
            for other, array in named.items()
            if other != name and isinstance(array, np.ndarray) and shares_memory(value, array)
        ]
        if shared:
            links[name] = shared[:MAX_LINKS]
    return links


def shares_memory(a, b):
    if not np.may_share_memory(a, b):
        return False
    try:
        return bool(np.shares_memory(a, b, max_work=10_000))
    except Exception:  # too hard to tell (exotic strides): the buffers do overlap in bounds
        return True


def encode(results, links=None):
    """Split results into numeric arrays (sent as .npz) and the facts about each value as the
    student's code returned it: its kind and type, its length if a list or tuple, and the
    memory it shares (links, from memory_links). The arrays are plain ndarrays of the
    value's own dtype: the judge checks the dtype and the kind, never a converted copy."""
    arrays, meta = {}, {}
    links = links or {}
    for name, value in results.items():
        kind = kind_of(value)
        meta[name] = {"type": type(value).__name__, "kind": kind}
        if kind in ("list", "tuple"):
            meta[name]["count"] = len(value)
        if links.get(name):
            meta[name]["shares"] = list(links[name])
        if kind in ("none", "other"):
            continue
        try:
            array = np.asarray(value)
        except Exception:
            continue
        if array.dtype.kind in "biufc":
            arrays[name] = np.array(array)  # a plain ndarray, whatever the subclass
    return arrays, meta
