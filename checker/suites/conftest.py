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
