"""`python -m checker train`: train your TwoLayerNet on MNIST, as the book's train_neuralnet.py.

    python -m checker train [--target exercises] [--full | --sample] [--iters 10000]
                            [--batch-size 100] [--lr 0.1] [--seed N] [--plot FILE.png]

The network is the target's own TwoLayerNet on its own layers, its weights drawn with np.random
as in the book. Plain SGD on a random batch at each step; train and test accuracy after every
epoch. When it does not learn, it is retrained briefly with one of its layer files replaced by
the checker's stand-in at a time, to name the file to look at.

Exit codes: 0 it trained; 1 the network needs work (a stub, an error, a loss that is not a
number, no learning); 2 a usage error (no such folder, no full MNIST for --full, no matplotlib
for --plot); 130 stopped with Ctrl-C, after a line that says how far it got (and the curves so
far).
"""

import argparse
import math
import secrets
import sys
import textwrap
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from checker import stand_ins
from checker.cli import DEFAULT_TARGET, target_folder
from checker.i18n import command as i18n_command
from checker.i18n import english, join, language_option, t
from checker.i18n.wrap import rjust, wrap
from checker.scenarios import import_target
from checker.training.curves import bucket_means, plot
from dataset.mnist import MnistError, load_mnist, load_mnist_sample

EXIT_TRAINED, EXIT_NEEDS_WORK, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as a shell reports it

# The book's hyper-parameters and network.
ITERS, BATCH_SIZE, LEARNING_RATE = 10_000, 100, 0.1
INPUT_SIZE, HIDDEN_SIZE, OUTPUT_SIZE = 784, 50, 10

CHANCE = 0.2  # test accuracy at or below this after the first epoch: not learning (chance: 0.1)
JUDGE_AFTER = 50  # before this many steps even a correct network can be near chance
DIAGNOSIS_ITERS = 200  # a retrain with a stand-in runs at least this many steps...
LEARNS = 0.5  # ...and learns if it gets above this test accuracy (a correct net: about 0.8)
LOSS_EVERY = 10  # a net that keeps no lastLayer.loss pays one extra forward pass per 10 steps
SMOOTHING = 0.05  # weight of the newest batch in the smoothed loss: about the last 20 batches
TABLE_ROWS = 20  # about this many epochs in the table: the first, every k-th and the last
REDRAW_EVERY = 20  # steps between updates of the progress bar (it redraws 5 times a second)
DOWNLOAD_TIMEOUT = 5  # seconds; without a network, fall back to the sample quickly
WIDTH = 80  # every line fits in 80 columns
PLOT_WIDTH, PLOT_HEIGHT = 64, 8  # characters


class Stopped(Exception):
    """The network does not learn (or its loss is not a number). The message says what was seen."""

    def __init__(self, problem, iteration):
        super().__init__(problem)
        self.problem = problem  # a Message
        self.iteration = iteration


@dataclass
class Epoch:
    epoch: float  # epochs done: a fraction for a last, partial one
    iteration: int
    loss: float  # the smoothed loss
    train_acc: float
    test_acc: float
    seconds: float


@dataclass
class History:
    losses: list = field(default_factory=list)  # (iteration, loss of that step's batch)
    epochs: list = field(default_factory=list)  # an Epoch after every epoch, and at the end
    steps: int = 0  # steps done so far: where a run stopped with Ctrl-C got to


def train(TwoLayerNet, data, iters=ITERS, batch_size=BATCH_SIZE, lr=LEARNING_RATE, seed=None,
          show=None, judge=True, history=None):  # fmt: skip
    """The book's training loop. Returns its History: `history` if given, filled as it goes (so
    that a caller still has it when Ctrl-C stops the loop), else a new one.

    show, if given, gets show.step(iteration, smoothed loss) every REDRAW_EVERY steps and
    show.epoch(Epoch) after each evaluation. With judge, raises Stopped when the test accuracy
    after the first epoch is near chance, or when the loss is not a number.
    """
    (x_train, t_train), (x_test, t_test) = data
    if seed is not None:
        np.random.seed(seed)  # the weights and the batches come from np.random, as in the book
    net = TwoLayerNet(input_size=INPUT_SIZE, hidden_size=HIDDEN_SIZE, output_size=OUTPUT_SIZE)
    train_size = x_train.shape[0]
    iters_per_epoch = max(train_size / batch_size, 1)
    history = History() if history is None else history
    smoothed = None
    started = time.perf_counter()
    for i in range(1, iters + 1):  # i: steps done once this one is
        batch = np.random.choice(train_size, batch_size)
        x_batch, t_batch = x_train[batch], t_train[batch]
        grads = net.gradient(x_batch, t_batch)
        loss = last_loss(net)  # the forward pass gradient() just ran: no extra cost
        if loss is None and i % LOSS_EVERY == 0:
            loss = float(net.loss(x_batch, t_batch))
        for key in ("W1", "b1", "W2", "b2"):
            net.params[key] -= lr * grads[key]
        history.steps = i

        if loss is not None:
            if judge and not math.isfinite(loss):
                raise Stopped(t("train.nan", loss=loss, iteration=i), i)
            smoothed = loss if smoothed is None else smoothed + SMOOTHING * (loss - smoothed)
            history.losses.append((i, loss))
        if int(i / iters_per_epoch) > len(history.epochs) or i == iters:
            row = Epoch(
                i / iters_per_epoch,
                i,
                smoothed,
                float(net.accuracy(x_train, t_train)),
                float(net.accuracy(x_test, t_test)),
                time.perf_counter() - started,
            )
            history.epochs.append(row)
            if show is not None:
                show.epoch(row)
            first = len(history.epochs) == 1
            if judge and first and i >= JUDGE_AFTER and not row.test_acc > CHANCE:
                accuracy = f"{row.test_acc:.4f}"
                raise Stopped(t("train.not_learning", accuracy=accuracy, iteration=i), i)
        if show is not None and i % REDRAW_EVERY == 0:
            show.step(i, smoothed)
    return history


def last_loss(net):
    """The loss of the last forward pass, if the net's last layer keeps it (the book's does)."""
    loss = getattr(getattr(net, "lastLayer", None), "loss", None)
    try:
        return float(loss)
    except (TypeError, ValueError):
        return None


def network_class(target, replaced=()):
    """TwoLayerNet from target/two_layer_net.py, with the `replaced` layer files swapped for the
    checker's stand-ins (the same substitution as the integration check)."""
    module = import_target(str(target.resolve()), "two_layer_net.py", stand_ins.replacing(replaced))
    return module.TwoLayerNet


# --- what went wrong, in the student's terms ---------------------------------------------------


def where_in_target(error, target):
    """(file, Class.method, line) of the innermost frame of `error` in the target's files."""
    folder = target.resolve()
    for frame, line in reversed(list(traceback.walk_tb(error.__traceback__))):
        path = Path(frame.f_code.co_filename)
        if path.parent.resolve() == folder:
            function = frame.f_code.co_name
            owner = frame.f_locals.get("self")
            if owner is not None:
                function = f"{type(owner).__name__}.{function}"
            return path.name, function, line
    return None


def stub_message(error, target, label):
    where = where_in_target(error, target)
    if where is None:
        return t("train.stub_somewhere", folder=label)
    file, function, _ = where
    return t("train.stub", function=function, folder=label, file=file)


def error_message(error, target, label):
    where = where_in_target(error, target)
    place = ""
    if where:
        file, function, line = where
        place = t("train.stopped_at", folder=label, file=file, line=line, function=function)
    detail = " ".join(str(error).split()) or t("train.no_message")
    return [
        *wrap(t("train.stopped", error=type(error).__name__, place=place), WIDTH),
        textwrap.shorten(detail, WIDTH - 2, placeholder=" ..."),
    ]


def diagnosis(target, label, data, options, iterations, settings=(), again=""):
    """Retrain briefly with one of the target's layer files replaced by the checker's stand-in
    at a time; lines that name the file whose replacement makes the network learn. When none
    does, TwoLayerNet is named only if the run used the book's hyper-parameters: settings, the
    ones it did not use (["--lr 0.001"]), are blamed instead, with `again` the command to run
    with the book's."""
    iterations = max(iterations, DIAGNOSIS_ITERS)

    def learns_with(files):
        try:
            TwoLayerNet = network_class(target, files)
            history = train(TwoLayerNet, data, iterations, **options)
        except Exception:  # noqa: BLE001 - the student's code may raise anything
            return None
        accuracy = history.epochs[-1].test_acc
        return accuracy if accuracy > LEARNS else None

    file, accuracy = stand_ins.culprit(learns_with)
    also = "" if label == DEFAULT_TARGET else f" --target {label}"
    if file is not None:
        layer = stand_ins.LAYER_FILES[file]
        prose = t(
            "train.culprit",
            folder=label,
            file=file,
            layer=layer,
            accuracy=f"{accuracy:.2f}",
            iterations=iterations,
        )
        command = i18n_command(f"python -m checker --section {file}{also}")
    elif accuracy is not None:
        prose = t("train.several", accuracy=f"{accuracy:.2f}")
        command = i18n_command(f"python -m checker{also}")
    elif settings:  # the checker's layers do not learn with them either: not TwoLayerNet
        book = f"--lr {LEARNING_RATE:g} --batch-size {BATCH_SIZE}"
        prose = t("train.settings", settings=" ".join(settings), book=book)
        command = again
    else:
        prose = t("train.network", folder=label)
        command = i18n_command(f"python -m checker --section two_layer_net{also}")
    return [*wrap(prose, WIDTH), "  " + command]


def not_the_books(options):
    """The hyper-parameters given that are not the book's and can keep a correct network from
    learning within the first epoch, as typed: ["--lr 0.001"]. (--iters cannot: the first epoch
    is judged, and the stand-ins retrain for at least DIAGNOSIS_ITERS steps, whatever it is.)"""
    given = (
        ("--lr", f"{options['lr']:g}", options["lr"] != LEARNING_RATE),
        ("--batch-size", options["batch_size"], options["batch_size"] != BATCH_SIZE),
    )
    return [f"{name} {value}" for name, value, differs in given if differs]


# --- showing progress --------------------------------------------------------------------------

COLUMN_WIDTHS = (7, 9, 8, 9, 8, 8)


def columns():
    return (
        t("train.column.epoch"),
        t("train.column.iteration"),
        t("train.column.loss"),
        t("train.column.train_acc"),
        t("train.column.test_acc"),
        t("train.column.time"),
    )


def cells(row):
    epoch = f"{row.epoch:.0f}" if row.epoch == int(row.epoch) else f"{row.epoch:.1f}"
    loss = "-" if row.loss is None else f"{row.loss:.4f}"
    return (epoch, f"{row.iteration}", loss, f"{row.train_acc:.4f}", f"{row.test_acc:.4f}",
            t("train.seconds", seconds=f"{row.seconds:.1f}"))  # fmt: skip


def aligned(texts):
    return "  ".join(rjust(text, width) for text, width in zip(texts, COLUMN_WIDTHS, strict=True))


def table_every(iters, train_size, batch_size):
    """k: the table shows the first epoch, every k-th and the last, about TABLE_ROWS in all (a
    run of 10,000 steps on the sample has 200 epochs). The curves have every epoch."""
    epochs = iters / max(train_size / batch_size, 1)
    return max(1, math.ceil(epochs / TABLE_ROWS))


class Rows:
    """Which epochs the table shows: the first, every k-th, and the last (the end of the run)."""

    def __init__(self, every, iters):
        self.every, self.iters, self.seen = every, iters, 0

    def shown(self, row):
        self.seen += 1
        return self.seen == 1 or self.seen % self.every == 0 or row.iteration == self.iters


class PlainShow:
    """For logs and tests: one line per epoch shown, nothing redrawn."""

    def __init__(self, console, every=1, iters=None):
        self.console = console
        self.rows = 0
        self.which = Rows(every, iters)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def step(self, iteration, loss):
        pass

    def epoch(self, row):
        if not self.which.shown(row):
            return
        if self.rows == 0:  # the header comes with the first row: a stub stops before it
            self.console.print(aligned(columns()), markup=False)
        self.console.print(aligned(cells(row)), markup=False)
        self.rows += 1


class LiveShow:
    """For a terminal: a progress bar with the smoothed loss, and each epoch's row of the table
    printed above it as the epoch completes."""

    def __init__(self, console, iters, every=1):
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console = console
        self.progress = Progress(
            TextColumn(t("train.bar.training"), markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(t("train.bar.loss", loss="{task.fields[loss]}"), markup=False),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            refresh_per_second=5,  # drawn in its own thread, 5 times a second: under 5% of a run
            transient=True,
        )
        self.task = self.progress.add_task(t("train.bar.training"), total=iters, loss="-")
        self.rows = 0
        self.which = Rows(every, iters)

    def __enter__(self):
        self.progress.start()
        return self

    def __exit__(self, *exc):
        self.progress.stop()
        return False

    def step(self, iteration, loss):
        shown = "-" if loss is None else f"{loss:.4f}"
        self.progress.update(self.task, completed=iteration, loss=shown)

    def epoch(self, row):
        from rich import box
        from rich.table import Table

        if not self.which.shown(row):
            return
        table = Table(
            box=box.SIMPLE_HEAD, show_header=self.rows == 0, show_edge=False, pad_edge=False
        )
        for name, width in zip(columns(), COLUMN_WIDTHS, strict=True):
            table.add_column(name, justify="right", width=width)
        table.add_row(*cells(row))
        self.progress.console.print(table)  # above the bar, where it stays
        self.rows += 1


def show_curves(console, plain, history, iters):
    """The loss and the accuracies, drawn in the terminal."""
    colours = {"loss": "cyan", "train": "green", "test": "magenta"}
    losses = bucket_means(history.losses, 2 * PLOT_WIDTH)
    accuracies = {
        "train": [(row.iteration, row.train_acc) for row in history.epochs],
        "test": [(row.iteration, row.test_acc) for row in history.epochs],
    }
    if plain:
        legend = t("train.curve.accuracy_plain")
    else:
        legend = t("train.curve.accuracy_live")
    for title, lines, y_format in (
        (t("train.curve.loss"), {"loss": losses}, "{:.2f}"),
        (legend, accuracies, "{:.2f}"),
    ):
        if not any(lines.values()):
            continue
        console.print()
        for line in wrap(title, WIDTH) if plain else [title]:
            console.print(line, markup=not plain)
        for row in plot(lines, iters, PLOT_WIDTH, PLOT_HEIGHT, y_format):
            if plain:
                console.print("".join(text for text, _ in row), markup=False)
            else:
                from rich.text import Text

                console.print(Text.assemble(*((t, colours.get(o, "")) for t, o in row)))


def save_figure(history, path):
    import matplotlib

    matplotlib.use("Agg")  # a file, no window
    import matplotlib.pyplot as plt

    font = cjk_font()
    if font is not None:
        plt.rcParams["font.sans-serif"] = [font, *plt.rcParams["font.sans-serif"]]
        plt.rcParams["axes.unicode_minus"] = False

    def label(key):  # in English where no font here has Chinese characters
        text = t(key)
        return text if font is not None else english(text)

    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    steps, losses = zip(*history.losses, strict=True) if history.losses else ((), ())
    left.plot(steps, losses, linewidth=0.5, label=label("train.png.batch_loss"))
    left.set(
        xlabel=label("train.png.iteration"),
        ylabel=label("train.png.loss"),
        title=label("train.png.loss_title"),
    )
    iterations = [row.iteration for row in history.epochs]
    train_acc = [row.train_acc for row in history.epochs]
    test_acc = [row.test_acc for row in history.epochs]
    right.plot(iterations, train_acc, "o-", label=label("train.png.train"))
    right.plot(iterations, test_acc, "s--", label=label("train.png.test"))
    right.set(
        xlabel=label("train.png.iteration"),
        ylabel=label("train.png.accuracy"),
        title=label("train.png.accuracy_title"),
        ylim=(0, 1),
    )
    right.legend()
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


# Fonts with Chinese characters, as matplotlib names them: Linux, macOS, Windows.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "AR PL UMing CN",
    "PingFang SC",
    "Heiti SC",
    "STHeiti",
    "Microsoft YaHei",
    "SimHei",
    "SimSun",
)


def cjk_font():
    """A font for the PNG's labels in Chinese, or None: in English, or no such font here."""
    from checker.i18n import language

    if language() == "en":
        return None
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


# --- the command -------------------------------------------------------------------------------


def positive(kind):
    def parse(text):
        value = kind(text)
        if not value > 0:
            raise argparse.ArgumentTypeError(t("train.positive", text=text))
        return value

    return parse


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m checker train",
        description=t("train.help.description"),
        epilog=t("train.help.epilog"),
    )
    parser.add_argument("--target", default=DEFAULT_TARGET, help=t("train.help.target"))
    data = parser.add_mutually_exclusive_group()
    data.add_argument("--full", action="store_true", help=t("train.help.full"))
    data.add_argument("--sample", action="store_true", help=t("train.help.sample"))
    parser.add_argument("--iters", type=positive(int), default=ITERS, help=t("train.help.iters"))
    parser.add_argument(
        "--batch-size", type=positive(int), default=BATCH_SIZE, help=t("train.help.batch_size")
    )
    parser.add_argument(
        "--lr", type=positive(float), default=LEARNING_RATE, help=t("train.help.lr")
    )
    parser.add_argument("--seed", type=int, help=t("train.help.seed"))
    parser.add_argument("--plot", metavar="FILE.png", help=t("train.help.plot"))
    # Read by `python -m checker` before it dispatches here (checker.i18n.language_asked).
    parser.add_argument("--lang", type=language_option, metavar="{en,zh}", help=t("cli.help.lang"))
    return parser.parse_args(argv)


def load_data(args, why_sample=None):
    """The data, and one line that says which it is. MnistError when --full cannot be met.
    why_sample: why --sample was given, when a wrapper gave it rather than the user."""
    why = why_sample or t("train.why.sample")
    if not args.sample:
        try:
            data = load_mnist(normalize=True, one_hot_label=True, timeout=DOWNLOAD_TIMEOUT)
            return data, t("train.data.full", sizes=sizes(data))
        except MnistError:
            if args.full:
                raise
            why = t("train.why.no_full")  # --full says why
    data = load_mnist_sample(normalize=True, one_hot_label=True)
    return data, t("train.data.sample", sizes=sizes(data), why=why)


def no_full_mnist(error):
    """What went wrong, then what a user of this command can do: set the environment variable
    (load_mnist(data_dir=...), which dataset/mnist.py suggests, is for code). Lines of 80
    columns, broken only at spaces: a file name or a URL is never split."""
    from dataset.mnist import DATA_DIR_ENV, FILES

    problem = getattr(error, "problem", None) or str(error)
    names = ", ".join(name for name, _ in FILES.values())
    return [
        *(line for paragraph in problem.splitlines() for line in wrap(paragraph, WIDTH)),
        *wrap(t("train.full_offline", env=DATA_DIR_ENV, names=names), WIDTH),
        f"  {DATA_DIR_ENV}=/path/to/folder python -m checker train --full",
        *wrap(t("train.without_full"), WIDTH),
    ]


def interrupted(history, iters, seconds):
    """The line for a run stopped with Ctrl-C: how far it got, and its last epoch's accuracy."""
    reached = t("train.stopped_by_user", iteration=f"{history.steps:,}", iters=f"{iters:,}",
                seconds=f"{seconds:.1f}")  # fmt: skip
    if not history.epochs:
        return join([reached, t("train.before_first_epoch")])
    last = history.epochs[-1]
    epoch = f"{last.epoch:.0f}" if last.epoch == int(last.epoch) else f"{last.epoch:.1f}"
    accuracy = t("train.last_epoch", epoch=epoch, test=f"{last.test_acc:.4f}",
                 train=f"{last.train_acc:.4f}")  # fmt: skip
    return join([reached, accuracy])


def book_command(args, label, seed):
    """This run's command with the book's hyper-parameters: the same target, data and seed."""
    also = "" if label == DEFAULT_TARGET else f" --target {label}"
    data = " --full" if args.full else " --sample" if args.sample else ""
    iters = "" if args.iters == ITERS else f" --iters {args.iters}"
    return i18n_command(f"python -m checker train{also}{data}{iters} --seed {seed}")


def sizes(data):
    (x_train, _), (x_test, _) = data
    return t("train.sizes", train=f"{len(x_train):,}", test=f"{len(x_test):,}")


def main(argv=None, why_sample=None):
    """why_sample: for a wrapper that passes --sample itself (examples.train_neuralnet), the
    reason to give on the data line instead of "as --sample asks"."""
    from checker import ui

    try:
        args = parse_args(argv)
    except SystemExit as exit:  # argparse has printed the usage or the help
        return EXIT_TRAINED if exit.code == 0 else EXIT_USAGE
    console, plain = ui.make_console()
    try:
        return run(args, console, plain, why_sample)
    except KeyboardInterrupt:  # Ctrl-C outside training (loading, diagnosing): one line
        console.print()
        console.print(t("train.interrupted"), markup=False)
        return EXIT_INTERRUPTED


def run(args, console, plain, why_sample):
    """The command, once its arguments are parsed."""

    def say(*lines):
        for line in lines:
            console.print(line, markup=False)

    target = target_folder(args.target)
    label = args.target.rstrip("/\\")
    if target is None or not (target / "two_layer_net.py").is_file():
        say(t("train.no_target", folder=repr(args.target)))
        return EXIT_USAGE
    if args.plot:
        try:
            import matplotlib  # noqa: F401 - only to know, before training, that it is there
        except ImportError:
            say(
                *wrap(t("train.no_matplotlib"), WIDTH),
                "  python -m pip install matplotlib",
                *wrap(t("train.no_matplotlib_else"), WIDTH),
            )
            return EXIT_USAGE

    try:
        TwoLayerNet = network_class(target)
    except Exception as error:  # noqa: BLE001 - a syntax error, a missing class, ...
        say(*error_message(error, target, label))
        return EXIT_NEEDS_WORK
    try:
        data, which = load_data(args, why_sample)
    except MnistError as error:
        say(t("train.no_full"), *no_full_mnist(error))
        return EXIT_USAGE
    seed = args.seed if args.seed is not None else secrets.randbelow(2**31)
    options = {"batch_size": args.batch_size, "lr": args.lr, "seed": seed}
    layers = f"{INPUT_SIZE}-{HIDDEN_SIZE}-{OUTPUT_SIZE}"
    say(
        *wrap(which, WIDTH),
        t("train.training", folder=label, layers=layers, iters=f"{args.iters:,}"),
        t("train.training_options", batch=args.batch_size, lr=f"{args.lr:g}", seed=seed),
    )

    every = table_every(args.iters, len(data[0][0]), args.batch_size)
    if every > 1:
        say(*wrap(t("train.every", every=every), WIDTH))
    show = PlainShow(console, every, args.iters) if plain else LiveShow(console, args.iters, every)
    started = time.perf_counter()
    history = History()
    try:
        with show:
            train(TwoLayerNet, data, args.iters, show=show, history=history, **options)
    except KeyboardInterrupt:  # the usual way to stop a long run: what it reached, no traceback
        seconds = time.perf_counter() - started
        show_curves(console, plain, history, max(history.steps, 1))  # as far as it got
        say("", *wrap(interrupted(history, args.iters, seconds), WIDTH))
        return EXIT_INTERRUPTED
    except NotImplementedError as error:
        say(stub_message(error, target, label))
        return EXIT_NEEDS_WORK
    except Stopped as stopped:
        say("", *wrap(stopped.problem, WIDTH))
        say(*wrap(t("train.retraining"), WIDTH))
        settings, again = not_the_books(options), book_command(args, label, seed)
        say(*diagnosis(target, label, data, options, stopped.iteration, settings, again))
        return EXIT_NEEDS_WORK
    except Exception as error:  # noqa: BLE001 - the student's code may raise anything
        say("", *error_message(error, target, label))
        say(*wrap(t("train.retraining"), WIDTH))
        say(*diagnosis(target, label, data, options, JUDGE_AFTER))
        return EXIT_NEEDS_WORK
    seconds = time.perf_counter() - started

    show_curves(console, plain, history, args.iters)
    final = history.epochs[-1]
    final_line = t(
        "train.final",
        test=f"{final.test_acc:.4f}",
        train=f"{final.train_acc:.4f}",
        iters=f"{args.iters:,}",
        seconds=f"{seconds:.1f}",
    )
    say("", final_line)
    if args.plot:
        save_figure(history, args.plot)
        say(t("train.saved", path=args.plot))
    return EXIT_TRAINED


if __name__ == "__main__":
    sys.exit(main())
