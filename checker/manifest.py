"""The one list of sections: their order, titles, files, points and hints.

The CLI, the hidden suites (checker/suites/test_<name>.py) and the report all
read this list. To add a section: add an entry here, a stub in exercises/, a
reference in solutions/ and a suite in checker/suites/.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    name: str  # also the suite's name: checker/suites/test_<name>.py
    title: str
    file: str  # inside exercises/ (or any --target folder)
    points: int
    hints: tuple[str, ...]

    @property
    def suite(self):
        return f"test_{self.name}.py"


SECTIONS = (
    Section(
        name="mul_layer",
        title="MulLayer (乘法层)",
        file="mul_layer.py",
        points=10,
        hints=(
            "forward(x, y) must remember x and y: backward needs them.",
            "out = x * y, so d(out)/dx = y and d(out)/dy = x: each input gets dout times the "
            "OTHER input.",
            "Multiply by dout (the chain rule). In the apple example only the tax layer gets "
            "dout = 1; the apple layer gets dout = 1.1 from it, so a missing dout shows there "
            "(dapple would be 2 instead of 2.2).",
        ),
    ),
    Section(
        name="add_layer",
        title="AddLayer (加法层)",
        file="add_layer.py",
        points=10,
        hints=(
            "out = x + y, so d(out)/dx = d(out)/dy = 1.",
            "backward(dout) returns (dout * 1, dout * 1): the gradient passes through unchanged.",
        ),
    ),
    Section(
        name="relu",
        title="Relu (激活函数层)",
        file="relu.py",
        points=15,
        hints=(
            "In forward, keep self.mask = (x <= 0) and return a copy of x with those entries "
            "set to 0. Do not change x itself.",
            "In backward, the gradient flows where x > 0 and stops where x <= 0: set dout to 0 "
            "where self.mask is True.",
        ),
    ),
    Section(
        name="sigmoid",
        title="Sigmoid (激活函数层)",
        file="sigmoid.py",
        points=15,
        hints=(
            "forward: out = 1 / (1 + np.exp(-x)); keep out in self.out.",
            "The local derivative is out * (1 - out), with out the forward OUTPUT, not x.",
            "backward returns dout * self.out * (1 - self.out).",
        ),
    ),
    Section(
        name="affine",
        title="Affine (批版本的Affine层)",
        file="affine.py",
        points=20,
        hints=(
            "forward: remember x.shape, reshape x to (N, -1), keep it in self.x, "
            "return np.dot(self.x, self.W) + self.b.",
            "Keep self.W and self.b as the arrays you were given (no copies): the network "
            "updates them in place.",
            "backward: dx = dout @ W.T, dW = x.T @ dout, db = dout summed over axis 0. Check "
            "the shapes: dW like W (D, M), db like b (M,).",
            "Return dx reshaped to the original shape of x, e.g. (N, 1, 28, 28).",
        ),
    ),
    Section(
        name="two_layer_net",
        title="TwoLayerNet.gradient (误差反向传播法)",
        file="two_layer_net.py",
        points=30,
        hints=(
            "Call self.loss(x, t) first: it runs forward through every layer and stores "
            "what backward needs.",
            "Start from dout = 1 and call self.lastLayer.backward(dout).",
            "Then go through self.layers in REVERSE order: list(self.layers.values())[::-1].",
            "Collect grads['W1'], grads['b1'] from self.layers['Affine1'].dW and .db, and "
            "'W2', 'b2' from 'Affine2'.",
            "This section is graded with the reference layers, so a bug in your Affine or "
            "Relu does not cost points here.",
        ),
    ),
)

BY_NAME = {section.name: section for section in SECTIONS}

# "Your network": after the six sections, the student's own TwoLayerNet on the student's own
# layers, trained end to end (checker/suites/test_integration.py). Worth no points unless an
# instructor gives it some here; it runs on a full check only.
INTEGRATION = Section(
    name="integration",
    title="Your network (your own layers, end to end)",
    file="two_layer_net.py",
    points=0,
    hints=(
        "This check trains TwoLayerNet built from your own files: two_layer_net.py, "
        "affine.py, relu.py and softmax_with_loss.py.",
        "When it fails, the checker retrains with one of your layers replaced by its own and "
        "names the layer whose replacement makes training work.",
        "Train it yourself and watch: python -m examples.train_neuralnet",
    ),
)


def section_named(name):
    return INTEGRATION if name == INTEGRATION.name else BY_NAME[name]
