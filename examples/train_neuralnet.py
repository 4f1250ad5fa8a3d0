"""Train TwoLayerNet (784-50-10) with SGD, using gradient() from backpropagation.

    python -m examples.train_neuralnet [--solutions] [--full] [--iters N]

By default it trains on the MNIST sample shipped in dataset/ (offline). With
--full it uses the full 60,000 training images (see dataset/mnist.py).
"""

import argparse
import sys
import time

import numpy as np

from dataset.mnist import MnistError, load_mnist, load_mnist_sample
from examples import load, not_implemented_message, parse_target


def train(TwoLayerNet, x_train, t_train, x_test, t_test, iters, batch_size=100, lr=0.1, seed=0):
    """Plain SGD. Returns the net and a list of (iteration, train_acc, test_acc)."""
    rng = np.random.default_rng(seed)
    np.random.seed(seed)  # TwoLayerNet's weight init uses np.random, as in the book
    net = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
    iters_per_epoch = max(x_train.shape[0] // batch_size, 1)
    history = []
    for i in range(iters):
        batch = rng.choice(x_train.shape[0], batch_size)
        grads = net.gradient(x_train[batch], t_train[batch])
        for key in ("W1", "b1", "W2", "b2"):
            net.params[key] -= lr * grads[key]
        if (i + 1) % iters_per_epoch == 0 or i + 1 == iters:
            history.append((i + 1, net.accuracy(x_train, t_train), net.accuracy(x_test, t_test)))
    return net, history


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="train on the full MNIST")
    parser.add_argument("--iters", type=int, default=2000, help="SGD steps (default 2000)")
    package, args = parse_target(None, argv, parser)
    try:
        loader = load_mnist if args.full else load_mnist_sample
        (x_train, t_train), (x_test, t_test) = loader(normalize=True, one_hot_label=True)
    except MnistError as error:
        print(error)
        return 1
    start = time.perf_counter()
    try:
        _, history = train(
            load(package, "two_layer_net", "TwoLayerNet"),
            x_train,
            t_train,
            x_test,
            t_test,
            args.iters,
        )
    except NotImplementedError:
        print(not_implemented_message(package, "TwoLayerNet (or a layer it uses)"))
        return 1
    for iteration, train_acc, test_acc in history:
        print(f"iter {iteration:6d}  train acc {train_acc:.4f}  test acc {test_acc:.4f}")
    print(f"{args.iters} steps in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
