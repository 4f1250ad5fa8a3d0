import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_MNIST = Path(os.environ.get("BACKPROP_KATA_SHARED_MNIST", REPO.parent / "shared" / "mnist"))


@pytest.fixture(scope="session")
def shared_mnist():
    """The four full MNIST files beside the checkout (developers and CI only)."""
    if not (SHARED_MNIST / "train-images-idx3-ubyte.gz").is_file():
        pytest.skip(f"full MNIST not found at {SHARED_MNIST}")
    return SHARED_MNIST


NO_UID_LEVEL = "the uid level needs root on Linux, and Python, numpy and checker readable by all"
