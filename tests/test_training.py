"""`python -m checker train`: the book's training loop on the target's own network."""

import os
import re
import signal
import subprocess
import sys

import pytest

from checker.training import curves
from checker.training import train as training
from tests.checker_run import SOLUTIONS, edited_copy
from tests.conftest import REPO

# solutions/ after 2000 iterations on the sample, over seeds 0-9: test accuracy 0.895 to 0.910.
MIN_SAMPLE_ACCURACY = 0.87
OFFLINE = "http://127.0.0.1:9/"  # nothing listens there: a download fails at once


def train_cli(*args, env=None, cwd=REPO, timeout=120):
    """`python -m checker train ARGS` in plain mode, as a log would show it."""
    return subprocess.run(
        [sys.executable, "-m", "checker", "train", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )


def table_rows(stdout):
    """The per-epoch lines: epoch, iteration, loss, train acc, test acc, time."""
    rows = []
    for line in stdout.splitlines():
        fields = line.split()
        if len(fields) == 7 and fields[1].isdigit() and fields[-1] == "s":
            rows.append(fields)
    return rows


@pytest.fixture(scope="module")
def sample_run():
    return train_cli("--target", "solutions", "--sample", "--iters", "2000", "--seed", "3")


def test_solutions_learn_on_the_sample(sample_run):
    assert sample_run.returncode == 0, sample_run.stdout + sample_run.stderr
    lines = sample_run.stdout.splitlines()
    assert lines[0] == (
        "Data: the MNIST sample (5,000 training, 1,000 test images), as --sample asks."
    )
    rows = table_rows(sample_run.stdout)
    # 2000 iterations of 100 on 5,000 images: 40 epochs, of which the table shows 21
    every = "Table: epoch 1, then every 2 epochs, and the last (the curves use them all)."
    assert lines[3] == every
    assert [int(row[1]) for row in rows] == [50, *range(100, 2001, 100)]
    assert [row[0] for row in rows] == ["1", *(str(epoch) for epoch in range(2, 41, 2))]
    final_test = float(rows[-1][4])
    assert final_test >= MIN_SAMPLE_ACCURACY
    assert lines[-1].startswith(f"Test accuracy {final_test:.4f}, ")
    assert float(rows[-1][2]) < float(rows[0][2])  # the smoothed loss went down


@pytest.mark.parametrize(
    "iters, every, shown",
    [
        (10_000, 10, [1, *range(10, 201, 10)]),  # the default: 200 epochs, 21 rows
        (2_025, 3, [1, *range(3, 40, 3), 40.5]),  # a last, partial epoch is shown
        (500, 1, list(range(1, 11))),  # 10 epochs: every one
    ],
)
def test_the_table_shows_about_20_epochs_and_the_last(iters, every, shown):
    """The table has the first epoch, every k-th and the last; the curves keep every epoch."""
    from rich.console import Console

    assert training.table_every(iters, 5_000, 100) == every
    console = Console(record=True, width=80, color_system=None)
    show = training.PlainShow(console, every, iters)
    ends = [*range(50, iters + 1, 50)] + ([iters] if iters % 50 else [])
    for i in ends:  # as train() calls it: after each epoch of 50 steps, and at the end
        show.epoch(training.Epoch(i / 50, i, 0.5, 0.9, 0.9, 1.0))
    rows = table_rows(console.export_text())
    assert [float(row[0]) for row in rows] == shown
    assert len(rows) <= 22


def test_plain_output_has_the_table_and_both_curves_in_80_columns(sample_run):
    out = sample_run.stdout
    header = "  epoch  iteration      loss  train acc  test acc      time"
    assert header in out.splitlines()
    assert "Loss (mean of neighbouring batches), by iteration" in out
    assert "Accuracy (train and test" in out
    assert sum(1 for line in out.splitlines() if "┤" in line) == 6  # 3 labels on each y axis
    assert any(chr(0x2800) < ch <= chr(0x28FF) for ch in out)  # braille dots were drawn
    assert "\x1b[" not in out  # no colour, no cursor movement
    assert all(len(line) <= 80 for line in out.splitlines()), max(out.splitlines(), key=len)
    assert sample_run.stderr == ""


def test_a_relu_that_ignores_dout_stops_learning_and_is_named(tmp_path):
    relu = "dx = dout.copy()\n        dx[self.mask] = 0\n        return dx"
    target = edited_copy(tmp_path, "relu.py", [(relu, "return (~self.mask).astype(float)")])
    done = train_cli("--target", str(target), "--sample", "--iters", "2000", "--seed", "1")
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout
    assert len(table_rows(out)) == 1  # stopped after the first epoch
    assert "Not learning: test accuracy" in out and "after 50 iterations" in out
    prose = " ".join(out.split())  # the long temporary path wraps the message
    assert f"{target}/relu.py: with the checker's Relu in its place your network learns" in prose
    assert f"  python -m checker --section relu --target {target}" in out.splitlines()
    assert "Traceback" not in done.stderr


def test_a_loss_that_is_not_a_number_stops_training_and_is_named(tmp_path):
    loss = "self.loss = cross_entropy_error(self.y, self.t)"
    target = edited_copy(tmp_path, "softmax_with_loss.py", [(loss, loss + " * np.nan")])
    done = train_cli("--target", str(target), "--sample", "--iters", "500", "--seed", "1")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "The loss is nan at iteration 1." in done.stdout
    prose = " ".join(done.stdout.split())
    assert "softmax_with_loss.py: with the checker's SoftmaxWithLoss in its place" in prose


def test_a_learning_rate_far_from_the_books_is_blamed_not_correct_code():
    """The reference with --lr 0.001 learns too slowly to show in the first epoch, and so do the
    checker's layers: the advice names the setting and the command with the book's values."""
    done = train_cli("--target", "solutions", "--sample", "--lr", "0.001", "--seed", "1")
    assert done.returncode == 1, done.stdout + done.stderr
    prose = " ".join(done.stdout.split())
    assert "Not learning: test accuracy" in prose
    assert (
        "it does not learn with --lr 0.001, where the book has --lr 0.1 --batch-size 100" in prose
    )
    assert "the cause may be these settings rather than your TwoLayerNet" in prose
    assert "too small, and it learns too slowly to show within the first epoch" in prose
    assert "look at TwoLayerNet" not in prose and "smaller --lr" not in prose
    assert done.stdout.splitlines()[-1] == (
        "  python -m checker train --target solutions --sample --seed 1"
    )
    assert all(len(line) <= 80 for line in done.stdout.splitlines())


ZERO_GRADIENTS = [(f'"{key}": self.layers["Affine{key[1]}"].d{key[0]},',
                   f'"{key}": self.layers["Affine{key[1]}"].d{key[0]} * 0,')
                  for key in ("W1", "b1", "W2", "b2")]  # fmt: skip


def test_with_the_books_settings_a_network_that_does_not_learn_is_named(tmp_path):
    target = edited_copy(tmp_path, "two_layer_net.py", ZERO_GRADIENTS)
    done = train_cli("--target", str(target), "--sample", "--iters", "200", "--seed", "1")
    assert done.returncode == 1, done.stdout + done.stderr
    prose = " ".join(done.stdout.split())
    assert f"look at TwoLayerNet in {target}/two_layer_net.py (its __init__ and gradient)" in prose
    assert "these settings" not in prose
    assert done.stdout.splitlines()[-1] == (
        f"  python -m checker --section two_layer_net --target {target}"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child: POSIX")
def test_ctrl_c_stops_cleanly_and_says_how_far_it_got():
    """Ctrl-C is the way to stop a long run: no traceback, the curves so far, one summary."""
    args = ["--target", "solutions", "--sample", "--iters", "1000000", "--seed", "1"]
    run = subprocess.Popen(
        [sys.executable, "-m", "checker", "train", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    try:
        seen = []
        for line in run.stdout:  # up to the first epoch's line of the table
            seen.append(line)
            if table_rows(line):
                break
        assert table_rows("".join(seen)), "".join(seen)
        run.send_signal(signal.SIGINT)
        out, err = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            run.kill()
            run.communicate()
    assert run.returncode == training.EXIT_INTERRUPTED == 130, out + err
    assert "Traceback" not in out + err and "KeyboardInterrupt" not in out + err
    prose = " ".join(out.split())
    summary = re.search(
        r"Stopped \(Ctrl-C\) at iteration ([\d,]+) of 1,000,000, after [\d.]+ s\. Last epoch "
        r"\((\d+)\): test accuracy (0\.\d{4}), train accuracy (0\.\d{4})\.$",
        prose,
    )
    assert summary, out
    assert int(summary.group(1).replace(",", "")) >= 50 and int(summary.group(2)) >= 1
    assert "Loss (mean of neighbouring batches), by iteration" in out  # the curves so far
    assert all(len(line) <= 80 for line in out.splitlines())


def test_the_summary_of_a_run_stopped_before_its_first_epoch():
    history = training.History(steps=20)
    line = training.interrupted(history, 10_000, 0.5)
    assert line == (
        "Stopped (Ctrl-C) at iteration 20 of 10,000, after 0.5 s. No epoch was finished, so "
        "there is no accuracy yet."
    )


def test_untouched_stubs_give_one_line_and_exit_1():
    done = train_cli("--sample", "--iters", "100")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[-1] == "Fill in TwoLayerNet.gradient in exercises/two_layer_net.py (still a stub)."
    assert not table_rows(done.stdout)
    assert "Traceback" not in done.stdout + done.stderr


def test_a_layer_stub_is_named_once_gradient_is_written(tmp_path):
    stubs = REPO / "exercises"
    target = edited_copy(tmp_path, "relu.py", [], source=stubs)
    (target / "two_layer_net.py").write_text((SOLUTIONS / "two_layer_net.py").read_text())
    for file in ("affine.py", "softmax_with_loss.py"):
        (target / file).write_text((SOLUTIONS / file).read_text())
    done = train_cli("--target", str(target), "--sample", "--iters", "100")
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1].startswith("Fill in Relu.forward in ")


def test_no_full_mnist_falls_back_to_the_sample_quickly(tmp_path):
    env = {"XDG_CACHE_HOME": str(tmp_path), "BACKPROP_KATA_MNIST_URL": OFFLINE}
    env = {**env, "BACKPROP_KATA_MNIST_DIR": ""}
    done = train_cli("--target", "solutions", "--iters", "60", "--seed", "1", env=env, timeout=30)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0].endswith("test images), no full MNIST here.")
    required = train_cli("--target", "solutions", "--full", env=env, timeout=30)
    assert required.returncode == 2
    lines = required.stdout.splitlines()
    assert lines[0] == "error: --full, but the full MNIST cannot be loaded."
    assert all(len(line) <= 80 for line in lines)
    # the file names are whole, and the advice is the one a user of this command can follow
    words = [word.strip("(),:") for word in required.stdout.split()]
    assert "train-images-idx3-ubyte.gz" in words and "t10k-labels-idx1-ubyte.gz" in words
    assert "load_mnist(data_dir" not in required.stdout
    prose = " ".join(required.stdout.split())
    assert "To use the full MNIST offline, set BACKPROP_KATA_MNIST_DIR to a folder" in prose
    assert "  BACKPROP_KATA_MNIST_DIR=/path/to/folder python -m checker train --full" in lines


def test_the_full_mnist_is_used_when_it_is_there(shared_mnist):
    env = {"BACKPROP_KATA_MNIST_DIR": str(shared_mnist)}
    done = train_cli("--target", "solutions", "--iters", "100", "--seed", "1", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0] == (
        "Data: the full MNIST (60,000 training, 10,000 test images)."
    )


def test_plot_without_matplotlib_says_how_to_install_it(monkeypatch, capsys, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` now fails
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("NO_COLOR", "1")
    code = training.main(["--target", "solutions", "--sample", "--plot", str(tmp_path / "c.png")])
    out = capsys.readouterr().out
    assert code == training.EXIT_USAGE
    assert "  python -m pip install matplotlib" in out.splitlines()
    assert "Data:" not in out  # said before any training
    assert not (tmp_path / "c.png").exists()


def test_plot_saves_a_png_when_matplotlib_is_there(tmp_path):
    pytest.importorskip("matplotlib")
    png = tmp_path / "curves.png"
    done = train_cli("--target", "solutions", "--sample", "--iters", "100", "--plot", str(png))
    assert done.returncode == 0, done.stdout + done.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_checker_without_train_still_grades():
    done = subprocess.run(
        [sys.executable, "-m", "checker", "--list"], cwd=REPO, capture_output=True, text=True
    )
    assert done.returncode == 0 and "two_layer_net" in done.stdout


def test_braille_plot_draws_a_rising_line_within_its_width():
    rows = curves.plot({"up": [(0, 0.0), (10, 1.0)]}, 10, width=10, height=2)
    text = ["".join(piece for piece, _ in row) for row in rows]
    assert text[0].startswith("1.00 ┤") and text[1].startswith("0.00 ┤")
    assert all(len(line) <= 6 + 10 for line in text)
    # the line starts at the bottom left and ends at the top right
    assert text[1][6] != chr(0x2800) and text[0][-1] != chr(0x2800)
    assert text[0][6] == chr(0x2800) and text[1][-1] == chr(0x2800)


def test_bucket_means_keeps_the_mean_of_each_run():
    points = [(i, float(i % 2)) for i in range(1, 101)]
    means = curves.bucket_means(points, 10)
    assert len(means) == 10
    assert all(abs(y - 0.5) < 1e-9 for _, y in means)
    assert means[0][0] == 5.5 and means[-1][0] == 95.5
