"""The chapter-5 examples reproduce the book's printed numbers from solutions/."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.checker_run import edited_copy
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
        "These are the chapter's numbers (up to rounding).",
    ]


def test_buy_apple_orange_prints_the_book_numbers():
    result = run_example("buy_apple_orange", "--solutions")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "price: 715.0000000000001",
        "dapple_num, dapple, dorange, dorange_num, dtax: "
        "110.00000000000001 2.2 3.3000000000000003 165.0 650",
        "These are the chapter's numbers (up to rounding).",
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
    assert "--sample asks" not in result.stdout  # the user did not pass --sample
    assert " ".join(result.stdout.split()).startswith(
        "Data: the MNIST sample (5,000 training, 1,000 test images), this example's default "
        "(--full trains on the full MNIST)."
    )
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
    assert example.returncode == 2  # the release offers no --solutions: argparse refuses it
    assert "unrecognized arguments: --solutions" in example.stderr
    assert "Traceback" not in example.stderr and not example.stdout


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


# --- examples.graph and examples.gradient_check ------------------------------------------------

PLAIN = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}


def run_plain(module, *args, stdin=""):
    """The example with stdout a pipe (plain ASCII, no colour) at 80 columns."""
    return subprocess.run(
        [sys.executable, "-m", f"examples.{module}", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**PLAIN, "COLUMNS": "80"},
    )


def edges(stdout):
    """{edge name: (forward, backward)}, read off the plain graph: an edge is drawn as
    `name ----` or `- name ----`, its value on the line above and its derivative below."""
    lines = stdout.splitlines()
    found = {}
    for row, line in enumerate(lines):
        for match in re.finditer(r"(?<![\w-])-? ?([a-z_]+) -+", line):
            start, end = match.span()
            above, below = lines[row - 1][start:end], lines[row + 1][start:end]
            number = r"-?\d[\d.e+-]*|\?"
            found[match.group(1)] = (re.findall(number, above), re.findall(number, below))
    return {name: (f[0] if f else "", b[0] if b else "") for name, (f, b) in found.items()}


BOOK_GRAPHS = {
    "apple": {
        "apple": ("100", "2.2"),
        "apple_num": ("2", "110"),
        "tax": ("1.1", "200"),
        "apple_price": ("200", "1.1"),
        "price": ("220", "1"),
    },
    "apple_orange": {
        "apple": ("100", "2.2"),
        "apple_num": ("2", "110"),
        "orange": ("150", "3.3"),
        "orange_num": ("3", "165"),
        "tax": ("1.1", "650"),
        "apple_price": ("200", "1.1"),
        "orange_price": ("450", "1.1"),
        "all_price": ("650", "1.1"),
        "price": ("715", "1"),
    },
}


@pytest.mark.parametrize("example", sorted(BOOK_GRAPHS))
def test_graph_shows_the_book_numbers_on_each_edge(example):
    result = run_plain("graph", "--solutions", "--example", example)
    assert result.returncode == 0, result.stderr
    assert edges(result.stdout) == BOOK_GRAPHS[example], result.stdout
    assert "above a line: forward" in result.stdout and "below: backward" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour codes in a pipe
    assert not set(result.stdout) & set("─│┌┐└┘├┴┬▶")  # ASCII lines and boxes


@pytest.mark.parametrize("example", sorted(BOOK_GRAPHS))
@pytest.mark.parametrize("step", [False, True])
def test_graph_fits_80_columns(example, step):
    args = ["--solutions", "--example", example] + (["--step"] if step else [])
    result = run_plain("graph", *args, stdin="\n" * 20)
    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 80, result.stdout


def test_graph_walks_the_book_numbers_exactly():
    """The drawing rounds (220, not 220.00000000000003); the values themselves are the book's."""
    from examples.graph import EXAMPLES, walk

    _, inputs, nodes = EXAMPLES["apple_orange"]
    values, grads, steps, problem = walk("solutions", inputs, nodes)
    assert problem is None and len(steps) == 8
    assert values["price"] == pytest.approx(715)
    book = {"apple_num": 110, "apple": 2.2, "orange": 3.3, "orange_num": 165, "tax": 650}
    assert {name: grads[name] for name in book} == pytest.approx(book)


@pytest.mark.parametrize("example", sorted(BOOK_GRAPHS))
def test_graph_on_untouched_exercises_draws_question_marks_and_names_the_file(example):
    result = run_plain("graph", "--example", example)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    drawn = edges(result.stdout)
    assert drawn["apple"] == ("100", "?") and drawn["price"] == ("?", "?")
    assert result.stdout.splitlines()[-1] == (
        "MulLayer.forward is not implemented yet: fill in its TODO in exercises/mul_layer.py"
    )


def test_graph_step_by_step_names_each_rule_forward_then_backward():
    args = ["--solutions", "--example", "apple_orange", "--step"]
    result = run_plain("graph", *args, stdin="\n" * 20)
    assert result.returncode == 0, result.stderr
    steps = [line for line in result.stdout.splitlines() if line.startswith("Step ")]
    assert steps == [
        "Step 1/8 (forward): × node: multiply the inputs",
        "Step 2/8 (forward): × node: multiply the inputs",
        "Step 3/8 (forward): + node: add the inputs",
        "Step 4/8 (forward): × node: multiply the inputs",
        "Step 5/8 (backward): × node: multiply dout by the other input",
        "Step 6/8 (backward): + node: pass dout through",
        "Step 7/8 (backward): × node: multiply dout by the other input",
        "Step 8/8 (backward): × node: multiply dout by the other input",
    ]
    assert "  dapple = dout × apple_num = 1.1 × 2 = 2.2" in result.stdout.splitlines()
    last_drawing = result.stdout.split(steps[-1])[0].split(steps[-2])[1]
    assert edges(last_drawing) == BOOK_GRAPHS["apple_orange"]  # the whole graph, step by step


def test_graph_step_by_step_stops_cleanly_at_the_end_of_input():
    result = run_plain("graph", "--solutions", "--step", stdin="\n")
    assert result.returncode == 0, result.stderr
    assert "Step 1/4 (forward)" in result.stdout and "Step 2/4" not in result.stdout
    assert "Traceback" not in result.stderr


def mutated_solutions(tmp_path, file, old, new):
    """A copy of solutions/ with one edit, to run with --target."""
    target = tmp_path / "mutant"
    shutil.copytree(REPO / "solutions", target)
    source = (target / file).read_text(encoding="utf-8")
    assert old in source
    (target / file).write_text(source.replace(old, new), encoding="utf-8")
    return target


def test_graph_shows_a_mul_layer_that_does_not_swap_its_inputs(tmp_path):
    target = mutated_solutions(
        tmp_path,
        "mul_layer.py",
        "dx = dout * self.y\n        dy = dout * self.x",
        "dx = dout * self.x\n        dy = dout * self.y",
    )
    result = run_plain("graph", "--target", str(target))
    assert result.returncode == 1, result.stderr
    drawn = edges(result.stdout)
    # forward is untouched; backward now multiplies by the same input, not the other one
    assert {name: forward for name, (forward, _) in drawn.items()} == {
        name: forward for name, (forward, _) in BOOK_GRAPHS["apple"].items()
    }
    assert drawn["tax"] == ("1.1", "1.1") and drawn["apple_price"] == ("200", "200")
    assert drawn["apple"] == ("100", "2e+04") and drawn["apple_num"] == ("2", "400")
    # and one line (wrapped) says which edges are not the chapter's, and where to look
    tail = " ".join(result.stdout.split("d price / d edge\n", 1)[1].split())
    assert tail == (
        "The chapter has dapple_price = 1.1, dtax = 200, dapple = 2.2, dapple_num = 110: "
        f"compare yours, and look at {target}/mul_layer.py."
    )
    assert "Traceback" not in result.stderr


def test_graph_step_by_step_does_not_show_false_arithmetic_for_a_wrong_layer(tmp_path):
    target = mutated_solutions(
        tmp_path,
        "mul_layer.py",
        "dx = dout * self.y\n        dy = dout * self.x",
        "dx = dout * self.x\n        dy = dout * self.y",
    )
    result = run_plain("graph", "--target", str(target), "--step", stdin="\n" * 20)
    assert result.returncode == 1, result.stderr
    out = result.stdout
    lines = [line for line in out.splitlines() if str(target) not in line]  # paths stay whole
    assert max(len(line) for line in lines) <= 80, out
    prose = " ".join(out.split())
    # each equation is true: the rule's value, then what the layer gave
    assert "dapple_price = dout × tax = 1 × 1.1 = 200" not in prose
    assert (
        "dapple_price = dout × tax = 1 × 1.1 = 1.1 by the rule, but your MulLayer.backward "
        "gave 200" in prose
    )
    assert (
        "dtax = dout × apple_price = 1 × 200 = 200 by the rule, but your MulLayer.backward "
        "gave 1.1" in prose
    )
    assert (
        "dapple = dout × apple_num = 200 × 2 = 400 by the rule, but your MulLayer.backward "
        "gave 2e+04" in prose
    )
    assert "  apple_price = apple × apple_num = 100 × 2 = 200" in out.splitlines()  # forward: right
    assert prose.endswith(f"compare yours, and look at {target}/mul_layer.py.")


def test_graph_shows_a_forward_that_is_not_the_rule(tmp_path):
    target = mutated_solutions(tmp_path, "add_layer.py", "return x + y", "return x + y + 1")
    args = ["--target", str(target), "--example", "apple_orange", "--step"]
    result = run_plain("graph", *args, stdin="\n" * 20)
    assert result.returncode == 1, result.stderr
    prose = " ".join(result.stdout.split())
    assert (
        "all_price = apple_price + orange_price = 200 + 450 = 650 by the rule, but your "
        "AddLayer.forward gave 651" in prose
    )
    assert prose.endswith(
        f"The chapter has all_price = 650, price = 715, dtax = 650: compare yours, and look at "
        f"{target}/add_layer.py."
    )


@pytest.mark.parametrize(
    "new, says",
    [
        ("return dx, dy, 0", "MulLayer.backward returned a tuple of 3 values, not two values"),
        ("return None", "MulLayer.backward returned None, not two values (dx, dy)"),
        ("return 1 / 0", "MulLayer.backward raised ZeroDivisionError: division by zero"),
    ],
)
def test_graph_names_the_file_when_a_layer_returns_something_odd(tmp_path, new, says):
    target = mutated_solutions(tmp_path, "mul_layer.py", "return dx, dy", new)
    result = run_plain("graph", "--target", str(target))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert edges(result.stdout)["price"] == ("220", "1")  # forward went through
    assert edges(result.stdout)["apple"] == ("100", "?")
    assert says in result.stdout.splitlines()[-1]
    assert result.stdout.splitlines()[-1].endswith(f"{target}/mul_layer.py")


def test_gradient_check_on_the_reference():
    result = run_plain("gradient_check", "--solutions")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    differences = [line for line in lines if re.fullmatch(r"(W1|b1|W2|b2):\S+", line)]
    assert [line.split(":")[0] for line in differences] == ["W1", "b1", "W2", "b2"]
    assert all(float(line.split(":")[1]) < 1e-6 for line in differences), lines
    assert "about 4 seconds" in lines[0] and "looks wrong:" not in result.stdout
    assert max(len(line) for line in lines) <= 80, result.stdout
    # The explanation is true of what was printed, and states the flag rule that is applied.
    from examples.gradient_check import LOOKS_WRONG

    scale = " ".join(lines[lines.index(differences[-1]) + 1 :])
    said = re.search(r"Correct: about (\S+) of each gradient's size .* around (\S+) or less", scale)
    assert said, scale
    assert all(float(line.split(":")[1]) < 2 * float(said.group(2)) for line in differences)
    assert f"more than {LOOKS_WRONG:g} of its size" in scale and "A bug" in scale


@pytest.mark.parametrize("seed, start", [(1, 0), (16, 48)])
def test_gradient_check_of_correct_code_is_what_its_explanation_says(seed, start):
    """On other seeds and images too: 1e-6 of each gradient's size, around 1e-7 or less."""
    from dataset.mnist import load_mnist_sample
    from examples.gradient_check import CORRECT_AT_MOST, CORRECT_RATIO, LOOKS_WRONG, gradient_check
    from solutions.two_layer_net import TwoLayerNet

    (x, labels), _ = load_mnist_sample(normalize=True, one_hot_label=True)
    found = gradient_check(TwoLayerNet, x[start : start + 3], labels[start : start + 3], seed)
    for difference, size in found.values():
        assert 0.5 < difference / size / float(CORRECT_RATIO) < 2
        assert difference < 2 * float(CORRECT_AT_MOST) and difference < LOOKS_WRONG * size


def gradient_mutant(tmp_path, old, new):
    """solutions/ with one mistake in TwoLayerNet.gradient(): the layers are all correct."""
    return mutated_solutions(tmp_path, "two_layer_net.py", old, new)


@pytest.mark.parametrize(
    "old, new, showed_up, why",
    [
        (
            "for layer in reversed(list(self.layers.values())):",
            "for layer in list(self.layers.values()):",
            "gradient() raised ValueError in Affine.backward, which it called: shapes (3,10)",
            "go through self.layers in REVERSE order (Affine2, Relu1, Affine1)",
        ),
        (
            "dout = layer.backward(dout)",
            "layer.backward(dout)",
            "gradient() raised IndexError in Relu.backward, which it called:",
            "each backward must receive what the layer after it returned",
        ),
        (
            "        self.loss(x, t)\n\n        dout",
            "        dout",
            "gradient() raised AttributeError in SoftmaxWithLoss.backward, which it called:",
            "the backward pass ran before the forward pass. Start gradient() with self.loss(x, t)",
        ),
        (
            "dout = self.lastLayer.backward(1)",
            "dout = 1",
            "gradient() raised ValueError in Affine.backward, which it called: cannot reshape",
            "the backward pass must start at the loss: dout = self.lastLayer.backward(1)",
        ),
    ],
    ids=["not_reversed", "backward_not_kept", "no_forward", "no_lastLayer_backward"],
)
def test_gradient_check_blames_gradient_not_the_layer_where_it_showed_up(
    tmp_path, old, new, showed_up, why
):
    target = gradient_mutant(tmp_path, old, new)
    result = run_plain("gradient_check", "--target", str(target))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    out = result.stdout.split("parameters).\n", 1)[1]
    prose = " ".join(out.split())
    assert prose.startswith(showed_up), prose
    assert "fails with the checker's own layers in place of yours too" in prose
    assert why in prose
    assert prose.endswith(f"Fix gradient() in {target}/two_layer_net.py")
    assert "backward() raised" not in prose
    for file in ("affine.py", "relu.py", "softmax_with_loss.py", "functions.py"):
        assert f"Fix {target}/{file}" not in prose and f"fix {target}/{file}" not in prose


@pytest.mark.parametrize(
    "file, old, new, raised_in",
    [
        ("affine.py", "np.dot(dout, self.W.T)", "np.dot(dout, self.W)", "Affine.backward"),
        ("relu.py", "return dx", "return dx[:, :10]", "Affine.backward"),
    ],
    ids=["affine_raises", "relu_breaks_affine"],
)
def test_gradient_check_blames_the_layer_whose_stand_in_makes_gradient_run(
    tmp_path, file, old, new, raised_in
):
    target = mutated_solutions(tmp_path, file, old, new)
    result = run_plain("gradient_check", "--target", str(target))
    assert result.returncode == 1
    prose = " ".join(result.stdout.split("parameters).\n", 1)[1].split())
    assert prose.startswith(f"gradient() raised ValueError in {raised_in}, which it called:")
    layer = {"affine.py": "Affine", "relu.py": "Relu"}[file]
    assert prose.endswith(
        f"With the checker's {layer} in place of yours gradient() runs, so the mistake is in "
        f"that layer: fix {target}/{file}"
    ), prose


def test_gradient_check_on_untouched_exercises_names_the_file():
    result = run_plain("gradient_check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout.splitlines()[-1] == (
        "gradient() is not implemented yet: fill in its TODO in exercises/two_layer_net.py"
    )


def test_a_layer_with_other_numbers_is_compared_with_the_book(tmp_path):
    target = edited_copy(tmp_path, "mul_layer.py", [("dx = dout * self.y", "dx = self.y")])
    result = run_example("buy_apple", "--target", str(target))
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == (
        "The chapter has price, dapple, dapple_num, dtax = 220 2.2 110 200: compare yours."
    )


@pytest.mark.parametrize(
    "file, edits, expected",
    [
        ("mul_layer.py", [("return dx, dy", "return dx")], "did not work: TypeError"),
        ("add_layer.py", [("return dx, dy", "return dx, dy\nx = (")], "has a syntax error"),
        ("add_layer.py", [("class AddLayer", "import numpyy\n\n\nclass AddLayer")], "could not"),
        ("mul_layer.py", [("class MulLayer", "class Mul")], "has no class MulLayer"),
    ],
)
def test_a_broken_layer_gives_one_line_and_no_traceback(tmp_path, file, edits, expected):
    target = edited_copy(tmp_path, file, edits)
    result = run_example("buy_apple_orange", "--target", str(target))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert expected in result.stdout + result.stderr


@pytest.mark.parametrize("edit, shown", [(" * np.nan", "b1:nan"), (" + np.inf", "b1:inf")])
def test_gradient_check_flags_a_gradient_that_is_not_a_number(tmp_path, edit, shown):
    """nan > anything is False: the flag must not depend on that comparison."""
    db = '"b1": self.layers["Affine1"].db,'
    target = gradient_mutant(tmp_path, db, db.replace(".db,", f".db{edit},"))
    result = run_plain("gradient_check", "--target", str(target))
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert f"{shown}   <- not a number: grads['b1'] from gradient() has nan or inf" in lines
    assert "Backprop disagrees for b1: follow dout back from the loss." in lines
    assert all("<-" not in line for line in lines if line[:3] in ("W1:", "W2:", "b2:"))
    assert max(len(line) for line in lines) <= 80, result.stdout


def test_gradient_check_says_when_the_loss_itself_is_not_a_number(tmp_path):
    loss = "self.loss = cross_entropy_error(self.y, self.t)"
    target = mutated_solutions(tmp_path, "softmax_with_loss.py", loss, loss + " * np.nan")
    result = run_plain("gradient_check", "--target", str(target))
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "W1:nan   <- the loss itself is not a number (numerical gradient: nan)" in lines
    prose = " ".join(result.stdout.split())
    assert "The loss is not a number, so neither is the numerical gradient" in prose
    assert "Backprop disagrees" not in prose


@pytest.mark.parametrize("huge", ["10**400", "-(10**5000)"])
def test_graph_shows_a_huge_int_without_a_traceback(tmp_path, huge):
    """An int too large for a float: the drawing and the comparison still format it."""
    target = mutated_solutions(tmp_path, "mul_layer.py", "return x * y", f"return {huge}")
    result = run_plain("graph", "--target", str(target), "--example", "apple_orange")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    drawn = edges(result.stdout)
    sign = "-" if huge.startswith("-") else ""
    exponent = huge.split("**")[1].rstrip(")")
    assert drawn["apple_price"][0] == drawn["price"][0] == f"{sign}1e+{exponent}"
    prose = " ".join(result.stdout.split())
    assert "The chapter has apple_price = 200, orange_price = 450" in prose
    step = run_plain("graph", "--target", str(target), "--step", stdin="\n" * 20)
    assert step.returncode == 1 and "Traceback" not in step.stdout + step.stderr


def test_graph_formats_anything_without_raising():
    from examples.graph import apart, fmt, same

    assert fmt(220.00000000000003) == "220" and fmt(10**400) == "1e+400"
    assert fmt(-(10**5000)) == "-1e+5000" and fmt(12345 * 10**396) == "1.234e+400"
    assert fmt(object()).endswith("...") and fmt("abc") == "'abc'"
    assert same(10**400, 10**400) and not same(10**400, 200) and not same("x", 1)
    assert apart(1.10022, 1.1) == ("1.1002", "1.1") and apart(110.022, 110) == ("110.02", "110")
    assert apart(220.00000000000003, 220) == ("220", "220")


@pytest.mark.parametrize(
    "old, new, says",
    [
        (
            "self.x = None\n        self.y = None",
            "raise NotImplementedError",
            "MulLayer() raised NotImplementedError in __init__: fill in its TODO in",
        ),
        (
            "def __init__(self):",
            "def __init__(self, name):",
            "MulLayer() needs arguments: MulLayer's __init__ takes none in the book. Fix",
        ),
        (
            "self.x = None\n",
            "self.x = 1 / 0\n",
            "MulLayer() raised ZeroDivisionError in __init__: division by zero. Fix",
        ),
    ],
    ids=["not_implemented", "needs_arguments", "raises"],
)
def test_graph_says_what_went_wrong_in_init(tmp_path, old, new, says):
    """The file loads: the line says what __init__ did, not that the file does not load."""
    target = mutated_solutions(tmp_path, "mul_layer.py", old, new)
    result = run_plain("graph", "--target", str(target))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == f"{says} {target}/mul_layer.py"
    assert "does not load" not in result.stdout


def test_graph_shows_the_digits_that_differ_from_the_chapter(tmp_path):
    """dapple_price 1.10022 is not drawn as the chapter's 1.1, nor dapple_num 110.022 as 110."""
    target = mutated_solutions(
        tmp_path, "mul_layer.py", "dx = dout * self.y", "dx = dout * self.y * 1.0002"
    )
    result = run_plain("graph", "--target", str(target))
    assert result.returncode == 1, result.stdout + result.stderr
    drawn = edges(result.stdout)
    assert drawn["apple_price"] == ("200", "1.1002") and drawn["apple_num"] == ("2", "110.02")
    assert drawn["tax"] == ("1.1", "200") and drawn["price"] == ("220", "1")  # the chapter's
    prose = " ".join(result.stdout.split())
    assert prose.endswith(
        "The chapter has dapple_price = 1.1, dapple = 2.2, dapple_num = 110: compare yours, "
        f"and look at {target}/mul_layer.py."
    )
    step = run_plain("graph", "--target", str(target), "--step", stdin="\n" * 20)
    prose = " ".join(step.stdout.split())
    assert (
        "dapple_price = dout × tax = 1 × 1.1 = 1.1 by the rule, but your MulLayer.backward "
        "gave 1.1002" in prose
    )
