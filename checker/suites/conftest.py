"""Fixtures for the hidden suites. `run` and `rng` come from checker/plugin.py."""

import numpy as np
import pytest


def shape_id(shape):
    return "float" if shape == () else "x".join(map(str, shape))


@pytest.fixture
def normal(rng):
    """normal(shape) -> float64 array (or a 0-d array for shape ())."""

    def draw(shape, scale=1.0):
        return np.asarray(rng.normal(size=shape) * scale, dtype=float)

    return draw


def run_binary_layer(run, cls, x, y, dout=None):
    """MulLayer or AddLayer in the worker: forward(x, y), then backward(dout) if dout is given."""
    inputs = {"x": x, "y": y} if dout is None else {"x": x, "y": y, "dout": dout}
    return run("binary_layer", inputs, {"class": cls, "scalars": x.ndim == 0})


def run_unary_layer(run, cls, x, dout=None):
    """Relu or Sigmoid in the worker: forward(x), then backward(dout) if dout is given."""
    inputs = {"x": x} if dout is None else {"x": x, "dout": dout}
    return run("unary_layer", inputs, {"class": cls})
