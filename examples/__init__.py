"""Runnable chapter-5 examples. They run your exercises/; --solutions runs the reference.

--target PATH runs the layers of any folder laid out like exercises/ (a student's copy, or a
mutant in our tests): the folder is imported as the package `target`, so its files may import
each other with `from .affine import Affine` as the stubs do.
"""

import argparse
import importlib
import os
import sys
import traceback
import types

TARGET = "target"  # the package name a --target folder is imported under
FOLDERS = {}  # package name -> the folder to name in messages, when it is not the package name


def parse_target(description, argv=None, parser=None):
    """Parse --solutions or --target and return the package name whose layers the example runs."""
    parser = parser or argparse.ArgumentParser(description=description)
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument(
        "--solutions", action="store_true", help="run the reference in solutions/ instead"
    )
    choice.add_argument(
        "--target", metavar="PATH", help="run the layers of a folder laid out like exercises/"
    )
    args = parser.parse_args(argv)
    if args.target:
        if not os.path.isdir(args.target):
            parser.error(f"--target {args.target}: no such folder")
        return import_folder(args.target), args
    return ("solutions" if args.solutions else "exercises"), args


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
    file = f"{folder(package)}/{module}.py"
    try:
        loaded = importlib.import_module(f"{package}.{module}")
    except ModuleNotFoundError as error:
        if error.name != package:
            raise SystemExit(f"{file} could not be imported: {error}.") from None
        message = f"There is no {package}/ folder here (the reference is for instructors)."
        raise SystemExit(message) from None
    except SyntaxError as error:
        where = f" (line {error.lineno})" if error.lineno else ""
        raise SystemExit(f"{file} has a syntax error{where}: {error.msg}. Fix it first.") from None
    except Exception as error:  # noqa: BLE001 - the student's module raised while importing
        raise SystemExit(f"{file} could not be imported: {describe(error)}.") from None
    if not hasattr(loaded, name):
        raise SystemExit(f"{file} has no class {name}.")
    return getattr(loaded, name)


def describe(error):
    """An exception from the student's code in one line: its type, its words, and the line of
    the student's file where it was raised."""
    lines = [frame for frame in traceback.extract_tb(error.__traceback__) if in_target(frame)]
    where = f" at {os.path.basename(lines[-1].filename)}, line {lines[-1].lineno}" if lines else ""
    return f"{type(error).__name__}{where}: {error}"


def in_target(frame):
    folders = [os.path.abspath(FOLDERS.get(name, name)) for name in ("exercises", "solutions")]
    folders += [os.path.abspath(path) for path in FOLDERS.values()]
    return any(os.path.abspath(frame.filename).startswith(f + os.sep) for f in folders)


def layer_error_message(package, what, error):
    """One line for a layer that raised or returned something the example cannot use."""
    return (
        f"{what} in {folder(package)}/ did not work: {describe(error)}. "
        "`python -m checker` tells you more."
    )


def not_implemented_message(package, what):
    return (
        f"{what} is not implemented yet in {folder(package)}/. "
        "Fill in its TODO, then run this example again (or `python -m checker`)."
    )


def compare_with_book(values, book, names):
    """Say whether the example's numbers are the chapter's (up to rounding); 0 if they are."""
    try:
        same = len(values) == len(book) and all(
            abs(float(value) - expected) <= 1e-9 * max(1.0, abs(expected))
            for value, expected in zip(values, book, strict=True)
        )
    except (TypeError, ValueError):  # not numbers at all
        same = False
    if same:
        print("These are the chapter's numbers (up to rounding).")
        return 0
    print(f"The chapter has {names} = {' '.join(f'{n:g}' for n in book)}: compare yours.")
    return 1
