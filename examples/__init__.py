"""Runnable chapter-5 examples. They run your exercises/; --solutions runs the reference."""

import argparse
import importlib


def parse_target(description, argv=None, parser=None):
    """Parse --solutions and return the package name whose layers the example runs."""
    parser = parser or argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--solutions", action="store_true", help="run the reference in solutions/ instead"
    )
    args = parser.parse_args(argv)
    return ("solutions" if args.solutions else "exercises"), args


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
        f"{what} is not implemented yet in {package}/. "
        "Fill in its TODO, then run this example again (or `python -m checker`)."
    )
