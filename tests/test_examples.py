"""The chapter-5 examples reproduce the book's printed numbers from solutions/."""

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO


def run_example(module, *args):
    return subprocess.run(
        [sys.executable, "-m", f"examples.{module}", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_buy_apple_prints_the_book_numbers():
    result = run_example("buy_apple", "--solutions")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "price: 220.00000000000003",
        "dapple: 2.2",
        "dapple_num: 110.00000000000001",
        "dtax: 200",
    ]


def test_buy_apple_orange_prints_the_book_numbers():
    result = run_example("buy_apple_orange", "--solutions")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "price: 715.0000000000001",
        "dapple_num, dapple, dorange, dorange_num, dtax: "
        "110.00000000000001 2.2 3.3000000000000003 165.0 650",
    ]


@pytest.mark.parametrize("module", ["buy_apple", "buy_apple_orange"])
def test_examples_on_untouched_exercises_say_not_implemented(module):
    result = run_example(module)
    assert result.returncode == 1
    assert "not implemented yet in exercises/" in result.stdout
    assert "Traceback" not in result.stderr


def test_training_example_on_untouched_exercises_names_the_stub():
    result = run_example("train_neuralnet")
    assert result.returncode == 1
    assert "Fill in TwoLayerNet.gradient in exercises/two_layer_net.py" in result.stdout
    assert "Traceback" not in result.stderr


def test_training_example_is_checker_train_on_the_sample():
    """examples.train_neuralnet runs `python -m checker train --sample` under its old name."""
    result = run_example("train_neuralnet", "--solutions", "--iters", "300")
    assert result.returncode == 0, result.stderr
    assert "Data: the MNIST sample" in result.stdout
    last = result.stdout.splitlines()[-1]
    assert last.startswith("Test accuracy ")
    assert float(last.split()[2].rstrip(",")) > 0.8  # test accuracy after 300 steps


def test_student_export_has_no_reference_and_still_works(tmp_path):
    dest = tmp_path / "student"
    export = subprocess.run(
        [sys.executable, "-m", "checker.instructors.export", str(dest)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert export.returncode == 0, export.stderr
    assert not (dest / "solutions").exists() and not (dest / "tests").exists()
    assert (dest / "exercises" / "affine.py").is_file()
    assert (dest / "dataset" / "mnist_sample.npz").is_file()
    result = subprocess.run(
        [sys.executable, "-m", "checker", "--section", "relu"],
        cwd=dest,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(dest)},
    )
    assert result.returncode == 1
    assert "relu: not started" in result.stdout
    example = subprocess.run(
        [sys.executable, "-m", "examples.buy_apple", "--solutions"],
        cwd=dest,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert example.returncode == 1
    assert "There is no solutions/ folder here" in example.stderr
    assert "Traceback" not in example.stderr


def test_the_mul_layer_hint_about_a_missing_dout_is_true():
    """manifest's mul_layer hint: in the apple example a MulLayer that ignores dout gives
    dapple 2 instead of 2.2, because the apple layer receives dout = 1.1 from the tax layer."""
    from checker.manifest import BY_NAME
    from examples.buy_apple import buy_apple

    class IgnoresDout:
        def forward(self, x, y):
            self.x, self.y = x, y
            return x * y

        def backward(self, dout):
            return self.y, self.x

    price, dapple, dapple_num, dtax = buy_apple(IgnoresDout)
    assert (dapple, dapple_num) == (2, 100)
    hint = " ".join(BY_NAME["mul_layer"].hints)
    assert "dapple would be 2 instead of 2.2" in hint
