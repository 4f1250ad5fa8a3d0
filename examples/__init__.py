"""Runnable chapter-5 examples. They run your exercises/; --solutions runs the reference.

--target PATH runs the layers of any folder laid out like exercises/ (a student's copy, or a
mutant in our tests): the folder is imported as the package `target`, so its files may import
each other with `from .affine import Affine` as the stubs do.
"""

import argparse
import importlib
import os
import sys
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
    """The class `name` from package.module, e.g. load("exercises", "mul_layer", "MulLayer")."""
    try:
        return getattr(importlib.import_module(f"{package}.{module}"), name)
    except ModuleNotFoundError as error:
        if error.name != package:
            raise
        message = f"There is no {package}/ folder here (the reference is for instructors)."
        raise SystemExit(message) from None


def not_implemented_message(package, what):
    return (
        f"{what} is not implemented yet in {folder(package)}/. "
        "Fill in its TODO, then run this example again (or `python -m checker`)."
    )
