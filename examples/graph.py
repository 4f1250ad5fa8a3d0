"""See backprop happen: the chapter's computational graphs (计算图), drawn with your layers.

    python -m examples.graph [--solutions | --target PATH] [--example apple|apple_orange] [--step]

As in the book's figures, every edge shows its forward value above the line and its backward
derivative d price / d edge below it. The numbers come from your MulLayer and AddLayer: where a
layer is not written yet, raises, or returns something that is not a number, the graph shows `?`
and one line names the file to fix (exit code 1). Where a layer's numbers are not the ones its
node's rule gives, a last line names the edges that differ from the chapter's numbers and the
file to look at (exit code 1), and --step shows the rule's value beside the layer's.

--step walks through the graph one Enter at a time: forward node by node, then backward from
dprice = 1, naming the rule each node applies. Ctrl-D (end of input) stops.

Piped into a file rather than a terminal, it prints plain ASCII with no colours.
"""

import argparse
import inspect
import math
import numbers
import sys
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import groupby

import numpy as np
from rich.console import Console
from rich.text import Text

from checker.i18n import t
from checker.i18n.wrap import wrap
from examples import folder, load, parse_target, speak

WIDTH = 80  # every line fits in 80 columns (a Chinese character takes two)


@dataclass
class Node:
    op: str  # "×" or "+"
    inputs: tuple  # the names of its two input edges, the one drawn on top first
    output: str  # the name of its output edge


# op -> (class, file, forward rule, backward rule): the rules are catalog keys
LAYERS = {
    "×": ("MulLayer", "mul_layer", "graph.rule.mul_forward", "graph.rule.mul_backward"),
    "+": ("AddLayer", "add_layer", "graph.rule.add_forward", "graph.rule.add_backward"),
}

PHASES = {"forward": "graph.phase.forward", "backward": "graph.phase.backward"}

# name -> (what it computes: a catalog key, the input values, the nodes in forward order)
EXAMPLES = {
    "apple": (
        "graph.title.apple",
        {"apple": 100, "apple_num": 2, "tax": 1.1},
        [
            Node("×", ("apple", "apple_num"), "apple_price"),
            Node("×", ("apple_price", "tax"), "price"),
        ],
    ),
    "apple_orange": (
        "graph.title.apple_orange",
        {"apple": 100, "apple_num": 2, "orange": 150, "orange_num": 3, "tax": 1.1},
        [
            Node("×", ("apple", "apple_num"), "apple_price"),
            Node("×", ("orange", "orange_num"), "orange_price"),
            Node("+", ("apple_price", "orange_price"), "all_price"),
            Node("×", ("all_price", "tax"), "price"),
        ],
    ),
}


# --- running the layers ------------------------------------------------------------------------


@dataclass
class Step:
    phase: str  # "forward" or "backward"
    rule: str  # e.g. "× node: multiply dout by the other input", in the run's language
    detail: list  # what the node computed, one line per value
    values: dict  # edge name -> forward value, as known after this step
    grads: dict  # edge name -> d price / d edge, as known after this step
    off: list = field(default_factory=list)  # files whose layer gave other than the rule


class Broken(Exception):
    """A layer is missing, raised, or returned something that is not a number."""


def fmt(value, digits=4):
    """220.00000000000003 -> '220': the book's numbers without the float noise. Never raises:
    an int too large for a float is shown as 1e+400, anything else that is not a number by a
    shortened repr."""
    try:
        number = float(value)
    except OverflowError:
        return huge(value)
    except (TypeError, ValueError):
        return shortened(value)
    return f"{number:.{digits}g}"


def huge(value):
    """An int (or a number past float range) as 1.234e+400."""
    try:
        whole = int(value)
        exponent = int(math.log10(abs(whole)))
        if exponent < 4:  # not huge after all
            return str(whole)
        leading = abs(whole) // 10 ** (exponent - 3)
        if leading < 1000:  # log10 rounded up at a power of ten
            exponent -= 1
            leading = abs(whole) // 10 ** (exponent - 3)
        sign = "-" if whole < 0 else ""
        return f"{sign}{leading / 1000:.4g}e+{exponent}"
    except (TypeError, ValueError, OverflowError):
        return shortened(value)


def shortened(value, width=12):
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def exact(value):
    """The value as a Fraction, for numbers a float cannot hold (an int of 400 digits)."""
    try:
        return Fraction(value)
    except TypeError:
        return Fraction(float(value))


def same(a, b):
    """The same number, up to float rounding (1e-9 relative). False for anything that is not a
    number; never raises."""
    try:
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    except OverflowError:
        try:
            return abs(exact(a) - exact(b)) <= Fraction(1, 10**9) * max(1, abs(exact(b)))
        except (TypeError, ValueError, OverflowError):
            return False
    except (TypeError, ValueError):
        return False


def apart(a, b):
    """a and b with the fewest digits (4 at least) that show they differ: 1.10022 and 1.1 are
    '1.1002' and '1.1', not '1.1' twice. When they are the same number, both compact."""
    if same(a, b):
        return fmt(a), fmt(b)
    for digits in range(4, 18):
        if fmt(a, digits) != fmt(b, digits):
            return fmt(a, digits), fmt(b, digits)
    return fmt(a, 17), fmt(b, 17)


def shown(value, book=None):
    """value, compact when it is the chapter's number `book` (or there is none to compare
    with), else with the digits that make the difference visible."""
    return fmt(value) if book is None else apart(value, book)[0]


def by_rule(op, x, y):
    """What a × or + node gives for x and y, exactly when a float would overflow."""
    try:
        return x * y if op == "×" else x + y
    except OverflowError:
        try:
            return exact(x) * exact(y) if op == "×" else exact(x) + exact(y)
        except (TypeError, ValueError, OverflowError):
            return math.nan


def equation(lhs, terms, rule_value, got, name):
    """`lhs = terms = value` as a true line: when the layer gave other than the rule, both, with
    the digits that tell them apart."""
    rule_text, got_text = apart(rule_value, got)
    text = f"{lhs} = {terms} = {rule_text}"
    if same(got, rule_value):
        return text, False
    return t("graph.but", equation=text, name=name, value=got_text), True


def by_the_rules(inputs, nodes):
    """The chapter's numbers: each edge's value and derivative by the rules of × and + nodes."""
    values, grads = dict(inputs), {}
    for node in nodes:
        a, b = node.inputs
        values[node.output] = values[a] * values[b] if node.op == "×" else values[a] + values[b]
    grads[nodes[-1].output] = 1
    for node in reversed(nodes):
        a, b = node.inputs
        dout = grads[node.output]
        if node.op == "×":
            grads[a], grads[b] = dout * values[b], dout * values[a]
        else:
            grads[a], grads[b] = dout, dout
    return values, grads


def is_number(value):
    if isinstance(value, np.ndarray):
        return value.shape == () and value.dtype.kind in "iuf"  # np.array(220.0) will do
    return isinstance(value, numbers.Real)


def call(layer, method, args, path):
    """layer.method(*args), checked: forward gives one number, backward two (dx, dy).

    Raises Broken with one line that names `path`, the file to fix."""
    name = f"{type(layer).__name__}.{method}"
    try:
        result = getattr(layer, method)(*args)
    except NotImplementedError:
        raise Broken(t("graph.not_implemented", name=name, path=path)) from None
    except Exception as error:  # a student's bug, shown as one line rather than a traceback
        message = (str(error).splitlines() or [""])[0]
        error = type(error).__name__
        raise Broken(t("graph.raised", name=name, error=error, text=message, path=path)) from None
    if method == "forward" and not is_number(result):
        raise Broken(t("graph.not_a_number", name=name, what=describe(result), path=path))
    if method == "backward":
        if not (isinstance(result, tuple | list) and len(result) == 2):
            raise Broken(t("graph.not_two_values", name=name, what=describe(result), path=path))
        if not all(is_number(value) for value in result):
            raise Broken(t("graph.not_two_numbers", name=name, what=describe(result), path=path))
    return result


def describe(value):
    if isinstance(value, tuple | list):
        return t("graph.a_sequence", type=type(value).__name__, count=len(value))
    return "None" if value is None else t("graph.a_value", type=type(value).__name__)


def construct(layer_class, path):
    """layer_class(), as the book makes its layers: no arguments. Raises Broken with one line
    that says what went wrong in __init__ and names `path`."""
    name = layer_class.__name__
    try:
        inspect.signature(layer_class).bind()
    except TypeError:
        raise Broken(t("graph.init_arguments", name=name, path=path)) from None
    except ValueError:  # no signature to read: calling it will tell
        pass
    try:
        return layer_class()
    except NotImplementedError:
        raise Broken(t("graph.init_not_implemented", name=name, path=path)) from None
    except Exception as error:  # noqa: BLE001 - the student's __init__ may raise anything
        message = (str(error).splitlines() or [""])[0]
        error = type(error).__name__
        raise Broken(
            t("graph.init_raised", name=name, error=error, text=message, path=path)
        ) from None


def walk(package, inputs, nodes):
    """Forward through the nodes, then backward from dprice = 1, with the package's layers.

    Returns (values, grads, steps, problem): each edge's forward value and derivative as far as
    the layers got, the steps taken, and None or one line naming the file to fix. A file that
    does not load ends the example in load(), with one line that names it.
    """
    values, grads, steps, layers = dict(inputs), {}, [], []
    book_values, book_grads = by_the_rules(inputs, nodes)
    path = ""  # the file of the layer being called
    try:
        for node in nodes:
            class_name, module, rule, _ = LAYERS[node.op]
            path = f"{folder(package)}/{module}.py"
            layers.append(construct(load(package, module, class_name), path))
            a, b = node.inputs
            values[node.output] = call(layers[-1], "forward", (values[a], values[b]), path)
            x, y = values[a], values[b]
            detail, off = equation(
                node.output,
                f"{a} {node.op} {b} = {shown(x, book_values[a])} {node.op} "
                f"{shown(y, book_values[b])}",
                by_rule(node.op, x, y),
                values[node.output],
                f"{class_name}.forward",
            )
            rule = t("graph.node", op=node.op, rule=t(rule))
            steps.append(Step("forward", rule, [detail], dict(values), {}, [path] if off else []))

        grads[nodes[-1].output] = 1  # d price / d price: where backpropagation starts
        for node, layer in reversed(list(zip(nodes, layers, strict=True))):
            dout = grads[node.output]
            a, b = node.inputs
            path = f"{folder(package)}/{LAYERS[node.op][1]}.py"
            grads[a], grads[b] = call(layer, "backward", (dout,), path)
            name = f"{LAYERS[node.op][0]}.backward"
            dout_text = shown(dout, book_grads[node.output])
            detail, off = [f"dout = d{node.output} = {dout_text}"], False
            for edge, other in ((a, b), (b, a)):
                if node.op == "×":  # each input's derivative is dout times the *other* input
                    terms = (
                        f"dout × {other} = {dout_text} × {shown(values[other], book_values[other])}"
                    )
                    rule_value = by_rule("×", dout, values[other])
                else:
                    terms, rule_value = "dout", dout
                line, wrong = equation(f"d{edge}", terms, rule_value, grads[edge], name)
                detail.append(line)
                off = off or wrong
            rule = t("graph.node", op=node.op, rule=t(LAYERS[node.op][3]))
            steps.append(
                Step("backward", rule, detail, dict(values), dict(grads), [path] if off else [])
            )
    except Broken as problem:
        return values, grads, steps, problem.args[0]
    except Exception as error:  # noqa: BLE001 - a safety net: one line rather than a traceback
        message = (str(error).splitlines() or [""])[0]
        problem = t("graph.went_wrong", path=path, error=type(error).__name__, text=message)
        return values, grads, steps, problem
    return values, grads, steps, None


# --- drawing -----------------------------------------------------------------------------------

LEAF = 14  # columns for an input's name and its numbers
STEP = 19  # columns from a node's centre to the next node's centre
FORWARD, BACKWARD = "bold green", "bold red"

# the glyphs: box drawing in a terminal, ASCII anywhere else
FANCY = dict(h="─", v="│", box=("┌─┴─┐", "│ {} ├", "└─┬─┘"), top="┐", bottom="┘", arrow="▶")
PLAIN = dict(h="-", v="|", box=("+-+-+", "| {} +", "+-+-+"), top="+", bottom="+", arrow=">")


def layout(nodes):
    """The row of each edge's line, and the column of each node's centre.

    Inputs are stacked top to bottom, three rows each (value, line, derivative) and a blank one;
    a node sits halfway between its two inputs and one column step right of the deeper of them.
    """
    made_by = {node.output: node for node in nodes}
    rows, columns, next_row = {}, {}, 0

    def place(edge):
        nonlocal next_row
        if edge not in made_by:
            rows[edge] = next_row + 1
            next_row += 4
            return 0  # depth of an input
        node = made_by[edge]
        depth = 1 + max(place(node.inputs[0]), place(node.inputs[1]))
        rows[edge] = (rows[node.inputs[0]] + rows[node.inputs[1]]) // 2
        columns[edge] = LEAF + 2 + STEP * (depth - 1)  # keyed by the node's output edge
        return depth

    place(nodes[-1].output)
    return rows, columns, next_row - 1


class Canvas:
    """A grid of characters, each with a rich style, that prints as one rich Text."""

    def __init__(self, height, width):
        self.cells = [[(" ", "")] * width for _ in range(height)]

    def put(self, row, column, text, style=""):
        for i, char in enumerate(text[: max(0, len(self.cells[row]) - column)]):  # clipped
            self.cells[row][column + i] = (char, style)

    def centre(self, row, start, end, text, style):
        self.put(row, start + max(0, (end - start - len(text)) // 2), text, style)

    def text(self):
        out = Text()
        for line in self.cells:
            while line and line[-1][0] == " ":
                line = line[:-1]
            for style, run in groupby(line, key=lambda cell: cell[1]):  # one span per style
                out.append("".join(char for char, _ in run), style)
            out.append("\n")
        return out


def draw(nodes, values, grads, glyphs, unknown, book=({}, {})):
    """The graph as rich Text: each edge with its value above and its derivative below. book:
    the chapter's (values, grads); a number that differs from its own is drawn with the digits
    that show the difference (1.1002, not 1.1)."""
    book_values, book_grads = book

    def label(value, chapters):  # `unknown` where the layers did not get to
        return unknown if value is None else shown(value, chapters)

    rows, columns, height = layout(nodes)
    used_by = {edge: node for node in nodes for edge in node.inputs}
    canvas = Canvas(height, columns[nodes[-1].output] + 3 + STEP)
    for edge, row in rows.items():
        if edge in columns:  # a node's output: from its box to the next node, or to the right
            start = columns[edge] + 3
            end = columns[used_by[edge].output] if edge in used_by else start + STEP - 2
            line = glyphs["h"] + f" {edge} " + glyphs["h"] * (end - start - len(edge) - 3)
            label_end = end
            if edge not in used_by:
                line += glyphs["arrow"]
        else:  # an input: its name at the left edge
            start, end, label_end = 0, columns[used_by[edge].output], LEAF
            line = f"{edge} " + glyphs["h"] * (end - len(edge) - 1)
        canvas.put(row, start, line)
        canvas.centre(row - 1, start, label_end, label(values.get(edge), book_values.get(edge)),
                      FORWARD)  # fmt: skip
        canvas.centre(row + 1, start, label_end, label(grads.get(edge), book_grads.get(edge)),
                      BACKWARD)  # fmt: skip
    for node in nodes:
        centre, middle = columns[node.output], rows[node.output]
        top, bottom = (rows[edge] for edge in node.inputs)
        for i, part in enumerate(glyphs["box"]):
            canvas.put(middle - 1 + i, centre - 2, part.format(node.op), "bold")
        canvas.put(top, centre, glyphs["top"])  # the input on top turns down into the box
        canvas.put(bottom, centre, glyphs["bottom"])  # the one below turns up into it
        for row in [*range(top + 1, middle - 1), *range(middle + 2, bottom)]:
            canvas.put(row, centre, glyphs["v"])
    return canvas.text()


def comparison(inputs, nodes, values, grads, steps):
    """One line (wrapped) naming the edges whose numbers are not the chapter's, and the files
    to look at; None when every number is the chapter's."""
    book_values, book_grads = by_the_rules(inputs, nodes)
    differ = [
        f"{edge} = {fmt(book)}"
        for edge, book in book_values.items()
        if edge in values and not same(values[edge], book)
    ] + [
        f"d{edge} = {fmt(book)}"
        for edge, book in book_grads.items()
        if edge in grads and not same(grads[edge], book)
    ]
    if not differ:
        return None
    files = list(dict.fromkeys(path for step in steps for path in step.off))
    message = t("graph.compare", numbers=", ".join(differ), files=", ".join(files))
    return wrap(message, WIDTH)


def legend():
    return Text.from_markup(t("graph.legend", forward=FORWARD, backward=BACKWARD))


# --- the command -------------------------------------------------------------------------------


def wait_for_enter(console):
    """True once the student pressed Enter; False at the end of input (Ctrl-D) or on Ctrl-C."""
    if console.is_terminal:
        console.print(Text(t("graph.enter"), style="dim"), end="")
    try:
        return sys.stdin.readline() != ""
    except KeyboardInterrupt:
        return False


def main(argv=None):
    speak(argv)
    parser = argparse.ArgumentParser(description=t("graph.description"))
    parser.add_argument(
        "--example", choices=sorted(EXAMPLES), default="apple", help=t("graph.help.example")
    )
    parser.add_argument("--step", action="store_true", help=t("graph.help.step"))
    package, args = parse_target(None, argv, parser)
    title, inputs, nodes = EXAMPLES[args.example]
    title = t(title)
    values, grads, steps, problem = walk(package, inputs, nodes)
    book = by_the_rules(inputs, nodes)

    console = Console(highlight=False)
    glyphs = FANCY if console.is_terminal else PLAIN
    heading = t("graph.heading", example=args.example, folder=folder(package), title=title)

    def show(values, grads, unknown, *lines):
        console.print(heading, markup=False, soft_wrap=True)
        console.print(draw(nodes, values, grads, glyphs, unknown, book), end="")
        console.print(legend())
        for line in lines:
            console.print(line, markup=False, soft_wrap=True)

    compared = None if problem else comparison(inputs, nodes, values, grads, steps)
    if args.step:
        show(inputs, {}, "", t("graph.press_enter"))
        for number, step in enumerate(steps, 1):
            if not wait_for_enter(console):
                return 0
            if console.is_terminal:
                console.clear()
            phase = t(PHASES[step.phase])
            header = t("graph.step", number=number, count=len(steps), phase=phase, rule=step.rule)
            detail = [line for text in step.detail for line in indented(text)]
            last = number == len(steps) and compared or []
            show(step.values, step.grads, "", header, *detail, *last)
        if problem and not wait_for_enter(console):
            return 0
    if problem:
        show(values, grads, "?", problem)
        return 1
    if not args.step:
        show(values, grads, "?", *(compared or []))
    return 0 if compared is None else 1


def indented(text):
    """A step's line, indented by 2 and wrapped to 80 columns with its continuation by 4."""
    lines = wrap(text, WIDTH - 4)
    return [f"  {lines[0]}", *(f"    {line}" for line in lines[1:])]


if __name__ == "__main__":
    sys.exit(main())
