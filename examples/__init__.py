"""Runnable chapter-5 examples. They run your exercises/; --solutions runs the reference.

--target PATH runs the layers of any folder laid out like exercises/ (a student's copy, or a
mutant in our tests): the folder is imported as the package `target`, so its files may import
each other with `from .affine import Affine` as the stubs do.

--lang en|zh, $BACKPROP_KATA_LANG or a zh locale choose the language of every message, as in
the checker (checker/i18n/). Code names (`price:`, `dapple:`, `W1:`) stay as they are.
"""

import argparse
import importlib
import os
import sys
import traceback
import types
from pathlib import Path

# checker.i18n is imported inside the functions, never at the top: the checker's workers run
# buy_apple() and buy_apple_orange() after closing every import of `checker` to student code.

TARGET = "target"  # the package name a --target folder is imported under
REFERENCE = Path(__file__).resolve().parents[1] / "solutions"
FOLDERS = {}  # package name -> the folder to name in messages, when it is not the package name


def speak(argv=None):
    """Choose the language of the run from --lang (read before argparse, so that --help speaks
    it too), $BACKPROP_KATA_LANG or the locale."""
    from checker.i18n import choose, language_asked, recognised, set_language

    asked = language_asked(sys.argv[1:] if argv is None else list(argv))
    set_language(choose(asked), asked=recognised(asked) is not None)


def parse_target(description, argv=None, parser=None):
    """Parse --solutions or --target and return the package name whose layers the example runs.

    description: a catalog key, for an example that has no parser of its own (which then
    calls speak() before it makes one)."""
    from checker.i18n import choose, language_option, set_language, t

    if parser is None:
        speak(argv)
        parser = argparse.ArgumentParser(description=t(description))
    choice = parser.add_mutually_exclusive_group()
    if REFERENCE.is_dir():  # the instructors' repository; a student release has no solutions/
        choice.add_argument("--solutions", action="store_true", help=t("example.help.solutions"))
    choice.add_argument("--target", metavar="PATH", help=t("example.help.target"))
    parser.add_argument("--lang", type=language_option, metavar="{en,zh}", help=t("cli.help.lang"))
    args = parser.parse_args(argv)
    set_language(choose(args.lang), asked=args.lang is not None)
    if args.target:
        if not os.path.isdir(args.target):
            parser.error(t("example.no_such_folder", folder=args.target))
        return import_folder(args.target), args
    return ("solutions" if getattr(args, "solutions", False) else "exercises"), args


def import_folder(path):
    """Make `import target.mul_layer` read PATH/mul_layer.py, whatever the folder is called."""
    package = types.ModuleType(TARGET)
    package.__path__ = [os.path.abspath(path)]
    sys.modules[TARGET] = package
    FOLDERS[TARGET] = path.rstrip("/\\")
    return TARGET


def folder(package):
    """The folder a package's files are in, as the student would type it: exercises, PATH."""
    return FOLDERS.get(package, package)


def load(package, module, name):
    """The class `name` from package.module, e.g. load("exercises", "mul_layer", "MulLayer").

    A file that does not import ends the example with one line naming it, not a traceback."""
    from checker.i18n import t

    file = f"{folder(package)}/{module}.py"
    try:
        loaded = importlib.import_module(f"{package}.{module}")
    except ModuleNotFoundError as error:
        if error.name != package:
            raise SystemExit(t("example.import_failed", file=file, error=error)) from None
        raise SystemExit(t("example.no_package", package=package)) from None
    except SyntaxError as error:
        where = t("example.at_line", line=error.lineno) if error.lineno else ""
        message = t("example.syntax_error", file=file, where=where, text=error.msg)
        raise SystemExit(message) from None
    except Exception as error:  # noqa: BLE001 - the student's module raised while importing
        raise SystemExit(t("example.import_failed", file=file, error=describe(error))) from None
    if not hasattr(loaded, name):
        raise SystemExit(t("example.no_class", file=file, name=name))
    return getattr(loaded, name)


def describe(error):
    """An exception from the student's code in one line: its type, its words, and the line of
    the student's file where it was raised."""
    from checker.i18n import t

    lines = [frame for frame in traceback.extract_tb(error.__traceback__) if in_target(frame)]
    where = ""
    if lines:
        file = os.path.basename(lines[-1].filename)
        where = t("example.raised_at", file=file, line=lines[-1].lineno)
    return t("example.raised", error=type(error).__name__, where=where, text=error)


def in_target(frame):
    folders = [os.path.abspath(FOLDERS.get(name, name)) for name in ("exercises", "solutions")]
    folders += [os.path.abspath(path) for path in FOLDERS.values()]
    return any(os.path.abspath(frame.filename).startswith(f + os.sep) for f in folders)


def layer_error_message(package, what, error):
    """One line for a layer that raised or returned something the example cannot use."""
    from checker.i18n import command, t

    return t(
        "example.layer_error",
        what=what,
        folder=folder(package),
        error=describe(error),
        command=command("python -m checker"),
    )


def not_implemented_message(package, what):
    from checker.i18n import t

    return t("example.not_implemented", what=what, folder=folder(package))


def compare_with_book(values, book, names):
    """Say whether the example's numbers are the chapter's (up to rounding); 0 if they are."""
    from checker.i18n import t

    try:
        same = len(values) == len(book) and all(
            abs(float(value) - expected) <= 1e-9 * max(1.0, abs(expected))
            for value, expected in zip(values, book, strict=True)
        )
    except (TypeError, ValueError, OverflowError):  # not numbers at all, or past float range
        same = False
    if same:
        print(t("example.book_numbers"))
        return 0
    print(t("example.compare", names=names, numbers=" ".join(f"{n:g}" for n in book)))
    return 1
