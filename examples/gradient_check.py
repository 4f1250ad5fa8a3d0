"""Gradient check (梯度确认): backprop's gradient() against numerical_gradient(), as in the book.

    python -m examples.gradient_check [--solutions | --target PATH]

On 3 images of the MNIST sample in dataset/, a new TwoLayerNet (784-50-10) computes its
gradients twice: by backpropagation (your gradient()) and by central differences
(numerical_gradient(), slow but simple). For W1, b1, W2 and b2 it prints the mean absolute
difference of the two, and flags a parameter whose difference is not tiny next to the gradient.
Exit code 0 when all four agree, 1 when one does not or something is not implemented.
"""

import sys
import time
import traceback
from pathlib import Path

import numpy as np

from checker.i18n import t
from dataset.mnist import MnistError, load_mnist_sample
from examples import folder, load, parse_target

KEYS = ("W1", "b1", "W2", "b2")
# Correct backprop differs from the numerical gradient by about 1e-6 of the gradient's size
# (rounding, and the 1e-7 the loss adds inside its log); a bug by about the gradient itself.
LOOKS_WRONG = 1e-3  # flagged when mean |difference| > LOOKS_WRONG * mean |numerical gradient|


def gradient_check(TwoLayerNet, x, t, seed=0):
    """Mean |backprop - numerical| and mean |numerical| for each parameter.

    x: (N, 784) images, t: (N, 10) one-hot labels. Returns {key: (difference, size)}.
    """
    np.random.seed(seed)  # TwoLayerNet's weight init uses np.random, as in the book
    net = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
    grad_backprop = net.gradient(x, t)  # first: when it is missing we know in a millisecond
    if not isinstance(grad_backprop, dict) or any(key not in grad_backprop for key in KEYS):
        raise ValueError(t("gradcheck.not_a_dict", keys=", ".join(KEYS)))
    for key in KEYS:
        shape, expected = np.shape(grad_backprop[key]), net.params[key].shape
        if shape != expected:
            raise ValueError(t("gradcheck.shape", key=key, shape=shape, expected=expected))
    grad_numerical = net.numerical_gradient(x, t)
    return {
        key: (
            np.mean(np.abs(grad_backprop[key] - grad_numerical[key])),
            np.mean(np.abs(grad_numerical[key])),
        )
        for key in KEYS
    }


def where_raised(error, package):
    """(file, function) of the innermost frame of the error in the target's code, e.g.
    ("exercises/affine.py", "backward"); two_layer_net.py when none of its frames is there."""
    target = Path(sys.modules[package].__path__[0]).resolve()
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if Path(frame.filename).resolve().parent == target
    ]
    if not frames:
        return f"{folder(package)}/two_layer_net.py", "gradient"
    return f"{folder(package)}/{Path(frames[-1].filename).name}", frames[-1].name


def main(argv=None):
    package, _ = parse_target("gradcheck.description", argv)
    try:
        (x_train, t_train), _ = load_mnist_sample(normalize=True, one_hot_label=True)
    except MnistError as error:
        print(error)
        return 1
    print(t("gradcheck.comparing"))
    print(t("gradcheck.why_slow"))
    start = time.perf_counter()
    try:
        TwoLayerNet = load(package, "two_layer_net", "TwoLayerNet")
        found = gradient_check(TwoLayerNet, x_train[:3], t_train[:3])
    except NotImplementedError as error:
        path, function = where_raised(error, package)
        print(t("gradcheck.not_implemented", function=function, path=path))
        return 1
    except Exception as error:  # a student's bug, shown as one line rather than a traceback
        path, function = where_raised(error, package)
        message = (str(error).splitlines() or [""])[0]
        error = type(error).__name__
        print(t("gradcheck.raised", function=function, error=error, text=message, path=path))
        return 1
    wrong = [key for key, (difference, size) in found.items() if difference > LOOKS_WRONG * size]
    for key, (difference, size) in found.items():
        flag = t("gradcheck.looks_wrong", size=f"{size:.1e}") if key in wrong else ""
        print(f"{key}:{difference:.1e}{flag}")
    print(t("gradcheck.scale"))
    if wrong:
        print(t("gradcheck.disagrees", keys=", ".join(wrong)))
    print(t("gradcheck.seconds", seconds=f"{time.perf_counter() - start:.1f}"))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
