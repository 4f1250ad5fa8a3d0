"""Train TwoLayerNet (784-50-10) with SGD, using gradient() from backpropagation.

    python -m examples.train_neuralnet [--solutions] [--full] [--iters N]

Kept for its old name: it runs `python -m checker train` (checker/training/train.py) on the
MNIST sample shipped in dataset/, 2000 iterations by default. With --full it trains on the
full 60,000 training images (see dataset/mnist.py).
"""

import argparse
import sys

from checker.i18n import t
from checker.training.train import main as train
from examples import parse_target, speak


def main(argv=None):
    speak(argv)
    parser = argparse.ArgumentParser(description=t("example.train.description"))
    parser.add_argument("--full", action="store_true", help=t("example.train.help.full"))
    parser.add_argument("--iters", type=int, default=2000, help=t("example.train.help.iters"))
    package, args = parse_target(None, argv, parser)
    data = "--full" if args.full else "--sample"
    why = t("example.train.why_sample")  # the user did not type --sample: this example did
    return train(["--target", package, data, "--iters", str(args.iters)], why_sample=why)


if __name__ == "__main__":
    sys.exit(main())
