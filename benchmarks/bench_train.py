"""Benchmark: `python -m checker train` beside the book's own training loop, on one machine.

    python -m benchmarks.bench_train [--seeds 0 1 2] [--blas-threads default|1|...]

For each seed, in turn: the book's train_neuralnet.py loop (solutions/ TwoLayerNet, 10,000
iterations, batch 100, learning rate 0.1, the loss of each batch by one more forward pass,
train and test accuracy every epoch, nothing drawn), then `python -m checker train --target
solutions` with its progress bar drawn (in a pseudo-terminal, as a student sees it). Both run
as fresh processes with the same environment and the same seed, on the full MNIST from
../shared/mnist (relative to the repository; BACKPROP_KATA_SHARED_MNIST overrides it), and
both times include loading the data. Prints wall time and final test accuracy of each, and
the overhead of train over the book loop; then the CPU time of the same train run in plain
text (NO_COLOR), to give what the live drawing costs. Alternating evens out a busy machine.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_MNIST = Path(os.environ.get("BACKPROP_KATA_SHARED_MNIST", REPO.parent / "shared" / "mnist"))


def book_loop(seed, sample):
    """The book's ch05/train_neuralnet.py, with a seed. Prints its result as JSON."""
    import numpy as np

    from dataset.mnist import load_mnist, load_mnist_sample
    from solutions.two_layer_net import TwoLayerNet

    load = load_mnist_sample if sample else load_mnist
    (x_train, t_train), (x_test, t_test) = load(normalize=True, one_hot_label=True)
    np.random.seed(seed)
    network = TwoLayerNet(input_size=784, hidden_size=50, output_size=10)
    iters_num, batch_size, learning_rate = 10000, 100, 0.1
    train_size = x_train.shape[0]
    iter_per_epoch = max(train_size / batch_size, 1)
    train_loss_list, train_acc_list, test_acc_list = [], [], []
    for i in range(iters_num):
        batch_mask = np.random.choice(train_size, batch_size)
        x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
        grad = network.gradient(x_batch, t_batch)
        for key in ("W1", "b1", "W2", "b2"):
            network.params[key] -= learning_rate * grad[key]
        train_loss_list.append(network.loss(x_batch, t_batch))
        if i % iter_per_epoch == 0:
            train_acc_list.append(network.accuracy(x_train, t_train))
            test_acc_list.append(network.accuracy(x_test, t_test))
    print(json.dumps({"test_acc": float(test_acc_list[-1]), "evaluations": len(test_acc_list)}))


def timed(command, env, terminal=False):
    """(wall seconds, CPU seconds, stdout) of a fresh process. CPU time is what to compare on a
    busy machine: other processes stretch wall time, not CPU time. terminal: stdout is a
    pseudo-terminal, as a student's is, so rich draws its live view as it does for them."""
    cpu_before = children_cpu()
    start = time.perf_counter()
    if terminal:
        code, stdout = in_a_terminal(command, env)
    else:
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env)
        code, stdout = done.returncode, done.stdout + done.stderr
    seconds = time.perf_counter() - start
    if code != 0:
        sys.exit(f"{' '.join(command)} failed:\n{stdout[-2000:]}")
    return seconds, children_cpu() - cpu_before, stdout


def in_a_terminal(command, env):
    """(exit code, output) of a command run in a pseudo-terminal 100 columns wide."""
    from tests.checker_run import run_in_terminal

    return run_in_terminal(command, REPO, env, columns=100)


def children_cpu():
    import resource  # not on Windows; nor is this benchmark

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def final_test_accuracy(train_stdout):
    """From train's last line: "Test accuracy 0.9712, train accuracy ..."."""
    last = [line for line in train_stdout.splitlines() if line.startswith("Test accuracy")][-1]
    return float(last.split()[2].rstrip(","))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument(
        "--blas-threads",
        default="default",
        help="OPENBLAS_NUM_THREADS for both (default: unset, each at its own defaults)",
    )
    parser.add_argument("--book-loop", type=int, metavar="SEED", help=argparse.SUPPRESS)
    parser.add_argument("--sample", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.book_loop is not None:
        return book_loop(args.book_loop, args.sample)

    env = {**os.environ, "OPENBLAS_NUM_THREADS": args.blas_threads}
    if args.blas_threads == "default":  # as a student runs them: the book's loop and train
        env.pop("OPENBLAS_NUM_THREADS")
    env.pop("NO_COLOR", None)
    data = []
    if (SHARED_MNIST / "train-images-idx3-ubyte.gz").is_file():
        env["BACKPROP_KATA_MNIST_DIR"] = str(SHARED_MNIST)
        print(f"Full MNIST from {SHARED_MNIST}.")
    else:
        print(f"No full MNIST at {SHARED_MNIST}: both train on the shipped sample instead")
        print("(BACKPROP_KATA_SHARED_MNIST can name a folder with the four files).")
        data = ["--sample"]
    print(f"OPENBLAS_NUM_THREADS={args.blas_threads}, {os.cpu_count()} CPUs\n")
    print("        book loop (wall, CPU, test acc)   checker train (wall, CPU, test acc)")
    book_total = train_total = book_cpu_total = train_cpu_total = plain_cpu_total = 0.0
    plain_env = {**env, "NO_COLOR": "1"}  # the same training, nothing drawn: the drawing's cost
    for seed in args.seeds:
        book_seconds, book_cpu, out = timed(
            [sys.executable, "-m", "benchmarks.bench_train", "--book-loop", str(seed), *data], env
        )
        book_acc = json.loads(out.splitlines()[-1])["test_acc"]
        train_seconds, train_cpu, out = timed(
            [sys.executable, "-m", "checker", "train", "--target", "solutions", "--seed",
             str(seed), *data],
            env,
            terminal=True,
        )  # fmt: skip
        train_acc = final_test_accuracy(out)
        _, plain_cpu, _ = timed(
            [sys.executable, "-m", "checker", "train", "--target", "solutions", "--seed",
             str(seed), *data],
            plain_env,
        )  # fmt: skip
        plain_cpu_total += plain_cpu
        book_total += book_seconds
        train_total += train_seconds
        book_cpu_total += book_cpu
        train_cpu_total += train_cpu
        print(
            f"seed {seed}  {book_seconds:6.1f} s {book_cpu:6.1f} s  {book_acc:.4f}"
            f"           {train_seconds:6.1f} s {train_cpu:6.1f} s  {train_acc:.4f}",
            flush=True,
        )
    wall = (train_total / book_total - 1) * 100
    cpu = (train_cpu_total / book_cpu_total - 1) * 100
    print(f"\nwall: book loop {book_total:.1f} s, train {train_total:.1f} s: {wall:+.1f}%")
    print(f"CPU:  book loop {book_cpu_total:.1f} s, train {train_cpu_total:.1f} s: {cpu:+.1f}%")
    drawing = (train_cpu_total / plain_cpu_total - 1) * 100
    print(f"drawing: train {train_cpu_total:.1f} s of CPU drawn, {plain_cpu_total:.1f} s in plain "
          f"text (NO_COLOR): {drawing:+.1f}%")  # fmt: skip
    print("(the book's last accuracy is at iteration 9,600; train's at 10,000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
