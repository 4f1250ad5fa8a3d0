"""Train TwoLayerNet (784-50-10) with SGD, using gradient() from backpropagation.

    python -m examples.train_neuralnet [--solutions] [--full] [--iters N]

Kept for its old name: it runs `python -m checker train` (checker/training/train.py) on the
MNIST sample shipped in dataset/, 2000 iterations by default. With --full it trains on the
full 60,000 training images (see dataset/mnist.py).
"""

import argparse
import sys

from checker.training.train import main as train
from examples import parse_target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="train on the full MNIST")
    parser.add_argument("--iters", type=int, default=2000, help="SGD steps (default 2000)")
    package, args = parse_target(None, argv, parser)
    data = "--full" if args.full else "--sample"
    return train(["--target", package, data, "--iters", str(args.iters)])


if __name__ == "__main__":
    sys.exit(main())
