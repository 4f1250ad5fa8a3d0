"""load_mnist against a real HTTP server on 127.0.0.1 serving the real MNIST .gz files."""

import gzip
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from dataset.mnist import FILES, MnistError, load_mnist

TRAIN_IMAGES = FILES["train_img"][0]


class MirrorHandler(BaseHTTPRequestHandler):
    """Serves server.routes: name -> (status, body, content_length)."""

    def do_GET(self):
        name = self.path.rsplit("/", 1)[-1]
        self.server.requests.append(name)
        status, body, length = self.server.routes.get(name, (404, b"not found", None))
        self.send_response(status)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def real_files(shared_mnist):
    return {name: (shared_mnist / name).read_bytes() for name, _ in FILES.values()}


@pytest.fixture
def mirror(real_files):
    server = ThreadingHTTPServer(("127.0.0.1", 0), MirrorHandler)
    server.routes = {name: (200, body, None) for name, body in real_files.items()}
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}/mnist/"
    yield server
    server.shutdown()
    server.server_close()


def load(mirror_url, cache_dir):
    return load_mnist(cache_dir=cache_dir, mirror_url=mirror_url, data_dir=None)


def test_download_then_second_call_hits_the_cache(mirror, tmp_path, monkeypatch):
    monkeypatch.delenv("BACKPROP_KATA_MNIST_DIR", raising=False)
    (x_train, t_train), (x_test, t_test) = load(mirror.url, tmp_path)
    assert x_train.shape == (60000, 784) and x_train.dtype == np.float32
    assert t_train.shape == (60000,) and x_test.shape == (10000, 784) and t_test.shape == (10000,)
    assert 0.0 <= x_train.min() and x_train.max() == 1.0
    assert sorted(mirror.requests) == sorted(name for name, _ in FILES.values())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(mirror.requests)

    mirror.requests.clear()
    mirror.routes.clear()  # the mirror now has nothing: the second call must use the cache
    (x_again, _), _ = load(mirror.url, tmp_path)
    assert mirror.requests == []
    np.testing.assert_array_equal(x_again, x_train)


def test_book_options_shape_the_arrays(mirror, tmp_path):
    (x_train, t_train), _ = load_mnist(
        normalize=False,
        flatten=False,
        one_hot_label=True,
        cache_dir=tmp_path,
        mirror_url=mirror.url,
    )
    assert x_train.shape == (60000, 1, 28, 28) and x_train.dtype == np.uint8
    assert t_train.shape == (60000, 10) and np.all(t_train.sum(axis=1) == 1)


def assert_nothing_cached(cache_dir):
    leftovers = list(cache_dir.glob(f"{TRAIN_IMAGES}*")) if cache_dir.exists() else []
    assert leftovers == []


def test_truncated_file_is_rejected_and_not_cached(mirror, real_files, tmp_path):
    half = real_files[TRAIN_IMAGES][: len(real_files[TRAIN_IMAGES]) // 2]
    mirror.routes[TRAIN_IMAGES] = (200, half, None)
    with pytest.raises(MnistError, match="not a complete gzip file"):
        load(mirror.url, tmp_path)
    assert_nothing_cached(tmp_path)


def test_connection_closed_mid_download_is_rejected_and_not_cached(mirror, real_files, tmp_path):
    body = real_files[TRAIN_IMAGES]
    mirror.routes[TRAIN_IMAGES] = (200, body[:1000], len(body))  # promises more than it sends
    with pytest.raises(MnistError, match=f"stopped after 1000 of {len(body)} bytes"):
        load(mirror.url, tmp_path)
    assert_nothing_cached(tmp_path)


def test_wrong_checksum_is_rejected_and_not_cached(mirror, tmp_path):
    impostor = gzip.compress(b"\x00\x00\x08\x03" + bytes(1000))
    mirror.routes[TRAIN_IMAGES] = (200, impostor, None)
    with pytest.raises(MnistError, match="fails its sha256 check; nothing was cached"):
        load(mirror.url, tmp_path)
    assert_nothing_cached(tmp_path)


@pytest.mark.parametrize("status", [404, 500])
def test_http_errors_say_the_status(mirror, tmp_path, status):
    mirror.routes[TRAIN_IMAGES] = (status, b"nope", None)
    with pytest.raises(MnistError, match=f"HTTP {status}") as error:
        load(mirror.url, tmp_path)
    assert "data_dir" in str(error.value)  # the message says what to do
    assert_nothing_cached(tmp_path)


def test_refused_connection_says_offline(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again when the block ends: nobody listens
    with pytest.raises(MnistError, match="Are you offline") as error:
        load(f"http://127.0.0.1:{port}/", tmp_path)
    assert "load_mnist_sample()" in str(error.value)


def test_local_folder_comes_first_and_is_verified(shared_mnist, tmp_path, monkeypatch):
    monkeypatch.setenv("BACKPROP_KATA_MNIST_DIR", str(shared_mnist))
    (_, t_train), _ = load_mnist(cache_dir=tmp_path, mirror_url="http://127.0.0.1:9/")
    assert t_train[:5].tolist() == [5, 0, 4, 1, 9]  # MNIST's well-known first labels
    assert list(tmp_path.iterdir()) == []  # a local folder is used in place, not copied


def test_corrupt_file_in_local_folder_is_an_error(real_files, tmp_path):
    folder = tmp_path / "mnist"
    folder.mkdir()
    for name, body in real_files.items():
        (folder / name).write_bytes(body)
    (folder / TRAIN_IMAGES).write_bytes(gzip.compress(b"garbage"))
    with pytest.raises(MnistError, match="fails its sha256 check: copy it again"):
        load_mnist(data_dir=folder, cache_dir=tmp_path / "cache", mirror_url="http://127.0.0.1:9/")
