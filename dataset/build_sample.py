"""Rebuild dataset/mnist_sample.npz from the four full MNIST files.

    python -m dataset.build_sample [MNIST_DIR]        (default: ../shared/mnist)
    python -m dataset.build_sample --check [MNIST_DIR]

The sample is the first 5,000 training and the first 1,000 test images, as
uint8, in a zip written with fixed timestamps so the same input gives the
same arrays. The manifest records each array's sha256 (see array_sha256) and
the label counts; --check rebuilds in memory and compares with it.
"""

import argparse
import io
import json
import sys
import zipfile
from pathlib import Path

import numpy as np

from dataset.mnist import (
    FILES,
    SAMPLE_MANIFEST_PATH,
    SAMPLE_PATH,
    _find_verified,
    _parse_images,
    _parse_labels,
    array_sha256,
)

TRAIN_SIZE = 5000
TEST_SIZE = 1000
DEFAULT_SOURCE = Path(__file__).resolve().parents[1].parent / "shared" / "mnist"


def build_arrays(mnist_dir):
    """The sample's arrays, taken from verified full MNIST files in mnist_dir."""

    def read(key):
        name, sha256 = FILES[key]
        # No cache and no mirror: the files must be in mnist_dir and pass their checksums.
        return _find_verified(name, sha256, mnist_dir, Path(mnist_dir), "http://127.0.0.1:9/", 30)

    return {
        "x_train": _parse_images(read("train_img"))[:TRAIN_SIZE],
        "t_train": _parse_labels(read("train_label"))[:TRAIN_SIZE],
        "x_test": _parse_images(read("test_img"))[:TEST_SIZE],
        "t_test": _parse_labels(read("test_label"))[:TEST_SIZE],
    }


def write_npz(path, arrays):
    """Like np.savez_compressed, but with fixed zip timestamps so rebuilds are byte-stable."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buffer.getvalue(), compresslevel=9)


def manifest_for(arrays):
    return {
        "source": "MNIST (LeCun, Cortes, Burges), CC BY-SA 3.0; see dataset/README.md",
        "selection": f"first {TRAIN_SIZE} training and first {TEST_SIZE} test images",
        "arrays": {
            name: {"shape": list(a.shape), "dtype": a.dtype.str, "sha256": array_sha256(a)}
            for name, a in arrays.items()
        },
        "label_counts": {
            name: np.bincount(arrays[name], minlength=10).tolist() for name in ("t_train", "t_test")
        },
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mnist_dir", nargs="?", default=str(DEFAULT_SOURCE))
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)

    arrays = build_arrays(args.mnist_dir)
    manifest = manifest_for(arrays)
    if args.check:
        recorded = json.loads(SAMPLE_MANIFEST_PATH.read_text())
        if recorded["arrays"] != manifest["arrays"]:
            print("The shipped sample differs from a rebuild.", file=sys.stderr)
            return 1
        print("The shipped sample matches a rebuild from", args.mnist_dir)
        return 0
    write_npz(SAMPLE_PATH, arrays)
    SAMPLE_MANIFEST_PATH.write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"wrote {SAMPLE_PATH} ({SAMPLE_PATH.stat().st_size} bytes) and {SAMPLE_MANIFEST_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
