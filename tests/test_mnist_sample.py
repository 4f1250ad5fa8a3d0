"""The MNIST sample shipped in dataset/: size, checksums, label counts, reproducibility."""

import json

import numpy as np
import pytest

from dataset import build_sample
from dataset.mnist import (
    SAMPLE_MANIFEST_PATH,
    SAMPLE_PATH,
    MnistError,
    array_sha256,
    load_mnist_sample,
    read_sample,
)

MANIFEST = json.loads(SAMPLE_MANIFEST_PATH.read_text())


def test_sample_is_small():
    assert SAMPLE_PATH.stat().st_size <= 2 * 1024 * 1024


def test_sample_matches_recorded_checksums_and_label_counts():
    arrays = read_sample()
    for name, recorded in MANIFEST["arrays"].items():
        assert array_sha256(arrays[name]) == recorded["sha256"], name
        assert list(arrays[name].shape) == recorded["shape"]
    for name, counts in MANIFEST["label_counts"].items():
        assert np.bincount(arrays[name], minlength=10).tolist() == counts
    assert sum(MANIFEST["label_counts"]["t_train"]) == 5000
    assert sum(MANIFEST["label_counts"]["t_test"]) == 1000
    assert min(MANIFEST["label_counts"]["t_train"]) > 400  # every digit is well represented


def test_sample_has_the_book_interface():
    (x_train, t_train), (x_test, t_test) = load_mnist_sample(one_hot_label=True)
    assert x_train.shape == (5000, 784) and x_train.dtype == np.float32
    assert x_test.shape == (1000, 784) and 0 <= x_test.min() and x_test.max() <= 1
    assert t_train.shape == (5000, 10) and t_test.shape == (1000, 10)
    (x_train, t_train), _ = load_mnist_sample(normalize=False, flatten=False)
    assert x_train.shape == (5000, 1, 28, 28) and x_train.dtype == np.uint8
    assert t_train.shape == (5000,)


def test_damaged_sample_is_refused(tmp_path):
    arrays = read_sample()
    arrays["t_train"] = arrays["t_train"].copy()
    arrays["t_train"][0] += 1
    damaged = tmp_path / "sample.npz"
    build_sample.write_npz(damaged, arrays)
    with pytest.raises(MnistError, match="t_train fails its checksum"):
        read_sample(damaged)


def test_build_script_reproduces_the_shipped_sample(shared_mnist, tmp_path):
    arrays = build_sample.build_arrays(shared_mnist)
    assert build_sample.manifest_for(arrays) == MANIFEST
    rebuilt = tmp_path / "sample.npz"
    build_sample.write_npz(rebuilt, arrays)
    assert rebuilt.read_bytes() == SAMPLE_PATH.read_bytes()
