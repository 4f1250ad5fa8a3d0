"""Trusted layers that replace the student's where a section uses more than its own layer.

Section isolation: a bug in the student's Affine or Relu must not cost points
in two_layer_net, and that section is graded even when those files do not
import. These layers follow the book's code, and also watch how gradient()
uses them, so that a misuse gets a message in terms of the graph:
backward before forward, a dout of the wrong shape (layers not reversed), or
many times the batch sent through the forward passes (numerical differentiation
in disguise).
"""

import time

import numpy as np

from checker.i18n import t

# How many times its batch one gradient() call may send through the layers' forward methods,
# counted in examples (rows) over all layers: backprop sends each example through each of the 4
# layers once, in one batch or one example at a time; numerical differentiation sends the whole
# batch through them twice per parameter entry it perturbs.
FORWARD_BUDGET = 20


class StandInError(Exception):
    """gradient() used a layer the wrong way. The message is for the student; reason names the
    misuse ("backward_first", "dout_first", "dout_passed_on", "dout_reverse") for callers that
    word it their own way (examples/gradient_check.py)."""

    fault_kind = "wrong_use"

    def __init__(self, message, reason=None):
        super().__init__(message)
        self.reason = reason


class NumericalInDisguise(StandInError):
    fault_kind = "numerical"


def rows(x):
    """How many examples a layer's forward gets: the first axis of a batch, 1 for a single
    example (a 1-D input is one row to softmax, and one column to Affine's reshape)."""
    shape = np.shape(x)
    return int(shape[0]) if len(shape) >= 2 else 1


class Budget:
    """Counts the examples (rows) sent through the forward methods of all layers of one net, for
    one call of gradient(), so that cost is counted, not calls: per-example or micro-batch
    backprop spends what one pass on the whole batch does."""

    def __init__(self):
        self.layers = 0  # how many layers of the net are watched
        self.rows = 0
        self.batch = None  # the examples gradient() was given
        self.limit = None
        self.backward_calls = []  # (layer name, dout received) in this call of gradient()

    def start(self, batch, passes):
        """A new gradient() call on `batch` examples: at most `passes` times the batch."""
        self.rows, self.batch, self.limit = 0, batch, passes * batch
        self.backward_calls = []

    def stop(self):
        self.limit = None

    def start_backward_pass(self):
        self.backward_calls = []

    def spend(self, name, x):
        self.rows += rows(x)
        if self.limit is not None and self.rows > self.limit:
            needed = self.batch * self.layers
            spent = {"rows": self.rows, "batch": self.batch, "needed": needed}
            raise NumericalInDisguise(t("worker.forward_budget", name=name, **spent))


class _Watched:
    name = "layer"
    budget = None

    def _forward_started(self, x):
        if self.budget is not None:
            self.budget.spend(self.name, x)

    def _backward_started(self, dout, out_shape):
        """Check dout against this layer's output; if it does not fit, say how gradient() erred."""
        calls = self.budget.backward_calls if self.budget is not None else []
        previous = calls[-1] if calls else None
        calls.append((self.name, dout))
        if out_shape is None:
            raise StandInError(t("worker.backward_first", name=self.name), "backward_first")
        shape = np.shape(dout)
        if shape == out_shape:
            return
        problem = t("worker.dout_shape", name=self.name, shape=shape, out_shape=out_shape)
        if previous is None:
            raise StandInError(t("worker.dout_first", problem=problem), "dout_first")
        passed_on_unchanged = np.shape(previous[1]) == shape and np.array_equal(previous[1], dout)
        if previous[1] is dout or passed_on_unchanged:
            message = t("worker.dout_passed_on", problem=problem, previous=previous[0])
            raise StandInError(message, "dout_passed_on")
        raise StandInError(t("worker.dout_reverse", problem=problem), "dout_reverse")


class Affine(_Watched):
    name = "Affine"

    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.out_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self._forward_started(x)
        self.original_x_shape = x.shape
        self.x = x.reshape(x.shape[0], -1)
        out = np.dot(self.x, self.W) + self.b
        self.out_shape = out.shape
        return out

    def backward(self, dout):
        self._backward_started(dout, self.out_shape)
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx.reshape(self.original_x_shape)


class Relu(_Watched):
    name = "Relu"

    def __init__(self):
        self.mask = None

    def forward(self, x):
        self._forward_started(x)
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        self._backward_started(dout, None if self.mask is None else self.mask.shape)
        dx = np.array(dout, dtype=float)
        dx[self.mask] = 0
        return dx


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    exp_x = np.exp(x)
    return exp_x / np.sum(exp_x, axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


def numerical_gradient(f, x, h=1e-4):
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        f_plus = f(x)
        x[index] = original - h
        f_minus = f(x)
        grad[index] = (f_plus - f_minus) / (2 * h)
        x[index] = original
    return grad


class SoftmaxWithLoss(_Watched):
    name = "lastLayer"

    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self._forward_started(x)
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        # As in the book, dout is taken to be 1: any dout fits, but forward must have run.
        self._backward_started(dout, np.shape(dout) if self.y is not None else None)
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:
            return (self.y - self.t) / batch_size
        dx = self.y.copy()
        dx[np.arange(batch_size), self.t] -= 1
        return dx / batch_size


class MulLayer:
    """For the apple + orange example, so that AddLayer's grade does not depend on MulLayer."""

    def forward(self, x, y):
        self.x, self.y = x, y
        return x * y

    def backward(self, dout):
        return dout * self.y, dout * self.x


class TwoLayerNet:
    """The book's TwoLayerNet (chapter 5) on these layers, or on a student's Affine or Relu in
    their place: the checker's own network, in which a layer section's network test trains the
    student's layer (checker/suites/network.py).

    enter(name, method) is told before each layer's call, so that a fault names the layer.
    """

    def __init__(self, input_size, hidden_size, output_size, affine=None, relu=None, enter=None):
        affine, relu = affine or Affine, relu or Relu
        self.params = {
            "W1": 0.01 * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": 0.01 * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }
        self.enter = enter or (lambda name, method: None)
        self.layers = {}  # in order, as the book's OrderedDict
        self.layers["Affine1"] = affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = relu()
        self.layers["Affine2"] = affine(self.params["W2"], self.params["b2"])
        self.lastLayer = SoftmaxWithLoss()

    def predict(self, x):
        self.out_shapes = {}  # what each layer returned: the dout its backward must receive
        for name, layer in self.layers.items():
            self.enter(name, "forward")
            x = layer.forward(x)
            self.out_shapes[name] = np.shape(x)
        return x

    def loss(self, x, t):
        y = self.predict(x)
        self.enter("lastLayer", "forward")
        return self.lastLayer.forward(y, t)

    def gradient(self, x, t):
        self.loss(x, t)
        self.enter("lastLayer", "backward")
        dout = self.lastLayer.backward(1)
        previous = "lastLayer"
        for name, layer in reversed(self.layers.items()):
            shape, out_shape = np.shape(dout), self.out_shapes[name]
            if shape != out_shape:  # said here: the stand-in's own check blames gradient()
                message = t(
                    "worker.network_dout", name=name, shape=shape, out_shape=out_shape,
                    previous=previous,
                )  # fmt: skip
                raise StandInError(message, "network_dout")
            self.enter(name, "backward")
            dout = layer.backward(dout)
            previous = name
        affine1, affine2 = self.layers["Affine1"], self.layers["Affine2"]
        return {"W1": affine1.dW, "b1": affine1.db, "W2": affine2.dW, "b2": affine2.db}


# What exercises/two_layer_net.py imports, by module name inside the target folder.
MODULES = {
    "affine": {"Affine": Affine},
    "relu": {"Relu": Relu},
    "softmax_with_loss": {"SoftmaxWithLoss": SoftmaxWithLoss},
    "functions": {
        "softmax": softmax,
        "cross_entropy_error": cross_entropy_error,
        "numerical_gradient": numerical_gradient,
    },
}


# The layer files that can be replaced by these stand-ins to find which one breaks a network
# (the integration check and `python -m checker train`), and the class each one holds.
LAYER_FILES = {"affine": "Affine", "relu": "Relu", "softmax_with_loss": "SoftmaxWithLoss"}


def replacing(files):
    """What scenarios.import_target needs to import a target with these layer files replaced."""
    return {file: MODULES[file] for file in files}


def culprit(learns_with):
    """Which layer file, replaced alone by its stand-in, makes a network learn.

    learns_with(files) trains with those files replaced and gives the accuracy it reaches, or
    None when it does not learn. Returns (file, accuracy); (None, accuracy) when only all the
    stand-ins together make it learn; (None, None) when even they do not.
    """
    for file in LAYER_FILES:
        accuracy = learns_with([file])
        if accuracy is not None:
            return file, accuracy
    return None, learns_with(list(LAYER_FILES))


def watch(net):
    """Name the net's stand-in layers after their keys and give them one shared forward budget."""
    budget = Budget()
    layers = getattr(net, "layers", {})
    if isinstance(layers, dict):
        layers = list(layers.items())
    elif isinstance(layers, list | tuple):  # a list of layers: named Affine1, Relu1, Affine2
        counts, named = {}, []
        for layer in layers:
            kind = type(layer).__name__
            counts[kind] = counts.get(kind, 0) + 1
            named.append((f"{kind}{counts[kind]}", layer))
        layers = named
    else:
        layers = []
    for key, layer in [*layers, ("lastLayer", getattr(net, "lastLayer", None))]:
        if isinstance(layer, _Watched):
            layer.name = key
            layer.budget = budget
            budget.layers += 1
    return budget


def pass_seconds(params, x, t, repeats=3):
    """CPU time of one forward and backward pass of a 2-layer net through these layers: the
    least of `repeats` passes (the first also warms caches). The unit of gradient()'s budget."""
    layers = [
        Affine(np.array(params["W1"], dtype=float), np.array(params["b1"], dtype=float)),
        Relu(),
        Affine(np.array(params["W2"], dtype=float), np.array(params["b2"], dtype=float)),
    ]
    last = SoftmaxWithLoss()
    times = []
    for _ in range(repeats):
        start = time.process_time()
        out = x
        for layer in layers:
            out = layer.forward(out)
        last.forward(out, t)
        dout = last.backward(1)
        for layer in reversed(layers):
            dout = layer.backward(dout)
        times.append(time.process_time() - start)
    return min(times)
