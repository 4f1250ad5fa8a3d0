"""MNIST with the book's interface: load_mnist(normalize, flatten, one_hot_label).

Two sources:

* load_mnist_sample(...) reads the small sample shipped in this folder
  (5,000 training and 1,000 test images). It needs no network and is what the
  kata and the checker use.
* load_mnist(...) returns the full 70,000 images. It looks for the four IDX
  files in three places, in this order:
    1. a local folder: the data_dir argument, or $BACKPROP_KATA_MNIST_DIR;
    2. the cache folder: $XDG_CACHE_HOME/backprop-kata/mnist (~/.cache/...);
    3. a download from the public mirror the book uses, into the cache.

Every file is checked by the sha256 of its decompressed bytes before it is
used, and a download lands in the cache only after it passes, so a wrong
array is never returned silently.
"""

import gzip
import hashlib
import http.client
import io
import json
import os
import tempfile
import urllib.error
import urllib.request
import zlib
from pathlib import Path

import numpy as np

MIRROR_URL = "https://ossci-datasets.s3.amazonaws.com/mnist/"
DATA_DIR_ENV = "BACKPROP_KATA_MNIST_DIR"
MIRROR_URL_ENV = "BACKPROP_KATA_MNIST_URL"

# sha256 of the decompressed IDX bytes (the canonical ones; gzip bytes differ between mirrors).
FILES = {
    "train_img": (
        "train-images-idx3-ubyte.gz",
        "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    ),
    "train_label": (
        "train-labels-idx1-ubyte.gz",
        "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    ),
    "test_img": (
        "t10k-images-idx3-ubyte.gz",
        "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    ),
    "test_label": (
        "t10k-labels-idx1-ubyte.gz",
        "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
    ),
}

SAMPLE_PATH = Path(__file__).with_name("mnist_sample.npz")
SAMPLE_MANIFEST_PATH = Path(__file__).with_name("mnist_sample.json")

_WHAT_TO_DO = (
    "To use the full MNIST offline, copy the four files ({names}) into a folder and pass "
    "load_mnist(data_dir=...) or set {env}. Everything in the kata also works without it: "
    "load_mnist_sample() uses the sample shipped in dataset/."
)


class MnistError(RuntimeError):
    """The full MNIST could not be found, downloaded or verified. The message says what to do."""

    def __init__(self, problem):
        names = ", ".join(name for name, _ in FILES.values())
        super().__init__(f"{problem}\n{_WHAT_TO_DO.format(names=names, env=DATA_DIR_ENV)}")
        self.problem = problem  # what went wrong, without the advice (a command gives its own)


def load_mnist(
    normalize=True,
    flatten=True,
    one_hot_label=False,
    *,
    data_dir=None,
    cache_dir=None,
    mirror_url=None,
    timeout=30,
):
    """Load the full MNIST: ((x_train, t_train), (x_test, t_test)).

    Parameters
    ----------
    normalize : bool
        Scale pixels to float32 in [0, 1]; otherwise keep uint8 in [0, 255].
    flatten : bool
        Images of shape (784,); otherwise (1, 28, 28).
    one_hot_label : bool
        Labels of shape (10,) one-hot; otherwise integer labels.
    data_dir, cache_dir, mirror_url : optional overrides of the three places.
    timeout : float
        Seconds a download may wait for the server at each step, before it gives up.

    Returns
    -------
    x_train : (60000, 784) or (60000, 1, 28, 28)
    t_train : (60000,) or (60000, 10)
    x_test : (10000, 784) or (10000, 1, 28, 28)
    t_test : (10000,) or (10000, 10)
    """
    data_dir = data_dir or os.environ.get(DATA_DIR_ENV)
    cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
    mirror_url = mirror_url or os.environ.get(MIRROR_URL_ENV) or MIRROR_URL
    raw = {
        key: _find_verified(name, sha256, data_dir, cache_dir, mirror_url, timeout)
        for key, (name, sha256) in FILES.items()
    }
    x_train, t_train = _parse_images(raw["train_img"]), _parse_labels(raw["train_label"])
    x_test, t_test = _parse_images(raw["test_img"]), _parse_labels(raw["test_label"])
    return _book_format(x_train, t_train, x_test, t_test, normalize, flatten, one_hot_label)


def load_mnist_sample(normalize=True, flatten=True, one_hot_label=False):
    """Load the MNIST sample shipped in dataset/, with load_mnist's interface.

    Returns
    -------
    x_train : (5000, 784) or (5000, 1, 28, 28)
    t_train : (5000,) or (5000, 10)
    x_test : (1000, 784) or (1000, 1, 28, 28)
    t_test : (1000,) or (1000, 10)
    """
    arrays = read_sample()
    return _book_format(
        arrays["x_train"],
        arrays["t_train"],
        arrays["x_test"],
        arrays["t_test"],
        normalize,
        flatten,
        one_hot_label,
    )


def read_sample(path=SAMPLE_PATH, manifest_path=SAMPLE_MANIFEST_PATH):
    """The sample's raw uint8 arrays, checked against the sha256 recorded in its manifest."""
    manifest = json.loads(Path(manifest_path).read_text())
    with np.load(path, allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    for name, expected in manifest["arrays"].items():
        if (
            name not in arrays
            or list(arrays[name].shape) != expected["shape"]
            or array_sha256(arrays[name]) != expected["sha256"]
        ):
            raise MnistError(f"The MNIST sample {path} is damaged ({name} fails its checksum).")
    return arrays


def sample_size(name, manifest_path=SAMPLE_MANIFEST_PATH):
    """How many images or labels the sample's array `name` holds, from its manifest alone:
    cheaper than loading the sample (read_sample checks that the two agree)."""
    manifest = json.loads(Path(manifest_path).read_text())
    return manifest["arrays"][name]["shape"][0]


def array_sha256(array):
    """sha256 of an array's dtype, shape and bytes: stable across zlib and zip versions."""
    digest = hashlib.sha256(f"{array.dtype.str}{array.shape}".encode())
    digest.update(np.ascontiguousarray(array).tobytes())
    return digest.hexdigest()


def default_cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "backprop-kata" / "mnist"


def _find_verified(name, sha256, data_dir, cache_dir, mirror_url, timeout):
    """Decompressed bytes of one file, from the first of the three places that has it."""
    if data_dir:
        for candidate in (Path(data_dir) / name, Path(data_dir) / name.removesuffix(".gz")):
            if candidate.is_file():
                data = _decompress(candidate.read_bytes(), candidate)
                if _sha256(data) != sha256:
                    raise MnistError(f"{candidate} fails its sha256 check: copy it again.")
                return data

    cached = cache_dir / name
    if cached.is_file():
        try:
            data = _decompress(cached.read_bytes(), cached)
            if _sha256(data) == sha256:
                return data
        except MnistError:
            pass
        cached.unlink()  # damaged by something outside us: fetch it again

    return _download(name, sha256, cache_dir, mirror_url, timeout)


def _download(name, sha256, cache_dir, mirror_url, timeout):
    url = mirror_url.rstrip("/") + "/" + name
    try:
        payload = _fetch_with_progress(url, name, timeout)
    except urllib.error.HTTPError as error:
        raise MnistError(
            f"Downloading {url} failed: the server answered HTTP {error.code}."
        ) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        reason = getattr(error, "reason", None) or repr(error)
        raise MnistError(f"Could not download {url} ({reason}). Are you offline?") from None
    data = _decompress(payload, url)
    if _sha256(data) != sha256:
        raise MnistError(f"The download of {url} fails its sha256 check; nothing was cached.")
    _write_atomically(cache_dir / name, payload)
    return data


def _fetch_with_progress(url, name, timeout):
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TransferSpeedColumn,
    )

    with urllib.request.urlopen(url, timeout=timeout) as response:
        total = response.headers.get("Content-Length")
        total = int(total) if total else None
        buffer = io.BytesIO()
        columns = (TextColumn(name), BarColumn(), DownloadColumn(), TransferSpeedColumn())
        with Progress(*columns, transient=True) as progress:
            task = progress.add_task("download", total=total)
            try:
                while chunk := response.read(1 << 16):
                    buffer.write(chunk)
                    progress.update(task, advance=len(chunk))
            except http.client.IncompleteRead as error:
                buffer.write(error.partial)
    payload = buffer.getvalue()
    if total is not None and len(payload) != total:
        raise MnistError(f"The download of {url} stopped after {len(payload)} of {total} bytes.")
    return payload


def _write_atomically(path, payload):
    """Write to a temporary file beside path, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _decompress(payload, source):
    if not payload.startswith(b"\x1f\x8b"):
        return payload  # an uncompressed IDX file in a local folder
    try:
        return gzip.decompress(payload)
    except (EOFError, OSError, zlib.error) as error:
        raise MnistError(f"{source} is not a complete gzip file ({error}).") from None


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def _parse_images(data):
    magic, count, rows, cols = np.frombuffer(data, dtype=">u4", count=4)
    if magic != 2051 or len(data) != 16 + count * rows * cols:
        raise MnistError("An MNIST image file has an unexpected IDX header.")
    return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(count, rows, cols)


def _parse_labels(data):
    magic, count = np.frombuffer(data, dtype=">u4", count=2)
    if magic != 2049 or len(data) != 8 + count:
        raise MnistError("An MNIST label file has an unexpected IDX header.")
    return np.frombuffer(data, dtype=np.uint8, offset=8).copy()


def _book_format(x_train, t_train, x_test, t_test, normalize, flatten, one_hot_label):
    def images(x):
        x = x.reshape(x.shape[0], -1) if flatten else x.reshape(x.shape[0], 1, 28, 28)
        return x.astype(np.float32) / 255.0 if normalize else x.copy()

    def labels(t):
        if not one_hot_label:
            return t.astype(np.int64)
        one_hot = np.zeros((t.size, 10))
        one_hot[np.arange(t.size), t] = 1
        return one_hot

    return (images(x_train), labels(t_train)), (images(x_test), labels(t_test))
