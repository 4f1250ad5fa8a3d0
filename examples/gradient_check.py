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
# Correct backprop differs from the numerical gradient by 1e-6 of the gradient's size: the 1e-7
# that cross_entropy_error adds inside its log, next to a probability of about 0.1 for a new net
# (rounding is far smaller). Measured on seeds 0-23 (other images too): 0.99e-6 to 1.0e-6 of the
# size for every parameter, b2 the largest at 1.4e-7. A bug is off by about the gradient itself.
CORRECT_RATIO = "1e-6"  # as said in gradcheck.scale
CORRECT_AT_MOST = "1e-7"  # "around 1e-7 or less": b2 prints 1.4e-07
WIDTH = 80  # the messages are wrapped to 80 columns (paths are never split)
LOOKS_WRONG = 1e-3  # flagged when mean |difference| > LOOKS_WRONG * mean |numerical gradient|


def gradient_check(TwoLayerNet, x, labels, seed=0):
    """Mean |backprop - numerical| and mean |numerical| for each parameter.

    x: (N, 784) images, labels: (N, 10) one-hot (named so that `t` stays the catalog's).
    Returns {key: (difference, size)}.
    """
    np.random.seed(seed)  # TwoLayerNet's weight init uses np.random, as in the book
    net = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
    grad_backprop = net.gradient(x, labels)  # first: when it is missing we know in a millisecond
    if not isinstance(grad_backprop, dict) or any(key not in grad_backprop for key in KEYS):
        raise ValueError(t("gradcheck.not_a_dict", keys=", ".join(KEYS)))
    for key in KEYS:
        shape, expected = np.shape(grad_backprop[key]), net.params[key].shape
        if shape != expected:
            raise ValueError(t("gradcheck.shape", key=key, shape=shape, expected=expected))
    grad_numerical = net.numerical_gradient(x, labels)
    return {
        key: (
            np.mean(np.abs(grad_backprop[key] - grad_numerical[key])),
            np.mean(np.abs(grad_numerical[key])),
        )
        for key in KEYS
    }


def where_raised(error, package):
    """(file, function, from_gradient) of the innermost frame of the error in the target's code,
    e.g. ("exercises/affine.py", "Affine.backward", True): a layer's method is named with its
    class; from_gradient says whether TwoLayerNet.gradient() called it. two_layer_net.py and
    "gradient" when none of the frames is in the target (gradient_check's own checks)."""
    target = Path(sys.modules[package].__path__[0]).resolve()
    frames = [
        (frame, Path(frame.f_code.co_filename))
        for frame, _ in traceback.walk_tb(error.__traceback__)
        if Path(frame.f_code.co_filename).resolve().parent == target
    ]
    if not frames:
        return f"{folder(package)}/two_layer_net.py", "gradient", False
    frame, path = frames[-1]
    function = frame.f_code.co_name
    owner = frame.f_locals.get("self")
    if path.name != "two_layer_net.py" and owner is not None:
        function = f"{type(owner).__name__}.{function}"
    from_gradient = path.name != "two_layer_net.py" and any(
        f.f_code.co_name == "gradient" and p.name == "two_layer_net.py" for f, p in frames
    )
    return f"{folder(package)}/{path.name}", function, from_gradient


# How gradient() misused the stand-in layers (stand_ins.StandInError.reason), said here as
# what to do about it.
MISUSE = {
    "backward_first": "gradcheck.why.no_forward",
    "dout_first": "gradcheck.why.not_from_loss",
    "dout_passed_on": "gradcheck.why.not_kept",
    "dout_reverse": "gradcheck.why.not_reversed",
}


def runs_with(package, files, x, labels, seed=0):
    """None if TwoLayerNet.gradient(x, t) runs with these layer files replaced by the checker's
    stand-ins (checker/stand_ins.py, as for `checker train`), else why it does not: a Message."""
    from checker import stand_ins
    from checker.scenarios import import_target

    target = str(Path(sys.modules[package].__path__[0]).resolve())
    net = budget = None
    try:
        module = import_target(target, "two_layer_net.py", stand_ins.replacing(files))
        np.random.seed(seed)
        net = module.TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
        budget = stand_ins.watch(net)
        net.gradient(x, labels)
    except stand_ins.StandInError as error:
        why = MISUSE.get(error.reason)
        if budget is None or why is None:  # not from a layer's use in gradient()
            return t("gradcheck.why.other", error=type(error).__name__, text="")
        return t(why)
    except Exception as error:  # noqa: BLE001 - the student's gradient() may raise anything
        text = (str(error).splitlines() or [""])[0]
        return t("gradcheck.why.other", error=type(error).__name__, text=text)
    return None


def blame(error, package, x, labels):
    """The lines that say what raised and which file to fix.

    An error inside a layer's method that gradient() called is the layer's fault only if
    gradient() runs with the checker's own layers in place of the student's; if it fails with
    those too, the mistake is in gradient(). softmax_with_loss.py and functions.py are given:
    they are named only when a stand-in for them is what makes gradient() run."""
    from checker import stand_ins
    from checker.i18n.wrap import wrap

    path, function, from_gradient = where_raised(error, package)
    text = (str(error).splitlines() or [""])[0]
    name = type(error).__name__
    if not from_gradient:
        return [t("gradcheck.raised", function=function, error=name, text=text, path=path)]
    net_path = f"{folder(package)}/two_layer_net.py"
    lines = wrap(t("gradcheck.raised_in", method=function, error=name, text=text), WIDTH)
    reason = runs_with(package, list(stand_ins.LAYER_FILES), x, labels)
    if reason is not None:
        layer = Path(path).name
        prose = t("gradcheck.gradient_wrong", layer=layer, reason=reason, path=net_path)
        return lines + wrap(prose, WIDTH)
    for file, layer in stand_ins.LAYER_FILES.items():
        if runs_with(package, [file], x, labels) is None:
            prose = t("gradcheck.layer_wrong", layer=layer, path=f"{folder(package)}/{file}.py")
            return lines + wrap(prose, WIDTH)
    files = ", ".join(f"{folder(package)}/{file}.py" for file in stand_ins.LAYER_FILES)
    return lines + wrap(t("gradcheck.layers_wrong", files=files), WIDTH)


def flag(key, difference, size):
    """What is wrong with a flagged parameter: its gradient is not a number (nan or inf), the
    loss itself is not (the numerical gradient is nan or inf), or the two disagree."""
    if not np.isfinite(size):
        return t("gradcheck.loss_not_a_number", value=f"{size:.1e}")
    if not np.isfinite(difference):
        return t("gradcheck.not_a_number", param=key)
    return t("gradcheck.looks_wrong", size=f"{size:.1e}")


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
        path, function, _ = where_raised(error, package)
        print(t("gradcheck.not_implemented", function=function, path=path))
        return 1
    except Exception as error:  # a student's bug, shown in a few lines rather than a traceback
        for line in blame(error, package, x_train[:3], t_train[:3]):
            print(line)
        return 1
    # NaN-safe: a difference of nan compares False with anything, so flag all but "small enough"
    wrong = [
        key for key, (difference, size) in found.items() if not difference <= LOOKS_WRONG * size
    ]
    for key, (difference, size) in found.items():
        print(f"{key}:{difference:.1e}{flag(key, difference, size) if key in wrong else ''}")
    from checker.i18n.wrap import wrap

    threshold = f"{LOOKS_WRONG:g}"
    scale = t("gradcheck.scale", ratio=CORRECT_RATIO, most=CORRECT_AT_MOST, threshold=threshold)
    for line in wrap(scale, WIDTH):
        print(line)
    if any(not np.isfinite(size) for _, size in found.values()):
        for line in wrap(
            t("gradcheck.loss_nan", path=f"{folder(package)}/two_layer_net.py"), WIDTH
        ):
            print(line)
    elif wrong:
        print(t("gradcheck.disagrees", keys=", ".join(wrong)))
    print(t("gradcheck.seconds", seconds=f"{time.perf_counter() - start:.1f}"))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
