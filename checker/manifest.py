"""The one list of sections: their order, titles, files, points and hints.

The CLI, the hidden suites (checker/suites/test_<name>.py) and the report all
read this list. To add a section: add an entry here, a stub in exercises/, a
reference in solutions/ and a suite in checker/suites/.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    name: str  # also the suite's name: checker/suites/test_<name>.py
    title: str
    file: str  # inside exercises/ (or any --target folder)
    points: int
    hints: tuple[str, ...]
    # The hint (numbered from 1) that fits a mistake the tests diagnosed, by its topic
    # (judge.Wrong.topic): "forward", "backward", "gradient", "shape" or "inputs".
    hint_for: dict = field(default_factory=dict, hash=False)

    @property
    def suite(self):
        return f"test_{self.name}.py"


# Hints go from the idea, to the local derivative, to the shapes. None is code: the last may
# give the formula in math notation, never the Python line (tests/test_learner_loop.py).
SECTIONS = (
    Section(
        name="mul_layer",
        title="MulLayer (乘法层)",
        file="mul_layer.py",
        points=10,
        hints=(
            "A × node in the computational graph: backward needs both inputs of the forward "
            "pass, so forward must remember them.",
            "out = x·y, so ∂out/∂x = y and ∂out/∂y = x: each input's gradient uses the OTHER "
            "input.",
            "Multiply each local derivative by the upstream gradient dout (the chain rule). In "
            "the apple example only the tax layer gets dout = 1; the apple layer gets dout = 1.1 "
            "from it, so a missing dout shows there (dapple would be 2 instead of 2.2).",
        ),
        hint_for={"forward": 1, "backward": 2},
    ),
    Section(
        name="add_layer",
        title="AddLayer (加法层)",
        file="add_layer.py",
        points=10,
        hints=(
            "A + node passes the upstream gradient on unchanged, to both inputs.",
            "out = x + y, so ∂out/∂x = ∂out/∂y = 1: both gradients are dout × 1.",
        ),
        hint_for={"backward": 2},
    ),
    Section(
        name="relu",
        title="Relu (激活函数层)",
        file="relu.py",
        points=15,
        hints=(
            "ReLU is a switch: forward lets positive inputs through and turns the others into "
            "0. Remember where it was off, for backward; leave the input array itself unchanged.",
            "∂out/∂x is 1 where x > 0 and 0 where x ≤ 0: the gradient flows through the same "
            "entries that forward let through, and stops at the others.",
            "dx has the shape of x (and of dout): it is dout with the switched-off entries set "
            "to 0.",
        ),
        hint_for={"forward": 1, "inputs": 1, "backward": 2, "shape": 3},
    ),
    Section(
        name="sigmoid",
        title="Sigmoid (激活函数层)",
        file="sigmoid.py",
        points=15,
        hints=(
            "y = 1 / (1 + exp(−x)). Backward is cheapest in terms of the forward OUTPUT y, so "
            "forward should remember y.",
            "∂y/∂x = y(1 − y), with y the output, not the input x.",
            "dx = dout · y(1 − y), element by element: the shape of x.",
        ),
        hint_for={"forward": 1, "backward": 2, "shape": 3},
    ),
    Section(
        name="affine",
        title="Affine (批版本的Affine层)",
        file="affine.py",
        points=20,
        hints=(
            "Y = X·W + b for a whole batch: X (N, D), W (D, M), b (M,) added to every row. "
            "Images arrive as (N, 1, 28, 28): flatten each one to a row first, and remember "
            "the original shape.",
            "W and b are the network's own arrays, updated in place by training: keep them, "
            "never a copy.",
            "Local derivatives: ∂L/∂X = ∂L/∂Y · Wᵀ, ∂L/∂W = Xᵀ · ∂L/∂Y, and ∂L/∂b is ∂L/∂Y "
            "summed over the batch (axis 0).",
            "Check the shapes: dW like W (D, M), db like b (M,), and dx like the x that forward "
            "received, e.g. (N, 1, 28, 28).",
        ),
        hint_for={"forward": 1, "inputs": 2, "backward": 3, "shape": 4},
    ),
    Section(
        name="two_layer_net",
        title="TwoLayerNet.gradient (误差反向传播法)",
        file="two_layer_net.py",
        points=30,
        hints=(
            "Backpropagation: one forward pass through every layer (the loss), then one "
            "backward pass. This section is graded with the checker's own layers, so a bug in "
            "your Affine or Relu costs no points here.",
            "The backward pass starts at the loss, with dL/dL = 1, and goes through the layers "
            "in REVERSE order. Each backward must receive what the layer after it returned.",
            "The gradients of the parameters are what the two Affine layers stored in their "
            "dW and db during the backward pass: W1 and b1 from the first, W2 and b2 from the "
            "second, each with the shape of its parameter.",
        ),
        hint_for={"gradient": 2, "shape": 3},
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
        "Train it yourself and watch: python -m checker train",
    ),
)


def section_named(name):
    return INTEGRATION if name == INTEGRATION.name else BY_NAME[name]
