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


def layer_rounds(ctx, inputs, options):
    """Layers used the way a network uses them, over options["rounds"] rounds.

    Round i (inputs "r{i}_..."): the judge's in-place step on the parameters, if it sent one
    (W -= step, as SGD does); forward on the round's inputs; backward on its dout, if it sent
    one. options["order"]:
      "lifetime": one instance, forward then backward in every round;
      "stack": one instance per round, as the same layer class at several depths of one
        network: every forward in order, then every backward in reverse order.
    After each call, the inputs the layer received, and after backward the output forward
    returned, are copied back for the judge.
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
        return ctx.call(
            labelled(f"{cls}.__init__", i), ctx.student_class(cls), *params.values()
        ), params

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
        args = {name: fresh(prefix + name) for name in arg_names}
        received[i] = {**args, **params}
        outs[i] = ctx.call(step, layer.forward, *args.values())
        results[prefix + "out"] = frozen(outs[i])
        keep_inputs(results, prefix + "after_forward_", received[i])

    def backward(i):
        layer, _ = layers[i]
        prefix = f"r{i}_"
        if prefix + "dout" not in inputs:
            return
        grads = ctx.call(labelled(f"{cls}.backward", i), layer.backward, fresh(prefix + "dout"))
        grads = pair(grads, f"{cls}.backward") if len(grad_names) == 2 else (grads,)
        for name, grad in zip(grad_names, grads, strict=True):
            results[prefix + name] = frozen(grad)
        if len(grads) == 2 and isinstance(grads[0], np.ndarray) and grads[0] is grads[1]:
            raise BadReturn(t("worker.same_array"))
        returned = grads[0] if len(grads) == 1 else None
        unset = getattr(layer, "dW", None) is None
        if param_names and isinstance(returned, tuple | list) and unset:
            raise BadReturn(t("worker.gradients_on_layer", what=describe(returned)))
        for name in param_names:
            results[f"{prefix}d{name}"] = frozen(attribute(layer, f"d{name}", f"{cls}.backward"))
        keep_inputs(results, prefix + "after_backward_", {**received[i], "out": outs[i]})

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
    budget.forward_calls = 0
    budget.limit = stand_ins.FORWARD_BUDGET
    budget.start_backward_pass()
    seconds = max(GRADIENT_CPU_FLOOR, GRADIENT_COST_MULTIPLE * reference)
    with cpu_budget(seconds, reference) as used:
        step = "TwoLayerNet.gradient" if call is None else _call_step(call)
        grads = ctx.call(step, net.gradient, x, labels)
    ratio = used[0] / max(reference, 1e-6)
    ctx.worst_cpu_ratio = max(ctx.worst_cpu_ratio, ratio)  # for calibration only
    budget.limit = None
    if not isinstance(grads, dict):
        raise BadReturn(t("worker.not_a_dict", what=describe(grads)))
    missing = [key for key in PARAM_KEYS if key not in grads]
    if missing:
        raise BadReturn(t("worker.missing_gradients", keys=", ".join(missing)))
    return grads


def _call_step(number):
    return t("worker.step.call", call="TwoLayerNet.gradient", number=number)


def net_gradient(ctx, inputs, options):
    """Optionally loss(x_before, t_before); then gradient(x, t)."""
    net, budget = _net(ctx, inputs)
    if "x_before" in inputs:
        ctx.call("TwoLayerNet.loss", net.loss, inputs["x_before"], inputs["t_before"])
    grads = _gradient(ctx, net, budget, inputs["x"].copy(), inputs["t"].copy())
    results = {key: grads[key] for key in PARAM_KEYS}
    if options.get("return_params"):
        results.update({f"params_{key}": net.params[key] for key in PARAM_KEYS})
    return results


def net_lifetime(ctx, inputs, options):
    """One net, several gradient() calls; before each later call the judge's in-place SGD step.

    Round i: net.params[key] -= r{i}_{key}_step, as the training loop does, then
    gradient(r{i}_x, r{i}_t).
    """
    net, budget = _net(ctx, inputs)
    results = {}
    for i in range(options["rounds"]):
        prefix = f"r{i}_"
        for key in PARAM_KEYS:
            if f"{prefix}{key}_step" in inputs:
                net.params[key] -= inputs[f"{prefix}{key}_step"]
        x, labels = inputs[prefix + "x"].copy(), inputs[prefix + "t"].copy()
        grads = _gradient(ctx, net, budget, x, labels, call=i + 1)
        results.update({prefix + key: frozen(grads[key]) for key in PARAM_KEYS})
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
